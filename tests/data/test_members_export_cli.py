"""Exports (CSV, XLSX) and the headless commands import-members / export-members."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from entraide_desktop.cli import run
from entraide_desktop.data import members, people
from entraide_desktop.data.members.exporting import phone_network, register_table
from entraide_desktop.documents.members import write_register
from tests.conftest import PASSPHRASE

FIXTURES = Path(__file__).parent / "fixtures" / "members"


def test_csv_export_is_excel_friendly_and_round_trips(demo_store, store, tmp_path):
    target = tmp_path / "registre.csv"
    count = write_register(demo_store, target, "csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0][:5] == ["Prénom", "Nom de famille", "Nom choisi", "Rôles", "Statut"]
    assert len(rows) - 1 == count == len(people.list_people(demo_store))
    # What was exported can be imported into another register, without losing people.
    from entraide_desktop.data.members.importing import apply_import, preview_file

    preview = preview_file(store, str(target))
    assert not preview.problems and preview.count("reject") == 0, [r.remark() for r in preview.rows if r.errors]
    skipped = [r for r in preview.rows if r.action == "skip"]
    assert all(r.duplicate_line is not None for r in skipped), "only the demo's record entered twice is skipped"
    assert preview.count("create") + len(skipped) == count
    apply_import(store, preview)
    assert {p.name for p in people.list_people(store)} == {p.name for p in people.list_people(demo_store)}


def test_xlsx_export(demo_store, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "registre.xlsx"
    count = write_register(demo_store, target, "xlsx")
    sheet = load_workbook(target, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "Registre des membres"
    assert rows[0][0] == "Prénom" and len(rows) - 1 == count


def test_archived_people_are_left_out_unless_asked(store):
    keep = members.create_person(store, {"first_name": "Alice"})
    gone = members.create_person(store, {"first_name": "Bruno"})
    members.archive_person(store, gone)
    assert [r[0] for r in register_table(store).rows] == ["Alice"]
    table = register_table(store, include_archived=True)
    assert [r[0] for r in table.rows] == ["Alice", "Bruno"] and table.headers[-1] == "Archivé·e"
    assert keep


def test_phone_network_lists_only_consenting_people_with_their_chosen_name(store):
    today = dt.date(2026, 11, 25)
    yes = members.create_person(store, {"first_name": "Lucie", "last_name": "Tremblay", "display_name": "Lulu",
                                        "phone": "418 555-0101", "mobile": "581 555-0101", "contact_method": "mobile"})
    members.set_consent(store, yes, "phone_network", True, dt.date(2025, 1, 1), today=today)
    withdrawn = members.create_person(store, {"first_name": "Denis", "phone": "418 555-0102"})
    members.set_consent(store, withdrawn, "phone_network", True, dt.date(2025, 1, 1), today=today)
    members.set_consent(store, withdrawn, "phone_network", False, dt.date(2026, 1, 1), today=today)
    members.create_person(store, {"first_name": "Carole", "phone": "418 555-0103"})  # never asked
    no_number = members.create_person(store, {"first_name": "Sam"})
    members.set_consent(store, no_number, "phone_network", True, dt.date(2025, 1, 1), today=today)
    entries, missing = phone_network(store, today)
    assert [(e.name, e.number) for e in entries] == [("Lulu", "581 555-0101")]
    assert missing == 1


def _init(tmp_path, monkeypatch):
    db = tmp_path / "g" / "entraide.db"
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    assert run(["init", "--database", str(db), "--group", "Le Phare", "--person", "Marie"]) == 0
    return db


def test_import_members_command(tmp_path, monkeypatch, capsys):
    db = _init(tmp_path, monkeypatch)
    capsys.readouterr()
    fixture = str(FIXTURES / "liste-windows-1252.csv")
    assert run(["import-members", fixture, "--dry-run", "--database", str(db)]) == 0
    out = capsys.readouterr().out
    assert "7 personnes seraient créées" in out and "1 doublon ignoré" in out and "0 ligne rejetée" in out
    assert "3 personnes importées avec des renseignements à vérifier" in out
    assert "ligne 6 : Gaétan Lévesque — importée, 1 renseignement à vérifier" in out
    assert "Date d'adhésion : La date « 31/02/2019 » n'existe pas." in out
    assert "rien n'a été écrit" in out
    assert run(["import-members", fixture, "--database", str(db)]) == 0
    out = capsys.readouterr().out
    assert "7 personnes créées" in out
    assert run(["import-members", fixture, "--database", str(db)]) == 0
    assert "0 personne créée" in capsys.readouterr().out
    # The last import (here, the second: it created nothing) is undone, then the first.
    assert run(["undo-import", "--database", str(db)]) == 0
    assert "« liste-windows-1252.csv » annulée : 0 personne retirée" in capsys.readouterr().out
    assert run(["undo-import", "--database", str(db)]) == 0
    assert "annulée : 7 personnes retirées du registre (archivées)" in capsys.readouterr().out
    assert run(["import-members", fixture, "--database", str(db)]) == 0
    assert "7 personnes créées" in capsys.readouterr().out, "people taken back by an undo are not duplicates"


def test_import_members_refuses_ugly_files_with_status_1(tmp_path, monkeypatch, capsys):
    db = _init(tmp_path, monkeypatch)
    capsys.readouterr()
    assert run(["import-members", str(FIXTURES / "vide.csv"), "--database", str(db)]) == 1
    assert "est vide" in capsys.readouterr().err
    assert run(["import-members", str(FIXTURES / "colonnes-inconnues.csv"), "--database", str(db)]) == 1
    assert "Aucune colonne n'a été reconnue" in capsys.readouterr().out


def test_export_members_command(tmp_path, monkeypatch, capsys):
    db = _init(tmp_path, monkeypatch)
    run(["import-members", str(FIXTURES / "membres-exemple.csv"), "--database", str(db)])
    capsys.readouterr()
    for fmt in ("csv", "xlsx"):
        target = tmp_path / f"registre.{fmt}"
        assert run(["export-members", "--format", fmt, "--out", str(target), "--database", str(db)]) == 0
        out = capsys.readouterr().out
        assert "25 personnes exportées" in out and "renseignements personnels" in out
        assert target.stat().st_size > 0
