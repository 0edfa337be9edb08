"""The temporary file a format keeps its body in while its header waits for the totals
(JUnit, Markdown): a failure to write it (a full ``/tmp``, ``ulimit -f``) is a
:class:`SpoolError` naming what failed, not an ``OSError`` traceback."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from typing import IO

from mfs_core.errors import MfsError

__all__ = ["Spool", "SpoolError", "spool"]


class SpoolError(MfsError):
    """The report's temporary file cannot be made or written; the message says why."""


class Spool:
    """Text written to a temporary file, read back once from its start."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle

    def write(self, text: str) -> int:
        try:
            return self._handle.write(text)
        except OSError as exc:
            raise _failed(exc) from None

    def tell(self) -> int:
        return self._handle.tell()

    def seek(self, offset: int) -> int:
        return self._handle.seek(offset)

    def read(self, size: int = -1) -> str:
        return self._handle.read(size)


@contextlib.contextmanager
def spool() -> Iterator[Spool]:
    """A :class:`Spool` for the ``with`` block; raises :class:`SpoolError`."""
    try:
        handle = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise _failed(exc) from None
    with handle:
        yield Spool(handle)


def _failed(exc: OSError) -> SpoolError:
    return SpoolError(f"cannot write the report's temporary file ({exc.strerror or exc})")
