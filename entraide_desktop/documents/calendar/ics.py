"""ICS export (RFC 5545, icalendar): one VEVENT per series with its RRULE, EXDATE for cancelled
occurrences, and one VEVENT with RECURRENCE-ID per moved or changed occurrence. Times carry
TZID=America/Montreal with its VTIMEZONE, so calendar programs show the right hour on both
sides of a daylight-saving change.

With a period, each series is clipped to it (its first occurrence in the period becomes
DTSTART, its end becomes the end of the period), so the file holds what was asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import icalendar

from ... import __version__
from ...data import files, group
from ...data import recurrence as rec
from ...data.calendar.activities import TIMEZONE, get_activity
from ...data.calendar.activity_types import types_by_id
from ...data.calendar.expand import leader_names, occurrence, occurrences
from ...data.calendar.occurrence import occurrence_key
from ...data.store import Store
from ...i18n import _

PRODID = f"-//Entraide//Entraide {__version__}//FR"
DOMAIN = "entraide.calendrier"


@dataclass(frozen=True)
class IcsResult:
    events: int  # series and single activities
    overrides: int  # moved or changed occurrences


def _aware(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=TIMEZONE)


def _when(value: dt.datetime, all_day: bool) -> dt.datetime | dt.date:
    return value.date() if all_day else _aware(value)


def _uid(activity_id: str, suffix: str = "") -> str:
    return f"{activity_id}{suffix}@{DOMAIN}"


def _rule(text: str, first: dt.datetime, all_day: bool, until: dt.datetime | None) -> icalendar.vRecur:
    """The stored rule for ICS: UNTIL in UTC for timed events (RFC 5545), a DATE for all-day ones."""
    parts = rec.rule_parts(text)
    stop: dt.datetime | None = None
    if "UNTIL" in parts:
        stop = dt.datetime.strptime(parts.pop("UNTIL")[:8], "%Y%m%d").replace(hour=23, minute=59, second=59)
    if until is not None:
        parts.pop("COUNT", None)
        stop = min(stop, until) if stop else until
    if stop is not None:
        parts["UNTIL"] = (
            stop.strftime("%Y%m%d") if all_day else _aware(stop).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        )
    return icalendar.vRecur.from_ical(";".join(f"{k}={v}" for k, v in parts.items()))


def build_calendar(
    store: Store,
    *,
    type_ids: Collection[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    public_only: bool = False,
) -> tuple[icalendar.Calendar, IcsResult]:
    """The calendar of the group's activities (all, or of some types; all time, or ``[start, end]``)."""
    profile = group.profile(store)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", profile.name or _("Calendrier du groupe"))
    cal.add("x-wr-timezone", "America/Montreal")
    lo = dt.datetime.combine(start or dt.date(1970, 1, 1), dt.time())
    hi = dt.datetime.combine((end or dt.date(9998, 12, 31)) + dt.timedelta(days=1), dt.time())
    found = occurrences(store, lo, hi, type_ids=type_ids, public_only=public_only)
    by_activity: dict[str, list] = {}
    for occ in found:
        by_activity.setdefault(occ.activity_id, []).append(occ)
    types = types_by_id(store)
    leaders = leader_names(store, list(by_activity))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    clipped = start is not None or end is not None
    counts = [0, 0]
    bounds = [dt.date.max, dt.date.min]

    def add(event: icalendar.Event, begin: dt.datetime, finish: dt.datetime, override: bool = False) -> None:
        cal.add_component(event)
        counts[1 if override else 0] += 1
        bounds[0], bounds[1] = min(bounds[0], begin.date()), max(bounds[1], finish.date())

    for activity_id, occs in by_activity.items():
        activity = get_activity(store, activity_id)
        kind = types.get(activity.type_id)
        base = _base_event(activity, kind.name if kind else "", leaders.get(activity_id, ()), stamp)
        if not activity.rrule:
            occ = occs[0]
            event = _occurrence_event(base, occ, activity.all_day, _uid(activity_id))
            if occ.cancelled:
                event.add("status", "CANCELLED")
            add(event, occ.start, occ.end)
            continue
        duration = activity.duration
        if clipped:
            natural = [
                s
                for s in rec.starts_between(activity.rrule, activity.start, lo - duration, hi)
                if s + duration > lo
            ]
        else:
            natural = list(rec.all_starts(activity.rrule, activity.start))
        natural_set = set(natural)
        if natural:
            first = natural[0]
            event = base.copy()
            event.add("uid", _uid(activity_id))
            event.add("dtstart", _when(first, activity.all_day))
            event.add("dtend", _when(first + duration, activity.all_day))
            event.add(
                "rrule", _rule(activity.rrule, first, activity.all_day, natural[-1] if clipped else None)
            )
            changed = _changed_occurrences(store, activity_id, natural_set, occs)
            cancelled = sorted(o.original_start for o in changed if o.cancelled and o.original_start)
            if cancelled:
                event.add("exdate", [_when(c, activity.all_day) for c in cancelled])
            add(event, first, natural[-1] + duration)
            for occ in changed:
                if occ.cancelled or occ.original_start is None:
                    continue
                override = _occurrence_event(base, occ, activity.all_day, _uid(activity_id))
                override.add("recurrence-id", _when(occ.original_start, activity.all_day))
                add(override, occ.start, occ.end, override=True)
        for occ in occs:  # moved here from outside the period: an event of its own
            if occ.original_start not in natural_set and not occ.cancelled:
                suffix = "-" + (occ.original_start or occ.start).strftime("%Y%m%dT%H%M")
                add(
                    _occurrence_event(base, occ, activity.all_day, _uid(activity_id, suffix)),
                    occ.start,
                    occ.end,
                )
    if counts[0] or counts[1]:
        cal.add_missing_timezones(
            first_date=bounds[0] - dt.timedelta(days=366),
            last_date=min(bounds[1], dt.date(2200, 1, 1)) + dt.timedelta(days=366),
        )
    return cal, IcsResult(counts[0], counts[1])


def _changed_occurrences(store: Store, activity_id: str, natural: set[dt.datetime], occs: list) -> list:  # type: ignore[type-arg]
    """Occurrences of the series (in ``natural``) that were cancelled, moved or changed."""

    known = {o.original_start: o for o in occs}
    found = []
    for original, all_day in store.db.execute(
        "SELECT e.original_start, a.all_day FROM activity_exceptions e JOIN activities a ON a.id = "
        "e.activity_id "
        "WHERE e.activity_id = ? AND e.archived = 0 ORDER BY e.original_start",
        [activity_id],
    ).fetchall():
        when = dt.datetime.fromisoformat(original)
        if when not in natural:
            continue
        occ = known.get(when) or occurrence(store, occurrence_key(activity_id, when, bool(all_day)))
        if occ is not None:
            found.append(occ)
    return found


def _occurrence_event(base: icalendar.Event, occ, all_day: bool, uid: str) -> icalendar.Event:  # type: ignore[no-untyped-def]
    event = base.copy()
    event.add("uid", uid)
    event.add("dtstart", _when(occ.start, all_day))
    event.add("dtend", _when(occ.end, all_day))
    event["summary"] = icalendar.vText(occ.title)
    if occ.place:
        event["location"] = icalendar.vText(occ.place)
    if occ.note:
        label = _("Annulée : {reason}") if occ.cancelled else _("Changement : {reason}")
        text = label.format(reason=occ.note)
        event["description"] = icalendar.vText(
            (str(base.get("description")) + "\n\n" + text) if base.get("description") else text
        )
    return event


def _base_event(activity, type_name: str, leaders: tuple[str, ...], stamp: dt.datetime) -> icalendar.Event:  # type: ignore[no-untyped-def]
    event = icalendar.Event()
    event.add("dtstamp", stamp)
    event.add("summary", activity.title)
    if activity.place:
        event.add("location", activity.place)
    lines = [activity.description] if activity.description else []
    if leaders:
        lines.append(_("Animé par {names}").format(names=", ".join(leaders)))
    if not activity.public:
        lines.append(_("Activité réservée aux membres."))
    if lines:
        event.add("description", "\n\n".join(lines))
    if type_name:
        event.add("categories", [type_name])
    event.add("class", "PUBLIC" if activity.public else "PRIVATE")
    return event


def export_ics(store: Store, path: Path, **options) -> IcsResult:  # type: ignore[no-untyped-def]
    """Write the ICS file atomically; returns how many events it holds."""
    cal, result = build_calendar(store, **options)
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_bytes(cal.to_ical())
    files.replace(tmp, path)
    return result
