"""Demo calendar: a drop-in centre's seasons of activities in the three forms of peer support.

Each season (September to June) has its weekly and monthly activities; the centre closes for
the holidays, a storm cancels a day now and then, a committee moves for the AGA. Past
occurrences have a head count, and the members' committee and the collective kitchen record
who came. Activity ids go to ``ctx.extra["activities"]`` for the areas that follow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..data import recurrence as rec
from ..data import rows
from ..data.calendar import activities as acts
from ..data.calendar import attendance as att
from ..data.calendar.activity_types import create_type, default_type_id
from ..data.calendar.expand import occurrences
from ..data.calendar.occurrence_edits import EXCEPTIONS, exception_id
from ..data.calendar.public import write_public_calendar
from . import DemoContext


@dataclass(frozen=True)
class Series:
    title: str
    form: str  # a default type's form, or "fete"
    weekday: int  # 0 = Monday
    start: tuple[int, int]
    end: tuple[int, int]
    kind: str  # recurrence kind
    place: str
    public: bool = True
    description: str = ""
    notes: str = ""
    nth: int = 1  # for monthly_nth: which weekday of the month
    heads: tuple[int, int] = (5, 12)
    named: bool = False  # record who came


SEASON = (
    Series("Groupe de discussion du mardi", "personnelle", 1, (13, 30), (15, 30), "weekly", "Salle commune",
           description="Un moment pour parler de ce qu'on vit, entre pairs, sans jugement. Bienvenue à "
           "toutes et à tous.", heads=(5, 14)),
    Series("Café-rencontre", "personnelle", 3, (9, 30), (11, 30), "weekly", "Salle commune",
           description="Café, biscuits et jasette pour commencer la journée ensemble.", heads=(8, 20)),
    Series("Cercle de parole du lundi soir", "personnelle", 0, (18, 30), (20, 0), "biweekly", "Petit salon",
           description="Un cercle plus intime, aux deux semaines.", heads=(4, 9)),
    Series("Cuisine collective", "collective", 2, (9, 0), (13, 0), "biweekly", "Cuisine du centre", public=False,
           description="On cuisine ensemble quatre recettes et chacun repart avec ses portions.",
           notes="Inscription à l'accueil le lundi précédent. Budget : 60 $ par séance.", heads=(4, 8), named=True),
    Series("Atelier d'art animé par un membre", "collective", 4, (13, 30), (15, 30), "weekly", "Local d'art",
           description="Peinture, collage et dessin : le matériel est fourni.",
           notes="Clé de l'armoire du matériel : demander à l'accueil.", heads=(4, 10)),
    Series("Comité des membres", "collective", 2, (18, 30), (20, 30), "monthly_nth", "Salle commune", public=False,
           description="Le comité prépare les activités et porte la voix des membres au conseil.",
           notes="Préparer l'ordre du jour une semaine avant.", nth=1, heads=(5, 9), named=True),
    Series("Atelier « Connaître ses droits »", "promotion", 1, (18, 30), (20, 30), "monthly_nth", "Salle commune",
           description="Aide sociale, logement, consentement aux soins : on s'informe et on s'outille ensemble.",
           nth=2, heads=(6, 18)),
    Series("Kiosque sur les droits", "promotion", 3, (11, 30), (13, 30), "monthly_nth", "Hall d'entrée",
           description="Documentation et écoute sur les droits en santé mentale.", nth=3, heads=(6, 25)),
)


@dataclass(frozen=True)
class Event:
    """A yearly one-off; no start time means all day, for five days (a week of kiosques, a journée)."""

    title: str
    form: str
    month: int
    day: int
    start: tuple[int, int] | None
    end: tuple[int, int] | None
    place: str
    description: str


EVENTS = (
    Event("Cabane à sucre", "fete", 3, 21, (10, 0), (15, 0), "Érablière du Rang 4", "Sortie en autobus, dîner inclus."),
    Event("Semaine de la santé mentale : kiosques", "collective", 5, 4, None, None, "Hall d'entrée",
          "Kiosques de sensibilisation toute la semaine."),
    Event("Épluchette de blé d'Inde", "fete", 8, 22, (12, 0), (15, 0), "Cour arrière", "Apportez votre chaise!"),
    Event("Journée de l'alternative en santé mentale", "promotion", 10, 10, None, None, "Centre communautaire",
          "Conférences et ateliers sur les pratiques alternatives."),
    Event("Souper de Noël", "fete", 12, 17, (17, 30), (21, 0), "Salle commune", "Souper partage et échange de cadeaux."),
)
SERIES_BY_TITLE = {series.title: series for series in SEASON}
FETE_TYPE = {"name": "Fêtes et sorties", "short_label": "Fête", "colour": "#b8860b", "symbol": "star", "form": ""}

CLOSED = "Centre fermé pour le temps des Fêtes"
STORMS = ("Tempête de neige : centre fermé", "Panne d'électricité", "Personne animatrice absente, désolé!")
MOVED_FOR_AGA = ("Comité des membres", "Déplacé au lendemain : la salle accueille l'assemblée générale annuelle")


def _first_weekday(day: dt.date, weekday: int, nth: int = 1) -> dt.date:
    first = day + dt.timedelta(days=(weekday - day.weekday()) % 7)
    return first + dt.timedelta(days=7 * (nth - 1))


def _season_start(year: int, series: Series) -> dt.date:
    if series.kind == "monthly_nth":
        return _first_weekday(dt.date(year, 9, 1), series.weekday, series.nth)
    return _first_weekday(dt.date(year, 9, 2), series.weekday)


def populate(ctx: DemoContext) -> None:
    ctx.progress("Calendrier")
    types = {form: default_type_id(form) for form in ("personnelle", "collective", "promotion")}
    types["fete"] = create_type(ctx.store, FETE_TYPE)
    created: list[str] = []
    for year in range(ctx.start.year - 1, ctx.today.year + 1):
        wanted = _season(ctx, year, types) + _events(ctx, year, types)
        created += [acts.create_activity(ctx.store, data) for data in wanted]
    ctx.extra["activities"] = created
    ctx.extra["activity_types"] = types
    _exceptions(ctx, created)
    _attendance(ctx, created)
    write_public_calendar(ctx.store, ctx.store.paths, ctx.today)


def _season(ctx: DemoContext, year: int, types: dict[str, str]) -> list[acts.ActivityInput]:
    """The season's recurring activities (September to June 20), each led by one or two people."""
    pool = ctx.people.get("membre", []) + ctx.people.get("intervenant", [])
    until = dt.date(year + 1, 6, 20)
    found = []
    for series in SEASON if until >= ctx.start else ():
        first = _season_start(year, series)
        leaders = tuple(ctx.rng.sample(pool, k=min(len(pool), ctx.rng.choice((1, 1, 2))))) if pool else ()
        found.append(acts.ActivityInput(
            title=series.title, type_id=types[series.form], start=dt.datetime.combine(first, dt.time(*series.start)),
            end=dt.datetime.combine(first, dt.time(*series.end)), recurrence=rec.Recurrence(series.kind, until=until),
            place=series.place, description=series.description, notes=series.notes, public=series.public,
            leader_ids=leaders))
    return found


def _events(ctx: DemoContext, year: int, types: dict[str, str]) -> list[acts.ActivityInput]:
    """The season's one-off events, up to about six months ahead."""
    found = []
    for event in EVENTS:
        when = dt.date(year + (1 if event.month < 9 else 0), event.month, event.day)
        if ctx.start <= when <= ctx.today + dt.timedelta(days=200):
            found.append(_event_input(event, when, types[event.form]))
    return found


def _event_input(event: Event, when: dt.date, type_id: str) -> acts.ActivityInput:
    if event.start is None or event.end is None:
        start, end = dt.datetime.combine(when, dt.time()), dt.datetime.combine(when + dt.timedelta(days=4), dt.time())
    else:
        start, end = dt.datetime.combine(when, dt.time(*event.start)), dt.datetime.combine(when, dt.time(*event.end))
    return acts.ActivityInput(event.title, type_id, start, end, all_day=event.start is None, place=event.place,
                              description=event.description)


def _occurrence_row(occ: Any) -> dict[str, object]:
    """The columns that name one occurrence of an activity."""
    return {"activity_id": occ.activity_id, "original_start": occ.key.rpartition("@")[2]}


def _exceptions(ctx: DemoContext, created: list[str]) -> None:
    first = dt.datetime.combine(ctx.start, dt.time())
    last = dt.datetime.combine(ctx.today + dt.timedelta(days=200), dt.time())
    found = occurrences(ctx.store, first, last, activity_ids=set(created))
    batch = [_exception(ctx, occ) for occ in found if occ.recurring and occ.original_start is not None]
    rows.insert_many(ctx.store, EXCEPTIONS, [row for row in batch if row])


def _cancel_reason(ctx: DemoContext, day: dt.date) -> str:
    """Closed over the holidays; a storm or an absence now and then in winter."""
    if (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 4):
        return CLOSED
    return ctx.rng.choice(STORMS) if day.month in (1, 2, 3) and ctx.rng.random() < 0.03 else ""


def _exception(ctx: DemoContext, occ: Any) -> dict[str, object] | None:
    row = {**_occurrence_row(occ), "id": exception_id(occ.activity_id, occ.key.rpartition("@")[2])}
    reason = _cancel_reason(ctx, occ.start.date())
    if reason:
        return {**row, "cancelled": 1, "reason": reason}
    title, moved_reason = MOVED_FOR_AGA
    if occ.title == title and occ.start.month == 6 and ctx.rng.random() < 0.5:
        moved = occ.start + dt.timedelta(days=1)
        return {**row, "cancelled": 0, "new_start": moved.isoformat(),
                "new_end": (moved + (occ.end - occ.start)).isoformat(), "reason": moved_reason}
    return None


def _attendance(ctx: DemoContext, created: list[str]) -> None:
    """A head count for every past occurrence; names too where the series records who came."""
    now = dt.datetime.combine(ctx.today, dt.time(23, 59))
    found = occurrences(ctx.store, dt.datetime.combine(ctx.start, dt.time()), now, activity_ids=set(created))
    counts, named = [], []
    for occ in (o for o in found if not o.cancelled and o.start <= now):
        count, came = _came(ctx, SERIES_BY_TITLE.get(occ.title))
        named += [{**_occurrence_row(occ), "id": att.person_row_id(occ.key, pid), "person_id": pid} for pid in came]
        counts.append({**_occurrence_row(occ), "id": att.count_id(occ.key), "head_count": count})
    rows.insert_many(ctx.store, att.COUNTS, counts)
    rows.insert_many(ctx.store, att.PEOPLE, named)


def _came(ctx: DemoContext, series: Series | None) -> tuple[int, list[str]]:
    """How many came (20 to 60 at an event) and, for a series that records it, who among the members."""
    low, high = series.heads if series else (20, 60)
    count = ctx.rng.randint(low, high)
    members = ctx.people.get("membre", [])
    if not (series and series.named and members):
        return count, []
    came = ctx.rng.sample(members, k=min(len(members), max(1, count - ctx.rng.randint(0, 2))))
    return max(count, len(came)), came
