"""Bringing a calendar in from an ICS file (Google, Outlook, Thunderbird, khal…), with icalendar.

A recurring event (RRULE) becomes a series: its EXDATEs become cancelled occurrences and its
RECURRENCE-ID events moved or changed ones. A one-off event becomes an activity. Nothing is
written by :func:`preview_calendar`; :func:`apply_calendar` writes everything in one transaction,
recorded as an import (undone as one step, see ``data/import_log.py``). Each event's UID is
remembered: importing the same file again adds nothing. Times become local America/Montreal
wall-clock times. A file from outside is hostile: its size, event count and rules are bounded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...i18n import _, format_date, ngettext
from .. import rows
from ..errors import ValidationError
from ..store import Store
from ..text import fold
from .. import recurrence as rec
from .activities import ActivityInput, _check, exists_locally
from .activity_types import DEFAULT_TYPES, default_type_id, ensure_default_types, list_types
from .ics_reading import (  # noqa: F401  (the error and bounds are re-exported)
    ALLOWED_FREQ,
    MAX_BYTES,
    CalendarFileError,
    dates_of,
    event_rule,
    event_times,
    local_time,
    one_value,
    read_calendar,
    text_of,
    until_last,
)
from .occurrence import start_text
from .occurrence_edits import exception_id
from ..import_log import ImportLog

MAX_EVENTS = 5000
UIDS = "imported_events"
OWN_DOMAIN = "@entraide.calendrier"


@dataclass
class Override:
    original: dt.datetime
    cancelled: bool
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    title: str = ""
    place: str = ""


@dataclass
class PlannedEvent:
    """One event of the file as it will be created (a series, or a single activity)."""

    uid: str
    title: str
    start: dt.datetime
    end: dt.datetime  # the last day (midnight) when all-day
    all_day: bool
    rrule: str = ""
    place: str = ""
    description: str = ""
    public: bool = True
    category: str = ""
    type_id: str = ""
    overrides: list[Override] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    already: bool = False
    """Its UID was imported before (or it is one of this group's own activities): nothing to add."""
    problem: str = ""
    """Why it cannot be created (an hourly rule, an impossible date…); left out, said why."""

    @property
    def creates(self) -> bool:
        return not self.already and not self.problem

    @property
    def cancelled_count(self) -> int:
        return sum(1 for o in self.overrides if o.cancelled)

    @property
    def changed_count(self) -> int:
        return sum(1 for o in self.overrides if not o.cancelled)

    def describe(self) -> str:
        """« Chaque mardi … · 2 annulées · 1 déplacée » or the date of a single activity."""
        if self.rrule:
            text = rec.describe(self.rrule, self.start.date())
        elif self.all_day and self.end.date() > self.start.date():
            text = _("du {start} au {end}").format(start=format_date(self.start.date()), end=format_date(self.end.date()))
        else:
            text = format_date(self.start.date())
        if self.cancelled_count:
            text += " · " + ngettext("{n} annulée", "{n} annulées", self.cancelled_count).format(n=self.cancelled_count)
        if self.changed_count:
            text += " · " + ngettext("{n} déplacée ou modifiée", "{n} déplacées ou modifiées",
                                     self.changed_count).format(n=self.changed_count)
        return text


@dataclass
class CalendarPreview:
    file_name: str
    events: list[PlannedEvent]
    ignored: list[str]
    """What the file holds that is not brought in (tasks, cancelled events…), said once each."""

    @property
    def to_create(self) -> list[PlannedEvent]:
        return [e for e in self.events if e.creates]

    def summary(self) -> str:
        series = sum(1 for e in self.to_create if e.rrule)
        single = len(self.to_create) - series
        already = sum(1 for e in self.events if e.already)
        refused = sum(1 for e in self.events if e.problem)
        parts = [ngettext("{n} série à créer", "{n} séries à créer", series).format(n=series),
                 ngettext("{n} activité ponctuelle à créer", "{n} activités ponctuelles à créer", single).format(n=single)]
        if already:
            parts.append(ngettext("{n} déjà importée", "{n} déjà importées", already).format(n=already))
        if refused:
            parts.append(ngettext("{n} laissée de côté", "{n} laissées de côté", refused).format(n=refused))
        return " · ".join(parts)


# -- planning -----------------------------------------------------------------------------------


def _type_for(category: str, types: dict[str, str], fallback: str) -> str:
    return types.get(fold(category), fallback) if category else fallback


def preview_calendar(store: Store, path: str | Path, *, today: dt.date | None = None) -> CalendarPreview:
    """Read ``path`` and plan what it will create; nothing is written."""
    path = Path(path)
    cal = read_calendar(path)
    today = today or dt.date.today()
    types = {fold(t.name): t.id for t in list_types(store)} or {
        fold(_(name)): default_type_id(form) for form, name, *_rest in DEFAULT_TYPES}  # created on confirming
    fallback = types.get(fold(_("Entraide collective")), next(iter(types.values())))
    masters: dict[str, Any] = {}
    overrides: dict[str, list[Any]] = {}
    ignored: list[str] = []
    count = 0
    for component in cal.walk():
        name = component.name
        if name in ("VTODO", "VJOURNAL"):
            ignored.append(_("Les tâches et les notes du fichier ne sont pas importées."))
            continue
        if name != "VEVENT":
            continue
        count += 1
        if count > MAX_EVENTS:
            raise CalendarFileError(_("« {name} » compte plus de {n} événements : ce n'est sans doute pas le "
                                      "calendrier d'un groupe.").format(name=path.name, n=MAX_EVENTS))
        uid = str(component.get("uid") or f"sans-uid-{count}@{path.name}")
        if one_value(component, "recurrence-id") is not None:
            overrides.setdefault(uid, []).append(component)
        elif uid not in masters:
            masters[uid] = component
    events = []
    for uid, component in masters.items():
        events.append(_plan(store, uid, component, overrides.pop(uid, []), today, types, fallback))
    for uid, orphans in overrides.items():  # a changed occurrence whose series is not in the file
        for index, component in enumerate(orphans):
            events.append(_plan(store, f"{uid}#{index}", component, [], today, types, fallback))
    return CalendarPreview(path.name, sorted(events, key=lambda e: e.start), sorted(set(ignored)))


def _plan(store: Store, uid: str, event: Any, changed: list[Any], today: dt.date, types: dict[str, str],
          fallback: str) -> PlannedEvent:
    title = text_of(event, "summary")[:200] or _("(sans titre)")
    categories = event.get("categories")
    category = ""
    if categories is not None:
        first = categories[0] if isinstance(categories, list) else categories
        category = str(first.cats[0]) if getattr(first, "cats", None) else ""
    planned = PlannedEvent(uid, title, dt.datetime.min, dt.datetime.min, False, place=text_of(event, "location")[:300],
                           description=text_of(event, "description")[:5000], category=category,
                           public=str(one_value(event, "class") or "PUBLIC").upper() == "PUBLIC",
                           type_id=_type_for(category, types, fallback))
    try:
        planned.start, planned.end, planned.all_day = event_times(event)
        cancelled_one = str(one_value(event, "status") or "").upper() == "CANCELLED"
        planned.rrule = event_rule(event, planned.start, today, planned.notes)
        if planned.rrule and "UNTIL" in rec.rule_parts(planned.rrule):
            planned.rrule = until_last(planned.rrule, planned.start)
        if cancelled_one and not planned.rrule:
            raise ValidationError(_("événement annulé dans le fichier"))
        _validate(planned)
        if planned.rrule:
            _plan_overrides(planned, event, changed)
        if event.get("rdate") is not None:
            planned.notes.append(_("les dates ajoutées à part (RDATE) ne sont pas importées"))
    except ValidationError as error:
        planned.problem = error.message
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError):
        planned.problem = _("événement illisible dans le fichier")
    planned.already = _known(store, uid)
    return planned


def _validate(planned: PlannedEvent) -> None:
    """The checks of the activity form that do not need the database (the type is chosen later)."""
    start, end = planned.start, planned.end
    if planned.all_day and (end - start).days > 31:
        raise ValidationError(_("une activité ne peut pas durer plus d'un mois"))
    if not planned.all_day:
        if end - start > dt.timedelta(hours=24):
            raise ValidationError(_("une activité avec des heures dure au plus 24 heures"))
        if not exists_locally(start):
            raise ValidationError(_("l'heure de début n'existe pas ce jour-là (passage à l'heure avancée)"))
    rec.check_rule(planned.rrule, start)


def _plan_overrides(planned: PlannedEvent, event: Any, changed: list[Any]) -> None:
    rule, first = planned.rrule, planned.start
    natural = set(rec.all_starts(rule, first))  # expanded once: a file may hold hundreds of exceptions
    seen: set[dt.datetime] = set()
    for value in dates_of(event.get("exdate")) if event.get("exdate") is not None else []:
        when = local_time(value) if isinstance(value, dt.datetime) or planned.all_day else \
            dt.datetime.combine(value, first.time())
        if when not in seen and when in natural:
            seen.add(when)
            planned.overrides.append(Override(when, True))
    for component in changed:
        value = one_value(component, "recurrence-id").dt
        when = local_time(value) if isinstance(value, dt.datetime) or planned.all_day else \
            dt.datetime.combine(value, first.time())
        if when in seen or when not in natural:
            continue
        seen.add(when)
        if str(one_value(component, "status") or "").upper() == "CANCELLED":
            planned.overrides.append(Override(when, True))
            continue
        try:
            start, end, _all_day = event_times(component)
        except ValidationError:
            continue
        title = text_of(component, "summary")[:200]
        place = text_of(component, "location")[:300]
        planned.overrides.append(Override(when, False, start, end, title if title != planned.title else "",
                                          place if place != planned.place else ""))
    planned.overrides.sort(key=lambda o: o.original)


def _known(store: Store, uid: str) -> bool:
    row = rows.get(store, UIDS, rows.deterministic_id(UIDS, uid))
    if row is not None and not row.get("archived"):
        return True
    if uid.endswith(OWN_DOMAIN):  # exported by Entraide: this group's own activity, when it is still here
        own = rows.get(store, "activities", uid[:36])
        return own is not None and not own.get("archived")
    return False


# -- writing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarImportResult:
    series: int
    single: int
    exceptions: int
    import_id: str

    def summary(self) -> str:
        parts = [ngettext("{n} série", "{n} séries", self.series).format(n=self.series),
                 ngettext("{n} activité ponctuelle", "{n} activités ponctuelles", self.single).format(n=self.single),
                 ngettext("{n} occurrence annulée ou modifiée", "{n} occurrences annulées ou modifiées",
                          self.exceptions).format(n=self.exceptions)]
        return _("Calendrier importé : {parts}.").format(parts=", ".join(parts))


def _uid_rows(store: Store, uids: list[str]) -> dict[str, int]:
    """{row id: archived} of the UID rows already stored, read in a few queries."""
    ids = [rows.deterministic_id(UIDS, uid) for uid in uids]
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(store.db.execute(f"SELECT id, archived FROM {UIDS} WHERE id IN ({', '.join('?' * len(chunk))})",
                                      chunk).fetchall())
    return found


def apply_calendar(store: Store, preview: CalendarPreview) -> CalendarImportResult:
    """Create what the preview planned, in one transaction, recorded as one import."""

    log = ImportLog("calendar", preview.file_name)
    series = single = 0
    activities: list[tuple[str | None, dict[str, Any]]] = []
    exceptions: list[tuple[str | None, dict[str, Any]]] = []
    uids: list[tuple[str | None, dict[str, Any]]] = []
    with store.write():
        ensure_default_types(store)
        stored = _uid_rows(store, [p.uid for p in preview.to_create])
        for planned in preview.to_create:
            uid_id = rows.deterministic_id(UIDS, planned.uid)
            if stored.get(uid_id) == 0 or (planned.uid.endswith(OWN_DOMAIN) and _known(store, planned.uid)):
                continue  # imported since the preview (another window): nothing twice
            data = ActivityInput(planned.title, planned.type_id, planned.start, planned.end, planned.all_day,
                                 rec.Recurrence("custom", rule=planned.rrule) if planned.rrule else rec.Recurrence(),
                                 planned.place, planned.description, "", planned.public)
            try:
                values, _rule_text = _check(store, data)
            except ValidationError as error:  # a type retired since the preview…: said, left out
                planned.problem = error.message
                continue
            activity_id = rows.new_id()
            activities.append((activity_id, {**values, "continues": ""}))
            for override in planned.overrides:
                original = start_text(override.original, planned.all_day)
                values = {"activity_id": activity_id, "original_start": original, "cancelled": int(override.cancelled)}
                if not override.cancelled:  # only what the occurrence changes, as the occurrence form writes it
                    values.update({"new_start": start_text(override.start, planned.all_day),
                                   "new_end": start_text(override.end, planned.all_day)})
                    values.update({k: v for k, v in (("title", override.title), ("place", override.place)) if v})
                exceptions.append((exception_id(activity_id, original), values))
            uid_values = {"uid": planned.uid, "activity_id": activity_id, "import_id": log.id}
            if uid_id in stored:  # left by an undone import: brought back (its id is fixed)
                rows.update(store, UIDS, uid_id, {**uid_values, "archived": 0})
                log.created(UIDS, uid_id)
            else:
                uids.append((uid_id, uid_values))
            series += bool(planned.rrule)
            single += not planned.rrule
        for table, items in (("activities", activities), ("activity_exceptions", exceptions),
                             (UIDS, uids)):
            for row_id in rows.insert_new_many(store, table, items):  # thousands of rows: written together
                log.created(table, row_id)
        result = CalendarImportResult(series, single, len(exceptions), log.id)
        log.save(store, result.summary())
    return result
