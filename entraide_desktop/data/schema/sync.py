"""Tables of the sync area: machine-local bookkeeping of exchanges (never exported).

The synced data itself lives in each area's tables and in ``_versions``/``_tombstones``;
these tables only remember, on this computer, which machines we exchanged with, which
exchange files were already imported and where our own files were written.
"""

from __future__ import annotations

import sqlite_utils

from .migration_set import MIGRATIONS


@MIGRATIONS(name="0500_sync")
def sync_tables(db: sqlite_utils.Database) -> None:
    # Machines of the group this computer heard of (directly, or through another machine's file).
    # Times are Unix milliseconds; ``seen_us`` is when that machine last imported one of our files
    # (as it told us), ``replaced_by`` the machine id that took over after a copy or a restore.
    db.execute(
        """CREATE TABLE _sync_peers (
            site TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', first_seen INTEGER NOT NULL DEFAULT 0,
            last_import INTEGER, last_bundle TEXT, last_created INTEGER, last_counter INTEGER NOT NULL DEFAULT 0,
            seen_us INTEGER, replaced_by TEXT) WITHOUT ROWID"""
    )
    # Every exchange file imported here (its id is random per export: importing it again changes nothing).
    db.execute(
        """CREATE TABLE _sync_imports (
            bundle TEXT PRIMARY KEY, site TEXT NOT NULL, created INTEGER NOT NULL, imported INTEGER NOT NULL,
            changes INTEGER NOT NULL DEFAULT 0, summary TEXT NOT NULL DEFAULT '{}') WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX _sync_imports_site ON _sync_imports (site, imported)")
    # Our own exports (for the sync screen: last export, where).
    db.execute(
        """CREATE TABLE _sync_exports (
            bundle TEXT PRIMARY KEY, created INTEGER NOT NULL, place TEXT NOT NULL, size INTEGER NOT NULL,
            fingerprint TEXT NOT NULL DEFAULT '') WITHOUT ROWID"""
    )
