"""This machine's own keys, and the machines it trusts: what makes an exchange file signed.

Anyone holding the group key can seal an exchange file. So each machine also has its own key
pair, made on first use: Ed25519 to sign what it sends, X25519 so that a new group key can be
sealed to it alone (see :mod:`.group_key`). Its public keys reach the others through the join
(the issuer's list travels in the join file, the new machine's keys come back with a proof of
the invitation) and through each signed file's list of the group's machines.

A file is accepted only when signed by a machine this one trusts and that was not removed.
A machine learns of another: from the join file; from its own invitation (:mod:`.invitations`);
from a trusted machine's list; or, once, from a machine it already exchanged with before files
were signed (an upgrade). A removal travels the same way and is never undone by a file.

Each file also carries **attestations**: a machine's signed statement of its own write counter.
The receiver accepts another machine's writes only up to the counter that machine itself
signed (or what the receiver already knew): a relay cannot invent writes in another's name,
claim its counter, or reuse its write ids beyond what it attested.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from ..key_seal import new_key_pair, public_of
from ..store import Store
from .machines import now_ms

_SIGN_CONTEXT = b"entraide exchange file signature v1\n"
_ATTEST_CONTEXT = b"entraide write counter attestation v1\n"
MAX_MACHINES = 200


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, size: int) -> bytes:
    """Decoded bytes of exactly ``size``; ValueError otherwise."""
    if not isinstance(text, str) or len(text) > 2 * size + 8:
        raise ValueError("key")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != size:
        raise ValueError("key size")
    return raw


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Identity:
    signing_private: bytes
    box_private: bytes
    signing_public: bytes
    box_public: bytes


def _raw_private(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _public_of_signing(private: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_generation(store: Store) -> int:
    """Which group key this machine holds: 0 for the first, one more at each replacement (``group_key``)."""
    return int(store.local("group_key_generation", "0") or "0")


def own(store: Store) -> Identity:
    """This machine's keys (inside the encrypted database), made the first time they are needed."""
    raw = store.local("machine_keys")
    if raw:
        saved = json.loads(raw)
        signing, box = base64.b64decode(saved["signing"]), base64.b64decode(saved["box"])
        return Identity(signing, box, _public_of_signing(signing), public_of(box))
    return renew(store)


def renew(store: Store) -> Identity:
    """New key pairs for this machine (first use, or after a removal: the old ones may have been copied)."""
    signing = _raw_private(Ed25519PrivateKey.generate())
    box, box_public = new_key_pair()
    with store.write():
        store.set_local("machine_keys", json.dumps({"signing": b64(signing), "box": b64(box)}))
        identity = Identity(signing, box, _public_of_signing(signing), box_public)
        trust(store, store.site_id, name="", signing=identity.signing_public, box=identity.box_public,
              introduced_by=store.site_id, key_generation=key_generation(store), replace_key=True)
    return identity


def sign(store: Store, header: dict[str, Any], compressed: bytes) -> str:
    """The signature of a file: its header (without the signature) and its compressed content."""
    key = Ed25519PrivateKey.from_private_bytes(own(store).signing_private)
    return b64(key.sign(_file_digest(header, compressed)))


def _file_digest(header: dict[str, Any], compressed: bytes) -> bytes:
    unsigned = {k: v for k, v in header.items() if k != "signature"}
    return _SIGN_CONTEXT + hashlib.sha256(canonical(unsigned)).digest() + hashlib.sha256(compressed).digest()


def verify_file(public: bytes, header: dict[str, Any], compressed: bytes) -> bool:
    try:
        signature = unb64(header.get("signature"), 64)
        Ed25519PublicKey.from_public_bytes(public).verify(signature, _file_digest(header, compressed))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def attest(store: Store, counter: int, created: int, site: str | None = None) -> dict[str, Any]:
    """This machine's signed statement: « my writes go up to ``counter`` » (relayed by the others).

    ``site``: one of this machine's former ids (a restored or copied database keeps its keys).
    """
    statement = {"site": site or store.site_id, "counter": int(counter), "created": int(created)}
    key = Ed25519PrivateKey.from_private_bytes(own(store).signing_private)
    return {**statement, "sig": b64(key.sign(_ATTEST_CONTEXT + canonical(statement)))}


def attested_counter(public: bytes, entry: Any) -> int | None:
    """The counter a well-formed, correctly signed attestation states; None otherwise."""
    try:
        statement = {"site": str(entry["site"]), "counter": int(entry["counter"]), "created": int(entry["created"])}
        Ed25519PublicKey.from_public_bytes(public).verify(unb64(entry["sig"], 64),
                                                          _ATTEST_CONTEXT + canonical(statement))
    except (InvalidSignature, ValueError, TypeError, KeyError, OverflowError):
        return None
    return statement["counter"] if 0 <= statement["counter"] < 2**63 else None


# -- the machines this one trusts ------------------------------------------------------------


@dataclass(frozen=True)
class MachineKey:
    site: str
    name: str
    signing: bytes
    box: bytes
    key_generation: int
    introduced_by: str
    added: int
    revoked: int | None
    revoked_counter: int | None
    attestation: dict[str, Any] | None

    @property
    def active(self) -> bool:
        return self.revoked is None


def machines(store: Store) -> dict[str, MachineKey]:
    out = {}
    for row in store.db.execute(
        "SELECT site, name, signing, box, key_generation, introduced_by, added, revoked, revoked_counter, attestation "
        "FROM _sync_machine_keys"
    ).fetchall():
        out[row[0]] = MachineKey(row[0], row[1], base64.b64decode(row[2]), base64.b64decode(row[3]), row[4], row[5],
                                 row[6], row[7], row[8], json.loads(row[9]) if row[9] else None)
    return out


def trust(store: Store, site: str, *, name: str, signing: bytes, box: bytes, introduced_by: str,
          key_generation: int = 0, replace_key: bool = False) -> None:
    """Trust ``site`` with these keys (a known machine's key changes only with ``replace_key``)."""
    with store.write():
        store.db.execute(
            "INSERT INTO _sync_machine_keys (site, name, signing, box, key_generation, introduced_by, added) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site) DO "
            + ("UPDATE SET signing = excluded.signing, box = excluded.box, key_generation = excluded.key_generation"
               if replace_key else "NOTHING"),
            [site, name[:120], b64(signing), b64(box), key_generation, introduced_by, now_ms()],
        )


def revoke(store: Store, site: str, counter: int, when: int) -> bool:
    """Mark a machine removed (for good); its writes up to ``counter`` stay. False when it already was."""
    with store.write():
        changed = store.db.execute(
            "UPDATE _sync_machine_keys SET revoked = ?, revoked_counter = ? WHERE site = ? AND revoked IS NULL",
            [when, counter, site],
        ).rowcount
    return bool(changed)


def keep_attestation(store: Store, site: str, entry: dict[str, Any], counter: int) -> None:
    """Remember the highest signed counter of ``site`` (to relay it in this machine's files)."""
    current = store.db.execute("SELECT attestation FROM _sync_machine_keys WHERE site = ?", [site]).fetchone()
    if current is None:
        return
    if current[0] and int(json.loads(current[0]).get("counter", 0)) >= counter:
        return
    store.db.execute("UPDATE _sync_machine_keys SET attestation = ? WHERE site = ?", [json.dumps(entry), site])


def export_list(store: Store) -> list[dict[str, Any]]:
    """The machines this one trusts, for its files (public keys, who introduced them, removals)."""
    return [
        {"site": m.site, "name": m.name, "signing": b64(m.signing), "box": b64(m.box), "introduced_by": m.introduced_by,
         "revoked": m.revoked, "revoked_counter": m.revoked_counter}
        for m in machines(store).values()
    ][:MAX_MACHINES]


def attestations(store: Store) -> list[dict[str, Any]]:
    return [m.attestation for m in machines(store).values() if m.attestation and m.site != store.site_id]
