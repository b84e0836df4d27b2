"""One row of a member list turned into a person: fields, consents, memberships, and the cells to check.

A cell that cannot be read (a date, phone, e-mail, amount or yes/no that makes no sense) never
costs the person: it is left out of its field, and its raw text is kept as a check (shown in
the preview, written in an « À vérifier après l'importation » note and in the review list).
Only a row without any name is rejected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ....i18n import N_, _, ngettext
from ...errors import ValidationError
from ...people import display_name
from ...text import fold
from ...validation import clean_text, normalise_email, parse_amount, parse_bool, parse_roles, parse_status
from .cells import fee_cell, import_date, import_phones, split_full_name
from .mapping import FEE_PAID, IGNORE, NAME_TARGETS, target_label

CHECK_NOTE = N_("À vérifier après l'importation :")

_CONTACT_WORDS = {
    "telephone": "phone", "tel": "phone", "phone": "phone", "cellulaire": "mobile", "cell": "mobile", "mobile": "mobile",
    "texto": "text", "sms": "text", "text": "text", "courriel": "email", "email": "email", "e-mail": "email",
    "poste": "mail", "courrier": "mail", "par la poste": "mail", "mail": "email", "en personne": "in_person",
    "au local": "in_person",
}


@dataclass(frozen=True)
class CellCheck:
    """A cell left out of its field: the field, the file's column, what was written, why."""

    field: str
    column: str
    raw: str
    message: str

    def note_line(self) -> str:
        return _("{column} : « {value} »").format(column=self.column, value=self.raw)


@dataclass
class ImportRow:
    line: int
    person: dict[str, Any]
    consents: dict[str, bool] = field(default_factory=dict)
    memberships: list[dict[str, Any]] = field(default_factory=list)
    """{"paid_on": ISO or None, "amount": text or None, "year": label year or None}."""
    errors: list[str] = field(default_factory=list)
    """Why the row cannot be imported (no name): the only reason a row is rejected."""
    checks: list[CellCheck] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicate_of: str = ""
    """Id of the person already in the register that this row repeats."""
    duplicate_line: int | None = None
    """Earlier line of the file that this row repeats."""
    duplicate_name: str = ""
    action: str = "create"

    @property
    def membership(self) -> dict[str, Any] | None:
        """The first membership (the form of earlier versions, kept for callers)."""
        return self.memberships[0] if self.memberships else None

    @property
    def name(self) -> str:
        if not any(self.person.get(k) for k in ("first_name", "last_name", "display_name")):
            return _("(sans nom)")
        return display_name(self.person)

    def choices(self) -> list[str]:
        """The actions the secretary may pick for this row."""
        if self.errors:
            return ["reject"]
        if self.duplicate_of:
            return ["skip", "merge", "create"]
        if self.duplicate_line is not None:
            return ["skip", "create"]
        return ["create", "skip"]

    def check_text(self) -> str:
        """« importée, 1 renseignement à vérifier (Courriel : « marie@ ») »."""
        n = len(self.checks)
        head = ngettext("importée, {n} renseignement à vérifier", "importée, {n} renseignements à vérifier", n)
        return head.format(n=n) + " (" + " ; ".join(c.note_line() for c in self.checks) + ")"

    def remark(self) -> str:
        """What the preview says about the row (reasons, duplicate, cells to check, warnings)."""
        if self.errors:
            return " ".join(self.errors)
        parts = []
        if self.duplicate_of:
            parts.append(_("Déjà au registre : {name} (même nom et mêmes coordonnées).").format(name=self.duplicate_name))
        elif self.duplicate_line is not None:
            parts.append(_("Même personne qu'à la ligne {line} du fichier.").format(line=self.duplicate_line))
        if self.checks and self.action in ("create", "merge"):
            parts.append(self.check_text() + ".")
        return " ".join(parts + self.warnings)

    def check_note(self) -> str:
        """The note kept on the person: the raw text of every cell left out."""
        return "\n".join([_(CHECK_NOTE), *("- " + c.note_line() for c in self.checks)])


def _contact_method(text: str) -> str | None:
    return _CONTACT_WORDS.get(fold(text.strip()).rstrip("."))


def parse_row(line: int, cells: list[str], mapping: list[str], headers: list[str],
              today: dt.date, header_width: int | None = None, default_year: int | None = None) -> ImportRow:
    """One row of the file turned into person fields, consents and memberships, with the cells to check."""
    row = ImportRow(line, {})
    values: dict[str, list[tuple[str, str]]] = {}
    extra = False
    for index, cell in enumerate(cells):
        target = mapping[index] if index < len(mapping) else IGNORE
        if cell and target != IGNORE:
            values.setdefault(target, []).append((headers[index] if index < len(headers) else "", cell))
        elif cell and header_width is not None and index >= header_width:
            extra = True
    if extra:
        row.warnings.append(_("Cette ligne a plus de cellules que la ligne d'en-têtes : les cellules en trop sont ignorées."))

    def one(target: str) -> tuple[str, str]:
        return values.get(target, [("", "")])[0]

    def column(target: str, header: str) -> str:
        return header or target_label(target)

    def attempt(target: str, parse: Any, header: str = "", cell: str | None = None) -> Any:
        if cell is None:
            header, cell = one(target)
        if not cell:
            return None
        try:
            return parse(cell, target)
        except ValidationError as error:
            row.checks.append(CellCheck(target.split(":")[0], column(target, header), cell, error.message))
            return None

    person = row.person
    if "full_name" in values:
        person["first_name"], person["last_name"] = split_full_name(one("full_name")[1])
    for target in ("first_name", "last_name", "display_name", "contact_hours", "emergency_contact"):
        if target in values:
            person[target] = clean_text(one(target)[1])
    phone_list = attempt("phone", import_phones) or []
    mobile_list = attempt("mobile", import_phones) or []
    person["phone"] = phone_list[0] if phone_list else None
    person["mobile"] = mobile_list[0] if mobile_list else None
    extra_numbers = phone_list[1:] + mobile_list[1:]
    if extra_numbers and not person["mobile"] and "mobile" not in values:
        person["mobile"] = extra_numbers.pop(0)  # « maison / cellulaire » in one cell
    person["email"] = attempt("email", normalise_email)
    address = [one(t)[1] for t in ("address", "city", "postal_code") if one(t)[1]]
    person["address"] = ", ".join(address) or None
    person["member_since"] = attempt("member_since", import_date)
    if person["member_since"] and person["member_since"] > (today + dt.timedelta(days=366)).isoformat():
        header, cell = one("member_since")
        row.checks.append(CellCheck("member_since", column("member_since", header), cell,
                                    _("la date « {value} » est trop loin dans le futur.").format(value=cell)))
        person["member_since"] = None
    notes = [cell for _h, cell in values.get("notes", [])]
    method_text = one("contact_method")[1]
    person["contact_method"] = _contact_method(method_text) if method_text else None
    if method_text and person["contact_method"] is None:
        notes.append(_("Moyen de contact préféré : {value}").format(value=method_text))
    if extra_numbers:
        notes.append(_("Autres numéros : {numbers}").format(numbers=", ".join(extra_numbers)))
    person["notes"] = "\n".join(notes) or None
    person["roles"] = attempt("roles", parse_roles) or ["membre"]  # a member list: members unless told otherwise
    status = attempt("status", parse_status) or (None, False)
    person["status"] = status[0] or "actif"
    archived = attempt("archived", parse_bool)
    person["archived"] = 1 if (status[1] or archived) else 0
    for target in values:
        if target.startswith("consent:"):
            given = attempt(target, parse_bool)
            if given is not None:
                row.consents[target.split(":", 1)[1]] = given
    _memberships(row, values, attempt, default_year)
    if not any(person.get(k) for k in NAME_TARGETS if k != "full_name"):
        row.errors.insert(0, _("Aucun nom sur cette ligne."))
        row.action = "reject"
    return row


def _memberships(row: ImportRow, values: dict[str, list[tuple[str, str]]], attempt: Any, default_year: int | None) -> None:
    paid_on = attempt("membership_paid_on", import_date)
    amount = attempt("membership_amount", parse_amount)
    if paid_on:
        row.memberships.append({"paid_on": paid_on, "amount": amount, "year": None})
    elif amount is not None:
        row.warnings.append(_("Montant de cotisation sans date de paiement : il n'est pas importé."))
    for target, cells in values.items():
        if not target.startswith(FEE_PAID):
            continue
        year_text = target.partition(":")[2]
        year = int(year_text) if year_text.isdigit() else default_year
        for header, cell in cells:
            found = attempt(target, fee_cell, header, cell)
            if found and found[0]:
                row.memberships.append({"paid_on": None, "amount": found[1], "year": year})
