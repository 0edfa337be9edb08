"""Errors of the national dataset: a bad path, a file of another schema, duplicated sites."""

from __future__ import annotations

from mfs_core.errors import InputError

__all__ = ["DatasetError", "UnreadableFileError"]


class DatasetError(InputError):
    """A dataset cannot be written or read as asked: names the path and what was expected
    (the CLI prints it in one line and exits with code 2)."""


class UnreadableFileError(DatasetError):
    """A partition file whose footer or pages cannot be read (truncated, corrupt, a page
    that does not match its checksum): consolidation leaves that month unwritten and goes
    on with the others, where a file of another schema stops it before any month."""
