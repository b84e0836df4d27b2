"""Run the data layer's follow-ups off the UI thread, coalesced, while the app is open.

The store runs a follow-up (the public calendar rewrite…) at once after a change when nobody
asked otherwise — the command line does that. In the app, that would block typing, so the
session hands follow-ups here: the requests of one moment are gathered for ``DELAY_MS`` and run
on a worker thread with its own connection. ``flush()`` runs what is pending at once (before
locking or quitting).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from ..data.store import FollowUp
from .context import AppContext
from .tasks import run_task

log = logging.getLogger(__name__)
DELAY_MS = 250


class FollowUpRunner(QObject):
    _requested = Signal(object)  # from the writing thread; queued to the UI thread

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.pending: dict[str, FollowUp] = {}
        self.running = False
        self.runs = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._run_in_background)
        self._requested.connect(self._queue)
        context.store.defer_follow_ups(self._requested.emit)

    def _queue(self, follow_up: FollowUp) -> None:
        self.pending[follow_up.key] = follow_up
        if not self.running:
            self.timer.start()

    def _run_in_background(self) -> None:
        if self.running or not self.pending:
            return
        self.running = True
        batch, self.pending = list(self.pending.values()), {}
        store = self.context.store

        def work(_progress: object) -> None:
            clone = store.clone()
            try:
                for follow_up in batch:
                    follow_up.run(clone)
            finally:
                clone.close()

        run_task(work, self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.running = False
        self.runs += 1
        if self.pending:
            self.timer.start()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        log.warning("follow-up failed: %s", type(error).__name__)
        if self.pending:
            self.timer.start()

    def flush(self) -> None:
        """Run what is pending now, on the UI thread (the session is about to close)."""
        self.timer.stop()
        batch, self.pending = list(self.pending.values()), {}
        for follow_up in batch:
            try:
                follow_up.run(self.context.store)
            except Exception as error:  # noqa: BLE001 - never stop a lock because of a follow-up
                log.warning("follow-up %s failed: %s", follow_up.key, type(error).__name__)

    def stop(self) -> None:
        self.flush()
        self.context.store.defer_follow_ups(None)


def start_follow_ups(context: AppContext) -> FollowUpRunner:
    runner = getattr(context, "follow_up_runner", None)
    if runner is None:
        runner = context.follow_up_runner = FollowUpRunner(context)  # type: ignore[attr-defined]
    return runner
