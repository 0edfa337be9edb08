"""``mfs recognise``: which procedures a free-text need is about, with scores and words.

Prints the candidates need recognition ranks (:mod:`mfs_core.recognition`), best first, with
their score, confidence and the words that matched, and the conclusion: one procedure
recognised, a question to ask (several close), suggestions only, or nothing. The need is
read from the argument, or from standard input with ``-``; it is never stored or logged.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mfs_core.cli._common import (
    EXIT_OK,
    CliError,
    add_format_option,
    add_strict_option,
    load_registry,
    need_text,
    print_json,
    print_text,
)

if TYPE_CHECKING:
    from mfs_core.recognition import Candidate, Recognition


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "recognise",
        help="rank the procedures a free-text need is about",
        description="Rank the procedures a resident's need (French free text) is about, "
        "with scores, confidence and the words that matched. Exit 2 on an empty or "
        "too long need.",
    )
    parser.add_argument("need", metavar="TEXT", help="the need, or '-' to read standard input")
    parser.add_argument("--thematique", metavar="CODE", help="data·inclusion thematique")
    parser.add_argument(
        "--limit", type=int, default=5, metavar="N", help="candidates shown (default: 5)"
    )
    add_format_option(parser)
    add_strict_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from mfs_core.recognition import recogniser_for

    if not 1 <= args.limit <= 20:
        raise CliError("--limit: expected a number from 1 to 20")
    need = need_text(args.need, "TEXT")
    if args.thematique is not None:
        from mfs_core.thematiques import thematique_problem

        if problem := thematique_problem(args.thematique):
            raise CliError(f"--thematique: {problem}")
    registry = load_registry(args)
    recognition = recogniser_for(registry).recognise(
        need, thematique=args.thematique, limit=args.limit
    )
    if args.format == "json":
        from mfs_core.documents import recognition_document

        print_json(recognition_document(recognition, args.limit))
        return EXIT_OK
    from mfs_core.french import (
        PLACED_FR,
        RECOGNITION_LEVEL_FR,
        RESIDENT,
        WITHHELD_FR,
        decimal,
        percent,
        quoted,
    )
    from mfs_core.recognition import placed_in, shown_candidates

    shown = shown_candidates(recognition, args.limit)
    # French for the agent: numbers with a decimal comma (score 4,27 ; confiance 86 %).
    if recognition.several:
        # Not the ambiguous level's « plusieurs démarches proches » above « plusieurs
        # demandes »: the two read as two conclusions (review 14g, finding 6).
        print_text(
            "Conclusion : plusieurs demandes dans le même besoin, chacune lue à part, dans "
            "l'ordre où le besoin les cite :"
        )
        _print_requests(recognition, shown)
    else:
        if recognition.withheld is not None:
            # Not « rien d'assez sûr » above a candidate explaining 100 % of the need: why
            # it is only suggested (review 14n, finding 4).
            print_text(
                f"Conclusion : {WITHHELD_FR[recognition.withheld]} : suggestions seulement, "
                f"à confirmer avec l'{RESIDENT}"
            )
        else:
            print_text(f"Conclusion : {RECOGNITION_LEVEL_FR[recognition.level.value]}")
        if recognition.partner_only:
            print_text("Le besoin nomme seulement un organisme : ses démarches les plus générales.")
    if shown and recognition.level.value == "none":
        # The list is what a search finds, not a suggestion: said so, without saying that
        # none fits (the first may well be the one: it was not recognised surely enough).
        print_text("Les plus proches, pour information (trop incertaines pour être suggérées) :")

    for rank, (c, placed) in enumerate(zip(shown, placed_in(shown), strict=True), 1):
        score, confidence = decimal(round(c.score, 2)), percent(c.confidence, decimals=0)
        which = f"  (demande {c.request})" if c.request is not None else ""
        if recognition.several and c.request is None:
            # Close to the whole need, no answer to one request: unmarked, it read as an
            # answer to a request said « rien de reconnu » (review 14j, finding 5).
            which = "  (besoin entier)"
        print_text(f"{rank}. {c.procedure:<42} score {score:>6}  confiance {confidence}{which}")
        print_text(f"   {c.title}")
        print_text(f"   mots : {quoted(c.matched)}")
        if placed is not None:
            # Its score is lower than one listed after it: say why (issue-14ab).
            print_text(f"   citée avant une démarche au score plus élevé ({PLACED_FR[placed]})")
    return EXIT_OK


def _print_requests(recognition: Recognition, shown: Sequence[Candidate]) -> None:
    """One line per request of a need read as several: what it found alone, and the
    numbers of its candidates in the list below (issue-14aj); then how many are listed
    when some are not. Requests are named by number, never by the resident's words."""
    from mfs_core.french import count, plural, request_found, unlisted
    from mfs_core.recognition import requests_listed

    for answer in recognition.answers:
        ranks = [str(n) for n, c in enumerate(shown, 1) if c.request == answer.number]
        found = request_found(answer.level.value, answer.chosen, answer.withheld)
        if ranks:
            found += f" : n° {', '.join(ranks)} ci-dessous"
            if len(ranks) < answer.chosen:
                # « plusieurs démarches possibles : n° 1 » alone read as a contradiction
                # (--limit 1, review 14j, finding 4): the others are counted.
                left = answer.chosen - len(ranks)
                found += f" et {count(left, 'autre')} non {plural(left, 'listée')}"
        elif answer.chosen:
            found += f" : {unlisted(answer.chosen)} ci-dessous"
        print_text(f"  demande {answer.number} : {found}")
    listed = requests_listed(shown)
    if recognition.requests > listed:
        # A request no procedure answers, or one past the list, is said (issue-14ai); so
        # are those past the requests answered one by one (review 14j, finding 3).
        told = len(recognition.answers)
        detailed = f"{told} détaillées ci-dessus, " if recognition.requests > told else ""
        print_text(
            f"{recognition.requests} demandes lues, {detailed}{listed} "
            f"{plural(listed, 'listée')} ci-dessous : reprendre les autres avec l'usager."
        )
    if any(c.request is None for c in shown):
        print_text(
            "Marquées « (besoin entier) » : démarches proches du besoin entier, réponse à "
            "aucune demande en particulier."
        )
