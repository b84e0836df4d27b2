"""« Cette occurrence seulement »: cancel, move or change one occurrence of a series, with a reason.

An exception is a row whose id is made from the activity id and the occurrence's original
start, so two computers cancelling the same Tuesday create one row, not two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import _, format_date
from .. import rows
from ..errors import ValidationError
from ..store import Store
from .. import recurrence as rec
from .activities import EXCEPTIONS, exists_locally, get_activity, parse_stored
from .labels import compact_time as format_time
from .occurrence import split_key, start_text


@dataclass(frozen=True)
class OccurrenceChange:
    """What was changed for one occurrence (empty strings: same as the series)."""

    key: str
    cancelled: bool
    start: dt.datetime | None
    end: dt.datetime | None
    title: str
    place: str
    reason: str


def exception_id(activity_id: str, original: str) -> str:
    return rows.deterministic_id(EXCEPTIONS, activity_id, original)


def _resolve(store: Store, key: str) -> tuple[str, str, bool]:
    """(activity id, stored original start, all-day) after checking that the occurrence exists."""
    try:
        activity_id, original = split_key(key)
    except ValueError as error:
        raise ValidationError(_("Cette occurrence n'existe pas.")) from error
    activity = get_activity(store, activity_id)
    if activity.archived:
        raise ValidationError(
            _("Cette activité a été supprimée : ses occurrences ne peuvent plus être modifiées.")
        )
    when = parse_stored(original)
    if start_text(when, activity.all_day) != original or not rec.is_occurrence(
        activity.rrule, activity.start, when
    ):
        raise ValidationError(
            _(
                "Cette occurrence n'existe plus : l'horaire de l'activité a changé entre-temps. Rien "
                "n'a été modifié."
            )
        )
    return activity_id, original, activity.all_day


def change_for(store: Store, key: str) -> OccurrenceChange | None:
    """The active change of one occurrence, or None."""
    try:
        activity_id, original = split_key(key)
    except ValueError:
        return None
    row = rows.get(store, EXCEPTIONS, exception_id(activity_id, original))
    if row is None or row.get("archived"):
        return None
    return OccurrenceChange(
        key=key,
        cancelled=bool(row.get("cancelled")),
        start=parse_stored(row["new_start"]) if row.get("new_start") else None,
        end=parse_stored(row["new_end"]) if row.get("new_end") else None,
        title=row.get("title") or "",
        place=row.get("place") or "",
        reason=row.get("reason") or "",
    )


def _save(store: Store, activity_id: str, original: str, values: dict) -> None:
    rows.upsert(
        store,
        EXCEPTIONS,
        exception_id(activity_id, original),
        {"activity_id": activity_id, "original_start": original, "archived": 0, **values},
    )


def cancel_occurrence(store: Store, key: str, reason: str) -> None:
    """Cancel one occurrence; the reason (« Congé des Fêtes ») is shown wherever it appears."""
    with store.write():
        activity_id, original, _all_day = _resolve(store, key)
        _save(store, activity_id, original, {"cancelled": 1, "reason": reason.strip()})


def move_occurrence(
    store: Store,
    key: str,
    start: dt.datetime,
    end: dt.datetime,
    reason: str,
    *,
    title: str = "",
    place: str = "",
) -> None:
    """Move or change one occurrence only (new times, and optionally its own title or place).

    For an all-day occurrence, ``end`` is the last day (included).
    """
    with store.write():
        activity_id, original, all_day = _resolve(store, key)
        if all_day:
            start = dt.datetime.combine(start.date(), dt.time())
            end = dt.datetime.combine(end.date(), dt.time())
            if end < start:
                raise ValidationError(
                    _("Le dernier jour ({end}) est avant le premier jour ({start}).").format(
                        end=format_date(end.date()), start=format_date(start.date())
                    ),
                    "end",
                )
        else:
            start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
            if end <= start:
                raise ValidationError(
                    _("L'heure de fin ({end}) doit être après l'heure de début ({start}).").format(
                        end=format_time(end), start=format_time(start)
                    ),
                    "end",
                )
            if end - start > dt.timedelta(hours=24):
                raise ValidationError(_("Une occurrence avec des heures dure au plus 24 heures."), "end")
            if not exists_locally(start):
                raise ValidationError(
                    _("{time} n'existe pas le {date} : c'est le passage à l'heure avancée.").format(
                        time=format_time(start), date=format_date(start.date())
                    ),
                    "start",
                )
        activity = get_activity(store, activity_id)
        same_time = start_text(start, all_day) == original and end - start == (
            activity.duration - (dt.timedelta(days=1) if all_day else dt.timedelta())
        )
        _save(
            store,
            activity_id,
            original,
            {
                "cancelled": 0,
                "new_start": "" if same_time else start_text(start, all_day),
                "new_end": "" if same_time else start_text(end, all_day),
                "title": title.strip() if title.strip() != activity.title else "",
                "place": place.strip() if place.strip() != activity.place else "",
                "reason": reason.strip(),
            },
        )


def restore_occurrence(store: Store, key: str) -> bool:
    """Undo a cancellation or a move: the occurrence follows the series again. True when something changed."""
    with store.write():
        try:
            activity_id, original = split_key(key)
        except ValueError:
            return False
        row = rows.get(store, EXCEPTIONS, exception_id(activity_id, original))
        if row is not None and not row.get("archived"):
            rows.archive(store, EXCEPTIONS, row["id"])
            return True
    return False
