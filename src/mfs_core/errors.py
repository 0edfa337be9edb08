"""Errors raised by mfs-core.

Every error a user can cause is an :class:`InputError` naming the file, the field and what
was expected; the CLI prints it in one line and exits with code 2, never with a traceback.
"""

from __future__ import annotations

__all__ = ["InputError", "MfsError", "OldSpellingWarning", "PluginError"]


class MfsError(Exception):
    """Base class of every error raised by mfs-core."""


class InputError(MfsError):
    """Bad input: names where (file and field) and what was expected.

    ``problems`` holds one line per problem found, each already formatted as
    ``file: field: message``, so that all problems of a file are reported at once.
    """

    def __init__(self, problems: list[str] | str, *, source: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [problems]
        if source:
            problems = [f"{source}: {p}" for p in problems]
        self.problems: list[str] = problems
        self.source = source
        super().__init__("\n".join(problems))


class PluginError(MfsError):
    """A plugin failed to load, to register or to contribute (fatal in strict mode)."""


class OldSpellingWarning(DeprecationWarning):
    """Input written with a spelling still accepted but deprecated (``"monday"`` for
    ``"lundi"`` in a context file): it will be refused in a later release.

    A :class:`DeprecationWarning`, so Python shows it to developers (tests, ``-W``), not
    to the users of an application; ``mfs`` prints it as one ``mfs: warning:`` line.
    """
