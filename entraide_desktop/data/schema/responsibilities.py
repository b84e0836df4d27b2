"""Tables of the responsibilities area: the catalogue, who holds what, absences, preferences.

- ``responsibilities``: the catalogue (recurring tasks, standing roles, elected mandates);
- ``assignments``: a person holds a responsibility for a period, or for one activity
  occurrence (``occurrence_key`` from the calendar, with a deterministic id); mandates keep
  their seat, how the person got it (``origin``, ``origin_on``) and their end date;
- ``unavailabilities``: a person is away or needs a pause for a period;
- ``rotation_preferences``: « ne pas me proposer » for every task or for one (deterministic id
  from person and responsibility, so that two machines setting it make one row).

Dates are ISO text. Lists (``eligible_roles``, ``holder_roles``) are JSON lists of role codes.
"""

from __future__ import annotations

import sqlite_utils

from ...i18n import N_
from .migration_set import MIGRATIONS
from .registry import SyncedTable, create_synced_table, synced_table
from .registry import register_person_reference

AREA = N_("Responsabilités")

synced_table(
    SyncedTable(
        "responsibilities",
        area=AREA,
        label_fields=("title",),
        review_fields=frozenset({"title", "description", "handover"}),
        long_text_fields=frozenset({"description", "handover"}),
    )
)
synced_table(SyncedTable("assignments", area=AREA, label_fields=("start_on", "end_on"), review_fields=frozenset({"note"})))
synced_table(SyncedTable("unavailabilities", area=AREA, label_fields=("start_on", "end_on")))
synced_table(SyncedTable("rotation_preferences", area=AREA))


def _declare_references() -> None:

    register_person_reference("assignments", "person_id")
    register_person_reference("unavailabilities", "person_id")
    register_person_reference("rotation_preferences", "person_id")


_declare_references()


@MIGRATIONS(name="0300_responsibilities")
def responsibilities_tables(db: sqlite_utils.Database) -> None:
    create_synced_table(
        db,
        "responsibilities",
        {
            "kind": str,  # "task" | "role" | "mandate"
            "title": str,
            "description": str,
            "handover": str,  # what a newcomer needs to know
            "frequency": str,  # tasks: "weekly" | "monthly" | "as_needed"
            "seats": int,  # mandates: number of seats; tasks and roles: people it takes
            "term_months": int,  # mandates: length of a term
            "eligible_roles": str,  # JSON list of role codes allowed to hold it ([] = anyone)
            "code": str,  # the starting catalogue's code ("" for the group's own)
        },
        defaults={"seats": 1, "eligible_roles": "[]"},
        indexes=(("kind",),),
    )
    create_synced_table(
        db,
        "assignments",
        {
            "responsibility_id": str,
            "person_id": str,
            "start_on": str,
            "end_on": str,  # inclusive; NULL: no end date yet (standing roles)
            "occurrence_key": str,  # one activity occurrence (calendar's OccurrenceView.key)
            "seat": int,  # mandates: seat number 1..seats
            "origin": str,  # "elected" | "coopted" | "appointed" | "volunteered" | ""
            "origin_on": str,  # date of the AGA or board meeting
            "note": str,
            "holder_roles": str,  # JSON role codes of the person when assigned (kept if the person is erased)
        },
        indexes=(("responsibility_id", "start_on"), ("person_id", "start_on"), ("start_on", "end_on")),
    )
    create_synced_table(
        db,
        "unavailabilities",
        {"person_id": str, "start_on": str, "end_on": str, "note": str},
        indexes=(("person_id",), ("start_on", "end_on")),
    )
    create_synced_table(
        db,
        "rotation_preferences",
        {"person_id": str, "responsibility_id": str, "do_not_propose": int, "note": str},
        defaults={"do_not_propose": 0},
        indexes=(("person_id",),),
    )
