"""The group's own details and its year: the profile row, the fiscal year (« exercice financier »).

Quebec community groups usually keep an exercice from April 1 to March 31 and present, at the
AGA in June, the « rapport d'activités » of the exercice that just ended. Every area that speaks
of « the group's year » asks this module: the AGA package, the spread of responsibilities and
the default period of a new membership (cotisation).

An exercice is named by the year it **starts**: exercice 2025 of a group whose year starts in
April runs from April 1, 2025 to March 31, 2026 and is labelled « 2025-2026 »; when the year
starts in January it is simply « 2025 ».

Settings that are empty in the database (a group created before they existed, or never
changed) mean the defaults: April, and memberships that follow the exercice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from babel import dates as babel_dates

from ..i18n import _, format_date, locale_name
from . import rows
from .errors import ValidationError
from .schema.core import GROUP_PROFILE_ID
from .store import Store
from .validation import clean_contact

DEFAULT_START_MONTH = 4
"""April: the usual start of the exercice of Quebec community groups."""

FISCAL = "fiscal"
CALENDAR = "calendar"
MEMBERSHIP_YEARS = (FISCAL, CALENDAR)

NAME_MAX = 200

Period = tuple[dt.date, dt.date]


# -- periods (pure: no database) ----------------------------------------------------------------


def fiscal_year_bounds(label_year: int, start_month: int = DEFAULT_START_MONTH) -> Period:
    """The exercice that starts in ``label_year``: (first day, last day), both included."""
    start = dt.date(label_year, start_month, 1)
    following = dt.date(label_year + 1, start_month, 1)
    return start, following - dt.timedelta(days=1)


def fiscal_year_containing(on: dt.date, start_month: int = DEFAULT_START_MONTH) -> Period:
    """The exercice that contains ``on``."""
    return fiscal_year_bounds(on.year if on.month >= start_month else on.year - 1, start_month)


def is_whole_year(start: dt.date, end: dt.date) -> bool:
    """True for twelve months that start on the first day of a month (an exercice, a calendar year)."""
    if start.day != 1:
        return False
    return fiscal_year_bounds(start.year, start.month) == (start, end)


def exercice_label(start: dt.date, end: dt.date) -> str:
    """« 2025-2026 » for a year over two calendar years, « 2025 » for January to December.

    Any other period is written out: « du 3 févr. 2025 au 15 mars 2025 ».
    """
    if is_whole_year(start, end):
        return str(start.year) if start.month == 1 else f"{start.year}-{end.year}"
    return _("du {start} au {end}").format(start=format_date(start, "medium"), end=format_date(end, "medium"))


def period_text(start: dt.date, end: dt.date) -> str:
    """« du 1er avril 2025 au 31 mars 2026 », for documents and dialogs."""
    return _("du {start} au {end}").format(start=format_date(start, "long"), end=format_date(end, "long"))


def month_names() -> list[str]:
    """The twelve month names as the current language writes them (index 0 = January), from Babel."""
    names = babel_dates.get_month_names("wide", context="stand-alone", locale=locale_name())
    return [names[m] for m in range(1, 13)]


# -- the profile ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupProfile:
    """The group's details as shown and edited (empty text rather than None)."""

    name: str = ""
    region: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    fiscal_year_start_month: int = DEFAULT_START_MONTH
    membership_year: str = FISCAL  # FISCAL | CALENDAR
    quorum_kind: str = ""  # the assembly's quorum rule as stored (see meetings/kinds.group_quorum_rule)
    quorum_value: str = ""

    def fiscal_year(self, label_year: int) -> Period:
        return fiscal_year_bounds(label_year, self.fiscal_year_start_month)

    def fiscal_year_of(self, on: dt.date) -> Period:
        return fiscal_year_containing(on, self.fiscal_year_start_month)

    def membership_period(self, on: dt.date) -> Period:
        """The default period of a membership paid on ``on``: the exercice, or the calendar year."""
        if self.membership_year == CALENDAR:
            return fiscal_year_bounds(on.year, 1)
        return self.fiscal_year_of(on)


def _month(value: Any) -> int:
    try:
        month = int(value)
    except (TypeError, ValueError):
        return DEFAULT_START_MONTH
    return month if 1 <= month <= 12 else DEFAULT_START_MONTH


def _profile_of(row: dict[str, Any]) -> GroupProfile:
    return GroupProfile(
        name=row.get("name") or "",
        region=row.get("region") or "",
        address=row.get("address") or "",
        email=row.get("email") or "",
        phone=row.get("phone") or "",
        fiscal_year_start_month=_month(row.get("fiscal_year_start_month")),
        membership_year=CALENDAR if row.get("membership_year") == CALENDAR else FISCAL,
        quorum_kind=str(row.get("quorum_kind") or ""),
        quorum_value=str(row.get("quorum_value") or ""),
    )


def profile(store: Store) -> GroupProfile:
    """The group's details (defaults when a setting was never given)."""
    return _profile_of(rows.get(store, "group_profile", GROUP_PROFILE_ID) or {})


EDITABLE = ("name", "region", "address", "email", "phone", "fiscal_year_start_month", "membership_year")


def _name_required() -> ValidationError:
    return ValidationError(_("Le nom du groupe est obligatoire : il paraît en tête des documents."), "name")


def clean_profile(changes: dict[str, Any]) -> dict[str, Any]:
    """The stored values of ``changes``, validated; a :class:`ValidationError` names the field at fault."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"unknown group profile fields: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    if "name" in changes:
        name = " ".join(str(changes["name"] or "").split())
        if not name:
            raise _name_required()
        if len(name) > NAME_MAX:
            raise ValidationError(
                _("Le nom du groupe est trop long ({n} caractères au plus).").format(n=NAME_MAX), "name")
        clean["name"] = name
    clean.update(clean_contact(changes, texts=("region", "address"), phones=("phone",), emails=("email",)))
    if "fiscal_year_start_month" in changes:
        value = changes["fiscal_year_start_month"]
        try:
            month = int(value)
        except (TypeError, ValueError):
            month = 0
        if not 1 <= month <= 12 or isinstance(value, bool):
            raise ValidationError(_("Le mois où commence l'exercice financier doit être un mois de janvier à "
                                    "décembre."), "fiscal_year_start_month")
        clean["fiscal_year_start_month"] = month
    if "membership_year" in changes:
        if changes["membership_year"] not in MEMBERSHIP_YEARS:
            message = _("Choisissez si les cotisations suivent l'exercice financier ou l'année civile.")
            raise ValidationError(message, "membership_year")
        clean["membership_year"] = changes["membership_year"]
    return clean


def update_profile(store: Store, **changes: Any) -> set[str]:
    """Change the group's details; returns the fields that changed.

    Everything is checked before anything is written, in one transaction: a wrong courriel
    leaves the name unchanged too.
    """
    clean = clean_profile(changes)
    with store.write():
        if rows.get(store, "group_profile", GROUP_PROFILE_ID) is None:
            if not clean.get("name"):
                raise _name_required()
            rows.insert(store, "group_profile", clean, row_id=GROUP_PROFILE_ID)
            return set(clean)
        return rows.update(store, "group_profile", GROUP_PROFILE_ID, clean)


# -- the group's year, from the database ----------------------------------------------------------


def fiscal_year(store: Store, label_year: int) -> Period:
    """The group's exercice that starts in ``label_year``: (first day, last day)."""
    return profile(store).fiscal_year(label_year)


def fiscal_year_of(store: Store, on: dt.date) -> Period:
    """The group's exercice that contains ``on``."""
    return profile(store).fiscal_year_of(on)


def fiscal_year_label(store: Store, label_year: int) -> str:
    """« 2025-2026 » (or « 2025 » when the exercice starts in January)."""
    return exercice_label(*fiscal_year(store, label_year))


def membership_period(store: Store, on: dt.date) -> Period:
    """The default period of a membership (cotisation) paid on ``on``, following the group's setting."""
    return profile(store).membership_period(on)
