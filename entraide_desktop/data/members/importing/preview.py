"""The import preview: every row read, checked and matched against the register, before anything is written.

A cell that cannot be read is kept to check (the person is imported); only a row without a name
is rejected. Rows that match a person already in the register, or an earlier row of the file
(same name, and the same phone or e-mail), are duplicates the secretary skips or merges.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ....i18n import N_, _, ngettext
from ...people import display_name
from ...store import Store
from ...text import fold
from ...validation import phone_digits
from .mapping import (
    IGNORE,
    NAME_TARGETS,
    find_header,
    guess_by_values,
    guess_mapping,
    repeatable,
    target_label,
)
from .parsing import CellCheck, ImportRow, parse_row  # noqa: F401  (CellCheck re-exported)
from .reading import RawTable
from ...import_log import undone_rows
from .reading import read_table
from ... import group

ACTIONS: dict[str, str] = {
    "create": N_("Ajouter"),
    "skip": N_("Ignorer"),
    "merge": N_("Fusionner avec la fiche existante"),
    "reject": N_("Ligne rejetée"),
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
        undone = undone_rows(store, "people")  # an import taken back: its people are not duplicates
        for pid, first, last, chosen, phone, mobile, email in store.db.execute(
            "SELECT id, first_name, last_name, display_name, phone, mobile, email FROM people"
        ).fetchall():
            if pid in undone:
                continue
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
        checked = sum(1 for r in self.rows if r.checks and r.action in ("create", "merge"))
        if checked:
            parts[0] += " " + ngettext("(dont {n} avec des renseignements à vérifier)",
                                       "(dont {n} avec des renseignements à vérifier)", checked).format(n=checked)
        if merge:
            parts.append(ngettext("{n} fiche à compléter (fusion)", "{n} fiches à compléter (fusion)", merge).format(n=merge))
        if skip:
            parts.append(ngettext("{n} ligne ignorée", "{n} lignes ignorées", skip).format(n=skip))
        if reject:
            parts.append(ngettext("{n} ligne rejetée (sans nom)", "{n} lignes rejetées (sans nom)", reject).format(n=reject))
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


def initial_setup(table: RawTable, default_year: int | None = None) -> ImportSetup:
    """The header row (None when the file starts with data) and the guessed mapping."""
    header_row = find_header(table.rows)
    if header_row is None:
        first = table.rows[0][1] if table.rows else []
        starts_with_data = any(guess_by_values([c]) in ("email", "phone", "member_since") for c in first)
        header_row = None if starts_with_data else 0
    start = 0 if header_row is None else header_row + 1
    samples = [cells for _line, cells in table.rows[start : start + 200]]
    headers = table.rows[header_row][1] if header_row is not None else []
    mapping = guess_mapping(headers, samples, default_year)
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


def build_preview(table: RawTable, setup: ImportSetup, existing: ExistingPeople,
                  *, today: dt.date | None = None, default_year: int | None = None) -> ImportPreview:
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
    duplicated = {t for t in mapping if not repeatable(t) and mapping.count(t) > 1}
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
        row = parse_row(line, cells, mapping, headers, today, header_width, default_year)
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

    table = read_table(path)
    year = current_fee_year(store, today)
    return build_preview(table, initial_setup(table, year), ExistingPeople.load(store), today=today, default_year=year)


def current_fee_year(store: Store, today: dt.date | None = None) -> int:
    """The label year of the group's current membership period (a fee column naming no year)."""

    return group.profile(store).membership_period(today or dt.date.today())[0].year

