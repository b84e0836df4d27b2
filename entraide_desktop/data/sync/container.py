"""The sealed file format shared by exchange files and join files.

    magic (8 bytes) · format version (1 byte) · header length (4 bytes, big-endian)
    · header (UTF-8 JSON) · nonce (12 bytes) · AES-256-GCM ciphertext of the payload

Everything before the nonce is the associated data: changing one byte of the header, like
one byte of the payload, makes the whole file fail authentication. Nothing here writes to
a database; readers check sizes before allocating anything.
"""

from __future__ import annotations

import json
import os
import secrets
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ...i18n import _
from .. import files
from ..errors import EntraideError
from ..keys import fsync_dir

NONCE_BYTES = 12
TAG_BYTES = 16
MAX_HEADER_BYTES = 64 * 1024
_PREFIX = struct.Struct(">8sBI")


class BundleRefused(EntraideError):
    """A file that cannot be imported; the message says why, and nothing was changed."""


class NewerFormat(BundleRefused):
    """The file comes from a newer version of Entraide."""


def subkey(secret: bytes, purpose: bytes) -> bytes:
    """A key for one purpose derived from a group secret (never use the secret itself)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(secret)


def seal(magic: bytes, version: int, header: dict[str, Any], payload: bytes, key: bytes) -> bytes:
    """The sealed file: header in clear but authenticated, payload encrypted."""
    header_bytes = json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    prefix = _PREFIX.pack(magic, version, len(header_bytes)) + header_bytes
    nonce = secrets.token_bytes(NONCE_BYTES)
    return prefix + nonce + AESGCM(key).encrypt(nonce, payload, prefix)


@dataclass(frozen=True)
class Sealed:
    """A parsed (not yet authenticated) file: its header and where the ciphertext starts."""

    version: int
    header: dict[str, Any]
    prefix: bytes
    nonce: bytes
    ciphertext: bytes

    def open(self, key: bytes) -> bytes:
        """The payload, or :class:`BundleRefused` when the file was altered or the key is not the right one."""
        try:
            return AESGCM(key).decrypt(self.nonce, self.ciphertext, self.prefix)
        except InvalidTag:
            raise BundleRefused(
                _(
                    "Ce fichier est endommagé ou a été modifié depuis sa création (ou il a été copié à moitié) : "
                    "il n'a pas été importé et rien n'a changé. Refaites l'exportation sur l'autre poste."
                )
            ) from None


def parse(data: bytes, magic: bytes, max_version: int, *, what: str, header_only: bool = False) -> Sealed:
    """Split a file into header and ciphertext; clear messages for empty, foreign or truncated files.

    With ``header_only``, ``data`` may be just the beginning of the file (to peek at its header).
    """
    if not data:
        raise BundleRefused(_("Le fichier « {what} » est vide : ce n'est pas un fichier d'Entraide.").format(what=what))
    if len(data) < _PREFIX.size or data[:8] != magic:
        raise BundleRefused(
            _("Le fichier « {what} » n'est pas un fichier d'échange d'Entraide (ou il est endommagé).").format(what=what)
        )
    _magic, version, header_len = _PREFIX.unpack_from(data)
    start = _PREFIX.size
    end = start + header_len
    needed = end if header_only else end + NONCE_BYTES + TAG_BYTES
    try:
        if header_len > MAX_HEADER_BYTES or end > len(data):
            raise ValueError("length")
        header = json.loads(data[start:end].decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError("header")
    except (UnicodeDecodeError, ValueError):
        raise _truncated(what) from None
    # The prefix and the JSON header keep this layout in every version: a newer file is recognised as such.
    if version > max_version:
        raise NewerFormat(
            _(
                "Le fichier « {what} » vient d'une version plus récente d'Entraide : mettez à jour Entraide sur ce "
                "poste, puis importez-le de nouveau. Rien n'a été modifié."
            ).format(what=what)
        )
    if needed > len(data):
        raise _truncated(what)
    return Sealed(version, header, data[:end], data[end : end + NONCE_BYTES], data[end + NONCE_BYTES :])


def _truncated(what: str) -> BundleRefused:
    return BundleRefused(
        _(
            "Le fichier « {what} » est incomplet ou endommagé (copie interrompue ?) : il n'a pas été importé. "
            "Refaites l'exportation sur l'autre poste."
        ).format(what=what)
    )


def read_limited(path: Path, limit: int) -> bytes:
    """The whole file, refusing anything larger than ``limit`` bytes before reading it."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise BundleRefused(
                _("Le fichier « {name} » est beaucoup trop gros pour un fichier d'Entraide : il n'a pas été importé.").format(
                    name=path.name
                )
            )
        with open(path, "rb") as fh:
            return fh.read(limit + 1)
    except FileNotFoundError:
        raise BundleRefused(_("Le fichier « {name} » est introuvable.").format(name=path.name)) from None
    except IsADirectoryError:
        raise BundleRefused(_("« {name} » est un dossier, pas un fichier d'échange.").format(name=path.name)) from None
    except PermissionError:
        if path.is_dir():  # Windows answers « access denied » when a folder is opened as a file
            raise BundleRefused(_("« {name} » est un dossier, pas un fichier d'échange.").format(name=path.name)) from None
        raise BundleRefused(_("Le fichier « {name} » ne peut pas être lu (droits d'accès).").format(name=path.name)) from None


def inflate(data: bytes, limit: int) -> bytes:
    """Decompress zlib data, refusing output larger than ``limit`` (a decompression bomb)."""
    engine = zlib.decompressobj()
    try:
        out = engine.decompress(data, limit + 1)
        if len(out) > limit or engine.unconsumed_tail:
            raise BundleRefused(
                _("Le contenu de ce fichier dépasse de loin la taille permise : il a été refusé et rien n'a changé.")
            )
        out += engine.flush()
        if not engine.eof or len(out) > limit:
            raise zlib.error("incomplete")
    except zlib.error:
        raise BundleRefused(_("Le contenu de ce fichier est illisible : il n'a pas été importé.")) from None
    return out


def write_safely(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` for removable media: temporary file, flush and fsync, rename, fsync the folder."""

    tmp = path.with_name("." + path.name + ".tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        files.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
