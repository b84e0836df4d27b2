"""The headless command line: init, demo, check, version, and French errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from entraide_desktop.cli import run
from tests.conftest import PASSPHRASE


def test_version(capsys):
    try:
        run(["--version"])
    except SystemExit as exit_:
        assert exit_.code == 0
    assert capsys.readouterr().out.startswith("Entraide ")


@pytest.mark.slow  # builds the whole demo group through the command line: seconds; `demo` and `check` have quick siblings
def test_init_demo_and_check(tmp_path, monkeypatch, capsys):
    db = tmp_path / "g" / "entraide.db"
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    assert run(["init", "--database", str(db), "--group", "Le Phare", "--person", "Marie"]) == 0
    out = capsys.readouterr().out
    assert "Clé de récupération" in out
    assert run(["demo", "--database", str(db)]) == 0
    assert "people" in capsys.readouterr().out
    assert run(["check", "--database", str(db)]) == 0
    out = capsys.readouterr().out
    assert "aucun problème" in out and "people" in out


def test_wrong_passphrase_gives_french_message_and_status_1(tmp_path, monkeypatch, capsys):
    db = tmp_path / "g" / "entraide.db"
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    run(["init", "--database", str(db), "--group", "Le Phare", "--person", "Marie"])
    capsys.readouterr()
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("mauvaise phrase de passe\n", encoding="utf-8")
    assert run(["check", "--database", str(db), "--passphrase-file", str(phrase)]) == 1
    assert "Phrase de passe incorrecte" in capsys.readouterr().err


def test_missing_passphrase_is_explained(tmp_path, capsys):
    assert run(["check", "--database", str(tmp_path / "x.db")]) == 1
    assert "ENTRAIDE_PASSPHRASE" in capsys.readouterr().err


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "entraide_desktop", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "Sans commande, ouvre l'application" in result.stdout


def test_help_and_usage_errors_are_in_french(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_:
        run(["backup", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage : entraide backup") and "afficher cette aide et quitter" in out
    with pytest.raises(SystemExit) as exit_:
        run(["pas-une-commande"])
    assert exit_.value.code == 2
    assert "choix invalide" in capsys.readouterr().err


def test_french_dates_and_times_as_written_in_quebec():
    import datetime as dt

    from entraide_desktop.i18n import format_date, format_skeleton, format_time

    assert format_date(dt.date(2026, 11, 23)) == "lundi 23 novembre 2026"
    assert format_date(dt.date(2026, 12, 1)) == "mardi 1er décembre 2026"
    assert format_skeleton("MMMMd", dt.date(2026, 12, 1)) == "1er décembre"  # calendar headings
    assert format_skeleton("MMMMd", dt.date(2026, 12, 11)) == "11 décembre"
    assert format_time(dt.time(19, 30)) == "19 h 30"
    assert format_time(dt.time(9, 0)) == "9 h"
