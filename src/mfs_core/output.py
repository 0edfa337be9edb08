r"""Writing what mfs prints: each output format escapes outside text for itself.

Site names, ANCT cells, plugin messages, journal keys and file names come from outside and
may hold anything. Each encoder below makes such text inert in one format, so it shows as
what it is and never acts:

- **terminal** (:func:`terminal_text`: text outputs and error lines): control characters
  (C0 but tab and line break, DEL, C1), the line and paragraph separators and the
  bidirectional overrides are shown as ``\x1b``, ``\u202e``... so data cannot move the
  cursor, clear the screen, retitle the window or reverse the text around it; a text
  output's lines go through :func:`terminal_lines`, so a value's own line break is shown as
  ``\x0a`` and cannot forge a line (a verdict, a CI workflow command);
- **JSON** (:func:`json_text`): the same characters as ``\uXXXX`` escapes (JSON itself only
  escapes C0), the document unchanged once parsed;
- **XML** (:func:`xml_text`): the characters XML 1.0 forbids (C0 but tab and line breaks,
  unpaired surrogates, U+FFFE, U+FFFF) and the terminal's ones as visible escapes;
  ElementTree escapes the markup characters;
- **Markdown** (:func:`markdown_text`, :func:`markdown_code`): the characters that make
  Markdown constructs backslash-escaped (CommonMark allows it for any ASCII punctuation):
  ``\ ` * _ [ ] < > & | ~ # ! @``, and the ``:`` of ``://`` and the ``.`` of ``www.``
  (GitHub's autolinks), so data makes no raw HTML, link, image, emphasis, table cell or
  autolink, while ordinary punctuation (``-``, ``.``, ``:``, parentheses) stays readable;
- **CSV** (:func:`csv_text`): a cell starting like a formula (``=``, ``+``, ``-``, ``@``, tab,
  carriage return) gets a leading apostrophe, as OWASP recommends against CSV injection;
- **secrets** (:func:`hide_secrets`): passwords in URLs and libpq connection strings are
  hidden in every message.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

__all__ = [
    "csv_text",
    "hide_secrets",
    "json_text",
    "markdown_code",
    "markdown_text",
    "terminal_lines",
    "terminal_text",
    "xml_text",
]

# Characters that act on a terminal or reverse the text around them. The patterns are
# compiled on first use: `mfs plugins` needs one of them, and its cold start is measured.
_ACTIVE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"
_TERMINAL = f"[{_ACTIVE}]"
_TERMINAL_ONE_LINE = f"[{_ACTIVE}\t\n]"
_JSON = "[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_XML = f"[{_ACTIVE}\ud800-\udfff\ufffe\uffff]"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, *, one_line: bool = False) -> str:
    """``text`` with every active character shown as an escape (also tab and line breaks
    when ``one_line``)."""
    pattern = _compiled(_TERMINAL_ONE_LINE if one_line else _TERMINAL)
    return pattern.sub(_escape, text) if pattern.search(text) else text


def terminal_lines(lines: Sequence[str]) -> str:
    """``lines`` joined by line breaks, each one line whatever it holds: its own line
    breaks, tabs and active characters shown as escapes (:func:`terminal_text` with
    ``one_line``), so a value on a line (an ANCT cell, a site name) cannot start a line of
    its own (a forged verdict, a GitHub Actions ``::error`` command). No final line
    break."""
    text = "\n".join(lines)
    # One search for the usual block, whose only line breaks are the joins.
    if text.count("\n") == len(lines) - 1 and "\t" not in text:
        return terminal_text(text)
    return "\n".join(terminal_text(line, one_line=True) for line in lines)


def json_text(document: str) -> str:
    """A JSON document whose strings' active characters are ``\\uXXXX`` escapes: the same
    document once parsed, inert on a terminal."""
    global _json_search
    if document.isascii() and "\x7f" not in document:  # a flag and a memchr: no search
        return document
    # Every character _JSON escapes is one str.isprintable() refuses (Cc, Cf, Zl, Zp:
    # tested), and one C loop over a site's line or a finding is about half the
    # character-class search: a line without a tab, a line break or such a character
    # needs no search (the summary, indented, still does).
    if document.isprintable():
        return document
    if _json_search is None:  # called for each site of the national list: bound once
        _json_search = _compiled(_JSON).search
    if not _json_search(document):
        return document
    return _compiled(_JSON).sub(lambda m: f"\\u{ord(m.group()):04x}", document)


_json_search: Callable[[str], re.Match[str] | None] | None = None


def xml_text(text: str) -> str:
    """``text`` fit for an XML attribute or element: forbidden and active characters shown
    as escapes (ElementTree then escapes ``<``, ``&``, quotes)."""
    pattern = _compiled(_XML)
    return pattern.sub(_escape, text) if pattern.search(text) else text


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#!@"})
# A scheme's colon, and a dot before a word: renderers with fuzzy links (markdown-it's
# linkify) turn a bare domain such as ``0.AL`` into a link, not only ``www.`` ones.
_AUTOLINK = r"(?i):(?=//)|\.(?=\w)"


def markdown_text(text: str) -> str:
    """``text`` as inert Markdown on one line (a table cell, a heading)."""
    text = terminal_text(" ".join(text.splitlines()), one_line=True).translate(_MARKDOWN)
    return _compiled(_AUTOLINK).sub(lambda m: "\\" + m.group(), text)


def markdown_code(text: str) -> str:
    """``text`` as a Markdown code span, safe in a table cell."""
    text = terminal_text(" ".join(text.splitlines()), one_line=True).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def csv_text(text: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


_KEYWORD_SECRET = r"""(?i)\b((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)"""
_URL_USER = r"(?i)\b([a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@/\s]*@"


def hide_secrets(text: str) -> str:
    """``text`` with the passwords of URLs (``scheme://user:PASSWORD@host``), of
    ``password=`` query parameters and of libpq keyword strings (``password=...``,
    ``sslpassword='...'``) replaced by ``***``."""
    if "password" not in text.lower() and "@" not in text:
        return text
    text = _compiled(_KEYWORD_SECRET).sub(r"\1***", text)
    return _compiled(_URL_USER).sub(r"\1***@", text)


def public_url(url: str) -> str:
    """A journal URL fit for messages: :func:`hide_secrets`, also of a URL the parser
    reads a password from that the patterns above miss."""
    import urllib.parse

    shown = hide_secrets(url)
    try:
        password = urllib.parse.urlsplit(shown).password
    except ValueError:
        return shown
    return shown if password in (None, "***") else shown.replace(password, "***")
