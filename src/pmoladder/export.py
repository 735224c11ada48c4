"""A resolved ladder written out as one standalone file: what `pmoladder ladder show` prints."""

from __future__ import annotations

import json
from typing import Any

HEADER = "# Resolved by pmoladder ladder show: a standalone ladder, valid on its own.\n"


def standalone(model: Any) -> dict[str, Any]:
    """The ladder's data with defaults left out and single-level requirements kept short,
    so the file reads like one written by hand."""
    data: dict[str, Any] = model.model_dump(mode="python", exclude_defaults=True)
    for role in data.get("roles", []):
        for skill_id, req in role.get("skills", {}).items():
            if set(req) == {"level"}:
                role["skills"][skill_id] = req["level"]
    return data


def as_yaml(model: Any) -> str:
    import yaml

    text = yaml.safe_dump(standalone(model), sort_keys=False, allow_unicode=True, width=100)
    return HEADER + text


def as_json(model: Any) -> str:
    from pmoladder.errors import json_safe

    return json_safe(json.dumps(standalone(model), indent=2, ensure_ascii=False)) + "\n"
