"""The one write path for synced rows: ids, per-field versions, archive and erase.

Every change to a synced table goes through these functions, which, in one transaction,
write the plain value into the table (so queries stay simple), record the field's new
version (this machine's dot and hybrid-clock time, who made it) and append to the history.
Nothing else may write to a synced table. How rows are stored is in ``row_storage``; the merge of
another machine's state (``merge_remote``…) in ``row_merge``, reached from here.
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
from .row_merge import apply_tombstone, merge_remote, merge_remote_many  # noqa: F401  (the write path's merge side)
from .row_storage import (  # noqa: F401  (rows.get, rows.fields_of…: read through the write path's module)
    ARCHIVED,
    LOG,
    SAVE_STATE,
    bury,
    fields_of,
    get,
    history_params,
    is_erased,
    log_history,
    plain_statement,
    record_state,
    save_state,
    state_params,
    write_plain,
)
from .schema.registry import deterministic_id  # noqa: F401  (rows.deterministic_id: the write path's API)
from .store import Store
from .versions import FieldState, Sibling, Value, decode_record, local_write
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


def require(store: Store, table: str, row_id: str) -> dict[str, Any]:
    """The row, or a clear error when it does not exist or was erased."""
    row = get(store, table, row_id)
    if row is not None:
        return row
    if is_erased(store, table, row_id):
        raise ErasedRow(_("Cette fiche a été effacée définitivement : elle ne peut plus être modifiée."))
    raise NotFound(_("Cette fiche n'existe pas ou plus (elle a peut-être été effacée sur un autre poste)."))


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
    save_state(store, table, row_id, state)
    if current is None:
        row = {name: None for name in fields_of(store, table)}
        row[ARCHIVED] = 0
    else:
        row = {k: v for k, v in current.items() if not k.startswith("_")}
    row.update(values)
    write_plain(store, table, row_id, row, exists=current is not None)
    log_history(store, table, row_id, changes)


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
            states.append(state_params(table, row_id, {name: local_write(None, s) for name, s in siblings}))
            history += history_params(table, row_id, siblings)
            row = {name: None for name in fields}
            row.update(clean)
            sql, params = plain_statement(table, row_id, row, exists=False)
            plain.setdefault(sql, []).append(params)
        store.db.conn.executemany(SAVE_STATE, states)
        for sql, params_list in plain.items():
            store.db.conn.executemany(sql, params_list)
        store.db.conn.executemany(LOG, history)
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
        bury(store, table, row_id, store.site_id, hlc, store.author.name)


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
