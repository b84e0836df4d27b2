"""Core tables: local machine state, per-field versions, tombstones, history, group profile."""

from __future__ import annotations

import sqlite_utils

from ...i18n import N_
from .migration_set import MIGRATIONS
from .registry import SyncedTable, create_synced_table, synced_table

GROUP_PROFILE_ID = "00000000-0000-5000-8000-000000000001"

synced_table(SyncedTable("group_profile", area=N_("Groupe"), label_fields=("name",)))


@MIGRATIONS(name="0001_core")
def core_tables(db: sqlite_utils.Database) -> None:
    # Machine-local state: never exported (site id, write counter, clock, group secret).
    db.execute("CREATE TABLE _local (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
    # Per-record version state (JSON, see data/versions.py); `conflicted` is a cached flag.
    db.execute(
        """CREATE TABLE _versions (
            tbl TEXT NOT NULL, row_id TEXT NOT NULL, state TEXT NOT NULL,
            conflicted INTEGER NOT NULL DEFAULT 0, hlc INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX _versions_conflicted ON _versions (conflicted) WHERE conflicted = 1")
    # Erased rows: kept forever so that an erase wins on every machine.
    db.execute(
        """CREATE TABLE _tombstones (
            tbl TEXT NOT NULL, row_id TEXT NOT NULL, site TEXT NOT NULL,
            hlc INTEGER NOT NULL, author TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"""
    )
    # Who changed which field, when (local writes and merged ones); removed by an erase.
    db.execute(
        """CREATE TABLE _history (
            id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
            value TEXT, author TEXT NOT NULL DEFAULT '', site TEXT NOT NULL, hlc INTEGER NOT NULL)"""
    )
    db.execute("CREATE INDEX _history_row ON _history (tbl, row_id, hlc)")
    create_synced_table(db, "group_profile", {"name": str, "region": str, "address": str, "email": str, "phone": str})


@MIGRATIONS(name="0002_group_fiscal_year")
def group_fiscal_year(db: sqlite_utils.Database) -> None:
    # The month the group's fiscal year (« exercice financier ») starts, 1–12; empty means April,
    # the usual exercice of Quebec community groups. ``membership_year``: "fiscal" (memberships
    # follow the exercice, the default when empty) or "calendar" (January to December).
    # Empty rather than a SQL default: a value in the table must always have its field version.
    db["group_profile"].add_column("fiscal_year_start_month", int)  # type: ignore[union-attr]
    db["group_profile"].add_column("membership_year", str)  # type: ignore[union-attr]
