"""A machine's full synced state as text: every record's versions and every tombstone.

Payload layout (UTF-8, one item per line; JSON never contains a raw tab or newline):

    {meta JSON}
    V<TAB>table<TAB>row id<TAB>record state JSON      (one per record, see versions.py)
    T<TAB>[table, row id, site, hlc, author]          (one per erased row)

The state texts are copied as stored, without decoding: exporting stays fast and two
machines holding the same record hold the same text, which lets an import skip it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ...i18n import _
from ..schema.registry import SYNCED_TABLES
from ..store import Store
from .container import BundleRefused


@dataclass
class Tombstone:
    table: str
    row_id: str
    site: str
    hlc: int
    author: str = ""


@dataclass
class Snapshot:
    """What an export carries, read in one consistent snapshot of the database."""

    records: list[tuple[str, str, str]]  # (table, row id, state JSON)
    tombstones: list[Tombstone]
    vector: dict[str, int]
    meta: dict[str, Any] = field(default_factory=dict)


@contextlib.contextmanager
def read_snapshot(store: Store) -> Iterator[None]:
    """Every read inside sees the same committed state (a read transaction)."""
    conn = store.db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")


# The former ids (``previous_sites``) whose last write this database has counted.
_FORMER_COUNTED = "previous_sites_counted"

def stored_vector(store: Store) -> dict[str, int]:
    """The version vector recorded at the last import (every dot this database has seen, per machine)."""
    return _parse_vector(store.local("sync_vector", "{}") or "{}")


def current_vector(store: Store) -> dict[str, int]:
    """Every dot this database has seen, per machine: the recorded vector and its own writes."""
    vector = stored_vector(store)
    vector[store.site_id] = max(vector.get(store.site_id, 0), int(store.local("counter", "0") or 0))
    return vector


def take_snapshot(store: Store) -> Snapshot:
    """This machine's full state and version vector, consistent with each other."""
    with read_snapshot(store):
        records = store.db.execute("SELECT tbl, row_id, state FROM _versions ORDER BY tbl, row_id").fetchall()
        tombstones = [
            Tombstone(t, r, s, h, a)
            for t, r, s, h, a in store.db.execute(
                "SELECT tbl, row_id, site, hlc, author FROM _tombstones ORDER BY tbl, row_id"
            ).fetchall()
        ]
        local = dict(store.db.execute("SELECT key, value FROM _local").fetchall())
    vector = _parse_vector(local.get("sync_vector", "{}"))
    site = local["site_id"]
    vector[site] = max(vector.get(site, 0), int(local.get("counter", "0")))
    former = json.loads(local.get("previous_sites", "[]") or "[]")
    counted = set(json.loads(local.get(_FORMER_COUNTED, "[]") or "[]"))
    missing = [old for old in former if old not in counted]
    if missing:
        # Former ids of this database renewed before they were counted at the copy
        # (:func:`note_former_site`): their highest write here, found once, then remembered.
        for old in missing:
            vector[old] = max(vector.get(old, 0), _highest_counter(records, old))
        note_former_sites(store, {old: vector[old] for old in missing})
    return Snapshot([tuple(r) for r in records], tombstones, vector)



def note_former_sites(store: Store, counters: dict[str, int]) -> None:
    """A copied or restored database took a new id: what it holds of its former ids' writes.

    Its files vouch for them (signed statements up to these counters), so the vector must reach
    the last write each former id made here, even when an import had remembered a lower one."""
    with store.write():
        remember_vector(store, counters)
        counted = json.loads(store.local(_FORMER_COUNTED, "[]") or "[]")
        store.db.execute("INSERT OR REPLACE INTO _local (key, value) VALUES (?, ?)",
                         [_FORMER_COUNTED, json.dumps(sorted({*counted, *counters}))])


def remember_vector(store: Store, seen: dict[str, int]) -> None:
    """Raise the recorded version vector to include ``seen`` (dots this database holds or covers)."""
    with store.write():
        vector = stored_vector(store)
        for site, counter in seen.items():
            if counter > vector.get(site, 0):
                vector[site] = counter
        store.db.execute(
            "INSERT OR REPLACE INTO _local (key, value) VALUES ('sync_vector', ?)", [json.dumps(vector, sort_keys=True)]
        )


def dominated(remote: dict[str, int], local: dict[str, int]) -> bool:
    """True when every write ``remote`` has seen was seen here too (its state brings nothing new)."""
    return all(counter <= local.get(site, 0) for site, counter in remote.items())


def _parse_vector(text: str) -> dict[str, int]:
    try:
        return {str(k): int(v) for k, v in json.loads(text or "{}").items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def _highest_counter(records: list[Any], site: str) -> int:
    """The highest counter of ``site`` in the contexts of ``records`` (for a machine id replaced after a copy)."""
    needle = json.dumps(site) + ":"
    best = 0
    for _t, _r, state in records:
        start = state.find(needle)
        while start >= 0:
            end = start + len(needle)
            digits = end
            while digits < len(state) and state[digits].isdigit():
                digits += 1
            if digits > end:
                best = max(best, int(state[end:digits]))
            start = state.find(needle, digits)
    return best


def encode_payload(snapshot: Snapshot) -> bytes:
    parts = [json.dumps(snapshot.meta, ensure_ascii=False, separators=(",", ":"))]
    parts.extend(f"V\t{t}\t{r}\t{s}" for t, r, s in snapshot.records)
    parts.extend(
        "T\t" + json.dumps([x.table, x.row_id, x.site, x.hlc, x.author], ensure_ascii=False, separators=(",", ":"))
        for x in snapshot.tombstones
    )
    return "\n".join(parts).encode("utf-8")


def _unreadable() -> BundleRefused:
    return BundleRefused(_("Le contenu de ce fichier est illisible : il n'a pas été importé et rien n'a changé."))


MIN_STATE_CHARS = 60
"""The shortest record state Entraide writes (one field, one version) is about 85 characters: many tiny
forged records would cost memory out of proportion to the payload."""


def _lines(data: bytes) -> Iterator[str]:
    """The payload's lines, decoded one at a time (never the whole payload as one string)."""
    start, size = 0, len(data)
    while start <= size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size
        yield data[start:end].decode("utf-8")
        start = end + 1


def decode_payload(data: bytes, *, max_records: int | None = None) -> Snapshot:
    """Parse a payload (authenticated already); unknown tables mean a newer version sent it.

    More than ``max_records`` records and tombstones is refused (see ``checks.record_limit``).
    """
    lines = _lines(data)
    try:
        meta = json.loads(next(lines))
        if not isinstance(meta, dict):
            raise ValueError("meta")
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _unreadable() from None
    records: list[tuple[str, str, str]] = []
    tombstones: list[Tombstone] = []
    unknown: set[str] = set()
    try:
        for line in lines:
            kind = line[:2]
            if kind == "V\t":
                parts = line.split("\t", 3)
                if len(parts) != 4 or not parts[2]:
                    raise _unreadable()
                spec = SYNCED_TABLES.get(parts[1])
                if spec is None:
                    unknown.add(parts[1][:100])
                elif len(parts[3]) < MIN_STATE_CHARS:
                    raise _unreadable()
                # The registered name, not a copy per line: memory stays near the payload's size.
                records.append((spec.name if spec else parts[1], parts[2], parts[3]))
            elif kind == "T\t":
                table, row_id, site, hlc, author = json.loads(line[2:])
                tombstones.append(Tombstone(str(table), str(row_id), str(site), int(hlc), str(author)))
                if table not in SYNCED_TABLES:
                    unknown.add(str(table)[:100])
            else:  # an empty line included: Entraide never writes one
                raise _unreadable()
            if max_records is not None and len(records) + len(tombstones) > max_records:
                raise _unreadable()
    except (UnicodeDecodeError, ValueError, TypeError, RecursionError):
        raise _unreadable() from None
    if unknown:
        raise BundleRefused(
            _(
                "Ce fichier contient des données qu'Entraide ne connaît pas sur ce poste : mettez à jour Entraide "
                "sur ce poste, puis importez-le de nouveau. Rien n'a été modifié."
            )
        )
    return Snapshot(records, tombstones, {}, meta)
