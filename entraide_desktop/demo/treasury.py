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
from ..data.treasury import budget, chart, closing, reconcile
from ..data.treasury.fees import fee_category, fee_entry_id
from ..data.treasury.journal import TABLE
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


# Each month: (day of the month − 1, kind, category, dollars × 100 at the small scale, description, extra).
MONTHLY: tuple[tuple[int, str, str | None, int, str, dict[str, Any]], ...] = (
    (0, "expense", "rent", 145_000, "Loyer du local", {"method": "cheque"}),  # with the cheque's number
    (9, "expense", "phone", 8_990, "Téléphone et Internet", {"method": "deposit"}),
    (27, "expense", "bank_fees", 795, "Frais mensuels — forfait OBNL", {"method": "deposit"}),
    (2, "transfer", None, 20_000, "Petite caisse — renflouement", {}),  # from the bank to the petty cash
)
# Once a year: (month of the exercice, day − 1, kind, category, cents, description).
ONCE_A_YEAR = (
    (1, 20, "expense", "insurance", 112_400, "Assurance responsabilité"),
    (2, 9, "expense", "aga", 38_500, "AGA — salle et repas"),
)
PSOC_A_YEAR = 9_800_000  # the PSOC grant, in four instalments (× the scale)
CITY_GRANT = 250_000


class _Journal:
    """The entries of the demo years, written at once at the end."""

    def __init__(self, ctx: DemoContext, bank: str, cash: str, scale: int) -> None:
        self.ctx, self.bank, self.cash, self.scale = ctx, bank, cash, scale
        self.entries: list[tuple[str | None, dict[str, Any]]] = []

    def add(self, on: dt.date, kind: str, cents: int, code: str | None, account: str | None = None,
            **extra: Any) -> None:
        if on <= self.ctx.today:
            self.entries.append((None, {"on": on.isoformat(), "kind": kind, "amount_cents": cents,
                                        "account_id": account or self.bank,
                                        "category_id": _cat(code) if code else None, "archived": 0, **extra}))

    def year(self, start: dt.date, months: list[dt.date]) -> None:
        rng, scale = self.ctx.rng, self.scale
        for quarter in range(4):
            self.add(months[quarter * 3] + dt.timedelta(days=4), "income", PSOC_A_YEAR * scale // 4, "psoc",
                     description="PSOC — versement")
        self.add(months[2] + dt.timedelta(days=12), "income", CITY_GRANT, "grants",
                 description="Ville — soutien aux organismes")
        for month in months:
            for day, kind, code, cents, description, extra in MONTHLY:
                more = {"reference": str(rng.randint(300, 999))} if code == "rent" else {}
                more |= {"to_account_id": self.cash} if kind == "transfer" else {}
                self.add(month + dt.timedelta(days=day), kind, cents * (scale if code == "rent" else 1), code,
                         description=description, **extra, **more)
        self._pay(start, months[-1] + dt.timedelta(days=31))
        for month, day, kind, code, cents, description in ONCE_A_YEAR:
            self.add(months[month] + dt.timedelta(days=day), kind, cents, code, description=description)
        self._yearly(start)

    def _pay(self, start: dt.date, until: dt.date) -> None:
        """Two people paid every two weeks (six in a big group), from the second Thursday."""
        pay_day = start + dt.timedelta(days=(3 - start.weekday()) % 7 + 7)
        while pay_day < until:
            for _staff in range(2 * self.scale):
                self.add(pay_day, "expense", self.ctx.rng.randint(138_000, 152_000), "salaries", description="Paie",
                         method="deposit")
            pay_day += dt.timedelta(days=14)

    def _yearly(self, start: dt.date) -> None:
        rng, big = self.ctx.rng, self.scale > 1
        for code, (count, dollars, descriptions) in YEARLY.items():
            kind = "income" if code in ("donations", "self_funding") else "expense"
            for _n in range(count * self.scale * (4 if big else 1)):
                on = start + dt.timedelta(days=rng.randint(0, 364))
                account = self.cash if kind == "expense" and rng.random() < 0.5 else self.bank
                self.add(on, kind, rng.randint(dollars * 50, dollars * 160), code, account,
                         method=rng.choice(["cash", "cheque", "transfer", "card"]), description=rng.choice(descriptions))


def _budget(scale: int) -> dict[str, int]:
    return {"psoc": PSOC_A_YEAR * scale, "grants": CITY_GRANT, "rent": 145_000 * 12 * scale,
            "salaries": 2 * scale * 26 * 145_000, "phone": 8_990 * 12, "insurance": 115_000, "bank_fees": 9_540,
            "aga": 40_000, "activities": 240_000 * scale}


def _months(start: dt.date) -> list[dt.date]:
    return [dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1) for i in range(12)]


def populate(ctx: DemoContext) -> None:
    store = ctx.store
    ctx.progress("Trésorerie")
    chart.install_starting_chart(store)
    years = 2 if ctx.scale.label == "demo" else ctx.scale.years
    scale = 3 if ctx.scale.people > 500 else 1
    current = group.fiscal_year_of(store, ctx.today)[0].year
    first = current - years + 1
    bank, cash = chart.starting_id(chart.ACCOUNTS, "bank"), chart.starting_id(chart.ACCOUNTS, "cash")
    opening_on = group.fiscal_year(store, first)[0].isoformat()
    rows.update(store, chart.ACCOUNTS, bank, {"name": "Compte Desjardins", "opening_cents": 1_842_315,
                                              "opening_on": opening_on})
    rows.update(store, chart.ACCOUNTS, cash, {"opening_cents": 15_000, "opening_on": opening_on})
    journal = _Journal(ctx, bank, cash, scale)
    for year in range(first, current + 1):
        start = group.fiscal_year(store, year)[0]
        journal.year(start, _months(start))
        for code, cents in _budget(scale).items():
            budget.set_budget(store, _cat(code), year, cents)
    with store.write():
        rows.insert_new_many(store, TABLE, journal.entries)
        _fees(ctx, group.fiscal_year(store, first)[0], cash)
        _statement(ctx, bank)
        for year in range(first, current):  # the exercices whose statements an AGA adopted
            aga_day = group.fiscal_year(store, year)[1] + dt.timedelta(days=75)
            if aga_day <= ctx.today:
                closing.close_year(store, year, closed_on=aga_day, note="Adoptés à l'AGA")


def _fees(ctx: DemoContext, since: dt.date, cash: str) -> None:
    """The register's fees since the first exercice become income entries, paid in cash at the centre."""
    store = ctx.store
    found = store.db.execute("SELECT id, person_id, paid_on, amount, period_start FROM memberships WHERE archived = 0 "
                             "AND paid_on >= ? AND paid_on <= ? AND CAST(amount AS REAL) > 0",
                             [since.isoformat(), ctx.today.isoformat()]).fetchall()
    category = fee_category(store)
    items = [(fee_entry_id(mid), {"on": paid_on, "kind": "income", "amount_cents": int(round(float(amount) * 100)),
                                  "account_id": cash, "category_id": category, "person_id": person_id,
                                  "membership_id": mid, "method": "cash", "description": f"Cotisation {period[:4]}",
                                  "archived": 0})
             for mid, person_id, paid_on, amount, period in found]
    rows.insert_new_many(store, TABLE, items)


def _statement(ctx: DemoContext, bank: str) -> None:
    """The bank statement of the last three months, as AccèsD would give it, imported and reconciled."""
    store = ctx.store
    since = ctx.today - dt.timedelta(days=90)
    lines = []
    for number, (on, kind, cents, description) in enumerate(store.db.execute(
            'SELECT "on", kind, amount_cents, description FROM treasury_transactions WHERE account_id = ? '
            'AND "on" >= ? AND archived = 0 ORDER BY "on"', [bank, since.isoformat()]).fetchall(), start=1):
        signed = cents if kind == "income" else -cents
        lines.append(BankLine(number, dt.date.fromisoformat(on) + dt.timedelta(days=ctx.rng.randint(0, 2)),
                              description or "", signed))
    lines.append(BankLine(len(lines) + 1, ctx.today - dt.timedelta(days=20), "Frais — chèque certifié", -1_000))
    lines.append(BankLine(len(lines) + 1, ctx.today - dt.timedelta(days=8), "Dépôt direct — Centraide", 50_000))
    reconcile.import_statement(store, bank, Statement("releve-accesd.csv", "desjardins", lines))
