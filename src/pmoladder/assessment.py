"""Self-assessment: which skills to ask about, asking, and writing the answers back.

The profile is rewritten with a round-trip YAML library so that comments, key order,
anchors and everything unrelated survive; hand-written text surgery would not. The
result is then read back with the loader every command uses, and it must hold exactly
the old data with exactly the answers applied, or nothing is written. The same check
runs before the first question, so a file that cannot be rewritten faithfully is
refused before anyone spends time answering.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

from pmoladder.errors import FileError, PmoError, did_you_mean, printable
from pmoladder.files import check_writable, rewrite
from pmoladder.inputs import MAX_BYTES, decode, read_bytes
from pmoladder.ladder import Ladder
from pmoladder.models import Role, Skill
from pmoladder.profile import Person, person_from
from pmoladder.yamlfile import Document, parse

_NUMBER = re.compile(r"[0-9]{1,9}")  # ASCII digits only: no '²', no 5,000-digit numbers


@dataclass(frozen=True)
class Answer:
    level: int | None = None  # None keeps the level the profile has
    evidence: str | None = None  # None keeps the evidence the profile has


class EndOfInput(PmoError):
    """Standard input ended before every question was answered."""


class BadAnswer(PmoError):
    """An answer that is not valid, piped where nobody can be asked again."""


class Interrupted(PmoError):
    """Ctrl-C, after the answers given so far were saved."""

    exit_code = 130

    def report(self) -> str:
        return f"pmoladder: interrupted {self}"


def skills_to_assess(
    ladder: Ladder, target: Role | None, chosen: Sequence[str] = ()
) -> list[Skill]:
    """The skills asked for (by id or name), else the target's required skills in
    ladder order, else every skill."""
    if chosen:
        return list({skill.id: skill for skill in map(ladder.skill, chosen)}.values())
    if target is None:
        return list(ladder.skills.values())
    return [skill for skill, _, _ in ladder.requirements(target)]


def read_level(ladder: Ladder, answer: str) -> int | None:
    """A typed level, as a number of the scale or a level name; None when it is neither."""
    answer = answer.strip()
    if _NUMBER.fullmatch(answer):
        return ladder.level_of(int(answer))
    return ladder.level_of(answer)


def level_card(ladder: Ladder, skill: Skill, role: Role | None, progress: str = "") -> str:
    """What each level of the skill looks like, and what the role needs."""
    lines = [f"\n{progress}{': ' if progress else ''}{skill.name} ({skill.id})"]
    if role is not None and skill.id in role.skills:
        level = role.skills[skill.id].level
        lines[0] += f", {role.name} needs {level}\u00a0{ladder.level_name(level)}"
    for scale in ladder.scale:
        descriptor = ladder.descriptor(skill.id, scale.level) or ""
        lines.append(f"  {scale.level} {scale.name}: {descriptor}".rstrip())
    return "\n".join(lines)


class Asker:
    """Questions on stderr, answers from a terminal or from piped lines."""

    def __init__(self, stdin: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stderr = stderr or sys.stderr
        self.interactive = self.stdin.isatty()

    def show(self, message: str) -> None:
        """Text wrapped to the terminal; ids, and a level from its name, are never split."""
        wrapped = wrap(printable(message), _width(self.stderr)).replace("\u00a0", " ")
        self.stderr.write(wrapped + "\n")

    def __call__(self, prompt: str) -> str:
        self.stderr.write(printable(prompt))
        self.stderr.flush()
        try:
            line = self.stdin.readline()
        except KeyboardInterrupt:
            self.stderr.write("\n")  # the report starts on a line of its own
            raise
        if not line:
            self.stderr.write("\n")
            where = "" if self.interactive else " (not a terminal: pipe one answer per line)"
            raise EndOfInput(f"no answer on standard input{where}")
        if not self.interactive:
            self.stderr.write("\n")
        return line.rstrip("\r\n")

    def retry(self, message: str) -> None:
        """Ask again on a terminal; piped, nobody can answer again, so stop."""
        if not self.interactive:
            raise BadAnswer(message)
        self.show(f"  {message}")


def wrap(text: str, width: int) -> str:
    """Each line wrapped at spaces only, continuing two columns past its own indent."""
    import textwrap

    lines = []
    for line in text.split("\n"):
        indent = " " * (len(line) - len(line.lstrip(" ")) + 2)
        lines.append(
            textwrap.fill(
                line,
                width,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or line
        )
    return "\n".join(lines)


def _width(stream: TextIO) -> int:
    """$COLUMNS, else the terminal's width, never below what keeps an id whole."""
    import os

    from pmoladder.render import MIN_WIDTH

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
            columns = 80
    return max(columns, MIN_WIDTH)


@dataclass
class Interview:
    """The answers so far, kept as they come so that an interruption loses none."""

    total: int
    answers: dict[str, Answer] = field(default_factory=dict)
    current: str = ""  # where the questions are, for a message if they stop there

    def ask(
        self,
        ladder: Ladder,
        skills: list[Skill],
        person: Person,
        role: Role | None,
        ask: Asker,
        with_evidence: bool,
    ) -> None:
        """Ask about each skill in turn. Enter keeps what the profile has, untouched."""
        for number, skill in enumerate(skills, 1):
            rating = person.skills.get(skill.id)
            had = rating.level if rating else 0
            self.current = f"skill {number} of {self.total} ({skill.id})"
            ask.show(level_card(ladder, skill, role, f"Skill {number} of {self.total}"))
            level = None
            while True:
                typed = ask(f"Level [{had} {ladder.level_name(had)}]: ").strip()
                level = read_level(ladder, typed) if typed else None
                if level is not None or not typed:
                    break
                hint = did_you_mean(typed, [n.casefold() for n in ladder.level_names()])
                ask.retry(
                    f"'{typed}' is not a level of this ladder{hint} "
                    f"(give 0..{ladder.max_level} or a level name)"
                )
            note = None
            while with_evidence:
                shown = (rating.evidence if rating else None) or "none"
                note = ask(f"Evidence [{shown}]: ").strip() or None
                if note is None or printable(note) == note:
                    break
                ask.retry("evidence cannot hold control characters")
            if level is not None or note is not None:
                self.answers[skill.id] = Answer(level, note)


@dataclass
class ProfileText:
    """A profile as read from disk, and how to write it back in its own form."""

    path: str
    raw: bytes
    doc: Document
    crlf: bool
    bom: bool

    @classmethod
    def open(cls, path: str, force: bool = False) -> ProfileText:
        name, raw = read_bytes(path)
        text = decode(name, raw)
        profile = cls(
            path=path,
            raw=raw,
            doc=parse(name, text, keep_extensions=True),
            crlf=text.count("\r\n") * 2 > text.count("\n"),
            bom=raw.startswith(codecs.BOM_UTF8),
        )
        check_writable(path, force)
        profile.render({}, dt.date.today())  # refuse now what could not be written later
        return profile

    def person(self, ladder: Ladder) -> Person:
        """The profile resolved against the ladder, as every other command reads it."""
        return person_from(parse(self.doc.path, self._text()), ladder)

    def _text(self) -> str:
        return decode(self.doc.path, self.raw).replace("\r\n", "\n")

    def render(self, answers: dict[str, Answer], when: dt.date) -> bytes:
        """The file's new bytes, checked to read back as the old data plus the answers."""
        text = self._rewritten(answers, when)
        if self.crlf:
            text = text.replace("\n", "\r\n")
        data = (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")
        if len(data) > MAX_BYTES:
            raise PmoError(
                f"{self.path}: with these answers the profile would be larger than the "
                f"{MAX_BYTES // (1024 * 1024)} MiB that pmoladder reads; nothing was written"
            )
        try:
            written = parse(self.doc.path, decode(self.doc.path, data), keep_extensions=True)
        except FileError as exc:
            raise PmoError(
                f"{self.path}: the rewritten profile would not load ({exc.message}); "
                "nothing was written"
            ) from None
        wrong = first_difference(expected_data(self.doc.data, answers, when), written.data)
        if wrong is not None:
            raise self.doc.error(
                wrong,
                "assess cannot rewrite this file without changing this value; edit it by hand",
            )
        return data

    def _rewritten(self, answers: dict[str, Answer], when: dt.date) -> str:
        """The new text, or a located error where the round-trip library gives up."""
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        try:
            return apply_answers(self._text(), answers, when)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise FileError(
                self.doc.path,
                f"assess cannot rewrite this file: {exc.problem or exc.context}",
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            ) from None
        except YAMLError as exc:
            raise FileError(self.doc.path, f"assess cannot rewrite this file: {exc}") from None

    def save(self, answers: dict[str, Answer], when: dt.date, force: bool) -> None:
        rewrite(self.path, self.render(answers, when), self.raw, force)


def run(
    profile: ProfileText,
    interview: Interview,
    when: dt.date,
    force: bool,
    questions: Callable[[], None],
) -> str:
    """Ask (`questions` fills `interview`), then save; on an early end, save what was
    given, say how much of it, and stop with the right exit code."""
    try:
        with _signals_stop_questions():
            questions()
    except (EndOfInput, BadAnswer) as stop:
        saved = _save(profile, interview, when, force)
        raise PmoError(f"{interview.current}: {stop}; {saved}") from None
    except (KeyboardInterrupt, _Signalled) as stop:
        saved = _save(profile, interview, when, force)
        interrupted = Interrupted(f"at {interview.current}; {saved}")
        if isinstance(stop, _Signalled):
            interrupted.exit_code = 128 + stop.signum
        raise interrupted from None
    saved = _save(profile, interview, when, force)
    kept = interview.total - len(interview.answers)
    return saved + (f" ({kept} kept as they were)" if kept and interview.answers else "")


class _Signalled(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals_stop_questions() -> Iterator[None]:
    """SIGTERM or a closed terminal (SIGHUP) while questions wait stops them like Ctrl-C,
    so the answers given are saved rather than lost with the process."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise _Signalled(signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            try:
                previous[name] = signal.signal(getattr(signal, name), stop)
            except ValueError:  # not the main thread: leave the defaults
                pass
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def _save(profile: ProfileText, interview: Interview, when: dt.date, force: bool) -> str:
    count = len(interview.answers)
    if not count:
        return f"nothing to save: {profile.path} was not changed"
    profile.save(interview.answers, when, force)
    return f"saved the answers to {count} of {interview.total} skills in {profile.path}"


def apply_answers(text: str, answers: dict[str, Answer], when: dt.date) -> str:
    """The profile text with each answered skill's level, evidence and assessed date set.

    An entry shared through an anchor is copied before it changes, so that the skills
    (or extension keys) that refer to it keep what they had.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML()
    yaml.width = 4096
    yaml.preserve_quotes = True
    data = yaml.load(text)
    if answers:
        skills = data.get("skills")
        shared = _anchored(skills)
        if skills is None:
            skills = data["skills"] = CommentedMap()
        elif shared:
            skills = data["skills"] = _copy(skills)
        for skill_id, answer in answers.items():
            old = skills.get(skill_id)
            if isinstance(old, dict):
                entry = _copy(old) if shared or _anchored(old) else old
            else:
                entry = CommentedMap(level=0 if old is None else old)
                entry.fa.set_flow_style()
            if answer.level is not None:
                entry["level"] = answer.level
            if answer.evidence is not None:
                entry["evidence"] = _text(answer.evidence)
            entry["assessed"] = dt.date.fromordinal(when.toordinal())  # one object each
            skills[skill_id] = entry
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def expected_data(data: dict[str, Any], answers: dict[str, Answer], when: dt.date) -> Any:
    """What the profile must read back as: the old data with the answers applied."""
    if not answers:
        return data
    skills = dict(data.get("skills") or {})
    for skill_id, answer in answers.items():
        old = skills.get(skill_id)
        entry = dict(old) if isinstance(old, dict) else {"level": 0 if old is None else old}
        if answer.level is not None:
            entry["level"] = answer.level
        if answer.evidence is not None:
            entry["evidence"] = answer.evidence
        entry["assessed"] = when
        skills[skill_id] = entry
    return {**data, "skills": skills}


def first_difference(a: Any, b: Any, path: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    """The key path of the first place where two loaded documents differ, or None.

    Types count (`yes` read as true is not the text 'yes'); shared nodes are compared
    once, so the walk is bounded by the file's own size limits.
    """
    seen: set[tuple[int, int]] = set()

    def walk(a: Any, b: Any, path: tuple[Any, ...]) -> tuple[Any, ...] | None:
        if type(a) is not type(b):
            return path
        if isinstance(a, (dict, list)):
            if (id(a), id(b)) in seen:
                return None
            seen.add((id(a), id(b)))
        if isinstance(a, dict):
            if list(a) != list(b) and set(a) != set(b):
                return path + (next(iter(set(a) ^ set(b))),)
            for key in a:
                found = walk(a[key], b[key], path + (key,))
                if found is not None:
                    return found
            return None
        if isinstance(a, list):
            if len(a) != len(b):
                return path
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                found = walk(x, y, path + (i,))
                if found is not None:
                    return found
            return None
        return None if a == b or (a != a and b != b) else path

    return walk(a, b, path)


def _anchored(node: Any) -> bool:
    anchor = getattr(node, "anchor", None)
    return getattr(anchor, "value", None) is not None


def _copy(node: Any) -> Any:
    """A mapping with the same entries but no anchor, in the same style."""
    from ruamel.yaml.comments import CommentedMap

    copy = CommentedMap(node.items())
    if node.fa.flow_style():
        copy.fa.set_flow_style()
    return copy


def _text(value: str) -> Any:
    """Evidence written so that it reads back as this exact text: plain only where the
    reader would take it, unquoted and in a flow mapping, as this same text (not for
    `yes`, `on`, `1:30`, `~`, `a: b`), else double-quoted."""
    import yaml
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    resolve: Callable[..., str] = yaml.resolver.Resolver().resolve  # unannotated in the stubs
    tag = resolve(yaml.ScalarNode, value, (True, False))
    plain = yaml.emitter.Emitter(io.StringIO()).analyze_scalar(value).allow_flow_plain
    if plain and tag == "tag:yaml.org,2002:str":
        return value
    return DoubleQuotedScalarString(value)
