"""Property-based tests: whatever the input, loading either works or fails with one line."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmoladder.errors import FileError, FileErrors
from pmoladder.gap import compute_gap
from pmoladder.inputs import decode
from pmoladder.ladder import builtin_path, ladder_from
from pmoladder.profile import person_from
from pmoladder.yamlfile import load, parse

LADDER = ladder_from(load(str(builtin_path())))  # module level: no fixtures, no cache
SKILLS = list(LADDER.skills)
LEVEL_NAMES = LADDER.level_names()
CHECKS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_fail(text: str):
    """A Person, or None after checking that every reported problem is one located line."""
    try:
        return person_from(parse("p.yaml", text), LADDER)
    except FileErrors as exc:
        problems = exc.errors
    except FileError as exc:
        problems = [exc]
    for problem in problems:
        line = str(problem)
        assert "\n" not in line and line.startswith("p.yaml")
        assert "Traceback" not in line
    return None


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(SKILLS + LEVEL_NAMES + ["pmp", "x-note", "<<"]),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(
                st.text(max_size=8),
                st.sampled_from(
                    [
                        "skills",
                        "level",
                        "certifications",
                        "current_role",
                        "years_experience",
                        "tools",
                        "name",
                        "target_role",
                        "evidence",
                        "assessed",
                        "id",
                        "earned",
                    ]
                    + SKILLS
                ),
            ),
            children,
            max_size=5,
        ),
    ),
    max_leaves=20,
)


@CHECKS
@given(st.text(max_size=300))
def test_any_text_loads_or_fails_in_one_line(text):
    load_or_fail(text)


@CHECKS
@given(st.binary(max_size=300))
def test_any_bytes_load_or_fail_in_one_line(raw):
    try:
        text = decode("p.yaml", raw)
    except FileError as exc:
        assert "\n" not in str(exc)
        return
    load_or_fail(text)


@CHECKS
@given(documents)
def test_any_yaml_document_loads_or_fails_in_one_line(data):
    load_or_fail(yaml.safe_dump(data))


VALID = {
    "current_role": "pm",
    "target_role": "director",
    "years_experience": 6,
    "skills": {"leadership": 3, "strategic-thinking": {"level": "practised"}},
    "certifications": ["pmp", {"id": "capm", "earned": "2024-01-01"}],
    "tools": ["jira"],
}
keys = st.sampled_from(
    [
        "current_role",
        "target_role",
        "years_experience",
        "skills",
        "certifications",
        "tools",
        "name",
        "schema_version",
        "skils",
    ]
)


@st.composite
def mutated_profiles(draw):
    profile = yaml.safe_load(yaml.safe_dump(VALID))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["set", "drop", "skill", "nest"]))
        if action == "set":
            profile[draw(keys)] = draw(documents)
        elif action == "drop":
            profile.pop(draw(keys), None)
        elif action == "skill" and isinstance(profile.get("skills"), dict):
            profile["skills"][draw(st.sampled_from(SKILLS + ["leadrship"]))] = draw(scalars)
        elif action == "nest" and isinstance(profile.get("skills"), dict):
            profile["skills"]["leadership"] = {"level": draw(scalars), "assessed": draw(scalars)}
    return yaml.safe_dump(profile)


@CHECKS
@given(mutated_profiles())
def test_mutated_profiles_load_or_fail_in_one_line(text):
    load_or_fail(text)


valid_profiles = st.fixed_dictionaries(
    {
        "skills": st.dictionaries(
            st.sampled_from(SKILLS),
            st.one_of(st.integers(0, LADDER.max_level), st.sampled_from(LEVEL_NAMES)),
        ),
        "certifications": st.lists(st.sampled_from(list(LADDER.certifications)), unique=True),
    },
    optional={"years_experience": st.one_of(st.integers(0, 40), st.floats(0, 40))},
)


@CHECKS
@given(valid_profiles)
def test_gap_on_any_valid_profile_is_bounded(profile):
    person = load_or_fail(yaml.safe_dump(profile))
    assert person is not None
    for role in LADDER.roles.values():
        gap = compute_gap(LADDER, person.standing(), role)
        assert 0.0 <= gap.readiness <= 1.0
        assert all(s.shortfall >= 0 for s in gap.skills)
        assert gap.years_to_go is None or gap.years_to_go >= 0
        assert gap.ready == (
            gap.readiness == 1.0 and not gap.missing_required and not gap.years_to_go
        )
