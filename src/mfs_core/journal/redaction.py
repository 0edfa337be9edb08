"""Redaction of the journal's free text: the library's :mod:`mfs_core.redaction`.

Kept under this name for the code that imported it from here; the implementation lives in
:mod:`mfs_core.redaction` so that the input layer (the converter's error messages) can use it
without importing the journal.
"""

from __future__ import annotations

from mfs_core.redaction import PLACEHOLDERS, Finding, Redacted, id_problem, redact, safe_repr

__all__ = ["PLACEHOLDERS", "Finding", "Redacted", "id_problem", "redact", "safe_repr"]
