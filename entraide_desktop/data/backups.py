"""Encrypted backups: automatic (at start, at most once a day), on demand, to a USB key; restore.

A backup is a consistent copy made with SQLite's backup API, encrypted with the same data key
as the database, plus a copy of the key file beside it (the keys are only stored wrapped by
passphrases, so the copy reveals nothing). Each copy is opened and checked right after it is
written. Each database has its own folder (``Paths.database_backups_dir``, named by its database
id), so the demo and the real register never share copies nor pruning; copies left by older
versions in the shared folder are sorted into their database's folder (``backup_folders.py``).
Automatic copies are pruned to the last 14 daily and 12 monthly ones, « avant-import » copies to
3, the other kinds to 10; manual copies are never removed. A failed copy leaves no ``.tmp``
file, and stale ones are cleaned up.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ..config import Paths
from ..i18n import _
from . import connection, database_file, files, keys
from .backup_folders import sort_shared_folder
from .backup_names import KINDS, BackupInfo, free_path, list_backups
from .backup_names import list_folder, new_backup_path, parse_name  # noqa: F401  (part of the backups API)
from .errors import DatabaseCorrupt, EntraideError, user_facing_errors
from .store import Store

KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_OTHER = 10
KEEP_BEFORE_IMPORT = 3
STALE_TMP = dt.timedelta(hours=1)


def remove_stale_temporary_files(folder: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete ``.tmp`` files left in ``folder`` by a copy interrupted more than an hour ago."""
    limit = (now or dt.datetime.now()) - STALE_TMP
    removed = []
    for path in folder.glob("*.tmp") if folder.is_dir() else []:
        try:
            if dt.datetime.fromtimestamp(path.stat().st_mtime) < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # held open (Windows) or already gone: next time
    return removed


def write_backup(store: Store, folder: Path, kind: str = "manual", now: dt.datetime | None = None) -> BackupInfo:
    """Copy the database (and its key file) into ``folder``, then open the copy to check it."""
    now = now or dt.datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    target = free_path(folder, kind, now)
    with user_facing_errors(str(folder)):
        try:
            database_file.copy_database(store.db, target, store.data_key)
            if store.paths.key_file.exists():
                _copy_file(store.paths.key_file, target.with_name(target.name + ".keys"))
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    try:
        verify_backup(target, store.data_key, expected_group=connection.group_secret(store)[0])
    except EntraideError:
        target.unlink(missing_ok=True)
        target.with_name(target.name + ".keys").unlink(missing_ok=True)
        raise
    return BackupInfo(target, now.replace(microsecond=0), kind)


def _copy_file(source: Path, target: Path) -> None:
    tmp = target.with_name(target.name + ".tmp")
    try:
        shutil.copyfile(source, tmp)
        keys.fsync_file(tmp)
        files.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    keys.fsync_dir(target.parent)


def verify_backup(path: Path, data_key: bytes, expected_group: str | None = None) -> str:
    """Open a backup with ``data_key`` and check it; returns its group id."""
    try:
        db = database_file.connect(path, data_key)
    except DatabaseCorrupt:
        raise DatabaseCorrupt(
            _("« {name} » n'est pas une sauvegarde lisible de ce groupe (fichier endommagé ou autre clé).").format(
                name=path.name
            )
        ) from None
    try:
        problems = database_file.integrity_check(db)
        row = db.execute("SELECT value FROM _local WHERE key = 'group_id'").fetchone()
    except Exception as error:  # noqa: BLE001  (any failure means: not a usable backup)
        raise DatabaseCorrupt(
            _("« {name} » n'est pas une sauvegarde Entraide valide.").format(name=path.name), detail=str(error)
        ) from error
    finally:
        db.close()
    if problems:
        raise DatabaseCorrupt(
            _("La sauvegarde « {name} » est endommagée : {detail}").format(name=path.name, detail="; ".join(problems[:3]))
        )
    group = row[0] if row else ""
    if expected_group is not None and group != expected_group:
        raise EntraideError(_("« {name} » est la sauvegarde d'un autre groupe : elle n'a pas été utilisée.").format(name=path.name))
    return group


def backup_now(store: Store, kind: str = "manual", now: dt.datetime | None = None) -> BackupInfo:
    """A backup in this database's backups folder; older copies are pruned afterwards."""
    sort_shared_folder(store)
    return _backup_and_prune(store, kind, now)


def backup_if_due(store: Store, now: dt.datetime | None = None) -> BackupInfo | None:
    """The automatic backup: made when none was made today (called at start)."""
    sort_shared_folder(store)
    now = now or dt.datetime.now()
    if any(b.kind == "auto" and b.created.date() == now.date() for b in list_backups(store.paths)):
        return None
    return _backup_and_prune(store, "auto", now)


def _backup_and_prune(store: Store, kind: str, now: dt.datetime | None) -> BackupInfo:
    folder = store.paths.database_backups_dir
    remove_stale_temporary_files(folder, now)
    info = write_backup(store, folder, kind, now)
    prune(store.paths, now or dt.datetime.now())
    return info


def prune(paths: Paths, now: dt.datetime | None = None) -> list[Path]:
    """Keep the newest automatic copy of each of the last 14 days and 12 months, 3 « avant-import »,
    10 of each other kind (manual copies are never removed). Returns the removed files."""
    backups = list_backups(paths)
    keep: set[Path] = set()
    autos = [b for b in backups if b.kind == "auto"]
    days: dict[dt.date, BackupInfo] = {}
    months: dict[tuple[int, int], BackupInfo] = {}
    for b in autos:  # newest first
        days.setdefault(b.created.date(), b)
        months.setdefault((b.created.year, b.created.month), b)
    keep.update(b.path for b in list(days.values())[:KEEP_DAILY])
    keep.update(b.path for b in list(months.values())[:KEEP_MONTHLY])
    for kind in KINDS:
        if kind in ("auto", "manual"):
            continue
        count = KEEP_BEFORE_IMPORT if kind == "before-import" else KEEP_OTHER
        keep.update(b.path for b in [b for b in backups if b.kind == kind][:count])
    keep.update(b.path for b in backups if b.kind == "manual")
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                files.unlink(b.path)
                files.unlink(b.key_file)
            except files.FileInUse:
                continue  # held open by another program (Windows): pruned next time
            removed.append(b.path)
    return removed


def restore(store: Store, backup: Path, data_key: bytes | None = None) -> tuple[BackupInfo, Path]:
    """Replace the database with ``backup`` after backing up the current state.

    Closes ``store``. Returns (the safety copy of the state before, the restored database path);
    reopen the database afterwards: the restored file gets a new machine id for sync.
    """
    key = data_key or store.data_key
    group = connection.group_secret(store)[0]
    verify_backup(backup, key, expected_group=group)
    safety = backup_now(store, "before-restore")
    paths = store.paths
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    tmp = paths.database.with_name(paths.database.name + ".restauration")
    with user_facing_errors(str(paths.database.parent)):
        try:
            shutil.copyfile(backup, tmp)
            keys.fsync_file(tmp)
            verify_backup(tmp, key, expected_group=group)
            for side in ("-wal", "-shm"):
                files.unlink(Path(str(paths.database) + side))
            files.replace(tmp, paths.database)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        keys.fsync_dir(paths.database.parent)
    if key != store.data_key:
        _adopt_backup_keys(paths, backup)
    return safety, paths.database


def _adopt_backup_keys(paths: Paths, backup: Path) -> None:
    """A backup made under another data key comes with its own key file: use it."""
    key_copy = backup.with_name(backup.name + ".keys")
    if key_copy.exists():
        _copy_file(key_copy, paths.key_file)


def reopen_after_restore(paths: Paths, data_key: bytes, author: connection.Author) -> Store:
    """Open the restored database with a new machine id (a restored file must not reuse write ids)."""
    store = connection.open_with_key(paths, data_key, author)
    if not store.site_id_was_renewed:
        connection.renew_site_id(store)
    return store
