"""Headless commands of the calendar area: ``entraide export-calendar``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..data.calendar.activity_types import list_types
from ..data.errors import EntraideError
from ..data.text import fold
from ..i18n import _, format_number, ngettext
from .common import open_store, out
from .parsing import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub, "export-calendar", cmd_export_calendar,
        help=_("exporter le calendrier en ICS (agendas) ou en PDF (calendrier mural à imprimer)"),
        description=_(
            "Exporte les activités du groupe. ICS : tout le calendrier (ou une période, ou un type), "
            "avec les "
            "répétitions et les exceptions, pour les logiciels d'agenda. PDF : un calendrier mural d'un mois "
            "(ou d'une semaine), format lettre à l'horizontale."
            ),
    )
    p.add_argument("--format", choices=["ics", "pdf"], required=True, help=_("ics ou pdf"))
    p.add_argument("--out", required=True, metavar=_("FICHIER"), help=_("fichier à créer"))
    p.add_argument("--from", dest="date_from", metavar=_("DATE"), help=_("premier jour (AAAA-MM-JJ)"))
    p.add_argument("--to", dest="date_to", metavar=_("DATE"), help=_("dernier jour (AAAA-MM-JJ)"))
    p.add_argument(
        "--month", metavar=_("AAAA-MM"), help=_("PDF : le mois à imprimer (par défaut, le mois courant)")
    )
    p.add_argument("--week", metavar=_("DATE"), help=_("PDF : imprimer la semaine qui contient ce jour"))
    p.add_argument(
        "--paper",
        choices=["letter", "a4"],
        default="letter",
        help=_("PDF : format du papier (letter par défaut, ou a4)"),
    )
    p.add_argument(
        "--type",
        dest="types",
        action="append",
        metavar=_("TYPE"),
        help=_("seulement ce type d'activité (nom ou étiquette ; peut être répété)"),
    )
    p.add_argument("--public", action="store_true", help=_("seulement les activités publiques"))


def _date(value: str | None, option: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise EntraideError(
            _("Date invalide pour {option} : « {value} » (format AAAA-MM-JJ).").format(
                option=option, value=value
            )
        ) from None


def _month(value: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in value.split("-"))
        dt.date(year, month, 1)
    except ValueError:
        raise EntraideError(
            _("Mois invalide : « {value} » (format AAAA-MM, par exemple 2026-12).").format(value=value)
        ) from None
    return year, month


def _type_ids(store, names: list[str] | None) -> set[str] | None:  # type: ignore[no-untyped-def]

    if not names:
        return None
    types = list_types(store, include_archived=True)
    chosen = set()
    for name in names:
        match = [t for t in types if name in (t.id,) or fold(name) in (fold(t.name), fold(t.short_label))]
        if not match:
            raise EntraideError(
                _("Type d'activité inconnu : « {name} ». Types du groupe : {known}.").format(
                    name=name, known=", ".join(t.name for t in types)
                )
            )
        chosen |= {t.id for t in match}
    return chosen


def _months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def cmd_export_calendar(args: argparse.Namespace) -> int:
    first, last = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if first and last and last < first:
        raise EntraideError(
            _("La période est à l'envers : --to ({to}) est avant --from ({first}).").format(
                to=last, first=first
            )
        )
    target = Path(args.out).expanduser()
    if args.format == "pdf" and (args.month and args.week):
        raise EntraideError(_("Choisissez --month ou --week, pas les deux."))
    with open_store(args, lock=False) as store:
        types = _type_ids(store, args.types)
        if args.format == "ics":
            # deferred: icalendar loads only for this command
            from ..documents.calendar.ics import export_ics

            result = export_ics(store, target, type_ids=types, start=first, end=last, public_only=args.public)
            out(
                ngettext(
                    "Calendrier exporté : {n} activité", "Calendrier exporté : {n} activités", result.events
                ).format(n=format_number(result.events))
                + ngettext(
                    ", {n} changement ponctuel", ", {n} changements ponctuels", result.overrides
                ).format(n=format_number(result.overrides))
                + f" → {target}"
            )
            return 0
        # deferred: Qt and the document writers load only for this command
        from ..documents.calendar.pdf import wall_data, write_wall_pdf
        from ..documents.fonts import ensure_gui

        ensure_gui()

        if args.week:
            day = _date(args.week, "--week")
            pages = [wall_data(store, week_of=day, type_ids=types, public_only=args.public)]
        else:
            if args.month:
                months = [_month(args.month)]
            elif first or last:
                months = _months_between(first or last, last or first)  # type: ignore[arg-type]
            else:
                today = dt.date.today()
                months = [(today.year, today.month)]
            if len(months) > 36:
                raise EntraideError(_("Au plus 36 mois à la fois, s'il vous plaît."))
            pages = [wall_data(store, month=m, type_ids=types, public_only=args.public) for m in months]
        count = write_wall_pdf(pages, target, args.paper)
    out(
        ngettext("Calendrier mural créé : {n} page", "Calendrier mural créé : {n} pages", count).format(
            n=count
        )
        + f" → {target}"
    )
    return 0
