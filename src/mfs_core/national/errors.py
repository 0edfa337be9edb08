"""Errors of the national dataset: a bad path, a file of another schema, duplicated sites."""

from __future__ import annotations

from mfs_core.errors import InputError

__all__ = ["DatasetError"]


class DatasetError(InputError):
    """A dataset cannot be written or read as asked: names the path and what was expected
    (the CLI prints it in one line and exits with code 2)."""
