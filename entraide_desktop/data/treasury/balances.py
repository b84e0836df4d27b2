"""Balances and the year's statement, computed from the journal (never stored, so never stale).

For each account: opening balance + income − expenses ± transfers = closing balance, and the
check is shown. For the exercice: revenues and expenses by category, against the budget and the
previous exercice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import group
from ..store import Store
from .budget import budget_for
from .chart import EXPENSE, INCOME, Account, Category, list_accounts, list_categories
from .journal import TRANSFER, list_entries


@dataclass(frozen=True)
class AccountPeriod:
    """One account over a period: what it held, what came in and went out, what it holds."""

    account: Account
    opening_cents: int
    income_cents: int
    expense_cents: int
    transfers_in_cents: int
    transfers_out_cents: int
    closing_cents: int

    @property
    def balanced(self) -> bool:
        return self.opening_cents + self.income_cents - self.expense_cents + self.transfers_in_cents \
            - self.transfers_out_cents == self.closing_cents


def _starts_before(account: Account, on: dt.date) -> bool:
    return not account.opening_on or dt.date.fromisoformat(account.opening_on) <= on


_SUMS = """
SELECT account_id AS account, kind, to_account_id AS other,
       SUM(CASE WHEN "on" < :start THEN amount_cents ELSE 0 END) AS before,
       SUM(CASE WHEN "on" >= :start THEN amount_cents ELSE 0 END) AS during
FROM treasury_transactions
WHERE archived = 0 AND "on" <= :end
GROUP BY account_id, kind, to_account_id
"""


def account_periods(store: Store, start: dt.date, end: dt.date) -> list[AccountPeriod]:
    """Each account from ``start`` to ``end`` (both included), summed by SQLite in one pass over the journal.

    Entries dated before an account's opening-balance date are not counted (the opening balance
    already holds them).
    """
    found = []
    for account in list_accounts(store, include_archived=True):
        if not _starts_before(account, end):
            continue
        since = account.opening_on or "0000-01-01"
        params = {"start": max(start.isoformat(), since), "end": end.isoformat()}
        sql = _SUMS.replace("WHERE archived = 0", "WHERE archived = 0 AND \"on\" >= :since "
                            "AND (account_id = :account OR to_account_id = :account)")
        totals = store.db.execute(sql, {**params, "since": since, "account": account.id}).fetchall()
        opening, income, expense, t_in, t_out = account.opening_cents, 0, 0, 0, 0
        for source, kind, target, before, during in totals:
            before, during = before or 0, during or 0
            if kind == INCOME and source == account.id:
                opening, income = opening + before, income + during
            elif kind == EXPENSE and source == account.id:
                opening, expense = opening - before, expense + during
            elif kind == TRANSFER:
                if source == account.id:
                    opening, t_out = opening - before, t_out + during
                if target == account.id:
                    opening, t_in = opening + before, t_in + during
        closing = opening + income - expense + t_in - t_out
        if account.archived and not (income or expense or t_in or t_out) and opening == 0:
            continue
        found.append(AccountPeriod(account, opening, income, expense, t_in, t_out, closing))
    return found


def balance_on(store: Store, account_id: str, on: dt.date) -> int:
    """What ``account_id`` holds at the end of ``on``."""
    for period in account_periods(store, on, on):
        if period.account.id == account_id:
            return period.closing_cents
    return 0


@dataclass(frozen=True)
class CategoryLine:
    category: Category
    actual_cents: int
    budget_cents: int | None
    previous_cents: int


@dataclass(frozen=True)
class Statement:
    """« État des revenus et dépenses » for one exercice."""

    exercice: int
    start: dt.date
    end: dt.date
    income: list[CategoryLine]
    expenses: list[CategoryLine]
    accounts: list[AccountPeriod]
    previous_recorded: bool = True  # False: nothing was recorded in Entraide for the previous exercice

    @property
    def total_income(self) -> int:
        return sum(line.actual_cents for line in self.income)

    @property
    def total_expenses(self) -> int:
        return sum(line.actual_cents for line in self.expenses)

    @property
    def surplus(self) -> int:
        """Excédent (positive) or déficit (negative) of the exercice."""
        return self.total_income - self.total_expenses


def _by_category(store: Store, start: dt.date, end: dt.date) -> dict[str, int]:
    """Category id → total in cents of the entries between ``start`` and ``end``."""
    return {r[0]: int(r[1]) for r in store.db.execute(
        'SELECT category_id, SUM(amount_cents) FROM treasury_transactions WHERE archived = 0 AND kind != ? '
        'AND "on" BETWEEN ? AND ? GROUP BY category_id', [TRANSFER, start.isoformat(), end.isoformat()])}


def statement(store: Store, exercice: int) -> Statement:
    start, end = group.fiscal_year(store, exercice)
    previous_start, previous_end = group.fiscal_year(store, exercice - 1)
    actual = _by_category(store, start, end)
    previous = _by_category(store, previous_start, previous_end)
    budget = budget_for(store, exercice)
    lines: dict[str, list[CategoryLine]] = {INCOME: [], EXPENSE: []}
    for category in list_categories(store, include_archived=True):
        used = actual.get(category.id, 0) or previous.get(category.id, 0) or budget.get(category.id)
        if category.archived and not used:
            continue
        lines[category.kind].append(CategoryLine(category, actual.get(category.id, 0), budget.get(category.id),
                                                 previous.get(category.id, 0)))
    return Statement(exercice, start, end, lines[INCOME], lines[EXPENSE], account_periods(store, start, end),
                     previous_recorded=bool(previous))


def monthly_actuals(store: Store, exercice: int) -> dict[str, list[int]]:
    """Category id → twelve monthly totals in cents, from the exercice's first month."""
    start, end = group.fiscal_year(store, exercice)
    months: dict[str, list[int]] = {}
    for e in list_entries(store, start=start, end=end):
        if e.kind == TRANSFER:
            continue
        index = (e.on.year - start.year) * 12 + e.on.month - start.month
        months.setdefault(e.category_id, [0] * 12)[index] += e.amount_cents
    return months


def exercices(store: Store, today: dt.date | None = None) -> list[int]:
    """Label years of the exercices that have entries, and the current one; most recent first."""
    current = group.fiscal_year_of(store, today or dt.date.today())[0].year
    bounds = store.db.execute('SELECT MIN("on"), MAX("on") FROM treasury_transactions WHERE archived = 0').fetchone()
    years = {current}
    if bounds[0]:
        first = group.fiscal_year_of(store, dt.date.fromisoformat(bounds[0]))[0].year
        last = group.fiscal_year_of(store, dt.date.fromisoformat(bounds[1]))[0].year
        years |= set(range(first, max(last, current) + 1))
    return sorted(years, reverse=True)
