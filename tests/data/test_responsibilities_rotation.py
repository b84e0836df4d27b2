"""Rotation help: fairness, who is left out, ties decided the same way every time, never-held view."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from entraide_desktop.data import rows
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import availability, catalogue, rotation

D = dt.date


def person(store, name: str, *roles: str, **values) -> str:
    return rows.insert(store, "people", {"first_name": name, "roles": json.dumps(list(roles or ["membre"])), **values})


@pytest.fixture
def coffee(store):
    catalogue.install_starting_catalogue(store)
    return catalogue.starting_id("coffee")


def names(result) -> list[str]:
    return [s.name for s in result.suggestions]


def test_confirming_each_suggestion_goes_round_everyone_equally(store, coffee):
    for name in ("Denis", "Béatrice", "Ahmed", "Chantal"):
        person(store, name)
    chosen = []
    day = D(2026, 1, 6)
    for _week in range(12):
        first = rotation.suggest(store, coffee, day).first
        A.assign(store, A.Draft(coffee, first.person_id, day, day))
        chosen.append(first.name)
        day += dt.timedelta(days=7)
    assert chosen[:4] == ["Ahmed", "Béatrice", "Chantal", "Denis"]  # never held: alphabetical
    assert chosen[4:8] == chosen[:4] and chosen[8:] == chosen[:4]  # then whoever held it longest ago
    assert set(Counter(chosen).values()) == {3}


def test_least_often_then_least_recently_then_least_busy(store, coffee):
    often, once_long_ago, once_recently, busy = (person(store, n) for n in ("Often", "Longago", "Recent", "Busy"))
    for week in range(3):
        day = D(2026, 2, 3) + dt.timedelta(days=7 * week)
        A.assign(store, A.Draft(coffee, often, day, day))
    A.assign(store, A.Draft(coffee, once_long_ago, D(2025, 12, 2), D(2025, 12, 2)))
    A.assign(store, A.Draft(coffee, once_recently, D(2026, 2, 24), D(2026, 2, 24)))
    cash = catalogue.starting_id("cash")
    A.assign(store, A.Draft(cash, busy, D(2026, 1, 4), D(2026, 1, 10)))
    fresh = person(store, "Zélie")
    result = rotation.suggest(store, coffee, D(2026, 3, 3))
    # never held (the one with no other responsibility first), then once long ago, once recently, often
    assert names(result) == ["Zélie", "Busy", "Longago", "Recent", "Often"]
    assert result.suggestions[0].person_id == fresh
    assert result.suggestions[0].reason() == "N'a jamais tenu cette tâche. Aucune responsabilité depuis un an."
    assert result.suggestions[1].reason() == "N'a jamais tenu cette tâche. 1 responsabilité en tout depuis un an."
    assert result.suggestions[2].reason().startswith("L'a tenue 1 fois depuis un an, la dernière fois le 2 décembre 2025.")
    # more than a year later, old turns no longer count as « often »: only the last date separates them
    later = rotation.suggest(store, coffee, D(2027, 6, 1))
    assert names(later) == ["Busy", "Zélie", "Longago", "Often", "Recent"]
    assert later.suggestions[2].reason().startswith("Ne l'a pas tenue depuis le 2 décembre 2025.")


def test_the_unavailable_the_archived_the_inactive_and_those_who_asked_are_left_out(store, coffee):
    away, asked, asked_other, archived, inactive, ok = (
        person(store, "Away"), person(store, "Asked"), person(store, "Other"), person(store, "Archived"),
        person(store, "Inactive", status="inactif"), person(store, "Ok"))
    availability.add_unavailability(store, away, D(2026, 3, 1), D(2026, 3, 15), "Vacances")
    availability.set_do_not_propose(store, asked, True)
    availability.set_do_not_propose(store, asked_other, True, catalogue.starting_id("cash"))
    rows.archive(store, "people", archived)
    result = rotation.suggest(store, coffee, D(2026, 3, 10))
    assert names(result) == ["Ok", "Other"]
    assert result.left_out_text() == ("Laissées de côté : 1 personne absente à cette date, "
                                      "1 personne qui a demandé à ne pas être proposée.")
    # the absence is over after the 15th; lifting the preference brings the person back
    availability.set_do_not_propose(store, asked, False)
    assert names(rotation.suggest(store, coffee, D(2026, 3, 16))) == ["Asked", "Away", "Ok", "Other"]
    assert inactive not in [s.person_id for s in result.suggestions]
    assert availability.asked_not_to_be_proposed(store, asked_other, catalogue.starting_id("cash"))
    assert not availability.asked_not_to_be_proposed(store, asked_other, coffee)


def test_an_absence_overlapping_a_planned_period_counts(store, coffee):
    away = person(store, "Away")
    availability.add_unavailability(store, away, D(2026, 3, 20), D(2026, 3, 22))
    assert names(rotation.suggest(store, coffee, D(2026, 3, 16), D(2026, 3, 21))) == []
    assert names(rotation.suggest(store, coffee, D(2026, 3, 16), D(2026, 3, 19))) == ["Away"]


def test_people_already_holding_it_then_and_people_without_the_role_are_left_out(store):
    catalogue.install_starting_catalogue(store)
    committee = catalogue.starting_id("members_committee")
    member, staff, holding = person(store, "Ana"), person(store, "Luc", "intervenant"), person(store, "Max")
    A.assign(store, A.Draft(committee, holding, D(2025, 9, 1), D(2026, 8, 31)))
    result = rotation.suggest(store, committee, D(2026, 3, 1))
    assert [s.person_id for s in result.suggestions] == [member]
    assert (result.already_holding, result.not_allowed) == (1, 1)
    assert staff not in [s.person_id for s in result.suggestions]


def test_ties_are_decided_the_same_way_every_time_and_accents_do_not_matter(store, coffee):
    for name in ("émile", "Eve", "Éric", "eric", "Zoé", "Ève"):
        person(store, name)
    result = rotation.suggest(store, coffee, D(2026, 3, 3), limit=10)
    first = names(result)
    assert first[0] == "émile" and first[-1] == "Zoé"
    assert set(first[1:3]) == {"Éric", "eric"} and set(first[3:5]) == {"Eve", "Ève"}
    ids = [s.person_id for s in result.suggestions]
    assert ids[1] < ids[2] and ids[3] < ids[4]  # same folded name: the record id decides
    for _ in range(5):
        assert names(rotation.suggest(store, coffee, D(2026, 3, 3), limit=10)) == first


def test_absence_checks(store):
    ana = person(store, "Ana")
    from entraide_desktop.data.errors import ValidationError

    with pytest.raises(ValidationError, match="avant la date de début"):
        availability.add_unavailability(store, ana, D(2026, 3, 10), D(2026, 3, 1))
    with pytest.raises(ValidationError, match="premier jour"):
        availability.add_unavailability(store, ana, None, None)
    uid = availability.add_unavailability(store, ana, D(2026, 3, 10), None, "Pause")
    (absence,) = availability.unavailabilities(store, ana)
    assert (absence.end_on, absence.period_text()) == (D(2026, 3, 10), "le 10 mars 2026")
    availability.remove_unavailability(store, uid)
    assert availability.unavailabilities(store, ana) == []


def test_never_held_lists_active_people_kindly_sorted(store, coffee):
    ana, luc, _zoe = person(store, "Ana"), person(store, "Luc", "intervenant"), person(store, "Zoé")
    person(store, "Inactive", status="inactif")
    gone = person(store, "Archived")
    rows.archive(store, "people", gone)
    A.assign(store, A.Draft(coffee, ana, D(2026, 3, 3), D(2026, 3, 3)))
    assert [p.name for p in rotation.never_held(store)] == ["Luc", "Zoé"]
    A.assign(store, A.Draft(coffee, luc, D(2026, 3, 10), D(2026, 3, 10)))
    assert [p.name for p in rotation.never_held(store)] == ["Zoé"]
