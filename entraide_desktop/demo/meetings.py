"""Demo data of the meetings area (filled by its issue)."""

from __future__ import annotations

from . import DemoContext


def populate(ctx: DemoContext) -> None:
    """Nothing yet."""
