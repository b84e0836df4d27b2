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


def test_an_import_starts_in_the_folder_of_the_last_one(qtbot, context, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from entraide_desktop.ui.kit.paths import ask_file_to_import

    asked = []
    chosen = tmp_path / "listes" / "membres.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda _p, _t, start, _f: asked.append(start) or (str(chosen), "")))
    assert ask_file_to_import(context, None, "Importer", "*.csv") == str(chosen)
    ask_file_to_import(context, None, "Importer", "*.csv")
    assert asked[1] == str(chosen.parent)
