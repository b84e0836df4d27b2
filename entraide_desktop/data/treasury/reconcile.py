"""Bank reconciliation: the statement's lines, matched to the journal's entries.

Importing a statement records its lines (deterministic ids from each line's fingerprint, so a
second import of the same file, or of an overlapping one, adds nothing), then matches each line
to one entry of the same account: the same amount, the date within a few days, the closest date
first. What is left is shown: lines the journal does not have (bank fees, automatic deposits),
for which an entry can be created in one step, and entries the bank has not seen yet.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ...i18n import _, ngettext
from .. import rows
from ..errors import ValidationError
from ..store import Store
from ..text import fold
from . import journal
from .chart import EXPENSE, INCOME, get_account
from .statement_file import Statement

TABLE = "treasury_bank_lines"
MATCH_DAYS = 5
CHEQUE_DAYS = 90
"""A cheque is cashed when its payee deposits it: matched by its number within three months."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_there: int
    matched: int
    problems: list[tuple[int, str]]

    def describe(self) -> str:
        """« 4 lignes ajoutées, 0 déjà importée, 2 rapprochées d'une écriture. »"""
        parts = [ngettext("{n} ligne ajoutée", "{n} lignes ajoutées", self.added).format(n=self.added),
                 ngettext("{n} déjà importée", "{n} déjà importées", self.already_there).format(n=self.already_there),
                 ngettext("{n} rapprochée d'une écriture", "{n} rapprochées d'écritures", self.matched).format(
                     n=self.matched)]
        if self.problems:
            parts.append(ngettext("{n} ligne illisible laissée de côté", "{n} lignes illisibles laissées de côté",
                                  len(self.problems)).format(n=len(self.problems)))
        return ", ".join(parts) + "."


@dataclass(frozen=True)
class StoredLine:
    id: str
    on: dt.date
    description: str
    amount_cents: int
    entry_id: str
    balance_cents: int | None = None
    reference: str = ""


def line_id(account_id: str, on: dt.date, amount_cents: int, description: str, rank: int) -> str:
    return rows.deterministic_id(TABLE, account_id, on.isoformat(), amount_cents, fold(description), rank)


def import_statement(store: Store, account_id: str, statement: Statement) -> ImportResult:
    """Record the statement's new lines for ``account_id``, then match what can be matched."""
    get_account(store, account_id)
    ranks: Counter[tuple[Any, ...]] = Counter()
    new: list[tuple[str, dict[str, Any]]] = []
    seen = 0
    with store.write():
        for line in statement.lines:
            key = (line.on, line.amount_cents, fold(line.description))
            ranks[key] += 1
            row_id = line_id(account_id, line.on, line.amount_cents, line.description, ranks[key])
            if rows.get(store, TABLE, row_id) is not None or rows.is_erased(store, TABLE, row_id):
                seen += 1
                continue
            new.append((row_id, {"account_id": account_id, "on": line.on.isoformat(), "description": line.description,
                                 "amount_cents": line.amount_cents, "balance_cents": line.balance_cents,
                                 "reference": line.reference or None, "file_name": statement.name[:200]}))
        rows.insert_new_many(store, TABLE, new)
        matched = match(store, account_id)
    return ImportResult(len(new), seen, matched, statement.problems)


def lines(store: Store, account_id: str, *, unmatched_only: bool = False) -> list[StoredLine]:
    where = "account_id = ? AND archived = 0" + (" AND (entry_id IS NULL OR entry_id = '')" if unmatched_only else "")
    return [StoredLine(r[0], dt.date.fromisoformat(r[1]), r[2] or "", int(r[3]), r[4] or "", r[5], r[6] or "")
            for r in store.db.execute(f'SELECT id, "on", description, amount_cents, entry_id, balance_cents, reference '
                                      f'FROM {TABLE} '
                                      f'WHERE {where} ORDER BY "on", rowid', [account_id])]


def _matched_entries(store: Store, account_id: str) -> set[str]:
    return {r[0] for r in store.db.execute(f"SELECT entry_id FROM {TABLE} WHERE account_id = ? AND archived = 0 "
                                           "AND entry_id IS NOT NULL AND entry_id != ''", [account_id])}


def match(store: Store, account_id: str) -> int:
    """Match unmatched lines to free entries: same signed amount, date within ``MATCH_DAYS`` (a cheque by its
    number within ``CHEQUE_DAYS``), closest date first."""
    taken = _matched_entries(store, account_id)
    free: dict[int, list[journal.Entry]] = defaultdict(list)
    for entry in journal.list_entries(store, account_id=account_id):
        if entry.id not in taken:
            free[entry.signed_cents(account_id)].append(entry)
    count = 0
    with store.write():
        for line in lines(store, account_id, unmatched_only=True):
            same_amount = free.get(line.amount_cents, ())
            candidates = [e for e in same_amount if line.reference and e.reference == line.reference
                          and abs((e.on - line.on).days) <= CHEQUE_DAYS]
            candidates = candidates or [e for e in same_amount if abs((e.on - line.on).days) <= MATCH_DAYS]
            if not candidates:
                continue
            best = min(candidates, key=lambda e: (abs((e.on - line.on).days), e.on))
            free[line.amount_cents].remove(best)
            rows.update(store, TABLE, line.id, {"entry_id": best.id})
            count += 1
    return count


def create_entry_for_line(store: Store, line_id_: str, values: dict[str, Any]) -> str:
    """Write the journal entry a bank line shows (bank fees, a deposit) and match them."""
    row = rows.get(store, TABLE, line_id_)
    if row is None:
        raise ValidationError(_("Cette ligne du relevé n'existe plus."), "line")
    if row["entry_id"]:
        raise ValidationError(_("Cette ligne du relevé est déjà rapprochée d'une écriture."), "line")
    cents = int(row["amount_cents"])
    with store.write():
        entry_id = journal.record(store, {"kind": INCOME if cents > 0 else EXPENSE,
                                          "on": row["on"], "amount_cents": abs(cents), "account_id": row["account_id"],
                                          "description": row["description"], "reference": row["reference"], **values})
        rows.update(store, TABLE, line_id_, {"entry_id": entry_id})
    return entry_id


def unmatch(store: Store, line_id_: str) -> None:
    rows.update(store, TABLE, line_id_, {"entry_id": None})


@dataclass(frozen=True)
class Unreconciled:
    lines: list[StoredLine]
    """Lines of the bank's statements with no entry in the journal."""
    entries: list[journal.Entry]
    """Entries of the account, within the statements' period, that no bank line shows."""


def unreconciled(store: Store, account_id: str, *, end: dt.date | None = None) -> Unreconciled:
    every = lines(store, account_id)
    if end is not None:
        every = [line for line in every if line.on <= end]
    if not every:
        return Unreconciled([], [])
    first = min(line.on for line in every)
    taken = {line.entry_id for line in every if line.entry_id}
    entries = [e for e in journal.list_entries(store, start=first, end=end or max(line.on for line in every),
                                               account_id=account_id) if e.id not in taken]
    return Unreconciled([line for line in every if not line.entry_id], entries)
