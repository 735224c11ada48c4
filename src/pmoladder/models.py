"""The shapes of the two file kinds, as pydantic models.

Validation here is structural and strict (a level of `yes` or `2.5` is an error, not a
coercion); references between sections need the whole file and are checked in `ladder`
and `profile`.
"""

import datetime as dt
import math
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, model_validator

from pmoladder.dates import parse_date
from pmoladder.numbers import Number

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Text = Annotated[str, Field(max_length=10_000)]
Level = Annotated[int, Field(ge=0, le=100)]


def _at_least(minimum: int, exclusive: bool) -> Callable[[Any], Number]:
    """A check for a real, finite number bound below."""
    bound = f"greater than {minimum}" if exclusive else f"{minimum} or more"

    def check(value: Any) -> Number:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"expected a number {bound}")
        if not math.isfinite(value) or value < minimum or (exclusive and value == minimum):
            raise ValueError(f"expected a number {bound}")
        return value

    return check


Years = Annotated[
    Number,
    PlainValidator(_at_least(0, exclusive=False), json_schema_input_type=float),
    Field(json_schema_extra={"minimum": 0}),
]
Weight = Annotated[
    Number,
    PlainValidator(_at_least(0, exclusive=True), json_schema_input_type=float),
    Field(json_schema_extra={"exclusiveMinimum": 0}),
]


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    raise ValueError("expected a date written YYYY-MM-DD")


Date = Annotated[dt.date, PlainValidator(_date, json_schema_input_type=dt.date)]


def _level_value(value: Any) -> int | str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError("expected a level: a whole number of the scale or a level name")
    return value


LevelValue = Annotated[
    Union[int, str], PlainValidator(_level_value, json_schema_input_type=Union[int, str])
]


def _shorthand(field: str) -> Any:
    """Accept `x` where `{field: x}` is meant: `leadership: 3`, `- pmp`."""
    return lambda value: value if isinstance(value, dict) else {field: value}


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        defer_build=True,
        # `x-` keys are extensions: accepted anywhere (the loader drops them).
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    @model_validator(mode="before")
    @classmethod
    def _null_is_empty(cls, data: Any) -> Any:
        """`tools:` with nothing after it is null in YAML; for a collection it means none."""
        if not isinstance(data, dict) or None not in data.values():
            return data
        empty = {n for n, f in cls.model_fields.items() if isinstance(f.default, (list, dict))}
        return {k: v for k, v in data.items() if v is not None or k not in empty}


class _Entry(_Model):
    id: Slug
    name: Text
    description: Text | None = None


# --- the ladder file -------------------------------------------------------------------


class ScaleLevel(_Model):
    """One proficiency level; levels run 0, 1, 2, ... without gaps."""

    level: Level
    name: Text
    description: Text | None = None


class Tier(_Entry):
    """A band of roles, such as entry, mid or senior; listed lowest first."""


class Category(_Entry):
    """A group of skills, such as one side of PMI's Talent Triangle."""


def _level_keys(value: Any) -> Any:
    """JSON writes every key as text: a key of plain digits ("3") names that level."""
    if not isinstance(value, dict):
        return value
    return {
        int(k) if isinstance(k, str) and k.isascii() and k.isdigit() and str(int(k)) == k else k: v
        for k, v in value.items()
    }


class Skill(_Entry):
    """A skill, with what each level of it looks like in practice."""

    category: Slug | None = None
    levels: Annotated[
        dict[Level, Text],
        BeforeValidator(_level_keys),
        Field(json_schema_extra={"propertyNames": {"pattern": "^(0|[1-9][0-9]*)$"}}),
    ] = {}
    replaces: list[Slug] = Field([], description="Old ids of this skill, still read in profiles.")


class Certification(_Entry):
    """A certification a role may require or recommend."""

    issuer: Text | None = None
    renews_every_years: Weight | None = None
    eligibility: Text | None = Field(None, description="One line on who may sit for it.")


class Tool(_Entry):
    """A tool people in a role usually use."""


class Requirement(_Model):
    """The level a role requires in a skill, and how much it counts."""

    level: Level
    weight: Weight = 1


RequirementIn = Annotated[
    Requirement,
    BeforeValidator(_shorthand("level"), json_schema_input_type=Union[Level, Requirement]),
]


class RoleCertifications(_Model):
    """Certification ids a role requires or recommends, in order."""

    required: list[Slug] = []
    required_any: list[Annotated[list[Slug], Field(min_length=1)]] = Field(
        [], description="Groups of equivalent certifications: holding one of a group meets it."
    )
    recommended: list[Slug] = []

    def held_by_role(self) -> list[str]:
        """What a person standing in the role counts as holding: every required
        certification and the first of each group of equivalents."""
        return [*self.required, *(group[0] for group in self.required_any)]


class Role(_Entry):
    """One rung of the ladder."""

    tier: Slug | None = None
    aliases: list[Slug] = []
    summary: Text | None = None
    responsibilities: list[Text] = []
    min_years: Years = 0
    next: list[Slug] = []
    skills: dict[Slug, RequirementIn] = {}
    certifications: RoleCertifications = RoleCertifications()
    tools: list[Slug] = []
    kpis: list[Slug] = Field([], description="Ids of the KPIs people in the role are judged by.")
    replaces: list[Slug] = Field([], description="Old ids of this role, still read in profiles.")


class Step(_Entry):
    """A development step: which skills it develops and how."""

    develops: list[Slug] = []
    actions: list[Text] = []


class Challenge(_Entry):
    """A challenge people meet on the way, with strategies for it."""

    strategies: list[Text] = []
    skills: list[Slug] = []


class Kpi(_Entry):
    """A measure that people in senior roles are judged by."""

    measure: Text | None = Field(None, description="How the figure is worked out.")


class Feedback(_Entry):
    """A way of gathering feedback on delivery."""


class LadderFile(_Model):
    """A pmoladder ladder: roles, skills and everything they refer to."""

    schema_version: Literal[1]
    name: Text
    description: Text | None = None
    experience_label: Text | None = Field(
        None, description="What years_experience counts, such as 'years in software'."
    )
    scale: Annotated[list[ScaleLevel], Field(min_length=1)]
    tiers: list[Tier] = []
    categories: list[Category] = []
    skills: Annotated[list[Skill], Field(min_length=1)]
    certifications: list[Certification] = []
    tools: list[Tool] = []
    roles: Annotated[list[Role], Field(min_length=1)]
    steps: list[Step] = []
    challenges: list[Challenge] = []
    kpis: list[Kpi] = []
    feedback: list[Feedback] = []


# --- the profile file ------------------------------------------------------------------


class Rating(_Model):
    """A skill rating with its evidence and the date it was assessed."""

    level: LevelValue
    evidence: Text | None = None
    assessed: Date | None = None


RatingIn = Annotated[
    Rating,
    BeforeValidator(_shorthand("level"), json_schema_input_type=Union[LevelValue, Rating]),
]


class HeldCertification(_Model):
    """A certification the person holds."""

    id: Text
    earned: Date | None = None
    expires: Date | None = None


HeldCertificationIn = Annotated[
    HeldCertification,
    BeforeValidator(_shorthand("id"), json_schema_input_type=Union[Text, HeldCertification]),
]


class ProfileFile(_Model):
    """A pmoladder profile: where one person stands."""

    schema_version: Literal[1] | None = None
    name: Text | None = None
    current_role: Text | None = None
    target_role: Text | None = None
    years_experience: Years | None = None
    skills: dict[Text, RatingIn] = {}
    certifications: list[HeldCertificationIn] = []
    tools: list[Text] = []


# --- from validation errors to located ones --------------------------------------------

_FRIENDLY = {
    "string_pattern_mismatch": "not a valid id: use lowercase letters, digits and single hyphens",
    "literal_error": "expected 1 (the only schema version so far)",
    "string_type": "expected text",
    "dict_type": "expected a mapping of keys",
    "model_type": "expected a mapping of keys",
    "model_attributes_type": "expected a mapping of keys",
    "list_type": "expected a list",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
    "too_short": "expected at least one entry",
    "string_too_long": "text is longer than {max_length:,} characters",
    "greater_than_equal": "expected {ge} or more",
    "less_than_equal": "expected {le} or less",
}


def validate_document(model: type[BaseModel], doc: Any) -> Any:
    """Validate a parsed Document against `model`, reporting every error with its place."""
    from pydantic import ValidationError

    from pmoladder.errors import FileErrors

    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        known = _field_names(model)
        found = _without_typo_echoes(exc.errors(include_url=False))
        raise FileErrors([_located(doc, e, known, i) for i, e in enumerate(found)]) from None


def _without_typo_echoes(errors: list[Any]) -> list[Any]:
    """A typo shows as an unknown key and as a missing one; the unknown key, with its
    suggestion, says it all, so the missing key it stands for is not reported again."""
    from pmoladder.errors import MAX_HINTS, close_matches

    unknown: dict[tuple[Any, ...], list[str]] = {}
    for e in errors:
        if e["type"] == "extra_forbidden":
            unknown.setdefault(tuple(e["loc"][:-1]), []).append(str(e["loc"][-1]))
    return [
        e
        for e in errors
        if not (
            e["type"] == "missing"
            and any(
                close_matches(key, [str(e["loc"][-1])])
                for key in unknown.get(tuple(e["loc"][:-1]), [])[:MAX_HINTS]
            )
        )
    ]


def _located(doc: Any, error: Any, known: list[str], so_far: int) -> Any:
    located = _locate(doc, error, known, so_far)
    located.loc = tuple(error["loc"])
    return located


def _locate(doc: Any, error: Any, known: list[str], so_far: int) -> Any:
    from pmoladder.errors import did_you_mean

    loc, kind = tuple(error["loc"]), error["type"]
    if kind == "extra_forbidden":
        return doc.error(
            loc, f"unknown key '{loc[-1]}'{did_you_mean(str(loc[-1]), known, so_far)}", at_key=True
        )
    if kind == "missing":
        err = doc.error(loc[:-1], f"missing required key '{loc[-1]}'")
        err.key = ".".join(filter(None, (err.key, str(loc[-1]))))
        return err
    at_key = bool(loc) and loc[-1] == "[key]"
    if at_key:
        loc = loc[:-1]
    friendly = _FRIENDLY.get(kind)
    message = (
        friendly.format(**error.get("ctx", {}))
        if friendly
        else error["msg"].removeprefix("Value error, ")
    )
    if kind.endswith("_type") or kind.startswith(("int_", "float_", "greater", "less")):
        message = f"{message}, got {_shown(error.get('input'))}"
    return doc.error(loc, message, at_key=at_key)


def _shown(value: Any) -> str:
    """The value found, as the file's author would name it."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes, no, on and off so: quote the word)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()} (quote it to keep it as text)"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _field_names(model: type[BaseModel]) -> list[str]:
    """Every key the file kind knows, for "did you mean" on an unknown one."""
    names: set[str] = set()
    pending, seen = [model], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, field in current.model_fields.items():
            names.add(name)
            pending.extend(_models_in(field.annotation))
    return sorted(names)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]
