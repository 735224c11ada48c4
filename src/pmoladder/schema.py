"""JSON Schema (draft 2020-12) of the two file kinds and of every result kind's JSON,
generated from the models that read the files and write the results."""

from __future__ import annotations

import json
from typing import Any

from pmoladder.formats import SCHEMA_KINDS

KINDS = SCHEMA_KINDS


def json_schema(kind: str) -> dict[str, Any]:
    if kind == "ladder":
        schema = _ladder_schema()
    elif kind == "profile":
        from pmoladder.models import ProfileFile

        schema = ProfileFile.model_json_schema()
    else:
        from importlib import import_module

        model = import_module(f"pmoladder.outputs.{kind.replace('-', '_')}").OUTPUT
        schema = model.model_json_schema(mode="serialization")
    schema["title"] = f"pmoladder {kind}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(kind: str) -> str:
    return _text(json_schema(kind))


def _text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def profile_schema_text(ladder: Any) -> str:
    return _text(profile_schema(ladder))


def _ladder_schema() -> dict[str, Any]:
    """A ladder file, standalone or an overlay (`extends`).

    The top level describes what an overlay may say, every key optional but ids, so that
    editors complete both kinds; a file without `extends` must also be a whole ladder, by
    the strict definitions kept under `$defs` with the prefix `Whole`."""
    import copy

    from pmoladder.ladder import SECTIONS
    from pmoladder.models import SLUG_PATTERN, LadderFile

    whole = LadderFile.model_json_schema()
    schema = copy.deepcopy(whole)
    for definition in schema["$defs"].values():
        if "required" in definition:
            definition["required"] = [k for k in definition["required"] if k in ("id", "level")]
    schema["required"] = ["schema_version"]
    defs = schema["$defs"]
    levels = defs["Skill"]["properties"]["levels"]
    levels["additionalProperties"] = {"anyOf": [levels["additionalProperties"], {"type": "null"}]}
    for requirement in defs["Role"]["properties"]["skills"]["patternProperties"].values():
        requirement["anyOf"].append({"type": "null"})
    defs["Role"]["properties"]["after"] = {
        "type": "string",
        "pattern": SLUG_PATTERN,
        "description": "In an overlay, a new role goes right after this one (default: last).",
    }
    ids = {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}}
    schema["properties"] = {
        "schema_version": schema["properties"].pop("schema_version"),
        "extends": {
            "type": "string",
            "description": "Build on another ladder: 'builtin', or a path relative to this file.",
        },
        "remove": {
            "type": "object",
            "description": "Ids to drop from the base, per section; references to them go too.",
            "properties": {name: ids for name in SECTIONS},
            "additionalProperties": False,
        },
        **schema["properties"],
    }
    for name, definition in whole["$defs"].items():
        defs[f"Whole{name}"] = _whole_refs(definition)
    schema["if"] = {"required": ["extends"]}
    schema["else"] = {
        "required": whole["required"],
        "properties": {
            "remove": False,
            **{k: _whole_refs(whole["properties"][k]) for k in ("scale", *SECTIONS)},
        },
    }
    schema["description"] = (
        "A pmoladder ladder: roles, skills and everything they refer to; or an overlay that "
        "extends another ladder and says only what differs."
    )
    return schema


def _whole_refs(value: Any) -> Any:
    """`value` with its references pointing at the strict (`Whole`) definitions."""
    return json.loads(json.dumps(value).replace('"#/$defs/', '"#/$defs/Whole'))


def profile_schema(ladder: Any) -> dict[str, Any]:
    """The profile schema made for one ladder, for `pmoladder init`: its skill and role ids
    are the only ones allowed, each skill described by its name; its certification and tool
    ids are offered for completion, other ids still allowed (the ladder may not list every
    certificate a person holds)."""
    schema = json_schema("profile")
    schema["title"] = f"pmoladder profile for {ladder.name}"
    props, defs = schema["properties"], schema["$defs"]
    names = [s.name for s in ladder.scale]
    level = {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": ladder.max_level},
            {"enum": list(dict.fromkeys([*names, *(n.casefold() for n in names)]))},
        ],
        "description": ", ".join(f"{s.level} {s.name}" for s in ladder.scale),
    }
    defs["Rating"]["properties"]["level"] = level
    roles = [key for role in ladder.roles.values() for key in (role.id, *role.aliases)]
    for key in ("current_role", "target_role"):
        props[key] = {**props[key], "anyOf": [{"enum": roles}, {"type": "null"}]}
    props["skills"] = {
        "type": "object",
        "title": "Skills",
        "description": "Your level in each skill, by id.",
        "properties": {
            s.id: {"anyOf": [*level["anyOf"], {"$ref": "#/$defs/Rating"}], "title": s.name}
            for s in ladder.skills.values()
        },
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }
    certs = _offered(ladder.certifications)
    defs["HeldCertification"]["properties"]["id"] = certs
    props["certifications"]["items"]["anyOf"][0] = certs
    props["tools"]["items"] = _offered(ladder.tools)
    return schema


def _offered(entries: dict[str, Any]) -> dict[str, Any]:
    """Ids an editor offers, without refusing others."""
    return {"anyOf": [{"enum": list(entries)}, {"type": "string", "maxLength": 10_000}]}
