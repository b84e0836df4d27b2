"""Merging another machine's state into this one (sync imports): field by field, through the same
storage as local writes, counting only what a person sees change. Reached as ``rows.merge_remote``…
(the one write path), kept here so that ``rows`` stays readable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .row_storage import (
    ARCHIVED,
    LOG,
    SAVE_STATE,
    bury,
    fields_of,
    get,
    history_params,
    is_erased,
    plain_statement,
    record_state,
    state_params,
)
from .store import Store
from .versions import FieldState, RecordState, Sibling, Value, decode_record, merge_record


def apply_tombstone(store: Store, table: str, row_id: str, site: str, hlc: int, author: str = "") -> bool:
    """Apply an erase received from another machine; True when something was removed here."""
    with store.write():
        if is_erased(store, table, row_id):
            return False
        store.clock.observe(hlc)
        existed = get(store, table, row_id) is not None
        store.note_change(table, local=False)
        bury(store, table, row_id, site, hlc, author)
    return existed


def merge_remote(store: Store, table: str, row_id: str, remote: RecordState) -> set[str]:
    """Merge another machine's state of a record; returns the fields whose shown value or values in
    conflict changed (versions alone may change too: they are kept, not reported)."""
    with store.write():
        if is_erased(store, table, row_id):
            return set()
        synced = set(fields_of(store, table))
        merged = _merged(store, table, row_id, record_state(store, table, row_id), remote, synced,
                         lambda: get(store, table, row_id))
        if merged is None:
            return set()
        _write_merged(store, table, [merged])
    return merged.shown


def merge_remote_many(store: Store, table: str, items: Iterable[tuple[str, RecordState]]) -> dict[str, set[str]]:
    """:func:`merge_remote` for many records of one table (distinct ids), in one transaction with
    batched reads and writes: what sync imports use. Returns the changed fields of each row a person
    sees changed."""
    items = list(items)
    synced = set(fields_of(store, table))
    with store.write():
        erased: set[str] = set()
        states: dict[str, RecordState] = {}
        current: dict[str, dict[str, Any]] = {}
        ids = [row_id for row_id, _remote in items]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            erased.update(r[0] for r in store.db.execute(
                f"SELECT row_id FROM _tombstones WHERE tbl = ? AND row_id IN ({marks})", [table, *chunk]))
            states.update((r, decode_record(t)) for r, t in store.db.execute(
                f"SELECT row_id, state FROM _versions WHERE tbl = ? AND row_id IN ({marks})", [table, *chunk]))
            cursor = store.db.execute(f'SELECT * FROM "{table}" WHERE id IN ({marks})', chunk)
            names = [c[0] for c in cursor.description]
            current.update((row[0], dict(zip(names, row, strict=True))) for row in cursor.fetchall())
        done = []
        for row_id, remote in items:
            if row_id not in erased:
                merged = _merged(store, table, row_id, states.get(row_id, {}), remote, synced,
                                 lambda row_id=row_id: current.get(row_id))
                if merged is not None:
                    done.append(merged)
        _write_merged(store, table, done)
    return {m.row_id: m.shown for m in done if m.shown}


@dataclass
class _Merged:
    """A record after a merge, to be written: its state, plain row and the versions new here."""

    row_id: str
    changed: set[str]
    state: RecordState
    row: dict[str, Any]
    exists: bool
    new_siblings: list[tuple[str, Sibling]]
    shown: set[str]  # the changed fields whose value (or values in conflict) a person sees differently


def _merged(store: Store, table: str, row_id: str, local: RecordState, remote: RecordState, synced: set[str],
            read_row: Any) -> _Merged | None:
    """Merge ``remote`` into a record whose state here is ``local`` (no write); None when nothing changes."""
    merged = merge_record(local, remote)
    changed = {name for name, state in merged.items() if name in synced and local.get(name) != state}
    if not changed:
        return None
    current = read_row()
    if current is None:
        row: dict[str, Any] = {name: None for name in synced}
        row[ARCHIVED] = 0
    else:
        row = {k: v for k, v in current.items() if not k.startswith("_")}
    new_siblings = []
    for name in changed:
        state = merged[name]
        row[name] = state.value if name != ARCHIVED else int(state.value or 0)
        seen = {s.dot for s in local[name].siblings} if name in local else set()
        new_siblings += [(name, s) for s in state.siblings if s.dot not in seen]
    for _name, sibling in new_siblings:
        store.clock.observe(sibling.hlc)
    kept = {k: v for k, v in merged.items() if k in synced}
    shown = {name for name in changed if _seen(local.get(name)) != _seen(merged[name])}
    return _Merged(row_id, changed, kept, row, current is not None, new_siblings, shown)


def _seen(state: FieldState | None) -> tuple[Value, frozenset[Value]]:
    """What a person sees of a field: its value and the values in conflict with it (two machines
    that wrote the same value, each with its own version, show nothing new to anyone)."""
    if state is None:
        return None, frozenset()
    return state.value, frozenset(s.value for s in state.siblings)


def _write_merged(store: Store, table: str, merged: list[_Merged]) -> None:
    """Write merged records (inside a write): versions, plain rows, history, the clock."""
    if not merged:
        return
    store.note_change(table, local=False)
    conn = store.db.conn
    conn.executemany(SAVE_STATE, [state_params(table, m.row_id, m.state) for m in merged])
    statements: dict[str, list[list[Any]]] = {}
    for m in merged:
        sql, params = plain_statement(table, m.row_id, m.row, m.exists)
        statements.setdefault(sql, []).append(params)
    for sql, params in statements.items():
        conn.executemany(sql, params)
    conn.executemany(LOG, [p for m in merged for p in history_params(table, m.row_id, m.new_siblings)])
    store.persist_clock()
