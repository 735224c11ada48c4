"""`pmoladder progress --format json`."""

from __future__ import annotations

from pmoladder.outputs import Out
from pmoladder.outputs.common import Change


class Point(Out):
    commit: str
    date: str
    readiness: float
    ready: bool
    changes: list[Change]


class Progress(Out):
    target: str
    points: list[Point]


OUTPUT = Progress
