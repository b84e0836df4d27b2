"""ICS export: what we export parses back (icalendar + dateutil) to the same occurrences."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrulestr

from entraide_desktop.data import calendar
from entraide_desktop.data.calendar import occurrence_edits as edits
from entraide_desktop.documents.calendar.ics import build_calendar, export_ics
from tests.data.test_calendar_support import COLLECTIVE, PROMOTION, person, single, weekly

MONTREAL = ZoneInfo("America/Montreal")


def _local(value: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.astimezone(MONTREAL).replace(tzinfo=None) if value.tzinfo else value
    return dt.datetime.combine(value, dt.time())


def expand_ics(data: bytes) -> set[tuple[str, dt.datetime, dt.datetime]]:
    """Every occurrence a calendar program would show: (title, local start, local end)."""
    cal = icalendar.Calendar.from_ical(data)
    masters, overrides = [], {}
    for event in cal.walk("VEVENT"):
        if event.get("recurrence-id") is not None:
            overrides[(str(event["uid"]), _local(event.decoded("recurrence-id")))] = event
        else:
            masters.append(event)
    found = set()
    for event in masters:
        if str(event.get("status", "")) == "CANCELLED":
            continue
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        length = _local(end) - _local(start)
        if event.get("rrule") is not None:
            rule = event["rrule"].to_ical().decode()
            starts = list(rrulestr(rule, dtstart=start if isinstance(start, dt.datetime) else _local(start)))
        else:
            starts = [start]
        excluded = set()
        for exdate in (
            event.get("exdate", []) if isinstance(event.get("exdate"), list) else [event.get("exdate")]
        ):
            if exdate is not None:
                excluded |= {_local(d.dt) for d in exdate.dts}
        for begin in starts:
            local = _local(begin)
            if local in excluded:
                continue
            override = overrides.get((str(event["uid"]), local))
            if override is not None:
                found.add(
                    (
                        str(override["summary"]),
                        _local(override.decoded("dtstart")),
                        _local(override.decoded("dtend")),
                    )
                )
            else:
                found.add((str(event["summary"]), local, local + length))
    return found


def ours(
    store, first: dt.datetime, last: dt.datetime, **options
) -> set[tuple[str, dt.datetime, dt.datetime]]:
    return {
        (o.title, o.start, o.end)
        for o in calendar.occurrences(store, first, last, **options)
        if not o.cancelled
    }


def group_with_exceptions(store):
    tuesday = weekly(
        store, start=dt.datetime(2026, 2, 24, 19, 30), until=dt.date(2026, 11, 24)
    )  # both DST changes
    edits.cancel_occurrence(store, f"{tuesday}@2026-03-10T19:30:00", "Tempête de neige")
    edits.move_occurrence(
        store,
        f"{tuesday}@2026-11-03T19:30:00",
        dt.datetime(2026, 11, 4, 18, 0),
        dt.datetime(2026, 11, 4, 20, 0),
        "Élections municipales",
        title="Groupe (exceptionnellement mercredi)",
    )
    rights = weekly(
        store,
        title="Atelier « Connaître ses droits »",
        kind="monthly_nth",
        type_id=PROMOTION,
        start=dt.datetime(2026, 1, 13, 18, 30),
        count=10,
    )
    edits.cancel_occurrence(store, f"{rights}@2026-04-14T18:30:00", "Congé de Pâques")
    single(store, "Souper de Noël", dt.datetime(2026, 12, 17, 17, 30), minutes=210)
    from entraide_desktop.data.calendar import activities as acts

    acts.create_activity(
        store,
        acts.ActivityInput(
            "Semaine de la santé mentale",
            COLLECTIVE,
            dt.datetime(2026, 5, 4),
            dt.datetime(2026, 5, 8),
            all_day=True,
        ),
    )
    return tuesday, rights


def test_round_trip_gives_the_same_occurrences(store, tmp_path):
    group_with_exceptions(store)
    path = tmp_path / "calendrier.ics"
    result = export_ics(store, path)
    assert (result.events, result.overrides) == (4, 1)
    data = path.read_bytes()
    assert ours(store, dt.datetime(2026, 1, 1), dt.datetime(2027, 1, 1)) == expand_ics(data)
    text = data.decode()
    assert "BEGIN:VTIMEZONE" in text and "TZID:America/Montreal" in text
    assert "DTSTART;TZID=America/Montreal:20260224T193000" in text
    assert "RRULE:FREQ=WEEKLY;UNTIL=20261125T045959Z;BYDAY=TU" in text  # UNTIL in UTC, as RFC 5545 asks
    assert "EXDATE;TZID=America/Montreal:20260310T193000" in text
    assert "RECURRENCE-ID;TZID=America/Montreal:20261103T193000" in text
    assert "DTSTART;VALUE=DATE:20260504" in text and "DTEND;VALUE=DATE:20260509" in text


def test_a_period_is_clipped_and_still_round_trips(store):
    group_with_exceptions(store)
    cal, _result = build_calendar(store, start=dt.date(2026, 3, 1), end=dt.date(2026, 4, 30))
    first, last = dt.datetime(2026, 3, 1), dt.datetime(2026, 5, 1)
    assert expand_ics(cal.to_ical()) == ours(store, first, last)
    assert "Souper de Noël" not in cal.to_ical().decode()


def test_one_type_only_and_public_only(store):
    group_with_exceptions(store)
    weekly(
        store,
        title="Comité des membres",
        public=False,
        type_id=PROMOTION,
        start=dt.datetime(2026, 1, 7, 18, 30),
        kind="monthly_nth",
        count=3,
    )
    cal, result = build_calendar(store, type_ids={PROMOTION})
    titles = {str(e["summary"]) for e in cal.walk("VEVENT")}
    assert titles == {"Atelier « Connaître ses droits »", "Comité des membres"}
    assert "Activité réservée aux membres." in cal.to_ical().decode().replace("\r\n ", "")
    cal, _ = build_calendar(store, type_ids={PROMOTION}, public_only=True)
    assert {str(e["summary"]) for e in cal.walk("VEVENT")} == {"Atelier « Connaître ses droits »"}
    assert expand_ics(cal.to_ical()) == ours(
        store, dt.datetime(2026, 1, 1), dt.datetime(2027, 1, 1), type_ids={PROMOTION}, public_only=True
    )


def test_only_consented_leaders_are_named_and_notes_never_leave(store):
    ana = person(store, "Ana", "Tremblay", consent=True)
    luc = person(store, "Lucien", "Gagnon")
    weekly(store, leaders=(ana, luc), notes="Clé chez Ginette")
    text = build_calendar(store)[0].to_ical().decode().replace("\r\n ", "")
    assert "Animé par Ana Tremblay" in text
    assert "Lucien" not in text and "Ginette" not in text


def test_empty_calendar_is_still_a_valid_file(store):
    cal, result = build_calendar(store)
    assert result.events == 0
    assert icalendar.Calendar.from_ical(cal.to_ical()).get("version") == "2.0"
