"""Headless import of a calendar file: ``entraide import-calendar FILE [--dry-run]``."""

from __future__ import annotations

import argparse

from ..data.calendar.activity_types import types_by_id
from ..data.calendar.ics_import import CalendarFileError, apply_calendar, preview_calendar
from ..data.errors import EntraideError
from ..i18n import _
from .common import open_store, out
from .parsing import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub, "import-calendar", cmd_import_calendar,
        help=_("importer un calendrier ICS (Google Agenda, Outlook, Thunderbird…) ; rien n'est ajouté deux fois"),
        description=_(
            "Lit un fichier ICS : chaque événement qui se répète devient une série avec ses occurrences annulées "
            "ou déplacées, chaque événement ponctuel une activité. Un événement déjà importé (même UID) n'est "
            "pas ajouté de nouveau. L'importation peut être annulée avec « entraide undo-import »."
            ),
    )
    p.add_argument("file", metavar=_("FICHIER"), help=_("le calendrier à importer (.ics)"))
    p.add_argument("--dry-run", action="store_true", help=_("seulement dire ce qui serait fait, sans rien écrire"))


def cmd_import_calendar(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            preview = preview_calendar(store, args.file)
        except CalendarFileError as error:
            out(error.message)
            out(_("Rien n'a été importé."))
            return 1
        types = types_by_id(store)
        out(preview.summary())
        for event in preview.events:
            kind = types.get(event.type_id)
            if event.already:
                state = _("déjà importée")
            elif event.problem:
                state = _("laissée de côté : {reason}").format(reason=event.problem)
            else:
                state = kind.name if kind else _("Entraide collective")
            line = _("{title} — {when} — {state}").format(title=event.title, when=event.describe(), state=state)
            out("  " + line + ("" if not event.notes else " (" + " ; ".join(event.notes) + ")"))
        for text in preview.ignored:
            out(text)
        if args.dry_run:
            out(_("Essai seulement (--dry-run) : rien n'a été écrit."))
            return 0
        try:
            result = apply_calendar(store, preview)
        except EntraideError as error:
            out(error.message)
            return 1
        out(result.summary())
    return 0
