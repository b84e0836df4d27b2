"""What each import brought in, and undoing the last one as a single, synced, recorded step.

An import (a member list, a calendar file) writes one ``imports`` row listing every row it
created and the values it replaced in records it completed. Undoing archives what it created
and puts the replaced values back, through the write path: it syncs like any change and stays
in each record's history. Undo is offered for the last import of this machine until the next
sync received (after that, other machines may have built on it: fix the records instead).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from ..i18n import _, ngettext
from . import rows
from .errors import EntraideError
from .store import Store
from .sync.state import stored_vector

TABLE = "imports"
UNDO_ORDER = ("import_checks", "imported_events", "activity_exceptions", "activity_leaders", "consents",
              "memberships", "activities", "people")


@dataclass
class ImportLog:
    """Collects what an import writes; :meth:`save` records it (inside the import's transaction)."""

    kind: str
    file_name: str
    id: str = field(default_factory=rows.new_id)
    made: dict[str, list[str]] = field(default_factory=dict)
    before: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def created(self, table: str, row_id: str) -> None:
        self.made.setdefault(table, []).append(row_id)

    def replaced(self, table: str, row_id: str, previous: dict[str, Any]) -> None:
        self.before.setdefault(table, {}).setdefault(row_id, {}).update(
            {k: v for k, v in previous.items() if k not in self.before.get(table, {}).get(row_id, {})})

    def save(self, store: Store, summary: str) -> str:

        rows.insert(store, TABLE, {
            "kind": self.kind, "file_name": self.file_name,
            "imported_at": dt.datetime.now().replace(microsecond=0).isoformat(), "summary": summary,
            "created": json.dumps(self.made), "replaced": json.dumps(self.before, ensure_ascii=False),
            "sync_mark": json.dumps(stored_vector(store), sort_keys=True), "site": store.site_id,
        }, row_id=self.id)
        return self.id


@dataclass(frozen=True)
class ImportRecord:
    id: str
    kind: str
    file_name: str
    imported_at: str
    summary: str
    undone_at: str
    can_undo: bool
    why_not: str = ""

    def describe(self) -> str:
        when = self.imported_at.replace("T", " ")[:16]
        return _("« {name} », importé le {when} : {summary}").format(name=self.file_name, when=when, summary=self.summary)


def last_import(store: Store, kind: str | None = None) -> ImportRecord | None:
    """The most recent import not undone (of ``kind`` when given), and whether it may still be undone."""
    sql = "SELECT id, kind, file_name, imported_at, summary, undone_at, sync_mark, site FROM imports WHERE archived = 0"
    args: list[Any] = []
    if kind:
        sql += " AND kind = ?"
        args.append(kind)
    found = store.db.execute(sql + " AND coalesce(undone_at, '') = '' ORDER BY imported_at DESC, rowid DESC LIMIT 1",
                             args).fetchone()
    if found is None:
        return None
    import_id, kind_, name, at, summary, undone, mark, site = found
    why = ""
    if site != store.site_id:
        why = _("Cette importation a été faite sur un autre poste : elle ne peut être annulée que là-bas.")
    elif _synced_since(store, mark):
        why = _("Une synchronisation a eu lieu depuis cette importation : corrigez plutôt les fiches une à une.")
    return ImportRecord(import_id, kind_, name or "", at or "", summary or "", undone or "", not why, why)


def _synced_since(store: Store, mark: str | None) -> bool:

    try:
        before = json.loads(mark or "{}")
    except ValueError:
        return True
    return stored_vector(store) != before


@dataclass(frozen=True)
class UndoResult:
    archived: dict[str, int]
    """Rows archived, per table."""
    restored: int
    file_name: str

    def summary(self) -> str:
        people, activities = self.archived.get("people", 0), self.archived.get("activities", 0)
        parts = []
        if people or not activities:
            parts.append(ngettext("{n} personne retirée du registre (archivée)",
                                  "{n} personnes retirées du registre (archivées)", people).format(n=people))
        if activities:
            parts.append(ngettext("{n} activité retirée du calendrier (archivée)",
                                  "{n} activités retirées du calendrier (archivées)", activities).format(n=activities))
        if self.restored:
            parts.append(ngettext("{n} fiche remise comme avant", "{n} fiches remises comme avant",
                                  self.restored).format(n=self.restored))
        return _("Importation de « {name} » annulée : {parts}.").format(name=self.file_name, parts=", ".join(parts))


def undo_import(store: Store, import_id: str) -> UndoResult:
    """Undo one import: archive what it created, put back what it replaced; one transaction."""
    with store.write():
        record = last_import(store)
        if record is None or record.id != import_id:
            raise EntraideError(_("Seule la dernière importation peut être annulée."))
        if not record.can_undo:
            raise EntraideError(record.why_not)
        row = rows.require(store, TABLE, import_id)
        made: dict[str, list[str]] = json.loads(row.get("created") or "{}")
        before: dict[str, dict[str, dict[str, Any]]] = json.loads(row.get("replaced") or "{}")
        archived: dict[str, int] = {}
        restored = 0
        for table in sorted(made, key=lambda t: UNDO_ORDER.index(t) if t in UNDO_ORDER else -1):
            for row_id in made[table]:
                current = rows.get(store, table, row_id)
                if current is not None and not current.get("archived"):
                    rows.archive(store, table, row_id)
                    archived[table] = archived.get(table, 0) + 1
        for table, records in before.items():
            for row_id, values in records.items():
                if rows.get(store, table, row_id) is not None:
                    rows.update(store, table, row_id, values)
                    restored += 1
        rows.update(store, TABLE, import_id, {"undone_at": dt.datetime.now().replace(microsecond=0).isoformat()})
    return UndoResult(archived, restored, record.file_name)


def undone_rows(store: Store, table: str) -> set[str]:
    """Ids of ``table`` created by imports that were undone (archived: not duplicates any more)."""
    found: set[str] = set()
    for (created,) in store.db.execute(
        "SELECT created FROM imports WHERE coalesce(undone_at, '') != ''"
    ).fetchall():
        found.update(json.loads(created or "{}").get(table, []))
    return found


def forget_person(store: Store, person_id: str) -> None:
    """Erase the records of imports that kept this person's former values (a Law 25 erasure).

    Such an import can no longer be undone; the rows it created stay as they are.
    """
    for (import_id,) in store.db.execute(
        "SELECT id FROM imports WHERE replaced LIKE ?", [f"%{person_id}%"]
    ).fetchall():
        rows.erase(store, TABLE, import_id)
