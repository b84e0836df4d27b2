"""Merge another machine's full state into this database, through ``rows.py``.

Planning reads this database once and compares texts, so that what is already known is
skipped without decoding; only records that bring something new are checked (``checks.Guard``:
impossible stamps, counters, types and sizes bounded) and merged, each with ``rows.merge_remote``
(erased rows with ``rows.apply_tombstone``). Planning writes nothing; the caller runs
:func:`apply_plan` inside one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ...i18n import _
from .. import rows
from ..clock import wall_ms
from ..schema.registry import spec_for
from ..store import Store
from ..versions import RecordState, decode_record, merge_record
from .checks import Guard
from .container import BundleRefused
from .state import Snapshot, Tombstone
from ..members.erased_rows import BLANKED, reach

ProgressFn = Callable[[int, int, str], None]
CHUNK = 500  # records merged per batch (progress is reported between batches)


@dataclass
class TableChanges:
    new: int = 0
    changed: int = 0
    archived: int = 0
    restored: int = 0
    erased: int = 0

    def add(self, other: TableChanges) -> None:
        self.new += other.new
        self.changed += other.changed
        self.archived += other.archived
        self.restored += other.restored
        self.erased += other.erased

    @property
    def total(self) -> int:
        return self.new + self.changed + self.archived + self.restored + self.erased


@dataclass
class Plan:
    tombstones: list[Tombstone] = field(default_factory=list)
    merges: list[tuple[str, str, RecordState, bool]] = field(default_factory=list)  # table, id, remote, new here
    records: int = 0
    max_remote_wall_ms: int = 0

    @property
    def empty(self) -> bool:
        return not self.tombstones and not self.merges


def _decode(text: str) -> RecordState:
    try:
        return decode_record(text)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        raise BundleRefused(_("Le contenu de ce fichier est illisible : il n'a pas été importé et rien n'a changé.")) from None


def plan_merge(store: Store, snapshot: Snapshot, guard: Guard | None = None) -> Plan:
    """What the remote state brings that this database does not have (reads only).

    Every record and tombstone that would change something is checked by ``guard`` first.
    """
    guard = guard or Guard.for_store(store)
    plan = Plan(records=len(snapshot.records))
    erased = {(t, r) for t, r in store.db.execute("SELECT tbl, row_id FROM _tombstones").fetchall()}
    local_text = {(t, r): s for t, r, s in store.db.execute("SELECT tbl, row_id, state FROM _versions").fetchall()}
    fields: dict[str, set[str]] = {}
    for stone in snapshot.tombstones:
        if (stone.table, stone.row_id) not in erased:
            guard.tombstone(stone.row_id, stone.site, stone.hlc, stone.author)
            plan.tombstones.append(stone)
    remote_erased = {(s.table, s.row_id) for s in snapshot.tombstones}
    for table, row_id, text in snapshot.records:
        key = (table, row_id)
        if key in erased or key in remote_erased:
            continue
        mine = local_text.get(key)
        if mine == text:
            continue
        remote = _decode(text)
        synced = fields.get(table)
        if synced is None:
            synced = fields[table] = set(rows.fields_of(store, table))
        remote = guard.record(store, table, row_id, {name: state for name, state in remote.items() if name in synced})
        if not remote:
            continue
        if mine is not None:
            local = _decode(mine)
            merged = merge_record(local, remote)
            if all(local.get(name) == state for name, state in merged.items()):
                continue
        for state in remote.values():
            for sibling in state.siblings:
                plan.max_remote_wall_ms = max(plan.max_remote_wall_ms, wall_ms(sibling.hlc))
        plan.merges.append((table, row_id, remote, mine is None))
    return plan


def apply_plan(store: Store, plan: Plan, progress: ProgressFn | None = None) -> dict[str, TableChanges]:
    """Apply a plan (inside the caller's transaction); returns what changed, per table."""
    changes: dict[str, TableChanges] = {}
    arrived: set[tuple[str, str]] = set()  # rows new here
    total = len(plan.tombstones) + len(plan.merges)
    done = 0
    with store.write():
        for stone in plan.tombstones:
            spec_for(stone.table)
            if rows.apply_tombstone(store, stone.table, stone.row_id, stone.site, stone.hlc, stone.author):
                changes.setdefault(stone.table, TableChanges()).erased += 1
            done += 1
        by_table: dict[str, list[tuple[str, RecordState, bool]]] = {}
        for table, row_id, remote, new in plan.merges:
            by_table.setdefault(table, []).append((row_id, remote, new))
        for table, items in by_table.items():
            for start in range(0, len(items), CHUNK):
                chunk = items[start : start + CHUNK]
                changed = rows.merge_remote_many(store, table, [(row_id, remote) for row_id, remote, _new in chunk])
                counts = changes.setdefault(table, TableChanges())
                for row_id, remote, new in chunk:
                    fields = changed.get(row_id)
                    if not fields:
                        continue
                    if new:
                        counts.new += 1
                        arrived.add((table, row_id))
                    elif fields == {rows.ARCHIVED} and remote.get(rows.ARCHIVED):
                        if (rows.get(store, table, row_id) or {}).get(rows.ARCHIVED):
                            counts.archived += 1
                        else:
                            counts.restored += 1
                    else:
                        counts.changed += 1
                done += len(chunk)
                if progress is not None:
                    progress(done, total, _("Intégration des modifications reçues…"))
        _reach_erased_people(store, changes, arrived)
    return {table: counts for table, counts in changes.items() if counts.total}


def _reach_erased_people(store: Store, changes: dict[str, TableChanges], arrived: set[tuple[str, str]]) -> None:
    """Rows of people erased for good, arrived now or earlier, are erased or blanked (``erased_rows``);
    a row that arrived in this very import and is erased at once is not counted at all."""

    blanked = {table for table, _column, _fields in BLANKED}
    for table, ids in reach(store).items():
        counts = changes.setdefault(table, TableChanges())
        for row_id in ids:
            if table in blanked:
                counts.changed += (table, row_id) not in arrived
            elif (table, row_id) in arrived:
                counts.new -= 1
            else:
                counts.erased += 1
