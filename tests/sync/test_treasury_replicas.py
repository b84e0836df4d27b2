"""Property: whatever entries, transfers, edits, deletions and exchanges three machines make, every account
balances on every machine, the year's statement adds up to the journal, and a full exchange makes them agree."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide_desktop.data.errors import EntraideError
from entraide_desktop.data.sync import exchange
from entraide_desktop.data.treasury import balances, chart, journal
from tests.sync.helpers import new_group

ACCOUNTS = ("bank", "cash")
CATEGORIES = {"income": ("fees", "donations"), "expense": ("rent", "supplies")}
OPERATIONS = st.one_of(
    st.tuples(st.just("record"), st.integers(0, 2), st.sampled_from(["income", "expense", "transfer"]),
              st.integers(1, 500_000), st.integers(0, 400), st.booleans()),
    st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 30), st.integers(1, 500_000)),
    st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 30)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
)
START = dt.date(2025, 4, 1)


def _record(store, kind: str, cents: int, day: int, flip: bool) -> None:
    source, target = ACCOUNTS if not flip else ACCOUNTS[::-1]
    values = {"kind": kind, "on": START + dt.timedelta(days=day), "amount_cents": cents,
              "account_id": chart.starting_id(chart.ACCOUNTS, source)}
    if kind == "transfer":
        values["to_account_id"] = chart.starting_id(chart.ACCOUNTS, target)
    else:
        values["category_id"] = chart.starting_id(chart.CATEGORIES, CATEGORIES[kind][flip])
    journal.record(store, values)


def _check(store) -> None:
    periods = balances.account_periods(store, START, dt.date(2026, 3, 31))
    assert all(p.balanced for p in periods)
    statement = balances.statement(store, 2025)
    entries = journal.list_entries(store, start=START, end=dt.date(2026, 3, 31))
    assert statement.total_income == sum(e.amount_cents for e in entries if e.kind == "income")
    assert statement.total_expenses == sum(e.amount_cents for e in entries if e.kind == "expense")
    moved = sum(p.closing_cents - p.opening_cents for p in periods)
    assert moved == statement.surplus  # transfers move money between accounts, never create it


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(OPERATIONS, min_size=4, max_size=25))
def test_every_account_balances_and_machines_agree_after_any_history(operations):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        stores = new_group(root / "machines", ["Centre", "Portable", "Luc"])
        usb = root / "usb"
        usb.mkdir()
        try:
            for store in stores:
                chart.install_starting_chart(store)
            for op in operations:
                store = stores[op[1]]
                try:
                    if op[0] == "record":
                        _record(store, *op[2:])
                    elif op[0] in ("edit", "delete"):
                        entries = journal.list_entries(store)
                        if entries:
                            entry = entries[op[2] % len(entries)]
                            if op[0] == "edit":
                                journal.edit(store, entry.id, {"amount_cents": op[3]})
                            else:
                                journal.delete(store, entry.id)
                    elif op[1] != op[2]:
                        exchange.import_file(stores[op[2]], exchange.export_to(store, usb).path)
                except EntraideError:
                    pass  # a refused edit (a conflict being written, a deleted row) changes nothing
                _check(store)
            for _round in range(2):
                for source in stores:
                    for target in stores:
                        if source is not target:
                            exchange.import_file(target, exchange.export_to(source, usb).path)
            figures = []
            for store in stores:
                _check(store)
                figures.append([(p.account.id, p.closing_cents)
                                for p in balances.account_periods(store, START, dt.date(2026, 3, 31))])
            assert figures[0] == figures[1] == figures[2]
        finally:
            for store in stores:
                store.close()
