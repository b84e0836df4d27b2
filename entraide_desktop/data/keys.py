"""The key file beside the database: one random data key, wrapped once per person.

The database is encrypted (SQLCipher) with a random 256-bit *data key*. The key file holds
that key only wrapped (AES-256-GCM) by a key derived with argon2id from each person's
passphrase, so a passphrase can be changed, added or removed without re-encrypting the
database. The *recovery key* shown once at setup is the data key itself, written in
groups of letters with a checksum: it opens the database (and every backup) even when the
key file is lost, and lets a new passphrase be set.

Since format 2 each slot holds a key pair (``key_seal``): the passphrase wraps the private key
and the data key is sealed to the public key, so a removal can re-key the database and reseal
the new key for the others without their passphrases. The whole file carries a MAC under the
data key (slots, labels, database id). Format 1 files (no key pair, no MAC) are still read;
each slot is upgraded when its person unlocks (see ``keyring``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..i18n import _
from . import key_seal
from .errors import KeyFileError, ValidationError, WrongPassphrase, WrongRecoveryKey, user_facing_errors
from .passphrase_strength import MIN_LENGTH, estimate

FORMAT = "entraide-keys"
FORMAT_VERSION = 2
KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = MIN_LENGTH
# OWASP's first recommended argon2id setting: 46 MiB, one pass, one lane (≈0.05 s here).
# The parameters are stored in each slot, so they can be raised later without breaking old slots.
DEFAULT_KDF = {"name": "argon2id", "time_cost": 1, "memory_cost": 47104, "parallelism": 1}
_CHECK_LABEL = b"entraide key check v1"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_check(data_key: bytes) -> str:
    """A short tag that tells whether a key is this database's, without revealing it."""
    return _b64(hmac.new(data_key, _CHECK_LABEL, hashlib.sha256).digest()[:16])


def derive_key(passphrase: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    if kdf.get("name") != "argon2id":
        raise KeyFileError(_("Le fichier de clés utilise une méthode inconnue ; mettez à jour Entraide."))
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_cost"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def check_passphrase_strength(passphrase: str, confirmation: str | None = None, context: tuple[str, ...] = ()) -> None:
    """Raise :class:`ValidationError` when a new passphrase is too weak (see passphrase_strength) or not confirmed."""
    advice = estimate(passphrase, context)
    if not advice.ok:
        raise ValidationError(advice.text, "passphrase")
    if confirmation is not None and passphrase != confirmation:
        raise ValidationError(_("Les deux phrases de passe ne sont pas identiques."), "confirmation")


# -- Recovery key --------------------------------------------------------------------------

_AMBIGUOUS = str.maketrans({"0": "O", "1": "I", "8": "B", "9": "G"})


def format_recovery_key(data_key: bytes) -> str:
    """The data key plus a 3-byte checksum, in base32 groups of four: ``ABCD-EFGH-…`` (14 groups)."""
    payload = data_key + hashlib.sha256(data_key).digest()[:3]
    text = base64.b32encode(payload).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """The data key written in ``text``; tolerant of spaces, dashes, case and 0/O, 1/I look-alikes."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_AMBIGUOUS)
    try:
        payload = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (ValueError, base64.binascii.Error):
        payload = b""
    if len(payload) != KEY_BYTES + 3 or hashlib.sha256(payload[:KEY_BYTES]).digest()[:3] != payload[KEY_BYTES:]:
        raise WrongRecoveryKey(
            _("Cette clé de récupération n'est pas valide : vérifiez chaque groupe de lettres et de chiffres.")
        )
    return payload[:KEY_BYTES]


# -- Key file ------------------------------------------------------------------------------


@dataclass
class KeySlot:
    """One person's passphrase wrapping the data key."""

    id: str
    label: str
    kdf: dict[str, Any]
    salt: str
    nonce: str
    wrapped: str
    created: str
    public: str = ""  # format 2: the person's X25519 public key; "" for a format 1 slot
    sealed: dict[str, str] | None = None  # format 2: the data key sealed to ``public``

    @property
    def upgraded(self) -> bool:
        return bool(self.public)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        if not self.public:
            data.pop("public")
            data.pop("sealed")
        return data


@dataclass
class KeyFile:
    database_id: str
    check: str
    slots: list[KeySlot] = field(default_factory=list)
    generation: int = 0  # how many times the data key was replaced
    mac: str | None = None  # None only in a format 1 file, before its first unlock

    def slot(self, slot_id: str) -> KeySlot:
        for slot in self.slots:
            if slot.id == slot_id:
                return slot
        raise KeyFileError(_("Cette personne n'a plus d'accès à cette base de données."))

    def labels(self) -> list[tuple[str, str]]:
        """(slot id, label) of everyone who can unlock, in the order they were added."""
        return [(s.id, s.label) for s in self.slots]


def _aad(database_id: str, slot_id: str) -> bytes:
    return f"entraide|{database_id}|{slot_id}".encode()


def _seal_context(database_id: str, slot_id: str) -> bytes:
    return _aad(database_id, slot_id) + b"|data key"


def make_slot(data_key: bytes, database_id: str, label: str, passphrase: str, *, slot_id: str | None = None) -> KeySlot:
    """A format 2 slot: a new key pair, its private key wrapped by ``passphrase``, ``data_key`` sealed to it."""
    label = label.strip()
    if not label:
        raise ValidationError(_("Indiquez un nom pour cette personne (par exemple « Marie — secrétariat »)."), "label")
    slot_id = slot_id or str(uuid.uuid4())
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    private, public = key_seal.new_key_pair()
    wrapping = derive_key(passphrase, salt, DEFAULT_KDF)
    wrapped = AESGCM(wrapping).encrypt(nonce, private, _aad(database_id, slot_id) + b"|private key")
    return KeySlot(
        id=slot_id,
        label=label,
        kdf=dict(DEFAULT_KDF),
        salt=_b64(salt),
        nonce=_b64(nonce),
        wrapped=_b64(wrapped),
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        public=_b64(public),
        sealed=key_seal.seal(data_key, public, _seal_context(database_id, slot_id)),
    )


def reseal(slot: KeySlot, data_key: bytes, database_id: str) -> KeySlot:
    """The same person's slot, with ``data_key`` (a new one) sealed to their public key."""
    sealed = key_seal.seal(data_key, _unb64(slot.public), _seal_context(database_id, slot.id))
    return KeySlot(**{**slot.__dict__, "sealed": sealed})


def unwrap(keyfile: KeyFile, slot_id: str, passphrase: str) -> bytes:
    """The data key, or :class:`WrongPassphrase`."""
    slot = keyfile.slot(slot_id)
    try:
        wrapping = derive_key(passphrase, _unb64(slot.salt), slot.kdf)
        if not slot.upgraded:  # format 1: the passphrase wraps the data key itself
            return AESGCM(wrapping).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped), _aad(keyfile.database_id, slot.id))
        aad = _aad(keyfile.database_id, slot.id) + b"|private key"
        private = AESGCM(wrapping).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped), aad)
    except InvalidTag:
        raise WrongPassphrase(
            _("Phrase de passe incorrecte pour « {label} ». Vérifiez les majuscules et réessayez.").format(
                label=slot.label
            )
        ) from None
    except (ValueError, TypeError, KeyError) as error:
        raise KeyFileError(_("Le fichier de clés est endommagé ({detail}).").format(detail=error)) from error
    try:
        if key_seal.public_of(private) != _unb64(slot.public):
            raise InvalidTag
        return key_seal.open_sealed(slot.sealed or {}, private, _seal_context(keyfile.database_id, slot.id))
    except (InvalidTag, ValueError, TypeError, KeyError):
        raise tampered_error() from None


def tampered_error() -> KeyFileError:
    return KeyFileError(
        _(
            "Le fichier de clés a été modifié en dehors d'Entraide (un accès ajouté, remis ou renommé) : "
            "il est refusé et rien n'a été ouvert. Ouvrez le registre avec la clé de récupération pour "
            "refaire les accès."
        )
    )


def _mac_payload(keyfile: KeyFile) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "database_id": keyfile.database_id,
        "check": keyfile.check,
        "generation": keyfile.generation,
        "slots": [s.to_json() for s in keyfile.slots],
    }


def mac_is_valid(keyfile: KeyFile, data_key: bytes) -> bool:
    return key_seal.mac_matches(data_key, _mac_payload(keyfile), keyfile.mac)


def verify_mac(keyfile: KeyFile, data_key: bytes) -> None:
    """Raise the « modifié en dehors d'Entraide » error unless the file's MAC is right for ``data_key``."""
    if not mac_is_valid(keyfile, data_key):
        raise tampered_error()


def find_slot(keyfile: KeyFile, passphrase: str) -> tuple[str, bytes]:
    """Try every slot with ``passphrase``; the first that opens gives (slot id, data key)."""
    for slot in keyfile.slots:
        try:
            return slot.id, unwrap(keyfile, slot.id, passphrase)
        except WrongPassphrase:
            continue
    raise WrongPassphrase(_("Phrase de passe incorrecte. Vérifiez les majuscules et réessayez."))


def unlock_slot(keyfile: KeyFile, passphrase: str, slot_id: str | None = None) -> tuple[KeySlot, bytes]:
    """The slot ``passphrase`` opens (``slot_id``'s, or the first that opens) and the data key."""
    if slot_id:
        return keyfile.slot(slot_id), unwrap(keyfile, slot_id, passphrase)
    slot_id, data_key = find_slot(keyfile, passphrase)
    return keyfile.slot(slot_id), data_key


def verify_key(keyfile: KeyFile, data_key: bytes) -> None:
    if not hmac.compare_digest(key_check(data_key), keyfile.check):
        raise WrongRecoveryKey(_("Cette clé de récupération n'est pas celle de cette base de données."))


def read_keyfile(path: Path) -> KeyFile:
    """Read and check the key file; a clear :class:`KeyFileError` when missing or damaged."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(
            _(
                "Le fichier de clés « {name} » est introuvable à côté de la base de données. "
                "Utilisez la clé de récupération pour ouvrir la base et définir une nouvelle phrase de passe."
            ).format(name=path.name)
        ) from None
    except OSError as error:
        raise KeyFileError(
            _("Impossible de lire le fichier de clés « {name} » ({detail}).").format(name=path.name, detail=error)
        ) from error
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("format")
        version = int(data.get("version", 0))
        if version > FORMAT_VERSION:
            raise KeyFileError(_("Ce fichier de clés vient d'une version plus récente d'Entraide : mettez à jour Entraide sur ce poste."))
        slots = [KeySlot(**{k: s[k] for k in KeySlot.__dataclass_fields__ if k in s}) for s in data["slots"]]
        keyfile = KeyFile(database_id=str(data["database_id"]), check=str(data["check"]), slots=slots)
        if not slots or not keyfile.database_id or not keyfile.check:
            raise ValueError("empty")
        for slot in slots:
            _check_slot(slot)
        if version >= 2:
            keyfile.generation, keyfile.mac = data["generation"], data.get("mac")
            if not isinstance(keyfile.generation, int) or isinstance(keyfile.generation, bool):
                raise ValueError("generation")
            if not isinstance(keyfile.mac, str):  # a format 2 file without its MAC was altered
                raise tampered_error()
    except KeyFileError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError, OverflowError):
        raise KeyFileError(
            _(
                "Le fichier de clés « {name} » est endommagé. Utilisez la clé de récupération pour "
                "ouvrir la base et définir une nouvelle phrase de passe."
            ).format(name=path.name)
        ) from None
    return keyfile


def _check_slot(slot: KeySlot) -> None:
    """Raise ValueError unless the slot is well formed, with key-derivation costs this app accepts."""
    if not all(isinstance(v, str) for v in (slot.id, slot.label, slot.salt, slot.nonce, slot.wrapped)):
        raise ValueError("slot fields")
    kdf = slot.kdf
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise ValueError("kdf")
    costs = [kdf.get("time_cost"), kdf.get("memory_cost"), kdf.get("parallelism")]
    if not all(isinstance(c, int) and not isinstance(c, bool) for c in costs):
        raise ValueError("kdf costs")
    time_cost, memory_cost, parallelism = costs
    if not (1 <= time_cost <= 16 and 1 <= parallelism <= 16 and 8 * parallelism <= memory_cost <= 2_097_152):
        raise ValueError("kdf range")
    if len(_unb64(slot.salt)) < 8 or len(_unb64(slot.nonce)) != 12 or not _unb64(slot.wrapped):
        raise ValueError("sizes")
    if not isinstance(slot.public, str):
        raise ValueError("public")
    if slot.public:
        if len(_unb64(slot.public)) != 32:
            raise ValueError("public size")
        key_seal.check_sealed(slot.sealed)


def write_keyfile(path: Path, keyfile: KeyFile, data_key: bytes) -> None:
    """Write the key file (format 2, with its MAC under ``data_key``) atomically: temporary file,
    fsync, rename, fsync the folder."""
    if not hmac.compare_digest(key_check(data_key), keyfile.check):
        raise ValueError("the key file must be signed with its own data key")
    keyfile.mac = key_seal.mac(data_key, _mac_payload(keyfile))
    data = {"format": FORMAT, "version": FORMAT_VERSION, **_mac_payload(keyfile), "mac": keyfile.mac}
    tmp = path.with_name(path.name + ".tmp")
    with user_facing_errors(str(path.parent)):
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)


def fsync_file(path: Path) -> None:
    """Flush a closed file's data to disk.

    The file is opened for writing: Windows' FlushFileBuffers refuses a read-only handle
    (every backup and sync import failed there when this used ``"rb"``).
    """
    with open(path, "r+b") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
