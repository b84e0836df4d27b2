"""Shared responsibilities over the ten-year group.

Targets (responsibilities issue): the spread view of a year computes in ≤ 100 ms; a rotation
suggestion in ≤ 20 ms. Also measured, without a target: the spread of all ten years (the year
list of the view), the home-page reminders and the seats of the mandates tab.
"""

from __future__ import annotations

import datetime as dt

from common import Group, Result, median_ms, timed
from generate import TODAY


def run(group: Group) -> list[Result]:
    from entraide_desktop.data import responsibilities
    from entraide_desktop.data.responsibilities import catalogue, mandates, rotation
    from entraide_desktop.data.responsibilities.directory import forget_people
    from entraide_desktop.data.responsibilities.figures import years_with_assignments

    store = group.open()
    try:
        count = store.db.execute("SELECT count(*) FROM assignments WHERE archived = 0").fetchone()[0]
        years = years_with_assignments(store, TODAY)
        spread = responsibilities.spread(store, TODAY.year)
        note = f"{count} attributions sur {len(years)} ans, {spread.people_with_assignment} personnes cette année"
        coffee = catalogue.starting_id("coffee")
        next_week = TODAY + dt.timedelta(days=7)
        return [
            Result("répartition de l'année (spread)", median_ms(timed(lambda: responsibilities.spread(store, TODAY.year))),
                   "ms", 100.0, note),
            Result("répartition de chacune des dix années", median_ms(timed(
                lambda: [responsibilities.spread(store, y) for y in years], repeat=3)), "ms"),
            Result("proposition de rotation (une tâche, registre à relire)", median_ms(timed(
                lambda: (forget_people(), rotation.suggest(store, coffee, next_week)))), "ms", 20.0,
                   "après un changement dans la base"),
            Result("proposition de rotation (une tâche, registre déjà lu)", median_ms(timed(
                lambda: rotation.suggest(store, coffee, next_week))), "ms", 20.0),
            Result("personnes qui n'ont jamais eu de responsabilité", median_ms(timed(
                lambda: (forget_people(), rotation.never_held(store)))), "ms"),
            Result("rappels de l'accueil (responsabilités)", median_ms(timed(
                lambda: responsibilities.reminders(store, TODAY))), "ms"),
            Result("sièges des mandats (onglet Mandats)", median_ms(timed(lambda: mandates.seats(store, TODAY))), "ms"),
        ]
    finally:
        store.close()
