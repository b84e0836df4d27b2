"""How a synced row is kept: its plain values (with the derived ``_`` columns), its per-field
versions in ``_versions``, its history in ``_history``, its tombstone once erased.

Shared by the two sides of the write path: this machine's own writes (``rows``) and the merge of
another machine's state (``row_merge``). Nothing here decides what to write; read rows through
``rows`` (``rows.get``…), which re-exports the readers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from .schema.registry import spec_for
from .store import Store
from .versions import RecordState, Sibling, decode_record, encode_record

ARCHIVED = "archived"
_columns_cache: dict[tuple[int, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _columns(store: Store, table: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(synced fields, local ``_`` columns) of ``table``."""
    key = (id(store.db.conn), table)
    cached = _columns_cache.get(key)
    if cached is None:
        spec_for(table)
        names = [row[1] for row in store.db.execute(f'PRAGMA table_info("{table}")').fetchall()]
        synced = tuple(n for n in names if n != "id" and not n.startswith("_"))
        local = tuple(n for n in names if n.startswith("_"))
        cached = _columns_cache[key] = (synced, local)
    return cached


def fields_of(store: Store, table: str) -> tuple[str, ...]:
    return _columns(store, table)[0]


def forget_structure() -> None:
    """Drop cached table structures (after a migration adds columns)."""
    _columns_cache.clear()


def get(store: Store, table: str, row_id: str) -> dict[str, Any] | None:
    spec_for(table)
    cursor = store.db.execute(f'SELECT * FROM "{table}" WHERE id = ?', [row_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def is_erased(store: Store, table: str, row_id: str) -> bool:
    return store.db.execute("SELECT 1 FROM _tombstones WHERE tbl = ? AND row_id = ?", [table, row_id]).fetchone() is not None


def record_state(store: Store, table: str, row_id: str) -> RecordState:
    row = store.db.execute("SELECT state FROM _versions WHERE tbl = ? AND row_id = ?", [table, row_id]).fetchone()
    return decode_record(row[0]) if row else {}


SAVE_STATE = (  # updated in place when the record exists (a REPLACE would delete and re-append it)
    "INSERT INTO _versions (tbl, row_id, state, conflicted, hlc) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (tbl, row_id) DO UPDATE SET state = excluded.state, conflicted = excluded.conflicted, "
    "hlc = excluded.hlc"
)


_VALUE_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps with options builds an encoder per call


LOG = "INSERT INTO _history (tbl, row_id, field, value, author, site, hlc) VALUES (?, ?, ?, ?, ?, ?, ?)"


def state_params(table: str, row_id: str, state: RecordState) -> tuple[Any, ...]:
    conflicted = int(any(f.in_conflict for f in state.values()))
    hlc = max((s.hlc for f in state.values() for s in f.siblings), default=0)
    return (table, row_id, encode_record(state), conflicted, hlc)


def save_state(store: Store, table: str, row_id: str, state: RecordState) -> None:
    store.db.execute(SAVE_STATE, state_params(table, row_id, state))


def _derived(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    derive = spec_for(table).derive
    return derive(row) if derive else {}


def history_params(table: str, row_id: str, changes: Iterable[tuple[str, Sibling]]) -> list[tuple[Any, ...]]:
    return [
        (table, row_id, name, _VALUE_JSON(s.value), s.author, s.site, s.hlc) for name, s in changes
    ]


def log_history(store: Store, table: str, row_id: str, changes: Iterable[tuple[str, Sibling]]) -> None:
    store.db.conn.executemany(LOG, history_params(table, row_id, changes))


def plain_statement(table: str, row_id: str, row: dict[str, Any], exists: bool) -> tuple[str, list[Any]]:
    """The statement that writes the plain values of a row (derived ``_`` columns included)."""
    row = {**row, **_derived(table, row)}
    row.pop("id", None)
    columns = list(row)
    if exists:
        assignments = ", ".join(f'"{c}" = ?' for c in columns)
        return f'UPDATE "{table}" SET {assignments} WHERE id = ?', [*row.values(), row_id]
    names = ", ".join(['"id"', *(f'"{c}"' for c in columns)])
    marks = ", ".join("?" * (len(columns) + 1))
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks})', [row_id, *row.values()]


def write_plain(store: Store, table: str, row_id: str, row: dict[str, Any], exists: bool) -> None:
    sql, params = plain_statement(table, row_id, row, exists)
    store.db.execute(sql, params)


def remove_row(store: Store, table: str, row_id: str) -> None:
    spec_for(table)
    store.db.execute(f'DELETE FROM "{table}" WHERE id = ?', [row_id])
    store.db.execute("DELETE FROM _versions WHERE tbl = ? AND row_id = ?", [table, row_id])
    store.db.execute("DELETE FROM _history WHERE tbl = ? AND row_id = ?", [table, row_id])


def bury(store: Store, table: str, row_id: str, site: str, hlc: int, author: str) -> None:
    """Remove a row, its versions and history, and leave the tombstone that wins everywhere."""
    remove_row(store, table, row_id)
    store.db.execute("INSERT INTO _tombstones (tbl, row_id, site, hlc, author) VALUES (?, ?, ?, ?, ?)",
                     [table, row_id, site, hlc, author])
