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
