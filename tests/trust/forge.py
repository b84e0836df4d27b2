"""Exchange files forged by someone who holds the group key and a machine key of the group.

The file is sealed and signed exactly as Entraide seals its own: it authenticates, and its
signer is a machine the receiver trusts (an insider: a machine that joined, then turned). Only
its content lies. ``signed=False`` forges with the group key alone (a person who left).
"""

from __future__ import annotations

import json
import secrets
import uuid
import zlib
from typing import Any

from entraide_desktop.data.schema import schema_version
from entraide_desktop.data.store import Store
from entraide_desktop.data.sync import bundle as bundles
from entraide_desktop.data.sync import container


def sibling(site: str, counter: int, hlc: int, value: Any, author: str = "Quelqu'un") -> list[Any]:
    return [site, counter, hlc, value, author]


def record(fields: dict[str, list[Any]], context: dict[str, int] | None = None) -> str:
    """A record state: each field one sibling; the context covers them unless given."""
    state = {}
    for name, s in fields.items():
        state[name] = [[s], context if context is not None else {s[0]: s[1]}]
    return json.dumps(state, separators=(",", ":"))  # escaped: a lone surrogate can be sent


def forge(key_holder: Store, *, site: str | None = None, records: list[tuple[str, str, str]] = (),
          tombstones: list[list[Any]] = (), vector: dict[str, int] | None = None, created: int | None = None,
          payload: bytes | None = None, size: int | None = None, meta: dict[str, Any] | None = None,
          signed: bool = True) -> bytes:
    """A sealed exchange file of ``key_holder``'s group claiming to come from ``site``."""
    from entraide_desktop.data.clock import now_ms
    from entraide_desktop.data.connection import group_secret

    site = site or secrets.token_hex(8)
    if payload is None:
        lines = [json.dumps(meta or {"machine": "Poste fabriqué", "peers": [], "tables": []})]
        lines += [f"V\t{t}\t{r}\t{s}" for t, r, s in records]
        lines += ["T\t" + json.dumps(stone, ensure_ascii=False) for stone in tombstones]
        payload = "\n".join(lines).encode("utf-8")
    group, _secret = group_secret(key_holder)
    header = {
        "group": group, "schema": schema_version(), "min_reader": schema_version(), "site": site,
        "machine": "Poste fabriqué", "bundle": str(uuid.uuid4()), "created": created or now_ms(),
        "vector": vector if vector is not None else {site: 1}, "size": len(payload) if size is None else size,
        "previous_sites": [], "codec": "zlib",
    }
    return seal_signed(key_holder, header, zlib.compress(payload, 6), signed=signed)


def seal_signed(receiver: Store, header: dict[str, Any], compressed: bytes, *, signed: bool = True) -> bytes:
    """Seal with the group key; sign as the header's site, a machine ``receiver`` is made to trust."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from entraide_desktop.data.key_seal import new_key_pair
    from entraide_desktop.data.sync import identity

    if signed:
        signing = Ed25519PrivateKey.generate()
        public = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        _box_private, box = new_key_pair()
        if header["site"] != receiver.site_id:
            identity.trust(receiver, header["site"], name="Poste fabriqué", signing=public, box=box,
                           introduced_by=receiver.site_id, replace_key=True)
        header = {**header, "signing": identity.b64(public), "box": identity.b64(box), "keys": {"generation": 0}}
        unsigned = {k: v for k, v in header.items() if k != "signature"}
        header["signature"] = identity.b64(signing.sign(identity._file_digest(unsigned, compressed)))
    return container.seal(bundles.MAGIC, bundles.FORMAT_VERSION, header, compressed, bundles._key(receiver))
