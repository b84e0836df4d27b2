"""An unlocked group database, with who is working and this machine's write identity."""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from ..config import Paths
from ._driver import check_sqlite_utils
from .clock import HybridClock
from .errors import user_facing_errors

check_sqlite_utils()

SITE_ID_BYTES = 8


def new_site_id() -> str:
    return secrets.token_hex(SITE_ID_BYTES)


@dataclass(frozen=True)
class Author:
    """The person who unlocked (their key slot), recorded on every change of the session."""

    id: str
    name: str


@dataclass
class _WriteState:
    """Shared by every connection of one process: one counter, one clock, one writer at a time."""

    site_id: str
    counter: int
    clock: HybridClock
    lock: threading.RLock = field(default_factory=threading.RLock)
    depth: int = 0  # how many write() blocks the lock holder is inside
    unsaved: bool = False  # counter and clock moved on since they were last written to _local


class Store:
    """An open group database. ``db`` is a sqlite-utils ``Database`` over SQLCipher.

    Use :meth:`write` for every transaction that changes synced rows (``rows.py`` does); use
    :meth:`clone` to get a connection for another thread (background tasks).
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        paths: Paths,
        data_key: bytes,
        author: Author,
        state: _WriteState,
    ) -> None:
        self.db = db
        self.paths = paths
        self._data_key = data_key
        self.author = author
        self._state = state
        self.site_id_was_renewed = False

    # -- identity ---------------------------------------------------------------------------
    @property
    def site_id(self) -> str:
        return self._state.site_id

    @property
    def clock(self) -> HybridClock:
        return self._state.clock

    @property
    def database_path(self) -> Path:
        return self.paths.database

    def local(self, key: str, default: str | None = None) -> str | None:
        if key in ("counter", "clock") and self._state.unsaved and self._state.depth:
            self._save_dot()
        row = self.db.execute("SELECT value FROM _local WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_local(self, key: str, value: str) -> None:
        with self.write():
            self.db.execute("INSERT OR REPLACE INTO _local (key, value) VALUES (?, ?)", [key, value])

    # -- writing ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One transaction (a savepoint when nested), serialised with the process's other writers.

        The write counter and clock are saved once, at the end of the outermost block, inside
        its transaction: a rolled-back block leaves them to the next one (gaps are harmless).
        """
        state = self._state
        with state.lock, user_facing_errors(str(self.paths.database)), self.db.atomic():  # disk full at commit
            state.depth += 1
            try:
                yield self.db
                if state.depth == 1 and state.unsaved:
                    self._save_dot()
            finally:
                state.depth -= 1

    def next_dot(self) -> tuple[str, int, int]:
        """(site, counter, hlc) for a new local write; call inside :meth:`write`."""
        state = self._state
        state.counter += 1
        hlc = state.clock.tick()
        state.unsaved = True
        if not state.depth:  # outside write(): nothing will save it later
            self._save_dot()
        return state.site_id, state.counter, hlc

    def _save_dot(self) -> None:
        state = self._state
        self.db.execute(
            "INSERT OR REPLACE INTO _local (key, value) VALUES ('counter', ?), ('clock', ?)",
            [str(state.counter), str(state.clock.last)],
        )
        state.unsaved = False

    def persist_clock(self) -> None:
        self.db.execute("INSERT OR REPLACE INTO _local (key, value) VALUES ('clock', ?)", [str(self.clock.last)])

    # -- connections --------------------------------------------------------------------------
    def clone(self) -> Store:
        """A new connection to the same database, sharing the write identity (for another thread)."""
        from .connection import connect

        db = connect(self.paths.database, self._data_key)
        return Store(db, self.paths, self._data_key, self.author, self._state)

    def with_author(self, author: Author) -> Store:
        return Store(self.db, self.paths, self._data_key, author, self._state)

    @property
    def data_key(self) -> bytes:
        return self._data_key

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.close()
