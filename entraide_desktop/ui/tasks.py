"""Run slow work (crypto, import, export, PDF) off the UI thread and come back with the result.

``run_task(fn, on_done, on_error)`` runs ``fn(progress)`` on Qt's thread pool; ``progress``
is a :class:`Progress` the function may call with ``(done, total, text)`` and poll with
``cancelled``. Results and errors are delivered on the UI thread. The function must never
touch widgets; if it needs the database it takes its own connection (``store.clone()``).

Import what the function needs in the caller, on the UI thread: PySide6 replaces Python's
import function with its own hook (``__feature_import__``), and keeping module loading on one
thread leaves workers to pure computation.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..i18n import _
from .messages import show_error


class Progress:
    """Handed to the task: report with ``progress(done, total, text)``; stop early when ``cancelled``."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int, text: str = "") -> None:
        self._emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = Progress(lambda d, t, s: signals.progress.emit(d, t, s))

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as error:  # delivered to the UI thread, which decides what to show
            self.signals.failed.emit(error, traceback.format_exc())
        else:
            self.signals.done.emit(result)


_alive: set[_Signals] = set()


def _alive_receiver(callback: Callable[..., Any] | None, owner: QObject | None) -> bool:
    """False when the widget that would receive a result was deleted meanwhile (closed window, lock)."""

    if owner is not None and not shiboken6.isValid(owner):
        return False
    receiver = getattr(callback, "__self__", None)
    return not (isinstance(receiver, QObject) and not shiboken6.isValid(receiver))


def run_task(
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    owner: QObject | None = None,
) -> Progress:
    """Start ``fn`` on the thread pool; returns its :class:`Progress` (to cancel it).

    The callbacks are skipped when ``owner`` (or the object a bound-method callback belongs to)
    was deleted before the work finished.
    """
    signals = _Signals()
    _alive.add(signals)
    runnable = _Runnable(fn, signals)

    def finish() -> None:
        _alive.discard(signals)

    def done(result: Any) -> None:
        finish()
        if _alive_receiver(on_done, owner):
            on_done(result)

    def failed(error: BaseException, trace: str) -> None:
        finish()
        if not _alive_receiver(on_error, owner):
            return
        if on_error is None:
            show_error(None, error, trace)
        else:
            on_error(error)

    signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    if on_progress is not None:
        signals.progress.connect(
            lambda d, t, text: on_progress(d, t, text) if _alive_receiver(on_progress, owner) else None,
            Qt.ConnectionType.QueuedConnection,
        )
    QThreadPool.globalInstance().start(runnable)
    return runnable.progress


def run_with_progress(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    cancellable: bool = True,
) -> Progress:
    """``run_task`` with a modal progress dialog (shown after half a second), cancellable."""
    dialog = QProgressDialog(title, _("Annuler") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setMinimumWidth(420)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        if text:
            dialog.setLabelText(text)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(error: BaseException) -> None:
        dialog.close()
        if on_error is None:
            show_error(parent, error)
        else:
            on_error(error)

    handle = run_task(fn, finished, failed, progress)
    # A lambda, not the bound method: PySide watches a bound method's object with a weakref whose
    # callback disconnects; the worker thread drops that object, and the disconnection from the
    # worker could deadlock with the UI thread closing this dialog.
    dialog.canceled.connect(lambda: handle.cancel())
    return handle


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    """Block until background tasks end (used when quitting and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
