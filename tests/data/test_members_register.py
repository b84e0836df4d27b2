"""The register as a list: accent-blind search, filters, sorting, and history of a record."""

from __future__ import annotations

import datetime as dt

from entraide_desktop.data import members, people
from entraide_desktop.data.members.memberships import paid_between
from entraide_desktop.data.members.register import Criteria, filter_rows, narrows, sort_rows
from entraide_desktop.data.store import Author
from entraide_desktop.data.text import fold


def _people(store):
    ids = {
        "helene": members.create_person(store, {"first_name": "Hélène", "last_name": "Côté", "phone": "418 555-0101",
                                                "email": "helene@exemple.org", "roles": ["membre"]}),
        "luc": members.create_person(store, {"first_name": "Luc", "last_name": "Coté", "display_name": "Ti-Luc",
                                             "roles": ["benevole"], "status": "inactif"}),
        "eric": members.create_person(store, {"first_name": "Éric", "last_name": "Tremblay", "mobile": "581 555-0202",
                                              "roles": ["membre", "administrateur"]}),
        "gone": members.create_person(store, {"first_name": "Hélèna", "roles": ["membre"]}),
    }
    members.archive_person(store, ids["gone"])
    members.add_membership(store, ids["helene"], {"paid_on": dt.date.today()})
    members.grant_consent(store, ids["eric"], "phone_network")
    return ids


def _names(found):
    return [r.name for r in found]


def test_search_ignores_case_and_accents(store):
    _people(store)
    rows = members.load_register(store)
    assert _names(filter_rows(rows, Criteria(text="helene"))) == ["Hélène Côté"]
    assert sorted(_names(filter_rows(rows, Criteria(text="cote")))) == ["Hélène Côté", "Ti-Luc"]
    assert _names(filter_rows(rows, Criteria(text="ERIC"))) == ["Éric Tremblay"]
    assert _names(filter_rows(rows, Criteria(text="côté hél"))) == ["Hélène Côté"]


def test_search_finds_emails_and_phone_numbers_however_typed(store):
    _people(store)
    rows = members.load_register(store)
    for typed in ("418 555-0101", "4185550101", "555-0101", "helene@"):
        assert _names(filter_rows(rows, Criteria(text=typed))) == ["Hélène Côté"], typed
    assert _names(filter_rows(rows, Criteria(text="581-555"))) == ["Éric Tremblay"]


def test_filters(store):
    _people(store)
    rows = members.load_register(store)
    assert sorted(_names(filter_rows(rows, Criteria(role="membre")))) == ["Hélène Côté", "Éric Tremblay"]
    assert _names(filter_rows(rows, Criteria(status="inactif"))) == ["Ti-Luc"]
    assert _names(filter_rows(rows, Criteria(status="archived"))) == ["Hélèna"]
    assert len(filter_rows(rows, Criteria(status="all"))) == 4
    assert _names(filter_rows(rows, Criteria(standing=True))) == ["Hélène Côté"]
    assert _names(filter_rows(rows, Criteria(standing=False))) == ["Éric Tremblay"]
    assert _names(filter_rows(rows, Criteria(consent="phone_network"))) == ["Éric Tremblay"]
    assert sorted(_names(filter_rows(rows, Criteria(text="hel", status="all", role="membre")))) == [
        "Hélèna", "Hélène Côté"]


def test_sorting_by_name_ignores_accents_and_narrowing_keeps_the_order(demo_store):
    rows = sort_rows(members.load_register(demo_store), "name")
    names = [fold(r.name) for r in rows]
    assert names == sorted(names)
    previous = Criteria(text="ma")
    now = Criteria(text="mar")
    assert narrows(previous, now) and not narrows(now, previous)
    assert not narrows(Criteria(text="ma"), Criteria(text="mar", role="membre"))
    within = filter_rows(rows, previous)
    assert filter_rows(rows, now, within) == filter_rows(rows, now)
    by_since = sort_rows(rows, "member_since", descending=True)
    assert by_since[0].member_since >= by_since[-1].member_since


def test_register_row_agrees_with_the_core_api(demo_store):
    today = dt.date.today()
    standing = people.members_in_good_standing(demo_store, today)
    network = people.people_with_consent(demo_store, "phone_network", today)
    for row in members.load_register(demo_store, today):
        assert row.in_good_standing == (row.id in standing)
        if not row.archived:
            assert ("phone_network" in row.consents) == (row.id in network)


def test_history_names_who_changed_which_field(store):
    pid = members.create_person(store, {"first_name": "Hélène", "phone": "418 555-0101"})
    desk = store.with_author(Author("accueil", "Lucie (accueil)"))
    members.update_person(desk, pid, {"phone": "418 555-9999", "roles": ["membre", "benevole"]})
    members.archive_person(desk, pid)
    history = members.person_history(store, pid)
    latest = {(e.author, e.what, e.value) for e in history}
    assert ("Lucie (accueil)", "Téléphone", "418 555-9999") in latest
    assert ("Lucie (accueil)", "Rôles", "Membre, Bénévole") in latest
    assert ("Lucie (accueil)", "Fiche", "Archivée") in latest
    assert ("Marie (secrétariat)", "Prénom", "Hélène") in latest
    assert history[0].when >= history[-1].when
    members.grant_consent(store, pid, "photos", dt.date(2026, 1, 5))
    entry = members.person_history(store, pid)[0]
    assert (entry.what, entry.value) == ("Consentement « Photos »", "Donné le lundi 5 janvier 2026")


def test_memberships_paid_between_two_dates_are_those_with_money_in_order_of_payment(store):
    ana = members.create_person(store, {"first_name": "Ana", "roles": ["membre"]})
    luc = members.create_person(store, {"first_name": "Luc", "roles": ["membre"]})
    late = members.add_membership(store, ana, {"paid_on": dt.date(2026, 3, 2), "amount": "10"})
    early = members.add_membership(store, luc, {"paid_on": dt.date(2026, 1, 15), "amount": "5,00"})
    members.add_membership(store, luc, {"paid_on": dt.date(2026, 2, 1), "amount": "0"})  # free: no money came in
    members.add_membership(store, ana, {"paid_on": dt.date(2025, 12, 31), "amount": "10"})  # before
    removed = members.add_membership(store, luc, {"paid_on": dt.date(2026, 2, 10), "amount": "10"})
    members.remove_membership(store, removed)
    found = paid_between(store, dt.date(2026, 1, 1), dt.date(2026, 3, 2))
    assert [m.id for m in found] == [early, late]
    assert [m.person_id for m in found] == [luc, ana]
