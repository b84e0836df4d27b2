"""Where Entraide keeps its files (platformdirs), and the small per-user settings file.

Everything a test or a script needs to redirect goes through :func:`paths_for`: the
``ENTRAIDE_HOME`` environment variable moves every folder under one directory, and an
explicit database path puts the key file and the public calendar beside that database.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from . import APP_NAME

DATABASE_NAME = "entraide.db"
DEFAULT_LOCK_MINUTES = 10
"""Minutes without keyboard or mouse use before the secretary's screens lock (preference ``lock_minutes``)."""


@dataclass(frozen=True)
class Paths:
    """The files of one group database on this computer."""

    database: Path
    config_dir: Path
    cache_dir: Path
    backups_dir: Path

    @property
    def key_file(self) -> Path:
        """Key slots (the data key wrapped by each person's passphrase), beside the database."""
        return self.database.with_name(self.database.name + ".keys")

    @property
    def public_calendar(self) -> Path:
        """Unencrypted calendar of public activities, read by the members' consultation mode."""
        return self.database.with_name(self.database.stem + "-calendrier-public.json")

    @property
    def database_backups_dir(self) -> Path:
        """This database's own backups folder, inside ``backups_dir``: named by the database id of its
        key file, so that two databases (the demo and the real register) never share one."""
        return self.backups_dir / backup_folder_name(self.key_file, self.database)

    @property
    def lock_file(self) -> Path:
        return self.database.with_name(self.database.name + ".lock")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "preferences.json"


def backup_folder_name(key_file: Path, database: Path) -> str:
    """The database id read from the key file (a UUID), else a stable name from the database's path."""
    try:
        database_id = str(json.loads(key_file.read_text(encoding="utf-8"))["database_id"])
    except (OSError, ValueError, KeyError, TypeError):
        database_id = ""
    if _ID.fullmatch(database_id):
        return database_id
    digest = hashlib.sha256(str(database.absolute()).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"sans-cle-{digest}"


_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _base_dirs() -> tuple[Path, Path, Path]:
    home = os.environ.get("ENTRAIDE_HOME")
    if home:
        root = Path(home)
        return root / "data", root / "config", root / "cache"
    return (
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def paths_for(database: str | os.PathLike[str] | None = None) -> Paths:
    """Paths for the given database file, or for the default one in the user data folder."""
    data_dir, config_dir, cache_dir = _base_dirs()
    db = Path(database).expanduser().absolute() if database else data_dir / DATABASE_NAME
    return Paths(database=db, config_dir=config_dir, cache_dir=cache_dir, backups_dir=data_dir / "sauvegardes")


def load_settings(paths: Paths) -> dict[str, Any]:
    """The saved preferences (language, last person who unlocked, lock delay); {} when none or unreadable."""
    try:
        data = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(paths: Paths, settings: dict[str, Any]) -> None:
    """Write the preferences atomically (temporary file, then rename)."""
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    tmp = paths.settings_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, paths.settings_file)


def update_settings(paths: Paths, **changes: Any) -> dict[str, Any]:
    settings = load_settings(paths)
    settings.update(changes)
    try:
        save_settings(paths, settings)
    except OSError:
        pass  # preferences are a convenience; a read-only profile must not stop the app
    return settings
