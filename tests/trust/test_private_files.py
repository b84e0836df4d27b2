"""Finding 8 (files) replayed: what Entraide writes is readable by the user only (POSIX)."""

from __future__ import annotations

import os
import stat

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import backups, connection
from entraide_desktop.data.connection import create_database
from entraide_desktop.data.sync import exchange, join
from entraide_desktop.documents.members import write_register
from entraide_desktop.private_files import PRIVATE_UMASK, restrict_umask
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="Sous Windows, les fichiers sont dans le profil de la personne : pas de droits à régler"
)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def private_process():
    """The process as ``entraide`` runs it (umask 077), restored afterwards."""
    previous = os.umask(0o022)
    restrict_umask()
    yield
    os.umask(previous)


def test_the_command_line_sets_the_private_umask_first():
    from entraide_desktop.cli import run

    previous = os.umask(0o022)
    try:
        with pytest.raises(SystemExit):
            run(["--version"])
        assert os.umask(0o022) == PRIVATE_UMASK
    finally:
        os.umask(previous)


def test_every_file_entraide_writes_is_private(private_process, tmp_path):
    created = create_database(paths_for(tmp_path / "groupe" / "entraide.db"), group_name="Le Phare",
                              region="Estrie", person="Marie", passphrase=PASSPHRASE)
    store = created.store
    try:
        info = backups.backup_now(store, "manual")
        usb = tmp_path / "cle"
        usb.mkdir()
        sent = exchange.export_to(store, usb)
        invitation = join.prepare(store, usb)
        write_register(store, tmp_path / "registre.csv", "csv")
        write_register(store, tmp_path / "registre.xlsx", "xlsx")
        files = [store.paths.database, store.paths.key_file, info.path, info.key_file, sent.path, invitation.path,
                 tmp_path / "registre.csv", tmp_path / "registre.xlsx"]
        files += [p for p in store.paths.database.parent.glob("entraide.db-*")]
        for path in files:
            assert mode(path) == 0o600, f"{path.name} is {oct(mode(path))}"
        for folder in (store.paths.database.parent, store.paths.backups_dir, store.paths.database_backups_dir):
            assert mode(folder) == 0o700, f"{folder} is {oct(mode(folder))}"
    finally:
        store.close()


def test_files_left_readable_by_an_older_version_are_tightened_when_opened(tmp_path):
    previous = os.umask(0o022)
    try:
        paths = paths_for(tmp_path / "groupe" / "entraide.db")
        created = create_database(paths, group_name="Le Phare", region="Estrie", person="Marie", passphrase=PASSPHRASE)
        info = backups.backup_now(created.store, "manual")
        created.store.close()
        assert mode(paths.key_file) == 0o644 and mode(paths.database) == 0o644  # the finding, as it was
        connection.unlock(paths, PASSPHRASE).close()
    finally:
        os.umask(previous)
    for path in (paths.database, paths.key_file, info.path, info.key_file):
        assert mode(path) == 0o600
    assert mode(paths.database_backups_dir) == 0o700 and mode(paths.backups_dir) == 0o700
