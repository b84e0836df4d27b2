"""Unexpected errors are logged and shown calmly; the log and the diagnostic report hold no personal data."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from entraide_desktop import logs
from entraide_desktop.data import rows
from entraide_desktop.data.sync import exchange
from entraide_desktop.ui import diagnostics
from tests.sync.conftest import pair, usb  # noqa: F401  (fixtures)

NAME, PHONE, EMAIL = "Hélène Côté-Tremblay", "418 555-0199", "helene.cote@exemple.org"


@pytest.fixture
def hooked(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(diagnostics, "show_error_dialog", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    diagnostics.install_exception_hooks()
    yield shown
    root = logging.getLogger("entraide_desktop")
    for handler in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        handler.close()
        root.removeHandler(handler)


class _Button(QObject):
    clicked = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_is_logged_without_the_persons_data(qtbot, hooked, store, pair, usb):
    person = rows.insert(store, "people", {"first_name": "Hélène", "last_name": "Côté-Tremblay", "phone": PHONE,
                                           "email": EMAIL})
    centre, laptop = pair
    rows.insert(centre, "people", {"first_name": "Hélène", "last_name": "Côté-Tremblay", "phone": PHONE})
    exchange.import_file(laptop, exchange.export_to(centre, usb).path, backup=False)
    logging.getLogger("entraide_desktop.data.store").warning("change of %s failed for %s", "people", NAME)

    def broken_slot() -> None:
        secret = f"{NAME} {PHONE} {EMAIL} {person}"  # a local variable with personal data
        raise ValueError(f"could not save {secret}")

    button = _Button()
    button.clicked.connect(broken_slot)
    QTimer.singleShot(0, button.clicked.emit)
    qtbot.waitUntil(lambda: bool(hooked), timeout=5000)
    assert "ValueError" in hooked[0] and "broken_slot" in hooked[0]
    text = logs.log_file().read_text(encoding="utf-8")
    assert "ValueError" in text and "broken_slot" in text and "people" in text
    for value in ("Hélène", "Côté", PHONE, "555", EMAIL, "exemple.org"):
        assert value not in text, value
        assert value not in hooked[0], value


def test_an_error_in_a_worker_thread_reaches_the_dialog(qtbot, hooked):
    def work() -> None:
        raise RuntimeError(NAME)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(hooked), timeout=5000)
    assert "RuntimeError" in hooked[0] and NAME not in hooked[0]


def test_the_error_dialog_copies_its_report(qtbot):
    from PySide6.QtGui import QGuiApplication

    dialog = diagnostics.ErrorDialog("Entraide 0.1.0\nValueError\n  x.py:1 in f")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text().startswith("Entraide 0.1.0")


def test_the_diagnostic_report_counts_rows_and_names_no_one(qtbot, context):
    rows.insert(context.store, "people", {"first_name": "Hélène", "last_name": "Côté-Tremblay", "phone": PHONE})
    text = diagnostics.diagnostic_text(context.paths, context.store)
    assert "Qt " in text and "Version du schéma" in text and "people : 1" in text
    assert "Hélène" not in text and PHONE not in text
    dialog = diagnostics.DiagnosticDialog(text)
    qtbot.addWidget(dialog)
    assert dialog.text.isReadOnly() and "people : 1" in dialog.text.toPlainText()


def test_plain_keeps_identifiers_and_hides_everything_else():
    assert logs.plain("people") == "people" and logs.plain(12) == 12
    assert logs.plain("3f1c2a9e-0b7d-4c55-9a61-2f0e8d6b1c44") == "3f1c2a9e-0b7d-4c55-9a61-2f0e8d6b1c44"
    for value in (NAME, "Marie", PHONE, EMAIL, r"C:\Users\Marie\AppData", "/home/marie/entraide.db"):
        assert logs.plain(value) == logs.HIDDEN
