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
from dataclasses import dataclass, field

from .. import rows  # noqa: F401  (before data.people: importing people first is circular, via the schema)
from ..reminders import Reminder
from ..store import Store
from .figures import compute
from ..group import fiscal_year
from .mandates import TO_FILL_DAYS, seats
from .mandates import alerts

ROLE_GROUPS = ("membres", "personnes_intervenantes", "benevoles", "conseil")


@dataclass(frozen=True)
class SpreadRow:
    group: str  # one of ROLE_GROUPS
    label: str  # shown on screen (translated)
    people: int  # people of this group who held at least one assignment
    assignments: int
    share: float  # share of the year's assignments, 0..1


@dataclass(frozen=True)
class Spread:
    """How the year's responsibilities were spread between people and role groups.

    A person with several roles counts in each of their groups (see ``figures``); erased and
    archived people count without their name.
    """

    year: int
    total_assignments: int = 0
    people_with_assignment: int = 0
    members_share: float = 0.0
    staff_share: float = 0.0
    top20_share: float = 0.0  # share held by the busiest 20 % of people who held something
    by_group: list[SpreadRow] = field(default_factory=list)
    by_person: list[tuple[str, str, int]] = field(default_factory=list)  # (person id, name, count), busiest first
    top20_people: int = 0  # how many people the busiest 20 % are
    by_kind: list = field(default_factory=list)  # figures.KindRow: tasks, roles, mandates
    person_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person id -> role groups
    removed_people: int = 0  # erased from the register, still counted
    archived_people: int = 0  # archived in the register, still counted
    start: dt.date | None = None  # the period counted (None only for an empty Spread built by hand)
    end: dt.date | None = None
    label: str = ""  # « 2026 », « 2025-2026 » (an exercice over two calendar years)

    @property
    def period_label(self) -> str:
        """How the period is named in sentences: « En {period_label}, … »."""
        return self.label or str(self.year)


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
