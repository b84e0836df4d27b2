"""Everything the Synchronisation screen shows, read in one go."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..store import Store
from . import conflicts, exchange, folder, machines


@dataclass(frozen=True)
class Overview:
    machine_name: str
    named: bool
    """False while this computer still has the default name (the screen invites naming it)."""
    sync_folder: Path | None
    last_export: tuple[dt.datetime, str] | None
    machines: list[machines.Machine]
    conflicts: int


def overview(store: Store) -> Overview:
    return Overview(
        machine_name=machines.machine_name(store),
        named=machines.has_machine_name(store),
        sync_folder=folder.sync_folder(store),
        last_export=exchange.last_export(store),
        machines=machines.known_machines(store),
        conflicts=conflicts.count_waiting(store),
    )
