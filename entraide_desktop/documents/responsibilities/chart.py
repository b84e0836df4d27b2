"""The spread charts, painted with QPainter (no widgets): used by the screen and by the PDF.

Two charts: the share of the year's responsibilities held by each role group (one labelled
bar per group), and one bar per person, busiest first, without names, with the busiest 20 %
marked. Nothing is told by colour alone: bars carry their figures in words, staff bars are
hatched, and the legend says what each look means.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintDevice, QPen

from ...data.responsibilities import Spread
from ...i18n import _, format_percent, ngettext

GROUP_COLOURS = {
    "membres": "#1f6f78",
    "personnes_intervenantes": "#b5531a",
    "benevoles": "#6b4c9a",
    "conseil": "#3f5366",
}
MEMBER, STAFF, OTHER = "#1f6f78", "#b5531a", "#8a949c"
TOP_BAND = "#f3e3c3"


@dataclass(frozen=True)
class Ink:
    """Colours of the surface painted on (the screen's palette, or black on white for paper)."""

    text: QColor
    grid: QColor
    band: QColor

    @staticmethod
    def paper() -> Ink:
        return Ink(QColor("#1a1a1a"), QColor("#c8c8c8"), QColor(TOP_BAND))


def _brush(colour: str, hatched: bool) -> QBrush:
    return QBrush(QColor(colour), Qt.BrushStyle.BDiagPattern if hatched else Qt.BrushStyle.SolidPattern)


def _fill(painter: QPainter, rect: QRectF, colour: str, hatched: bool) -> None:
    if hatched:  # a light fill under the hatching, so that thin bars stay visible
        painter.fillRect(rect, QColor(colour).lighter(170))
        painter.fillRect(rect, _brush(colour, True))
        painter.setPen(QPen(QColor(colour), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.setPen(Qt.PenStyle.NoPen)
    else:
        painter.fillRect(rect, QColor(colour))


# -- by role group --------------------------------------------------------------------------------


def group_value_text(row) -> str:  # noqa: ANN001 (SpreadRow)
    """« 67 % — 8 responsabilités, 4 personnes »."""
    held = ngettext("{n} responsabilité", "{n} responsabilités", row.assignments).format(n=row.assignments)
    people = ngettext("{n} personne", "{n} personnes", row.people).format(n=row.people)
    return _("{share} — {held}, {people}").format(share=format_percent(row.share), held=held, people=people)


def _metrics(font: QFont, device: QPaintDevice | None) -> QFontMetricsF:
    return QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)


def groups_height(font: QFont, device: QPaintDevice | None = None) -> float:
    line = _metrics(font, device).height()
    return 4 * line * 2.1 + line * 1.6


def paint_groups(painter: QPainter, rect: QRectF, spread: Spread, font: QFont, ink: Ink) -> None:
    """One bar per role group: its share (0–100 %) of the year's responsibilities, with words."""
    painter.save()
    painter.setFont(font)
    fm = _metrics(font, painter.device())
    line = fm.height()
    row_h = line * 2.1
    labels = [row.label for row in spread.by_group]
    values = [group_value_text(row) for row in spread.by_group]
    label_w = max((fm.horizontalAdvance(t) for t in labels), default=0) + line
    value_w = max((fm.horizontalAdvance(t) for t in values), default=0) + line * 0.6
    bar_left = rect.left() + label_w
    bar_w = max(rect.width() - label_w - value_w, line * 4)
    bottom = rect.top() + row_h * len(labels)
    painter.setPen(QPen(ink.grid, 1, Qt.PenStyle.DotLine))
    for tick in (0.0, 0.5, 1.0):
        x = bar_left + bar_w * tick
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, bottom))
        painter.setPen(ink.text)
        text = format_percent(tick)
        painter.drawText(QRectF(x - line * 2, bottom + line * 0.2, line * 4, line * 1.2),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.setPen(QPen(ink.grid, 1, Qt.PenStyle.DotLine))
    for i, row in enumerate(spread.by_group):
        top = rect.top() + i * row_h
        painter.setPen(ink.text)
        painter.drawText(QRectF(rect.left(), top, label_w - line * 0.5, row_h),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, row.label)
        bar = QRectF(bar_left, top + row_h * 0.2, max(bar_w * row.share, 1.5), row_h * 0.6)
        painter.setPen(Qt.PenStyle.NoPen)
        _fill(painter, bar, GROUP_COLOURS.get(row.group, OTHER), row.group == "personnes_intervenantes")
        painter.setPen(ink.text)
        painter.drawText(QRectF(bar.right() + line * 0.4, top, value_w + bar_w, row_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, values[i])
    painter.restore()


# -- one bar per person ---------------------------------------------------------------------------


def person_look(groups: tuple[str, ...]) -> tuple[str, bool]:
    """(colour, hatched) of a person's bar: staff hatched orange, members teal, others grey."""
    if "personnes_intervenantes" in groups:
        return STAFF, True
    if "membres" in groups:
        return MEMBER, False
    return OTHER, False


def legend_items() -> list[tuple[str, bool, str]]:
    return [(MEMBER, False, _("Membre")), (STAFF, True, _("Personne intervenante (en hachures)")),
            (OTHER, False, _("Autre rôle"))]


def people_height(font: QFont, device: QPaintDevice | None = None) -> float:
    return _metrics(font, device).height() * 14


def top_band_text(spread: Spread) -> str:
    return ngettext(
        "Les 20 % les plus occupées ({k} personne) : {share} des responsabilités",
        "Les 20 % les plus occupées ({k} personnes) : {share} des responsabilités",
        spread.top20_people,
    ).format(k=spread.top20_people, share=format_percent(spread.top20_share))


def paint_people(painter: QPainter, rect: QRectF, spread: Spread, font: QFont, ink: Ink) -> None:
    """One bar per person who held something (no names), busiest on the left; the busiest 20 % marked."""
    painter.save()
    painter.setFont(font)
    fm = _metrics(font, painter.device())
    line = fm.height()
    counts = [(n, spread.person_groups.get(pid, ())) for pid, _name, n in spread.by_person]
    legend_h = line * 1.6
    axis_w = fm.horizontalAdvance(str(counts[0][0] if counts else 0)) + line * 0.6
    plot = QRectF(rect.left() + axis_w, rect.top() + line * 1.6, rect.width() - axis_w, rect.height() - line * 1.6
                  - legend_h - line * 1.4)
    if not counts or plot.height() <= 0:
        painter.restore()
        return
    highest = counts[0][0]
    step = plot.width() / len(counts)
    gap = step * 0.2 if step >= 5 else 0.0
    band = QRectF(plot.left(), rect.top(), step * spread.top20_people, plot.bottom() - rect.top())
    painter.fillRect(band, ink.band)
    painter.setPen(ink.text)
    painter.drawText(QRectF(plot.left() + line * 0.3, rect.top(), rect.width(), line * 1.4),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, top_band_text(spread))
    painter.setPen(QPen(ink.grid, 1, Qt.PenStyle.DotLine))
    for fraction in (0.5, 1.0):
        y = plot.bottom() - plot.height() * fraction
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    painter.setPen(ink.text)
    for value, y in ((highest, plot.top()), (0, plot.bottom())):
        painter.drawText(QRectF(rect.left(), y - line / 2, axis_w - line * 0.3, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
    painter.setPen(Qt.PenStyle.NoPen)
    for i, (n, groups) in enumerate(counts):
        h = plot.height() * n / highest
        colour, hatched = person_look(groups)
        _fill(painter, QRectF(plot.left() + i * step, plot.bottom() - h, max(step - gap, 0.8), h), colour, hatched)
    painter.setPen(QPen(ink.text, 1))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    caption = _("Chaque barre est une personne, de la plus occupée à la moins occupée.")
    painter.drawText(QRectF(plot.left(), plot.bottom() + line * 0.1, plot.width(), line * 1.3),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     fm.elidedText(caption, Qt.TextElideMode.ElideRight, plot.width()))
    _paint_legend(painter, QRectF(plot.left(), rect.bottom() - legend_h, plot.width(), legend_h), fm, ink)
    painter.restore()


def _paint_legend(painter: QPainter, rect: QRectF, fm: QFontMetricsF, ink: Ink) -> None:
    line = fm.height()
    x = rect.left()
    for colour, hatched, label in legend_items():
        swatch = QRectF(x, rect.center().y() - line * 0.4, line * 0.8, line * 0.8)
        painter.setPen(Qt.PenStyle.NoPen)
        _fill(painter, swatch, colour, hatched)
        painter.setPen(ink.text)
        width = fm.horizontalAdvance(label)
        painter.drawText(QRectF(swatch.right() + line * 0.3, rect.top(), width + 2, rect.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        x = swatch.right() + line * 0.3 + width + line


# -- images for documents -------------------------------------------------------------------------


def render(kind: str, spread: Spread, width: float, font: QFont, scale: float = 3.0) -> QImage:
    """A chart ("groups" or "people") as a white image ``width`` points wide, drawn ``scale`` times finer."""
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    _points(probe)
    height = groups_height(font, probe) if kind == "groups" else people_height(font, probe)
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    _points(image)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    rect = QRectF(0, 0, width, height)
    if kind == "groups":
        paint_groups(painter, rect, spread, font, Ink.paper())
    else:
        paint_people(painter, rect, spread, font, Ink.paper())
    painter.end()
    return image


def _points(image: QImage) -> None:
    """72 dots per inch: one unit of the drawing is one typographic point, as in the document."""
    dots_per_metre = round(72 / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
