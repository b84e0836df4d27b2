"""Demo data of the calendar area (filled by its issue)."""

from __future__ import annotations

from . import DemoContext


def populate(ctx: DemoContext) -> None:
    """Nothing yet."""
