"""The demo's people: deterministic, realistic, and never holding health information."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import members, people
from entraide_desktop.data.connection import create_database
from entraide_desktop.data.members.fields import health_words_in
from entraide_desktop.demo import DEMO, populate
from tests.conftest import PASSPHRASE


def _register(tmp_path, name):
    store = create_database(paths_for(tmp_path / name / "entraide.db"), group_name="Le Phare", region="",
                            person="Marie", passphrase=PASSPHRASE).store
    populate(store, DEMO, seed=11, today=dt.date(2026, 11, 25))
    found = sorted((r.name, r.phone, r.email, r.member_since, r.roles, r.archived, r.consents)
                   for r in members.load_register(store, dt.date(2026, 11, 25)))
    return store, found


@pytest.mark.slow  # builds the demo register twice; demo_store builds it once per session
def test_same_seed_same_people(tmp_path):
    first, a = _register(tmp_path, "a")
    second, b = _register(tmp_path, "b")
    assert a == b and len(a) == DEMO.people + 1
    first.close()
    second.close()


def test_demo_people_are_realistic_and_free_of_health_information(demo_store):
    rows = members.load_register(demo_store, dt.date(2026, 11, 25))
    assert {"membre", "intervenant", "benevole"} <= {role for r in rows for role in r.roles}
    assert people.members_in_good_standing(demo_store, dt.date(2026, 11, 25))
    for (notes,) in demo_store.db.execute("SELECT notes FROM people WHERE notes IS NOT NULL").fetchall():
        assert not health_words_in(notes), notes
    authors = {c.author for r in rows for c in members.person_history(demo_store, r.id)}
    assert {"Marie (secrétariat)", "Lucie (accueil)"} <= authors, "edits from two people on the shared computer"
    pairs = {(r.name, r.phone) for r in rows if r.phone}
    assert len(pairs) < len([r for r in rows if r.phone]), "one person was entered twice, to try merging"
