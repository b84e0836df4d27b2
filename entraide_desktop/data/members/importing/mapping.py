"""Which column of the file goes into which field: guessed from the headers (French or English,
usual synonyms) and from the values, then corrected by the secretary in the preview."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ....i18n import N_, _
from ...errors import ValidationError
from ...people import CONSENT_PURPOSES
from ...text import fold
from ...validation import normalise_email, normalise_phone, parse_bool, parse_date, parse_status, role_code
from .cells import fee_cell, import_date, year_in_header

IGNORE = ""

TARGETS: dict[str, str] = {
    IGNORE: N_("— Ne pas importer —"),
    "first_name": N_("Prénom"),
    "last_name": N_("Nom de famille"),
    "full_name": N_("Nom complet (prénom et nom)"),
    "display_name": N_("Nom choisi"),
    "roles": N_("Rôles"),
    "status": N_("Statut (actif ou inactif)"),
    "phone": N_("Téléphone"),
    "mobile": N_("Cellulaire"),
    "email": N_("Courriel"),
    "address": N_("Adresse"),
    "city": N_("Ville (ajoutée à l'adresse)"),
    "postal_code": N_("Code postal (ajouté à l'adresse)"),
    "contact_method": N_("Moyen de contact préféré"),
    "contact_hours": N_("Moments pour joindre la personne"),
    "emergency_contact": N_("Personne à joindre en cas d'urgence"),
    "member_since": N_("Membre depuis"),
    "notes": N_("Notes"),
    **{f"consent:{p}": N_("Consentement : {label}") for p in CONSENT_PURPOSES},
    "membership_paid_on": N_("Cotisation payée le"),
    "membership_amount": N_("Montant de la cotisation"),
    "membership_paid": N_("Cotisation payée (oui, x ou montant)"),
    "archived": N_("Archivé·e (oui ou non)"),
}
NAME_TARGETS = ("first_name", "last_name", "full_name", "display_name")
REPEATABLE = {"notes", IGNORE}
FEE_PAID = "membership_paid"
"""« Cotisation payée », « Payé 2024 », « 2023 »: ``membership_paid:2024`` names the year (its exercice)."""


def repeatable(target: str) -> bool:
    """Targets that several columns may feed: notes, and one fee column per year."""
    return target in REPEATABLE or target.startswith(FEE_PAID)


def fee_target(year: int) -> str:
    return f"{FEE_PAID}:{year}"


def target_label(target: str) -> str:
    if target.startswith(FEE_PAID + ":"):
        return _("Cotisation {year} payée (oui, x ou montant)").format(year=target.partition(":")[2])
    label = _(TARGETS[target])
    if target.startswith("consent:"):
        return label.format(label=_(CONSENT_PURPOSES[target.split(":", 1)[1]]))
    return label


_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("prenom", "prenoms", "prenom usuel", "first name", "firstname", "given name", "first", "prenom du membre"),
    "last_name": ("nom", "nom de famille", "last name", "lastname", "surname", "family name", "nom famille", "last"),
    "full_name": ("nom complet", "name", "full name", "nom et prenom", "prenom et nom", "nom prenom", "prenom nom",
                  "nom, prenom", "membre", "participant", "participante", "personne"),
    "display_name": ("nom choisi", "nom d'usage", "surnom", "pseudo", "pseudonyme", "nickname", "preferred name",
                     "chosen name", "nom usuel", "nom affiche", "appele"),
    "roles": ("role", "roles", "fonction", "type", "categorie", "type de membre", "category", "membership type"),
    "status": ("statut", "status", "etat", "actif", "actif/inactif", "active"),
    "phone": ("telephone", "tel", "phone", "telephone maison", "telephone domicile", "home phone", "no de telephone",
              "numero de telephone", "telephone principal", "no tel", "telephone 1", "phone number", "domicile", "maison"),
    "mobile": ("cellulaire", "cell", "cel", "mobile", "portable", "cell phone", "telephone cellulaire", "texto",
               "telephone 2", "mobile phone", "no cellulaire"),
    "email": ("courriel", "e-mail", "email", "mail", "adresse courriel", "adresse electronique", "courrier electronique",
              "e mail", "adresse e-mail", "adresse email", "email address", "e-mail address", "mel"),
    "address": ("adresse", "adresse postale", "address", "street", "rue", "adresse civique", "street address",
                "adresse complete"),
    "city": ("ville", "city", "municipalite", "town"),
    "postal_code": ("code postal", "postal code", "zip", "zip code", "cp"),
    "contact_method": ("moyen de contact", "moyen de contact prefere", "contact prefere", "preferred contact",
                       "mode de contact"),
    "contact_hours": ("heures", "disponibilites", "moments pour joindre", "moments pour joindre la personne",
                      "heures pour joindre", "best time to call", "quand appeler", "heures d'appel"),
    "emergency_contact": ("contact d'urgence", "personne a joindre en cas d'urgence", "en cas d'urgence", "urgence",
                          "emergency contact", "contact en cas d'urgence", "personne a contacter en cas d'urgence"),
    "member_since": ("date d'adhesion", "membre depuis", "adhesion", "date d'inscription", "inscription", "member since",
                     "date joined", "joined", "depuis", "date d'arrivee", "arrivee", "date d'entree", "date adhesion"),
    "notes": ("notes", "note", "remarques", "remarque", "commentaires", "commentaire", "comments", "remarks"),
    "consent:phone_network": ("reseau telephonique", "liste telephonique", "liste de telephone", "chaine d'appels", "reseau de soutien telephonique", "reseau d'entraide telephonique",
                              "reseau tel", "phone network", "phone tree", "chaine telephonique", "appels d'entraide"),
    "consent:calendar_leader": ("nomme dans le calendrier", "nom au calendrier", "nomme·e dans le calendrier comme "
                                "animateur·trice", "animateur au calendrier", "calendar leader", "calendrier"),
    "consent:photos": ("photos", "photo", "ok photo", "ok photos", "consentement photo", "droit a l'image", "photo consent", "photos ok"),
    "consent:mailings": ("envois", "envois postaux", "infolettre", "mailings", "newsletter", "envois postaux et courriels",
                         "liste d'envoi", "bulletin"),
    "membership_paid_on": ("cotisation", "cotisation payee le", "date de cotisation", "date de paiement", "paye le",
                           "payee le", "carte de membre", "renouvellement", "derniere cotisation payee le",
                           "membership paid", "dues paid", "date cotisation"),
    "membership_amount": ("montant", "montant de la cotisation", "montant paye", "amount", "cotisation ($)",
                          "cotisation $", "montant ($)"),
    "archived": ("archive", "archivee", "archive·e", "archived"),
    FEE_PAID: ("cotisation payee", "cotisation payee (oui/non)", "paye", "payee", "membre en regle", "en regle",
               "cotisation annuelle payee", "carte de membre payee", "dues paid (y/n)", "paid", "cotisation a jour"),
    IGNORE: ("id", "no", "numero", "#", "no de membre", "numero de membre"),
}


def _normalise(header: str) -> str:
    text = fold(header).replace("’", "'")
    text = re.sub(r"[*:?!]+", " ", text)
    text = re.sub(r"\s*\(\s*(oui|o|yes)\s*/\s*(non|n|no)\s*\)\s*", " ", text)
    return " ".join(text.split()).strip(" .")


_EXACT = {syn: target for target, syns in _SYNONYMS.items() for syn in syns}
# Words found inside longer headers, most specific first.
_CONTAINS = (
    ("courriel", "email"), ("e-mail", "email"), ("email", "email"), ("cellulaire", "mobile"), ("cell", "mobile"),
    ("urgence", "emergency_contact"), ("emergency", "emergency_contact"), ("reseau", "consent:phone_network"),
    ("photo", "consent:photos"), ("liste tel", "consent:phone_network"),
    ("telephonique", "consent:phone_network"), ("en regle", FEE_PAID), ("paye", FEE_PAID), ("infolettre", "consent:mailings"), ("envoi", "consent:mailings"),
    ("cotisation", "membership_paid_on"), ("adhesion", "member_since"), ("inscription", "member_since"),
    ("telephone", "phone"), ("phone", "phone"), ("prenom", "first_name"), ("first", "first_name"),
    ("code postal", "postal_code"), ("adresse", "address"), ("address", "address"), ("ville", "city"),
    ("role", "roles"), ("statut", "status"), ("note", "notes"), ("commentaire", "notes"), ("nom de famille", "last_name"),
    ("last name", "last_name"), ("surname", "last_name"),
)


def header_target(header: str) -> str | None:
    """The field a header names, or None when it is not recognised (IGNORE for known columns to skip)."""
    text = _normalise(header)
    if not text:
        return None
    if text in _EXACT:
        return _EXACT[text]
    if re.fullmatch(r"(19|20)\d\d(\s*-\s*(19|20)?\d\d)?", text):
        return FEE_PAID  # a column per year: « 2022 », « 2023 », « 2023-2024 »
    for word, target in _CONTAINS:
        if word in text:
            return target
    return None


def find_header(rows: Sequence[tuple[int, list[str]]]) -> int | None:
    """Index of the header row among the first ten (a title line may come first), or None."""
    best, best_count = None, 0
    for index, (_line, cells) in enumerate(rows[:10]):
        count = sum(1 for c in cells if header_target(c) not in (None, IGNORE))
        if count > best_count:
            best, best_count = index, count
    return best


def _share(values: list[str], check) -> float:  # type: ignore[no-untyped-def]
    filled = [v for v in values if v]
    if not filled:
        return 0.0
    ok = 0
    for value in filled:
        try:
            check(value)
            ok += 1
        except ValidationError:
            pass
    return ok / len(filled)


def _roles_share(values: list[str]) -> float:
    filled = [v for v in values if v]
    return sum(1 for v in filled if role_code(v) is not None) / len(filled) if filled else 0.0


def _by_values(target: str | None, header: str, values: list[str], default_year: int | None) -> str | None:
    """The header's guess checked against what the column holds.

    Yes/no words never go to a date: a « Cotisation payée » of « oui »/« non » is a fee paid for
    the year the header names (else the current one). Free text (« Remarques », « Allergies »)
    goes nowhere unless the secretary sends it to the notes: health information is never
    brought in silently.
    """
    if target == "notes":
        return IGNORE
    if target in ("member_since", "membership_paid_on", FEE_PAID) and _share(values, import_date) < 0.8:
        if _share(values, fee_cell) >= 0.8 and (target != "member_since" or _share(values, parse_bool) >= 0.8):
            year = year_in_header(header) or default_year
            return fee_target(year) if year else FEE_PAID
        return IGNORE if target == FEE_PAID else target
    if target == FEE_PAID:  # « Payé » holding dates: the day it was paid
        return "membership_paid_on"
    return target


def guess_by_values(values: list[str]) -> str | None:
    """A field for a column without a recognised header, from what it holds."""
    if _share(values, normalise_email) >= 0.8:
        return "email"
    if _share(values, normalise_phone) >= 0.8:
        return "phone"
    if _roles_share(values) >= 0.8:
        return "roles"
    if _share(values, parse_date) >= 0.8:
        return "member_since"
    return None


def guess_mapping(headers: list[str], samples: list[list[str]], default_year: int | None = None) -> list[str]:
    """A target per column (IGNORE when unknown); each field is used once, except fee years."""
    width = max([len(headers), *(len(r) for r in samples)], default=0)
    columns = [[row[i] if i < len(row) else "" for row in samples] for i in range(width)]
    mapping: list[str] = []
    used: set[str] = set()
    for index in range(width):
        header = headers[index] if index < len(headers) else ""
        target = header_target(header) if header else None
        values = columns[index]
        # « Statut » often holds roles (Membre, Intervenante…) in the lists groups keep.
        if target == "status" and _roles_share(values) >= 0.6 and _share(values, parse_status) < 0.5:
            target = "roles"
        elif target == "roles" and _share(values, parse_status) >= 0.8:
            target = "status"
        elif target and target.startswith("consent:") and _share(values, parse_bool) < 0.5:
            target = None
        if target is None:
            target = guess_by_values(values)
        target = _by_values(target, header, values, default_year)
        if target == "phone" and "phone" in used and "mobile" not in used:
            target = "mobile"
        if target == "last_name" and "full_name" in used:
            target = None
        if target is None or (target in used and not repeatable(target)):
            target = IGNORE
        used.add(target)
        mapping.append(target)
    if "last_name" in used and not used & {"first_name", "full_name", "display_name"}:
        # A lone « Nom » column holds whole names.
        mapping = ["full_name" if t == "last_name" else t for t in mapping]
    return mapping
