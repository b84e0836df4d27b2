"""Recurrence rules: weekly, every two weeks, « 2e mardi », end date or count, DST in America/Montreal."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from entraide_desktop.data.calendar import occurrences
from entraide_desktop.data import recurrence as rec
from entraide_desktop.data.errors import ValidationError
from tests.data.test_calendar_support import weekly

MONTREAL = ZoneInfo("America/Montreal")


def starts(store, first: dt.datetime, last: dt.datetime) -> list[dt.datetime]:
    return [o.start for o in occurrences(store, first, last)]


def test_weekly_keeps_its_wall_clock_time_across_the_spring_change(store):
    weekly(store, start=dt.datetime(2026, 2, 24, 19, 30), until=dt.date(2026, 3, 31))
    found = starts(store, dt.datetime(2026, 2, 1), dt.datetime(2026, 4, 1))
    assert found == [
        dt.datetime(2026, 2, 24, 19, 30),
        dt.datetime(2026, 3, 3, 19, 30),
        dt.datetime(2026, 3, 10, 19, 30),
        dt.datetime(2026, 3, 17, 19, 30),
        dt.datetime(2026, 3, 24, 19, 30),
        dt.datetime(2026, 3, 31, 19, 30),
    ]
    # Summer time begins on Sunday 8 March 2026: same wall-clock hour, one hour less from UTC.
    offsets = {s.date(): s.replace(tzinfo=MONTREAL).utcoffset() for s in found}
    assert offsets[dt.date(2026, 3, 3)] == dt.timedelta(hours=-5)
    assert offsets[dt.date(2026, 3, 10)] == dt.timedelta(hours=-4)


def test_weekly_across_the_autumn_change_and_a_sunday_morning_activity(store):
    weekly(
        store,
        title="Marche du dimanche",
        start=dt.datetime(2026, 10, 25, 1, 30),
        minutes=60,
        until=dt.date(2026, 11, 8),
    )
    found = starts(store, dt.datetime(2026, 10, 1), dt.datetime(2026, 12, 1))
    assert found == [
        dt.datetime(2026, 10, 25, 1, 30),
        dt.datetime(2026, 11, 1, 1, 30),
        dt.datetime(2026, 11, 8, 1, 30),
    ]
    offsets = [s.replace(tzinfo=MONTREAL).utcoffset() for s in found]
    assert offsets[0] == dt.timedelta(hours=-4) and offsets[2] == dt.timedelta(hours=-5)


def test_a_time_skipped_by_the_spring_change_is_refused(store):
    with pytest.raises(ValidationError) as error:
        weekly(store, start=dt.datetime(2026, 3, 8, 2, 30), minutes=60)
    assert "heure avancée" in str(error.value)


def test_every_two_weeks_and_end_date_included(store):
    weekly(store, kind="biweekly", start=dt.datetime(2026, 9, 2, 9, 0), until=dt.date(2026, 10, 14))
    found = starts(store, dt.datetime(2026, 9, 1), dt.datetime(2026, 12, 1))
    assert [s.date() for s in found] == [
        dt.date(2026, 9, 2),
        dt.date(2026, 9, 16),
        dt.date(2026, 9, 30),
        dt.date(2026, 10, 14),
    ]


def test_monthly_second_tuesday_with_a_count(store):
    weekly(
        store,
        title="Atelier sur les droits",
        kind="monthly_nth",
        start=dt.datetime(2026, 9, 8, 18, 30),
        count=4,
    )
    found = starts(store, dt.datetime(2026, 1, 1), dt.datetime(2027, 12, 1))
    assert [s.date() for s in found] == [
        dt.date(2026, 9, 8),
        dt.date(2026, 10, 13),
        dt.date(2026, 11, 10),
        dt.date(2026, 12, 8),
    ]
    assert all(s.weekday() == 1 and 8 <= s.day <= 14 for s in found)


def test_monthly_last_weekday(store):
    weekly(store, kind="monthly_last", start=dt.datetime(2026, 9, 24, 13, 0), until=dt.date(2026, 12, 31))
    found = starts(store, dt.datetime(2026, 9, 1), dt.datetime(2027, 1, 1))
    assert [s.date() for s in found] == [
        dt.date(2026, 9, 24),
        dt.date(2026, 10, 29),
        dt.date(2026, 11, 26),
        dt.date(2026, 12, 31),
    ]


def test_a_recurrence_that_never_ends_is_refused_in_french(store):
    with pytest.raises(ValidationError) as error:
        rec.check_rule("FREQ=WEEKLY;BYDAY=TU", dt.datetime(2026, 3, 3, 19, 30))
    assert "doit avoir une fin" in str(error.value)
    with pytest.raises(ValidationError):
        weekly(store, until=None)
    assert store.db.execute("SELECT count(*) FROM activities").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260101T235959", "avant la première fois"),
        ("FREQ=WEEKLY;BYDAY=TU;COUNT=0", "entre 1 et"),
        ("FREQ=HOURLY;COUNT=3", "n'est pas reconnue"),
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20600101T235959", "plus de 12 ans"),
    ],
)
def test_bad_rules_have_clear_messages(rule, words):
    with pytest.raises(ValidationError) as error:
        rec.check_rule(rule, dt.datetime(2026, 3, 3, 19, 30))
    assert words in str(error.value)


def test_rules_read_back_into_what_the_form_shows():
    start = dt.date(2026, 9, 8)  # second Tuesday
    for kind in ("weekly", "biweekly", "monthly_nth", "monthly_last", "monthly_day"):
        recurrence = rec.Recurrence(kind, until=dt.date(2027, 6, 22))
        assert rec.parse_rule(rec.build_rule(recurrence, start), start) == recurrence
    counted = rec.Recurrence("biweekly", count=10)
    assert rec.parse_rule(rec.build_rule(counted, start), start) == counted
    assert rec.parse_rule("FREQ=DAILY;COUNT=3", start).kind == "custom"


def test_rules_described_in_quebec_french():
    start = dt.date(2026, 9, 8)
    assert rec.describe("FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20270622T235959", start) == (
        "Chaque mois, le 2e mardi, jusqu'au mardi 22 juin 2027"
    )
    assert (
        rec.describe("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6", start)
        == "Aux deux semaines, le mardi, 6 fois"
    )
    assert rec.kind_label("monthly_nth", dt.date(2026, 9, 1)) == "Chaque mois, le 1er mardi"


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;BYDAY=TU;UNTIL=20351231T235959",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20351231T235959",
        "FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20351231T235959",
        "FREQ=MONTHLY;BYDAY=-1TH;UNTIL=20351231T235959",
        "FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20351231T235959",
        "FREQ=DAILY;INTERVAL=3;UNTIL=20281231T235959",
    ],
)
def test_skipping_ahead_in_a_long_series_gives_the_same_dates(rule):
    first = dt.datetime(2025, 9, 2, 13, 30)
    every = rec.all_starts(rule, first)
    for lo in (
        dt.datetime(2025, 9, 1),
        dt.datetime(2027, 3, 17),
        dt.datetime(2031, 12, 30, 13, 30),
        dt.datetime(2035, 11, 1),
    ):
        hi = lo + dt.timedelta(days=75)
        assert rec.starts_between(rule, first, lo, hi) == [s for s in every if lo <= s < hi]
