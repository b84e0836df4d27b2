"""Tables of the meetings area: types, meetings, attendance, agenda, proposals, follow-ups, errata.

A meeting's minutes are its agenda items (with discussion notes), the proposals made under
them and the follow-ups decided. Once adopted by a proposal of a later meeting, every row of
the meeting is locked (checked in ``data/meetings``); a correction is an erratum row.
The group's quorum rule for assemblies lives in two columns added to ``group_profile``.
"""

from __future__ import annotations

import sqlite_utils

from ...i18n import N_
from .migration_set import MIGRATIONS
from .registry import SyncedTable, create_synced_table, synced_table
from .registry import register_person_reference

AREA = N_("Réunions")

synced_table(SyncedTable("meeting_types", area=AREA, label_fields=("name",)))
synced_table(
    SyncedTable(
        "meetings",
        area=AREA,
        label_fields=("date", "place"),
        review_fields=frozenset({"date", "place", "notice_text"}),
        long_text_fields=frozenset({"notice_text"}),
    )
)
synced_table(SyncedTable("meeting_attendance", area=AREA))
synced_table(SyncedTable("meeting_guests", area=AREA, label_fields=("name",)))
synced_table(
    SyncedTable(
        "agenda_items",
        area=AREA,
        label_fields=("title",),
        review_fields=frozenset({"title", "notes"}),
        long_text_fields=frozenset({"notes"}),
    )
)
synced_table(
    SyncedTable(
        "proposals",
        area=AREA,
        label_fields=("text",),
        review_fields=frozenset({"text", "outcome", "votes_for", "votes_against", "abstentions"}),
        long_text_fields=frozenset({"text"}),
    )
)
synced_table(SyncedTable("meeting_followups", area=AREA, label_fields=("text",), review_fields=frozenset({"text"})))
synced_table(
    SyncedTable(
        "minutes_errata",
        area=AREA,
        label_fields=("text",),
        review_fields=frozenset({"text"}),
        long_text_fields=frozenset({"text"}),
    )
)


def _declare_references() -> None:

    register_person_reference("meetings", "chair_id")
    register_person_reference("meetings", "secretary_id")
    register_person_reference("meeting_attendance", "person_id")
    register_person_reference("proposals", "moved_by")
    register_person_reference("proposals", "seconded_by")
    register_person_reference("meeting_followups", "person_id")


_declare_references()


@MIGRATIONS(name="0400_meetings")
def meetings_tables(db: sqlite_utils.Database) -> None:
    # The group's quorum rule for general assemblies: "number" (value = people) or "share"
    # (value = fraction of the members in good standing on the meeting's date).
    db["group_profile"].add_column("quorum_kind", str)  # type: ignore[union-attr]
    db["group_profile"].add_column("quorum_value", str)  # type: ignore[union-attr]
    # Built-in types have a deterministic id from their code; the group may add its own.
    create_synced_table(
        db,
        "meeting_types",
        {
            "code": str,
            "name": str,
            "abbrev": str,
            "voters": str,  # "members" (in good standing) | "board" | "present"
            "quorum_kind": str,  # "group" | "number" | "none"
            "quorum_value": str,
            "agenda": str,  # JSON list of the usual agenda items' titles
            "sort_order": int,
        },
    )
    create_synced_table(
        db,
        "meetings",
        {
            "type_id": str,
            "date": str,  # ISO date
            "start_time": str,  # "19:00"
            "end_time": str,
            "place": str,
            "chair_id": str,
            "chair_name": str,  # when the chair is not in the register (a guest)
            "secretary_id": str,
            "secretary_name": str,
            "notice_date": str,  # avis de convocation sent on
            "notice_text": str,
            "adopted_by": str,  # proposal (of a later meeting) that adopted these minutes
            "adopted_on": str,
            "quorum_required": int,  # frozen at adoption
            "quorum_basis": str,  # frozen at adoption
        },
        indexes=(("date",), ("type_id",)),
    )
    # One row per (meeting, person), deterministic id; ``voter`` is the right to vote when marked.
    create_synced_table(
        db,
        "meeting_attendance",
        {"meeting_id": str, "person_id": str, "status": str, "voter": int},
        indexes=(("meeting_id",), ("person_id",)),
    )
    create_synced_table(db, "meeting_guests", {"meeting_id": str, "name": str, "role": str}, indexes=(("meeting_id",),))
    create_synced_table(
        db,
        "agenda_items",
        {"meeting_id": str, "position": float, "title": str, "notes": str},
        indexes=(("meeting_id",),),
    )
    create_synced_table(
        db,
        "proposals",
        {
            "meeting_id": str,
            "item_id": str,
            "parent_id": str,  # the proposal an amendment amends (or the amendment a sub-amendment amends)
            "position": float,
            "text": str,
            "moved_by": str,
            "seconded_by": str,
            "outcome": str,
            "votes_for": int,
            "votes_against": int,
            "abstentions": int,
            "adopts_meeting_id": str,  # a proposal that adopts an earlier meeting's minutes
        },
        indexes=(("meeting_id",), ("item_id",), ("adopts_meeting_id",)),
    )
    create_synced_table(
        db,
        "meeting_followups",
        {
            "meeting_id": str,
            "item_id": str,
            "proposal_id": str,
            "text": str,
            "person_id": str,
            "due": str,
            "done_on": str,
        },
        indexes=(("meeting_id",), ("done_on",)),
    )
    create_synced_table(
        db,
        "minutes_errata",
        {"meeting_id": str, "item_id": str, "text": str, "noted_on": str, "proposal_id": str},
        indexes=(("meeting_id",),),
    )
