"""The sync folder at work in the background while the app is open.

When this computer has a sync folder, the service imports the other machines' files at
start and whenever they change (QFileSystemWatcher, with polling as a fallback: network
shares and some sync tools do not report changes), and writes this machine's file a short
while after changes (debounced). Every round runs off the UI thread on its own connection.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ...data.sync import exchange
from ...data.sync import folder as sync_folder
from ...i18n import _, ngettext
from ..context import AppContext
from ..messages import error_text
from ..tasks import run_task

START_DELAY_MS = 1500
EXPORT_DELAY_MS = 20_000
POLL_MS = 60_000
WATCH_DELAY_MS = 3000  # let the sync tool finish writing a file before reading it


class SyncFolderService(QObject):
    """``round_finished(result_or_error)`` after each round; ``busy_changed(bool)``."""

    round_finished = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.folder: Path | None = None
        self.last_result: sync_folder.RoundResult | None = None
        self.last_error = ""
        self._busy = False
        self._again = False
        self._export_pending = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _p: self._soon(WATCH_DELAY_MS))
        self._watcher.fileChanged.connect(lambda _p: self._soon(WATCH_DELAY_MS))
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.run_round)
        self._export_timer = QTimer(self, singleShot=True)
        self._export_timer.timeout.connect(self.run_round)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.run_round)
        context.data_changed.connect(self._on_data_changed)
        self.reload()

    @property
    def busy(self) -> bool:
        return self._busy

    def reload(self) -> None:
        """Read the chosen folder again (after it was chosen or forgotten) and start or stop watching."""
        self.folder = sync_folder.sync_folder(self.context.store)
        paths = self._watcher.directories() + self._watcher.files()
        if paths:
            self._watcher.removePaths(paths)
        if self.folder is None:
            self._poll.stop()
            self._timer.stop()
            self._export_timer.stop()
            return
        if self.folder.is_dir():
            self._watcher.addPath(str(self.folder))
        self._poll.start(POLL_MS)
        self._soon(START_DELAY_MS)

    def _soon(self, delay: int) -> None:
        if self.folder is not None:
            self._timer.start(delay)

    def _on_data_changed(self, area: str) -> None:
        if self.folder is not None and area != "sync-import":
            self._export_pending = True
            self._export_timer.start(EXPORT_DELAY_MS)

    def run_round(self) -> None:
        """One exchange through the folder, off the UI thread (queued when one is running)."""
        if self.folder is None:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._again = False
        self._export_pending = False
        self.busy_changed.emit(True)
        store, folder = self.context.store, self.folder

        def work(_progress: object) -> sync_folder.RoundResult:
            clone = store.clone()
            try:
                return sync_folder.exchange_round(clone, folder)
            finally:
                clone.close()

        run_task(work, self._done, self._failed)

    def _finish(self) -> None:
        self._busy = False
        self.busy_changed.emit(False)
        if self.folder is not None and self.folder.is_dir() and str(self.folder) not in self._watcher.directories():
            self._watcher.addPath(str(self.folder))  # the folder came back (a network share reconnected)
        if self._again:
            self._soon(0)

    def _done(self, result: sync_folder.RoundResult) -> None:
        self.last_result = result
        self.last_error = ""
        self._finish()
        if result.changes:
            self.context.status_message.emit(
                ngettext("Synchronisation : {n} fiche mise à jour depuis les autres postes.",
                         "Synchronisation : {n} fiches mises à jour depuis les autres postes.", result.changes).format(
                    n=result.changes)
            )
        self.round_finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        repeated = message == self.last_error
        self.last_error = message
        self._finish()
        if not repeated:  # an unreachable network share is said once, not at every poll
            self.context.status_message.emit(_("Synchronisation impossible : {message}").format(message=message))
        self.round_finished.emit(error)

    def prepare_close(self) -> bool:
        """Before the window closes: write this machine's file when changes are waiting (brief)."""
        self._timer.stop()
        self._export_timer.stop()
        self._poll.stop()
        if self.folder is None or self._busy:
            return True
        try:
            if sync_folder.needs_export(self.context.store, self.folder):
                exchange.export_to(self.context.store, self.folder)
        except Exception:  # noqa: BLE001 — closing must never be blocked by the shared folder
            pass
        return True


def start_sync_service(context: AppContext, parent: QObject) -> SyncFolderService:
    """The service of one open session (owned by the main window)."""
    return SyncFolderService(context, parent)
