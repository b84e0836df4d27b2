"""Exchanging files between real databases: the merge laws of SYNC.md at the record level."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, row_merge, rows
from entraide_desktop.data.clock import DAY_MS, HybridClock, wall_ms
from entraide_desktop.data.sync import bundle as bundles
from entraide_desktop.data.sync import conflicts, exchange, machines, merge, state
from entraide_desktop.data.sync.summary import summary_lines
from tests.conftest import PASSPHRASE
from tests.sync.helpers import dump, introduce


def send(source, target, usb, **options):
    """``source`` writes its file, ``target`` imports it."""
    return exchange.import_file(target, exchange.export_to(source, usb).path, **options)


def both_ways(a, b, usb):
    send(a, b, usb)
    send(b, a, usb)


def test_new_machine_receives_everything_and_both_show_the_same(pair, usb):
    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Hélène", "last_name": "Côté", "phone": "418 555-0101"})
    rows.insert(centre, "memberships", {"person_id": pid, "period_start": "2026-04-01", "period_end": "2027-03-31"})
    summary = send(centre, laptop, usb)
    assert [(a.area, a.changes.new) for a in summary.areas] == [("Groupe", 1), ("Membres", 2)]
    assert summary.machine == "Ordinateur du centre"
    assert rows.get(laptop, "people", pid)["_search"].startswith("helene cote")  # local columns derived
    send(laptop, centre, usb)  # the laptop's own versions of the starting rows go back
    assert dump(laptop) == dump(centre)
    # The copy taken before the import is one of the laptop's backups, listed and pruned with them.
    from entraide_desktop.data import backups

    assert [b.kind for b in backups.list_backups(laptop.paths)] == ["before-import"]


def test_edits_to_different_fields_both_survive(pair, usb):
    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Luc", "phone": "418 555-0101"})
    send(centre, laptop, usb)
    rows.update(centre, "people", pid, {"phone": "418 555-0202"})
    rows.update(laptop, "people", pid, {"email": "luc@exemple.org"})
    both_ways(centre, laptop, usb)
    for store in pair:
        row = rows.get(store, "people", pid)
        assert (row["phone"], row["email"]) == ("418 555-0202", "luc@exemple.org")
    assert conflicts.waiting(centre) == []
    assert dump(laptop) == dump(centre)


def test_edits_to_the_same_field_are_kept_side_by_side(pair, usb):
    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Luc", "phone": "418 555-0101"})
    send(centre, laptop, usb)
    rows.update(centre, "people", pid, {"phone": "418 555-0202"})
    rows.update(laptop, "people", pid, {"phone": "418 555-0303"})
    summary = send(laptop, centre, usb)
    assert summary.new_conflicts == 1 and summary.conflicts_waiting == 1
    send(centre, laptop, usb)
    for store in pair:
        [conflict] = conflicts.waiting(store)
        assert {v.value for v in conflict.versions} == {"418 555-0202", "418 555-0303"}
        assert {m for v in conflict.versions for m in v.machines} == {"Ordinateur du centre", "Portable du secrétariat"}
    assert rows.get(centre, "people", pid)["phone"] == rows.get(laptop, "people", pid)["phone"]
    # Settling it on one machine settles it everywhere.
    conflicts.resolve(laptop, "people", pid, "phone", "418 555-0303")
    send(laptop, centre, usb)
    assert conflicts.waiting(centre) == [] and rows.get(centre, "people", pid)["phone"] == "418 555-0303"
    assert dump(laptop) == dump(centre)


def test_archive_and_restore_travel_like_edits(pair, usb):
    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Luc"})
    send(centre, laptop, usb)
    rows.archive(laptop, "people", pid)
    summary = send(laptop, centre, usb)
    assert summary.areas[0].changes.archived == 1
    assert rows.get(centre, "people", pid)["archived"] == 1
    rows.restore(centre, "people", pid)
    summary = send(centre, laptop, usb)
    assert summary.areas[0].changes.restored == 1
    assert rows.get(laptop, "people", pid)["archived"] == 0


def test_erase_beats_every_edit(trio, usb):
    centre, laptop, third = trio
    pid = rows.insert(centre, "people", {"first_name": "Luc", "notes": "appelle le mardi"})
    send(centre, laptop, usb)
    send(centre, third, usb)
    rows.erase(centre, "people", pid)
    rows.update(laptop, "people", pid, {"notes": "appelle le jeudi"})  # concurrent edit
    rows.restore(third, "people", pid)
    summary = send(centre, laptop, usb)
    assert summary.areas[0].changes.erased == 1
    send(laptop, third, usb)  # the tombstone travels through the laptop
    send(third, centre, usb)
    for store in trio:
        assert rows.get(store, "people", pid) is None and rows.is_erased(store, "people", pid)
        assert rows.history(store, "people", pid) == []


def test_repeated_stale_and_out_of_order_imports_change_nothing(pair, usb, tmp_path):
    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Luc"})
    old = tmp_path / "vieux.entraide"
    shutil.copy(exchange.export_to(centre, usb).path, old)
    rows.update(centre, "people", pid, {"first_name": "Lucien"})
    newer = exchange.export_to(centre, usb).path
    exchange.import_file(laptop, newer)
    after_new = dump(laptop)
    assert exchange.import_file(laptop, newer).already_imported
    stale = exchange.import_file(laptop, old)  # older file, imported after the newer one
    assert stale.nothing_new and stale.stale
    assert "plus ancien" in " ".join(summary_lines(stale))
    assert dump(laptop) == after_new
    assert rows.get(laptop, "people", pid)["first_name"] == "Lucien"


def test_the_same_deterministic_row_created_on_two_machines_is_one_row(pair, usb):
    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Luc"})
    send(centre, laptop, usb)
    consent = rows.deterministic_id("consents", pid, "photos")
    for store in pair:
        rows.upsert(store, "consents", consent, {"person_id": pid, "purpose": "photos", "granted": 1})
    both_ways(centre, laptop, usb)
    for store in pair:
        assert store.db.execute("SELECT count(*) FROM consents").fetchone()[0] == 1
    assert conflicts.waiting(centre) == []  # the same values: nothing to settle
    assert dump(laptop) == dump(centre)


def test_non_review_fields_show_the_latest_and_keep_the_other_in_history(pair, usb):
    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Luc", "status": "actif"})
    send(centre, laptop, usb)
    rows.update(centre, "people", pid, {"status": "inactif"})
    rows.update(laptop, "people", pid, {"status": "actif "})
    both_ways(centre, laptop, usb)
    assert conflicts.waiting(centre) == []  # status is not a review field
    assert [c.field for c in conflicts.waiting(centre, all_fields=True)] == ["status"]
    values = {c.value for c in rows.history(centre, "people", pid) if c.field == "status"}
    assert {"inactif", "actif "} <= values


def test_copied_database_gets_a_new_id_and_files_of_both_ids_import(pair, usb, tmp_path):
    centre, laptop = pair
    pid = rows.insert(laptop, "people", {"first_name": "Luc"})
    old_file = tmp_path / "avant-copie.entraide"
    shutil.copy(exchange.export_to(laptop, usb).path, old_file)
    old_site = laptop.site_id
    laptop.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(laptop.database_path.parent, tmp_path / "copie")
    copy = connection.unlock(paths_for(tmp_path / "copie" / "entraide.db"), PASSPHRASE)
    try:
        assert copy.site_id != old_site and machines.previous_sites(copy) == [old_site]
        rows.update(copy, "people", pid, {"phone": "418 555-0404"})
        rows.update(laptop, "people", pid, {"email": "luc@exemple.org"})  # the original goes on with its id
        exchange.import_file(centre, old_file)
        send(copy, centre, usb)
        send(laptop, centre, usb)
        row = rows.get(centre, "people", pid)
        assert (row["phone"], row["email"]) == ("418 555-0404", "luc@exemple.org")
        send(centre, copy, usb)
        assert dump(copy) == dump(centre)
        # The copy's file carries its former id: its vector covers what the former id wrote.
        header = bundles.peek(exchange.export_to(copy, usb).path.read_bytes(), "copie")
        assert header.previous_sites == (old_site,) and header.vector[old_site] >= 1
    finally:
        copy.close()


@pytest.fixture
def copy_after_an_exchange(trio, usb, tmp_path):
    """The laptop exchanges (so it remembers a vector that names itself), writes once more, and its
    database folder is copied; yields (laptop, third machine, the copy, the late write's id)."""
    centre, laptop, third = trio
    send(centre, laptop, usb)
    send(laptop, centre, usb)
    send(centre, laptop, usb)
    late = rows.insert(laptop, "people", {"first_name": "Écrite avant la copie"})
    laptop.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(laptop.database_path.parent, tmp_path / "copie")
    copy = connection.unlock(paths_for(tmp_path / "copie" / "entraide.db"), PASSPHRASE)
    yield laptop, third, copy, late
    copy.close()


def test_a_copy_made_after_an_exchange_vouches_for_every_write_of_its_former_id(copy_after_an_exchange, usb):
    """The former id's writes after its last exchange travel in the copy's file, signed by it: a
    third machine that never saw them accepts them and loses nothing."""
    laptop, third, copy, late = copy_after_an_exchange
    header = bundles.peek(exchange.export_to(copy, usb).path.read_bytes(), "copie")
    assert header.vector[laptop.site_id] == state.current_vector(laptop)[laptop.site_id]
    send(copy, third, usb)
    assert rows.get(third, "people", late)["first_name"] == "Écrite avant la copie"


def test_a_copy_renewed_before_its_former_id_was_counted_is_recounted_once(copy_after_an_exchange, usb):
    laptop, third, copy, late = copy_after_an_exchange
    # As an older version left it: the former id's counter as an import remembered it, not counted.
    vector = state.stored_vector(copy)
    vector[laptop.site_id] = 1
    copy.set_local("sync_vector", json.dumps(vector))
    copy.db.execute("DELETE FROM _local WHERE key = 'previous_sites_counted'")
    header = bundles.peek(exchange.export_to(copy, usb).path.read_bytes(), "copie")
    assert header.vector[laptop.site_id] == state.current_vector(laptop)[laptop.site_id]
    assert state.stored_vector(copy)[laptop.site_id] == header.vector[laptop.site_id]  # remembered
    send(copy, third, usb)
    assert rows.get(third, "people", late) is not None


def test_a_failure_inside_the_import_changes_nothing(pair, usb, monkeypatch):
    centre, laptop = pair
    for name in ("Ana", "Luc", "Hélène"):
        rows.insert(centre, "people", {"first_name": name})
    path = exchange.export_to(centre, usb).path
    before = dump(laptop)
    calls = []

    def failing(*args, **kwargs):
        calls.append(args[2])
        if len(calls) == 3:
            raise RuntimeError("panne au milieu de l'importation")
        return real(*args, **kwargs)

    real = row_merge._merged
    monkeypatch.setattr(row_merge, "_merged", failing)
    with pytest.raises(RuntimeError):
        exchange.import_file(laptop, path)
    monkeypatch.undo()
    assert dump(laptop) == before
    assert laptop.db.execute("SELECT count(*) FROM _sync_imports").fetchone()[0] == 0
    assert exchange.import_file(laptop, path).total == 4  # the same file imports fine afterwards


def test_backup_is_taken_before_changes_and_not_for_nothing(pair, usb):
    centre, laptop = pair
    rows.insert(centre, "people", {"first_name": "Luc"})
    summary = send(centre, laptop, usb)
    assert summary.backup
    backup = paths_for(summary.backup)
    opened = connection.open_with_key(backup, laptop.data_key, laptop.author)
    try:
        assert opened.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0  # the state before the import
    finally:
        opened.close()
    again = send(centre, laptop, usb)
    assert again.nothing_new and not again.backup


def test_vector_shortcut_agrees_with_a_full_comparison(trio, usb):
    centre, laptop, third = trio
    rows.insert(centre, "people", {"first_name": "Luc"})
    both_ways(centre, laptop, usb)
    send(laptop, third, usb)
    data, header = bundles.build(centre)
    assert state.dominated(header.vector, state.current_vector(third))
    opened = bundles.open_bundle(third, data, "x")
    assert merge.plan_merge(third, opened.snapshot).empty
    rows.insert(centre, "people", {"first_name": "Ana"})
    data, header = bundles.build(centre)
    assert not state.dominated(header.vector, state.current_vector(third))


def test_summary_says_which_machine_how_old_and_warns_of_a_clock_far_ahead(pair, usb):
    centre, laptop = pair
    ahead = [5 * DAY_MS]
    centre._state.clock = HybridClock(centre.clock.last, now=lambda: machines.now_ms() + ahead[0])
    pid = rows.insert(centre, "people", {"first_name": "Luc"})
    data, header = bundles.build(centre, created_ms=machines.now_ms() + ahead[0])
    summary = exchange.import_bytes(laptop, data, "centre.entraide")
    text = "\n".join(summary_lines(summary))
    assert "« Ordinateur du centre »" in text and "Membres : 1 nouvelle fiche" in text
    assert "semble décalée d'environ 5 jours" in text
    # The laptop's clock did not follow more than a day ahead; its next write replaces the
    # centre's value all the same (it had seen it).
    assert wall_ms(laptop.clock.last) <= machines.now_ms() + DAY_MS
    rows.update(laptop, "people", pid, {"first_name": "Lucien"})
    assert rows.record_state(laptop, "people", pid)["first_name"].winner.value == "Lucien"


def test_a_clock_that_went_back_is_reported(pair, usb):
    centre, laptop = pair
    rows.insert(centre, "people", {"first_name": "Luc"})
    send(centre, laptop, usb)
    rows.insert(centre, "people", {"first_name": "Ana"})
    data, _header = bundles.build(centre, created_ms=machines.now_ms() - 3 * DAY_MS)
    summary = exchange.import_bytes(laptop, data, "centre.entraide")
    assert any("reculé" in w for w in summary.warnings)


def test_known_machines_and_last_exchange(trio, usb):
    centre, laptop, third = trio
    send(laptop, centre, usb)
    send(centre, laptop, usb)
    send(third, laptop, usb)
    names = [m.name for m in machines.known_machines(laptop)]
    assert names[0] == "Portable de Luc" and set(names) == {"Portable de Luc", "Ordinateur du centre"}
    send(laptop, centre, usb)  # the centre hears of Luc's laptop through the secretary's file
    known = {m.name: m for m in machines.known_machines(centre)}
    assert known["Portable de Luc"].last_import is None
    assert known["Portable du secrétariat"].seen_us is not None  # it told us it imported ours
    assert exchange.last_export(centre) is not None


def test_reminders_for_conflicts_and_quiet_machines(pair, usb):
    from entraide_desktop.data.sync.reminders import reminders

    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Luc"})
    send(centre, laptop, usb)
    assert reminders(laptop, dt.date.today()) == []
    rows.update(centre, "people", pid, {"notes": "A"})
    rows.update(laptop, "people", pid, {"notes": "B"})
    send(centre, laptop, usb)
    found = reminders(laptop, dt.date.today() + dt.timedelta(days=20))
    texts = [r.text for r in found]
    assert any("deux postes à la fois" in t for t in texts)
    assert any("« Ordinateur du centre » depuis 20 jours" in t for t in texts)
    assert all(r.area == "sync" for r in found)


def test_every_registered_table_travels(demo_store, usb, tmp_path):
    """The demo group (every area's tables) copied to a new machine is identical there."""
    from entraide_desktop.data.schema.registry import SYNCED_TABLES

    new = connection.create_database(paths_for(tmp_path / "nouveau" / "entraide.db"), group_name="", region="",
                                     person="Luc", passphrase=PASSPHRASE, group=connection.group_secret(demo_store)).store
    introduce(demo_store, new)
    try:
        summary = send(demo_store, new, usb)
        assert summary.total == demo_store.db.execute("SELECT count(*) FROM _versions").fetchone()[0]
        assert dump(new) == dump(demo_store)
        filled = [t for t in SYNCED_TABLES if demo_store.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
        assert len(filled) >= 3
    finally:
        new.close()
