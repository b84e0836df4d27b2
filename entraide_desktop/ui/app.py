"""Start the desktop app: Qt, translations, the lock, first run or unlock, then the main window.

The controller also handles locking: the main window closes, the database is closed, and
the locked screen comes back (the unlock dialog, or the members' consultation mode when it
is available).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .. import APP_ID, APP_NAME, __version__
from ..config import Paths, Settings, load_settings
from ..data.errors import EntraideError
from ..i18n import _, locale_name
from ..instance_lock import InstanceLock
from . import startup_probe
from .context import AppContext, app_icon
from .diagnostics import install_exception_hooks
from .messages import error_text, show_error
from .style import MIN_POINT_SIZE, apply_style
from .tasks import run_task, run_with_progress, wait_for_tasks

if TYPE_CHECKING:
    from ..data.store import Store


def install_qt_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own French (or English) strings for standard dialogs and buttons."""
    translators = []
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_locale = QLocale(locale_name())
    QLocale.setDefault(qt_locale)
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(qt_locale, name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def create_application(argv: list[str] | None = None, settings: Settings | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    install_qt_translations(app)
    settings = settings or Settings()
    apply_style(app, text_size=settings.text_size, high_contrast=settings.high_contrast)
    return app


class InactivityLock(QObject):
    """Emits ``timed_out`` after the preference ``lock_minutes`` without keyboard or mouse use (0: never).

    The delay is read again (at most once a second) whenever the person is active, so a change
    in the preferences applies at once. ``fixed_interval_ms`` overrides it (tests).
    """

    timed_out = Signal()
    ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                          QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride})

    def __init__(self, paths: Paths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.fixed_interval_ms: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.timed_out.emit)
        self._restarted = 0.0

    def interval_ms(self) -> int:
        if self.fixed_interval_ms is not None:
            return self.fixed_interval_ms
        return int(max(load_settings(self.paths).lock_minutes, 0) * 60_000)

    def restart(self) -> None:
        self._restarted = time.monotonic()
        interval = self.interval_ms()
        if interval > 0:
            self.timer.start(interval)
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self.ACTIVITY and time.monotonic() - self._restarted > 1.0:
            self.restart()
        return False


class Controller(QObject):
    """Owns the session: unlock → main window → lock → unlock again, until the app quits."""

    def __init__(self, app: QApplication, paths: Paths, *, demo_passphrase: str = "", consultation: bool = False) -> None:
        super().__init__()
        self.consultation_first = consultation  # ``entraide --consultation``: the members' calendar first
        self.app = app
        self.paths = paths
        self.demo_passphrase = demo_passphrase
        self.window = None
        self.store: Store | None = None
        self.inactivity = InactivityLock(paths, self)
        self.inactivity.timed_out.connect(self.lock)
        self._lock_attempts = 0

    def start(self) -> bool:
        """Show first run or unlock; False when the person chose to quit."""
        if startup_probe.requested():
            return startup_probe.start(self)
        if not self.paths.database.exists():
            store = self._first_run()
        elif self.consultation_first and self._consultation_available() and not self._show_consultation():
            return False
        else:
            store = self._unlock()
        if store is None:
            return False
        self.open_session(store)
        # deferred: the main window loads while the passphrase is typed (warm_up)
        from .main_window import STARTUP_WORK_DELAY_MS

        QTimer.singleShot(STARTUP_WORK_DELAY_MS, lambda: self.store is not None and self._daily_backup(self.store))
        return True

    def _first_run(self) -> Store | None:
        # deferred: only on the first run
        from .setup_dialog import SetupDialog

        dialog = SetupDialog(self.paths)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.store
        if dialog.join_requested:
            return self._join()
        return None

    def _join(self) -> Store | None:
        """Set up this computer from another machine's join file (sync area)."""
        from .sync.join import run_join_wizard  # deferred: only on a first run that joins a group

        return run_join_wizard(self.paths)

    def _unlock(self) -> Store | None:
        # deferred: only when a passphrase is asked (not for the demo)
        from .unlock_dialog import UnlockDialog

        while True:
            dialog = UnlockDialog(
                self.paths, demo_passphrase=self.demo_passphrase, allow_consultation=self._consultation_available()
            )
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.store
            if dialog.consultation_requested and self._show_consultation():
                continue
            return None

    # -- members' consultation mode (calendar area) -----------------------------------------
    def _consultation_available(self) -> bool:
        """The members' calendar can be shown (the public calendar file exists or can be read)."""
        return True

    def _show_consultation(self) -> bool:
        """Show the read-only calendar until someone asks to unlock; True to show the unlock dialog."""
        # deferred: only in consultation mode
        from .consultation import run_consultation

        return run_consultation(self.paths)

    # -- session -----------------------------------------------------------------------------
    def open_session(self, store: Store) -> None:
        # deferred: the main window loads while the passphrase is typed (warm_up)
        from .main_window import MainWindow

        self.store = store
        context = AppContext(store, self.paths, demo=bool(self.demo_passphrase))
        context.restore_requested.connect(self.restore)
        self.window = MainWindow(context)
        self.window.lock_requested.connect(self.lock)
        # 1280 × 800 at the usual text size, larger with large text; maximised when that does not fit.
        scale = max(self.app.font().pointSizeF() / MIN_POINT_SIZE, 1.0)
        width, height = int(1280 * min(scale, 1.5)), int(800 * min(scale, 1.5))
        screen = self.app.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        if available is not None and (available.width() < width + 20 or available.height() < height + 20):
            self.window.showMaximized()
        else:
            self.window.resize(width, height)
            self.window.show()
        self.app.setQuitOnLastWindowClosed(True)
        self.app.installEventFilter(self.inactivity)
        self.inactivity.restart()

    def _daily_backup(self, store: Store) -> None:
        """The automatic backup, off the UI thread, at most once a day."""
        # deferred: the storage library loads after the unlock screen shows
        from ..data import backups

        def work(_progress: object) -> object:
            clone = store.clone()
            try:
                return backups.backup_if_due(clone)
            finally:
                clone.close()

        def failed(error: BaseException) -> None:
            if self.window is not None:
                self.window.statusBar().showMessage(_("La sauvegarde automatique a échoué : {e}").format(e=error_text(error)))

        run_task(work, lambda _info: None, failed)

    def restore(self, backup: str) -> None:
        """Replace the database by a backup: close the session, restore off the UI thread, reopen."""
        # deferred: the storage library loads after the unlock screen shows
        from ..data import backups
        from ..data.connection import open_with_key

        if self.store is None or self.window is None:
            return
        key, author, paths = self.store.data_key, self.store.author, self.paths
        self.app.setQuitOnLastWindowClosed(False)
        if not self.window.close():
            self.app.setQuitOnLastWindowClosed(True)
            return
        self.window.deleteLater()
        self.window = None
        self.store.close()
        self.store = None

        def work(_progress: object) -> object:
            store = open_with_key(paths, key, author)
            backups.restore(store, Path(backup))
            return True

        def reopen(_result: object = None) -> None:
            self.open_session(backups.reopen_after_restore(paths, key, author))
            if self.window is not None:
                self.window.statusBar().showMessage(_("Sauvegarde restaurée. L'état précédent a été sauvegardé."), 15000)

        def failed(error: BaseException) -> None:
            show_error(None, error)
            self.open_session(open_with_key(paths, key, author))

        run_with_progress(None, _("Restauration de la sauvegarde…"), work, reopen, failed, cancellable=False)

    def lock(self) -> None:
        """Close the session and return to the locked screen (Ctrl+L, or the inactivity delay)."""
        window = self.window
        if window is None:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and self._lock_attempts < 20:
            # A dialog left open: close it first (nothing in it is saved), then lock once its loop ended.
            self._lock_attempts += 1
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
            QTimer.singleShot(50, self.lock)
            return
        self._lock_attempts = 0
        self.inactivity.stop()
        self.app.removeEventFilter(self.inactivity)
        self.app.setQuitOnLastWindowClosed(False)  # the locked screen comes next, not the end
        if not window.close():
            self.app.setQuitOnLastWindowClosed(True)
            self.app.installEventFilter(self.inactivity)
            self.inactivity.restart()
            return
        self.window = None
        if self.store is not None:
            self.store.close()
            self.store = None
        window.deleteLater()
        QTimer.singleShot(0, self._relock)

    def _relock(self) -> None:
        """After locking: the members' consultation mode when available, then the passphrase."""
        if self._consultation_available() and not self._show_consultation():
            self.app.quit()
            return
        store = self._unlock()
        if store is None:
            self.app.quit()
            return
        self.open_session(store)


def run_gui(paths: Paths, *, demo_passphrase: str = "", consultation: bool = False) -> int:
    app = create_application(settings=load_settings(paths))
    install_exception_hooks()  # an error in a slot: logged and shown calmly (no console on Windows)
    try:
        lock = InstanceLock(paths)
        lock.acquire()
    except (EntraideError, OSError) as error:
        QMessageBox.warning(None, APP_NAME, str(error))
        return 1
    try:
        controller = Controller(app, paths, demo_passphrase=demo_passphrase, consultation=consultation)
        app.setQuitOnLastWindowClosed(True)
        try:
            if not controller.start():
                return 0
        except EntraideError as error:
            QMessageBox.warning(None, APP_NAME, error.message)
            return 1
        return app.exec()
    finally:
        wait_for_tasks(10000)
        if controller.store is not None:
            controller.store.close()
        lock.release()


def demo_database_path(paths_root: Path) -> Path:
    return paths_root / "demo" / "entraide-demo.db"
