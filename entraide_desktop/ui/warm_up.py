"""Load what the first screen needs before the database is open.

Opening the register has two slow parts that do not depend on each other: deriving the key
from the passphrase (deliberately slow, in C, off the UI thread) and loading the main window's
code and the locale's date data (Python, on the UI thread). The unlock dialog calls
:func:`warm_up` while the passphrase is being typed; a start without the dialog runs both at
once (:func:`unlock_while_warming_up`).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from ..config import Paths
from ..i18n import format_date

if TYPE_CHECKING:
    from ..data.store import Store

_done = False


def warm_up() -> None:
    """Import the main window and the home page and load the date formats (once; cheap after)."""
    global _done
    if _done:
        return
    # deferred: the first screen loads while the passphrase is typed
    from . import home, main_window  # noqa: F401

    format_date(dt.date.today())
    _done = True


def unlock_while_warming_up(paths: Paths, passphrase: str) -> Store:
    """Derive the key in a worker thread while this thread loads the storage layer and the first
    screen, then open the database here. The worker uses only the key file module, so the two do
    not wait on each other's imports."""
    # deferred: the storage library loads after the unlock screen shows
    from ..data import keyring, keys

    def derive() -> tuple[keys.KeySlot, bytes]:
        return keyring.unlock_key(paths, passphrase)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="unlock") as pool:
        derived = pool.submit(derive)
        # deferred: loaded here while the worker derives the key
        from ..data import connection
        from ..data.store import Author

        warm_up()
        slot, data_key = derived.result()
    return connection.open_with_key(paths, data_key, Author(slot.id, slot.label))
