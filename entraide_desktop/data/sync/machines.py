"""This computer's name and the other machines of the group it exchanged with.

A machine is known by its id (``site_id``) and by the name a person gave it (« Ordinateur
du centre », « Portable du secrétariat »). Everything here is local to this computer.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import time
from dataclasses import dataclass

from ...i18n import _
from ..errors import ValidationError
from ..store import Store

MAX_NAME = 60


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def from_ms(value: int | None) -> dt.datetime | None:
    """Local time of a Unix-milliseconds value."""
    return dt.datetime.fromtimestamp(value / 1000) if value else None


def default_machine_name() -> str:
    host = socket.gethostname().split(".")[0].strip()
    return host or _("Poste sans nom")


def machine_name(store: Store) -> str:
    """The name of this computer as the other machines will see it."""
    return store.local("machine_name") or default_machine_name()


def has_machine_name(store: Store) -> bool:
    return bool(store.local("machine_name"))


def set_machine_name(store: Store, name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Donnez un nom à ce poste, par exemple « Ordinateur du centre »."), "machine_name")
    if len(name) > MAX_NAME:
        raise ValidationError(_("Ce nom est trop long ({n} caractères au plus).").format(n=MAX_NAME), "machine_name")
    store.set_local("machine_name", name)
    return name


def previous_sites(store: Store) -> list[str]:
    """Former ids of this database (before it was copied or restored)."""
    try:
        return [str(s) for s in json.loads(store.local("previous_sites", "[]") or "[]")]
    except ValueError:
        return []


@dataclass(frozen=True)
class Machine:
    site: str
    name: str
    this_machine: bool
    last_import: dt.datetime | None = None
    """When this computer last imported a file from that machine."""
    last_created: dt.datetime | None = None
    """When that machine wrote the last file imported here."""
    seen_us: dt.datetime | None = None
    """When that machine last imported one of this computer's files (as it told us)."""
    replaced: bool = False
    """The machine id was replaced (the database was copied or restored there)."""

    @property
    def last_exchange(self) -> dt.datetime | None:
        times = [t for t in (self.last_import, self.seen_us) if t is not None]
        return max(times) if times else None


def known_machines(store: Store, *, include_replaced: bool = False) -> list[Machine]:
    """Other machines of the group, most recent exchange first (machines never exchanged with last)."""
    mine = {store.site_id, *previous_sites(store)}
    found = []
    for site, name, last_import, last_created, seen_us, replaced_by in store.db.execute(
        "SELECT site, name, last_import, last_created, seen_us, replaced_by FROM _sync_peers"
    ).fetchall():
        if site in mine or (replaced_by and not include_replaced):
            continue
        found.append(
            Machine(site, name or _("Poste sans nom"), False, from_ms(last_import), from_ms(last_created),
                    from_ms(seen_us), bool(replaced_by))
        )
    found.sort(key=lambda m: (m.last_exchange is None, -(m.last_exchange.timestamp() if m.last_exchange else 0), m.name))
    return found


def names_by_site(store: Store) -> dict[str, str]:
    """Machine names by id, this computer's ids included (for showing where a change came from)."""
    names = {site: name for site, name in store.db.execute("SELECT site, name FROM _sync_peers").fetchall() if name}
    own = machine_name(store)
    for site in (store.site_id, *previous_sites(store)):
        names[site] = own
    return names


def peer_row(store: Store, site: str) -> dict[str, object] | None:
    cursor = store.db.execute("SELECT * FROM _sync_peers WHERE site = ?", [site])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None


def note_peer(store: Store, site: str, name: str) -> None:
    """Remember a machine heard of through another machine's file (a name learnt first-hand is kept)."""
    if site == store.site_id:
        return
    store.db.execute(
        "INSERT INTO _sync_peers (site, name, first_seen) VALUES (?, ?, ?) ON CONFLICT (site) DO UPDATE "
        "SET name = CASE WHEN _sync_peers.last_import IS NULL AND excluded.name != '' THEN excluded.name "
        "ELSE _sync_peers.name END",
        [site, name, now_ms()],
    )


def note_seen_us(store: Store, site: str, when_ms: int) -> None:
    """``site`` told us (in its file) when it last imported one of ours."""
    if when_ms:
        store.db.execute("UPDATE _sync_peers SET seen_us = max(coalesce(seen_us, 0), ?) WHERE site = ?", [when_ms, site])


def record_import(store: Store, site: str, name: str, *, bundle: str, created: int, counter: int,
                  previous: list[str], imported: int) -> None:
    """Remember a file imported from ``site`` (call inside the import transaction)."""
    with store.write():
        store.db.execute(
            """INSERT INTO _sync_peers (site, name, first_seen, last_import, last_bundle, last_created, last_counter)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (site) DO UPDATE SET
                 name = excluded.name, last_import = excluded.last_import, replaced_by = NULL,
                 last_bundle = CASE WHEN coalesce(_sync_peers.last_created, 0) <= excluded.last_created
                                    THEN excluded.last_bundle ELSE _sync_peers.last_bundle END,
                 last_created = max(coalesce(_sync_peers.last_created, 0), excluded.last_created),
                 last_counter = max(_sync_peers.last_counter, excluded.last_counter)""",
            [site, name, imported, imported, bundle, created, counter],
        )
        for old in previous:
            store.db.execute(
                "UPDATE _sync_peers SET replaced_by = ? WHERE site = ? AND coalesce(last_created, 0) <= ?",
                [site, old, created],
            )


def peers_for_export(store: Store) -> list[list[object]]:
    """[site, name, last import here] of the machines known here, sent inside our files."""
    return [
        [site, name, last_import]
        for site, name, last_import in store.db.execute(
            "SELECT site, name, last_import FROM _sync_peers WHERE replaced_by IS NULL"
        ).fetchall()
    ]
