"""Who holds what: a person holds a responsibility for a period or for one activity occurrence.

Several people may share a responsibility. A mandate occupies one seat for a term, records how
the person got it (élu·e à l'AGA, coopté·e par le CA…) and always has an end date; two terms
never overlap on one seat. Every check happens before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta

from ...i18n import N_, _, format_date, join_list
from .. import rows
from ..errors import ErasedRow, NotFound, ValidationError
from ..people import ROLES, PersonRef, removed_person
from ..store import Store
from .availability import asked_not_to_be_proposed, period_text, unavailabilities
from .catalogue import Responsibility, get_responsibility
from .directory import people_index, person_info
from .periods import overlapping

TABLE = "assignments"
FAR_FUTURE = "9999-12-31"

ORIGINS: dict[str, str] = {
    "elected": N_("Élu·e à l'AGA"),
    "coopted": N_("Coopté·e par le CA"),
    "appointed": N_("Désigné·e"),
    "volunteered": N_("S'est proposé·e"),
}


def origin_text(origin: str, origin_on: dt.date | None) -> str:
    """« Élu·e à l'AGA du 12 juin 2025 », « Coopté·e par le CA le 3 mars 2026 »…"""
    when = format_date(origin_on, "long") if origin_on else ""
    if origin == "elected":
        return _("Élu·e à l'AGA du {date}").format(date=when) if when else _(ORIGINS[origin])
    if origin == "coopted":
        return _("Coopté·e par le CA le {date}").format(date=when) if when else _(ORIGINS[origin])
    if origin == "appointed":
        return _("Désigné·e le {date}").format(date=when) if when else _(ORIGINS[origin])
    if origin in ORIGINS:
        return _(ORIGINS[origin])
    return ""


def default_end(start: dt.date, term_months: int) -> dt.date:
    """The last day of a term that starts on ``start`` (12 months from June 12 → June 11)."""
    return start + relativedelta(months=term_months) - dt.timedelta(days=1)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Draft:
    """What a form or a script asks for; ``end_on`` None means no end (or the term's end for mandates)."""

    responsibility_id: str
    person_id: str
    start_on: dt.date | None
    end_on: dt.date | None = None
    occurrence_key: str = ""
    seat: int | None = None
    origin: str = ""
    origin_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class Assignment:
    id: str
    responsibility_id: str
    title: str
    kind: str
    person_id: str
    person_name: str
    start_on: dt.date
    end_on: dt.date | None
    occurrence_key: str = ""
    seat: int | None = None
    origin: str = ""
    origin_on: dt.date | None = None
    note: str = ""
    person_archived: bool = False
    person_removed: bool = False

    def covers(self, day: dt.date) -> bool:
        return self.start_on <= day and (self.end_on is None or self.end_on >= day)

    def period_text(self) -> str:
        """« le 3 mars 2026 », « du 3 mars 2026 au 2 mars 2027 », « depuis le 3 mars 2026 »."""
        return period_text(self.start_on, self.end_on)

    @property
    def origin_label(self) -> str:
        return origin_text(self.origin, self.origin_on)


COLUMNS = ("id", "responsibility_id", "person_id", "start_on", "end_on", "occurrence_key", "seat", "origin",
           "origin_on", "note")


def _build(raw: tuple, titles: dict[str, tuple[str, str]], people: dict[str, PersonRef]) -> Assignment:
    row = dict(zip(COLUMNS, raw, strict=True))
    title, kind = titles.get(row["responsibility_id"], ("", ""))
    person = people.get(row["person_id"]) or removed_person(row["person_id"])
    return Assignment(
        id=row["id"], responsibility_id=row["responsibility_id"], title=title, kind=kind,
        person_id=row["person_id"], person_name=person.name,
        start_on=dt.date.fromisoformat(row["start_on"]), end_on=_date(row["end_on"]),
        occurrence_key=row["occurrence_key"] or "", seat=row["seat"], origin=row["origin"] or "",
        origin_on=_date(row["origin_on"]), note=row["note"] or "",
        person_archived=person.archived, person_removed=person.removed,
    )


def find(
    store: Store,
    *,
    responsibility_id: str | None = None,
    person_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[Assignment]:
    """Assignments (not archived) overlapping [start, end], most recent first."""
    where, args = overlapping(start, end, responsibility_id=responsibility_id or None, person_id=person_id or None)
    sql = f"SELECT {', '.join(COLUMNS)} FROM {TABLE} WHERE {where} ORDER BY start_on DESC, seat, id"
    found = store.db.execute(sql, args).fetchall()
    titles = {
        rid: (title or "", kind or "")
        for rid, title, kind in store.db.execute("SELECT id, title, kind FROM responsibilities").fetchall()
    }
    people = people_index(store, {r[2] for r in found})
    return [_build(r, titles, people) for r in found]


def get_assignment(store: Store, assignment_id: str) -> Assignment:
    row = rows.get(store, TABLE, assignment_id)
    if row is None or row.get("archived"):
        raise NotFound(_("Cette attribution n'existe pas ou plus (elle a peut-être été retirée sur un autre poste)."))
    resp = rows.get(store, "responsibilities", row["responsibility_id"]) or {}
    raw = tuple(row[c] for c in COLUMNS)
    return _build(raw, {row["responsibility_id"]: (resp.get("title") or "", resp.get("kind") or "")},
                  people_index(store, [row["person_id"]]))


# -- checks ---------------------------------------------------------------------------------------


def _person_for(store: Store, person_id: str, *, changed: bool) -> PersonRef:
    if not person_id:
        raise ValidationError(_("Choisissez la personne à qui confier cette responsabilité."), "person")
    info = person_info(store, person_id)
    if info is None:
        if rows.is_erased(store, "people", person_id):
            raise ErasedRow(_("Cette personne a été retirée du registre : on ne peut plus lui confier de responsabilité."))
        raise NotFound(_("Cette personne n'est pas dans le registre (elle a peut-être été effacée sur un autre poste)."))
    if changed and info.archived:
        raise ValidationError(
            _("{name} est archivé·e dans le registre : restaurez sa fiche dans la section Membres avant de lui "
              "confier une responsabilité.").format(name=info.name),
            "person",
        )
    return info


def _overlapping(store: Store, draft: Draft, end: dt.date | None, exclude_id: str, *, seat: int | None = None,
                 person: bool = False) -> list[Assignment]:
    assert draft.start_on is not None
    where, found_args = overlapping(draft.start_on, end or dt.date.fromisoformat(FAR_FUTURE),
                                    responsibility_id=draft.responsibility_id)
    sql = f"SELECT {', '.join(COLUMNS)} FROM {TABLE} WHERE {where} AND id != ?"
    args: list[object] = [*found_args, exclude_id]
    if seat is not None:
        sql += " AND seat = ?"
        args.append(seat)
    if person:
        sql += " AND person_id = ?"
        args.append(draft.person_id)
    found = store.db.execute(sql + " ORDER BY start_on", args).fetchall()
    people = people_index(store, {r[2] for r in found})
    return [_build(r, {}, people) for r in found]


def _check(store: Store, draft: Draft, exclude_id: str = "", current: Assignment | None = None) -> tuple[Responsibility, Draft]:
    """The responsibility and the completed draft (end of term, free seat), or a French error."""
    resp = get_responsibility(store, draft.responsibility_id)
    if resp.archived and current is None:
        raise ValidationError(_("« {title} » est archivée : restaurez-la avant de la confier.").format(title=resp.title))
    person_changed = current is None or current.person_id != draft.person_id
    person = _person_for(store, draft.person_id, changed=person_changed)
    if draft.start_on is None:
        raise ValidationError(_("Indiquez la date de début."), "start_on")
    end = draft.end_on
    if draft.occurrence_key:
        end = draft.start_on
    elif resp.is_mandate and end is None:
        end = default_end(draft.start_on, resp.term_months)
    if end is not None and end < draft.start_on:
        raise ValidationError(
            _("La date de fin ({end}) est avant la date de début ({start}) : corrigez l'une ou l'autre.").format(
                end=format_date(end, "long"), start=format_date(draft.start_on, "long")),
            "end_on",
        )
    if person_changed and not resp.may_hold(person.roles):
        roles = join_list(_(ROLES.get(r, r)) for r in resp.eligible_roles)
        raise ValidationError(
            _("« {title} » est réservé aux personnes qui ont le rôle : {roles}. {name} n'a pas ce rôle dans le "
              "registre.").format(title=resp.title, roles=roles, name=person.name),
            "person",
        )
    same_person = _overlapping(store, replace(draft, end_on=end), end, exclude_id, person=True)
    if same_person:
        other = same_person[0]
        raise ValidationError(
            _("{name} tient déjà « {title} » {period} : les deux périodes se chevauchent.").format(
                name=person.name, title=resp.title, period=other.period_text()),
            "start_on",
        )
    seat = None
    origin = draft.origin
    if resp.is_mandate:
        if origin not in ORIGINS:
            raise ValidationError(
                _("Indiquez comment la personne a obtenu ce mandat (élu·e à l'AGA, coopté·e par le CA…)."), "origin")
        seat = _seat_for(store, resp, replace(draft, end_on=end), end, exclude_id)
    elif origin and origin not in ORIGINS:
        origin = ""
    return resp, replace(draft, end_on=end, seat=seat, origin=origin, note=draft.note.strip())


def _seat_for(store: Store, resp: Responsibility, draft: Draft, end: dt.date | None, exclude_id: str) -> int:
    if draft.seat is not None:
        if not 1 <= draft.seat <= resp.seats:
            raise ValidationError(
                _("« {title} » a {n} siège(s) : choisissez un siège entre 1 et {n}.").format(title=resp.title, n=resp.seats),
                "seat",
            )
        taken = _overlapping(store, draft, end, exclude_id, seat=draft.seat)
        if taken:
            other = taken[0]
            raise ValidationError(
                _("Le siège {seat} de « {title} » est déjà occupé par {name} {period} : deux mandats ne peuvent pas "
                  "se chevaucher sur un même siège. Terminez d'abord ce mandat, ou choisissez d'autres dates.").format(
                    seat=draft.seat, title=resp.title, name=other.person_name, period=other.period_text()),
                "seat",
            )
        return draft.seat
    for seat in range(1, resp.seats + 1):
        if not _overlapping(store, draft, end, exclude_id, seat=seat):
            return seat
    raise ValidationError(
        _("Les sièges de « {title} » ({n}) sont tous occupés pendant cette période. Terminez d'abord un mandat, "
          "ou choisissez d'autres dates.").format(title=resp.title, n=resp.seats),
        "seat",
    )


def _values(draft: Draft, roles: tuple[str, ...]) -> dict[str, object]:
    return {
        "responsibility_id": draft.responsibility_id,
        "person_id": draft.person_id,
        "start_on": draft.start_on,
        "end_on": draft.end_on,
        "occurrence_key": draft.occurrence_key or None,
        "seat": draft.seat,
        "origin": draft.origin or None,
        "origin_on": draft.origin_on,
        "note": draft.note or None,
        "holder_roles": json.dumps(list(roles)),
    }


def occurrence_assignment_id(responsibility_id: str, person_id: str, occurrence_key: str) -> str:
    """One person holds a responsibility once per occurrence: the same id on every machine."""
    return rows.deterministic_id(TABLE, responsibility_id, person_id, occurrence_key)


# -- writing --------------------------------------------------------------------------------------


def assign(store: Store, draft: Draft) -> str:
    """Record that a person holds a responsibility; returns the new assignment's id."""
    with store.write():
        _resp, done = _check(store, draft)
        info = person_info(store, done.person_id)
        row_id = None
        if done.occurrence_key:
            row_id = occurrence_assignment_id(done.responsibility_id, done.person_id, done.occurrence_key)
            existing = rows.get(store, TABLE, row_id)
            if existing is not None:
                if not existing.get("archived"):
                    raise ValidationError(_("{name} est déjà inscrit·e pour cette activité.").format(
                        name=info.name if info else ""), "person")
                rows.update(store, TABLE, row_id, {**_values(done, info.roles if info else ()), "archived": 0})
                return row_id
        return rows.insert(store, TABLE, _values(done, info.roles if info else ()), row_id=row_id)


def update_assignment(store: Store, assignment_id: str, draft: Draft) -> None:
    """Change an assignment (dates, seat, origin, note, even the person), with the same checks."""
    with store.write():
        current = get_assignment(store, assignment_id)
        _resp, done = _check(store, draft, exclude_id=assignment_id, current=current)
        values = _values(done, ())
        if done.person_id == current.person_id:
            values.pop("holder_roles")
        else:
            info = person_info(store, done.person_id)
            values["holder_roles"] = json.dumps(list(info.roles if info else ()))
        rows.update(store, TABLE, assignment_id, values)


def end_assignment(store: Store, assignment_id: str, end_on: dt.date, note: str = "") -> None:
    """End a term or a role early (resignation, move) on ``end_on``; the history keeps it."""
    with store.write():
        current = get_assignment(store, assignment_id)
        draft = Draft(current.responsibility_id, current.person_id, current.start_on, end_on, current.occurrence_key,
                      current.seat, current.origin, current.origin_on, note.strip() or current.note)
        update_assignment(store, assignment_id, draft)


def remove_assignment(store: Store, assignment_id: str) -> None:
    """Withdraw an assignment entered by mistake (archived: it no longer counts anywhere)."""
    get_assignment(store, assignment_id)
    rows.archive(store, TABLE, assignment_id)


# -- for forms ------------------------------------------------------------------------------------


def holders(store: Store, start: dt.date, end: dt.date) -> dict[str, list[Assignment]]:
    """Responsibility id → assignments overlapping [start, end], by name."""
    found: dict[str, list[Assignment]] = {}
    for a in sorted(find(store, start=start, end=end), key=lambda a: (a.person_name.casefold(), a.start_on)):
        found.setdefault(a.responsibility_id, []).append(a)
    return found


def warnings(store: Store, draft: Draft) -> list[str]:
    """Things to know before confirming (not errors): the person is away then, or asked not to be proposed."""

    if not draft.person_id or draft.start_on is None:
        return []
    info = person_info(store, draft.person_id)
    if info is None:
        return []
    end = draft.start_on if draft.occurrence_key else (draft.end_on or draft.start_on)
    found = [
        _("{name} a indiqué être absent·e {period}{note}.").format(
            name=info.name, period=u.period_text(), note=f" ({u.note})" if u.note else "")
        for u in unavailabilities(store, draft.person_id, start=draft.start_on, end=max(end, draft.start_on))
    ]
    if asked_not_to_be_proposed(store, draft.person_id, draft.responsibility_id):
        found.append(_("{name} a demandé à ne pas être proposé·e pour cette tâche.").format(name=info.name))
    return found
