"""Demo treasury: a small community group's money over two exercices (ten for the benchmark group).

The PSOC grant in four instalments, a municipal grant, membership fees (the register's own fees,
as income entries), donations, fundraising; rent, salaries every two weeks, phone, insurance,
bank fees, activities and supplies; the petty cash topped up from the bank each month. A budget
per year, exercices closed once their AGA has passed, and the bank's statement of the last
months imported, with two lines left to reconcile. Deterministic from ``ctx.rng``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..data import group, rows
from ..data.members.memberships import paid_between
from ..data.treasury import budget, chart, closing, reconcile
from ..data.treasury.fees import fee_category, fee_entry_id
from ..data.treasury.journal import TABLE, list_entries
from ..data.treasury.statement_file import BankLine, Statement
from . import DemoContext

YEARLY = {  # category code -> (entries a year, typical amount in dollars, descriptions)
    "donations": (14, 60, ("Don", "Don — campagne de Noël", "Don in memoriam", "Don d'une paroisse")),
    "self_funding": (8, 180, ("Vente de garage", "Souper spaghetti", "Vente de pâtisseries", "Bazar d'automne")),
    "activities": (30, 75, ("Sortie aux pommes", "Atelier d'art — matériel", "Cuisine collective — épicerie",
                            "Fête de Noël", "Pique-nique au parc", "Billets de cinéma")),
    "supplies": (18, 55, ("Papeterie", "Café, thé et lait", "Produits d'entretien", "Encre d'imprimante")),
    "travel": (10, 40, ("Billets d'autobus", "Déplacement — rencontre régionale", "Stationnement")),
}


def _cat(code: str) -> str:
    return chart.starting_id(chart.CATEGORIES, code)


ONCE_A_YEAR = (  # (month of the exercice, day, category code, cents, description), paid from the bank
    (1, 20, "insurance", 112_400, "Assurance responsabilité"),
    (2, 9, "aga", 38_500, "AGA — salle et repas"),
)
MONTHLY = (  # (day of the month, category code, cents, method, description); rent is scaled and has a cheque number
    (9, "phone", 8_990, "deposit", "Téléphone et Internet"),
    (27, "bank_fees", 795, "deposit", "Frais mensuels — forfait OBNL"),
)


class _Ledger:
    """The entries of the exercices being written, up to today, on the bank account unless told."""

    def __init__(self, ctx: DemoContext, bank: str, cash: str) -> None:
        self.ctx, self.bank, self.cash = ctx, bank, cash
        self.entries: list[tuple[str | None, dict[str, Any]]] = []

    def add(self, on: dt.date, kind: str, cents: int, code: str | None, account: str = "", **extra: Any) -> None:
        if on <= self.ctx.today:
            self.entries.append((None, {"on": on.isoformat(), "kind": kind, "amount_cents": cents,
                                        "account_id": account or self.bank, "category_id": _cat(code) if code else None,
                                        "archived": 0, **extra}))


def populate(ctx: DemoContext) -> None:
    store = ctx.store
    ctx.progress("Trésorerie")
    chart.install_starting_chart(store)
    years = 2 if ctx.scale.label == "demo" else ctx.scale.years
    current = group.fiscal_year_of(store, ctx.today)[0].year
    first = current - years + 1
    ledger = _open_accounts(ctx, group.fiscal_year(store, first)[0])
    for year in range(first, current + 1):
        _exercice(ledger, year, big=ctx.scale.people > 500)
    with store.write():
        rows.insert_new_many(store, TABLE, ledger.entries)
        _fees(ctx, group.fiscal_year(store, first)[0], ledger.cash)
        _statement(ctx, ledger.bank)
        for year in range(first, current):
            aga_day = group.fiscal_year(store, year)[1] + dt.timedelta(days=75)
            if aga_day <= ctx.today:
                closing.close_year(store, year, closed_on=aga_day, note="Adoptés à l'AGA")


def _open_accounts(ctx: DemoContext, opening_on: dt.date) -> _Ledger:
    bank, cash = chart.starting_id(chart.ACCOUNTS, "bank"), chart.starting_id(chart.ACCOUNTS, "cash")
    rows.update(ctx.store, chart.ACCOUNTS, bank, {"name": "Compte Desjardins", "opening_cents": 1_842_315,
                                                  "opening_on": opening_on.isoformat()})
    rows.update(ctx.store, chart.ACCOUNTS, cash, {"opening_cents": 15_000, "opening_on": opening_on.isoformat()})
    return _Ledger(ctx, bank, cash)


def _exercice(ledger: _Ledger, year: int, *, big: bool) -> None:
    """One exercice: grants, the months' bills, the pay, yearly bills, everyday entries and the budget."""
    scale = 3 if big else 1
    start = group.fiscal_year(ledger.ctx.store, year)[0]
    months = [dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1) for i in range(12)]
    psoc = 9_800_000 * scale
    for quarter in range(4):
        ledger.add(months[quarter * 3] + dt.timedelta(days=4), "income", psoc // 4, "psoc", description="PSOC — versement")
    ledger.add(months[2] + dt.timedelta(days=12), "income", 250_000, "grants", description="Ville — soutien aux organismes")
    for month in months:
        _month(ledger, month, scale)
    _payroll(ledger, start, months[-1] + dt.timedelta(days=31), 2 * scale)
    for month, day, code, cents, description in ONCE_A_YEAR:
        ledger.add(months[month] + dt.timedelta(days=day), "expense", cents, code, description=description)
    _everyday(ledger, start, scale * (4 if big else 1))
    plan = {"psoc": psoc, "grants": 250_000, "rent": 145_000 * 12 * scale, "salaries": 2 * scale * 26 * 145_000,
            "phone": 8_990 * 12, "insurance": 115_000, "bank_fees": 9_540, "aga": 40_000, "activities": 240_000 * scale}
    for code, cents in plan.items():
        budget.set_budget(ledger.ctx.store, _cat(code), year, cents)


def _month(ledger: _Ledger, month: dt.date, scale: int) -> None:
    ledger.add(month, "expense", 145_000 * scale, "rent", description="Loyer du local", method="cheque",
               reference=str(ledger.ctx.rng.randint(300, 999)))
    for day, code, cents, method, description in MONTHLY:
        ledger.add(month + dt.timedelta(days=day), "expense", cents, code, description=description, method=method)
    ledger.add(month + dt.timedelta(days=2), "transfer", 20_000, None, to_account_id=ledger.cash,
               description="Petite caisse — renflouement")


def _payroll(ledger: _Ledger, start: dt.date, end: dt.date, staff: int) -> None:
    """Every second Thursday from the second one of the exercice."""
    pay_day = start + dt.timedelta(days=(3 - start.weekday()) % 7 + 7)
    while pay_day < end:
        for _person in range(staff):
            ledger.add(pay_day, "expense", ledger.ctx.rng.randint(138_000, 152_000), "salaries", description="Paie",
                       method="deposit")
        pay_day += dt.timedelta(days=14)


def _everyday(ledger: _Ledger, start: dt.date, scale: int) -> None:
    """Donations, fundraising and small expenses on random days, half of the expenses from the petty cash."""
    rng = ledger.ctx.rng
    for code, (count, dollars, descriptions) in YEARLY.items():
        kind = "income" if code in ("donations", "self_funding") else "expense"
        for _n in range(count * scale):
            on = start + dt.timedelta(days=rng.randint(0, 364))
            account = ledger.cash if kind == "expense" and rng.random() < 0.5 else ledger.bank
            ledger.add(on, kind, rng.randint(dollars * 50, dollars * 160), code, account,
                       method=rng.choice(["cash", "cheque", "transfer", "card"]), description=rng.choice(descriptions))


def _fees(ctx: DemoContext, since: dt.date, cash: str) -> None:
    """The register's fees since the first exercice become income entries, paid in cash at the centre."""
    store = ctx.store
    category = fee_category(store)
    items = [(fee_entry_id(m.id), {"on": m.paid_on.isoformat(), "kind": "income",
                                   "amount_cents": int(round(float(m.amount) * 100)), "account_id": cash,
                                   "category_id": category, "person_id": m.person_id, "membership_id": m.id,
                                   "method": "cash", "description": f"Cotisation {m.period_start.year}", "archived": 0})
             for m in paid_between(store, since, ctx.today)]
    rows.insert_new_many(store, TABLE, items)


def _statement(ctx: DemoContext, bank: str) -> None:
    """The bank statement of the last three months, as AccèsD would give it, imported and reconciled."""
    store = ctx.store
    since = ctx.today - dt.timedelta(days=90)
    lines = []
    paid_from_the_bank = [e for e in list_entries(store, start=since, account_id=bank) if e.account_id == bank]
    for number, entry in enumerate(paid_from_the_bank, start=1):
        signed = entry.amount_cents if entry.kind == "income" else -entry.amount_cents
        lines.append(BankLine(number, entry.on + dt.timedelta(days=ctx.rng.randint(0, 2)), entry.description or "",
                              signed))
    lines.append(BankLine(len(lines) + 1, ctx.today - dt.timedelta(days=20), "Frais — chèque certifié", -1_000))
    lines.append(BankLine(len(lines) + 1, ctx.today - dt.timedelta(days=8), "Dépôt direct — Centraide", 50_000))
    reconcile.import_statement(store, bank, Statement("releve-accesd.csv", "desjardins", lines))
