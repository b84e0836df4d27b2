"""Replacing and deleting files when another program holds them open, as Windows forbids.

On Windows a file another program has open (Excel on a CSV, a PDF reader, OneDrive or Syncthing
uploading an exchange file, an antivirus scanning a new backup) cannot be renamed over or deleted:
the call fails with a sharing violation. Those programs mostly let go within a second or two, so
``replace`` and ``unlink`` try again for about three seconds; then the person reads which file is
held and what to do, and nothing has changed (the caller removes its temporary file). On Linux
and macOS the calls never fail this way and run once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from .errors import FileInUse, PathTooLong, held_open, in_use_message  # noqa: F401  (callers catch them from here)

DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.5)  # about three seconds in all
_sleep = time.sleep  # tests replay Windows' rule without waiting


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
