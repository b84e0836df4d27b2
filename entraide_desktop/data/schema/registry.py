"""What rows.py needs to know about each synced table.

A synced table has ``id TEXT PRIMARY KEY`` (a random or deterministic UUID), an
``archived`` flag, and its own columns. Every column except ``id`` and those whose name
starts with ``_`` is a synced field with per-field versions; ``_`` columns are local,
derived values (a search key, say) recomputed by ``derive`` on every write and merge.
Foreign keys are not declared in SQL: a merge can bring rows in any order, so the data
modules check references themselves and show a clear message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

_NAMESPACE = uuid.UUID("6f7c2b0e-7a51-4c61-9a8e-2f1d5e0c9b11")


def deterministic_id(table: str, *parts: object) -> str:
    """The same id on every machine for rows that are naturally unique (attendance, votes…)."""
    return str(uuid.uuid5(_NAMESPACE, "|".join([table, *(str(p) for p in parts)])))


@dataclass(frozen=True)
class SyncedTable:
    name: str
    area: str
    """Area shown in sync summaries and history, marked with ``N_`` (e.g. ``N_("Membres")``)."""
    label_fields: tuple[str, ...] = ()
    """Fields that name a record for a person (conflict lists, summaries)."""
    review_fields: frozenset[str] = frozenset()
    """Fields whose concurrent edits must be reviewed side by side (phone, notes, minutes text)."""
    long_text_fields: frozenset[str] = frozenset()
    """Review fields shown with a line-by-line difference."""
    derive: Callable[[Mapping[str, Any]], dict[str, Any]] | None = field(default=None, compare=False)
    """Computes the local ``_`` columns from a full row."""


SYNCED_TABLES: dict[str, SyncedTable] = {}

PERSON_REFERENCES: list[tuple[str, str]] = []
"""(table, column) pairs that hold a person id, declared by each area's schema module with
:func:`register_person_reference`; merging two records of the same person re-points them."""

PERSON_REFERENCE_IDS: dict[tuple[str, str], Callable[[dict[str, Any]], str]] = {}
"""For references in rows with a deterministic id: how to compute the row's id from its values."""


def register_person_reference(
    table: str, column: str, *, natural_id: Callable[[dict[str, Any]], str] | None = None
) -> None:
    """Declare that ``table.column`` refers to a person (call at import time of a schema module).

    When the rows of ``table`` are naturally unique and get a deterministic id that includes the
    person (attendance of a person at an occurrence, say), pass ``natural_id(row) -> id``: merging
    two records then moves such a row to the id it would have for the kept person (a new row with
    that id, the old one erased), and when that row already exists (both records attended), keeps
    the kept person's row and erases the other: the same fact recorded twice. Without
    ``natural_id``, the merge works out which values (up to three) made the id.
    """
    if (table, column) not in PERSON_REFERENCES:
        PERSON_REFERENCES.append((table, column))
    if natural_id is not None:
        PERSON_REFERENCE_IDS[(table, column)] = natural_id


def synced_table(spec: SyncedTable) -> SyncedTable:
    """Register a synced table (call at import time of its schema module)."""
    SYNCED_TABLES[spec.name] = spec
    return spec


def spec_for(table: str) -> SyncedTable:
    try:
        return SYNCED_TABLES[table]
    except KeyError:
        raise ValueError(f"{table!r} is not a synced table") from None


def create_synced_table(
    db: sqlite_utils.Database,
    name: str,
    columns: Mapping[str, Any],
    *,
    defaults: Mapping[str, Any] | None = None,
    indexes: tuple[tuple[str, ...], ...] = (),
) -> None:
    """Create a synced table: ``id`` key, ``archived`` flag, then ``columns`` (all nullable)."""
    all_columns: dict[str, Any] = {"id": str, **columns, "archived": int}
    db[name].create(  # type: ignore[union-attr]
        all_columns,
        pk="id",
        not_null={"archived"},
        defaults={"archived": 0, **(defaults or {})},
    )
    for index in indexes:
        db[name].create_index(list(index))  # type: ignore[union-attr]
