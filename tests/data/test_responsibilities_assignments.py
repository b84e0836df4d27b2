"""Assignments: periods, occurrences, shared tasks, mandate terms and seats, and bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from entraide_desktop.data import rows
from entraide_desktop.data.errors import EntraideError, ErasedRow, ValidationError
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import catalogue

D = dt.date


def person(store, name: str, *roles: str, **values) -> str:
    return rows.insert(store, "people", {"first_name": name, "roles": json.dumps(list(roles or ["membre"])), **values})


@pytest.fixture
def cat(store):
    catalogue.install_starting_catalogue(store)
    return {code: catalogue.starting_id(code) for code in ("coffee", "presidency", "board_members_seat",
                                                            "collective_kitchen", "members_committee")}


def count(store) -> int:
    return store.db.execute("SELECT count(*) FROM assignments").fetchone()[0]


def test_several_people_share_a_task_for_a_period_or_a_day(store, cat):
    ana, luc = person(store, "Ana"), person(store, "Luc", "intervenant")
    A.assign(store, A.Draft(cat["collective_kitchen"], ana, D(2026, 3, 19), D(2026, 3, 19)))
    A.assign(store, A.Draft(cat["collective_kitchen"], luc, D(2026, 3, 19), D(2026, 3, 19)))
    A.assign(store, A.Draft(cat["coffee"], ana, D(2026, 4, 1), D(2026, 6, 30)))
    kitchen = A.find(store, responsibility_id=cat["collective_kitchen"])
    assert sorted(a.person_name for a in kitchen) == ["Ana", "Luc"]
    coffee = A.find(store, responsibility_id=cat["coffee"])[0]
    assert coffee.period_text() == "du 1er avril 2026 au 30 juin 2026"
    assert coffee.covers(D(2026, 5, 5)) and not coffee.covers(D(2026, 7, 1))
    assert [a.title for a in A.find(store, person_id=ana, start=D(2026, 5, 1), end=D(2026, 5, 31))] == ["Préparer le café"]


def test_one_activity_occurrence_has_a_deterministic_id_and_no_duplicate(store, cat):
    ana = person(store, "Ana")
    key = "activité-42|2026-03-17T13:30"
    first = A.assign(store, A.Draft(cat["coffee"], ana, D(2026, 3, 17), D(2026, 3, 30), occurrence_key=key))
    assert first == A.occurrence_assignment_id(cat["coffee"], ana, key)
    saved = A.get_assignment(store, first)
    assert (saved.occurrence_key, saved.end_on) == (key, D(2026, 3, 17))  # one day: the occurrence's
    with pytest.raises(ValidationError):
        A.assign(store, A.Draft(cat["coffee"], ana, D(2026, 3, 17), occurrence_key=key))
    A.remove_assignment(store, first)
    assert A.assign(store, A.Draft(cat["coffee"], ana, D(2026, 3, 17), occurrence_key=key)) == first


def test_a_mandate_gets_its_term_seat_and_origin(store, cat):
    zoe = person(store, "Zoé", "membre", "administrateur")
    aid = A.assign(store, A.Draft(cat["presidency"], zoe, D(2026, 6, 25), origin="elected", origin_on=D(2026, 6, 11)))
    term = A.get_assignment(store, aid)
    assert (term.end_on, term.seat) == (D(2027, 6, 24), 1)
    assert term.origin_label == "Élu·e à l'AGA du 11 juin 2026"
    assert A.origin_text("coopted", D(2026, 9, 2)) == "Coopté·e par le CA le 2 septembre 2026"
    assert A.default_end(D(2025, 6, 12), 24) == D(2027, 6, 11)


def test_overlapping_terms_on_one_seat_are_refused_and_nothing_is_saved(store, cat):
    zoe = person(store, "Zoé", "membre", "administrateur")
    max_ = person(store, "Max", "membre", "administrateur")
    A.assign(store, A.Draft(cat["presidency"], zoe, D(2026, 1, 10), origin="elected"))
    before = count(store)
    with pytest.raises(ValidationError) as error:
        A.assign(store, A.Draft(cat["presidency"], max_, D(2026, 6, 1), origin="elected"))
    assert "Les sièges de « Présidence » (1) sont tous occupés" in str(error.value)
    with pytest.raises(ValidationError) as error:
        A.assign(store, A.Draft(cat["presidency"], max_, D(2026, 6, 1), seat=1, origin="elected"))
    assert str(error.value).startswith("Le siège 1 de « Présidence » est déjà occupé par Zoé du 10 janvier 2026 au")
    assert count(store) == before
    # the day after the term ends is free
    A.assign(store, A.Draft(cat["presidency"], max_, D(2027, 1, 10), origin="elected"))


def test_a_free_seat_is_chosen_when_none_is_given(store, cat):
    people = [person(store, f"Membre {i}") for i in range(6)]
    seats = [A.get_assignment(store, A.assign(store, A.Draft(cat["board_members_seat"], p, D(2026, 6, 11),
                                                             origin="elected"))).seat for p in people[:5]]
    assert seats == [1, 2, 3, 4, 5]
    with pytest.raises(ValidationError, match="sont tous occupés"):
        A.assign(store, A.Draft(cat["board_members_seat"], people[5], D(2026, 6, 11), origin="elected"))
    with pytest.raises(ValidationError, match="entre 1 et 5"):
        A.assign(store, A.Draft(cat["board_members_seat"], people[5], D(2026, 6, 11), seat=6, origin="elected"))


def test_end_before_start_is_explained(store, cat):
    ana = person(store, "Ana")
    with pytest.raises(ValidationError) as error:
        A.assign(store, A.Draft(cat["coffee"], ana, D(2026, 3, 10), D(2026, 3, 1)))
    assert str(error.value) == ("La date de fin (1er mars 2026) est avant la date de début (10 mars 2026) : "
                                "corrigez l'une ou l'autre.")
    assert error.value.field == "end_on"
    with pytest.raises(ValidationError, match="date de début"):
        A.assign(store, A.Draft(cat["coffee"], ana, None))
    assert count(store) == 0


def test_archived_erased_and_ineligible_people_cannot_be_given_a_responsibility(store, cat):
    gone = person(store, "Gaétan")
    rows.archive(store, "people", gone)
    with pytest.raises(ValidationError) as error:
        A.assign(store, A.Draft(cat["coffee"], gone, D(2026, 3, 3)))
    assert "Gaétan est archivé·e dans le registre : restaurez sa fiche" in str(error.value)
    erased = person(store, "Éric")
    rows.erase(store, "people", erased)
    with pytest.raises(ErasedRow, match="retirée du registre"):
        A.assign(store, A.Draft(cat["coffee"], erased, D(2026, 3, 3)))
    staff = person(store, "Luc", "intervenant")
    with pytest.raises(ValidationError) as error:
        A.assign(store, A.Draft(cat["members_committee"], staff, D(2026, 9, 1)))
    assert str(error.value) == ("« Comité des membres » est réservé aux personnes qui ont le rôle : Membre. "
                                "Luc n'a pas ce rôle dans le registre.")
    with pytest.raises(ValidationError, match="comment la personne a obtenu ce mandat"):
        A.assign(store, A.Draft(cat["board_members_seat"], person(store, "Ana"), D(2026, 6, 11)))
    with pytest.raises(ValidationError, match="Choisissez la personne"):
        A.assign(store, A.Draft(cat["coffee"], "", D(2026, 3, 3)))
    assert count(store) == 0


def test_the_same_person_cannot_hold_it_twice_at_once(store, cat):
    ana = person(store, "Ana")
    A.assign(store, A.Draft(cat["members_committee"], ana, D(2025, 9, 1)))  # no end yet
    with pytest.raises(ValidationError, match="Ana tient déjà « Comité des membres » depuis le 1er septembre 2025"):
        A.assign(store, A.Draft(cat["members_committee"], ana, D(2026, 9, 1), D(2027, 8, 31)))


def test_ending_and_changing_keep_the_checks(store, cat):
    zoe = person(store, "Zoé", "membre", "administrateur")
    max_ = person(store, "Max", "membre", "administrateur")
    first = A.assign(store, A.Draft(cat["presidency"], zoe, D(2026, 1, 10), origin="elected"))
    A.end_assignment(store, first, D(2026, 4, 30), "Démission")
    ended = A.get_assignment(store, first)
    assert (ended.end_on, ended.note) == (D(2026, 4, 30), "Démission")
    second = A.assign(store, A.Draft(cat["presidency"], max_, D(2026, 5, 1), origin="coopted", origin_on=D(2026, 4, 28)))
    with pytest.raises(ValidationError, match="déjà occupé par Max"):
        A.end_assignment(store, first, D(2026, 5, 15))
    assert A.get_assignment(store, first).end_on == D(2026, 4, 30)
    with pytest.raises(ValidationError, match="avant la date de début"):
        A.end_assignment(store, second, D(2026, 4, 1))
    # an archived person's term can still be ended (only new holders are checked)
    rows.archive(store, "people", max_)
    A.end_assignment(store, second, D(2026, 12, 31))
    assert A.get_assignment(store, second).end_on == D(2026, 12, 31)


def test_removed_assignment_no_longer_counts_and_errors_are_user_facing(store, cat):
    ana = person(store, "Ana")
    aid = A.assign(store, A.Draft(cat["coffee"], ana, D(2026, 3, 3), D(2026, 3, 3)))
    A.remove_assignment(store, aid)
    assert A.find(store) == []
    with pytest.raises(EntraideError):
        A.get_assignment(store, aid)
