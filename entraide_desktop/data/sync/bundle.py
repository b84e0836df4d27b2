"""Exchange files (« fichiers d'échange »): one per machine, its full state, sealed with the group key.

Header (in clear, bound to the ciphertext): group id, schema version, minimum reader version,
sending machine (id, name, former ids), file id, creation time, the sender's version vector,
payload size and compression. Payload: :mod:`.state`, compressed with zlib, then encrypted
with a key derived from the group key (AES-256-GCM).
"""

from __future__ import annotations

import dataclasses
import re
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...i18n import _
from ..connection import group_secret
from ..errors import NewerSchema
from ..schema import schema_version
from ..store import Store
from . import container, group_key, identity, invitations, machines
from .checks import payload_limit, record_limit
from .container import BundleRefused
from .state import Snapshot, decode_payload, encode_payload, take_snapshot

MAGIC = b"ENTRSYNC"
FORMAT_VERSION = 1
SUFFIX = ".entraide"
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_PAYLOAD_BYTES = 1024 * 1024 * 1024
COMPRESSION_LEVEL = 5  # measured: smaller and faster than 6 on exchange files
_KEY_PURPOSE = b"entraide exchange file v1"
_SITE = re.compile(r"^[0-9a-f]{16}$")


class OwnBundle(BundleRefused):
    """The file was written by this very machine."""


class OtherGroup(BundleRefused):
    """The file belongs to another group."""


class NewerBundle(BundleRefused, NewerSchema):
    """The file was written by a newer version of Entraide."""


@dataclass(frozen=True)
class Header:
    group: str
    schema: int
    min_reader: int
    site: str
    machine: str
    bundle: str
    created: int  # Unix milliseconds, the sender's clock
    vector: dict[str, int]
    size: int
    previous_sites: tuple[str, ...] = ()
    codec: str = "zlib"
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # as read: signature, keys
    adopt: tuple[bytes, int] | None = field(default=None, compare=False, repr=False)  # a new group key in it

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group, "schema": self.schema, "min_reader": self.min_reader, "site": self.site,
            "machine": self.machine, "bundle": self.bundle, "created": self.created, "vector": self.vector,
            "size": self.size, "previous_sites": list(self.previous_sites), "codec": self.codec,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any], what: str) -> Header:
        try:
            header = cls(
                group=str(raw["group"]), schema=int(raw["schema"]), min_reader=int(raw["min_reader"]),
                site=str(raw["site"]), machine=str(raw.get("machine", ""))[: machines.MAX_NAME * 2],
                bundle=str(raw["bundle"]), created=int(raw["created"]),
                vector={str(k): int(v) for k, v in dict(raw["vector"]).items()}, size=int(raw["size"]),
                previous_sites=tuple(str(s) for s in raw.get("previous_sites", [])), codec=str(raw.get("codec", "zlib")),
                raw=raw,
            )
            uuid.UUID(header.bundle)
            if not _SITE.match(header.site) or header.size < 0:
                raise ValueError("site")
        except (KeyError, ValueError, TypeError, OverflowError):  # int(1e999) overflows
            raise container._truncated(what) from None
        return header


@dataclass
class Bundle:
    header: Header
    snapshot: Snapshot
    name: str = ""
    sealed_size: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _key(store: Store) -> bytes:
    _group, secret = group_secret(store)
    if len(secret) != 32:
        raise BundleRefused(_("Ce poste n'a pas de clé de groupe : il ne peut pas échanger de fichiers."))
    return container.subkey(secret, _KEY_PURPOSE)


def file_name(store: Store) -> str:
    """This machine's file name: always the same for one machine, so it only ever writes its own file."""
    group, _secret = group_secret(store)
    return f"{group[:8]}-{store.site_id}{SUFFIX}"


def build(store: Store, *, created_ms: int | None = None) -> tuple[bytes, Header]:
    """Seal this machine's full state; returns (file bytes, header)."""
    snapshot = take_snapshot(store)
    created = created_ms or machines.now_ms()
    me = identity.own(store)
    snapshot.meta = {
        "machine": machines.machine_name(store),
        "peers": machines.peers_for_export(store),
        "tables": sorted({t for t, _r, _s in snapshot.records}),
        # Signed exchanges (see identity): the group's machines, signed counters, the join's proof.
        "machines": identity.export_list(store),
        "attestations": [identity.attest(store, snapshot.vector.get(store.site_id, 0), created),
                         *[identity.attest(store, snapshot.vector.get(site, 0), created, site)
                           for site in machines.previous_sites(store)],
                         *identity.attestations(store)],
        "invitation": invitations.claim(store),
    }
    payload = encode_payload(snapshot)
    group, _secret = group_secret(store)
    version = schema_version()
    header = Header(
        group=group, schema=version, min_reader=version, site=store.site_id, machine=machines.machine_name(store),
        bundle=str(uuid.uuid4()), created=created, vector=snapshot.vector,
        size=len(payload), previous_sites=tuple(machines.previous_sites(store)),
    )
    raw = {**header.to_json(), "signing": identity.b64(me.signing_public), "box": identity.b64(me.box_public),
           "keys": group_key.envelopes(store)}
    compressed = zlib.compress(payload, COMPRESSION_LEVEL)
    raw["signature"] = identity.sign(store, raw, compressed)
    data = container.seal(MAGIC, FORMAT_VERSION, raw, compressed, _key(store))
    return data, dataclasses.replace(header, raw=raw)


def peek(data: bytes, what: str) -> Header:
    """The header at the start of a file (not authenticated: use only to skip or to explain)."""
    sealed = container.parse(data, MAGIC, FORMAT_VERSION, what=what, header_only=True)
    return Header.from_json(sealed.header, what)


def authenticate(store: Store, data: bytes, what: str) -> Header:
    """Check that a whole file is intact and sealed with this group's key (without reading its content)."""
    sealed = container.parse(data, MAGIC, FORMAT_VERSION, what=what)
    header = Header.from_json(sealed.header, what)
    sealed.open(_key(store))
    return header


def unseal(store: Store, data: bytes, what: str, now_ms: int | None = None) -> tuple[Header, bytes]:
    """Authenticate a whole file and check its header; returns the header and the compressed payload."""
    sealed = container.parse(data, MAGIC, FORMAT_VERSION, what=what)
    header = Header.from_json(sealed.header, what)
    group, _secret = group_secret(store)
    if header.group != group:
        raise OtherGroup(
            _(
                "Le fichier « {what} » appartient à un autre groupe Entraide : il ne peut pas être importé ici. "
                "Rien n'a été modifié."
            ).format(what=what)
        )
    def opens(secret: bytes) -> bool:
        try:
            sealed.open(container.subkey(secret, _KEY_PURPOSE))
        except BundleRefused:
            return False
        return True

    secret, new_generation = group_key.key_for(store, sealed.header.get("keys"), now_ms or machines.now_ms(),
                                               header.machine, opens)
    compressed = sealed.open(container.subkey(secret, _KEY_PURPOSE))
    if new_generation is not None:
        header = dataclasses.replace(header, adopt=(secret, new_generation))
    if header.min_reader > schema_version():
        raise NewerBundle(
            _(
                "Le fichier « {what} » a été créé par une version plus récente d'Entraide (sur « {machine} ») : "
                "mettez à jour Entraide sur ce poste, puis importez-le de nouveau. Rien n'a été modifié."
            ).format(what=what, machine=header.machine)
        )
    if header.codec != "zlib":
        raise NewerBundle(
            _("Le fichier « {what} » utilise un format plus récent : mettez à jour Entraide sur ce poste.").format(what=what)
        )
    if header.size > min(MAX_PAYLOAD_BYTES, payload_limit(len(compressed))):
        raise BundleRefused(
            _("Le contenu de ce fichier dépasse de loin la taille permise : il a été refusé et rien n'a changé.")
        )
    return header, compressed


def read_payload(header: Header, compressed: bytes) -> Snapshot:
    """Decompress (within the announced size) and parse an authenticated payload."""
    payload = container.inflate(compressed, header.size)
    if len(payload) != header.size:
        raise BundleRefused(_("Le contenu de ce fichier est illisible : il n'a pas été importé et rien n'a changé."))
    return decode_payload(payload, max_records=record_limit(len(compressed)))


def open_bundle(store: Store, data: bytes, what: str) -> Bundle:
    """Authenticate and read a whole file; every refusal is a clear message and nothing is written."""
    header, compressed = unseal(store, data, what)
    return Bundle(header, read_payload(header, compressed), what, len(data))


def read_file(path: Path) -> bytes:
    return container.read_limited(path, MAX_FILE_BYTES)
