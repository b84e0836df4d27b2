"""The treasury from the command line: a statement imported, balances printed."""

from __future__ import annotations

from entraide_desktop.cli import run
from tests.conftest import PASSPHRASE
from tests.data.test_treasury_statement import DESJARDINS


def cli(capsys, *args: str) -> tuple[int, str, str]:
    status = run(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_statement_imported_twice_from_the_command_line_adds_nothing_the_second_time(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    db = str(tmp_path / "centre" / "entraide.db")
    assert cli(capsys, "init", "--database", db, "--group", "Le Phare", "--person", "Marie")[0] == 0
    statement = tmp_path / "releve.csv"
    statement.write_bytes(DESJARDINS.encode("cp1252"))
    status, out, _err = cli(capsys, "treasury", "import-statement", str(statement), "--database", db, "--dry-run")
    assert status == 0 and "4 opérations du 1er mai 2026 au 4 mai 2026" in out and "rien n'a été écrit" in out
    status, out, _err = cli(capsys, "--database", db, "treasury", "import-statement", str(statement))
    assert status == 0 and "4 lignes ajoutées, 0 déjà importée" in out
    status, out, _err = cli(capsys, "treasury", "import-statement", str(statement), "--database", db)
    assert "0 ligne ajoutée, 4 déjà importées" in out
    status, out, _err = cli(capsys, "treasury", "balance", "--database", db)
    assert status == 0 and "Compte bancaire" in out and "0,00" in out


def test_a_statement_that_is_not_one_is_refused_in_french(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    db = str(tmp_path / "entraide.db")
    cli(capsys, "init", "--database", db, "--group", "Le Phare", "--person", "Marie")
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"%PDF-1.4 binary")
    status, out, _err = cli(capsys, "treasury", "import-statement", str(bad), "--database", db)
    assert status == 1 and "n'est pas un fichier CSV" in out and "Rien n'a été importé" in out
