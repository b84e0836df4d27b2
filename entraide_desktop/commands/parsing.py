"""How headless commands are declared: French usage errors, the global options every command also
takes, and :func:`add_command`, which gives a subcommand both and its function in one call."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..i18n import _


class FrenchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # French usage errors, exit status 2
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog} : erreur : {message}\n").format(prog=self.prog, message=message))


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """The global options, taken before or after the command: a subcommand's copy has no default,
    so it never hides what was given before the command (``entraide --database X check``)."""
    hidden = {"default": argparse.SUPPRESS}
    parser.add_argument("--database", metavar=_("FICHIER"), help=_("base de données à utiliser"), **hidden)
    parser.add_argument(
        "--passphrase-file", metavar=_("FICHIER"),
        help=_("fichier contenant la phrase de passe (sinon la variable ENTRAIDE_PASSPHRASE)"), **hidden,
    )
    parser.add_argument("--lang", choices=["fr", "en"], help=_("langue (fr ou en)"), **hidden)


def add_command(sub: argparse._SubParsersAction, name: str, func: Callable[[argparse.Namespace], int],
                **options: str) -> argparse.ArgumentParser:
    """A subcommand ``name`` (``help``, ``description``…) that runs ``func`` and takes the global options."""
    parser = sub.add_parser(name, **options)
    add_common_options(parser)
    parser.set_defaults(func=func)
    return parser


def add_actions(parser: argparse.ArgumentParser, dest: str) -> argparse._SubParsersAction:
    """The actions of a command with several (``entraide treasury import-statement…``)."""
    return parser.add_subparsers(dest=dest, metavar=_("action"), parser_class=FrenchParser, required=True)
