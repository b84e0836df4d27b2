"""Child process for the kill tests: writes, backs up and exports in a loop, saying what it committed.

    python -m tests.faults.kill_worker DATABASE PASSPHRASE OUT_DIR
    python -m tests.faults.kill_worker --rekey DATABASE PASSPHRASE PAUSE_AT_STEP

Prints ``BATCH n`` after batch n is committed, ``BACKUP path`` after a backup is written and
verified, ``FILE path`` after an exported file is in place, ``IMPORTED name`` after another
machine's exchange file (in OUT_DIR/recus) is merged, ``EXPORTED path`` after this machine's
exchange file is written to OUT_DIR/cle and verified. The parent kills it at random.
With ``--rekey`` it removes people in a loop instead (see :func:`rekey_main`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import entraide_desktop.data  # noqa: F401
from entraide_desktop.config import paths_for
from entraide_desktop.data import access, backups, connection, rows
from entraide_desktop.data.sync import exchange

BATCH = 20


def batch_ids(n: int) -> list[str]:
    return [rows.deterministic_id("people", "kill", n, i) for i in range(BATCH)]


def export_file(target: Path, payload: bytes) -> None:
    """What every exporter does: temporary file, fsync, rename."""
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)


def main(database: str, passphrase: str, out_dir: str) -> None:
    store = connection.unlock(paths_for(database), passphrase)
    start = int(store.local("kill_next_batch", "0") or 0)
    out = Path(out_dir)
    n = start
    while True:
        with store.write():
            rows.insert_many(
                store, "people",
                [{"id": pid, "first_name": f"Lot {n}", "notes": "x" * 300} for pid in batch_ids(n)],
            )
            store.db.execute("INSERT OR REPLACE INTO _local (key, value) VALUES ('kill_next_batch', ?)", [str(n + 1)])
        print(f"BATCH {n}", flush=True)
        if n % 7 == 3:
            info = backups.write_backup(store, out / "sauvegardes", "manual")
            print(f"BACKUP {info.path}", flush=True)
        if n % 5 == 1:
            target = out / f"export-{n}.bin"
            export_file(target, bytes([n % 256]) * 200_000)
            print(f"FILE {target}", flush=True)
        received = sorted((out / "recus").glob("*.entraide")) if (out / "recus").is_dir() else []
        if received and n % 3 == 2:
            bundle = received[(n // 3) % len(received)]
            exchange.import_file(store, bundle)
            print(f"IMPORTED {bundle.name}", flush=True)
        if (out / "cle").is_dir() and n % 4 == 0:
            print(f"EXPORTED {exchange.export_to(store, out / 'cle').path}", flush=True)
        n += 1


def passant(n: int) -> str:
    return f"passant numero {n} au local du groupe"


def rekey_main(database: str, passphrase: str, pause_at: str) -> None:
    """Add a person then remove them (a re-key), over and over; prints ``STEP name`` at each point
    of the re-key and waits at ``pause_at`` (the parent kills it there), ``REMOVED n`` when done."""
    import time

    from entraide_desktop.data import revocation

    def step(name: str) -> None:
        print(f"STEP {name}", flush=True)
        if name == pause_at:
            time.sleep(60)

    revocation._step = step
    store = connection.unlock(paths_for(database), passphrase)
    n = int(store.local("kill_rekey_next", "0") or 0)
    while True:
        slot = access.add_person(store, f"Passant {n}", passant(n))
        store.set_local("kill_rekey_next", str(n + 1))
        print(f"ADDED {n}", flush=True)
        access.remove_person(store, slot)
        print(f"REMOVED {n}", flush=True)
        n += 1


if __name__ == "__main__":
    if len(sys.argv) > 4 and sys.argv[1] == "--rekey":
        rekey_main(*sys.argv[2:5])
    else:
        main(*sys.argv[1:4])
