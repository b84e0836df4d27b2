"""The budget: one amount per category for an exercice, written by the treasurer, adopted by the board.

One row per category and exercice (deterministic id), so that two machines entering the same
budget line make one row; two different amounts for it are a conflict shown side by side.
"""

from __future__ import annotations

from ...i18n import _
from .. import rows
from ..errors import ValidationError
from ..store import Store
from .chart import get_category
from .closing import is_closed
from .money import parse_cents

TABLE = "treasury_budgets"


def budget_id(category_id: str, exercice: int) -> str:
    return rows.deterministic_id(TABLE, category_id, exercice)


def budget_for(store: Store, exercice: int) -> dict[str, int]:
    """Category id → budgeted cents for ``exercice`` (categories without a budget are absent)."""
    return {r[0]: int(r[1]) for r in store.db.execute(
        f"SELECT category_id, amount_cents FROM {TABLE} WHERE exercice = ? AND archived = 0 "
        "AND amount_cents IS NOT NULL", [exercice])}


def set_budget(store: Store, category_id: str, exercice: int, amount: str | int | None) -> None:
    """Set (or clear, with an empty amount) the budget of a category for an exercice."""
    cents = amount if isinstance(amount, int) else parse_cents(amount, "amount", allow_zero=True)
    get_category(store, category_id)
    with store.write():
        if is_closed(store, exercice):
            raise ValidationError(_("Cet exercice est fermé : son budget ne change plus."), "amount")
        row_id = budget_id(category_id, exercice)
        if rows.get(store, TABLE, row_id) is None:
            if cents is None or rows.is_erased(store, TABLE, row_id):
                return
            rows.insert(store, TABLE, {"category_id": category_id, "exercice": exercice, "amount_cents": cents},
                        row_id=row_id)
        else:
            rows.update(store, TABLE, row_id, {"amount_cents": cents, "archived": 0 if cents is not None else 1})
