"""Names a person understands for records and fields of any synced table.

A table may declare ``field_labels`` in its :class:`SyncedTable`; otherwise the common
field names below are used, and anything else is shown as its column name made readable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...i18n import N_, _
from ..members.fields import PERSON_FIELDS
from ..schema.registry import SYNCED_TABLES

COMMON_FIELDS: dict[str, str] = {
    "archived": N_("Archivée ou active"),
    **PERSON_FIELDS,
    "note": N_("Note"),
    "name": N_("Nom"),
    "region": N_("Région"),
    "title": N_("Titre"),
    "description": N_("Description"),
    "place": N_("Lieu"),
    "start_at": N_("Début"),
    "end_at": N_("Fin"),
    "date": N_("Date"),
    "reason": N_("Raison"),
    "text": N_("Texte"),
    "outcome": N_("Résultat"),
    "minutes": N_("Procès-verbal"),
    "notice_text": N_("Texte de l'avis de convocation"),
    "votes_for": N_("Votes pour"),
    "votes_against": N_("Votes contre"),
    "abstentions": N_("Abstentions"),
    "head_count": N_("Nombre de personnes présentes"),
    "period_start": N_("Début de la période"),
    "period_end": N_("Fin de la période"),
    "paid_on": N_("Payée le"),
    "amount": N_("Montant"),
    "purpose": N_("Usage"),
    "granted": N_("Consentement donné"),
    "granted_on": N_("Donné le"),
    "withdrawn_on": N_("Retiré le"),
    "handover_notes": N_("Notes de passation"),
}


def field_label(table: str, field: str) -> str:
    spec = SYNCED_TABLES.get(table)
    declared: Mapping[str, str] = getattr(spec, "field_labels", None) or {}
    if field in declared:
        return _(declared[field])
    if field in COMMON_FIELDS:
        return _(COMMON_FIELDS[field])
    text = field.replace("_id", "").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def record_label(table: str, row: Mapping[str, Any]) -> str:
    """How the record is named for a person: a person's chosen or full name, a title…"""
    if not row:
        return _("Fiche effacée")
    if table == "people":
        from ..people import display_name

        return display_name(dict(row))
    spec = SYNCED_TABLES.get(table)
    parts = [str(row.get(name)).strip() for name in (spec.label_fields if spec else ()) if row.get(name)]
    parts = [p for p in parts if p]
    if parts:
        return " — ".join(parts)
    return _("Fiche sans titre")
