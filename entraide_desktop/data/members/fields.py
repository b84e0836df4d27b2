"""The fields of a person's record, their labels, and the codes stored in them.

No field may hold a diagnosis, a medication or any clinical information (VALUES.md); every
personal field is optional: a first name or a chosen name is enough.
"""

from __future__ import annotations

from ...i18n import N_, _
from ..text import fold
from ..people import ROLES
from ..people import STATUSES

PERSON_FIELDS: dict[str, str] = {
    "first_name": N_("Prénom"),
    "last_name": N_("Nom de famille"),
    "display_name": N_("Nom choisi"),
    "roles": N_("Rôles"),
    "status": N_("Statut"),
    "phone": N_("Téléphone"),
    "mobile": N_("Cellulaire"),
    "email": N_("Courriel"),
    "address": N_("Adresse"),
    "contact_method": N_("Moyen de contact préféré"),
    "contact_hours": N_("Moments pour joindre la personne"),
    "emergency_contact": N_("Personne à joindre en cas d'urgence"),
    "member_since": N_("Membre depuis"),
    "notes": N_("Notes"),
}
"""Synced fields a person edits in the form, in the form's order, with their labels."""

TEXT_FIELDS = (
    "first_name", "last_name", "display_name", "phone", "mobile", "email", "address",
    "contact_method", "contact_hours", "emergency_contact", "member_since", "notes",
)

CONTACT_METHODS: dict[str, str] = {
    "phone": N_("Téléphone"),
    "mobile": N_("Cellulaire"),
    "text": N_("Texto"),
    "email": N_("Courriel"),
    "mail": N_("Par la poste"),
    "in_person": N_("En personne, au local"),
}

MEMBERSHIP_FIELDS: dict[str, str] = {
    "period_start": N_("Début de la période"),
    "period_end": N_("Fin de la période"),
    "paid_on": N_("Payée le"),
    "amount": N_("Montant"),
    "note": N_("Note"),
}

NOTES_REMINDER = N_(
    "N'inscrivez ici aucun renseignement de santé (diagnostic, médication, suivi, hospitalisation) : "
    "l'entraide repose sur le vécu partagé, pas sur un diagnostic. Ces notes servent seulement à "
    "l'organisation (disponibilités, préférences, tâches)."
)

# Words that suggest health information in the notes: the form shows a gentle warning (it never blocks).
_HEALTH_WORDS = (
    "diagnostic", "diagnostique", "médicament", "medicament", "médication", "medication", "posologie",
    "psychiatr", "psychose", "schizophr", "bipolaire", "dépression", "depression", "anxiété", "trouble",
    "hospitalis", "internement", "urgence psy", "suicid", "antidépresseur", "antipsychotique", "lithium",
    "thérapie", "therapie", "psychologue", "symptôme", "symptome", "sevrage",
)


def health_words_in(text: str) -> list[str]:
    """Words of ``text`` that look like health information (to warn, never to block)."""

    folded = fold(text or "")
    found = []
    for word in _HEALTH_WORDS:
        key = fold(word)
        if key in folded and key not in found:
            found.append(key)
    return found


def role_label(code: str) -> str:

    return _(ROLES[code]) if code in ROLES else code


def roles_text(codes: tuple[str, ...] | list[str]) -> str:
    """``Membre, Bénévole`` in the order of :data:`people.ROLES`."""

    ordered = [c for c in ROLES if c in codes] + [c for c in codes if c not in ROLES]
    return ", ".join(role_label(c) for c in ordered)


def status_label(code: str | None, archived: bool = False) -> str:

    if archived:
        return _("Archivé·e")
    return _(STATUSES.get(code or "actif", STATUSES["actif"]))


def contact_method_label(code: str | None) -> str:
    if not code:
        return ""
    return _(CONTACT_METHODS[code]) if code in CONTACT_METHODS else code
