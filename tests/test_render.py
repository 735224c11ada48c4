"""The renderers behind one interface: each format offered on the command line exists."""

from __future__ import annotations

import pytest

from pmoladder import cli
from pmoladder.render import formats_for
from pmoladder.render.table import sparkline


@pytest.mark.parametrize(
    ("kind", "choices"),
    [
        ("roles", cli.ListFormat),
        ("skills", cli.ListFormat),
        ("role", cli.DetailFormat),
        ("gap", cli.GapFormat),
        ("plan", cli.PlanFormat),
        ("skill", cli.TableJson),
        ("path", cli.TableJson),
        ("next_rungs", cli.TableJson),
        ("match", cli.TableJson),
        ("progress", cli.TableJson),
        ("diff", cli.TableJson),
        ("team", cli.TeamFormat),
    ],
)
def test_every_format_a_command_offers_has_a_renderer(kind, choices):
    streamed = {"jsonl"}  # written by the command as it reads, not rendered at the end
    assert formats_for(kind) == [c.value for c in choices if c.value not in streamed]


def test_sparkline_uses_a_fixed_scale():
    assert sparkline([0.0, 0.5, 0.99, 1.0]) == "▁▅██"
