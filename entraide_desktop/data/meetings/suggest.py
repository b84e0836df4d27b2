"""The usual wording of the routine proposals, offered when a proposal is added to a usual item."""

from __future__ import annotations

import datetime as dt

from ...i18n import _, format_date, format_time
from .. import rows
from ..store import Store
from .records import get_meeting, meeting_row
from .kinds import AGENDA, CLOSING, ELECTION, PREVIOUS_MINUTES, REPORT, item_kind


def _previous_unadopted(store: Store, meeting_id: str) -> str | None:
    """The latest earlier meeting of the same type whose minutes are not adopted yet."""
    row = meeting_row(store, meeting_id)
    found = store.db.execute(
        """SELECT id FROM meetings WHERE archived = 0 AND type_id = ? AND id != ? AND date <= ?
             AND adopted_by IS NULL ORDER BY date DESC, start_time DESC LIMIT 1""",
        [row["type_id"], meeting_id, row["date"]],
    ).fetchone()
    return found[0] if found else None


def suggested_proposal(store: Store, item_id: str, now: dt.datetime | None = None) -> tuple[str, str | None]:
    """(text, minutes it adopts) usually proposed under this item; ("", None) for an ordinary item."""
    item = rows.require(store, "agenda_items", item_id)
    meeting = get_meeting(store, item["meeting_id"])
    kind = item_kind(item["title"] or "")
    if kind == AGENDA:
        return _("l'ordre du jour soit adopté tel que présenté."), None
    if kind == PREVIOUS_MINUTES:
        previous = _previous_unadopted(store, meeting.id)
        if previous is None:
            return _("le procès-verbal de la réunion précédente soit adopté tel que présenté."), None
        day = dt.date.fromisoformat(meeting_row(store, previous)["date"])
        return _("le procès-verbal de la réunion du {date} soit adopté tel que présenté.").format(
            date=format_date(day)), previous
    if kind == CLOSING:
        when = (now or dt.datetime.now()).time().replace(second=0, microsecond=0)
        return _("la séance soit levée à {time}.").format(time=format_time(when)), None
    if kind == ELECTION:
        chair = meeting.chair or "…"
        secretary = meeting.secretary or "…"
        return _("{chair} agisse comme présidence d'assemblée et {secretary} comme secrétaire d'assemblée.").format(
            chair=chair, secretary=secretary), None
    if kind == REPORT:
        return _("le rapport d'activités soit adopté tel que présenté."), None
    return "", None
