"""Elected seats: who sits where on a date, terms ending, seats to fill; and the home-page alerts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import _, first_week_day, format_date, ngettext
from ..reminders import Reminder
from ..store import Store
from .assignments import Assignment, find
from .catalogue import Responsibility, list_responsibilities

ENDING_SOON_DAYS = 60  # home page
TO_FILL_DAYS = 90  # AGA report (mandates_to_fill)
URGENT_DAYS = 14


@dataclass(frozen=True)
class Seat:
    responsibility: Responsibility
    seat: int
    current: Assignment | None
    following: Assignment | None  # a term recorded to start after the date (successor or renewal)
    on: dt.date
    overlapping: tuple[Assignment, ...] = ()  # other terms on this seat that date (two machines, one seat)

    @property
    def vacant(self) -> bool:
        return self.current is None

    def ends_within(self, days: int) -> bool:
        end = self.current.end_on if self.current else None
        return end is not None and end <= self.on + dt.timedelta(days=days)

    def status_text(self) -> str:
        """« Vacant », « Se termine dans 40 jours », « En cours », « Vacant — X commence le … »."""
        if self.overlapping:
            names = ", ".join(a.person_name for a in self.overlapping)
            return _("Deux mandats se chevauchent sur ce siège (aussi : {names}) : terminez ou corrigez l'un "
                     "d'eux").format(names=names)
        if self.current is None:
            if self.following is not None:
                return _("Vacant — {name} commence le {date}").format(
                    name=self.following.person_name, date=format_date(self.following.start_on, "long"))
            return _("Vacant")
        end = self.current.end_on
        if end is not None and self.ends_within(ENDING_SOON_DAYS):
            days = (end - self.on).days
            text = (_("Se termine aujourd'hui") if days == 0 else
                    ngettext("Se termine dans {n} jour", "Se termine dans {n} jours", days).format(n=days))
            if self.following is not None:
                text += " — " + _("suite prévue")
            return text
        return _("En cours")


def seats(store: Store, on: dt.date) -> list[Seat]:
    """Every seat of every mandate in the catalogue on ``on``, in catalogue order then seat number."""
    mandates = list_responsibilities(store, kind="mandate")
    if not mandates:
        return []
    ids = {m.id for m in mandates}
    held: dict[tuple[str, int], list[Assignment]] = {}
    for a in find(store, start=on):
        if a.responsibility_id in ids:
            held.setdefault((a.responsibility_id, a.seat or 1), []).append(a)
    found = []
    for resp in mandates:
        for number in range(1, resp.seats + 1):
            terms = sorted(held.get((resp.id, number), []), key=lambda a: a.start_on)
            covering = [a for a in terms if a.covers(on)]
            following = next((a for a in terms if a.start_on > on), None)
            current = covering[0] if covering else None
            found.append(Seat(resp, number, current, following, on, tuple(covering[1:])))
    return found


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """The week containing ``day``, starting on the locale's first day (Sunday in Quebec)."""
    start = day - dt.timedelta(days=(day.weekday() - first_week_day()) % 7)
    return start, start + dt.timedelta(days=6)


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    start = day.replace(day=1)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    return start, following - dt.timedelta(days=1)


def uncovered_tasks(store: Store, today: dt.date) -> list[tuple[Responsibility, dt.date, dt.date]]:
    """Weekly tasks with no one this week and monthly tasks with no one this month: (task, start, end)."""
    week = week_bounds(today)
    month = month_bounds(today)
    tasks = [t for t in list_responsibilities(store, kind="task") if t.frequency in ("weekly", "monthly")]
    if not tasks:
        return []
    covered_week = {a.responsibility_id for a in find(store, start=week[0], end=week[1])}
    covered_month = {a.responsibility_id for a in find(store, start=month[0], end=month[1])}
    found = []
    for task in tasks:
        if task.frequency == "weekly" and task.id not in covered_week:
            found.append((task, *week))
        elif task.frequency == "monthly" and task.id not in covered_month:
            found.append((task, *month))
    return found


def alerts(store: Store, today: dt.date) -> list[Reminder]:
    """Home page: mandates ending within 60 days (no successor yet), tasks with no one this week/month."""
    found = []
    for seat in seats(store, today):
        current = seat.current
        if current is None or current.end_on is None or seat.following is not None:
            continue
        if seat.ends_within(ENDING_SOON_DAYS):
            found.append(Reminder(
                "responsibilities",
                _("Fin de mandat le {date} : {name}, {title}.").format(
                    name=current.person_name, title=seat.responsibility.title,
                    date=format_date(current.end_on, "long")),
                due=current.end_on,
                urgent=(current.end_on - today).days <= URGENT_DAYS,
                target_id=seat.responsibility.id,
            ))
    for task, _start, end in uncovered_tasks(store, today):
        text = (_("Personne n'est inscrit·e cette semaine pour « {title} ».") if task.frequency == "weekly"
                else _("Personne n'est inscrit·e ce mois-ci pour « {title} »."))
        found.append(Reminder("responsibilities", text.format(title=task.title), due=end, target_id=task.id))
    return found
