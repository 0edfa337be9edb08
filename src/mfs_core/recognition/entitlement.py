"""What a need asks to be entitled to: the nouns after « droit à ».

« Un salarié qui part à la retraite a-t-il *droit à une indemnité* de départ ? » asks about
an indemnité; the rest of the need is who asks and when. Recognition reads a need as a bag
of words, so the story's words (« salarié », « retraite », « départ ») made the demande de
retraite a confident claim, though nothing in that procedure says « indemnité » (issue-14ab).
The French phrase « avoir droit à X » names what the resident asks for: a procedure that
explains none of the X said may be shown, not claimed. « droit à », « droit au », « droits
aux » are stop-word locutions (``data/stopwords.txt``), so their words never reach the
catalogue themselves.

Every locution of the need is read (« Mon droit au RSA a pris fin, ai-je droit à la
complémentaire santé solidaire ? » asks for the second, told after the first), and « droit
a » without its accent only before a determiner: « mon droit *a expiré* » is the verb
*avoir* (review 15d, findings 1 and 2).
"""

from __future__ import annotations

from mfs_core.recognition.normalise import analysed_words

__all__ = ["entitlement_words"]

#: « droit », « droits » (accent-free) then one of these: the locution that names what
#: the resident asks to be entitled to.
_RIGHT = frozenset(("droit", "droits"))
_TO = frozenset(("a", "au", "aux"))
#: After « droit a » written without its accent, the determiners that make it « droit à »
#: (« j'ai droit a une aide »); any other word reads as the verb (« le droit a changé »).
#: An elided article (« droit a l'APL ») is not seen here (the normalised words drop it):
#: such a need is not read as asking, which keeps the claim as it was.
_DETERMINERS = frozenset(
    {
        "un",
        "une",
        "le",
        "la",
        "les",
        "des",
        "du",
        "ce",
        "cet",
        "cette",
        "ces",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "son",
        "sa",
        "ses",
        "notre",
        "nos",
        "votre",
        "vos",
        "leur",
        "leurs",
        "aucun",
        "aucune",
    }
)


def entitlement_words(text: str, folded: str | None = None) -> tuple[str, ...]:
    """Each word ``text`` asks to be entitled to, in order, as its accent-free form: the
    first meaningful word after each « droit(s) à / au / aux » (stop words such as
    determiners skipped: « droit à *une* indemnité » → ``("indemnite",)``); empty when the
    need has no such locution. ``folded``: ``text.casefold()``, when the caller has it
    (recognition folds a need once for every reading of it)."""
    if "droit" not in (text.casefold() if folded is None else folded):
        return ()  # most needs: no word to read
    analysed = analysed_words(text)
    asked: list[str] = []
    for n in range(len(analysed) - 2):
        if analysed[n][1] not in _RIGHT or analysed[n + 1][1] not in _TO:
            continue
        if analysed[n + 1][0] == "a" and analysed[n + 2][1] not in _DETERMINERS:
            continue  # « le droit a changé »: the verb avoir, not the preposition
        for m in range(n + 2, len(analysed)):
            if analysed[m][2] is not None:
                asked.append(analysed[m][1])
                break
    return tuple(asked)
