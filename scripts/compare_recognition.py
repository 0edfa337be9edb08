"""Compare every outcome of the current recognition code with git revision REV's, by repr.

    python scripts/compare_recognition.py e048545 [--core] [--data]

For speed work that must not change a result (issue 14's speed passes): the recognition
package of REV is imported under a name of its own (``benchmarks/bench_recognition.py``'s
``recognition_at``) and both are run on the same registry (built-in plugins, and the
installed external ones unless ``--core``). Cases: each of the corpus phrasings (827 at
stop 39) as written, folded to capitals without accents, with two seeded typing errors, and said
twice; each without a thematique and with one drawn from the catalogue's (or an unknown
code); limits 1, 5 and 1,000; over the catalogue and over it copied three times (exact
ties). An outcome is the ``repr`` of the :class:`~mfs_core.recognition.Recognition`: level,
candidates, scores, confidences and matched words to the last digit shown. A candidate's
``placed`` (issue-14ab) is left out of the repr where it is ``None``, and a recognition's
``requests`` (issue-14ai) where it is 0 and its ``withheld`` (issue-14bc) where it is
``None``, so that revisions before them compare with those after on what changed.

Prints the number of outcomes compared and how many differ (the first three in full, or
with ``--all`` every need whose outcome moved, once, with the number of its variants that
differ); a need of the corpus's holdout split is counted, never printed (its words and
outcomes are for measuring only: stop 39); exits 1 when any differs, 2 when git cannot read
REV.

``--data`` runs REV's code on REV's built-in catalogue too (its
``src/mfs_core/partners/data/*.toml``, read from git): for catalogue changes, which the
default, both codes over today's catalogue, cannot show (stop 35). A data change moves
most scores in their last digits (the fields' average lengths and the words' document
frequencies are the whole catalogue's); ``--coarse`` compares what an agent sees instead:
the level, how many candidates it concerns, and the first five candidates' ids in order
(the default ``--limit`` of ``mfs recognise``).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))

from bench_recognition import CORPUS, archived, copied, needs_and_requests, recognition_at

from mfs_core import recognition
from mfs_core.datafile import load_data_file
from mfs_core.partners import PARTNER_PLUGINS
from mfs_core.registry import Registry

_SHOWN = 3


def _folded_capitals(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def _mistyped(text: str, rng: random.Random) -> str:
    letters = list(text)
    for _ in range(2):
        where = rng.randrange(len(letters))
        edit = rng.choice("rid")
        if edit == "r":
            letters[where] = rng.choice("aeioulnrst")
        elif edit == "i":
            letters.insert(where, rng.choice("aeioulnrst"))
        elif len(letters) > 1:
            del letters[where]
    return "".join(letters)


def _shown(outcome: object) -> str:
    """The ``repr`` of a recognition, without the ``placed=None`` and ``request=None``
    (issue-14aj) of its candidates nor its own ``requests=0`` (issue-14ai),
    ``answers=()`` (issue-14aj) and ``withheld=None`` (issue-14bc), so that revisions
    before them compare."""
    shown = repr(outcome).replace(", withheld=None)", ")")
    shown = shown.replace(", request=None)", ")").replace(", placed=None)", ")")
    return shown.replace(", answers=())", ")").replace(", requests=0)", ")")


def _registry_at(revision: str, external: bool) -> Registry:
    """The registry with the built-in partners' data files of git ``revision`` (extracted
    into a temporary folder, removed once read) in place of today's, and the installed
    external plugins if ``external``. Raises ``subprocess.CalledProcessError`` when git
    cannot read them (an unknown revision, or one before ``partners/data``)."""
    with (
        archived(revision, "src/mfs_core/partners/data") as tar,
        tempfile.TemporaryDirectory(prefix="compare-recognition-") as name,
    ):
        folder = Path(name)
        tar.extractall(folder, filter="data")
        data = folder / "src/mfs_core/partners"
        plugins = [
            (code, load_data_file(data / file, package="mfs_core.partners"))
            for code, file in PARTNER_PLUGINS.items()
        ]
        # Read now: the data plugins read their files at the first hook call.
        return Registry.load(builtins=False, external=external, extra=plugins)


#: What is printed for a need of the holdout split that moved.
_HIDDEN = "a need of the holdout split (not shown)"


def _holdout_texts() -> frozenset[str]:
    """The texts of the corpus's holdout split."""
    items = (json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line)
    return frozenset(item["text"] for item in items if item.get("split") == "holdout")


def _print_one(what: str, text: str, case: str, now: str, was: str, hidden: set[str]) -> None:
    """One moved outcome; a variant of a holdout need is counted, not shown."""
    if text in hidden:
        print(f"{what}: {_HIDDEN}{case}")
    else:
        print(f"{what}: {text!r}{case}\n  now {now}\n  was {was}")


def _coarse(outcome: recognition.Recognition) -> str:
    """What an agent reads of a recognition: level, chosen, the first five candidates' ids."""
    ids = ", ".join(c.procedure for c in outcome.candidates[:5])
    return f"{outcome.level.value} {outcome.chosen}: {ids}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision")
    parser.add_argument("--core", action="store_true", help="built-in plugins only")
    parser.add_argument(
        "--all", action="store_true", help="name every need whose outcome moved (once)"
    )
    parser.add_argument(
        "--data", action="store_true", help="REV's code on REV's built-in catalogue"
    )
    parser.add_argument(
        "--coarse", action="store_true", help="compare level, chosen and candidate ids only"
    )
    args = parser.parse_args()
    registry = Registry.load(external=not args.core)
    try:
        old = recognition_at(args.revision)
        former = _registry_at(args.revision, not args.core) if args.data else registry
    except subprocess.CalledProcessError as exc:
        said = exc.stderr.decode("utf-8", "replace").strip() if exc.stderr else ""
        print(f"compare_recognition: git cannot read {args.revision!r}: {said}", file=sys.stderr)
        return 2
    needs, _ = needs_and_requests()
    holdout = _holdout_texts()
    rng = random.Random(14)
    texts = []
    hidden: set[str] = set()  # the variants of the holdout's needs
    for need in needs:
        said = [need, _folded_capitals(need), _mistyped(need, rng), f"{need} {need}"]
        texts += said
        if need in holdout:
            hidden.update(said)
    codes = sorted({t for p in registry.procedures.values() for t in p.thematiques})
    thematiques = [*codes[:6], "inconnu"]
    compared = differ = 0
    moved: dict[str, list[str]] = {}  # need -> its outcomes now and before (the first)
    variants: dict[str, int] = {}
    shown = _coarse if args.coarse else _shown
    sets = [
        (list(registry.procedures.values()), list(former.procedures.values())),
        (copied(registry, 3), copied(former, 3)),
    ]
    for procedures, formerly in sets:
        now = recognition.Recogniser(procedures, registry.partners)
        before = old.Recogniser(formerly, former.partners)
        for text in texts:
            for thematique in (None, rng.choice(thematiques)):
                for limit in (1, 5, 1_000):
                    a = shown(now.recognise(text, thematique=thematique, limit=limit))
                    b = shown(before.recognise(text, thematique=thematique, limit=limit))
                    compared += 1
                    if a != b:
                        differ += 1
                        variants[text] = variants.get(text, 0) + 1
                        moved.setdefault(text, [a, b])
                        if differ <= _SHOWN and not args.all:
                            _print_one("differs", text, f" {thematique} {limit}", a, b, hidden)
    for text, (a, b) in moved.items() if args.all else ():
        _print_one(f"moved ({variants[text]} variants)", text, "", a, b, hidden)
    plugins = "built-in only" if args.core else "with installed external plugins"
    data = ", its catalogue" if args.data else ""
    print(f"{compared} outcomes compared with {args.revision}{data} ({plugins}): {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
