"""Every `--format json` output against its committed JSON Schema, and the promise that a
format version never loses a key."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pmoladder.cli import app
from pmoladder.formats import FILE_KINDS, RESULTS, SCHEMA_KINDS

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
PROFILE = str(ROOT / "examples" / "profile.yaml")
TEAM = str(ROOT / "tests" / "fixtures" / "team")
MINI = str(ROOT / "tests" / "fixtures" / "mini-ladder.yaml")
# The mini ladder with a skill renamed and a requirement changed, for `ladder diff`.
RENAMED = (
    Path(MINI)
    .read_text(encoding="utf-8")
    .replace("planning", "scheduling")
    .replace(
        "{id: scheduling, name: Planning}", "{id: scheduling, name: Planning, replaces: [planning]}"
    )
    .replace("    min_years: 4\n", "    min_years: 5\n")
)
# Every key (as a path: `skills[].id`) of each output in format version 1, and whether
# it is required. Adding keys is fine (add them here too); removing or loosening one is not.
FROZEN = ROOT / "tests" / "fixtures" / "output-keys-v1.json"

OLD = "target_role: junior-pm\nskills: {planning-scheduling: 1}\ncertifications: [capm]\n"
NEW = (
    "target_role: junior-pm\nyears_experience: 2\nskills: {planning-scheduling: 3}\ntools: [jira]\n"
)

# (kind, arguments): each case runs the command with `--format json`; between them they
# cover every result kind and the keys that only some results carry.
CASES = [
    ("roles", ["roles"]),
    ("role", ["role", "director"]),
    ("skills", ["skills"]),
    ("skill", ["skills", "risk-management"]),
    ("gap", ["gap", "--from", "pm", "--target", "director"]),
    ("gap", ["gap", "--profile", PROFILE, "--target", "director"]),
    ("plan", ["plan", "--profile", PROFILE, "--target", "pmo-manager"]),
    ("path", ["path", "--from", "coordinator", "--to", "cpo"]),
    ("path", ["path", "--profile", PROFILE, "--to", "director"]),
    ("next", ["next", "--from", "pm"]),
    ("match", ["match", "--profile", PROFILE]),
    ("diff", ["diff", "old.yaml", "new.yaml", "--target", "pm"]),
    ("diff", ["diff", "old.yaml", "new.yaml"]),
    ("progress", ["progress", "--profile", "profile.yaml"]),
    ("team", ["team", TEAM, "--target", "pm", "--bench", "--shortages"]),
    ("team", ["team", TEAM]),
    ("validate", ["validate", "old.yaml", "broken.yaml"]),
    ("config", ["config"]),
    ("ladder diff", ["ladder", "diff", MINI, "renamed.yaml"]),
]


def schema(kind: str) -> dict:
    """The committed schema of a result kind (`ladder diff` is `ladder-diff`)."""
    name = kind.replace(" ", "-")
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("kind", "args"), CASES, ids=[" ".join(c[1][:2]) for c in CASES])
def test_real_output_matches_its_schema(kind, args, repo, write):
    write("old.yaml", OLD)
    write("new.yaml", NEW)
    write("broken.yaml", "skills: {planning-scheduling: 9}\n")
    write("renamed.yaml", RENAMED)
    repo(OLD, "one", "2026-01-10")
    repo(NEW, "two", "2026-04-10")
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    # validate says "no" (1) for the broken file; every other case succeeds
    assert result.exit_code == (1 if kind == "validate" else 0), result.output
    assert result.stdout.strip(), result.stderr
    jsonschema.validate(json.loads(result.stdout), schema(kind))


def test_anonymous_team_matches_the_schema(tmp_path):
    people = tmp_path / "people"
    people.mkdir()
    for i in range(5):
        (people / f"p{i}.yaml").write_text(
            f"target_role: pm\nskills: {{planning-scheduling: {i % 5}}}\n", encoding="utf-8"
        )
    args = ["team", str(people), "--anonymous", "--bench", "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "person" in data["people"][0] and "path" not in data["people"][0]
    jsonschema.validate(data, schema("team"))


def test_the_cases_cover_every_kind_with_json():
    # `ladder show` prints a ladder file, whose schema is the ladder's.
    with_json = {kind for kind, formats in RESULTS.items() if "json" in formats}
    assert {kind for kind, _ in CASES} == with_json - {"ladder show"}
    named = {kind.replace(" ", "-") for kind, _ in CASES}
    assert SCHEMA_KINDS == FILE_KINDS + tuple(sorted(named, key=list(SCHEMA_KINDS).index))
    assert set(SCHEMA_KINDS) == set(FILE_KINDS) | named


def test_a_schema_rejects_what_the_output_never_holds():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"ladder": "x", "roles": [], "extra": 1}, schema("roles"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"ladder": "x"}, schema("roles"))


def keys(node: dict, defs: dict, prefix: str = "") -> dict[str, bool]:
    """Each key path under `node` and whether it is required."""
    found: dict[str, bool] = {}
    if "$ref" in node:
        return keys(defs[node["$ref"].rsplit("/", 1)[1]], defs, prefix)
    for option in node.get("anyOf", []):
        found.update(keys(option, defs, prefix))
    if node.get("type") == "array" and "items" in node:
        found.update(keys(node["items"], defs, prefix + "[]"))
    if isinstance(node.get("additionalProperties"), dict):
        found.update(keys(node["additionalProperties"], defs, prefix + "{}"))
    required = set(node.get("required", []))
    for name, sub in node.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        found[path] = name in required
        found.update(keys(sub, defs, path))
    return found


def current_keys() -> dict[str, dict[str, bool]]:
    out = {}
    for kind in SCHEMA_KINDS:
        if kind not in FILE_KINDS:
            whole = schema(kind)
            out[kind] = keys(whole, whole.get("$defs", {}))
    return out


def test_no_key_is_removed_or_made_optional_within_the_format_version():
    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    now = current_keys()
    for kind, paths in frozen.items():
        for path, required in paths.items():
            assert path in now[kind], f"{kind}: key {path} was removed"
            assert now[kind][path] or not required, f"{kind}: key {path} became optional"


def test_the_frozen_list_knows_every_key():
    """A new key is frozen too, so that it cannot vanish again unnoticed."""
    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    assert current_keys() == frozen, f"add the new keys to {FROZEN.name}"


def test_the_key_walk_sees_nested_and_optional_keys():
    found = current_keys()
    assert found["gap"]["skills[].stale"] is True
    assert found["diff"]["readiness"] is False
    assert found["diff"]["readiness.from"] is True
    assert found["team"]["people[].path"] is False


@pytest.mark.parametrize("anonymous", [False, True])
def test_team_rows_are_laid_out_as_the_person_model(anonymous, tmp_path):
    """Team rows are written as plain data, for speed: each must still be a `Person` of
    the schema, with its keys in the model's order, in JSON and in JSON Lines."""
    from pmoladder.outputs import team as out

    (tmp_path / "broken.yaml").write_text("skills: {plan: 1}\n", encoding="utf-8")
    args = ["team", TEAM, str(tmp_path), "--min-group", "1"]
    whole = CliRunner().invoke(app, [*args, "-f", "json", *(["--anonymous"] if anonymous else [])])
    rows = json.loads(whole.stdout)["people"] + json.loads(whole.stdout)["no_target"]
    if not anonymous:
        lines = CliRunner().invoke(app, [*args, "-f", "jsonl"]).stdout.splitlines()
        rows += [json.loads(line) for line in lines]
    assert len(rows) >= 4 and ("error" in str(rows)) == (not anonymous)
    for row in rows:
        model = out.Skipped if "error" in row else out.Person
        assert list(row) == [key for key in model.model_fields if key in row]
        assert model.model_validate(row).model_dump(exclude_unset=True) == row
