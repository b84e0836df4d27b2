"""One occurrence as every area sees it, and its stable key.

The key of an occurrence is the activity id and the occurrence's *original* start (before any
move): ``"<activity id>@2026-03-10T19:30:00"`` (``@2026-03-10`` when all-day). It does not
change when the occurrence is moved, so attendance and assignments stay attached to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SEPARATOR = "@"


@dataclass(frozen=True)
class OccurrenceView:
    """One occurrence as other areas show it (no personal data: leaders only when they consented)."""

    activity_id: str
    start: dt.datetime
    end: dt.datetime  # exclusive; midnight after the last day for all-day occurrences
    all_day: bool
    title: str
    type_name: str
    place: str
    cancelled: bool = False
    note: str = ""  # the reason shown for a cancelled or moved occurrence
    key: str = ""  # stable id of the occurrence: activity id and its original start
    # -- added by the calendar area (defaults keep older callers working) --
    original_start: dt.datetime | None = None
    moved: bool = False
    type_id: str = ""
    colour: str = ""
    symbol: str = ""
    short_label: str = ""
    public: bool = True
    leaders: tuple[str, ...] = ()  # names of leaders who consented to be named
    description: str = ""
    recurring: bool = False

    @property
    def days(self) -> list[dt.date]:
        """The days this occurrence covers (several for a multi-day all-day activity)."""
        first = self.start.date()
        last = (self.end - dt.timedelta(microseconds=1)).date() if self.all_day else first
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def start_text(value: dt.datetime | dt.date, all_day: bool) -> str:
    """The stored form of a start: ``2026-03-10T19:30:00``, or ``2026-03-10`` when all-day."""
    if all_day:
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    assert isinstance(value, dt.datetime)
    return value.replace(microsecond=0).isoformat()


def occurrence_key(activity_id: str, original_start: dt.datetime, all_day: bool = False) -> str:
    return f"{activity_id}{SEPARATOR}{start_text(original_start, all_day)}"


def split_key(key: str) -> tuple[str, str]:
    """(activity id, original start as stored) of an occurrence key; ``ValueError`` when malformed."""
    activity_id, sep, when = key.rpartition(SEPARATOR)
    if not sep or not activity_id:
        raise ValueError(f"not an occurrence key: {key!r}")
    dt.datetime.fromisoformat(when)
    return activity_id, when


def parse_key(key: str) -> tuple[str, dt.datetime]:
    """(activity id, original start) of an occurrence key; ``ValueError`` when malformed."""
    activity_id, when = split_key(key)
    return activity_id, dt.datetime.fromisoformat(when)
