"""Agenda items of a meeting: numbered in order, each with its discussion notes."""

from __future__ import annotations

from ...i18n import _, ngettext
from .. import rows
from ..errors import ValidationError
from ..store import Store
from .records import editable_meeting, items


def add_item(store: Store, meeting_id: str, title: str = "", *, after: str | None = None, notes: str = "") -> str:
    """Add an item at the end, or just after the item ``after``; returns its id."""
    title = title.strip() or _("Nouveau point")
    with store.write():
        editable_meeting(store, meeting_id)
        current = items(store, meeting_id)
        position = (current[-1].position + 1.0) if current else 1.0
        if after is not None:
            index = next((i for i, item in enumerate(current) if item.id == after), None)
            if index is None:
                raise ValidationError(_("Ce point n'est pas à l'ordre du jour de cette réunion."))
            here = current[index].position
            position = (here + current[index + 1].position) / 2 if index + 1 < len(current) else here + 1.0
        return rows.insert(store, "agenda_items",
                           {"meeting_id": meeting_id, "position": position, "title": title, "notes": notes or None})


def _editable_item(store: Store, item_id: str) -> dict:
    row = rows.require(store, "agenda_items", item_id)
    editable_meeting(store, row["meeting_id"])
    return row


def update_item(store: Store, item_id: str, *, title: str | None = None, notes: str | None = None) -> set[str]:
    """Change an item's title or notes (autosaved as the secretary types)."""
    values: dict[str, object] = {}
    if title is not None:
        if not title.strip():
            raise ValidationError(_("Le titre du point ne peut pas être vide."), "title")
        values["title"] = title.strip()
    if notes is not None:
        values["notes"] = notes if notes.strip() else None
    with store.write():
        _editable_item(store, item_id)
        return rows.update(store, "agenda_items", item_id, values) if values else set()


def move_item(store: Store, item_id: str, delta: int) -> bool:
    """Move an item up (-1) or down (+1) the agenda; False when it is already at that end."""
    with store.write():
        row = _editable_item(store, item_id)
        current = items(store, row["meeting_id"])
        index = next(i for i, item in enumerate(current) if item.id == item_id)
        other = index + (1 if delta > 0 else -1)
        if not 0 <= other < len(current):
            return False
        a, b = current[index], current[other]
        if a.position == b.position:  # equal positions (merged from two machines): spread them first
            for n, item in enumerate(current, 1):
                rows.update(store, "agenda_items", item.id, {"position": float(n)})
            a, b = (a.__class__(a.id, a.meeting_id, a.number, float(index + 1), a.title, a.notes),
                    b.__class__(b.id, b.meeting_id, b.number, float(other + 1), b.title, b.notes))
        rows.update(store, "agenda_items", a.id, {"position": b.position})
        rows.update(store, "agenda_items", b.id, {"position": a.position})
    return True


def remove_item(store: Store, item_id: str) -> None:
    """Take an item off the agenda (refused while it still has proposals)."""
    with store.write():
        _editable_item(store, item_id)
        count = store.db.execute(
            "SELECT count(*) FROM proposals WHERE item_id = ? AND archived = 0", [item_id]
        ).fetchone()[0]
        if count:
            raise ValidationError(
                ngettext("Ce point contient {n} proposition : retirez-la d'abord.",
                         "Ce point contient {n} propositions : retirez-les d'abord.", count).format(n=count)
            )
        rows.archive(store, "agenda_items", item_id)
