"""Changing the schedule of a series: split it so that the past keeps its times, drop orphan exceptions."""

from __future__ import annotations

import datetime as dt

from ...i18n import _
from .. import rows
from ..errors import ValidationError
from ..store import Store
from .. import recurrence as rec
from .activity_records import (
    EXCEPTIONS,
    TABLE,
    Activity,
    ActivityInput,
    SaveResult,
    parse_stored,
    past_starts,
    set_leaders,
)
from .occurrence import start_text


def split(
    store: Store, current: Activity, values: dict, rule: str, data: ActivityInput, cutoff: dt.datetime
) -> SaveResult:
    new_first_candidates = (
        rec.starts_between(rule, parse_stored(values["start_at"]), cutoff, dt.datetime.max)
        if rule
        else [parse_stored(values["start_at"])]
    )
    if not new_first_candidates:
        raise ValidationError(
            _("Avec ce nouvel horaire, il ne reste aucune occurrence à venir : vérifiez la date de fin."),
            "rrule",
        )
    first = new_first_candidates[0]
    duration = parse_stored(values["end_at"]) - parse_stored(values["start_at"])
    parts = rec.rule_parts(rule)
    if "COUNT" in parts:
        done = len(past_starts(current.rrule, current.start, cutoff))
        left = max(1, int(parts["COUNT"]) - done)
        rule = ";".join(f"{k}={v}" if k != "COUNT" else f"COUNT={left}" for k, v in parts.items())
    new_values = {
        **values,
        "start_at": start_text(first, data.all_day),
        "end_at": start_text(first + duration, data.all_day),
        "rrule": rule,
        "continues": current.continues or current.id,
    }
    new_id = rows.insert(store, TABLE, new_values)
    set_leaders(store, new_id, data.leader_ids)
    # The old series stops the day before; its past occurrences keep their times and attendance.
    old_parts = {k: v for k, v in rec.rule_parts(current.rrule).items() if k not in ("COUNT", "UNTIL")}
    old_parts["UNTIL"] = (cutoff - dt.timedelta(days=1)).strftime("%Y%m%dT235959")
    rows.update(store, TABLE, current.id, {"rrule": ";".join(f"{k}={v}" for k, v in old_parts.items())})
    moved = 0
    for exc in store.db.execute(
        "SELECT id, original_start, cancelled, new_start, new_end, title, place, reason FROM "
        "activity_exceptions "
        "WHERE activity_id = ? AND archived = 0 AND original_start >= ?",
        [current.id, start_text(cutoff, False)[:10]],
    ).fetchall():
        exc_id, original, cancelled, new_start, new_end, title, place, reason = exc
        rows.archive(store, EXCEPTIONS, exc_id)
        when = parse_stored(original)
        if rec.is_occurrence(rule, first, when):
            rows.upsert(
                store,
                EXCEPTIONS,
                rows.deterministic_id(EXCEPTIONS, new_id, original),
                {
                    "activity_id": new_id,
                    "original_start": original,
                    "cancelled": cancelled,
                    "new_start": new_start,
                    "new_end": new_end,
                    "title": title,
                    "place": place,
                    "reason": reason,
                    "archived": 0,
                },
            )
        else:
            moved += 1
    return SaveResult(new_id, split=True, removed_exceptions=moved)


def drop_orphan_exceptions(store: Store, activity_id: str, rule: str, first: dt.datetime) -> int:
    removed = 0
    for exc_id, original in store.db.execute(
        "SELECT id, original_start FROM activity_exceptions WHERE activity_id = ? AND archived = 0",
        [activity_id],
    ).fetchall():
        if not rec.is_occurrence(rule, first, parse_stored(original)):
            rows.archive(store, EXCEPTIONS, exc_id)
            removed += 1
    return removed
