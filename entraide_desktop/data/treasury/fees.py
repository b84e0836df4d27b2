"""The register and the treasury are one record: a paid membership fee is an income entry.

Recording a membership with an amount through :func:`save_membership_fee` writes its income
entry in « Cotisations des membres », with a deterministic id from the membership, so that two
machines make one entry; changing the amount changes the entry, removing the membership deletes
it. The reverse, :func:`record_fee`, starts from the treasury: the entry creates the membership.
Fees imported with a member list are not written to the journal: those years are usually
already in the treasurer's books.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ...i18n import _
from .. import rows
from ..errors import ValidationError
from ..members import memberships, records
from ..store import Store
from . import journal
from .chart import ACCOUNTS, CATEGORIES, INCOME, list_categories, starting_id
from .closing import exercice_of, is_closed

DEFAULT_FEE_ACCOUNT = "cash"


def fee_entry_id(membership_id: str) -> str:
    return rows.deterministic_id(journal.TABLE, "membership", membership_id)


def fee_category(store: Store) -> str:
    """« Cotisations des membres », or the first income category when the group removed it."""
    seeded = starting_id(CATEGORIES, "fees")
    row = rows.get(store, CATEGORIES, seeded)
    if row is not None and not row["archived"]:
        return seeded
    incomes = list_categories(store, INCOME)
    if not incomes:
        raise ValidationError(_("Ajoutez d'abord une catégorie de revenus pour les cotisations."), "category_id")
    return incomes[0].id


def _cents(amount: str | None) -> int:
    return int(Decimal(amount) * 100) if amount else 0


def write_fee_entry(store: Store, membership_id: str, account_id: str | None, method: str | None) -> str | None:
    """Make the fee's entry agree with the membership (created, changed or deleted)."""
    membership = rows.require(store, "memberships", membership_id)
    entry_id = fee_entry_id(membership_id)
    current = rows.get(store, journal.TABLE, entry_id)
    cents = 0 if membership["archived"] else _cents(membership["amount"])
    if current is None:
        if cents <= 0 or rows.is_erased(store, journal.TABLE, entry_id):
            return None
        paid_on = dt.date.fromisoformat(membership["paid_on"])
        values = journal.clean_entry(store, {
            "kind": INCOME, "on": paid_on, "amount_cents": cents, "category_id": fee_category(store),
            "account_id": account_id or starting_id(ACCOUNTS, DEFAULT_FEE_ACCOUNT), "person_id": membership["person_id"],
            "method": method, "description": _("Cotisation {period}").format(period=membership["period_start"][:4]),
            "membership_id": membership_id,
        })
        journal.require_open(store, paid_on)
        return rows.insert(store, journal.TABLE, values, row_id=entry_id)
    if current["archived"]:
        return None
    if cents <= 0:
        journal.delete(store, entry_id)
    elif cents != current["amount_cents"] or membership["paid_on"] != current["on"]:
        journal.edit(store, entry_id, {"amount_cents": cents, "on": membership["paid_on"]})
    return entry_id


def save_membership_fee(store: Store, person_id: str, values: dict[str, Any], membership_id: str | None = None, *,
                        account_id: str | None = None, method: str | None = None) -> str:
    """Add or change a membership and keep its income entry in step; returns the membership id."""
    with store.write():
        if membership_id is None:
            membership_id = memberships.add_membership(store, person_id, values)
        else:
            memberships.update_membership(store, membership_id, values)
        write_fee_entry(store, membership_id, account_id, method)
    return membership_id


def remove_membership_fee(store: Store, membership_id: str) -> None:
    """Remove a membership recorded by mistake, and its income entry (unless its year is closed)."""
    with store.write():
        entry = rows.get(store, journal.TABLE, fee_entry_id(membership_id))
        if entry is not None and not entry["archived"]:
            journal.delete(store, entry["id"])
        memberships.remove_membership(store, membership_id)


def record_fee(store: Store, person_id: str, *, on: dt.date, amount: str, account_id: str | None = None,
               method: str | None = None) -> str:
    """From the treasury: a fee received from a person creates their membership for the usual period."""
    return save_membership_fee(store, person_id, {"paid_on": on, "amount": amount}, account_id=account_id,
                               method=method)


def fee_year_is_closed(store: Store, membership_id: str) -> bool:
    membership = rows.require(store, "memberships", membership_id)
    return is_closed(store, exercice_of(store, dt.date.fromisoformat(membership["paid_on"])))


def save_person_with_fees(store: Store, person_id: str | None, changes: records.PersonChanges, *,
                          today: dt.date | None = None) -> str:
    """The person form's save (:func:`members.save_person`), with the journal kept in step, in one transaction.

    A new membership with an amount, paid in an open exercice, writes its income entry; a changed
    or removed one changes or deletes its entry when it has one (a fee recorded before the treasury
    was used gets none). Deleting the entry of a closed exercice is refused, and nothing is saved.
    """
    with store.write():
        before = {m.id for m in memberships.list_memberships(store, person_id, include_archived=True)} \
            if person_id else set()
        person_id = records.save_person(store, person_id, changes, today=today)
        for membership in memberships.list_memberships(store, person_id, include_archived=True):
            if membership.paid_on is None:
                continue
            has_entry = rows.get(store, journal.TABLE, fee_entry_id(membership.id)) is not None
            new = membership.id not in before
            if (new and not is_closed(store, exercice_of(store, membership.paid_on))) or (has_entry and not new):
                write_fee_entry(store, membership.id, None, None)
    return person_id
