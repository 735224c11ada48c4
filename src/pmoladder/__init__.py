"""Career ladder and skills-gap tool for the project-management path."""

__version__ = "0.1.0"
