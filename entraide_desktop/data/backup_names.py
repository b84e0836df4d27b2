"""How a backup file is named, and reading a folder of them back.

``entraide-2026-11-23-091500-automatique.db``: the date, the time and the kind in French, so a
person browsing the folder knows what each copy is. Kept apart from ``backups`` so that the
sorting of old shared folders (``backup_folders``) reads names without importing the copying.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import Paths

KINDS = {
    "auto": "automatique",
    "manual": "manuelle",
    "before-restore": "avant-restauration",
    "before-update": "avant-mise-a-jour",
    "before-import": "avant-import",
}
_NAME = re.compile(r"^entraide-(\d{4}-\d{2}-\d{2})-(\d{6})-([a-z-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    kind: str  # a key of KINDS

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    @property
    def key_file(self) -> Path:
        return self.path.with_name(self.path.name + ".keys")


def _name(when: dt.datetime, kind: str) -> str:
    return f"entraide-{when:%Y-%m-%d-%H%M%S}-{KINDS[kind]}.db"


def new_backup_path(paths: Paths, kind: str, now: dt.datetime | None = None) -> Path:
    """A free file name in the backups folder for a copy of ``kind`` (listed and pruned like the others)."""
    return free_path(paths.database_backups_dir, kind, now or dt.datetime.now())


def free_path(folder: Path, kind: str, now: dt.datetime) -> Path:
    """``folder``'s first free name for a copy of ``kind`` made at ``now`` (a second later if taken)."""
    target = folder / _name(now, kind)
    step = 1
    while target.exists():
        target = folder / _name(now + dt.timedelta(seconds=step), kind)
        step += 1
    return target


def parse_name(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    kind = next((k for k, v in KINDS.items() if v == match.group(3)), None)
    if kind is None:
        return None
    created = dt.datetime.strptime(f"{match.group(1)} {match.group(2)}", "%Y-%m-%d %H%M%S")
    return BackupInfo(path, created, kind)


def list_backups(paths: Paths) -> list[BackupInfo]:
    """This database's backups, newest first."""
    return list_folder(paths.database_backups_dir)


def list_folder(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if (info := parse_name(p)) is not None]
    return sorted(found, key=lambda b: b.created, reverse=True)
