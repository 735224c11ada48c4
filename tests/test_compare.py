from __future__ import annotations

from pmoladder.compare import compare
from pmoladder.profile import load_profile


def test_compare_lists_skills_certifications_and_years(builtin, write):
    old = load_profile(
        write(
            "a.yaml",
            "years_experience: 3\nskills: {leadership: 2, pm-tools: 3}\ncertifications: [capm]\n",
        ),
        builtin,
    )
    new = load_profile(
        write(
            "b.yaml",
            "years_experience: 4\nskills: {leadership: 3, governance: 1}\ncertifications: [pmp]\n",
        ),
        builtin,
    )
    changes = compare(builtin, old, new)
    assert [(c.id, c.before, c.after) for c in changes.skills] == [
        ("governance", None, 1),
        ("pm-tools", 3, None),
        ("leadership", 2, 3),
    ]
    assert (changes.gained, changes.lost, changes.years) == (["pmp"], ["capm"], (3, 4))
    assert changes


def test_no_changes_is_falsy(builtin, write):
    same = load_profile(write("a.yaml", "skills: {leadership: 2}\n"), builtin)
    assert not compare(builtin, same, same)
