"""``mfs plugins``: the loaded plugins, what each contributes, and load errors.

``mfs plugins --check`` validates every contribution (see :mod:`mfs_core.validation`);
``mfs plugins new NAME`` writes the package of a new plugin (:mod:`mfs_core.scaffold`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from mfs_core.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_format_option,
    add_strict_option,
    load_registry,
    print_json,
    print_text,
)
from mfs_core.hookspecs import HOOKS

if TYPE_CHECKING:
    from mfs_core.registry import Registry


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    from mfs_core.validation import MAX_AGE_DAYS_LIMIT

    if not 1 <= value <= MAX_AGE_DAYS_LIMIT:
        raise argparse.ArgumentTypeError(
            f"{value} is not a number of days from 1 to {MAX_AGE_DAYS_LIMIT}"
        )
    return value


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "plugins",
        help="list the plugins and what they contribute; --check validates them",
        description="List the plugins (built-in partners and external plugins), what each "
        "contributes and any load error. Exit 1 if a plugin had a fault. With --check, "
        "validate every contribution and exit 1 with the findings.",
    )
    add_format_option(parser)
    add_strict_option(parser)
    parser.add_argument(
        "--check",
        action="store_true",
        help="validate ids, partners, URLs, fiche ids, referral rules and last-verified dates",
    )
    parser.add_argument(
        "--max-age-days",
        type=_positive_int,
        metavar="DAYS",
        help="with --check: maximum age of a last-verified date (default: setting "
        "max_verification_age_days, MFS_MAX_VERIFICATION_AGE_DAYS)",
    )
    parser.set_defaults(handler=run)
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    new: argparse.ArgumentParser = actions.add_parser(
        "new",
        help="write the package of a new plugin (pyproject, data file, rule, check, tests)",
        description="Write mfs-NAME/ holding a new plugin for the partner NAME: pyproject.toml "
        "with its entry point, the partner and its procedures (a TOML data file), one referral "
        "rule, one check and tests using mfs_core.testing. Every value is an example to "
        "replace. As written, it installs and passes `mfs plugins --check` and its tests.",
    )
    new.add_argument("name", metavar="NAME", help="partner code and plugin name, e.g. droits-info")
    new.add_argument(
        "--directory",
        default=".",
        metavar="DIR",
        help="where to write mfs-NAME/ (default: the current directory)",
    )
    new.set_defaults(handler=run_new)


def run_new(args: argparse.Namespace) -> int:
    from mfs_core.scaffold import new_plugin

    target = new_plugin(args.name, args.directory)
    print_text(
        f"wrote {target}: pip install -e '{target}[test]', then mfs plugins --check and pytest"
    )
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    registry = load_registry(args, warn=False)  # reported below, in full
    if args.check:
        return _check(registry, args)
    if args.format == "json":
        from mfs_core.documents import plugins_document

        print_json(plugins_document(registry))
    else:
        _print_table(registry.plugins)
        for warning in registry.warnings:
            print_text(f"warning: {warning}")
    return EXIT_FINDINGS if registry.faults else EXIT_OK


def _check(registry: Registry, args: argparse.Namespace) -> int:
    from mfs_core.validation import unverified, validate

    max_age = args.max_age_days
    if max_age is None:
        from mfs_core.settings import load_settings

        max_age = load_settings().max_verification_age_days
    findings = validate(registry, max_age_days=max_age)
    not_verified = [p.id for p in unverified(registry)]
    if args.format == "json":
        print_json(
            {
                "max_age_days": max_age,
                "plugins": len(registry.plugins),
                "findings": [f.as_dict() for f in findings],
                "unverified": not_verified,
            }
        )
    else:
        for finding in findings:
            print_text(finding)
        counts = (
            f"{len(registry.plugins)} plugins, {len(registry.procedures)} procedures, "
            f"{len(registry.referral_rules)} referral rules, {len(registry.checks)} checks"
        )
        print_text(f"{len(findings)} finding(s) in {counts} (maximum age {max_age} days)")
        if not_verified:
            # Not findings: these claim no verification, and agents should know it.
            print_text(
                f"{len(not_verified)} procedure(s) not verified against a dated source "
                f"(verification = no): {', '.join(not_verified)}"
            )
    return EXIT_FINDINGS if findings else EXIT_OK


def _print_table(plugins: Any) -> None:
    # One column per hook, titled by the last word of its plural ("referral_rules": rules).
    columns = [hook.plural for hook in HOOKS]
    header = ("plugin", "distribution", "version", *(c.rsplit("_", 1)[-1] for c in columns))
    rows = [
        (p.name, p.distribution, p.version, *(str(p.count(c)) for c in columns)) for p in plugins
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print_text("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    for p in plugins:
        for fault in p.faults:
            print_text(f"error: {fault}")
