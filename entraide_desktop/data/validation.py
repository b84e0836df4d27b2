"""Reading what people type or import: Quebec phone numbers, e-mail, dates, yes/no, roles, amounts.

Each ``parse_*``/``normalise_*`` function returns the stored form, or raises
:class:`ValidationError` with a French message that quotes what was written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from ..i18n import _
from .errors import ValidationError
from .people import ROLES
from .text import fold

# -- phone numbers ------------------------------------------------------------------------------

_EXTENSION = re.compile(r"\s*(?:,|;)?\s*(?:poste|post\.?|p\.|ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)


def normalise_phone(text: str | None, field: str = "phone") -> str | None:
    """``(418) 555-1234``, ``418.555.1234``, ``1-418-555-1234`` → ``418 555-1234`` (None when empty).

    An extension is kept: ``418 555-1234, poste 22``. A number without its area code is refused:
    ten digits are dialled everywhere in Quebec.
    """
    text = (text or "").strip()
    if not text:
        return None
    extension = ""
    match = _EXTENSION.search(text)
    if match:
        extension = match.group(1)
        text = text[: match.start()]
    if re.search(r"[^\d\s().+\-/]", text):
        raise ValidationError(
            _("Le numéro « {value} » contient des caractères inattendus : écrivez-le comme 418 555-1234.").format(
                value=text.strip()
            ),
            field,
        )
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 7:
        raise ValidationError(
            _("Ajoutez l'indicatif régional au numéro « {value} » (par exemple 418 {value}).").format(
                value=text.strip()
            ),
            field,
        )
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        raise ValidationError(
            _("« {value} » n'est pas un numéro de téléphone valide : écrivez dix chiffres, comme 418 555-1234.").format(
                value=text.strip()
            ),
            field,
        )
    number = f"{digits[:3]} {digits[3:6]}-{digits[6:]}"
    # Stored in Quebec French whatever the interface language: the register is shared.
    return f"{number}, poste {extension}" if extension else number


def phone_digits(text: str | None) -> str:
    """The ten digits of a stored number (for duplicate checks and search), without the extension."""
    digits = re.sub(r"\D", "", (text or "").split(",")[0])
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


# -- e-mail -------------------------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s,;<>()\[\]\"]+@[^@\s,;<>()\[\]\"]+\.[A-Za-z]{2,}$")


def normalise_email(text: str | None, field: str = "email") -> str | None:
    """A trimmed address with its domain in lower case (None when empty)."""
    text = (text or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    text = text.strip("<>").strip()
    if not text:
        return None
    if not _EMAIL.match(text) or ".." in text:
        raise ValidationError(
            _("« {value} » n'est pas une adresse courriel valide (exemple : prenom@exemple.org).").format(value=text),
            field,
        )
    local, _sep, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"


# -- dates --------------------------------------------------------------------------------------

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1, "fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3, "avril": 4, "avr": 4, "apr": 4, "april": 4, "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6, "juillet": 7, "juil": 7, "july": 7, "jul": 7, "aout": 8, "august": 8,
    "aug": 8, "septembre": 9, "sept": 9, "sep": 9, "september": 9, "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11, "decembre": 12, "dec": 12, "december": 12,
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_WORDS = re.compile(r"^(?:(?:le|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)*(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})$")


def _impossible(text: str, field: str) -> ValidationError:
    return ValidationError(_("La date « {value} » n'existe pas.").format(value=text), field)


def parse_date(text: str | dt.date | None, field: str = "", *, today: dt.date | None = None) -> dt.date | None:
    """A date written the Quebec way: ``2019-03-15``, ``15/03/2019``, ``15 mars 2019`` (None when empty).

    Day first, as in Quebec; ``03/15/2019`` (month first) is understood only when it cannot be
    read day first. Two-digit years are taken in the last hundred years.
    """
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    raw = (text or "").strip()
    if not raw:
        return None
    folded = fold(raw)
    year = month = day = 0
    if match := _ISO.match(folded):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.match(folded):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            this_year = (today or dt.date.today()).year
            year += 2000 if 2000 + year <= this_year else 1900
        if month > 12 and day <= 12:
            day, month = month, day
    elif (match := _WORDS.match(folded)) and match.group(2) in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2)], int(match.group(3))
    else:
        raise ValidationError(
            _("« {value} » n'est pas une date reconnue : écrivez-la comme 2019-03-15 ou 15/03/2019.").format(value=raw),
            field,
        )
    if not 1900 <= year <= 2100:
        raise ValidationError(_("L'année de la date « {value} » n'est pas plausible.").format(value=raw), field)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _impossible(raw, field) from None


def date_text(value: str | dt.date | None, field: str = "") -> str | None:
    """The ISO form of a typed date, for storing (None when empty)."""
    parsed = parse_date(value, field)
    return parsed.isoformat() if parsed else None


# -- yes / no -----------------------------------------------------------------------------------

_YES = {"oui", "o", "yes", "y", "x", "1", "vrai", "true", "v", "ok", "✓", "✔", "☑", "consent", "accepte"}
_NO = {"non", "n", "no", "0", "faux", "false", "f", "refus", "refuse", "-", "—", "☐"}


def parse_bool(text: str | bool | int | None, field: str = "") -> bool | None:
    """``oui/non/x/1/0/vrai/faux/yes/no`` → True/False; None when the cell is empty."""
    if isinstance(text, bool):
        return text
    if isinstance(text, int | float):
        if text in (0, 1):
            return bool(text)
        raise ValidationError(_("« {value} » n'est pas compris : écrivez oui ou non.").format(value=text), field)
    folded = fold((text or "").strip()).rstrip(".")
    if not folded:
        return None
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValidationError(_("« {value} » n'est pas compris : écrivez oui ou non.").format(value=text), field)


# -- roles and status -----------------------------------------------------------------------------

_ROLE_WORDS = {
    "membre": "membre", "membres": "membre", "member": "membre", "participant": "membre", "participante": "membre",
    "intervenant": "intervenant", "intervenante": "intervenant", "intervenant.e": "intervenant",
    "intervenant·e": "intervenant", "intervenant(e)": "intervenant", "personne intervenante": "intervenant",
    "staff worker": "intervenant",
    "employe": "intervenant", "employee": "intervenant", "staff": "intervenant", "worker": "intervenant",
    "benevole": "benevole", "volunteer": "benevole",
    "administrateur": "administrateur", "administratrice": "administrateur", "administrateur·trice": "administrateur",
    "administrateur.trice": "administrateur", "administrateur(trice)": "administrateur", "admin": "administrateur",
    "ca": "administrateur", "board": "administrateur", "board member": "administrateur",
}
_STATUS_WORDS = {
    "actif": "actif", "active": "actif", "actif·ve": "actif", "inactif": "inactif", "inactive": "inactif",
}


def role_code(text: str) -> str | None:
    """The role code of one word (« Intervenante » → ``intervenant``), or None when unknown."""
    return _ROLE_WORDS.get(fold(text.strip()).rstrip("."))


def parse_roles(text: str | None, field: str = "roles") -> list[str]:
    """``Membre, Bénévole`` or ``membre/ca`` → role codes, in the order of ``people.ROLES``."""

    raw = (text or "").strip()
    if not raw:
        return []
    found: list[str] = []
    for part in re.split(r"\s*(?:,|;|/|\+|&|\bet\b|\band\b)\s*", raw):
        if not part.strip():
            continue
        code = role_code(part)
        if code is None:
            raise ValidationError(
                _("Rôle inconnu « {value} » : les rôles sont membre, personne intervenante, bénévole et "
                  "administrateur·trice.").format(value=part.strip()),
                field,
            )
        found.append(code)
    return [code for code in ROLES if code in found]


def parse_status(text: str | None, field: str = "status") -> tuple[str | None, bool]:
    """(``actif``/``inactif`` or None, archived) from ``Actif``, ``Inactive``, ``Archivé``…"""
    folded = fold((text or "").strip()).rstrip(".")
    if not folded:
        return None, False
    if folded in _STATUS_WORDS:
        return _STATUS_WORDS[folded], False
    if folded.startswith("archiv"):
        return "inactif", True
    raise ValidationError(
        _("Statut inconnu « {value} » : écrivez actif ou inactif.").format(value=(text or "").strip()), field
    )


# -- money ----------------------------------------------------------------------------------------


def parse_amount(text: str | int | float | Decimal | None, field: str = "amount") -> str | None:
    """``5``, ``5,00 $``, ``5.00``, ``gratuit`` → ``"5.00"``/``"0.00"`` (None when empty)."""
    if isinstance(text, int | float | Decimal):
        value = Decimal(str(text))
    else:
        raw = (text or "").strip()
        if not raw:
            return None
        folded = fold(raw)
        if folded in {"gratuit", "gratuite", "free", "aucun", "aucune"}:
            return "0.00"
        cleaned = re.sub(r"[$\s\u00a0\u202f]|cad", "", folded).replace(",", ".")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError(
                _("« {value} » n'est pas un montant : écrivez par exemple 5,00 (laissez vide si c'est gratuit).").format(
                    value=raw
                ),
                field,
            ) from None
    if value < 0 or value > 100000:
        raise ValidationError(_("Le montant « {value} » n'est pas plausible.").format(value=text), field)
    return str(value.quantize(Decimal("0.01")))


def clean_text(text: str | None) -> str | None:
    """Trimmed text, inner runs of spaces kept; None when empty."""
    text = (text or "").strip()
    return text or None


def clean_contact(values: Mapping[str, Any], *, texts: Iterable[str] = (), phones: Iterable[str] = (),
                  emails: Iterable[str] = ()) -> dict[str, Any]:
    """The free texts, phone numbers and courriels among ``values``, cleaned (only the keys present):
    a person's card and the group's profile keep their details by the same rules."""
    clean: dict[str, Any] = {name: clean_text(values[name]) for name in texts if name in values}
    clean.update({name: normalise_phone(values[name], name) for name in phones if name in values})
    clean.update({name: normalise_email(values[name], name) for name in emails if name in values})
    return clean
