"""Erasing a person for good (Quebec's Law 25).

The person's record, memberships, consents, cells to check, unavailabilities and rotation
preferences are removed with their versions and history (and the record of an import that kept
their former values, see ``import_log``); tombstones carry the erasure to every other machine at
the next sync, and rows recorded elsewhere meanwhile are erased on arrival (``erased_rows``).
Other areas keep only the person's id: minutes and attendance then show « Personne retirée du
registre » (see ``people.names``) and still count them in totals; notes on their assignments
are blanked.
"""

from __future__ import annotations

from typing import Any

from ...i18n import _
from .. import rows
from ..errors import ValidationError
from ..people import display_name
from ..store import Store
from ..text import fold
from ..import_log import forget_person
from .erased_rows import reach


def rows_where(store: Store, table: str, column: str, value: str) -> list[dict[str, Any]]:
    """Rows of a synced table whose ``column`` equals ``value`` (as dicts)."""
    cursor = store.db.execute(f'SELECT * FROM "{table}" WHERE "{column}" = ?', [value])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def erase_records(store: Store, person_id: str) -> None:
    """Erase the person's record and every row of theirs (no confirmation: see :func:`erase_person`).

    The rows are found by the same rule every machine applies after an import (``erased_rows``).
    """

    with store.write():
        forget_person(store, person_id)
        rows.erase(store, "people", person_id)
        reach(store)


def names_match(typed: str, name: str) -> bool:
    """The confirmation typed for an erasure: the same name, ignoring case, accents and spaces."""

    def norm(text: str) -> str:
        return " ".join(fold(text).split())

    return bool(norm(typed)) and norm(typed) == norm(name)


def erase_person(store: Store, person_id: str, typed_name: str) -> str:
    """Erase a person for good once their name was typed to confirm; returns the erased name.

    Records merged into this one earlier (the same person) are erased too.
    """
    with store.write():
        person = rows.require(store, "people", person_id)
        name = display_name(person)
        if not names_match(typed_name, name):
            raise ValidationError(
                _("Pour confirmer, tapez exactement le nom « {name} ».").format(name=name), "confirmation"
            )
        for duplicate in rows_where(store, "people", "merged_into", person_id):
            erase_records(store, duplicate["id"])
        erase_records(store, person_id)
    return name
