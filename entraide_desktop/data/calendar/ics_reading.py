"""Reading a calendar file for the import: bounded, reduced to what is used, times made local.

``read_calendar`` parses the file with icalendar once its size and kind are checked;
``event_times`` and ``event_rule`` turn an event into local wall-clock times and a stored
rule (with an end, never more often than daily), or a French :class:`ValidationError`.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path
from typing import Any

from ...i18n import _, format_date
from ..errors import EntraideError, ValidationError
from .. import recurrence as rec
from .activities import TIMEZONE

MAX_BYTES = 5 * 1024 * 1024
"""Ten years of a busy group's calendar fit in well under 1 MB."""
ALLOWED_FREQ = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
"""Never SECONDLY, MINUTELY or HOURLY: a group's activity happens at most once a day."""


class CalendarFileError(EntraideError):
    """The file cannot be read as a calendar; the message says why."""


def read_calendar(path: Path) -> Any:
    import icalendar  # deferred: heavy, needed only when a calendar file is imported

    try:
        size = path.stat().st_size
        if size == 0:
            raise CalendarFileError(_("Le fichier « {name} » est vide.").format(name=path.name))
        if size > MAX_BYTES:
            raise CalendarFileError(_("Le fichier « {name} » est trop gros pour un calendrier de groupe (au plus "
                                      "5 Mo).").format(name=path.name))
        data = path.read_bytes()
    except OSError as error:
        raise CalendarFileError(_("Impossible de lire le fichier « {name} » ({reason}).").format(
            name=path.name, reason=error.strerror or error)) from error
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise CalendarFileError(_("« {name} » n'est pas un calendrier ICS : exportez l'agenda au format .ics depuis "
                                  "Google Agenda, Outlook ou Thunderbird.").format(name=path.name))
    try:
        with warnings.catch_warnings():  # guesses about vendor time-zone names: the times are checked anyway
            warnings.simplefilter("ignore")
            return icalendar.Calendar.from_ical(_essential(data))
    except Exception as error:  # icalendar raises many kinds on damaged files
        raise CalendarFileError(_("Le calendrier « {name} » est endommagé ou illisible ({reason}).").format(
            name=path.name, reason=type(error).__name__)) from error


_USED = frozenset({"UID", "DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RECURRENCE-ID", "SUMMARY", "LOCATION",
                   "DESCRIPTION", "CATEGORIES", "CLASS", "STATUS", "VERSION", "PRODID", "RDATE"})


def _essential(data: bytes) -> str:
    """The file reduced to what the import reads (same meaning): consecutive EXDATE lines of one
    kind joined, properties never read (attendees, alarms, stamps, X-…) left out, time zones whole.

    Google writes one line per cancelled date, and many lines nobody reads here: parsed one by
    one, they cost more than the rest of the file.
    """
    text = re.sub(r"\r?\n[ \t]", "", data.decode("utf-8", errors="replace"))
    lines: list[str] = []
    in_zone = 0
    for line in text.splitlines():
        name = re.split(r"[;:]", line, maxsplit=1)[0].strip().upper()
        if name in ("BEGIN", "END"):
            in_zone += {"BEGIN:VTIMEZONE": 1, "END:VTIMEZONE": -1}.get(line.strip().upper(), 0)
        elif not in_zone and name not in _USED:
            continue
        elif name == "EXDATE" and lines and ":" in line:
            prefix, _sep, value = line.partition(":")
            if lines[-1].startswith(prefix + ":") and ":" not in lines[-1][len(prefix) + 1:]:
                lines[-1] += "," + value
                continue
        lines.append(line)
    return "\r\n".join(lines) + "\r\n"


def local_time(value: dt.date | dt.datetime) -> dt.datetime:
    """A DTSTART-like value as a naive local datetime (dates at midnight, floating times as written)."""
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    if value.tzinfo is not None:
        value = value.astimezone(TIMEZONE).replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


def one_value(event: Any, name: str) -> Any:
    """A property that should appear once (a damaged file may repeat it: the first counts)."""
    value = event.get(name)
    return value[0] if isinstance(value, list) and value else value


def text_of(event: Any, name: str) -> str:
    value = one_value(event, name)
    return " ".join(str(value).split()) if name != "description" and value else (str(value).strip() if value else "")


def event_times(event: Any) -> tuple[dt.datetime, dt.datetime, bool]:
    start_prop = one_value(event, "dtstart")
    if start_prop is None:
        raise ValidationError(_("événement sans date de début"))
    raw = start_prop.dt
    all_day = not isinstance(raw, dt.datetime)
    start = local_time(raw)
    end_prop, duration = one_value(event, "dtend"), one_value(event, "duration")
    if end_prop is not None:
        end = local_time(end_prop.dt)
    elif duration is not None:
        end = start + duration.dt
    else:
        end = start + (dt.timedelta(days=1) if all_day else dt.timedelta(hours=1))
    if all_day:
        end = max(start, end - dt.timedelta(days=1))  # ICS ends the day after; the form keeps the last day
    elif end <= start:
        end = start + dt.timedelta(hours=1)
    return start, end, all_day


def event_rule(event: Any, start: dt.datetime, today: dt.date, notes: list[str]) -> str:
    """The stored rule (local UNTIL, an end always); a :class:`ValidationError` when it cannot be used."""
    prop = event.get("rrule")
    if prop is None:
        return ""
    if isinstance(prop, list):
        raise ValidationError(_("plusieurs règles de répétition dans un même événement"))
    parts = {k.upper(): v for k, v in prop.items()}
    freq = str(parts.get("FREQ", [""])[0]).upper()
    if freq not in ALLOWED_FREQ:
        raise ValidationError(_("répétition trop fréquente ou inconnue ({freq}) : une activité se répète au plus "
                                "une fois par jour").format(freq=freq or "?"))
    text = prop.to_ical().decode()
    kept = {k: v for k, v in rec.rule_parts(text).items() if k not in ("UNTIL", "WKST")}
    limit = dt.date(min(start.year + rec.MAX_YEARS, max(today.year, start.year) + 1), 12, 31)
    if "UNTIL" in parts:
        raw_until = parts["UNTIL"][0]
        until = local_time(raw_until)
        last = until.date()
        if isinstance(raw_until, dt.datetime) and until.time() < start.time():
            last -= dt.timedelta(days=1)  # UNTIL before the day's time: that day's occurrence is not included
        if last.year > start.year + rec.MAX_YEARS:
            notes.append(_("répétée jusqu'au {date} (au plus {n} ans)").format(date=format_date(limit),
                                                                               n=rec.MAX_YEARS))
            last = limit
        kept["UNTIL"] = last.strftime("%Y%m%dT235959")
    elif "COUNT" not in kept:
        kept["UNTIL"] = limit.strftime("%Y%m%dT235959")
        notes.append(_("sans fin dans le fichier : répétée jusqu'au {date}").format(date=format_date(limit)))
    return ";".join(f"{k}={v}" for k, v in kept.items())


def until_last(rule: str, start: dt.datetime) -> str:
    """The rule ending on the day of its last occurrence (« jusqu'au mardi 23 juin », as the form writes it)."""
    rec.check_rule(rule, start)  # bounded before it is expanded
    starts = rec.all_starts(rule, start)
    parts = rec.rule_parts(rule)
    parts["UNTIL"] = starts[-1].strftime("%Y%m%dT235959")
    return ";".join(f"{k}={v}" for k, v in parts.items())


def dates_of(prop: Any) -> list[dt.datetime]:
    found = []
    for item in prop if isinstance(prop, list) else [prop]:
        for value in getattr(item, "dts", []):
            found.append(value.dt)
    return found
