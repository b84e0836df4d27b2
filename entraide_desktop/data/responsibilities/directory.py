"""The people this area shows (``people.PersonRef``), read in one query and kept until the database changes."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable

from ..people import PersonRef, display_name, parse_roles
from ..store import Store

@functools.lru_cache(maxsize=256)
def _roles(value: str | None) -> tuple[str, ...]:
    return parse_roles(value)


_SQL = "SELECT id, display_name, first_name, last_name, roles, archived, status FROM people"
_everyone: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _read(store: Store, where: str = "", args: list[str] | None = None) -> dict[str, PersonRef]:
    found: dict[str, PersonRef] = {}
    for pid, chosen, first, last, roles, archived, status in store.db.execute(_SQL + where, args or []).fetchall():
        name = display_name({"display_name": chosen, "first_name": first, "last_name": last})
        found[pid] = PersonRef(pid, name, _roles(roles), bool(archived), (status or "actif") == "actif")
    return found


def _version(store: Store) -> tuple[int, int]:
    """Changes by this connection and commits by others: any write to the database changes it."""
    return store.db.conn.total_changes, store.db.execute("PRAGMA data_version").fetchone()[0]


def people_index(store: Store, ids: Iterable[str] | None = None) -> dict[str, PersonRef]:
    """People of the register by id (archived included); with ``ids``, only those (missing ones absent).

    The whole register (rotation, never-held view) is kept until the database changes.
    """
    if ids is None:
        version = _version(store)
        cached = _everyone.get(store.db)
        if cached is None or cached[0] != version:
            cached = (version, _read(store))
            _everyone[store.db] = cached
        return cached[1]
    wanted = list(dict.fromkeys(ids))
    found: dict[str, PersonRef] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(_read(store, f" WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def forget_people() -> None:
    """Drop the kept register (benchmarks measure the first read)."""
    _everyone.clear()


def person_info(store: Store, person_id: str) -> PersonRef | None:
    return people_index(store, [person_id]).get(person_id)
