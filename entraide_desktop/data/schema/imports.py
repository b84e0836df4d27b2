"""Tables that remember what an import brought in, so that it can be reviewed and undone.

``imports``: one row per confirmed import (a member list or a calendar file): the file name,
what it created (ids per table, JSON), the values it replaced in records it completed, and
when it was undone. Synced: undoing is a normal change that every machine receives.
``import_checks``: one row per cell that could not be read (« Fiches à vérifier »); archived
once the secretary has fixed it, so clearing syncs too.
``imported_events``: the calendar file's event UID → the activity it became (deterministic id
from the UID), so that importing the same file twice adds nothing.
"""

from __future__ import annotations

import sqlite_utils

from ...i18n import N_
from .migration_set import MIGRATIONS
from .registry import SyncedTable, create_synced_table, register_person_reference, synced_table

synced_table(SyncedTable("imports", area=N_("Importations"), label_fields=("file_name",)))
synced_table(SyncedTable("import_checks", area=N_("Membres"), label_fields=("column_name",)))
synced_table(SyncedTable("imported_events", area=N_("Calendrier"), label_fields=("uid",)))
register_person_reference("import_checks", "person_id")


@MIGRATIONS(name="1300_imports")
def import_tables(db: sqlite_utils.Database) -> None:
    create_synced_table(
        db,
        "imports",
        {
            "kind": str,  # "members" | "calendar"
            "file_name": str,
            "imported_at": str,  # local ISO datetime
            "summary": str,
            "created": str,  # JSON {table: [ids]}
            "replaced": str,  # JSON {table: {id: {field: previous value}}} (records completed by a merge)
            "sync_mark": str,  # the sync vector when imported: undo is offered until the next sync
            "site": str,
            "undone_at": str,
        },
        indexes=(("imported_at",),),
    )
    create_synced_table(
        db,
        "import_checks",
        {
            "import_id": str,
            "person_id": str,
            "field": str,  # the person's field the cell was meant for ("email", "member_since"…)
            "column_name": str,  # the header of the file's column
            "raw_value": str,
            "message": str,
        },
        indexes=(("person_id",), ("import_id",)),
    )
    create_synced_table(
        db,
        "imported_events",
        {"uid": str, "activity_id": str, "import_id": str},
    )
