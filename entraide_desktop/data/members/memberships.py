"""Yearly memberships (cotisations) and « membre en règle » on a date, computed, never stored.

A membership covers a period (by default the group's membership year: its exercice financier,
April 1 to March 31 unless the group set otherwise, or the calendar year; see ``data.group``),
was paid on a date, with an optional amount (many groups have free membership). The rule for
good standing lives in :func:`people.members_in_good_standing`; :func:`covers` is the same
rule for one membership, used where the memberships are already in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...i18n import _, format_date, format_money
from .. import group, rows
from ..errors import ValidationError
from ..people import parse_roles
from ..store import Store
from ..validation import clean_text, parse_amount, parse_date

YEAR_START_MONTH = group.DEFAULT_START_MONTH
"""April 1: the default exercice of Quebec community groups (a group may choose another month)."""

PeriodOf = Callable[[dt.date], tuple[dt.date, dt.date]]


def membership_year(on: dt.date) -> tuple[dt.date, dt.date]:
    """The default exercice containing ``on`` (April 1 to March 31), without asking the group.

    Code that has the database uses :func:`default_period` (the group's own setting).
    """
    return group.fiscal_year_containing(on, YEAR_START_MONTH)


def default_period(store: Store) -> PeriodOf:
    """The group's rule for the period of a new membership: its exercice, or the calendar year."""
    return group.profile(store).membership_period


@dataclass(frozen=True)
class Membership:
    id: str
    person_id: str
    period_start: dt.date
    period_end: dt.date
    paid_on: dt.date | None
    amount: str | None
    note: str | None = None
    archived: bool = False

    @property
    def period_label(self) -> str:
        """``2025-2026`` for a year over two calendar years, ``2025`` for January to December, else
        ``du 3 févr. 2025 au 15 mars 2025``."""
        return group.exercice_label(self.period_start, self.period_end)

    @property
    def amount_label(self) -> str:
        if self.amount is None or self.amount == "":
            return _("Non précisé")
        value = float(self.amount)
        return _("Gratuite") if value == 0 else format_money(value)

    def covers(self, on: dt.date) -> bool:
        return covers(self, on)


def covers(m: Membership, on: dt.date) -> bool:
    """The good-standing rule for one membership (same as ``people.members_in_good_standing``)."""
    return (not m.archived and m.period_start <= on <= m.period_end
            and (m.paid_on is None or m.paid_on <= on))


def _membership(row: dict[str, Any]) -> Membership:
    return Membership(
        id=row["id"],
        person_id=row["person_id"],
        period_start=dt.date.fromisoformat(row["period_start"]),
        period_end=dt.date.fromisoformat(row["period_end"]),
        paid_on=dt.date.fromisoformat(row["paid_on"]) if row.get("paid_on") else None,
        amount=row.get("amount"),
        note=row.get("note"),
        archived=bool(row.get("archived")),
    )


def list_memberships(store: Store, person_id: str, *, include_archived: bool = False) -> list[Membership]:
    """The person's memberships, most recent period first."""
    cursor = store.db.execute(
        "SELECT * FROM memberships WHERE person_id = ?" + ("" if include_archived else " AND archived = 0"),
        [person_id],
    )
    names = [c[0] for c in cursor.description]
    found = [_membership(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]
    return sorted(found, key=lambda m: (m.period_start, m.paid_on or dt.date.min), reverse=True)


def paid_between(store: Store, start: dt.date, end: dt.date) -> list[Membership]:
    """Memberships paid from ``start`` to ``end`` (inclusive) for an amount above zero, by payment date."""
    cursor = store.db.execute(
        "SELECT * FROM memberships WHERE archived = 0 AND paid_on >= ? AND paid_on <= ? "
        "AND CAST(amount AS REAL) > 0 ORDER BY paid_on, rowid",
        [start.isoformat(), end.isoformat()],
    )
    names = [c[0] for c in cursor.description]
    return [_membership(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]


def clean_membership(values: dict[str, Any], period_of: PeriodOf = membership_year) -> dict[str, Any]:
    """Validated membership values: a payment date, a period, an amount.

    Without a period, ``period_of(paid_on)`` gives it: pass :func:`default_period` of the store
    for the group's own setting (April to March when called without it).
    """
    paid_on = parse_date(values.get("paid_on"), "paid_on")
    if paid_on is None:
        raise ValidationError(
            _("Indiquez la date où la cotisation a été payée (ou la date d'inscription si elle est gratuite)."),
            "paid_on",
        )
    start = parse_date(values.get("period_start"), "period_start")
    end = parse_date(values.get("period_end"), "period_end")
    if start is None and end is None:
        start, end = period_of(paid_on)
    elif start is None or end is None:
        raise ValidationError(_("Indiquez le début et la fin de la période."), "period_start" if start is None else "period_end")
    if end < start:
        raise ValidationError(_("La fin de la période précède son début."), "period_end")
    if (end - start).days > 366 * 5:
        raise ValidationError(_("Une période de cotisation de plus de cinq ans n'est pas plausible."), "period_end")
    return {
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "paid_on": paid_on.isoformat(),
        "amount": parse_amount(values.get("amount")),
        "note": clean_text(values.get("note")),
    }


def add_membership(store: Store, person_id: str, values: dict[str, Any]) -> str:
    """Record a membership for the person; returns its id."""
    clean = clean_membership(values, default_period(store))
    with store.write():
        rows.require(store, "people", person_id)
        return rows.insert(store, "memberships", {"person_id": person_id, **clean})


def update_membership(store: Store, membership_id: str, values: dict[str, Any]) -> set[str]:
    clean = clean_membership(values, default_period(store))
    return rows.update(store, "memberships", membership_id, clean)


def remove_membership(store: Store, membership_id: str) -> bool:
    """Archive a membership recorded by mistake (reversible, syncs like an edit)."""
    return rows.archive(store, "memberships", membership_id)


@dataclass(frozen=True)
class Standing:
    """Where a person stands on a date: member or not, in good standing, until when."""

    member: bool
    in_good_standing: bool
    until: dt.date | None = None
    expired_on: dt.date | None = None

    def describe(self) -> str:
        if not self.member:
            return _("Cette personne n'a pas le rôle « Membre » : la règle ne s'applique pas.")
        if self.in_good_standing and self.until:
            return _("Membre en règle jusqu'au {date}.").format(date=format_date(self.until))
        if self.expired_on:
            return _("Pas en règle : la dernière cotisation a pris fin le {date}.").format(date=format_date(self.expired_on))
        return _("Pas en règle : aucune cotisation en cours.")


def standing_of(roles: tuple[str, ...], archived: bool, memberships: list[Membership], on: dt.date) -> Standing:
    """The standing computed from memberships already loaded (same rule as people.members_in_good_standing)."""
    member = "membre" in roles
    current = [m for m in memberships if covers(m, on)]
    past = [m.period_end for m in memberships if not m.archived and m.period_end < on]
    good = member and not archived and bool(current)
    until = max((m.period_end for m in current), default=None)
    # A following year already paid (renewed early) extends the standing without a gap.
    extended = True
    while until is not None and extended:
        extended = False
        for m in memberships:
            if (not m.archived and m.period_start <= until + dt.timedelta(days=1) < m.period_end + dt.timedelta(days=1)
                    and (m.paid_on is None or m.paid_on <= on)):
                until, extended = m.period_end, True
    return Standing(member, good, until, None if current else max(past, default=None))


def standing(store: Store, person_id: str, on: dt.date | None = None) -> Standing:
    """« Membre en règle » on ``on`` (today by default), with until when or since when not."""
    person = rows.require(store, "people", person_id)
    return standing_of(parse_roles(person.get("roles")), bool(person.get("archived")),
                       list_memberships(store, person_id), on or dt.date.today())
