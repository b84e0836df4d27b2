"""Hybrid logical clock: wall-clock milliseconds plus a counter, packed in one sortable int.

``hlc = wall_ms << 16 | logical``. Clocks only order what is *shown* (the latest sibling
wins the display); they never decide what is kept, so a machine with a wrong clock cannot
lose anyone's edit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

LOGICAL_BITS = 16
LOGICAL_MASK = (1 << LOGICAL_BITS) - 1
DAY_MS = 86_400_000
MAX_AHEAD_MS = DAY_MS
"""How far ahead of this machine's wall clock a received stamp may move the clock (see ``sync/checks.py``)."""
LATEST_WALL_MS = 7_258_118_400_000
"""2200-01-01 in Unix milliseconds: a later stamp cannot come from a real clock."""


def pack(wall_ms: int, logical: int = 0) -> int:
    return (wall_ms << LOGICAL_BITS) | logical


def wall_ms(hlc: int) -> int:
    return hlc >> LOGICAL_BITS


def to_seconds(hlc: int) -> float:
    return wall_ms(hlc) / 1000.0


def now_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Thread-safe HLC; ``last`` is the highest value issued or observed so far."""

    def __init__(self, last: int = 0, now: Callable[[], int] = now_ms) -> None:
        if last < 0 or wall_ms(last) > LATEST_WALL_MS:  # poisoned by an impossible stamp: repaired
            last = pack(now())  # (a clock merely ahead is kept: this machine's own clock may be wrong)
        self._last = last
        self._now = now
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def tick(self) -> int:
        """A new timestamp for a local event, greater than every one issued or observed."""
        with self._lock:
            physical = pack(self._now())
            self._last = physical if physical > self._last else self._last + 1
            return self._last

    def observe(self, remote: int) -> None:
        """Take a timestamp received from another machine into account (never beyond :data:`MAX_AHEAD_MS`)."""
        with self._lock:
            remote = min(remote, pack(self._now() + MAX_AHEAD_MS))
            if remote > self._last:
                self._last = remote

    def skew_ms(self, remote: int) -> int:
        """How far ``remote`` is ahead of this machine's wall clock (negative when behind)."""
        return wall_ms(remote) - self._now()
