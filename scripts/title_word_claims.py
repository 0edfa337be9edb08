"""How many needs made of procedure-title words alone make a confident claim.

Usage, from the repository root with the project's virtualenv::

    .venv/bin/python scripts/title_word_claims.py        # the counts
    .venv/bin/python scripts/title_word_claims.py -v     # and each claiming need

A reviewer's sweep (issue 14, stop 21): every word longer than three letters of the built-in
procedures' titles and fiche titles, alone, and every pair of adjacent such words, recognised
as a need. One word of a title is seldom the procedure's name (« calcul », « extrait »): a
claim on it alone is a guess. Constructed needs, not a corpus: the figure says how often
recognition claims on vague evidence (issue-14j: one word 81 → 62 of 348, two words
276 → 266 of 482; ``tests/test_recognition_claims.py`` holds a ceiling).

A third sweep (issue-14n): each of a few words of how a request is asked (:data:`GENERIC`)
before each keyword of two words or more that more than one fiche holds (« changement carte
grise »). Such a need names no one fiche: a reviewer found « Changement de propriétaire de
carte grise » claimed for the address change (6 of 105 claimed before issue-14n, 0 after).
Exit code 0.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Sequence


def title_words(procedures: object) -> tuple[set[str], set[str]]:
    """The words (longer than three letters, elision cut) of every title and fiche title
    of ``procedures`` (an iterable of :class:`~mfs_core.model.Procedure`), alone and as
    adjacent pairs."""
    ones: set[str] = set()
    twos: set[str] = set()
    for procedure in procedures:  # type: ignore[attr-defined]
        for title in (procedure.title, procedure.fiche_title or ""):
            found = re.findall(r"[\wÀ-ÿ'’-]+", title.lower())
            words = [w.split("'")[-1].split("’")[-1] for w in found]
            words = [w for w in words if len(w) > 3]
            ones.update(words)
            twos.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return ones, twos


#: Words of how a request is asked, put before each shared keyword (the third sweep).
GENERIC = ("changement", "changer", "demande", "modification", "obtenir", "faire", "besoin")


def shared_phrase_needs(procedures: object) -> set[str]:
    """Each word of :data:`GENERIC` before each keyword of two words or more (its stems)
    that procedures of more than one fiche hold (``procedures``: an iterable of
    :class:`~mfs_core.model.Procedure`)."""
    from mfs_core.recognition.normalise import tokens

    fiches: dict[str, set[str]] = {}
    for procedure in procedures:  # type: ignore[attr-defined]
        for keyword in procedure.keywords:
            if len({t.stem for t in tokens(keyword)}) > 1:
                fiches.setdefault(keyword.lower(), set()).add(procedure.fiche_id or procedure.id)
    shared = [k for k, held in fiches.items() if len(held) > 1]
    return {f"{word} {keyword}" for keyword in shared for word in GENERIC}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list each claim")
    args = parser.parse_args(argv)
    from mfs_core.recognition import Level, recogniser_for
    from mfs_core.registry import Registry

    registry = Registry.load(external=False)
    recogniser = recogniser_for(registry)
    ones, twos = title_words(registry.procedures.values())
    shared = shared_phrase_needs(registry.procedures.values())
    sweeps = (("one word", ones), ("two words", twos), ("generic + shared keyword", shared))
    for name, needs in sweeps:
        claims = []
        for need in sorted(needs):
            recognition = recogniser.recognise(need)
            if recognition.level is Level.CONFIDENT and recognition.best is not None:
                claims.append((need, recognition.best.procedure))
        share = len(claims) / len(needs) if needs else 0.0
        print(f"{name}: {len(claims)} of {len(needs)} claim ({share:.1%})")
        if args.verbose:
            for need, procedure in claims:
                print(f"  {need:<32} {procedure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
