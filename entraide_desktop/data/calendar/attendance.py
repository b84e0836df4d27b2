"""Attendance per occurrence: a head count, and optionally who came.

The head count is what the yearly report adds up; it is never smaller than the number of
people named, and it is kept when a person is later erased from the register (the person's
name disappears, the count stays). Rows have deterministic ids (occurrence key, and person),
so two computers recording the same evening merge into one record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ...i18n import _, ngettext
from .. import people, rows
from ..errors import ValidationError
from ..store import Store
from .occurrence import split_key
from .expand import occurrence

COUNTS = "attendance_counts"
PEOPLE = "attendance"


@dataclass(frozen=True)
class Attendance:
    key: str
    head_count: int | None  # None: not recorded yet
    person_ids: tuple[str, ...]  # who came, when recorded (erased people included: their name is gone)

    @property
    def total(self) -> int:
        return max(self.head_count or 0, len(self.person_ids))


def count_id(key: str) -> str:
    return rows.deterministic_id(COUNTS, key)


def person_row_id(key: str, person_id: str) -> str:
    return rows.deterministic_id(PEOPLE, key, person_id)


def attendance_for(store: Store, key: str) -> Attendance:
    activity_id, original = split_key(key)
    row = rows.get(store, COUNTS, count_id(key))
    head = (
        int(row["head_count"])
        if row and not row.get("archived") and row.get("head_count") is not None
        else None
    )
    person_ids = tuple(
        r[0]
        for r in store.db.execute(
            "SELECT person_id FROM attendance WHERE activity_id = ? AND original_start = ? AND "
            "archived = 0 ORDER BY rowid",
            [activity_id, original],
        ).fetchall()
    )
    return Attendance(key, head, person_ids)


def record_attendance(
    store: Store,
    key: str,
    head_count: int | None,
    person_ids: Iterable[str] | None = None,
    *,
    now: dt.datetime | None = None,
) -> Attendance:
    """Save the head count (and, when given, exactly who came) for one occurrence, in one transaction."""

    now = now or dt.datetime.now()
    with store.write():
        occ = occurrence(store, key)
        if occ is None:
            raise ValidationError(
                _("Cette occurrence n'existe plus : l'horaire de l'activité a changé entre-temps.")
            )
        if occ.cancelled:
            raise ValidationError(_("Cette occurrence a été annulée : on ne peut pas y noter de présences."))
        if occ.start.date() > now.date():
            raise ValidationError(
                _("Cette occurrence n'a pas encore eu lieu : les présences se notent le jour même ou après.")
            )
        named = list(dict.fromkeys(person_ids)) if person_ids is not None else None
        if head_count is not None and head_count < 0:
            raise ValidationError(
                _("Le nombre de personnes présentes ne peut pas être négatif."), "head_count"
            )
        if named is not None:
            for pid in named:
                if rows.get(store, "people", pid) is None and not _already_recorded(store, key, pid):
                    raise ValidationError(
                        _("Une des personnes cochées n'est plus dans le registre."), "people"
                    )
            if head_count is None:
                head_count = len(named)
            if head_count < len(named):
                raise ValidationError(
                    ngettext(
                        "Le nombre de personnes présentes ({count}) ne peut pas être plus petit que "
                        "le nombre de "
                        "personnes cochées ({named}).",
                        "Le nombre de personnes présentes ({count}) ne peut pas être plus petit que "
                        "le nombre de "
                        "personnes cochées ({named}).",
                        len(named),
                    ).format(count=head_count, named=len(named)),
                    "head_count",
                )
        activity_id, original = split_key(key)
        if head_count is None:
            raise ValidationError(_("Indiquez le nombre de personnes présentes."), "head_count")
        rows.upsert(
            store,
            COUNTS,
            count_id(key),
            {"activity_id": activity_id, "original_start": original, "head_count": head_count, "archived": 0},
        )
        if named is not None:
            _set_people(store, key, activity_id, original, named)
    return attendance_for(store, key)


def _already_recorded(store: Store, key: str, person_id: str) -> bool:
    row = rows.get(store, PEOPLE, person_row_id(key, person_id))
    return row is not None and not row.get("archived")


def _set_people(store: Store, key: str, activity_id: str, original: str, named: list[str]) -> None:
    existing = {
        pid: (rid, archived)
        for rid, pid, archived in store.db.execute(
            "SELECT id, person_id, archived FROM attendance WHERE activity_id = ? AND original_start = ?",
            [activity_id, original],
        ).fetchall()
    }
    for pid in named:
        if pid in existing:
            if existing[pid][1]:
                rows.restore(store, PEOPLE, existing[pid][0])
        else:
            rows.insert(
                store,
                PEOPLE,
                {"activity_id": activity_id, "original_start": original, "person_id": pid},
                row_id=person_row_id(key, pid),
            )
    for pid, (rid, archived) in existing.items():
        if pid not in named and not archived:
            rows.archive(store, PEOPLE, rid)


def attendance_names(store: Store, attendance: Attendance) -> list[people.PersonRef]:
    """Who came, for the secretary's screen (erased people show as « Personne retirée du registre »)."""
    return [people.person_ref(store, pid) for pid in attendance.person_ids]


def totals(store: Store, start: dt.date, end: dt.date) -> dict[str, int]:
    """Head count per occurrence key for occurrences whose original start is in ``[start, end]``."""
    cursor = store.db.execute(
        """SELECT activity_id, original_start, head_count FROM attendance_counts
           WHERE archived = 0 AND original_start >= ? AND original_start < ?""",
        [start.isoformat(), (end + dt.timedelta(days=1)).isoformat()],
    )
    return {f"{aid}@{original}": int(count or 0) for aid, original, count in cursor.fetchall()}


def person_history(store: Store, person_id: str) -> int:
    """How many occurrences a person was recorded at (for the register's card)."""
    return int(
        store.db.execute(
            "SELECT count(*) FROM attendance WHERE person_id = ? AND archived = 0", [person_id]
        ).fetchone()[0]
    )


def rekey_single(store: Store, activity_id: str, old: str, new: str) -> None:
    """A one-time activity moved to another date: its attendance follows it (new deterministic ids)."""
    old_key, new_key = f"{activity_id}@{old}", f"{activity_id}@{new}"
    row = rows.get(store, COUNTS, count_id(old_key))
    if row is not None and not row.get("archived"):
        rows.upsert(
            store,
            COUNTS,
            count_id(new_key),
            {
                "activity_id": activity_id,
                "original_start": new,
                "head_count": row["head_count"],
                "archived": 0,
            },
        )
        rows.archive(store, COUNTS, row["id"])
    for rid, pid in store.db.execute(
        "SELECT id, person_id FROM attendance WHERE activity_id = ? AND original_start = ? AND archived = 0",
        [activity_id, old],
    ).fetchall():
        rows.upsert(
            store,
            PEOPLE,
            person_row_id(new_key, pid),
            {"activity_id": activity_id, "original_start": new, "person_id": pid, "archived": 0},
        )
        rows.archive(store, PEOPLE, rid)
