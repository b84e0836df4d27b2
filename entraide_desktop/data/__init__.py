"""Storage and domain logic of Entraide: pure Python, never imports Qt.

Importing this package registers SQLCipher as the SQLite driver of sqlite-utils (see
``_driver``), so every module below talks to encrypted databases through sqlite-utils.
"""

from . import _driver  # noqa: F401  (must run before anything imports sqlite_utils)
