"""Rotation help: who could take a task next, and who has never held a responsibility yet.

The order (documented on screen and in docs/responsibilities.md), for a task on a date:

1. fewest times holding this task in the twelve months before the date (bookings after it count too);
2. then the oldest last time (never held comes first);
3. then fewest responsibilities of any kind over the same twelve months (spreads the load);
4. then the name in alphabetical order, accent-blind, then the record id: ties are always
   decided the same way, on every machine.

Left out: archived or inactive people, people not allowed to hold it, people unavailable on
those dates, people who asked not to be proposed, and those already holding it then. It is
only a suggestion: the secretary confirms (and may choose someone else).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import N_, _, format_date, ngettext
from ..people import PersonRef
from ..store import Store
from .availability import EVERY_TASK, do_not_propose, unavailable_people
from .catalogue import Responsibility, get_responsibility
from .directory import people_index
from .periods import overlapping

WINDOW = dt.timedelta(days=365)

RULE = N_(
    "Entraide propose d'abord les personnes qui ont tenu cette tâche le moins souvent depuis un an, puis celles "
    "qui l'ont tenue il y a le plus longtemps (les personnes qui ne l'ont jamais tenue passent en premier), puis "
    "celles qui ont le moins d'autres responsabilités. À égalité, l'ordre alphabétique du nom décide : la "
    "proposition est toujours la même. Sont laissées de côté les personnes absentes à cette date, archivées ou "
    "inactives, celles qui ont demandé à ne pas être proposées et celles qui n'ont pas le rôle requis. "
    "Ce n'est qu'une proposition : c'est vous qui confirmez."
)


@dataclass(frozen=True)
class Suggestion:
    person_id: str
    name: str
    groups: tuple[str, ...]
    times_recent: int  # times holding this responsibility since one year before the date (later bookings too)
    times_total: int
    last_held: dt.date | None
    load: int  # responsibilities of any kind since one year before the date
    on: dt.date

    def reason(self) -> str:
        """Why this person comes here, in plain words."""
        if self.last_held is None:
            held = _("N'a jamais tenu cette tâche.")
        elif self.last_held > self.on:
            held = _("Déjà inscrit·e le {date}.").format(date=format_date(self.last_held, "long"))
        elif self.times_recent == 0:
            held = _("Ne l'a pas tenue depuis le {date}.").format(date=format_date(self.last_held, "long"))
        else:
            held = ngettext(
                "L'a tenue {n} fois depuis un an, la dernière fois le {date}.",
                "L'a tenue {n} fois depuis un an, la dernière fois le {date}.",
                self.times_recent,
            ).format(n=self.times_recent, date=format_date(self.last_held, "long"))
        if self.load == 0:
            load = _("Aucune responsabilité depuis un an.")
        else:
            load = ngettext("{n} responsabilité en tout depuis un an.", "{n} responsabilités en tout depuis un an.",
                            self.load).format(n=self.load)
        return f"{held} {load}"


@dataclass(frozen=True)
class RotationResult:
    responsibility: Responsibility
    start: dt.date
    end: dt.date
    suggestions: list[Suggestion]
    unavailable: int = 0
    asked_not_to_be_proposed: int = 0
    already_holding: int = 0
    not_allowed: int = 0

    @property
    def first(self) -> Suggestion | None:
        return self.suggestions[0] if self.suggestions else None

    def left_out_text(self) -> str:
        """« Laissées de côté : 2 personnes absentes, 1 qui a demandé à ne pas être proposée. »"""
        parts = []
        if self.unavailable:
            parts.append(ngettext("{n} personne absente à cette date", "{n} personnes absentes à cette date",
                                  self.unavailable).format(n=self.unavailable))
        if self.asked_not_to_be_proposed:
            parts.append(ngettext("{n} personne qui a demandé à ne pas être proposée",
                                  "{n} personnes qui ont demandé à ne pas être proposées",
                                  self.asked_not_to_be_proposed).format(n=self.asked_not_to_be_proposed))
        if self.already_holding:
            parts.append(ngettext("{n} personne déjà inscrite", "{n} personnes déjà inscrites",
                                  self.already_holding).format(n=self.already_holding))
        if not parts:
            return ""
        return _("Laissées de côté : {list}.").format(list=", ".join(parts))


def _history(store: Store, responsibility_id: str, since: dt.date) -> dict[str, tuple[int, int, dt.date]]:
    cursor = store.db.execute(
        """SELECT person_id, sum(start_on >= ?), count(*), max(start_on) FROM assignments
           WHERE responsibility_id = ? AND archived = 0 GROUP BY person_id""",
        [since.isoformat(), responsibility_id],
    )
    return {pid: (int(recent or 0), total, dt.date.fromisoformat(last)) for pid, recent, total, last in cursor.fetchall()}


def _load(store: Store, since: dt.date) -> dict[str, int]:
    cursor = store.db.execute(
        "SELECT person_id, count(*) FROM assignments WHERE archived = 0 AND start_on >= ? GROUP BY person_id",
        [since.isoformat()],
    )
    return dict(cursor.fetchall())


def _holding(store: Store, responsibility_id: str, start: dt.date, end: dt.date) -> set[str]:
    where, args = overlapping(start, end, responsibility_id=responsibility_id)
    cursor = store.db.execute(f"SELECT DISTINCT person_id FROM assignments WHERE {where}", args)
    return {r[0] for r in cursor.fetchall()}


def suggest(store: Store, responsibility_id: str, start: dt.date, end: dt.date | None = None,
            limit: int = 5) -> RotationResult:
    """The people to propose for ``responsibility_id`` on [start, end], best first (see the module doc)."""
    end = end or start
    resp = get_responsibility(store, responsibility_id)
    since = start - WINDOW
    history = _history(store, responsibility_id, since)
    load = _load(store, since)
    away = unavailable_people(store, start, end)
    refusals = do_not_propose(store)
    holding = _holding(store, responsibility_id, start, end)
    counts = {"unavailable": 0, "asked": 0, "holding": 0, "not_allowed": 0}
    candidates: list[tuple[tuple, PersonRef]] = []
    for person in people_index(store).values():
        if person.archived or not person.active:
            continue
        if not resp.may_hold(person.roles):
            counts["not_allowed"] += 1
            continue
        if person.id in holding:
            counts["holding"] += 1
            continue
        if person.id in away:
            counts["unavailable"] += 1
            continue
        scopes = refusals.get(person.id, ())
        if EVERY_TASK in scopes or responsibility_id in scopes:
            counts["asked"] += 1
            continue
        recent, _total, last = history.get(person.id, (0, 0, dt.date.min))
        candidates.append(((recent, last, load.get(person.id, 0), person.sort_key, person.id), person))
    candidates.sort(key=lambda c: c[0])
    suggestions = []
    for key, person in candidates[:limit]:
        recent, total, last = history.get(person.id, (0, 0, None))
        suggestions.append(Suggestion(person.id, person.name, person.groups, recent, total, last, key[2], start))
    return RotationResult(resp, start, end, suggestions, counts["unavailable"], counts["asked"], counts["holding"],
                          counts["not_allowed"])


def never_held(store: Store) -> list[PersonRef]:
    """Active people of the register who have never held any responsibility, by name."""
    held = {r[0] for r in store.db.execute("SELECT DISTINCT person_id FROM assignments WHERE archived = 0").fetchall()}
    people = [p for p in people_index(store).values() if not p.archived and p.active and p.id not in held]
    return sorted(people, key=lambda p: (p.sort_key, p.id))
