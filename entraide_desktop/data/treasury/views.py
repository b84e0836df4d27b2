"""What the treasury screen shows, gathered in a few queries: journal rows with their names, and the
entries whose versions disagree between machines (an amount, or an edit against a deletion).

Rows are light (read straight from one query, dates kept as ISO text until shown): the whole
journal of a ten-year group, about 15,000 entries, fills the table in well under 100 ms.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ...i18n import _
from .. import rows
from ..people import names
from ..schema.registry import spec_for
from ..store import Store
from .chart import list_accounts, list_categories
from .journal import TABLE, TRANSFER


class JournalRow(NamedTuple):
    """One line of the journal as shown (a tuple: made by the thousand without a Python ``__init__``)."""

    id: str
    on: str  # ISO date
    kind: str
    amount_cents: int
    description: str
    category: str
    account: str
    who: str
    reference: str
    note: str
    archived: bool
    reconciled: bool
    disputed: bool

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.on)

    @property
    def search_text(self) -> str:
        return " ".join((self.description, self.category, self.account, self.who, self.reference,
                         self.note)).casefold()


_QUERY = (f'SELECT id, "on", kind, amount_cents, description, account_id, to_account_id, category_id, person_id, '
          f'counterpart, reference, note, archived FROM {TABLE} WHERE "on" BETWEEN ? AND ?')


def journal_rows(store: Store, start: dt.date, end: dt.date, *, include_deleted: bool = False) -> list[JournalRow]:
    """The entries between ``start`` and ``end`` ready to show, by date (deleted ones too when asked)."""
    sql = _QUERY + ("" if include_deleted else " AND archived = 0") + ' ORDER BY "on", rowid'
    found = store.db.execute(sql, [start.isoformat(), end.isoformat()]).fetchall()
    accounts = {a.id: a.name for a in list_accounts(store, include_archived=True)}
    categories = {c.id: c.name for c in list_categories(store, include_archived=True)}
    people = names(store, {r[8] for r in found if r[8]})
    matched = {r[0] for r in store.db.execute(
        "SELECT entry_id FROM treasury_bank_lines WHERE archived = 0 AND entry_id IS NOT NULL AND entry_id != ''")}
    disputed = disputed_entries(store)
    transfer = _("{source} → {target}")
    result = []
    for (row_id, on, kind, cents, description, account_id, to_account_id, category_id, person_id, counterpart,
         reference, note, archived) in found:
        if kind == TRANSFER:
            account = transfer.format(source=accounts.get(account_id, "?"), target=accounts.get(to_account_id, "?"))
        else:
            account = accounts.get(account_id, "?")
        result.append(JournalRow(row_id, on, kind, int(cents or 0), description or "", categories.get(category_id, ""),
                                 account, people[person_id] if person_id else (counterpart or ""), reference or "",
                                 note or "", bool(archived), row_id in matched, row_id in disputed))
    return result


def disputed_entries(store: Store) -> set[str]:
    """Entries with a field in conflict: two amounts, two dates, or an edit against a deletion."""
    review = spec_for(TABLE).review_fields
    return {c.row_id for c in rows.conflicts(store, TABLE) if c.field in review}
