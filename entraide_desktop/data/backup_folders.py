"""Sort the backups that older versions left in the one shared folder into each database's own.

Before, every database on a computer (the demo, the real register…) wrote its copies straight
into ``sauvegardes``: pruning mixed them and one database's daily copy hid the other's. Now each
database has its folder ``sauvegardes/<database id>``. At each start (automatic backup) the
copies still lying in the shared folder are moved, never deleted: a copy with its key file is
identified by the database id inside it; a copy without one (« avant-mise-a-jour ») is tried
with the open database's data key and moved when it is this database. What cannot be
identified stays where it is and is listed in the report (and in the log).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..config import backup_folder_name
from . import database_file
from .backup_names import parse_name
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class SortReport:
    moved: list[Path] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)


def sort_shared_folder(store: Store) -> SortReport:
    """Move the copies in the shared backups folder to their database's folder."""
    report = SortReport()
    shared = store.paths.backups_dir
    if not shared.is_dir():
        return report
    own_id = store.local("database_id") or ""
    for path in sorted(shared.iterdir()):
        if not path.is_file() or parse_name(path) is None:
            continue
        folder = _folder_of(path, store, own_id)
        if folder is None:
            report.left.append(path)
            continue
        try:
            _move(path, shared / folder)
            report.moved.append(path)
        except OSError as error:  # held open on Windows, read-only…: try again next start
            log.warning("backup %s not moved: %s", path, error)
            report.left.append(path)
    if report.left:
        log.warning("backups left in the shared folder (database unknown): %s",
                    ", ".join(p.name for p in report.left))
    return report


def _folder_of(path: Path, store: Store, own_id: str) -> str | None:
    key_copy = path.with_name(path.name + ".keys")
    if key_copy.is_file():
        name = backup_folder_name(key_copy, path)
        return None if name.startswith("sans-cle-") else name
    try:
        db = database_file.connect(path, store.data_key)
    except Exception:  # noqa: BLE001  (another database's key, or a damaged copy: not ours)
        return None
    try:
        row = db.execute("SELECT value FROM _local WHERE key = 'database_id'").fetchone()
    except Exception:  # noqa: BLE001
        row = None
    finally:
        db.close()
    if row and row[0] and row[0] == own_id:
        return backup_folder_name(store.paths.key_file, store.paths.database)
    return None


def _move(path: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for source in (path, path.with_name(path.name + ".keys")):
        if source.exists():
            target = folder / source.name
            if target.exists():  # never overwrite a copy: keep both
                target = folder / f"{source.stem}-deplace{source.suffix}"
            os.replace(source, target)
