"""Spreadsheets that cannot run anything: the one writer of CSV and XLSX files.

A cell of a register comes from people (an e-mail typed by anyone, an imported list): a value
starting with ``= + - @``, a tab or a carriage return would be read as a formula by Excel or
LibreOffice (``=HYPERLINK(...)`` reading a neighbouring cell, ``@SUM``…). Such values are
neutralised: a leading ``'`` in CSV (spreadsheets show the text, not a formula), and explicit
text cells in XLSX (never a formula cell). CSV is written the way Excel opens it on a French
Windows: UTF-8 with a BOM, semicolons, CRLF line ends. Files are written beside the target and
moved in place at the end, so a failed export never leaves half a file. Every exporter of a
table (register, treasury…) goes through here.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from ..data import files
from ..data.errors import user_facing_errors

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DIALECT = {"delimiter": ";", "quoting": csv.QUOTE_MINIMAL, "lineterminator": "\r\n"}
CSV_ENCODING = "utf-8-sig"


def neutralise(value: object) -> str:
    """The text of a cell, with a leading ``'`` when a spreadsheet would read it as a formula.

    Numbers (an amount of -5) are written as they are: only text typed by people is suspect."""
    if _is_number(value):
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then move it in place (removed on failure)."""
    path = Path(path)
    with user_facing_errors(str(path.parent)):
        fd, tmp_name = tempfile.mkstemp(prefix=".entraide-", suffix=path.suffix, dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            write(tmp)
            files.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def write_csv(headers: Sequence[str], rows: Sequence[Sequence[object]], path: Path) -> None:
    """A CSV file for Excel on a French Windows (BOM, ``;``, CRLF), with every cell neutralised."""

    def write(target: Path) -> None:
        with target.open("w", encoding=CSV_ENCODING, newline="") as fh:
            writer = csv.writer(fh, **CSV_DIALECT)
            writer.writerow([neutralise(h) for h in headers])
            writer.writerows([neutralise(v) for v in row] for row in rows)

    write_atomically(path, write)


Sheet = tuple[str, Sequence[str], Sequence[Sequence[object]]]
"""(title, headers, rows) of one sheet of a workbook."""


def write_xlsx(headers: Sequence[str], rows: Sequence[Sequence[object]], path: Path, title: str) -> None:
    """An XLSX workbook of one sheet, every cell an explicit text cell (never a formula)."""
    write_xlsx_book([(title, headers, rows)], path)


def write_xlsx_book(sheets: Sequence[Sheet], path: Path) -> None:
    """An XLSX workbook of several sheets; numbers and dates keep their type, text is never a formula."""
    # deferred: openpyxl (large) only when a workbook is written
    from openpyxl import Workbook

    def write(target: Path) -> None:
        book = Workbook(write_only=False)
        book.remove(book.active)
        for title, headers, rows in sheets:
            _fill_sheet(book.create_sheet(_sheet_title(title)), headers, rows)
        book.save(target)

    write_atomically(path, write)


def _fill_sheet(sheet, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:  # noqa: ANN001
    # deferred: openpyxl (large) only when a workbook is written
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    for row_number, values in enumerate([headers, *rows], start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if _is_number(value) or isinstance(value, dt.date):
                cell.value = value  # numbers and dates keep their type (summable, sortable)
            else:
                cell.value = "" if value is None else str(value)
                cell.data_type = "s"  # openpyxl guesses a formula from a leading "=": text, always
            if row_number == 1:
                cell.font = bold
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        longest = max([len(str(header)), *(len(str(r[index - 1])) for r in rows[:500] if len(r) >= index)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 50)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip("' ")
    return (cleaned or "Feuille")[:31]
