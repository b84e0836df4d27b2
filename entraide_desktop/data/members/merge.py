"""Merging two records of the same person.

Merging keeps one record (« kept »), fills its empty fields from the other (« duplicate »),
gives it the roles, memberships and consents of both, re-points every reference other areas
declared (``people.PERSON_REFERENCES``), then archives the duplicate (restorable; it remembers
the record it went into) or erases it. Everything happens in one transaction.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...i18n import _
from .. import rows
from ..errors import ValidationError
from ..people import CONSENT_PURPOSES, PERSON_REFERENCE_IDS, PERSON_REFERENCES, ROLES, consent_id, parse_roles
from ..store import Store
from .erase import erase_records, rows_where
from .fields import TEXT_FIELDS

_OWN_TABLES = {"consents", "memberships"}


@dataclass(frozen=True)
class MergeResult:
    kept_id: str
    duplicate_erased: bool
    references_moved: int
    """Rows of other areas (and memberships) that now point to the kept record."""


def merged_values(kept: dict[str, Any], duplicate: dict[str, Any]) -> dict[str, Any]:
    """The kept record's fields after the merge: its own values, the duplicate's where it had none."""
    values: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if not kept.get(name) and duplicate.get(name):
            values[name] = duplicate[name]
    if kept.get("notes") and duplicate.get("notes") and duplicate["notes"] not in kept["notes"]:
        values["notes"] = kept["notes"] + "\n\n" + duplicate["notes"]
    if kept.get("member_since") and duplicate.get("member_since"):
        values["member_since"] = min(kept["member_since"], duplicate["member_since"])
    roles = set(parse_roles(kept.get("roles"))) | set(parse_roles(duplicate.get("roles")))
    values["roles"] = json.dumps([r for r in ROLES if r in roles])
    if duplicate.get("status") == "actif" and not duplicate.get("archived"):
        values["status"] = "actif"
    return {k: v for k, v in values.items() if kept.get(k) != v}


def _latest_event(row: dict[str, Any]) -> str:
    return max(row.get("granted_on") or "", row.get("withdrawn_on") or "")


def _merge_consents(store: Store, kept_id: str, duplicate_id: str, erase: bool) -> None:
    """Deterministic ids: the duplicate's consent becomes the kept person's row (the latest decision wins)."""
    for purpose in CONSENT_PURPOSES:
        theirs = rows.get(store, "consents", consent_id(duplicate_id, purpose))
        if theirs is None:
            continue
        mine_id = consent_id(kept_id, purpose)
        mine = rows.get(store, "consents", mine_id)
        if not theirs.get("archived") and theirs.get("granted") and (
            mine is None or mine.get("archived") or not mine.get("granted") or _latest_event(theirs) > _latest_event(mine)
        ):
            values = {k: theirs[k] for k in ("granted", "granted_on", "withdrawn_on")}
            rows.upsert(store, "consents", mine_id, {"person_id": kept_id, "purpose": purpose, "archived": 0, **values})
        if erase:
            rows.erase(store, "consents", theirs["id"])
        elif not theirs.get("archived"):
            rows.archive(store, "consents", theirs["id"])


def _same_membership(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in ("period_start", "period_end", "paid_on", "amount"))


def _merge_memberships(store: Store, kept_id: str, duplicate_id: str) -> int:
    mine = [r for r in rows_where(store, "memberships", "person_id", kept_id) if not r["archived"]]
    moved = 0
    for row in rows_where(store, "memberships", "person_id", duplicate_id):
        if not row["archived"] and any(_same_membership(row, m) for m in mine):
            rows.archive(store, "memberships", row["id"])  # the same payment entered twice
        else:
            rows.update(store, "memberships", row["id"], {"person_id": kept_id})
            moved += 1
    return moved


def _is_deterministic(row_id: str) -> bool:
    try:
        return uuid.UUID(row_id).version == 5
    except ValueError:
        return False


def infer_natural_id(table: str, column: str, row: dict[str, Any]) -> Callable[[dict[str, Any]], str] | None:
    """How a deterministic id was made from the row's values (up to three of them, one being the
    person), for an area that did not declare it; None when no such combination gives the id."""
    names = [k for k in row if k not in ("id", "archived") and not k.startswith("_")]
    for size in (1, 2, 3):
        for parts in itertools.permutations(names, size):
            if column in parts and rows.deterministic_id(table, *(row[p] for p in parts)) == row["id"]:
                return lambda values, parts=parts: rows.deterministic_id(table, *(values[p] for p in parts))
    return None


def _repoint(store: Store, table: str, column: str, kept_id: str, duplicate_id: str) -> int:
    """Point ``table.column`` at the kept record; rows with a deterministic id move to their new id."""
    natural_id = PERSON_REFERENCE_IDS.get((table, column))
    moved = 0
    for row in rows_where(store, table, column, duplicate_id):
        values = {k: v for k, v in row.items() if k != "id" and not k.startswith("_")}
        values[column] = kept_id
        if natural_id is None and _is_deterministic(row["id"]):
            natural_id = infer_natural_id(table, column, row)
        new_id = natural_id(values) if natural_id and _is_deterministic(row["id"]) else row["id"]
        if new_id == row["id"]:
            rows.update(store, table, row["id"], {column: kept_id})
        else:
            existing = rows.get(store, table, new_id)
            if existing is None and not rows.is_erased(store, table, new_id):
                rows.insert(store, table, values, row_id=new_id)
            elif existing is not None and existing.get("archived") and not row.get("archived"):
                rows.update(store, table, new_id, {**values, "archived": 0})
            rows.erase(store, table, row["id"])  # its content now lives under the kept person's id
        moved += 1
    return moved


def merge_people(store: Store, kept_id: str, duplicate_id: str, *, erase_duplicate: bool = False) -> MergeResult:
    """Merge ``duplicate_id`` into ``kept_id`` (see the module's description)."""
    if kept_id == duplicate_id:
        raise ValidationError(_("Choisissez deux fiches différentes à fusionner."))
    with store.write():
        kept = rows.require(store, "people", kept_id)
        duplicate = rows.require(store, "people", duplicate_id)
        changes = merged_values(kept, duplicate)
        if kept.get("archived"):
            changes["archived"] = 0
        if changes:
            rows.update(store, "people", kept_id, changes)
        _merge_consents(store, kept_id, duplicate_id, erase_duplicate)
        moved = _merge_memberships(store, kept_id, duplicate_id)
        for table, column in PERSON_REFERENCES:
            if table not in _OWN_TABLES:
                moved += _repoint(store, table, column, kept_id, duplicate_id)
        # Duplicates merged earlier into this duplicate now lead to the kept record.
        for row in rows_where(store, "people", "merged_into", duplicate_id):
            rows.update(store, "people", row["id"], {"merged_into": kept_id})
        if erase_duplicate:
            erase_records(store, duplicate_id)
        else:
            rows.update(store, "people", duplicate_id, {"merged_into": kept_id, "archived": 1})
    return MergeResult(kept_id, erase_duplicate, moved)


def follow_merges(store: Store) -> int:
    """Re-point references that still lead to a merged duplicate (they can arrive later by sync).

    Returns how many rows were moved; safe to run any time (after a sync, say).
    """
    moved = 0
    with store.write():
        for duplicate_id, kept_id in store.db.execute(
            "SELECT id, merged_into FROM people WHERE merged_into IS NOT NULL AND merged_into != ''"
        ).fetchall():
            if rows.get(store, "people", kept_id) is None:
                continue
            for table, column in PERSON_REFERENCES:
                if table == "consents":
                    continue
                moved += _repoint(store, table, column, kept_id, duplicate_id)
    return moved
