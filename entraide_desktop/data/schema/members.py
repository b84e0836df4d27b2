"""Tables of the member register: people, yearly memberships, consents per use.

No column may hold a diagnosis, a medication or any clinical information (VALUES.md).
Every personal field is nullable: a first name or a chosen name is enough.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlite_utils

from ...i18n import N_
from ..text import fold
from .migration_set import MIGRATIONS
from .registry import SyncedTable, create_synced_table, deterministic_id, register_person_reference, synced_table


def _people_search(row: Mapping[str, Any]) -> dict[str, Any]:
    parts = [row.get(k) or "" for k in ("display_name", "first_name", "last_name", "email", "phone", "mobile")]
    return {"_search": fold(" ".join(p for p in parts if p))}


synced_table(
    SyncedTable(
        "people",
        area=N_("Membres"),
        label_fields=("display_name", "first_name", "last_name"),
        review_fields=frozenset(
            {"first_name", "last_name", "display_name", "phone", "mobile", "email", "address", "emergency_contact", "notes"}
        ),
        long_text_fields=frozenset({"notes"}),
        derive=_people_search,
    )
)
synced_table(SyncedTable("memberships", area=N_("Membres")))
synced_table(SyncedTable("consents", area=N_("Membres")))


def consent_id(person_id: str, purpose: str) -> str:
    """A consent's row id: the same on every machine for one person and one use."""
    return deterministic_id("consents", person_id, purpose)


def _consent_row_id(row: Mapping[str, Any]) -> str:
    return consent_id(row["person_id"], row["purpose"])


register_person_reference("memberships", "person_id")
register_person_reference("consents", "person_id", natural_id=_consent_row_id)


@MIGRATIONS(name="0100_members")
def members_tables(db: sqlite_utils.Database) -> None:
    create_synced_table(
        db,
        "people",
        {
            "first_name": str,
            "last_name": str,
            "display_name": str,
            "roles": str,  # JSON list of role codes, see data/people.py ROLES
            "status": str,  # "actif" | "inactif" (archived is the separate flag)
            "phone": str,
            "mobile": str,
            "email": str,
            "address": str,
            "contact_method": str,
            "contact_hours": str,
            "emergency_contact": str,
            "member_since": str,  # ISO date
            "notes": str,
            "_search": str,  # local: folded names and contacts for accent-blind search
        },
        defaults={"roles": "[]", "status": "actif"},
        indexes=(("_search",),),
    )
    create_synced_table(
        db,
        "memberships",
        {"person_id": str, "period_start": str, "period_end": str, "paid_on": str, "amount": str, "note": str},
        indexes=(("person_id",), ("period_start", "period_end")),
    )
    # One row per (person, purpose), deterministic id: granting twice on two machines is one row.
    create_synced_table(
        db,
        "consents",
        {"person_id": str, "purpose": str, "granted": int, "granted_on": str, "withdrawn_on": str},
        indexes=(("person_id",),),
    )


@MIGRATIONS(name="0101_members_merged_into")
def people_merged_into(db: sqlite_utils.Database) -> None:
    # Set on a duplicate record archived by a merge: the id of the record it was merged into, so
    # that references arriving later from another machine can still be re-pointed.
    db["people"].add_column("merged_into", str)  # type: ignore[union-attr]


@MIGRATIONS(name="0102_members_period_end_index")
def memberships_period_end_index(db: sqlite_utils.Database) -> None:
    # « Membre en règle » today looks for memberships not yet ended: few among ten years of them.
    db["memberships"].create_index(["period_end"])  # type: ignore[union-attr]
