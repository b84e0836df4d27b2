"""Tables of the treasury: accounts, the chart of categories, transactions, budgets, closed years.

Money is integer cents (``*_cents``), never floats. Amounts are positive; ``kind`` says which way
the money goes (``income``, ``expense``, or ``transfer`` from ``account_id`` to ``to_account_id``).

- ``treasury_accounts``: the bank account, the petty cash, savings; an opening balance on a date;
- ``treasury_categories``: the chart (income or expense), seeded with deterministic ids from a
  ``code`` so that two machines seeding it make one row;
- ``treasury_transactions``: one line of the journal. ``person_id`` when the payer or payee is in
  the register (erasure removes it, the amount stays), else ``counterpart`` (free text);
  ``membership_id`` links a membership fee; ``corrects_id`` a correcting entry for a closed year;
  ``revision`` is « edited » on every edit and « deleted » on deletion, so that an edit concurrent
  with a deletion is a conflict the treasury shows, never a silent choice;
- ``treasury_budgets``: one amount per category and exercice (deterministic id);
- ``treasury_bank_lines``: lines of the bank's statements, with a deterministic id from the line's
  fingerprint (a second import of the same statement adds nothing) and the entry it matched;
- ``treasury_receipts``: a numbered receipt for an income entry (deterministic id from the entry:
  printing it again gives the same number), official (a donation to a registered charity) or not;
- ``treasury_settings``: one row: whether the group is a registered charity, its registration
  number and who signs official receipts;
- ``treasury_closures``: an exercice adopted by the AGA (deterministic id). A closure erased by an
  exchange file still closes the year: see ``data/treasury/closing.py``.

``amount_cents`` and ``on`` are review fields: two machines editing them is shown side by side.
"""

from __future__ import annotations

import sqlite_utils

from ...i18n import N_
from .migration_set import MIGRATIONS
from .registry import SyncedTable, create_synced_table, register_person_reference, synced_table

AREA = N_("Trésorerie")

synced_table(SyncedTable("treasury_accounts", area=AREA, label_fields=("name",),
                         review_fields=frozenset({"opening_cents"})))
synced_table(SyncedTable("treasury_categories", area=AREA, label_fields=("name",)))
synced_table(
    SyncedTable(
        "treasury_transactions",
        area=AREA,
        label_fields=("on", "description"),
        review_fields=frozenset({"amount_cents", "on", "account_id", "revision"}),
    )
)
synced_table(SyncedTable("treasury_budgets", area=AREA, review_fields=frozenset({"amount_cents"})))
synced_table(SyncedTable("treasury_closures", area=AREA, label_fields=("exercice",)))
synced_table(SyncedTable("treasury_bank_lines", area=AREA, label_fields=("on", "description")))
synced_table(SyncedTable("treasury_receipts", area=AREA, label_fields=("number",)))
synced_table(SyncedTable("treasury_settings", area=AREA,
                         review_fields=frozenset({"charity_number", "receipt_signatory"})))
register_person_reference("treasury_transactions", "person_id")


@MIGRATIONS(name="1500_treasury")
def treasury_tables(db: sqlite_utils.Database) -> None:
    create_synced_table(
        db,
        "treasury_accounts",
        {"code": str, "name": str, "kind": str, "opening_cents": int, "opening_on": str, "note": str,
         "position": int},
    )
    create_synced_table(
        db,
        "treasury_categories",
        {"code": str, "kind": str, "name": str, "position": int},
    )
    create_synced_table(
        db,
        "treasury_transactions",
        {
            "on": str,  # ISO date
            "description": str,
            "kind": str,  # income | expense | transfer
            "amount_cents": int,  # always > 0
            "account_id": str,
            "to_account_id": str,  # transfers only
            "category_id": str,
            "person_id": str,
            "counterpart": str,
            "method": str,  # cash | cheque | transfer | card | deposit | other
            "reference": str,  # cheque or receipt number
            "note": str,
            "membership_id": str,
            "corrects_id": str,
            "revision": str,
        },
        indexes=(("on",), ("account_id",), ("person_id",), ("membership_id",)),
    )
    create_synced_table(
        db,
        "treasury_budgets",
        {"category_id": str, "exercice": int, "amount_cents": int},
        indexes=(("exercice",),),
    )
    create_synced_table(
        db,
        "treasury_bank_lines",
        {"account_id": str, "on": str, "description": str, "amount_cents": int,  # signed: + deposit, − withdrawal
         "balance_cents": int, "reference": str, "entry_id": str, "file_name": str},
        indexes=(("account_id", "on"), ("entry_id",)),
    )
    create_synced_table(
        db,
        "treasury_receipts",
        {"entry_id": str, "exercice": int, "sequence": int, "number": str, "issued_on": str, "official": int},
        indexes=(("exercice", "sequence"),),
    )
    create_synced_table(
        db,
        "treasury_settings",
        {"registered_charity": int, "charity_number": str, "receipt_signatory": str, "receipt_place": str},
    )
    create_synced_table(
        db,
        "treasury_closures",
        {"exercice": int, "closed_on": str, "meeting_id": str, "note": str},
    )
