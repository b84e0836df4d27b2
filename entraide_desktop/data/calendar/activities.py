"""Activities: create, read, change and archive, with checks and clear French messages.

Every change happens in one transaction: either everything is saved, or nothing is. An edit
made while someone else changed the same activity (another window, a sync import) is refused
with :class:`ConcurrentEdit` unless the person confirms they want to replace it.
"""

from __future__ import annotations

import datetime as dt

from ...i18n import _, format_date
from .. import rows
from ..errors import ValidationError
from ..store import Store
from .. import recurrence as rec
from .activity_records import (  # noqa: F401  (re-exported: callers use activities.Activity…)
    EXCEPTIONS,
    LEADERS,
    TABLE,
    TIMEZONE,
    VISIBILITIES,
    Activity,
    ActivityInput,
    ConcurrentEdit,
    SaveResult,
    exists_locally,
    parse_stored,
    past_starts,
    set_leaders,
)
from .activity_types import TABLE as TYPES
from .activity_types import ensure_default_types
from .labels import compact_time as format_time
from .occurrence import start_text
from .series import drop_orphan_exceptions, split
from .attendance import rekey_single


def revision(store: Store, activity_id: str) -> int:
    """A number that changes whenever the activity or its leaders change (here or by a sync)."""
    row = store.db.execute(
        """SELECT max(hlc) FROM _versions WHERE (tbl = 'activities' AND row_id = ?)
           OR (tbl = 'activity_leaders'
               AND row_id IN (SELECT id FROM activity_leaders WHERE activity_id = ?))""",
        [activity_id, activity_id],
    ).fetchone()
    return int(row[0] or 0)


def leader_ids(store: Store, activity_id: str) -> tuple[str, ...]:
    cursor = store.db.execute(
        "SELECT person_id FROM activity_leaders WHERE activity_id = ? AND archived = 0 ORDER BY rowid",
        [activity_id],
    )
    return tuple(r[0] for r in cursor.fetchall())


def get_activity(store: Store, activity_id: str) -> Activity:
    row = rows.require(store, TABLE, activity_id)
    all_day = bool(row.get("all_day"))
    return Activity(
        id=activity_id,
        title=row.get("title") or "",
        type_id=row.get("type_id") or "",
        start=parse_stored(row["start_at"]),
        end=parse_stored(row["end_at"]),
        all_day=all_day,
        rrule=row.get("rrule") or "",
        place=row.get("place") or "",
        description=row.get("description") or "",
        notes=row.get("notes") or "",
        public=(row.get("visibility") or "public") == "public",
        leader_ids=leader_ids(store, activity_id),
        continues=row.get("continues") or "",
        archived=bool(row.get("archived")),
        revision=revision(store, activity_id),
    )


# -- checks ------------------------------------------------------------------------------------


def _check(store: Store, data: ActivityInput, *, current_type: str = "") -> tuple[dict, str]:
    """The stored values for ``data`` and its rule; a :class:`ValidationError` when something is wrong."""
    title = data.title.strip()
    if not title:
        raise ValidationError(_("Donnez un titre à l'activité."), "title")
    if len(title) > 200:
        raise ValidationError(_("Le titre est trop long (200 caractères au plus)."), "title")
    type_row = rows.get(store, TYPES, data.type_id) if data.type_id else None
    if type_row is None:
        raise ValidationError(_("Choisissez le type d'activité."), "type_id")
    if type_row.get("archived") and data.type_id != current_type:
        raise ValidationError(_("Ce type d'activité a été retiré : choisissez-en un autre."), "type_id")
    if data.all_day:
        start = dt.datetime.combine(data.start.date(), dt.time())
        end = dt.datetime.combine(data.end.date(), dt.time())
        if end < start:
            raise ValidationError(
                _("Le dernier jour ({end}) est avant le premier jour ({start}).").format(
                    end=format_date(end.date()), start=format_date(start.date())
                ),
                "end",
            )
        if (end - start).days > 31:
            raise ValidationError(_("Une activité ne peut pas durer plus d'un mois."), "end")
    else:
        start, end = data.start.replace(second=0, microsecond=0), data.end.replace(second=0, microsecond=0)
        if end <= start:
            raise ValidationError(
                _("L'heure de fin ({end}) doit être après l'heure de début ({start}).").format(
                    end=format_time(end), start=format_time(start)
                )
                if end.date() == start.date()
                else _("La fin ({end}) est avant le début ({start}).").format(
                    end=format_date(end.date()), start=format_date(start.date())
                ),
                "end",
            )
        if end - start > dt.timedelta(hours=24):
            raise ValidationError(
                _(
                    "Une activité avec des heures dure au plus 24 heures ; pour plusieurs jours, "
                    "cochez « Toute la journée »."
                ),
                "end",
            )
        if not exists_locally(start):
            raise ValidationError(
                _(
                    "{time} n'existe pas le {date} : c'est le passage à l'heure avancée. "
                    "Choisissez une autre heure."
                ).format(time=format_time(start), date=format_date(start.date())),
                "start",
            )
    rule = rec.build_rule(data.recurrence, start.date())
    rec.check_rule(rule, start)
    for person_id in data.leader_ids:
        if rows.get(store, "people", person_id) is None:
            raise ValidationError(
                _("Une des personnes qui animent n'est plus dans le registre : retirez-la de la liste."),
                "leaders",
            )
    values = {
        "title": title,
        "type_id": data.type_id,
        "start_at": start_text(start, data.all_day),
        "end_at": start_text(end, data.all_day),
        "all_day": int(data.all_day),
        "rrule": rule,
        "place": data.place.strip(),
        "description": data.description.strip(),
        "notes": data.notes.strip(),
        "visibility": "public" if data.public else "members",
    }
    return values, rule




# -- writing -----------------------------------------------------------------------------------


def create_activity(store: Store, data: ActivityInput) -> str:
    """Save a new activity (and its leaders) in one transaction; returns its id."""
    with store.write():
        ensure_default_types(store)
        values, _rule = _check(store, data)
        activity_id = rows.insert(store, TABLE, {**values, "continues": ""})
        set_leaders(store, activity_id, data.leader_ids)
    return activity_id




def update_activity(
    store: Store,
    activity_id: str,
    data: ActivityInput,
    *,
    expected_revision: int | None = None,
    today: dt.date | None = None,
) -> SaveResult:
    """Change the whole series.

    When the schedule changes and occurrences already took place with the old schedule, the
    series is split: the past keeps the old schedule (and its attendance), and a new activity
    continues from ``today`` with the new one. Exceptions that no longer match an occurrence
    are removed (archived); their number is returned.
    """
    today = today or dt.date.today()
    with store.write():
        current = get_activity(store, activity_id)
        if current.archived:
            raise ValidationError(_("Cette activité a été supprimée entre-temps : rien n'a été modifié."))
        if expected_revision is not None and current.revision != expected_revision:
            raise ConcurrentEdit(
                _(
                    "Cette activité vient d'être modifiée ailleurs (dans une autre fenêtre ou par une "
                    "synchronisation) pendant que vous la modifiiez. Rien n'a été enregistré."
                )
            )
        values, rule = _check(store, data, current_type=current.type_id)
        new_first = parse_stored(values["start_at"])
        cutoff = dt.datetime.combine(today, dt.time())
        old_past = past_starts(current.rrule, current.start, cutoff)
        new_past = past_starts(rule, new_first, cutoff)
        timing_changed = (values["start_at"], values["end_at"], values["rrule"], values["all_day"]) != (
            start_text(current.start, current.all_day),
            start_text(current.end, current.all_day),
            current.rrule,
            int(current.all_day),
        )
        if timing_changed and current.rrule and old_past and old_past != new_past:
            return split(store, current, values, rule, data, cutoff)
        rows.update(store, TABLE, activity_id, values)
        set_leaders(store, activity_id, data.leader_ids)
        if (
            not current.rrule
            and not rule
            and values["start_at"] != start_text(current.start, current.all_day)
        ):

            rekey_single(store, activity_id, start_text(current.start, current.all_day), values["start_at"])
        removed = drop_orphan_exceptions(store, activity_id, rule, new_first)
    return SaveResult(activity_id, removed_exceptions=removed)


def archive_activity(store: Store, activity_id: str) -> None:
    """« Supprimer »: archived, so it can be brought back (and the deletion syncs like an edit)."""
    with store.write():
        rows.require(store, TABLE, activity_id)
        rows.archive(store, TABLE, activity_id)


def restore_activity(store: Store, activity_id: str) -> None:
    rows.restore(store, TABLE, activity_id)


def list_activities(store: Store, *, include_archived: bool = False) -> list[Activity]:
    """Every activity (one per series), most recent first."""
    sql = (
        "SELECT id FROM activities"
        + ("" if include_archived else " WHERE archived = 0")
        + " ORDER BY start_at DESC"
    )
    return [get_activity(store, r[0]) for r in store.db.execute(sql).fetchall()]
