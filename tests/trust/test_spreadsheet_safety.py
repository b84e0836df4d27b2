"""Finding 5 and the XML entity tests replayed: hostile workbooks are refused before parsing."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from entraide_desktop.data.members.importing import ImportFileError, read_table
from entraide_desktop.data.spreadsheet_safety import UnsafeSpreadsheet, check_xlsx


def _workbook(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Prénom", "Nom de famille"])
    book.active.append(["Alice", "Tremblay"])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    return path


def _replace(source: Path, target: Path, member: str, write) -> Path:
    """A copy of ``source`` whose ``member`` is written by ``write(stream)`` (streamed, bounded memory)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as forged:
        for info in original.infolist():
            if info.filename != member:
                forged.writestr(info, original.read(info))
        with forged.open(zipfile.ZipInfo(member), "w", force_zip64=True) as stream:
            write(stream)
    return target


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """About 1 MB that unpacks to 425 MB of shared strings."""
    folder = tmp_path_factory.mktemp("bomb")
    valid = _workbook(folder)
    block = b"<si><t>" + b"A" * 4000 + b"</t></si>"

    def write(stream):
        stream.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main">')
        chunk = block * 256
        for _ in range(425 * 1024 * 1024 // len(chunk)):
            stream.write(chunk)
        stream.write(b"</sst>")

    # The member is stored with the module's ZIP_DEFLATED compression through ZipInfo's default.
    target = folder / "bombe.xlsx"
    with zipfile.ZipFile(valid) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as forged:
        for info in original.infolist():
            if info.filename != "xl/sharedStrings.xml":
                forged.writestr(info, original.read(info))
        info = zipfile.ZipInfo("xl/sharedStrings.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with forged.open(info, "w", force_zip64=True) as stream:
            write(stream)
    return target


def test_an_ordinary_workbook_passes_and_is_read(tmp_path):
    path = _workbook(tmp_path)
    check_xlsx(path)
    assert read_table(path).rows[1][1][:1] == ["Alice"]


def test_a_decompression_bomb_is_refused_with_little_memory(bomb):
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("xl/sharedStrings.xml").file_size > 400 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError, match="démesuré"):
            read_table(bomb)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_a_bomb_whose_directory_lies_is_stopped_while_streaming(tmp_path, monkeypatch):
    """Sizes in the directory are checked first; the real unpacked bytes are counted too."""
    import entraide_desktop.data.spreadsheet_safety as safety

    path = _workbook(tmp_path)
    monkeypatch.setattr(safety, "MAX_MEMBER_BYTES", 10)
    monkeypatch.setattr(safety, "RATIO_FROM_BYTES", 10**9)
    with pytest.raises(UnsafeSpreadsheet, match="démesuré"):
        check_xlsx(path)


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
                  b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  b"<si><t>&lol2;</t></si></sst>")
EXTERNAL_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                   b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   b"<si><t>&xxe;</t></si></sst>")


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_xml_entities_and_doctypes_are_refused_with_a_french_message(tmp_path, xml):
    path = _replace(_workbook(tmp_path), tmp_path / "piege.xlsx", "xl/sharedStrings.xml", lambda s: s.write(xml))
    with pytest.raises(ImportFileError, match="DTD ou entités"):
        read_table(path)


def test_a_declaration_split_across_two_chunks_is_still_found(tmp_path, monkeypatch):
    import entraide_desktop.data.spreadsheet_safety as safety

    monkeypatch.setattr(safety, "CHUNK", 25)  # "<!DOCTYPE" straddles the first two chunks
    path = _replace(_workbook(tmp_path), tmp_path / "piege.xlsx", "xl/sharedStrings.xml",
                    lambda s: s.write(BILLION_LAUGHS))
    with pytest.raises(UnsafeSpreadsheet, match="DTD"):
        check_xlsx(path)


def test_xml_in_utf16_is_refused(tmp_path):
    xml = BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "").encode("utf-16")
    path = _replace(_workbook(tmp_path), tmp_path / "piege.xlsx", "xl/sharedStrings.xml", lambda s: s.write(xml))
    with pytest.raises(UnsafeSpreadsheet, match="codage"):
        check_xlsx(path)


def test_too_many_members_are_refused(tmp_path):
    path = tmp_path / "membres.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        for n in range(600):
            archive.writestr(f"x/{n}.bin", b"")
    with pytest.raises(ImportFileError, match="fichiers internes"):
        read_table(path)
