from __future__ import annotations

from pmoladder.ladder import Ladder
from pmoladder.profile import load_profile
from pmoladder.starter import starter_profile


def test_starter_profile_is_valid_and_lists_every_skill(builtin: Ladder, write):
    text = starter_profile(builtin)
    person = load_profile(write("p.yaml", text), builtin)
    assert set(person.skills) == set(builtin.skills)
    assert text.startswith("# yaml-language-server: $schema=profile.schema.json\n")
    assert "0 Unaware, 1 Aware, 2 Practised, 3 Competent, 4 Proficient, 5 Expert" in text


def test_starter_profile_for_another_ladder(mini: Ladder, write):
    text = starter_profile(mini, "https://example.test/profile.schema.json")
    person = load_profile(write("p.yaml", text), mini)
    assert person.current_role.id == "starter" and person.target_role.id == "lead"
    assert "$schema=https://example.test/profile.schema.json" in text


def _framework(write) -> str:
    """A large ladder from another field, whose first role moves to its third."""
    import yaml
    from test_large_ladder import large_ladder

    data = large_ladder()
    data["experience_label"] = "years in clinical practice"
    data["roles"][0]["next"] = ["principal"]
    data["certifications"] = [{"id": f"cert-{n:03d}", "name": f"Cert {n}"} for n in range(220)]
    return write("framework.yaml", yaml.safe_dump(data, sort_keys=False))


def test_the_starter_speaks_in_the_ladders_own_words(write):
    from pmoladder.ladder import load_ladder

    ladder = load_ladder(_framework(write))
    text = starter_profile(ladder)
    assert "# Years in clinical practice (a number" in text
    assert "{id: cert-000, earned:" in text
    for word in ("project", "pmo", "pmp"):
        assert word not in text.casefold().replace("pmoladder", "")
    person = load_profile(write("p.yaml", text), ladder)
    assert person.target_role.id == "principal"  # the first role's next move, not the second


def test_long_lists_of_ids_are_shortened_with_a_count(write):
    from pmoladder.ladder import load_ladder

    text = starter_profile(load_ladder(_framework(write)))
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) < 40
    assert "tool-014, and 534 more (`pmoladder ladder" in text and "tool-015" not in text
    assert ", and 205 more (" in text and "cert-015" not in text


def test_a_first_role_without_next_moves_leaves_the_target_to_the_reader(write):
    import yaml

    from pmoladder.ladder import load_ladder

    ladder = load_ladder(
        write(
            "l.yaml",
            yaml.safe_dump(
                {
                    "schema_version": 1,
                    "name": "Two",
                    "scale": [{"level": 0, "name": "None"}, {"level": 1, "name": "Some"}],
                    "skills": [{"id": "a", "name": "A"}],
                    "roles": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}],
                }
            ),
        )
    )
    text = starter_profile(ladder)
    assert "# target_role: ROLE\n" in text and "# Years of experience (" in text
    assert load_profile(write("p.yaml", text), ladder).target_role is None


def test_init_writes_a_profile_schema_made_for_the_ladder(write, tmp_path):
    import json

    import jsonschema
    import yaml
    from typer.testing import CliRunner

    from pmoladder.cli import app

    ladder = _framework(write)
    result = CliRunner().invoke(app, ["init", "me.yaml", "--ladder", ladder])
    assert result.exit_code == 0, result.output
    schema = json.loads((tmp_path / "profile.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    profile = yaml.safe_load((tmp_path / "me.yaml").read_text(encoding="utf-8"))
    assert list(validator.iter_errors(profile)) == []
    skills = schema["properties"]["skills"]["properties"]
    assert len(skills) == 164 and skills["skill-007"]["title"] == "Skill 007"
    assert schema["properties"]["target_role"]["anyOf"][0]["enum"] == [
        "analyst",
        "specialist",
        "principal",
    ]
    assert "tool-548" in schema["properties"]["tools"]["items"]["anyOf"][0]["enum"]
    assert (
        "cert-219" in schema["$defs"]["HeldCertification"]["properties"]["id"]["anyOf"][0]["enum"]
    )
    for wrong in (
        {"skills": {"skill-999": 1}},
        {"skills": {"skill-001": 5}},
        {"skills": {"skill-001": {"level": "Levl 2"}}},
        {"current_role": "analyts"},
    ):
        assert list(validator.iter_errors({**profile, **wrong})), wrong
    profile["skills"]["skill-001"] = "level 3"  # level names in any case, as the tool reads them
    profile["tools"] = ["tool-001", "a-tool-the-ladder-does-not-list"]
    assert list(validator.iter_errors(profile)) == []
