"""Two real databases on disk, kept in step through the command line only (plus edits in between)."""

from __future__ import annotations

import io
import re

from entraide_desktop.cli import run
from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, rows
from tests.conftest import PASSPHRASE
from tests.sync.helpers import dump, file_digest


def cli(capsys, *args: str) -> tuple[int, str, str]:
    status = run(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def edit(db, fn):
    store = connection.unlock(paths_for(db), PASSPHRASE)
    try:
        return fn(store)
    finally:
        store.close()


def test_two_machines_through_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    a, b = str(tmp_path / "centre" / "entraide.db"), str(tmp_path / "portable" / "entraide.db")
    usb, shared = tmp_path / "usb", tmp_path / "partage"
    usb.mkdir()
    shared.mkdir()
    assert cli(capsys, "init", "--database", a, "--group", "Le Phare", "--person", "Marie")[0] == 0
    pid = edit(a, lambda s: rows.insert(s, "people", {"first_name": "Hélène", "phone": "418 555-0101"}))
    assert cli(capsys, "machine-name", "--database", a, "Ordinateur du centre")[0] == 0

    status, out, _err = cli(capsys, "join-code", "--database", a, "--to", str(usb))
    assert status == 0
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", out).group(0)
    join_file = next(usb.glob("*.entraide-jumelage"))
    spare = tmp_path / "copie-du-jumelage.entraide-jumelage"
    spare.write_bytes(join_file.read_bytes())  # someone kept a copy of the join file
    status, _out, err = cli(capsys, "join", "--database", b, str(join_file), "--code", code, "--person", "Luc",
                            "--machine-name", "Portable du secrétariat")
    assert status != 0 and "ligne de commande" in err  # the code would stay in the shell's history
    monkeypatch.setattr("sys.stdin", io.StringIO(code + "\n"))
    status, out, _err = cli(capsys, "join", "--database", b, str(join_file), "--person", "Luc",
                            "--machine-name", "Portable du secrétariat")
    assert status == 0 and "Le Phare" in out and "Clé de récupération" in out
    assert "Membres : 1 nouvelle fiche" in out
    assert not join_file.exists()  # one use: deleted once it has served

    # Both edit the same phone number and different fields.
    edit(a, lambda s: rows.update(s, "people", pid, {"phone": "418 555-0202", "email": "helene@exemple.org"}))
    edit(b, lambda s: rows.update(s, "people", pid, {"phone": "418 555-0303", "notes": "Préfère le mardi"}))

    assert cli(capsys, "export-bundle", "--database", b, "--to", str(usb))[1].count("retirer la clé") == 1
    bundle = next(p for p in usb.glob("*.entraide") if "jumelage" not in p.name)
    status, out, _err = cli(capsys, "import-bundle", "--database", a, str(bundle))
    assert status == 0
    assert "« Portable du secrétariat »" in out and "Membres : 1 fiche modifiée" in out
    assert "deux postes à la fois" in out

    status, out, _err = cli(capsys, "conflicts", "--database", a)
    assert "Hélène" in out and "Téléphone" in out and "418 555-0303" in out and "418 555-0202" in out
    version = "1" if re.search(r"1\) 418 555-0303", out) else "2"
    assert cli(capsys, "resolve-conflict", "--database", a, "1", "--keep", version)[0] == 0
    assert "Aucun renseignement" in cli(capsys, "conflicts", "--database", a)[1]

    # From now on through a shared folder.
    for db in (a, b, a):
        status, out, _err = cli(capsys, "sync-folder", "--database", db, str(shared), "--remember")
        assert status == 0, out
    status, out, _err = cli(capsys, "sync-folder", "--database", b)
    assert status == 0
    final = [edit(db, dump) for db in (a, b)]
    assert final[0] == final[1]
    row = edit(b, lambda s: rows.get(s, "people", pid))
    assert (row["phone"], row["email"], row["notes"]) == ("418 555-0303", "helene@exemple.org", "Préfère le mardi")

    status, out, _err = cli(capsys, "sync-status", "--database", b)
    assert "Portable du secrétariat" in out and "Ordinateur du centre" in out and str(shared.resolve()) in out

    # A bad file: refused with a French message and a non-zero status, the database unchanged.
    before = edit(a, file_digest)
    bad = tmp_path / "abime.entraide"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 1
    bad.write_bytes(bytes(data))
    status, _out, err = cli(capsys, "import-bundle", "--database", a, str(bad))
    assert status == 1 and "Erreur : " in err and "endommagé" in err
    assert edit(a, file_digest) == before


def test_help_lists_every_sync_command(capsys):
    try:
        run(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    for command in ("export-bundle", "import-bundle", "sync-folder", "sync-status", "machine-name", "conflicts",
                    "resolve-conflict", "join-code", "join"):
        assert command in out
