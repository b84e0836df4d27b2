"""Reading a meeting as it stands: its row, its agenda in order, its numbered proposals; and the
lock that keeps adopted minutes from changing.

Every module that changes a meeting (``core``, ``agenda``, ``proposals``, ``attendance``,
``followups``) asks :func:`editable_meeting` first; the lock's message names the proposal that
adopted the minutes, so reading proposals lives here too, below all the writers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ...i18n import N_, _, format_date
from .. import people, rows
from ..errors import EntraideError, NotFound, ValidationError
from ..store import Store
from .kinds import MeetingType, get_type, item_kind


# -- the meeting ------------------------------------------------------------------------------


class LockedMinutes(EntraideError):
    """The minutes were adopted: nothing of the meeting may change (an erratum corrects them)."""


@dataclass(frozen=True)
class Meeting:
    id: str
    type: MeetingType
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    chair_id: str
    chair: str  # name shown (register name, the removed label, or the guest's name)
    secretary_id: str
    secretary: str
    notice_date: dt.date | None
    notice_text: str
    adopted_by: str
    adopted_on: dt.date | None
    quorum_required: int | None
    quorum_basis: str
    archived: bool = False

    @property
    def locked(self) -> bool:
        return bool(self.adopted_by)

    @property
    def title(self) -> str:
        """« Conseil d'administration du jeudi 12 juin 2026 »."""
        return _("{type} du {date}").format(type=self.type.name, date=format_date(self.date))


def parse_date(value: Any, field: str = "date", *, required: bool = True) -> dt.date | None:
    if value is None or value == "":
        if required:
            raise ValidationError(_("Indiquez la date."), field)
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(_("« {value} » n'est pas une date (AAAA-MM-JJ).").format(value=value), field) from None


_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?\s*$", re.IGNORECASE)


def parse_time(value: Any, field: str = "start_time") -> dt.time | None:
    """``19:30``, ``19 h 30``, ``19h`` or a ``time``; empty gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    match = _TIME.match(str(value))
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ValidationError(_("« {value} » n'est pas une heure (par exemple 19 h 30).").format(value=value), field)


def time_text(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _row_time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def row_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _meeting_from_row(store: Store, row: dict[str, Any], names: dict[str, str] | None = None) -> Meeting:
    ids = [i for i in (row.get("chair_id"), row.get("secretary_id")) if i]
    names = names if names is not None else people.names(store, ids)

    def who(pid: str | None, free: str | None) -> str:
        return names.get(pid, people.names(store, [pid])[pid]) if pid else (free or "")

    return Meeting(
        id=row["id"],
        type=get_type(store, row.get("type_id") or ""),
        date=dt.date.fromisoformat(row["date"]),
        start_time=_row_time(row.get("start_time")),
        end_time=_row_time(row.get("end_time")),
        place=row.get("place") or "",
        chair_id=row.get("chair_id") or "",
        chair=who(row.get("chair_id"), row.get("chair_name")),
        secretary_id=row.get("secretary_id") or "",
        secretary=who(row.get("secretary_id"), row.get("secretary_name")),
        notice_date=row_date(row.get("notice_date")),
        notice_text=row.get("notice_text") or "",
        adopted_by=row.get("adopted_by") or "",
        adopted_on=row_date(row.get("adopted_on")),
        quorum_required=row.get("quorum_required"),
        quorum_basis=row.get("quorum_basis") or "",
        archived=bool(row.get("archived")),
    )


def meeting_row(store: Store, meeting_id: str) -> dict[str, Any]:
    row = rows.get(store, "meetings", meeting_id)
    if row is None:
        raise NotFound(_("Cette réunion n'existe pas ou plus."))
    return row


def get_meeting(store: Store, meeting_id: str) -> Meeting:
    return _meeting_from_row(store, meeting_row(store, meeting_id))


def locked_message(store: Store, row: dict[str, Any]) -> str:
    ref = reference(store, row["adopted_by"]) if row.get("adopted_by") else ""
    when = format_date(dt.date.fromisoformat(row["adopted_on"])) if row.get("adopted_on") else ""
    return _(
        "Ce procès-verbal a été adopté le {date} (proposition {ref}) : il ne peut plus être modifié. "
        "Pour corriger une erreur, ajoutez un erratum adopté par une réunion suivante."
    ).format(date=when, ref=ref)


def editable_meeting(store: Store, meeting_id: str) -> dict[str, Any]:
    """The meeting's row, or :class:`LockedMinutes` when its minutes were adopted."""
    row = meeting_row(store, meeting_id)
    if row.get("adopted_by"):
        raise LockedMinutes(locked_message(store, row))
    if row.get("archived"):
        raise ValidationError(_("Cette réunion a été retirée : rétablissez-la avant de la modifier."))
    return row


# -- its agenda -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaItem:
    id: str
    meeting_id: str
    number: int  # 1, 2, 3… in agenda order (computed)
    position: float
    title: str
    notes: str

    @property
    def kind(self) -> str:
        return item_kind(self.title)


def items(store: Store, meeting_id: str) -> list[AgendaItem]:
    """The meeting's agenda in order, numbered from 1."""
    found = store.db.execute(
        """SELECT id, position, title, notes FROM agenda_items WHERE meeting_id = ? AND archived = 0
           ORDER BY position, id""",
        [meeting_id],
    ).fetchall()
    return [AgendaItem(i, meeting_id, n, p or 0.0, t or "", notes or "") for n, (i, p, t, notes) in enumerate(found, 1)]


def get_item(store: Store, item_id: str) -> AgendaItem:
    row = rows.require(store, "agenda_items", item_id)
    for item in items(store, row["meeting_id"]):
        if item.id == item_id:
            return item
    return AgendaItem(item_id, row["meeting_id"], 0, row["position"] or 0.0, row["title"] or "", row["notes"] or "")


# -- its proposals, numbered -----------------------------------------------------------------


OUTCOMES: dict[str, str] = {
    "unanimous": N_("Adoptée à l'unanimité"),
    "majority": N_("Adoptée à la majorité"),
    "consensus": N_("Adoptée par consensus"),
    "rejected": N_("Rejetée"),
    "withdrawn": N_("Retirée"),
    "postponed": N_("Reportée"),
}


ADOPTED = frozenset({"unanimous", "majority", "consensus"})


COUNTED = frozenset({"unanimous", "majority", "rejected"})


@dataclass(frozen=True)
class Proposal:
    id: str
    meeting_id: str
    item_id: str
    parent_id: str
    depth: int  # 0 proposal, 1 amendment, 2 sub-amendment
    reference: str  # « CA-2026-06-12-03 », amendments « …-03-A1 »
    text: str
    moved_by: str
    mover: str
    seconded_by: str
    seconder: str
    outcome: str
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    adopts_meeting_id: str

    @property
    def adopted(self) -> bool:
        return self.outcome in ADOPTED

    @property
    def counted(self) -> bool:
        return any(v is not None for v in (self.votes_for, self.votes_against, self.abstentions))


_COLUMNS = ("id", "item_id", "parent_id", "position", "text", "moved_by", "seconded_by", "outcome", "votes_for",
            "votes_against", "abstentions", "adopts_meeting_id")


def proposals(store: Store, meeting_id: str) -> list[Proposal]:
    """The meeting's proposals in agenda order, each followed by its amendments."""

    order = {item.id: item.position for item in items(store, meeting_id)}
    found = [
        dict(zip(_COLUMNS, r, strict=True))
        for r in store.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM proposals WHERE meeting_id = ? AND archived = 0", [meeting_id]
        ).fetchall()
    ]
    if not found:
        return []
    meeting = meeting_row(store, meeting_id)
    prefix = f"{get_type(store, meeting['type_id']).abbrev}-{meeting['date']}"
    names = people.names(store, [p for r in found for p in (r["moved_by"], r["seconded_by"]) if p])
    children: dict[str, list[dict]] = {}
    for r in found:
        children.setdefault(r["parent_id"] or "", []).append(r)
    for siblings in children.values():
        siblings.sort(key=lambda r: (order.get(r["item_id"], 1e9), r["position"] or 0.0, r["id"]))
    ordered: list[Proposal] = []

    def walk(parent: str, depth: int, parent_ref: str) -> None:
        for n, r in enumerate(children.get(parent, []), 1):
            ref = f"{prefix}-{n:02d}" if depth == 0 else f"{parent_ref}-{'A' if depth == 1 else 'S'}{n}"
            ordered.append(Proposal(
                r["id"], meeting_id, r["item_id"] or "", r["parent_id"] or "", depth, ref, r["text"] or "",
                r["moved_by"] or "", names.get(r["moved_by"], "") if r["moved_by"] else "",
                r["seconded_by"] or "", names.get(r["seconded_by"], "") if r["seconded_by"] else "",
                r["outcome"] or "", r["votes_for"], r["votes_against"], r["abstentions"], r["adopts_meeting_id"] or "",
            ))
            walk(r["id"], depth + 1, ref)

    walk("", 0, "")
    known = {p.id for p in ordered}
    orphans = [r for r in found if r["id"] not in known]  # parent archived: shown as proposals of their own
    for r in orphans:
        ordered.append(Proposal(
            r["id"], meeting_id, r["item_id"] or "", "", 0, f"{prefix}-{len(ordered) + 1:02d}", r["text"] or "",
            r["moved_by"] or "", names.get(r["moved_by"], "") if r["moved_by"] else "", r["seconded_by"] or "",
            names.get(r["seconded_by"], "") if r["seconded_by"] else "", r["outcome"] or "", r["votes_for"],
            r["votes_against"], r["abstentions"], r["adopts_meeting_id"] or "",
        ))
    return ordered


def get_proposal(store: Store, proposal_id: str) -> Proposal:
    row = rows.require(store, "proposals", proposal_id)
    for p in proposals(store, row["meeting_id"]):
        if p.id == proposal_id:
            return p
    raise ValidationError(_("Cette proposition a été retirée."))


def reference(store: Store, proposal_id: str) -> str:
    row = rows.get(store, "proposals", proposal_id)
    if row is None:
        return "?"
    for p in proposals(store, row["meeting_id"]):
        if p.id == proposal_id:
            return p.reference
    return "?"
