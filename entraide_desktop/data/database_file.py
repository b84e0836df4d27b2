"""The encrypted SQLite file itself: open it with a key and the house pragmas, check it, copy it.

The lowest layer of the database core: it knows neither the store nor the schema, so the store
(a connection for another thread), the bootstrap (``connection``), backups and the re-key all
build on it without importing one another.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from ..i18n import _
from . import files, keys
from ._driver import sqlite3
from .errors import DatabaseCorrupt, EntraideError


def _key_pragma(data_key: bytes) -> str:
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect(path: Path, data_key: bytes) -> sqlite_utils.Database:
    """A sqlite-utils Database over an SQLCipher connection, with the house pragmas."""
    conn = sqlite3.connect(str(path), check_same_thread=True, timeout=10)
    try:
        conn.execute(_key_pragma(data_key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        conn.close()
        raise DatabaseCorrupt(
            _(
                "Le fichier « {name} » ne peut pas être lu comme une base Entraide avec cette clé : il est "
                "endommagé ou ce n'est pas le bon fichier. Il n'a pas été modifié ; restaurez une sauvegarde."
            ).format(name=path.name),
            detail=str(error),
        ) from error
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    db = sqlite_utils.Database(conn, execute_plugins=False)
    return db


def enable_wal(db: sqlite_utils.Database) -> None:
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise EntraideError(_("Impossible d'activer la journalisation de la base de données (mode {mode}).").format(mode=mode))


def compact_if_sparse(db: sqlite_utils.Database, threshold: float = 0.25) -> None:
    """VACUUM when a migration left a quarter of the file unused (a rebuilt table frees its old
    pages): backups and copies then carry only live data."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    if pages and free / pages > threshold:
        db.execute("VACUUM")


def integrity_check(db: sqlite_utils.Database) -> list[str]:
    """Problems reported by ``PRAGMA integrity_check`` (an empty list when all is well)."""
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def copy_database(db: sqlite_utils.Database, target: Path, data_key: bytes) -> None:
    """A consistent encrypted copy through SQLite's backup API, written then renamed into place."""
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            dest.execute(_key_pragma(data_key))
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            dest.commit()
        finally:
            dest.close()
        keys.fsync_file(tmp)
        files.replace(tmp, target)
    except BaseException:  # a failed copy (disk full…) leaves no half file behind
        tmp.unlink(missing_ok=True)
        raise
    keys.fsync_dir(target.parent)
