"""Importing a member list from CSV or XLSX: read, map the columns, preview, then write once confirmed."""

from .apply import ImportCancelled, ImportResult, apply_import
from .mapping import IGNORE, TARGETS, target_label
from .preview import (
    ACTIONS,
    ExistingPeople,
    ImportPreview,
    ImportRow,
    ImportSetup,
    build_preview,
    headers_of,
    initial_setup,
    preview_file,
)
from .reading import ImportFileError, RawTable, read_table

__all__ = [
    "ACTIONS", "IGNORE", "TARGETS", "ExistingPeople", "ImportCancelled", "ImportFileError", "ImportPreview",
    "ImportResult", "ImportRow", "ImportSetup", "RawTable", "apply_import", "build_preview", "headers_of",
    "initial_setup", "preview_file", "read_table", "target_label",
]
