"""UI fixtures: the main window over a temporary database, message boxes never block."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from entraide_desktop.ui.context import AppContext


@pytest.fixture(autouse=True)
def _no_blocking_boxes(monkeypatch):
    """Message boxes answer at once; what they said is kept in ``shown``."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or QMessageBox.StandardButton.Ok)
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: shown.append(str(a[2]) if len(a) > 2 else "")
                                                            or QMessageBox.StandardButton.Ok))
    return shown


@pytest.fixture(autouse=True)
def _no_usb_key_plugged_in(monkeypatch):
    """The USB keys of the machine running the tests are never offered (tests/ui/test_usb_folder.py)."""
    from entraide_desktop.ui import usb_folder

    monkeypatch.setattr(usb_folder, "removable_volumes", list)


@pytest.fixture(autouse=True)
def _finish_background_tasks():
    """Background work started by a test ends before its database is closed and removed."""
    yield
    from entraide_desktop.ui.tasks import wait_for_tasks

    wait_for_tasks(20000)


@pytest.fixture
def context(store, paths):
    return AppContext(store, paths)


@pytest.fixture
def window(qtbot, context):
    from entraide_desktop.ui.main_window import MainWindow

    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
