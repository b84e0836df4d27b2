"""Where Entraide keeps its files (platformdirs), and the small per-user settings file.

Everything a test or a script needs to redirect goes through :func:`paths_for`: the
``ENTRAIDE_HOME`` environment variable moves every folder under one directory, and an
explicit database path puts the key file and the public calendar beside that database.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import math
import os
import re
import time
from dataclasses import dataclass, field, fields
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


def base_dirs() -> tuple[Path, Path, Path]:
    """This person's data, config and cache folders (under ``ENTRAIDE_HOME`` when it is set)."""
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
    data_dir, config_dir, cache_dir = base_dirs()
    db = Path(database).expanduser().absolute() if database else data_dir / DATABASE_NAME
    return Paths(database=db, config_dir=config_dir, cache_dir=cache_dir, backups_dir=data_dir / "sauvegardes")


MAX_SETTINGS_BYTES = 1_000_000
TEXT_SIZES = (100, 125, 150, 200)


@dataclass
class Settings:
    """This computer's preferences, each with its type and default written once (``preferences.json``)."""

    language: str = "fr"
    text_size: int = 100  # percent
    high_contrast: bool = False
    lock_minutes: float = DEFAULT_LOCK_MINUTES
    last_slot: str = ""  # the key slot of the last person who unlocked (the unlock screen offers them first)
    last_export_dir: str = ""
    last_import_dir: str = ""
    calendar_view: str = "month"
    others: dict[str, Any] = field(default_factory=dict, repr=False)  # keys of a newer version, kept as they are

    def to_json(self) -> dict[str, Any]:
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "others"}
        return {**self.others, **values}


def _accepts(kind: type, value: Any) -> bool:
    if kind is bool:
        return type(value) is bool
    if kind is int:
        return type(value) is int
    if kind is float:
        return type(value) in (int, float) and math.isfinite(value)
    return isinstance(value, kind)


def settings_from(raw: dict[str, Any]) -> Settings:
    """Typed preferences from a decoded file: a value of the wrong type falls back to its default."""
    settings = Settings()
    kinds = {f.name: f.type for f in fields(Settings) if f.name != "others"}
    for name, value in raw.items():
        kind = {"str": str, "int": int, "bool": bool, "float": float}.get(str(kinds.get(name, "")))
        if kind is None:
            settings.others[str(name)] = value
        elif _accepts(kind, value):
            setattr(settings, name, float(value) if kind is float else value)
    return _within_bounds(settings)


LANGUAGES = ("fr", "en")
MAX_LOCK_MINUTES = 240
CALENDAR_VIEWS = ("month", "week", "agenda")


def _within_bounds(settings: Settings) -> Settings:
    """A value of the right type but out of its range (edited by hand, or from a newer version)
    falls back to its default, like a value of the wrong type."""
    defaults = Settings()
    if settings.text_size not in TEXT_SIZES:
        settings.text_size = defaults.text_size
    if settings.language not in LANGUAGES:
        settings.language = defaults.language
    if not 0 <= settings.lock_minutes <= MAX_LOCK_MINUTES:
        settings.lock_minutes = defaults.lock_minutes
    if settings.calendar_view not in CALENDAR_VIEWS:
        settings.calendar_view = defaults.calendar_view
    return settings


_loaded: dict[Path, tuple[tuple[int, int], Settings]] = {}
"""Preferences read once per file: read again only when the file changed (size or time)."""


def load_settings(paths: Paths) -> Settings:
    """The saved preferences (a copy); defaults when there are none. A damaged file is kept aside
    (``preferences.json.abime``) and never stops the app."""
    file = paths.settings_file
    try:
        stat = file.stat()
        cached = _loaded.get(file)
        if cached is not None and cached[0] == (stat.st_mtime_ns, stat.st_size):
            return dataclasses.replace(cached[1], others=dict(cached[1].others))
        if stat.st_size > MAX_SETTINGS_BYTES:
            raise ValueError("too big")
        raw = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, UnicodeDecodeError):
        with contextlib.suppress(OSError):
            os.replace(file, file.with_name(file.name + ".abime"))
        return Settings()
    settings = settings_from(raw)
    _loaded[file] = ((stat.st_mtime_ns, stat.st_size), settings)
    return dataclasses.replace(settings, others=dict(settings.others))


def save_settings(paths: Paths, settings: Settings) -> None:
    """Write the preferences atomically (temporary file, then replace; retried while Windows holds it)."""
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    tmp = paths.settings_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    for attempt in range(5):
        try:
            os.replace(tmp, paths.settings_file)
            return
        except PermissionError:  # Windows: an antivirus or an indexer has the file open for a moment
            if attempt == 4:
                raise
            time.sleep(0.1 * (attempt + 1))


def update_settings(paths: Paths, **changes: Any) -> Settings:
    """Change some preferences (names of :class:`Settings` fields) and save; returns them all."""
    settings = load_settings(paths)
    for name, value in changes.items():
        if name not in {f.name for f in fields(Settings)} or name == "others":
            raise TypeError(f"unknown preference: {name}")
        setattr(settings, name, value)
    settings = _within_bounds(settings)
    try:
        save_settings(paths, settings)
    except OSError:
        pass  # preferences are a convenience; a read-only profile must not stop the app
    return settings
