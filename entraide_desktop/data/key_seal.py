"""Per-person key pairs and the key file's MAC: what lets a removal shut the removed person out.

Each person's slot holds an X25519 key pair: the private key is wrapped by their passphrase,
the public key is in clear, and the data key is *sealed* to the public key (ephemeral X25519,
HKDF-SHA256, AES-256-GCM). Re-keying after a removal seals the new data key to every remaining
public key without knowing anyone's passphrase, and the removed person's old material (their
private key, the old data key) opens none of the new seals. A symmetric per-slot key kept
wrapped under the data key would not do: whoever knows the old data key could unwrap every
such key from an old copy of the file, then the new data key from a newer one.

The key file's MAC (HMAC-SHA256, key derived from the data key with HKDF) covers the database
id, the key check, the generation and every slot with its label: a slot pasted back in or a
renamed label is found at unlock. See docs/keys.md.
"""

from __future__ import annotations

import base64
import hmac as std_hmac
import json
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

_MAC_INFO = b"entraide key file mac v1"
_SEAL_INFO = b"entraide sealed data key v1"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public) raw 32-byte X25519 keys."""
    private = X25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return private, public_of(private)


def public_of(private_raw: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private_raw).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes, context: bytes) -> bytes:
    info = _SEAL_INFO + b"|" + context + b"|" + ephemeral + recipient
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(secret: bytes, recipient_public: bytes, context: bytes) -> dict[str, str]:
    """``secret`` readable only with the private key matching ``recipient_public``."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = secrets.token_bytes(12)
    box = AESGCM(_box_key(shared, ephemeral_public, recipient_public, context)).encrypt(nonce, secret, context)
    return {"ephemeral": _b64(ephemeral_public), "nonce": _b64(nonce), "box": _b64(box)}


def open_sealed(sealed: dict[str, str], private_raw: bytes, context: bytes) -> bytes:
    """The sealed secret; raises ``InvalidTag`` when it was not sealed for this key and context."""
    ephemeral_public = _unb64(sealed["ephemeral"])
    private = X25519PrivateKey.from_private_bytes(private_raw)
    recipient = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    key = _box_key(shared, ephemeral_public, recipient, context)
    return AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["box"]), context)


def check_sealed(sealed: Any) -> None:
    """Raise ValueError unless ``sealed`` is a well-formed seal."""
    if not isinstance(sealed, dict) or set(sealed) != {"ephemeral", "nonce", "box"}:
        raise ValueError("sealed")
    if len(_unb64(sealed["ephemeral"])) != 32 or len(_unb64(sealed["nonce"])) != 12 or len(_unb64(sealed["box"])) != 48:
        raise ValueError("sealed sizes")


# -- the key file's MAC ---------------------------------------------------------------------


def _mac_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_MAC_INFO).derive(data_key)


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def mac(data_key: bytes, payload: dict[str, Any]) -> str:
    h = hmac.HMAC(_mac_key(data_key), hashes.SHA256())
    h.update(canonical(payload))
    return _b64(h.finalize())


def mac_matches(data_key: bytes, payload: dict[str, Any], tag: str | None) -> bool:
    return bool(tag) and std_hmac.compare_digest(mac(data_key, payload), str(tag))


__all__ = ["InvalidTag", "check_sealed", "mac", "mac_matches", "new_key_pair", "open_sealed", "public_of", "seal"]
