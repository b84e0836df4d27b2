"""Shared by the benchmarks: the cached ten-year group, timing helpers, results."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CACHE = ROOT / "bench" / "cache"
PASSPHRASE = "banc d'essai du groupe"


@dataclass
class Result:
    name: str
    value: float
    unit: str
    target: float | None = None
    note: str = ""

    @property
    def ok(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    def line(self) -> str:
        target = f"≤ {self.target:g} {self.unit}" if self.target is not None else ""
        verdict = {True: "OK", False: "TROP LENT", None: ""}[self.ok]
        return f"{self.name:<58} {self.value:>10.3f} {self.unit:<5} {target:<14} {verdict:<9} {self.note}"


def timed(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> list[float]:
    """Seconds per call, ``repeat`` times after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


@dataclass(frozen=True)
class Group:
    """The synthetic ten-year group on disk."""

    database: Path
    passphrase: str = PASSPHRASE

    def paths(self):
        from entraide_desktop.config import paths_for

        return paths_for(self.database)

    def open(self):
        from entraide_desktop.data.connection import unlock

        return unlock(self.paths(), self.passphrase)
