"""JSON Schema (draft 2020-12) for both file kinds, generated from the models."""

from __future__ import annotations

import json
from typing import Any

KINDS = ("ladder", "profile")


def json_schema(kind: str) -> dict[str, Any]:
    from pmoladder.models import LadderFile, ProfileFile

    model = {"ladder": LadderFile, "profile": ProfileFile}[kind]
    schema = model.model_json_schema()
    schema["title"] = f"pmoladder {kind}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
