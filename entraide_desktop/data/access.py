"""Who can open the database: one passphrase slot per person in the key file.

Adding a person, changing or resetting a passphrase rewrite the key file only; removing a person
re-keys the whole database (``revocation``).
"""

from __future__ import annotations

import os
import uuid

from ..i18n import _
from . import keyring, keys
from .errors import EntraideError, ValidationError
from .revocation import Revocation, remove_access
from .store import Store


def add_person(store: Store, label: str, passphrase: str) -> str:
    """Give another person their own passphrase to the same database; returns the slot id."""
    keys.check_passphrase_strength(passphrase)
    keyfile = keyring.keyfile_to_change(store)
    if any(s.label.casefold() == label.strip().casefold() for s in keyfile.slots):
        raise ValidationError(_("Une personne porte déjà ce nom dans la liste des accès."), "label")
    slot = keys.make_slot(store.data_key, keyfile.database_id, label, passphrase)
    keyfile.slots.append(slot)
    keys.write_keyfile(store.paths.key_file, keyfile, store.data_key)
    return slot.id


def change_passphrase(store: Store, slot_id: str, old: str, new: str) -> None:
    """Change one person's passphrase (the old one must be right); the database is not re-encrypted."""
    keys.check_passphrase_strength(new)
    keyfile = keyring.keyfile_to_change(store)
    keys.unwrap(keyfile, slot_id, old)
    _replace_slot(store, keyfile, slot_id, new)


def reset_passphrase(store: Store, slot_id: str | None, label: str, new: str) -> str:
    """After opening with the recovery key: set a new passphrase (rebuilding a lost key file if need be)."""
    keys.check_passphrase_strength(new)
    try:
        keyfile = keyring.keyfile_to_change(store)
    except EntraideError:  # lost, damaged or altered: start again with this person only
        if store.paths.key_file.exists():  # kept aside, for whoever wants to see what was changed
            os.replace(store.paths.key_file, store.paths.key_file.with_name(store.paths.key_file.name + ".refuse"))
        database_id = store.local("database_id") or str(uuid.uuid4())
        keyfile = keys.KeyFile(database_id=database_id, check=keys.key_check(store.data_key), slots=[])
    if slot_id and any(s.id == slot_id for s in keyfile.slots):
        return _replace_slot(store, keyfile, slot_id, new)
    slot = keys.make_slot(store.data_key, keyfile.database_id, label, new)
    keyfile.slots.append(slot)
    keys.write_keyfile(store.paths.key_file, keyfile, store.data_key)
    return slot.id


def _replace_slot(store: Store, keyfile: keys.KeyFile, slot_id: str, new: str) -> str:
    old = keyfile.slot(slot_id)
    fresh = keys.make_slot(store.data_key, keyfile.database_id, old.label, new, slot_id=old.id)
    keyfile.slots = [fresh if s.id == slot_id else s for s in keyfile.slots]
    keys.write_keyfile(store.paths.key_file, keyfile, store.data_key)
    return slot_id


def remove_person(store: Store, slot_id: str) -> Revocation:
    """Remove a person's access and re-key the database (never the last access); see ``revocation``."""
    return remove_access(store, slot_id)
