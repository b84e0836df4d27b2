"""Documents are set in the fonts shipped with the app, so a PDF is the same on every machine
(Qt's offscreen platform on Windows sees no system font: a PDF painted there had no text)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtGui import QFontDatabase, QFontInfo, QFont

from entraide_desktop.data import members
from entraide_desktop.documents import fonts
from entraide_desktop.documents.members.phone_network import write_phone_network


def _embedded_fonts(path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_the_shipped_fonts_are_registered_with_their_licences(qapp):
    assert set(fonts.register()) == {fonts.SANS, fonts.SERIF}
    assert {fonts.SANS, fonts.SERIF} <= set(QFontDatabase.families())
    assert QFontInfo(QFont(fonts.SERIF)).family() == fonts.SERIF
    assert all((fonts.FOLDER / f"LICENSE-{name}.txt").is_file() for name in ("DejaVu", "Liberation"))


def test_a_pdf_embeds_the_shipped_font_with_its_accents(qapp, store, tmp_path):
    person = members.create_person(store, {"first_name": "Hélène", "phone": "418 555-0101"})
    members.grant_consent(store, person, "phone_network", dt.date(2025, 1, 1))
    target = tmp_path / "réseau.pdf"
    write_phone_network(store, target, "Le Phare")
    assert any(name.startswith("DejaVuSans") for name in _embedded_fonts(target))
    assert "Hélène" in PdfReader(target).pages[0].extract_text()


def test_a_headless_command_asks_for_off_screen_only_where_there_is_no_native_platform():
    assert fonts.headless_platform("linux") == "offscreen"
    assert fonts.headless_platform("win32") is None  # Windows' own platform finds the system fonts
    assert fonts.headless_platform("darwin") is None
