"""Command line: the desktop app by default, and headless subcommands for scripts and tests.

Subcommands live in ``entraide_desktop/commands/<area>.py``; each module has
``register(subparsers)`` and sets ``func(args) -> int`` on its parsers. The passphrase of
headless commands comes from ``--passphrase-file`` or ``ENTRAIDE_PASSPHRASE``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .commands.parsing import FrenchParser, add_common_options
from .config import base_dirs, load_settings, paths_for
from .i18n import _, language, set_language
from .private_files import restrict_umask

COMMAND_MODULES = (
    "entraide_desktop.commands.core",
    "entraide_desktop.commands.members",
    "entraide_desktop.commands.calendar",
    "entraide_desktop.commands.calendar_import",
    "entraide_desktop.commands.responsibilities",
    "entraide_desktop.commands.meetings",
    "entraide_desktop.commands.sync",
    "entraide_desktop.commands.maintenance",
    "entraide_desktop.commands.access",
    "entraide_desktop.commands.treasury",
)


# argparse's own words (usage, errors), in French when the interface is French.
_ARGPARSE_FR = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "the following arguments are required: %s": "les arguments suivants sont obligatoires : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "expected one argument": "un argument est attendu",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (possibles : %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut désigner %(matches)s",
}


GLOBAL_OPTIONS = ("database", "passphrase_file", "lang")


def _argparse_gettext(message: str) -> str:
    return _ARGPARSE_FR.get(message, message) if language() == "fr" else message


argparse._ = _argparse_gettext  # type: ignore[attr-defined]


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The full parser; without commands, only what the desktop app takes (faster to build)."""
    parser = FrenchParser(
        prog="entraide",
        description=_(
            "Entraide : registre des membres, calendrier, responsabilités et procès-verbaux d'un groupe "
            "d'entraide. Sans commande, ouvre l'application."
        ),
    )
    parser.add_argument("--version", action="version", version=f"Entraide {__version__}",
                        help=_("afficher la version et quitter"))
    add_common_options(parser)
    parser.set_defaults(**dict.fromkeys(GLOBAL_OPTIONS))
    parser.add_argument(
        "--demo", action="store_true",
        help=_("ouvrir l'application sur une base de démonstration (créée au besoin, données fictives)"),
    )
    parser.add_argument(
        "--consultation", action="store_true",
        help=_("ouvrir d'abord le calendrier des membres (consultation, lecture seule)"),
    )
    if not with_commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar=_("commande"), parser_class=FrenchParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _early_language(argv: list[str]) -> str:
    """The language before parsing (so that --help is translated): --lang, else the saved preference."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    database = None
    for i, arg in enumerate(argv):
        if arg == "--database" and i + 1 < len(argv):
            database = argv[i + 1]
    return load_settings(paths_for(database)).language


def run(argv: list[str]) -> int:
    restrict_umask()  # every file made from here on is the user's alone (POSIX)
    chosen_language = _early_language(argv)
    paths = paths_for(None)
    set_language(chosen_language, paths.cache_dir)
    # The desktop app takes only options: try that first, without importing every command.
    wants_help = "-h" in argv or "--help" in argv
    args, rest = (None, argv) if wants_help else build_parser(with_commands=False).parse_known_args(argv)
    if args is not None and not rest:
        args.command = None
        return _run_gui(args)
    args = build_parser().parse_args(argv)
    if args.command:
        # deferred: the commands' areas load only when a command runs
        from .commands.common import run_command

        return run_command(args)
    return _run_gui(args)


def _run_gui(args: argparse.Namespace) -> int:
    # deferred: Qt loads only for the desktop app, never for a command
    from .ui.app import run_gui

    if args.demo:
        # deferred: the demo generator, only with --demo
        from .demo import DEMO_PASSPHRASE, ensure_demo_database

        paths = paths_for(args.database or ensure_demo_database_path())
        ensure_demo_database(paths)
        return run_gui(paths, demo_passphrase=DEMO_PASSPHRASE, consultation=args.consultation)
    return run_gui(paths_for(args.database), consultation=args.consultation)


def ensure_demo_database_path() -> str:
    data_dir = base_dirs()[0]
    return str(data_dir / "demo" / "entraide-demo.db")


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))

