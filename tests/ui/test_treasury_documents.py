"""The year's financial statements: PDF and ODT with the right totals, XLSX without any formula."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from entraide_desktop.data import rows
from entraide_desktop.data.treasury import budget, chart, closing, journal
from entraide_desktop.documents.meetings import export_package
from entraide_desktop.documents.treasury.statements import export_statements
from entraide_desktop.documents.treasury.workbook import export_workbook
from tests.ui.test_meetings_documents import odt_paragraphs, pdf_text

pytestmark = pytest.mark.usefixtures("qapp")


def _id(table: str, code: str) -> str:
    return chart.starting_id(table, code)


@pytest.fixture
def year(store):
    """Exercice 2025-2026 of a small group: a grant, fees, a donation with a hostile note, rent, fees of the bank."""
    chart.install_starting_chart(store)
    bank, cash = _id(chart.ACCOUNTS, "bank"), _id(chart.ACCOUNTS, "cash")
    chart.save_account(store, {"name": "Compte Desjardins", "kind": "bank", "opening": "2 500,00"}, bank)
    person = rows.insert(store, "people", {"first_name": "Hélène", "last_name": "Côté"})
    for on, kind, amount, category, account, extra in (
        ("2024-09-01", "income", "900", "psoc", bank, {}),
        ("2025-04-15", "income", "18 000", "psoc", bank, {}),
        ("2025-05-01", "income", "150,50", "fees", cash, {}),
        ("2025-06-10", "income", "200", "donations", bank, {"person_id": person, "note": "=HYPERLINK(\"x\")"}),
        ("2025-07-01", "expense", "9 600", "rent", bank, {"description": "@Loyer"}),
        ("2025-12-31", "expense", "95,40", "bank_fees", bank, {}),
    ):
        journal.record(store, {"kind": kind, "on": on, "amount": amount, "category_id": _id(chart.CATEGORIES, category),
                               "account_id": account, **extra})
    journal.record(store, {"kind": "transfer", "on": "2025-08-01", "amount": "100", "account_id": bank,
                           "to_account_id": cash})
    budget.set_budget(store, _id(chart.CATEGORIES, "rent"), 2025, "9 000")
    return store


def test_the_pdf_statement_has_the_right_totals(year, tmp_path):
    path = export_statements(year, 2025, tmp_path / "etats.pdf", "pdf")
    text = " ".join(pdf_text(path)).replace("\u202f", " ").replace("\xa0", " ")
    assert "États financiers (non audités)" in text and "Exercice 2025-2026" in text
    assert "Total des revenus 18 350,50 $" in text
    assert "Total des dépenses 9 695,40 $ 9 000,00 $" in text
    assert "Excédent des revenus sur les dépenses : 8 655,10 $" in text
    assert "Projet : l'exercice n'est pas encore fermé" in text


def test_the_odt_statement_opens_with_the_accounts_balances(year, tmp_path):
    closing.close_year(year, 2025, closed_on=dt.date(2026, 6, 12))
    path = export_statements(year, 2025, tmp_path / "etats.odt", "odt")
    text = " ".join(odt_paragraphs(path)).replace("\u202f", " ").replace("\xa0", " ")
    assert "Compte Desjardins" in text and "3 400,00 $" in text  # 2,500 + 900 the year before
    assert "11 804,60 $" in text  # 3,400 + 18,200 − 9,695.40 − 100 (transfer)
    assert "Aucun relevé bancaire n'a été importé" in text
    assert "États financiers adoptés : l'exercice est fermé." in text


def test_the_review_workbook_has_the_journal_and_no_formula(year, tmp_path):
    path = export_workbook(year, 2025, tmp_path / "examen.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Journal", "Revenus et dépenses", "Soldes des comptes"]
    journal_rows = list(book["Journal"].iter_rows(min_row=2, values_only=True))
    assert len(journal_rows) == 6  # the exercice only: the 2024 grant is the year before
    assert sum(r[4] for r in journal_rows) == pytest.approx(18350.50 + 9695.40 + 100)
    donation = next(r for r in journal_rows if r[7] == "Dons")
    assert donation[8] == "Hélène Côté" and donation[12] == '=HYPERLINK("x")'
    with zipfile.ZipFile(path) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml


def test_the_aga_package_gains_the_financial_statements(year, tmp_path):
    path = export_package(year, 2025, tmp_path / "aga.pdf", "pdf", today=dt.date(2026, 5, 1))
    pages = pdf_text(path)
    assert "États financiers (non audités)" in pages[0]
    assert any("5. États financiers (non audités)" in page for page in pages[1:])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) n'est pas installé ici (sous Wine, par exemple)")
def test_libreoffice_opens_the_odt_statement_with_the_right_totals(year, tmp_path):
    path = export_statements(year, 2025, tmp_path / "etats.odt", "odt")
    out = tmp_path / "txt"
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                           "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(out), str(path)],
                          capture_output=True, timeout=180, text=True)
    if "could not be loaded" in done.stderr + done.stdout and not (out / "etats.txt").exists():
        pytest.skip("LibreOffice Writer n'est pas installé ici (seulement Calc)")
    text = (out / "etats.txt").read_text(encoding="utf-8-sig").replace("\u202f", " ").replace("\xa0", " ")
    assert "Total des revenus" in text and "18 350,50 $" in text and "8 655,10 $" in text
