"""Tables of the calendar area (migrations are appended here as the area grows).

Times are local America/Montreal wall-clock times stored as naive ISO text
(``2026-03-10T19:30:00``; a date alone for all-day activities). A recurring activity keeps
the start and end of its first occurrence and an RRULE without DTSTART
(``FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T235959``). Rows that are naturally unique get a
deterministic id: an exception (activity id + original start), a head count (occurrence
key), one person's attendance (occurrence key + person id), a leader (activity + person).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlite_utils

from ...i18n import N_
from ..recurrence import last_end
from .migration_set import MIGRATIONS
from .registry import SyncedTable, create_synced_table, register_person_reference, synced_table


def _activity_bounds(row: Mapping[str, Any]) -> dict[str, Any]:
    """``_last_end``: end of the last occurrence (local ISO), so that queries skip finished series."""
    return {
        "_last_end": last_end(
            row.get("start_at"), row.get("end_at"), row.get("rrule"), bool(row.get("all_day"))
        )
    }


synced_table(SyncedTable("activity_types", area=N_("Calendrier"), label_fields=("name",)))
synced_table(
    SyncedTable(
        "activities",
        area=N_("Calendrier"),
        label_fields=("title",),
        review_fields=frozenset({"title", "description", "place", "notes", "start_at", "end_at", "rrule"}),
        long_text_fields=frozenset({"description", "notes"}),
        derive=_activity_bounds,
    )
)
synced_table(SyncedTable("activity_leaders", area=N_("Calendrier")))
synced_table(
    SyncedTable(
        "activity_exceptions",
        area=N_("Calendrier"),
        label_fields=("original_start",),
        review_fields=frozenset({"reason", "new_start", "new_end"}),
    )
)
synced_table(SyncedTable("attendance_counts", area=N_("Calendrier"), review_fields=frozenset({"head_count"})))
synced_table(SyncedTable("attendance", area=N_("Calendrier")))


def _declare_references() -> None:

    register_person_reference("activity_leaders", "person_id")
    register_person_reference("attendance", "person_id")


_declare_references()


@MIGRATIONS(name="0200_calendar")
def calendar_tables(db: sqlite_utils.Database) -> None:
    create_synced_table(
        db,
        "activity_types",
        {
            "name": str,
            "form": str,  # "personnelle" | "collective" | "promotion" | "" (the group's own types)
            "colour": str,  # "#1f6f78"
            "symbol": str,  # a shape code, see data/calendar/activity_types.py SYMBOLS
            "short_label": str,  # a few letters shown beside the symbol (never colour alone)
            "position": int,
        },
        defaults={"form": "", "position": 0},
    )
    create_synced_table(
        db,
        "activities",
        {
            "title": str,
            "description": str,  # public: shown in the members' consultation mode and exports
            "type_id": str,
            "place": str,
            "start_at": str,  # local wall-clock ISO datetime, or ISO date when all-day
            "end_at": str,  # end of the first occurrence (the last day, included, when all-day)
            "all_day": int,
            "rrule": str,  # "" when it does not repeat
            "visibility": str,  # "public" | "members"
            "notes": str,  # internal, never published
            "continues": str,  # id of the series this one continues after a change of schedule
            "_last_end": str,  # local: end of the last occurrence
        },
        defaults={"all_day": 0, "rrule": "", "visibility": "public"},
        indexes=(("start_at", "_last_end"), ("type_id",)),
    )
    create_synced_table(
        db,
        "activity_leaders",
        {"activity_id": str, "person_id": str},
        indexes=(("activity_id",), ("person_id",)),
    )
    create_synced_table(
        db,
        "activity_exceptions",
        {
            "activity_id": str,
            "original_start": str,
            "cancelled": int,
            "new_start": str,  # new start when moved, else empty
            "new_end": str,
            "title": str,  # for this occurrence only, else empty
            "place": str,
            "reason": str,  # shown on screen and in the public calendar
        },
        defaults={"cancelled": 0},
        indexes=(("activity_id", "original_start"), ("new_start",)),
    )
    create_synced_table(
        db,
        "attendance_counts",
        {"activity_id": str, "original_start": str, "head_count": int},
        indexes=(("activity_id", "original_start"), ("original_start",)),
    )
    create_synced_table(
        db,
        "attendance",
        {"activity_id": str, "original_start": str, "person_id": str},
        indexes=(("activity_id", "original_start"), ("person_id",)),
    )
