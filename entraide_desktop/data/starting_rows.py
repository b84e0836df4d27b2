"""The rows every group starts with: the three activity types and the chart of accounts.

Seeded here, never by a screen, so the app and the command line find the same rows: when a new
group is created, and when a database opens without them (a group from before the treasury, a
type list never opened). Ids are the same on every machine, so two machines that seed and then
exchange hold one copy; a row erased on purpose is never made again. A database that joins a
group is not seeded while it is made: the group's own rows arrive with the join file.
"""

from __future__ import annotations

from .calendar.activity_types import ensure_default_types
from .store import Store
from .treasury.chart import install_starting_chart


def seed(store: Store) -> None:
    """Add whatever starting rows are missing (nothing when all are there)."""
    with store.write():
        ensure_default_types(store)
        install_starting_chart(store)
