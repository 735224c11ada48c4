"""JSON Schema (draft 2020-12) of the two file kinds and of every result kind's JSON,
generated from the models that read the files and write the results."""

from __future__ import annotations

import json
from typing import Any

from pmoladder.formats import FILE_KINDS, SCHEMA_KINDS

KINDS = SCHEMA_KINDS


def json_schema(kind: str) -> dict[str, Any]:
    if kind in FILE_KINDS:
        from pydantic import BaseModel

        from pmoladder.models import LadderFile, ProfileFile

        files: dict[str, type[BaseModel]] = {"ladder": LadderFile, "profile": ProfileFile}
        schema = files[kind].model_json_schema()
    else:
        from importlib import import_module

        model = import_module(f"pmoladder.outputs.{kind}").OUTPUT
        schema = model.model_json_schema(mode="serialization")
    schema["title"] = f"pmoladder {kind}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
