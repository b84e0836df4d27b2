"""The shared sync folder: each machine writes only its own file and imports the others'."""

from __future__ import annotations

from pathlib import Path

import pytest

from entraide_desktop.data import rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.sync import bundle as bundles
from entraide_desktop.data.sync import folder as sync_folder
from tests.sync.helpers import dump


@pytest.fixture
def shared(tmp_path):
    path = tmp_path / "Nextcloud" / "Entraide"
    path.mkdir(parents=True)
    return path


def test_rounds_bring_every_machine_in_step(trio, shared):
    centre, laptop, third = trio
    pid = rows.insert(centre, "people", {"first_name": "Hélène"})
    first = sync_folder.exchange_round(centre, shared)
    assert first.imported == [] and first.exported is not None
    assert [p.name for p in shared.iterdir()] == [bundles.file_name(centre)]
    result = sync_folder.exchange_round(laptop, shared)
    assert [s.machine for s in result.imported] == ["Ordinateur du centre"] and result.changes == 2
    rows.update(third, "people", rows.insert(third, "people", {"first_name": "Ana"}), {"phone": "418"})
    sync_folder.exchange_round(third, shared)
    for store in (centre, laptop, third, centre, laptop):
        sync_folder.exchange_round(store, shared)
    assert sorted(p.name for p in shared.iterdir()) == sorted(bundles.file_name(s) for s in trio)
    assert dump(centre) == dump(laptop) == dump(third)
    assert rows.get(third, "people", pid)["first_name"] == "Hélène"


def test_a_round_without_news_writes_and_imports_nothing(pair, shared):
    centre, laptop = pair
    sync_folder.exchange_round(centre, shared)
    sync_folder.exchange_round(laptop, shared)
    sync_folder.exchange_round(centre, shared)
    quiet = sync_folder.exchange_round(centre, shared)
    assert quiet.imported == [] and quiet.exported is None and quiet.skipped == 1
    rows.insert(centre, "people", {"first_name": "Luc"})
    assert sync_folder.needs_export(centre, shared)
    assert sync_folder.exchange_round(centre, shared).exported is not None


def test_a_half_copied_file_is_retried_at_the_next_round(pair, shared, tmp_path):
    centre, laptop = pair
    rows.insert(centre, "people", {"first_name": "Luc"})
    sync_folder.exchange_round(centre, shared)
    path = shared / bundles.file_name(centre)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # the sync tool is still copying it
    result = sync_folder.exchange_round(laptop, shared)
    assert result.imported == [] and ("incomplet" in result.problems[0] or "copié à moitié" in result.problems[0])
    path.write_bytes(whole)
    assert sync_folder.exchange_round(laptop, shared).changes == 2


def test_the_database_never_lives_in_the_sync_folder(pair):
    centre, _laptop = pair
    with pytest.raises(ValidationError, match="base de données"):
        sync_folder.set_sync_folder(centre, centre.database_path.parent)
    with pytest.raises(ValidationError, match="base de données"):
        sync_folder.set_sync_folder(centre, centre.database_path.parent.parent)
    with pytest.raises(ValidationError, match="introuvable"):
        sync_folder.set_sync_folder(centre, centre.database_path.parent / "absent")


def test_chosen_folder_is_remembered_and_can_be_forgotten(pair, shared):
    centre, _laptop = pair
    assert sync_folder.sync_folder(centre) is None
    sync_folder.set_sync_folder(centre, shared)
    assert sync_folder.sync_folder(centre) == shared.resolve()
    assert sync_folder.exchange_round(centre).folder == shared.resolve()
    sync_folder.set_sync_folder(centre, None)
    assert sync_folder.sync_folder(centre) is None


def test_other_files_in_the_folder_are_left_alone(pair, shared):
    centre, laptop = pair
    (shared / "notes.txt").write_text("liste d'épicerie", encoding="utf-8")
    (shared / ".syncthing.x.entraide.tmp").write_bytes(b"partiel")
    sync_folder.exchange_round(centre, shared)
    result = sync_folder.exchange_round(laptop, shared)
    assert len(result.imported) == 1 and result.problems == []
    assert (shared / "notes.txt").read_text(encoding="utf-8") == "liste d'épicerie"


def test_file_names_are_compared_without_case_as_windows_and_usb_keys_do(pair, shared):
    """A FAT key or a Windows copy may give « …-ABC.ENTRAIDE »: our own file stays ours, another's is read."""
    centre, laptop = pair
    sync_folder.exchange_round(centre, shared)
    sync_folder.exchange_round(laptop, shared)
    for path, name in ((shared / bundles.file_name(laptop), bundles.file_name(laptop).upper()),
                       (shared / bundles.file_name(centre), Path(bundles.file_name(centre)).stem + ".ENTRAIDE")):
        data = path.read_bytes()  # copied back under a new name (a rename of case only is no rename on Wine)
        path.unlink()
        (shared / name).write_bytes(data)
    other = shared / bundles.file_name(centre)
    assert [p.name for p in sync_folder.other_files(laptop, shared)] == [other.stem + ".ENTRAIDE"]
