"""Members' consultation mode: public activities only, no passphrase to see it, the passphrase to leave;
the secretary's session locks after inactivity (and with Ctrl+L) and comes back to it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from entraide_desktop.config import update_settings
from entraide_desktop.data.calendar.public import write_public_calendar
from entraide_desktop.data.connection import unlock
from entraide_desktop.ui import consultation
from entraide_desktop.ui.app import Controller, InactivityLock
from entraide_desktop.ui.consultation import ConsultationWindow
from tests.conftest import PASSPHRASE
from tests.data.test_calendar_support import COLLECTIVE, person, weekly

TODAY = dt.date.today()


def fill(store, paths) -> None:
    ana = person(store, "Ana", "Tremblay", consent=True)
    luc = person(store, "Lucien", "Gagnon")
    start = dt.datetime.combine(TODAY, dt.time(19, 30))
    weekly(
        store, start=start, until=TODAY + dt.timedelta(days=60), leaders=(ana, luc), notes="Clé chez Ginette"
    )
    weekly(
        store,
        title="Comité des membres",
        type_id=COLLECTIVE,
        public=False,
        start=start + dt.timedelta(days=1),
        until=TODAY + dt.timedelta(days=60),
    )
    write_public_calendar(store, paths)


def test_shows_public_activities_and_consented_leaders_only(qtbot, store, paths):
    fill(store, paths)
    store.close()  # consultation never opens the database
    window = ConsultationWindow(paths)
    qtbot.addWidget(window)
    window.show()
    text = " ".join(window.titles())
    assert "Groupe de discussion du mardi" in text
    assert "Ana Tremblay" in text
    for hidden in ("Comité des membres", "Lucien", "Ginette"):
        assert hidden not in text
    assert window.today_box.count() >= 1 and "Aujourd'hui" in window.today_title.text()
    assert "lecture seule" in window.notice.text()


def test_without_a_public_file_it_says_so(qtbot, paths):
    window = ConsultationWindow(paths)
    qtbot.addWidget(window)
    assert "pas encore disponible" in window.notice.text()


def test_larger_print_on_request(qtbot, store, paths):
    fill(store, paths)
    window = ConsultationWindow(paths)
    qtbot.addWidget(window)
    before = window.scale
    window.zoom(0.2)
    assert (
        window.scale > before
        and f"{QApplication.font().pointSizeF() * window.scale:.1f}pt" in window.styleSheet()
    )


def test_leaving_asks_for_the_passphrase(qtbot, store, paths):
    fill(store, paths)
    store.close()
    QTimer.singleShot(100, lambda: consultation.current_window.unlock_button.click())
    assert consultation.run_consultation(paths) is True
    assert consultation.current_window is None


def test_unlock_dialog_offers_the_calendar(qtbot, store, paths):
    from entraide_desktop.ui.unlock_dialog import UnlockDialog

    store.close()
    dialog = UnlockDialog(paths, allow_consultation=True)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(type(dialog.open_button))]
    assert "Consulter le &calendrier" in texts


def _controller(qtbot, store, paths, monkeypatch):
    app = QApplication.instance()
    controller = Controller(app, paths)
    shown: list[list[str]] = []

    def consult(inner_paths):
        window = ConsultationWindow(inner_paths)
        shown.append(window.titles())
        window.deleteLater()
        return True

    monkeypatch.setattr(consultation, "run_consultation", consult)
    monkeypatch.setattr(Controller, "_unlock", lambda self: unlock(paths, PASSPHRASE))
    monkeypatch.setattr(app, "setQuitOnLastWindowClosed", lambda _value: None)
    controller.open_session(store)
    return controller, shown


def test_inactivity_locks_and_returns_to_the_consultation_mode(qtbot, store, paths, monkeypatch):
    fill(store, paths)
    controller, shown = _controller(qtbot, store, paths, monkeypatch)
    first_window = controller.window
    controller.inactivity.fixed_interval_ms = 300
    controller.inactivity.restart()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert any("Groupe de discussion du mardi" in t for t in shown[0])
    assert not any("Comité des membres" in t for t in shown[0])
    qtbot.waitUntil(
        lambda: controller.window is not None and controller.window is not first_window, timeout=5000
    )
    controller.inactivity.stop()
    controller.window.close()
    controller.store.close()


def test_ctrl_l_also_returns_to_the_consultation_mode(qtbot, store, paths, monkeypatch):
    fill(store, paths)
    controller, shown = _controller(qtbot, store, paths, monkeypatch)
    controller.inactivity.stop()
    assert controller.window.lock_action.shortcut().toString() == "Ctrl+L"
    controller.window.lock_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=5000)
    controller.inactivity.stop()
    controller.window.close()
    controller.store.close()


def test_an_open_dialog_does_not_stop_the_lock(qtbot, store, paths, monkeypatch):
    controller, shown = _controller(qtbot, store, paths, monkeypatch)
    controller.inactivity.stop()
    dialog = QDialog(controller.window)
    dialog.setModal(True)
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.show()
    assert QApplication.activeModalWidget() is dialog
    controller.lock()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert closed == [QDialog.DialogCode.Rejected.value]
    qtbot.waitUntil(lambda: controller.window is not None, timeout=5000)
    controller.inactivity.stop()
    controller.window.close()
    controller.store.close()


def test_lock_delay_comes_from_the_preferences(paths):
    lock = InactivityLock(paths)
    assert lock.interval_ms() == 10 * 60_000  # default: 10 minutes
    update_settings(paths, lock_minutes=3)
    assert lock.interval_ms() == 3 * 60_000
    update_settings(paths, lock_minutes=0)
    lock.restart()
    assert lock.interval_ms() == 0 and not lock.timer.isActive()  # 0 = never
