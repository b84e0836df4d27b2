"""Removing a person's access for real: a new data key, resealed for the others only.

Before this, removing a person only deleted their slot; a copy of the old key file (beside the
database, in every backup) and their passphrase still opened the database. Now a removal:

1. builds the new key file: a new data key sealed to each remaining person's public key (their
   passphrases are not needed, see ``key_seal``), without the removed slot, with its MAC;
2. writes it as ``…keys.pending`` (whole, fsynced) — the old file is still in place;
3. re-encrypts the database with ``PRAGMA rekey`` (one SQLite transaction);
4. puts the new key file in place and deletes the pending one.

A stop at any moment leaves a database that opens with the old key file (before 3 commits) or
the new one (after); ``keyring.settle_pending`` picks the right one at the next unlock. The new
recovery key is returned to be shown once. Old backups keep the old key and the old key file:
:func:`backups_before` lists them so the person can delete them. See docs/keys.md.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _
from . import backups, keyring, keys
from .database_file import connect
from .errors import EntraideError, user_facing_errors
from .store import Store
from .sync import group_key

REVOKED_AT = "access_revoked_at"  # in _local: when access was last removed (ISO, local time)


@dataclass(frozen=True)
class Revocation:
    """What a removal did: the new recovery key (show it once), and who could not be carried over."""

    recovery_key: str
    removed: str
    when: dt.datetime
    dropped: list[str] = field(default_factory=list)  # format 1 slots: their access must be recreated


def not_yet_upgraded(store: Store, keep_out: str | None = None) -> list[str]:
    """Labels of people (other than ``keep_out``) whose slot has no key pair yet: a re-key cannot
    carry them over (they have not unlocked since the update)."""
    keyfile = keyring.current_keyfile(store.paths, store.data_key)
    return [s.label for s in keyfile.slots if not s.upgraded and s.id != keep_out]


def _step(name: str) -> None:
    """A named point of the re-key (tests stop the process here to prove every point is safe)."""


def remove_access(store: Store, slot_id: str) -> Revocation:
    """Remove a person's access and re-key the database (see the module's docstring)."""
    paths = store.paths
    keyfile = keyring.keyfile_to_change(store)
    removed = keyfile.slot(slot_id)
    remaining = [s for s in keyfile.slots if s.id != slot_id]
    carried = [s for s in remaining if s.upgraded]
    if not remaining:
        raise EntraideError(_("Impossible de retirer le dernier accès : personne ne pourrait plus ouvrir la base."))
    if not carried:
        raise EntraideError(
            _(
                "Impossible de retirer cet accès maintenant : aucune autre personne n'a ouvert le registre "
                "depuis la mise à jour d'Entraide, et personne ne pourrait plus l'ouvrir. Demandez à une "
                "autre personne de l'ouvrir une fois avec sa phrase de passe, puis recommencez."
            )
        )
    new_key = keys.new_data_key()
    fresh = keys.KeyFile(
        database_id=keyfile.database_id,
        check=keys.key_check(new_key),
        slots=[keys.reseal(s, new_key, keyfile.database_id) for s in carried],
        generation=keyfile.generation + 1,
    )
    pending = keyring.pending_path(paths)
    keys.write_keyfile(pending, fresh, new_key)
    _step("pending-written")
    with store._state.lock, user_facing_errors(str(paths.database)):
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        store._data_key = new_key
        _step("rekeyed")
        keys.write_keyfile(paths.key_file, fresh, new_key)
        _step("key-file-replaced")
        pending.unlink(missing_ok=True)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # old-key pages leave the journal
    when = dt.datetime.now().replace(microsecond=0)
    store.set_local(REVOKED_AT, when.isoformat())
    # The database and key file are re-keyed: now the group key (and this machine's keys, which the
    # removed person could have copied) are replaced; the next exchange files carry the new group key
    # sealed to each remaining machine (data/sync/group_key.py).
    group_key.rotate(store, int(when.timestamp() * 1000))
    return Revocation(keys.format_recovery_key(new_key), removed.label, when, [s.label for s in remaining if not s.upgraded])


def remove_access_in_worker(store: Store, slot_id: str) -> Revocation:
    """:func:`remove_access` on a connection of its own, for a worker thread; afterwards, call
    :func:`adopt_new_key` on the thread that owns ``store`` (connections stay on their thread)."""
    worker = store.clone()
    try:
        return remove_access(worker, slot_id)
    finally:
        worker.close()


def adopt_new_key(store: Store, done: Revocation) -> None:
    """Reconnect ``store`` (its connection still holds the old key) with the new data key."""
    new_key = keys.parse_recovery_key(done.recovery_key)
    fresh = connect(store.paths.database, new_key)
    old, store.db, store._data_key = store.db, fresh, new_key
    old.close()


def revoked_at(store: Store) -> dt.datetime | None:
    value = store.local(REVOKED_AT)
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def backups_before(store: Store, when: dt.datetime | None = None) -> list[Path]:
    """This database's backups made before the last removal: they still open with the old key."""
    when = when or revoked_at(store)
    if when is None:
        return []
    return [b.path for b in backups.list_backups(store.paths) if b.created < when]


def delete_backups_before(store: Store, when: dt.datetime | None = None) -> list[Path]:
    """Delete the backups made before the last removal (and their key files); returns them."""
    removed = []
    for path in backups_before(store, when):
        with user_facing_errors(str(path.parent)):
            for target in (path, path.with_name(path.name + ".keys")):
                try:
                    os.remove(target)
                except FileNotFoundError:
                    pass
        removed.append(path)
    return removed
