from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from pmoladder import roster
from pmoladder.freshness import freshness
from pmoladder.profile import load_profile
from pmoladder.roster import Ticker, profile_files, read_profiles, workers_for
from pmoladder.team import Member, Skipped, member_of, team_view

FIXTURES = Path(__file__).parent / "fixtures"


def member(path: str, target: str | None = "lead", certs: tuple[str, ...] = (), **levels: int):
    return Member(
        path=path,
        name=path.upper(),
        current_role=None,
        target_role=target,
        years=None,
        levels=levels,
        certifications=frozenset(certs),
    )


def test_each_person_against_their_own_target_and_the_rest_apart(mini):
    team = team_view(
        mini,
        [
            member("b", "starter", planning=1),
            member("a", None, planning=3),
            member("c", "lead", planning=2, people=3, money=1),
        ],
    )
    assert [(p.path, p.gap.target.id) for p in team.people] == [("c", "lead"), ("b", "starter")]
    assert [m.path for m in team.no_target] == ["a"]
    assert team.coverage == []


def test_people_sorted_by_readiness_then_path(mini):
    team = team_view(
        mini,
        [member("z", planning=2), member("y", planning=2), member("x", people=3)],
        mini.roles["lead"],
    )
    # x meets people (weight 2, level 3): 6 of 9; y and z: 2 of 9, tied, so by path
    assert [p.path for p in team.people] == ["x", "y", "z"]


def test_a_common_target_overrides_everyone_s_own(mini):
    team = team_view(mini, [member("a", None), member("b", "starter")], mini.roles["lead"])
    assert [p.gap.target.id for p in team.people] == ["lead", "lead"] and not team.no_target


def test_coverage_meeting_below_and_who_for_single_points_of_failure(mini):
    team = team_view(
        mini,
        [member("a", planning=2, people=3), member("b", planning=3, people=1, money=1)],
        mini.roles["lead"],
    )
    cover = {c.skill.id: (c.meeting, c.below, c.who) for c in team.coverage}
    assert cover == {"planning": (2, 0, None), "people": (1, 1, ["a"]), "money": (1, 1, ["b"])}
    # fewest meeting first, ties in the ladder's order
    assert [c.skill.id for c in team.coverage] == ["people", "money", "planning"]


def test_who_is_empty_when_nobody_meets_a_skill(mini):
    team = team_view(mini, [member("a"), member("b")], mini.roles["lead"])
    assert all(c.who == [] and c.meeting == 0 for c in team.coverage)


def test_shortages_add_up_weighted_gaps_and_count_people_short(mini):
    team = team_view(
        mini, [member("a", planning=1), member("b", planning=2, people=2)], mini.roles["lead"]
    )
    found = [(s.skill.id, s.weighted_gap, s.short) for s in team.shortages]
    # people weighs 2: a is 3 short (6), b 1 short (2); planning: a 1 short; money: both 1
    assert found == [("people", 8, 2), ("money", 2, 2), ("planning", 1, 1)]
    assert team.shortage("planning").short == 1 and team.shortage("unused") is None


def test_steps_ranked_by_people_helped(mini):
    team = team_view(
        mini,
        [member("a", planning=2, people=3, money=0), member("b", planning=2, people=3, money=1)],
        mini.roles["lead"],
    )
    # only a is short, and only of money, which no step develops
    assert team.steps == []
    team = team_view(mini, [member("a", planning=1), member("b", planning=2)], mini.roles["lead"])
    (practise,) = team.steps
    assert (practise.step.id, practise.people, practise.skills) == (
        "practise",
        2,
        ["planning", "people"],
    )


def test_bench_ready_now_and_soon_for_every_role(mini):
    people = [
        member("ready", "starter", certs=("cert-a",), planning=2, people=3, money=1),
        member("near", None, certs=("cert-a",), planning=2, people=3),  # 8/9 for lead
        member("uncertified", None, planning=2, people=3),  # 8/9 but misses cert-a
        member("far", "head", planning=1),
    ]
    bench = {b.role.id: b for b in team_view(mini, people, bench=True).bench}
    assert list(bench) == ["starter", "lead", "head"]  # every role, lowest first
    lead = bench["lead"]
    assert [p.path for p in lead.ready_now] == ["ready"]  # with no years given, as section 3
    assert [p.path for p in lead.ready_soon] == ["near"]
    assert [p.path for p in bench["starter"].ready_now] == ["near", "ready", "uncertified"]
    assert len(bench["head"].ready_now) == 4  # a role with no skills: everyone is ready
    strict = team_view(mini, people, bench=True, within=0.9).bench
    assert strict[1].ready_soon == []


def test_ready_soon_starts_at_the_threshold_itself(mini):
    near = member("near", certs=("cert-a",), planning=2, people=2, money=1)  # 7 of 9
    for within, soon in [(7 / 9, ["near"]), (7 / 9 + 1e-9, [])]:
        bench = {b.role.id: b for b in team_view(mini, [near], bench=True, within=within).bench}
        assert [p.path for p in bench["lead"].ready_soon] == soon


def test_anonymous_labels_follow_readiness_order(mini):
    team = team_view(
        mini,
        [member("b", planning=1), member("a", planning=2), member("c", None)],
        anonymous=True,
    )
    assert [team.label(m) for m in [p.member for p in team.people] + team.no_target] == [
        "#1",
        "#2",
        "#3",
    ]
    assert team.label(team.people[0].member) == "#1" and team.people[0].path == "a"
    named = team_view(mini, [member("a", planning=2)])
    assert named.label(named.people[0].member) == "A"


def test_member_keeps_levels_certifications_and_freshness(mini, write):
    path = write(
        "p.yaml",
        "name: P\ntarget_role: lead\nskills: {planning: {level: 2, assessed: 2024-01-01}}\n"
        "certifications: [{id: cert-a, expires: 2026-12-01}, {id: cert-b, expires: 2020-01-01}]\n",
    )
    person = load_profile(path, mini)
    got = member_of(path, person, freshness(mini, person, dt.date(2026, 11, 26), 12))
    assert (got.name, got.target_role, got.levels) == ("P", "lead", {"planning": 2})
    assert got.certifications == {"cert-a", "cert-b"}
    assert got.stale == {"planning": dt.date(2024, 1, 1)}
    assert got.expired == {"cert-b": dt.date(2020, 1, 1)}
    assert got.expiring == {"cert-a": dt.date(2026, 12, 1)}


def test_folders_are_read_recursively_in_name_order(tmp_path):
    team = FIXTURES / "team"
    found = [Path(p).relative_to(team).as_posix() for p in profile_files([str(team)])]
    # not .pmoladder.yaml, not a hidden folder, not notes.txt; .yml as well as .yaml
    assert found == ["ana.yaml", "delivery/ben.yml", "delivery/chen.yaml", "delivery/dana.yaml"]
    assert list(profile_files(["given.txt"])) == ["given.txt"]  # a file is read as given


def test_an_unreadable_folder_is_skipped_with_a_reason(monkeypatch, tmp_path):
    (tmp_path / "locked").mkdir()

    def refuse(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(roster.os, "scandir", refuse)
    (item,) = profile_files([str(tmp_path / "locked")])
    assert isinstance(item, Skipped) and "cannot list the folder: Permission denied" in item.error


@pytest.mark.parametrize(
    ("files", "jobs", "expected"),
    [(10, None, 1), (399, None, 1), (400, None, 2), (10_000, None, 2), (10, 3, 3), (10_000, 1, 1)],
)
def test_workers_repay_their_start(monkeypatch, files, jobs, expected):
    monkeypatch.setattr(roster.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert workers_for(files, jobs) == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_reading_gives_members_and_skips_in_path_order(mini, write, jobs):
    good = write("a.yaml", "name: A\nskills: {planning: 9}\n".replace("9", "2"))
    bad = write("b.yaml", "skills: {plan: 1}\n")
    warned = write("c.yaml", "tools: [hammer]\n")
    read = list(read_profiles(mini, [good, bad, warned], dt.date(2026, 1, 1), 12, jobs))
    assert [type(item).__name__ for item, _ in read] == ["Member", "Skipped", "Member"]
    assert read[0][0].levels == {"planning": 2}
    assert read[1][0].error.startswith(f"{bad}:1:10: skills.plan: unknown skill 'plan'")
    assert "unknown tool 'hammer'" in read[2][1][0]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_after_a_second(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(roster.time, "monotonic", lambda: clock[0])
    piped = Ticker(10, io.StringIO())
    term = Ticker(10, _Terminal())
    for ticker in (piped, term):
        ticker.advance()
    assert piped.bar is None and term.bar is None  # quick so far
    clock[0] += 1.5
    for ticker in (piped, term):
        ticker.advance()
    assert piped.bar is None and term.bar is not None
    term.close()
    assert piped.stream.getvalue() == ""


def test_bench_soon_needs_every_group_of_equivalent_certifications(write):
    from pmoladder.ladder import load_ladder

    text = (FIXTURES / "mini-ladder.yaml").read_text(encoding="utf-8")
    ladder = load_ladder(
        write("any.yaml", text.replace("{required: [cert-a]", "{required_any: [[cert-a, cert-b]]"))
    )
    levels = {"planning": 2, "people": 3}  # 8 of 9 for lead: within reach
    people = [
        member("with-b", None, certs=("cert-b",), **levels),
        member("with-none", None, **levels),
    ]
    lead = team_view(ladder, people, bench=True).bench[1]
    assert [p.path for p in lead.ready_soon] == ["with-b"]
    assert team_view(ladder, people, ladder.roles["lead"]).people[1].gap.missing_required_any == [
        ["cert-a", "cert-b"]
    ]


def test_skipped_files_are_kept_apart_in_read_order(mini):
    reads = [Skipped("z.yaml", "z.yaml: broken"), member("a"), Skipped("b.yaml", "b.yaml: gone")]
    team = team_view(mini, iter(reads), mini.roles["lead"])
    assert [s.path for s in team.skipped] == ["z.yaml", "b.yaml"]
    assert [p.path for p in team.people] == ["a"]


def test_to_refresh_names_each_person_with_something_old_in_team_order(mini):
    from dataclasses import replace

    day = dt.date(2025, 1, 31)
    fresh = member("a", planning=3)
    old = replace(member("b"), stale={"people": day, "planning": day}, expiring={"cert-a": day})
    lapsed = replace(member("c", target=None), expired={"cert-b": day})
    team = team_view(mini, [fresh, old, lapsed])
    notes = team.to_refresh(lambda ids: "+".join(ids), lambda d: "|".join(d))
    assert [(m.path, said) for m, said in notes] == [
        ("b", "stale: people+planning; expiring: cert-a"),
        ("c", "expired: cert-b"),
    ]
