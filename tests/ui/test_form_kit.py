"""The form builder of the UI kit: each row's label focuses its field and names it for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QLineEdit

from entraide_desktop.ui.kit.forms import Form, name_from_label


def _label_of(form: Form, row: int) -> QLabel:
    return form.layout.itemAt(row, form.layout.ItemRole.LabelRole).widget()


def test_a_row_names_its_field_from_the_label_and_the_label_points_to_it(qtbot):
    form = Form()
    place = form.row("&Lieu :", QLineEdit())
    assert place.accessibleName() == "Lieu"
    assert _label_of(form, 0).buddy() is place and _label_of(form, 0).text() == "&Lieu :"


def test_a_given_name_and_help_text_are_what_a_screen_reader_says(qtbot):
    form = Form()
    title = form.row("&Titre :", QLineEdit(), name="Titre de l'activité", help="Tel qu'affiché au calendrier.")
    assert title.accessibleName() == "Titre de l'activité"
    assert title.accessibleDescription() == "Tel qu'affiché au calendrier." == title.toolTip()


def test_a_field_that_already_has_a_name_keeps_it(qtbot):
    edit = QLineEdit()
    edit.setAccessibleName("Courriel de la personne")
    Form().row("&Courriel :", edit)
    assert edit.accessibleName() == "Courriel de la personne"


def test_a_row_of_several_widgets_gives_its_mnemonic_to_the_buddy(qtbot):
    form = Form()
    row, first = QHBoxLayout(), QLineEdit()
    row.addWidget(first)
    form.row("&Heures :", row, buddy=first)
    assert _label_of(form, 0).buddy() is first


def test_the_mnemonic_moves_the_focus_to_the_field(qtbot):
    dialog = QDialog()
    form = Form()
    title = form.row("&Titre :", QLineEdit())
    place = form.row("&Lieu :", QLineEdit())
    form.unlabelled(QCheckBox("Toute la &journée"))
    dialog.setLayout(form.layout)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: title.hasFocus() or dialog.isActiveWindow())
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert place.hasFocus()


def test_the_name_drops_the_mnemonic_and_the_colon_but_keeps_a_real_ampersand():
    assert name_from_label("Derni&er jour :") == "Dernier jour"
    assert name_from_label("Frais && dons :") == "Frais & dons"
