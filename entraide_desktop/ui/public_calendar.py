"""Keep the public calendar file up to date after every change that could affect it.

``schedule_public_calendar(context)`` coalesces the requests of one moment (several screens
may report changes at once) and rewrites the file off the UI thread on the worker's own
connection. ``flush_public_calendar(context)`` writes at once (before locking or quitting).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from ..data.calendar.public import write_public_calendar
from ..i18n import _
from .context import AppContext
from .tasks import run_task

log = logging.getLogger(__name__)
DELAY_MS = 250


class PublicCalendarWriter(QObject):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._write_in_background)
        self.running = False
        self.again = False
        self.writes = 0

    def schedule(self) -> None:
        self.timer.start()

    def _write_in_background(self) -> None:
        if self.running:
            self.again = True
            return
        self.running = True
        store, paths = self.context.store, self.context.paths

        def work(_progress: object) -> None:
            clone = store.clone()
            try:
                write_public_calendar(clone, paths)
            finally:
                clone.close()

        run_task(work, self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.running = False
        self.writes += 1
        if self.again:
            self.again = False
            self.schedule()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        log.warning("public calendar not written: %s", error)
        self.context.status_message.emit(
            _("Le calendrier public (mode consultation) n'a pas pu être mis à jour : {error}").format(
                error=error
            )
        )

    def flush(self) -> None:
        """Write now, on the UI thread (the session is about to close)."""
        if not self.timer.isActive() and not self.again:
            return
        self.timer.stop()
        self.again = False
        try:
            write_public_calendar(self.context.store, self.context.paths)
            self.writes += 1
        except Exception as error:  # noqa: BLE001 - never stop a lock because of this file
            log.warning("public calendar not written: %s", error)


def writer_for(context: AppContext) -> PublicCalendarWriter:
    writer = getattr(context, "_public_calendar_writer", None)
    if writer is None:
        writer = PublicCalendarWriter(context)
        context._public_calendar_writer = writer  # type: ignore[attr-defined]
    return writer


def schedule_public_calendar(context: AppContext) -> None:
    writer_for(context).schedule()


def flush_public_calendar(context: AppContext) -> None:
    writer = getattr(context, "_public_calendar_writer", None)
    if writer is not None:
        writer.flush()
