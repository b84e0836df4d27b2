"""The printable phone support network list (PDF, US Letter): only people who consented, with
their chosen name and number. Made with Qt's QTextDocument and QPdfWriter (needs a QGuiApplication)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter, QTextDocument

from ...data import files
from ...data.errors import user_facing_errors
from ...data.members.exporting import NetworkEntry, phone_network
from ...data.store import Store
from ...i18n import _, format_date, ngettext
from .. import fonts
from ..page import escape, pdf_writer


def network_html(entries: list[NetworkEntry], group_name: str, on: dt.date) -> str:
    rows = "".join(
        f'<tr style="background:{"#eef4f5" if i % 2 else "#ffffff"}">'
        f'<td style="padding:5px 10px">{escape(e.name)}</td>'
        f'<td style="padding:5px 10px; white-space:nowrap">{escape(e.number)}</td></tr>'
        for i, e in enumerate(entries)
    )
    count = ngettext("{n} personne", "{n} personnes", len(entries)).format(n=len(entries))
    nobody = _("Personne n'a encore accepté de faire partie du réseau.")
    empty = "" if entries else f"<p><i>{escape(nobody)}</i></p>"
    title = _("Réseau de soutien téléphonique")
    dated = _("liste du {date}").format(date=format_date(on))
    intro = _(
        "Ces personnes ont accepté d'être appelées par d'autres membres pour un moment d'écoute et de soutien. "
        "Cette liste est confidentielle : gardez-la pour vous, ne la copiez pas, et détruisez-la quand une "
        "nouvelle liste paraît.")
    name_head, phone_head = _("Nom"), _("Téléphone")
    return f"""
<h1 style="font-size:20pt; color:#1f6f78; margin-bottom:2px">{escape(title)}</h1>
<p style="font-size:12pt; margin-top:0">{escape(group_name)} — {escape(dated)}
 — {escape(count)}</p>
<p style="font-size:10pt">{escape(intro)}</p>
<table width="100%" cellspacing="0" style="font-size:12pt; border-collapse:collapse">
<thead><tr style="background:#1f6f78; color:white">
<th align="left" style="padding:6px 10px">{escape(name_head)}</th>
<th align="left" style="padding:6px 10px">{escape(phone_head)}</th></tr></thead>
<tbody>{rows}</tbody></table>{empty}
"""


def write_phone_network(store: Store, path: str | Path, group_name: str, on: dt.date | None = None) -> tuple[int, int]:
    """Write the list to ``path``; returns (people listed, people who consented without a number)."""
    on = on or dt.date.today()
    entries, missing = phone_network(store, on)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    with user_facing_errors(str(path.parent)):
        try:
            _paint(tmp, network_html(entries, group_name, on))
            files.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return len(entries), missing


def _paint(target: Path, body: str) -> None:
    writer = pdf_writer(target, _("Réseau de soutien téléphonique"), (18, 16, 18, 12), resolution=300)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont(fonts.SANS)
    font.setPointSize(11)
    document.setDefaultFont(font)
    document.setHtml(body)
    footer = writer.resolution() // 3  # a third of an inch for the page number
    height = page.height() - footer
    document.setPageSize(QSizeF(page.width(), height))
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        small = QFont(font)
        small.setPointSize(9)
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, page.width(), height))
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, height, page.width(), footer), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                _("Confidentiel — page {page} sur {pages}").format(page=number + 1, pages=pages),
            )
    finally:
        painter.end()
