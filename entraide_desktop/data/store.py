"""An unlocked group database, with who is working and this machine's write identity.

It also announces what changed: every write through ``rows.py`` notes its table, and at the
end of the outermost :meth:`Store.write` block (after the commit) the store calls its change
listeners with the set of tables touched, then the follow-ups the data layer registered with
:func:`after_every_change` (the public calendar rewrite…). Changes made on screen, by the
command line and by a sync import are announced alike. Nothing here knows of Qt.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from ..config import Paths
from ._driver import check_sqlite_utils
from .clock import HybridClock
from .database_file import connect
from .errors import user_facing_errors

check_sqlite_utils()

SITE_ID_BYTES = 8
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """What one committed transaction changed: the synced tables it touched, and whether any of
    it was written here (``local``) rather than merged from another machine."""

    tables: frozenset[str]
    local: bool = True


ChangeListener = Callable[["Store", Changes], None]


@dataclass(frozen=True)
class FollowUp:
    """Work that must follow every change of some tables, whoever made it (screen, command line,
    sync). ``run(store)`` is called after the commit, at once, unless the session defers it
    (the app runs it off the UI thread, coalesced: see :meth:`Store.defer_follow_ups`)."""

    key: str
    tables: Callable[[], frozenset[str]]
    run: Callable[[Store], None]


_FOLLOW_UPS: dict[str, FollowUp] = {}


def after_every_change(follow_up: FollowUp) -> None:
    """Register (or replace, by key) a follow-up; data modules call this at import time."""
    _FOLLOW_UPS[follow_up.key] = follow_up


def follow_ups() -> list[FollowUp]:
    return list(_FOLLOW_UPS.values())


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
    touched: set[str] = field(default_factory=set)  # synced tables written by the open transaction
    local_write: bool = False  # some of them written here (not merged from another machine)
    listeners: list[ChangeListener] = field(default_factory=list)
    defer: Callable[[FollowUp], None] | None = None  # the app runs follow-ups off the UI thread


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

    def adopt_site_id(self, site_id: str) -> None:
        """Use a new machine identity from now on, its counter at zero (saved by the caller)."""
        self._state.site_id = site_id
        self._state.counter = 0
        self.site_id_was_renewed = True

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
        changes: Changes | None = None
        with state.lock:
            with user_facing_errors(str(self.paths.database)), self.db.atomic():  # disk full at commit
                state.depth += 1
                try:
                    yield self.db
                    if state.depth == 1 and state.unsaved:
                        self._save_dot()
                finally:
                    state.depth -= 1
                    if not state.depth:
                        if state.touched:
                            changes = Changes(frozenset(state.touched), state.local_write)
                        state.touched.clear()
                        state.local_write = False
        if changes is not None:  # committed (a rollback raised above)
            self._announce(changes)

    # -- announcing changes ----------------------------------------------------------------------
    def note_change(self, table: str, *, local: bool = True) -> None:
        """Record that the open transaction writes ``table`` (``rows.py`` calls this)."""
        self._state.touched.add(table)
        self._state.local_write |= local

    def add_change_listener(self, listener: ChangeListener) -> Callable[[], None]:
        """Call ``listener(store, changes)`` after every committed change (any connection of this
        database in this process); returns the function that removes it."""
        self._state.listeners.append(listener)

        def remove() -> None:
            with contextlib.suppress(ValueError):
                self._state.listeners.remove(listener)

        return remove

    def defer_follow_ups(self, defer: Callable[[FollowUp], None] | None) -> None:
        """Hand follow-ups to ``defer`` instead of running them at once (None: at once again)."""
        self._state.defer = defer

    def _announce(self, changes: Changes) -> None:
        for listener in list(self._state.listeners):
            try:
                listener(self, changes)
            except Exception:  # noqa: BLE001 - the change is committed; a listener must not undo that
                log.exception("change listener failed after a change of %s", sorted(changes.tables))
        self.run_follow_ups(changes.tables)

    def run_follow_ups(self, tables: Iterable[str]) -> None:
        """Run (or hand to the session) the follow-ups concerned by a change of ``tables``."""
        tables = set(tables)
        for follow_up in follow_ups():
            if not tables & follow_up.tables():
                continue
            if self._state.defer is not None:
                self._state.defer(follow_up)
                continue
            try:
                follow_up.run(self)
            except Exception:  # noqa: BLE001 - logged (ids and names of tables only), never raised
                log.exception("follow-up %s failed after a change of %s", follow_up.key, sorted(tables))

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
