"""Text of the wall calendar: fonts at one size for the PDF device, word wrapping, an activity's words.

Text is laid out word by word so that the time can be bold, a cancelled title struck
through, and the type size can shrink a little in a busy day rather than cutting anything off.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from ...data.calendar.labels import compact_time, time_range
from ...data.calendar.occurrence import OccurrenceView
from ...i18n import _
from .. import fonts

FAMILY = fonts.SANS  # shipped with the app: documents/fonts.py
INK = QColor("#111111")
GREY = QColor("#6b6b6b")
NBSP = "\u00a0"


@dataclass(frozen=True)
class Run:
    text: str
    style: str  # "time" | "title" | "cancelled" | "note" | "strong"


class Pen:
    """Fonts and measures at one size, for one device."""

    def __init__(self, painter: QPainter, size_pt: float) -> None:
        self.painter = painter
        base = QFont(FAMILY)
        base.setPointSizeF(size_pt)
        base.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        bold = QFont(base)
        bold.setBold(True)
        struck = QFont(base)
        struck.setStrikeOut(True)
        note = QFont(base)
        note.setItalic(True)
        self.fonts = {"time": bold, "title": base, "cancelled": struck, "note": note, "strong": bold}
        device = painter.device()
        self.metrics = {k: QFontMetricsF(f, device) for k, f in self.fonts.items()}
        self.line = self.metrics["title"].lineSpacing()
        self.space = {k: m.horizontalAdvance(" ") for k, m in self.metrics.items()}

    def layout(self, runs: list[Run], width: float, max_lines: int) -> list[list[tuple[float, str, str]]]:
        """Lines of ``(x, text, style)``; the last kept line ends with « … » when text was left out.

        Words break at spaces and after hyphens (« Café-|rencontre »), never inside a time.
        """
        pieces: list[tuple[str, str, bool]] = []  # (text, style, space after)
        for run in runs:
            text = run.text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»").replace(" :", NBSP + ":")
            for word in text.split(" "):
                if not word:
                    continue
                parts = word.split("-")
                for i, part in enumerate(parts):
                    last = i == len(parts) - 1
                    if part or not last:
                        pieces.append((part if last else part + "-", run.style, last))
        lines: list[list[tuple[float, str, str]]] = [[]]
        x = 0.0
        for text, style, spaced in pieces:
            advance = self.metrics[style].horizontalAdvance(text)
            if lines[-1] and x + advance > width + 0.01:
                if len(lines) == max_lines:
                    self._ellipsis(lines[-1], width)
                    return lines
                lines.append([])
                x = 0.0
            if advance > width:  # one long word: cut it
                text = self.metrics[style].elidedText(text, Qt.TextElideMode.ElideRight, width)
                advance = width
            lines[-1].append((x, text, style))
            x += advance + (self.space[style] if spaced else 0.0)
        return lines

    def _ellipsis(self, line: list[tuple[float, str, str]], width: float) -> None:
        x, text, style = line[-1]
        line[-1] = (
            x,
            self.metrics[style].elidedText(text + " …", Qt.TextElideMode.ElideRight, width - x),
            style,
        )

    def draw(
        self, lines: list[list[tuple[float, str, str]]], left: float, top: float, colour: QColor = INK
    ) -> float:
        """Paint the lines; returns the y below them."""
        painter = self.painter
        ascent = self.metrics["title"].ascent()
        for number, line in enumerate(lines):
            y = top + number * self.line + ascent
            for x, text, style in line:
                painter.setFont(self.fonts[style])
                painter.setPen(GREY if style == "note" else colour)
                painter.drawText(QPointF(left + x, y), text)
        return top + len(lines) * self.line


def runs_for(occ: OccurrenceView, *, detailed: bool) -> list[Run]:
    runs: list[Run] = []
    if occ.all_day:
        when = time_range(occ.start, occ.end, True)
        if detailed or when != _("Toute la journée"):
            runs.append(Run(when, "time"))
    elif detailed:
        runs.append(
            Run(
                _("{start} à {end}").format(
                    start=compact_time(occ.start).replace(" ", NBSP),
                    end=compact_time(occ.end).replace(" ", NBSP),
                ),
                "time",
            )
        )
    else:
        runs.append(Run(compact_time(occ.start).replace(" ", NBSP), "time"))
    if occ.cancelled:
        runs.append(Run(_("ANNULÉ"), "strong"))
        runs.append(Run(occ.title, "cancelled"))
    else:
        runs.append(Run(occ.title, "title"))
    notes = []
    if occ.moved and not occ.cancelled:
        notes.append(_("déplacé"))
    if not occ.public:
        notes.append(_("membres"))
    if notes:
        runs.append(Run("(" + ", ".join(notes) + ")", "note"))
    return runs
