"""Accueil: today's and the coming days' activities, and what there is to do."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import _, format_date, format_time
from .context import AppContext
from .messages import error_text
from .style import style_role
from .tasks import run_task

if TYPE_CHECKING:
    from ..data.group import GroupProfile


def _section(title: str) -> QLabel:
    label = QLabel(title)
    style_role(label, "sectionTitle")
    return label


class HomePage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.greeting = QLabel()
        style_role(self.greeting, "homeGreeting")
        self.greeting.setWordWrap(True)
        layout.addWidget(self.greeting)

        columns = QHBoxLayout()
        columns.setSpacing(18)
        left = QVBoxLayout()
        left.addWidget(_section(_("Activités à venir")))
        self.activities = QListWidget()
        self.activities.setAccessibleName(_("Activités des deux prochaines semaines"))
        self.activities.itemActivated.connect(lambda item: context.open_page.emit("calendar", item.data(Qt.ItemDataRole.UserRole) or ""))
        left.addWidget(self.activities, 1)
        columns.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(_section(_("À faire")))
        self.todo = QListWidget()
        self.todo.setAccessibleName(_("Choses à faire"))
        self.todo.setWordWrap(True)
        self.todo.itemActivated.connect(self._open_reminder)
        right.addWidget(self.todo, 1)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 1)

        shortcuts = QFrame()
        row = QHBoxLayout(shortcuts)
        row.setContentsMargins(0, 8, 0, 0)
        for key, text in (
            ("members", _("Ouvrir le registre des membres")),
            ("calendar", _("Voir le calendrier")),
            ("meetings", _("Prendre un procès-verbal")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=key: context.open_page.emit(k, ""))
            row.addWidget(button)
        row.addStretch(1)
        layout.addWidget(shortcuts)
        context.data_changed.connect(lambda _area: self.refresh())
        self.greeting.setText(_("Bonjour ! Nous sommes le {date}.").format(date=format_date(dt.date.today())))
        self._painted = False  # the content is gathered once the page is on screen (see paintEvent)

    def activated(self) -> None:
        if self._painted:
            self.refresh()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The window shows first, the content follows: the first paint starts gathering it."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        """Gather the day's activities and reminders off the UI thread, then show them."""
        today = dt.date.today()
        store = self.context.store
        if not self.greeting.text():
            self.greeting.setText(_("Bonjour ! Nous sommes le {date}.").format(date=format_date(today)))
        self._pending = getattr(self, "_pending", 0) + 1
        ticket = self._pending
        # deferred: after the first paint, on the UI thread (see ui/tasks.py)
        from ..data import calendar, group, reminders

        def gather(_progress: object) -> tuple[dict, list, list]:
            clone = store.clone()
            try:
                profile = group.profile(clone)
                start = dt.datetime.combine(today, dt.time())
                return profile, calendar.upcoming(clone, start, days=14), reminders.collect(clone, today)
            finally:
                clone.close()

        def show(result: tuple[dict, list, list]) -> None:
            if ticket == self._pending:
                self._show(today, *result)

        run_task(gather, show, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.todo.clear()
        self.todo.addItem(QListWidgetItem(_("Impossible d'afficher l'accueil : {e}").format(e=error_text(error))))

    def _show(self, today: dt.date, profile: GroupProfile, occurrences: list, found: list) -> None:
        self.greeting.setText(
            _("Bonjour ! Nous sommes le {date}.").format(date=format_date(today))
            + ("\n" + profile.name if profile.name else "")
        )
        self.activities.clear()
        current_day = None
        for occ in occurrences:
            if occ.start.date() != current_day:
                current_day = occ.start.date()
                header = QListWidgetItem(
                    _("Aujourd'hui — {date}").format(date=format_date(current_day)) if current_day == today else format_date(current_day)
                )
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable, but not greyed out either
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.activities.addItem(header)
            when = _("Toute la journée") if occ.all_day else _("{start} à {end}").format(
                start=format_time(occ.start), end=format_time(occ.end)
            )
            text = f"    {when}  ·  {occ.title}"
            if occ.place:
                text += f"  ·  {occ.place}"
            if occ.cancelled:
                text = _("{text} — ANNULÉE").format(text=text) + (f" ({occ.note})" if occ.note else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, occ.activity_id)
            self.activities.addItem(item)
        if not occurrences:
            empty = QListWidgetItem(_("Aucune activité prévue dans les deux prochaines semaines."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.activities.addItem(empty)

        self.todo.clear()
        for reminder in found:
            prefix = "⚠ " if reminder.urgent else "• "
            item = QListWidgetItem(prefix + reminder.text)
            item.setData(Qt.ItemDataRole.UserRole, (reminder.area, reminder.target_id))
            self.todo.addItem(item)
        if not found:
            empty = QListWidgetItem(_("Rien d'urgent : tout est à jour."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.todo.addItem(empty)

    def _open_reminder(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.context.open_page.emit(data[0], data[1])
