"""The register's core API used by every area: names, roles, consent and good standing.

The member register issue builds the full register on top of this (forms, validation,
import/export, merging, erasure); other areas only rely on the functions here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_, _
from . import rows
from .store import Store

ROLES: dict[str, str] = {
    "membre": N_("Membre"),
    "intervenant": N_("Personne intervenante"),
    "benevole": N_("Bénévole"),
    "administrateur": N_("Administrateur·trice"),
}
"""Role codes and their labels; several roles are possible, the app never ranks them."""

STATUSES: dict[str, str] = {"actif": N_("Actif"), "inactif": N_("Inactif")}

CONSENT_PURPOSES: dict[str, str] = {
    "phone_network": N_("Réseau de soutien téléphonique"),
    "calendar_leader": N_("Nommé·e dans le calendrier comme animateur·trice"),
    "photos": N_("Photos"),
    "mailings": N_("Envois postaux et courriels"),
}

REMOVED_LABEL = N_("Personne retirée du registre")
"""Shown wherever a reference points to a person erased from the register."""

from .schema.members import consent_id  # noqa: E402,F401  (re-exported)
from .schema.registry import (  # noqa: E402,F401  (re-exported)
    PERSON_REFERENCE_IDS,
    PERSON_REFERENCES,
    register_person_reference,
)
from .text import fold


@dataclass(frozen=True)
class PersonRef:
    """A person as every area shows them: id, name, roles, archived, active. A person erased from
    the register keeps their id, with the removed label (``removed``)."""

    id: str
    name: str
    roles: tuple[str, ...]
    archived: bool
    active: bool = True
    removed: bool = False
    sort_key: str = field(default="", compare=False)  # folded name, for accent-blind order

    def __post_init__(self) -> None:
        if not self.sort_key:
            object.__setattr__(self, "sort_key", fold(self.name))

    @property
    def groups(self) -> tuple[str, ...]:
        return groups_of(self.roles)


def removed_person(person_id: str, roles: tuple[str, ...] = ()) -> PersonRef:
    """The reference kept for a person erased from the register (Law 25)."""
    return PersonRef(person_id, _(REMOVED_LABEL), roles, archived=True, active=False, removed=True)


ROLE_TO_GROUP: dict[str, str] = {
    "membre": "membres",
    "intervenant": "personnes_intervenantes",
    "benevole": "benevoles",
    "administrateur": "conseil",
}
"""Role code of the register → role group of the spread (``responsibilities.ROLE_GROUPS``)."""

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


def display_name(row: dict[str, Any] | None) -> str:
    """The chosen name, else first and last name; the removed label for an erased person."""
    if row is None:
        return _(REMOVED_LABEL)
    chosen = (row.get("display_name") or "").strip()
    if chosen:
        return chosen
    full = " ".join(p for p in ((row.get("first_name") or "").strip(), (row.get("last_name") or "").strip()) if p)
    return full or _("(sans nom)")


def parse_roles(value: str | None) -> tuple[str, ...]:
    try:
        roles = json.loads(value or "[]")
    except ValueError:
        return ()
    return tuple(r for r in roles if isinstance(r, str))


def person_ref(store: Store, person_id: str) -> PersonRef:
    """A reference for display; an erased person comes back with the removed label."""
    row = rows.get(store, "people", person_id)
    if row is None:
        return removed_person(person_id)
    return PersonRef(person_id, display_name(row), parse_roles(row.get("roles")), bool(row.get("archived")),
                     (row.get("status") or "actif") == "actif")


def names(store: Store, person_ids: Iterable[str]) -> dict[str, str]:
    """Display names for many ids at once (erased ones get the removed label)."""
    ids = list(dict.fromkeys(person_ids))
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        cursor = store.db.execute(
            f"SELECT id, display_name, first_name, last_name FROM people WHERE id IN ({marks})", chunk
        )
        for pid, chosen, first, last in cursor.fetchall():
            found[pid] = display_name({"display_name": chosen, "first_name": first, "last_name": last})
    return {pid: found.get(pid, _(REMOVED_LABEL)) for pid in ids}


def list_people(store: Store, *, include_archived: bool = False, role: str | None = None) -> list[PersonRef]:
    """People of the register sorted by name (active and inactive; archived on request)."""
    sql = "SELECT id, display_name, first_name, last_name, roles, archived, status FROM people"
    if not include_archived:
        sql += " WHERE archived = 0"
    refs = []
    for pid, chosen, first, last, roles_json, archived, status in store.db.execute(sql).fetchall():
        roles = parse_roles(roles_json)
        if role and role not in roles:
            continue
        name = display_name({"display_name": chosen, "first_name": first, "last_name": last})
        refs.append(PersonRef(pid, name, roles, bool(archived), (status or "actif") == "actif"))

    refs.sort(key=lambda r: fold(r.name))
    return refs


def has_consent(store: Store, person_id: str, purpose: str, on: dt.date | None = None) -> bool:
    """True when the person gave this consent (on or before ``on``) and has not withdrawn it since."""
    row = rows.get(store, "consents", consent_id(person_id, purpose))
    if not row or not row.get("granted") or row.get("archived"):
        return False
    on = on or dt.date.today()
    granted_on = row.get("granted_on")
    withdrawn_on = row.get("withdrawn_on")
    if granted_on and dt.date.fromisoformat(granted_on) > on:
        return False
    return not (withdrawn_on and dt.date.fromisoformat(withdrawn_on) <= on)


def people_with_consent(store: Store, purpose: str, on: dt.date | None = None) -> set[str]:
    on_text = (on or dt.date.today()).isoformat()
    cursor = store.db.execute(
        """SELECT c.person_id FROM consents c JOIN people p ON p.id = c.person_id
           WHERE c.purpose = ? AND c.granted = 1 AND c.archived = 0 AND p.archived = 0
             AND (c.granted_on IS NULL OR c.granted_on <= ?)
             AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ?)""",
        [purpose, on_text, on_text],
    )
    return {r[0] for r in cursor.fetchall()}


def in_good_standing(store: Store, person_id: str, on: dt.date | None = None) -> bool:
    """« Membre en règle » on a date: see :func:`members_in_good_standing`."""
    return person_id in members_in_good_standing(store, on)


def members_in_good_standing(store: Store, on: dt.date | None = None) -> set[str]:
    """Ids of the people who are « membres en règle » on ``on`` (today by default).

    A person is in good standing on a date when they have the role « membre », their record is
    not archived, and a membership (cotisation, free or paid) that is not archived covers that
    date and was paid on or before it. The status actif/inactif does not matter: it says whether
    the person comes these days, not whether they belong to the group.
    """
    on_text = (on or dt.date.today()).isoformat()
    cursor = store.db.execute(
        """SELECT DISTINCT p.id FROM people p JOIN memberships m ON m.person_id = p.id
           WHERE p.archived = 0 AND p.roles LIKE '%"membre"%' AND m.archived = 0
             AND m.period_start <= ? AND m.period_end >= ? AND (m.paid_on IS NULL OR m.paid_on <= ?)""",
        [on_text, on_text, on_text],
    )
    return {row[0] for row in cursor.fetchall()}
