"""Recurrence rules: build, read back, describe in French, check and expand (dateutil.rrule).

Rules are stored as RRULE text without DTSTART; the activity's first start is the DTSTART.
Times are local wall-clock times (naive datetimes): a weekly 19 h 30 stays at 19 h 30 on both
sides of a daylight-saving change, which is what a group means by "every Tuesday at 19 h 30".
A rule must end (UNTIL or COUNT): a group's calendar never promises forever. Rules repeat at
most daily (no HOURLY, MINUTELY or SECONDLY, no BYHOUR/BYMINUTE/BYSECOND): a rule that does not
(one received from a forged exchange file, say) is treated as not repeating, and no expansion
gives more than :data:`MAX_STARTS` starts, so a calendar view never hangs.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from bisect import bisect_left
from dataclasses import dataclass

from dateutil.rrule import rrule, rrulestr

from ..i18n import N_, _, format_date, ngettext
from .errors import ValidationError

KINDS = ("none", "weekly", "biweekly", "monthly_nth", "monthly_last", "monthly_day", "custom")
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_COUNT = 600
MAX_YEARS = 12
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
MAX_STARTS = 5000
"""Starts given by one expansion at most (twelve years of a daily activity are 4 383)."""
_SUB_DAILY = ("BYHOUR", "BYMINUTE", "BYSECOND")
FAR_END = "9999-12-31T23:59:59"
_ORDINALS = {1: N_("1er"), 2: N_("2e"), 3: N_("3e"), 4: N_("4e"), 5: N_("5e")}
"""« le 2e mardi du mois »: one string per ordinal, so that each language writes its own."""


@dataclass(frozen=True)
class Recurrence:
    """How an activity repeats, as the form shows it. ``until`` (a date, included) or ``count``."""

    kind: str = "none"
    until: dt.date | None = None
    count: int | None = None
    rule: str = ""  # the rule text itself, for "custom" (an imported or unusual rule)


def nth_weekday(day: dt.date) -> int:
    """1 for the first Tuesday of the month, 2 for the second…"""
    return (day.day - 1) // 7 + 1


def is_last_weekday(day: dt.date) -> bool:
    return (day + dt.timedelta(days=7)).month != day.month


def build_rule(recurrence: Recurrence, start: dt.date) -> str:
    """The RRULE text for ``recurrence`` starting on ``start`` ("" when it does not repeat)."""
    kind = recurrence.kind
    if kind == "none":
        return ""
    if kind == "custom":
        return recurrence.rule.strip().removeprefix("RRULE:")
    weekday = _BYDAY[start.weekday()]
    parts = {
        "weekly": ["FREQ=WEEKLY", f"BYDAY={weekday}"],
        "biweekly": ["FREQ=WEEKLY", "INTERVAL=2", f"BYDAY={weekday}"],
        "monthly_nth": ["FREQ=MONTHLY", f"BYDAY=+{nth_weekday(start)}{weekday}"],
        "monthly_last": ["FREQ=MONTHLY", f"BYDAY=-1{weekday}"],
        "monthly_day": ["FREQ=MONTHLY", f"BYMONTHDAY={start.day}"],
    }.get(kind)
    if parts is None:
        raise ValueError(f"unknown recurrence kind {kind!r}")
    if recurrence.count:
        parts.append(f"COUNT={int(recurrence.count)}")
    elif recurrence.until:
        parts.append("UNTIL=" + recurrence.until.strftime("%Y%m%dT235959"))
    return ";".join(parts)


def rule_parts(text: str) -> dict[str, str]:
    """``{"FREQ": "WEEKLY", "BYDAY": "TU", …}`` (upper-case keys)."""
    parts = {}
    for item in (text or "").removeprefix("RRULE:").split(";"):
        if "=" in item:
            key, _sep, value = item.partition("=")
            parts[key.strip().upper()] = value.strip()
    return parts


def usable(text: str) -> bool:
    """True for a rule that repeats at most daily (others are treated as not repeating)."""
    if not text or len(text) > 500 or any(c.isspace() for c in text):
        return False
    parts = rule_parts(text)
    return parts.get("FREQ") in FREQUENCIES and not any(key in parts for key in _SUB_DAILY)


def _until_date(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return None


def parse_rule(text: str, start: dt.date) -> Recurrence:
    """Read a stored rule back into what the form shows (``custom`` when the form cannot show it)."""
    if not text:
        return Recurrence()
    parts = rule_parts(text)
    until = _until_date(parts["UNTIL"]) if "UNTIL" in parts else None
    count = int(parts["COUNT"]) if parts.get("COUNT", "").isdigit() else None
    shape = {k: v for k, v in parts.items() if k not in ("UNTIL", "COUNT", "WKST")}
    for kind in ("weekly", "biweekly", "monthly_nth", "monthly_last", "monthly_day"):
        if rule_parts(build_rule(Recurrence(kind), start)) == shape:
            return Recurrence(kind, until, count)
    return Recurrence("custom", until, count, text)


def kind_label(kind: str, start: dt.date) -> str:
    """« Chaque semaine, le mardi », « Chaque mois, le 2e mardi »…"""
    day = format_date(start, "EEEE")
    if kind == "none":
        return _("Ne se répète pas")
    if kind == "weekly":
        return _("Chaque semaine, le {day}").format(day=day)
    if kind == "biweekly":
        return _("Aux deux semaines, le {day}").format(day=day)
    if kind == "monthly_nth":
        ordinal = _(_ORDINALS[nth_weekday(start)])
        return _("Chaque mois, le {ordinal} {day}").format(ordinal=ordinal, day=day)
    if kind == "monthly_last":
        return _("Chaque mois, le dernier {day}").format(day=day)
    if kind == "monthly_day":
        if start.day == 1:
            return _("Chaque mois, le 1er")
        return _("Chaque mois, le {n}").format(n=start.day)
    return _("Règle particulière")


def describe(text: str, start: dt.date) -> str:
    """The rule in words: « Chaque semaine, le mardi, jusqu'au mardi 30 juin 2026 »."""
    recurrence = parse_rule(text, start)
    label = kind_label(recurrence.kind, start)
    if recurrence.kind == "custom":
        label += f" ({text})"
    if recurrence.count:
        label += ngettext(", {n} fois", ", {n} fois", recurrence.count).format(n=recurrence.count)
    elif recurrence.until:
        label += _(", jusqu'au {date}").format(date=format_date(recurrence.until))
    return label


# -- checking ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _parsed(text: str, dtstart: dt.datetime) -> rrule:
    return rrulestr(text, dtstart=dtstart)  # type: ignore[return-value]


def check_rule(text: str, dtstart: dt.datetime) -> None:
    """Raise a French :class:`ValidationError` when the rule cannot be used."""
    if not text:
        return
    parts = rule_parts(text)
    if not usable(text):
        raise ValidationError(
            _(
                "Cette répétition n'est pas reconnue (elle doit être quotidienne, hebdomadaire, "
                "mensuelle ou annuelle)."
            ),
            "rrule",
        )
    if "UNTIL" not in parts and "COUNT" not in parts:
        raise ValidationError(
            _(
                "Une activité qui se répète doit avoir une fin : indiquez une date de fin ou un "
                "nombre de fois."
            ),
            "rrule",
        )
    if "COUNT" in parts:
        count = int(parts["COUNT"]) if parts["COUNT"].isdigit() else 0
        if not 1 <= count <= MAX_COUNT:
            raise ValidationError(
                _("Le nombre de fois doit être entre 1 et {n}.").format(n=MAX_COUNT), "rrule"
            )
    if "UNTIL" in parts:
        until = _until_date(parts["UNTIL"])
        if until is None:
            raise ValidationError(_("La date de fin de la répétition n'est pas valide."), "rrule")
        if until < dtstart.date():
            raise ValidationError(
                _("La répétition se termine le {until}, avant la première fois ({start}).").format(
                    until=format_date(until), start=format_date(dtstart.date())
                ),
                "rrule",
            )
        if until.year > dtstart.year + MAX_YEARS:
            raise ValidationError(
                _(
                    "La répétition ne peut pas durer plus de {n} ans : choisissez une date de fin "
                    "plus proche."
                ).format(n=MAX_YEARS),
                "rrule",
            )
    try:
        first = _parsed(text.removeprefix("RRULE:"), dtstart)[0]
    except (ValueError, IndexError, TypeError) as error:
        raise ValidationError(
            _("Cette répétition ne donne aucune date : vérifiez la date de fin."), "rrule"
        ) from error
    del first


# -- expanding ---------------------------------------------------------------------------------


def _fast_start(text: str, dtstart: dt.datetime, lo: dt.datetime) -> dt.datetime:
    """A later DTSTART on the rule's own period grid, to skip years of a long series quickly.

    Only for rules without COUNT whose days are explicit (BYDAY / BYMONTHDAY), where moving
    DTSTART by whole periods does not change which dates the rule gives.
    """
    parts = rule_parts(text)
    if "COUNT" in parts or "BYSETPOS" in parts or dtstart >= lo:
        return dtstart
    interval = int(parts.get("INTERVAL", "1") or 1)
    freq = parts.get("FREQ")
    if freq == "WEEKLY" and "BYDAY" in parts:
        monday = dtstart - dt.timedelta(days=dtstart.weekday())
        step = 7 * interval
        periods = ((lo - monday).days // step) - 1
        return monday + dt.timedelta(days=max(periods, 0) * step) if periods > 0 else dtstart
    if freq == "MONTHLY" and ("BYDAY" in parts or "BYMONTHDAY" in parts):
        months = (lo.year - dtstart.year) * 12 + lo.month - dtstart.month
        periods = (months // interval) - 1
        if periods <= 0:
            return dtstart
        total = dtstart.month - 1 + periods * interval
        return dtstart.replace(year=dtstart.year + total // 12, month=total % 12 + 1, day=1)
    if freq == "DAILY":
        periods = ((lo - dtstart).days // interval) - 1
        return dtstart + dt.timedelta(days=periods * interval) if periods > 0 else dtstart
    return dtstart


def starts_between(text: str, dtstart: dt.datetime, lo: dt.datetime, hi: dt.datetime) -> list[dt.datetime]:
    """Starts of the occurrences with ``lo <= start < hi`` (just ``dtstart`` when there is no rule)."""
    if not usable(text):
        return [dtstart] if lo <= dtstart < hi else []
    text = text.removeprefix("RRULE:")
    rule = _parsed(text, dtstart)
    begin = _fast_start(text, dtstart, lo)
    if begin != dtstart:
        rule = _shifted(text, dtstart, begin)
    starts = []
    for start in itertools.islice(rule.xafter(lo, inc=True), MAX_STARTS):
        if start >= hi:
            break
        starts.append(start)
    return starts


@functools.lru_cache(maxsize=4096)
def _shifted(text: str, dtstart: dt.datetime, begin: dt.datetime) -> rrule:
    return _parsed(text, dtstart).replace(dtstart=begin)


@functools.lru_cache(maxsize=2048)
def all_starts(text: str, dtstart: dt.datetime) -> tuple[dt.datetime, ...]:
    """Every start of a (finite) series, in order."""
    if not usable(text):
        return (dtstart,)
    return tuple(itertools.islice(_parsed(text.removeprefix("RRULE:"), dtstart), MAX_STARTS))


def is_occurrence(text: str, dtstart: dt.datetime, when: dt.datetime) -> bool:
    """True when the series has an occurrence starting exactly at ``when``."""
    if not usable(text):
        return when == dtstart
    return bool(starts_between(text, dtstart, when, when + dt.timedelta(seconds=1)))


def count_before(text: str, dtstart: dt.datetime, when: dt.datetime) -> int:
    """How many occurrences start before ``when``."""
    starts = all_starts(text, dtstart)
    return bisect_left(starts, when)


def last_end(start: str | None, end: str | None, text: str | None, all_day: bool) -> str:
    """End of the series' last occurrence as local ISO text (``FAR_END`` when unknown)."""
    try:
        first = dt.datetime.fromisoformat(start or "")
        finish = dt.datetime.fromisoformat(end or "")
    except ValueError:
        return FAR_END
    if all_day:
        finish = finish + dt.timedelta(days=1)
    if not text or not usable(text):
        return finish.isoformat()
    parts = rule_parts(text)
    duration = finish - first
    try:
        if "COUNT" in parts:
            return (all_starts(text, first)[-1] + duration).isoformat()
        until = _until_date(parts.get("UNTIL", ""))
        if until is not None:
            return (dt.datetime.combine(until, dt.time(23, 59, 59)) + duration).isoformat()
    except (ValueError, IndexError, TypeError):
        return FAR_END
    return FAR_END
