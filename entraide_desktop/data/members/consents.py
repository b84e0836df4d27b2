"""Consent per use: given on a date, withdrawn on a date (a withdrawal is recorded, never deleted).

One row per (person, purpose) with a deterministic id (``people.consent_id``): granting the
same consent on two machines makes one row. Giving it again after a withdrawal starts a new
period; the history keeps the earlier ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import _, format_date
from .. import rows
from ..errors import ValidationError
from ..people import CONSENT_PURPOSES, consent_id
from ..store import Store


@dataclass(frozen=True)
class ConsentState:
    """Where one consent stands; ``granted_on`` None means never given."""

    purpose: str
    granted_on: dt.date | None = None
    withdrawn_on: dt.date | None = None

    @property
    def label(self) -> str:
        return _(CONSENT_PURPOSES[self.purpose])

    def active(self, on: dt.date | None = None) -> bool:
        on = on or dt.date.today()
        if self.granted_on is None or self.granted_on > on:
            return False
        return self.withdrawn_on is None or self.withdrawn_on > on

    def describe(self, on: dt.date | None = None) -> str:
        """« Donné le 3 mars 2024 », « Retiré le 5 mai 2025 (donné le 3 mars 2024) », « Jamais donné »."""
        if self.granted_on is None:
            return _("Jamais donné")
        given = format_date(self.granted_on) if self.granted_on != dt.date.min else _("date inconnue")
        if self.withdrawn_on is not None and self.withdrawn_on <= (on or dt.date.today()):
            return _("Retiré le {withdrawn} (donné le {given})").format(
                withdrawn=format_date(self.withdrawn_on), given=given
            )
        if self.granted_on > (on or dt.date.today()):
            return _("Donné à partir du {given}").format(given=given)
        if self.granted_on == dt.date.min:
            return _("Donné (date inconnue)")
        return _("Donné le {given}").format(given=given)


def _state(row: dict | None, purpose: str) -> ConsentState:
    if not row or not row.get("granted") or row.get("archived"):
        return ConsentState(purpose)
    granted = dt.date.fromisoformat(row["granted_on"]) if row.get("granted_on") else dt.date.min
    withdrawn = dt.date.fromisoformat(row["withdrawn_on"]) if row.get("withdrawn_on") else None
    return ConsentState(purpose, granted, withdrawn)


def consent_states(store: Store, person_id: str) -> dict[str, ConsentState]:
    """Every purpose of :data:`people.CONSENT_PURPOSES` with where it stands for this person."""
    return {p: _state(rows.get(store, "consents", consent_id(person_id, p)), p) for p in CONSENT_PURPOSES}


def check_consent(purpose: str, granted: bool, on: dt.date, current: ConsentState, today: dt.date) -> None:
    """Refuse an unknown purpose, a date in the future, or a withdrawal before the consent."""
    if purpose not in CONSENT_PURPOSES:
        raise ValidationError(_("Usage de consentement inconnu : {purpose}.").format(purpose=purpose), purpose)
    if on > today:
        raise ValidationError(
            _("« {label} » : la date ne peut pas être dans le futur ({date}).").format(
                label=_(CONSENT_PURPOSES[purpose]), date=format_date(on)
            ),
            purpose,
        )
    if not granted and current.granted_on not in (None, dt.date.min) and on < current.granted_on:  # type: ignore[operator]
        raise ValidationError(
            _("« {label} » : le retrait ({withdrawn}) ne peut pas précéder le consentement ({given}).").format(
                label=_(CONSENT_PURPOSES[purpose]), withdrawn=format_date(on), given=format_date(current.granted_on)
            ),
            purpose,
        )


def set_consent(store: Store, person_id: str, purpose: str, granted: bool, on: dt.date | None = None,
                *, today: dt.date | None = None) -> bool:
    """Give (``granted``) or withdraw a consent, dated ``on`` (today by default); True when something changed.

    Giving a consent already in force only corrects its date; withdrawing one not in force does nothing.
    """
    today = today or dt.date.today()
    on = on or today
    with store.write():
        rows.require(store, "people", person_id)
        row_id = consent_id(person_id, purpose)
        current = _state(rows.get(store, "consents", row_id), purpose)
        check_consent(purpose, granted, on, current, today)
        in_force = current.granted_on is not None and current.withdrawn_on is None
        if granted:
            if in_force and current.granted_on == on:
                return False
            values = {"person_id": person_id, "purpose": purpose, "granted": 1, "granted_on": on,
                      "withdrawn_on": None, "archived": 0}
            return bool(rows.upsert(store, "consents", row_id, values))
        if not in_force:
            return False
        return bool(rows.update(store, "consents", row_id, {"withdrawn_on": on}))


def grant_consent(store: Store, person_id: str, purpose: str, on: dt.date | None = None) -> bool:
    return set_consent(store, person_id, purpose, True, on)


def withdraw_consent(store: Store, person_id: str, purpose: str, on: dt.date | None = None) -> bool:
    return set_consent(store, person_id, purpose, False, on)
