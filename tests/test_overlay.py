"""Overlays: a ladder that extends another, checked against the same ladder written in full."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import FIXTURES
from typer.testing import CliRunner

from pmoladder.cli import app
from pmoladder.errors import FileErrors
from pmoladder.ladder import builtin_path, ladder_from
from pmoladder.yamlfile import load

EXAMPLE = str(FIXTURES.parent.parent / "examples" / "profile.yaml")

ACME = """\
schema_version: 1
extends: builtin
name: Acme Delivery Ladder
remove:
  roles: [cpo]
roles:
  - id: director
    name: Head of Delivery
    aliases: [hod]
    skills:
      leadership: 4
      cost-management: null
  - id: delivery-lead
    after: pm
    name: Delivery Lead
    tier: mid
    min_years: 4
    next: [program-manager]
    skills: {planning-scheduling: 3, vendor-management: 2, leadership: {level: 3, weight: 2}}
skills:
  - id: vendor-management
    name: Vendor Management
    category: business-acumen
"""


def written_in_full() -> dict:
    """The built-in ladder with Acme's changes made by hand, independently of the merge."""
    data = yaml.safe_load(builtin_path().read_text(encoding="utf-8"))
    data["name"] = "Acme Delivery Ladder"
    data["roles"] = [r for r in data["roles"] if r["id"] != "cpo"]
    for role in data["roles"]:
        role["next"] = [n for n in role.get("next", []) if n != "cpo"]
    director = next(r for r in data["roles"] if r["id"] == "director")
    director["name"] = "Head of Delivery"
    director["aliases"] = ["hod"]
    director["skills"]["leadership"] = 4
    del director["skills"]["cost-management"]
    at = [r["id"] for r in data["roles"]].index("pm") + 1
    data["roles"].insert(
        at,
        {
            "id": "delivery-lead",
            "name": "Delivery Lead",
            "tier": "mid",
            "min_years": 4,
            "next": ["program-manager"],
            "skills": {
                "planning-scheduling": 3,
                "vendor-management": 2,
                "leadership": {"level": 3, "weight": 2},
            },
        },
    )
    data["skills"].append(
        {"id": "vendor-management", "name": "Vendor Management", "category": "business-acumen"}
    )
    return data


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def ladders(write):
    overlay = write("acme.yaml", ACME)
    full = write("full.yaml", yaml.safe_dump(written_in_full(), sort_keys=False))
    return overlay, full


@pytest.mark.parametrize(
    "who",
    [["--profile", EXAMPLE], ["--from", "pm"], ["--from", "junior-pm"], ["--from", "hod"]],
)
@pytest.mark.parametrize("target", ["director", "delivery-lead", "program-manager", "hod"])
def test_an_overlay_gives_the_same_gaps_as_the_ladder_written_in_full(ladders, who, target):
    overlay, full = ladders
    outputs = []
    for ladder in (overlay, full):
        result = run("gap", *who, "--target", target, "--format", "json", "--ladder", ladder)
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]
    if target == "director":
        rows = {row["id"]: row for row in outputs[0]["skills"]}
        assert "cost-management" not in rows and rows["leadership"]["required"] == 4


def test_the_overlay_orders_and_resolves_like_the_full_ladder(ladders):
    overlay, full = ladders
    mine, theirs = (ladder_from(load(p)) for p in ladders)
    assert list(mine.roles) == list(theirs.roles)
    order = list(mine.roles)
    assert order[order.index("pm") + 1] == "delivery-lead" and "cpo" not in mine.roles
    assert list(mine.skills)[-1] == "vendor-management"
    assert mine.roles["program-manager"].next == ["director", "pmo-manager"]
    for command in (["roles"], ["path", "--from", "pm", "--to", "hod"], ["role", "hod"]):
        shown = [run(*command, "--format", "json", "--ladder", p).stdout for p in ladders]
        assert shown[0] == shown[1]


def test_ladder_show_prints_a_standalone_ladder_that_resolves_the_same(ladders, write):
    overlay, _ = ladders
    shown = run("ladder", "show", overlay)
    assert shown.exit_code == 0, shown.output
    assert "extends" not in yaml.safe_load(shown.stdout)
    again = write("shown.yaml", shown.stdout)
    assert run("ladder", "show", again).stdout == shown.stdout
    as_json = json.loads(run("ladder", "show", overlay, "--format", "json").stdout)
    order = [role["id"] for role in as_json["roles"]]
    assert order[order.index("pm") + 1] == "delivery-lead"
    for ladder in (overlay, again):
        gap = run("gap", "--from", "pm", "-t", "hod", "-f", "json", "--ladder", ladder)
        assert gap.exit_code == 0
    assert (
        len(
            {
                run("gap", "--from", "pm", "-t", "hod", "-f", "json", "--ladder", p).stdout
                for p in (overlay, again)
            }
        )
        == 1
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("which", ["builtin", "overlay", "software"])
def test_what_ladder_show_prints_loads_back_as_the_same_ladder(ladders, write, which, fmt):
    path = {
        "builtin": str(builtin_path()),
        "overlay": ladders[0],
        "software": str(FIXTURES.parent.parent / "examples" / "software-ladder.yaml"),
    }[which]
    shown = run("ladder", "show", path, "--format", fmt)
    assert shown.exit_code == 0, shown.output
    again = write(f"shown.{fmt}", shown.stdout)
    assert ladder_from(load(again)).model == ladder_from(load(path)).model


def errors_of(path: str) -> list[str]:
    with pytest.raises(FileErrors) as caught:
        ladder_from(load(path))
    return [str(e) for e in caught.value.errors]


def test_errors_are_placed_in_the_file_that_holds_the_text(write):
    write(
        "base.yaml",
        "schema_version: 1\nextends: builtin\nroles:\n  - id: pm\n    skills: {leadership: 9}\n",
    )
    top = write("top.yaml", "schema_version: 1\nextends: base.yaml\nname: Top\n")
    [message] = errors_of(top)
    assert message.endswith(
        "base.yaml:5:26: roles.0.skills.leadership: level 9 is outside the scale 0..5"
    )


def test_every_overlay_error_is_one_located_line(write):
    path = write(
        "acme.yaml",
        """\
schema_version: 1
extends: builtin
remove:
  roles: [cpo, nope]
  skils: [x]
roles:
  - id: director
    next: [cpo]
    naem: Boss
  - id: lead
    after: pmx
    name: Lead
    skills: {leadership: 2}
""",
    )
    found = errors_of(path)
    assert [line.split(": ", 1)[0].rsplit("/", 1)[-1] for line in found] == [
        "acme.yaml:4:16",
        "acme.yaml:5:3",
        "acme.yaml:8:12",
        "acme.yaml:9:5",
        "acme.yaml:11:12",
    ]
    assert "the base has no role 'nope'" in found[0]
    assert "unknown section 'skils' (did you mean 'skills'" in found[1]
    assert "'cpo' is removed by this overlay" in found[2]
    assert "unknown key 'naem'" in found[3]
    assert "unknown role 'pmx' (did you mean 'pm'?)" in found[4]


def test_a_new_entry_missing_a_field_is_reported_where_it_is_written(write):
    path = write("o.yaml", "extends: builtin\nroles:\n  - id: lead\n    skills: {leadership: 2}\n")
    [message] = errors_of(path)
    assert message.endswith("o.yaml:3:5: roles.0.name: missing required key 'name'")


def test_a_cycle_and_a_long_chain_are_errors(write):
    write("a.yaml", "extends: b.yaml\n")
    write("b.yaml", "extends: a.yaml\n")
    [cycle] = errors_of(str(write("c.yaml", "extends: a.yaml\n")))
    assert "b.yaml:1:10: extends: 'a.yaml' extends this file again: a cycle" in cycle
    write("l0.yaml", "extends: builtin\n")
    for n in range(1, 10):
        write(f"l{n}.yaml", f"extends: l{n - 1}.yaml\n")
    assert ladder_from(load(str(write("ok.yaml", "extends: l6.yaml\n")))).name
    [deep] = errors_of(str(write("deep.yaml", "extends: l7.yaml\n")))
    assert "more than 8 ladders extend one another" in deep


def test_a_missing_base_is_an_error_at_extends(write):
    [message] = errors_of(write("o.yaml", "extends: nowhere.yaml\n"))
    assert "o.yaml:1:10: extends: cannot read the base:" in message and "no such file" in message


def test_removing_cascades_through_the_base_references(write):
    path = write(
        "o.yaml",
        """\
extends: builtin
remove:
  skills: [hybrid-delivery]
  certifications: [pmp]
  tools: [jira]
  tiers: [entry]
""",
    )
    ladder = ladder_from(load(path))
    assert "hybrid-delivery" not in ladder.skills
    assert all("hybrid-delivery" not in r.skills for r in ladder.roles.values())
    assert all("pmp" not in r.certifications.required for r in ladder.roles.values())
    assert all("jira" not in r.tools for r in ladder.roles.values())
    assert ladder.roles["coordinator"].tier is None
    assert all("hybrid-delivery" not in s.develops for s in ladder.steps)


def test_merges_key_by_key_and_list_by_list(write):
    path = write(
        "o.yaml",
        """\
extends: builtin
skills:
  - id: leadership
    levels: {1: Leads a meeting., 2: null}
roles:
  - id: director
    skills: {leadership: 4}
    certifications: {recommended: [pgmp]}
    responsibilities: [Only this.]
""",
    )
    ladder = ladder_from(load(path))
    builtin = ladder_from(load(str(builtin_path())))
    levels = ladder.skills["leadership"].levels
    assert levels[1] == "Leads a meeting." and 2 not in levels
    assert levels[3] == builtin.skills["leadership"].levels[3]
    director = ladder.roles["director"]
    assert (director.skills["leadership"].level, director.skills["leadership"].weight) == (4, 1)
    assert director.skills["governance"] == builtin.roles["director"].skills["governance"]
    assert (
        director.certifications.required_any
        == builtin.roles["director"].certifications.required_any
    )
    assert director.certifications.recommended == ["pgmp"]
    assert director.responsibilities == ["Only this."]
    assert director.summary == builtin.roles["director"].summary


def test_a_scale_is_renamed_but_keeps_its_numbers(write):
    path = write(
        "o.yaml", "extends: builtin\nscale:\n  - {level: 0, name: None or not applicable}\n"
    )
    ladder = ladder_from(load(path))
    assert ladder.level_name(0) == "None or not applicable" and ladder.max_level == 5
    [message] = errors_of(write("p.yaml", "extends: builtin\nscale:\n  - {level: 6, name: Guru}\n"))
    assert "p.yaml:3:5: scale.0: an overlay keeps the base's level numbers" in message


def test_overlays_are_cached_on_every_file_of_the_chain(write, tmp_path):
    base = write("base.yaml", "extends: builtin\nname: One\n")
    top = write("top.yaml", "extends: base.yaml\n")
    assert json.loads(run("roles", "-f", "json", "--ladder", top).stdout)["ladder"] == "One"
    write("base.yaml", "extends: builtin\nname: Two\n")
    assert json.loads(run("roles", "-f", "json", "--ladder", top).stdout)["ladder"] == "Two"
    assert base
