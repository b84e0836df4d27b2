"""Meetings: create, change, archive, list (reading one and its lock: ``records``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ...i18n import _, format_date
from .. import rows
from ..errors import ValidationError
from ..store import Store
from .agenda import add_item
from .kinds import get_type, list_types
from .records import editable_meeting, meeting_row, parse_date, parse_time, row_date, time_text


def _check_person(store: Store, person_id: str | None, field: str) -> str | None:
    if not person_id:
        return None
    if rows.get(store, "people", person_id) is None:
        raise ValidationError(_("Cette personne n'est pas (ou plus) dans le registre."), field)
    return person_id


def _clean(store: Store, values: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key == "type_id":
            if not value or value not in {t.id for t in list_types(store, include_archived=True)}:
                raise ValidationError(_("Choisissez le type de réunion."), "type_id")
            clean[key] = value
        elif key in ("date", "notice_date"):
            day = parse_date(value, key, required=key == "date")
            clean[key] = day.isoformat() if day else None
        elif key in ("start_time", "end_time"):
            clean[key] = time_text(parse_time(value, key))
        elif key in ("chair_id", "secretary_id"):
            clean[key] = _check_person(store, value, key)
        elif key in ("place", "chair_name", "secretary_name", "notice_text"):
            clean[key] = (value or "").strip() or None
        else:
            raise ValueError(f"unknown meeting field {key}")
    if clean.get("notice_date") and clean.get("date") and clean["notice_date"] > clean["date"]:
        raise ValidationError(_("L'avis de convocation ne peut pas être envoyé après la réunion."), "notice_date")
    return clean


def create_meeting(store: Store, type_id: str, date: dt.date | str, *, use_template: bool = True, **values: Any) -> str:
    """Create a meeting (with the usual agenda of its type unless ``use_template`` is False)."""
    clean = _clean(store, {"type_id": type_id, "date": date, **values})
    with store.write():
        meeting_id = rows.insert(store, "meetings", clean)
        if use_template:
            for title in get_type(store, type_id).agenda:
                add_item(store, meeting_id, title)
    return meeting_id


def update_meeting(store: Store, meeting_id: str, **values: Any) -> set[str]:
    """Change the meeting's details; refused once its minutes are adopted."""
    with store.write():
        row = editable_meeting(store, meeting_id)
        clean = _clean(store, values)
        merged = {**row, **clean}
        if merged.get("notice_date") and merged["notice_date"] > merged["date"]:
            raise ValidationError(_("L'avis de convocation ne peut pas être envoyé après la réunion."), "notice_date")
        if "chair_id" in clean and clean["chair_id"]:
            clean.setdefault("chair_name", None)
        if "secretary_id" in clean and clean["secretary_id"]:
            clean.setdefault("secretary_name", None)
        return rows.update(store, "meetings", meeting_id, clean)


def archive_meeting(store: Store, meeting_id: str) -> None:
    """« Supprimer » a draft meeting (reversible); refused once adopted or when it adopted other minutes."""
    with store.write():
        editable_meeting(store, meeting_id)
        adopted = store.db.execute(
            "SELECT m.date FROM meetings m JOIN proposals p ON p.id = m.adopted_by WHERE p.meeting_id = ?",
            [meeting_id],
        ).fetchone()
        if adopted:
            raise ValidationError(
                _("Cette réunion a adopté le procès-verbal du {date} : elle ne peut pas être retirée.").format(
                    date=format_date(dt.date.fromisoformat(adopted[0]))
                )
            )
        rows.archive(store, "meetings", meeting_id)


def restore_meeting(store: Store, meeting_id: str) -> None:
    rows.restore(store, "meetings", meeting_id)


@dataclass(frozen=True)
class MeetingSummary:
    id: str
    date: dt.date
    type_id: str
    type_name: str
    abbrev: str
    place: str
    present: int
    items: int
    proposals: int
    adopted_on: dt.date | None
    archived: bool

    @property
    def locked(self) -> bool:
        return self.adopted_on is not None


def list_meetings(
    store: Store, *, year: int | None = None, type_id: str | None = None, include_archived: bool = False
) -> list[MeetingSummary]:
    """Meetings, most recent first, with their counts (computed, never stored)."""
    sql = """SELECT m.id, m.date, m.type_id, m.place, m.adopted_on, m.archived,
                (SELECT count(*) FROM meeting_attendance a
                   WHERE a.meeting_id = m.id AND a.status = 'present' AND a.archived = 0),
                (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id AND i.archived = 0),
                (SELECT count(*) FROM proposals p WHERE p.meeting_id = m.id AND p.archived = 0)
             FROM meetings m WHERE 1 = 1"""
    args: list[Any] = []
    if not include_archived:
        sql += " AND m.archived = 0"
    if year:
        sql += " AND m.date >= ? AND m.date <= ?"
        args += [f"{year:04d}-01-01", f"{year:04d}-12-31"]
    if type_id:
        sql += " AND m.type_id = ?"
        args.append(type_id)
    types = {t.id: t for t in list_types(store, include_archived=True)}
    found = []
    for mid, date, tid, place, adopted_on, archived, present, items, proposals in store.db.execute(
        sql + " ORDER BY m.date DESC, m.start_time DESC", args
    ).fetchall():
        kind = types.get(tid) or get_type(store, tid or "")
        found.append(
            MeetingSummary(mid, dt.date.fromisoformat(date), kind.id, kind.name, kind.abbrev, place or "", present,
                           items, proposals, row_date(adopted_on), bool(archived))
        )
    return found


def meeting_years(store: Store) -> list[int]:
    rows_ = store.db.execute("SELECT DISTINCT substr(date, 1, 4) FROM meetings WHERE archived = 0 ORDER BY 1 DESC")
    return [int(r[0]) for r in rows_.fetchall() if r[0]]


def previous_meeting(store: Store, meeting_id: str, *, same_type: bool = True) -> str | None:
    """The latest earlier meeting (of the same type by default)."""
    row = meeting_row(store, meeting_id)
    sql = """SELECT id FROM meetings WHERE archived = 0 AND id != ?
               AND (date < ? OR (date = ? AND coalesce(start_time, '') < ?))"""
    args = [meeting_id, row["date"], row["date"], row.get("start_time") or ""]
    if same_type:
        sql += " AND type_id = ?"
        args.append(row["type_id"])
    found = store.db.execute(sql + " ORDER BY date DESC, start_time DESC LIMIT 1", args).fetchone()
    return found[0] if found else None
