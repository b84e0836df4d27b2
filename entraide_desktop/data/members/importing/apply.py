"""Writing a confirmed import: one transaction, so a cancelled or failed import writes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ....i18n import _, ngettext
from ... import group, rows
from ...errors import EntraideError
from ...import_log import ImportLog
from ...people import ROLES, consent_id
from ...store import Store
from ..memberships import PeriodOf, clean_membership
from ..merge import merged_values
from .preview import ImportPreview, ImportRow

ProgressFn = Callable[[int, int, str], None]


class ImportCancelled(EntraideError):
    pass


@dataclass(frozen=True)
class ImportResult:
    created: int
    merged: int
    skipped: int
    rejected: int
    to_check: int = 0
    """People imported with cells to check (« Fiches à vérifier »)."""
    import_id: str = ""

    def summary(self) -> str:
        parts = [
            ngettext("{n} personne ajoutée", "{n} personnes ajoutées", self.created).format(n=self.created),
            ngettext("{n} fiche complétée", "{n} fiches complétées", self.merged).format(n=self.merged),
            ngettext("{n} fiche à vérifier", "{n} fiches à vérifier", self.to_check).format(n=self.to_check),
            ngettext("{n} doublon ignoré", "{n} doublons ignorés", self.skipped).format(n=self.skipped),
            ngettext("{n} ligne rejetée", "{n} lignes rejetées", self.rejected).format(n=self.rejected),
        ]
        return _("Importation terminée : {parts}.").format(parts=", ".join(parts))


def _person_values(row: ImportRow) -> dict[str, Any]:
    values = {k: v for k, v in row.person.items() if v not in (None, "")}
    if row.checks:
        values["notes"] = "\n\n".join(p for p in (values.get("notes"), row.check_note()) if p)
    values["roles"] = json.dumps([r for r in ROLES if r in row.person.get("roles", [])])
    return values


@dataclass
class _Batch:
    """New rows of an import, written together at the end (thousands of rows: one statement per kind)."""

    rows: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    periods: set[tuple[str, str]] = field(default_factory=set)

    def add(self, table: str, values: dict[str, Any], row_id: str | None = None) -> str:
        row_id = row_id or rows.new_id()
        self.rows.setdefault(table, {}).setdefault(row_id, values)  # the same consent twice is one row
        return row_id

    def has(self, table: str, row_id: str) -> bool:
        return row_id in self.rows.get(table, {})

    def write(self, store: Store, log: ImportLog) -> None:
        for table in ("people", "consents", "memberships", "import_checks"):
            items = list(self.rows.get(table, {}).items())
            for row_id in rows.insert_new_many(store, table, items):
                log.created(table, row_id)


def _consents(store: Store, person_id: str, row: ImportRow, today: dt.date, batch: _Batch,
              *, keep_existing: bool) -> None:
    for purpose, given in row.consents.items():
        row_id = consent_id(person_id, purpose)
        if not given or batch.has("consents", row_id) or (
                keep_existing and rows.get(store, "consents", row_id) is not None):
            continue  # « non » means never given; the register's own record of a consent wins
        batch.add("consents", {"person_id": person_id, "purpose": purpose, "granted": 1,
                               "granted_on": today.isoformat()}, row_id)


def _memberships(store: Store, person_id: str, row: ImportRow, period_of: PeriodOf, year_period: PeriodOf,
                 batch: _Batch, *, existing: bool) -> None:
    for membership in row.memberships:
        if membership.get("paid_on"):
            values = clean_membership(membership, period_of)
        else:  # « Cotisation payée : oui » for a year: that year's period, no date, the amount if written
            start, end = year_period(dt.date(membership["year"], 12, 31))
            values = {"period_start": start.isoformat(), "period_end": end.isoformat(), "paid_on": None,
                      "amount": membership.get("amount"), "note": None}
        key = (person_id, values["period_start"])
        if key in batch.periods or (existing and store.db.execute(
            "SELECT 1 FROM memberships WHERE person_id = ? AND period_start = ? AND archived = 0", list(key)
        ).fetchone()):
            continue
        batch.periods.add(key)
        batch.add("memberships", {"person_id": person_id, **values})


def _checks(person_id: str, row: ImportRow, batch: _Batch, import_id: str) -> None:
    for check in row.checks:
        batch.add("import_checks", {"import_id": import_id, "person_id": person_id, "field": check.field,
                                    "column_name": check.column, "raw_value": check.raw, "message": check.message})


def apply_import(store: Store, preview: ImportPreview, progress: ProgressFn | None = None,
                 *, today: dt.date | None = None) -> ImportResult:
    """Write the rows marked « create » or « merge »; returns what was done.

    ``progress(done, total, text)`` is called now and then; when it has a true ``cancelled``
    attribute the import stops and nothing is written.
    """
    if preview.problems:
        raise EntraideError(preview.problems[0])
    today = today or dt.date.today()
    todo = [r for r in preview.rows if r.action in ("create", "merge")]
    created = merged = to_check = 0
    profile = group.profile(store)  # the group's membership year, read once
    period_of: PeriodOf = profile.membership_period
    log = ImportLog("members", preview.table.name)
    batch = _Batch()
    with store.write():
        for done, row in enumerate(todo, start=1):
            if progress is not None and done % 50 == 0:
                if getattr(progress, "cancelled", False):
                    raise ImportCancelled(_("Importation annulée : rien n'a été écrit."))
                progress(done, len(todo), _("Importation : {done} sur {total}").format(done=done, total=len(todo)))
            if row.action == "merge" and row.duplicate_of:
                person_id = row.duplicate_of
                current = rows.require(store, "people", person_id)
                changes = merged_values(current, _person_values(row))
                if changes:
                    log.replaced("people", person_id, {k: current.get(k) for k in changes})
                    rows.update(store, "people", person_id, changes)
                _consents(store, person_id, row, today, batch, keep_existing=True)
                merged += 1
            else:
                person_id = batch.add("people", _person_values(row))
                _consents(store, person_id, row, today, batch, keep_existing=False)
                created += 1
            _memberships(store, person_id, row, period_of, _label_year_period(profile), batch,
                         existing=row.action == "merge")
            _checks(person_id, row, batch, log.id)
            to_check += bool(row.checks)
        batch.write(store, log)
        result = ImportResult(created, merged, preview.count("skip"), preview.count("reject"), to_check, log.id)
        log.save(store, result.summary())
    if progress is not None:
        progress(len(todo), len(todo), "")
    return result


def _label_year_period(profile: group.GroupProfile) -> PeriodOf:
    """The period a fee column's year names: the exercice that starts in that year (or the year)."""
    def period(on: dt.date) -> tuple[dt.date, dt.date]:
        if profile.membership_year == group.CALENDAR:
            return group.fiscal_year_bounds(on.year, 1)
        return profile.fiscal_year(on.year)
    return period
