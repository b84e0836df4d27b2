"""Headless commands of the responsibilities area: the year's spread (text or PDF), mandates,
rotation suggestions, people who never held a responsibility, the catalogue with who holds what."""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from pathlib import Path

from ..data import group as group_details
from ..data import responsibilities
from ..data.errors import EntraideError
from ..data.group import fiscal_year_of, period_text
from ..data.people import GROUP_LABELS
from ..data.responsibilities.assignments import find
from ..data.responsibilities.catalogue import KIND_HEADINGS, list_responsibilities
from ..data.responsibilities.figures import captions
from ..data.responsibilities.mandates import seats
from ..data.responsibilities.rotation import RULE, never_held, suggest
from ..data.text import fold
from ..i18n import _, format_date, format_percent
from .common import open_store, out
from .parsing import add_command

WIDTH = 100


def _date(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise EntraideError(
            _("Date invalide « {text} » : écrivez-la AAAA-MM-JJ (par exemple 2026-06-11).").format(text=text)) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub, "spread", cmd_spread,
        help=_("le partage des responsabilités d'un exercice (texte ou PDF pour l'AGA)"),
    )
    p.add_argument("--year", type=int, metavar=_("AAAA"),
                   help=_("l'année où commence l'exercice (2025 : l'exercice 2025-2026 quand il commence le 1er "
                          "avril) ; par défaut, l'exercice en cours"))
    p.add_argument("--format", choices=["text", "pdf"], default="text", help=_("texte (par défaut) ou pdf"))
    p.add_argument("--out", metavar=_("FICHIER"), help=_("fichier PDF à écrire (avec --format pdf)"))
    p.add_argument("--with-names", action="store_true",
                   help=_("nommer les personnes dans le PDF (par défaut, le document ne nomme personne)"))

    p = add_command(
        sub, "mandates", cmd_mandates,
        help=_("les sièges des mandats électifs, qui les occupe et jusqu'à quand"),
    )
    p.add_argument("--date", metavar=_("AAAA-MM-JJ"), help=_("à cette date (par défaut : aujourd'hui)"))
    p.add_argument("--to-fill", action="store_true",
                   help=_("seulement les sièges vacants ou dont le mandat se termine dans les 90 jours"))

    p = add_command(
        sub, "suggest", cmd_suggest,
        help=_("proposer la prochaine personne pour une tâche (rotation)"),
    )
    p.add_argument("task", metavar=_("TÂCHE"), help=_("le nom de la tâche (ou le début du nom)"))
    p.add_argument("--date", metavar=_("AAAA-MM-JJ"), help=_("pour cette date (par défaut : aujourd'hui)"))
    p.add_argument("--count", type=int, default=5, help=_("nombre de personnes proposées (5 par défaut)"))

    p = add_command(
        sub, "never-held", cmd_never_held,
        help=_("les personnes qui n'ont encore jamais pris de responsabilité"),
    )

    p = add_command(
        sub, "responsibilities", cmd_responsibilities,
        help=_("les tâches, rôles et mandats, et qui les tient"),
    )
    p.add_argument("--date", metavar=_("AAAA-MM-JJ"), help=_("à cette date (par défaut : aujourd'hui)"))


def _wrap(text: str, indent: str = "") -> None:
    out(textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent))


def spread_text(spread, group_name: str) -> list[str]:  # noqa: ANN001 (Spread)
    """The year's spread as lines of text (also used by tests)."""

    title = _("Le partage des responsabilités en {year}").format(year=spread.period_label)
    lines = [f"{title} — {group_name}" if group_name else title]
    if spread.start is not None and spread.end is not None:
        lines.append(_("Exercice {label} : {period}.").format(label=spread.period_label,
                                                              period=period_text(spread.start, spread.end)))
    lines.append("")
    if spread.total_assignments:
        by_group, people, number, share = _("Par groupe"), _("Personnes"), _("Nombre"), _("Part")
        by_kind, members, staff = _("Par genre"), _("Membres"), _("Pers. interv.")
        lines += [
            _("  Responsabilités tenues : {n}, par {p} personnes").format(
                n=spread.total_assignments, p=spread.people_with_assignment),
            _("  Membres : {m} · Personnes intervenantes : {s}").format(
                m=format_percent(spread.members_share), s=format_percent(spread.staff_share)),
            _("  Part tenue par les 20 % de personnes les plus occupées ({k}) : {share}").format(
                k=spread.top20_people, share=format_percent(spread.top20_share)),
            "",
            f"  {by_group:<34}{people:>10}{number:>10}{share:>8}",
        ]
        lines += [f"    {r.label:<32}{r.people:>10}{r.assignments:>10}{format_percent(r.share):>8}" for r in spread.by_group]
        lines += ["", f"  {by_kind:<34}{number:>10}{members:>10}{staff:>15}"]
        lines += [f"    {k.label:<32}{k.assignments:>10}{format_percent(k.members_share):>10}"
                  f"{format_percent(k.staff_share):>15}" for k in spread.by_kind]
        lines.append("")
    for caption in captions(spread):
        lines += textwrap.wrap(caption, WIDTH, initial_indent="  ", subsequent_indent="  ") + [""]
    return lines


def cmd_spread(args: argparse.Namespace) -> int:
    if args.format == "pdf" and not args.out:
        raise EntraideError(_("Indiquez le fichier PDF à écrire avec --out FICHIER."))

    with open_store(args) as store:
        year = args.year if args.year is not None else fiscal_year_of(store, dt.date.today())[0].year
        if args.format == "pdf":
            # deferred: Qt and the document writers load only for this command
            from ..documents.responsibilities import write_spread_pdf

            path = write_spread_pdf(store, year, Path(args.out), with_names=args.with_names)
            out(_("PDF écrit : {path}").format(path=path))
            return 0
        spread = responsibilities.exercice_spread(store, year)
        group = group_details.profile(store).name
    for line in spread_text(spread, group):
        out(line)
    return 0


def cmd_mandates(args: argparse.Namespace) -> int:
    on = _date(args.date)
    with open_store(args) as store:
        if args.to_fill:
            found = responsibilities.mandates_to_fill(store, on)
            out(_("Sièges à pourvoir au {date} (vacants ou mandat se terminant dans les 90 jours) :").format(
                date=format_date(on, "long")))
            for m in found:
                state = (_("vacant") if not m.holder else
                         _("{name}, jusqu'au {date}").format(name=m.holder, date=format_date(m.ends_on, "long")))
                seat_label = f"  {m.title} — " + _("siège {n}").format(n=m.seat)
                out(_("{field} : {value}").format(field=seat_label, value=state))
            if not found:
                out(_("  Aucun."))
            return 0
        all_seats = seats(store, on)
    out(_("Mandats électifs au {date} :").format(date=format_date(on, "long")))
    for seat in all_seats:
        head = f"  {seat.responsibility.title} — " + _("siège {n}").format(n=seat.seat)
        if seat.current is None:
            out(_("{field} : {value}").format(field=head, value=seat.status_text()))
            continue
        a = seat.current
        out(_("{field} : {value}").format(
            field=head, value=f"{a.person_name}, {a.period_text()} ({a.origin_label}) — {seat.status_text()}"))
    if not all_seats:
        out(_("  Aucun mandat dans le catalogue."))
    return 0


def _find_task(store, text: str):  # noqa: ANN001, ANN202

    tasks = list_responsibilities(store)
    exact = [t for t in tasks if t.id == text or fold(t.title) == fold(text)]
    if exact:
        return exact[0]
    matches = [t for t in tasks if fold(t.title).startswith(fold(text)) or fold(text) in fold(t.title)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise EntraideError(_("Aucune responsabilité ne s'appelle « {text} ». Voyez la liste avec « entraide "
                              "responsibilities ».").format(text=text))
    raise EntraideError(_("Plusieurs responsabilités correspondent à « {text} » : {names}. Précisez.").format(
        text=text, names=", ".join(t.title for t in matches)))


def cmd_suggest(args: argparse.Namespace) -> int:
    on = _date(args.date)
    with open_store(args) as store:
        task = _find_task(store, args.task)
        result = suggest(store, task.id, on, limit=max(args.count, 1))
    out(_("« {title} », le {date} — personnes proposées :").format(title=task.title, date=format_date(on, "long")))
    for i, s in enumerate(result.suggestions, start=1):
        out(f"  {i}. {s.name} — {s.reason()}")
    if not result.suggestions:
        out(_("  Personne ne peut être proposé·e à cette date."))
    if result.left_out_text():
        _wrap(result.left_out_text(), "  ")
    out()
    _wrap(_(RULE), "  ")
    return 0


def cmd_never_held(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        people = never_held(store)
    out(_("Personnes qui n'ont encore jamais pris de responsabilité ({n}) :").format(n=len(people)))
    for p in people:
        groups = ", ".join(_(GROUP_LABELS[g]) for g in p.groups)
        out(f"  {p.name}" + (f" ({groups})" if groups else ""))
    return 0


def cmd_responsibilities(args: argparse.Namespace) -> int:
    on = _date(args.date)
    with open_store(args) as store:
        catalogue = list_responsibilities(store)
        holders: dict[str, list[str]] = {}
        for a in find(store, start=on, end=on):
            holders.setdefault(a.responsibility_id, []).append(a.person_name)
    kind = None
    for r in catalogue:
        if r.kind != kind:
            kind = r.kind
            out()
            out(_(KIND_HEADINGS[r.kind]) + " :")
        names = ", ".join(sorted(holders.get(r.id, []))) or _("personne en ce moment")
        out(f"  {r.title} — {names}")
    return 0
