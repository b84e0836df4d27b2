"""Page setup and text helpers every document shares, so that each PDF is made the same way.

Four writers once set their paper, margins, resolution, title and creator by hand, each with its own
chance to forget the bundled fonts (``documents/fonts.py``) that make a PDF look the same on every
machine. ``pdf_writer`` does it once; ``escape`` is the one way text goes into the HTML documents are
laid out from.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from . import fonts

LETTER = QPageSize.PageSizeId.Letter
PORTRAIT = QPageLayout.Orientation.Portrait
LANDSCAPE = QPageLayout.Orientation.Landscape
MILLIMETRE = QPageLayout.Unit.Millimeter
POINT = QPageLayout.Unit.Point


def escape(text: str | None) -> str:
    """``text`` made safe to put inside HTML (an absent text is empty)."""
    return html.escape(text or "", quote=True)


def pdf_writer(path: Path | str, title: str, margins: tuple[float, float, float, float], *,
               paper: QPageSize.PageSizeId = LETTER, orientation: QPageLayout.Orientation = PORTRAIT,
               unit: QPageLayout.Unit = MILLIMETRE, resolution: int | None = None) -> QPdfWriter:
    """A PDF writer for ``path``: paper, margins (left, top, right, bottom in ``unit``), title, the fonts.

    Needs a QGuiApplication (``fonts.ensure_gui``); the bundled fonts are registered here.
    """
    fonts.register()
    writer = QPdfWriter(str(path))
    if resolution is not None:
        writer.setResolution(resolution)
    writer.setTitle(title)
    writer.setCreator("Entraide")
    writer.setPageLayout(QPageLayout(QPageSize(paper), orientation, QMarginsF(*margins), unit))
    return writer
