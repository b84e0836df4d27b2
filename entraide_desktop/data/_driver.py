"""Make sqlite-utils use SQLCipher: the one place where the driver is chosen.

sqlite-utils imports ``pysqlite3`` when it is importable, falling back to the standard
``sqlite3``. Registering ``sqlcipher3`` under that name before sqlite-utils is first
imported makes its exception classes and helpers those of SQLCipher, so errors raised by
our encrypted connections are caught where sqlite-utils expects them.

Registering is cheap; sqlite-utils itself (and its own imports) loads only when a module that
needs it is imported, so the unlock screen appears without waiting for it.
:func:`check_sqlite_utils` confirms the choice took effect; the modules that import
sqlite-utils call it.
"""

from __future__ import annotations

import sys

import sqlcipher3
import sqlcipher3.dbapi2

if "sqlite_utils" in sys.modules and "pysqlite3" not in sys.modules:
    raise ImportError("entraide_desktop.data must be imported before sqlite_utils")

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlcipher3.dbapi2)

sqlite3 = sqlcipher3.dbapi2
"""The DB-API module in use: import it from here, never ``sqlite3`` directly."""


def check_sqlite_utils() -> None:
    """Raise ImportError unless sqlite-utils runs on SQLCipher."""
    import sqlite_utils.utils  # deferred: the unlock screen opens before sqlite-utils loads

    if sqlite_utils.utils.sqlite3 is not sqlcipher3:
        raise ImportError("sqlite-utils is not using SQLCipher")
