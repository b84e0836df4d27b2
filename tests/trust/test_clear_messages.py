"""Finding 9 (smaller) replayed: clear French messages instead of tracebacks, and a truthful lock."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from entraide_desktop.data import people, rows
from entraide_desktop.data.errors import AlreadyOpen, DiskFull, ReadOnlyLocation
from entraide_desktop.instance_lock import InstanceLock
from tests.conftest import PASSPHRASE


def test_disk_full_during_a_write_is_a_french_message_and_changes_nothing(store):
    before = len(people.list_people(store))
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: SQLite says the disk is full
    with pytest.raises(DiskFull, match="Le disque est plein"):
        rows.insert(store, "people", {"first_name": "Hélène", "notes": "x" * 200_000})
    store.db.execute("PRAGMA max_page_count = 1073741823")
    assert len(people.list_people(store)) == before
    rows.insert(store, "people", {"first_name": "Hélène"})  # the write path still works afterwards


def test_list_meetings_into_a_closed_pipe_exits_quietly(demo_store):
    database = str(demo_store.paths.database)
    demo_store.close()
    env = {**os.environ, "ENTRAIDE_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen([sys.executable, "-m", "entraide_desktop", "list-meetings", "--database", database],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    child.stdout.close()  # like « | head » that has read enough before the first line
    _out, err = child.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
    assert child.returncode == 0


def test_a_lock_file_that_cannot_be_created_is_not_reported_as_already_open(paths):
    paths.lock_file.parent.mkdir(parents=True, exist_ok=True)
    paths.lock_file.mkdir()  # whatever the cause (rights, read-only folder), the file cannot be made
    with pytest.raises(ReadOnlyLocation, match="ne peut pas créer son fichier de verrou") as raised:
        InstanceLock(paths).acquire()
    assert not isinstance(raised.value, AlreadyOpen)


def test_a_lock_whose_folder_cannot_be_made_says_so(tmp_path):
    from entraide_desktop.config import paths_for

    blocker = tmp_path / "fichier"
    blocker.write_text("")
    with pytest.raises(ReadOnlyLocation, match="fichier de verrou"):
        InstanceLock(paths_for(blocker / "sous" / "entraide.db")).acquire()


def test_a_lock_held_by_another_instance_still_says_already_open(paths):
    first = InstanceLock(paths)
    first.acquire()
    try:
        code = ("import sys; from entraide_desktop.config import paths_for; from entraide_desktop.instance_lock "
                "import InstanceLock\ntry:\n    InstanceLock(paths_for(sys.argv[1])).acquire()\nexcept Exception as e:\n"
                "    print(type(e).__name__)")
        done = subprocess.run([sys.executable, "-c", code, str(paths.database)], capture_output=True, text=True,
                              timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.stdout.strip() == "AlreadyOpen", done.stderr
    finally:
        first.release()
