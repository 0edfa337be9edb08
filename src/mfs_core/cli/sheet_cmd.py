"""``mfs sheet PROCEDURE_ID``: the take-home sheet (:mod:`mfs_core.sheet`), HTML or PDF."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mfs_core.cli._common import EXIT_OK, CliError, add_strict_option, load_registry, write_text


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sheet",
        help="the resident's take-home sheet of a procedure (HTML or PDF)",
        description="One A4 page in plain French: the procedure, the steps to do it "
        "alone, the official site with a QR code, the documents, a warning on paid "
        "look-alike sites, and the site's name and hours with --site. Exit 2 for an "
        "unknown procedure.",
    )
    parser.add_argument("procedure", metavar="PROCEDURE_ID", help="e.g. cnam.carte-vitale")
    parser.add_argument("--format", choices=("html", "pdf"), default="html")
    parser.add_argument("--output", metavar="FILE", help="write to FILE (default: stdout)")
    parser.add_argument("--site", metavar="SITE.toml", help="the counter's site file")
    add_strict_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        from mfs_core.sheet import build_sheet, to_html, to_pdf
    except ImportError as exc:  # pragma: no cover - the extra is installed in tests
        raise CliError(f"mfs sheet needs the 'sheet' extra ({exc.name} is missing)") from None
    site = None
    if args.site:
        from mfs_core.compliance.site import load_site

        site = load_site(args.site)
    if args.format == "pdf" and not args.output and sys.stdout.isatty():
        raise CliError("--format pdf: give --output FILE or redirect standard output")
    registry = load_registry(args)
    sheet = build_sheet(registry, args.procedure, site=site)
    try:
        data = to_pdf(sheet) if args.format == "pdf" else to_html(sheet).encode("utf-8")
    except ImportError as exc:
        raise CliError(f"mfs sheet needs the 'sheet' extra ({exc.name} is missing)") from None
    if args.output:
        try:
            with open(args.output, "wb") as out:
                out.write(data)
        except OSError as exc:
            raise CliError(
                f"--output: cannot write {args.output!r} ({exc.strerror or exc})"
            ) from None
        return EXIT_OK
    if args.format == "html":
        write_text(data.decode("utf-8"))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    return EXIT_OK
