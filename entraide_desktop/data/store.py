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
from .clock import HybridClock

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
        row = self.db.execute("SELECT value FROM _local WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_local(self, key: str, value: str) -> None:
        with self.write():
            self.db.execute("INSERT OR REPLACE INTO _local (key, value) VALUES (?, ?)", [key, value])

    # -- writing ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One transaction (a savepoint when nested), serialised with the process's other writers."""
        with self._state.lock, self.db.atomic():
            yield self.db

    def next_dot(self) -> tuple[str, int, int]:
        """(site, counter, hlc) for a new local write; call inside :meth:`write`."""
        state = self._state
        state.counter += 1
        hlc = state.clock.tick()
        self.db.execute(
            "INSERT OR REPLACE INTO _local (key, value) VALUES ('counter', ?), ('clock', ?)",
            [str(state.counter), str(hlc)],
        )
        return state.site_id, state.counter, hlc

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
