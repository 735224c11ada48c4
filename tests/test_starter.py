from __future__ import annotations

from pmoladder.ladder import Ladder
from pmoladder.profile import load_profile
from pmoladder.starter import starter_profile


def test_starter_profile_is_valid_and_lists_every_skill(builtin: Ladder, write):
    text = starter_profile(builtin)
    person = load_profile(write("p.yaml", text), builtin)
    assert set(person.skills) == set(builtin.skills)
    assert text.startswith("# yaml-language-server: $schema=profile.schema.json\n")
    assert "0 Unaware, 1 Aware, 2 Practised, 3 Competent, 4 Proficient, 5 Expert" in text


def test_starter_profile_for_another_ladder(mini: Ladder, write):
    text = starter_profile(mini, "https://example.test/profile.schema.json")
    person = load_profile(write("p.yaml", text), mini)
    assert person.current_role.id == "starter" and person.target_role.id == "lead"
    assert "$schema=https://example.test/profile.schema.json" in text
