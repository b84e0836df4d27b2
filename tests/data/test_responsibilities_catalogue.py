"""The catalogue of responsibilities: starting entries, checks, what may change once used."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from entraide_desktop.data import rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import catalogue


def test_starting_catalogue_has_tasks_roles_and_mandates_once(store):
    added = catalogue.install_starting_catalogue(store)
    assert len(added) == 13
    assert catalogue.install_starting_catalogue(store) == []  # installing again adds nothing
    found = catalogue.list_responsibilities(store)
    titles = [r.title for r in found]
    assert titles[:6] == ["Accueil des nouveaux", "Animer le groupe de discussion", "Cuisine collective",
                          "Ouvrir le local", "Préparer le café", "Tenir la caisse"]
    assert [r.kind for r in found] == ["task"] * 6 + ["role"] * 2 + ["mandate"] * 5
    assert all(r.description and r.handover for r in found)
    seat = catalogue.get_responsibility(store, catalogue.starting_id("board_members_seat"))
    assert (seat.seats, seat.term_months, seat.eligible_roles) == (5, 24, ("membre",))
    assert seat.eligibility_text() == "Réservé aux personnes qui ont le rôle : Membre"
    assert seat.summary() == "Mandat électif · mandat de 24 mois · 5 sièges"


def test_starting_ids_are_the_same_on_every_machine():
    assert catalogue.starting_id("coffee") == catalogue.starting_id("coffee")
    assert catalogue.starting_id("coffee") != catalogue.starting_id("cash")


def test_a_new_task_needs_a_name_and_a_mandate_a_term(store):
    with pytest.raises(ValidationError, match="Donnez un nom"):
        catalogue.save_responsibility(store, {"kind": "task", "title": "   "})
    with pytest.raises(ValidationError, match="durée d'un mandat"):
        catalogue.save_responsibility(store, {"kind": "mandate", "title": "Vice-présidence"})
    assert catalogue.list_responsibilities(store) == []
    rid = catalogue.save_responsibility(store, {"kind": "mandate", "title": " Vice-présidence ", "term_months": 12,
                                                "eligible_roles": ["administrateur", "pas-un-role"]})
    saved = catalogue.get_responsibility(store, rid)
    assert (saved.title, saved.term_months, saved.eligible_roles, saved.frequency) == (
        "Vice-présidence", 12, ("administrateur",), "")


def test_kind_and_seats_cannot_change_under_existing_assignments(store):
    pid = rows.insert(store, "people", {"first_name": "Ana", "roles": json.dumps(["membre"])})
    rid = catalogue.save_responsibility(store, {"kind": "mandate", "title": "Siège", "term_months": 24, "seats": 3})
    A.assign(store, A.Draft(rid, pid, dt.date(2026, 6, 11), seat=3, origin="elected"))
    with pytest.raises(ValidationError, match="son genre"):
        catalogue.save_responsibility(store, {"kind": "task", "title": "Siège"}, rid)
    with pytest.raises(ValidationError, match="gardez au moins 3 sièges"):
        catalogue.save_responsibility(store, {"kind": "mandate", "title": "Siège", "term_months": 24, "seats": 2}, rid)
    catalogue.save_responsibility(store, {"kind": "mandate", "title": "Siège au CA", "term_months": 24, "seats": 4}, rid)
    assert catalogue.get_responsibility(store, rid).seats == 4


def test_archived_responsibility_leaves_the_list_and_cannot_be_given(store):
    pid = rows.insert(store, "people", {"first_name": "Ana", "roles": json.dumps(["membre"])})
    rid = catalogue.save_responsibility(store, {"kind": "task", "title": "Arroser les plantes"})
    catalogue.archive_responsibility(store, rid)
    assert catalogue.list_responsibilities(store) == []
    assert [r.id for r in catalogue.list_responsibilities(store, include_archived=True)] == [rid]
    with pytest.raises(ValidationError, match="archivée"):
        A.assign(store, A.Draft(rid, pid, dt.date(2026, 3, 3)))
    catalogue.restore_responsibility(store, rid)
    A.assign(store, A.Draft(rid, pid, dt.date(2026, 3, 3)))
