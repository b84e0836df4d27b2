"""The one write path: ids, per-field versions, history, archive, erase, machine identity."""

from __future__ import annotations

import shutil

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, rows
from entraide_desktop.data.errors import ErasedRow, NotFound
from entraide_desktop.data.versions import FieldState, Sibling
from tests.conftest import PASSPHRASE


def test_insert_gives_uuid_and_versions_every_field(store):
    pid = rows.insert(store, "people", {"first_name": "Hélène", "roles": '["membre"]'})
    assert len(pid) == 36
    state = rows.record_state(store, "people", pid)
    assert set(state) == {"first_name", "roles", "archived"}
    sibling = state["first_name"].siblings[0]
    assert sibling.site == store.site_id and sibling.author == "Marie (secrétariat)"
    assert state["first_name"].context == {store.site_id: sibling.counter}


def test_update_only_versions_changed_fields(store):
    pid = rows.insert(store, "people", {"first_name": "Luc", "phone": "418 555-0101"})
    before = rows.record_state(store, "people", pid)
    changed = rows.update(store, "people", pid, {"first_name": "Luc", "phone": "418 555-0199"})
    after = rows.record_state(store, "people", pid)
    assert changed == {"phone"}
    assert after["first_name"] == before["first_name"]
    assert after["phone"].siblings[0].counter > before["phone"].siblings[0].counter
    assert rows.get(store, "people", pid)["phone"] == "418 555-0199"


def test_history_says_who_changed_what(store):
    pid = rows.insert(store, "people", {"first_name": "Luc"})
    rows.update(store.with_author(connection.Author("x", "Luc (coordination)")), "people", pid, {"first_name": "Luc-Émile"})
    changes = [(c.field, c.value, c.author) for c in rows.history(store, "people", pid)]
    assert ("first_name", "Luc", "Marie (secrétariat)") in changes
    assert changes[-1] == ("first_name", "Luc-Émile", "Luc (coordination)")


def test_unknown_field_is_a_programming_error(store):
    pid = rows.insert(store, "people", {"first_name": "Luc"})
    with pytest.raises(ValueError):
        rows.update(store, "people", pid, {"diagnosis": "x"})
    with pytest.raises(ValueError):
        rows.insert(store, "not_a_table", {})


def test_local_columns_are_derived(store):
    pid = rows.insert(store, "people", {"first_name": "Hélène", "last_name": "Côté"})
    assert rows.get(store, "people", pid)["_search"].startswith("helene cote")
    assert "_search" not in rows.record_state(store, "people", pid)


def test_archive_and_restore_are_versioned_edits(store):
    pid = rows.insert(store, "people", {"first_name": "Luc"})
    assert rows.archive(store, "people", pid)
    assert rows.get(store, "people", pid)["archived"] == 1
    assert rows.restore(store, "people", pid)
    assert rows.get(store, "people", pid)["archived"] == 0
    assert [c.value for c in rows.history(store, "people", pid) if c.field == "archived"] == [0, 1, 0]


def test_erase_leaves_only_a_tombstone(store):
    pid = rows.insert(store, "people", {"first_name": "Hélène", "notes": "appelle le mardi"})
    rows.erase(store, "people", pid)
    assert rows.get(store, "people", pid) is None
    assert rows.is_erased(store, "people", pid)
    assert rows.history(store, "people", pid) == []
    assert rows.record_state(store, "people", pid) == {}
    with pytest.raises(ErasedRow):
        rows.update(store, "people", pid, {"first_name": "X"})
    with pytest.raises(ErasedRow):
        rows.insert(store, "people", {"first_name": "X"}, row_id=pid)


def test_missing_row_is_a_clear_message(store):
    with pytest.raises(NotFound, match="n'existe pas"):
        rows.update(store, "people", rows.new_id(), {"first_name": "X"})


def test_deterministic_ids_are_the_same_everywhere():
    assert rows.deterministic_id("attendance", "occ-1", "person-2") == rows.deterministic_id("attendance", "occ-1", "person-2")
    assert rows.deterministic_id("attendance", "occ-1", "person-2") != rows.deterministic_id("attendance", "occ-2", "person-1")


def test_upsert_creates_then_updates(store):
    rid = rows.deterministic_id("consents", "p1", "photos")
    rows.upsert(store, "consents", rid, {"person_id": "p1", "purpose": "photos", "granted": True})
    rows.upsert(store, "consents", rid, {"granted": False})
    assert rows.get(store, "consents", rid)["granted"] == 0


def test_failed_transaction_writes_nothing(store):
    count = store.db.execute("SELECT count(*) FROM _history").fetchone()[0]
    with pytest.raises(ValueError):
        rows.insert_many(store, "people", [{"first_name": "A"}, {"first_name": "B", "bogus": 1}])
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM _history").fetchone()[0] == count


def test_merge_remote_keeps_concurrent_edits_as_siblings(store):
    pid = rows.insert(store, "people", {"first_name": "Luc", "phone": "418 555-0101"})
    mine = rows.record_state(store, "people", pid)
    base = mine["phone"]
    # Another machine saw the same version and wrote its own phone and a first name.
    other_phone = Sibling("othersite", 1, base.siblings[0].hlc + 5, "418 555-0777", "Luc (coordination)")
    remote = {
        "phone": FieldState((other_phone,), {**base.context, "othersite": 1}),
    }
    rows.update(store, "people", pid, {"phone": "418 555-0202"})  # concurrent local edit
    changed = rows.merge_remote(store, "people", pid, remote)
    assert changed == {"phone"}
    conflicts = rows.conflicts(store)
    assert [(c.row_id, c.field) for c in conflicts] == [(pid, "phone")]
    assert {s.value for s in conflicts[0].state.siblings} == {"418 555-0202", "418 555-0777"}
    # Resolving is an ordinary write that covers both siblings.
    rows.update(store, "people", pid, {"phone": "418 555-0777"})
    assert rows.conflicts(store) == []
    assert rows.merge_remote(store, "people", pid, remote) == set()  # a repeated import changes nothing


def test_merge_remote_does_not_resurrect_erased_rows(store):
    pid = rows.insert(store, "people", {"first_name": "Luc"})
    state = rows.record_state(store, "people", pid)
    rows.erase(store, "people", pid)
    assert rows.merge_remote(store, "people", pid, state) == set()
    assert rows.get(store, "people", pid) is None


def test_remote_tombstone_removes_the_row(store):
    pid = rows.insert(store, "people", {"first_name": "Luc"})
    assert rows.apply_tombstone(store, "people", pid, "othersite", 1 << 40, "Ailleurs")
    assert rows.is_erased(store, "people", pid) and rows.get(store, "people", pid) is None


def test_copied_database_file_gets_a_new_site_id(store, paths, tmp_path):
    site = store.site_id
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    copy_dir = tmp_path / "copie"
    shutil.copytree(paths.database.parent, copy_dir)
    copy = connection.unlock(paths_for(copy_dir / paths.database.name), PASSPHRASE)
    assert copy.site_id != site and copy.site_id_was_renewed
    copy.close()
    original = connection.unlock(paths, PASSPHRASE)
    assert original.site_id == site and not original.site_id_was_renewed
    original.close()
    copy_again = connection.unlock(paths_for(copy_dir / paths.database.name), PASSPHRASE)
    assert not copy_again.site_id_was_renewed  # renewed once, then stable
    copy_again.close()


def test_counter_survives_reopening(store, paths):
    rows.insert(store, "people", {"first_name": "A"})
    counter = store._state.counter
    store.close()
    again = connection.unlock(paths, PASSPHRASE)
    pid = rows.insert(again, "people", {"first_name": "B"})
    assert rows.record_state(again, "people", pid)["first_name"].siblings[0].counter == counter + 1
    again.close()


def test_clone_shares_the_write_identity(store):
    import threading

    clone = store.clone()
    ids = []

    def work():
        other = store.clone()
        ids.append(rows.insert(other, "people", {"first_name": "Fil"}))
        other.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    pid = rows.insert(store, "people", {"first_name": "Principal"})
    counters = {
        rows.record_state(store, "people", i)["first_name"].siblings[0].counter for i in [*ids, pid]
    }
    assert len(counters) == 2
    clone.close()


def test_counter_is_saved_once_at_the_end_of_the_outer_transaction(store, paths):
    before = int(store.local("counter"))
    statements = []
    store.db.conn.set_trace_callback(statements.append)
    rows.insert_many(store, "people", [{"first_name": "A"}, {"first_name": "B"}, {"first_name": "C"}])
    store.db.conn.set_trace_callback(None)
    assert [s for s in statements if "INTO _local" in s] == [
        f"INSERT OR REPLACE INTO _local (key, value) VALUES ('counter', '{before + 3}'), "
        f"('clock', '{store._state.clock.last}')"
    ]
    with store.write():
        rows.insert(store, "people", {"first_name": "D"})
        assert int(store.local("counter")) == before + 4  # read inside the block: up to date
    store.close()
    again = connection.unlock(paths, PASSPHRASE)
    assert int(again.local("counter")) == again._state.counter == before + 4
    again.close()


def test_a_rolled_back_block_leaves_the_counter_to_the_next_write(store, paths):
    with pytest.raises(RuntimeError):
        with store.write():
            rows.insert(store, "people", {"first_name": "Annulée"})
            raise RuntimeError("abandon")
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0
    pid = rows.insert(store, "people", {"first_name": "Gardée"})
    counter = rows.record_state(store, "people", pid)["first_name"].siblings[0].counter
    assert int(store.local("counter")) == counter
    store.close()
    again = connection.unlock(paths, PASSPHRASE)
    later = rows.insert(again, "people", {"first_name": "Après"})
    assert rows.record_state(again, "people", later)["first_name"].siblings[0].counter == counter + 1
    again.close()


def test_a_given_id_is_still_checked(store):
    pid = rows.insert(store, "people", {"first_name": "A"})
    with pytest.raises(ValueError):
        rows.insert(store, "people", {"first_name": "B"}, row_id=pid)
    rows.erase(store, "people", pid)
    with pytest.raises(ErasedRow):
        rows.insert(store, "people", {"first_name": "C"}, row_id=pid)
