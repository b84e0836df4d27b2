"""Demo meetings: an AGA every June, the board about monthly, the members' committee, team meetings.

Minutes are written through the data layer like a secretary would: attendance, the usual agenda,
proposals moved and seconded by voters present, votes, follow-ups; each meeting's minutes are
adopted at the next meeting of the same type (the latest stay a draft), with an erratum now and then.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..data import meetings as mt
from ..data import people
from ..data.meetings import kinds
from ..i18n import format_date, format_time
from . import DemoContext
from . import meetings_text as text
from .names import FIRST_NAMES, LAST_NAMES

BOARD_SEATS = 7
ASSEMBLIES = ("aga", "age")
START_TIMES = {"aga": (13, 30), "age": (13, 30), "ca": (18, 30), "comite": (13, 30), "equipe": (9, 30)}
NOTICES = {  # type code -> (days of notice, the notice)
    "aga": (14, "Les membres sont convoqué·es à l'assemblée. Un goûter sera servi."),
    "age": (14, "Les membres sont convoqué·es à l'assemblée. Un goûter sera servi."),
    "ca": (7, "Convocation envoyée par courriel aux administrateur·trices."),
}
OUTCOME_ROLLS = ((0.25, "majority"), (0.31, "rejected"), (0.36, "postponed"), (1.0, "unanimous"))  # board votes


def _nth_weekday(year: int, month: int, weekday: int, n: int = 2) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


AGA_DAY = (6, 3, 2)  # (month, weekday, nth): the second Thursday of June
AGE_DAY = (11, 3, 3)  # an extraordinary assembly, the second year
OTHER_MEETINGS = tuple((month, 3, 4 if month == 6 else 2, "ca") for month in (1, 2, 3, 4, 5, 6, 9, 10, 11, 12)) + (
    (3, 1, 2, "comite"), (10, 1, 2, "comite"), (8, 0, 3, "equipe"))
"""(month, weekday, nth, type code): the board about monthly, the members' committee twice, the team once."""


def _schedule(ctx: DemoContext) -> list[tuple[dt.date, str]]:
    """Past meetings: every AGA (and one AGE), then a sample of the others up to the scale's count."""
    years = range(ctx.start.year, ctx.today.year + 1)
    fixed = [(_nth_weekday(year, *AGA_DAY), "aga") for year in years]
    if ctx.scale.years > 1:
        fixed.append((_nth_weekday(ctx.start.year + 1, *AGE_DAY), "age"))
    others = [(_nth_weekday(year, month, weekday, nth), code) for year in years
              for month, weekday, nth, code in OTHER_MEETINGS]
    others = [o for o in others if o[0] <= ctx.today]
    latest_board = max((o for o in others if o[1] == "ca"), default=None)
    if latest_board is not None:  # the last board meeting is always there: its follow-ups are under way
        others.remove(latest_board)
        fixed.append(latest_board)
    fixed = [f for f in fixed if f[0] <= ctx.today]
    chosen = ctx.rng.sample(others, min(max(0, ctx.scale.meetings - len(fixed)), len(others)))
    return sorted(fixed + sorted(chosen))


def _nth(ids: list[str], n: int) -> str:
    return ids[n] if len(ids) > n else ""


class _Writer:
    """Writes one group's meetings, remembering the board of each mandate year."""

    def __init__(self, ctx: DemoContext) -> None:
        self.ctx, self.rng, self.store = ctx, ctx.rng, ctx.store
        # In the order the people were made (not by id: ids are random, the demo must not be).
        self.admins = list(ctx.people.get("administrateur", []))
        self.staff = list(ctx.people.get("intervenant", []))
        self.volunteers = list(ctx.people.get("benevole", []))
        self.members = list(ctx.people.get("membre", []))
        made = dict.fromkeys(pid for ids in ctx.people.values() for pid in ids)
        self.rank = {pid: index for index, pid in enumerate(made)}
        self.boards: dict[int, list[str]] = {}
        self.last: dict[str, str] = {}  # type code -> last meeting id
        self.errata_done = 0

    def board(self, day: dt.date) -> list[str]:
        mandate = day.year if day.month >= 6 else day.year - 1
        if mandate not in self.boards:
            self.boards[mandate] = self.rng.sample(self.admins, min(BOARD_SEATS, len(self.admins)))
        return self.boards[mandate]

    # -- one meeting ------------------------------------------------------------------------
    def meeting(self, day: dt.date, code: str) -> str:
        rng, store = self.rng, self.store
        start = dt.time(*START_TIMES[code])
        present, excused, chair, secretary = self.attendance(day, code)
        end = (dt.datetime.combine(day, start) + dt.timedelta(minutes=rng.randrange(75, 170, 5))).time()
        values: dict = {"start_time": start, "end_time": end, "place": rng.choice(text.PLACES)}
        values.update(self.officers(code, chair, secretary))
        if code in NOTICES:
            days, notice = NOTICES[code]
            values.update(notice_date=day - dt.timedelta(days=days), notice_text=notice)
        meeting_id = mt.create_meeting(store, mt.type_by_code(store, code).id, day, **values)
        marks = {pid: mt.EXCUSED for pid in excused} | {pid: mt.PRESENT for pid in present}
        mt.mark_many(store, meeting_id, marks)
        if code in ASSEMBLIES:
            mt.add_guest(store, meeting_id, values["chair_name"], "Présidence d'assemblée, " + rng.choice(text.GUEST_ROLES))
        rights = mt.voting_rights(store, meeting_id)
        self.minutes(meeting_id, day, code, [pid for pid in present if rights.get(pid)], end)
        self.last[code] = meeting_id
        return meeting_id

    def officers(self, code: str, chair: str, secretary: str) -> dict[str, str]:
        """An assembly is chaired by a guest; other meetings by a person present."""
        found = {"chair_name": f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"} if code in ASSEMBLIES \
            else {"chair_id": chair} if chair else {}
        return found | ({"secretary_id": secretary} if secretary else {})

    def attendance(self, day: dt.date, code: str) -> tuple[list[str], list[str], str, str]:
        """Who came, who sent regrets, who chairs and who takes the minutes."""
        staff = self.rng.sample(self.staff, min(2, len(self.staff)))
        who = {"aga": self.assembly, "age": self.assembly, "ca": self.board_meeting, "comite": self.committee}
        return who.get(code, self.team)(day, staff)

    def assembly(self, day: dt.date, staff: list[str]) -> tuple[list[str], list[str], str, str]:
        good = sorted(people.members_in_good_standing(self.store, day), key=lambda pid: (self.rank.get(pid, 0), pid))
        present = self.rng.sample(good, min(len(good), math.ceil(0.10 * len(good)) + self.rng.randint(3, 12)))
        rest = [p for p in good if p not in present]
        excused = self.rng.sample(rest, min(len(rest), self.rng.randint(1, 4)))
        return present + staff, excused, "", _nth(staff, 0)

    def board_meeting(self, day: dt.date, staff: list[str]) -> tuple[list[str], list[str], str, str]:
        board = self.board(day)
        away = self.rng.sample(board, min(self.rng.choice((0, 1, 1, 2)), max(0, len(board) - 4)))
        present = [p for p in board if p not in away]
        return present + staff[:1], away, _nth(present, 0), _nth(present, 1)

    def committee(self, day: dt.date, staff: list[str]) -> tuple[list[str], list[str], str, str]:
        members = self.rng.sample(self.members, min(len(self.members), self.rng.randint(4, 9)))
        return members + staff[:1], [], _nth(members, 0), _nth(staff, 0)

    def team(self, day: dt.date, staff: list[str]) -> tuple[list[str], list[str], str, str]:
        team = staff + self.rng.sample(self.volunteers, min(len(self.volunteers), 2))
        return team, [], _nth(team, 0), _nth(team, 1)

    # -- minutes ----------------------------------------------------------------------------
    def propose(self, item_id: str, words: str, voters: list[str], *, outcome: str | None = "unanimous",
                adopts: str | None = None, parent: str | None = None) -> str | None:
        """Moved and seconded by two voters present, then voted (``outcome`` None: not yet)."""
        names = people.names(self.store, voters)
        mover = self.rng.choice(voters) if voters else ""
        others = [v for v in voters if names[v] != names.get(mover)]  # two people, two names in the minutes
        if not others:
            return None
        seconder = self.rng.choice(others)
        pid = mt.add_proposal(self.store, item_id, words, moved_by=mover, seconded_by=seconder, parent_id=parent,
                              adopts_meeting_id=adopts)
        if outcome:
            self.vote(pid, outcome, len(voters))
        return pid

    def vote(self, pid: str, outcome: str, n: int) -> None:
        rng, store = self.rng, self.store
        if outcome == "majority" and n >= 3:
            pour = rng.randint(n // 2 + 1, n)
            contre = rng.randint(0, min(n - pour, pour - 1))
            mt.set_outcome(store, pid, "majority", pour, contre, n - pour - contre)
        elif outcome == "rejected" and n >= 3:
            contre = rng.randint(n // 2 + 1, n)
            pour = rng.randint(0, n - contre)
            mt.set_outcome(store, pid, "rejected", pour, contre, n - pour - contre)
        else:
            mt.set_outcome(store, pid, outcome if outcome in ("unanimous", "consensus", "postponed") else "unanimous")

    def follow(self, meeting_id: str, item_id: str, day: dt.date, what: str, who: list[str]) -> None:
        if not what:
            return
        rng = self.rng
        due = day + dt.timedelta(days=rng.randrange(14, 50))
        fid = mt.add_followup(self.store, meeting_id, what, person_id=rng.choice(who) if who else None, due=due,
                              item_id=item_id)
        overdue = (self.ctx.today - due).days
        if overdue > 180 or (overdue > 20 and rng.random() < 0.85):
            mt.set_done(self.store, fid, due - dt.timedelta(days=rng.randrange(0, 10)))

    def topics(self, meeting_id: str, code: str, day: dt.date, voters: list[str]) -> None:
        """The type's own items, added before « Varia »."""
        agenda = mt.items(self.store, meeting_id)
        varia = next((i for i in agenda if kinds.item_kind(i.title) == kinds.VARIA), agenda[-1])
        anchor = agenda[max(0, varia.number - 2)].id
        add = {"ca": self.board_topics, "comite": self.committee_topics, "equipe": self.team_topics}.get(code)
        if add:
            add(meeting_id, anchor, day, voters)

    def board_topics(self, meeting_id: str, anchor: str, day: dt.date, voters: list[str]) -> None:
        for title, notes, words, what in self.rng.sample(text.BOARD_TOPICS, self.rng.randint(1, 3)):
            anchor = mt.add_item(self.store, meeting_id, title, after=anchor, notes=notes)
            roll = self.rng.random()
            outcome = next(outcome for limit, outcome in OUTCOME_ROLLS if roll < limit)
            if words:
                self.propose(anchor, words, voters, outcome=outcome)
            if outcome != "rejected":
                self.follow(meeting_id, anchor, day, what, voters + self.staff[:2])

    def committee_topics(self, meeting_id: str, anchor: str, day: dt.date, voters: list[str]) -> None:
        for title, notes, words in self.rng.sample(text.COMMITTEE_TOPICS, 2):
            anchor = mt.add_item(self.store, meeting_id, title, after=anchor, notes=notes)
            mt.set_outcome(self.store, mt.add_proposal(self.store, anchor, words), "consensus")

    def team_topics(self, meeting_id: str, anchor: str, day: dt.date, voters: list[str]) -> None:
        for title, notes in self.rng.sample(text.TEAM_TOPICS, 2):
            anchor = mt.add_item(self.store, meeting_id, title, after=anchor, notes=notes)
            self.follow(meeting_id, anchor, day, title, voters)

    def minutes(self, meeting_id: str, day: dt.date, code: str, voters: list[str], end: dt.time) -> None:
        self.topics(meeting_id, code, day, voters)
        meeting = mt.get_meeting(self.store, meeting_id)
        for item in mt.items(self.store, meeting_id):
            spot = _Spot(item, meeting, day, code, voters, end)
            notes, words, outcome, adopts = _write_item(self, spot)
            if notes and not item.notes:
                mt.update_item(self.store, item.id, notes=notes)
            if words:
                self.propose(item.id, words, voters, outcome=outcome, adopts=adopts)

    def erratum(self, item_id: str, voters: list[str]) -> None:
        """Now and then, correct an adopted earlier board meeting's minutes."""
        store, rng = self.store, self.rng
        if len(voters) < 2 or (self.errata_done and rng.random() > 0.04):
            return
        earlier = [m for m in mt.list_meetings(store, type_id=mt.type_by_code(store, "ca").id) if m.locked]
        if not earlier:
            return
        target = earlier[0]
        words = (f"le procès-verbal du {format_date(target.date)} soit corrigé comme suit : au point « Finances », "
                 "lire « 4 200 $ » au lieu de « 2 400 $ ».")
        pid = self.propose(item_id, words, voters)
        if pid:
            mt.add_erratum(store, target.id, "Au point « Finances », lire « 4 200 $ » au lieu de « 2 400 $ ».", pid)
            self.errata_done += 1


# -- what the secretary writes under each agenda item ---------------------------------------------
@dataclass(frozen=True)
class _Spot:
    """One agenda item of one meeting, as the secretary sees it while writing."""

    item: Any
    meeting: Any
    day: dt.date
    code: str
    voters: list[str]
    end: dt.time


Written = tuple[str, str, str, str | None]  # notes, proposal words, outcome, id of the minutes adopted


def _opening(w: _Writer, s: _Spot) -> Written:
    return w.rng.choice(text.OPENINGS).format(time=format_time(s.meeting.start_time or dt.time(19))), "", "unanimous", None


def _election(w: _Writer, s: _Spot) -> Written:
    return "", mt.suggested_proposal(w.store, s.item.id)[0], "unanimous", None


def _quorum(w: _Writer, s: _Spot) -> Written:
    notice = s.meeting.notice_date if s.code != "ca" else None
    sent = (f" L'avis de convocation a été transmis le {format_date(notice)}, conformément aux règlements généraux."
            if notice else "")
    return "Le quorum est constaté." + sent, "", "unanimous", None


def _agenda(w: _Writer, s: _Spot) -> Written:
    words = w.rng.choice(("l'ordre du jour soit adopté tel que présenté.",
                          "l'ordre du jour soit adopté en laissant le varia ouvert."))
    return "", words, "consensus" if s.code in ("comite", "equipe") else "unanimous", None


def _previous_minutes(w: _Writer, s: _Spot) -> Written:
    words, adopts = mt.suggested_proposal(w.store, s.item.id)
    if adopts is None:
        return "Aucun procès-verbal à adopter.", "", "unanimous", None
    if s.code == "ca":
        w.erratum(s.item.id, s.voters)
    return "", words, "unanimous", adopts


def _varia(w: _Writer, s: _Spot) -> Written:
    return w.rng.choice(text.VARIA), "", "unanimous", None


def _closing(w: _Writer, s: _Spot) -> Written:
    return "", f"la séance soit levée à {format_time(s.end)}.", "unanimous", None


def _finances(w: _Writer, s: _Spot) -> Written:
    notes = w.rng.choice(text.FINANCE_NOTES).format(date=format_date(s.day - dt.timedelta(days=s.day.day)))
    return notes, "les états financiers présentés soient adoptés." if s.code == "aga" else "", "unanimous", None


def _coordination(w: _Writer, s: _Spot) -> Written:
    return w.rng.choice(text.COORDINATION_NOTES).format(n=w.rng.randint(12, 35)), "", "unanimous", None


def _orientations(w: _Writer, s: _Spot) -> Written:
    """The action plan, sometimes amended, voted by majority."""
    main = w.propose(s.item.id, "le plan d'action présenté soit adopté.", s.voters, outcome=None)
    if main and w.rng.random() < 0.5:
        w.propose(s.item.id, text.PLAN_AMENDMENT, s.voters, outcome="majority", parent=main)
    if main:
        w.vote(main, "majority", len(s.voters))
    return text.ORIENTATIONS_NOTES, "", "unanimous", None


def _elections(w: _Writer, s: _Spot) -> Written:
    elected = people.names(w.store, w.board(s.day + dt.timedelta(days=10))[:3]).values()
    return text.ELECTION_NOTES.format(seats=3, elected=", ".join(elected) or "Trois personnes"), "", "unanimous", None


def _fixed(notes: str = "", words: str = "") -> Callable[[_Writer, _Spot], Written]:
    return lambda _w, _s: (notes, words, "unanimous", None)


BY_KIND: dict[str, Callable[[_Writer, _Spot], Written]] = {
    kinds.OPENING: _opening, kinds.ELECTION: _election, kinds.QUORUM: _quorum, kinds.AGENDA: _agenda,
    kinds.PREVIOUS_MINUTES: _previous_minutes, kinds.REPORT: _fixed(text.REPORT_NOTES, text.REPORT_WORDS),
    kinds.VARIA: _varia, kinds.CLOSING: _closing,
}
# (words in the item's title, what is written), first match wins; an exact "finances" title too
BY_TITLE: tuple[tuple[str, Callable[[_Writer, _Spot], Written]], ...] = (
    ("états financiers", _finances), ("coordination", _coordination),
    ("mission d'examen", _fixed(words=text.REVIEW_WORDS)), ("orientations", _orientations),
    ("ratification", _fixed(words=text.RATIFICATION_WORDS)), ("élections", _elections),
    ("prochaine réunion", _fixed(text.NEXT_MEETING_NOTES)), ("suivis", _fixed(text.FOLLOW_UP_NOTES)),
    ("nouvelles", _fixed(text.FOLLOW_UP_NOTES)), ("tour de table", _fixed(text.FOLLOW_UP_NOTES)),
)


def _write_item(writer: _Writer, spot: _Spot) -> Written:
    """What is written under one item: chosen by the item's kind, else by words of its title."""
    title = spot.item.title.casefold()
    write = BY_KIND.get(kinds.item_kind(spot.item.title))
    if write is None and title == "finances":
        write = _finances
    write = write or next((w for words, w in BY_TITLE if words in title), _fixed())
    return write(writer, spot)


def populate(ctx: DemoContext) -> None:
    ctx.progress("Réunions")
    mt.set_group_quorum_rule(ctx.store, "share", 0.10)
    writer = _Writer(ctx)
    held = [writer.meeting(day, code) for day, code in _schedule(ctx)]
    upcoming = _nth_weekday(ctx.today.year, ctx.today.month, 3)
    if upcoming <= ctx.today:
        nxt = ctx.today.replace(day=1) + dt.timedelta(days=32)
        upcoming = _nth_weekday(nxt.year, nxt.month, 3)
    planned = mt.create_meeting(ctx.store, mt.type_by_code(ctx.store, "ca").id, upcoming, start_time=dt.time(18, 30),
                                place=text.PLACES[0])
    ctx.extra["meetings"] = held + [planned]
