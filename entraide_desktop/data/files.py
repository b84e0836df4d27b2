"""Replacing and deleting files when another program holds them open, as Windows forbids.

On Windows a file another program has open (Excel on a CSV, a PDF reader, OneDrive or Syncthing
uploading an exchange file, an antivirus scanning a new backup) cannot be renamed over or deleted:
the call fails with a sharing violation. Those programs mostly let go within a second or two, so
``replace`` and ``unlink`` try again for about three seconds; then the person reads which file is
held and what to do, and nothing has changed (the caller removes its temporary file). On Linux
and macOS the calls never fail this way and run once.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable
from pathlib import Path

from ..i18n import _
from .errors import EntraideError

# Windows error codes: access denied (what a rename over an open file often reports), sharing
# violation, lock violation.
HELD_OPEN = frozenset({5, 32, 33})
DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.5)  # about three seconds in all
_sleep = time.sleep  # tests replay Windows' rule without waiting


class FileInUse(EntraideError):
    """A file stayed held open by another program (Windows)."""


class PathTooLong(EntraideError):
    """Windows' 260-character limit on paths (or a name too long elsewhere)."""


def held_open(error: OSError) -> bool:
    """Whether Windows refused because another program holds the file (no such code elsewhere)."""
    return isinstance(error, PermissionError) and getattr(error, "winerror", None) in HELD_OPEN


def in_use_message(path: Path | str) -> str:
    return _(
        "Le fichier « {path} » est ouvert dans un autre programme (Excel, un lecteur PDF, OneDrive, "
        "Syncthing, un antivirus…). Fermez-le ou attendez un instant, puis recommencez. "
        "Rien n'a été modifié."
    ).format(path=path)


def too_long_message(path: Path | str) -> str:
    return _(
        "Le chemin « {path} » est trop long pour Windows (plus de 260 caractères). Choisissez un "
        "dossier moins profond ou au nom plus court. Rien n'a été modifié."
    ).format(path=path)


def windows_refusal(error: OSError, where: str = "") -> EntraideError | None:
    """The person-facing error for a file held open or a path too long; None for anything else."""
    path = error.filename or where
    if held_open(error) and getattr(error, "winerror", None) != 5:  # 5 is also a plain « access denied »
        return FileInUse(in_use_message(path))
    if getattr(error, "winerror", None) == 206 or error.errno == errno.ENAMETOOLONG:
        return PathTooLong(too_long_message(path))
    return None


def _retry(action: Callable[[], None], path: Path | str) -> None:
    for delay in (*DELAYS, None):
        try:
            action()
            return
        except OSError as error:
            if not held_open(error):
                raise
            if delay is None:
                raise FileInUse(in_use_message(path)) from error
            _sleep(delay)


def replace(source: Path | str, target: Path | str) -> None:
    """``os.replace``, tried again while Windows says ``target`` (or ``source``) is held open."""
    _retry(lambda: os.replace(source, target), target)


def unlink(path: Path | str) -> None:
    """Delete ``path`` if it exists, tried again while Windows says it is held open."""
    _retry(lambda: Path(path).unlink(missing_ok=True), path)
