"""Demo calendar: a drop-in centre's seasons of activities in the three forms of peer support.

Each season (September to June) has its weekly and monthly activities; the centre closes for
the holidays, a storm cancels a day now and then, a committee moves for the AGA. Past
occurrences have a head count, and the members' committee and the collective kitchen record
who came. Activity ids go to ``ctx.extra["activities"]`` for the areas that follow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..data import recurrence as rec
from ..data import rows
from ..data.calendar import activities as acts
from ..data.calendar import attendance as att
from ..data.calendar.activity_types import create_type, default_type_id
from ..data.calendar.expand import occurrences
from ..data.calendar.occurrence_edits import EXCEPTIONS, exception_id
from ..data.calendar.public import write_public_calendar
from ..data.store import Store
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
    Series(
        "Groupe de discussion du mardi",
        "personnelle",
        1,
        (13, 30),
        (15, 30),
        "weekly",
        "Salle commune",
        description="Un moment pour parler de ce qu'on vit, entre pairs, sans jugement. Bienvenue à "
        "toutes et à tous.",
        heads=(5, 14),
    ),
    Series(
        "Café-rencontre",
        "personnelle",
        3,
        (9, 30),
        (11, 30),
        "weekly",
        "Salle commune",
        description="Café, biscuits et jasette pour commencer la journée ensemble.",
        heads=(8, 20),
    ),
    Series(
        "Cercle de parole du lundi soir",
        "personnelle",
        0,
        (18, 30),
        (20, 0),
        "biweekly",
        "Petit salon",
        description="Un cercle plus intime, aux deux semaines.",
        heads=(4, 9),
    ),
    Series(
        "Cuisine collective",
        "collective",
        2,
        (9, 0),
        (13, 0),
        "biweekly",
        "Cuisine du centre",
        public=False,
        description="On cuisine ensemble quatre recettes et chacun repart avec ses portions.",
        notes="Inscription à l'accueil le lundi précédent. Budget : 60 $ par séance.",
        heads=(4, 8),
        named=True,
    ),
    Series(
        "Atelier d'art animé par un membre",
        "collective",
        4,
        (13, 30),
        (15, 30),
        "weekly",
        "Local d'art",
        description="Peinture, collage et dessin : le matériel est fourni.",
        notes="Clé de l'armoire du matériel : demander à l'accueil.",
        heads=(4, 10),
    ),
    Series(
        "Comité des membres",
        "collective",
        2,
        (18, 30),
        (20, 30),
        "monthly_nth",
        "Salle commune",
        public=False,
        description="Le comité prépare les activités et porte la voix des membres au conseil.",
        notes="Préparer l'ordre du jour une semaine avant.",
        nth=1,
        heads=(5, 9),
        named=True,
    ),
    Series(
        "Atelier « Connaître ses droits »",
        "promotion",
        1,
        (18, 30),
        (20, 30),
        "monthly_nth",
        "Salle commune",
        description="Aide sociale, logement, consentement aux soins : on s'informe et on s'outille ensemble.",
        nth=2,
        heads=(6, 18),
    ),
    Series(
        "Kiosque sur les droits",
        "promotion",
        3,
        (11, 30),
        (13, 30),
        "monthly_nth",
        "Hall d'entrée",
        description="Documentation et écoute sur les droits en santé mentale.",
        nth=3,
        heads=(6, 25),
    ),
)

EVENTS = (
    # (title, form, month, day, start, end, all_day, place, description)
    (
        "Cabane à sucre",
        "fete",
        3,
        21,
        (10, 0),
        (15, 0),
        False,
        "Érablière du Rang 4",
        "Sortie en autobus, dîner inclus.",
    ),
    (
        "Semaine de la santé mentale : kiosques",
        "collective",
        5,
        4,
        None,
        None,
        True,
        "Hall d'entrée",
        "Kiosques de sensibilisation toute la semaine.",
    ),
    (
        "Épluchette de blé d'Inde",
        "fete",
        8,
        22,
        (12, 0),
        (15, 0),
        False,
        "Cour arrière",
        "Apportez votre chaise!",
    ),
    (
        "Journée de l'alternative en santé mentale",
        "promotion",
        10,
        10,
        None,
        None,
        True,
        "Centre communautaire",
        "Conférences et ateliers sur les pratiques alternatives.",
    ),
    (
        "Souper de Noël",
        "fete",
        12,
        17,
        (17, 30),
        (21, 0),
        False,
        "Salle commune",
        "Souper partage et échange de cadeaux.",
    ),
)

CLOSED = "Centre fermé pour le temps des Fêtes"
STORMS = ("Tempête de neige : centre fermé", "Panne d'électricité", "Personne animatrice absente, désolé!")


def _first_weekday(day: dt.date, weekday: int, nth: int = 1) -> dt.date:
    first = day + dt.timedelta(days=(weekday - day.weekday()) % 7)
    return first + dt.timedelta(days=7 * (nth - 1))


def _season_start(year: int, series: Series) -> dt.date:
    if series.kind == "monthly_nth":
        return _first_weekday(dt.date(year, 9, 1), series.weekday, series.nth)
    return _first_weekday(dt.date(year, 9, 2), series.weekday)


FEAST_TYPE = {"name": "Fêtes et sorties", "short_label": "Fête", "colour": "#b8860b", "symbol": "star", "form": ""}


def _types(store: Store) -> dict[str, str]:
    """Form → type id: the three starting types (the data layer made them) and the group's own."""
    types = {form: default_type_id(form) for form in ("personnelle", "collective", "promotion")}
    types["fete"] = create_type(store, FEAST_TYPE)
    return types


def _season(ctx: DemoContext, year: int, types: dict[str, str], leaders_pool: list[str]) -> list[str]:
    """The weekly and monthly series of the season that starts in September of ``year``."""
    created = []
    until = dt.date(year + 1, 6, 20)
    for series in SEASON if until >= ctx.start else ():
        first = _season_start(year, series)
        count = ctx.rng.choice((1, 1, 2)) if leaders_pool else 0
        leaders = tuple(ctx.rng.sample(leaders_pool, k=min(len(leaders_pool), count))) if leaders_pool else ()
        created.append(acts.create_activity(ctx.store, acts.ActivityInput(
            title=series.title, type_id=types[series.form],
            start=dt.datetime.combine(first, dt.time(*series.start)), end=dt.datetime.combine(first, dt.time(*series.end)),
            recurrence=rec.Recurrence(series.kind, until=until), place=series.place,
            description=series.description, notes=series.notes, public=series.public, leader_ids=leaders)))
    return created


def _events(ctx: DemoContext, year: int, types: dict[str, str]) -> list[str]:
    """The season's one-time events (a feast, an outing, a four-day camp), up to 200 days ahead."""
    created = []
    for title, form, month, day, start, end, all_day, place, description in EVENTS:
        when = dt.date(year + (1 if month < 9 else 0), month, day)
        if not ctx.start <= when <= ctx.today + dt.timedelta(days=200):
            continue
        begins = dt.datetime.combine(when, dt.time() if all_day else dt.time(*start))
        ends = dt.datetime.combine(when + dt.timedelta(days=4), dt.time()) if all_day else \
            dt.datetime.combine(when, dt.time(*end))
        created.append(acts.create_activity(ctx.store, acts.ActivityInput(
            title, types[form], begins, ends, all_day=all_day, place=place, description=description)))
    return created


def populate(ctx: DemoContext) -> None:
    ctx.progress("Calendrier")
    types = _types(ctx.store)
    leaders_pool = ctx.people.get("membre", []) + ctx.people.get("intervenant", [])
    created: list[str] = []
    for year in range(ctx.start.year - 1, ctx.today.year + 1):
        created += _season(ctx, year, types, leaders_pool)
        created += _events(ctx, year, types)
    ctx.extra["activities"] = created
    ctx.extra["activity_types"] = types
    _exceptions(ctx, created)
    _attendance(ctx, created)
    write_public_calendar(ctx.store, ctx.store.paths, ctx.today)


def _exceptions(ctx: DemoContext, created: list[str]) -> None:
    store, rng = ctx.store, ctx.rng
    first = dt.datetime.combine(ctx.start, dt.time())
    last = dt.datetime.combine(ctx.today + dt.timedelta(days=200), dt.time())
    found = occurrences(store, first, last, activity_ids=set(created))
    batch = []
    for occ in found:
        if not occ.recurring or occ.original_start is None:
            continue
        day = occ.start.date()
        reason = ""
        if (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 4):
            reason = CLOSED
        elif day.month in (1, 2, 3) and rng.random() < 0.03:
            reason = rng.choice(STORMS)
        original = occ.key.rpartition("@")[2]
        if reason:
            batch.append(
                {
                    "id": exception_id(occ.activity_id, original),
                    "activity_id": occ.activity_id,
                    "original_start": original,
                    "cancelled": 1,
                    "reason": reason,
                }
            )
        elif occ.title == "Comité des membres" and day.month == 6 and rng.random() < 0.5:
            moved = occ.start + dt.timedelta(days=1)
            batch.append(
                {
                    "id": exception_id(occ.activity_id, original),
                    "activity_id": occ.activity_id,
                    "original_start": original,
                    "cancelled": 0,
                    "new_start": moved.isoformat(),
                    "new_end": (moved + (occ.end - occ.start)).isoformat(),
                    "reason": "Déplacé au lendemain : la salle accueille l'assemblée générale annuelle",
                }
            )
    rows.insert_many(store, EXCEPTIONS, batch)


def _attendance(ctx: DemoContext, created: list[str]) -> None:
    store, rng = ctx.store, ctx.rng
    heads = {s.title: s for s in SEASON}
    members = ctx.people.get("membre", [])
    now = dt.datetime.combine(ctx.today, dt.time(23, 59))
    found = occurrences(store, dt.datetime.combine(ctx.start, dt.time()), now, activity_ids=set(created))
    counts, named = [], []
    for occ in found:
        if occ.cancelled or occ.start > now:
            continue
        series = heads.get(occ.title)
        low, high = series.heads if series else (20, 60)
        count = rng.randint(low, high)
        original = occ.key.rpartition("@")[2]
        if series and series.named and members:
            came = rng.sample(members, k=min(len(members), max(1, count - rng.randint(0, 2))))
            for pid in came:
                named.append(
                    {
                        "id": att.person_row_id(occ.key, pid),
                        "activity_id": occ.activity_id,
                        "original_start": original,
                        "person_id": pid,
                    }
                )
            count = max(count, len(came))
        counts.append(
            {
                "id": att.count_id(occ.key),
                "activity_id": occ.activity_id,
                "original_start": original,
                "head_count": count,
            }
        )
    rows.insert_many(store, att.COUNTS, counts)
    rows.insert_many(store, att.PEOPLE, named)
