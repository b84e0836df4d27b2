"""Database checks shared by ``entraide check`` and the maintenance screens."""

from __future__ import annotations

from dataclasses import dataclass, field

from .database_file import integrity_check
from .schema import schema_version
from .schema.registry import SYNCED_TABLES
from .store import Store


@dataclass
class DatabaseReport:
    site_id: str
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def row_counts(store: Store) -> dict[str, int]:
    """Rows per synced table (archived included), plus erased rows."""
    counts = {}
    for name in sorted(SYNCED_TABLES):
        counts[name] = store.db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
    counts["_tombstones"] = store.db.execute("SELECT count(*) FROM _tombstones").fetchone()[0]
    return counts


def database_report(store: Store) -> DatabaseReport:
    return DatabaseReport(
        site_id=store.site_id,
        schema_version=schema_version(),
        counts=row_counts(store),
        problems=integrity_check(store.db),
    )
