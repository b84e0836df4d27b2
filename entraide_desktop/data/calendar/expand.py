"""Expanding activities into occurrences over a period, with their exceptions applied.

A handful of queries per call (activities of the period, their exceptions, leaders and the
consents that allow naming them), then the rules are expanded in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any

from .. import people
from ..store import Store
from .. import recurrence as rec
from .activity_types import ActivityType, types_by_id
from .occurrence import OccurrenceView, occurrence_key, split_key, start_text

_ACTIVITY_COLUMNS = "id, title, description, type_id, place, start_at, end_at, all_day, rrule, visibility"
_EXCEPTION_COLUMNS = "activity_id, original_start, cancelled, new_start, new_end, title, place, reason"


def _marks(values: Collection[Any]) -> str:
    return ",".join("?" * len(values))


def _fetch(store: Store, sql: str, args: Iterable[Any]) -> list[dict[str, Any]]:
    cursor = store.db.execute(sql, list(args))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def leader_names(
    store: Store, activity_ids: Collection[str], on: dt.date | None = None
) -> dict[str, tuple[str, ...]]:
    """Per activity, the names of its leaders who consent to be named in the calendar (others left out)."""
    if not activity_ids:
        return {}
    found: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    ids = list(activity_ids)
    for begin in range(0, len(ids), 500):
        chunk = ids[begin : begin + 500]
        pairs += store.db.execute(
            "SELECT activity_id, person_id FROM activity_leaders WHERE archived = 0 AND activity_id "
            f"IN ({_marks(chunk)})"
            " ORDER BY rowid",
            chunk,
        ).fetchall()
    if not pairs:
        return {}
    allowed = people.people_with_consent(store, "calendar_leader", on)
    shown = [pid for _aid, pid in pairs if pid in allowed]
    names = people.names(store, shown)
    for activity_id, person_id in pairs:
        if person_id in allowed:
            found.setdefault(activity_id, []).append(names[person_id])
    return {aid: tuple(n) for aid, n in found.items()}


def occurrences(
    store: Store,
    start: dt.datetime,
    end: dt.datetime,
    *,
    type_ids: Collection[str] | None = None,
    public_only: bool = False,
    activity_ids: Collection[str] | None = None,
    types: dict[str, ActivityType] | None = None,
) -> list[OccurrenceView]:
    """Occurrences overlapping ``[start, end)`` in time order, cancelled ones included (flagged)."""
    lo, hi = start.isoformat(), end.isoformat()
    sql = f"SELECT {_ACTIVITY_COLUMNS} FROM activities WHERE archived = 0 AND start_at < ? AND _last_end > ?"
    args: list[Any] = [hi, lo]
    moved_in = _fetch(
        store,
        f"SELECT {_EXCEPTION_COLUMNS} FROM activity_exceptions WHERE archived = 0 AND cancelled = 0 "
        "AND new_start != '' AND new_start < ? AND new_end > ?",
        [hi, lo[:10]],
    )
    activities = {a["id"]: a for a in _fetch(store, sql, args)}
    missing = {e["activity_id"] for e in moved_in} - set(activities)
    if missing:
        extra = _fetch(
            store,
            f"SELECT {_ACTIVITY_COLUMNS} FROM activities WHERE archived = 0 AND id IN ({_marks(missing)})",
            missing,
        )
        activities.update({a["id"]: a for a in extra})
    if type_ids is not None:
        wanted = set(type_ids)
        activities = {k: a for k, a in activities.items() if a["type_id"] in wanted}
    if public_only:
        activities = {k: a for k, a in activities.items() if (a["visibility"] or "public") == "public"}
    if activity_ids is not None:
        activities = {k: a for k, a in activities.items() if k in activity_ids}
    if not activities:
        return []
    exceptions: dict[str, dict[str, dict[str, Any]]] = {}
    ids = list(activities)
    for begin in range(0, len(ids), 500):
        chunk = ids[begin : begin + 500]
        for row in _fetch(
            store,
            f"SELECT {_EXCEPTION_COLUMNS} FROM activity_exceptions WHERE archived = 0 "
            f"AND activity_id IN ({_marks(chunk)})",
            chunk,
        ):
            exceptions.setdefault(row["activity_id"], {})[row["original_start"]] = row
    types = types if types is not None else types_by_id(store)
    leaders = leader_names(store, ids)
    found: list[OccurrenceView] = []
    for activity in activities.values():
        found.extend(
            _expand(
                activity,
                start,
                end,
                exceptions.get(activity["id"], {}),
                types,
                leaders.get(activity["id"], ()),
            )
        )
    found.sort(key=lambda o: (o.start, not o.all_day, o.title))
    return found


def _expand(
    activity: dict[str, Any],
    lo: dt.datetime,
    hi: dt.datetime,
    exceptions: dict,
    types: dict,
    leaders: tuple[str, ...],
) -> list[OccurrenceView]:
    all_day = bool(activity["all_day"])
    try:
        first = dt.datetime.fromisoformat(activity["start_at"])
        last = dt.datetime.fromisoformat(activity["end_at"])
    except (TypeError, ValueError):
        return []
    duration = (last + dt.timedelta(days=1) - first) if all_day else (last - first)
    rule = activity["rrule"] or ""
    kind = types.get(activity["type_id"])
    try:
        originals = set(rec.starts_between(rule, first, lo - duration, hi))
    except (ValueError, TypeError, IndexError):  # a rule damaged elsewhere: show nothing rather than crash
        return []
    activity_id = activity["id"]
    for original, row in exceptions.items():
        if row["new_start"] and not row["cancelled"]:
            when = dt.datetime.fromisoformat(original)
            if (
                when not in originals
                and start_text(when, all_day) == original
                and rec.is_occurrence(rule, first, when)
            ):
                originals.add(when)
    found = []
    for original in originals:
        text = start_text(original, all_day)
        row = exceptions.get(text)
        begin, finish = original, original + duration
        cancelled = moved = False
        title, place, reason = activity["title"] or "", activity["place"] or "", ""
        if row is not None:
            cancelled = bool(row["cancelled"])
            reason = row["reason"] or ""
            title = row["title"] or title
            place = row["place"] or place
            if row["new_start"] and not cancelled:
                begin = dt.datetime.fromisoformat(row["new_start"])
                finish = dt.datetime.fromisoformat(row["new_end"]) + (
                    dt.timedelta(days=1) if all_day else dt.timedelta()
                )
                moved = begin != original or finish != original + duration
        if not (begin < hi and finish > lo):
            continue
        found.append(
            OccurrenceView(
                activity_id=activity_id,
                start=begin,
                end=finish,
                all_day=all_day,
                title=title,
                type_name=kind.name if kind else "",
                place=place,
                cancelled=cancelled,
                note=reason,
                key=occurrence_key(activity_id, original, all_day),
                original_start=original,
                moved=moved,
                type_id=activity["type_id"] or "",
                colour=kind.colour if kind else "#37474f",
                symbol=kind.symbol if kind else "circle",
                short_label=kind.short_label if kind else "",
                public=(activity["visibility"] or "public") == "public",
                leaders=leaders,
                description=activity["description"] or "",
                recurring=bool(rule),
            )
        )
    return found


def occurrence(store: Store, key: str) -> OccurrenceView | None:
    """The occurrence with this key (moved or cancelled ones too), or None when it does not exist."""
    try:
        activity_id, original = split_key(key)
        when = dt.datetime.fromisoformat(original)
    except ValueError:
        return None
    window = [
        o
        for o in occurrences(
            store, when - dt.timedelta(days=1), when + dt.timedelta(days=2), activity_ids={activity_id}
        )
        if o.key == key
    ]
    if window:
        return window[0]
    # Moved far away: look where the exception put it.
    row = store.db.execute(
        "SELECT new_start FROM activity_exceptions WHERE activity_id = ? AND original_start = ? "
        "AND archived = 0",
        [activity_id, original],
    ).fetchone()
    if row and row[0]:
        moved = dt.datetime.fromisoformat(row[0])
        found = [
            o
            for o in occurrences(
                store, moved - dt.timedelta(days=1), moved + dt.timedelta(days=2), activity_ids={activity_id}
            )
            if o.key == key
        ]
        return found[0] if found else None
    return None
