"""Tables of signed exchanges: the group's machines and their public keys, join invitations, old group keys.

All local to this computer (never exported as rows): which machines it trusts and how it
learned of them, the invitations it issued (one use, with an end), and the group keys that a
rotation replaced (kept for a grace period). See docs/sync.md, « Postes signés ».
"""

from __future__ import annotations

import sqlite_utils

from .migration_set import MIGRATIONS


@MIGRATIONS(name="1600_signed_exchanges")
def signed_exchange_tables(db: sqlite_utils.Database) -> None:
    # A machine of the group: its Ed25519 key (signatures) and X25519 key (group keys sealed to it),
    # the group-key generation at which its key was learned, who introduced it, when it was removed
    # and the last write counter it may claim then, and its latest signed statement of its counter.
    db.execute(
        """CREATE TABLE _sync_machine_keys (
            site TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', signing TEXT NOT NULL, box TEXT NOT NULL,
            key_generation INTEGER NOT NULL DEFAULT 0, introduced_by TEXT NOT NULL DEFAULT '',
            added INTEGER NOT NULL, revoked INTEGER, revoked_counter INTEGER, attestation TEXT) WITHOUT ROWID"""
    )
    # Join files issued here: the secret the new machine proves it holds, the end of validity, its use.
    db.execute(
        """CREATE TABLE _sync_invitations (
            id TEXT PRIMARY KEY, secret TEXT NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL,
            used_by TEXT, used_on INTEGER) WITHOUT ROWID"""
    )
    # Group keys replaced by a rotation, and when (files made with one are accepted for a grace period).
    db.execute("CREATE TABLE _sync_group_keys (generation INTEGER PRIMARY KEY, key TEXT NOT NULL, retired INTEGER NOT NULL)")
