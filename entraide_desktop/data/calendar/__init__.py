"""Activity calendar (filled by the calendar issue).

Contract used by other areas — keep these two functions and their return types:
``upcoming`` feeds the home page; ``activity_summary`` feeds the yearly report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..store import Store


@dataclass(frozen=True)
class OccurrenceView:
    """One occurrence as other areas show it (no personal data)."""

    activity_id: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    title: str
    type_name: str
    place: str
    cancelled: bool = False
    note: str = ""
    key: str = ""  # stable id of the occurrence: activity id and its original start, see the calendar area


@dataclass(frozen=True)
class ActivitySummary:
    """Occurrences held and attendance for one activity type over a period."""

    type_name: str
    form: str  # "personnelle" | "collective" | "promotion" | "" (the group's own types)
    activities: int
    occurrences: int
    attendance: int


def upcoming(store: Store, start: dt.datetime, days: int = 14) -> list[OccurrenceView]:
    """Occurrences from ``start`` for ``days`` days, in time order (cancelled ones included, flagged)."""
    return []


def activity_summary(store: Store, start: dt.date, end: dt.date) -> list[ActivitySummary]:
    """Per activity type: activities, occurrences held (not cancelled) and total attendance in [start, end]."""
    return []
