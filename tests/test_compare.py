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


def test_compare_sees_promotions_targets_tools_and_evidence(builtin, write):
    old = load_profile(
        write(
            "a.yaml",
            "current_role: pm\ntools: [jira]\nskills: {leadership: {level: 2, evidence: x}}\n",
        ),
        builtin,
    )
    new = load_profile(
        write(
            "b.yaml",
            "current_role: program-manager\ntarget_role: director\ntools: [jira, ms-project]\n"
            "skills: {leadership: {level: 2, evidence: y}}\n",
        ),
        builtin,
    )
    changes = compare(builtin, old, new)
    assert changes.current_role == ("pm", "program-manager")
    assert changes.target_role == (None, "director")
    assert (changes.tools_gained, changes.tools_lost) == (["ms-project"], [])
    assert [(e.id, e.before, e.after) for e in changes.evidence] == [("leadership", "x", "y")]
    assert not changes.skills and changes
    only_promoted = load_profile(write("c.yaml", "current_role: program-manager\n"), builtin)
    assert compare(
        builtin, load_profile(write("d.yaml", "current_role: pm\n"), builtin), only_promoted
    )
