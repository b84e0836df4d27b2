"""Headless commands of the meetings area: list meetings, export minutes, the AGA package."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..data import meetings as mt
from ..data.errors import EntraideError
from ..data.group import period_text
from ..data.meetings.report import default_report_year, report_period
from ..i18n import _, format_date
from .common import open_store, out
from .parsing import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub, "list-meetings", cmd_list_meetings,
        help=_("lister les réunions (identifiant, date, type, état du procès-verbal)"),
    )
    p.add_argument("--year", type=int, help=_("seulement les réunions de cette année"))

    p = add_command(
        sub, "export-minutes", cmd_export_minutes,
        help=_("exporter le procès-verbal d'une réunion en PDF ou en ODT"),
    )
    p.add_argument("--meeting", required=True, metavar="ID",
                   help=_("identifiant de la réunion (voir list-meetings ; le début suffit)"))
    p.add_argument("--format", required=True, choices=["pdf", "odt"], help=_("format du document"))
    p.add_argument("--out", required=True, metavar=_("FICHIER"), help=_("fichier à écrire"))

    p = add_command(
        sub, "report", cmd_report,
        help=_("document de l'AGA d'un exercice : ordre du jour, procès-verbal précédent, "
            "rapport d'activités, mandats à pourvoir"),
    )
    p.add_argument("--year", type=int, metavar=_("AAAA"),
                   help=_("l'année où commence l'exercice du rapport d'activités (2025 : l'exercice 2025-2026 quand "
                          "il commence le 1er avril) ; par défaut, le dernier exercice terminé tant que son AGA n'a "
                          "pas eu lieu, sinon l'exercice en cours"))
    p.add_argument("--format", required=True, choices=["pdf", "odt"], help=_("format du document"))
    p.add_argument("--out", required=True, metavar=_("FICHIER"), help=_("fichier à écrire"))


def _resolve(store, given: str) -> str:  # type: ignore[no-untyped-def]

    given = given.strip().lower()
    found = [m.id for m in mt.list_meetings(store) if m.id.lower().startswith(given)] if given else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise EntraideError(
            _("Aucune réunion ne correspond à « {id} » (voir entraide list-meetings).").format(id=given))
    raise EntraideError(_("Plusieurs réunions commencent par « {id} » : donnez plus de caractères.").format(id=given))


def cmd_list_meetings(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = mt.list_meetings(store, year=args.year)
        for m in found:
            state = _("adopté le {date}").format(date=m.adopted_on.isoformat()) if m.adopted_on else _("projet")
            out(f"{m.id}  {m.date.isoformat()}  {m.abbrev:<4} {m.type_name:<34} "
                + _("{n} présent·es, {p} propositions, {state}").format(n=m.present, p=m.proposals, state=state))
        if not found:
            out(_("Aucune réunion."))
    return 0


def cmd_export_minutes(args: argparse.Namespace) -> int:
    # deferred: Qt and the document writers load only for this command
    from ..documents.meetings import export_minutes

    with open_store(args) as store:
        meeting_id = _resolve(store, args.meeting)
        path = export_minutes(store, meeting_id, Path(args.out), args.format)
        meeting = mt.get_meeting(store, meeting_id)
    out(_("Procès-verbal de la réunion du {date} écrit dans {path}.").format(date=format_date(meeting.date), path=path))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    # deferred: Qt and the document writers load only for this command
    from ..documents.meetings import export_package

    with open_store(args) as store:
        year = args.year if args.year is not None else default_report_year(store)
        period = report_period(store, year)
        path = export_package(store, year, Path(args.out), args.format)
    out(_("Document de l'AGA (rapport d'activités de l'exercice {label}, {period}) écrit dans {path}.").format(
        label=period.label, period=period_text(period.start, period.end), path=path))
    return 0
