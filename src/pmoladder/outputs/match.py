"""`pmoladder match --format json`."""

from __future__ import annotations

from pmoladder.outputs import Out
from pmoladder.outputs.common import Verdict


class Match(Out):
    roles: list[Verdict]
    highest_ready: str | None


OUTPUT = Match
