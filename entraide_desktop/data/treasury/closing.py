"""Closed years: once the AGA adopts the financial statements, the exercice's journal is locked.

A year is closed when its closure row exists, archived or not, **or was erased**: an exchange
file can add a closure but never remove one, so no machine can reopen an adopted year. A
correction to a closed year is a new, dated entry in an open year that says what it corrects.
"""

from __future__ import annotations

import datetime as dt

from ...i18n import _
from .. import group, rows
from ..errors import ValidationError
from ..store import Store

CLOSURES = "treasury_closures"


def closure_id(exercice: int) -> str:
    return rows.deterministic_id(CLOSURES, exercice)


def exercice_of(store: Store, on: dt.date) -> int:
    """The label year of the exercice that contains ``on`` (2025 for « 2025-2026 »)."""
    return group.fiscal_year_of(store, on)[0].year


def is_closed(store: Store, exercice: int) -> bool:
    row_id = closure_id(exercice)
    return rows.get(store, CLOSURES, row_id) is not None or rows.is_erased(store, CLOSURES, row_id)


def closed_exercices(store: Store) -> set[int]:
    found = {int(r[0]) for r in store.db.execute(f"SELECT exercice FROM {CLOSURES}") if r[0] is not None}
    erased = {r[0] for r in store.db.execute("SELECT row_id FROM _tombstones WHERE tbl = ?", [CLOSURES])}
    if erased:  # a tombstone keeps no values: find which exercice the id was made from
        for year in range(1900, dt.date.today().year + 2):
            if closure_id(year) in erased:
                found.add(year)
    return found


def require_open(store: Store, on: dt.date, field: str = "on") -> None:
    """Refuse a write dated in a closed exercice, with what to do instead."""
    exercice = exercice_of(store, on)
    if is_closed(store, exercice):
        raise ValidationError(
            _("L'exercice {year} est fermé : ses états financiers ont été adoptés. Pour corriger, inscrivez "
              "une écriture de correction datée d'aujourd'hui.").format(year=group.fiscal_year_label(store, exercice)),
            field,
        )


def close_year(store: Store, exercice: int, *, closed_on: dt.date, meeting_id: str | None = None,
               note: str = "") -> str:
    """Close ``exercice`` (the AGA adopted its statements); closing twice changes nothing."""
    row_id = closure_id(exercice)
    with store.write():
        if is_closed(store, exercice):
            return row_id
        if closed_on < group.fiscal_year(store, exercice)[1]:
            raise ValidationError(_("Un exercice ne peut être fermé qu'après sa dernière journée."), "closed_on")
        rows.insert(store, CLOSURES, {"exercice": exercice, "closed_on": closed_on.isoformat(),
                                      "meeting_id": meeting_id, "note": note or None}, row_id=row_id)
    return row_id
