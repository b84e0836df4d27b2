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
from ..people import display_name

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
    # the treasury
    "amount_cents": N_("Montant"),
    "on": N_("Date"),
    "kind": N_("Type"),
    "account_id": N_("Compte"),
    "to_account_id": N_("Compte qui reçoit"),
    "category_id": N_("Catégorie"),
    "counterpart": N_("Payé par ou à"),
    "method": N_("Mode de paiement"),
    "reference": N_("Numéro de chèque ou de reçu"),
    "revision": N_("Modifiée ou supprimée"),
    "opening_cents": N_("Solde d'ouverture"),
    "opening_on": N_("Date du solde d'ouverture"),
    "exercice": N_("Exercice"),
    "closed_on": N_("Fermé le"),
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

        return display_name(dict(row))
    spec = SYNCED_TABLES.get(table)
    parts = [str(row.get(name)).strip() for name in (spec.label_fields if spec else ()) if row.get(name)]
    parts = [p for p in parts if p]
    if parts:
        return " — ".join(parts)
    return _("Fiche sans titre")
