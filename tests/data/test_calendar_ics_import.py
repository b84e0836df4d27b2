"""ICS import: series with their exceptions, one-off activities, nothing twice, files from real producers."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest

from entraide_desktop.data import calendar
from entraide_desktop.data.calendar import activities as acts
from entraide_desktop.data.calendar.ics_import import CalendarFileError, apply_calendar, preview_calendar
from entraide_desktop.data.import_log import last_import, undo_import
from entraide_desktop.documents.calendar.ics import export_ics
from tests.data.test_calendar_ics import expand_ics, group_with_exceptions, ours
from tests.data.test_calendar_support import PROMOTION, table_count

TODAY = dt.date(2026, 11, 25)
PACKAGE_CALENDARS = Path(icalendar.__file__).parent / "tests" / "calendars"

GOOGLE = """BEGIN:VCALENDAR\r
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
VERSION:2.0\r
CALSCALE:GREGORIAN\r
METHOD:PUBLISH\r
X-WR-CALNAME:Groupe Le Phare\r
X-WR-TIMEZONE:America/Toronto\r
BEGIN:VTIMEZONE\r
TZID:America/Toronto\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:-0500\r
TZOFFSETTO:-0400\r
TZNAME:EDT\r
DTSTART:19700308T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:-0400\r
TZOFFSETTO:-0500\r
TZNAME:EST\r
DTSTART:19701101T020000\r
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
DTSTART;TZID=America/Toronto:20260106T193000\r
DTEND;TZID=America/Toronto:20260106T210000\r
RRULE:FREQ=WEEKLY;WKST=SU;UNTIL=20260630T035959Z;BYDAY=TU\r
EXDATE;TZID=America/Toronto:20260310T193000\r
EXDATE;TZID=America/Toronto:20260407T193000\r
DTSTAMP:20261120T150000Z\r
UID:4q7bd0c9tlg0aqb0s5lqg2r1ck@google.com\r
CREATED:20251201T150000Z\r
LOCATION:Salle communautaire\\, 123 rue Principale\r
SEQUENCE:0\r
STATUS:CONFIRMED\r
SUMMARY:Groupe de discussion\r
TRANSP:OPAQUE\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=America/Toronto:20260520T180000\r
DTEND;TZID=America/Toronto:20260520T193000\r
DTSTAMP:20261120T150000Z\r
UID:4q7bd0c9tlg0aqb0s5lqg2r1ck@google.com\r
RECURRENCE-ID;TZID=America/Toronto:20260519T193000\r
SUMMARY:Groupe de discussion (mercredi cette semaine)\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;VALUE=DATE:20260504\r
DTEND;VALUE=DATE:20260509\r
DTSTAMP:20261120T150000Z\r
UID:2b0ttcv4o4b9b3m0hk1c1k8q0s@google.com\r
SUMMARY:Semaine de la santé mentale\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART:20261217T223000Z\r
DTEND:20261218T020000Z\r
DTSTAMP:20261120T150000Z\r
UID:7uo1r9f0ae3d3q9v0hj6k0fl9k@google.com\r
SUMMARY:Souper de Noël\r
CATEGORIES:Promotion-vigilance des droits\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART:20260601T090000Z\r
DTEND:20260601T100000Z\r
DTSTAMP:20261120T150000Z\r
UID:hourly@google.com\r
RRULE:FREQ=HOURLY;COUNT=5\r
SUMMARY:Rappel chaque heure\r
END:VEVENT\r
END:VCALENDAR\r
"""

OUTLOOK = """BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
METHOD:PUBLISH\r
BEGIN:VTIMEZONE\r
TZID:Eastern Standard Time\r
BEGIN:STANDARD\r
DTSTART:16011104T020000\r
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r
TZOFFSETFROM:-0400\r
TZOFFSETTO:-0500\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010311T020000\r
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r
TZOFFSETFROM:-0500\r
TZOFFSETTO:-0400\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
CLASS:PRIVATE\r
DTSTART;TZID=Eastern Standard Time:20260113T183000\r
DTEND;TZID=Eastern Standard Time:20260113T200000\r
RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=2TU\r
EXDATE;TZID=Eastern Standard Time:20260414T183000\r
LOCATION:Local du groupe\r
SUMMARY;LANGUAGE=fr-ca:Conseil d'administration\r
UID:040000008200E00074C5B7101A82E00800000000A0F3A1C1D2E3DA01000000000000000010000000\r
END:VEVENT\r
END:VCALENDAR\r
"""

THUNDERBIRD = """BEGIN:VCALENDAR\r
PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r
VERSION:2.0\r
BEGIN:VEVENT\r
CREATED:20251120T150000Z\r
UID:0b5b6c1e-9d3e-4a37-9a57-6a9f7f1d2c3b\r
SUMMARY:Café-rencontre\r
RRULE:FREQ=WEEKLY;BYDAY=TH\r
DTSTART;TZID=America/Montreal:20260108T130000\r
DTEND;TZID=America/Montreal:20260108T150000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:0b5b6c1e-9d3e-4a37-9a57-6a9f7f1d2c3b\r
RECURRENCE-ID;TZID=America/Montreal:20260115T130000\r
STATUS:CANCELLED\r
SUMMARY:Café-rencontre\r
DTSTART;TZID=America/Montreal:20260115T130000\r
DTEND;TZID=America/Montreal:20260115T150000\r
END:VEVENT\r
BEGIN:VTODO\r
UID:todo-1\r
SUMMARY:Acheter du café\r
END:VTODO\r
END:VCALENDAR\r
"""


def _file(tmp_path, text, name="agenda.ics"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _occurrences(store):
    return ours(store, dt.datetime(2025, 1, 1), dt.datetime(2030, 1, 1))


def test_a_google_calendar_becomes_series_exceptions_and_activities(store, tmp_path):
    preview = preview_calendar(store, _file(tmp_path, GOOGLE), today=TODAY)
    assert table_count(store, "activities") == 0, "nothing is written before confirming"
    by_title = {e.title: e for e in preview.events}
    group = by_title["Groupe de discussion"]
    assert group.rrule.startswith("FREQ=WEEKLY") and "UNTIL=20260623T235959" in group.rrule
    assert (group.cancelled_count, group.changed_count) == (2, 1)
    assert group.place == "Salle communautaire, 123 rue Principale"
    week = by_title["Semaine de la santé mentale"]
    assert week.all_day and (week.start.date(), week.end.date()) == (dt.date(2026, 5, 4), dt.date(2026, 5, 8))
    dinner = by_title["Souper de Noël"]
    assert dinner.start == dt.datetime(2026, 12, 17, 17, 30) and dinner.type_id == PROMOTION, "its category"
    assert "trop fréquente" in by_title["Rappel chaque heure"].problem and not by_title["Rappel chaque heure"].creates
    result = apply_calendar(store, preview)
    assert (result.series, result.single, result.exceptions) == (1, 2, 3)
    found = _occurrences(store)
    assert ("Groupe de discussion", dt.datetime(2026, 3, 3, 19, 30), dt.datetime(2026, 3, 3, 21, 0)) in found
    assert not any(start == dt.datetime(2026, 3, 10, 19, 30) for _t, start, _e in found), "EXDATE: cancelled"
    assert ("Groupe de discussion (mercredi cette semaine)", dt.datetime(2026, 5, 20, 18, 0),
            dt.datetime(2026, 5, 20, 19, 30)) in found
    assert max(s for t, s, _e in found if t == "Groupe de discussion") == dt.datetime(2026, 6, 23, 19, 30)
    # The same file again adds nothing (matched on UID).
    again = preview_calendar(store, _file(tmp_path, GOOGLE), today=TODAY)
    assert all(e.already or e.problem for e in again.events) and not again.to_create
    assert apply_calendar(store, again).series == 0 and table_count(store, "activities") == 3


def test_outlook_windows_time_zones_and_private_events(store, tmp_path):
    (event,) = preview_calendar(store, _file(tmp_path, OUTLOOK), today=TODAY).events
    assert event.start == dt.datetime(2026, 1, 13, 18, 30) and not event.public
    assert event.cancelled_count == 1 and "COUNT=10" in event.rrule


def test_thunderbird_series_without_end_cancelled_occurrence_and_tasks(store, tmp_path):
    preview = preview_calendar(store, _file(tmp_path, THUNDERBIRD), today=TODAY)
    (event,) = preview.events
    assert "UNTIL=20271230T235959" in event.rrule and "sans fin" in event.notes[0]  # the last Thursday of 2027
    assert event.cancelled_count == 1
    assert any("tâches" in text for text in preview.ignored)
    apply_calendar(store, preview)
    starts = sorted(s for _t, s, _e in _occurrences(store))
    assert starts[0] == dt.datetime(2026, 1, 8, 13, 0) and dt.datetime(2026, 1, 15, 13, 0) not in starts


def test_round_trip_export_erase_import_export_gives_the_same_occurrences(store, tmp_path):
    group_with_exceptions(store)
    first = tmp_path / "avant.ics"
    export_ics(store, first)
    for activity in acts.list_activities(store):
        acts.archive_activity(store, activity.id)
    assert not calendar.occurrences(store, dt.datetime(2025, 1, 1), dt.datetime(2030, 1, 1))
    preview = preview_calendar(store, first, today=TODAY)
    assert all(e.creates for e in preview.events), [e.problem for e in preview.events]
    apply_calendar(store, preview)
    second = tmp_path / "apres.ics"
    export_ics(store, second)
    assert expand_ics(first.read_bytes()) == expand_ics(second.read_bytes())


def test_a_calendar_import_is_undone_as_one_step(store, tmp_path):
    apply_calendar(store, preview_calendar(store, _file(tmp_path, GOOGLE), today=TODAY))
    record = last_import(store, "calendar")
    result = undo_import(store, record.id)
    assert result.archived["activities"] == 3 and "3 activités retirées du calendrier" in result.summary()
    assert not _occurrences(store)
    again = preview_calendar(store, _file(tmp_path, GOOGLE), today=TODAY)
    assert len(again.to_create) == 3, "after an undo, the same file may be imported again"


@pytest.mark.parametrize(("content", "words"), [
    (b"", "est vide"), (b"Pr\xe9nom;Nom\r\n", "n'est pas un calendrier"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026XX\r\nEND:VCALENDAR", "endommagé"),
])
def test_bad_files_get_a_french_message_and_nothing_is_written(store, tmp_path, content, words):
    path = tmp_path / "mauvais.ics"
    path.write_bytes(content)
    with pytest.raises(CalendarFileError) as caught:
        preview_calendar(store, path)
    assert words in caught.value.message and table_count(store, "activities") == 0


def test_a_huge_file_is_refused_before_reading(store, tmp_path):
    path = tmp_path / "enorme.ics"
    with path.open("wb") as fh:
        fh.truncate(6 * 1024 * 1024)
    with pytest.raises(CalendarFileError, match="trop gros"):
        preview_calendar(store, path)


def test_every_calendar_of_the_icalendar_test_suite_is_read_or_refused_in_french(store):
    files = sorted(PACKAGE_CALENDARS.glob("*.ics"))
    if not files:
        pytest.skip("icalendar's test calendars are not installed")
    read = 0
    for path in files:
        try:
            preview = preview_calendar(store, path, today=TODAY)
        except CalendarFileError as error:
            assert error.message
            continue
        read += 1
        for event in preview.to_create:
            assert event.title and event.type_id and (event.end >= event.start)
        apply_calendar(store, preview)
    assert read > len(files) // 2


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal is not installed")
def test_a_calendar_written_by_khal(store, tmp_path):
    config = tmp_path / "khal.conf"
    folder = tmp_path / "agenda"
    folder.mkdir()
    config.write_text(f"[calendars]\n[[groupe]]\npath = {folder}\ntype = calendar\n[locale]\n"
                      "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                      "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
                      "default_timezone = America/Montreal\nlocal_timezone = America/Montreal\n")
    base = ["khal", "-c", str(config)]
    subprocess.run([*base, "new", "-a", "groupe", "-r", "weekly", "-u", "2026-06-30",
                    "2026-01-06 19:30", "21:00", "Groupe du mardi"], check=True, capture_output=True, timeout=60)
    subprocess.run([*base, "new", "-a", "groupe", "2026-12-17 17:30", "21:00", "Souper de Noël"],
                   check=True, capture_output=True, timeout=60)
    files = list(folder.glob("*.ics"))
    assert len(files) == 2
    planned = {}
    for path in files:  # khal keeps one calendar file per event (a vdir, as vdirsyncer syncs it)
        preview = preview_calendar(store, path, today=TODAY)
        planned.update({e.title: e for e in preview.events})
        apply_calendar(store, preview)
    assert planned["Groupe du mardi"].rrule.startswith("FREQ=WEEKLY")
    assert planned["Souper de Noël"].start == dt.datetime(2026, 12, 17, 17, 30)
    assert len(_occurrences(store)) == 25 + 1, "khal ends the series at midnight on June 30: 25 Tuesdays"


def test_the_import_calendar_command_previews_then_imports_once(tmp_path, monkeypatch, capsys):
    from entraide_desktop.cli import run
    from tests.conftest import PASSPHRASE

    db = tmp_path / "g" / "entraide.db"
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    assert run(["init", "--database", str(db), "--group", "Le Phare", "--person", "Marie"]) == 0
    path = _file(tmp_path, GOOGLE)
    capsys.readouterr()
    assert run(["import-calendar", str(path), "--dry-run", "--database", str(db)]) == 0
    out = capsys.readouterr().out
    assert "1 série à créer · 2 activités ponctuelles à créer" in out and "rien n'a été écrit" in out
    assert "Rappel chaque heure" in out and "laissée de côté : répétition trop fréquente" in out
    assert run(["import-calendar", str(path), "--database", str(db)]) == 0
    assert "Calendrier importé : 1 série, 2 activités ponctuelles" in capsys.readouterr().out
    assert run(["import-calendar", str(path), "--database", str(db)]) == 0
    assert "0 série à créer · 0 activité ponctuelle à créer · 3 déjà importées" in capsys.readouterr().out
    bad = tmp_path / "liste.ics"
    bad.write_text("Prénom;Nom\n", encoding="utf-8")
    assert run(["import-calendar", str(bad), "--database", str(db)]) == 1
    assert "n'est pas un calendrier ICS" in capsys.readouterr().out


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_rules_more_often_than_daily_are_left_out_with_the_reason(store, tmp_path, freq):
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@exemple\r\nDTSTART:20260601T090000\r\n"
            f"DTEND:20260601T091500\r\nRRULE:FREQ={freq};COUNT=500\r\nSUMMARY:Trop souvent\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n")
    (event,) = preview_calendar(store, _file(tmp_path, text), today=TODAY).events
    assert not event.creates and f"({freq})" in event.problem and "au plus une fois par jour" in event.problem


def test_a_file_with_too_many_events_is_refused(store, tmp_path):
    body = "".join(f"BEGIN:VEVENT\r\nUID:{n}@x\r\nDTSTART:20260601T090000\r\nSUMMARY:A\r\nEND:VEVENT\r\n"
                   for n in range(5001))
    with pytest.raises(CalendarFileError, match="plus de 5000 événements"):
        preview_calendar(store, _file(tmp_path, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + body + "END:VCALENDAR\r\n"))
