"""« Fiches à vérifier »: the cells an import could not read, person by person, until each is fixed.

Each cell is an ``import_checks`` row. It leaves the list when the secretary marks it fixed, or
by itself once the person's field it was meant for has a value (typed in the person form):
either way an archive through the write path, so the list is the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import rows
from ...people import display_name
from ...store import Store

TABLE = "import_checks"


@dataclass(frozen=True)
class PendingCheck:
    id: str
    person_id: str
    field: str
    column: str
    raw: str
    message: str


@dataclass(frozen=True)
class PersonToCheck:
    person_id: str
    name: str
    checks: tuple[PendingCheck, ...]


FILLED_BY_HAND = frozenset({"phone", "mobile", "email", "member_since"})
"""Fields left empty when their cell was unreadable: once typed in the form, the cell is fixed.
(Roles and status get a default instead, consents and fees live elsewhere: marked by hand.)"""


def _filled(person: dict, field: str) -> bool:
    return field in FILLED_BY_HAND and bool(person.get(field))


def people_to_check(store: Store, *, tidy: bool = True) -> list[PersonToCheck]:
    """The people with cells still to check, by name; with ``tidy``, cells already fixed are cleared first."""
    found: dict[str, list[PendingCheck]] = {}
    for cid, pid, field, column, raw, message in store.db.execute(
        "SELECT id, person_id, field, column_name, raw_value, message FROM import_checks WHERE archived = 0 "
        "ORDER BY rowid"
    ).fetchall():
        found.setdefault(pid, []).append(PendingCheck(cid, pid, field or "", column or "", raw or "", message or ""))
    result = []
    fixed: list[str] = []
    for pid, checks in found.items():
        person = rows.get(store, "people", pid)
        if person is None or person.get("archived"):
            continue
        left = [c for c in checks if not (tidy and _filled(person, c.field))]
        fixed += [c.id for c in checks if c not in left]
        if left:
            result.append(PersonToCheck(pid, display_name(person), tuple(left)))
    if fixed:
        clear_checks(store, fixed)
    return sorted(result, key=lambda p: p.name.casefold())


def clear_checks(store: Store, check_ids: list[str]) -> None:
    """Take fixed cells off the list (archived: syncs, stays in history)."""
    with store.write():
        for check_id in check_ids:
            rows.archive(store, TABLE, check_id)


def count_to_check(store: Store) -> int:
    """How many people still have cells to check (for the register's button)."""
    row = store.db.execute(
        "SELECT count(DISTINCT c.person_id) FROM import_checks c JOIN people p ON p.id = c.person_id "
        "WHERE c.archived = 0 AND p.archived = 0"
    ).fetchone()
    return int(row[0])
