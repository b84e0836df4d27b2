"""The group's profile and its exercice financier, and every area counting the same exercice."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from entraide_desktop.data import group, members, responsibilities, rows
from entraide_desktop.data import meetings as mt
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.meetings.report import default_report_year, report_period, year_report
from entraide_desktop.data.members.memberships import clean_membership, default_period, membership_year
from entraide_desktop.data.responsibilities import assignments as A
from entraide_desktop.data.responsibilities import catalogue, figures
from entraide_desktop.data.schema.core import GROUP_PROFILE_ID
from tests.data.test_calendar_support import weekly

D = dt.date


# -- periods, without a database ------------------------------------------------------------------


def test_an_april_exercice_and_its_boundaries():
    assert group.fiscal_year_bounds(2025) == (D(2025, 4, 1), D(2026, 3, 31))
    assert group.fiscal_year_containing(D(2026, 3, 31)) == (D(2025, 4, 1), D(2026, 3, 31))
    assert group.fiscal_year_containing(D(2026, 4, 1)) == (D(2026, 4, 1), D(2027, 3, 31))
    assert group.fiscal_year_containing(D(2026, 1, 1)) == (D(2025, 4, 1), D(2026, 3, 31))
    assert group.fiscal_year_containing(D(2025, 12, 31)) == (D(2025, 4, 1), D(2026, 3, 31))
    assert group.exercice_label(D(2025, 4, 1), D(2026, 3, 31)) == "2025-2026"


def test_a_january_exercice_is_the_calendar_year():
    assert group.fiscal_year_bounds(2025, 1) == (D(2025, 1, 1), D(2025, 12, 31))
    assert group.fiscal_year_containing(D(2025, 1, 1), 1) == (D(2025, 1, 1), D(2025, 12, 31))
    assert group.fiscal_year_containing(D(2025, 12, 31), 1) == (D(2025, 1, 1), D(2025, 12, 31))
    assert group.fiscal_year_containing(D(2026, 1, 1), 1) == (D(2026, 1, 1), D(2026, 12, 31))
    assert group.exercice_label(D(2025, 1, 1), D(2025, 12, 31)) == "2025"


def test_other_start_months_and_labels_of_other_periods():
    assert group.fiscal_year_bounds(2025, 7) == (D(2025, 7, 1), D(2026, 6, 30))
    assert group.fiscal_year_bounds(2023, 3) == (D(2023, 3, 1), D(2024, 2, 29))  # a leap February
    assert group.fiscal_year_bounds(2024, 12) == (D(2024, 12, 1), D(2025, 11, 30))
    assert group.exercice_label(D(2025, 7, 1), D(2026, 6, 30)) == "2025-2026"
    assert group.exercice_label(D(2025, 4, 1), D(2026, 3, 30)) == "du 1er avr. 2025 au 30 mars 2026"
    assert group.exercice_label(D(2025, 4, 2), D(2026, 4, 1)) == "du 2 avr. 2025 au 1er avr. 2026"
    assert group.period_text(D(2025, 4, 1), D(2026, 3, 31)) == "du 1er avril 2025 au 31 mars 2026"
    assert group.month_names()[0] == "janvier" and group.month_names()[3] == "avril" and len(group.month_names()) == 12
    assert membership_year(D(2026, 3, 31)) == (D(2025, 4, 1), D(2026, 3, 31))  # the thin wrapper: April


# -- the profile ----------------------------------------------------------------------------------


def test_a_new_group_has_the_defaults(store):
    p = group.profile(store)
    assert (p.name, p.region, p.fiscal_year_start_month, p.membership_year) == (
        "Le Phare", "Capitale-Nationale", 4, group.FISCAL)
    assert rows.get(store, "group_profile", GROUP_PROFILE_ID)["fiscal_year_start_month"] is None  # empty: the default
    assert group.fiscal_year(store, 2025) == (D(2025, 4, 1), D(2026, 3, 31))
    assert group.fiscal_year_of(store, D(2026, 11, 25)) == (D(2026, 4, 1), D(2027, 3, 31))
    assert group.fiscal_year_label(store, 2025) == "2025-2026"


def test_update_profile_cleans_and_records_who_changed_what(store):
    changed = group.update_profile(store, name="  Le Phare,   groupe d'entraide ", address="12, rue du Port",
                                   email="Info@LePhare.ORG", phone="(418) 555-0101 poste 2",
                                   fiscal_year_start_month=1, membership_year=group.CALENDAR)
    assert changed == {"name", "address", "email", "phone", "fiscal_year_start_month", "membership_year"}
    p = group.profile(store)
    assert p.name == "Le Phare, groupe d'entraide"
    assert (p.email, p.phone) == ("Info@lephare.org", "418 555-0101, poste 2")  # the members area's own rules
    assert (p.fiscal_year_start_month, p.membership_year) == (1, group.CALENDAR)
    assert group.fiscal_year(store, 2025) == (D(2025, 1, 1), D(2025, 12, 31))
    assert group.fiscal_year_label(store, 2025) == "2025"
    history = rows.history(store, "group_profile", GROUP_PROFILE_ID)
    assert {h.field for h in history} >= {"fiscal_year_start_month", "email"}
    assert history[-1].author == "Marie (secrétariat)"
    assert group.update_profile(store, region="Capitale-Nationale") == set()  # nothing changed, nothing written
    group.update_profile(store, region="", phone="")
    assert (group.profile(store).region, group.profile(store).phone) == ("", "")


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "   "}, "name", "Le nom du groupe est obligatoire"),
        ({"name": "Le Phare 2", "email": "info@lephare"}, "email", "n'est pas une adresse courriel valide"),
        ({"name": "Le Phare 2", "phone": "555-0101"}, "phone", "Ajoutez l'indicatif régional"),
        ({"fiscal_year_start_month": 13}, "fiscal_year_start_month", "de janvier à décembre"),
        ({"fiscal_year_start_month": "avril"}, "fiscal_year_start_month", "de janvier à décembre"),
        ({"membership_year": "rolling"}, "membership_year", "l'exercice financier ou l'année civile"),
    ],
)
def test_bad_details_are_refused_and_nothing_is_saved(store, changes, field, words):
    before = rows.get(store, "group_profile", GROUP_PROFILE_ID)
    with pytest.raises(ValidationError) as caught:
        group.update_profile(store, **changes)
    assert caught.value.field == field and words in caught.value.message
    assert rows.get(store, "group_profile", GROUP_PROFILE_ID) == before


def test_unknown_fields_are_a_programming_error(store):
    with pytest.raises(ValueError, match="unknown group profile fields"):
        group.update_profile(store, quorum_kind="number")


# -- memberships ----------------------------------------------------------------------------------


def _member(store, name="Ana") -> str:
    return rows.insert(store, "people", {"first_name": name, "roles": json.dumps(["membre"])})


def _period_of(store, membership_id):
    row = rows.get(store, "memberships", membership_id)
    return D.fromisoformat(row["period_start"]), D.fromisoformat(row["period_end"])


def test_a_new_membership_follows_the_group_year(store):
    ana = _member(store)
    on_boundary = members.add_membership(store, ana, {"paid_on": "2026-03-31"})
    next_day = members.add_membership(store, ana, {"paid_on": "2026-04-01"})
    assert _period_of(store, on_boundary) == (D(2025, 4, 1), D(2026, 3, 31))
    assert _period_of(store, next_day) == (D(2026, 4, 1), D(2027, 3, 31))

    group.update_profile(store, fiscal_year_start_month=7)
    july = members.add_membership(store, ana, {"paid_on": "2026-06-30"})
    assert _period_of(store, july) == (D(2025, 7, 1), D(2026, 6, 30))

    group.update_profile(store, membership_year=group.CALENDAR)  # exercice in July, memberships by calendar year
    calendar_year = members.add_membership(store, ana, {"paid_on": "2026-06-30"})
    assert _period_of(store, calendar_year) == (D(2026, 1, 1), D(2026, 12, 31))
    labels = [m.period_label for m in members.list_memberships(store, ana)]
    assert labels == ["2026-2027", "2026", "2025-2026", "2025-2026"]
    # A period written by hand is kept as it is.
    given = members.add_membership(store, ana, {"paid_on": "2026-06-30", "period_start": "2026-05-01",
                                                "period_end": "2026-08-31"})
    assert _period_of(store, given) == (D(2026, 5, 1), D(2026, 8, 31))


def test_the_record_form_and_the_import_use_the_same_rule(store):
    group.update_profile(store, fiscal_year_start_month=1)
    assert default_period(store)(D(2026, 3, 31)) == (D(2026, 1, 1), D(2026, 12, 31))
    pid = members.save_person(store, None, members.PersonChanges(
        fields={"first_name": "Béa", "roles": ["membre"]},
        memberships=[members.MembershipDraft({"paid_on": "2026-03-31"})]))
    (m,) = members.list_memberships(store, pid)
    assert (m.period_start, m.period_end, m.period_label) == (D(2026, 1, 1), D(2026, 12, 31), "2026")
    # Without the store, clean_membership keeps the default April exercice.
    assert clean_membership({"paid_on": "2026-03-31"})["period_start"] == "2025-04-01"


# -- the AGA package and the spread count the same exercice ----------------------------------------


@pytest.fixture
def boundaries(store):
    """Facts on each side of the exercice 2025-2026 (April 1, 2025 to March 31, 2026)."""
    catalogue.install_starting_catalogue(store)
    coffee = catalogue.starting_id("coffee")
    ids = {}
    for name, since in (("Avant", "2025-03-31"), ("Premier", "2025-04-01"), ("Dernier", "2026-03-31"),
                        ("Après", "2026-04-01")):
        ids[name] = rows.insert(store, "people", {"first_name": name, "roles": json.dumps(["membre"]),
                                                  "member_since": since})
    for name, day in (("Avant", D(2025, 3, 31)), ("Premier", D(2025, 4, 1)), ("Dernier", D(2026, 3, 31)),
                      ("Après", D(2026, 4, 1))):
        A.assign(store, A.Draft(coffee, ids[name], day, day))
    for day in ("2025-03-31", "2025-04-01", "2026-03-31", "2026-04-01"):
        mt.create_meeting(store, mt.type_id("ca"), day)
    # Tuesdays from March 4, 2025 to April 28, 2026: April 1, 2025 and March 31, 2026 are Tuesdays.
    weekly(store, start=dt.datetime(2025, 3, 4, 19, 0), until=D(2026, 4, 28))
    aga = mt.create_meeting(store, mt.type_id("aga"), "2026-06-11")
    return ids, aga


def test_the_report_and_its_spread_cover_the_exercice(store, boundaries):
    ids, aga = boundaries
    r = year_report(store, 2025, today=D(2026, 11, 25))
    assert (r.start, r.end, r.label, r.aga_id) == (D(2025, 4, 1), D(2026, 3, 31), "2025-2026", aga)
    assert r.new_members == 2  # Premier and Dernier, not Avant nor Après
    assert [(m.type_name, m.meetings) for m in r.meetings] == [("Conseil d'administration", 2)]
    assert r.occurrences == 53  # every Tuesday from April 1, 2025 to March 31, 2026
    s = r.spread
    assert (s.start, s.end, s.label, s.total_assignments) == (D(2025, 4, 1), D(2026, 3, 31), "2025-2026", 2)
    assert {pid for pid, _n, _c in s.by_person} == {ids["Premier"], ids["Dernier"]}
    assert figures.captions(s)[0].startswith("En 2025-2026, 2 responsabilités ont été tenues par 2 personnes.")
    assert responsibilities.exercice_spread(store, 2025) == s


def test_a_january_exercice_counts_the_calendar_year_everywhere(store, boundaries):
    ids, _aga = boundaries
    group.update_profile(store, fiscal_year_start_month=1)
    r = year_report(store, 2025, today=D(2026, 11, 25))
    assert (r.start, r.end, r.label) == (D(2025, 1, 1), D(2025, 12, 31), "2025")
    assert r.new_members == 2  # Avant and Premier
    assert [(m.type_name, m.meetings) for m in r.meetings] == [("Conseil d'administration", 2)]
    assert r.occurrences == 44  # Tuesdays from March 4 to December 30, 2025
    assert {pid for pid, _n, _c in r.spread.by_person} == {ids["Avant"], ids["Premier"]}
    # The calendar-year spread of the screen's old view is unchanged by the setting.
    assert responsibilities.spread(store, 2025) == r.spread


def test_calendar_years_and_exercices_of_the_spread_screen(store, boundaries):
    assert figures.years_with_assignments(store, D(2026, 11, 25)) == [2026, 2025]
    assert figures.years_with_assignments(store, D(2026, 11, 25), start_month=4) == [2026, 2025, 2024]
    assert responsibilities.spread(store, 2025).total_assignments == 2  # calendar 2025: Avant, Premier
    with pytest.raises(ValueError):
        responsibilities.spread(store, 2025, start=D(2025, 4, 1), end=D(2025, 3, 1))


def test_which_exercice_is_proposed_and_where_it_is_presented(store, boundaries):
    _ids, aga = boundaries
    period = report_period(store, 2025)
    assert (period.label, period.aga_id, period.aga_date) == ("2025-2026", aga, D(2026, 6, 11))
    assert report_period(store, 2026).aga_id is None
    # Until the AGA that presents it has been held, the exercice that ended is proposed; then the current one.
    assert default_report_year(store, D(2026, 5, 1)) == 2025
    assert default_report_year(store, D(2026, 6, 11)) == 2026
    assert default_report_year(store, D(2026, 11, 25)) == 2026
    assert default_report_year(store, D(2026, 2, 1)) == 2024  # exercice 2024-2025: no AGA after it yet


def test_a_group_created_before_the_setting_gets_it_with_the_defaults(store, paths):
    """A database from before ``0002_group_fiscal_year``: the columns are added, the defaults apply."""
    from entraide_desktop.data import connection
    from tests.conftest import PASSPHRASE

    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_group_fiscal_year'")
    for column in ("fiscal_year_start_month", "membership_year"):
        store.db.execute(f"ALTER TABLE group_profile DROP COLUMN {column}")
    store.db.conn.commit()
    store.close()
    reopened = connection.unlock(paths, PASSPHRASE)
    try:
        assert group.profile(reopened).fiscal_year_start_month == 4
        assert group.update_profile(reopened, fiscal_year_start_month=9) == {"fiscal_year_start_month"}
        assert group.fiscal_year(reopened, 2025) == (D(2025, 9, 1), D(2026, 8, 31))
    finally:
        reopened.close()
