"""Finding 2 of issue 12: one forged file erased all 71 people. A file that would erase or archive
many people is held until someone confirms, on screen and on the command line."""

from __future__ import annotations

import pytest

from entraide_desktop.cli import run
from entraide_desktop.data import rows
from entraide_desktop.data.sync import exchange
from entraide_desktop.data.sync.hold import HeldImport, is_mass
from tests.conftest import PASSPHRASE
from tests.sync.helpers import file_digest
from tests.trust.forge import forge

FORGER = "f0f0f0f0f0f0f0f0"


def _register(centre, laptop, usb, count: int) -> list[str]:
    ids = [rows.insert(centre, "people", {"first_name": f"Personne {n:02d}"}) for n in range(count)]
    exchange.import_file(laptop, exchange.export_to(centre, usb).path)
    return ids


def test_a_file_erasing_the_whole_register_is_held_and_changes_nothing(pair, usb):
    centre, laptop = pair
    ids = _register(centre, laptop, usb, 12)
    forged = forge(laptop, site=FORGER, tombstones=[["people", pid, FORGER, 1, "Quelqu'un"] for pid in ids])
    before = file_digest(laptop)
    backups = set(laptop.paths.database_backups_dir.glob("*"))
    with pytest.raises(HeldImport) as held:
        exchange.import_bytes(laptop, forged, "fabrique.entraide")
    assert file_digest(laptop) == before
    assert len(held.value.change.erased) == 12
    assert "12 personnes seraient effacées pour de bon" in held.value.message
    assert "Personne 00" in held.value.message and "et 4 autres" in held.value.message
    assert set(laptop.paths.database_backups_dir.glob("*")) == backups, "no backup left for a held file"
    # Confirmed, it applies.
    summary = exchange.import_bytes(laptop, forged, "fabrique.entraide", confirm_mass=True)
    assert summary.total == 12 and laptop.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_an_honest_mass_archive_is_held_too_and_applied_on_confirmation(pair, usb):
    centre, laptop = pair
    ids = _register(centre, laptop, usb, 8)
    for pid in ids[:4]:
        rows.archive(centre, "people", pid)
    path = exchange.export_to(centre, usb).path
    with pytest.raises(HeldImport, match="4 personnes seraient archivées"):
        exchange.import_file(laptop, path)
    assert laptop.db.execute("SELECT count(*) FROM people WHERE archived = 1").fetchone()[0] == 0
    exchange.import_file(laptop, path, confirm_mass=True)
    assert laptop.db.execute("SELECT count(*) FROM people WHERE archived = 1").fetchone()[0] == 4


def test_one_erasure_in_a_large_register_is_not_held(pair, usb):
    centre, laptop = pair
    ids = _register(centre, laptop, usb, 30)
    from entraide_desktop.data.members import erase_person  # noqa: PLC0415

    erase_person(centre, ids[0], "Personne 00")
    summary = exchange.import_file(laptop, exchange.export_to(centre, usb).path)
    assert summary.total >= 1 and rows.get(laptop, "people", ids[0]) is None


@pytest.mark.parametrize(("count", "register", "held"),
                         [(1, 5, False), (2, 30, False), (3, 29, True), (3, 30, False), (3, 40, False), (4, 1000, True), (2, 10, True)])
def test_the_threshold_is_more_than_three_people_or_more_than_a_tenth(count, register, held):
    assert is_mass(count, register) is held


def test_the_command_line_asks_for_yes(pair, usb, tmp_path, monkeypatch, capsys):
    centre, laptop = pair
    ids = _register(centre, laptop, usb, 6)
    forged = tmp_path / "fabrique.entraide"
    forged.write_bytes(forge(laptop, site=FORGER, tombstones=[["people", pid, FORGER, 1, "X"] for pid in ids]))
    database = str(laptop.database_path)
    laptop.close()
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    status = run(["import-bundle", "--database", database, str(forged)])
    out = capsys.readouterr().out
    assert status == 1 and "6 personnes seraient effacées" in out and "--yes" in out
    assert run(["import-bundle", "--database", database, str(forged), "--yes"]) == 0
    assert "6 fiches effacées pour de bon" in capsys.readouterr().out
