"""The printable wall calendar (QPdfWriter) and the export-calendar command."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
from pypdf import PdfReader

from entraide_desktop.cli import run
from entraide_desktop.data.calendar import occurrence_edits as edits
from entraide_desktop.documents.calendar.pdf import write_month_pdf, write_week_pdf
from tests.conftest import PASSPHRASE
from tests.data.test_calendar_support import PROMOTION, person, single, weekly


def text_of(path) -> str:
    reader = PdfReader(str(path))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def december(store):
    ana = person(store, "Ana", "Tremblay", consent=True)
    aid = weekly(store, start=dt.datetime(2026, 12, 1, 13, 30), until=dt.date(2026, 12, 31), leaders=(ana,))
    edits.cancel_occurrence(store, f"{aid}@2026-12-22T13:30:00", "Congé des Fêtes")
    single(store, "Souper de Noël", dt.datetime(2026, 12, 17, 17, 30), minutes=210)
    weekly(
        store,
        title="Kiosque sur les droits",
        kind="monthly_nth",
        type_id=PROMOTION,
        start=dt.datetime(2026, 12, 17, 11, 30),
        count=3,
    )


def test_month_pdf_holds_the_months_activities_on_us_letter_landscape(qapp, store, tmp_path):
    december(store)
    path = tmp_path / "decembre.pdf"
    assert write_month_pdf(store, path, 2026, 12) == 1
    page = PdfReader(str(path)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (792, 612)
    text = text_of(path)
    for expected in (
        "Décembre 2026",
        "Le Phare",
        "Souper",
        "Noël",
        "Kiosque",
        "13 h 30",
        "17 h 30",
        "ANNULÉ",
        "Dimanche",
        "Samedi",
        "Personnelle",
        "Droits",
    ):
        assert expected in text, expected
    assert text.index("Dimanche") < text.index("Lundi")  # the week starts on Sunday in fr_CA


def test_a4_and_the_week_page_with_leaders(qapp, store, tmp_path):
    december(store)
    path = tmp_path / "semaine.pdf"
    write_week_pdf(store, path, dt.date(2026, 12, 17), paper="a4")
    page = PdfReader(str(path)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    text = text_of(path)
    assert "Semaine du 13 décembre au 19 décembre 2026" in text
    assert "13 h 30 à 15 h" in text and "avec Ana Tremblay" in text
    assert "Souper de Noël" in text


def test_public_only_leaves_members_activities_out(qapp, store, tmp_path):
    december(store)
    weekly(
        store,
        title="Comité des membres",
        public=False,
        start=dt.datetime(2026, 12, 2, 18, 30),
        until=dt.date(2026, 12, 31),
    )
    write_month_pdf(store, tmp_path / "tout.pdf", 2026, 12)
    write_month_pdf(store, tmp_path / "public.pdf", 2026, 12, public_only=True)
    assert "Comité" in text_of(tmp_path / "tout.pdf")
    assert "Comité" not in text_of(tmp_path / "public.pdf")


@pytest.fixture
def cli_database(store, paths, monkeypatch):
    december(store)
    store.close()
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    return str(paths.database)


def test_export_calendar_command_pdf_and_ics(qapp, cli_database, tmp_path, capsys):
    pdf = tmp_path / "mur.pdf"
    assert (
        run(
            [
                "export-calendar",
                "--database",
                cli_database,
                "--format",
                "pdf",
                "--month",
                "2026-12",
                "--out",
                str(pdf),
            ]
        )
        == 0
    )
    assert "Calendrier mural créé : 1 page" in capsys.readouterr().out
    assert "Souper de Noël" in text_of(pdf)
    ics = tmp_path / "calendrier.ics"
    assert (
        run(
            [
                "export-calendar",
                "--database",
                cli_database,
                "--format",
                "ics",
                "--from",
                "2026-12-01",
                "--to",
                "2026-12-31",
                "--type",
                "droits",
                "--out",
                str(ics),
            ]
        )
        == 0
    )
    assert "1 activité" in capsys.readouterr().out
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert {str(e["summary"]) for e in events} == {"Kiosque sur les droits"}
    week = tmp_path / "semaine.pdf"
    assert (
        run(
            [
                "export-calendar",
                "--database",
                cli_database,
                "--format",
                "pdf",
                "--week",
                "2026-12-17",
                "--paper",
                "a4",
                "--out",
                str(week),
            ]
        )
        == 0
    )
    assert len(PdfReader(str(week)).pages) == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "pdf", "--month", "2026-13"], "Mois invalide"),
        (["--format", "ics", "--from", "2026-12-31", "--to", "2026-12-01"], "à l'envers"),
        (["--format", "ics", "--type", "inconnu"], "Type d'activité inconnu"),
        (["--format", "ics", "--from", "31/12/2026"], "Date invalide"),
    ],
)
def test_export_calendar_bad_input_in_french(qapp, cli_database, tmp_path, capsys, extra, message):
    assert run(["export-calendar", "--database", cli_database, "--out", str(tmp_path / "x"), *extra]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_export_dialog_writes_off_the_ui_thread(qtbot, context, tmp_path):
    from entraide_desktop.ui.calendar.export_dialog import ExportDialog

    december(context.store)
    dialog = ExportDialog(context, dt.date(2026, 12, 8), None, kind="pdf_month")
    qtbot.addWidget(dialog)
    path = tmp_path / "mur.pdf"
    dialog.run_export(path)
    qtbot.waitUntil(lambda: dialog.done_path is not None, timeout=10000)
    assert "Souper de Noël" in text_of(path)
    dialog = ExportDialog(context, dt.date(2026, 12, 8), PROMOTION, kind="ics")
    qtbot.addWidget(dialog)
    ics = tmp_path / "droits.ics"
    dialog.run_export(ics)
    qtbot.waitUntil(lambda: dialog.done_path is not None, timeout=10000)
    assert {str(e["summary"]) for e in icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")} == {
        "Kiosque sur les droits"
    }
