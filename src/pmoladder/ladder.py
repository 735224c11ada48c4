"""The knowledge base: loading a ladder file, checking its references, and looking things up."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pmoladder.errors import FileError, FileErrors, PmoError, close_matches, did_you_mean, suggest
from pmoladder.inputs import decode, read_bytes
from pmoladder.models import Category, LadderFile, Role, Skill, Tier, validate_document

T = TypeVar("T")

# The sections of a ladder that list entries with ids.
SECTIONS = (
    "tiers",
    "categories",
    "skills",
    "certifications",
    "tools",
    "roles",
    "steps",
    "challenges",
    "kpis",
    "feedback",
)


def builtin_path() -> Path:
    """The ladder shipped in the package (or, in a source checkout, at the top of the repo)."""
    here = Path(__file__).parent
    packaged = here / "data" / "ladder.yaml"
    return packaged if packaged.exists() else here.parents[1] / "data" / "ladder.yaml"


class Ladder:
    """A validated ladder with the indexes every command needs."""

    def __init__(self, model: LadderFile) -> None:
        self.model = model  # what the cache stores
        self.name = model.name
        self.description = model.description
        self.experience_label = model.experience_label
        # what a number of years is called after the number: "6 years in software"
        self.years = model.experience_label or "years"
        self.scale = sorted(model.scale, key=lambda s: s.level)
        self.max_level = self.scale[-1].level
        self.skills: dict[str, Skill] = {s.id: s for s in model.skills}
        self.roles: dict[str, Role] = {r.id: r for r in model.roles}
        self.certifications = {c.id: c for c in model.certifications}
        self.tools = {t.id: t for t in model.tools}
        self.tiers = {t.id: t for t in model.tiers}
        self.categories = {c.id: c for c in model.categories}
        self.steps = model.steps
        self.challenges = model.challenges
        self.kpis = model.kpis
        self.feedback = model.feedback
        self.skill_order = {skill_id: i for i, skill_id in enumerate(self.skills)}
        self._level_names = {s.name.casefold(): s.level for s in self.scale}
        self._role_keys: dict[str, Role] = {}
        for role in model.roles:
            for key in (role.name, *role.aliases, role.id):
                self._role_keys[key.casefold()] = role
        # old ids, from `replaces`: still read, with a warning, in profiles
        self.skill_renames = {old: s.id for s in model.skills for old in s.replaces}
        self.role_renames = {old: r.id for r in model.roles for old in r.replaces}
        self._requirements: dict[str, tuple[tuple[Skill, int, float], ...]] = {}

    def roles_by_tier(self) -> list[tuple[str | None, list[Role]]]:
        roles = list(self.roles.values())
        return _grouped(roles, [r.tier for r in roles], self.tiers)

    def skills_by_category(self) -> list[tuple[str | None, list[Skill]]]:
        skills = list(self.skills.values())
        return _grouped(skills, [s.category for s in skills], self.categories)

    def level_name(self, level: int) -> str:
        return self.scale[level].name if 0 <= level <= self.max_level else str(level)

    def level_of(self, value: int | str) -> int | None:
        """A level given as a number of the scale or a level name; None when neither."""
        if isinstance(value, int):
            return value if 0 <= value <= self.max_level else None
        return self._level_names.get(value.strip().casefold())

    def descriptor(self, skill_id: str, level: int) -> str | None:
        """What `level` of the skill looks like: the skill's own words, else the scale's."""
        return self.skills[skill_id].levels.get(level) or self.scale[level].description

    def level_names(self) -> list[str]:
        return [s.name for s in self.scale]

    def role_keys(self) -> list[str]:
        return sorted({k for role in self.roles.values() for k in (role.id, *role.aliases)})

    def find_role(self, query: str) -> Role | None:
        key = query.strip().casefold()
        found = self._role_keys.get(key)
        if found is None and key in self.role_renames:
            return self.roles[self.role_renames[key]]
        return found

    def renamed_role(self, query: str) -> str | None:
        """The current id of a role named by an old id; None for any other name."""
        key = query.strip().casefold()
        if key in self.role_renames and self.role_renames[key] != key:
            found = self.find_role(query)
            if found is not None and key not in (found.id, *found.aliases):
                return self.role_renames[key]
        return None

    def role(self, query: str) -> Role:
        """The role named by id, alias or name (any case), or an error listing close matches."""
        found = self.find_role(query)
        if found is None:
            raise PmoError(f"unknown role '{query}'{self.role_hint(query)}")
        return found

    def role_hint(self, query: str) -> str:
        """Close matches among ids and aliases, each role named once by its id."""
        matches = close_matches(query, self.role_keys(), n=6)
        ids = list(dict.fromkeys(self._role_keys[m].id for m in matches))[:3]
        return suggest(ids) or f" (known roles: {', '.join(self.roles)})"

    def skill(self, query: str) -> Skill:
        """The skill named by id, old id or name (any case), or an error with close matches."""
        key = query.strip().casefold()
        found = self.skills.get(self.skill_renames.get(key, key))
        if found is None:
            found = next((s for s in self.skills.values() if s.name.casefold() == key), None)
        if found is None:
            raise PmoError(f"unknown skill '{query}'{did_you_mean(query, list(self.skills))}")
        return found

    def requirements(self, role: Role) -> tuple[tuple[Skill, int, float], ...]:
        """(skill, level, weight) for each skill the role requires above 0, in ladder order;
        worked out once per role, as a team measures thousands of people against it."""
        found = self._requirements.get(role.id)
        if found is None:
            reqs = [
                (self.skills[sid], r.level, r.weight)
                for sid, r in role.skills.items()
                if r.level > 0
            ]
            found = tuple(sorted(reqs, key=lambda req: self.skill_order[req[0].id]))
            self._requirements[role.id] = found
        return found


def _grouped(
    entries: list[T], groups: list[str | None], declared: Mapping[str, Tier | Category]
) -> list[tuple[str | None, list[T]]]:
    """Entries by group (roles by tier, skills by category), in order: the declared groups
    in theirs, then any other as first met. Each is named by its declared name, else its
    id, or None for the entries of no group; a group without entries is left out."""
    found: dict[str | None, list[T]] = {group: [] for group in declared}
    for entry, group in zip(entries, groups, strict=True):
        found.setdefault(group, []).append(entry)
    return [
        (declared[group].name if group is not None and group in declared else group, members)
        for group, members in found.items()
        if members
    ]


def ladder_path(explicit: str | None = None) -> str:
    """The ladder in use: the flag, else the settings (environment, project, user files)."""
    from pmoladder.settings import value

    chosen = value("ladder", explicit or None)
    return str(builtin_path()) if chosen == "builtin" else chosen


def load_ladder(path: str | None = None) -> Ladder:
    """Load and check a ladder file: `path`, else $PMOLADDER_LADDER, else the built-in one."""
    from pmoladder import cache
    from pmoladder.completion import remember

    files = [read_bytes(ladder_path(path))]
    if b"extends" in files[0][1]:  # an overlay: its bases are part of what it says
        from pmoladder.overlay import chain

        files = chain(files[0][0])
    key = b"".join(f"\0{name}\0{len(raw)}\0".encode() + raw for name, raw in files)
    found = cache.get(key if len(files) > 1 else files[0][1])
    if isinstance(found, Ladder):
        ladder = found
    else:
        from pmoladder.yamlfile import parse

        name, raw = files[0]
        ladder = ladder_from(parse(name, decode(name, raw)))
        cache.put(key if len(files) > 1 else raw, ladder)
    remember(path, files, ladder)
    return ladder


def ladder_from(doc: Any, source: Any = None) -> Ladder:
    """Check a ladder in full (resolving `extends` first) and index it."""
    return Ladder(checked(doc, source)[0])


def checked(doc: Any, source: Any = None) -> tuple[LadderFile, Any]:
    """The valid ladder model of a parsed file, and the document it was resolved to (the
    file itself, or its merge with the ladders it extends). Structural errors are reported
    with the reference errors found in what they leave sound."""
    if isinstance(doc.data, dict) and "extends" in doc.data:
        from pmoladder.overlay import resolve

        doc = resolve(doc, source)
    merging = list(getattr(doc, "errors", []))
    try:
        model = validate_document(LadderFile, doc)
    except FileErrors as exc:
        sound, set_aside, positions = _sound_part(doc.data, exc.errors)
        if sound is None:
            raise FileErrors(merging + exc.errors) from None
        found = check_references(sound, doc, positions)
        found = [e for e in found if not any(f"'{i}'" in e.message for i in set_aside)]
        raise FileErrors(merging + exc.errors + _new_places(found, merging)) from None
    errors = merging + _new_places(check_references(model, doc), merging)
    if errors:
        raise FileErrors(errors)
    return model, doc


def _new_places(errors: list[FileError], known: list[FileError]) -> list[FileError]:
    """The errors at places `known` says nothing of: an overlay's own message about a
    removed id says more than the unknown reference it leaves."""
    taken = {(e.path, e.line, e.column) for e in known}
    return [e for e in errors if (e.path, e.line, e.column) not in taken]


def _sound_part(
    data: dict[str, Any], errors: list[FileError]
) -> tuple[LadderFile | None, set[str], dict[str, list[int]]]:
    """The ladder with unknown keys dropped and broken entries set aside, so its references
    can still be checked in the same run; the ids set aside, whose absence is no news; and
    where each kept entry stands in the file. None when a required section is broken."""
    import copy

    from pydantic import ValidationError

    data, set_aside = copy.deepcopy(data), set()
    positions = {k: list(range(len(v))) for k, v in data.items() if isinstance(v, list)}
    problems: list[tuple[Loc, bool]] = [
        (getattr(e, "loc", ()), "unknown key" in e.message) for e in errors
    ]
    for _ in range(3):  # setting a key aside can show that the entry lacks a required one
        entries: dict[str, set[int]] = {}
        for loc, unknown_key in problems:
            if unknown_key:
                parent = data
                for part in loc[:-1]:
                    parent = parent[part]
                parent.pop(loc[-1], None)
            elif loc[0] == "scale":  # every level check depends on it: no further checks
                return None, set(), {}
            elif len(loc) >= 2 and isinstance(loc[1], int) and isinstance(data.get(loc[0]), list):
                entries.setdefault(loc[0], set()).add(loc[1])
            elif loc and loc[0] in _OPTIONAL_SECTIONS:
                data.pop(loc[0], None)
            else:
                return None, set(), {}
        for section, indexes in entries.items():
            for i in sorted(indexes, reverse=True):
                positions[section].pop(i)
                entry = data[section].pop(i)
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    set_aside.add(entry["id"])
        try:
            return LadderFile.model_validate(data), set_aside, positions
        except ValidationError as exc:
            problems = [(tuple(e["loc"]), e["type"] == "extra_forbidden") for e in exc.errors()]
    return None, set(), {}


_OPTIONAL_SECTIONS = {n for n, f in LadderFile.model_fields.items() if not f.is_required()}


Loc = tuple[Any, ...]  # a key path into a file: section, index, key, ...


class Locator(Protocol):
    """What turns a key path into a located error: a Document, or a stand-in."""

    def error(self, loc: Loc, message: str, at_key: bool = False) -> FileError: ...


def check_references(
    model: LadderFile, doc: Locator, positions: dict[str, list[int]] | None = None
) -> list[FileError]:
    """Everything the schema alone cannot see: order of the scale, unique ids, references.
    `positions` maps an entry of `model` to its place in the file when some were set aside."""
    errors: list[FileError] = []

    def err(loc: Loc, message: str, at_key: bool = False) -> None:
        if positions and len(loc) >= 2 and loc[0] in positions:
            loc = (loc[0], positions[loc[0]][loc[1]], *loc[2:])
        errors.append(doc.error(loc, message, at_key))

    levels = [s.level for s in model.scale]
    if sorted(levels) == list(range(1, len(levels) + 1)):
        err(
            ("scale",),
            "the scale starts at 1, but level 0 (none yet) must be declared too: "
            "add '- {level: 0, name: None}' as its first entry",
        )
    elif sorted(levels) != list(range(len(levels))):
        err(("scale",), f"levels must run 0, 1, 2, ... without gaps or repeats; got {levels}")
    max_level = max(levels)
    seen_names: dict[str, int] = {}
    for i, level in enumerate(model.scale):
        if level.name.casefold() in seen_names:
            err(("scale", i, "name"), f"level name '{level.name}' is used twice")
        seen_names[level.name.casefold()] = i

    for section in SECTIONS:
        seen: set[str] = set()
        for i, entry in enumerate(getattr(model, section)):
            if entry.id in seen:
                err((section, i, "id"), f"id '{entry.id}' is used twice in {section}")
            seen.add(entry.id)

    def refs(loc: Loc, ids: list[str], known: set[str] | dict[str, str], what: str) -> None:
        for j, ref in enumerate(ids):
            if ref not in known:
                hint = did_you_mean(ref, known, len(errors))
                err((*loc, j), f"unknown {what} '{ref}'{hint}")

    skills = {s.id for s in model.skills}
    categories = {c.id for c in model.categories}
    tiers = {t.id for t in model.tiers}
    for i, skill in enumerate(model.skills):
        if categories and skill.category is not None and skill.category not in categories:
            err(
                ("skills", i, "category"),
                f"unknown category '{skill.category}'"
                f"{did_you_mean(skill.category, categories, len(errors))}",
            )
        for described in skill.levels:
            if not 0 < described <= max_level:
                err(
                    ("skills", i, "levels", described),
                    f"descriptor for level {described}, outside the scale's 1..{max_level}",
                    True,
                )

    role_keys: dict[str, str] = {}
    for i, role in enumerate(model.roles):
        for j, key in enumerate([role.id, *role.aliases]):
            owner = role_keys.setdefault(key, role.id)
            if owner != role.id:
                loc = ("roles", i, "aliases", j - 1) if j else ("roles", i, "id")
                err(loc, f"'{key}' already names role '{owner}'")
    certs = {c.id for c in model.certifications}
    tools = {t.id for t in model.tools}
    kpis = {k.id for k in model.kpis}
    for i, role in enumerate(model.roles):
        base = ("roles", i)
        if tiers and role.tier is not None and role.tier not in tiers:
            err(
                (*base, "tier"),
                f"unknown tier '{role.tier}'{did_you_mean(role.tier, tiers, len(errors))}",
            )
        for skill_id, req in role.skills.items():
            if skill_id not in skills:
                err(
                    (*base, "skills", skill_id),
                    f"unknown skill '{skill_id}'{did_you_mean(skill_id, skills, len(errors))}",
                    True,
                )
            elif req.level > max_level:
                err(
                    (*base, "skills", skill_id),
                    f"level {req.level} is outside the scale 0..{max_level}",
                )
        held = role.certifications
        for key in ("required", "recommended"):
            refs((*base, "certifications", key), getattr(held, key), certs, "certification")
        for g, group in enumerate(held.required_any):
            refs((*base, "certifications", "required_any", g), group, certs, "certification")
        refs((*base, "tools"), role.tools, tools, "tool")
        refs((*base, "kpis"), role.kpis, kpis, "KPI")
        refs((*base, "next"), role.next, role_keys, "role")
    _check_replaces(model.skills, "skills", set(skills), err)
    _check_replaces(model.roles, "roles", set(role_keys), err)
    for i, step in enumerate(model.steps):
        refs(("steps", i, "develops"), step.develops, skills, "skill")
    for i, challenge in enumerate(model.challenges):
        refs(("challenges", i, "skills"), challenge.skills, skills, "skill")
    if not errors:
        for role in model.roles:
            role.next = [role_keys[ref] for ref in role.next]
    return errors


def _check_replaces(entries: list[Any], section: str, current: set[str], err: Any) -> None:
    """An old id names one entry, and never one that is still in use."""
    owners: dict[str, str] = {}
    for i, entry in enumerate(entries):
        for k, old in enumerate(entry.replaces):
            if old in current:
                err((section, i, "replaces", k), f"'{old}' is still a current id or alias")
            elif owners.setdefault(old, entry.id) != entry.id:
                err((section, i, "replaces", k), f"'{old}' is already replaced by '{owners[old]}'")
