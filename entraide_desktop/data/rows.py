"""The one write path for synced rows: ids, per-field versions, archive and erase.

Every change to a synced table goes through these functions, which, in one transaction,
write the plain value into the table (so queries stay simple), record the field's new
version (this machine's dot and hybrid-clock time, who made it) and append to the history.
Nothing else may write to a synced table.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..i18n import _
from .clock import to_seconds
from .errors import ErasedRow, NotFound, ValidationError
from .schema.registry import deterministic_id, spec_for  # noqa: F401  (rows.deterministic_id: the write path's API)
from .store import Store
from .versions import FieldState, RecordState, Sibling, Value, decode_record, encode_record, local_write, merge_record

ARCHIVED = "archived"
MAX_TEXT_CHARS = 200_000
"""The longest text a field may hold (a long procès-verbal is about 50 000 characters); other
machines refuse longer ones in an exchange file (``sync/checks.py``), so none is written here."""


def new_id() -> str:
    return str(uuid.uuid4())


def normalise(value: Any) -> Value:
    """The stored form of a value: bools as 0/1, dates as ISO text, decimals as text."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in a synced field")


# -- table structure ----------------------------------------------------------------------------

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


def _check_fields(store: Store, table: str, values: Mapping[str, Any]) -> dict[str, Value]:
    synced = set(fields_of(store, table))
    unknown = set(values) - synced
    if unknown:
        raise ValueError(f"unknown fields for {table}: {sorted(unknown)}")
    clean = {k: normalise(v) for k, v in values.items()}
    for name, value in clean.items():
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            raise ValidationError(_("Ce texte est beaucoup trop long (plus de {n} caractères) : raccourcissez-le.")
                                  .format(n=f"{MAX_TEXT_CHARS:,}".replace(",", " ")), name)
    return clean


# -- reading ------------------------------------------------------------------------------------


def get(store: Store, table: str, row_id: str) -> dict[str, Any] | None:
    spec_for(table)
    cursor = store.db.execute(f'SELECT * FROM "{table}" WHERE id = ?', [row_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def is_erased(store: Store, table: str, row_id: str) -> bool:
    return store.db.execute("SELECT 1 FROM _tombstones WHERE tbl = ? AND row_id = ?", [table, row_id]).fetchone() is not None


def require(store: Store, table: str, row_id: str) -> dict[str, Any]:
    """The row, or a clear error when it does not exist or was erased."""
    row = get(store, table, row_id)
    if row is not None:
        return row
    if is_erased(store, table, row_id):
        raise ErasedRow(_("Cette fiche a été effacée définitivement : elle ne peut plus être modifiée."))
    raise NotFound(_("Cette fiche n'existe pas ou plus (elle a peut-être été effacée sur un autre poste)."))


def record_state(store: Store, table: str, row_id: str) -> RecordState:
    row = store.db.execute("SELECT state FROM _versions WHERE tbl = ? AND row_id = ?", [table, row_id]).fetchone()
    return decode_record(row[0]) if row else {}


_SAVE_STATE = (  # updated in place when the record exists (a REPLACE would delete and re-append it)
    "INSERT INTO _versions (tbl, row_id, state, conflicted, hlc) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (tbl, row_id) DO UPDATE SET state = excluded.state, conflicted = excluded.conflicted, "
    "hlc = excluded.hlc"
)
_VALUE_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps with options builds an encoder per call
_LOG = "INSERT INTO _history (tbl, row_id, field, value, author, site, hlc) VALUES (?, ?, ?, ?, ?, ?, ?)"


def _state_params(table: str, row_id: str, state: RecordState) -> tuple[Any, ...]:
    conflicted = int(any(f.in_conflict for f in state.values()))
    hlc = max((s.hlc for f in state.values() for s in f.siblings), default=0)
    return (table, row_id, encode_record(state), conflicted, hlc)


def _save_state(store: Store, table: str, row_id: str, state: RecordState) -> None:
    store.db.execute(_SAVE_STATE, _state_params(table, row_id, state))


def _derived(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    derive = spec_for(table).derive
    return derive(row) if derive else {}


def _history_params(table: str, row_id: str, changes: Iterable[tuple[str, Sibling]]) -> list[tuple[Any, ...]]:
    return [
        (table, row_id, name, _VALUE_JSON(s.value), s.author, s.site, s.hlc) for name, s in changes
    ]


def _log(store: Store, table: str, row_id: str, changes: Iterable[tuple[str, Sibling]]) -> None:
    store.db.conn.executemany(_LOG, _history_params(table, row_id, changes))


def _plain_statement(table: str, row_id: str, row: dict[str, Any], exists: bool) -> tuple[str, list[Any]]:
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


def _write_plain(store: Store, table: str, row_id: str, row: dict[str, Any], exists: bool) -> None:
    sql, params = _plain_statement(table, row_id, row, exists)
    store.db.execute(sql, params)


# -- local writes -------------------------------------------------------------------------------


def _write(store: Store, table: str, row_id: str, values: dict[str, Value], current: dict[str, Any] | None) -> None:
    store.note_change(table)
    site, counter, hlc = store.next_dot()
    state = record_state(store, table, row_id) if current is not None else {}
    changes = []
    for name, value in values.items():
        sibling = Sibling(site, counter, hlc, value, store.author.name)
        state[name] = local_write(state.get(name), sibling)
        changes.append((name, sibling))
    _save_state(store, table, row_id, state)
    if current is None:
        row = {name: None for name in fields_of(store, table)}
        row[ARCHIVED] = 0
    else:
        row = {k: v for k, v in current.items() if not k.startswith("_")}
    row.update(values)
    _write_plain(store, table, row_id, row, exists=current is not None)
    _log(store, table, row_id, changes)


def insert(store: Store, table: str, values: Mapping[str, Any], *, row_id: str | None = None) -> str:
    """Create a row with ``values``; returns its id (a new random UUID unless given)."""
    clean = _check_fields(store, table, values)
    clean.setdefault(ARCHIVED, 0)
    given = row_id is not None
    row_id = row_id or new_id()
    with store.write():
        if given:  # a fresh random id can be neither erased nor taken
            if is_erased(store, table, row_id):
                raise ErasedRow(_("Cette fiche a été effacée définitivement : elle ne peut pas être recréée."))
            if get(store, table, row_id) is not None:
                raise ValueError(f"{table} {row_id} already exists")
        _write(store, table, row_id, clean, None)
    return row_id


def insert_many(store: Store, table: str, rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Create many rows in one transaction; returns their ids (``id`` in a row is used when given)."""
    ids = []
    with store.write():
        for values in rows:
            values = dict(values)
            row_id = values.pop("id", None)
            ids.append(insert(store, table, values, row_id=row_id))
    return ids


def insert_new_many(store: Store, table: str, items: Iterable[tuple[str | None, Mapping[str, Any]]]) -> list[str]:
    """Create many new rows (an import): the same versions, plain rows and history as :func:`insert`,
    one dot per row, written with one statement of each kind. Given ids must be new (else nothing is written)."""
    prepared: list[tuple[str, dict[str, Value]]] = []
    for row_id, values in items:
        clean = _check_fields(store, table, values)
        clean.setdefault(ARCHIVED, 0)
        prepared.append((row_id or new_id(), clean))
    ids = [row_id for row_id, _values in prepared]
    with store.write():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            if store.db.execute(f'SELECT 1 FROM "{table}" WHERE id IN ({marks}) UNION ALL SELECT 1 FROM _tombstones '
                                f"WHERE tbl = ? AND row_id IN ({marks}) LIMIT 1", [*chunk, table, *chunk]).fetchone():
                raise ValueError(f"{table}: some of these rows already exist or were erased")
        if prepared:
            store.note_change(table)
        states, history = [], []
        plain: dict[str, list[list[Any]]] = {}
        fields = fields_of(store, table)
        for row_id, clean in prepared:
            site, counter, hlc = store.next_dot()
            siblings = [(name, Sibling(site, counter, hlc, value, store.author.name)) for name, value in clean.items()]
            states.append(_state_params(table, row_id, {name: local_write(None, s) for name, s in siblings}))
            history += _history_params(table, row_id, siblings)
            row = {name: None for name in fields}
            row.update(clean)
            sql, params = _plain_statement(table, row_id, row, exists=False)
            plain.setdefault(sql, []).append(params)
        store.db.conn.executemany(_SAVE_STATE, states)
        for sql, params_list in plain.items():
            store.db.conn.executemany(sql, params_list)
        store.db.conn.executemany(_LOG, history)
    return ids


def update(store: Store, table: str, row_id: str, values: Mapping[str, Any], *, stamp: Iterable[str] = ()) -> set[str]:
    """Change some fields; returns the names of the fields whose value (or conflict) changed.

    Writing a field that is in conflict resolves the conflict, even with the value shown. Fields in
    ``stamp`` get a new version even when their value is unchanged (a marker such as « edited »
    that must meet a concurrent « deleted » on another machine as a conflict).
    """
    clean = _check_fields(store, table, values)
    with store.write():
        current = require(store, table, row_id)
        state = record_state(store, table, row_id)
        changed = {
            k: v for k, v in clean.items()
            if current.get(k) != v or (k in state and state[k].in_conflict) or k in stamp
        }
        if changed:
            _write(store, table, row_id, changed, current)
    return set(changed)


def upsert(store: Store, table: str, row_id: str, values: Mapping[str, Any]) -> str:
    """Create the row with this (deterministic) id, or update it when it exists."""
    with store.write():
        if get(store, table, row_id) is None:
            insert(store, table, values, row_id=row_id)
        else:
            update(store, table, row_id, values)
    return row_id


def archive(store: Store, table: str, row_id: str) -> bool:
    """Archive (the reversible "delete"): syncs like any edit."""
    return bool(update(store, table, row_id, {ARCHIVED: 1}))


def restore(store: Store, table: str, row_id: str) -> bool:
    return bool(update(store, table, row_id, {ARCHIVED: 0}))


def erase(store: Store, table: str, row_id: str) -> None:
    """Erase for good: remove the row, its versions and history, and leave a tombstone that wins everywhere."""
    with store.write():
        if is_erased(store, table, row_id):
            return
        _site, _counter, hlc = store.next_dot()
        store.note_change(table)
        _remove(store, table, row_id)
        store.db.execute(
            "INSERT INTO _tombstones (tbl, row_id, site, hlc, author) VALUES (?, ?, ?, ?, ?)",
            [table, row_id, store.site_id, hlc, store.author.name],
        )


def _remove(store: Store, table: str, row_id: str) -> None:
    spec_for(table)
    store.db.execute(f'DELETE FROM "{table}" WHERE id = ?', [row_id])
    store.db.execute("DELETE FROM _versions WHERE tbl = ? AND row_id = ?", [table, row_id])
    store.db.execute("DELETE FROM _history WHERE tbl = ? AND row_id = ?", [table, row_id])


# -- merging remote state (used by sync) --------------------------------------------------------


def apply_tombstone(store: Store, table: str, row_id: str, site: str, hlc: int, author: str = "") -> bool:
    """Apply an erase received from another machine; True when something was removed here."""
    with store.write():
        if is_erased(store, table, row_id):
            return False
        store.clock.observe(hlc)
        existed = get(store, table, row_id) is not None
        store.note_change(table, local=False)
        _remove(store, table, row_id)
        store.db.execute(
            "INSERT INTO _tombstones (tbl, row_id, site, hlc, author) VALUES (?, ?, ?, ?, ?)",
            [table, row_id, site, hlc, author],
        )
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
    conn.executemany(_SAVE_STATE, [_state_params(table, m.row_id, m.state) for m in merged])
    statements: dict[str, list[list[Any]]] = {}
    for m in merged:
        sql, params = _plain_statement(table, m.row_id, m.row, m.exists)
        statements.setdefault(sql, []).append(params)
    for sql, params in statements.items():
        conn.executemany(sql, params)
    conn.executemany(_LOG, [p for m in merged for p in _history_params(table, m.row_id, m.new_siblings)])
    store.persist_clock()


# -- history and conflicts ----------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    field: str
    value: Value
    author: str
    site: str
    hlc: int

    @property
    def when(self) -> dt.datetime:
        """Local time of the change."""
        return dt.datetime.fromtimestamp(to_seconds(self.hlc))


def history(store: Store, table: str, row_id: str) -> list[Change]:
    """Every recorded change of the record, oldest first."""
    rows = store.db.execute(
        "SELECT field, value, author, site, hlc FROM _history WHERE tbl = ? AND row_id = ? ORDER BY hlc, id",
        [table, row_id],
    ).fetchall()
    return [Change(f, json.loads(v) if v is not None else None, a, s, h) for f, v, a, s, h in rows]


@dataclass(frozen=True)
class FieldConflict:
    table: str
    row_id: str
    field: str
    state: FieldState


def conflicts(store: Store, table: str | None = None) -> list[FieldConflict]:
    """Fields where concurrent edits left different values, most recent first."""
    sql = "SELECT tbl, row_id, state FROM _versions WHERE conflicted = 1"
    args: list[Any] = []
    if table:
        sql += " AND tbl = ?"
        args.append(table)
    found = []
    for tbl, row_id, state in store.db.execute(sql + " ORDER BY hlc DESC", args).fetchall():
        for name, field_state in decode_record(state).items():
            if field_state.in_conflict:
                found.append(FieldConflict(tbl, row_id, name, field_state))
    return found
