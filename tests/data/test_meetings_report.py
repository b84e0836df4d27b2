"""The AGA package's figures on a known data set (calendar and responsibilities replaced by known answers)."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import calendar, responsibilities
from entraide_desktop.data import meetings as mt
from entraide_desktop.data.meetings.report import year_report
from tests.data.test_meetings_support import aga, item, known_group

SUMMARY = [
    calendar.ActivitySummary("Groupe de discussion", "personnelle", 2, 80, 640),
    calendar.ActivitySummary("Visites d'amitié", "personnelle", 1, 20, 20),
    calendar.ActivitySummary("Cuisine collective", "collective", 1, 24, 288),
    calendar.ActivitySummary("Kiosque sur les droits", "promotion", 1, 3, 45),
    calendar.ActivitySummary("Fête de Noël", "", 1, 1, 60),
]
SPREAD = responsibilities.Spread(
    2025, total_assignments=120, people_with_assignment=30, members_share=0.55, staff_share=0.3, top20_share=0.45,
    by_group=[responsibilities.SpreadRow("membres", "Membres", 22, 66, 0.55),
              responsibilities.SpreadRow("personnes_intervenantes", "Personnes intervenantes", 3, 36, 0.3)],
)
MANDATES = [responsibilities.MandateToFill("Siège au conseil d'administration", 2, 24, dt.date(2026, 7, 1),
                                           "Ana Test"),
            responsibilities.MandateToFill("Trésorerie", 1, 24, None, "")]


@pytest.fixture
def known_areas(monkeypatch):
    calls = {}

    def summary(store, start, end):
        calls["summary"] = (start, end)
        return list(SUMMARY)

    def spread(store, year, *, start=None, end=None):
        calls["spread"] = (year, start, end)
        return SPREAD

    def mandates(store, on):
        calls["mandates"] = on
        return list(MANDATES)

    monkeypatch.setattr(calendar, "activity_summary", summary)
    monkeypatch.setattr(responsibilities, "spread", spread)
    monkeypatch.setattr(responsibilities, "mandates_to_fill", mandates)
    return calls


def _year_of_meetings(store, ids):
    """AGA 2025 (adopted at AGA 2026), two board meetings in 2025 with decisions, AGA 2026 planned."""
    aga_2025 = aga(store, ids, present=("Ana", "Benoît", "Céline", "Denis", "Marie"), day=dt.date(2025, 6, 12))
    for day in ("2025-09-11", "2025-10-09"):
        board = mt.create_meeting(store, mt.type_id("ca"), day)
        mt.mark_many(store, board, {ids[n]: mt.PRESENT for n in ("Ana", "Benoît", "Céline")})
        agenda = item(store, board, "agenda")
        p = mt.add_proposal(store, agenda, "l'ordre du jour soit adopté", moved_by=ids["Ana"],
                            seconded_by=ids["Benoît"])
        mt.set_outcome(store, p, "unanimous")
        topic = mt.add_item(store, board, "Cuisine collective", after=agenda)
        p = mt.add_proposal(store, topic, "la cuisine collective ait lieu deux fois par mois", moved_by=ids["Céline"],
                            seconded_by=ids["Ana"])
        mt.set_outcome(store, p, "majority", 2, 1, 0)
    aga_2026 = aga(store, ids, present=("Ana", "Benoît", "Céline"))
    return aga_2025, aga_2026


def test_report_figures(store, known_areas):
    ids = known_group(store)
    aga_2025, aga_2026 = _year_of_meetings(store, ids)
    r = year_report(store, 2025, today=dt.date(2026, 5, 1))
    # Exercice 2025-2026 (the default exercice, April 1 to March 31), presented at the AGA of June 2026.
    exercice = (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert known_areas == {"summary": exercice, "spread": (2025, *exercice), "mandates": dt.date(2026, 6, 11)}
    assert (r.start, r.end, r.label, r.period_label) == (*exercice, "2025-2026", "2025-2026")
    assert (r.aga_id, r.aga_date, r.previous_aga_id) == (aga_2026, dt.date(2026, 6, 11), aga_2025)
    assert r.agenda[0] == "Ouverture de l'assemblée et mot de bienvenue" and len(r.agenda) == 13
    assert [(f.label, f.activities, f.occurrences, f.attendance) for f in r.forms] == [
        ("Entraide personnelle", 3, 100, 660), ("Entraide collective", 1, 24, 288),
        ("Promotion-vigilance", 1, 3, 45), ("Autres activités", 1, 1, 60)]
    assert (r.activities, r.occurrences, r.attendance) == (6, 128, 1053)
    assert r.new_members == 1  # Jocelyn joined in September 2025
    assert r.members_in_good_standing == 0  # memberships of the test group start in April 2026
    assert r.members_counted_on == dt.date(2026, 3, 31)  # the last day of the exercice
    assert [(m.type_name, m.meetings, m.present, m.proposals_adopted) for m in r.meetings] == [
        ("Assemblée générale annuelle", 1, 5, 0), ("Conseil d'administration", 2, 6, 4)]
    assert [m.average_present for m in r.meetings] == [5.0, 3.0]
    # Routine proposals (agenda, minutes, closing) are not « principal decisions ».
    assert [(d.reference, d.text) for d in r.decisions] == [
        ("CA-2025-09-11-02", "la cuisine collective ait lieu deux fois par mois"),
        ("CA-2025-10-09-02", "la cuisine collective ait lieu deux fois par mois")]
    assert r.spread is SPREAD and r.mandates == MANDATES


def test_report_without_a_planned_aga_or_other_data(store):
    known_group(store)
    r = year_report(store, 2026, today=dt.date(2026, 11, 25))  # exercice 2026-2027, under way
    assert (r.aga_id, r.previous_aga_id, r.label) == (None, None, "2026-2027")
    assert r.agenda == list(mt.type_by_code(store, "aga").agenda)
    assert [f.activities for f in r.forms] == [0, 0, 0]  # the three starting types, nothing held yet
    assert r.meetings == [] and r.decisions == []
    assert r.spread.total_assignments == 0 and r.mandates == []
    assert r.mandates_on == dt.date(2027, 4, 1)  # the day after the exercice, no AGA planned yet
    assert r.members_in_good_standing == 10 and r.members_counted_on == dt.date(2026, 11, 25)
