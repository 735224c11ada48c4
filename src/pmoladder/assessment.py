"""Self-assessment: which skills to ask about, reading answers, and writing them back.

The profile is updated with a round-trip YAML library so that the person's comments, key
order and unrelated content survive; hand-written text surgery would not.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from pmoladder.ladder import Ladder
from pmoladder.models import Role, Skill
from pmoladder.profile import Person


@dataclass(frozen=True)
class Answer:
    level: int
    evidence: str | None  # None keeps what the profile had


def skills_to_assess(ladder: Ladder, target: Role | None) -> list[Skill]:
    """The target's required skills, in ladder order; every skill without a target."""
    if target is None:
        return list(ladder.skills.values())
    return [skill for skill, _, _ in ladder.requirements(target)]


def read_level(ladder: Ladder, answer: str, default: int) -> int | None:
    """A typed answer as a level: blank keeps the default; None when it is no level."""
    answer = answer.strip()
    if not answer:
        return default
    if answer.isdigit():
        return ladder.level_of(int(answer))
    return ladder.level_of(answer)


def apply_answers(text: str, answers: dict[str, Answer], when: dt.date) -> str:
    """The profile text with each answered skill's level, evidence and assessed date set."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML()
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.representer.ignore_aliases = lambda *_: True  # one date object, written plainly
    data = yaml.load(text)
    if data.get("skills") is None:
        data["skills"] = CommentedMap()
    skills = data["skills"]
    for skill_id, answer in answers.items():
        entry = skills.get(skill_id)
        if not isinstance(entry, dict):
            entry = CommentedMap()
            entry.fa.set_flow_style()
        entry["level"] = answer.level
        if answer.evidence:
            entry["evidence"] = answer.evidence
        entry["assessed"] = when
        skills[skill_id] = entry
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def level_card(ladder: Ladder, skill: Skill, role: Role | None) -> str:
    """What each level of the skill looks like, and what the role needs."""
    lines = [f"\n{skill.name} ({skill.id})"]
    if role is not None and skill.id in role.skills:
        level = role.skills[skill.id].level
        lines[0] += f": {role.name} needs {level} {ladder.level_name(level)}"
    for scale in ladder.scale:
        descriptor = skill.levels.get(scale.level) or scale.description or ""
        lines.append(f"  {scale.level} {scale.name}: {descriptor}")
    return "\n".join(lines)


def current_answer(person: Person, skill_id: str) -> tuple[int, str | None]:
    rating = person.skills.get(skill_id)
    return (0, None) if rating is None else (rating.level, rating.evidence)
