"""The built-in checks, contributed through the ``mfs_checks`` hook like any plugin's."""

from __future__ import annotations

from collections.abc import Iterator

from mfs_core.hookspecs import hookimpl
from mfs_core.model import Check


@hookimpl
def mfs_checks() -> Iterator[Check]:
    from mfs_core.compliance.catalogue import BUILTIN_CHECKS

    yield from BUILTIN_CHECKS
