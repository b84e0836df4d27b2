"""Removing a person: the re-key of the ten-year group (new data key, PRAGMA rekey, resealed slots).

Works on a COPY of the cached database and its key file (the cache is never re-keyed). Measures
the whole removal as the access dialog runs it (``revocation.remove_access``), with one other
person's access kept, and the database size. Target: ≤ 10 s (the access dialog runs it off the
UI thread with a progress dialog; the whole file is rewritten once).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from common import Group, Result

RUNS = 3


def _copy(group: Group, folder: Path) -> Path:
    from entraide_desktop.data import connection, database_file

    source = connection.unlock(group.paths(), group.passphrase)  # a consistent copy, WAL included
    try:
        target = folder / "entraide.db"
        database_file.copy_database(source.db, target, source.data_key)
        shutil.copyfile(group.paths().key_file, folder / "entraide.db.keys")
    finally:
        source.close()
    return target


def run(group: Group) -> list[Result]:
    from entraide_desktop.config import paths_for
    from entraide_desktop.data import access, connection, database_file, revocation

    seconds = []
    size = 0
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="entraide-rekey-") as tmp:
            database = _copy(group, Path(tmp))
            size = database.stat().st_size
            store = connection.unlock(paths_for(database), group.passphrase)
            try:
                slot = access.add_person(store, "Passant du banc d'essai", "passant du banc d'essai au local")
                start = time.perf_counter()
                revocation.remove_access(store, slot)
                seconds.append(time.perf_counter() - start)
                assert database_file.integrity_check(store.db) == []
            finally:
                store.close()
    mib = size / 1_048_576
    return [Result(f"re-key on removal, ten-year group ({mib:.0f} MiB)", statistics.median(seconds), "s", 10.0,
                   f"min {min(seconds):.2f} s, max {max(seconds):.2f} s")]
