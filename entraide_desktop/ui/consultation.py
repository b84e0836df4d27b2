"""Members' consultation mode: the calendar on the shared computer, full screen, large print, read-only.

It needs no passphrase because it never opens the (encrypted) database: it reads the public
calendar file the app rewrites after every change, which holds only public activities and the
names of leaders who consented. Leaving it needs the passphrase: ``run_consultation`` returns
True and the controller shows the unlock dialog.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..config import Paths
from ..data.calendar.labels import capitalised, compact_time, day_heading, time_range
from ..data.calendar.public import PublicCalendar, PublicOccurrence, read_public_calendar
from ..documents.page import escape
from ..i18n import _
from .calendar.common import type_icon
from .context import app_icon

DAYS_SHOWN = 21
STYLE = """
#consultation, #consultationList { background: #f7f5f0; }
#consultation QScrollArea { background: transparent; border: none; }
#consultationHeader { background: #1f6f78; }
#consultationHeader QLabel { color: white; }
#consultationTitle { font-weight: 700; }
#consultationDay { color: #1f6f78; font-weight: 700; padding-top: 10px; }
#consultationCard { background: white; border: 1px solid #c9c4b8; border-radius: 8px; }
#consultationCancelled { background: #f1f1f1; border: 2px dashed #7a7a7a; border-radius: 8px; }
#consultationNotice { color: #7a4b00; font-weight: 600; }
QPushButton#consultationUnlock { padding: 6px 14px; }
"""

current_window: ConsultationWindow | None = None
"""The window shown now (tests look at it)."""


def _card(occ: PublicOccurrence, calendar: PublicCalendar, scale: float, *, big: bool) -> QFrame:
    frame = QFrame()
    frame.setObjectName("consultationCancelled" if occ.cancelled else "consultationCard")
    row = QHBoxLayout(frame)
    row.setContentsMargins(12, 8, 12, 8)
    kind = calendar.types.get(occ.type_id)
    icon_size = int(22 * scale * (1.2 if big else 1.0))
    symbol = QLabel()
    if kind is not None:
        symbol.setPixmap(type_icon(kind.symbol, kind.colour, icon_size).pixmap(icon_size, icon_size))
        symbol.setToolTip(kind.name)
    symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
    row.addWidget(symbol)
    when = time_range(occ.start, occ.end, occ.all_day) if big or occ.all_day else compact_time(occ.start)
    lines = [
        f"<b>{escape(when)}</b> &nbsp; <span style='font-size:{int(110 if big else 100)}%'>"
        + (f"<s>{escape(occ.title)}</s>" if occ.cancelled else f"<b>{escape(occ.title)}</b>")
        + "</span>"
    ]
    if occ.cancelled:
        lines.insert(
            0, "<b>⚠ " + escape(_("ANNULÉ")) + "</b>" + (escape(" — " + occ.reason) if occ.reason else "")
        )
    elif occ.moved:
        lines.insert(
            0,
            "<b>↷ "
            + escape(_("Changement d'horaire"))
            + "</b>"
            + (escape(" — " + occ.reason) if occ.reason else ""),
        )
    details = []
    if occ.place:
        details.append(escape(occ.place))
    if kind is not None:
        details.append(escape(kind.short_label))
    if occ.leaders:
        details.append(escape(_("avec {names}").format(names=i18n.join_list(occ.leaders))))
    if details:
        lines.append("<span style='color:#444'>" + " · ".join(details) + "</span>")
    if big and occ.description and not occ.cancelled:
        lines.append("<i>" + escape(occ.description) + "</i>")
    text = QLabel("<br>".join(lines))
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    row.addWidget(text, 1)
    return frame


class ConsultationWindow(QWidget):
    """Full-screen, read-only. ``unlock_requested`` when someone wants to open the register."""

    unlock_requested = Signal()

    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.scale = 1.6
        self._stamp: float | None = None
        self.calendar: PublicCalendar | None = None
        self.setObjectName("consultation")
        self.setWindowTitle(_("Calendrier des activités — Entraide"))
        self.setWindowIcon(app_icon())
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = QFrame()
        header.setObjectName("consultationHeader")
        top = QHBoxLayout(header)
        top.setContentsMargins(28, 14, 28, 14)
        self.group = QLabel()
        self.group.setObjectName("consultationTitle")
        self.clock = QLabel()
        self.clock.setObjectName("consultationTitle")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.group, 1)
        top.addWidget(self.clock)
        outer.addWidget(header)
        body = QHBoxLayout()
        body.setContentsMargins(28, 12, 28, 8)
        body.setSpacing(28)
        self.today_box = QVBoxLayout()
        self.today_title = QLabel()
        self.today_title.setObjectName("consultationHeading")
        left = QVBoxLayout()
        left.addWidget(self.today_title)
        left.addLayout(self.today_box)
        left.addStretch(1)
        body.addLayout(left, 4)
        right = QVBoxLayout()
        self.coming_title = QLabel(_("Les prochaines semaines"))
        self.coming_title.setObjectName("consultationHeading")
        right.addWidget(self.coming_title)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setAccessibleName(_("Activités des prochaines semaines"))
        self.coming = QWidget()
        self.coming.setObjectName("consultationList")
        self.coming_box = QVBoxLayout(self.coming)
        self.coming_box.setContentsMargins(0, 0, 12, 0)
        self.scroll.setWidget(self.coming)
        right.addWidget(self.scroll, 1)
        body.addLayout(right, 6)
        outer.addLayout(body, 1)
        footer = QHBoxLayout()
        footer.setContentsMargins(28, 4, 28, 14)
        self.notice = QLabel()
        self.notice.setObjectName("consultationNotice")
        self.notice.setWordWrap(True)
        footer.addWidget(self.notice, 1)
        smaller = QPushButton(_("A −"))
        smaller.setAccessibleName(_("Texte plus petit"))
        smaller.setToolTip(_("Texte plus petit (Ctrl+moins)"))
        bigger = QPushButton(_("A +"))
        bigger.setAccessibleName(_("Texte plus grand"))
        bigger.setToolTip(_("Texte plus grand (Ctrl+plus)"))
        smaller.clicked.connect(lambda: self.zoom(-0.2))
        bigger.clicked.connect(lambda: self.zoom(0.2))
        self.unlock_button = QPushButton(_("Ouvrir le &registre (phrase de passe)…"))
        self.unlock_button.setObjectName("consultationUnlock")
        self.unlock_button.setAccessibleDescription(
            _("Réservé à l'équipe : la phrase de passe sera demandée.")
        )
        self.unlock_button.clicked.connect(self.unlock_requested.emit)
        for widget in (smaller, bigger, self.unlock_button):
            footer.addWidget(widget)
        outer.addLayout(footer)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.zoom(0.2))
        QShortcut(QKeySequence("Ctrl+="), self, lambda: self.zoom(0.2))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom(-0.2))
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        self.reload(force=True)

    # -- content ----------------------------------------------------------------------------
    def zoom(self, step: float) -> None:
        self.scale = min(max(self.scale + step, 1.0), 3.0)
        self.reload(force=True)

    def _fonts(self) -> None:
        """Large print through the style sheet (it wins over inherited fonts under the app's style sheet)."""
        base = QApplication.font().pointSizeF() * self.scale
        sizes = (
            f"#consultation QLabel, #consultation QPushButton {{ font-size: {base:.1f}pt; }}\n"
            f"#consultation QLabel#consultationTitle {{ font-size: {base * 1.45:.1f}pt; }}\n"
            f"#consultation QLabel#consultationDay {{ font-size: {base * 1.15:.1f}pt; }}\n"
            f"#consultation QLabel#consultationHeading {{ font-size: {base * 1.3:.1f}pt; font-weight: 700; "
            "color: #1f6f78; }\n"
            f"#consultation QLabel#consultationNotice {{ font-size: {base * 0.75:.1f}pt; }}\n"
            f"#consultation QPushButton {{ font-size: {base * 0.75:.1f}pt; }}\n"
        )
        self.setStyleSheet(STYLE + sizes)

    def reload(self, force: bool = False) -> None:
        """Re-read the public file when it changed (and the date and time every half minute)."""
        now = dt.datetime.now()
        self.clock.setText(capitalised(i18n.format_date(now.date())) + "  ·  " + compact_time(now))
        try:
            stamp = self.paths.public_calendar.stat().st_mtime
        except OSError:
            stamp = None
        day_changed = getattr(self, "_day", None) != now.date()
        if not force and stamp == self._stamp and not day_changed:
            return
        self._stamp, self._day = stamp, now.date()
        self.calendar = read_public_calendar(self.paths.public_calendar)
        self._fonts()
        self._fill(now)

    def _clear(self, box: QVBoxLayout) -> None:
        while box.count():
            item = box.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()

    def _fill(self, now: dt.datetime) -> None:
        self._clear(self.today_box)
        self._clear(self.coming_box)
        today = now.date()
        self.today_title.setText(_("Aujourd'hui"))
        calendar = self.calendar
        if calendar is None:
            self.group.setText(_("Calendrier des activités"))
            self.notice.setText(
                _(
                    "Le calendrier n'est pas encore disponible sur ce poste : il apparaîtra dès que "
                    "l'équipe aura ouvert le registre."
                )
            )
            self.today_box.addWidget(self._plain(_("Aucune activité à afficher pour le moment.")))
            return
        self.group.setText(calendar.group or _("Calendrier des activités"))
        start = dt.datetime.combine(today, dt.time())
        todays = calendar.between(start, start + dt.timedelta(days=1))
        for occ in todays:
            self.today_box.addWidget(_card(occ, calendar, self.scale, big=True))
        if not todays:
            self.today_box.addWidget(self._plain(_("Aucune activité aujourd'hui.")))
        later = calendar.between(start + dt.timedelta(days=1), start + dt.timedelta(days=DAYS_SHOWN + 1))
        by_day: dict[dt.date, list[PublicOccurrence]] = {}
        for occ in later:
            first = max(occ.start.date(), today + dt.timedelta(days=1))
            by_day.setdefault(first, []).append(occ)
        for day in sorted(by_day):
            heading = QLabel(day_heading(day, today))
            heading.setObjectName("consultationDay")
            self.coming_box.addWidget(heading)
            for occ in by_day[day]:
                self.coming_box.addWidget(_card(occ, calendar, self.scale, big=False))
        if not by_day:
            self.coming_box.addWidget(self._plain(_("Aucune activité prévue dans les prochaines semaines.")))
        self.coming_box.addStretch(1)
        notice = _(
            "Calendrier mis à jour le {date}. Il est en lecture seule et ne montre que les activités "
            "publiques."
        ).format(date=i18n.format_date(calendar.updated.date()))
        if calendar.last_day < today + dt.timedelta(days=DAYS_SHOWN):
            notice = _(
                "Ce calendrier n'a pas été mis à jour depuis le {date} : des activités peuvent manquer. "
                "Demandez à l'équipe d'ouvrir le registre."
            ).format(date=i18n.format_date(calendar.updated.date()))
        self.notice.setText(notice)

    def _plain(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def titles(self) -> list[str]:
        """Titles shown now (for tests and screen readers)."""
        found = []
        for box in (self.today_box, self.coming_box):
            for index in range(box.count()):
                widget = box.itemAt(index).widget()
                if isinstance(widget, QFrame):
                    found += [label.text() for label in widget.findChildren(QLabel) if label.text()]
        return found

    # -- leaving ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.unlock_requested.emit()
            return
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            bar = self.scroll.verticalScrollBar()
            step = (
                bar.pageStep()
                if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
                else bar.singleStep() * 3
            )
            bar.setValue(
                bar.value() + (step if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_Down) else -step)
            )
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Closing the window (Alt+F4) leads to the passphrase, never to the register.
        self.unlock_requested.emit()
        event.accept()


def run_consultation(paths: Paths) -> bool:
    """Show the consultation mode until someone asks to open the register: True (show the unlock dialog).

    False only when the application is quitting meanwhile.
    """
    global current_window
    app = QApplication.instance()
    window = ConsultationWindow(paths)
    current_window = window
    loop = QEventLoop()
    quitting: list[bool] = []

    def on_quit() -> None:
        quitting.append(True)
        loop.quit()

    window.unlock_requested.connect(loop.quit)
    if app is not None:
        app.aboutToQuit.connect(on_quit)
    window.showFullScreen()
    window.activateWindow()
    window.unlock_button.setFocus()
    loop.exec()
    if app is not None:
        app.aboutToQuit.disconnect(on_quit)
    window.timer.stop()
    window.hide()
    window.deleteLater()
    current_window = None
    return not quitting
