"""The chart of categories and the group's accounts, seeded in French for a small community group.

Seeded rows get deterministic ids from a stable ``code``: two machines opening the treasury
for the first time make the same rows, never duplicates. The group renames, adds or archives
categories and accounts freely afterwards; an archived or erased seeded row is never re-created.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...i18n import N_, _
from .. import rows
from ..errors import NotFound, ValidationError
from ..validation import clean_text, parse_date
from ..store import Store
from ..text import fold
from .money import parse_cents

CATEGORIES = "treasury_categories"
ACCOUNTS = "treasury_accounts"

INCOME, EXPENSE = "income", "expense"
CATEGORY_KINDS = {INCOME: N_("Revenus"), EXPENSE: N_("Dépenses")}

STARTING_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("psoc", INCOME, N_("Subvention PSOC (soutien à la mission globale)")),
    ("grants", INCOME, N_("Autres subventions")),
    ("fees", INCOME, N_("Cotisations des membres")),
    ("donations", INCOME, N_("Dons")),
    ("self_funding", INCOME, N_("Autofinancement (ventes, activités)")),
    ("interest", INCOME, N_("Intérêts")),
    ("rent", EXPENSE, N_("Loyer")),
    ("salaries", EXPENSE, N_("Salaires et avantages sociaux")),
    ("activities", EXPENSE, N_("Activités")),
    ("supplies", EXPENSE, N_("Fournitures")),
    ("phone", EXPENSE, N_("Téléphone et Internet")),
    ("insurance", EXPENSE, N_("Assurances")),
    ("bank_fees", EXPENSE, N_("Frais bancaires")),
    ("travel", EXPENSE, N_("Représentation et déplacements")),
    ("aga", EXPENSE, N_("Assemblée générale annuelle")),
)

ACCOUNT_KINDS = {"bank": N_("Compte bancaire"), "cash": N_("Petite caisse"), "savings": N_("Épargne")}
STARTING_ACCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("bank", "bank", N_("Compte bancaire")),
    ("cash", "cash", N_("Petite caisse")),
)


@dataclass(frozen=True)
class Category:
    id: str
    kind: str
    name: str
    code: str = ""
    position: int = 0
    archived: bool = False

    @property
    def kind_label(self) -> str:
        return _(CATEGORY_KINDS[self.kind])


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    kind: str
    opening_cents: int = 0
    opening_on: str = ""
    note: str = ""
    code: str = ""
    archived: bool = False

    @property
    def kind_label(self) -> str:
        return _(ACCOUNT_KINDS.get(self.kind, self.kind))


def starting_id(table: str, code: str) -> str:
    return rows.deterministic_id(table, "starting", code)


def install_starting_chart(store: Store) -> int:
    """Add the seeded categories and accounts not there yet (never re-creating an erased one)."""
    added = 0
    with store.write():
        for position, (code, kind, name) in enumerate(STARTING_CATEGORIES):
            row_id = starting_id(CATEGORIES, code)
            if rows.get(store, CATEGORIES, row_id) is None and not rows.is_erased(store, CATEGORIES, row_id):
                rows.insert(store, CATEGORIES, {"code": code, "kind": kind, "name": _(name), "position": position},
                            row_id=row_id)
                added += 1
        for position, (code, kind, name) in enumerate(STARTING_ACCOUNTS):
            row_id = starting_id(ACCOUNTS, code)
            if rows.get(store, ACCOUNTS, row_id) is None and not rows.is_erased(store, ACCOUNTS, row_id):
                rows.insert(store, ACCOUNTS, {"code": code, "kind": kind, "name": _(name), "opening_cents": 0,
                                              "position": position}, row_id=row_id)
                added += 1
    return added


# -- categories -----------------------------------------------------------------------------------


def _category(row: dict) -> Category:
    return Category(id=row["id"], kind=row["kind"] if row["kind"] in CATEGORY_KINDS else EXPENSE,
                    name=row["name"] or "", code=row["code"] or "", position=row["position"] or 0,
                    archived=bool(row["archived"]))


def list_categories(store: Store, kind: str | None = None, *, include_archived: bool = False) -> list[Category]:
    found = [_category(dict(zip(("id", "kind", "name", "code", "position", "archived"), r, strict=True)))
             for r in store.db.execute(f"SELECT id, kind, name, code, position, archived FROM {CATEGORIES}")]
    found = [c for c in found if (kind is None or c.kind == kind) and (include_archived or not c.archived)]
    return sorted(found, key=lambda c: (c.kind != INCOME, c.position, fold(c.name)))


def get_category(store: Store, category_id: str) -> Category:
    row = rows.get(store, CATEGORIES, category_id)
    if row is None:
        raise NotFound(_("Cette catégorie n'existe plus."))
    return _category(row)


def save_category(store: Store, values: dict[str, object], category_id: str | None = None) -> str:
    """Create or rename a category; its kind (income or expense) is set once."""
    name = clean_text(str(values.get("name") or ""))
    if not name:
        raise ValidationError(_("Donnez un nom à la catégorie."), "name")
    if len(name) > 120:
        raise ValidationError(_("Ce nom est trop long (120 caractères au plus)."), "name")
    with store.write():
        same = [c for c in list_categories(store, include_archived=True)
                if fold(c.name) == fold(name) and c.id != category_id and not c.archived]
        if same:
            raise ValidationError(_("La catégorie « {name} » existe déjà.").format(name=same[0].name), "name")
        if category_id is not None:
            get_category(store, category_id)
            rows.update(store, CATEGORIES, category_id, {"name": name})
            return category_id
        kind = str(values.get("kind") or "")
        if kind not in CATEGORY_KINDS:
            raise ValidationError(_("Choisissez s'il s'agit d'un revenu ou d'une dépense."), "kind")
        position = 1 + max((c.position for c in list_categories(store, kind, include_archived=True)), default=0)
        return rows.insert(store, CATEGORIES, {"kind": kind, "name": name, "position": position})


def archive_category(store: Store, category_id: str) -> None:
    """Archived categories keep their transactions and stay in past statements."""
    get_category(store, category_id)
    rows.archive(store, CATEGORIES, category_id)


# -- accounts -------------------------------------------------------------------------------------


def _account(row: dict) -> Account:
    return Account(id=row["id"], name=row["name"] or "", kind=row["kind"] or "bank",
                   opening_cents=int(row["opening_cents"] or 0), opening_on=row["opening_on"] or "",
                   note=row["note"] or "", code=row["code"] or "", archived=bool(row["archived"]))


def list_accounts(store: Store, *, include_archived: bool = False) -> list[Account]:
    cursor = store.db.execute(f"SELECT * FROM {ACCOUNTS} ORDER BY position, name")
    names = [c[0] for c in cursor.description]
    found = [_account(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]
    return [a for a in found if include_archived or not a.archived]


def get_account(store: Store, account_id: str) -> Account:
    row = rows.get(store, ACCOUNTS, account_id)
    if row is None:
        raise NotFound(_("Ce compte n'existe plus."))
    return _account(row)


def save_account(store: Store, values: dict[str, object], account_id: str | None = None) -> str:
    """Create or change an account: a name, a kind, an opening balance on a date."""
    name = clean_text(str(values.get("name") or ""))
    if not name:
        raise ValidationError(_("Donnez un nom au compte."), "name")
    kind = str(values.get("kind") or "bank")
    if kind not in ACCOUNT_KINDS:
        raise ValidationError(_("Choisissez le type de compte."), "kind")
    opening = parse_cents(values.get("opening_cents") if isinstance(values.get("opening_cents"), int)
                          else str(values.get("opening") or ""), "opening", allow_zero=True, allow_negative=True)
    opening_on = parse_date(str(values.get("opening_on") or ""), "opening_on")
    clean = {"name": name[:120], "kind": kind, "opening_cents": opening or 0,
             "opening_on": opening_on.isoformat() if opening_on else None,
             "note": clean_text(str(values.get("note") or ""))}
    with store.write():
        if account_id is None:
            position = 1 + max((0, *(i for i, _a in enumerate(list_accounts(store, include_archived=True)))))
            return rows.insert(store, ACCOUNTS, {**clean, "position": position})
        get_account(store, account_id)
        rows.update(store, ACCOUNTS, account_id, clean)
        return account_id
