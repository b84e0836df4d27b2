"""A membership fee is one record in the register and in the treasury."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.members import memberships
from entraide_desktop.data.members.erase import erase_person
from entraide_desktop.data.treasury import chart, closing, fees, journal


@pytest.fixture
def treasury(store):
    chart.install_starting_chart(store)
    return store


@pytest.fixture
def marie(treasury):
    return rows.insert(treasury, "people", {"first_name": "Marie", "last_name": "Tremblay", "roles": '["membre"]'})


def test_a_membership_with_an_amount_writes_its_income_entry(treasury, marie):
    membership = fees.save_membership_fee(treasury, marie, {"paid_on": "2026-09-03", "amount": "10,00"},
                                          method="cash")
    entry = journal.get_entry(treasury, fees.fee_entry_id(membership))
    assert (entry.kind, entry.amount_cents, entry.on, entry.person_id) == ("income", 1000, dt.date(2026, 9, 3), marie)
    assert entry.category_id == chart.starting_id(chart.CATEGORIES, "fees")
    assert entry.membership_id == membership and entry.method == "cash"


def test_a_free_membership_writes_nothing_to_the_journal(treasury, marie):
    fees.save_membership_fee(treasury, marie, {"paid_on": "2026-09-03", "amount": "gratuit"})
    assert journal.list_entries(treasury) == []


def test_changing_or_removing_the_fee_changes_or_deletes_the_entry(treasury, marie):
    membership = fees.save_membership_fee(treasury, marie, {"paid_on": "2026-09-03", "amount": "10"})
    fees.save_membership_fee(treasury, marie, {"paid_on": "2026-09-04", "amount": "15"}, membership)
    entry = journal.get_entry(treasury, fees.fee_entry_id(membership))
    assert (entry.amount_cents, entry.on) == (1500, dt.date(2026, 9, 4))
    fees.remove_membership_fee(treasury, membership)
    assert journal.list_entries(treasury) == []
    assert rows.get(treasury, "memberships", membership)["archived"] == 1


def test_a_fee_received_in_the_treasury_makes_the_person_a_member_in_good_standing(treasury, marie):
    membership = fees.record_fee(treasury, marie, on=dt.date(2026, 5, 2), amount="5")
    assert memberships.standing(treasury, marie, dt.date(2026, 6, 1)).in_good_standing
    assert journal.get_entry(treasury, fees.fee_entry_id(membership)).amount_cents == 500


def test_a_fee_in_a_closed_year_is_refused_and_changes_nothing(treasury, marie):
    closing.close_year(treasury, 2025, closed_on=dt.date(2026, 6, 1))
    with pytest.raises(ValidationError, match="fermé"):
        fees.save_membership_fee(treasury, marie, {"paid_on": "2025-09-03", "amount": "10"})
    assert memberships.list_memberships(treasury, marie) == []


def test_erasing_the_person_keeps_the_amount_and_loses_the_name(treasury, marie):
    membership = fees.save_membership_fee(treasury, marie, {"paid_on": "2026-09-03", "amount": "10"})
    erase_person(treasury, marie, "Marie Tremblay")
    entry = journal.get_entry(treasury, fees.fee_entry_id(membership))
    assert entry.amount_cents == 1000
    assert rows.get(treasury, "people", marie) is None
    assert "Tremblay" not in str(rows.get(treasury, journal.TABLE, entry.id))


def test_the_person_form_writes_a_new_fee_to_the_journal_and_leaves_old_fees_alone(treasury, marie):
    from entraide_desktop.data.members.records import MembershipDraft, PersonChanges

    old = memberships.add_membership(treasury, marie, {"paid_on": "2024-05-01", "amount": "5"})  # before the treasury
    changes = PersonChanges(memberships=[MembershipDraft({"paid_on": "2026-09-03", "amount": "10"}),
                                         MembershipDraft({"paid_on": "2024-05-01", "amount": "5", "note": "x"}, old)])
    fees.save_person_with_fees(treasury, marie, changes)
    [entry] = journal.list_entries(treasury)
    assert entry.amount_cents == 1000 and entry.on == dt.date(2026, 9, 3)
    assert rows.get(treasury, journal.TABLE, fees.fee_entry_id(old)) is None
