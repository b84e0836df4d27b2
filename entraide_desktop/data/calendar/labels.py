"""Words for occurrences, shared by the screens, the consultation mode and the printed calendar."""

from __future__ import annotations

import datetime as dt

from ... import i18n
from ...i18n import _


def compact_time(value: dt.datetime | dt.time) -> str:
    """« 9 h », « 9 h 30 », « 19 h 30 » in French (the usual Quebec form); the locale's form otherwise."""
    return i18n.format_time(value)


def time_range(start: dt.datetime, end: dt.datetime, all_day: bool) -> str:
    """« 13 h 30 à 15 h 30 », « Toute la journée », « Du 4 au 8 mai »."""
    if all_day:
        last = (end - dt.timedelta(days=1)).date()
        if last <= start.date():
            return _("Toute la journée")
        return _("Du {first} au {last}").format(
            first=i18n.format_skeleton("MMMMd", start.date()), last=i18n.format_skeleton("MMMMd", last)
        )
    return _("{start} à {end}").format(start=compact_time(start), end=compact_time(end))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def day_heading(day: dt.date, today: dt.date | None = None) -> str:
    """« Aujourd'hui, mardi 10 mars », « Demain, … », « Mercredi 11 mars »."""
    today = today or dt.date.today()
    text = i18n.format_date(day)
    if day.year == today.year:
        text = text.replace(str(day.year), "").strip().rstrip(",").strip()
    if day == today:
        return _("Aujourd'hui, {date}").format(date=text)
    if day == today + dt.timedelta(days=1):
        return _("Demain, {date}").format(date=text)
    return capitalised(text)


def week_days(first_of_week: dt.date) -> list[dt.date]:
    return [first_of_week + dt.timedelta(days=i) for i in range(7)]


def week_start(day: dt.date) -> dt.date:
    """The first day of ``day``'s week, following the locale (Sunday in fr_CA)."""
    return day - dt.timedelta(days=(day.weekday() - i18n.first_week_day()) % 7)


def month_grid(year: int, month: int) -> list[dt.date]:
    """The days shown for a month: whole weeks, starting on the locale's first day (35 or 42 days)."""
    first = dt.date(year, month, 1)
    start = week_start(first)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    days = (following - start).days
    weeks = -(-days // 7)
    return [start + dt.timedelta(days=i) for i in range(weeks * 7)]
