"""Keep ``None``, ``True`` and ``False`` alive when PySide6 6.12 runs on Python 3.11.

pyproject.toml asks for PySide6 below 6.12 on Python 3.11; this guard is the safety net for an
installation that got 6.12 anyway (a distribution package, a manual upgrade).

PySide6 6.12 is built for the stable ABI with Python 3.12 headers, where these singletons are
immortal, so it returns them without taking a reference: every void method (``setText``,
``QPainter.drawRect``…) gives back ``None`` and every ``signal.emit()`` gives back ``True``
that way. On Python 3.11 each call lowers the singleton's reference count, and after a few
thousand calls the interpreter aborts ("none_dealloc: deallocating None") — within minutes of
painting a calendar. Giving them a very large reference count makes them practically immortal,
as they are on Python 3.12. Imported by ``ui`` and by the Qt document writers.
"""

from __future__ import annotations

import sys

import PySide6

_MARGIN = 1 << 42


def protect_singletons() -> None:
    """Raise the singletons' reference counts out of reach (CPython before 3.12, release builds only)."""
    debug_build = hasattr(sys, "gettotalrefcount")
    if sys.version_info >= (3, 12) or debug_build or sys.implementation.name != "cpython":
        return

    if tuple(PySide6.__version_info__[:2]) < (6, 12):
        return  # the versions pyproject.toml asks for on Python 3.11 do not need it
    # deferred: ctypes only on the old interpreters that need it
    import ctypes

    for singleton in (None, True, False, NotImplemented):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _MARGIN // 2:
            count.value += _MARGIN


protect_singletons()
