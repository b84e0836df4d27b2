"""Painting the wall calendar's pages (month grid, week columns) with a QPainter on a PDF device.

Lengths are given in points and converted to the device's dots; text comes from ``pdf_text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ... import i18n
from ...data.calendar.labels import capitalised
from ...data.calendar.occurrence import OccurrenceView
from ...i18n import _, ngettext
from .painting import draw_symbol, tint
from .pdf_text import FAMILY, GREY, INK, Pen, Run, runs_for

if TYPE_CHECKING:
    from .pdf import WallData

LINE = QColor("#8a8a8a")
ACCENT = QColor("#1f6f78")


def _item_height(pen: Pen, lines: list) -> float:  # type: ignore[type-arg]
    return len(lines) * pen.line


def _header(painter: QPainter, page: WallData, left: float, top: float, width: float, pt: float) -> float:
    """Group name and title; returns the y below the header."""
    group_font = QFont(FAMILY)
    group_font.setPointSizeF(15)
    group_font.setBold(True)
    group_metrics = QFontMetricsF(group_font, painter.device())
    group_h = group_metrics.height()
    group_w = min(group_metrics.horizontalAdvance(page.group), width * 0.45)
    title_font = QFont(FAMILY)
    title_font.setBold(True)
    title = capitalised(page.title)
    for size in (28, 26, 24, 22, 20, 18):
        title_font.setPointSizeF(size)
        if QFontMetricsF(title_font, painter.device()).horizontalAdvance(title) <= width - group_w - 24 * pt:
            break
    painter.setFont(title_font)
    painter.setPen(INK)
    title_h = QFontMetricsF(title_font, painter.device()).height()
    painter.drawText(
        QRectF(left, top, width, title_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, title
    )
    painter.setFont(group_font)
    painter.setPen(ACCENT)
    painter.drawText(
        QRectF(left, top, group_w, group_h),
        Qt.AlignmentFlag.AlignLeft,
        group_metrics.elidedText(page.group, Qt.TextElideMode.ElideRight, group_w),
    )
    sub = QFont(FAMILY)
    sub.setPointSizeF(10.5)
    painter.setFont(sub)
    painter.setPen(GREY)
    label = _("Calendrier des activités") + (" — " + _("activités publiques") if page.public_only else "")
    painter.drawText(QRectF(left, top + group_h, width * 0.45, group_h), Qt.AlignmentFlag.AlignLeft, label)
    return top + max(title_h, group_h * 2) + 4 * pt


def _legend(painter: QPainter, page: WallData, left: float, top: float, width: float, pt: float) -> float:
    font = QFont(FAMILY)
    font.setPointSizeF(10)
    metrics = QFontMetricsF(font, painter.device())
    bold = QFont(font)
    bold.setBold(True)
    bold_metrics = QFontMetricsF(bold, painter.device())
    x, h = left, metrics.height()
    for kind in page.types:
        text = "" if kind.short_label == kind.name else f"({kind.name})"
        need = h + bold_metrics.horizontalAdvance(kind.short_label + " ") + metrics.horizontalAdvance(text)
        if x > left and x + need > left + width:
            x, top = left, top + h * 1.15
        draw_symbol(painter, kind.symbol, QRectF(x, top + h * 0.12, h * 0.8, h * 0.8), kind.colour)
        x += h
        painter.setPen(INK)
        painter.setFont(bold)
        painter.drawText(QPointF(x, top + metrics.ascent()), kind.short_label)
        x += bold_metrics.horizontalAdvance(kind.short_label + " ")
        painter.setFont(font)
        painter.drawText(QPointF(x, top + metrics.ascent()), text)
        x += metrics.horizontalAdvance(text) + 12 * pt
    return top + h + 6 * pt


def _footer(painter: QPainter, page: WallData, left: float, bottom: float, width: float) -> None:
    font = QFont(FAMILY)
    font.setPointSizeF(8.5)
    painter.setFont(font)
    painter.setPen(GREY)
    h = QFontMetricsF(font, painter.device()).height()
    rect = QRectF(left, bottom - h, width, h)
    painter.drawText(
        rect,
        Qt.AlignmentFlag.AlignLeft,
        _("Mis à jour le {date}. Sous réserve de changements.").format(
            date=i18n.format_date(page.printed_on)
        ),
    )
    painter.drawText(rect, Qt.AlignmentFlag.AlignRight, _("« ANNULÉ » : l'activité n'a pas lieu ce jour-là."))


MONTH_SIZES = (
    (11.0, 4),
    (10.5, 4),
    (10.0, 4),
    (10.0, 3),
    (9.5, 3),
    (9.0, 3),
    (9.0, 2),
    (8.5, 3),
    (8.5, 2),
    (8.0, 2),
    (7.5, 2),
    (7.0, 2),
)
"""(type size, lines per activity) tried in order: large type, then shorter titles, then smaller type."""


def _fit(
    painter: QPainter,
    items: list[OccurrenceView],
    width: float,
    height: float,
    sizes: tuple[tuple[float, int], ...] = MONTH_SIZES,
) -> tuple[Pen, list[tuple[OccurrenceView, list]], int]:  # type: ignore[type-arg]
    """The largest size at which the day's items fit; items left out at the smallest size are counted."""
    best = None
    pens: dict[float, Pen] = {}
    for size, max_lines in sizes:
        pen = pens.setdefault(size, Pen(painter, size))
        indent = pen.line * 1.05
        laid = [(occ, pen.layout(runs_for(occ, detailed=False), width - indent, max_lines)) for occ in items]
        total = sum(_item_height(pen, lines) + pen.line * 0.2 for _o, lines in laid)
        if total <= height:
            return pen, laid, 0
        best = (pen, laid)
    assert best is not None
    pen, laid = best
    kept, used = [], 0.0
    for occ, lines in laid:
        need = _item_height(pen, lines) + pen.line * 0.2
        if used + need > height - pen.line:
            break
        kept.append((occ, lines))
        used += need
    return pen, kept, len(laid) - len(kept)


def _paint_items(painter: QPainter, pen: Pen, laid: list, left: float, top: float, width: float) -> float:  # type: ignore[type-arg]
    y = top
    for occ, lines in laid:
        h = _item_height(pen, lines)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint(occ.colour, 0.9) if not occ.cancelled else QColor("#f1f1f1"))
        painter.drawRoundedRect(
            QRectF(left - pen.line * 0.12, y - pen.line * 0.06, width + pen.line * 0.2, h + pen.line * 0.12),
            pen.line * 0.2,
            pen.line * 0.2,
        )
        size = pen.line * 0.72
        draw_symbol(painter, occ.symbol, QRectF(left, y + (pen.line - size) / 2, size, size), occ.colour)
        pen.draw(lines, left + pen.line * 1.05, y, GREY if occ.cancelled else INK)
        y += h + pen.line * 0.2
    return y


def _page_frame(painter: QPainter, size: QSizeF, page: WallData, resolution: int) -> tuple[float, float, float, float, float]:
    """Margins, header, legend and footer of a wall page; (pt, left, width, top of the grid, bottom of the grid)."""
    pt = resolution / 72
    margin = 24 * pt
    left, top, width = margin, margin, size.width() - 2 * margin
    bottom = size.height() - margin
    y = _header(painter, page, left, top, width, pt)
    y = _legend(painter, page, left, y, width, pt)
    _footer(painter, page, left, bottom, width)
    return pt, left, width, y, bottom - 16 * pt


def paint_month(painter: QPainter, size: QSizeF, page: WallData, resolution: int) -> None:
    pt, left, width, y, grid_bottom = _page_frame(painter, size, page, resolution)
    col_w = width / 7
    head_font = QFont(FAMILY)
    head_font.setPointSizeF(11)
    head_font.setBold(True)
    head_h = QFontMetricsF(head_font, painter.device()).height() * 1.5
    painter.setFont(head_font)
    names = i18n.day_names("wide")
    for col in range(7):
        day = page.days[col]
        rect = QRectF(left + col * col_w, y, col_w, head_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT)
        painter.drawRect(rect)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, capitalised(names[day.weekday()]))
    y += head_h
    rows = len(page.days) // 7
    row_h = (grid_bottom - y) / rows
    number_font = QFont(FAMILY)
    number_font.setPointSizeF(14)
    number_font.setBold(True)
    number_h = QFontMetricsF(number_font, painter.device()).height()
    pad = 4 * pt
    for index, day in enumerate(page.days):
        row, col = divmod(index, 7)
        cell = QRectF(left + col * col_w, y + row * row_h, col_w, row_h)
        inside = day.month == page.month
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff") if inside else QColor("#efefef"))
        painter.drawRect(cell)
        painter.setFont(number_font)
        painter.setPen(INK if inside else GREY)
        painter.drawText(
            cell.adjusted(pad, pad * 0.5, -pad, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            str(day.day),
        )
        if not inside:
            continue
        items = page.by_day.get(day, [])
        if not items:
            continue
        area_top = cell.top() + number_h
        pen, laid, hidden = _fit(painter, items, col_w - 2 * pad, cell.bottom() - area_top - pad * 0.5)
        end = _paint_items(painter, pen, laid, cell.left() + pad, area_top, col_w - 2 * pad)
        if hidden:
            pen.draw(
                [
                    [
                        (
                            0.0,
                            ngettext("+ {n} autre activité", "+ {n} autres activités", hidden).format(
                                n=hidden
                            ),
                            "strong",
                        )
                    ]
                ],
                cell.left() + pad,
                end,
            )
    grid = QPen(LINE)
    grid.setWidthF(0.8 * pt)
    painter.setPen(grid)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for row in range(rows + 1):
        painter.drawLine(QPointF(left, y + row * row_h), QPointF(left + width, y + row * row_h))
    for col in range(8):
        painter.drawLine(QPointF(left + col * col_w, y), QPointF(left + col * col_w, y + rows * row_h))


def paint_week(painter: QPainter, size: QSizeF, page: WallData, resolution: int) -> None:
    """One row per day (the locale's first day on top), the day's activities as cards side by side."""
    pt, left, width, y, grid_bottom = _page_frame(painter, size, page, resolution)
    row_h = (grid_bottom - y) / 7
    head_w = 118 * pt
    head_font = QFont(FAMILY)
    head_font.setPointSizeF(15)
    head_font.setBold(True)
    date_font = QFont(FAMILY)
    date_font.setPointSizeF(11)
    head_h = QFontMetricsF(head_font, painter.device()).height()
    date_h = QFontMetricsF(date_font, painter.device()).height()
    pad = 5 * pt
    names = i18n.day_names("wide")
    area_w = width - head_w
    for index, day in enumerate(page.days):
        row = QRectF(left, y + index * row_h, width, row_h)
        header = QRectF(left, row.top(), head_w, row_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT)
        painter.drawRect(header)
        painter.setPen(QColor("#ffffff"))
        middle = header.top() + (row_h - head_h - date_h) / 2
        painter.setFont(head_font)
        painter.drawText(
            QRectF(header.left() + pad, middle, head_w - 2 * pad, head_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            capitalised(names[day.weekday()]),
        )
        painter.setFont(date_font)
        painter.drawText(
            QRectF(header.left() + pad, middle + head_h, head_w - 2 * pad, date_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            i18n.format_skeleton("MMMMd", day),
        )
        items = page.by_day.get(day, [])
        if not items:
            continue
        columns = max(len(items), 3)
        card_w = (area_w - pad) / columns - pad
        best = None
        for size in (12.5, 12.0, 11.0, 10.0, 9.0, 8.0, 7.0):
            pen = Pen(painter, size)
            laid = [(occ, _week_lines(pen, occ, card_w - pen.line * 1.05)) for occ in items]
            best = (pen, laid)
            if max(len(lines) for _o, lines in laid) * pen.line <= row_h - 2 * pad:
                break
        assert best is not None
        pen, laid = best
        fit = max(1, int((row_h - 2 * pad) // pen.line))
        for number, (occ, lines) in enumerate(laid):
            x = left + head_w + pad + number * (card_w + pad)
            _paint_items(painter, pen, [(occ, lines[:fit])], x, row.top() + pad, card_w)
    grid = QPen(LINE)
    grid.setWidthF(0.8 * pt)
    painter.setPen(grid)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for index in range(8):
        painter.drawLine(QPointF(left, y + index * row_h), QPointF(left + width, y + index * row_h))
    painter.drawLine(QPointF(left + width, y), QPointF(left + width, y + 7 * row_h))


def _week_lines(pen: Pen, occ: OccurrenceView, width: float) -> list:  # type: ignore[type-arg]
    """The week page adds the place, the leaders who consented and the reason of a change."""
    lines = pen.layout(runs_for(occ, detailed=True), width, 3)
    details = []
    if occ.place:
        details.append(occ.place)
    if occ.leaders:
        details.append(_("avec {names}").format(names=i18n.join_list(occ.leaders)))
    if occ.note:
        details.append(occ.note)
    for text in details:
        lines = lines + pen.layout([Run(text, "note")], width, 2)
    return lines
