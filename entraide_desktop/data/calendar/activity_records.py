"""What an activity is, apart from the rules that change it: its records, its leaders, its past starts.

``activities`` (create, change, archive) and ``series`` (splitting a series whose schedule
changes) both build on this module; neither imports the other's half, so they form no loop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .. import rows
from ..errors import EntraideError
from ..store import Store
from .. import recurrence as rec


TABLE = "activities"
LEADERS = "activity_leaders"
EXCEPTIONS = "activity_exceptions"
TIMEZONE = ZoneInfo("America/Montreal")
VISIBILITIES = ("public", "members")


class ConcurrentEdit(EntraideError):
    """The activity changed (elsewhere) since the form was opened."""


@dataclass(frozen=True)
class ActivityInput:
    """What the form gives. For an all-day activity, ``end`` is the last day (included)."""

    title: str
    type_id: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool = False
    recurrence: rec.Recurrence = field(default_factory=rec.Recurrence)
    place: str = ""
    description: str = ""
    notes: str = ""
    public: bool = True
    leader_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Activity:
    id: str
    title: str
    type_id: str
    start: dt.datetime
    end: dt.datetime  # last day (midnight) when all-day
    all_day: bool
    rrule: str
    place: str
    description: str
    notes: str
    public: bool
    leader_ids: tuple[str, ...]
    continues: str
    archived: bool
    revision: int

    @property
    def recurrence(self) -> rec.Recurrence:
        return rec.parse_rule(self.rrule, self.start.date())

    @property
    def duration(self) -> dt.timedelta:
        return (self.end + dt.timedelta(days=1) - self.start) if self.all_day else self.end - self.start

    def as_input(self) -> ActivityInput:
        return ActivityInput(
            self.title,
            self.type_id,
            self.start,
            self.end,
            self.all_day,
            self.recurrence,
            self.place,
            self.description,
            self.notes,
            self.public,
            self.leader_ids,
        )


@dataclass(frozen=True)
class SaveResult:
    activity_id: str  # a new id when the series was split (its past kept the old schedule)
    split: bool = False
    removed_exceptions: int = 0


def parse_stored(value: str) -> dt.datetime:
    """A stored start or end (ISO date or datetime) as a naive local datetime."""
    return dt.datetime.fromisoformat(value)


def exists_locally(when: dt.datetime) -> bool:
    """False for a wall-clock time skipped by the spring change (2 h 30 on the second Sunday of March)."""
    aware = when.replace(tzinfo=TIMEZONE)
    back = aware.astimezone(dt.UTC).astimezone(TIMEZONE).replace(tzinfo=None)
    return back == when


def set_leaders(store: Store, activity_id: str, person_ids: tuple[str, ...]) -> None:
    """Make ``person_ids`` the activity's leaders (restore, add, archive the others)."""
    wanted = list(dict.fromkeys(person_ids))
    existing = {
        pid: (rid, archived)
        for rid, pid, archived in store.db.execute(
            "SELECT id, person_id, archived FROM activity_leaders WHERE activity_id = ?", [activity_id]
        ).fetchall()
    }
    for pid in wanted:
        if pid in existing:
            if existing[pid][1]:
                rows.restore(store, LEADERS, existing[pid][0])
        else:
            rows.insert(
                store,
                LEADERS,
                {"activity_id": activity_id, "person_id": pid},
                row_id=rows.deterministic_id(LEADERS, activity_id, pid),
            )
    for pid, (rid, archived) in existing.items():
        if pid not in wanted and not archived:
            rows.archive(store, LEADERS, rid)


def past_starts(rule: str, first: dt.datetime, before: dt.datetime) -> list[dt.datetime]:
    """Starts of the series strictly before ``before`` (also used by ``series.split``)."""
    return rec.starts_between(rule, first, dt.datetime.min, before) if first < before else []
