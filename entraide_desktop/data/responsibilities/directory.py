"""What this area needs to know about people, read in one query: names, roles, archived, active."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from ...i18n import N_, _
from ..people import REMOVED_LABEL, display_name, parse_roles
from ..store import Store
from ..text import fold

ROLE_TO_GROUP: dict[str, str] = {
    "membre": "membres",
    "intervenant": "personnes_intervenantes",
    "benevole": "benevoles",
    "administrateur": "conseil",
}
"""Role code of the register → role group of the spread (data.responsibilities.ROLE_GROUPS)."""

GROUP_LABELS: dict[str, str] = {
    "membres": N_("Membres"),
    "personnes_intervenantes": N_("Personnes intervenantes"),
    "benevoles": N_("Bénévoles"),
    "conseil": N_("Conseil d'administration"),
}


def groups_of(roles: Iterable[str]) -> tuple[str, ...]:
    """Role groups of a person, in ROLE_GROUPS order; a person with several roles is in each."""
    found = {ROLE_TO_GROUP[r] for r in roles if r in ROLE_TO_GROUP}
    return tuple(g for g in GROUP_LABELS if g in found)


@dataclass(frozen=True)
class PersonInfo:
    id: str
    name: str
    roles: tuple[str, ...]
    archived: bool
    active: bool
    removed: bool = False  # erased from the register (Law 25)
    sort_key: str = ""  # folded name, for accent-blind alphabetical order

    @property
    def groups(self) -> tuple[str, ...]:
        return groups_of(self.roles)


def removed(person_id: str, roles: tuple[str, ...] = ()) -> PersonInfo:
    return PersonInfo(person_id, _(REMOVED_LABEL), roles, archived=True, active=False, removed=True,
                      sort_key=fold(_(REMOVED_LABEL)))


@functools.lru_cache(maxsize=256)
def _roles(value: str | None) -> tuple[str, ...]:
    return parse_roles(value)


_SQL = "SELECT id, display_name, first_name, last_name, roles, archived, status FROM people"
_everyone: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _read(store: Store, where: str = "", args: list[str] | None = None) -> dict[str, PersonInfo]:
    found: dict[str, PersonInfo] = {}
    for pid, chosen, first, last, roles, archived, status in store.db.execute(_SQL + where, args or []).fetchall():
        name = display_name({"display_name": chosen, "first_name": first, "last_name": last})
        found[pid] = PersonInfo(pid, name, _roles(roles), bool(archived), (status or "actif") == "actif",
                                sort_key=fold(name))
    return found


def _version(store: Store) -> tuple[int, int]:
    """Changes by this connection and commits by others: any write to the database changes it."""
    return store.db.conn.total_changes, store.db.execute("PRAGMA data_version").fetchone()[0]


def people_index(store: Store, ids: Iterable[str] | None = None) -> dict[str, PersonInfo]:
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
    found: dict[str, PersonInfo] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(_read(store, f" WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def forget_people() -> None:
    """Drop the kept register (benchmarks measure the first read)."""
    _everyone.clear()


def person_info(store: Store, person_id: str) -> PersonInfo | None:
    return people_index(store, [person_id]).get(person_id)
