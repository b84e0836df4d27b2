"""Replacing the group key after a removal, and carrying the new one to the remaining machines only.

The group key seals exchange files; everyone who could open the register had it. When a person
or a machine is removed, :func:`rotate` makes a new key (a new *generation*). Each file this
machine writes afterwards carries the new key sealed to the X25519 public key of every
remaining machine (:mod:`.identity`), in its header: a remaining machine opens its own
envelope, checks that the key opens the file, and adopts it. A removed person or machine has no
envelope and cannot read it. Files made with the replaced key are accepted for
:data:`GRACE_DAYS` days after the replacement (a machine that had not heard of it yet), then
refused with a clear message.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag

from ...i18n import _, format_date
from ..key_seal import open_sealed, seal
from ..store import Store
from . import identity
from .container import BundleRefused

GRACE_DAYS = 14
GRACE_MS = GRACE_DAYS * 24 * 3_600_000
MAX_GENERATION = 1_000_000


def _context(group: str, gen: int) -> bytes:
    return f"entraide group key|{group}|{gen}".encode()


def rotate(store: Store, now_ms: int) -> int:
    """A new group key (and new keys for this machine, whose old ones may have been copied); returns its generation."""
    with store.write():
        gen = identity.key_generation(store)
        store.db.execute("INSERT OR REPLACE INTO _sync_group_keys (generation, key, retired) VALUES (?, ?, ?)",
                         [gen, store.local("group_key") or "", now_ms])
        store.set_local("group_key", base64.b64encode(secrets.token_bytes(32)).decode("ascii"))
        store.set_local("group_key_generation", str(gen + 1))
        store.set_local("group_key_rotated", str(now_ms))
        identity.renew(store)
    return gen + 1


def envelopes(store: Store) -> dict[str, Any]:
    """The header's « keys » entry: the generation, and the current key sealed to each remaining machine."""
    gen = identity.key_generation(store)
    if gen == 0:
        return {"generation": 0}
    key = base64.b64decode(store.local("group_key") or "")
    context = _context(store.local("group_id") or "", gen)
    sealed = {m.site: seal(key, m.box, context) for m in identity.machines(store).values()
              if m.active and m.site != store.site_id}
    return {"generation": gen, "envelopes": sealed}


def key_for(store: Store, keys: Any, now_ms: int, machine: str, opens: Any) -> tuple[bytes, int | None]:
    """The group key a file was sealed with: (key, generation to adopt or None); a clear refusal otherwise.

    ``opens(key)`` says whether a key authenticates the file.
    """
    current = identity.key_generation(store)
    try:
        gen = int((keys or {}).get("generation", 0))
    except (TypeError, ValueError, AttributeError):
        gen = -1
    if not 0 <= gen <= MAX_GENERATION:
        raise BundleRefused(_("Ce fichier d'échange est illisible : il n'a pas été importé et rien n'a changé."))
    if gen == current:
        return base64.b64decode(store.local("group_key") or ""), None
    if gen < current:
        row = store.db.execute("SELECT key, retired FROM _sync_group_keys WHERE generation = ?", [gen]).fetchone()
        if row is not None and now_ms <= row[1] + GRACE_MS:
            return base64.b64decode(row[0]), None
        replaced = dt.datetime.fromtimestamp((row[1] if row else int(store.local("group_key_rotated", "0") or 0)) / 1000)
        raise BundleRefused(_(
            "Ce fichier de « {machine} » a été fait avec l'ancienne clé du groupe, remplacée le {date} après un "
            "retrait (les fichiers faits avec elle sont acceptés {days} jours). Sur « {machine} », importez "
            "d'abord un fichier récent de ce poste-ci, puis refaites son fichier d'échange. Rien n'a changé."
        ).format(machine=machine, date=format_date(replaced.date()), days=GRACE_DAYS))
    envelope = ((keys or {}).get("envelopes") or {}).get(store.site_id)
    if envelope is None:
        raise BundleRefused(_(
            "Ce fichier de « {machine} » a été fait avec une nouvelle clé du groupe qui n'a pas été transmise à ce "
            "poste-ci : ce poste a peut-être été retiré du groupe. Rien n'a changé."
        ).format(machine=machine))
    try:
        key = open_sealed(envelope, identity.own(store).box_private, _context(store.local("group_id") or "", gen))
    except (InvalidTag, ValueError, KeyError, TypeError):
        key = b""
    if len(key) != 32 or not opens(key):
        raise BundleRefused(_("La nouvelle clé du groupe jointe à ce fichier est invalide : rien n'a changé."))
    return key, gen


def adopt(store: Store, key: bytes, gen: int, now_ms: int) -> None:
    """Take the group's new key (from a verified file); the current one is kept for the grace period."""
    with store.write():
        if gen <= identity.key_generation(store):
            return
        store.db.execute("INSERT OR REPLACE INTO _sync_group_keys (generation, key, retired) VALUES (?, ?, ?)",
                         [identity.key_generation(store), store.local("group_key") or "", now_ms])
        store.set_local("group_key", base64.b64encode(key).decode("ascii"))
        store.set_local("group_key_generation", str(gen))
        store.set_local("group_key_rotated", str(now_ms))
