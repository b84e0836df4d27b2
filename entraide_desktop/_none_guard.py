"""Keep ``None`` alive when PySide6 6.12 runs on Python 3.11.

PySide6 6.12 is built for the stable ABI with Python 3.12 headers, where ``None`` is immortal,
so its void methods (``setText``, ``QPainter.drawRect``…) return ``None`` without taking a
reference. On Python 3.11 each such call lowers ``None``'s reference count, and after a few
thousand calls the interpreter aborts ("none_dealloc: deallocating None") — within minutes
of painting a calendar. Giving ``None`` a very large reference count makes it practically
immortal, as it is on Python 3.12. Imported by ``ui`` and by the Qt document writers.
"""

from __future__ import annotations

import sys

_MARGIN = 1 << 42


def protect_none() -> None:
    """Raise ``None``'s reference count far out of reach (CPython before 3.12, release builds only)."""
    if (
        sys.version_info >= (3, 12)
        or hasattr(sys, "gettotalrefcount")
        or sys.implementation.name != "cpython"
    ):
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _MARGIN // 2:
        count.value += _MARGIN


protect_none()
