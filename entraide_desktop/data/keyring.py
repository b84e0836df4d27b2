"""Which key file opens the database, checked before anything is opened (the unlock's key step).

Three things happen here, in the unlock's worker thread, with only the key file module and the
SQLCipher driver loaded (not sqlite-utils):

- A re-key writes the new key file as ``…keys.pending`` before ``PRAGMA rekey`` and puts it in
  place after. If the app was stopped in between, the database opens with one of the two keys:
  the one that really opens it wins, and the other file is dropped.
- The key file's MAC is checked with the unwrapped data key: a pasted slot or a renamed label is
  refused with a clear message.
- A format 1 file (no MAC) is accepted once, unless this database already recorded that its key
  file has a MAC (then the MAC was stripped); it is written back with its MAC, and the unlocking
  person's slot gets its key pair.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Paths
from ..i18n import _
from . import keys
from ._driver import sqlite3
from .errors import DatabaseCorrupt, KeyFileError, WrongPassphrase

if TYPE_CHECKING:
    from .store import Store

MAC_MARKER = "keyfile_mac"  # in _local: this database's key file carries a MAC


def pending_path(paths: Paths) -> Path:
    return paths.key_file.with_name(paths.key_file.name + ".pending")


def peek(database: Path, data_key: bytes) -> tuple[bool, str | None]:
    """(whether ``data_key`` opens ``database``, its key-file MAC marker) without sqlite-utils."""
    try:  # read-write but never create: a missing file stays missing
        conn = sqlite3.connect(database.resolve().as_uri() + "?mode=rw", uri=True, timeout=10)
    except (sqlite3.Error, ValueError, OSError):
        return False, None
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        conn.close()
        return False, None
    try:
        row = conn.execute("SELECT value FROM _local WHERE key = ?", [MAC_MARKER]).fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        conn.close()
    return True, (row[0] if row else None)


def settle_pending(paths: Paths, data_key_of: object) -> None:
    """After an interrupted re-key: keep whichever key file's key opens the database.

    ``data_key_of(keyfile)`` gives the data key the person can get from a key file (or raises).
    """
    pending = pending_path(paths)
    if not pending.exists():
        return
    try:
        candidate = keys.read_keyfile(pending)
        key = data_key_of(candidate)  # type: ignore[operator]
    except (WrongPassphrase, KeyFileError):
        key = None
    if key is not None and peek(paths.database, key)[0]:
        keys.verify_mac(candidate, key)  # never sign an altered file while finishing
        keys.write_keyfile(paths.key_file, candidate, key)  # the re-key had committed: finish it
        with contextlib.suppress(OSError):
            pending.unlink()
        return
    try:
        current = keys.read_keyfile(paths.key_file)
        key = data_key_of(current)  # type: ignore[operator]
    except (WrongPassphrase, KeyFileError):
        key = None
    if key is None:
        return  # this person cannot tell which file is right: leave both for someone who can
    if peek(paths.database, key)[0]:
        with contextlib.suppress(OSError):
            pending.unlink()  # the re-key never committed
        return
    raise KeyFileError(_("Cette personne n'a plus d'accès à cette base de données."))


def unlock_key(paths: Paths, passphrase: str, slot_id: str | None = None) -> tuple[keys.KeySlot, bytes]:
    """The slot ``passphrase`` opens and the data key, after checking the key file's MAC."""
    settle_pending(paths, lambda keyfile: keys.unlock_slot(keyfile, passphrase, slot_id)[1])
    keyfile = keys.read_keyfile(paths.key_file)
    slot, data_key = keys.unlock_slot(keyfile, passphrase, slot_id)
    if keyfile.mac is None:
        opens, marker = peek(paths.database, data_key)
        if marker:  # the database knows its key file had a MAC: this one was stripped of it
            raise keys.tampered_error()
        if not opens:
            return slot, data_key  # not this database's key: opening will say so, nothing is written
    else:
        keys.verify_mac(keyfile, data_key)
        if paths.database.exists() and not peek(paths.database, data_key)[0]:
            raise DatabaseCorrupt(
                _(
                    "La base de données ne s'ouvre pas avec ce fichier de clés : c'est une copie plus "
                    "ancienne (d'avant un retrait d'accès), ou la base est endommagée. Rien n'a été modifié. "
                    "Essayez la clé de récupération ; si elle n'ouvre pas non plus, restaurez une sauvegarde."
                )
            )
        if slot.upgraded:
            return slot, data_key
    # Format 1 file or slot: give this person a key pair, and the file its MAC.
    fresh = keys.make_slot(data_key, keyfile.database_id, slot.label, passphrase, slot_id=slot.id)
    keyfile.slots = [fresh if s.id == slot.id else s for s in keyfile.slots]
    keys.write_keyfile(paths.key_file, keyfile, data_key)
    return fresh, data_key


def current_keyfile(paths: Paths, data_key: bytes) -> keys.KeyFile:
    """The key file for ``data_key`` (the main one, or a pending one left by an interrupted re-key)."""
    settle_pending(paths, lambda keyfile: data_key if keyfile.check == keys.key_check(data_key) else None)
    return keys.read_keyfile(paths.key_file)


def keyfile_to_change(store: Store) -> keys.KeyFile:
    """The current key file of an open database, refused when altered outside the app (changing
    it would sign the alteration)."""
    keyfile = current_keyfile(store.paths, store.data_key)
    if keyfile.mac is not None or store.local(MAC_MARKER):
        keys.verify_mac(keyfile, store.data_key)
    return keyfile


def remember_mac(store: Store, local: dict[str, str]) -> None:
    """Once this database's key file carries a valid MAC, a key file without one is refused."""
    if local.get(MAC_MARKER):
        return
    try:
        keyfile = keys.read_keyfile(store.paths.key_file)
    except KeyFileError:
        return
    if keyfile.mac is not None and keys.mac_is_valid(keyfile, store.data_key):
        store.set_local(MAC_MARKER, "1")
