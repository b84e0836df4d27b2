"""When a person is unavailable, and who asked not to be proposed (« ne pas me proposer »).

People choose their own rhythm and limits: an absence or a pause is recorded for a period, and
a person may ask not to be proposed for any task, or for one task. The rotation skips them;
the secretary can still assign them directly (the form warns first).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import _, format_date
from .. import rows
from ..errors import ErasedRow, NotFound, ValidationError
from ..store import Store
from .directory import person_info
from .periods import overlapping

TABLE = "unavailabilities"
PREFERENCES = "rotation_preferences"
EVERY_TASK = ""


@dataclass(frozen=True)
class Unavailability:
    id: str
    person_id: str
    start_on: dt.date
    end_on: dt.date
    note: str = ""

    def covers(self, start: dt.date, end: dt.date | None = None) -> bool:
        """True when the absence overlaps [start, end] (a single day when ``end`` is None)."""
        end = end or start
        return self.start_on <= end and self.end_on >= start

    def period_text(self) -> str:
        return period_text(self.start_on, self.end_on)


def period_text(start: dt.date, end: dt.date | None) -> str:
    """« le 3 mars 2026 », « du 3 mars 2026 au 2 mars 2027 », « depuis le 3 mars 2026 » (no end)."""
    first = format_date(start, "long")
    if end == start:
        return _("le {date}").format(date=first)
    if end is None:
        return _("depuis le {date}").format(date=first)
    return _("du {start} au {end}").format(start=first, end=format_date(end, "long"))


def _require_person(store: Store, person_id: str) -> None:
    if person_info(store, person_id) is None:
        if rows.is_erased(store, "people", person_id):
            raise ErasedRow(_("Cette personne a été retirée du registre."))
        raise NotFound(_("Cette personne n'est pas dans le registre."))


def add_unavailability(store: Store, person_id: str, start_on: dt.date | None, end_on: dt.date | None,
                       note: str = "") -> str:
    """Record that a person is unavailable from ``start_on`` to ``end_on`` (inclusive)."""
    if start_on is None:
        raise ValidationError(_("Indiquez le premier jour de l'absence."), "start_on")
    end_on = end_on or start_on
    if end_on < start_on:
        raise ValidationError(
            _("La date de fin ({end}) est avant la date de début ({start}) : corrigez l'une ou l'autre.").format(
                end=format_date(end_on, "long"), start=format_date(start_on, "long")),
            "end_on",
        )
    with store.write():
        _require_person(store, person_id)
        return rows.insert(store, TABLE, {"person_id": person_id, "start_on": start_on, "end_on": end_on,
                                          "note": note.strip() or None})


def remove_unavailability(store: Store, unavailability_id: str) -> None:
    rows.archive(store, TABLE, unavailability_id)


def unavailabilities(store: Store, person_id: str | None = None, *, start: dt.date | None = None,
                     end: dt.date | None = None) -> list[Unavailability]:
    """Absences (not archived) of one person or everyone, overlapping [start, end], latest first."""
    where, args = overlapping(start, end, person_id=person_id or None)
    cursor = store.db.execute(
        f"SELECT id, person_id, start_on, end_on, note FROM {TABLE} WHERE {where} "
        "ORDER BY start_on DESC, id",
        args,
    )
    return [
        Unavailability(rid, pid, dt.date.fromisoformat(s), dt.date.fromisoformat(e), note or "")
        for rid, pid, s, e, note in cursor.fetchall()
    ]


def unavailable_people(store: Store, start: dt.date, end: dt.date | None = None) -> set[str]:
    """Ids of people with an absence overlapping [start, end]."""
    return {u.person_id for u in unavailabilities(store, start=start, end=end or start)}


def preference_id(person_id: str, responsibility_id: str = EVERY_TASK) -> str:
    return rows.deterministic_id(PREFERENCES, person_id, responsibility_id or "*")


def set_do_not_propose(store: Store, person_id: str, value: bool, responsibility_id: str = EVERY_TASK,
                       note: str = "") -> None:
    """« Ne pas me proposer » for every task (default) or for one; False lifts it."""
    with store.write():
        _require_person(store, person_id)
        values: dict[str, object] = {"person_id": person_id, "responsibility_id": responsibility_id,
                                     "do_not_propose": int(value)}
        if note:
            values["note"] = note.strip()
        rows.upsert(store, PREFERENCES, preference_id(person_id, responsibility_id), values)


def do_not_propose(store: Store) -> dict[str, set[str]]:
    """Person id → the responsibilities they asked not to be proposed for ("" = every task)."""
    found: dict[str, set[str]] = {}
    cursor = store.db.execute(
        f"SELECT person_id, responsibility_id FROM {PREFERENCES} WHERE archived = 0 AND do_not_propose = 1")
    for pid, rid in cursor.fetchall():
        found.setdefault(pid, set()).add(rid or EVERY_TASK)
    return found


def asked_not_to_be_proposed(store: Store, person_id: str, responsibility_id: str = EVERY_TASK) -> bool:
    scopes = do_not_propose(store).get(person_id, set())
    return EVERY_TASK in scopes or (bool(responsibility_id) and responsibility_id in scopes)
