"""``mfs check``: label compliance of site files, or of the ANCT national list.

Exit 0 when no active finding reaches ``--fail-on`` (default: error), 1 otherwise, 2 on bad
input (file, field and what was expected on standard error). A check the data cannot decide
(*unknown*, e.g. staffing from the ANCT list) is not a finding: it never makes the exit code 1.
With ``--anct-csv``, the readable rows are checked and reported even when others are not;
the unreadable ones are named on standard error and the exit code is then 2. Likewise for
site files: a file that cannot be read is named (its problems on standard error, its file
and place in the report), the others are checked and reported, and the exit code is 2.

A reader that closes the output early (``mfs check ... | head``) does not make the check
pass: writing stops, the rest is still checked (unwritten: as long as the check itself, no
longer), and the exit code is the one the whole run gives. Exit 0 always means compliant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from mfs_core.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    CliError,
    ReaderGone,
    add_strict_option,
)

if TYPE_CHECKING:
    from mfs_core.compliance.report import ReportStream
    from mfs_core.compliance.runner import Runner
    from mfs_core.registry import Registry

FORMAT_CHOICES = ("text", "json", "jsonl", "junit", "sarif", "github", "markdown")


def _date(value: str) -> dt.date:
    from mfs_core.errors import InputError
    from mfs_core.inputs import parse_date
    from mfs_core.osm_hours import as_of_problem

    try:
        day = parse_date(value, "--as-of")
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--as-of: ")) from None
    if problem := as_of_problem(day):
        raise argparse.ArgumentTypeError(problem)
    return day


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="check sites against the France services label",
        description="Check site description files (TOML) or the ANCT national list against "
        "the label's rules. Exit 0 when no active finding reaches --fail-on, 1 otherwise, 2 "
        "on input error. Rules the data cannot decide are 'unknown', not findings: a list "
        "whose rows have no error exits 0. An unreadable site file (or, with --anct-csv, "
        "row) is named on standard error, the other files (rows) are checked and reported, "
        "and the exit code is 2.",
    )
    parser.add_argument("sites", nargs="*", metavar="SITE.toml", help="site description files")
    parser.add_argument(
        "--anct-csv",
        metavar="FILE",
        help="check the ANCT list of France services sites (CSV, UTF-8, ',' or ';' "
        "separated); exit 1 when a row has an active error finding, 2 when a row is unreadable",
    )
    parser.add_argument(
        "--format", choices=FORMAT_CHOICES, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--as-of", type=_date, metavar="DATE", help="evaluation date (default: today in Paris)"
    )
    parser.add_argument(
        "--hours-scope",
        choices=("structure", "each-location"),
        help="apply the 24 h / 5 days rule to the whole structure or to each location "
        "(default: the site file's hours_scope, itself 'structure' by default)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="lowest severity of an active finding that makes the exit code 1 (default: error)",
    )
    add_strict_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from mfs_core.cli._common import load_registry, print_error
    from mfs_core.compliance.formats import write
    from mfs_core.compliance.formats.spool import SpoolError
    from mfs_core.compliance.report import ReportStream
    from mfs_core.compliance.runner import Runner
    from mfs_core.compliance.site import HoursScope

    if bool(args.sites) == bool(args.anct_csv):
        raise CliError("give site files or --anct-csv FILE (one or the other)")
    registry = load_registry(args)
    runner = Runner(
        registry,
        as_of=args.as_of,
        hours_scope=HoursScope(args.hours_scope) if args.hours_scope else None,
    )
    if args.anct_csv:
        from mfs_core.compliance.anct import SkippedRow, iter_anct_results

        def skipped(problem: str) -> None:
            # The row's file and line for JUnit, SARIF and GitHub (the line carried by the
            # problem, never parsed out of its text); its reason (which may quote a cell)
            # on standard error only.
            line = problem.line if isinstance(problem, SkippedRow) else None
            report.unreadable(args.anct_csv, line)
            print_error(problem)

        # Read, check and write one row at a time: the national list, or a hundred times
        # it, in the memory of one row. Unreadable rows are named as they come.
        results = iter_anct_results(args.anct_csv, runner, on_skipped=skipped)
    else:
        from mfs_core.compliance.report import UnreadableFile
        from mfs_core.errors import InputError

        def unreadable(path: str, exc: InputError) -> None:
            # The file and where for the formats; its problems (which may quote a value)
            # on standard error only.
            report.unreadable_file(UnreadableFile.of(path, exc.problems))
            for problem in exc.problems:
                print_error(problem)

        # One file at a time: a bad file among good ones leaves the good ones reported.
        results = runner.iter_files(args.sites, unreadable)
    report = ReportStream(
        results, catalogue=runner.catalogue, as_of=runner.as_of, national=bool(args.anct_csv)
    )
    try:
        write(report, args.format, sys.stdout)
        sys.stdout.flush()
    except SpoolError as exc:
        raise CliError(str(exc)) from None
    except BrokenPipeError:
        # `| head` closed the output: a findings-free start is no verdict. Check the rest,
        # unwritten, and exit as the whole run would.
        for _ in report.entries():
            pass
        raise ReaderGone(_verdict(args, report, registry, runner)) from None
    return _verdict(args, report, registry, runner)


def _verdict(
    args: argparse.Namespace, report: ReportStream, registry: Registry, runner: Runner
) -> int:
    """The exit code of a run whose results are all read."""
    from mfs_core.cli._common import EXIT_INPUT, print_error, strict_failures
    from mfs_core.model import Severity

    if report.skipped_rows:
        print_error(f"{report.skipped_rows} unreadable row(s) skipped, see above")
        return EXIT_INPUT
    if report.unreadable_files:
        print_error(f"{report.unreadable_files} unreadable site file(s) not checked, see above")
        return EXIT_INPUT
    if strict_failures(registry, runner.plugin_failures):
        return EXIT_INPUT
    failing = [Severity.ERROR] + ([Severity.WARNING] if args.fail_on == "warning" else [])
    return EXIT_FINDINGS if report.has_active(failing) else EXIT_OK
