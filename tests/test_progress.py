from __future__ import annotations

import pytest

from pmoladder.errors import PmoError
from pmoladder.progress import track

V1 = "target_role: junior-pm\nskills: {planning-scheduling: 1}\n"
V2 = "target_role: junior-pm\nskills: {planning-scheduling: 3}\ncertifications: [capm]\n"
BROKEN = "target_role: junior-pm\nskills: {planning: 3}\n"
V3 = (
    "target_role: junior-pm\nyears_experience: 1\nskills: {planning-scheduling: 3, leadership: 2}\n"
)


def test_points_oldest_first_with_changes_and_skips(builtin, repo):
    repo(V1, "one", "2026-01-10")
    repo(V2, "two", "2026-04-10")
    repo(BROKEN, "oops", "2026-05-10")
    repo(V3, "three", "2026-07-10")
    result = track(builtin, "profile.yaml", None, None)
    assert result.target.id == "junior-pm"
    assert [p.version.date[:10] for p in result.points] == [
        "2026-01-10",
        "2026-04-10",
        "2026-07-10",
    ]
    readiness = [p.gap.readiness for p in result.points]
    assert readiness == sorted(readiness) and readiness[0] < readiness[-1]
    first, second, third = result.points
    assert not first.changes
    assert [(c.id, c.before, c.after) for c in second.changes.skills] == [
        ("planning-scheduling", 1, 3)
    ]
    assert second.changes.gained == ["capm"] and third.changes.lost == ["capm"]
    ((skipped, why),) = result.skipped
    assert skipped.date.startswith("2026-05-10") and "unknown skill 'planning'" in why


def test_since_a_revision_or_a_date(builtin, repo):
    first = repo(V1, "one", "2026-01-10")
    repo(V2, "two", "2026-04-10")
    repo(V3, "three", "2026-07-10")
    by_rev = track(builtin, "profile.yaml", "pm", first)
    assert [p.version.commit for p in by_rev.points][0] == first  # the baseline comes first
    assert len(by_rev.points) == 3 and by_rev.target.id == "pm"
    by_date = track(builtin, "profile.yaml", None, "2026-05-01")
    assert [p.version.date[:10] for p in by_date.points] == ["2026-04-10", "2026-07-10"]


def test_follows_renames(builtin, repo):
    repo(V1, "one", "2026-01-10", name="old.yaml")
    repo.git("mv", "old.yaml", "profile.yaml")
    repo.git("commit", "-q", "-m", "rename")
    repo(V3, "three", "2026-07-10")
    assert len(track(builtin, "profile.yaml", None, None).points) == 3


def test_outside_a_repository_is_a_clear_error(builtin, write):
    path = write("profile.yaml", V1)
    with pytest.raises(PmoError, match="not in a git repository"):
        track(builtin, path, None, None)


def test_an_uncommitted_profile_is_a_clear_error(builtin, repo, write):
    repo(V1, "one", "2026-01-10")
    with pytest.raises(PmoError, match="no commit touches"):
        track(builtin, write("new.yaml", V1), None, None)


def test_a_commit_with_an_impossible_date_is_skipped_not_fatal(builtin, repo):
    repo(V1, "one", "2026-01-10")
    repo(V1 + "certifications: [{id: capm, earned: 2026-02-30}]\n", "bad date", "2026-02-10")
    repo(V3, "fixed", "2026-03-10")
    result = track(builtin, "profile.yaml", None, None)
    assert [p.version.date[:10] for p in result.points] == ["2026-01-10", "2026-03-10"]
    ((skipped, why),) = result.skipped
    assert skipped.date.startswith("2026-02-10")
    assert "certifications.0.earned: 2026-02-30 is not a date" in why
