"""Choosing a file to import, starting where the person last imported one (remembered per computer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ..context import AppContext


def ask_file_to_import(context: AppContext, parent: QWidget, title: str, filters: str) -> str:
    """The file chosen (empty when cancelled); its folder is remembered for the next import."""
    start = context.settings.last_import_dir or str(Path.home())
    path, _selected = QFileDialog.getOpenFileName(parent, title, start, filters)
    if path:
        context.save_setting(last_import_dir=str(Path(path).parent))
    return path
