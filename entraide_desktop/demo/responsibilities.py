"""Demo responsibilities: the starting catalogue and years of history (tasks, roles, elected seats).

Each year, every task has a small team drawn from the people present (some people are much more
involved than others, as in real groups; staff open the room more often than they make coffee);
the team takes turns. The room closes over the holidays and two summer weeks. Board seats are
elected at the AGA (second Thursday of June) for two years, staggered, with a vacancy filled by
co-optation and one seat vacant now; officers are named by the board two weeks after the AGA.
This week has no one at the cash desk, and one mandate ends in about 45 days (home reminders).
Deterministic from ``ctx.rng``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..data import calendar, rows
from ..data.people import parse_roles
from ..data.responsibilities.assignments import default_end
from ..data.responsibilities.availability import preference_id
from ..data.responsibilities.catalogue import install_starting_catalogue, starting_id
from ..data.text import fold
from . import DemoContext

ONE_DAY = dt.timedelta(days=1)

# task code -> weekdays it happens (0 = Monday), in a small group and in a big one
SMALL_WEEK = {"open_room": (1, 2, 3), "coffee": (1, 2, 3), "discussion_group": (2,)}
BIG_WEEK = {"open_room": (0, 1, 2, 3, 4), "coffee": (0, 1, 2, 3, 4), "discussion_group": (1, 3)}
STAFF_WEIGHT = {"open_room": 5.0, "coffee": 1.0, "discussion_group": 3.0, "cash": 3.0, "welcome": 4.0,
                "collective_kitchen": 1.0, "coalition_delegate": 6.0}
ABSENCE_NOTES = ("Vacances", "Voyage", "Pause", "Déménagement", "Retour aux études", "Garde des petits-enfants")


@dataclass
class _Person:
    id: str
    roles: tuple[str, ...]
    since: dt.date
    active: bool
    weight: float


def _people(ctx: DemoContext) -> list[_Person]:
    """Everyone not archived, in the order entered, each with how involved they are."""
    found = []
    for row in (rows.get(ctx.store, "people", pid) for pid in ctx.extra.get("person_ids", [])):
        if row and not row["archived"]:
            since = dt.date.fromisoformat(row["member_since"]) if row["member_since"] else ctx.start
            found.append(_Person(row["id"], parse_roles(row["roles"]), since, (row["status"] or "actif") == "actif",
                                 ctx.rng.paretovariate(1.8)))
    return found


def _closed(day: dt.date) -> bool:
    """Holidays (Dec 22 – Jan 5) and the construction holiday weeks (last two full weeks of July)."""
    return (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 5) or (day.month == 7 and day.day >= 18)


def _weight(person: _Person, code: str) -> float:
    """How likely a person takes this task: their involvement, more for staff on some tasks, less if inactive."""
    weight = person.weight * (STAFF_WEIGHT.get(code, 1.0) if "intervenant" in person.roles else 1.0)
    return weight * (0.3 if not person.active else 1.0)


def _pick(ctx: DemoContext, team: list[_Person], code: str) -> _Person:
    return ctx.rng.choices(team, weights=[_weight(p, code) for p in team])[0]


def _team(ctx: DemoContext, pool: list[_Person], code: str, size: int) -> list[_Person]:
    """A weighted draw without replacement: involved people and, for some tasks, staff more often."""
    rng = ctx.rng
    weights = {p.id: _weight(p, code) for p in pool}
    chosen: list[_Person] = []
    candidates = list(pool)
    while candidates and len(chosen) < size:
        pick = rng.choices(candidates, weights=[weights[p.id] for p in candidates])[0]
        chosen.append(pick)
        candidates.remove(pick)
    return chosen


def _row(resp: str, person: _Person, start: dt.date, end: dt.date | None, **extra: object) -> dict[str, object]:
    return {"responsibility_id": resp, "person_id": person.id, "start_on": start.isoformat(),
            "end_on": end.isoformat() if end else None, "holder_roles": json.dumps(list(person.roles)), **extra}


def _aga(year: int) -> dt.date:
    """Second Thursday of June."""
    first = dt.date(year, 6, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 7)


def _occurrence_keys(ctx: DemoContext, words: str) -> dict[dt.date, str]:
    """Calendar occurrences (when the calendar has some) whose title contains ``words``: date -> key."""

    start = dt.datetime.combine(ctx.today - dt.timedelta(days=90), dt.time())
    found = {}
    for occ in calendar.upcoming(ctx.store, start, days=120):
        if occ.key and not occ.cancelled and words in fold(occ.title):
            found.setdefault(occ.start.date(), occ.key)
    return found


def populate(ctx: DemoContext) -> None:
    ctx.progress("Responsabilités")
    install_starting_catalogue(ctx.store)
    people = _people(ctx)
    if not people:
        return
    batch: list[dict[str, object]] = []
    _tasks(ctx, people, batch)
    _standing_roles(ctx, people, batch)
    _mandates(ctx, people, batch)
    rows.insert_many(ctx.store, "assignments", batch)
    _availability(ctx, people)
    ctx.extra["responsibilities"] = {code: starting_id(code) for code in (
        "open_room", "coffee", "discussion_group", "collective_kitchen", "cash", "welcome", "members_committee",
        "coalition_delegate", "board_members_seat", "board_staff_seat", "presidency", "secretary", "treasurer")}


TEAM_TASKS = ("open_room", "coffee", "discussion_group", "cash", "welcome", "collective_kitchen")


@dataclass(frozen=True)
class _Plan:
    """How the weeks go: which tasks on which weekdays, up to which day, and where they meet the calendar."""

    week: dict[str, tuple[int, ...]]
    big: bool
    last: dt.date  # a couple of weeks are already planned
    this_week: dt.date  # this week's Sunday: no one at the cash desk yet
    discussion_keys: dict[dt.date, str]


def _tasks(ctx: DemoContext, people: list[_Person], batch: list[dict[str, object]]) -> None:
    big = ctx.scale.people >= 500
    plan = _Plan(BIG_WEEK if big else SMALL_WEEK, big, ctx.today + dt.timedelta(days=13),
                 ctx.today - dt.timedelta(days=(ctx.today.weekday() + 1) % 7), _occurrence_keys(ctx, "discussion"))
    for year in range(ctx.start.year, ctx.today.year + 1):
        pool = [p for p in people if p.since <= dt.date(year, 6, 30)]
        if not pool:
            continue
        sizes = (6, 12) if big else (3, 6)
        teams = {code: _team(ctx, pool, code, ctx.rng.randint(*sizes)) for code in TEAM_TASKS}
        day = max(dt.date(year, 1, 1), ctx.start)
        while day <= min(dt.date(year, 12, 31), plan.last):
            batch += ([] if _closed(day) else _open_day(ctx, day, teams, plan)) + _kitchen(ctx, day, teams)
            day += ONE_DAY


def _open_day(ctx: DemoContext, day: dt.date, teams: dict[str, list[_Person]], plan: _Plan) -> list[dict[str, object]]:
    """The day's shifts, the week at the cash desk (from Sunday) and, now and then, a volunteered welcome."""
    found = [_shift(ctx, day, teams[code], code, plan) for code, weekdays in plan.week.items() if day.weekday() in weekdays]
    if day.weekday() == 6 and day != plan.this_week and day + dt.timedelta(days=6) <= plan.last:
        found.append(_row(starting_id("cash"), _pick(ctx, teams["cash"], "cash"), day, day + dt.timedelta(days=6)))
    if ctx.rng.random() < (0.15 if plan.big else 0.06) and day <= ctx.today:
        found.append(_row(starting_id("welcome"), _pick(ctx, teams["welcome"], "welcome"), day, day, origin="volunteered"))
    return found


def _shift(ctx: DemoContext, day: dt.date, team: list[_Person], code: str, plan: _Plan) -> dict[str, object]:
    """One person on one day; a discussion shift is tied to the calendar's occurrence that day."""
    person = _pick(ctx, team, code)
    row = _row(starting_id(code), person, day, day)
    key = plan.discussion_keys.get(day, "") if code == "discussion_group" else ""
    if key:
        row.update(id=rows.deterministic_id("assignments", starting_id(code), person.id, key), occurrence_key=key)
    return row


def _kitchen(ctx: DemoContext, day: dt.date, teams: dict[str, list[_Person]]) -> list[dict[str, object]]:
    """The collective kitchen: three cooks on the third Thursday, except in July and December."""
    if day.weekday() != 3 or not 15 <= day.day <= 21 or day.month in (7, 12) or day > ctx.today:
        return []
    team = teams["collective_kitchen"]
    return [_row(starting_id("collective_kitchen"), person, day, day) for person in ctx.rng.sample(team, min(3, len(team)))]


def _standing_roles(ctx: DemoContext, people: list[_Person], batch: list[dict[str, object]]) -> None:
    """The members' committee and the coalition delegate, from September to August."""
    committee: list[_Person] = []
    for year in range(ctx.start.year - 1, ctx.today.year + 1):
        start, end = dt.date(year, 9, 1), dt.date(year + 1, 8, 31)
        if start > ctx.today:
            break
        committee = _committee(ctx, people, committee, start)
        batch += [_row(starting_id("members_committee"), person, max(start, ctx.start), end, origin="volunteered")
                  for person in committee]
        batch += _delegate(ctx, [p for p in people if p.since <= start], start, end)


def _committee(ctx: DemoContext, people: list[_Person], committee: list[_Person], start: dt.date) -> list[_Person]:
    """Most of last year's committee stays; members join up to four to six."""
    pool = [p for p in people if "membre" in p.roles and p.since <= start]
    kept = [p for p in committee if ctx.rng.random() < 0.6 and p in pool]
    wanted = ctx.rng.randint(4, 6) - len(kept)
    return kept + _team(ctx, [p for p in pool if p not in kept], "members_committee", wanted)


def _delegate(ctx: DemoContext, pool: list[_Person], start: dt.date, end: dt.date) -> list[dict[str, object]]:
    if not pool:
        return []
    delegate = _team(ctx, pool, "coalition_delegate", 1)[0]
    return [_appointed("coalition_delegate", delegate, max(start, ctx.start), end, origin_on=start.isoformat())]


SEAT_STAGGER = {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}  # board seat -> years after the first AGA of its first term
VACANT_SEAT = 5  # vacant now: to fill at the next AGA
COOPTED_SEAT = 4  # vacant at its first AGA, filled by co-optation a few months later
OFFICERS = ("presidency", "secretary", "treasurer")  # named by the board among its members

Term = tuple[dt.date, dt.date, _Person]


def _appointed(code: str, person: _Person, start: dt.date, end: dt.date, **extra: object) -> dict[str, object]:
    return _row(starting_id(code), person, start, end, **{"origin": "appointed", "origin_on": start.isoformat(), **extra})


def _mandates(ctx: DemoContext, people: list[_Person], batch: list[dict[str, object]]) -> None:
    terms = _board_seats(ctx, people, batch)
    _officers(ctx, terms, batch)
    _staff_seat(ctx, [p for p in people if "intervenant" in p.roles], batch)


def _candidates(people: list[_Person], start: dt.date, end: dt.date, terms: list[Term]) -> list[_Person]:
    """Who could hold a seat from ``start`` to ``end``: a member by then, holding no other seat."""
    busy = {id(p) for s, e, p in terms if s <= end and e >= start}
    return [p for p in people if p.since <= start and id(p) not in busy]


def _board_seats(ctx: DemoContext, people: list[_Person], batch: list[dict[str, object]]) -> list[Term]:
    """Board seats elected at the AGA for two years, staggered; one person holds one seat at a time."""
    members = [p for p in people if "membre" in p.roles]
    admins = [p for p in members if "administrateur" in p.roles]
    terms: list[Term] = []
    first_year = ctx.start.year - 2
    for seat, stagger in SEAT_STAGGER.items():
        previous = None
        for year in range(first_year + stagger, ctx.today.year + 1, 2):
            start, end = _aga(year), _aga(year + 2) - ONE_DAY
            pool = _candidates(admins, start, end, terms) or _candidates(members, start, end, terms)
            if start > ctx.today or not pool:
                break
            person = previous if previous in pool and ctx.rng.random() < 0.5 else ctx.rng.choice(pool)
            row = _seat_row(ctx, seat, person, start, end, first_term=year == first_year + 1)
            previous = person if row else None
            if row:
                batch.append(row)
                terms.append((dt.date.fromisoformat(str(row["start_on"])), end, person))
    return terms


def _seat_row(ctx: DemoContext, seat: int, person: _Person, start: dt.date, end: dt.date, *,
              first_term: bool) -> dict[str, object] | None:
    if seat == VACANT_SEAT and start <= ctx.today <= end:
        return None
    origin = "elected"
    if seat == COOPTED_SEAT and first_term:
        start, origin = start + dt.timedelta(days=ctx.rng.randint(70, 120)), "coopted"
    return _row(starting_id("board_members_seat"), person, start, end, seat=seat, origin=origin,
                origin_on=start.isoformat())


def _officers(ctx: DemoContext, terms: list[Term], batch: list[dict[str, object]]) -> None:
    """Officers: named by the board among its members, two weeks after the AGA, for a year."""
    for year in range(ctx.start.year - 2, ctx.today.year + 1):
        start, end = _aga(year) + dt.timedelta(days=14), _aga(year + 1) + dt.timedelta(days=13)
        if start > ctx.today:
            break
        board = list({p.id: p for s, e, p in terms if s <= start <= e and "administrateur" in p.roles}.values())
        ctx.rng.shuffle(board)
        batch.extend(_appointed(code, person, start, end, seat=1) for code, person in zip(OFFICERS, board, strict=False))


def _staff_seat(ctx: DemoContext, staff: list[_Person], batch: list[dict[str, object]]) -> None:
    """The staff seat: designated by the team each year; the current term ends in about 45 days."""
    anniversary = ctx.today + dt.timedelta(days=45)
    for year in range(ctx.start.year - 2, ctx.today.year + 1):
        start = anniversary.replace(year=year, day=min(anniversary.day, 28)) + ONE_DAY
        if not staff or start > ctx.today:
            break
        pool = [p for p in staff if p.since <= start] or staff
        batch.append(_appointed("board_staff_seat", ctx.rng.choice(pool), start, default_end(start, 12), seat=1))


def _availability(ctx: DemoContext, people: list[_Person]) -> None:
    rng = ctx.rng
    absences, preferences = [], []
    active = [p for p in people if p.active]
    for person in active:
        if rng.random() < 0.07:
            start = ctx.today + dt.timedelta(days=rng.randint(-330, 40))
            absences.append({"person_id": person.id, "start_on": start.isoformat(),
                             "end_on": (start + dt.timedelta(days=rng.randint(6, 40))).isoformat(),
                             "note": rng.choice(ABSENCE_NOTES)})
    for person in rng.sample(active, min(len(active), max(1, len(active) // 30))):
        preferences.append({"id": preference_id(person.id), "person_id": person.id, "responsibility_id": "",
                            "do_not_propose": 1, "note": "À sa demande"})
    rows.insert_many(ctx.store, "unavailabilities", absences)
    rows.insert_many(ctx.store, "rotation_preferences", preferences)
