"""The demo's minutes are the same for the same seed, word for word (ids are random, the demo is not)."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import meetings
from entraide_desktop.data.connection import create_database
from entraide_desktop.demo import DEMO, populate
from entraide_desktop.documents.meetings.minutes import minutes_body
from tests.conftest import PASSPHRASE

TODAY = dt.date(2026, 11, 25)


def _all_minutes(tmp_path, name):
    store = create_database(paths_for(tmp_path / name / "entraide.db"), group_name="Le Phare", region="",
                            person="Marie", passphrase=PASSPHRASE).store
    try:
        populate(store, DEMO, seed=11, today=TODAY)
        found = sorted((str(m.date), m.type_id) for m in meetings.list_meetings(store))
        by_key = {(str(m.date), m.type_id): m.id for m in meetings.list_meetings(store)}
        return found, [minutes_body(meetings.minutes(store, by_key[key])) for key in found]
    finally:
        store.close()


@pytest.mark.slow  # builds the whole demo twice
def test_same_seed_same_minutes_word_for_word(tmp_path):
    keys_a, minutes_a = _all_minutes(tmp_path, "a")
    keys_b, minutes_b = _all_minutes(tmp_path, "b")
    assert len(keys_a) >= 10 and keys_a == keys_b
    different = [key for key, a, b in zip(keys_a, minutes_a, minutes_b, strict=True) if a != b]
    assert different == []
