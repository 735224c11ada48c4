"""Ladders built on other ladders: `extends`, `remove`, field-by-field overrides, `after`.

An overlay is merged with its (resolved) base into plain ladder data, which is then checked
like any ladder file. Every merged entry remembers which file and place each of its fields
came from, so an error in the result is reported where its text is written.
"""

from __future__ import annotations

import copy
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmoladder.errors import FileError, FileErrors, did_you_mean
from pmoladder.inputs import decode, read_bytes
from pmoladder.ladder import SECTIONS
from pmoladder.yamlfile import Document, parse

BUILTIN = "builtin"
MAX_DEPTH = 8
_ONE = {name: name.removesuffix("s") for name in SECTIONS} | {"categories": "category"}
# Mappings merged key by key (a null value drops the key), per section; a role's
# certifications merge list by list the same way.
MERGED = {"roles": "skills", "skills": "levels"}

Place = tuple[Document, tuple[Any, ...]]


class Source:
    """Where ladder files come from: the file system (relative to the file naming them)."""

    def read(self, name: str) -> Document:
        return parse(*_decoded(read_bytes(name)))

    def join(self, referrer: str, ref: str) -> str:
        if referrer in ("-", "<stdin>"):
            return ref
        return str(Path(referrer).parent / ref)

    def identity(self, name: str) -> str:
        try:
            return str(Path(name).resolve())
        except OSError:
            return name


class GitSource(Source):
    """Ladder files at one revision, named `REV:PATH`; a relative base is read at that revision."""

    def read(self, name: str) -> Document:
        from pmoladder.history import show

        return parse(name, decode(name, show(name)))

    def join(self, referrer: str, ref: str) -> str:
        rev, _, path = referrer.partition(":")
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), ref))
        return f"{rev}:{'./' if path.startswith('./') else ''}{joined}"

    def identity(self, name: str) -> str:
        return name


def _decoded(named: tuple[str, bytes]) -> tuple[str, str]:
    return named[0], decode(*named)


def builtin_document() -> Document:
    from pmoladder.ladder import builtin_path

    return Source().read(str(builtin_path()))


@dataclass
class Entry:
    """One entry of a merged section, with the place each of its parts was written."""

    data: dict[str, Any]
    places: dict[tuple[Any, ...], Place]  # relative key path -> (file, key path there)
    layers: list[Place] = field(default_factory=list)  # every entry this one merges

    @classmethod
    def of(cls, doc: Document, loc: tuple[Any, ...], data: dict[str, Any]) -> Entry:
        return cls(copy.deepcopy(data), {(): (doc, loc)}, [(doc, loc)])

    def set(self, key: str, value: Any, place: Place) -> None:
        self.data[key] = value
        self._forget(key)
        self.places[(key,)] = place

    def drop(self, key: str) -> None:
        self.data.pop(key, None)
        self._forget(key)

    def _forget(self, key: str) -> None:
        for loc in [loc for loc in self.places if loc[:1] == (key,)]:
            del self.places[loc]


class MergedDocument:
    """The merged ladder, shaped like a Document for validation: `data`, `path`, and
    `error`, which places each problem in the file and at the key that holds the text."""

    def __init__(
        self, top: Document, data: dict[str, Any], places: dict[tuple[Any, ...], Place]
    ) -> None:
        self.path = top.path
        self.top = top
        self.data = data
        self.places = places
        self.layer_map: dict[tuple[Any, ...], list[Place]] = {}
        self.errors: list[FileError] = []  # found while merging; checking adds the rest

    def place(self, loc: tuple[Any, ...]) -> Place:
        for n in range(len(loc), -1, -1):
            found = self.places.get(tuple(loc[:n]))
            if found is not None:
                doc, src = found
                return doc, (*src, *loc[n:])
        return self.top, loc

    def error(self, loc: tuple[Any, ...], message: str, at_key: bool = False) -> FileError:
        doc, src = self.place(loc)
        return doc.error(src, message, at_key)


def layers(doc: Any, loc: tuple[Any, ...]) -> list[Place]:
    """Every (file, key path) that wrote the entry at `loc` of a plain or merged document."""
    if isinstance(doc, MergedDocument):
        return doc.layer_map.get(loc, [doc.place(loc)])
    return [(doc, loc)]


def is_overlay(doc: Document) -> bool:
    return isinstance(doc.data, dict) and "extends" in doc.data


def resolve(doc: Document, source: Source | None = None) -> Document | MergedDocument:
    """The document itself when it extends nothing, else its merge with its bases."""
    if not is_overlay(doc):
        return doc
    return _resolve(doc, source or Source(), [])


def chain(name: str, source: Source | None = None) -> list[tuple[str, bytes]]:
    """The raw bytes of a ladder file and of every base it extends, for cache keys.

    Only files that mention `extends` are parsed, and overlays are small."""
    from pmoladder.ladder import builtin_path

    files: list[tuple[str, bytes]] = []
    current = name
    while len(files) <= MAX_DEPTH:
        shown, raw = read_bytes(current)
        files.append((shown, raw))
        if b"extends" not in raw:
            break
        ref = parse(shown, decode(shown, raw)).data.get("extends")
        if not isinstance(ref, str):
            break
        current = str(builtin_path()) if ref == BUILTIN else (source or Source()).join(shown, ref)
    return files


def _resolve(doc: Document, source: Source, seen: list[str]) -> MergedDocument:
    from pmoladder.ladder import ladder_from

    def fail(message: str) -> FileErrors:
        return FileErrors([doc.error(("extends",), message)])

    ref = doc.data.get("extends")
    if not isinstance(ref, str) or not ref.strip():
        raise fail("expected 'builtin' or the path of a ladder file")
    if len(seen) >= MAX_DEPTH:
        raise fail(f"more than {MAX_DEPTH} ladders extend one another")
    seen = [*seen, source.identity(doc.path)]
    if ref == BUILTIN:
        base_doc = builtin_document()
    else:
        name = source.join(doc.path, ref)
        if source.identity(name) in seen:
            raise fail(f"'{ref}' extends this file again: a cycle")
        try:
            base_doc = source.read(name)
        except FileError as exc:
            if exc.line is not None:  # a problem inside the base: reported there
                raise FileErrors([exc]) from None
            raise fail(f"cannot read the base: {exc}") from None
    base = _resolve(base_doc, source, seen) if is_overlay(base_doc) else base_doc
    ladder_from(base)  # the base must be a valid ladder on its own, errors in its own file
    return _merge(base, doc)


def _merge(base: Document | MergedDocument, doc: Document) -> MergedDocument:
    errors: list[FileError] = []
    data = doc.data
    sections = {name: _entries(base, name) for name in SECTIONS}
    removed = _remove(doc, data.get("remove"), sections, errors)
    for name in SECTIONS:
        given = data.get(name)
        if given is None:
            continue
        if not isinstance(given, list):
            errors.append(doc.error((name,), f"expected a list of {name}"))
            continue
        _apply(doc, name, given, sections[name], removed, errors)

    top: dict[str, Any] = {}
    places: dict[tuple[Any, ...], Place] = {}
    for key, value in base.data.items():
        if key not in SECTIONS:
            top[key] = copy.deepcopy(value)
            places[(key,)] = _place_of(base, (key,))
    if isinstance(base, MergedDocument):
        places.update({loc: p for loc, p in base.places.items() if loc and loc[0] not in SECTIONS})
    for key, value in data.items():
        if key in ("extends", "remove", "scale") or key in SECTIONS:
            continue
        top[key] = value
        places[(key,)] = (doc, (key,))
    if "scale" in data:
        top["scale"] = _scale(base, doc, top.get("scale"), places, errors)
    merged = MergedDocument(doc, top, places)
    merged.errors = errors
    for name in SECTIONS:
        if not sections[name] and name not in base.data and name not in data:
            continue
        top[name] = []
        for i, entry in enumerate(sections[name]):
            top[name].append(entry.data)
            for rel, place in entry.places.items():
                places[(name, i, *rel)] = place
            merged.layer_map[(name, i)] = entry.layers
    return merged


def _place_of(doc: Document | MergedDocument, loc: tuple[Any, ...]) -> Place:
    return doc.place(loc) if isinstance(doc, MergedDocument) else (doc, loc)


def _entries(base: Document | MergedDocument, name: str) -> list[Entry]:
    found = []
    for i, item in enumerate(base.data.get(name) or []):
        entry = Entry.of(*_place_of(base, (name, i)), item)
        if isinstance(base, MergedDocument):
            entry.places = {
                loc[2:]: place for loc, place in base.places.items() if loc[:2] == (name, i)
            }
            entry.layers = list(base.layer_map.get((name, i), []))
        found.append(entry)
    return found


def _remove(
    doc: Document, given: Any, sections: dict[str, list[Entry]], errors: list[FileError]
) -> dict[str, set[str]]:
    """Drop the named base entries, and every reference the base's entries make to them."""
    removed: dict[str, set[str]] = {}
    if given is None:
        return removed
    if not isinstance(given, dict):
        errors.append(doc.error(("remove",), "expected a mapping of section: [ids]"))
        return removed
    for name, ids in given.items():
        if name not in SECTIONS:
            hint = did_you_mean(str(name), list(SECTIONS))
            errors.append(doc.error(("remove", name), f"unknown section '{name}'{hint}", True))
            continue
        if not isinstance(ids, list):
            errors.append(doc.error(("remove", name), "expected a list of ids"))
            continue
        known = {e.data.get("id"): e for e in sections[name]}
        for k, ident in enumerate(ids):
            if ident not in known:
                hint = did_you_mean(str(ident), [str(i) for i in known])
                errors.append(
                    doc.error(("remove", name, k), f"the base has no {_ONE[name]} '{ident}'{hint}")
                )
                continue
            removed.setdefault(name, set()).add(ident)
            if name == "roles":
                removed["roles"].update(known[ident].data.get("aliases") or [])
        gone = removed.get(name, set())
        sections[name][:] = [e for e in sections[name] if e.data.get("id") not in gone]
    for entry in (e for entries in sections.values() for e in entries):
        _forget_references(entry, removed)
    return removed


# (section, field, section its values name), for references that go when their target does.
_LIST_REFS = (
    ("roles", "next", "roles"),
    ("roles", "tools", "tools"),
    ("steps", "develops", "skills"),
    ("challenges", "skills", "skills"),
)
_SINGLE_REFS = (("roles", "tier", "tiers"), ("skills", "category", "categories"))


def _section_of(entry: Entry) -> str:
    return entry.layers[0][1][0] if entry.layers and entry.layers[0][1] else ""


def _forget_references(entry: Entry, removed: dict[str, set[str]]) -> None:
    section, data = _section_of(entry), entry.data
    for owner, key, target in _LIST_REFS:
        gone = removed.get(target, set())
        if owner == section and isinstance(data.get(key), list) and gone & set(data[key]):
            data[key] = [ref for ref in data[key] if ref not in gone]
    for owner, key, target in _SINGLE_REFS:
        if owner == section and data.get(key) in removed.get(target, ()):
            entry.drop(key)
    if section != "roles":
        return
    skills = data.get("skills")
    if isinstance(skills, dict):
        for skill_id in removed.get("skills", set()) & set(skills):
            del skills[skill_id]
    certs = data.get("certifications")
    gone = removed.get("certifications", set())
    if isinstance(certs, dict) and gone:
        for key, ids in certs.items():
            if key == "required_any" and isinstance(ids, list):
                groups = [[c for c in g if c not in gone] for g in ids if isinstance(g, list)]
                certs[key] = [g for g in groups if g]
            elif isinstance(ids, list):
                certs[key] = [c for c in ids if c not in gone]


def _apply(
    doc: Document,
    name: str,
    given: list[Any],
    entries: list[Entry],
    removed: dict[str, set[str]],
    errors: list[FileError],
) -> None:
    """Override base entries field by field; add new ones at the end or `after` a role."""
    by_id = {e.data.get("id"): e for e in entries}
    after_chain: dict[str, str] = {}
    for j, item in enumerate(given):
        loc = (name, j)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            errors.append(doc.error(loc, f"each of {name} needs an id"))
            continue
        _check_removed_refs(doc, name, j, item, removed, errors)
        item = dict(item)
        after = item.pop("after", None) if name == "roles" else None
        ident = item["id"]
        if ident in by_id:
            _override(doc, name, j, item, by_id[ident])
            entry = by_id[ident]
            if after is None:
                continue
            entries.remove(entry)
        else:
            entry = Entry.of(doc, loc, item)
            by_id[ident] = entry
        if after is None:
            entries.append(entry)
            continue
        anchor = after_chain.get(after, after)
        position = next((k for k, e in enumerate(entries) if e.data.get("id") == anchor), None)
        if position is None:
            known = [str(e.data.get("id")) for e in entries]
            hint = did_you_mean(str(after), known)
            errors.append(doc.error((*loc, "after"), f"unknown role '{after}'{hint}"))
            entries.append(entry)
            continue
        entries.insert(position + 1, entry)
        after_chain[after] = ident


def _override(doc: Document, name: str, j: int, item: dict[str, Any], entry: Entry) -> None:
    entry.layers.append((doc, (name, j)))
    for key, value in item.items():
        if key == "id":
            continue
        place = (doc, (name, j, key))
        current = entry.data.get(key)
        by_key = key == MERGED.get(name) or (name, key) == ("roles", "certifications")
        if isinstance(value, dict) and by_key:
            merged = dict(current) if isinstance(current, dict) else {}
            for sub, sub_value in value.items():
                entry.places = {loc: p for loc, p in entry.places.items() if loc[:2] != (key, sub)}
                if sub_value is None:
                    merged.pop(sub, None)
                else:
                    merged[sub] = sub_value
                    entry.places[(key, sub)] = (doc, (name, j, key, sub))
            entry.data[key] = merged
        elif value is None:
            entry.drop(key)
        else:
            entry.set(key, value, place)


def _check_removed_refs(
    doc: Document,
    name: str,
    j: int,
    item: dict[str, Any],
    removed: dict[str, set[str]],
    errors: list[FileError],
) -> None:
    """An overlay's own entry may not name what the same overlay removes."""

    def check(loc: tuple[Any, ...], ident: Any, target: str, at_key: bool = False) -> None:
        if isinstance(ident, str) and ident in removed.get(target, ()):
            errors.append(doc.error(loc, f"'{ident}' is removed by this overlay", at_key))

    def each(key: str, target: str) -> None:
        values = item.get(key)
        for k, ident in enumerate(values if isinstance(values, list) else []):
            check((name, j, key, k), ident, target)

    for owner, key, target in _LIST_REFS:
        if owner == name:
            each(key, target)
    for owner, key, target in _SINGLE_REFS:
        if owner == name:
            check((name, j, key), item.get(key), target)
    if name == "roles":
        check((name, j, "after"), item.get("after"), "roles")
        skills = item.get("skills")
        for skill_id, requirement in (skills if isinstance(skills, dict) else {}).items():
            if requirement is not None:
                check((name, j, "skills", skill_id), skill_id, "skills", True)
        certs = item.get("certifications")
        for key, ids in (certs if isinstance(certs, dict) else {}).items():
            for k, ident in enumerate(ids if isinstance(ids, list) else []):
                for g, sub in enumerate(ident if isinstance(ident, list) else []):
                    check((name, j, "certifications", key, k, g), sub, "certifications")
                check((name, j, "certifications", key, k), ident, "certifications")


def _scale(
    base: Document | MergedDocument,
    doc: Document,
    levels: Any,
    places: dict[tuple[Any, ...], Place],
    errors: list[FileError],
) -> Any:
    """Rename or re-describe the base's levels; the level numbers stay the base's."""
    given = doc.data["scale"]
    if not isinstance(given, list) or not isinstance(levels, list):
        errors.append(doc.error(("scale",), "expected a list of {level, name, description}"))
        return levels
    merged = copy.deepcopy(levels)
    index = {lv.get("level"): i for i, lv in enumerate(merged) if isinstance(lv, dict)}
    numbers = ", ".join(str(n) for n in index)
    for j, item in enumerate(given):
        number = item.get("level") if isinstance(item, dict) else None
        if number not in index or isinstance(number, bool):
            errors.append(
                doc.error(
                    ("scale", j),
                    f"an overlay keeps the base's level numbers ({numbers}); got {number!r}",
                )
            )
            continue
        i = index[number]
        for key, value in item.items():
            if key == "level":
                continue
            if value is None:
                merged[i].pop(key, None)
            else:
                merged[i][key] = value
            places[("scale", i, key)] = (doc, ("scale", j, key))
    return merged
