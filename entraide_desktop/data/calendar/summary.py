"""The yearly report's figures: activities, occurrences held and attendance per activity type."""

from __future__ import annotations

import datetime as dt

from ..store import Store
from .expand import occurrences
from .occurrence import OccurrenceView


def held(store: Store, start: dt.date, end: dt.date, now: dt.datetime | None = None) -> list[OccurrenceView]:
    """Occurrences that took place in ``[start, end]``: not cancelled, started before ``now``."""
    now = now or dt.datetime.now()
    found = occurrences(
        store,
        dt.datetime.combine(start, dt.time()),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
    )
    return [o for o in found if not o.cancelled and o.start < now and start <= o.start.date() <= end]


def attendance_totals(store: Store, keys: set[str]) -> dict[str, int]:
    """Per occurrence key: the head count, never less than the number of people named."""
    if not keys:
        return {}
    heads: dict[str, int] = {}
    for aid, original, count in store.db.execute(
        "SELECT activity_id, original_start, head_count FROM attendance_counts WHERE archived = 0"
    ).fetchall():
        key = f"{aid}@{original}"
        if key in keys:
            heads[key] = int(count or 0)
    for aid, original, named in store.db.execute(
        "SELECT activity_id, original_start, count(*) FROM attendance WHERE archived = 0 "
        "GROUP BY activity_id, original_start"
    ).fetchall():
        key = f"{aid}@{original}"
        if key in keys:
            heads[key] = max(heads.get(key, 0), int(named))
    return heads


def series_roots(store: Store) -> dict[str, str]:
    """Activity id → the id of the series it continues (itself when it does not continue one)."""
    return {
        aid: (cont or aid)
        for aid, cont in store.db.execute("SELECT id, continues FROM activities").fetchall()
    }
