"""Checks beyond validity: a ladder can be valid and still say something its authors did
not mean (a role nobody reaches, a skill nobody needs, a promotion that asks for less)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pmoladder.errors import FileError
from pmoladder.models import LadderFile

RULES = {
    "orphan-role": "a role other than the first that no role's next names",
    "unused-skill": "a skill no role requires",
    "unused-certification": "a certification no role requires or recommends",
    "unused-tool": "a tool no role lists",
    "idle-step": "a step that develops no skill any role requires",
    "level-drop": "a next move to a role that requires less of a skill",
    "years-drop": "a next move to a role with lower min_years",
    "missing-descriptor": "a required level with no descriptor where the skill has some",
}
SIDEWAYS = "x-sideways"


def lint(model: LadderFile, doc: Any, ignore: frozenset[str] = frozenset()) -> list[FileError]:
    """Every finding not ignored, in the order of the rules and then of the ladder, each
    placed in the file that holds the text it is about."""
    found = []
    for rule, loc, message in _findings(model, doc):
        if rule not in ignore:
            at = doc.error(loc, message)
            found.append(FileError(at.path, message, at.line, at.column, rule))
    return found


def _findings(model: LadderFile, doc: Any) -> Iterator[tuple[str, tuple[Any, ...], str]]:
    roles = model.roles
    reached = {target for role in roles for target in role.next}
    for i, role in enumerate(roles[1:], start=1):
        if role.id not in reached:
            yield "orphan-role", ("roles", i, "id"), f"no role's next leads to '{role.id}'"

    required = {sid for role in roles for sid, req in role.skills.items() if req.level > 0}
    for i, skill in enumerate(model.skills):
        if skill.id not in required:
            yield "unused-skill", ("skills", i, "id"), f"no role requires '{skill.id}'"
    certs = {
        cid
        for role in roles
        for cid in (
            *role.certifications.required,
            *role.certifications.recommended,
            *(c for group in role.certifications.required_any for c in group),
        )
    }
    for i, cert in enumerate(model.certifications):
        if cert.id not in certs:
            yield (
                "unused-certification",
                ("certifications", i, "id"),
                f"no role requires or recommends '{cert.id}'",
            )
    tools = {tid for role in roles for tid in role.tools}
    for i, tool in enumerate(model.tools):
        if tool.id not in tools:
            yield "unused-tool", ("tools", i, "id"), f"no role lists '{tool.id}'"
    for i, step in enumerate(model.steps):
        if not required & set(step.develops):
            yield "idle-step", ("steps", i, "id"), f"'{step.id}' develops no required skill"

    index = {role.id: i for i, role in enumerate(roles)}
    sideways = {role.id for i, role in enumerate(roles) if _sideways(doc, i)}
    for i, role in enumerate(roles):
        for k, target_id in enumerate(role.next):
            if target_id in sideways:
                continue
            target = roles[index[target_id]]
            loc = ("roles", i, "next", k)
            move = f"{role.id} -> {target_id}"
            for sid, req in role.skills.items():
                after = target.skills[sid].level if sid in target.skills else 0
                if after < req.level:
                    change = f"drops from {req.level} to {after}" if after else "is not required"
                    yield "level-drop", loc, f"{move}: {sid} {change}"
            if target.min_years < role.min_years:
                yield (
                    "years-drop",
                    loc,
                    f"{move}: min_years drops from {role.min_years:g} to {target.min_years:g}",
                )

    skills = {skill.id: skill for skill in model.skills}
    for i, role in enumerate(roles):
        for sid, req in role.skills.items():
            levels = skills[sid].levels
            if levels and req.level > 0 and req.level not in levels:
                yield (
                    "missing-descriptor",
                    ("roles", i, "skills", sid),
                    f"'{role.id}' requires level {req.level} of '{sid}', "
                    f"which has no descriptor for it",
                )


def _sideways(doc: Any, i: int) -> bool:
    """Whether the role says `x-sideways: true` (the last file of an overlay chain that
    says anything about it wins); extension keys never reach the data, so read the nodes."""
    from pmoladder.overlay import layers

    said = False
    for source, loc in layers(doc, ("roles", i)):
        value = _extension(source.root, loc, SIDEWAYS)
        if value is not None:
            said = value in ("true", "True", "TRUE", "yes")
    return said


def _extension(node: Node, loc: tuple[Any, ...], key: str) -> str | None:
    at: Node | None = node
    for part in loc:
        if isinstance(at, MappingNode):
            at = next((v for k, v in at.value if getattr(k, "value", None) == str(part)), None)
        elif isinstance(at, SequenceNode) and isinstance(part, int) and part < len(at.value):
            at = at.value[part]
        else:
            return None
    if not isinstance(at, MappingNode):
        return None
    for k, v in at.value:
        if isinstance(k, ScalarNode) and k.value == key and isinstance(v, ScalarNode):
            return str(v.value)
    return None
