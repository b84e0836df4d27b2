"""What the treasury screen shows, gathered in a few queries: journal rows with their names, and the
entries whose versions disagree between machines (an amount, or an edit against a deletion)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import _
from .. import rows
from ..people import names
from ..schema.registry import spec_for
from ..store import Store
from .chart import list_accounts, list_categories
from .journal import TABLE, Entry, list_entries


@dataclass(frozen=True)
class JournalRow:
    entry: Entry
    account: str
    category: str
    who: str
    reconciled: bool
    disputed: bool

    @property
    def search_text(self) -> str:
        e = self.entry
        return " ".join((e.description, self.category, self.account, self.who, e.reference, e.note)).casefold()


def journal_rows(store: Store, start: dt.date, end: dt.date, *, include_deleted: bool = False) -> list[JournalRow]:
    """The entries between ``start`` and ``end`` ready to show (deleted ones too when asked)."""
    entries = list_entries(store, start=start, end=end, include_deleted=include_deleted)
    accounts = {a.id: a.name for a in list_accounts(store, include_archived=True)}
    categories = {c.id: c.name for c in list_categories(store, include_archived=True)}
    people = names(store, {e.person_id for e in entries if e.person_id})
    matched = {r[0] for r in store.db.execute(
        "SELECT entry_id FROM treasury_bank_lines WHERE archived = 0 AND entry_id IS NOT NULL AND entry_id != ''")}
    disputed = disputed_entries(store)
    found = []
    for e in entries:
        if e.kind == "transfer":
            account = _("{source} → {target}").format(source=accounts.get(e.account_id, "?"),
                                                      target=accounts.get(e.to_account_id, "?"))
        else:
            account = accounts.get(e.account_id, "?")
        found.append(JournalRow(e, account, categories.get(e.category_id, ""),
                                people.get(e.person_id, "") if e.person_id else e.counterpart,
                                e.id in matched, e.id in disputed))
    return found


def disputed_entries(store: Store) -> set[str]:
    """Entries with a field in conflict: two amounts, two dates, or an edit against a deletion."""
    review = spec_for(TABLE).review_fields
    return {c.row_id for c in rows.conflicts(store, TABLE) if c.field in review}
