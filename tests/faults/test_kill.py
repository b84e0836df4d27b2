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

from entraide_desktop.data import backups, connection, rows
from tests.conftest import PASSPHRASE
from tests.faults.kill_worker import BATCH, batch_ids

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
            assert connection.integrity_check(reopened.db) == []
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
