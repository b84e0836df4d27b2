"""The demo group's responsibilities: years of history that pass every check of the app."""

from __future__ import annotations

import datetime as dt

from entraide_desktop.data import responsibilities
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import catalogue, rotation
from entraide_desktop.data.responsibilities.figures import years_with_assignments

TODAY = dt.date(2026, 11, 25)  # the demo_store fixture's day


def test_demo_history_is_valid_and_spread_over_years(demo_store):
    found = A.find(demo_store)
    assert len(found) > 600
    assert years_with_assignments(demo_store, TODAY)[:3] == [2026, 2025, 2024]
    for a in found:  # every assignment passes the checks a person's entry would (seats, overlaps, roles)
        current = A.get_assignment(demo_store, a.id)
        A._check(demo_store, A.Draft(a.responsibility_id, a.person_id, a.start_on, a.end_on, a.occurrence_key,
                                     a.seat, a.origin, a.origin_on, a.note), exclude_id=a.id, current=current)
    kinds = {a.kind for a in found}
    assert kinds == {"task", "role", "mandate"}
    assert any(a.origin == "coopted" for a in found) and any(a.origin == "elected" for a in found)


def test_demo_shows_reminders_a_vacant_seat_and_a_spread(demo_store):
    texts = [r.text for r in responsibilities.reminders(demo_store, TODAY)]
    assert "Personne n'est inscrit·e cette semaine pour « Tenir la caisse »." in texts
    assert any(t.startswith("Fin de mandat le ") for t in texts)
    assert any(m.holder == "" for m in responsibilities.mandates_to_fill(demo_store, TODAY))
    spread = responsibilities.spread(demo_store, 2025)
    assert spread.total_assignments > 200 and 0.3 < spread.top20_share < 0.95
    assert rotation.suggest(demo_store, catalogue.starting_id("coffee"), TODAY).first is not None
