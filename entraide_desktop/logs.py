"""The log file: what a volunteer can send when something goes wrong, and never anyone's personal data.

A GUI started from the Windows Start menu has no console: without a file, an unexpected error
would leave no trace. :func:`start_logging` writes to a rotating file in the user's log folder
(platformdirs; three files of 1 MB at most). The log holds ids, table names, counts, durations
and error *types* with their code locations; never a value. A message argument that is not
plainly an identifier (lower-case letters, digits, ``_ . : -``; no path: it names the
account) or a number is replaced by
« … », and an exception is written as its type and its frames (file, line, function), without
its message, which may carry a name. No Qt here.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs

from . import APP_NAME

LOG_NAME = "entraide.log"
MAX_BYTES = 1_000_000
BACKUPS = 2
_PLAIN = re.compile(r"[a-z0-9_.:-]{0,100}")
HIDDEN = "…"


def log_dir() -> Path:
    home = os.environ.get("ENTRAIDE_HOME")
    if home:
        return Path(home) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def plain(value: Any) -> Any:
    """``value`` when it cannot carry personal data (a number, an identifier), else « … »."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, BaseException):
        return type(value).__name__
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(str(plain(v)) for v in sorted(value, key=str)[:20]) + "]"
    text = str(value)
    return text if _PLAIN.fullmatch(text) else HIDDEN


def frames(kind: type[BaseException] | None, tb: TracebackType | None) -> str:
    """An exception as its type and its frames: where it happened, never what it said."""
    lines = [f"{kind.__name__ if kind else 'Exception'}"]
    for frame in traceback.extract_tb(tb)[-15:]:
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


class PlainFormatter(logging.Formatter):
    """Formats a record with its arguments made plain and its exception reduced to frames."""

    def format(self, record: logging.LogRecord) -> str:
        args = record.args
        if isinstance(args, dict):
            safe: Any = {k: plain(v) for k, v in args.items()}
        else:
            safe = tuple(plain(a) for a in (args or ()))
        try:
            message = str(record.msg) % safe if safe else str(record.msg)
        except (TypeError, ValueError):
            message = str(record.msg)
        text = f"{self.formatTime(record)} {record.levelname} {record.name}: {message}"
        if record.exc_info and record.exc_info[0] is not None:
            text += "\n" + frames(record.exc_info[0], record.exc_info[2])
        return text


def start_logging() -> Path | None:
    """Write the app's log to its rotating file (once per process); None when the folder cannot be made."""
    root = logging.getLogger("entraide_desktop")
    target = log_file()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(PlainFormatter())
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return target


def recent_lines(count: int = 200) -> list[str]:
    """The end of the log, for the diagnostic report."""
    try:
        with open(log_file(), encoding="utf-8", errors="replace") as fh:
            return fh.read()[-200_000:].splitlines()[-count:]
    except OSError:
        return []
