"""A team's view: everyone's readiness, how well the team covers a role's skills, who
could step into each role, and where the team is shortest.

The core works on `Member`s, plain records of what the views need from a profile, so
that they are cheap to send from the processes that read the files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pmoladder.freshness import Freshness
from pmoladder.gap import Gap, Standing, compute_gap
from pmoladder.ladder import Ladder
from pmoladder.models import Role, Skill, Step
from pmoladder.numbers import Number
from pmoladder.profile import Person

READY_SOON = 0.8  # the default readiness from which a person is on the bench for a role
MIN_GROUP = 5  # the smallest team an anonymous report may describe
NOBODY_SHORT = "Nobody is short of a skill their target requires."
NO_STEPS = "The ladder names no development step for the skills people are short of."


@dataclass(frozen=True)
class Member:
    """One person's profile, reduced to plain data: levels, certifications, freshness."""

    path: str
    name: str | None
    current_role: str | None  # role ids
    target_role: str | None
    years: Number | None
    levels: dict[str, int]
    certifications: frozenset[str]
    stale: dict[str, dt.date] = field(default_factory=dict)  # skill -> when assessed
    expired: dict[str, dt.date] = field(default_factory=dict)  # certification -> expiry
    expiring: dict[str, dt.date] = field(default_factory=dict)

    def standing(self, ladder: Ladder) -> Standing:
        return Standing(
            role=ladder.roles[self.current_role] if self.current_role else None,
            levels=self.levels,
            certifications=self.certifications,
            years=self.years,
        )


def member_of(path: str, person: Person, fresh: Freshness) -> Member:
    return Member(
        path=path,
        name=person.name,
        current_role=person.current_role.id if person.current_role else None,
        target_role=person.target_role.id if person.target_role else None,
        years=person.years,
        levels={skill_id: rating.level for skill_id, rating in person.skills.items()},
        certifications=frozenset(person.certifications),
        stale=fresh.stale,
        expired=fresh.expired,
        expiring=fresh.expiring,
    )


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read, with the line reported for it on stderr."""

    path: str
    error: str


@dataclass(frozen=True)
class Placed:
    """A member measured against a role."""

    member: Member
    gap: Gap

    @property
    def path(self) -> str:
        return self.member.path


@dataclass(frozen=True)
class Coverage:
    """How many people meet one required skill, and who when only one or nobody does."""

    skill: Skill
    required: int
    weight: Number
    meeting: int
    people: int
    level_sum: int
    who: list[str] | None  # paths of those who meet it when at most one does, else None

    @property
    def below(self) -> int:
        return self.people - self.meeting

    @property
    def average(self) -> float:
        return self.level_sum / self.people if self.people else 0.0


@dataclass(frozen=True)
class Shortage:
    """A skill the team is short of: the sum of everyone's weighted gap, and how many."""

    skill: Skill
    weighted_gap: float
    short: int


@dataclass(frozen=True)
class StepHelp:
    """A development step of the ladder and the people it would help at once."""

    step: Step
    people: int
    skills: list[str]  # the skills it develops that someone is short of
    weighted_gap: float


@dataclass(frozen=True)
class BenchRole:
    """Succession for one role: who is ready now, and who nearly is."""

    role: Role
    ready_now: list[Placed]
    ready_soon: list[Placed]


@dataclass(frozen=True)
class Team:
    target: Role | None
    people: list[Placed]  # readiness descending, then path
    no_target: list[Member]  # without --target, people who name no target_role
    coverage: list[Coverage]  # with a target: its skills, fewest meeting first
    shortages: list[Shortage]  # largest total weighted gap first
    steps: list[StepHelp]  # most people helped first
    skipped: list[Skipped]
    bench: list[BenchRole] | None = None
    within: float = READY_SOON
    labels: dict[str, str] = field(default_factory=dict)  # path -> how to name the person
    anonymous: bool = False
    show_shortages: bool = False  # the reports people read show shortages when asked

    def label(self, member: Member) -> str:
        return self.labels[member.path]

    def shortage(self, skill_id: str) -> Shortage | None:
        return next((s for s in self.shortages if s.skill.id == skill_id), None)

    def to_refresh(
        self,
        skills: Callable[[list[str]], str],
        certifications: Callable[[dict[str, dt.date]], str],
    ) -> list[tuple[Member, str]]:
        """Each person with ratings assessed long ago or certifications lapsed or about
        to, and what: `stale: ...; expired: ...; expiring: ...`, the ids named by the
        callers in their own format."""
        notes = []
        for member in [p.member for p in self.people] + self.no_target:
            said = ["stale: " + skills(list(member.stale))] if member.stale else []
            for what, entries in (("expired", member.expired), ("expiring", member.expiring)):
                if entries:
                    said.append(f"{what}: {certifications(entries)}")
            if said:
                notes.append((member, "; ".join(said)))
        return notes


def by_readiness(placed: Placed) -> tuple[float, str]:
    return (-placed.gap.readiness, placed.path)


def place(ladder: Ladder, member: Member, role: Role) -> Placed:
    return Placed(member, compute_gap(ladder, member.standing(ladder), role))


def team_view(
    ladder: Ladder,
    reads: Iterable[Member | Skipped],
    target: Role | None = None,
    *,
    bench: bool = False,
    within: float = READY_SOON,
    anonymous: bool = False,
    show_shortages: bool = False,
) -> Team:
    """Everything the team reports show, from the files read, in any order.

    Each person is measured as they arrive, so that with a stream of files being read
    elsewhere, the measuring overlaps the reading.
    """
    people, no_target, skipped = [], [], []
    benched: dict[str, tuple[list[Placed], list[Placed]]] = {r: ([], []) for r in ladder.roles}
    for item in reads:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        role = target or (ladder.roles[item.target_role] if item.target_role else None)
        if role is None:
            no_target.append(item)
        else:
            people.append(place(ladder, item, role))
        if bench:
            _bench_one(ladder, item, within, benched)
    people.sort(key=by_readiness)
    no_target.sort(key=lambda m: m.path)
    ordered = [p.member for p in people] + no_target
    if anonymous:
        labels = {m.path: f"#{i}" for i, m in enumerate(ordered, 1)}
    else:
        labels = {m.path: m.name or m.path for m in ordered}
    return Team(
        target=target,
        people=people,
        no_target=no_target,
        coverage=_coverage(ladder, people, target) if target else [],
        shortages=_shortages(ladder, people),
        steps=_steps(ladder, people),
        skipped=skipped,
        bench=[
            BenchRole(
                ladder.roles[r], sorted(now, key=by_readiness), sorted(soon, key=by_readiness)
            )
            for r, (now, soon) in benched.items()
        ]
        if bench
        else None,
        within=within,
        labels=labels,
        anonymous=anonymous,
        show_shortages=show_shortages,
    )


def _coverage(ladder: Ladder, people: list[Placed], target: Role) -> list[Coverage]:
    reqs = ladder.requirements(target)
    meeting: dict[str, list[str]] = {skill.id: [] for skill, _, _ in reqs}
    level_sum = dict.fromkeys(meeting, 0)
    for placed in people:  # one pass: thousands of people, a dozen or two skills each
        for s in placed.gap.skills:
            level_sum[s.id] += s.current
            if not s.shortfall:
                meeting[s.id].append(placed.path)
    coverage = [
        Coverage(
            skill,
            required,
            weight,
            len(meeting[skill.id]),
            len(people),
            level_sum[skill.id],
            meeting[skill.id] if len(meeting[skill.id]) <= 1 else None,
        )
        for skill, required, weight in reqs
    ]
    coverage.sort(key=lambda c: c.meeting)  # stable: ties keep the ladder's order
    return coverage


def _shortages(ladder: Ladder, people: list[Placed]) -> list[Shortage]:
    """Per skill, over everyone's own target, the weighted gaps added up."""
    total: dict[str, float] = {}
    short: dict[str, int] = {}
    for placed in people:
        for s in placed.gap.skills:
            if s.shortfall:
                total[s.id] = total.get(s.id, 0) + s.weight * s.shortfall
                short[s.id] = short.get(s.id, 0) + 1
    found = [Shortage(ladder.skills[sid], total[sid], short[sid]) for sid in total]
    return sorted(found, key=lambda s: (-s.weighted_gap, -s.short, ladder.skill_order[s.skill.id]))


def _steps(ladder: Ladder, people: list[Placed]) -> list[StepHelp]:
    """The ladder's steps by how many people each would help at once (any short skill)."""
    short = [{s.id: s.weight * s.shortfall for s in p.gap.short_skills()} for p in people]
    found = []
    for step in ladder.steps:
        helped = [gaps for gaps in short if gaps.keys() & set(step.develops)]
        if helped:
            skills = [sid for sid in step.develops if any(sid in gaps for gaps in helped)]
            total = sum(gaps.get(sid, 0) for gaps in helped for sid in step.develops)
            found.append(StepHelp(step, len(helped), skills, total))
    found.sort(key=lambda h: (-h.people, -h.weighted_gap))  # stable: then the ladder's order
    return found


def _bench_one(
    ladder: Ladder,
    member: Member,
    within: float,
    benched: dict[str, tuple[list[Placed], list[Placed]]],
) -> None:
    """Place one person on the bench of every role: ready now, or within reach of it
    (readiness at least `within`) without missing a required certification, alone or
    as one of a group of equivalents."""
    for role in ladder.roles.values():
        placed = place(ladder, member, role)
        gap = placed.gap
        if gap.ready:
            benched[role.id][0].append(placed)
        elif gap.readiness >= within and not gap.missing_required and not gap.missing_required_any:
            benched[role.id][1].append(placed)
