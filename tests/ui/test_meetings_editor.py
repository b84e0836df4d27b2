"""Taking minutes live, from the keyboard only: items, notes, proposals, votes, follow-ups; autosave."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from entraide_desktop.data import meetings as mt
from tests.data.test_meetings_support import known_group

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def board(qtbot, window, context):
    """A board meeting with four administrators present and a staff member, opened in the minutes editor."""
    store = context.store
    ids = known_group(store)
    meeting = mt.create_meeting(store, mt.type_id("ca"), "2026-05-14", start_time="18 h 30")
    mt.mark_many(store, meeting, {ids[n]: mt.PRESENT for n in ("Ana", "Benoît", "Céline", "Denis", "Marie")})
    window.show_page("meetings", meeting)
    page = window.page("meetings")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.view)
    editor = page.view.editor
    qtbot.waitUntil(editor.items.hasFocus)
    return store, ids, meeting, page, editor


def _in_modal(qtbot, handle):
    """Run ``handle(dialog)`` on the next modal dialog (Ctrl+D, Ctrl+T open one); it never stays open."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        try:
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
            handle(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, poll)


def _back_to(qtbot, editor):
    """After a dialog, the main window is active again (as it is on a real desktop)."""
    editor.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor.window())


def test_live_minutes_by_keyboard(qtbot, board):
    store, ids, meeting, _page, editor = board
    # Ctrl+I: a new item after the first one, its title ready to be typed over.
    qtbot.keyClick(editor.items, Qt.Key.Key_I, CTRL)
    assert editor.title.hasFocus() and editor.title.selectedText() == "Nouveau point"
    qtbot.keyClicks(editor.title, "Demande au PSOC")
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)
    assert editor.notes.hasFocus()
    qtbot.keyClicks(editor.notes, "La coordination lit la demande de rehaussement.")
    # Ctrl+P: a proposal; Tab to « proposé par » and « appuyé par », chosen by typing the first letter.
    qtbot.keyClick(editor.notes, Qt.Key.Key_P, CTRL)
    assert editor.form.text.hasFocus()
    qtbot.keyClicks(editor.form.text, "la demande soit transmise au PSOC")
    qtbot.keyClick(editor.form.text, Qt.Key.Key_Tab)
    assert editor.form.moved_by.hasFocus()
    qtbot.keyClicks(editor.form.moved_by, "C")
    qtbot.keyClick(editor.form.moved_by, Qt.Key.Key_Tab)
    assert editor.form.seconded_by.hasFocus()
    qtbot.keyClicks(editor.form.seconded_by, "D")
    # Ctrl+Maj+U: adopted unanimously.
    qtbot.keyClick(editor.form.seconded_by, Qt.Key.Key_U, CTRL | SHIFT)

    items = mt.items(store, meeting)
    assert items[1].title == "Demande au PSOC"
    assert items[1].notes == "La coordination lit la demande de rehaussement."
    [p] = [p for p in mt.proposals(store, meeting) if p.item_id == items[1].id]
    assert (p.text, p.mover, p.seconder, p.outcome) == (
        "la demande soit transmise au PSOC", "Céline Test", "Denis Test", "unanimous")
    shown = editor.proposal_list.item(0).text()
    assert ("CA-2026-05-14-01 — Il est proposé par Céline Test, appuyé par Denis Test, que la demande soit transmise "
            "au PSOC. Adoptée à l'unanimité.") == shown
    assert "Enregistré automatiquement" in editor.saved_label.text()


def test_moving_between_items_and_reordering(qtbot, board):
    store, _ids, meeting, _page, editor = board
    qtbot.keyClick(editor.items, Qt.Key.Key_Down, ALT)
    assert editor.items.currentRow() == 1 and editor.notes.hasFocus()
    qtbot.keyClicks(editor.notes, "Le quorum est atteint.")
    qtbot.keyClick(editor.notes, Qt.Key.Key_Down, ALT)  # leaving the item saves its notes at once
    assert mt.items(store, meeting)[1].notes == "Le quorum est atteint."
    qtbot.keyClick(editor.notes, Qt.Key.Key_Up, CTRL | SHIFT)
    titles = [i.title for i in mt.items(store, meeting)]
    assert titles[1] == "Adoption de l'ordre du jour" and editor.items.currentRow() == 1
    qtbot.keyClick(editor.notes, Qt.Key.Key_F2)
    assert editor.title.hasFocus()


def test_vote_dialog_and_refused_counts(qtbot, board, _no_blocking_boxes):
    store, ids, meeting, _page, editor = board
    editor.items.setCurrentRow(2)  # Adoption de l'ordre du jour
    qtbot.keyClick(editor.items, Qt.Key.Key_P, CTRL)
    assert editor.form.text.toPlainText() == "l'ordre du jour soit adopté tel que présenté."
    pid = editor.form.proposal.id
    mt.update_proposal(store, pid, moved_by=ids["Ana"], seconded_by=ids["Benoît"])
    editor.reload_proposals(chosen=pid)

    def majority_with(counts):
        def handle(dialog):
            assert QApplication.focusWidget() is dialog.buttons["unanimous"]
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the next outcome: à la majorité
            assert dialog.outcome() == "majority"
            for box, value in zip(dialog.boxes, counts, strict=True):
                box.selectAll()
                qtbot.keyClicks(box, value)
            qtbot.keyClick(dialog.boxes[-1], Qt.Key.Key_Return)
        return handle

    _in_modal(qtbot, majority_with(("5", "0", "0")))  # 5 votes, 4 voters present
    qtbot.keyClick(editor.form.text, Qt.Key.Key_D, CTRL)
    assert "Le total des votes (5) dépasse le nombre de personnes votantes présentes (4)" in editor.error.text()
    assert mt.get_proposal(store, pid).outcome == ""
    _back_to(qtbot, editor)
    _in_modal(qtbot, majority_with(("3", "1", "0")))
    _back_to(qtbot, editor)
    qtbot.keyClick(editor.form.text, Qt.Key.Key_D, CTRL)
    p = mt.get_proposal(store, pid)
    assert (p.outcome, p.votes_for, p.votes_against, p.abstentions) == ("majority", 3, 1, 0)
    assert editor.form.outcome.currentData() == "majority" and editor.form.votes_for.value() == 3


def test_refused_seconder_is_explained_and_put_back(qtbot, board):
    store, ids, meeting, _page, editor = board
    qtbot.keyClick(editor.items, Qt.Key.Key_P, CTRL)
    qtbot.keyClick(editor.form.text, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.form.moved_by, "A")
    qtbot.keyClick(editor.form.moved_by, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.form.seconded_by, "A")
    assert "ne peut pas appuyer sa propre proposition" in editor.error.text()
    assert editor.form.seconded_by.person_id() == ""
    assert mt.proposals(store, meeting)[0].seconded_by == ""
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new type-ahead search, not « AM »
    qtbot.keyClicks(editor.form.seconded_by, "M")  # Marie: present, but no vote at the board
    assert "n'a pas le droit de vote" in editor.error.text()


def test_amendment_and_follow_up_by_keyboard(qtbot, board):
    store, ids, meeting, _page, editor = board
    qtbot.keyClick(editor.items, Qt.Key.Key_P, CTRL)
    qtbot.keyClicks(editor.form.text, "le local soit repeint")
    qtbot.keyClick(editor.form.text, Qt.Key.Key_A, CTRL | SHIFT)
    assert editor.form.proposal.depth == 1 and editor.form.text.hasFocus()
    qtbot.keyClicks(editor.form.text, "ajouter: en vert")

    def follow_up(dialog):
        qtbot.keyClicks(dialog.text, "Acheter la peinture")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.who, "B")
        qtbot.keyClick(dialog.who, Qt.Key.Key_Return)

    _in_modal(qtbot, follow_up)
    qtbot.keyClick(editor.form.text, Qt.Key.Key_T, CTRL)
    proposals = mt.proposals(store, meeting)
    assert [(p.reference, p.text) for p in proposals] == [
        ("CA-2026-05-14-01", "le local soit repeint"), ("CA-2026-05-14-01-A1", "ajouter: en vert")]
    [f] = mt.followups(store, meeting)
    assert (f.text, f.who, f.proposal_id) == ("Acheter la peinture", "Benoît Test", proposals[1].id)
    assert editor.followup_list.count() == 1


def test_text_typed_just_before_closing_is_saved(qtbot, board, window):
    store, _ids, meeting, _page, editor = board
    qtbot.keyClick(editor.items, Qt.Key.Key_Down, ALT)
    qtbot.keyClicks(editor.notes, "Une phrase de plus")
    assert editor.autosaver.pending
    window.close()
    assert mt.items(store, meeting)[1].notes == "Une phrase de plus"


def test_the_shortcuts_are_shown_on_screen(board):
    from entraide_desktop.ui.help import area_shortcuts

    editor = board[4]
    for keys in ("Ctrl+I", "Ctrl+P", "Ctrl+D", "Ctrl+T"):
        assert keys in editor.help.text()
    assert "enregistré automatiquement" in editor.help.text() and "Raccourcis clavier" in editor.help.text()
    # Every shortcut is in the help's list and in the label's description for screen readers.
    listed = dict(area_shortcuts())["Procès-verbal (Réunions)"]
    for keys in ("Ctrl+I", "Ctrl+P", "Ctrl+Maj+A", "Ctrl+Maj+U", "Ctrl+D", "Ctrl+T", "Alt+↑ / Alt+↓"):
        assert keys in dict(listed)
        assert keys in editor.help.accessibleDescription()
