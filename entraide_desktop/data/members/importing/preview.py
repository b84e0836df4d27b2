"""The import preview: every row read, checked and matched against the register, before anything is written.

Rows with a mistake (impossible date, unreadable phone…) are rejected with the reason; rows
that match a person already in the register, or an earlier row of the file (same name, and
the same phone or e-mail), are duplicates the secretary skips or merges.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ....i18n import N_, _, ngettext
from ...errors import ValidationError
from ...people import display_name
from ...store import Store
from ...text import fold
from ..validation import (
    clean_text,
    date_text,
    normalise_email,
    normalise_phone,
    parse_amount,
    parse_bool,
    parse_roles,
    parse_status,
    phone_digits,
)
from .mapping import IGNORE, NAME_TARGETS, REPEATABLE, find_header, guess_by_values, guess_mapping, target_label
from .reading import RawTable

ACTIONS: dict[str, str] = {
    "create": N_("Ajouter"),
    "skip": N_("Ignorer"),
    "merge": N_("Fusionner avec la fiche existante"),
    "reject": N_("Ligne rejetée"),
}

_CONTACT_WORDS = {
    "telephone": "phone", "tel": "phone", "phone": "phone", "cellulaire": "mobile", "cell": "mobile", "mobile": "mobile",
    "texto": "text", "sms": "text", "text": "text", "courriel": "email", "email": "email", "e-mail": "email",
    "poste": "mail", "courrier": "mail", "par la poste": "mail", "mail": "email", "en personne": "in_person",
    "au local": "in_person",
}


def name_key(first: str | None, last: str | None, chosen: str | None = None) -> str:
    full = " ".join(p for p in (first or "", last or "") if p.strip())
    return " ".join(fold(full or chosen or "").split())


def same_contacts(phones: set[str], emails: set[str], their_phones: set[str], their_emails: set[str]) -> bool:
    """Two records with the same name are the same person when they share a phone or an e-mail,
    or when neither has any (nothing tells them apart: importing a list twice must not double it)."""
    if phones & their_phones or emails & their_emails:
        return True
    return not (phones or emails or their_phones or their_emails)


@dataclass
class ExistingPeople:
    """The register's names and contacts, to find duplicates (loaded once per import)."""

    by_name: dict[str, list[tuple[str, str, set[str], set[str]]]] = field(default_factory=dict)

    @classmethod
    def load(cls, store: Store) -> ExistingPeople:
        found = cls()
        for pid, first, last, chosen, phone, mobile, email in store.db.execute(
            "SELECT id, first_name, last_name, display_name, phone, mobile, email FROM people"
        ).fetchall():
            shown = display_name({"display_name": chosen, "first_name": first, "last_name": last})
            phones = {d for d in (phone_digits(phone), phone_digits(mobile)) if d}
            emails = {email.lower()} if email else set()
            for key in {name_key(first, last), name_key(None, None, chosen)} - {""}:
                found.by_name.setdefault(key, []).append((pid, shown, phones, emails))
        return found

    def match(self, key: str, phones: set[str], emails: set[str]) -> tuple[str, str] | None:
        """(id, name) of a person with this name and a shared phone or e-mail (see :func:`same_contacts`)."""
        for pid, shown, their_phones, their_emails in self.by_name.get(key, ()):
            if same_contacts(phones, emails, their_phones, their_emails):
                return pid, shown
        return None

    def namesake(self, key: str) -> str | None:
        people = self.by_name.get(key)
        return people[0][1] if people else None


@dataclass
class ImportRow:
    line: int
    person: dict[str, Any]
    consents: dict[str, bool] = field(default_factory=dict)
    membership: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicate_of: str = ""
    """Id of the person already in the register that this row repeats."""
    duplicate_line: int | None = None
    """Earlier line of the file that this row repeats."""
    duplicate_name: str = ""
    action: str = "create"

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

    def remark(self) -> str:
        """What the preview says about the row (reasons, duplicate, warnings)."""
        if self.errors:
            return " ".join(self.errors)
        parts = []
        if self.duplicate_of:
            parts.append(_("Déjà au registre : {name} (même nom et mêmes coordonnées).").format(name=self.duplicate_name))
        elif self.duplicate_line is not None:
            parts.append(_("Même personne qu'à la ligne {line} du fichier.").format(line=self.duplicate_line))
        return " ".join(parts + self.warnings)


@dataclass
class ImportPreview:
    table: RawTable
    header_row: int | None
    mapping: list[str]
    rows: list[ImportRow]
    problems: list[str]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def can_import(self) -> bool:
        return not self.problems and any(r.action in ("create", "merge") for r in self.rows)

    def summary(self) -> str:
        """« 18 personnes à ajouter · 1 à fusionner · 2 doublons ignorés · 1 ligne rejetée »."""
        create, merge, skip, reject = (self.count(a) for a in ("create", "merge", "skip", "reject"))
        parts = [ngettext("{n} personne à ajouter", "{n} personnes à ajouter", create).format(n=create)]
        if merge:
            parts.append(ngettext("{n} fiche à compléter (fusion)", "{n} fiches à compléter (fusion)", merge).format(n=merge))
        if skip:
            parts.append(ngettext("{n} ligne ignorée", "{n} lignes ignorées", skip).format(n=skip))
        if reject:
            parts.append(ngettext("{n} ligne rejetée", "{n} lignes rejetées", reject).format(n=reject))
        return " · ".join(parts)


@dataclass(frozen=True)
class ImportSetup:
    """Where the headers are and what each column is: guessed, then corrected in the preview."""

    header_row: int | None
    mapping: list[str]


def headers_of(table: RawTable, header_row: int | None) -> list[str]:
    """The header of each column (« Colonne 3 » when the file has none there)."""
    cells = table.rows[header_row][1] if header_row is not None and table.rows else []
    return [cells[i] if i < len(cells) and cells[i] else _("Colonne {n}").format(n=i + 1) for i in range(table.width)]


def initial_setup(table: RawTable) -> ImportSetup:
    """The header row (None when the file starts with data) and the guessed mapping."""
    header_row = find_header(table.rows)
    if header_row is None:
        first = table.rows[0][1] if table.rows else []
        starts_with_data = any(guess_by_values([c]) in ("email", "phone", "member_since") for c in first)
        header_row = None if starts_with_data else 0
    start = 0 if header_row is None else header_row + 1
    samples = [cells for _line, cells in table.rows[start : start + 200]]
    headers = table.rows[header_row][1] if header_row is not None else []
    mapping = guess_mapping(headers, samples)
    mapping += [IGNORE] * (table.width - len(mapping))
    if header_row is None and not any(t in NAME_TARGETS for t in mapping):
        # No headers: the first columns of words are most likely the first and last names.
        free = [i for i, t in enumerate(mapping) if t == IGNORE and _names_share([r[i] if i < len(r) else "" for r in samples]) >= 0.8]
        for index, target in zip(free, ("first_name", "last_name"), strict=False):
            mapping[index] = target
    return ImportSetup(header_row, mapping[: table.width])


def _names_share(values: list[str]) -> float:
    filled = [v for v in values if v]
    if not filled:
        return 0.0
    return sum(1 for v in filled if re.fullmatch(r"[^\W\d_]+(?:[ '’.-][^\W\d_]+)*", v)) / len(filled)


def _split_full_name(text: str) -> tuple[str | None, str | None]:
    """« Côté, Hélène » → (Hélène, Côté); « Hélène Côté » → (Hélène, Côté); one word → a first name."""
    text = " ".join(text.split())
    if "," in text:
        last, _sep, first = text.partition(",")
        return clean_text(first), clean_text(last)
    first, _sep, last = text.partition(" ")
    return clean_text(first), clean_text(last)


def _contact_method(text: str) -> str | None:
    return _CONTACT_WORDS.get(fold(text.strip()).rstrip("."))


def parse_row(line: int, cells: list[str], mapping: list[str], headers: list[str],
              today: dt.date, header_width: int | None = None) -> ImportRow:
    """One row of the file turned into person fields, consents and membership, with its mistakes."""
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

    def attempt(target: str, parse: Any) -> Any:
        header, cell = one(target)
        if not cell:
            return None
        try:
            return parse(cell, target)
        except ValidationError as error:
            row.errors.append(_("{column} : {message}").format(column=header or target_label(target), message=error.message))
            return None

    person = row.person
    if "full_name" in values:
        person["first_name"], person["last_name"] = _split_full_name(one("full_name")[1])
    for target in ("first_name", "last_name", "display_name", "contact_hours", "emergency_contact"):
        if target in values:
            person[target] = clean_text(one(target)[1])
    person["phone"] = attempt("phone", normalise_phone)
    person["mobile"] = attempt("mobile", normalise_phone)
    person["email"] = attempt("email", normalise_email)
    address = [one(t)[1] for t in ("address", "city", "postal_code") if one(t)[1]]
    person["address"] = ", ".join(address) or None
    person["member_since"] = attempt("member_since", date_text)
    if person["member_since"] and person["member_since"] > (today + dt.timedelta(days=366)).isoformat():
        row.errors.append(_("{column} : la date « {value} » est trop loin dans le futur.").format(
            column=one("member_since")[0] or target_label("member_since"), value=one("member_since")[1]))
    notes = [cell for _h, cell in values.get("notes", [])]
    method_text = one("contact_method")[1]
    person["contact_method"] = _contact_method(method_text) if method_text else None
    if method_text and person["contact_method"] is None:
        notes.append(_("Moyen de contact préféré : {value}").format(value=method_text))
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
    paid_on = attempt("membership_paid_on", date_text)
    amount = attempt("membership_amount", parse_amount)
    if paid_on:
        row.membership = {"paid_on": paid_on, "amount": amount}
    elif amount is not None and not row.errors:
        row.warnings.append(_("Montant de cotisation sans date de paiement : il n'est pas importé."))
    if not any(person.get(k) for k in NAME_TARGETS if k != "full_name"):
        row.errors.insert(0, _("Aucun nom sur cette ligne."))
    if row.errors:
        row.action = "reject"
    return row


def build_preview(table: RawTable, setup: ImportSetup, existing: ExistingPeople,
                  *, today: dt.date | None = None) -> ImportPreview:
    """Check every row and find duplicates; nothing is written."""
    today = today or dt.date.today()
    headers = headers_of(table, setup.header_row)
    mapping = list(setup.mapping) + [IGNORE] * (table.width - len(setup.mapping))
    problems = []
    if not any(t in NAME_TARGETS for t in mapping):
        if not any(t != IGNORE for t in mapping):
            problems.append(_("Aucune colonne n'a été reconnue. Les en-têtes attendus sont par exemple « Prénom », "
                              "« Nom », « Téléphone », « Courriel », « Date d'adhésion ». Indiquez ci-contre ce que "
                              "contient chaque colonne."))
        else:
            problems.append(_("Aucune colonne n'indique le nom des personnes : choisissez ci-contre la colonne du "
                              "prénom, du nom ou du nom complet."))
    duplicated = {t for t in mapping if t not in REPEATABLE and mapping.count(t) > 1}
    for target in sorted(duplicated):
        problems.append(_("Plusieurs colonnes vont dans « {field} » : gardez-en une seule.").format(field=target_label(target)))
    start = 0 if setup.header_row is None else setup.header_row + 1
    data = table.rows[start:]
    if not data:
        problems.append(_("Le fichier ne contient que la ligne d'en-têtes : aucune personne à importer."))
    rows: list[ImportRow] = []
    if problems:
        return ImportPreview(table, setup.header_row, mapping, rows, problems)
    seen: dict[str, list[tuple[int, set[str], set[str]]]] = {}
    header_width = len(table.rows[setup.header_row][1]) if setup.header_row is not None else None
    for line, cells in data:
        row = parse_row(line, cells, mapping, headers, today, header_width)
        rows.append(row)
        if row.errors:
            continue
        person = row.person
        key = name_key(person.get("first_name"), person.get("last_name"), person.get("display_name"))
        phones = {d for d in (phone_digits(person.get("phone")), phone_digits(person.get("mobile"))) if d}
        emails = {person["email"].lower()} if person.get("email") else set()
        found = existing.match(key, phones, emails)
        if found:
            row.duplicate_of, row.duplicate_name = found
            row.action = "skip"
        else:
            for earlier, their_phones, their_emails in seen.get(key, ()):
                if same_contacts(phones, emails, their_phones, their_emails):
                    row.duplicate_line = earlier
                    row.action = "skip"
                    break
            else:
                namesake = existing.namesake(key)
                if namesake:
                    row.warnings.append(_("Une personne du même nom est déjà au registre ({name}), avec d'autres "
                                          "coordonnées : vérifiez qu'il ne s'agit pas d'elle.").format(name=namesake))
        seen.setdefault(key, []).append((line, phones, emails))
    return ImportPreview(table, setup.header_row, mapping, rows, problems)


def preview_file(store: Store, path: str, *, today: dt.date | None = None) -> ImportPreview:
    """Read, guess the columns and check every row of ``path`` (what the command line does)."""
    from .reading import read_table

    table = read_table(path)
    return build_preview(table, initial_setup(table), ExistingPeople.load(store), today=today)

