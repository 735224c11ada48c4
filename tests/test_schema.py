from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmoladder.formats import FILE_KINDS
from pmoladder.schema import KINDS, schema_text

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def test_every_committed_schema_is_of_a_kind():
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(
        f"{kind}.schema.json" for kind in KINDS
    )


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schemas_are_current(kind):
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), (
        f"run: pmoladder schema {kind} > schemas/{kind}.schema.json"
    )


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_schemas_are_2020_12_and_allow_extension_keys(kind):
    schema = json.loads(schema_text(kind))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert schema["patternProperties"] == {"^x-": {}}


def test_profile_schema_accepts_levels_as_numbers_or_names():
    skills = json.loads(schema_text("profile"))["properties"]["skills"]
    types = [option.get("type") for option in skills["additionalProperties"]["anyOf"]]
    assert types[:2] == ["integer", "string"]


LADDERS = ["data/ladder.yaml", "examples/software-ladder.yaml", "examples/acme/acme-ladder.yaml"]


def _ladder_problems(data: dict) -> list[str]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(json.loads(schema_text("ladder")))
    return [e.message for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", LADDERS)
def test_the_ladder_schema_accepts_whole_ladders_and_overlays(path):
    import yaml

    data = yaml.safe_load((SCHEMAS.parent / path).read_text(encoding="utf-8"))
    assert _ladder_problems(json.loads(json.dumps(data))) == []


def test_the_ladder_schema_describes_overlays():
    properties = json.loads(schema_text("ladder"))["properties"]
    assert {"extends", "remove", "experience_label"} <= set(properties)
    overlay = {
        "schema_version": 1,
        "extends": "builtin",
        "remove": {"roles": ["cpo"]},
        "scale": [{"level": 1, "name": "Heard of it"}],
        "skills": [{"id": "leadership", "levels": {"2": None}, "replaces": ["leading"]}],
        "roles": [
            {"id": "director", "skills": {"budgeting": None, "leadership": 4}},
            {"id": "delivery-lead", "after": "pm", "name": "Delivery Lead"},
        ],
    }
    assert _ladder_problems(overlay) == []
    assert _ladder_problems({**overlay, "remove": {"rolez": ["cpo"]}})


def test_a_whole_ladder_is_held_to_every_required_key():
    import yaml

    whole = yaml.safe_load((SCHEMAS.parent / LADDERS[1]).read_text(encoding="utf-8"))
    assert _ladder_problems({**whole, "remove": {"roles": []}})
    whole["roles"][1]["after"] = whole["roles"][0]["id"]
    assert _ladder_problems(whole) == ["'after' does not match any of the regexes: '^x-'"]
    del whole["roles"][1]["after"], whole["roles"][1]["name"]
    assert _ladder_problems(whole) == ["'name' is a required property"]
