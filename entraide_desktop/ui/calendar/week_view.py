"""The week view, painted: seven days from the locale's first day, hours down the side.

All-day activities sit in a band at the top; the others are boxes placed by their times,
side by side when they overlap. Page Up / Page Down move by a week here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ... import i18n
from ...data.calendar.labels import capitalised, compact_time, week_start
from ...data.calendar.occurrence import OccurrenceView
from ...documents.calendar.painting import draw_symbol, tint
from ...i18n import _
from .common import ACCENT, CANCELLED_INK, FOCUS, CalendarView

FIRST_HOUR, LAST_HOUR = 8, 22


def lanes(items: list[OccurrenceView]) -> dict[str, tuple[int, int]]:
    """Occurrence key → (lane, lanes in its group) so that overlapping boxes sit side by side."""
    placed: dict[str, tuple[int, int]] = {}
    group: list[tuple[OccurrenceView, int]] = []
    ends: list[dt.datetime] = []
    group_end = dt.datetime.min
    for occ in sorted(items, key=lambda o: (o.start, o.end)):
        if group and occ.start >= group_end:
            placed.update({o.key: (lane, len(ends)) for o, lane in group})
            group, ends = [], []
        free = [i for i, end in enumerate(ends) if end <= occ.start]
        if free:
            lane = free[0]
            ends[lane] = occ.end
        else:
            lane = len(ends)
            ends.append(occ.end)
        group.append((occ, lane))
        group_end = occ.end if len(group) == 1 else max(group_end, occ.end)
    placed.update({o.key: (lane, len(ends)) for o, lane in group})
    return placed


class WeekView(CalendarView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Calendrier de la semaine"))
        self.setMinimumSize(QSize(560, 380))
        self._hits: list[tuple[QRectF, dt.date, str]] = []
        self._columns: list[tuple[QRectF, dt.date]] = []

    def days(self) -> list[dt.date]:
        first = week_start(self.selected)
        return [first + dt.timedelta(days=i) for i in range(7)]

    def visible_range(self) -> tuple[dt.date, dt.date]:
        days = self.days()
        return days[0], days[-1]

    def step_page(self, direction: int) -> dt.date:
        return self.selected + dt.timedelta(days=7 * direction)

    def hours(self) -> tuple[int, int]:
        first, last = FIRST_HOUR, LAST_HOUR
        for day in self.days():
            for occ in self.by_day.get(day, []):
                if not occ.all_day:
                    first = min(first, occ.start.hour)
                    last = max(
                        last,
                        min(
                            24,
                            occ.end.hour + (1 if occ.end.minute else 0)
                            if occ.end.date() == occ.start.date()
                            else 24,
                        ),
                    )
        return first, last

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        base_font = self.font()
        bold = QFont(base_font)
        bold.setBold(True)
        metrics, bold_metrics = QFontMetricsF(base_font), QFontMetricsF(bold)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        gutter = metrics.horizontalAdvance("00 h 00") + 10
        head_h = bold_metrics.height() * 2.4
        days = self.days()
        all_day = {d: [o for o in self.by_day.get(d, []) if o.all_day] for d in days}
        band_rows = max((len(v) for v in all_day.values()), default=0)
        line_h = metrics.lineSpacing() + 4
        band_h = band_rows * line_h + (6 if band_rows else 0)
        col_w = (rect.width() - gutter) / 7
        first, last = self.hours()
        grid_top = rect.top() + head_h + band_h
        hour_h = (rect.bottom() - grid_top) / max(last - first, 1)
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        self._hits, self._columns = [], []
        names = i18n.day_names("abbreviated")
        for index, day in enumerate(days):
            column = QRectF(rect.left() + gutter + index * col_w, rect.top(), col_w, rect.height())
            self._columns.append((column, day))
            head = QRectF(column.left(), rect.top(), col_w, head_h)
            if day == self.today:
                painter.fillRect(head.adjusted(2, 2, -2, -2), ACCENT)
                painter.setPen(QColor("#ffffff"))
            else:
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.setFont(bold)
            painter.drawText(
                head,
                Qt.AlignmentFlag.AlignCenter,
                capitalised(names[day.weekday()]) + "\n" + i18n.format_skeleton("MMMd", day),
            )
            for row, occ in enumerate(all_day[day]):
                box = QRectF(column.left() + 2, rect.top() + head_h + row * line_h + 2, col_w - 4, line_h - 2)
                self._box(painter, box, occ, day, base_font, bold, palette, compact=True)
        painter.setPen(grid_pen)
        painter.setFont(base_font)
        for hour in range(first, last + 1):
            y = grid_top + (hour - first) * hour_h
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(rect.left() + gutter, y), QPointF(rect.right(), y))
            if hour < last:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(
                    QRectF(rect.left(), y, gutter - 6, metrics.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    f"{hour} h",
                )
        painter.setPen(grid_pen)
        for index in range(8):
            x = rect.left() + gutter + index * col_w
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        for index, day in enumerate(days):
            timed = [o for o in self.by_day.get(day, []) if not o.all_day and o.start.date() == day]
            placed = lanes(timed)
            for occ in timed:
                lane, count = placed[occ.key]
                start = (occ.start.hour + occ.start.minute / 60) - first
                end_dt = min(occ.end, dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=last))
                end = max(
                    (end_dt - dt.datetime.combine(day, dt.time())).total_seconds() / 3600 - first, start + 0.5
                )
                width = (col_w - 4) / count
                box = QRectF(
                    rect.left() + gutter + index * col_w + 2 + lane * width,
                    grid_top + start * hour_h + 1,
                    width - 2,
                    max((end - start) * hour_h - 2, line_h),
                )
                self._box(painter, box, occ, day, base_font, bold, palette, compact=False)
        for column, day in self._columns:
            if day == self.selected:
                pen = QPen(FOCUS if self.hasFocus() else ACCENT)
                pen.setWidthF(3.0 if self.hasFocus() else 2.0)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(column.adjusted(1.5, 1.5, -1.5, -1.5))
        painter.end()

    def _box(
        self,
        painter: QPainter,
        box: QRectF,
        occ: OccurrenceView,
        day: dt.date,
        font: QFont,
        bold: QFont,
        palette: QPalette,
        *,
        compact: bool,
    ) -> None:
        selected = day == self.selected and occ.key == self.selected_key
        painter.setPen(QPen(QColor(occ.colour), 2.0 if selected else 1.0))
        painter.setBrush(
            tint(occ.colour, 0.55 if selected else 0.85) if not occ.cancelled else QColor("#ececec")
        )
        painter.drawRoundedRect(box, 3, 3)
        metrics = QFontMetricsF(font)
        size = metrics.ascent() * 0.9
        draw_symbol(painter, occ.symbol, QRectF(box.left() + 3, box.top() + 3, size, size), occ.colour)
        ink = CANCELLED_INK if occ.cancelled else palette.color(QPalette.ColorRole.Text)
        text_rect = box.adjusted(size + 6, 1, -2, -1)
        title_font = QFont(font)
        title_font.setStrikeOut(occ.cancelled)
        title_font.setItalic(occ.moved)
        painter.setPen(ink)
        if compact:
            painter.setFont(title_font)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(occ.title, Qt.TextElideMode.ElideRight, text_rect.width()),
            )
        else:
            painter.setFont(bold)
            when = compact_time(occ.start) + (" " + _("ANNULÉ") if occ.cancelled else "")
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, when)
            painter.setFont(title_font)
            body = text_rect.adjusted(0, metrics.lineSpacing(), 0, 0)
            if body.height() >= metrics.height() * 0.8:
                painter.drawText(
                    body,
                    Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                    occ.title,
                )
        self._hits.append((box, day, occ.key))

    def _hit(self, pos: QPointF) -> tuple[dt.date | None, str]:
        for rect, day, key in reversed(self._hits):
            if rect.contains(pos):
                return day, key
        for column, day in self._columns:
            if column.contains(pos):
                return day, ""
        return None, ""

