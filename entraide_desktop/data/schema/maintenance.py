"""Storage changes that belong to no single area (appended, like every migration)."""

from __future__ import annotations

import sqlite_utils

from .migration_set import MIGRATIONS


@MIGRATIONS(name="0900_versions_rowid_table")
def versions_rowid_table(db: sqlite_utils.Database) -> None:
    # ``_versions`` rows are large (each field's versions, as JSON). In a WITHOUT ROWID table every
    # new record is placed in the key's B-tree and moves its neighbours around; a rowid table with
    # a unique key appends the record and indexes only the short key. Same columns, same queries.
    db.execute(
        """CREATE TABLE _versions_new (
            tbl TEXT NOT NULL, row_id TEXT NOT NULL, state TEXT NOT NULL,
            conflicted INTEGER NOT NULL DEFAULT 0, hlc INTEGER NOT NULL DEFAULT 0,
            UNIQUE (tbl, row_id))"""
    )
    db.execute(
        "INSERT INTO _versions_new (tbl, row_id, state, conflicted, hlc) "
        "SELECT tbl, row_id, state, conflicted, hlc FROM _versions ORDER BY tbl, row_id"
    )
    db.execute("DROP TABLE _versions")
    db.execute("ALTER TABLE _versions_new RENAME TO _versions")
    db.execute("CREATE INDEX _versions_conflicted ON _versions (conflicted) WHERE conflicted = 1")
