"""Numbered receipts for membership fees and donations, and official donation receipts.

A receipt belongs to one income entry (deterministic id from the entry): printing it again gives
the same number. Numbers run per exercice, « 2026-0007 ». Two machines issuing receipts the same
week, before they exchange files, can give the same number to two receipts: :func:`duplicates`
lists them and the screen says so, so that one can be reissued. An official donation receipt
(for income tax) is offered only when the group says it is a registered charity, with its
registration number; it carries the mentions the Canada Revenue Agency asks for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...i18n import _
from .. import group, rows
from ..errors import ValidationError
from ..validation import clean_text
from ..store import Store
from .chart import CATEGORIES, INCOME, starting_id
from .journal import Entry, get_entry

TABLE = "treasury_receipts"
SETTINGS = "treasury_settings"
SETTINGS_ID = rows.deterministic_id(SETTINGS, "the-group")
_CHARITY_NUMBER = r"^\d{9}\s?RR\s?\d{4}$"


@dataclass(frozen=True)
class CharitySettings:
    registered_charity: bool = False
    charity_number: str = ""
    receipt_signatory: str = ""
    receipt_place: str = ""


@dataclass(frozen=True)
class Receipt:
    id: str
    number: str
    entry: Entry
    issued_on: dt.date
    official: bool


def settings(store: Store) -> CharitySettings:
    row = rows.get(store, SETTINGS, SETTINGS_ID) or {}
    return CharitySettings(bool(row.get("registered_charity")), row.get("charity_number") or "",
                           row.get("receipt_signatory") or "", row.get("receipt_place") or "")


def save_settings(store: Store, *, registered_charity: bool, charity_number: str = "", receipt_signatory: str = "",
                  receipt_place: str = "") -> None:
    """Say whether the group is a registered charity (with its number: 123456789 RR 0001)."""
    number = " ".join((charity_number or "").upper().split())
    if registered_charity and not re.match(_CHARITY_NUMBER, number):
        raise ValidationError(_("Le numéro d'enregistrement d'un organisme de bienfaisance s'écrit comme "
                                "123456789 RR 0001 (il est sur la lettre de l'Agence du revenu du Canada)."),
                              "charity_number")
    values = {"registered_charity": int(registered_charity), "charity_number": number or None,
              "receipt_signatory": clean_text(receipt_signatory), "receipt_place": clean_text(receipt_place)}
    rows.upsert(store, SETTINGS, SETTINGS_ID, values)


def receipt_id(entry_id: str) -> str:
    return rows.deterministic_id(TABLE, entry_id)


def is_donation(store: Store, entry: Entry) -> bool:
    return entry.category_id == starting_id(CATEGORIES, "donations")


def can_be_official(store: Store, entry: Entry) -> bool:
    return settings(store).registered_charity and is_donation(store, entry)


def issue(store: Store, entry_id: str, *, official: bool = False, today: dt.date | None = None) -> Receipt:
    """The entry's receipt, numbered on first issue; an official one only for a donation to a registered charity."""
    today = today or dt.date.today()
    with store.write():
        entry = get_entry(store, entry_id)
        if entry.kind != INCOME or entry.archived:
            raise ValidationError(_("Un reçu se fait pour une entrée d'argent (une cotisation, un don)."), "entry")
        if official and not can_be_official(store, entry):
            raise ValidationError(_("Un reçu officiel de don se fait seulement pour un don, quand le groupe est un "
                                    "organisme de bienfaisance enregistré (Trésorerie › Catégories et comptes)."),
                                  "official")
        row_id = receipt_id(entry_id)
        row = rows.get(store, TABLE, row_id)
        if row is None:
            exercice = group.fiscal_year_of(store, entry.on)[0].year
            last = store.db.execute(f"SELECT MAX(sequence) FROM {TABLE} WHERE exercice = ?", [exercice]).fetchone()[0]
            sequence = int(last or 0) + 1
            rows.insert(store, TABLE, {"entry_id": entry_id, "exercice": exercice, "sequence": sequence,
                                       "number": f"{exercice}-{sequence:04d}", "issued_on": today.isoformat(),
                                       "official": int(official)}, row_id=row_id)
            row = rows.get(store, TABLE, row_id)
        elif official and not row["official"]:
            rows.update(store, TABLE, row_id, {"official": 1})
            row = rows.get(store, TABLE, row_id)
    return Receipt(row["id"], row["number"], entry, dt.date.fromisoformat(row["issued_on"]), bool(row["official"]))


def duplicates(store: Store) -> list[str]:
    """Receipt numbers given twice (by two machines before they exchanged files)."""
    return [r[0] for r in store.db.execute(
        f"SELECT number FROM {TABLE} WHERE archived = 0 GROUP BY number HAVING COUNT(*) > 1 ORDER BY number")]
