"""The public calendar file: what the members' consultation mode shows, without the passphrase.

The database is encrypted, so the consultation mode cannot read it. After every change that
could affect it, the app rewrites a small unencrypted JSON file beside the database. By
construction it holds only: the group's name, the activity types, and the PUBLIC activities'
occurrences (title, time, place, public description, a cancellation or move with its reason,
and the names of leaders who consented to be named). Never notes, members-only activities,
attendance, contacts or anyone else's name.

The rewrite is a follow-up of every change of the calendar, members or group tables
(``after_every_change`` below): the app runs it off the UI thread, the command line at once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...config import Paths
from .. import files, group
from ..changes import tables_of
from ..store import FollowUp, Store, after_every_change
from . import expand as occ_module
from .activity_types import list_types

FORMAT = "entraide-calendrier-public"
VERSION = 1
DAYS_BEFORE = 7
DAYS_AFTER = 190


@dataclass(frozen=True)
class PublicType:
    id: str
    name: str
    colour: str
    symbol: str
    short_label: str


@dataclass(frozen=True)
class PublicOccurrence:
    title: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    type_id: str
    place: str = ""
    description: str = ""
    cancelled: bool = False
    moved: bool = False
    reason: str = ""
    leaders: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublicCalendar:
    group: str
    updated: dt.datetime
    first_day: dt.date
    last_day: dt.date
    types: dict[str, PublicType] = field(default_factory=dict)
    occurrences: tuple[PublicOccurrence, ...] = ()

    def between(self, start: dt.datetime, end: dt.datetime) -> list[PublicOccurrence]:
        return [o for o in self.occurrences if o.start < end and o.end > start]


def public_data(store: Store, today: dt.date | None = None) -> dict[str, Any]:
    """The content of the public file (a plain dict, ready for JSON)."""

    today = today or dt.date.today()
    first = today - dt.timedelta(days=DAYS_BEFORE)
    last = today + dt.timedelta(days=DAYS_AFTER)
    profile = group.profile(store)
    found = occ_module.occurrences(
        store,
        dt.datetime.combine(first, dt.time()),
        dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
        public_only=True,
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "group": profile.name,
        "updated": dt.datetime.now().replace(microsecond=0).isoformat(),
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "types": [
            {"id": t.id, "name": t.name, "colour": t.colour, "symbol": t.symbol, "short_label": t.short_label}
            for t in list_types(store, include_archived=True)
        ],
        "occurrences": [
            {
                "title": o.title,
                "start": o.start.isoformat(),
                "end": o.end.isoformat(),
                "all_day": o.all_day,
                "type_id": o.type_id,
                "place": o.place,
                "description": o.description,
                "cancelled": o.cancelled,
                "moved": o.moved,
                "reason": o.note,
                "leaders": list(o.leaders),
            }
            for o in found
            if o.public
        ],
    }


def write_public_calendar(store: Store, paths: Paths, today: dt.date | None = None) -> Path:
    """Rewrite the public file atomically (temporary file in the same folder, then rename)."""
    data = public_data(store, today)
    target = paths.public_calendar
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=".calendrier-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, 0o644)
        files.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def read_public_calendar(path: Path) -> PublicCalendar | None:
    """The public file, or None when it is missing or unreadable (the consultation mode says so)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        types = {
            t["id"]: PublicType(
                t["id"],
                t["name"],
                t.get("colour", "#37474f"),
                t.get("symbol", "circle"),
                t.get("short_label", ""),
            )
            for t in data.get("types", [])
        }
        found = tuple(
            PublicOccurrence(
                title=o["title"],
                start=dt.datetime.fromisoformat(o["start"]),
                end=dt.datetime.fromisoformat(o["end"]),
                all_day=bool(o.get("all_day")),
                type_id=o.get("type_id", ""),
                place=o.get("place", ""),
                description=o.get("description", ""),
                cancelled=bool(o.get("cancelled")),
                moved=bool(o.get("moved")),
                reason=o.get("reason", ""),
                leaders=tuple(o.get("leaders", ())),
            )
            for o in data.get("occurrences", [])
        )
        return PublicCalendar(
            group=data.get("group", ""),
            updated=dt.datetime.fromisoformat(data["updated"]),
            first_day=dt.date.fromisoformat(data["first_day"]),
            last_day=dt.date.fromisoformat(data["last_day"]),
            types=types,
            occurrences=found,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def keep_public_calendar_fresh(store: Store) -> None:
    """Rewrite the public file where it exists (the app creates it when a session opens), so that
    a change made anywhere — on screen, by the command line, by a sync — reaches consultation."""
    if store.paths.public_calendar.exists():
        write_public_calendar(store, store.paths)


def _tables_read() -> frozenset[str]:
    return tables_of("calendar", "members", "group")


after_every_change(FollowUp("public_calendar", _tables_read, keep_public_calendar_fresh))
