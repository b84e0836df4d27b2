"""Writing many new rows at once (imports): the same plain rows, versions and history as one by one."""

from __future__ import annotations

import pytest

from entraide_desktop.data import rows


def _snapshot(store, row_id):
    plain = rows.get(store, "people", row_id)
    state = {name: [(s.value, s.author) for s in field.siblings] for name, field in rows.record_state(store, "people",
                                                                                                         row_id).items()}
    history = sorted((c.field, c.value) for c in rows.history(store, "people", row_id))
    return {k: v for k, v in plain.items() if k != "id"}, state, history


def test_a_batch_writes_what_inserting_one_by_one_writes(store):
    values = {"first_name": "Hélène", "last_name": "Côté", "email": "helene@exemple.org", "roles": '["membre"]'}
    alone = rows.insert(store, "people", values)
    given = "0f8fad5b-d9cb-469f-a165-70867728950e"
    batch = rows.insert_new_many(store, "people", [(given, values), (None, {**values, "first_name": "Luc"})])
    assert batch[0] == given and len(batch) == 2
    assert _snapshot(store, alone) == _snapshot(store, given)
    assert rows.get(store, "people", batch[1])["_search"].startswith("luc"), "derived columns too"
    dots = [rows.record_state(store, "people", i)["first_name"].siblings[0].counter for i in (alone, *batch)]
    assert len(set(dots)) == 3, "one dot per row, as insert does"


def test_a_batch_with_a_row_that_exists_or_was_erased_writes_nothing(store):
    kept = rows.insert(store, "people", {"first_name": "Anne"})
    gone = rows.insert(store, "people", {"first_name": "Zoé"})
    rows.erase(store, "people", gone)
    before = store.db.execute("SELECT count(*) FROM people").fetchone()[0]
    for taken in (kept, gone):
        with pytest.raises(ValueError):
            rows.insert_new_many(store, "people", [(None, {"first_name": "Luc"}), (taken, {"first_name": "X"})])
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == before
