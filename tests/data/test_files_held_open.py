"""Windows refuses to rename over or delete a file another program holds open (Excel, a PDF
reader, OneDrive or Syncthing, an antivirus). These tests replay that rule on any system: the
app tries again for a few seconds, then says in French which file is held, and loses nothing."""

from __future__ import annotations

import datetime as dt
import errno
import os
import pathlib

import pytest

from entraide_desktop.data import backups, connection, database_file, files, rows
from entraide_desktop.data.calendar.public import write_public_calendar
from entraide_desktop.data.sync.container import write_safely
from entraide_desktop.documents.spreadsheet import write_csv
from tests.conftest import PASSPHRASE


class WindowsHolds:
    """Files held open by another program: each refuses a rename or delete ``times`` times."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.held: dict[str, float] = {}
        self.waited: list[float] = []
        real_replace, real_unlink = os.replace, pathlib.Path.unlink

        def refuse(*paths: object) -> None:
            for path in paths:
                key = os.path.normcase(os.path.abspath(os.fspath(path)))
                if self.held.get(key, 0) > 0 and os.path.exists(key):  # only a file that exists is open
                    self.held[key] -= 1
                    error = PermissionError(13, "Le processus ne peut pas accéder au fichier", os.fspath(path))
                    error.winerror = 32  # ERROR_SHARING_VIOLATION
                    raise error

        def replace(source, target, **kwargs):
            refuse(source, target)
            return real_replace(source, target, **kwargs)

        def unlink(path, missing_ok=False):
            refuse(path)
            return real_unlink(path, missing_ok=missing_ok)

        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(pathlib.Path, "unlink", unlink)
        monkeypatch.setattr(files, "_sleep", self.waited.append)

    def hold(self, path: os.PathLike | str, times: float = float("inf")) -> None:
        self.held[os.path.normcase(os.path.abspath(os.fspath(path)))] = times


@pytest.fixture
def windows(monkeypatch):
    return WindowsHolds(monkeypatch)


def test_a_file_held_for_a_moment_is_replaced_once_it_is_let_go(windows, tmp_path):
    tmp_path = tmp_path / "cle"
    tmp_path.mkdir()
    target = tmp_path / "echange.entraide"
    target.write_bytes(b"ancien")
    windows.hold(target, times=2)  # Syncthing uploads it, then lets go
    write_safely(target, b"nouveau")
    assert target.read_bytes() == b"nouveau" and len(windows.waited) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["echange.entraide"]


def test_a_csv_kept_open_in_excel_is_refused_in_french_and_the_old_file_stays(windows, tmp_path):
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    target = tmp_path / "membres.csv"
    target.write_text("ancien", encoding="utf-8")
    windows.hold(target)
    with pytest.raises(files.FileInUse) as caught:
        write_csv(["Prénom"], [["Hélène"]], target)
    assert "« " + str(target) + " » est ouvert dans un autre programme" in str(caught.value)
    assert "Rien n'a été modifié" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["membres.csv"]  # no temporary file left
    assert sum(windows.waited) == pytest.approx(sum(files.DELAYS))  # about three seconds of patience


def test_a_backup_waits_for_the_antivirus_scanning_the_new_copy(windows, store, monkeypatch):
    real_copy = database_file.copy_database

    def copy_while_scanned(db, target, data_key):
        windows.hold(target.with_name(target.name + ".tmp"), times=3)
        real_copy(db, target, data_key)

    monkeypatch.setattr(database_file, "copy_database", copy_while_scanned)
    info = backups.backup_now(store, "manual")
    assert backups.verify_backup(info.path, store.data_key) and len(windows.waited) == 3


def test_a_restore_over_a_held_database_says_so_and_changes_nothing(windows, store, paths):
    rows.insert(store, "people", {"first_name": "Hélène"})
    info = backups.backup_now(store, "manual")
    rows.insert(store, "people", {"first_name": "Noël"})
    windows.hold(paths.database)
    with pytest.raises(files.FileInUse):
        backups.restore(store, info.path)
    assert not paths.database.with_name(paths.database.name + ".restauration").exists()
    reopened = connection.unlock(paths, PASSPHRASE)
    try:
        assert {r["first_name"] for r in reopened.db["people"].rows} == {"Hélène", "Noël"}
    finally:
        reopened.close()


def test_pruning_leaves_a_held_copy_for_next_time_instead_of_failing(windows, store):
    start = dt.datetime(2026, 12, 1, 9, 0)
    made = [backups.backup_now(store, "before-import", start + dt.timedelta(minutes=n))
            for n in range(backups.KEEP_BEFORE_IMPORT)]
    windows.hold(made[0].path)  # an antivirus is reading the oldest copy
    backups.backup_now(store, "before-import", start + dt.timedelta(minutes=10))
    assert made[0].path.exists()
    assert backups.prune(store.paths, start + dt.timedelta(minutes=11)) == []
    windows.held.clear()
    assert backups.prune(store.paths, start + dt.timedelta(minutes=12)) == [made[0].path]


def test_the_public_calendar_file_waits_for_the_consultation_screen_reading_it(windows, store, paths):
    first = write_public_calendar(store, paths)
    windows.hold(first, times=1)
    assert write_public_calendar(store, paths) == first and windows.waited == [files.DELAYS[0]]


def test_only_windows_sharing_violations_are_waited_for():
    assert not files.held_open(PermissionError(13, "Permission denied"))  # POSIX: no second try
    held = PermissionError(13, "x")
    held.winerror = 32
    assert files.held_open(held)


def test_windows_refusals_met_anywhere_are_said_plainly():
    from entraide_desktop.data.errors import translate_sqlite_error

    held = PermissionError(13, "x", "C:/Users/marie/OneDrive/membres.xlsx")
    held.winerror = 32
    assert isinstance(translate_sqlite_error(held), files.FileInUse)
    deep = FileNotFoundError(2, "x", "C:/Users/marie/" + "dossier/" * 40 + "membres.csv")
    deep.winerror = 206  # ERROR_FILENAME_EXCED_RANGE
    message = str(translate_sqlite_error(deep))
    assert "trop long pour Windows" in message and "Rien n'a été modifié" in message
    assert isinstance(translate_sqlite_error(OSError(errno.ENAMETOOLONG, "File name too long", "x" * 300)), files.PathTooLong)
