"""Who changed what in a person's record, and when (from the version records).

The author is the label of the key slot that unlocked the register (« Marie (secrétariat) »),
so the edits made on a shared computer can be traced. Changes to the person's consents and
memberships are included. An erased record has no history left (Law 25).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ...i18n import _, format_date, format_money
from .. import rows
from ..people import CONSENT_PURPOSES, consent_id
from ..store import Store
from .fields import MEMBERSHIP_FIELDS, PERSON_FIELDS, contact_method_label, roles_text, status_label
from .memberships import list_memberships


@dataclass(frozen=True)
class HistoryEntry:
    when: dt.datetime
    author: str
    what: str
    """The field as a person calls it (« Courriel », « Consentement — Photos : retiré le »)."""
    value: str
    """The new value as shown on screen (« (vide) » when it was cleared)."""


def _date(value: Any) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _person_value(field: str, value: Any) -> str:
    if field == "roles":
        try:
            return roles_text(tuple(json.loads(value or "[]"))) or _("(aucun rôle)")
        except ValueError:
            return str(value)
    if field == "status":
        return status_label(value)
    if field == "contact_method":
        return contact_method_label(value)
    if field == "member_since":
        return _date(value)
    return str(value)


def _person_entries(store: Store, person_id: str) -> list[HistoryEntry]:
    found = []
    changes = rows.history(store, "people", person_id)
    first_hlc = changes[0].hlc if changes else None
    for change in changes:
        value = change.value
        creating = change.hlc == first_hlc
        if change.field == "archived":
            if creating and not value:
                continue
            what = _("Fiche")
            shown = _("Archivée") if value else _("Restaurée")
        elif change.field == "merged_into":
            if not value:
                continue
            what, shown = _("Fusion"), _("Fiche fusionnée dans une autre fiche de la même personne")
        elif change.field in PERSON_FIELDS:
            if creating and value in (None, "", "[]"):
                continue  # a new record: only the fields filled in are worth listing
            what = _(PERSON_FIELDS[change.field])
            shown = _("(vide)") if value in (None, "") else _person_value(change.field, value)
        else:
            continue
        found.append(HistoryEntry(change.when, change.author, what, shown))
    return found


def _membership_value(field: str, value: Any) -> str:
    if field in ("period_start", "period_end", "paid_on"):
        return _date(value)
    if field == "amount":
        return _("Gratuite") if float(value) == 0 else format_money(float(value))
    return str(value)


def _consent_entries(store: Store, person_id: str) -> list[HistoryEntry]:
    """« Consentement « Photos » : donné le 3 mars 2024 », then « retiré le 5 mai 2025 »…"""
    found = []
    for purpose, label in CONSENT_PURPOSES.items():
        what = _("Consentement « {label} »").format(label=_(label))
        for change in rows.history(store, "consents", consent_id(person_id, purpose)):
            if change.field == "granted_on" and change.value:
                found.append(HistoryEntry(change.when, change.author, what,
                                          _("Donné le {date}").format(date=_date(change.value))))
            elif change.field == "withdrawn_on" and change.value:
                found.append(HistoryEntry(change.when, change.author, what,
                                          _("Retiré le {date}").format(date=_date(change.value))))
            elif change.field == "archived" and change.value:
                found.append(HistoryEntry(change.when, change.author, what, _("Retiré du dossier (fusion)")))
    return found


def _membership_entries(store: Store, person_id: str) -> list[HistoryEntry]:
    found = []
    for membership in list_memberships(store, person_id, include_archived=True):
        what = _("Cotisation {period}").format(period=membership.period_label)
        changes = rows.history(store, "memberships", membership.id)
        if not changes:
            continue
        first = changes[0].hlc
        paid = _("payée le {date}").format(date=_date(membership.paid_on)) if membership.paid_on else ""
        shown = ", ".join(p for p in (paid, membership.amount_label) if p)
        found.append(HistoryEntry(changes[0].when, changes[0].author, what, _("Ajoutée : {details}").format(details=shown)))
        for change in changes:
            if change.hlc == first:
                continue
            if change.field == "archived":
                shown = _("Retirée") if change.value else _("Rétablie")
            elif change.field == "person_id":
                shown = _("Reprise d'une fiche fusionnée")
            elif change.field in MEMBERSHIP_FIELDS:
                shown = _("{field} : {value}").format(
                    field=_(MEMBERSHIP_FIELDS[change.field]),
                    value=_("(vide)") if change.value in (None, "") else _membership_value(change.field, change.value),
                )
            else:
                continue
            found.append(HistoryEntry(change.when, change.author, what, shown))
    return found


def person_history(store: Store, person_id: str) -> list[HistoryEntry]:
    """Every recorded change of the person, their consents and memberships, most recent first."""
    entries = _person_entries(store, person_id)
    entries += _consent_entries(store, person_id) + _membership_entries(store, person_id)
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
