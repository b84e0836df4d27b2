"""Attendance per occurrence: head count, who came, erased people still counted, the yearly figures."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import calendar, people, rows
from entraide_desktop.data.calendar import attendance as att
from entraide_desktop.data.calendar import occurrence_edits as edits
from entraide_desktop.data.errors import ValidationError
from tests.data.test_calendar_support import COLLECTIVE, person, single, weekly

NOW = dt.datetime(2026, 6, 1, 12, 0)


def first_key(store) -> str:
    return calendar.occurrences(store, dt.datetime(2026, 3, 1), dt.datetime(2026, 3, 8))[0].key


def test_head_count_and_who_came(store):
    weekly(store)
    key = first_key(store)
    ana, luc = person(store, "Ana"), person(store, "Luc")
    saved = att.record_attendance(store, key, 7, [ana, luc], now=NOW)
    assert saved == att.Attendance(key, 7, (ana, luc)) and saved.total == 7
    # Unchecking Luc: one row archived, same deterministic ids on every computer.
    att.record_attendance(store, key, 6, [ana], now=NOW)
    assert att.attendance_for(store, key).person_ids == (ana,)
    assert rows.get(store, "attendance", att.person_row_id(key, luc))["archived"] == 1
    assert rows.get(store, "attendance_counts", att.count_id(key))["head_count"] == 6


def test_named_people_without_a_count_give_the_count(store):
    weekly(store)
    key = first_key(store)
    ids = [person(store, name) for name in ("Ana", "Luc", "Noémie")]
    assert att.record_attendance(store, key, None, ids, now=NOW).head_count == 3


@pytest.mark.parametrize(
    ("count", "named", "words"),
    [(1, 2, "ne peut pas être plus petit"), (-1, 0, "négatif"), (None, None, "Indiquez le nombre")],
)
def test_bad_counts_are_refused_and_nothing_is_saved(store, count, named, words):
    weekly(store)
    key = first_key(store)
    ids = [person(store, f"P{i}") for i in range(named)] if named is not None else None
    with pytest.raises(ValidationError, match=words):
        att.record_attendance(store, key, count, ids, now=NOW)
    assert store.db.execute("SELECT count(*) FROM attendance_counts").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0


def test_no_attendance_for_a_cancelled_or_future_occurrence(store):
    weekly(store)
    key = first_key(store)
    edits.cancel_occurrence(store, key, "Tempête")
    with pytest.raises(ValidationError, match="annulée"):
        att.record_attendance(store, key, 5, now=NOW)
    future = calendar.occurrences(store, dt.datetime(2026, 12, 1), dt.datetime(2026, 12, 8))[0].key
    with pytest.raises(ValidationError, match="pas encore eu lieu"):
        att.record_attendance(store, future, 5, now=NOW)


def test_an_erased_person_is_still_counted(store):
    weekly(store)
    key = first_key(store)
    ana, luc = person(store, "Ana"), person(store, "Luc")
    att.record_attendance(store, key, None, [ana, luc], now=NOW)
    rows.erase(store, "people", luc)
    kept = att.attendance_for(store, key)
    assert kept.total == 2
    assert [p.name for p in att.attendance_names(store, kept)] == ["Ana", "Personne retirée du registre"]
    # Saving again (Luc's name is gone, his attendance stays) is allowed.
    att.record_attendance(store, key, 2, list(kept.person_ids), now=NOW)
    summary = {s.form: s for s in calendar.activity_summary(store, dt.date(2026, 3, 1), dt.date(2026, 3, 7))}
    assert summary["personnelle"].attendance == 2


def test_attendance_follows_merged_person_records():
    assert ("attendance", "person_id") in people.PERSON_REFERENCES
    assert ("activity_leaders", "person_id") in people.PERSON_REFERENCES


def test_activity_summary_by_form(store):
    weekly(store, until=dt.date(2026, 3, 31))  # 5 Tuesdays in March
    edits.cancel_occurrence(store, first_key(store), "Tempête")
    kitchen = single(store, "Cuisine collective", dt.datetime(2026, 3, 11, 9, 0), type_id=COLLECTIVE)
    att.record_attendance(store, f"{kitchen}@2026-03-11T09:00:00", 6, now=NOW)
    second = calendar.occurrences(store, dt.datetime(2026, 3, 9), dt.datetime(2026, 3, 11))[0].key
    att.record_attendance(store, second, 11, now=NOW)
    summary = calendar.activity_summary(store, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert [(s.type_name, s.form, s.activities, s.occurrences, s.attendance) for s in summary] == [
        ("Entraide personnelle", "personnelle", 1, 4, 11),
        ("Entraide collective", "collective", 1, 1, 6),
        ("Promotion-vigilance des droits", "promotion", 0, 0, 0),
    ]


def test_summary_of_the_demo_group(demo_store):
    summary = calendar.activity_summary(demo_store, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    forms = {s.form: s for s in summary}
    assert set(forms) >= {"personnelle", "collective", "promotion", ""}
    assert all(
        forms[f].occurrences > 10 and forms[f].attendance > forms[f].occurrences
        for f in ("personnelle", "collective", "promotion")
    )
