"""`pmoladder assess` end to end: what it keeps, what it saves when stopped early, and how
it treats the file it writes (links, permissions, owner, line endings, concurrent edits)."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES
from installed import EXE, installed
from typer.testing import CliRunner

from pmoladder.cli import app

MINI = str(FIXTURES / "mini-ladder.yaml")
TODAY = "2026-11-26"


def assess(path: str | Path, *args: str, input: str = ""):
    argv = ["assess", "-p", str(path), "--ladder", MINI, *args]
    return CliRunner().invoke(app, argv, input=input)


def after_answers(monkeypatch, count: int, then) -> None:
    """Let `count` questions be answered from the piped input, then call `then` instead."""
    from pmoladder.assessment import Asker

    real, asked = Asker.__call__, []

    def ask(self, prompt: str) -> str:
        asked.append(prompt)
        if len(asked) > count:
            then()
        return real(self, prompt)

    monkeypatch.setattr(Asker, "__call__", ask)


def interrupt() -> None:
    raise KeyboardInterrupt


def test_enter_keeps_every_entry_byte_for_byte(write):
    text = (
        "target_role: lead\nskills:\n"
        "  planning:   {level: 1,   assessed: 2024-01-01}   # stale, and it shows\n"
        "  people: good\n"
    )
    path = write("p.yaml", text)
    result = assess(path, input="\n\n\n\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert "nothing to save" in result.stderr
    assert Path(path).read_text() == text  # money, never rated, stays absent


def test_a_typed_level_or_evidence_dates_only_that_entry(write):
    path = write(
        "p.yaml", "target_role: lead\nskills:\n  planning: {level: 1, assessed: 2024-01-01}\n"
    )
    result = assess(path, input="1\n\n\nled the offsite\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert Path(path).read_text() == (
        "target_role: lead\nskills:\n"
        f"  planning: {{level: 1, assessed: {TODAY}}}\n"
        f"  people: {{level: 0, evidence: led the offsite, assessed: {TODAY}}}\n"
    )
    assert "saved the answers to 2 of 3 skills" in result.stderr
    assert "(1 kept as they were)" in result.stderr


def test_input_that_ends_early_saves_the_answers_given(write):
    path = write("p.yaml", "target_role: lead\n")
    result = assess(path, "--no-evidence", input="2\n3\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "pmoladder: error: skill 3 of 3 (money): no answer on standard input (not a terminal: "
        f"pipe one answer per line); saved the answers to 2 of 3 skills in {path}"
    )
    assert Path(path).read_text() == (
        "target_role: lead\nskills:\n"
        f"  planning: {{level: 2, assessed: {TODAY}}}\n  people: {{level: 3, assessed: {TODAY}}}\n"
    )


def test_an_invalid_piped_answer_saves_the_answers_before_it(write):
    path = write("p.yaml", "target_role: lead\n")
    result = assess(path, "--no-evidence", input="2\n\u00b2\n1\n")
    assert result.exit_code == 2
    last = result.stderr.splitlines()[-1]
    assert last.startswith("pmoladder: error: skill 2 of 3 (people): '\u00b2' is not a level")
    assert last.endswith(f"saved the answers to 1 of 3 skills in {path}")
    assert "planning: {level: 2" in Path(path).read_text()


def test_nothing_given_before_the_end_leaves_the_file_alone(write):
    path = write("p.yaml", "target_role: lead\n")
    result = assess(path, input="")
    assert result.exit_code == 2 and "no answer on standard input" in result.stderr
    assert f"nothing to save: {path} was not changed" in result.stderr
    assert Path(path).read_text() == "target_role: lead\n"


def test_ctrl_c_saves_the_answers_given_and_exits_130(write, monkeypatch):
    path = write("p.yaml", "target_role: lead\n")
    after_answers(monkeypatch, 1, interrupt)
    result = assess(path, "--no-evidence", input="1\n1\n1\n")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == (
        "pmoladder: interrupted at skill 2 of 3 (people); "
        f"saved the answers to 1 of 3 skills in {path}"
    )
    assert "planning: {level: 1" in Path(path).read_text()


def test_skill_option_takes_ids_and_names_and_counts_them(write):
    path = write("p.yaml", "target_role: lead\n")
    result = assess(path, "--no-evidence", "--skill", "money", "-s", "People", input="1\n2\n")
    assert result.exit_code == 0, result.stderr
    assert "Skill 1 of 2: Money (money)" in result.stderr
    assert "Skill 2 of 2: People (people)" in result.stderr
    assert "planning" not in Path(path).read_text()
    bad = assess(path, "--skill", "mony", input="")
    assert bad.exit_code == 2 and "unknown skill 'mony' (did you mean 'money'?)" in bad.stderr


def test_profile_text_is_never_printed_raw_in_prompts(write):
    path = write(
        "p.yaml",
        'target_role: lead\nskills:\n  planning: {level: 1, evidence: "\\e]0;pwn\\a\\e[2J\\u202egnp"}\n',
    )
    result = assess(path, input="\n\n\n\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert not any(ch in result.stderr for ch in "\x1b\x07\u202e")
    assert "Evidence [\\x1b]0;pwn\\x07\\x1b[2J\\u202egnp]" in result.stderr


def test_control_characters_typed_as_evidence_are_refused(write):
    path = write("p.yaml", "target_role: lead\n")
    result = assess(path, "--skill", "money", input="1\nbad\x1b[2J\n")
    assert result.exit_code == 2 and "evidence cannot hold control characters" in result.stderr
    assert Path(path).read_text() == "target_role: lead\n"


def test_writes_through_a_symlink_to_its_target(tmp_path, write):
    real = write("real.yaml", "target_role: lead\n")
    link = tmp_path / "p.yaml"
    link.symlink_to("real.yaml")
    result = assess(link, "--skill", "money", "--no-evidence", input="1\n")
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "real.yaml"
    assert "money: {level: 1" in Path(real).read_text()


def test_a_read_only_profile_is_refused_before_any_question(write):
    path = write("p.yaml", "target_role: lead\n")
    os.chmod(path, 0o444)
    result = assess(path, "--skill", "money", "--no-evidence", input="1\n")
    assert result.exit_code == 2 and "Skill 1" not in result.stderr
    assert (
        result.stderr
        == f"pmoladder: error: {path} is read-only (use --force to rewrite it anyway)\n"
    )
    forced = assess(path, "--skill", "money", "--no-evidence", "--force", input="1\n")
    assert forced.exit_code == 0, forced.stderr
    assert "money" in Path(path).read_text() and os.stat(path).st_mode & 0o777 == 0o444


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_the_owner_is_kept(write):
    path = write("p.yaml", "target_role: lead\n")
    os.chown(path, 4321, 4322)
    assert assess(path, "--skill", "money", "--no-evidence", input="1\n").exit_code == 0
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (4321, 4322)


def test_crlf_stays_crlf(write):
    path = write("p.yaml", "")
    Path(path).write_bytes(b"target_role: lead\r\nskills:\r\n  planning: 1 # c\r\n")
    assert assess(path, "--skill", "money", "--no-evidence", input="1\n").exit_code == 0
    data = Path(path).read_bytes()
    assert data.count(b"\r\n") == 4 and data.count(b"\n") == 4


def test_an_edit_made_while_assess_waits_is_not_lost(write, monkeypatch):
    path = write("p.yaml", "target_role: lead\n")

    def edit() -> None:
        Path(path).write_text("target_role: lead\nname: Edited meanwhile\n")

    after_answers(monkeypatch, 1, edit)
    result = assess(path, "--no-evidence", input="1\n1\n1\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"pmoladder: error: {path} changed since it was read (edited, or updated by another "
        "run); nothing was written"
    )
    assert Path(path).read_text() == "target_role: lead\nname: Edited meanwhile\n"


def test_a_file_that_cannot_be_rewritten_faithfully_is_refused_up_front(write, monkeypatch):
    path = write("p.yaml", "target_role: lead\nx-note: keep me\n")
    monkeypatch.setattr(
        "pmoladder.assessment.apply_answers", lambda text, *_: text.replace("keep me", "lost")
    )
    result = assess(path, input="1\n")
    assert result.exit_code == 2 and "Skill 1" not in result.stderr
    assert result.stderr == (
        f"{path}:2:9: x-note: assess cannot rewrite this file without changing this value; "
        "edit it by hand\n"
    )


def test_init_does_not_replace_a_dangling_symlink(tmp_path):
    link = tmp_path / "profile.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    result = CliRunner().invoke(app, ["init", str(link)])
    assert result.exit_code == 2 and "is a link to a missing file" in result.stderr
    assert link.is_symlink() and not (tmp_path / "elsewhere.yaml").exists()
    forced = CliRunner().invoke(app, ["init", str(link), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert link.is_symlink() and (tmp_path / "elsewhere.yaml").read_text().startswith("#")


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [EXE, "assess", "--ladder", MINI, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for(proc: subprocess.Popen, text: bytes) -> bytes:
    """Read the process's stderr until `text` shows: it is then waiting for an answer."""
    seen = b""
    while text not in seen:
        chunk = os.read(proc.stderr.fileno(), 4096)
        assert chunk, seen
        seen += chunk
    return seen


@installed
@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_on_the_installed_command_saves_the_answers_given(write, name, code):
    path = write("p.yaml", "target_role: lead\n")
    proc = start("-p", path, "--no-evidence")
    wait_for(proc, b"Level [")
    proc.stdin.write(b"2\n")
    proc.stdin.flush()
    wait_for(proc, b"Skill 2 of 3")
    proc.send_signal(getattr(signal, name))
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert err.decode().endswith(
        f"pmoladder: interrupted at skill 2 of 3 (people); "
        f"saved the answers to 1 of 3 skills in {path}\n"
    )
    assert (
        Path(path).read_text()
        == f"target_role: lead\nskills:\n  planning: {{level: 2, assessed: {TODAY}}}\n"
    )


RUNS = 8  # each run is a whole process; the machine may have two cores


@installed
def test_parallel_runs_never_lose_an_answer_silently(write):
    """Parallel runs, each adding evidence to one skill of the same file: every run that
    says it saved has its answer in the file; every other run says why it did not."""
    path = write("p.yaml", "target_role: lead\n")
    skills = ["planning", "people", "money", "unused"]
    procs = [start("-p", path, "--skill", skills[i % 4]) for i in range(RUNS)]
    for proc in procs:
        wait_for(proc, b"Level [")  # each has read the file
    for i, proc in enumerate(procs):
        proc.stdin.write(f"1\nrun {i}\n".encode())
        proc.stdin.flush()
    results = [(proc.communicate(timeout=60)[1].decode(), proc.returncode) for proc in procs]
    saved = {i for i, (_, code) in enumerate(results) if code == 0}
    assert saved, results
    for err, code in results:
        assert code == 0 or "changed since it was read" in err.splitlines()[-1], err
    text = Path(path).read_text()
    assert {i for i in range(RUNS) if f"evidence: run {i}," in text} == saved


def test_a_mistyped_level_name_gets_a_suggestion(write):
    path = write("p.yaml", "target_role: lead\n")
    result = assess(path, "--no-evidence", input="strnog\n")
    assert "'strnog' is not a level of this ladder (did you mean 'strong'?)" in result.stderr


def test_what_the_round_trip_library_refuses_is_a_located_error(write, monkeypatch):
    from ruamel.yaml.error import MarkedYAMLError, StreamMark

    def refuse(*_):
        raise MarkedYAMLError(problem="something odd", problem_mark=StreamMark("p", 0, 1, 4))

    monkeypatch.setattr("pmoladder.assessment.apply_answers", refuse)
    path = write("p.yaml", "target_role: lead\n")
    result = assess(path, input="1\n")
    assert result.stderr == f"{path}:2:5: assess cannot rewrite this file: something odd\n"


def test_init_leaves_a_dangling_schema_link_alone(tmp_path):
    (tmp_path / "profile.schema.json").symlink_to(tmp_path / "nowhere.json")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "p.yaml")])
    assert result.exit_code == 0, result.stderr
    assert not (tmp_path / "nowhere.json").exists() and (tmp_path / "p.yaml").exists()
