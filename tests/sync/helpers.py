"""Machines of one group for sync tests: real encrypted databases on disk sharing the group key."""

from __future__ import annotations

import hashlib
from pathlib import Path

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, starting_rows
from entraide_desktop.data.store import Store
from entraide_desktop.data.sync import identity, machines
from tests.conftest import PASSPHRASE


def new_group(root: Path, names: list[str]) -> list[Store]:
    """One database per name, in one group; the first one created the group."""
    first = connection.create_database(paths_for(root / "m0" / "entraide.db"), group_name="Le Phare",
                                       region="Capitale-Nationale", person=f"Personne de {names[0]}",
                                       passphrase=PASSPHRASE).store
    machines.set_machine_name(first, names[0])
    stores = [first]
    for index, name in enumerate(names[1:], start=1):
        store = connection.create_database(paths_for(root / f"m{index}" / "entraide.db"), group_name="", region="",
                                           person=f"Personne de {name}", passphrase=PASSPHRASE,
                                           group=connection.group_secret(first)).store
        machines.set_machine_name(store, name)
        starting_rows.seed(store)  # opened once since it joined, as every database is
        stores.append(store)
    introduce(*stores)
    return stores


def introduce(*stores: Store) -> None:
    """Each machine trusts the others' keys, as joining through join files would have made it."""
    for store in stores:
        for other in stores:
            if other is not store:
                keys = identity.own(other)
                identity.trust(store, other.site_id, name=machines.machine_name(other), signing=keys.signing_public,
                               box=keys.box_public, introduced_by=store.site_id)


def file_digest(store: Store) -> str:
    """A digest of the database files on disk (after a checkpoint): byte-for-byte comparison."""
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        path = Path(str(store.database_path) + suffix)
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def dump(store: Store) -> dict[str, object]:
    """Everything that must be identical on every machine after a full exchange."""
    from entraide_desktop.data.schema.registry import SYNCED_TABLES

    data: dict[str, object] = {}
    for table in sorted(SYNCED_TABLES):
        cursor = store.db.execute(f'SELECT * FROM "{table}" ORDER BY id')
        names = [c[0] for c in cursor.description]
        data[table] = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    data["_versions"] = store.db.execute("SELECT tbl, row_id, state FROM _versions ORDER BY tbl, row_id").fetchall()
    # Two machines erasing the same row each keep their own tombstone: only what was erased must match.
    data["_tombstones"] = store.db.execute("SELECT tbl, row_id FROM _tombstones ORDER BY tbl, row_id").fetchall()
    return data
