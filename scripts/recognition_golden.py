"""Pin need recognition's results: a frozen catalogue and the outcome of every corpus phrasing.

Usage, from the repository root with the project's virtualenv::

    .venv/bin/python scripts/recognition_golden.py                # compare; exit 1 if any differs
    .venv/bin/python scripts/recognition_golden.py --write        # rewrite the outcomes
    .venv/bin/python scripts/recognition_golden.py --freeze --write  # re-copy the catalogue too

Speed work on recognition must not change any result; tuning changes them on purpose. This
recognises the phrasings of the corpus (``tests/data/recognition/needs.jsonl``) over a frozen
copy of the built-in catalogue (``tests/data/recognition/golden/catalogue.json``: of each
procedure and partner, the fields recognition reads) with the library's lexicon, and compares
the level, the number of candidates it concerns and the first three candidates (id, score,
confidence, matched words, as :class:`~mfs_core.recognition.Candidate` gives them) with
``golden/outcomes.jsonl``. ``tests/test_recognition_golden.py`` runs the comparison.

The catalogue is frozen so that it growing (the catalogue issue) does not move the outcomes:
only a change of recognition (code, lexicon, stop words, weights) does. When that change is
intended, rewrite the outcomes (``--write``), read the diff, and say why in the commit;
``--freeze`` re-copies the catalogue from the current built-in registry.
Exit code 0; 1 when an outcome differs (the first differences are printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DATA = Path(__file__).parents[1] / "tests" / "data" / "recognition"
CORPUS = DATA / "needs.jsonl"
CATALOGUE = DATA / "golden" / "catalogue.json"
OUTCOMES = DATA / "golden" / "outcomes.jsonl"
#: Of each procedure and partner, what recognition reads (and what building them needs).
PROCEDURE_FIELDS = (
    "id",
    "partner",
    "title",
    "thematiques",
    "fiche_id",
    "keywords",
    "fiche_title",
    "description",
    "questions",
    "related_questions",
    # a withdrawn procedure's title is read without its status remark (issue-14bl)
    "status",
)
PARTNER_FIELDS = ("code", "name", "kind", "keywords")
#: Whether a frozen procedure's description is its fiche's summary (its source, in short).
SUMMARISED = "description_is_fiche_summary"
TOP = 3


def freeze_catalogue() -> dict[str, Any]:
    """The recognition fields of the built-in registry's procedures and partners."""
    from mfs_core.registry import Registry

    registry = Registry.load(external=False)

    from mfs_core.recognition.index import summarised

    def plain(value: Any) -> Any:
        return list(value) if isinstance(value, tuple) else getattr(value, "value", value)

    return {
        "procedures": [
            # whether the description is the fiche's official summary: recognition reads
            # it then only to re-order suggestions (issue-14ae)
            {f: plain(getattr(p, f)) for f in PROCEDURE_FIELDS} | {SUMMARISED: summarised(p)}
            for p in sorted(registry.procedures.values(), key=lambda p: p.id)
        ],
        "partners": [
            {f: plain(getattr(p, f)) for f in PARTNER_FIELDS}
            for p in sorted(registry.partners.values(), key=lambda p: p.code)
        ],
    }


def recogniser(catalogue: dict[str, Any]) -> Any:
    """A recogniser of the frozen catalogue, with the library's lexicon."""
    from mfs_core.model import (
        Partner,
        PartnerKind,
        Procedure,
        ProcedureStatus,
        Source,
        SourceKind,
    )
    from mfs_core.recognition import Recogniser

    def procedure(data: dict[str, Any]) -> Procedure:
        data = dict(data)
        sources = ()
        if data.pop(SUMMARISED, False):
            fiche = data["fiche_id"]
            sources = (Source(kind=SourceKind.FICHE, identifier=fiche, supports=("description",)),)
        # a copy frozen before issue-14bl has no status: every procedure was read as active
        status = ProcedureStatus(data.pop("status", ProcedureStatus.ACTIVE))
        return Procedure(**data, sources=sources, status=status)

    procedures = [procedure(data) for data in catalogue["procedures"]]
    partners = {
        data["code"]: Partner(**{**data, "kind": PartnerKind(data["kind"])})
        for data in catalogue["partners"]
    }
    return Recogniser(procedures, partners)


def outcomes(catalogue: dict[str, Any]) -> list[dict[str, Any]]:
    """The outcome of every corpus phrasing, in corpus order."""
    found = recogniser(catalogue)
    texts = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines() if line]
    result = []
    for text in texts:
        recognition = found.recognise(text)
        result.append(
            {
                "text": text,
                "level": recognition.level.value,
                "chosen": recognition.chosen,
                "top": [
                    [c.procedure, c.score, c.confidence, list(c.matched)]
                    for c in recognition.candidates[:TOP]
                ],
            }
        )
    return result


def differences(catalogue: dict[str, Any], pinned: list[dict[str, Any]]) -> list[str]:
    """One line per phrasing whose outcome differs from the pinned one."""
    now = outcomes(catalogue)
    if len(now) != len(pinned):
        return [f"{len(now)} phrasings in the corpus, {len(pinned)} pinned: rewrite the outcomes"]
    return [
        f"{old['text']!r}: pinned {old['level']} {old['chosen']} {old['top']}, "
        f"now {new['level']} {new['chosen']} {new['top']}"
        for old, new in zip(pinned, now, strict=True)
        if old != new
    ]


def read_pinned() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The frozen catalogue and the pinned outcomes."""
    catalogue = json.loads(CATALOGUE.read_text("utf-8"))
    pinned = [json.loads(line) for line in OUTCOMES.read_text("utf-8").splitlines() if line]
    return catalogue, pinned


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the pinned outcomes")
    parser.add_argument(
        "--freeze", action="store_true", help="re-copy the catalogue from the built-in registry"
    )
    args = parser.parse_args(argv)
    if args.freeze:
        CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(freeze_catalogue(), ensure_ascii=False, indent=1) + "\n"
        CATALOGUE.write_text(text, "utf-8")
        print(f"wrote {CATALOGUE}")
    if args.write:
        catalogue = json.loads(CATALOGUE.read_text("utf-8"))
        lines = [json.dumps(o, ensure_ascii=False) for o in outcomes(catalogue)]
        OUTCOMES.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"wrote {OUTCOMES} ({len(lines)} phrasings)")
        return 0
    found = differences(*read_pinned())
    for line in found[:20]:
        print(line)
    print(f"{len(found)} phrasing(s) differ from the pinned outcomes")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
