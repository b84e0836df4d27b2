"""Consent per use (dated grants and withdrawals) and « membre en règle » computed on a date."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import members, people, rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.members.memberships import covers, membership_year, standing_of

D = dt.date


def _member(store, name="Hélène", roles=("membre",)):
    return members.create_person(store, {"first_name": name, "roles": list(roles)})


def test_consent_is_dated_and_a_withdrawal_is_recorded_not_deleted(store):
    pid = _member(store)
    members.set_consent(store, pid, "photos", True, D(2024, 1, 10), today=D(2026, 1, 1))
    members.set_consent(store, pid, "photos", False, D(2025, 6, 1), today=D(2026, 1, 1))
    assert people.has_consent(store, pid, "photos", D(2025, 5, 31))
    assert not people.has_consent(store, pid, "photos", D(2025, 6, 1))
    assert not people.has_consent(store, pid, "photos", D(2024, 1, 9))
    row = rows.get(store, "consents", people.consent_id(pid, "photos"))
    assert (row["granted_on"], row["withdrawn_on"], row["granted"]) == ("2024-01-10", "2025-06-01", 1)
    state = members.consent_states(store, pid)["photos"]
    assert state.describe(D(2026, 1, 1)) == "Retiré le dimanche 1er juin 2025 (donné le mercredi 10 janvier 2024)"
    # Given again later: a new period; the history keeps the withdrawal.
    members.set_consent(store, pid, "photos", True, D(2025, 12, 1), today=D(2026, 1, 1))
    assert people.has_consent(store, pid, "photos", D(2025, 12, 2))
    values = [c.value for c in rows.history(store, "consents", people.consent_id(pid, "photos")) if c.field == "withdrawn_on"]
    assert values == [None, "2025-06-01", None]  # given, withdrawn, given again


def test_consent_dates_are_checked(store):
    pid = _member(store)
    with pytest.raises(ValidationError) as caught:
        members.set_consent(store, pid, "phone_network", True, D(2027, 1, 1), today=D(2026, 1, 1))
    assert "futur" in caught.value.message
    members.set_consent(store, pid, "phone_network", True, D(2025, 3, 1), today=D(2026, 1, 1))
    with pytest.raises(ValidationError) as caught:
        members.set_consent(store, pid, "phone_network", False, D(2025, 2, 1), today=D(2026, 1, 1))
    assert "ne peut pas précéder" in caught.value.message
    with pytest.raises(ValidationError):
        members.set_consent(store, pid, "sondages", True, D(2025, 2, 1))


def test_withdrawing_what_was_never_given_changes_nothing(store):
    pid = _member(store)
    assert members.withdraw_consent(store, pid, "mailings") is False
    assert rows.get(store, "consents", people.consent_id(pid, "mailings")) is None


def test_people_with_consent_matches_has_consent(demo_store):
    on = D(2026, 11, 25)
    for purpose in people.CONSENT_PURPOSES:
        listed = people.people_with_consent(demo_store, purpose, on)
        active = {p.id for p in people.list_people(demo_store)}
        assert listed == {pid for pid in active if people.has_consent(demo_store, pid, purpose, on)}


def test_membership_year_runs_april_to_march():
    assert membership_year(D(2026, 3, 31)) == (D(2025, 4, 1), D(2026, 3, 31))
    assert membership_year(D(2026, 4, 1)) == (D(2026, 4, 1), D(2027, 3, 31))


def test_good_standing_needs_the_member_role_and_a_paid_membership_covering_the_date(store):
    pid = _member(store)
    volunteer = _member(store, "Luc", roles=("benevole",))
    members.add_membership(store, pid, {"paid_on": "2025-05-15", "amount": "0"})  # free membership
    members.add_membership(store, volunteer, {"paid_on": "2025-05-15", "amount": "5"})
    assert people.in_good_standing(store, pid, D(2025, 6, 1))
    assert not people.in_good_standing(store, pid, D(2025, 5, 14)), "not yet paid on that day"
    assert not people.in_good_standing(store, pid, D(2026, 4, 1)), "the year ended"
    assert not people.in_good_standing(store, volunteer, D(2025, 6, 1)), "not a member"
    members.archive_person(store, pid)
    assert not people.in_good_standing(store, pid, D(2025, 6, 1))


def test_standing_says_until_when_and_counts_an_early_renewal(store):
    pid = _member(store)
    members.add_membership(store, pid, {"paid_on": "2025-04-02"})
    members.add_membership(store, pid, {"paid_on": "2026-03-10", "period_start": "2026-04-01",
                                        "period_end": "2027-03-31"})
    state = members.standing(store, pid, D(2026, 3, 20))
    assert state.in_good_standing and state.until == D(2027, 3, 31)
    assert state.describe() == "Membre en règle jusqu'au mercredi 31 mars 2027."
    later = members.standing(store, pid, D(2027, 6, 1))
    assert not later.in_good_standing and later.expired_on == D(2027, 3, 31)
    assert "a pris fin le mercredi 31 mars 2027" in later.describe()


def test_a_removed_membership_no_longer_counts(store):
    pid = _member(store)
    mid = members.add_membership(store, pid, {"paid_on": "2025-05-01"})
    members.remove_membership(store, mid)
    assert not people.in_good_standing(store, pid, D(2025, 6, 1))


def test_membership_values_are_checked(store):
    pid = _member(store)
    with pytest.raises(ValidationError) as caught:
        members.add_membership(store, pid, {"amount": "5"})
    assert caught.value.field == "paid_on"
    with pytest.raises(ValidationError) as caught:
        members.add_membership(store, pid, {"paid_on": "2025-05-01", "period_start": "2025-06-01",
                                            "period_end": "2025-01-01"})
    assert caught.value.field == "period_end"


def test_python_rule_and_sql_rule_agree_on_the_demo_group(demo_store):
    for on in (D(2024, 4, 1), D(2025, 3, 31), D(2026, 11, 25)):
        expected = set()
        for ref in people.list_people(demo_store):
            found = members.list_memberships(demo_store, ref.id)
            if standing_of(ref.roles, ref.archived, found, on).in_good_standing:
                expected.add(ref.id)
                assert any(covers(m, on) for m in found)
        assert people.members_in_good_standing(demo_store, on) == expected


def test_home_page_reminds_of_memberships_ending_soon(store):
    pid = _member(store)
    members.add_membership(store, pid, {"paid_on": "2026-04-10"})
    assert members.reminders(store, D(2026, 11, 25)) == []
    (reminder,) = members.reminders(store, D(2027, 3, 10))
    assert reminder.area == "members" and "1 cotisation prend fin" in reminder.text
    members.add_membership(store, pid, {"paid_on": "2027-03-05", "period_start": "2027-04-01",
                                        "period_end": "2028-03-31"})
    assert members.reminders(store, D(2027, 3, 10)) == [], "already renewed"
