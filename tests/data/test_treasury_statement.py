"""Bank statements: Desjardins' CSV and other banks' files, reconciled with the journal."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data.treasury import chart, journal, reconcile
from entraide_desktop.data.treasury.statement_file import StatementFileError, read_statement

DESJARDINS = (
    '"815","30000","0123456","EOP","2026/05/01","00001","Dépôt direct /MINISTÈRE SANTÉ SERV. SOC.","","",'
    '"12500,00","","","","15234,56"\r\n'
    '"815","30000","0123456","EOP","2026/05/03","00002","Frais mensuels /Forfait OBNL","","7,95","","","","",'
    '"15226,61"\r\n'
    '"815","30000","0123456","EOP","2026/05/04","00003","Chèque no 305","305","1200,00","","","","","14026,61"\r\n'
    '"815","30000","0123456","EOP","2026/05/04","00004","Frais mensuels /Forfait OBNL","","7,95","","","","",'
    '"14018,66"\r\n'
)


@pytest.fixture
def treasury(store):
    chart.install_starting_chart(store)
    return store


def _bank() -> str:
    return chart.starting_id(chart.ACCOUNTS, "bank")


def _cat(code: str) -> str:
    return chart.starting_id(chart.CATEGORIES, code)


def test_a_desjardins_statement_in_windows_1252_is_read_line_by_line(tmp_path):
    path = tmp_path / "releve.csv"
    path.write_bytes(DESJARDINS.encode("cp1252"))
    statement = read_statement(path)
    assert statement.layout == "desjardins" and statement.problems == []
    assert [(line.on, line.amount_cents) for line in statement.lines] == [
        (dt.date(2026, 5, 1), 1250000), (dt.date(2026, 5, 3), -795), (dt.date(2026, 5, 4), -120000),
        (dt.date(2026, 5, 4), -795)]
    assert statement.lines[0].description == "Dépôt direct /MINISTÈRE SANTÉ SERV. SOC."
    assert statement.lines[2].reference == "305" and statement.lines[3].balance_cents == 1401866


def test_another_banks_file_is_read_by_its_headers_and_bad_lines_are_reported(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Date;Libellé;Débit;Crédit;Solde\n2026-05-02;Loyer mai;850,00;;4 150,00\n"
                    "hier;Ligne abîmée;10,00;;\n2026-05-09;Dons;;120,50;4 270,50\n", encoding="utf-8")
    statement = read_statement(path)
    assert [line.amount_cents for line in statement.lines] == [-85000, 12050]
    assert statement.problems == [(3, "ligne 3 : « hier » n'est pas une date.")]


def test_a_file_without_date_or_amount_columns_asks_which_column_is_which(tmp_path):
    path = tmp_path / "autre.csv"
    path.write_text("Quand,Quoi,Combien\n2026-05-02,Loyer,-850\n", encoding="utf-8")
    with pytest.raises(StatementFileError, match="Indiquez quelle colonne"):
        read_statement(path)
    statement = read_statement(path, {"date": 0, "description": 1, "amount": 2})
    assert statement.lines[0].amount_cents == -85000


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not a csv", b"%PDF-1.4", b"a;b\n1;2\n"])
def test_files_that_are_not_statements_get_a_clear_message(tmp_path, content):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(StatementFileError) as error:
        read_statement(path)
    assert "«" in error.value.message


def test_a_statement_reconciles_and_a_second_import_adds_nothing(treasury, tmp_path):
    path = tmp_path / "releve.csv"
    path.write_bytes(DESJARDINS.encode("cp1252"))
    psoc = journal.record(treasury, {"kind": "income", "on": "2026-04-30", "amount": "12 500", "account_id": _bank(),
                                     "category_id": _cat("psoc")})
    cheque = journal.record(treasury, {"kind": "expense", "on": "2026-04-28", "amount": "1200",
                                       "account_id": _bank(), "category_id": _cat("rent"), "reference": "305"})
    waiting = journal.record(treasury, {"kind": "expense", "on": "2026-05-20", "amount": "60",
                                        "account_id": _bank(), "category_id": _cat("phone")})
    first = reconcile.import_statement(treasury, _bank(), read_statement(path))
    assert (first.added, first.already_there, first.matched) == (4, 0, 2)
    left = reconcile.unreconciled(treasury, _bank())
    assert [line.amount_cents for line in left.lines] == [-795, -795]  # the two bank fees
    assert [e.id for e in left.entries] == []  # the phone bill is after the statement's last day
    matched = {line.entry_id for line in reconcile.lines(treasury, _bank())}
    assert {psoc, cheque} <= matched and waiting not in matched
    for line in left.lines:
        reconcile.create_entry_for_line(treasury, line.id, {"category_id": _cat("bank_fees")})
    assert reconcile.unreconciled(treasury, _bank()).lines == []
    again = reconcile.import_statement(treasury, _bank(), read_statement(path))
    assert (again.added, again.already_there) == (0, 4)
    assert len(reconcile.lines(treasury, _bank())) == 4
    assert sum(e.amount_cents for e in journal.list_entries(treasury) if e.category_id == _cat("bank_fees")) == 1590
