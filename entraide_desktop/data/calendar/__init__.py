"""Activity calendar: types, activities and their recurrence, exceptions, attendance, public file.

Contract used by other areas — keep these two functions and their return types:
``upcoming`` feeds the home page; ``activity_summary`` feeds the yearly report.
``OccurrenceView.key`` identifies one occurrence for good (activity id and original start);
``occurrence(store, key)`` finds it back.

Modules: ``activity_types`` (the three forms and the group's own types), ``recurrence``
(RRULE text, dateutil), ``activities`` (create / change / split a series), ``occurrence_edits``
(one occurrence only), ``occurrences`` (expansion over a period), ``attendance``, ``summary``,
``public`` (the unencrypted public calendar read by the members' consultation mode).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..store import Store
from .expand import occurrence, occurrences
from .occurrence import OccurrenceView, occurrence_key, parse_key
from .activity_types import list_types
from .summary import attendance_totals, held, series_roots

__all__ = [
    "ActivitySummary",
    "OccurrenceView",
    "activity_summary",
    "occurrence",
    "occurrence_key",
    "occurrences",
    "parse_key",
    "upcoming",
]


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
    end = start + dt.timedelta(days=days)
    return [o for o in occurrences(store, start, end) if o.start >= start or (o.all_day and o.end > start)]


def activity_summary(store: Store, start: dt.date, end: dt.date) -> list[ActivitySummary]:
    """Per activity type: activities, occurrences held (not cancelled) and total attendance in [start, end].

    "Held" means it took place: occurrences still to come are not counted. A series whose
    schedule changed during the period counts as one activity. Every current type is listed,
    even with zero; a retired type only when it was used.
    """

    done = held(store, start, end)
    totals = attendance_totals(store, {o.key for o in done})
    roots = series_roots(store)
    summaries = []
    for kind in list_types(store, include_archived=True):
        mine = [o for o in done if o.type_id == kind.id]
        if kind.archived and not mine:
            continue
        summaries.append(
            ActivitySummary(
                type_name=kind.name,
                form=kind.form,
                activities=len({roots.get(o.activity_id, o.activity_id) for o in mine}),
                occurrences=len(mine),
                attendance=sum(totals.get(o.key, 0) for o in mine),
            )
        )
    return summaries
