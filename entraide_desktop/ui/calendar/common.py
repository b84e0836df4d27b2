"""What the calendar's views share: type icons, keyboard navigation, signals."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from ... import i18n
from ...data.calendar.labels import time_range, week_start
from ...data.calendar.occurrence import OccurrenceView
from ...documents.calendar.painting import draw_symbol
from ...i18n import _, ngettext

ACCENT = QColor("#1f6f78")
FOCUS = QColor("#f6a03c")
CANCELLED_INK = QColor("#6b6b6b")


@lru_cache(maxsize=256)
def type_icon(symbol: str, colour: str, size: int = 16) -> QIcon:
    """A small icon with the type's symbol, for lists and combo boxes."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_symbol(painter, symbol, QRectF(1.5, 1.5, size - 3, size - 3), colour)
    painter.end()
    return QIcon(pixmap)


def with_note(label: str, note: str | None) -> str:
    """« Déplacé : salle 2 » — a status followed by its reason, as the language writes it."""
    return _("{label} : {note}").format(label=label, note=note) if note else label


def tooltip(occ: OccurrenceView) -> str:
    """Details of an occurrence in a few lines (tooltips, accessible descriptions)."""
    lines = [
        occ.title,
        time_range(occ.start, occ.end, occ.all_day) + (" — " + occ.place if occ.place else ""),
    ]
    if occ.type_name:
        lines.append(
            f"{occ.short_label} ({occ.type_name})" if occ.short_label != occ.type_name else occ.type_name
        )
    if occ.leaders:
        lines.append(_("Animé par {names}").format(names=i18n.join_list(occ.leaders)))
    if occ.cancelled:
        lines.append(with_note(_("ANNULÉ"), occ.note))
    elif occ.moved:
        lines.append(with_note(_("Déplacé"), occ.note))
    if not occ.public:
        lines.append(_("Réservé aux membres"))
    return "\n".join(lines)


def describe_day(day: dt.date, items: list[OccurrenceView]) -> str:
    """« mardi 8 décembre 2026 : 2 activités. 13 h 30, Groupe de discussion ; … » for screen readers."""
    head = ngettext("{date} : {n} activité", "{date} : {n} activités", len(items)).format(
        date=i18n.format_date(day), n=len(items)
    )
    if not items:
        return i18n.format_date(day) + _(" : aucune activité")
    parts = []
    for occ in items:
        text = time_range(occ.start, occ.end, occ.all_day) + ", " + occ.title
        if occ.cancelled:
            text += ", " + _("annulée")
        parts.append(text)
    return head + ". " + " ; ".join(parts)


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


class CalendarView(QWidget):
    """Base of the month and week views: a selected day, keyboard navigation, signals.

    Keys: arrows move the day (up/down by a week), Page Up / Page Down by a month (a week in
    the week view), Home / End to the start or end of the week, T today, Enter opens, N new.
    """

    date_selected = Signal(object)  # dt.date
    occurrence_activated = Signal(str)  # occurrence key
    new_requested = Signal(object)  # dt.date
    open_day_requested = Signal(object)  # dt.date with several occurrences: pick one in the day list
    page_step_months = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selected = dt.date.today()
        self.today = dt.date.today()
        self.selected_key = ""
        self.by_day: dict[dt.date, list[OccurrenceView]] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_occurrences(self, occurrences: list[OccurrenceView], today: dt.date | None = None) -> None:
        self.today = today or dt.date.today()
        by_day: dict[dt.date, list[OccurrenceView]] = {}
        for occ in occurrences:
            for day in occ.days:
                by_day.setdefault(day, []).append(occ)
        self.by_day = by_day
        self.update()

    def select_day(self, day: dt.date, *, emit: bool = True) -> None:
        changed = day != self.selected
        self.selected = day
        if changed:
            self.selected_key = ""
        self.setAccessibleDescription(describe_day(day, self.by_day.get(day, [])))
        self.update()
        if emit:
            self.date_selected.emit(day)

    def step_page(self, direction: int) -> dt.date:
        return add_months(self.selected, direction)

    # -- mouse, tooltips, focus (the views say what is under a point with ``_hit``) --------------
    def _hit(self, pos: QPointF) -> tuple[dt.date | None, str]:
        """The day and the occurrence key ("" for the day itself) under ``pos``."""
        raise NotImplementedError

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day, key = self._hit(event.position())
        if day is not None:
            self.select_day(day)
            self.selected_key = key
            self.update()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day, key = self._hit(event.position())
        if day is None:
            return
        if key:
            self.occurrence_activated.emit(key)
        else:
            self.new_requested.emit(day)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day, key = self._hit(event.pos())  # type: ignore[attr-defined]
            occ = next((o for o in self.by_day.get(day, []) if o.key == key), None) if day else None
            if occ is not None:
                QToolTip.showText(event.globalPos(), tooltip(occ), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    def activate_selected(self) -> None:
        items = self.by_day.get(self.selected, [])
        chosen = [o for o in items if o.key == self.selected_key]
        if chosen:
            self.occurrence_activated.emit(chosen[0].key)
        elif len(items) == 1:
            self.occurrence_activated.emit(items[0].key)
        elif items:
            self.open_day_requested.emit(self.selected)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        day = self.selected
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            moves[Qt.Key.Key_Left], moves[Qt.Key.Key_Right] = 1, -1
        if key in moves:
            self.select_day(day + dt.timedelta(days=moves[key]))
        elif key == Qt.Key.Key_PageUp:
            self.select_day(self.step_page(-1))
        elif key == Qt.Key.Key_PageDown:
            self.select_day(self.step_page(1))
        elif key == Qt.Key.Key_Home:
            self.select_day(week_start(day))
        elif key == Qt.Key.Key_End:
            self.select_day(week_start(day) + dt.timedelta(days=6))
        elif key == Qt.Key.Key_T:
            self.select_day(dt.date.today())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate_selected()
        elif key == Qt.Key.Key_N:
            self.new_requested.emit(day)
        else:
            super().keyPressEvent(event)
