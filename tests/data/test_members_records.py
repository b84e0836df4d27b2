"""A person's record: optional fields, validation, one transaction per form, archive and restore."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import members, people, rows
from entraide_desktop.data.errors import ErasedRow, ValidationError
from entraide_desktop.data.members import MembershipDraft, PersonChanges


def test_a_first_name_or_a_chosen_name_is_enough(store):
    only_first = members.create_person(store, {"first_name": "Lucie"})
    only_chosen = members.create_person(store, {"display_name": "Ti-Guy"})
    assert members.get_person(store, only_first).name == "Lucie"
    assert members.get_person(store, only_chosen).name == "Ti-Guy"
    with pytest.raises(ValidationError) as caught:
        members.create_person(store, {"phone": "418 555-1234"})
    assert caught.value.field == "first_name"
    assert "prénom ou un nom choisi" in caught.value.message


def test_no_column_for_health_information(store):
    columns = {row[1] for row in store.db.execute("PRAGMA table_info(people)").fetchall()}
    for word in ("diagnos", "medic", "sante", "health", "clinic", "traitement"):
        assert not any(word in c for c in columns), columns
    nullable = {row[1] for row in store.db.execute("PRAGMA table_info(people)").fetchall() if not row[3]}
    assert columns - nullable == {"archived"}  # every personal field is optional


def test_values_are_normalised_when_saved(store):
    pid = members.create_person(store, {
        "first_name": "  Hélène ", "last_name": "Côté", "phone": "(418) 555-1234", "mobile": "1 581 555 0000",
        "email": "Helene@EXEMPLE.org", "member_since": "15/03/2019", "roles": ["benevole", "membre"],
        "contact_method": "mobile",
    })
    record = members.get_person(store, pid)
    assert (record.first_name, record.phone, record.mobile, record.email, record.member_since) == (
        "Hélène", "418 555-1234", "581 555-0000", "Helene@exemple.org", "2019-03-15")
    assert record.roles == ("membre", "benevole")
    assert record.status == "actif"


def test_a_mistake_anywhere_saves_nothing(store):
    pid = members.create_person(store, {"first_name": "Réjean", "phone": "418 555-1234"})
    before = len(rows.history(store, "people", pid))
    changes = PersonChanges(
        fields={"first_name": "Réjean", "phone": "819 555-9999"},
        consents={"photos": (True, dt.date.today() + dt.timedelta(days=10))},
    )
    with pytest.raises(ValidationError) as caught:
        members.save_person(store, pid, changes)
    assert caught.value.field == "photos"
    assert members.get_person(store, pid).phone == "418 555-1234"
    assert len(rows.history(store, "people", pid)) == before
    bad_membership = PersonChanges(fields={"phone": "819 555-9999"},
                                   memberships=[MembershipDraft({"paid_on": "31/02/2024"})])
    with pytest.raises(ValidationError):
        members.save_person(store, pid, bad_membership)
    assert members.get_person(store, pid).phone == "418 555-1234"


def test_a_form_saves_fields_consents_and_memberships_together(store):
    today = dt.date(2026, 11, 25)
    pid = members.save_person(store, None, PersonChanges(
        fields={"first_name": "Manon", "roles": ["membre"]},
        consents={"phone_network": (True, dt.date(2026, 10, 1))},
        memberships=[MembershipDraft({"paid_on": "2026-04-10", "amount": ""})],
    ), today=today)
    assert people.has_consent(store, pid, "phone_network", today)
    assert people.in_good_standing(store, pid, today)
    (membership,) = members.list_memberships(store, pid)
    assert membership.amount is None and membership.period_label == "2026-2027"
    members.save_person(store, pid, PersonChanges(memberships=[MembershipDraft({}, membership.id, remove=True)]),
                        today=today)
    assert not people.in_good_standing(store, pid, today)


def test_archive_is_the_delete_and_can_be_undone(store):
    pid = members.create_person(store, {"first_name": "Denis", "roles": ["membre"]})
    members.archive_person(store, pid)
    assert pid not in {p.id for p in people.list_people(store)}
    assert members.get_person(store, pid).archived
    members.restore_person(store, pid)
    assert pid in {p.id for p in people.list_people(store)}


def test_an_erased_record_cannot_be_edited(store):
    pid = members.create_person(store, {"first_name": "Gilles"})
    members.erase_person(store, pid, "gilles")
    with pytest.raises(ErasedRow):
        members.update_person(store, pid, {"first_name": "Gilles"})


def test_unknown_codes_are_refused(store):
    with pytest.raises(ValidationError) as caught:
        members.create_person(store, {"first_name": "A", "roles": ["presidente"]})
    assert caught.value.field == "roles"
    with pytest.raises(ValidationError):
        members.create_person(store, {"first_name": "A", "status": "archive"})
    with pytest.raises(ValidationError):
        members.create_person(store, {"first_name": "A", "contact_method": "pigeon"})
