"""The year's spread on a known data set, archived and erased people, mandates to fill, reminders."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from entraide_desktop.data import reminders as home_reminders
from entraide_desktop.data import responsibilities, rows
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import catalogue, figures, mandates

D = dt.date
TODAY = D(2026, 11, 25)  # a Wednesday: the week (Sunday first in Quebec) is November 22 to 28


def person(store, name: str, *roles: str, **values) -> str:
    return rows.insert(store, "people", {"first_name": name, "roles": json.dumps(list(roles or ["membre"])), **values})


def days(store, rid: str, pid: str, *dates: dt.date) -> None:
    for day in dates:
        A.assign(store, A.Draft(rid, pid, day, day))


@pytest.fixture
def known(store):
    """Twelve assignments in 2026 held by six people (see the expected figures in the tests)."""
    catalogue.install_starting_catalogue(store)
    coffee, room, welcome, presidency = (catalogue.starting_id(c) for c in ("coffee", "open_room", "welcome", "presidency"))
    ana, bea, carl, dom = (person(store, "Ana"), person(store, "Béa", "membre", "administrateur"),
                           person(store, "Carl", "intervenant"), person(store, "Dom", "benevole"))
    eve, fay = person(store, "Ève"), person(store, "Fay")
    days(store, coffee, ana, D(2026, 1, 6), D(2026, 2, 3), D(2026, 3, 3), D(2026, 4, 7))
    A.assign(store, A.Draft(presidency, bea, D(2025, 6, 25), origin="elected", origin_on=D(2025, 6, 12)))
    days(store, coffee, bea, D(2026, 5, 5))
    days(store, room, carl, D(2025, 12, 30), D(2026, 1, 5), D(2026, 1, 12), D(2026, 1, 19))
    days(store, welcome, dom, D(2026, 9, 9))
    days(store, coffee, eve, D(2026, 6, 2))
    days(store, coffee, fay, D(2026, 6, 9))
    withdrawn = A.assign(store, A.Draft(coffee, ana, D(2026, 7, 7), D(2026, 7, 7)))
    A.remove_assignment(store, withdrawn)
    rows.archive(store, "people", eve)
    rows.erase(store, "people", fay)
    return {"ana": ana, "bea": bea, "carl": carl, "dom": dom, "eve": eve, "fay": fay}


def test_spread_figures_on_a_known_data_set(store, known):
    spread = responsibilities.spread(store, 2026)
    assert (spread.total_assignments, spread.people_with_assignment) == (12, 6)
    assert spread.members_share == pytest.approx(8 / 12)  # Ana 4, Béa 2, Ève 1, Fay 1 (erased, was a member)
    assert spread.staff_share == pytest.approx(3 / 12)
    assert (spread.top20_people, spread.top20_share) == (2, pytest.approx(7 / 12))  # Ana 4 + Carl 3
    rows_ = {r.group: (r.label, r.people, r.assignments, round(r.share, 4)) for r in spread.by_group}
    assert rows_ == {
        "membres": ("Membres", 4, 8, round(8 / 12, 4)),
        "personnes_intervenantes": ("Personnes intervenantes", 1, 3, 0.25),
        "benevoles": ("Bénévoles", 1, 1, round(1 / 12, 4)),
        "conseil": ("Conseil d'administration", 1, 2, round(2 / 12, 4)),  # Béa counts in both of her groups
    }
    assert [r.group for r in spread.by_group] == list(responsibilities.ROLE_GROUPS)
    assert [(name, n) for _pid, name, n in spread.by_person] == [
        ("Ana", 4), ("Carl", 3), ("Béa", 2), ("Dom", 1), ("Personne archivée", 1), ("Personne retirée du registre", 1)]
    kinds = {k.kind: (k.assignments, round(k.members_share, 4), round(k.staff_share, 4)) for k in spread.by_kind}
    assert kinds == {"task": (11, round(7 / 11, 4), round(3 / 11, 4)), "mandate": (1, 1.0, 0.0)}
    assert (spread.removed_people, spread.archived_people) == (1, 1)
    assert spread.person_groups[known["bea"]] == ("membres", "conseil")
    assert spread.person_groups[known["fay"]] == ("membres",)


def test_a_term_over_two_years_counts_in_each_and_an_empty_year_is_said_plainly(store, known):
    previous = responsibilities.spread(store, 2025)
    assert (previous.total_assignments, [n for _p, n, _c in previous.by_person]) == (2, ["Béa", "Carl"])
    empty = responsibilities.spread(store, 2019)
    assert empty == responsibilities.Spread(2019, start=D(2019, 1, 1), end=D(2019, 12, 31), label="2019")
    assert figures.captions(empty) == ["Aucune responsabilité n'a été inscrite pour 2019."]
    assert figures.years_with_assignments(store, TODAY) == [2026, 2025]


def test_captions_read_plainly(store, known):
    lines = [line.replace("\xa0", " ") for line in figures.captions(responsibilities.spread(store, 2026))]
    assert lines[0].startswith("En 2026, 12 responsabilités ont été tenues par 6 personnes.")
    assert lines[1].startswith("Les membres en ont tenu 67 % et les personnes intervenantes 25 %.")
    assert lines[2].startswith("Les 20 % de personnes les plus occupées (2 sur 6) ont tenu 58 % des responsabilités. "
                               "Si tout le monde en avait tenu autant, ce serait 33 %")
    assert "compte dans chacun de ses groupes" in lines[3]
    assert lines[4:] == ["1 personne retirée du registre compte toujours, sans son nom.",
                         "1 personne archivée compte toujours, sans son nom."]
    assert figures.distribution(responsibilities.spread(store, 2026)) == [
        ("1 responsabilité", 3), ("2 à 4 responsabilités", 3), ("5 à 9 responsabilités", 0),
        ("10 responsabilités ou plus", 0)]


@pytest.fixture
def board(store):
    catalogue.install_starting_catalogue(store)
    ids = {c: catalogue.starting_id(c) for c in ("presidency", "secretary", "treasurer", "coffee", "collective_kitchen")}
    zoe, max_, lia, noe = (person(store, n, "membre", "administrateur") for n in ("Zoé", "Max", "Lia", "Noé"))
    A.assign(store, A.Draft(ids["presidency"], zoe, D(2026, 1, 10), origin="elected"))  # ends January 9: 45 days
    A.assign(store, A.Draft(ids["secretary"], max_, D(2025, 12, 1), D(2026, 12, 5), origin="coopted"))  # 10 days
    A.assign(store, A.Draft(ids["treasurer"], lia, D(2025, 12, 21), D(2026, 12, 20), origin="elected"))
    A.assign(store, A.Draft(ids["treasurer"], noe, D(2026, 12, 21), origin="elected"))  # successor recorded
    days(store, ids["coffee"], zoe, D(2026, 11, 24))
    days(store, ids["collective_kitchen"], max_, D(2026, 11, 19))
    return ids


def test_reminders_for_ending_mandates_and_tasks_with_no_one(store, board):
    found = responsibilities.reminders(store, TODAY)
    texts = [(r.text, r.urgent, r.due) for r in found]
    assert ("Fin de mandat le 9 janvier 2027 : Zoé, Présidence.", False, D(2027, 1, 9)) in texts
    assert ("Fin de mandat le 5 décembre 2026 : Max, Secrétariat.", True, D(2026, 12, 5)) in texts
    assert not any("Lia" in t for t, _u, _d in texts)  # a successor is already recorded
    uncovered = sorted(t for t, _u, _d in texts if t.startswith("Personne"))
    assert uncovered == [
        "Personne n'est inscrit·e cette semaine pour « Animer le groupe de discussion ».",
        "Personne n'est inscrit·e cette semaine pour « Ouvrir le local ».",
        "Personne n'est inscrit·e cette semaine pour « Tenir la caisse ».",
    ]  # coffee is covered this week, the kitchen this month, welcoming is « au besoin »
    assert all(r.area == "responsibilities" and r.target_id for r in found)
    assert mandates.week_bounds(TODAY) == (D(2026, 11, 22), D(2026, 11, 28))
    # the home page gathers them (urgent first)
    assert home_reminders.collect(store, TODAY)[0].text == "Fin de mandat le 5 décembre 2026 : Max, Secrétariat."


def test_no_reminder_beyond_sixty_days(store, board):
    texts = [r.text for r in responsibilities.reminders(store, D(2026, 9, 1))]
    assert not any(t.startswith("Fin de mandat") for t in texts)


def test_mandates_to_fill_lists_vacant_seats_and_terms_ending_within_ninety_days(store, board):
    found = responsibilities.mandates_to_fill(store, TODAY)
    summary = [(m.title, m.seat, m.holder, m.ends_on) for m in found]
    assert ("Présidence", 1, "Zoé", D(2027, 1, 9)) in summary
    assert ("Secrétariat", 1, "Max", D(2026, 12, 5)) in summary
    assert not any(title == "Trésorerie" for title, *_rest in summary)
    vacant = [m for m in found if m.title == "Siège au CA (membres)"]
    assert [(m.seat, m.seats, m.term_months, m.ends_on, m.holder) for m in vacant] == [
        (n, 5, 24, None, "") for n in range(1, 6)]
    seats = {(s.responsibility.title, s.seat): s for s in mandates.seats(store, TODAY)}
    assert seats[("Présidence", 1)].status_text() == "Se termine dans 45 jours"
    assert seats[("Trésorerie", 1)].status_text() == "Se termine dans 25 jours — suite prévue"
    assert seats[("Siège au CA (membres)", 2)].status_text() == "Vacant"


def test_terms_merged_from_two_machines_on_one_seat_are_flagged(store, board):
    """The checks run on each machine; a synchronisation can still bring two terms on one seat."""
    other = person(store, "Éloi", "membre", "administrateur")
    rows.insert(store, "assignments", {"responsibility_id": board["presidency"], "person_id": other, "seat": 1,
                                       "start_on": "2026-03-01", "end_on": "2027-02-28", "origin": "elected"})
    seat = next(s for s in mandates.seats(store, TODAY) if s.responsibility.id == board["presidency"])
    assert seat.current.person_name == "Zoé" and [a.person_name for a in seat.overlapping] == ["Éloi"]
    assert seat.status_text().startswith("Deux mandats se chevauchent sur ce siège (aussi : Éloi)")
