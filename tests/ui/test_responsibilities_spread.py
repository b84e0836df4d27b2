"""The spread view and its PDF for the AGA: figures, charts, names only on request, US Letter."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader

from entraide_desktop.cli import run
from entraide_desktop.data import rows
from entraide_desktop.data.errors import EntraideError
from entraide_desktop.data.group import exercice_label, fiscal_year_containing
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import catalogue
from entraide_desktop.documents.responsibilities import chart, write_spread_pdf
from entraide_desktop.ui.responsibilities import ResponsibilitiesPage
from entraide_desktop.ui.tasks import wait_for_tasks
from tests.conftest import PASSPHRASE

D = dt.date
START, END = fiscal_year_containing(D.today())  # the group's exercice under way (April to March by default)
YEAR, LABEL = START.year, exercice_label(START, END)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


@pytest.fixture
def held(store):
    """This exercice: Ana 3 coffees, Luc (staff) 1 opening, Fay (erased) 1 coffee."""
    catalogue.install_starting_catalogue(store)
    coffee, room = catalogue.starting_id("coffee"), catalogue.starting_id("open_room")
    ana, luc, fay = (rows.insert(store, "people", {"first_name": n, "roles": json.dumps(r)})
                     for n, r in (("Ana", ["membre"]), ("Luc", ["intervenant"]), ("Fay", ["membre"])))
    for n in (5, 36, 64):
        A.assign(store, A.Draft(coffee, ana, day(n), day(n)))
    A.assign(store, A.Draft(room, luc, day(6), day(6)))
    A.assign(store, A.Draft(coffee, fay, day(12), day(12)))
    # The day before the exercice: counted in the previous one only.
    A.assign(store, A.Draft(room, luc, day(-1), day(-1)))
    rows.erase(store, "people", fay)
    return store


def text_of(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages).replace("\xa0", " ")


def test_spread_tab_reads_plainly(qtbot, context, held):
    page = ResponsibilitiesPage(context)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.spread)
    tab = page.spread
    assert tab.year.currentData() == YEAR and tab.year.currentText() == LABEL
    assert tab.year.itemText(1) == exercice_label(*fiscal_year_containing(day(-1)))
    assert tab.period.text().startswith(f"Exercice {LABEL} : du ")
    assert tab.total_big.text() == "5"
    assert tab.total_small.text() == f"responsabilités tenues en {LABEL} par 3 personnes"
    assert tab.shares_big.text().replace("\xa0", " ") == "80 % / 20 %"
    assert tab.top_big.text().replace("\xa0", " ") == "60 %"
    assert "Les 20 % de personnes les plus occupées (1 sur 3) ont tenu 60 %" in tab.captions.text().replace("\xa0", " ")
    assert "1 personne retirée du registre compte toujours, sans son nom." in tab.captions.text()
    assert tab.groups_chart.accessibleDescription().startswith("Membres : 80")
    assert tab.people_chart.accessibleDescription().replace("\xa0", " ") == (
        "Les 20 % les plus occupées (1 personne) : 60 % des responsabilités")
    names = [tab.people.topLevelItem(i).text(0) for i in range(tab.people.topLevelItemCount())]
    assert names == ["Ana", "Luc", "Personne retirée du registre"]  # alphabetical, never ranked
    tab.groups_chart.grab()  # painting works
    tab.people_chart.grab()


def test_chart_marks_staff_by_hatching_not_only_colour():
    assert chart.person_look(("personnes_intervenantes", "membres")) == (chart.STAFF, True)
    assert chart.person_look(("membres",)) == (chart.MEMBER, False)
    assert [label for _c, _h, label in chart.legend_items()] == [
        "Membre", "Personne intervenante (en hachures)", "Autre rôle"]


def test_pdf_names_nobody_unless_asked_and_is_us_letter(qtbot, held, tmp_path):
    path = write_spread_pdf(held, YEAR, tmp_path / "aga.pdf", today=D(YEAR, 6, 1))
    reader = PdfReader(str(path))
    assert [float(v) for v in reader.pages[0].mediabox] == [0, 0, 612, 792]
    text = text_of(path)
    assert f"Le partage des responsabilités en {LABEL}" in text and f"Exercice {LABEL} : du " in text
    assert "Le Phare" in text and "Document préparé le " in text and "pour l'assemblée générale annuelle" in text
    assert "Membres / personnes intervenantes" in text or "membres / personnes intervenantes" in text
    assert "1 personne retirée du registre compte toujours, sans son nom." in text
    assert "Ana" not in text and "Luc" not in text
    named = text_of(write_spread_pdf(held, YEAR, tmp_path / "noms.pdf", with_names=True))
    assert "Les personnes, par ordre alphabétique" in named
    assert "Ana 4" not in named and "Ana 3" in named and "Personne retirée du registre 1" in named
    assert not list(tmp_path.glob(".*.tmp"))


def test_pdf_failure_leaves_no_file(qtbot, held, tmp_path):
    folder = tmp_path / "sortie"
    folder.mkdir()
    blocker = folder / "pas-un-dossier"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(EntraideError, match="Impossible d'écrire le PDF"):
        write_spread_pdf(held, YEAR, blocker / "aga.pdf")
    assert [p.name for p in folder.iterdir()] == ["pas-un-dossier"]


def test_export_button_writes_the_pdf_off_the_ui_thread(qtbot, context, held, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "export" / "partage"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page = ResponsibilitiesPage(context)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.spread)
    page.spread.with_names.setChecked(True)
    page.spread.export_button.click()
    qtbot.waitUntil(lambda: page.spread.exported.text().startswith("PDF enregistré"), timeout=20000)
    wait_for_tasks()
    written = target.with_suffix(".pdf")
    assert written.exists() and "Ana" in text_of(written)


def test_command_line_pdf(qtbot, held, paths, tmp_path, monkeypatch, capsys):
    held.close()
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "cli.pdf"
    assert run(["spread", "--database", str(paths.database), "--year", str(YEAR), "--format", "pdf",
                "--out", str(out)]) == 0
    assert f"PDF écrit : {out}" in capsys.readouterr().out
    assert "Ana" not in text_of(out) and f"en {LABEL}" in text_of(out)
