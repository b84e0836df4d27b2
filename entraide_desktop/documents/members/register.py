"""Export the register to CSV (for any spreadsheet) or XLSX.

CSV is written in UTF-8 with a BOM and semicolons, what Excel expects on a French-Canadian
computer; LibreOffice reads it as well. Files are written beside the target and moved in
place at the end, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ...data.errors import user_facing_errors
from ...data.members.exporting import Table, register_table
from ...data.store import Store
from ...i18n import _


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    path = Path(path)
    with user_facing_errors(str(path.parent)):
        fd, tmp_name = tempfile.mkstemp(prefix=".entraide-", suffix=path.suffix, dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            write(tmp)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def write_csv(table: Table, path: Path) -> None:
    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            writer.writerow(table.headers)
            writer.writerows(table.rows)

    _atomic(path, write)


def write_xlsx(table: Table, path: Path, title: str = "") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    def write(target: Path) -> None:
        book = Workbook()
        sheet = book.active
        sheet.title = (title or _("Registre des membres"))[:31]
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for index, header in enumerate(table.headers, start=1):
            longest = max([len(header), *(len(str(r[index - 1])) for r in table.rows[:500])])
            sheet.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 50)
        book.save(target)

    _atomic(path, write)


def write_register(store: Store, path: str | Path, fmt: str, *, include_archived: bool = False) -> int:
    """Write the register to ``path`` as ``csv`` or ``xlsx``; returns how many people it holds."""
    table = register_table(store, include_archived=include_archived)
    if fmt == "xlsx":
        write_xlsx(table, Path(path))
    else:
        write_csv(table, Path(path))
    return len(table.rows)
