"""Crash safety: the app process is killed (SIGKILL) at random moments while it writes, backs up
and exports; every time, the database passes its integrity check, every committed change is
there, nothing half-committed is, and no half-written file is taken for a good one."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from entraide_desktop.data import backups, connection, database_file, rows
from tests.conftest import PASSPHRASE
from tests.faults.kill_worker import BATCH, batch_ids

pytestmark = pytest.mark.slow  # processes killed at random moments: tens of seconds

KILLS = int(os.environ.get("ENTRAIDE_KILLS", "20"))


def _run_and_kill(database: Path, out: Path, delay: float) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.kill_worker", str(database), PASSPHRASE, str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    first: list[str] = []
    if sys.platform == "win32":  # a Windows interpreter under Wine takes seconds to start: kill it at work
        first.append(proc.stdout.readline())  # type: ignore[union-attr]
    time.sleep(delay)
    proc.kill()  # SIGKILL; TerminateProcess on Windows, as abrupt
    stdout, stderr = proc.communicate(timeout=30)
    assert "Traceback" not in stderr, stderr
    return (first[0] + stdout).splitlines() if first else stdout.splitlines()


def _bundles_from_another_machine(folder: Path, out: Path) -> dict[str, list[str]]:
    """A second machine of the group writes three exchange files as it grows; returns each file's people."""
    from entraide_desktop.data.sync import exchange
    from tests.sync.helpers import new_group

    centre, laptop = new_group(folder, ["Ordinateur du centre", "Portable du secrétariat"])
    (out / "recus").mkdir()
    (out / "cle").mkdir()
    people: dict[str, list[str]] = {}
    ids: list[str] = []
    for round_ in range(3):
        ids += rows.insert_many(laptop, "people", [{"first_name": f"Portable {round_}-{i}"} for i in range(40)])
        (out / "recus" / f"r{round_}").mkdir()
        path = exchange.export_to(laptop, out / "recus" / f"r{round_}").path
        target = out / "recus" / f"portable-{round_}.entraide"
        path.rename(target)
        people[target.name] = list(ids)
    laptop.close()
    return {"centre": centre, **people}  # type: ignore[dict-item]


def test_kills_during_writes_backups_and_exports(tmp_path):
    out = tmp_path / "sortie"
    out.mkdir()
    made = _bundles_from_another_machine(tmp_path / "machines", out)
    centre = made.pop("centre")
    paths = centre.paths
    centre.close()
    received: dict[str, list[str]] = made  # type: ignore[assignment]
    rng = random.Random(20261125)
    committed: set[int] = set()
    files: set[Path] = set()
    backups_seen: set[Path] = set()
    imported: set[str] = set()
    bundles_sent: set[Path] = set()
    survived = 0
    for _ in range(KILLS):
        lines = _run_and_kill(paths.database, out, rng.uniform(0.5, 1.1))
        for line in lines:
            kind, _sep, value = line.partition(" ")
            if kind == "BATCH":
                committed.add(int(value))
            elif kind == "FILE":
                files.add(Path(value))
            elif kind == "BACKUP":
                backups_seen.add(Path(value))
            elif kind == "IMPORTED":
                imported.add(value)
            elif kind == "EXPORTED":
                bundles_sent.add(Path(value))
        reopened = connection.unlock(paths, PASSPHRASE)
        try:
            assert database_file.integrity_check(reopened.db) == []
            next_batch = int(reopened.local("kill_next_batch", "0") or 0)
            # Every batch reported as committed is there, whole.
            assert all(b < next_batch for b in committed)
            for b in range(next_batch):
                present = [rows.get(reopened, "people", pid) is not None for pid in batch_ids(b)]
                assert all(present), f"batch {b} incomplete"
            # The batch being written when killed left nothing behind.
            assert not any(rows.get(reopened, "people", pid) for pid in batch_ids(next_batch))
            # Every exchange file reported as imported is there, whole.
            for name in imported:
                assert all(rows.get(reopened, "people", pid) for pid in received[name]), name
            # Exchange files on the key are whole and authentic; half-written ones have a temporary name.
            from entraide_desktop.data.sync import bundle as bundles

            for path in (out / "cle").glob("*.entraide"):
                bundles.authenticate(reopened, path.read_bytes(), path.name)
            key = reopened.data_key
        finally:
            reopened.close()
        # Files in place are whole; half-written ones only exist under a temporary name.
        for exported in out.glob("export-*.bin"):
            n = int(exported.stem.split("-")[1])
            assert exported.read_bytes() == bytes([n % 256]) * 200_000
        for info in backups.list_folder(out / "sauvegardes"):
            backups.verify_backup(info.path, key)
        survived += 1
    assert survived == KILLS
    assert len(committed) > KILLS  # the worker did real work between kills
    assert files and backups_seen and imported and bundles_sent
    print(f"\n{survived} arrêts brutaux survécus, {len(committed)} lots confirmés, "
          f"{len(backups_seen)} sauvegardes, {len(files)} fichiers exportés, "
          f"{len(imported)} fichiers d'échange importés, {len(bundles_sent)} exportés")


REKEY_POINTS = ["pending-written", "rekeyed", "key-file-replaced"]


def _kill_during_rekey(database: Path, pause_at: str, delay: float | None) -> list[str]:
    """Start the re-key worker; kill it when it reaches ``pause_at``, or ``delay`` s after the
    pending key file is written (inside ``PRAGMA rekey``), or ``delay`` s after start."""
    import queue
    import threading

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.kill_worker", "--rekey", str(database), PASSPHRASE, pause_at],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, bufsize=1,
    )
    # A reader thread, not select(): Windows cannot select on a pipe.
    received: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [received.put(line) for line in proc.stdout], daemon=True)  # type: ignore[union-attr]
    reader.start()
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            line = received.get(timeout=1).strip()
        except queue.Empty:
            continue
        lines.append(line)
        if line == f"STEP {pause_at}":
            break
        if pause_at == "inside-rekey" and line == "STEP pending-written":
            time.sleep(delay or 0)
            break
    proc.kill()  # SIGKILL; TerminateProcess on Windows, as abrupt
    proc.wait(timeout=30)
    reader.join(timeout=30)
    stderr = proc.stderr.read()  # type: ignore[union-attr]
    while not received.empty():
        lines.append(received.get().strip())
    assert "Traceback" not in stderr, stderr
    return lines


def test_kills_during_rekey_leave_a_database_that_opens_with_the_old_or_the_new_key(tmp_path):
    """A removal is killed at each point of its re-key (and at random inside PRAGMA rekey): the
    remaining person always unlocks, every committed row is there, and the removed person opens
    the database only if their removal had not committed."""
    from entraide_desktop.config import paths_for
    from entraide_desktop.data import keyring, keys
    from tests.faults.kill_worker import passant

    paths = paths_for(tmp_path / "groupe" / "entraide.db")
    created = connection.create_database(paths, group_name="Le Phare", region="", person="Marie", passphrase=PASSPHRASE)
    ids = rows.insert_many(created.store, "people", [{"first_name": f"P{i}", "notes": "x" * 400} for i in range(3000)])
    created.store.close()
    rng = random.Random(20261205)
    plan = [(point, None) for point in REKEY_POINTS] * 2 + [("inside-rekey", rng.uniform(0, 0.15)) for _ in range(6)]
    outcomes = set()
    expected = {"pending-written": "old key", "rekeyed": "new key", "key-file-replaced": "new key"}
    for pause_at, delay in plan:
        lines = _kill_during_rekey(paths.database, pause_at, delay)
        left_pending = keyring.pending_path(paths).exists()
        added = [int(line.split()[1]) for line in lines if line.startswith("ADDED")]
        reopened = connection.unlock(paths, PASSPHRASE)
        try:
            assert database_file.integrity_check(reopened.db) == []
            assert reopened.db.execute("SELECT count(*) FROM people").fetchone()[0] == len(ids)
            assert not keyring.pending_path(paths).exists()
            labels = [label for _id, label in keys.read_keyfile(paths.key_file).labels()]
        finally:
            reopened.close()
        if added:
            n = added[-1]
            if f"Passant {n}" in labels:  # the removal had not committed: their access is intact
                outcomes.add("old key")
                connection.unlock(paths, passant(n)).close()
            else:  # it had: they are out
                outcomes.add("new key")
                with pytest.raises(connection.EntraideError):
                    connection.unlock(paths, passant(n))
            got = "old key" if f"Passant {n}" in labels else "new key"
            assert expected.get(pause_at, got) == got, (pause_at, got)
            print(pause_at, delay, got, "pending left" if left_pending else "")
    assert outcomes == {"old key", "new key"}
