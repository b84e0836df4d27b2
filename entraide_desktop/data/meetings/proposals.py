"""Proposals (« Il est proposé par…, appuyé par… »), amendments, votes and their outcome.

Rules of deliberation checked here: the mover and the seconder are two different voters present
at the meeting; an amendment (or a sub-amendment) is voted before the proposal it amends; vote
totals never exceed the voters present. A proposal may adopt an earlier meeting's minutes: when
it is adopted, those minutes are locked (and cannot be adopted a second time).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...i18n import _, format_date, format_number
from .. import people, rows
from ..errors import ValidationError
from ..store import Store
from . import attendance
from .kinds import get_type
from .records import ADOPTED, COUNTED, OUTCOMES, editable_meeting, get_proposal, meeting_row, reference


# -- checks -------------------------------------------------------------------------------------


def _check_people(store: Store, meeting_id: str, moved_by: str | None, seconded_by: str | None) -> None:
    if moved_by and seconded_by and moved_by == seconded_by:
        raise ValidationError(_("La personne qui propose ne peut pas appuyer sa propre proposition."), "seconded_by")
    rights = attendance.voting_rights(store, meeting_id)
    for pid, field in ((moved_by, "moved_by"), (seconded_by, "seconded_by")):
        if not pid:
            continue
        name = people.names(store, [pid])[pid]
        status = attendance.status_of(store, meeting_id, pid)
        if status != attendance.PRESENT:
            reason = {
                attendance.ABSENT: _("{name} est inscrit·e comme absent·e à cette réunion"),
                attendance.EXCUSED: _("{name} est inscrit·e comme excusé·e à cette réunion"),
            }.get(status, _("{name} n'est pas inscrit·e parmi les personnes présentes"))
            raise ValidationError(
                _("{reason} : seule une personne présente peut proposer ou appuyer.").format(
                    reason=reason.format(name=name)), field)
        if not rights.get(pid):
            raise ValidationError(
                _("{name} n'a pas le droit de vote à cette réunion : seule une personne votante peut proposer "
                  "ou appuyer.").format(name=name), field)


def _editable_proposal(store: Store, proposal_id: str) -> dict[str, Any]:
    row = rows.require(store, "proposals", proposal_id)
    editable_meeting(store, row["meeting_id"])
    if row["archived"]:
        raise ValidationError(_("Cette proposition a été retirée."))
    return row


def _check_adopts(store: Store, meeting_id: str, target_id: str, proposal_id: str | None) -> None:
    if target_id == meeting_id:
        raise ValidationError(_("Une réunion ne peut pas adopter son propre procès-verbal."), "adopts_meeting_id")
    target = rows.get(store, "meetings", target_id)
    if target is None or target["archived"]:
        raise ValidationError(_("Cette réunion n'existe pas ou plus."), "adopts_meeting_id")
    here = meeting_row(store, meeting_id)
    if target["date"] > here["date"]:
        raise ValidationError(_("On ne peut adopter que le procès-verbal d'une réunion antérieure."),
                              "adopts_meeting_id")
    if target.get("adopted_by") and target["adopted_by"] != proposal_id:
        raise ValidationError(already_adopted_message(store, target), "adopts_meeting_id")


def already_adopted_message(store: Store, target: dict[str, Any]) -> str:
    kind = get_type(store, target["type_id"])
    return _(
        "Le procès-verbal de la réunion du {date} ({type}) a déjà été adopté le {when} par la proposition {ref} : "
        "il ne peut pas être adopté une deuxième fois."
    ).format(date=format_date(dt.date.fromisoformat(target["date"])), type=kind.name,
             when=format_date(dt.date.fromisoformat(target["adopted_on"])), ref=reference(store, target["adopted_by"]))


# -- writing ------------------------------------------------------------------------------------


def add_proposal(
    store: Store,
    item_id: str,
    text: str = "",
    *,
    moved_by: str | None = None,
    seconded_by: str | None = None,
    parent_id: str | None = None,
    adopts_meeting_id: str | None = None,
) -> str:
    """Add a proposal under an agenda item (or an amendment of ``parent_id``); returns its id."""
    with store.write():
        item = rows.require(store, "agenda_items", item_id)
        meeting_id = item["meeting_id"]
        editable_meeting(store, meeting_id)
        if parent_id:
            parent = get_proposal(store, parent_id)
            if parent.meeting_id != meeting_id:
                raise ValidationError(_("On ne peut amender qu'une proposition de la même réunion."))
            if parent.depth >= 2:
                raise ValidationError(_("Un sous-amendement ne peut pas être amendé à son tour (code Morin)."))
            if parent.outcome:
                raise ValidationError(_("Cette proposition a déjà été votée : elle ne peut plus être amendée."))
            item_id = parent.item_id
        _check_people(store, meeting_id, moved_by, seconded_by)
        if adopts_meeting_id:
            _check_adopts(store, meeting_id, adopts_meeting_id, None)
        last = store.db.execute(
            "SELECT max(position) FROM proposals WHERE item_id = ? AND coalesce(parent_id, '') = ?",
            [item_id, parent_id or ""],
        ).fetchone()[0]
        return rows.insert(store, "proposals", {
            "meeting_id": meeting_id, "item_id": item_id, "parent_id": parent_id or None,
            "position": (last or 0.0) + 1.0, "text": text.strip() or None, "moved_by": moved_by or None,
            "seconded_by": seconded_by or None, "adopts_meeting_id": adopts_meeting_id or None,
        })


def update_proposal(store: Store, proposal_id: str, **values: Any) -> set[str]:
    """Change the text, the mover, the seconder or the minutes it adopts (drafts only)."""
    allowed = {"text", "moved_by", "seconded_by", "adopts_meeting_id"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"unknown proposal fields {sorted(unknown)}")
    with store.write():
        row = _editable_proposal(store, proposal_id)
        clean = {k: (v.strip() if k == "text" and isinstance(v, str) else v) or None for k, v in values.items()}
        merged = {**row, **clean}
        if "moved_by" in clean or "seconded_by" in clean:
            _check_people(store, row["meeting_id"], merged["moved_by"], merged["seconded_by"])
        if merged["outcome"] in COUNTED and not (merged["moved_by"] and merged["seconded_by"]):
            raise ValidationError(_("Une proposition votée garde la personne qui propose et celle qui appuie."))
        if "adopts_meeting_id" in clean and clean["adopts_meeting_id"] != row["adopts_meeting_id"]:
            if row["outcome"] in ADOPTED and row["adopts_meeting_id"]:
                raise ValidationError(_("Cette proposition a déjà adopté un procès-verbal : changez d'abord son "
                                        "résultat."), "adopts_meeting_id")
            if clean["adopts_meeting_id"]:
                _check_adopts(store, row["meeting_id"], clean["adopts_meeting_id"], proposal_id)
        return rows.update(store, "proposals", proposal_id, clean)


def _count(value: Any, label: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise ValidationError(_("Le nombre de votes « {label} » doit être un entier positif ou nul.").format(
            label=label), "votes")
    return number


def set_outcome(
    store: Store,
    proposal_id: str,
    outcome: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
) -> None:
    """Record the result of the vote ("" puts the proposal back to « vote à venir »)."""
    if outcome and outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome}")
    counts = [_count(votes_for, _("pour")), _count(votes_against, _("contre")), _count(abstentions, _("abstentions"))]
    if outcome not in COUNTED:
        counts = [None, None, None]
    pour, contre, abst = counts
    with store.write():
        row = _editable_proposal(store, proposal_id)
        meeting_id = row["meeting_id"]
        if outcome and outcome != "consensus":
            if not row["moved_by"]:
                raise ValidationError(_("Indiquez qui propose avant d'inscrire le résultat."), "moved_by")
            if outcome in COUNTED and not row["seconded_by"]:
                raise ValidationError(_("Indiquez qui appuie la proposition avant de la mettre aux voix."),
                                      "seconded_by")
        if outcome:
            pending = store.db.execute(
                "SELECT count(*) FROM proposals WHERE parent_id = ? AND archived = 0 AND coalesce(outcome, '') = ''",
                [proposal_id],
            ).fetchone()[0]
            if pending:
                raise ValidationError(_("Disposez d'abord de l'amendement en cours : il se vote avant la proposition "
                                        "qu'il amende."))
        total = sum(c for c in counts if c is not None)
        voters = attendance.voters_present(store, meeting_id)
        if total > voters:
            raise ValidationError(_("Le total des votes ({total}) dépasse le nombre de personnes votantes présentes "
                                    "({n}).").format(total=format_number(total), n=format_number(voters)), "votes")
        if outcome == "unanimous" and contre:
            raise ValidationError(_("Une proposition adoptée à l'unanimité n'a aucun vote contre."), "votes")
        if outcome == "majority" and pour is not None and contre is not None and pour <= contre:
            raise ValidationError(
                _("Avec {p} pour et {c} contre, la proposition n'est pas adoptée à la majorité.").format(
                    p=pour, c=contre), "votes")
        if outcome == "rejected" and pour is not None and contre is not None and pour > contre:
            raise ValidationError(_("Avec {p} pour et {c} contre, la proposition est adoptée : elle ne peut pas être "
                                    "inscrite comme rejetée.").format(p=pour, c=contre), "votes")
        _adopt_or_release(store, row, outcome)
        rows.update(store, "proposals", proposal_id, {
            "outcome": outcome or None, "votes_for": pour, "votes_against": contre, "abstentions": abst})


def _adopt_or_release(store: Store, row: dict[str, Any], outcome: str) -> None:
    target_id = row["adopts_meeting_id"]
    if not target_id:
        return
    target = rows.get(store, "meetings", target_id)
    if target is None:
        return
    if outcome in ADOPTED:
        if target.get("adopted_by") == row["id"]:
            return
        _check_adopts(store, row["meeting_id"], target_id, row["id"])
        attendance.freeze(store, target_id)
        here = meeting_row(store, row["meeting_id"])
        rows.update(store, "meetings", target_id, {"adopted_by": row["id"], "adopted_on": here["date"]})
    elif target.get("adopted_by") == row["id"]:
        errata = store.db.execute(
            "SELECT count(*) FROM minutes_errata WHERE meeting_id = ? AND archived = 0", [target_id]).fetchone()[0]
        if errata:
            raise ValidationError(_("Le procès-verbal adopté par cette proposition a déjà des errata : son adoption "
                                    "ne peut plus être annulée."))
        rows.update(store, "meetings", target_id,
                    {"adopted_by": None, "adopted_on": None, "quorum_required": None, "quorum_basis": None})


def remove_proposal(store: Store, proposal_id: str) -> None:
    """Take a proposal out of the minutes (drafts only; not while it has amendments or adopted minutes)."""
    with store.write():
        row = _editable_proposal(store, proposal_id)
        children = store.db.execute(
            "SELECT count(*) FROM proposals WHERE parent_id = ? AND archived = 0", [proposal_id]).fetchone()[0]
        if children:
            raise ValidationError(_("Cette proposition a des amendements : retirez-les d'abord."))
        target = rows.get(store, "meetings", row["adopts_meeting_id"]) if row["adopts_meeting_id"] else None
        if target and target.get("adopted_by") == proposal_id:
            raise ValidationError(_("Cette proposition a adopté un procès-verbal : changez d'abord son résultat."))
        rows.archive(store, "proposals", proposal_id)
