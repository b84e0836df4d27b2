"""Writing a confirmed import: one transaction, so a cancelled or failed import writes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ....i18n import _
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
        from ....i18n import ngettext

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


def _consents(store: Store, person_id: str, row: ImportRow, today: dt.date, log: ImportLog,
              *, keep_existing: bool) -> None:
    for purpose, given in row.consents.items():
        row_id = consent_id(person_id, purpose)
        if not given or (keep_existing and rows.get(store, "consents", row_id) is not None):
            continue  # « non » means never given; the register's own record of a consent wins
        log.created("consents", rows.insert(store, "consents", {"person_id": person_id, "purpose": purpose,
                                                                "granted": 1, "granted_on": today.isoformat()},
                                            row_id=row_id))


def _memberships(store: Store, person_id: str, row: ImportRow, period_of: PeriodOf, year_period: PeriodOf,
                 log: ImportLog) -> None:
    for membership in row.memberships:
        if membership.get("paid_on"):
            values = clean_membership(membership, period_of)
        else:  # « Cotisation payée : oui » for a year: that year's period, no date, the amount if written
            start, end = year_period(dt.date(membership["year"], 12, 31))
            values = {"period_start": start.isoformat(), "period_end": end.isoformat(), "paid_on": None,
                      "amount": membership.get("amount"), "note": None}
        same = store.db.execute(
            "SELECT 1 FROM memberships WHERE person_id = ? AND period_start = ? AND archived = 0",
            [person_id, values["period_start"]],
        ).fetchone()
        if same is None:
            log.created("memberships", rows.insert(store, "memberships", {"person_id": person_id, **values}))


def _checks(store: Store, person_id: str, row: ImportRow, log: ImportLog) -> None:
    for check in row.checks:
        log.created("import_checks", rows.insert(store, "import_checks", {
            "import_id": log.id, "person_id": person_id, "field": check.field, "column_name": check.column,
            "raw_value": check.raw, "message": check.message}))


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
                _consents(store, person_id, row, today, log, keep_existing=True)
                merged += 1
            else:
                person_id = rows.insert(store, "people", _person_values(row))
                log.created("people", person_id)
                _consents(store, person_id, row, today, log, keep_existing=False)
                created += 1
            _memberships(store, person_id, row, period_of, _label_year_period(profile), log)
            _checks(store, person_id, row, log)
            to_check += bool(row.checks)
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
