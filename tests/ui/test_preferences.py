"""Preferences: language, lock delay, text size and high contrast are saved; style applies at once."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from entraide_desktop.config import load_settings
from entraide_desktop.ui.preferences import PreferencesDialog
from entraide_desktop.ui import style
from entraide_desktop.ui.style import apply_style


def test_preferences_are_saved_and_applied(qtbot, context):
    app = QApplication.instance()
    dialog = PreferencesDialog(context)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.lock_minutes.setValue(3)
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(150))
    dialog.high_contrast.setChecked(True)
    dialog._save()
    saved = load_settings(context.paths)
    assert (saved.language, saved.lock_minutes, saved.text_size, saved.high_contrast) == ("en", 3, 150, True)
    assert abs(app.font().pointSizeF() - style._system_point_size * 1.5) < 0.01
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    apply_style(app)  # back to normal for the other tests
    assert app.palette().color(QPalette.ColorRole.Window).name() != "#000000"
