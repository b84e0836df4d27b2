"""The journal: income, expenses and transfers between the group's accounts.

Each entry is one row of ``treasury_transactions`` with a positive amount in cents, a date, an
account and, for income and expenses, a category. The person involved is linked when they are
in the register (an erasure removes the link and keeps the amount), else named as free text.
Deleting archives the entry and marks it « deleted », so that a machine that edited it at the
same time shows the disagreement instead of either side winning silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ...i18n import N_, _
from .. import rows
from ..errors import NotFound, ValidationError
from ..validation import clean_text, parse_date
from ..store import Store
from .chart import ACCOUNTS, CATEGORIES, EXPENSE, INCOME, get_category
from .closing import require_open
from .money import parse_cents

TABLE = "treasury_transactions"
TRANSFER = "transfer"
KINDS = {INCOME: N_("Entrée d'argent"), EXPENSE: N_("Sortie d'argent"), TRANSFER: N_("Virement entre comptes")}
METHODS = {
    "cash": N_("Argent comptant"),
    "cheque": N_("Chèque"),
    "transfer": N_("Virement Interac ou bancaire"),
    "card": N_("Carte de débit ou de crédit"),
    "deposit": N_("Dépôt direct ou prélèvement"),
    "other": N_("Autre"),
}
EDITED, DELETED = "edited", "deleted"
TEXT_LIMITS = {"description": 200, "counterpart": 120, "reference": 40, "note": 2000}


@dataclass(frozen=True)
class Entry:
    id: str
    on: dt.date
    kind: str
    amount_cents: int
    account_id: str
    description: str = ""
    to_account_id: str = ""
    category_id: str = ""
    person_id: str = ""
    counterpart: str = ""
    method: str = ""
    reference: str = ""
    note: str = ""
    membership_id: str = ""
    corrects_id: str = ""
    archived: bool = False

    @property
    def kind_label(self) -> str:
        return _(KINDS[self.kind])

    def signed_cents(self, account_id: str) -> int:
        """The entry's effect on ``account_id``'s balance (0 when it does not touch it)."""
        if self.kind == INCOME:
            return self.amount_cents if self.account_id == account_id else 0
        if self.kind == EXPENSE:
            return -self.amount_cents if self.account_id == account_id else 0
        effect = -self.amount_cents if self.account_id == account_id else 0
        return effect + (self.amount_cents if self.to_account_id == account_id else 0)


def entry_of(row: dict[str, Any]) -> Entry:
    text = {k: row.get(k) or "" for k in ("description", "to_account_id", "category_id", "person_id", "counterpart",
                                           "method", "reference", "note", "membership_id", "corrects_id")}
    return Entry(id=row["id"], on=dt.date.fromisoformat(row["on"]), kind=row["kind"],
                 amount_cents=int(row["amount_cents"] or 0), account_id=row["account_id"] or "",
                 archived=bool(row["archived"]), **text)


def get_entry(store: Store, entry_id: str) -> Entry:
    row = rows.get(store, TABLE, entry_id)
    if row is None:
        raise NotFound(_("Cette écriture n'existe plus."))
    return entry_of(row)


def list_entries(store: Store, *, start: dt.date | None = None, end: dt.date | None = None,
                 account_id: str | None = None, include_deleted: bool = False) -> list[Entry]:
    """Entries by date (then by when they were written), optionally within dates and for one account."""
    where, params = ["1 = 1"], []
    if start is not None:
        where.append('"on" >= ?')
        params.append(start.isoformat())
    if end is not None:
        where.append('"on" <= ?')
        params.append(end.isoformat())
    if account_id is not None:
        where.append("(account_id = ? OR to_account_id = ?)")
        params += [account_id, account_id]
    if not include_deleted:
        where.append("archived = 0")
    cursor = store.db.execute(f'SELECT * FROM {TABLE} WHERE {" AND ".join(where)} ORDER BY "on", rowid', params)
    names = [c[0] for c in cursor.description]
    return [entry_of(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]


def _text(values: dict[str, Any], name: str) -> str | None:
    text = clean_text(str(values.get(name) or ""))
    if text and len(text) > TEXT_LIMITS[name]:
        raise ValidationError(_("Ce texte est trop long ({n} caractères au plus).").format(n=TEXT_LIMITS[name]), name)
    return text


def clean_entry(store: Store, values: dict[str, Any]) -> dict[str, Any]:
    """Checked values of an entry, or a ValidationError naming the field, in French."""
    kind = values.get("kind")
    if kind not in KINDS:
        raise ValidationError(_("Choisissez : entrée d'argent, sortie d'argent ou virement."), "kind")
    on = parse_date(values.get("on"), "on")
    if on is None:
        raise ValidationError(_("Inscrivez la date de l'écriture."), "on")
    amount = values.get("amount_cents")
    cents = amount if isinstance(amount, int) and not isinstance(amount, bool) else parse_cents(values.get("amount"))
    if cents is None:
        raise ValidationError(_("Inscrivez le montant."), "amount")
    if cents <= 0:
        raise ValidationError(_("Le montant doit être plus grand que zéro."), "amount")
    account_id = str(values.get("account_id") or "")
    if not account_id or rows.get(store, ACCOUNTS, account_id) is None:
        raise ValidationError(_("Choisissez le compte."), "account_id")
    clean: dict[str, Any] = {"kind": kind, "on": on.isoformat(), "amount_cents": cents, "account_id": account_id,
                             "to_account_id": None, "category_id": None}
    if kind == TRANSFER:
        to_account = str(values.get("to_account_id") or "")
        if not to_account or rows.get(store, ACCOUNTS, to_account) is None:
            raise ValidationError(_("Choisissez le compte qui reçoit le virement."), "to_account_id")
        if to_account == account_id:
            raise ValidationError(_("Un virement va d'un compte à un autre compte."), "to_account_id")
        clean["to_account_id"] = to_account
    else:
        category_id = str(values.get("category_id") or "")
        if not category_id or rows.get(store, CATEGORIES, category_id) is None:
            raise ValidationError(_("Choisissez la catégorie."), "category_id")
        if get_category(store, category_id).kind != kind:
            raise ValidationError(_("Cette catégorie n'est pas une catégorie de {kind}.").format(
                kind=_("revenus") if kind == INCOME else _("dépenses")), "category_id")
        clean["category_id"] = category_id
    person_id = str(values.get("person_id") or "")
    if person_id and rows.get(store, "people", person_id) is None:
        raise ValidationError(_("Cette personne n'est plus au registre."), "person_id")
    method = str(values.get("method") or "")
    if method and method not in METHODS:
        raise ValidationError(_("Choisissez le mode de paiement dans la liste."), "method")
    clean.update({"person_id": person_id or None, "method": method or None,
                  **{name: _text(values, name) for name in TEXT_LIMITS}})
    for link in ("membership_id", "corrects_id"):
        if link in values:
            clean[link] = values[link] or None
    return clean


def record(store: Store, values: dict[str, Any]) -> str:
    """Write a new entry; refused in a closed exercice."""
    clean = clean_entry(store, values)
    with store.write():
        require_open(store, dt.date.fromisoformat(clean["on"]))
        return rows.insert(store, TABLE, clean)


def edit(store: Store, entry_id: str, values: dict[str, Any]) -> set[str]:
    """Change an entry; neither its old date nor its new one may be in a closed exercice."""
    with store.write():
        current = get_entry(store, entry_id)
        require_open(store, current.on)
        merged = {**{k: getattr(current, k) for k in ("kind", "on", "amount_cents", "account_id", "to_account_id",
                                                       "category_id", "person_id", "method", *TEXT_LIMITS)},
                  **values}
        if "amount" in values:
            merged.pop("amount_cents")
        clean = clean_entry(store, merged)
        require_open(store, dt.date.fromisoformat(clean["on"]))
        changed = rows.update(store, TABLE, entry_id, clean)
        if changed:
            rows.update(store, TABLE, entry_id, {"revision": EDITED}, stamp=("revision",))
        return changed


def delete(store: Store, entry_id: str) -> None:
    """Delete an entry (archived, kept in history); refused in a closed exercice."""
    with store.write():
        current = get_entry(store, entry_id)
        require_open(store, current.on)
        rows.update(store, TABLE, entry_id, {"archived": 1, "revision": DELETED})


def correct(store: Store, entry_id: str, values: dict[str, Any], *, on: dt.date) -> str:
    """A correcting entry dated ``on`` (in an open exercice) for an entry of a closed one."""
    original = get_entry(store, entry_id)
    description = values.get("description") or _("Correction de l'écriture du {date}").format(
        date=original.on.isoformat())
    return record(store, {"kind": original.kind, "account_id": original.account_id,
                          "to_account_id": original.to_account_id, "category_id": original.category_id,
                          **values, "on": on, "description": description, "corrects_id": entry_id})
