"""Rows that still belong to a person erased for good (Law 25), whoever recorded them and when.

Machine A erases a person while machine B, before it has A's file, records a membership
payment and a consent for them. Whatever the order of the exchanges, those rows must not
survive. :func:`reach` is the one rule, applied by the local erasure and after every import
on every machine (so every machine reaches the same state, in every order):

- the person's own rows are erased with them (tombstones, which win everywhere):
  :data:`ERASED_WITH_PERSON`, and duplicate records merged into them;
- rows of shared records keep only the person's id, shown as « Personne retirée du
  registre » and still counted (attendance, meetings, responsibilities held); their free text
  about the person is blanked: :data:`BLANKED`.

Every write goes through ``rows.py``.
"""

from __future__ import annotations

import json

from .. import rows
from ..store import Store

ERASED_WITH_PERSON = (
    ("memberships", "person_id"),
    ("consents", "person_id"),
    ("import_checks", "person_id"),  # a cell to check holds what the file said of the person
    ("unavailabilities", "person_id"),
    ("rotation_preferences", "person_id"),
)
BLANKED = (("assignments", "person_id", ("note",)),)
_ERASED = "SELECT row_id FROM _tombstones WHERE tbl = 'people'"


def reach(store: Store) -> dict[str, list[str]]:
    """Erase or blank every row still belonging to an erased person; returns their ids, per table
    (tables of :data:`BLANKED` list the rows blanked, the others the rows erased)."""
    done: dict[str, list[str]] = {}
    with store.write():
        while True:
            for table, column in ERASED_WITH_PERSON:
                for (row_id,) in store.db.execute(f'SELECT id FROM "{table}" WHERE "{column}" IN ({_ERASED})').fetchall():
                    rows.erase(store, table, row_id)
                    done.setdefault(table, []).append(row_id)
            duplicates = store.db.execute(f"SELECT id FROM people WHERE merged_into IN ({_ERASED})").fetchall()
            for (row_id,) in duplicates:  # the same person, merged earlier: erased too, then their rows
                rows.erase(store, "people", row_id)
                done.setdefault("people", []).append(row_id)
            if not duplicates:
                break
        erased = {r[0] for r in store.db.execute(_ERASED).fetchall()}
        for import_id, replaced in store.db.execute("SELECT id, replaced FROM imports").fetchall():
            try:
                former = json.loads(replaced or "{}").get("people", {})
            except (ValueError, AttributeError):
                continue
            if isinstance(former, dict) and erased.intersection(former):  # it kept the person's former values
                rows.erase(store, "imports", import_id)
                done.setdefault("imports", []).append(import_id)
        for table, column, fields in BLANKED:
            written = " OR ".join(f"coalesce(\"{f}\", '') != ''" for f in fields)
            conflicted = "SELECT row_id FROM _versions WHERE tbl = ? AND conflicted = 1"
            for (row_id,) in store.db.execute(
                f'SELECT id FROM "{table}" WHERE "{column}" IN ({_ERASED}) AND ({written} OR id IN ({conflicted}))',
                [table],
            ).fetchall():
                if rows.update(store, table, row_id, {f: "" for f in fields}):
                    done.setdefault(table, []).append(row_id)
    return done
