"""Finding 6 replayed: each database has its own backups folder; old mixed folders are sorted."""

from __future__ import annotations

import datetime as dt
import errno
import os
import time

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import backups, database_file
from entraide_desktop.data.backup_folders import sort_shared_folder
from entraide_desktop.data.connection import create_database
from entraide_desktop.data.errors import DiskFull
from tests.conftest import PASSPHRASE


@pytest.fixture
def demo(tmp_path):
    """A second database on the same computer (same ENTRAIDE_HOME, so the same shared folder)."""
    created = create_database(paths_for(tmp_path / "demo" / "entraide-demo.db"), group_name="Démo",
                              region="Estrie", person="Démo", passphrase=PASSPHRASE)
    yield created.store
    created.store.close()


def test_two_databases_have_two_folders_under_the_shared_one(store, demo):
    assert store.paths.backups_dir == demo.paths.backups_dir
    mine, theirs = store.paths.database_backups_dir, demo.paths.database_backups_dir
    assert mine != theirs and mine.parent == theirs.parent == store.paths.backups_dir
    assert mine.name == store.local("database_id")


def test_the_register_gets_its_daily_backup_after_the_demo_had_one(store, demo):
    morning = dt.datetime(2026, 12, 5, 9, 0)
    assert backups.backup_if_due(demo, morning) is not None
    assert backups.backup_if_due(store, morning.replace(hour=10)) is not None
    assert [b.kind for b in backups.list_backups(store.paths)] == ["auto"]
    assert [b.kind for b in backups.list_backups(demo.paths)] == ["auto"]


def test_pruning_one_database_never_touches_the_other(store, demo):
    start = dt.datetime(2025, 1, 1, 8, 0)
    for day in range(0, 60, 3):
        backups.write_backup(demo, demo.paths.database_backups_dir, "auto", start + dt.timedelta(days=day))
    kept = len(backups.list_backups(demo.paths))
    for day in range(0, 60, 3):
        backups.backup_now(store, "auto", start + dt.timedelta(days=day))
    assert len(backups.list_backups(demo.paths)) == kept == 20


def test_only_three_before_import_copies_are_kept(store):
    start = dt.datetime(2026, 12, 1, 8, 0)
    for n in range(6):
        backups.write_backup(store, store.paths.database_backups_dir, "before-import", start + dt.timedelta(hours=n))
    backups.prune(store.paths)
    left = backups.list_backups(store.paths)
    assert [b.created.hour for b in left] == [13, 12, 11]


def test_a_mixed_shared_folder_is_sorted_without_losing_a_copy(store, demo):
    shared = store.paths.backups_dir
    when = dt.datetime(2026, 1, 10, 8, 0)
    mine = backups.write_backup(store, shared, "auto", when)
    theirs = backups.write_backup(demo, shared, "auto", when + dt.timedelta(minutes=1))
    before_update = shared / "entraide-2026-01-11-080000-avant-mise-a-jour.db"
    database_file.copy_database(store.db, before_update, store.data_key)  # no key file beside it
    foreign = shared / "entraide-2026-01-12-080000-avant-mise-a-jour.db"
    database_file.copy_database(demo.db, foreign, demo.data_key)  # another key: cannot be identified here
    junk = shared / "entraide-2026-01-13-080000-manuelle.db"
    junk.write_bytes(b"pas une base")
    files_before = sorted(p.name for p in shared.rglob("*") if p.is_file())

    report = sort_shared_folder(store)

    assert set(report.moved) == {mine.path, theirs.path, before_update}
    assert set(report.left) == {foreign, junk} and foreign.exists() and junk.exists()
    assert sorted(p.name for p in shared.rglob("*") if p.is_file()) == files_before  # all still there
    assert {b.path.name for b in backups.list_backups(store.paths)} == {mine.path.name, before_update.name}
    assert [b.path.name for b in backups.list_backups(demo.paths)] == [theirs.path.name]
    assert (store.paths.database_backups_dir / (mine.path.name + ".keys")).exists()


def test_the_automatic_backup_sorts_the_shared_folder_first(store):
    old = backups.write_backup(store, store.paths.backups_dir, "manual", dt.datetime(2026, 1, 1, 8, 0))
    backups.backup_if_due(store, dt.datetime(2026, 12, 5, 9, 0))
    assert not old.path.exists()
    assert old.path.name in {b.path.name for b in backups.list_backups(store.paths)}


def test_a_failed_backup_leaves_no_temporary_file(store, monkeypatch):
    def disk_full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(DiskFull, match="disque est plein"):
        backups.backup_now(store, "manual")
    monkeypatch.undo()
    folder = store.paths.database_backups_dir
    assert not list(folder.glob("*.tmp")) and not list(folder.glob("*.db"))


def test_stale_temporary_files_are_cleaned_up_and_fresh_ones_kept(store):
    folder = store.paths.database_backups_dir
    folder.mkdir(parents=True, exist_ok=True)
    stale, fresh = folder / "entraide-2026-01-01-080000-manuelle.db.tmp", folder / "en-cours.db.tmp"
    stale.write_bytes(b"")
    fresh.write_bytes(b"")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    backups.backup_now(store, "manual")
    assert not stale.exists() and fresh.exists()


def test_list_backups_reports_the_copies_left_in_the_shared_folder(store, capsys):
    from entraide_desktop.cli import run

    (store.paths.backups_dir).mkdir(parents=True, exist_ok=True)
    (store.paths.backups_dir / "entraide-2026-01-13-080000-manuelle.db").write_bytes(b"inconnue")
    assert run(["list-backups", "--database", str(store.paths.database)]) == 0
    out = capsys.readouterr().out
    assert "n'a pas encore été rangée" in out and "entraide-2026-01-13-080000-manuelle.db" in out
