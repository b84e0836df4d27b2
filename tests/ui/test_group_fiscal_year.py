"""« Renseignements du groupe… » and the AGA package dialog: the group's details and its exercice on screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit

from entraide_desktop.data import group
from entraide_desktop.data import meetings as mt
from entraide_desktop.ui.group_dialog import GroupDialog
from entraide_desktop.ui.meetings.report_dialog import ReportDialog

D = dt.date


def _open(qtbot, context, window=None) -> GroupDialog:
    dialog = GroupDialog(context, window, today=D(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_menu_opens_the_dialog_before_the_preferences(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(GroupDialog, "exec", lambda self: opened.append(self) or 0)
    file_action = window.menuBar().actions()[0]  # kept: PySide6 6.8 invalidates menu() with its action
    file_menu = file_action.menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts.index("Renseignements du &groupe…") == texts.index("P&références…") - 1
    next(a for a in file_menu.actions() if a.text() == "Renseignements du &groupe…").trigger()
    assert len(opened) == 1 and opened[0].name.text() == "Le Phare"


def test_every_field_is_named_and_reached_by_its_label(qtbot, context):
    dialog = _open(qtbot, context)
    for widget in [*dialog.findChildren(QLineEdit), *dialog.findChildren(QComboBox)]:
        assert widget.accessibleName(), widget
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert buddies == {dialog.name, dialog.region, dialog.address, dialog.email, dialog.phone, dialog.start_month,
                       dialog.membership_year}
    assert [dialog.start_month.itemText(i) for i in (0, 3, 11)] == ["Janvier", "Avril", "Décembre"]  # from Babel
    assert dialog.start_month.currentData() == 4 and dialog.membership_year.currentData() == group.FISCAL
    assert dialog.example.text() == "Exercice en cours : 2026-2027, du 1er avril 2026 au 31 mars 2027."
    dialog.start_month.setCurrentIndex(0)
    assert dialog.example.text() == "Exercice en cours : 2026, du 1er janvier 2026 au 31 décembre 2026."
    assert dialog.save_button.isDefault()


def test_a_bad_courriel_is_said_in_the_form_and_nothing_is_saved(qtbot, context):
    before = group.profile(context.store)
    dialog = _open(qtbot, context)
    dialog.name.setText("Le Phare, groupe d'entraide")
    dialog.email.setText("info@lephare")
    dialog.start_month.setCurrentIndex(0)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert "« info@lephare » n'est pas une adresse courriel valide" in dialog.error.text()
    assert dialog.focusWidget() is dialog.email
    assert group.profile(context.store) == before  # not even the name


def test_saving_updates_the_profile_and_the_window_title(qtbot, window, context):
    assert "Le Phare" in window.windowTitle()
    dialog = _open(qtbot, context, window)
    dialog.name.setText("Le Phare, groupe d'entraide")
    dialog.region.setText("Chaudière-Appalaches")
    dialog.email.setText("Info@LePhare.org")
    dialog.phone.setText("(418) 555-0101")
    dialog.start_month.setCurrentIndex(6)  # July
    dialog.membership_year.setCurrentIndex(1)
    with qtbot.waitSignal(context.data_changed, check_params_cb=lambda area: area == "group"):
        dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = group.profile(context.store)
    assert (saved.name, saved.region, saved.email, saved.phone) == (
        "Le Phare, groupe d'entraide", "Chaudière-Appalaches", "Info@lephare.org", "418 555-0101")
    assert (saved.fiscal_year_start_month, saved.membership_year) == (7, group.CALENDAR)
    assert "Le Phare, groupe d'entraide" in window.windowTitle()
    assert group.fiscal_year(context.store, 2026) == (D(2026, 7, 1), D(2027, 6, 30))


def test_an_empty_name_is_refused(qtbot, context):
    dialog = _open(qtbot, context)
    dialog.name.clear()
    dialog.save_button.click()
    assert "Le nom du groupe est obligatoire" in dialog.error.text()
    assert dialog.focusWidget() is dialog.name
    assert group.profile(context.store).name == "Le Phare"


def test_the_aga_dialog_shows_the_exercice_and_its_assembly(qtbot, context):
    mt.create_meeting(context.store, mt.type_id("aga"), "2026-06-11")
    dialog = ReportDialog(context)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2025)
    assert dialog.year.text() == "2025-2026"
    assert dialog.period.text() == ("Exercice 2025-2026 : du 1er avril 2025 au 31 mars 2026. "
                                    "Présenté à l'AGA du jeudi 11 juin 2026.")
    dialog.year.stepBy(1)
    assert dialog.year.value() == 2026 and dialog.year.text() == "2026-2027"
    assert "Aucune AGA n'est encore inscrite" in dialog.period.text()
    assert dialog.year.valueFromText("2024-2025") == 2024
    group.update_profile(context.store, fiscal_year_start_month=1)
    january = ReportDialog(context)
    qtbot.addWidget(january)
    january.year.setValue(2025)
    assert january.year.text() == "2025"
    assert january.period.text().startswith("Exercice 2025 : du 1er janvier 2025 au 31 décembre 2025.")


def test_both_dialogs_fit_a_laptop_screen_with_large_text(qtbot, context):
    from PySide6.QtWidgets import QApplication

    from entraide_desktop.ui.style import apply_style

    app = QApplication.instance()
    apply_style(app, text_size=150)
    try:
        for dialog in (GroupDialog(context), ReportDialog(context)):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
            assert hint.width() <= 1366 and hint.height() <= 768 - 60, (type(dialog).__name__, hint)
            for label in dialog.findChildren(QLabel):
                if label.isVisible() and not label.wordWrap() and label.text():
                    assert label.width() + 1 >= label.minimumSizeHint().width(), label.text()
    finally:
        apply_style(app)
