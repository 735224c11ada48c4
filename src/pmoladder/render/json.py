"""Stable, deterministic JSON for scripts: same inputs, same bytes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pmoladder.errors import json_safe

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import BaseModel

    from pmoladder.compare import Diff, ProfileChanges
    from pmoladder.gap import Gap, GapReport, SkillGap
    from pmoladder.ladder import Ladder
    from pmoladder.ladder_diff import LadderDiff, RoleChange, SectionChanges
    from pmoladder.models import Role, Skill
    from pmoladder.outputs import common
    from pmoladder.outputs import path as path_out
    from pmoladder.outputs import plan as plan_out
    from pmoladder.outputs import role as role_out
    from pmoladder.plan import CertificationItem, Plan
    from pmoladder.progress import Progress
    from pmoladder.progression import Match, Route, Routes
    from pmoladder.settings import Setting
    from pmoladder.team import Member, Placed, Skipped, Team
    from pmoladder.validation import Report


def dumps(data: Any) -> str:
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def dumps_rows(data: dict[str, Any]) -> str:
    """As `dumps`, but each entry of a top-level list on a line of its own. A team of
    thousands is then written by json's C encoder (an indented dump runs in Python,
    several times slower), and the output reads and diffs as one person per line."""
    parts = []
    for key, value in data.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            rows = ",\n".join("    " + json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"  {name}: [\n{rows}\n  ]")
        else:
            parts.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}")
    return json_safe("{\n" + ",\n".join(parts) + "\n}") + "\n"


def dump(model: BaseModel) -> str:
    """A typed output as JSON: keys in field order, optional keys only where set."""
    from pmoladder.outputs import data

    return dumps(data(model))


def _ref(entry: Any) -> common.Ref:
    from pmoladder.outputs import common

    return common.Ref(id=entry.id, name=entry.name)


def _opt_ref(entry: Any) -> common.Ref | None:
    return None if entry is None else _ref(entry)


def _headline(gap: Gap) -> dict[str, Any]:
    """The four keys `gap` and `plan` open with."""
    return {
        "target": _ref(gap.target),
        "current_role": _opt_ref(gap.current_role),
        "readiness": round(gap.readiness, 3),
        "ready": gap.ready,
    }


def _dated(entries: dict[str, Any]) -> list[common.Dated]:
    from pmoladder.outputs import common

    return [common.Dated(id=key, on=day.isoformat()) for key, day in entries.items()]


def _experience(gap: Gap) -> common.Experience:
    from pmoladder.outputs import common

    return common.Experience(years=gap.years, required=gap.required_years, gap=gap.years_to_go)


def gap(ladder: Ladder, report: GapReport) -> str:
    from pmoladder.outputs import gap as out

    gap, fresh = report.gap, report.freshness
    skills = []
    for s in gap.skills:
        assessed = fresh.assessed.get(s.id) if fresh else None
        skills.append(
            out.GapSkill(
                **dict(_skill_gap(s)),
                assessed=assessed.isoformat() if assessed else None,
                stale=bool(fresh and s.id in fresh.stale),
            )
        )
    certifications = out.GapCertifications(
        missing_required=gap.missing_required,
        missing_required_any=gap.missing_required_any,
        missing_recommended=gap.missing_recommended,
        expired=_dated(fresh.expired) if fresh else [],
        expiring=_dated(fresh.expiring) if fresh else [],
    )
    return dump(
        out.Gap(
            **_headline(gap),
            skills=skills,
            certifications=certifications,
            experience=_experience(gap),
        )
    )


def roles(ladder: Ladder) -> str:
    from pmoladder.outputs import roles as out

    return dump(
        out.Roles(
            ladder=ladder.name,
            roles=[
                out.RoleEntry(
                    id=role.id,
                    name=role.name,
                    tier=role.tier,
                    aliases=role.aliases,
                    min_years=role.min_years,
                    next=role.next,
                )
                for role in ladder.roles.values()
            ],
        )
    )


def role_model(ladder: Ladder, role: Role) -> role_out.Role:
    from pmoladder.outputs import role as out

    certs = role.certifications
    return out.Role(
        id=role.id,
        name=role.name,
        tier=role.tier,
        aliases=role.aliases,
        summary=role.summary,
        responsibilities=role.responsibilities,
        min_years=role.min_years,
        skills=[
            out.RoleSkill(
                id=skill.id,
                name=skill.name,
                level=level,
                level_name=ladder.level_name(level),
                weight=float(weight),
            )
            for skill, level, weight in ladder.requirements(role)
        ],
        certifications=out.RoleCertifications(
            required=[_ref(ladder.certifications[c]) for c in certs.required],
            required_any=[
                [_ref(ladder.certifications[c]) for c in group] for group in certs.required_any
            ],
            recommended=[_ref(ladder.certifications[c]) for c in certs.recommended],
        ),
        tools=[_ref(ladder.tools[t]) for t in role.tools],
        kpis=[_ref(k) for k in ladder.kpis if k.id in role.kpis],
        next=[_ref(ladder.roles[r]) for r in role.next],
    )


def role(ladder: Ladder, result: Role) -> str:
    return dump(role_model(ladder, result))


def skills(ladder: Ladder) -> str:
    from pmoladder.outputs import skills as out

    return dump(
        out.Skills(
            skills=[
                out.SkillEntry(id=s.id, name=s.name, category=s.category, description=s.description)
                for s in ladder.skills.values()
            ]
        )
    )


def skill(ladder: Ladder, result: Skill) -> str:
    from pmoladder.outputs import skill as out

    return dump(
        out.Skill(
            id=result.id,
            name=result.name,
            category=result.category,
            description=result.description,
            levels=[
                out.SkillLevel(level=s.level, name=s.name, descriptor=result.levels.get(s.level))
                for s in ladder.scale
                if s.level > 0
            ],
            roles=[
                out.SkillRole(
                    id=r.id,
                    name=r.name,
                    level=r.skills[result.id].level,
                    weight=float(r.skills[result.id].weight),
                )
                for r in ladder.roles.values()
                if result.id in r.skills
            ],
        )
    )


def _readiness(result: Gap | None) -> float | None:
    return None if result is None else round(result.readiness, 3)


def _skill_gap(s: SkillGap) -> common.SkillGap:
    from pmoladder.outputs import common

    return common.SkillGap(
        id=s.id,
        name=s.name,
        current=s.current,
        required=s.required,
        gap=s.shortfall,
        weight=float(s.weight),
    )


def path(ladder: Ladder, result: Routes) -> str:
    from pmoladder.outputs import path as out

    routes = [_rungs(p) for p in result.paths]
    return dump(
        out.Routes(
            from_=result.start.id,
            to=result.end.id,
            via=None if result.via is None else result.via.id,
            moves=len(result.paths[0].rungs) - 1,
            rungs=routes[0],
            routes=routes,
            more_routes=result.more,
        )
    )


def _rungs(result: Route) -> list[path_out.Rung]:
    from pmoladder.outputs import path as out

    return [
        out.Rung(
            id=rung.role.id,
            name=rung.role.name,
            min_years=rung.role.min_years,
            changes=[
                out.LevelChange(skill=c.skill, from_=c.before, to=c.after, change=c.kind)
                for c in rung.changes
            ],
            certifications=out.NewCertifications(
                new_required=rung.new_required,
                new_required_any=rung.new_required_any,
                new_recommended=rung.new_recommended,
            ),
            readiness=_readiness(rung.gap),
            ready=None if rung.gap is None else rung.gap.ready,
        )
        for rung in result.rungs
    ]


def _blockers(gap: Gap) -> list[common.Blocker]:
    from pmoladder.outputs import common

    found: list[common.Blocker] = []
    for b in gap.blockers():
        if b.kind == "skills":
            found.append(common.Blocker(type="skills", below=b.amount))
        elif b.kind == "certification":
            found.append(common.Blocker(type="certification", id=b.ids[0]))
        elif b.kind == "certification_any":
            found.append(common.Blocker(type="certification_any", ids=list(b.ids)))
        else:
            found.append(common.Blocker(type="years", to_go=b.amount))
    return found


def next_rungs(ladder: Ladder, current: Role, gaps: list[Gap]) -> str:
    from pmoladder.outputs import next as out

    return dump(
        out.Next(
            current=current.id,
            next=[
                out.NextRung(
                    **dict(_verdict(g)), gaps=[_skill_gap(s) for s in g.short_skills()[:3]]
                )
                for g in gaps
            ],
        )
    )


def match(ladder: Ladder, result: Match) -> str:
    from pmoladder.outputs import match as out

    best = result.highest_ready
    return dump(
        out.Match(
            roles=[_verdict(g) for g in result.gaps],
            highest_ready=None if best is None else best.id,
        )
    )


def _verdict(gap: Gap) -> common.Verdict:
    from pmoladder.outputs import common

    return common.Verdict(
        id=gap.target.id,
        name=gap.target.name,
        readiness=round(gap.readiness, 3),
        ready=gap.ready,
        not_ready_because=_blockers(gap),
    )


def plan(ladder: Ladder, result: Plan) -> str:
    from pmoladder.outputs import plan as out

    gap = result.gap
    stale = result.freshness.stale if result.freshness else ()
    return dump(
        out.Plan(
            **_headline(gap),
            steps=[
                out.PlanStep(
                    id=item.step.id,
                    name=item.step.name,
                    score=float(item.score),
                    skills=[s.id for s in item.skills],
                    actions=item.step.actions,
                )
                for item in result.steps
            ],
            skills=[
                out.PlanSkill(
                    id=item.skill.id,
                    name=item.skill.name,
                    current=item.skill.current,
                    required=item.skill.required,
                    gap=item.skill.shortfall,
                    kind=item.kind,
                    descriptor=item.descriptor,
                    stale=item.skill.id in stale,
                )
                for item in result.skills
            ],
            certifications=[
                out.PlanRequiredCertification(
                    **dict(_plan_certification(item)), required=item.required
                )
                for item in result.certifications
            ],
            required_any=[
                [_plan_certification(item) for item in group] for group in result.required_any
            ],
            experience=_experience(gap),
            challenges=[
                out.PlanChallenge(id=c.id, name=c.name, strategies=c.strategies)
                for c in result.challenges
            ],
            kpis=[
                out.PlanKpi(id=k.id, name=k.name, description=k.description, measure=k.measure)
                for k in result.kpis
            ],
        )
    )


def _plan_certification(item: CertificationItem) -> plan_out.PlanCertification:
    from pmoladder.outputs import plan as out

    cert = item.certification
    return out.PlanCertification(
        id=cert.id, name=cert.name, issuer=cert.issuer, eligibility=cert.eligibility
    )


def _changes(changes: ProfileChanges) -> list[common.Change]:
    from pmoladder.outputs import common

    moves = [
        ("current_role", changes.current_role),
        ("target_role", changes.target_role),
        ("years_experience", changes.years),
    ]
    found = [common.Change(type=kind, from_=move[0], to=move[1]) for kind, move in moves if move]
    found += [
        common.Change(type="skill", id=c.id, from_=c.before, to=c.after) for c in changes.skills
    ]
    found += [
        common.Change(type="evidence", id=c.id, from_=c.before, to=c.after)
        for c in changes.evidence
    ]
    for kind, gained, lost in (
        ("certification", changes.gained, changes.lost),
        ("tool", changes.tools_gained, changes.tools_lost),
    ):
        found += [common.Change(type=kind, id=i, change="gained") for i in gained]
        found += [common.Change(type=kind, id=i, change="lost") for i in lost]
    return found


def progress(ladder: Ladder, result: Progress) -> str:
    from pmoladder.outputs import progress as out

    return dump(
        out.Progress(
            target=result.target.id,
            points=[
                out.Point(
                    commit=p.version.commit,
                    date=p.version.date,
                    readiness=round(p.gap.readiness, 3),
                    ready=p.gap.ready,
                    changes=_changes(p.changes),
                )
                for p in result.points
            ],
        )
    )


def diff(ladder: Ladder, result: Diff) -> str:
    from pmoladder.outputs import diff as out

    model = out.Diff(old=result.old, new=result.new, changes=_changes(result.changes))
    if result.new_gap is not None and result.old_gap is not None:
        model.readiness = out.ReadinessMove(
            target=result.new_gap.target.id,
            from_=round(result.old_gap.readiness, 3),
            to=round(result.new_gap.readiness, 3),
        )
    return dump(model)


def config(found: dict[str, Setting]) -> str:
    from pmoladder.outputs import config as out

    return dump(
        out.Config(
            **{
                key: out.Setting(value=s.value, source=s.source, path=s.path)
                for key, s in found.items()
            }
        )
    )


def validate(reports: list[Report]) -> str:
    from pmoladder.outputs import validate as out

    return dump(out.Validate([out.Problem(**p.as_dict()) for r in reports for p in r.problems]))


def person_row(
    ladder: Ladder, member: Member, gap: Gap | None, team: Team | None = None
) -> dict[str, Any]:
    """One person of a team, as the `Person` output model lays it out; `gap` is None for
    someone without a target, and an anonymous report names the person only by number.

    Written as plain data rather than through the model: a team of thousands would spend
    more on validating and dumping its rows than on measuring them. The tests hold every
    row to the model's schema and key order."""
    row: dict[str, Any] = (
        {"person": team.label(member)}
        if team is not None and team.anonymous
        else {"path": member.path, "name": member.name}
    )
    current = ladder.roles.get(member.current_role or "")
    row["current_role"] = None if current is None else {"id": current.id, "name": current.name}
    if gap is None:
        row.update(target=None, readiness=None, ready=None, gaps={})
        row.update(missing_required=[], missing_required_any=[])
    else:
        row["target"] = {"id": gap.target.id, "name": gap.target.name}
        row["readiness"] = round(gap.readiness, 3)
        row["ready"] = gap.ready
        row["gaps"] = {s.id: s.shortfall for s in gap.skills if s.shortfall}
        row["missing_required"] = gap.missing_required
        row["missing_required_any"] = gap.missing_required_any
    for key in ("stale", "expired", "expiring"):
        row[key] = [{"id": k, "on": day.isoformat()} for k, day in getattr(member, key).items()]
    return row


def skipped_row(item: Skipped) -> dict[str, str]:
    return {"path": item.path, "error": item.error}


def team(ladder: Ladder, result: Team) -> str:
    from pmoladder.outputs import team as out

    anonymous = result.anonymous
    model = out.Team(
        target=_opt_ref(result.target),
        people=[],
        no_target=[],
        shortages=[
            out.Shortage(
                id=s.skill.id,
                name=s.skill.name,
                weighted_gap=round(s.weighted_gap, 3),
                short=s.short,
            )
            for s in result.shortages
        ],
        steps=[
            out.TeamStep(
                id=h.step.id,
                name=h.step.name,
                people=h.people,
                skills=h.skills,
                weighted_gap=round(h.weighted_gap, 3),
            )
            for h in result.steps
        ],
        skipped=len(result.skipped),
    )
    if result.target is not None:
        model.skills = [
            out.Cover(
                id=c.skill.id,
                name=c.skill.name,
                required=c.required,
                average=round(c.average, 2),
                meeting=c.meeting,
                below=c.below,
                **({} if anonymous else {"who": c.who}),
            )
            for c in result.coverage
        ]
    if result.bench is not None:

        def names(placed: list[Placed]) -> list[str] | int:
            return len(placed) if anonymous else [p.path for p in placed]

        model.bench = [
            out.Bench(
                role=_ref(b.role), ready_now=names(b.ready_now), ready_soon=names(b.ready_soon)
            )
            for b in result.bench
        ]
    from pmoladder.outputs import data

    document = data(model)
    document["people"] = [person_row(ladder, p.member, p.gap, result) for p in result.people]
    document["no_target"] = [person_row(ladder, m, None, result) for m in result.no_target]
    if not anonymous:
        document["skipped"] = [skipped_row(s) for s in result.skipped]
    return dumps_rows(document)


def team_line(row: dict[str, Any]) -> str:
    """One JSON Lines record of `team --format jsonl`: a person, or a file skipped."""
    return json_safe(json.dumps(row, ensure_ascii=False, separators=(",", ":")))


def team_stream(ladder: Ladder, role: Role | None) -> Callable[[Member | Skipped], str]:
    """`team --format jsonl`: each person (or skipped file) as one line, as soon as read."""
    from pmoladder.team import Skipped, place

    def line(item: Member | Skipped) -> str:
        if isinstance(item, Skipped):
            return team_line(skipped_row(item))
        own = role or (ladder.roles[item.target_role] if item.target_role else None)
        return team_line(person_row(ladder, item, place(ladder, item, own).gap if own else None))

    return line


def ladder_diff(result: LadderDiff) -> str:
    from pmoladder.outputs import ladder_diff as out

    def section(entry: SectionChanges) -> out.SectionChanges:
        if entry.renamed is None:  # a section whose ids never move has no `renamed` key
            return out.SectionChanges(added=entry.added, removed=entry.removed)
        renamed = [out.Rename(from_=old, to=new) for old, new in entry.renamed]
        return out.SectionChanges(added=entry.added, removed=entry.removed, renamed=renamed)

    def change(c: RoleChange) -> out.RoleChange:
        skill = {} if c.skill is None else {"skill": c.skill}  # only where there is one
        return out.RoleChange(role=c.role, field=c.field, **skill, from_=c.before, to=c.after)

    return dump(
        out.LadderDiff(
            roles=section(result.sections["roles"]),
            skills=section(result.sections["skills"]),
            certifications=section(result.sections["certifications"]),
            changed=[change(c) for c in result.changed],
        )
    )
