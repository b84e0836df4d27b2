"""Errors a person may see: each carries a complete message in the current language.

Anything raised as an :class:`EntraideError` is shown as it is (no traceback); anything
else is a bug.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

from ..i18n import _
from ._driver import sqlite3


class EntraideError(Exception):
    """An error explained to the person using the app; ``str(error)`` is the message."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class WrongPassphrase(EntraideError):
    pass


class WrongRecoveryKey(EntraideError):
    pass


class DatabaseMissing(EntraideError):
    pass


class DatabaseCorrupt(EntraideError):
    pass


class KeyFileError(EntraideError):
    pass


class NewerSchema(EntraideError):
    pass


class DiskFull(EntraideError):
    pass


class ReadOnlyLocation(EntraideError):
    pass


class AlreadyOpen(EntraideError):
    pass


class ValidationError(EntraideError):
    """Bad input in a form: ``field`` names the field at fault (or "" for the whole form)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class NotFound(EntraideError):
    pass


class ErasedRow(EntraideError):
    pass


def disk_full_message() -> str:
    return _(
        "Le disque est plein : Entraide n'a rien modifié. Libérez de l'espace "
        "(videz la corbeille, retirez de vieux fichiers) puis réessayez."
    )


# -- Windows' own refusals: a file held open by another program, a path too long ----------------

# Windows error codes: access denied (what a rename over an open file often reports), sharing
# violation, lock violation.
HELD_OPEN = frozenset({5, 32, 33})


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


def read_only_message(where: str) -> str:
    return _(
        "Entraide ne peut pas écrire dans « {where} » (dossier en lecture seule ou droits "
        "insuffisants). Rien n'a été modifié."
    ).format(where=where)


def translate_sqlite_error(error: BaseException, where: str = "") -> EntraideError | None:
    """The person-facing error for a low-level SQLite or OS error, or None when it is a bug."""
    text = str(error).lower()
    if isinstance(error, OSError):

        if error.errno == errno.ENOSPC:
            return DiskFull(disk_full_message())
        windows = windows_refusal(error, where)
        if windows is not None:
            return windows
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return ReadOnlyLocation(read_only_message(where or str(error.filename or "")))
        return None
    if isinstance(error, sqlite3.Error):
        if "disk is full" in text or "database or disk is full" in text:
            return DiskFull(disk_full_message())
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return ReadOnlyLocation(read_only_message(where))
        if "malformed" in text or "not a database" in text or "disk i/o" in text:
            return DatabaseCorrupt(
                _(
                    "La base de données est endommagée ({detail}). Restaurez la dernière "
                    "sauvegarde ; le fichier actuel n'a pas été modifié."
                ).format(detail=str(error))
            )
    return None


@contextlib.contextmanager
def user_facing_errors(where: str = "") -> Iterator[None]:
    """Turn disk-full, read-only and corruption errors into :class:`EntraideError`."""
    try:
        yield
    except EntraideError:
        raise
    except (OSError, sqlite3.Error) as error:
        translated = translate_sqlite_error(error, where)
        if translated is None:
            raise
        raise translated from error
