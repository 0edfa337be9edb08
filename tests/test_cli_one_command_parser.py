"""``mfs COMMAND ...`` builds the parser of that command alone (cold start, issue 14): it
must read the command's arguments exactly as the parser of every command does."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from mfs_core.cli import COMMAND_MODULES, build_parser

COMMANDS = [module.rsplit(".", 1)[1].removesuffix("_cmd") for module in COMMAND_MODULES]


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    raise AssertionError(f"no subcommand {command}")


@pytest.mark.parametrize("command", COMMANDS)
def test_one_command_parser_is_the_full_parsers_subcommand(command: str) -> None:
    alone = _subparser(build_parser(command), command)
    full = _subparser(build_parser(), command)
    assert alone.format_help() == full.format_help()
    assert [a.option_strings for a in alone._actions] == [a.option_strings for a in full._actions]


def test_one_command_parser_holds_that_command_only() -> None:
    parser = build_parser("plugins")
    assert parser.parse_args(["plugins"]).command == "plugins"
    with pytest.raises(SystemExit):
        parser.parse_args(["procedures"])


def test_mfs_plugins_does_not_import_the_other_commands() -> None:
    code = (
        "import sys, mfs_core.cli as cli; cli.main(['plugins', '--format', 'json']); "
        "print(__import__('json').dumps(sorted(m for m in sys.modules "
        "if m.startswith('mfs_core.cli.') and m.endswith('_cmd'))), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stderr.strip().splitlines()[-1]) == ["mfs_core.cli.plugins_cmd"]


def test_an_unknown_command_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from mfs_core.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["plugin"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert all(command in err for command in COMMANDS)
