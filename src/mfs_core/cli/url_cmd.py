"""``mfs url``: is this the official site of a partner, another public site, or a look-alike?"""

from __future__ import annotations

import argparse
from typing import Any

from mfs_core.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_format_option,
    add_strict_option,
    load_registry,
    print_json,
    print_text,
)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "url",
        help="tell a partner's official site from a paid look-alike",
        description="Classify a URL as the official site of a registered partner "
        "(verdict 'partner'), another official public site ('public': *.gouv.fr, "
        "service-public.fr) or not official ('unofficial'). The text output is French, for "
        "the agent; JSON keeps the codes. Exit 0 for an official site, 1 otherwise, 2 for a "
        "malformed URL.",
    )
    parser.add_argument("url", metavar="URL", help="the address to check (scheme optional)")
    add_format_option(parser)
    add_strict_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from mfs_core.officialsites import OfficialSites

    verdict = OfficialSites.from_registry(load_registry(args)).classify(args.url)
    if args.format == "json":
        print_json(verdict.as_dict())
    else:
        from mfs_core.french import WEBSITE_KIND_FR

        print_text(f"{WEBSITE_KIND_FR[verdict.verdict]} : {verdict.reason}")
    return EXIT_OK if verdict.official else EXIT_FINDINGS
