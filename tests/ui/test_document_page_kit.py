"""The page-setup kit: every PDF gets its paper, margins, title and maker from one place."""

from __future__ import annotations

from PySide6.QtGui import QPageLayout, QPageSize

from entraide_desktop.documents import fonts
from entraide_desktop.documents.page import LANDSCAPE, POINT, escape, pdf_writer


def test_text_put_into_html_is_escaped_and_an_absent_text_is_empty():
    assert escape('Café <« Léa » & "co">') == "Café &lt;« Léa » &amp; &quot;co&quot;&gt;"
    assert escape(None) == ""


def test_a_writer_has_the_paper_margins_title_and_the_bundled_fonts(tmp_path, qapp):
    writer = pdf_writer(tmp_path / "a.pdf", "Procès-verbal", (22, 20, 22, 16), resolution=300)
    layout = writer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.Letter
    assert layout.orientation() == QPageLayout.Orientation.Portrait
    assert round(layout.margins(QPageLayout.Unit.Millimeter).left()) == 22
    assert writer.title() == "Procès-verbal" and writer.creator() == "Entraide"
    assert writer.resolution() == 300
    assert fonts.SANS in fonts.register()


def test_a_wall_calendar_writer_is_landscape_in_points(tmp_path, qapp):
    writer = pdf_writer(tmp_path / "b.pdf", "", (0, 0, 0, 0), paper=QPageSize.PageSizeId.A4,
                        orientation=LANDSCAPE, unit=POINT)
    assert writer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert writer.pageLayout().orientation() == LANDSCAPE
