"""Shared responsibilities: the catalogue, who holds what, rotation help, mandates, the year's spread.

Contract used by other areas — keep these names and return types: ``spread`` and
``mandates_to_fill`` feed the AGA report; ``reminders`` feeds the home page.

The work is in the modules of this package: ``catalogue`` (tasks, roles, mandates and their
handover notes), ``assignments`` (who holds what, with every check), ``availability``
(absences, « ne pas me proposer »), ``rotation`` (suggestions, people who never held a
role), ``mandates`` (seats, terms, home-page alerts) and ``figures`` (the spread).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..group import fiscal_year
from ..reminders import Reminder
from ..store import Store
from .figures import Spread, SpreadRow, compute  # noqa: F401  (part of the contract above)
from .mandates import TO_FILL_DAYS, alerts, seats

ROLE_GROUPS = ("membres", "personnes_intervenantes", "benevoles", "conseil")


@dataclass(frozen=True)
class MandateToFill:
    title: str
    seats: int
    term_months: int
    ends_on: dt.date | None  # when the current holder's term ends (None: vacant)
    holder: str  # current holder's name, "" when vacant
    seat: int = 0  # which seat (1..seats)


def spread(store: Store, year: int, *, start: dt.date | None = None, end: dt.date | None = None) -> Spread:
    """The spread of responsibilities over a year (see ``figures`` for the counting rules).

    Without ``start``/``end``: the calendar year ``year``. With them: that period, usually the
    group's exercice that starts in ``year`` (``data.group.fiscal_year``), as in the AGA package.
    """

    return compute(store, year, start=start, end=end)


def exercice_spread(store: Store, year: int) -> Spread:
    """The spread over the group's exercice that starts in ``year`` (« 2025-2026 » when it starts in April)."""

    start, end = fiscal_year(store, year)
    return spread(store, year, start=start, end=end)


def mandates_to_fill(store: Store, on: dt.date) -> list[MandateToFill]:
    """Elected seats vacant on ``on`` or whose term ends within 90 days after it (no successor recorded)."""

    found = []
    for seat in seats(store, on):
        if seat.following is not None:
            continue
        resp = seat.responsibility
        if seat.current is None:
            found.append(MandateToFill(resp.title, resp.seats, resp.term_months, None, "", seat.seat))
        elif seat.ends_within(TO_FILL_DAYS):
            found.append(MandateToFill(resp.title, resp.seats, resp.term_months, seat.current.end_on,
                                       seat.current.person_name, seat.seat))
    return found


def reminders(store: Store, today: dt.date) -> list[Reminder]:
    """Home page: mandates ending in the next 60 days, tasks with no one this week (or month)."""

    return alerts(store, today)
