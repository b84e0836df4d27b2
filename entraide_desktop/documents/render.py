"""Turn an HTML body into a formal document: PDF (QPdfWriter, US Letter, numbered pages) or ODT.

Qt's rich-text engine lays the text out (QTextDocument); QPdfWriter paints it page by page with
a footer; QTextDocumentWriter writes OpenDocument text. No widget is involved, so this runs in a
background thread or a headless command (documents/fonts.py makes the QGuiApplication when needed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QTextDocument,
    QTextDocumentWriter,
)

from ..data import files
from ..data.errors import EntraideError, translate_sqlite_error
from ..i18n import _, join_list
from . import fonts
from .fonts import ensure_gui
from .page import escape, pdf_writer

FONT_FAMILIES = [fonts.SERIF, "Times New Roman", "Nimbus Roman", "DejaVu Serif"]
BODY_POINTS = 11.0
RESOLUTION = 300
FORMATS = ("pdf", "odt")

def para(text: str, cls: str = "body") -> str:
    """One escaped paragraph (style it with a class: Qt ignores inline styles on classed paragraphs)."""
    return f'<p class="{cls}">{escape(text)}</p>'


def heading(level: int, text: str, *, page_break: bool = False) -> str:
    brk = ' style="page-break-before: always"' if page_break else ""
    return f"<h{level}{brk}>{escape(text)}</h{level}>"


_BULLET = re.compile(r"^\s*[-*•]\s+")


def paragraphs(text: str, *, indent: int = 0) -> str:
    """Free text as paragraphs; lines starting with « - » become a bulleted list."""
    out: list[str] = []
    bullets: list[str] = []
    style = f' style="margin-left:{indent}px"' if indent else ""

    def flush() -> None:
        if bullets:
            out.append(f"<ul{style}>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    for line in (text or "").splitlines():
        if not line.strip():
            flush()
            continue
        if _BULLET.match(line):
            bullets.append(escape(_BULLET.sub("", line)))
        else:
            flush()
            out.append(f'<p class="body"{style}>{escape(line.strip())}</p>')
    flush()
    return "".join(out)


def names_list(names: Iterable[str]) -> str:
    return escape(join_list(list(names)))


STYLE = """
body { font-size: %(body).1fpt; }
p { margin-top: 0px; margin-bottom: 5px; }
p.body { text-align: justify; }
h1 { font-size: %(h1).1fpt; font-weight: bold; margin-top: 0px; margin-bottom: 4px; text-align: center; }
h2 { font-size: %(h2).1fpt; font-weight: bold; margin-top: 16px; margin-bottom: 6px; }
h3 { font-size: %(h3).1fpt; font-weight: bold; margin-top: 12px; margin-bottom: 4px; }
p.center { text-align: center; margin-bottom: 2px; }
p.group { font-size: %(group).1fpt; font-weight: bold; text-align: center; margin-bottom: 6px; }
p.kind { font-size: %(kind).1fpt; font-weight: bold; text-align: center; margin-bottom: 2px; }
p.covergroup { font-size: %(cover).1fpt; font-weight: bold; text-align: center; margin-bottom: 24px; }
p.subtitle { font-size: %(kind).1fpt; text-align: center; margin-bottom: 6px; }
p.body1 { text-align: justify; margin-left: 28px; }
p.body2 { text-align: justify; margin-left: 56px; }
p.outcome1 { font-weight: bold; margin-bottom: 8px; margin-left: 28px; }
p.outcome2 { font-weight: bold; margin-bottom: 8px; margin-left: 56px; }
p.status { text-align: center; font-style: italic; margin-top: 6px; margin-bottom: 10px; }
p.outcome { font-weight: bold; margin-bottom: 8px; }
p.small { font-size: %(small).1fpt; }
td { vertical-align: top; }
th { font-weight: bold; text-align: left; background-color: #e8e8e8; }
""" % {  # noqa: UP031 (CSS braces would need doubling with str.format)
    "body": BODY_POINTS, "h1": BODY_POINTS * 1.45, "h2": BODY_POINTS * 1.2, "h3": BODY_POINTS * 1.05,
    "small": BODY_POINTS * 0.9, "group": BODY_POINTS * 1.25, "kind": BODY_POINTS * 1.15, "cover": BODY_POINTS * 1.8,
}


def build_document(body_html: str, title: str) -> QTextDocument:
    ensure_gui()
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(BODY_POINTS)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(STYLE)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    doc.setHtml(f"<html><head><title>{escape(title)}</title></head><body>{body_html}</body></html>")
    return doc


def write_pdf(doc: QTextDocument, path: Path, title: str, footer: str) -> int:
    """Paint ``doc`` on US Letter pages with « footer — page x de n »; returns the number of pages."""
    writer = pdf_writer(path, title, (22, 20, 22, 16), resolution=RESOLUTION)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_font = QFont()
    footer_font.setFamilies(FONT_FAMILIES)
    footer_font.setPointSizeF(BODY_POINTS * 0.8)
    doc.documentLayout().setPaintDevice(writer)
    footer_height = int(RESOLUTION * 0.35)
    body = QSizeF(area.width(), area.height() - footer_height)
    doc.setPageSize(body)
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(writer):
        raise EntraideError(_("Impossible d'écrire le fichier « {path} ».").format(path=path))
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body.height(), body.width(), body.height())
            doc.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            line_y = body.height() + footer_height * 0.25
            painter.drawLine(0, int(line_y), int(body.width()), int(line_y))
            box = QRectF(0, line_y + 8, body.width(), footer_height * 0.7)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, footer)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             _("Page {n} de {total}").format(n=page + 1, total=pages))
    finally:
        painter.end()
    return pages


def write_odt(doc: QTextDocument, path: Path) -> None:
    writer = QTextDocumentWriter(str(path), QByteArray(b"ODF"))
    if not writer.write(doc):
        raise EntraideError(_("Impossible d'écrire le fichier « {path} ».").format(path=path))


def write(body_html: str, path: Path | str, fmt: str, *, title: str, footer: str) -> Path:
    """Write the document as ``fmt`` ("pdf" or "odt") at ``path`` (atomically)."""
    if fmt not in FORMATS:
        raise EntraideError(_("Format inconnu « {fmt} » : choisissez pdf ou odt.").format(fmt=fmt))
    path = Path(path)
    if not path.parent.exists():
        raise EntraideError(_("Le dossier « {folder} » n'existe pas.").format(folder=path.parent))
    doc = build_document(body_html, title)
    temporary = path.with_name(f".{path.name}.partiel")
    try:
        if fmt == "pdf":
            write_pdf(doc, temporary, title, footer)
        else:
            write_odt(doc, temporary)
        files.replace(temporary, path)
    except OSError as error:
        translated = translate_sqlite_error(error, str(path.parent))
        raise (translated or EntraideError(_("Impossible d'écrire le fichier « {path} » ({e}).").format(
            path=path, e=error.strerror))) from error
    finally:
        temporary.unlink(missing_ok=True)
    return path
