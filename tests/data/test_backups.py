"""Backups: consistent encrypted copies, verified, pruned; restore backs up first and renews the machine id."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import backups, connection, rows
from entraide_desktop.data.errors import DatabaseCorrupt, EntraideError
from tests.conftest import PASSPHRASE


def test_backup_is_encrypted_verified_and_comes_with_its_keys(store):
    rows.insert(store, "people", {"first_name": "Hélène", "last_name": "Côté"})
    info = backups.backup_now(store, "manual")
    assert info.path.exists() and info.key_file.exists()
    assert "Côté".encode() not in info.path.read_bytes()
    assert backups.verify_backup(info.path, store.data_key) == connection.group_secret(store)[0]
    assert [b.path for b in backups.list_backups(store.paths)] == [info.path]


def test_backup_if_due_makes_one_a_day(store):
    day = dt.datetime(2026, 11, 25, 9, 0)
    assert backups.backup_if_due(store, day) is not None
    assert backups.backup_if_due(store, day.replace(hour=15)) is None
    assert backups.backup_if_due(store, day + dt.timedelta(days=1)) is not None


def test_pruning_keeps_14_daily_and_12_monthly(store):
    start = dt.datetime(2025, 1, 1, 8, 0)
    for day in range(0, 400, 3):
        backups.write_backup(store, store.paths.database_backups_dir, "auto", start + dt.timedelta(days=day))
    manual = backups.write_backup(store, store.paths.database_backups_dir, "manual", start)
    backups.prune(store.paths)
    autos = [b for b in backups.list_backups(store.paths) if b.kind == "auto"]
    days = {b.created.date() for b in autos}
    months = {(b.created.year, b.created.month) for b in autos}
    newest = max(days)
    assert len(days) <= 14 + 12
    assert len(months) >= 12
    assert newest == (start + dt.timedelta(days=399)).date()
    assert manual.path.exists()  # manual copies are never pruned
    assert all(b.key_file.exists() for b in autos)


def test_restore_brings_back_the_old_state_with_a_new_machine_id(store, paths):
    pid = rows.insert(store, "people", {"first_name": "Avant"})
    saved = backups.backup_now(store, "manual")
    rows.update(store, "people", pid, {"first_name": "Après"})
    old_site, key, author = store.site_id, store.data_key, store.author
    safety, _database = backups.restore(store, saved.path)
    reopened = backups.reopen_after_restore(paths, key, author)
    assert rows.get(reopened, "people", pid)["first_name"] == "Avant"
    assert reopened.site_id != old_site
    # The state before the restore was kept.
    assert backups.verify_backup(safety.path, key)
    reopened.close()
    connection.unlock(paths, PASSPHRASE).close()


def test_damaged_or_foreign_backups_are_refused_without_change(store, paths, tmp_path):
    import hashlib

    pid = rows.insert(store, "people", {"first_name": "Reste"})
    bad = tmp_path / "entraide-2026-01-01-000000-manuelle.db"
    bad.write_bytes(b"pas une base" * 100)
    before = store.db.execute("SELECT count(*) FROM people").fetchone()[0]
    with pytest.raises(DatabaseCorrupt):
        backups.restore(store, bad)
    other = connection.create_database(
        __import__("entraide_desktop.config", fromlist=["paths_for"]).paths_for(tmp_path / "autre" / "a.db"),
        group_name="Autre", region="", person="X", passphrase=PASSPHRASE,
    )
    foreign = backups.backup_now(other.store, "manual")
    other.store.close()
    with pytest.raises(EntraideError):
        backups.restore(store, foreign.path)
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == before
    assert rows.get(store, "people", pid)["first_name"] == "Reste"
    assert hashlib.sha256(paths.key_file.read_bytes()).hexdigest()


def test_backup_to_a_read_only_or_full_place_is_a_clear_message(store, tmp_path, monkeypatch):
    import errno

    from entraide_desktop.data.errors import DiskFull, ReadOnlyLocation

    for code, expected in ((errno.EROFS, ReadOnlyLocation), (errno.ENOSPC, DiskFull)):
        def refuse(*_args, code=code, **_kwargs):
            raise OSError(code, "refused")

        with monkeypatch.context() as patch:
            patch.setattr(backups.database_file.sqlite3, "connect", refuse)
            with pytest.raises(expected):
                backups.write_backup(store, tmp_path / "cle", "manual")
    assert not list((tmp_path / "cle").glob("*.db"))


@pytest.mark.skipif(not hasattr(__import__("os"), "O_ACCMODE"), reason="the access mode of a descriptor is read with fcntl (POSIX)")
def test_backup_restore_and_copies_flush_through_a_writable_handle_as_windows_requires(store, monkeypatch):
    """Windows' FlushFileBuffers refuses a read-only handle: fsync on one made every backup fail there."""
    import fcntl
    import os

    real_fsync = os.fsync

    def windows_like_fsync(fd: int) -> None:
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY and not os.path.isdir(f"/proc/self/fd/{fd}"):
            raise PermissionError(13, "Accès refusé (handle en lecture seule)")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", windows_like_fsync)
    rows.insert(store, "people", {"first_name": "Hélène"})
    info = backups.backup_now(store, "manual")
    assert backups.verify_backup(info.path, store.data_key)
    backups.restore(store, info.path)
