"""Create and open the encrypted group database (the group's bootstrap).

Opening is careful: every check that can fail (key file, passphrase, file readable, schema
not newer than this app) runs before anything is written, so bad input leaves every file
as it was. A copy of the database is taken before pending migrations run.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..config import Paths
from ..i18n import _
from ..private_files import make_private
from . import follow_ups  # noqa: F401  (activates what follows every change)
from . import keyring, keys, rows, starting_rows
from .clock import HybridClock
from .database_file import compact_if_sparse, connect, copy_database, enable_wal
from .errors import (
    DatabaseCorrupt,
    DatabaseMissing,
    EntraideError,
    NewerSchema,
    ValidationError,
    user_facing_errors,
)
from .far_stamps import repair_far_stamps
from .row_storage import forget_structure
from .schema import MIGRATIONS, known_migrations
from .schema.core import GROUP_PROFILE_ID
from .store import Author, Store, _WriteState, new_site_id
from .sync.state import note_former_sites

def _make_files_private(paths: Paths) -> None:
    """Files made by older versions (0644) become the user's alone (POSIX; see private_files)."""

    side = [Path(str(paths.database) + suffix) for suffix in ("-wal", "-shm")]
    folder = paths.database_backups_dir
    copies = list(folder.iterdir()) if folder.is_dir() else []
    make_private(paths.database, paths.key_file, *side, paths.backups_dir, folder, *copies)


def _file_identity(path: Path) -> dict[str, object]:
    st = path.stat()
    return {"path": str(path.resolve()), "dev": st.st_dev, "ino": st.st_ino}


# -- creating -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Created:
    store: Store
    recovery_key: str


def create_database(
    paths: Paths, *, group_name: str, region: str, person: str, passphrase: str,
    group: tuple[str, bytes] | None = None,
) -> Created:
    """Create a new group: database, group id and sync key, first person's passphrase, recovery key.

    With ``group`` (id, sync key of an existing group), the database joins that group instead:
    no group profile is written, it arrives with the group's data (see ``data/sync/join.py``).
    """

    keys.check_passphrase_strength(passphrase, context=(group_name,))
    group_name = group_name.strip()
    if not group_name and group is None:
        raise ValidationError(_("Indiquez le nom du groupe."), "group_name")
    if paths.database.exists() or paths.key_file.exists():
        raise EntraideError(
            _("Une base de données existe déjà à cet endroit (« {path} ») : elle n'a pas été touchée.").format(
                path=paths.database
            )
        )
    data_key = keys.new_data_key()
    database_id = str(uuid.uuid4())
    slot = keys.make_slot(data_key, database_id, person, passphrase)
    keyfile = keys.KeyFile(database_id=database_id, check=keys.key_check(data_key), slots=[slot])
    with user_facing_errors(str(paths.database.parent)):
        paths.database.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = connect(paths.database, data_key)
            enable_wal(db)
            MIGRATIONS.apply(db)
            site_id = new_site_id()
            local = {
                "database_id": database_id,
                "site_id": site_id,
                "counter": "0",
                "clock": "0",
                "identity": json.dumps(_file_identity(paths.database)),
                "group_id": group[0] if group else str(uuid.uuid4()),
                "group_key": base64.b64encode(group[1] if group else secrets.token_bytes(32)).decode("ascii"),
                "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "keyfile_mac": "1",  # keyring.MAC_MARKER: a key file without MAC is refused
            }
            with db.atomic():
                db.conn.executemany("INSERT INTO _local (key, value) VALUES (?, ?)", list(local.items()))
            store = Store(db, paths, data_key, Author(slot.id, slot.label), _WriteState(site_id, 0, HybridClock()))
            if group is None:
                rows.insert(store, "group_profile", {"name": group_name, "region": region.strip()}, row_id=GROUP_PROFILE_ID)
                starting_rows.seed(store)
            keys.write_keyfile(paths.key_file, keyfile, data_key)
        except BaseException:
            # Nothing half-made is left behind for the next start to trip on.
            for leftover in (paths.database, Path(str(paths.database) + "-wal"), Path(str(paths.database) + "-shm")):
                leftover.unlink(missing_ok=True)
            raise
    return Created(store, keys.format_recovery_key(data_key))


# -- opening --------------------------------------------------------------------------------------


def _check_database_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseMissing(_("La base de données « {path} » est introuvable.").format(path=path))
    if not os.access(path, os.R_OK):
        raise DatabaseMissing(_("La base de données « {path} » ne peut pas être lue (droits d'accès).").format(path=path))
    if path.stat().st_size == 0:
        raise DatabaseCorrupt(_("Le fichier « {name} » est vide : ce n'est pas une base Entraide.").format(name=path.name))


def unlock(paths: Paths, passphrase: str, slot_id: str | None = None) -> Store:
    """Open the database with a person's passphrase (their slot, or whichever slot it opens)."""
    data_key, author = derive_data_key(paths, passphrase, slot_id)
    return open_with_key(paths, data_key, author)


def derive_data_key(paths: Paths, passphrase: str, slot_id: str | None = None) -> tuple[bytes, Author]:
    """The data key a passphrase unwraps and who it belongs to, without opening the database.

    This is the slow, deliberate part of unlocking (the key derivation): the UI runs it off its
    thread, then opens with :func:`open_with_key` on its own thread (connections stay per thread).
    """
    _check_database_file(paths.database)
    slot, data_key = keyring.unlock_key(paths, passphrase, slot_id)
    return data_key, Author(slot.id, slot.label)


def unlock_with_recovery_key(paths: Paths, recovery_key: str) -> Store:
    """Open with the recovery key (works even when the key file is lost or damaged)."""
    _check_database_file(paths.database)
    data_key = keys.parse_recovery_key(recovery_key)
    try:
        keyfile = keyring.current_keyfile(paths, data_key)
    except EntraideError:
        keyfile = None
    if keyfile is not None:
        keys.verify_key(keyfile, data_key)
    return open_with_key(paths, data_key, Author("recovery", _("Clé de récupération")))


def open_with_key(paths: Paths, data_key: bytes, author: Author) -> Store:
    """Open with the data key: refuse a newer schema, back up, migrate, check the machine identity,
    add the starting rows a group lacks (``starting_rows``)."""
    _check_database_file(paths.database)
    db = connect(paths.database, data_key)
    try:
        with user_facing_errors(str(paths.database)):
            _refuse_newer_schema(db)
            if MIGRATIONS.pending(db):
                _backup_before_migration(db, paths, data_key)
                enable_wal(db)
                MIGRATIONS.apply(db)
                compact_if_sparse(db)

                forget_structure()
            else:
                enable_wal(db)
            local = dict(db.execute("SELECT key, value FROM _local").fetchall())
            state = _WriteState(local["site_id"], int(local.get("counter", "0")), HybridClock(int(local.get("clock", "0"))))
            store = Store(db, paths, data_key, author, state)

            repair_far_stamps(store, int(local.get("clock", "0")))
            _renew_site_if_copied(store, local)
            keyring.remember_mac(store, local)
            starting_rows.seed(store)
            _make_files_private(paths)
    except BaseException:
        db.close()
        raise
    return store


def _refuse_newer_schema(db: sqlite_utils.Database) -> None:
    applied = {m.name for m in MIGRATIONS.applied(db)}
    unknown = applied - set(known_migrations())
    if unknown:
        raise NewerSchema(
            _(
                "Cette base de données a été modifiée par une version plus récente d'Entraide. "
                "Mettez à jour Entraide sur ce poste avant de l'ouvrir ; rien n'a été modifié."
            )
        )


def _backup_before_migration(db: sqlite_utils.Database, paths: Paths, data_key: bytes) -> Path:
    """Copy the database (encrypted, consistent) before a migration changes it."""
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    target = paths.database_backups_dir / f"entraide-{stamp}-avant-mise-a-jour.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    copy_database(db, target, data_key)
    return target


def _renew_site_if_copied(store: Store, local: dict[str, str]) -> None:
    """A copied or restored file gets a new site id, or two machines would reuse write ids."""
    identity = _file_identity(store.paths.database)
    try:
        recorded = json.loads(local.get("identity", "{}"))
    except ValueError:
        recorded = {}
    if recorded == identity:
        return
    renew_site_id(store, identity)


def renew_site_id(store: Store, identity: dict[str, object] | None = None) -> str:
    """Give this database a new machine identity (after a copy or a restore)."""
    identity = identity or _file_identity(store.paths.database)
    new_site = new_site_id()
    old = store.site_id
    previous = json.loads(store.local("previous_sites", "[]") or "[]")
    old_counter = int(store.local("counter", "0") or 0)
    with store.write():
        note_former_sites(store, {old: old_counter})
        store.db.conn.executemany(
            "INSERT OR REPLACE INTO _local (key, value) VALUES (?, ?)",
            [
                ("site_id", new_site),
                ("counter", "0"),
                ("identity", json.dumps(identity)),
                ("previous_sites", json.dumps([*previous, old])),
            ],
        )
    store.adopt_site_id(new_site)
    return new_site


def group_secret(store: Store) -> tuple[str, bytes]:
    """(group id, group sync key) kept inside the encrypted database."""
    return str(store.local("group_id")), base64.b64decode(store.local("group_key") or "")


def data_size(paths: Paths) -> int:
    return sum(p.stat().st_size for p in paths.database.parent.glob(paths.database.name + "*") if p.is_file())


def remove_database_files(paths: Paths) -> None:
    """Delete a database and its side files (tests and failed setups only)."""
    for p in (paths.database, paths.key_file, Path(str(paths.database) + "-wal"), Path(str(paths.database) + "-shm")):
        p.unlink(missing_ok=True)
    shutil.rmtree(paths.database_backups_dir, ignore_errors=True)
