"""One person's record: read it, validate it, create and change it, archive and restore it.

:func:`save_person` writes a whole form (fields, consents, memberships) in one transaction
after checking everything: a mistake anywhere leaves the record as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...i18n import _
from .. import rows
from ..errors import ValidationError
from ..people import ROLES, STATUSES, display_name, parse_roles
from ..store import Store
from . import consents as consent_rules
from . import memberships as membership_rules
from .fields import CONTACT_METHODS, TEXT_FIELDS
from ..validation import clean_contact, clean_text, date_text


@dataclass(frozen=True)
class PersonRecord:
    """Every field of a person's record as the form shows it (empty text for missing values)."""

    id: str
    first_name: str = ""
    last_name: str = ""
    display_name: str = ""
    roles: tuple[str, ...] = ()
    status: str = "actif"
    phone: str = ""
    mobile: str = ""
    email: str = ""
    address: str = ""
    contact_method: str = ""
    contact_hours: str = ""
    emergency_contact: str = ""
    member_since: str = ""
    notes: str = ""
    archived: bool = False
    merged_into: str = ""

    @property
    def name(self) -> str:
        return display_name({"display_name": self.display_name, "first_name": self.first_name, "last_name": self.last_name})

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    def values(self) -> dict[str, Any]:
        """The editable fields as a dict (the form's starting point)."""
        return {name: getattr(self, name) for name in (*TEXT_FIELDS, "roles", "status")}


def get_person(store: Store, person_id: str) -> PersonRecord:
    """The record, or a clear error when it does not exist or was erased."""
    row = rows.require(store, "people", person_id)
    return record_from_row(row)


def record_from_row(row: Mapping[str, Any]) -> PersonRecord:
    texts = {name: row.get(name) or "" for name in TEXT_FIELDS}
    return PersonRecord(
        id=row["id"], roles=parse_roles(row.get("roles")), status=row.get("status") or "actif",
        archived=bool(row.get("archived")), merged_into=row.get("merged_into") or "", **texts,
    )


def clean_person(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validated, normalised person fields ready to store; :class:`ValidationError` names the field at fault.

    Only the fields present in ``values`` are returned. A person needs a first name or a chosen
    name; everything else is optional.
    """
    clean = clean_contact(
        values, texts=("first_name", "last_name", "display_name", "address", "contact_hours", "emergency_contact", "notes"),
        phones=("phone", "mobile"), emails=("email",))
    if "member_since" in values:
        since = date_text(values["member_since"], "member_since")
        if since and since > (dt.date.today() + dt.timedelta(days=366)).isoformat():
            raise ValidationError(_("La date « Membre depuis » est trop loin dans le futur."), "member_since")
        clean["member_since"] = since
    if "contact_method" in values:
        method = clean_text(values["contact_method"])
        if method and method not in CONTACT_METHODS:
            raise ValidationError(_("Moyen de contact inconnu : {value}.").format(value=method), "contact_method")
        clean["contact_method"] = method
    if "roles" in values:
        roles = values["roles"]
        roles = parse_roles(roles) if isinstance(roles, str) else tuple(roles or ())
        unknown = [r for r in roles if r not in ROLES]
        if unknown:
            raise ValidationError(_("Rôle inconnu : {value}.").format(value=", ".join(unknown)), "roles")
        clean["roles"] = json.dumps([r for r in ROLES if r in roles])
    if "status" in values:
        status = values["status"] or "actif"
        if status not in STATUSES:
            raise ValidationError(_("Statut inconnu : {value}.").format(value=status), "status")
        clean["status"] = status
    return clean


def _check_named(merged: Mapping[str, Any]) -> None:
    if not (merged.get("first_name") or merged.get("display_name") or merged.get("last_name")):
        raise ValidationError(
            _("Indiquez au moins un prénom ou un nom choisi : c'est tout ce qu'il faut pour inscrire une personne."),
            "first_name",
        )


@dataclass
class MembershipDraft:
    """A membership as edited in the form: new (``id`` None), changed, or to remove."""

    values: dict[str, Any]
    id: str | None = None
    remove: bool = False


@dataclass
class PersonChanges:
    """What a form saves at once: fields, consents (purpose → (given, date)), memberships."""

    fields: dict[str, Any] = field(default_factory=dict)
    consents: dict[str, tuple[bool, dt.date | None]] = field(default_factory=dict)
    memberships: Sequence[MembershipDraft] = ()


def save_person(store: Store, person_id: str | None, changes: PersonChanges, *, today: dt.date | None = None) -> str:
    """Create (``person_id`` None) or change a person with everything the form holds, in one transaction.

    Everything is validated before anything is written; returns the person's id.
    """
    today = today or dt.date.today()
    clean = clean_person(changes.fields)
    period_of = membership_rules.default_period(store)
    drafts = [(d, None if d.remove else membership_rules.clean_membership(d.values, period_of))
              for d in changes.memberships]
    with store.write():
        current = rows.require(store, "people", person_id) if person_id else {}
        _check_named({**current, **clean})
        states = consent_rules.consent_states(store, person_id) if person_id else {}
        for purpose, (given, on) in changes.consents.items():
            state = states.get(purpose) or consent_rules.ConsentState(purpose)
            consent_rules.check_consent(purpose, given, on or today, state, today)
        if person_id:
            rows.update(store, "people", person_id, clean)
        else:
            clean.setdefault("status", "actif")
            clean.setdefault("roles", "[]")
            person_id = rows.insert(store, "people", clean)
        for purpose, (given, on) in changes.consents.items():
            consent_rules.set_consent(store, person_id, purpose, given, on or today, today=today)
        for draft, values in drafts:
            if draft.id is None and values is not None:
                rows.insert(store, "memberships", {"person_id": person_id, **values})
            elif draft.id is not None and draft.remove:
                rows.archive(store, "memberships", draft.id)
            elif draft.id is not None and values is not None:
                rows.update(store, "memberships", draft.id, values)
    return person_id


def create_person(store: Store, values: Mapping[str, Any]) -> str:
    """Create a person from field values (validated); returns the new id."""
    return save_person(store, None, PersonChanges(fields=dict(values)))


def update_person(store: Store, person_id: str, values: Mapping[str, Any]) -> str:
    return save_person(store, person_id, PersonChanges(fields=dict(values)))


def archive_person(store: Store, person_id: str) -> bool:
    """« Supprimer » in the register: the record is hidden, kept, and can be restored."""
    with store.write():
        rows.require(store, "people", person_id)
        return rows.archive(store, "people", person_id)


def restore_person(store: Store, person_id: str) -> bool:
    """Bring an archived record back (a duplicate archived by a merge becomes a record of its own again)."""
    with store.write():
        row = rows.require(store, "people", person_id)
        values: dict[str, Any] = {"archived": 0}
        if row.get("merged_into"):
            values["merged_into"] = None
        return bool(rows.update(store, "people", person_id, values))
