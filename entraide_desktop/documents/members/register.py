"""Export the register to CSV (for any spreadsheet) or XLSX.

Both go through ``documents/spreadsheet.py``: CSV for Excel on a French-Canadian computer
(UTF-8 with a BOM, semicolons, CRLF), cells that could be read as formulas neutralised, files
moved in place only once complete.
"""

from __future__ import annotations

from pathlib import Path

from ...data.members.exporting import Table, register_table
from ...data.store import Store
from ...i18n import _
from .. import spreadsheet


def write_csv(table: Table, path: Path) -> None:
    spreadsheet.write_csv(table.headers, table.rows, Path(path))


def write_xlsx(table: Table, path: Path, title: str = "") -> None:
    spreadsheet.write_xlsx(table.headers, table.rows, Path(path), title or _("Registre des membres"))


def write_register(store: Store, path: str | Path, fmt: str, *, include_archived: bool = False) -> int:
    """Write the register to ``path`` as ``csv`` or ``xlsx``; returns how many people it holds."""
    table = register_table(store, include_archived=include_archived)
    if fmt == "xlsx":
        write_xlsx(table, Path(path))
    else:
        write_csv(table, Path(path))
    return len(table.rows)
