"""The month view, painted: six weeks from the locale's first day, each day's activities as lines.

Painting is done here (no widget per day), so a busy month shows at once. Each activity line
has its type's symbol, its start time and its title; a cancelled one is struck through and
greyed, a moved one in italics. Clicking a line selects it; double-clicking it opens it;
double-clicking a day's empty space creates an activity on that day.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ... import i18n
from ...data.calendar.labels import capitalised, compact_time, month_grid
from ...data.calendar.occurrence import OccurrenceView
from ...documents.calendar.painting import draw_symbol, tint
from ...i18n import _, ngettext
from .common import ACCENT, CANCELLED_INK, FOCUS, CalendarView, add_months


class MonthView(CalendarView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Calendrier du mois"))
        self.setMouseTracking(False)
        self.setMinimumSize(QSize(560, 380))
        self._hits: list[tuple[QRectF, dt.date, str]] = []
        self._cells: list[tuple[QRectF, dt.date]] = []
        self._fonts_for = 0.0

    # -- geometry -------------------------------------------------------------------------
    def days(self) -> list[dt.date]:
        """Six whole weeks around the selected day's month (stable height when changing month)."""
        grid = month_grid(self.selected.year, self.selected.month)
        start = grid[0]
        return [start + dt.timedelta(days=i) for i in range(42)]

    def visible_range(self) -> tuple[dt.date, dt.date]:
        days = self.days()
        return days[0], days[-1]

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(840, 560)

    def _fonts(self) -> None:
        base = self.font()
        size = base.pointSizeF()
        if size == self._fonts_for:
            return
        self._fonts_for = size
        self._wrapped: dict[tuple[str, str, float], list[str]] = {}
        self.f_item = QFont(base)
        self.f_time = QFont(base)
        self.f_time.setBold(True)
        self.f_cancel = QFont(base)
        self.f_cancel.setStrikeOut(True)
        self.f_moved = QFont(base)
        self.f_moved.setItalic(True)
        self.f_number = QFont(base)
        self.f_number.setBold(True)
        self.f_number.setPointSizeF(size * 1.1)
        self.f_head = QFont(base)
        self.f_head.setBold(True)
        self.m_item = QFontMetricsF(self.f_item)
        self.m_time = QFontMetricsF(self.f_time)
        self.m_number = QFontMetricsF(self.f_number)
        self.m_head = QFontMetricsF(self.f_head)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        days = self.days()
        head_h = self.m_head.height() * 1.6
        col_w = rect.width() / 7
        row_h = (rect.height() - head_h) / 6
        names = i18n.day_names("wide")
        short = i18n.day_names("abbreviated")
        painter.setFont(self.f_head)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for col in range(7):
            weekday = days[col].weekday()
            label = capitalised(names[weekday])
            if self.m_head.horizontalAdvance(label) > col_w - 8:
                label = capitalised(short[weekday])
            painter.drawText(
                QRectF(rect.left() + col * col_w, rect.top(), col_w, head_h),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        self._hits, self._cells = [], []
        line_h = self.m_item.lineSpacing() + 2
        base = palette.color(QPalette.ColorRole.Base)
        outside = palette.color(QPalette.ColorRole.AlternateBase)
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        grid_pen.setWidthF(1.0)
        for index, day in enumerate(days):
            row, col = divmod(index, 7)
            cell = QRectF(rect.left() + col * col_w, rect.top() + head_h + row * row_h, col_w, row_h)
            self._cells.append((cell, day))
            inside = day.month == self.selected.month
            painter.fillRect(cell, base if inside else outside)
            painter.setPen(grid_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            self._paint_number(painter, cell, day, inside, palette)
            self._paint_items(painter, cell, day, line_h, inside, palette)
        self._paint_selection(painter)
        painter.end()

    def _paint_number(
        self, painter: QPainter, cell: QRectF, day: dt.date, inside: bool, palette: QPalette
    ) -> None:
        text = str(day.day) if day.day != 1 else i18n.format_skeleton("MMMd", day)
        box = QRectF(
            cell.left() + 4,
            cell.top() + 2,
            self.m_number.horizontalAdvance(text) + 10,
            self.m_number.height() + 2,
        )
        painter.setFont(self.f_number)
        if day == self.today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ACCENT)
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
            painter.setPen(QColor("#ffffff"))
        else:
            ink = palette.color(
                QPalette.ColorRole.WindowText if inside else QPalette.ColorRole.PlaceholderText
            )
            painter.setPen(ink)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _wrap(self, occ: OccurrenceView, day: dt.date, width: float, indent: float) -> tuple[str, list[str]]:
        """(time, title lines): the first line follows the time, the others use the whole width.

        Lines break at spaces and after hyphens (« Café-|rencontre »); results are kept until the
        size or the font changes, so repainting a busy month stays quick.
        """
        when = compact_time(occ.start) if not occ.all_day and occ.start.date() == day else ""
        title = occ.title if not occ.cancelled else _("Annulé : {title}").format(title=occ.title)
        cache_key = (when, title, round(width, 1))
        cached = self._wrapped.get(cache_key)
        if cached is not None:
            return when, cached
        title = title.replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»")
        room = width - (self.m_time.horizontalAdvance(when + " ") if when else 0)
        tokens: list[tuple[str, str]] = []  # (separator before, text)
        for number, word in enumerate(title.split(" ")):
            parts = word.split("-")
            for index, part in enumerate(parts):
                text = part + ("-" if index < len(parts) - 1 else "")
                tokens.append(((" " if number else "") if index == 0 else "", text))
        lines: list[str] = []
        current = ""
        for separator, text in tokens:
            candidate = f"{current}{separator}{text}" if current else text
            if self.m_item.horizontalAdvance(candidate) > room and (current or (not lines and room < width)):
                lines.append(current)
                current, room = text, width - indent
            else:
                current = candidate
        lines.append(current)
        if len(self._wrapped) > 2000:
            self._wrapped.clear()
        self._wrapped[cache_key] = lines
        return when, lines

    def _paint_items(
        self, painter: QPainter, cell: QRectF, day: dt.date, line_h: float, inside: bool, palette: QPalette
    ) -> None:
        items = self.by_day.get(day, [])
        if not items:
            return
        top = cell.top() + self.m_number.height() + 6
        room = int((cell.bottom() - top - 2) // line_h)
        width = cell.width() - 8
        size = self.m_item.ascent() * 0.9
        text_w = width - size - 8
        wrapped = [self._wrap(occ, day, text_w, 0) for occ in items]
        limit = 4
        while limit > 1 and sum(min(len(lines), limit) for _w, lines in wrapped) > room:
            limit -= 1
        heights = [min(len(lines), limit) for _w, lines in wrapped]
        shown = len(items) if sum(heights) <= room else max(room - 1, 0)
        ink = palette.color(QPalette.ColorRole.Text)
        y = top
        for occ, (when, lines), count in zip(items[:shown], wrapped, heights, strict=False):
            line = QRectF(cell.left() + 4, y, width, line_h * count - 1)
            y += line_h * count
            selected = day == self.selected and occ.key == self.selected_key
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(
                tint(occ.colour, 0.55 if selected else 0.86) if not occ.cancelled else QColor("#ececec")
            )
            painter.drawRoundedRect(line, 3, 3)
            draw_symbol(
                painter,
                occ.symbol,
                QRectF(line.left() + 2, line.top() + (line_h - size) / 2 - 0.5, size, size),
                occ.colour,
            )
            left = line.left() + size + 6
            x = left
            baseline = line.top() + (line_h - self.m_item.height()) / 2 + self.m_item.ascent()
            colour = CANCELLED_INK if occ.cancelled else ink
            if when:
                painter.setFont(self.f_time)
                painter.setPen(colour)
                painter.drawText(QPointF(x, baseline), when)
                x += self.m_time.horizontalAdvance(when + " ")
            painter.setFont(self.f_cancel if occ.cancelled else self.f_moved if occ.moved else self.f_item)
            painter.setPen(colour)
            right = line.right() - 2
            kept = lines[:count]
            if len(lines) > count:
                kept[-1] = " ".join([kept[-1], *lines[count:]])
            for number, text in enumerate(kept):
                start = x if number == 0 else left
                if number == count - 1:
                    text = self.m_item.elidedText(text, Qt.TextElideMode.ElideRight, max(right - start, 0))
                painter.drawText(QPointF(start, baseline + number * line_h), text)
            self._hits.append((line, day, occ.key))
        hidden = len(items) - shown
        if hidden:
            painter.setFont(self.f_time)
            painter.setPen(ink)
            painter.drawText(
                QRectF(cell.left() + 6, y, width, line_h),
                Qt.AlignmentFlag.AlignVCenter,
                ngettext("+ {n} autre", "+ {n} autres", hidden).format(n=hidden),
            )

    def _paint_selection(self, painter: QPainter) -> None:
        for cell, day in self._cells:
            if day == self.selected:
                pen = QPen(FOCUS if self.hasFocus() else ACCENT)
                pen.setWidthF(3.0 if self.hasFocus() else 2.0)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(cell.adjusted(1.5, 1.5, -1.5, -1.5))

    # -- mouse ----------------------------------------------------------------------------
    def _hit(self, pos: QPointF) -> tuple[dt.date | None, str]:
        for rect, day, key in self._hits:
            if rect.contains(pos):
                return day, key
        for cell, day in self._cells:
            if cell.contains(pos):
                return day, ""
        return None, ""

    def step_page(self, direction: int) -> dt.date:
        return add_months(self.selected, direction)
