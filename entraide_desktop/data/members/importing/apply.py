"""Writing a confirmed import: one transaction, so a cancelled or failed import writes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ....i18n import _
from ... import rows
from ...errors import EntraideError
from ...people import ROLES, consent_id
from ...store import Store
from ..memberships import PeriodOf, clean_membership, default_period
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

    def summary(self) -> str:
        from ....i18n import ngettext

        parts = [
            ngettext("{n} personne ajoutée", "{n} personnes ajoutées", self.created).format(n=self.created),
            ngettext("{n} fiche complétée", "{n} fiches complétées", self.merged).format(n=self.merged),
            ngettext("{n} doublon ignoré", "{n} doublons ignorés", self.skipped).format(n=self.skipped),
            ngettext("{n} ligne rejetée", "{n} lignes rejetées", self.rejected).format(n=self.rejected),
        ]
        return _("Importation terminée : {parts}.").format(parts=", ".join(parts))


def _person_values(row: ImportRow) -> dict[str, Any]:
    values = {k: v for k, v in row.person.items() if v not in (None, "")}
    values["roles"] = json.dumps([r for r in ROLES if r in row.person.get("roles", [])])
    return values


def _consents(store: Store, person_id: str, row: ImportRow, today: dt.date, *, keep_existing: bool) -> None:
    for purpose, given in row.consents.items():
        row_id = consent_id(person_id, purpose)
        if not given or (keep_existing and rows.get(store, "consents", row_id) is not None):
            continue  # « non » means never given; the register's own record of a consent wins
        rows.insert(store, "consents", {"person_id": person_id, "purpose": purpose, "granted": 1,
                                        "granted_on": today.isoformat()}, row_id=row_id)


def _membership(store: Store, person_id: str, row: ImportRow, period_of: PeriodOf) -> None:
    if not row.membership:
        return
    values = clean_membership(row.membership, period_of)
    same = store.db.execute(
        "SELECT 1 FROM memberships WHERE person_id = ? AND period_start = ? AND archived = 0",
        [person_id, values["period_start"]],
    ).fetchone()
    if same is None:
        rows.insert(store, "memberships", {"person_id": person_id, **values})


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
    created = merged = 0
    period_of = default_period(store)  # the group's membership year, read once
    with store.write():
        for done, row in enumerate(todo, start=1):
            if progress is not None and done % 50 == 0:
                if getattr(progress, "cancelled", False):
                    raise ImportCancelled(_("Importation annulée : rien n'a été écrit."))
                progress(done, len(todo), _("Importation : {done} sur {total}").format(done=done, total=len(todo)))
            if row.action == "merge" and row.duplicate_of:
                current = rows.require(store, "people", row.duplicate_of)
                changes = merged_values(current, _person_values(row))
                if changes:
                    rows.update(store, "people", row.duplicate_of, changes)
                _consents(store, row.duplicate_of, row, today, keep_existing=True)
                _membership(store, row.duplicate_of, row, period_of)
                merged += 1
            else:
                person_id = rows.insert(store, "people", _person_values(row))
                _consents(store, person_id, row, today, keep_existing=False)
                _membership(store, person_id, row, period_of)
                created += 1
    if progress is not None:
        progress(len(todo), len(todo), "")
    return ImportResult(created, merged, preview.count("skip"), preview.count("reject"))
