"""« États financiers (non audités) » of an exercice, for the AGA: PDF and ODT, and the AGA package's section.

The statement of revenues and expenses by category (against the budget and the previous
exercice), the balance of every account at the start and end of the year, and a note on what is
not reconciled with the bank. Amounts come from the journal, in cents, summed exactly.
"""

from __future__ import annotations

from pathlib import Path

from ...data import group
from ...data.store import Store
from ...data.treasury.balances import CategoryLine, Statement, statement
from ...data.treasury.chart import list_accounts
from ...data.treasury.closing import is_closed
from ...data.treasury.money import format_cents
from ...data.treasury.reconcile import lines, unreconciled
from ...i18n import _, format_date, ngettext
from ..page import escape
from ..render import heading, para, write

TABLE = '<table width="100%" border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">'


def _money(cents: int | None) -> str:
    return escape(format_cents(cents)) if cents is not None else "—"


def _row(cells: list[str], *, bold: bool = False) -> str:
    out = []
    for i, cell in enumerate(cells):
        text = f"<b>{cell}</b>" if bold else cell
        align = "" if i == 0 else ' align="right"'
        out.append(f"<td{align}>{text}</td>")
    return "<tr>" + "".join(out) + "</tr>"


def _head(cells: list[str], first_width: int = 46) -> str:
    """Header cells; the first column takes ``first_width`` % and the others share the rest (aligned tables)."""
    other = (100 - first_width) // max(1, len(cells) - 1)
    widths = [first_width] + [other] * (len(cells) - 1)
    return "<tr>" + "".join(f'<th width="{w}%">{escape(c)}</th>' for c, w in zip(cells, widths, strict=True)) + "</tr>"


def _lines_table(title: str, lines: list[CategoryLine], total_label: str, s: Statement, previous_label: str) -> str:
    rows = [_head([title, _("Réel {year}").format(year=group.exercice_label(s.start, s.end)), _("Budget"),
                   previous_label])]

    def previous(cents: int) -> str:  # « — » when the previous exercice was not kept in Entraide
        return _money(cents if s.previous_recorded else None)

    for line in lines:
        rows.append(_row([escape(line.category.name), _money(line.actual_cents), _money(line.budget_cents),
                          previous(line.previous_cents)]))
    budget = [line.budget_cents for line in lines if line.budget_cents is not None]
    rows.append(_row([escape(total_label), _money(sum(line.actual_cents for line in lines)),
                      _money(sum(budget) if budget else None), previous(sum(line.previous_cents for line in lines))],
                     bold=True))
    return TABLE + "".join(rows) + "</table>"


def revenues_and_expenses_html(s: Statement, previous_label: str) -> str:
    out = [heading(2, _("État des revenus et dépenses"))]
    out.append(_lines_table(_("Revenus"), s.income, _("Total des revenus"), s, previous_label))
    out.append("<p>&nbsp;</p>")
    out.append(_lines_table(_("Dépenses"), s.expenses, _("Total des dépenses"), s, previous_label))
    label = _("Excédent des revenus sur les dépenses") if s.surplus >= 0 else _("Excédent des dépenses sur les revenus")
    out.append(f'<p class="outcome" style="margin-top:8px">{escape(label)} : {_money(abs(s.surplus))}</p>')
    return "".join(out)


def accounts_html(s: Statement) -> str:
    out = [heading(2, _("Soldes des comptes"))]
    rows = [_head([_("Compte"), _("Solde au {date}").format(date=format_date(s.start, "medium")), _("Entrées"),
                   _("Sorties"), _("Virements (net)"), _("Solde au {date}").format(date=format_date(s.end, "medium"))], first_width=22)]
    for p in s.accounts:
        rows.append(_row([escape(p.account.name), _money(p.opening_cents), _money(p.income_cents),
                          _money(p.expense_cents), _money(p.transfers_in_cents - p.transfers_out_cents),
                          _money(p.closing_cents)]))
    rows.append(_row([escape(_("Total")), _money(sum(p.opening_cents for p in s.accounts)),
                      _money(sum(p.income_cents for p in s.accounts)), _money(sum(p.expense_cents for p in s.accounts)),
                      _money(0), _money(sum(p.closing_cents for p in s.accounts))], bold=True))
    out.append(TABLE + "".join(rows) + "</table>")
    unbalanced = [p.account.name for p in s.accounts if not p.balanced]
    if unbalanced:
        out.append(para(_("Attention : le solde ne se vérifie pas pour {names}.").format(names=", ".join(unbalanced))))
    return "".join(out)


def reconciliation_note_html(store: Store, s: Statement) -> str:
    out = [heading(2, _("Note sur le rapprochement bancaire"))]
    notes = []
    imported = False
    for account in list_accounts(store):
        imported = imported or bool(lines(store, account.id))
        left = unreconciled(store, account.id, end=s.end)
        if not left.lines and not left.entries:
            continue
        parts = []
        if left.lines:
            parts.append(ngettext("{n} ligne du relevé sans écriture ({total})",
                                  "{n} lignes du relevé sans écriture ({total})", len(left.lines)).format(
                n=len(left.lines), total=format_cents(sum(line.amount_cents for line in left.lines))))
        if left.entries:
            parts.append(ngettext("{n} écriture que la banque n'a pas encore vue ({total})",
                                  "{n} écritures que la banque n'a pas encore vues ({total})", len(left.entries)).format(
                n=len(left.entries), total=format_cents(sum(e.signed_cents(account.id) for e in left.entries))))
        notes.append(f"<li><p>{escape(account.name)} : {escape(' ; '.join(parts))}.</p></li>")
    if notes:
        out.append("<ul>" + "".join(notes) + "</ul>")
    elif not imported:
        out.append(para(_("Aucun relevé bancaire n'a été importé dans Entraide : le rapprochement bancaire reste à "
                          "faire.")))
    else:
        out.append(para(_("Toutes les opérations des relevés bancaires importés sont rapprochées des écritures au {date}.")
                        .format(date=format_date(s.end))))
    return "".join(out)


def statements_body(store: Store, exercice: int, *, title: str | None = None, page_break: bool = False) -> str:
    """The whole « États financiers (non audités) » as HTML (alone, or as a section of the AGA package)."""
    s = statement(store, exercice)
    label = group.fiscal_year_label(store, exercice)
    previous_label = _("Réel {year}").format(year=group.fiscal_year_label(store, exercice - 1))
    out = [heading(1, title or _("États financiers (non audités)"), page_break=page_break)]
    out.append(para(_("Exercice {label} : {period}").format(label=label, period=group.period_text(s.start, s.end)),
                    "status"))
    if is_closed(store, exercice):
        out.append(para(_("États financiers adoptés : l'exercice est fermé."), "center"))
    else:
        out.append(para(_("Projet : l'exercice n'est pas encore fermé, les montants peuvent changer."), "center"))
    if not any(line.actual_cents or line.previous_cents or line.budget_cents for line in s.income + s.expenses):
        out.append(para(_("Aucune écriture n'est inscrite dans la trésorerie d'Entraide pour cet exercice.")))
        return "".join(out)
    out += [revenues_and_expenses_html(s, previous_label), accounts_html(s), reconciliation_note_html(store, s)]
    out.append(para(_("Ces états financiers n'ont fait l'objet ni d'un audit ni d'une mission d'examen.")))
    return "".join(out)


def export_statements(store: Store, exercice: int, path: Path | str, fmt: str) -> Path:
    """Write the exercice's financial statements as PDF or ODT at ``path``."""
    profile = group.profile(store)
    title = _("États financiers (non audités) — exercice {year}").format(year=group.fiscal_year_label(store, exercice))
    footer = f"{profile.name} — {title}" if profile.name else title
    body = (para(profile.name, "group") if profile.name else "") + statements_body(store, exercice)
    return write(body, path, fmt, title=title, footer=footer)
