"""Headless commands: the year's spread as text, mandates, rotation suggestions, never-held, catalogue."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from entraide_desktop.cli import run
from entraide_desktop.data import rows
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import catalogue
from tests.conftest import PASSPHRASE

D = dt.date


@pytest.fixture
def database(store, paths, monkeypatch):
    catalogue.install_starting_catalogue(store)
    coffee, room, presidency = (catalogue.starting_id(c) for c in ("coffee", "open_room", "presidency"))
    ana = rows.insert(store, "people", {"first_name": "Ana", "roles": json.dumps(["membre", "administrateur"])})
    luc = rows.insert(store, "people", {"first_name": "Luc", "roles": json.dumps(["intervenant"])})
    rows.insert(store, "people", {"first_name": "Zoé", "roles": json.dumps(["membre"])})
    for day in (D(2026, 2, 3), D(2026, 2, 10), D(2026, 2, 17)):
        A.assign(store, A.Draft(coffee, ana, day, day))
    A.assign(store, A.Draft(room, luc, D(2026, 2, 3), D(2026, 2, 3)))
    A.assign(store, A.Draft(presidency, ana, D(2026, 1, 10), origin="elected", origin_on=D(2026, 1, 10)))
    store.close()
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    return str(paths.database)


def output(capsys) -> str:
    return capsys.readouterr().out.replace("\xa0", " ")


def test_spread_prints_shares_and_plain_sentences(database, capsys):
    assert run(["spread", "--database", database, "--year", "2025"]) == 0  # the exercice that starts in 2025
    text = output(capsys)
    assert text.startswith("Le partage des responsabilités en 2025-2026 — Le Phare\n"
                           "Exercice 2025-2026 : du 1er avril 2025 au 31 mars 2026.")
    assert "Responsabilités tenues : 5, par 2 personnes" in text
    assert "Membres : 80 % · Personnes intervenantes : 20 %" in text
    assert "Part tenue par les 20 % de personnes les plus occupées (1) : 80 %" in text
    assert "Conseil d'administration" in text and "Mandats électifs" in text
    assert "Si tout le monde en avait tenu autant, ce serait 50 %" in " ".join(text.split())


def test_spread_pdf_needs_a_file(database, capsys):
    assert run(["spread", "--database", database, "--format", "pdf"]) == 1
    assert "Indiquez le fichier PDF à écrire avec --out FICHIER." in capsys.readouterr().err


def test_mandates_and_seats_to_fill(database, capsys):
    assert run(["mandates", "--database", database, "--date", "2026-11-25"]) == 0
    text = output(capsys)
    assert ("Présidence — siège 1 : Ana, du 10 janvier 2026 au 9 janvier 2027 (Élu·e à l'AGA du 10 janvier 2026) — "
            "Se termine dans 45 jours") in text
    assert "Siège au CA (membres) — siège 5 : Vacant" in text
    assert run(["mandates", "--database", database, "--date", "2026-11-25", "--to-fill"]) == 0
    text = output(capsys)
    assert "Présidence — siège 1 : Ana, jusqu'au 9 janvier 2027" in text
    assert run(["mandates", "--database", database, "--date", "2026-13-01"]) == 1
    assert "Date invalide « 2026-13-01 »" in capsys.readouterr().err


def test_suggest_finds_the_task_by_name_and_explains_the_rule(database, capsys):
    assert run(["suggest", "cafe", "--database", database, "--date", "2026-02-24"]) == 0
    text = output(capsys)
    assert text.splitlines()[:4] == [
        "« Préparer le café », le 24 février 2026 — personnes proposées :",
        "  1. Zoé — N'a jamais tenu cette tâche. Aucune responsabilité depuis un an.",
        "  2. Luc — N'a jamais tenu cette tâche. 1 responsabilité en tout depuis un an.",
        "  3. Ana — L'a tenue 3 fois depuis un an, la dernière fois le 17 février 2026. 4 responsabilités en tout "
        "depuis un an.",
    ]
    assert "À égalité, l'ordre alphabétique du nom décide" in " ".join(text.split())
    assert run(["suggest", "siège", "--database", database]) == 1
    assert "Plusieurs responsabilités correspondent à « siège »" in capsys.readouterr().err


def test_never_held_and_catalogue(database, capsys):
    assert run(["never-held", "--database", database]) == 0
    assert output(capsys).splitlines() == [
        "Personnes qui n'ont encore jamais pris de responsabilité (1) :", "  Zoé (Membres)"]
    assert run(["responsibilities", "--database", database, "--date", "2026-02-10"]) == 0
    text = output(capsys)
    assert "Tâches régulières :" in text and "  Préparer le café — Ana" in text
    assert "  Tenir la caisse — personne en ce moment" in text
