"""The typed shape of every `--format json` output: a module per result kind, named after
it, whose `OUTPUT` is the model of the whole document.

The JSON renderer fills these models and dumps them, and `pmoladder schema KIND` prints
their JSON Schema, so the schema and the output cannot drift apart. Field order is key
order. A key that a result may leave out has a default and is dumped only when set.
A command imports only the module of the kind it prints: defining a model costs about a
millisecond, and every model is built on first use (`defer_build`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    model_config = ConfigDict(defer_build=True, populate_by_name=True, extra="forbid")


def data(model: BaseModel) -> Any:
    """The model as JSON data: keys in field order, optional keys only where set."""
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True)
