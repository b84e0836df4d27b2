"""Follow-ups decided at meetings (who does what, by when), errata of adopted minutes, reminders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ...i18n import _, format_date
from .. import people, rows
from ..errors import ValidationError
from ..reminders import Reminder
from ..store import Store
from .records import ADOPTED, editable_meeting, meeting_row, parse_date, reference
from .kinds import get_type, list_types


@dataclass(frozen=True)
class FollowUp:
    id: str
    meeting_id: str
    item_id: str
    proposal_id: str
    text: str
    person_id: str
    who: str  # "" when nobody is named
    due: dt.date | None
    done_on: dt.date | None
    meeting_date: dt.date
    meeting_abbrev: str

    @property
    def done(self) -> bool:
        return self.done_on is not None


_SQL = """SELECT f.id, f.meeting_id, f.item_id, f.proposal_id, f.text, f.person_id, f.due, f.done_on, m.date, m.type_id
          FROM meeting_followups f JOIN meetings m ON m.id = f.meeting_id
          WHERE f.archived = 0 AND m.archived = 0"""


def _load(store: Store, where: str, args: list[Any]) -> list[FollowUp]:
    found = store.db.execute(_SQL + where, args).fetchall()
    names = people.names(store, [r[5] for r in found if r[5]])
    abbrevs = {t.id: t.abbrev for t in list_types(store, include_archived=True)}
    result = [
        FollowUp(fid, mid, item or "", prop or "", text or "", pid or "", names.get(pid, "") if pid else "",
                 dt.date.fromisoformat(due) if due else None, dt.date.fromisoformat(done) if done else None,
                 dt.date.fromisoformat(date), abbrevs.get(tid) or get_type(store, tid or "").abbrev)
        for fid, mid, item, prop, text, pid, due, done, date, tid in found
    ]
    return sorted(result, key=lambda f: (f.done, f.due or dt.date.max, f.meeting_date, f.text))


def followups(store: Store, meeting_id: str) -> list[FollowUp]:
    return _load(store, " AND f.meeting_id = ?", [meeting_id])


def open_followups(store: Store) -> list[FollowUp]:
    """Every follow-up not done yet, soonest due first (listed in the meetings screen until done)."""
    return _load(store, " AND f.done_on IS NULL", [])


def _clean(store: Store, values: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    if "text" in values:
        text = (values["text"] or "").strip()
        if not text:
            raise ValidationError(_("Décrivez ce qui est à faire."), "text")
        clean["text"] = text
    if "person_id" in values:
        pid = values["person_id"] or None
        if pid and rows.get(store, "people", pid) is None:
            raise ValidationError(_("Cette personne n'est pas (ou plus) dans le registre."), "person_id")
        clean["person_id"] = pid
    if "due" in values:
        due = parse_date(values["due"], "due", required=False)
        clean["due"] = due.isoformat() if due else None
    return clean


def add_followup(
    store: Store, meeting_id: str, text: str, *, person_id: str | None = None, due: dt.date | str | None = None,
    item_id: str | None = None, proposal_id: str | None = None,
) -> str:
    """Record a follow-up decided at the meeting; returns its id."""
    clean = _clean(store, {"text": text, "person_id": person_id, "due": due})
    with store.write():
        editable_meeting(store, meeting_id)
        for table, ref in (("agenda_items", item_id), ("proposals", proposal_id)):
            if ref and (rows.get(store, table, ref) or {}).get("meeting_id") != meeting_id:
                raise ValidationError(_("Ce suivi doit se rattacher à un point ou à une proposition de la même réunion."))
        return rows.insert(store, "meeting_followups",
                           {**clean, "meeting_id": meeting_id, "item_id": item_id, "proposal_id": proposal_id})


def update_followup(store: Store, followup_id: str, **values: Any) -> set[str]:
    """Change what, who or when (while the minutes are a draft)."""
    unknown = set(values) - {"text", "person_id", "due"}
    if unknown:
        raise ValueError(f"unknown follow-up fields {sorted(unknown)}")
    with store.write():
        row = rows.require(store, "meeting_followups", followup_id)
        editable_meeting(store, row["meeting_id"])
        return rows.update(store, "meeting_followups", followup_id, _clean(store, values))


def set_done(store: Store, followup_id: str, done_on: dt.date | None) -> None:
    """Mark a follow-up done (or not): allowed even once the minutes are adopted."""
    rows.require(store, "meeting_followups", followup_id)
    rows.update(store, "meeting_followups", followup_id, {"done_on": done_on.isoformat() if done_on else None})


def remove_followup(store: Store, followup_id: str) -> None:
    with store.write():
        row = rows.require(store, "meeting_followups", followup_id)
        editable_meeting(store, row["meeting_id"])
        rows.archive(store, "meeting_followups", followup_id)


# -- errata -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Erratum:
    id: str
    meeting_id: str
    item_id: str
    text: str
    noted_on: dt.date
    proposal_id: str
    reference: str


def errata(store: Store, meeting_id: str) -> list[Erratum]:
    found = store.db.execute(
        "SELECT id, item_id, text, noted_on, proposal_id FROM minutes_errata WHERE meeting_id = ? AND archived = 0",
        [meeting_id],
    ).fetchall()
    result = [Erratum(i, meeting_id, item or "", text or "", dt.date.fromisoformat(on), prop or "",
                      reference(store, prop) if prop else "") for i, item, text, on, prop in found]
    return sorted(result, key=lambda e: (e.noted_on, e.id))


@dataclass(frozen=True)
class AdoptedProposal:
    id: str
    reference: str
    meeting_date: dt.date
    text: str


def erratum_proposals(store: Store, meeting_id: str) -> list[AdoptedProposal]:
    """Adopted proposals of later meetings, which may adopt an erratum of these minutes (latest first)."""
    row = meeting_row(store, meeting_id)
    found = store.db.execute(
        """SELECT p.id, m.date, p.text FROM proposals p JOIN meetings m ON m.id = p.meeting_id
           WHERE p.archived = 0 AND m.archived = 0 AND m.date > ?
             AND p.outcome IN ('unanimous', 'majority', 'consensus')
           ORDER BY m.date DESC LIMIT 200""",
        [row["date"]],
    ).fetchall()
    return [AdoptedProposal(pid, reference(store, pid), dt.date.fromisoformat(d), t or "") for pid, d, t in found]


def add_erratum(store: Store, meeting_id: str, text: str, proposal_id: str, item_id: str | None = None) -> str:
    """Add a visible, dated correction to adopted minutes, adopted by a proposal of a later meeting."""
    text = text.strip()
    with store.write():
        row = meeting_row(store, meeting_id)
        if not row.get("adopted_by"):
            raise ValidationError(_("Ce procès-verbal est encore un projet : corrigez-le directement, sans erratum."))
        if not text:
            raise ValidationError(_("Écrivez la correction apportée au procès-verbal."), "text")
        proposal = rows.get(store, "proposals", proposal_id) if proposal_id else None
        if proposal is None or proposal["archived"]:
            raise ValidationError(_("Choisissez la proposition qui a adopté cette correction."), "proposal_id")
        if proposal["outcome"] not in ADOPTED:
            raise ValidationError(_("Cette proposition n'a pas été adoptée : elle ne peut pas adopter un erratum."),
                                  "proposal_id")
        later = meeting_row(store, proposal["meeting_id"])
        if later["date"] <= row["date"]:
            raise ValidationError(_("Un erratum est adopté par une réunion postérieure à celle du procès-verbal."),
                                  "proposal_id")
        if item_id and (rows.get(store, "agenda_items", item_id) or {}).get("meeting_id") != meeting_id:
            raise ValidationError(_("Ce point n'appartient pas à ce procès-verbal."), "item_id")
        return rows.insert(store, "minutes_errata", {
            "meeting_id": meeting_id, "item_id": item_id, "text": text, "noted_on": later["date"],
            "proposal_id": proposal_id})


def remove_erratum(store: Store, erratum_id: str) -> None:
    """Withdraw an erratum entered by mistake, while the minutes of the meeting that adopted it are a draft."""
    with store.write():
        row = rows.require(store, "minutes_errata", erratum_id)
        proposal = rows.get(store, "proposals", row["proposal_id"] or "")
        if proposal is not None:
            editable_meeting(store, proposal["meeting_id"])
        rows.archive(store, "minutes_errata", erratum_id)


# -- home page ----------------------------------------------------------------------------------

SOON_DAYS = 14
NOTICE_DAYS = 21


def reminders(store: Store, today: dt.date) -> list[Reminder]:
    """Follow-ups due within two weeks (late ones urgent) and notices of meeting still to send."""
    found: list[Reminder] = []
    horizon = today + dt.timedelta(days=SOON_DAYS)
    for f in open_followups(store):
        if f.due is None or f.due > horizon:
            continue
        meeting = _("{abbrev} du {date}").format(abbrev=f.meeting_abbrev, date=format_date(f.meeting_date, "medium"))
        who = f" — {f.who}" if f.who else ""
        if f.due < today:
            text = _("Suivi en retard ({meeting}) : {text}{who}, prévu le {due}").format(
                meeting=meeting, text=f.text, who=who, due=format_date(f.due))
        else:
            text = _("Suivi ({meeting}) : {text}{who}, d'ici le {due}").format(
                meeting=meeting, text=f.text, who=who, due=format_date(f.due))
        found.append(Reminder("meetings", text, f.due, f.due < today, f.meeting_id))
    upcoming = store.db.execute(
        """SELECT id, date, type_id FROM meetings
           WHERE archived = 0 AND notice_date IS NULL AND date >= ? AND date <= ?""",
        [today.isoformat(), (today + dt.timedelta(days=NOTICE_DAYS)).isoformat()],
    ).fetchall()
    for mid, date, tid in upcoming:
        kind = get_type(store, tid or "")
        day = dt.date.fromisoformat(date)
        text = _("Envoyer l'avis de convocation : {type} du {date}").format(type=kind.name, date=format_date(day))
        found.append(Reminder("meetings", text, day, kind.is_assembly and (day - today).days <= 10, mid))
    return found
