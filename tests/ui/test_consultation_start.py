"""``entraide --consultation`` (the Start-menu shortcut « Entraide — calendrier (consultation) » on
Windows): the members' calendar comes first, and the passphrase only when someone asks to open the register."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from entraide_desktop import cli
from entraide_desktop.ui import app as app_module
from entraide_desktop.ui import consultation
from entraide_desktop.ui.app import Controller


@pytest.fixture
def seen(monkeypatch, store):
    store.close()
    steps: list[str] = []
    monkeypatch.setattr(consultation, "run_consultation", lambda _paths: steps.append("calendrier") or asks_unlock[0])
    monkeypatch.setattr(Controller, "_unlock", lambda self: steps.append("phrase de passe") and None)
    asks_unlock = [False]
    return steps, asks_unlock


def test_the_calendar_comes_first_and_closing_it_quits(seen, paths):
    steps, _ = seen
    assert Controller(QApplication.instance(), paths, consultation=True).start() is False
    assert steps == ["calendrier"]


def test_asking_to_open_the_register_then_asks_for_the_passphrase(seen, paths):
    steps, asks_unlock = seen
    asks_unlock[0] = True
    Controller(QApplication.instance(), paths, consultation=True).start()
    assert steps == ["calendrier", "phrase de passe"]


def test_without_the_option_the_passphrase_comes_first(seen, paths):
    steps, _ = seen
    Controller(QApplication.instance(), paths).start()
    assert steps == ["phrase de passe"]


def test_the_command_line_option_reaches_the_app(monkeypatch, paths):
    received = {}
    monkeypatch.setattr(app_module, "run_gui", lambda p, **options: received.update(options) or 0)
    assert cli.run(["--database", str(paths.database), "--consultation"]) == 0
    assert received == {"consultation": True}
