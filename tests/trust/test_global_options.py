"""Finding 7 replayed: global options act wherever they are placed on the command line."""

from __future__ import annotations

import argparse

import pytest

from entraide_desktop.cli import build_parser, run
from tests.conftest import PASSPHRASE


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    """Every command, nested ones by their full words (« treasury import-statement »)."""
    parser = build_parser()
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(prefix: str, node: argparse.ArgumentParser) -> None:
        nested = [a for a in node._actions if isinstance(a, argparse._SubParsersAction)]
        if not nested:
            found[prefix.strip()] = node
        for action in nested:
            for name, sub in action.choices.items():
                walk(f"{prefix} {name}", sub)

    walk("", parser)
    return found


def _required_arguments(sub: argparse.ArgumentParser) -> list[str]:
    """The least a subcommand accepts: a value for each positional and each required option."""
    argv: list[str] = []
    for group in sub._mutually_exclusive_groups:
        if group.required:
            first = group._group_actions[0]
            argv += [first.option_strings[0], "1"] if first.nargs != 0 else [first.option_strings[0]]
    for action in sub._actions:
        value = str(next(iter(action.choices))) if action.choices else "1"
        if not action.option_strings:
            argv += [value] * (action.nargs if isinstance(action.nargs, int) else 1)
        elif action.required:
            argv += [action.option_strings[0], value]
    return argv


SUBCOMMANDS = sorted(_subparsers())


def test_every_subcommand_is_covered():
    assert {"check", "restore", "import-members", "backup"} <= set(SUBCOMMANDS)


@pytest.mark.parametrize("command", SUBCOMMANDS)
@pytest.mark.parametrize("place", ["before", "after"])
def test_global_options_are_honoured_before_and_after_the_command(command, place):
    options = ["--database", "/tmp/ailleurs.db", "--passphrase-file", "/tmp/phrase.txt", "--lang", "en"]
    rest = [*command.split(), *_required_arguments(_subparsers()[command])]
    argv = options + rest if place == "before" else rest + options
    args = build_parser().parse_args(argv)
    assert (args.database, args.passphrase_file, args.lang) == ("/tmp/ailleurs.db", "/tmp/phrase.txt", "en")


def test_without_global_options_a_command_sees_none():
    args = build_parser().parse_args(["check"])
    assert (args.database, args.passphrase_file, args.lang) == (None, None, None)


def test_init_and_check_before_the_command_act_on_the_named_database(tmp_path, monkeypatch):
    db = tmp_path / "ailleurs" / "entraide.db"
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    assert run(["--database", str(db), "init", "--group", "Le Phare", "--person", "Marie"]) == 0
    assert db.exists()
    assert run(["--database", str(db), "check"]) == 0
    # The default register was never created by any of this.
    assert run(["check"]) == 1


class _Reached(Exception):
    """Raised where a command asks which database to use."""


@pytest.mark.parametrize("command", SUBCOMMANDS)
@pytest.mark.parametrize("place", ["before", "after"])
def test_every_subcommand_opens_the_database_named_on_the_line(command, place, monkeypatch, tmp_path):
    """Run the command itself: the database it resolves is the one given, never the default register."""
    import entraide_desktop.commands.common as common

    asked: list[str | None] = []

    def spy(database=None):
        asked.append(database)
        raise _Reached

    monkeypatch.setattr(common, "paths_for", spy)
    sub = _subparsers()[command]
    rest = [*command.split(), *_required_arguments(sub)]
    if any("--yes" in action.option_strings for action in sub._actions):
        rest.append("--yes")  # no question on standard input
    database = str(tmp_path / "ailleurs.db")
    argv = ["--database", database, *rest] if place == "before" else [*rest, "--database", database]
    with pytest.raises(_Reached):
        run(argv)
    assert asked == [database]
