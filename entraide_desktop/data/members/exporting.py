"""What the exports contain: the register as a table, and the phone support network list.

The column headers are the ones the import recognises, so an exported file can be imported
again (into another group's register, say).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import _
from ..people import CONSENT_PURPOSES, display_name, members_in_good_standing, parse_roles
from ..store import Store
from ..text import fold
from .fields import PERSON_FIELDS, contact_method_label, roles_text, status_label

_COLUMNS = ("first_name", "last_name", "display_name", "roles", "status", "phone", "mobile", "email", "address",
            "contact_method", "contact_hours", "emergency_contact", "member_since")


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]


def register_table(store: Store, *, include_archived: bool = False, on: dt.date | None = None) -> Table:
    """The register as text cells, sorted by name, with standing and consents on ``on`` (today)."""
    on = on or dt.date.today()
    standing = members_in_good_standing(store, on)
    consents: dict[str, set[str]] = {}
    on_text = on.isoformat()
    for person_id, purpose in store.db.execute(
        """SELECT person_id, purpose FROM consents WHERE granted = 1 AND archived = 0
           AND (granted_on IS NULL OR granted_on <= ?) AND (withdrawn_on IS NULL OR withdrawn_on > ?)""",
        [on_text, on_text],
    ).fetchall():
        consents.setdefault(person_id, set()).add(purpose)
    last_paid = dict(store.db.execute(
        "SELECT person_id, max(paid_on) FROM memberships WHERE archived = 0 GROUP BY person_id"
    ).fetchall())
    cursor = store.db.execute(
        "SELECT * FROM people" + ("" if include_archived else " WHERE archived = 0")
    )
    names = [c[0] for c in cursor.description]
    people = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    people.sort(key=lambda p: fold(display_name(p)))
    headers = [_(PERSON_FIELDS[c]) for c in _COLUMNS] + [_("Membre en règle"), _("Dernière cotisation payée le")]
    headers += [_(label) for label in CONSENT_PURPOSES.values()] + [_(PERSON_FIELDS["notes"])]
    if include_archived:
        headers.append(_("Archivé·e"))
    table = []
    for p in people:
        roles = parse_roles(p.get("roles"))
        cells = []
        for column in _COLUMNS:
            value = p.get(column) or ""
            if column == "roles":
                value = roles_text(roles)
            elif column == "status":
                value = status_label(value)
            elif column == "contact_method":
                value = contact_method_label(value)
            cells.append(value)
        member = "membre" in roles
        cells.append((_("oui") if p["id"] in standing else _("non")) if member else "")
        cells.append(last_paid.get(p["id"]) or "")
        given = consents.get(p["id"], set())
        cells += [_("oui") if purpose in given else _("non") for purpose in CONSENT_PURPOSES]
        cells.append(p.get("notes") or "")
        if include_archived:
            cells.append(_("oui") if p.get("archived") else _("non"))
        table.append(cells)
    return Table(headers, table)


@dataclass(frozen=True)
class NetworkEntry:
    name: str
    number: str


def phone_network(store: Store, on: dt.date | None = None) -> tuple[list[NetworkEntry], int]:
    """People in the phone support network on ``on``: (chosen name and number, sorted by name;
    how many consented but have no number on file). Only people who consented are listed."""
    on_text = (on or dt.date.today()).isoformat()
    cursor = store.db.execute(
        """SELECT p.display_name, p.first_name, p.last_name, p.phone, p.mobile, p.contact_method
           FROM people p JOIN consents c ON c.person_id = p.id
           WHERE p.archived = 0 AND c.purpose = 'phone_network' AND c.granted = 1 AND c.archived = 0
             AND (c.granted_on IS NULL OR c.granted_on <= ?) AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ?)""",
        [on_text, on_text],
    )
    entries, missing = [], 0
    for chosen, first, last, phone, mobile, method in cursor.fetchall():
        numbers = [mobile, phone] if method in ("mobile", "text") else [phone, mobile]
        number = next((n for n in numbers if n), None)
        if number is None:
            missing += 1
            continue
        entries.append(NetworkEntry(display_name({"display_name": chosen, "first_name": first, "last_name": last}), number))
    entries.sort(key=lambda e: fold(e.name))
    return entries, missing
