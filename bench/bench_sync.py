"""Sync by file: export, import into a diverged copy, import of a file that brings nothing.

Targets (issue 7), on the ten-year group: export ≤ 1.5 s and ≤ 5 MB; import and merge into
a diverged copy ≤ 3 s (backup copy included); an import that changes nothing ≤ 0.5 s.
The same figures are taken on a larger synthetic group (``LARGE_FIELDS`` field versions in
generated register rows) so they stay true once every area's tables are filled.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from common import CACHE, PASSPHRASE, Group, Result

REPEAT = 3
LARGE_FIELDS = 300_000
EDITS = 300  # fields edited on each side of the diverged copy


def _fresh_home() -> str:
    """Backups taken before imports go to a throw-away home, never the person's own folders."""
    home = tempfile.mkdtemp(prefix="bench-sync-home-")
    os.environ["ENTRAIDE_HOME"] = home
    return home


def _open(folder: Path):
    from entraide_desktop.config import paths_for
    from entraide_desktop.data.connection import unlock

    return unlock(paths_for(folder / "entraide.db"), PASSPHRASE)


def _copy(store, source: Path, target: Path):
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
    return _open(target)


def _introduce(*stores) -> None:
    """Each machine trusts the others' keys, as a join would have made it (signed exchanges)."""
    from entraide_desktop.data.sync import identity

    for store in stores:
        for other in stores:
            if other is not store:
                keys = identity.own(other)
                identity.trust(store, other.site_id, name="", signing=keys.signing_public, box=keys.box_public,
                               introduced_by=store.site_id)


def _large_group(base: Group) -> Path:
    """The ten-year group plus generated people, up to ``LARGE_FIELDS`` field versions (cached)."""
    from entraide_desktop.data import rows

    folder = CACHE / "sync-large"
    marker = folder / "complete"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(base.database.parent, folder)
    store = _open(folder)
    fields = 0
    for (state,) in store.db.execute("SELECT state FROM _versions").fetchall():
        fields += state.count('],{"')  # one context per field
    rng = random.Random(7)
    batch = []
    while fields < LARGE_FIELDS:
        person = {
            "first_name": rng.choice(["Ana", "Luc", "Hélène", "Jacques", "Marie-Ève", "Normand"]),
            "last_name": rng.choice(["Tremblay", "Gagnon", "Côté", "Bouchard", "Roy", "Pelletier"]),
            "roles": '["membre"]', "status": "actif", "phone": f"418 555-{rng.randrange(10000):04d}",
            "mobile": f"581 555-{rng.randrange(10000):04d}", "email": f"p{rng.randrange(10**6)}@exemple.org",
            "address": f"{rng.randrange(10, 3000)}, rue Saint-Jean, Québec", "contact_method": "téléphone",
            "member_since": f"20{rng.randrange(16, 27)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 10)}",
            "notes": "Aime les cuisines collectives." if rng.random() < 0.3 else None,
        }
        batch.append(person)
        fields += len(person) + 1
        if len(batch) == 2000:
            rows.insert_many(store, "people", batch)
            batch = []
    if batch:
        rows.insert_many(store, "people", batch)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    marker.write_text(f"{fields}\n", encoding="utf-8")
    return folder


def _diverge(a, b, rng: random.Random) -> None:
    """Edits on both sides: different fields, some of the same fields, new rows, archives, erasures."""
    from entraide_desktop.data import rows

    ids = [r[0] for r in a.db.execute("SELECT id FROM people ORDER BY id").fetchall()]
    picked = rng.sample(ids, EDITS * 2 + 60)
    mine, theirs, shared, gone = picked[:EDITS], picked[EDITS : EDITS * 2], picked[EDITS * 2 : EDITS * 2 + 30], picked[-30:]
    with a.write():
        for pid in mine:
            rows.update(a, "people", pid, {"phone": f"418 555-{rng.randrange(10000):04d}"})
        for pid in shared:
            rows.update(a, "people", pid, {"notes": "Version du centre"})
        for pid in gone[:20]:
            rows.archive(a, "people", pid)
        for pid in gone[20:]:
            rows.erase(a, "people", pid)
        rows.insert_many(a, "people", [{"first_name": f"Nouvelle {i}"} for i in range(50)])
    with b.write():
        for pid in theirs:
            rows.update(b, "people", pid, {"email": f"autre{rng.randrange(10**6)}@exemple.org"})
        for pid in shared:
            rows.update(b, "people", pid, {"notes": "Version du secrétariat"})
        rows.insert_many(b, "people", [{"first_name": f"Inscrite {i}"} for i in range(50)])


def _measure(label: str, source: Path) -> list[Result]:
    from entraide_desktop.data.sync import exchange

    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    usb = work / "usb"
    usb.mkdir()
    original = _open(source)
    a = _copy(original, source, work / "a")
    original.close()
    export_times, size = [], 0
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = exchange.export_to(a, usb)
        export_times.append(time.perf_counter() - start)
        size = result.size
    import_times, nochange_times = [], []
    for i in range(REPEAT):
        b = _copy(a, work / "a", work / "b")
        _diverge(a, b, random.Random(i))
        exported = exchange.export_to(a, usb)
        start = time.perf_counter()
        summary = exchange.import_file(b, exported.path, confirm_mass=True)  # its 30 erasures and archives: held otherwise
        import_times.append(time.perf_counter() - start)
        assert summary.total > 0
        again = exchange.export_to(a, usb)  # a new file with the same content: nothing new for b
        start = time.perf_counter()
        summary = exchange.import_file(b, again.path)
        nochange_times.append(time.perf_counter() - start)
        assert summary.nothing_new
        b.close()
    records = a.db.execute("SELECT count(*) FROM _versions").fetchone()[0]
    a.close()
    shutil.rmtree(work, ignore_errors=True)
    note = f"{records} fiches, médiane de {REPEAT}"
    return [
        Result(f"exportation ({label})", statistics.median(export_times), "s", 1.5, note),
        Result(f"taille du fichier d'échange ({label})", size / 1_000_000, "Mo", 5.0),
        Result(f"importation dans une copie divergente ({label})", statistics.median(import_times), "s", 3.0, note),
        Result(f"importation sans changement ({label})", statistics.median(nochange_times), "s", 0.5, note),
    ]


def _join(source: Path) -> list[Result]:
    """Informative: setting up a new machine (import everything into an empty database)."""
    from entraide_desktop.config import paths_for
    from entraide_desktop.data.connection import create_database, group_secret
    from entraide_desktop.data.sync import exchange

    work = Path(tempfile.mkdtemp(prefix="bench-sync-join-"))
    original = _open(source)
    a = _copy(original, source, work / "a")
    original.close()
    (work / "usb").mkdir()
    exported = exchange.export_to(a, work / "usb")
    new = create_database(paths_for(work / "new" / "entraide.db"), group_name="", region="", person="Banc",
                          passphrase=PASSPHRASE, group=group_secret(a)).store
    _introduce(a, new)
    start = time.perf_counter()
    exchange.import_file(new, exported.path, backup=False)
    elapsed = time.perf_counter() - start
    new.close()
    a.close()
    shutil.rmtree(work, ignore_errors=True)
    return [Result("nouveau poste : importation complète (groupe de dix ans)", elapsed, "s", note="sans cible")]


def run(group: Group) -> list[Result]:
    home = _fresh_home()
    try:
        results = _measure("groupe de dix ans", group.database.parent)
        results += _measure(f"{LARGE_FIELDS // 1000} 000 versions de champs", _large_group(group))
        results += _join(group.database.parent)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return results
