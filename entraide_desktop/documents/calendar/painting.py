"""Drawing an activity type's symbol, shared by the screens and the printed calendar.

Shapes are painted (not font glyphs), so they look the same everywhere and survive
black-and-white printing: each type is recognisable by its shape and short label, not only
by its colour.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from ... import _none_guard  # noqa: F401  (PySide6 6.12 on Python 3.11)


def symbol_path(code: str, rect: QRectF) -> QPainterPath:
    """The outline of a symbol inscribed in ``rect``."""
    path = QPainterPath()
    side = min(rect.width(), rect.height())
    r = QRectF(0, 0, side, side)
    r.moveCenter(rect.center())
    c = r.center()
    if code == "square":
        inset = side * 0.08
        path.addRect(r.adjusted(inset, inset, -inset, -inset))
    elif code == "triangle":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), r.top()),
                    QPointF(r.right(), r.bottom() - side * 0.06),
                    QPointF(r.left(), r.bottom() - side * 0.06),
                ]
            )
        )
        path.closeSubpath()
    elif code == "diamond":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), r.top()),
                    QPointF(r.right(), c.y()),
                    QPointF(c.x(), r.bottom()),
                    QPointF(r.left(), c.y()),
                ]
            )
        )
        path.closeSubpath()
    elif code == "star":
        points = []
        for i in range(10):
            radius = side / 2 if i % 2 == 0 else side / 4.6
            angle = -math.pi / 2 + i * math.pi / 5
            points.append(QPointF(c.x() + radius * math.cos(angle), c.y() + radius * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    elif code == "cross":
        arm = side * 0.32
        path.addRect(QRectF(c.x() - arm / 2, r.top(), arm, side))
        path.addRect(QRectF(r.left(), c.y() - arm / 2, side, arm))
        path.setFillRule(Qt.FillRule.WindingFill)
    elif code == "hexagon":
        points = [
            QPointF(
                c.x() + side / 2 * math.cos(math.pi / 3 * i), c.y() + side / 2 * math.sin(math.pi / 3 * i)
            )
            for i in range(6)
        ]
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    elif code == "ring":
        path.addEllipse(r)
        inner = side * 0.26
        path.addEllipse(c, inner, inner)
        path.setFillRule(Qt.FillRule.OddEvenFill)
    else:  # circle
        path.addEllipse(r.adjusted(side * 0.04, side * 0.04, -side * 0.04, -side * 0.04))
    return path


def draw_symbol(
    painter: QPainter, code: str, rect: QRectF, colour: str, *, outline: QColor | None = None
) -> None:
    """Fill the symbol with the type's colour, with a dark outline so it reads in grey too."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(outline or QColor("#1b1b1b"))
    pen.setWidthF(max(min(rect.width(), rect.height()) * 0.07, 0.6))
    painter.setPen(pen)
    painter.setBrush(QBrush(QColor(colour)))
    painter.drawPath(symbol_path(code, rect))
    painter.restore()


def tint(colour: str, amount: float = 0.86) -> QColor:
    """A pale version of ``colour`` for backgrounds (text on it stays black and readable)."""
    base = QColor(colour)
    return QColor(
        round(base.red() + (255 - base.red()) * amount),
        round(base.green() + (255 - base.green()) * amount),
        round(base.blue() + (255 - base.blue()) * amount),
    )


def text_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()
    return QColor("#000000") if luminance > 0.55 else QColor("#ffffff")
