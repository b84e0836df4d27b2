"""Build (once) the synthetic ten-year group used by every benchmark.

    python bench/generate.py [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import time

from common import CACHE, PASSPHRASE, Group

TODAY = dt.date(2026, 11, 25)
SEED = 10


def ten_year_group(force: bool = False) -> Group:
    from entraide_desktop.config import paths_for
    from entraide_desktop.data.connection import create_database
    from entraide_desktop.demo import AREAS, TEN_YEARS, populate

    folder = CACHE / "ten-year"
    database = folder / "entraide.db"
    marker = folder / "complete"
    areas = "areas: " + ", ".join(AREAS)
    if marker.exists() and not force and areas in marker.read_text(encoding="utf-8"):
        return Group(database)  # built with every area the generators have now
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    created = create_database(paths_for(database), group_name="Groupe de dix ans", region="Mauricie",
                              person="Banc d'essai", passphrase=PASSPHRASE)
    populate(created.store, TEN_YEARS, seed=SEED, today=TODAY, progress=lambda text: print("  génération :", text))
    created.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    created.store.close()
    marker.write_text(f"{time.perf_counter() - start:.1f} s\n{areas}\n", encoding="utf-8")
    return Group(database)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--force", action="store_true")
    group = ten_year_group(parser.parse_args().force)
    print("Groupe de dix ans :", group.database)
