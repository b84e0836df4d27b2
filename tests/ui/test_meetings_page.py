"""The Réunions screen: list, attendance and live quorum, locked minutes, follow-ups, dialogs, exports."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from entraide_desktop.data import meetings as mt
from entraide_desktop.ui.tasks import wait_for_tasks
from tests.data.test_meetings_support import item, known_group


@pytest.fixture
def page(qtbot, window):
    window.show_page("meetings")
    return window.page("meetings")


def _open(qtbot, window, meeting_id):
    window.show_page("meetings", meeting_id)
    page = window.page("meetings")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.view)
    return page.view


def test_attendance_by_keyboard_updates_the_quorum_live(qtbot, window, context):
    store = context.store
    ids = known_group(store)
    meeting = mt.create_meeting(store, mt.type_id("ca"), "2026-05-14")
    view = _open(qtbot, window, meeting)
    view.select_attendance()
    tab = view.attendance
    assert tab.search.hasFocus()
    assert "Quorum non atteint : 0 personne votante présente sur 4 requises" in tab.quorum_label.text()
    for name in ("Ana", "Beno", "Celine"):  # accent-blind search, Entrée marks the person found present
        qtbot.keyClicks(tab.search, name)
        qtbot.keyClick(tab.search, Qt.Key.Key_Return)
        assert tab.search.text() == ""
    assert "3 personnes votantes présentes sur 4 requises" in tab.quorum_label.text()
    assert "⚠" in tab.quorum_label.text()  # not by colour alone
    qtbot.keyClicks(tab.search, "e")  # several people found: Entrée goes to the list, nobody is marked yet
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.table.hasFocus() and mt.quorum(store, meeting).present == 3
    tab.search.setText("Denis")
    tab.table.setCurrentIndex(tab.proxy.index(0, 0))
    qtbot.keyClick(tab.table, Qt.Key.Key_P)
    assert tab.quorum_label.text().startswith("✔ Quorum atteint : 4 personnes votantes présentes")
    qtbot.keyClick(tab.table, Qt.Key.Key_E)
    assert mt.status_of(store, meeting, ids["Denis"]) == mt.EXCUSED
    assert "Quorum non atteint" in tab.quorum_label.text()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert mt.status_of(store, meeting, ids["Denis"]) == ""
    # The editor offers the people present (and says who may not vote).
    labels = [view.editor.form.moved_by.itemText(i) for i in range(view.editor.form.moved_by.count())]
    assert labels == ["— à préciser —", "Ana Test", "Benoît Test", "Céline Test"]
    tab.guest_name.setText("Patrice Ménard")
    qtbot.keyClick(tab.guest_name, Qt.Key.Key_Return)
    assert [g.name for g in mt.guests(store, meeting)] == ["Patrice Ménard"]


def test_adopted_minutes_open_read_only_with_the_reference(qtbot, window, context):
    store = context.store
    ids = known_group(store)
    first = mt.create_meeting(store, mt.type_id("ca"), "2026-05-14")
    second = mt.create_meeting(store, mt.type_id("ca"), "2026-06-18")
    for meeting in (first, second):
        mt.mark_many(store, meeting, {ids[n]: mt.PRESENT for n in ("Ana", "Benoît", "Céline", "Denis")})
    minutes_item = item(store, second, "previous_minutes")
    text, target = mt.suggested_proposal(store, minutes_item)
    pid = mt.add_proposal(store, minutes_item, text, moved_by=ids["Ana"], seconded_by=ids["Benoît"],
                          adopts_meeting_id=target)
    mt.set_outcome(store, pid, "unanimous")
    view = _open(qtbot, window, first)
    assert "adopté le jeudi 18 juin 2026 par la proposition CA-2026-06-18-01" in view.status.text()
    editor = view.editor
    assert editor.title.isReadOnly() and editor.notes.isReadOnly()
    assert not editor.add_item_button.isEnabled() and not view.details_button.isEnabled()
    qtbot.keyClick(editor.items, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(mt.items(store, first)) == 11  # nothing added
    assert not view.attendance.mark_buttons[0].isEnabled()
    assert view.errata.add_button.isEnabled()
    page = window.page("meetings")
    page.show_list()
    states = [page.list.model.text(row, 5) for row in page.list.model.rows]
    assert states == ["Projet (non adopté)", "Adopté le 18 juin 2026"]


def test_follow_ups_listed_until_done_and_on_the_home_page(qtbot, window, context, page):
    store = context.store
    ids = known_group(store)
    meeting = mt.create_meeting(store, mt.type_id("ca"), dt.date.today() - dt.timedelta(days=30))
    mt.add_followup(store, meeting, "Envoyer la lettre au CIUSSS", person_id=ids["Marie"],
                    due=dt.date.today() + dt.timedelta(days=3))
    page.list.refresh()
    assert page.list.tabs.tabText(1) == "Suivis à faire (1)"
    window.show_page("home")
    home = window.page("home")

    def todo() -> list[str]:
        return [home.todo.item(i).text() for i in range(home.todo.count())]

    qtbot.waitUntil(lambda: any("Envoyer la lettre au CIUSSS — Marie Test" in t for t in todo()), timeout=10000)
    window.show_page("meetings")
    page.list.tabs.setCurrentIndex(1)
    page.list.follow_table.setFocus()
    page.list.follow_table.setCurrentIndex(page.list.follow_proxy.index(0, 0))
    qtbot.keyClick(page.list.follow_table, Qt.Key.Key_Space)
    assert mt.open_followups(store) == []
    assert page.list.tabs.tabText(1) == "Suivis à faire (0)"


def test_new_meeting_dialog_creates_it_with_the_usual_agenda(qtbot, window, context, page, monkeypatch):
    from entraide_desktop.ui.meetings.dialogs import MeetingDialog

    known_group(context.store)
    created = {}

    def fill(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData(mt.type_id("comite")))
        dialog.start.setText("13 h 30")
        dialog.place.setText("Local du groupe")
        dialog.chair.setEditText("Ana Test")
        dialog.accept()
        created["id"] = dialog.meeting_id
        return bool(dialog.meeting_id)

    monkeypatch.setattr(MeetingDialog, "exec", fill)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    meeting = mt.get_meeting(context.store, created["id"])
    assert (meeting.type.code, meeting.start_time, meeting.place, meeting.chair) == (
        "comite", dt.time(13, 30), "Local du groupe", "Ana Test")
    assert meeting.chair_id  # a person of the register, not a free name
    assert [i.title for i in mt.items(context.store, meeting.id)][0] == "Ouverture de la rencontre et tour de table"
    assert page.stack.currentWidget() is page.view


def test_meeting_dialog_refuses_a_bad_time(qtbot, context):
    from entraide_desktop.ui.meetings.dialogs import MeetingDialog

    dialog = MeetingDialog(context)
    qtbot.addWidget(dialog)
    dialog.start.setText("25 h")
    dialog.accept()
    assert "n'est pas une heure" in dialog.error.text()
    assert mt.list_meetings(context.store) == []


def test_export_from_the_screen_runs_in_the_background(qtbot, window, context, tmp_path, monkeypatch):
    ids = known_group(context.store)
    meeting = mt.create_meeting(context.store, mt.type_id("ca"), "2026-05-14")
    mt.mark(context.store, meeting, ids["Ana"], mt.PRESENT)
    view = _open(qtbot, window, meeting)
    target = tmp_path / "pv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.odt_button.click()
    wait_for_tasks()
    qtbot.waitUntil(lambda: (tmp_path / "pv.odt").exists(), timeout=10000)
    assert (tmp_path / "pv.odt").stat().st_size > 1000


def test_types_dialog_sets_the_group_quorum_rule(qtbot, context):
    from entraide_desktop.ui.meetings.settings import TypesDialog

    dialog = TypesDialog(context)
    qtbot.addWidget(dialog)
    dialog.rule_number.setChecked(True)
    dialog.number.setValue(12)
    dialog.reject()
    rule = mt.group_quorum_rule(context.store)
    assert (rule.kind, rule.value) == ("number", 12)
    dialog = TypesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.rule_number.isChecked() and dialog.number.value() == 12
    dialog.abbrev.setText("C.A.")
    dialog._save_type()
    assert "abréviation" in dialog.error.text()
