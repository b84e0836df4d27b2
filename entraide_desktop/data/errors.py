"""Errors a person may see: each carries a complete message in the current language.

Anything raised as an :class:`EntraideError` is shown as it is (no traceback); anything
else is a bug.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ..i18n import _
from ._driver import sqlite3
import errno


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
        from . import files  # Windows' own refusals: a file held open, a path too long

        windows = files.windows_refusal(error, where)
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
