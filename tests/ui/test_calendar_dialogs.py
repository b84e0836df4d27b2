"""Creating and editing activities from the screen: this occurrence only or the whole series, bad input."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog

from entraide_desktop.data.calendar.public import write_public_calendar
from entraide_desktop.data import calendar, rows
from entraide_desktop.data.calendar import activities as acts
from entraide_desktop.data.calendar import attendance as att
from entraide_desktop.ui.calendar import CalendarPage
from entraide_desktop.ui.calendar.activity_dialog import ActivityDialog
from entraide_desktop.ui.calendar.attendance_dialog import AttendanceDialog
from entraide_desktop.ui.calendar.occurrence_dialog import (
    ChangeOccurrenceDialog,
    OccurrenceDialog,
    ReasonDialog,
)
from entraide_desktop.ui.calendar.types_dialog import TypesDialog
from tests.data.test_calendar_support import person, table_count, weekly


def test_create_a_weekly_activity_from_the_dialog(qtbot, context):
    ana = person(context.store, "Ana", "Tremblay", consent=True)
    dialog = ActivityDialog(context, day=dt.date(2026, 9, 8))
    qtbot.addWidget(dialog)
    dialog.title.setText("Atelier « Connaître ses droits »")
    dialog.type.setCurrentIndex(dialog.type.findText("Promotion-vigilance des droits (Droits)"))
    dialog.place.setText("Salle commune")
    dialog.start_time.setTime(QTime(18, 30))
    dialog.end_time.setTime(QTime(20, 30))
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("monthly_nth"))
    assert dialog.repeat.currentText() == "Chaque mois, le 2e mardi"
    dialog.until.setDate(QDate(2027, 6, 30))
    for row in range(dialog.leaders.count()):
        if dialog.leaders.item(row).data(Qt.ItemDataRole.UserRole) == ana:
            dialog.leaders.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (activity,) = acts.list_activities(context.store)
    assert activity.rrule == "FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20270630T235959"
    assert activity.start == dt.datetime(2026, 9, 8, 18, 30) and activity.leader_ids == (ana,)


def test_end_before_start_is_shown_in_the_form_and_nothing_is_saved(qtbot, context):
    dialog = ActivityDialog(context, day=dt.date(2026, 9, 8))
    qtbot.addWidget(dialog)
    dialog.title.setText("Café-rencontre")
    dialog.start_time.setTime(QTime(11, 0))
    dialog.end_time.setTime(QTime(9, 30))
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "⚠ L'heure de fin (9 h 30) doit être après l'heure de début (11 h)."
    assert table_count(context.store, "activities") == 0


def test_a_repetition_must_end(qtbot, context):
    dialog = ActivityDialog(context, day=dt.date(2026, 9, 8))
    qtbot.addWidget(dialog)
    dialog.title.setText("Café-rencontre")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("weekly"))
    dialog.until.setDate(QDate(2026, 1, 1))
    dialog.save_button.click()
    assert "avant la première fois" in dialog.error.text()
    assert table_count(context.store, "activities") == 0


def test_overlapping_edit_is_refused_then_replaced_on_request(qtbot, context):
    aid = weekly(context.store)
    dialog = ActivityDialog(context, activity_id=aid)
    qtbot.addWidget(dialog)
    other = acts.get_activity(context.store, aid)  # another window saves first
    acts.update_activity(
        context.store, aid, acts.ActivityInput(**{**other.as_input().__dict__, "place": "Petit salon"})
    )
    dialog.title.setText("Groupe du mardi soir")
    dialog.save_button.click()
    assert "modifiée ailleurs" in dialog.error.text()
    assert acts.get_activity(context.store, aid).title == "Groupe de discussion du mardi"
    assert dialog.save_button.text() == "&Remplacer par mes changements"
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert acts.get_activity(context.store, aid).title == "Groupe du mardi soir"


def test_cancel_this_occurrence_only_with_a_reason(qtbot, context, monkeypatch):
    aid = weekly(context.store)
    key = f"{aid}@2026-03-10T19:30:00"
    dialog = OccurrenceDialog(context, key)
    qtbot.addWidget(dialog)

    def answer(self):  # the reason dialog, filled in and accepted
        self.reason.setText("Tempête de neige")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonDialog, "exec", answer)
    dialog._cancel()
    assert dialog.action == "changed"
    occ = calendar.occurrence(context.store, key)
    assert occ.cancelled and occ.note == "Tempête de neige"
    others = calendar.occurrences(context.store, dt.datetime(2026, 3, 1), dt.datetime(2026, 4, 1))
    assert sum(o.cancelled for o in others) == 1


def test_move_this_occurrence_only(qtbot, context):
    aid = weekly(context.store)
    occ = calendar.occurrence(context.store, f"{aid}@2026-03-17T19:30:00")
    dialog = ChangeOccurrenceDialog(context, occ)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 3, 18))
    dialog.reason.setText("La salle accueille l'AGA")
    dialog._save()
    moved = calendar.occurrence(context.store, occ.key)
    assert (
        moved.moved
        and moved.start == dt.datetime(2026, 3, 18, 19, 30)
        and moved.note == "La salle accueille l'AGA"
    )
    dialog = ChangeOccurrenceDialog(context, moved)
    qtbot.addWidget(dialog)
    dialog.end.setTime(QTime(18, 0))
    dialog._save()
    assert "doit être après" in dialog.error.text()


def test_series_edit_from_the_occurrence_dialog_opens_the_whole_series(qtbot, context, monkeypatch):
    aid = weekly(context.store)
    page = CalendarPage(context)
    qtbot.addWidget(page)
    seen = []
    monkeypatch.setattr(
        OccurrenceDialog,
        "exec",
        lambda self: (setattr(self, "action", "series"), QDialog.DialogCode.Accepted)[1],
    )
    monkeypatch.setattr(
        ActivityDialog, "exec", lambda self: seen.append(self.activity_id) or QDialog.DialogCode.Rejected
    )
    page.open_occurrence(f"{aid}@2026-03-10T19:30:00")
    assert seen == [aid]


def test_attendance_dialog_counts_and_names(qtbot, context):
    aid = weekly(context.store)
    ana, luc = person(context.store, "Ana"), person(context.store, "Luc")
    occ = calendar.occurrence(context.store, f"{aid}@2026-03-10T19:30:00")
    dialog = AttendanceDialog(context, occ)
    qtbot.addWidget(dialog)
    dialog.count.setValue(1)
    dialog.named.setChecked(True)
    for row in range(dialog.people.count()):
        dialog.people.item(row).setCheckState(Qt.CheckState.Checked)
    assert dialog.count.value() == 2  # never fewer than the people checked
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = att.attendance_for(context.store, occ.key)
    assert saved.head_count == 2 and set(saved.person_ids) == {ana, luc}


def test_types_dialog_adds_a_type_with_a_symbol(qtbot, context):
    dialog = TypesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 3
    dialog._new()
    dialog.name.setText("Fêtes et sorties")
    dialog.short.setText("Fête")
    dialog.symbol.setCurrentIndex(dialog.symbol.findData("star"))
    dialog._save()
    assert dialog.changed and dialog.list.count() == 4
    row = context.store.db.execute(
        "SELECT symbol, short_label FROM activity_types WHERE name = 'Fêtes et sorties'"
    )
    assert row.fetchone() == ("star", "Fête")
    dialog._new()
    dialog._save()
    assert "Donnez un nom" in dialog.error.text()


def test_calendar_changes_rewrite_the_public_file_without_any_screen_asking(qtbot, context):
    write_public_calendar(context.store, context.paths)  # as when a session opens
    aid = weekly(
        context.store,
        start=dt.datetime.combine(dt.date.today(), dt.time(19, 30)),
        until=dt.date.today() + dt.timedelta(days=30),
    )
    assert "Groupe de discussion du mardi" in context.paths.public_calendar.read_text("utf-8")
    acts.archive_activity(context.store, aid)
    assert "Groupe de discussion" not in context.paths.public_calendar.read_text("utf-8")
    assert rows.get(context.store, "activities", aid)["archived"] == 1


def test_main_window_rewrites_the_public_file_off_the_ui_thread_when_members_change(qtbot, window):
    from entraide_desktop.data.members.records import create_person
    from entraide_desktop.ui.public_calendar import writer_for

    writer = writer_for(window.context)
    qtbot.waitUntil(lambda: writer.writes >= 1, timeout=5000)  # once when the session opens
    runner = window.context.follow_up_runner
    before = runner.runs
    create_person(window.context.store, {"first_name": "Ginette"})
    qtbot.waitUntil(lambda: runner.runs > before, timeout=5000)
    assert window.context.paths.public_calendar.exists()
