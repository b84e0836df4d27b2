"""Shared responsibilities (filled by the responsibilities issue).

Contract used by other areas — keep these names and return types: ``spread`` and
``mandates_to_fill`` feed the AGA report; ``reminders`` feeds the home page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..reminders import Reminder
from ..store import Store

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
    """How the year's responsibilities were spread between people and role groups."""

    year: int
    total_assignments: int = 0
    people_with_assignment: int = 0
    members_share: float = 0.0
    staff_share: float = 0.0
    top20_share: float = 0.0  # share held by the busiest 20 % of people who held something
    by_group: list[SpreadRow] = field(default_factory=list)
    by_person: list[tuple[str, str, int]] = field(default_factory=list)  # (person id, name, count), busiest first


@dataclass(frozen=True)
class MandateToFill:
    title: str
    seats: int
    term_months: int
    ends_on: dt.date | None  # when the current holder's term ends (None: vacant)
    holder: str  # current holder's name, "" when vacant


def spread(store: Store, year: int) -> Spread:
    return Spread(year)


def mandates_to_fill(store: Store, on: dt.date) -> list[MandateToFill]:
    """Elected seats vacant on ``on`` or whose term ends within 90 days after it."""
    return []


def reminders(store: Store, today: dt.date) -> list[Reminder]:
    return []
