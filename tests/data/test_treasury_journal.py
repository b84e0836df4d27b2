"""The treasury's journal: cents, accounts, categories, balances, closed years."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.treasury import balances, budget, chart, closing, journal
from entraide_desktop.data.treasury.money import format_cents, format_signed_cents, parse_cents


@pytest.fixture
def treasury(store):
    chart.install_starting_chart(store)
    return store


def _cat(store, code: str) -> str:
    return chart.starting_id(chart.CATEGORIES, code)


def _acc(code: str) -> str:
    return chart.starting_id(chart.ACCOUNTS, code)


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("25", 2500), ("25,50", 2550), ("1 234,56 $", 123456), ("1\u202f234,56\u00a0$", 123456), ("0.10", 10),
     ("1,234.50", 123450)],
)
def test_amounts_typed_the_quebec_way_become_exact_cents(typed, cents):
    assert parse_cents(typed) == cents


@pytest.mark.parametrize("typed", ["douze", "1,2,3", "25,505", "-5", "0", "NaN", "Infinity", "1e400"])
def test_an_amount_that_is_not_plausible_is_refused_in_french(typed):
    with pytest.raises(ValidationError) as error:
        parse_cents(typed)
    assert error.value.message and "Error" not in error.value.message


def test_ten_cents_plus_twenty_cents_is_thirty_cents_in_a_balance(treasury):
    for amount in ("0,10", "0,20"):
        journal.record(treasury, {"kind": "income", "on": "2026-05-01", "amount": amount,
                                  "account_id": _acc("cash"), "category_id": _cat(treasury, "donations")})
    assert balances.balance_on(treasury, _acc("cash"), dt.date(2026, 5, 1)) == 30
    assert format_cents(30) == "0,30\u00a0$"


def test_a_withdrawal_on_a_statement_line_reads_with_a_minus_sign_and_a_deposit_with_a_plus():
    assert format_signed_cents(-1000) == "− 10,00\u00a0$"
    assert format_signed_cents(50000) == "+ 500,00\u00a0$"


def test_the_starting_chart_is_seeded_once_even_from_two_machines(treasury):
    assert chart.install_starting_chart(treasury) == 0
    names = [c.name for c in chart.list_categories(treasury, chart.INCOME)]
    assert "Subvention PSOC (soutien à la mission globale)" in names and "Cotisations des membres" in names
    assert [a.name for a in chart.list_accounts(treasury)] == ["Compte bancaire", "Petite caisse"]
    assert rows.deterministic_id(chart.CATEGORIES, "starting", "psoc") == _cat(treasury, "psoc")


def test_an_archived_seeded_category_is_not_brought_back(treasury):
    chart.archive_category(treasury, _cat(treasury, "interest"))
    chart.install_starting_chart(treasury)
    assert "Intérêts" not in [c.name for c in chart.list_categories(treasury)]


def test_an_account_balances_opening_plus_income_minus_expenses_with_transfers(treasury):
    chart.save_account(treasury, {"name": "Compte bancaire", "kind": "bank", "opening": "1 000,00",
                                  "opening_on": "2026-04-01"}, _acc("bank"))
    journal.record(treasury, {"kind": "income", "on": "2026-04-10", "amount": "250", "account_id": _acc("bank"),
                              "category_id": _cat(treasury, "fees")})
    journal.record(treasury, {"kind": "expense", "on": "2026-04-12", "amount": "75,25",
                              "account_id": _acc("bank"), "category_id": _cat(treasury, "rent")})
    journal.record(treasury, {"kind": "transfer", "on": "2026-04-15", "amount": "100", "account_id": _acc("bank"),
                              "to_account_id": _acc("cash")})
    periods = {p.account.code: p for p in balances.account_periods(treasury, dt.date(2026, 4, 1),
                                                                    dt.date(2027, 3, 31))}
    bank, cash = periods["bank"], periods["cash"]
    assert (bank.opening_cents, bank.income_cents, bank.expense_cents, bank.transfers_out_cents,
            bank.closing_cents) == (100000, 25000, 7525, 10000, 107475)
    assert cash.closing_cents == 10000 and cash.transfers_in_cents == 10000
    assert bank.balanced and cash.balanced


def test_a_category_of_the_wrong_kind_or_a_transfer_to_itself_is_refused(treasury):
    with pytest.raises(ValidationError, match="dépenses"):
        journal.record(treasury, {"kind": "expense", "on": "2026-04-10", "amount": "5",
                                  "account_id": _acc("bank"), "category_id": _cat(treasury, "fees")})
    with pytest.raises(ValidationError, match="autre compte"):
        journal.record(treasury, {"kind": "transfer", "on": "2026-04-10", "amount": "5",
                                  "account_id": _acc("bank"), "to_account_id": _acc("bank")})
    assert journal.list_entries(treasury) == []


def test_the_statement_compares_the_year_with_its_budget_and_the_year_before(treasury):
    fees = _cat(treasury, "fees")
    journal.record(treasury, {"kind": "income", "on": "2025-06-01", "amount": "100", "account_id": _acc("bank"),
                              "category_id": fees})
    journal.record(treasury, {"kind": "income", "on": "2026-06-01", "amount": "180", "account_id": _acc("bank"),
                              "category_id": fees})
    journal.record(treasury, {"kind": "expense", "on": "2026-07-01", "amount": "30", "account_id": _acc("bank"),
                              "category_id": _cat(treasury, "supplies")})
    budget.set_budget(treasury, fees, 2026, "200")
    result = balances.statement(treasury, 2026)
    line = next(line for line in result.income if line.category.id == fees)
    assert (line.actual_cents, line.budget_cents, line.previous_cents) == (18000, 20000, 10000)
    assert (result.total_income, result.total_expenses, result.surplus) == (18000, 3000, 15000)
    assert balances.monthly_actuals(treasury, 2026)[fees][2] == 18000  # April is month 0: June is 2
    assert result.previous_recorded
    assert not balances.statement(treasury, 2025).previous_recorded  # 2024-2025 was never kept here


def test_the_first_statement_kept_in_entraide_shows_no_figure_for_a_year_it_never_saw(treasury):
    from entraide_desktop.documents.treasury.statements import revenues_and_expenses_html

    journal.record(treasury, {"kind": "income", "on": "2026-06-01", "amount": "180", "account_id": _acc("bank"),
                              "category_id": _cat(treasury, "fees")})
    html = revenues_and_expenses_html(balances.statement(treasury, 2026), "Réel 2025-2026")
    fees_row = next(row for row in html.split("<tr>") if "180,00" in row)
    assert fees_row.count("—") == 2  # no budget, and no 2025-2026 in Entraide: not « 0,00 $ »


def test_a_closed_year_refuses_new_edited_and_deleted_entries(treasury):
    entry = journal.record(treasury, {"kind": "income", "on": "2025-06-01", "amount": "100",
                                      "account_id": _acc("bank"), "category_id": _cat(treasury, "donations")})
    closing.close_year(treasury, 2025, closed_on=dt.date(2026, 6, 10))
    for attempt in (
        lambda: journal.record(treasury, {"kind": "income", "on": "2026-01-15", "amount": "5",
                                          "account_id": _acc("bank"), "category_id": _cat(treasury, "donations")}),
        lambda: journal.edit(treasury, entry, {"amount": "90"}),
        lambda: journal.edit(treasury, entry, {"on": "2026-05-01"}),
        lambda: journal.delete(treasury, entry),
    ):
        with pytest.raises(ValidationError, match="2025-2026 est fermé"):
            attempt()
    assert journal.get_entry(treasury, entry).amount_cents == 10000
    fix = journal.correct(treasury, entry, {"amount": "10", "kind": "expense",
                                            "category_id": _cat(treasury, "bank_fees")}, on=dt.date(2026, 6, 11))
    assert journal.get_entry(treasury, fix).corrects_id == entry


def test_an_erased_closure_still_closes_the_year(treasury):
    closure = closing.close_year(treasury, 2024, closed_on=dt.date(2025, 6, 1))
    rows.erase(treasury, closing.CLOSURES, closure)
    assert closing.is_closed(treasury, 2024)
    assert 2024 in closing.closed_exercices(treasury)


def test_a_year_cannot_be_closed_before_it_ends(treasury):
    with pytest.raises(ValidationError):
        closing.close_year(treasury, 2026, closed_on=dt.date(2026, 12, 5))


def test_deleting_keeps_the_entry_in_history_and_out_of_balances(treasury):
    entry = journal.record(treasury, {"kind": "expense", "on": "2026-05-01", "amount": "12",
                                      "account_id": _acc("cash"), "category_id": _cat(treasury, "supplies")})
    journal.delete(treasury, entry)
    assert journal.list_entries(treasury) == []
    assert journal.get_entry(treasury, entry).archived
    assert balances.balance_on(treasury, _acc("cash"), dt.date(2026, 5, 2)) == 0
