"""Reading a bank statement exported as CSV: Desjardins AccèsD, or any bank's file with headers.

Desjardins (AccèsD « Relevé de compte » in CSV) writes no header, in Windows-1252: institution,
transit, account, account type (EOP…), date (AAAA/MM/JJ), line number, description, cheque
number, withdrawal, deposit, then interest and loan columns, and the balance last. Other banks
write a header: the date, description, amount (or withdrawal and deposit) and balance columns
are found by their names, or given by the treasurer. Amounts may use a decimal comma.

The file is hostile until checked: its size and rows are bounded, and a line whose date or
amount cannot be read is reported with its number, never the cause of refusing the whole file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...i18n import _, format_number
from ..errors import EntraideError, ValidationError
from ..members.importing.reading import decode, sniff_delimiter
from ..validation import parse_date
from ..text import fold
from .money import parse_cents

MAX_BYTES = 5 * 1024 * 1024
"""Ten years of a small group's bank account are well under 1 MB."""
MAX_LINES = 20_000
ROLES = ("date", "description", "amount", "withdrawal", "deposit", "balance", "reference")
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "date": ("date", "date de transaction", "date de l'operation", "date operation", "transaction date", "posted"),
    "description": ("description", "libelle", "details", "detail", "transaction", "operation", "memo", "nom"),
    "amount": ("montant", "amount", "montant ($)", "montant cad"),
    "withdrawal": ("retrait", "retraits", "debit", "debits", "withdrawal", "withdrawals", "sortie"),
    "deposit": ("depot", "depots", "credit", "credits", "deposit", "deposits", "entree"),
    "balance": ("solde", "balance", "solde ($)"),
    "reference": ("numero de cheque", "cheque", "no de cheque", "reference", "no", "numero"),
}
DESJARDINS_AFTER_DATE = {"sequence": 1, "description": 2, "cheque": 3, "withdrawal": 4, "deposit": 5}
"""Desjardins' columns, counted from the date's (the third or fourth column, depending on the export)."""
_DESJARDINS_DATE = re.compile(r"\d{4}/\d{2}/\d{2}")


class StatementFileError(EntraideError):
    """The file cannot be read as a bank statement; the message says why."""


@dataclass(frozen=True)
class BankLine:
    line: int
    on: dt.date
    description: str
    amount_cents: int  # + deposit, − withdrawal
    balance_cents: int | None = None
    reference: str = ""


@dataclass
class Statement:
    name: str
    layout: str  # "desjardins" | "columns"
    lines: list[BankLine] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        if not self.lines:
            return None
        return min(line.on for line in self.lines), max(line.on for line in self.lines)


def _rows(name: str, data: bytes) -> list[tuple[int, list[str]]]:
    text, _encoding = decode(name, data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found = []
    try:
        for record in reader:
            cells = [c.strip() for c in record][:40]
            if any(cells):
                found.append((reader.line_num, cells))
            if len(found) > MAX_LINES:
                raise StatementFileError(_("« {name} » compte plus de {n} lignes : ce n'est sans doute pas un relevé "
                                           "bancaire.").format(name=name, n=format_number(MAX_LINES)))
    except csv.Error as error:
        raise StatementFileError(_("Le fichier « {name} » est mal formé vers la ligne {line}.").format(
            name=name, line=reader.line_num)) from error
    return found


def read_statement(path: str | Path, columns: dict[str, int] | None = None) -> Statement:
    """Read ``path``; ``columns`` (role → column index) overrides what the headers say."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise StatementFileError(_("Le fichier « {name} » est trop gros pour un relevé bancaire (au plus 5 Mo).")
                                     .format(name=path.name))
        data = path.read_bytes()
    except OSError as error:
        raise StatementFileError(_("Impossible de lire le fichier « {name} » ({reason}).").format(
            name=path.name, reason=error.strerror or error)) from error
    if data[:4] in (b"PK\x03\x04", b"%PDF") or data[:4] == b"\xd0\xcf\x11\xe0":
        raise StatementFileError(_("« {name} » n'est pas un fichier CSV. Dans AccèsD, choisissez « Exporter » puis le "
                                   "format CSV.").format(name=path.name))
    try:
        rows = _rows(path.name, data)
    except EntraideError as error:
        raise StatementFileError(error.message) from error
    if not rows:
        raise StatementFileError(_("Le fichier « {name} » est vide.").format(name=path.name))
    date_column = _desjardins_date_column(rows) if columns is None else None
    if date_column is not None:
        statement = Statement(path.name, "desjardins", columns={
            "date": date_column, **{role: date_column + offset for role, offset in DESJARDINS_AFTER_DATE.items()}})
        body = rows
    else:
        headers = rows[0][1]
        statement = Statement(path.name, "columns", headers=headers,
                              columns=dict(columns) if columns is not None else guess_columns(headers))
        body = rows[1:]
        _check_columns(statement)
    for line, cells in body:
        try:
            statement.lines.append(_line(statement, line, cells))
        except ValidationError as problem:
            statement.problems.append((line, problem.message))
    if not statement.lines:
        raise StatementFileError(_("Aucune ligne de « {name} » n'a pu être lue comme une opération bancaire.")
                                 .format(name=path.name))
    return statement


def _desjardins_date_column(rows: list[tuple[int, list[str]]]) -> int | None:
    """The column of AccèsD's « AAAA/MM/JJ » dates when every line has one there (no header), else None."""
    sample = rows[:20]
    for column in range(2, 6):
        if all(len(cells) >= column + 7 and _DESJARDINS_DATE.fullmatch(cells[column]) for _line, cells in sample):
            return column
    return None


def guess_columns(headers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        words = fold(header).strip(" :")
        for role, names in HEADER_WORDS.items():
            if role not in found and (words in names or any(words.startswith(n + " ") for n in names)):
                found[role] = index
                break
    return found


def _check_columns(statement: Statement) -> None:
    columns = statement.columns
    if "date" not in columns or not ({"amount"} <= columns.keys() or {"withdrawal", "deposit"} & columns.keys()):
        raise StatementFileError(_("Entraide ne trouve pas les colonnes de la date et du montant dans « {name} ». "
                                   "Indiquez quelle colonne contient quoi.").format(name=statement.name))


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _amount(text: str, line: int) -> int:
    try:
        return parse_cents(text.replace("(", "-").replace(")", ""), allow_zero=True, allow_negative=True) or 0
    except ValidationError:
        raise ValidationError(_("ligne {line} : « {value} » n'est pas un montant.").format(line=line, value=text[:40]),
                              "amount") from None


def _line(statement: Statement, line: int, cells: list[str]) -> BankLine:
    columns = statement.columns
    raw_date = _cell(cells, columns.get("date"))
    try:
        on = parse_date(raw_date.replace("/", "-") if _DESJARDINS_DATE.fullmatch(raw_date) else raw_date)
    except ValidationError:
        on = None
    if on is None:
        raise ValidationError(_("ligne {line} : « {value} » n'est pas une date.").format(line=line, value=raw_date[:40]),
                              "date")
    if "amount" in columns:
        cents = _amount(_cell(cells, columns["amount"]), line)
    else:
        cents = _amount(_cell(cells, columns.get("deposit")), line) - abs(
            _amount(_cell(cells, columns.get("withdrawal")), line))
    if cents == 0:
        raise ValidationError(_("ligne {line} : aucun montant.").format(line=line), "amount")
    if statement.layout == "desjardins":
        balance_text = next((c for c in reversed(cells[columns["deposit"] + 1:]) if c), "")
        reference = _cell(cells, columns["cheque"])
    else:
        balance_text = _cell(cells, columns.get("balance"))
        reference = _cell(cells, columns.get("reference"))
    try:
        balance = _amount(balance_text, line) if balance_text else None
    except ValidationError:
        balance = None
    description = " ".join(_cell(cells, columns.get("description")).split())[:200]
    return BankLine(line, on, description, cents, balance, reference[:40])
