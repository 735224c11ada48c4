"""Tab completion from the index beside the ladder cache: the same answers as the app, and
no answer (so the app gives it) whenever the index is missing, stale, forged or not ours."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from pmoladder import completion
from pmoladder.cli import app
from pmoladder.ladder import builtin_path, load_ladder


def completable() -> list[tuple[str, str]]:
    """(command, option or "" for its argument) for every parameter the app completes."""
    found = []
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if param._custom_shell_complete is not None:
                opts = [o for o in param.opts if o.startswith("-")] or [""]
                found += [(name, opt) for opt in opts]
    return found


def request(shell: str, line: str) -> dict[str, str]:
    """The environment a shell's completion script sets for `line` (cursor at its end)."""
    if shell == "bash":
        words = line.split(" ")
        return {
            "_PMOLADDER_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
        }
    return {
        "_PMOLADDER_COMPLETE": f"complete_{shell}",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }


def by_app(env: dict[str, str]) -> str:
    result = CliRunner().invoke(app, [], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def quick(env: dict[str, str]) -> str | None:
    answer = completion.quick_answer({**os.environ, **env})
    if answer is None:
        return None
    assert answer[1] == 0
    return answer[0]


def test_the_table_is_what_the_app_completes():
    table = [(c, o) for c, options in completion.COMMANDS.items() for o in options]
    assert sorted(table) == sorted(completable())


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize(("command", "option"), completable())
def test_the_index_answers_as_the_app_does(shell, command, option):
    line = " ".join(["pmoladder", command, *([option] if option else []), ""])
    assert quick(request(shell, line)) is None  # no index before the ladder is loaded
    app_says = by_app(request(shell, line))
    assert quick(request(shell, line)) == app_says  # the app's load wrote it
    for prefix in ("d", "s", "zz"):
        assert quick(request(shell, line + prefix)) == by_app(request(shell, line + prefix))


def test_roles_and_skills_are_offered(tmp_path):
    load_ladder(None)
    roles = quick(request("bash", "pmoladder gap --target d")).split()
    assert roles and all(r.startswith("d") for r in roles) and "director" in roles
    skills = quick(request("bash", "pmoladder assess -s lead")).split()
    assert skills == ["leadership"]


def test_fish_asks_whether_there_are_values():
    load_ladder(None)
    env = {
        **request("fish", "pmoladder gap --target dir"),
        "_TYPER_COMPLETE_FISH_ACTION": "is-args",
    }
    assert completion.quick_answer({**os.environ, **env}) == ("", 0)
    env["_TYPER_COMPLETE_ARGS"] = "pmoladder gap --target zz"
    assert completion.quick_answer({**os.environ, **env}) == ("", 1)


@pytest.mark.parametrize(
    "line",
    [
        "pmoladder gap --tar",  # an option name
        "pmoladder gap --ladder other.yaml --target d",  # another ladder than the index's
        "pmoladder gap --ladder=other.yaml --target d",
        "pmoladder gap -- --target d",
        "pmoladder gap --profile p.yaml d",  # nothing of ours to complete
        "pmoladder role director d",  # the argument is given
        "pmoladder --no-color gap --target d",
        "pmoladder ladder lint d",
        "pmoladder gp --target d",
    ],
)
def test_other_requests_are_left_to_the_app(line):
    load_ladder(None)
    assert quick(request("bash", line)) is None


def index_file(tmp_path: Path) -> Path:
    (found,) = (tmp_path / ".cache").glob("complete-*.json")
    return found


def test_an_edited_ladder_is_read_again(tmp_path, monkeypatch, write):
    path = write("ladder.yaml", builtin_path().read_text(encoding="utf-8"))
    monkeypatch.setenv("PMOLADDER_LADDER", path)
    load_ladder(None)
    assert "director" in quick(request("bash", "pmoladder gap --target d")).split()
    text = Path(path).read_text(encoding="utf-8").replace("director", "directorate")
    Path(path).write_text(text, encoding="utf-8")
    assert quick(request("bash", "pmoladder gap --target d")) is None
    by_app(request("bash", "pmoladder gap --target d"))
    assert "directorate" in quick(request("bash", "pmoladder gap --target d")).split()


def test_a_new_settings_file_misses(tmp_path, write):
    load_ladder(None)
    assert quick(request("bash", "pmoladder gap --target d")) is not None
    write(".pmoladder.yaml", "stale_after_months: 6\n")
    assert quick(request("bash", "pmoladder gap --target d")) is None


def test_a_ladder_from_the_environment_has_its_own_index(tmp_path, monkeypatch):
    load_ladder(None)
    monkeypatch.setenv(
        "PMOLADDER_LADDER", str(Path(__file__).parent / "fixtures" / "mini-ladder.yaml")
    )
    assert quick(request("bash", "pmoladder gap --target d")) is None


@pytest.mark.parametrize(
    "forged",
    [
        "$(touch planted)",
        "director\nrm -rf ~",
        "Director",
        "",
        42,
        ["director"],
    ],
)
def test_a_forged_id_is_never_offered(tmp_path, forged):
    load_ladder(None)
    entry = index_file(tmp_path)
    data = json.loads(entry.read_text("utf-8"))
    data["roles"].append(forged)
    entry.write_text(json.dumps(data), "utf-8")
    assert quick(request("bash", "pmoladder gap --target ")) is None


@pytest.mark.parametrize("content", ["not json", "[]", '{"files": []}', '{"files": [[1]]}', "{}"])
def test_a_broken_index_is_ignored(tmp_path, content):
    load_ladder(None)
    index_file(tmp_path).write_text(content, "utf-8")
    assert quick(request("bash", "pmoladder gap --target d")) is None
    load_ladder(None)  # and rewritten by the next load
    assert quick(request("bash", "pmoladder gap --target d")) is not None


def test_an_index_others_can_write_is_not_used(tmp_path):
    load_ladder(None)
    index_file(tmp_path).chmod(0o666)
    assert quick(request("bash", "pmoladder gap --target d")) is None


def test_a_symlinked_index_is_not_followed(tmp_path):
    load_ladder(None)
    entry = index_file(tmp_path)
    target = tmp_path / "elsewhere.json"
    entry.rename(target)
    entry.symlink_to(target)
    assert quick(request("bash", "pmoladder gap --target d")) is None


def test_a_ladder_given_by_the_flag_leaves_no_index(tmp_path):
    load_ladder(str(builtin_path()))
    assert not list((tmp_path / ".cache").glob("complete-*.json"))
