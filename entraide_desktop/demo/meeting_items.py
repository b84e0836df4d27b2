"""What the demo's minutes say at each agenda item: plain texts by title, and a few short rules.

An item of a known kind (opening, quorum, agenda, previous minutes…) is written by its kind; any
other by words of its title. Each rule returns what is said (:class:`Said`): the notes, and the
proposal « Il est proposé par … appuyé par … que {words} », with its outcome.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..data import meetings as mt
from ..data import people
from ..data.meetings import kinds
from ..i18n import format_date, format_time
from . import meetings_text as text

if TYPE_CHECKING:
    from .meetings import _Writer


@dataclass(frozen=True)
class Said:
    notes: str = ""
    words: str = ""  # the proposal, if any
    outcome: str | None = "unanimous"  # None: the vote is taken by the rule itself
    adopts: str | None = None  # the meeting whose minutes the proposal adopts


@dataclass(frozen=True)
class At:
    """The item being written, and its meeting."""

    writer: _Writer
    item: mt.AgendaItem
    meeting: mt.Meeting
    code: str  # the meeting type's code: "aga", "ca", "comite", "equipe"
    voters: list[str]
    end: dt.time

    @property
    def title(self) -> str:
        return self.item.title.casefold()


# Items whose minutes always say the same: words found in the title → (notes, proposal).
SET_TEXTS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("mission d'examen",), "", "le conseil d'administration choisisse la personne qui effectuera la mission "
                                "d'examen."),
    (("ratification",), "", "les actes posés par les administrateur·trices au cours de l'année soient ratifiés."),
    (("prochaine réunion",), "La prochaine réunion aura lieu dans un mois, au même endroit.", ""),
    (("suivis", "nouvelles", "tour de table"), "Chaque point de suivi est revu; les tâches en retard sont reportées.",
     ""),
)
AGENDA_WORDS = ("l'ordre du jour soit adopté tel que présenté.", "l'ordre du jour soit adopté en laissant le varia ouvert.")


def _opening(at: At) -> Said:
    start = at.meeting.start_time or dt.time(19)
    return Said(notes=at.writer.rng.choice(text.OPENINGS).format(time=format_time(start)))


def _election(at: At) -> Said:
    return Said(words=mt.suggested_proposal(at.writer.store, at.item.id)[0])


def _quorum(at: At) -> Said:
    notice = at.meeting.notice_date
    told = (f" L'avis de convocation a été transmis le {format_date(notice)}, conformément aux règlements généraux."
            if notice and at.code != "ca" else "")
    return Said(notes="Le quorum est constaté." + told)


def _agenda(at: At) -> Said:
    return Said(words=at.writer.rng.choice(AGENDA_WORDS),
                outcome="consensus" if at.code in ("comite", "equipe") else "unanimous")


def _previous_minutes(at: At) -> Said:
    words, adopts = mt.suggested_proposal(at.writer.store, at.item.id)
    if adopts is None:
        return Said(notes="Aucun procès-verbal à adopter.")
    if at.code == "ca":
        at.writer.erratum(at.item.id, at.voters)
    return Said(words=words, adopts=adopts)


def _closing(at: At) -> Said:
    return Said(words=f"la séance soit levée à {format_time(at.end)}.")


BY_KIND: dict[str, Callable[[At], Said]] = {
    kinds.OPENING: _opening,
    kinds.ELECTION: _election,
    kinds.QUORUM: _quorum,
    kinds.AGENDA: _agenda,
    kinds.PREVIOUS_MINUTES: _previous_minutes,
    kinds.REPORT: lambda _at: Said(notes=text.REPORT_NOTES, words="le rapport d'activités soit adopté tel que présenté."),
    kinds.VARIA: lambda at: Said(notes=at.writer.rng.choice(text.VARIA)),
    kinds.CLOSING: _closing,
}


def _finances(at: At) -> Said:
    day = at.meeting.date
    notes = at.writer.rng.choice(text.FINANCE_NOTES).format(date=format_date(day - dt.timedelta(days=day.day)))
    return Said(notes=notes, words="les états financiers présentés soient adoptés." if at.code == "aga" else "")


def _coordination(at: At) -> Said:
    rng = at.writer.rng
    return Said(notes=rng.choice(text.COORDINATION_NOTES).format(n=rng.randint(12, 35)))


def _orientations(at: At) -> Said:
    """The plan of action, amended half the time, adopted by a majority."""
    writer, item = at.writer, at.item
    main = writer.propose(item.id, "le plan d'action présenté soit adopté.", at.voters, outcome=None)
    if main and writer.rng.random() < 0.5:
        writer.propose(item.id, "ajouter « en donnant la priorité à la défense des droits des membres ».",
                       at.voters, outcome="majority", parent=main)
    if main:
        writer.vote(main, "majority", len(at.voters))
    return Said(notes="Les membres discutent en petits groupes des priorités de l'année qui vient.")


def _elections(at: At) -> Said:
    board = at.writer.board(at.meeting.date + dt.timedelta(days=10))[:3]
    elected = ", ".join(people.names(at.writer.store, board).values()) or "Trois personnes"
    return Said(notes=text.ELECTION_NOTES.format(seats=3, elected=elected))


BY_TITLE: tuple[tuple[Callable[[str], bool], Callable[[At], Said]], ...] = (
    (lambda title: "états financiers" in title or title == "finances", _finances),
    (lambda title: "coordination" in title, _coordination),
    (lambda title: "orientations" in title, _orientations),
    (lambda title: "élections" in title, _elections),
)


def what_is_said(at: At) -> Said:
    """The notes and the proposal of one agenda item (nothing for an item the rules do not know)."""
    rule = BY_KIND.get(kinds.item_kind(at.item.title))
    if rule is not None:
        return rule(at)
    for matches, rule in BY_TITLE:
        if matches(at.title):
            return rule(at)
    for words, notes, proposal in SET_TEXTS:
        if any(w in at.title for w in words):
            return Said(notes=notes, words=proposal)
    return Said()
