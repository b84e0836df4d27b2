"""What every headless command shares: opening the database, errors as French messages."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from ..config import Paths, paths_for
from ..data._driver import sqlite3
from ..data.connection import unlock
from ..data.errors import EntraideError, translate_sqlite_error
from ..data.store import Store
from ..i18n import _
from ..instance_lock import InstanceLock


def command_paths(args: argparse.Namespace) -> Paths:
    return paths_for(getattr(args, "database", None))


def read_passphrase(args: argparse.Namespace) -> str:
    """From ``--passphrase-file`` (first line) or ``ENTRAIDE_PASSPHRASE``."""
    path = getattr(args, "passphrase_file", None)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise EntraideError(_("Impossible de lire le fichier de phrase de passe « {path} » ({e}).").format(path=path, e=error.strerror)) from error
        lines = text.splitlines()
        return lines[0] if lines else ""
    value = os.environ.get("ENTRAIDE_PASSPHRASE")
    if value:
        return value
    raise EntraideError(
        _("Indiquez la phrase de passe avec --passphrase-file FICHIER ou la variable ENTRAIDE_PASSPHRASE.")
    )


@contextlib.contextmanager
def open_store(args: argparse.Namespace, *, lock: bool = True) -> Iterator[Store]:
    """Unlock the database named by the options; with ``lock``, refuse while the app has it open."""

    paths = command_paths(args)
    passphrase = read_passphrase(args)
    guard = None
    if lock:
        guard = InstanceLock(paths)
        guard.acquire()
    try:
        store = unlock(paths, passphrase)
        try:
            yield store
        finally:
            store.close()
    finally:
        if guard is not None:
            guard.release()


def run_command(args: argparse.Namespace) -> int:
    """Run ``args.func``; expected errors print their French message and give exit status 1."""

    try:
        return int(args.func(args) or 0)
    except EntraideError as error:
        print(_("Erreur : {message}").format(message=error.message), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("Interrompu."), file=sys.stderr)
        return 130
    except (OSError, sqlite3.Error) as error:  # disk full, read-only folder… outside a guarded block
        if _reader_gone(error):  # « entraide list-meetings | head »: the reader has had enough
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # nothing more to flush at exit, no message
            return 0
        translated = translate_sqlite_error(error, str(getattr(error, "filename", "") or ""))
        if translated is None:
            raise
        print(_("Erreur : {message}").format(message=translated.message), file=sys.stderr)
        return 1


def _reader_gone(error: BaseException) -> bool:
    """The pipe our output goes to was closed: EPIPE on POSIX, EINVAL on a write on Windows."""
    if isinstance(error, BrokenPipeError):
        return True
    return os.name == "nt" and isinstance(error, OSError) and error.errno == errno.EINVAL and not error.filename


def out(text: str = "") -> None:
    print(text)
