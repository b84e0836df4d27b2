"""Keep ``None``, ``True`` and ``False`` alive when PySide6 6.12 runs on Python 3.11.

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

_MARGIN = 1 << 42


def protect_singletons() -> None:
    """Raise the singletons' reference counts out of reach (CPython before 3.12, release builds only)."""
    debug_build = hasattr(sys, "gettotalrefcount")
    if sys.version_info >= (3, 12) or debug_build or sys.implementation.name != "cpython":
        return
    import ctypes

    for singleton in (None, True, False, NotImplemented):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _MARGIN // 2:
            count.value += _MARGIN


protect_singletons()
