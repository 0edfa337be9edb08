"""What a need asks to be entitled to: the noun after « droit à ».

« Un salarié qui part à la retraite a-t-il *droit à une indemnité* de départ ? » asks about
an indemnité; the rest of the need is who asks and when. Recognition reads a need as a bag
of words, so the story's words (« salarié », « retraite », « départ ») made the demande de
retraite a confident claim, though nothing in that procedure says « indemnité » (issue-14ab).
The French phrase « avoir droit à X » names what the resident asks for: a procedure that
does not explain X may be shown, not claimed. « droit à », « droit au », « droits aux » are
stop-word locutions (``data/stopwords.txt``), so their words never reach the catalogue
themselves.
"""

from __future__ import annotations

from mfs_core.recognition.normalise import analysed_words

__all__ = ["entitlement_word"]

#: « droit », « droits » (accent-free) then one of these: the locution that names what
#: the resident asks to be entitled to.
_RIGHT = frozenset(("droit", "droits"))
_TO = frozenset(("a", "au", "aux"))


def entitlement_word(text: str) -> tuple[str, int] | None:
    """The accent-free form of the first meaningful word after « droit(s) à / au / aux »
    in ``text`` (stop words such as determiners skipped: « droit à *une* indemnité » →
    ``"indemnite"``), and how many times that form was said before it as a meaningful
    word (to find it among the need's words); ``None`` when the need has no such
    locution, or nothing meaningful after it."""
    if "droit" not in text.casefold():
        return None  # most needs: no word to read
    analysed = analysed_words(text)
    for n in range(len(analysed) - 2):
        if analysed[n][1] in _RIGHT and analysed[n + 1][1] in _TO:
            for m in range(n + 2, len(analysed)):
                plain = analysed[m][1]
                if analysed[m][2] is not None:
                    return plain, _said_before(analysed[:m], plain)
            return None
    return None


def _said_before(analysed: list[tuple[str, str, str | None]], plain: str) -> int:
    """How many meaningful words of ``analysed`` have the accent-free form ``plain`` (its
    own function: the generator made a cell in :func:`entitlement_word`, every need)."""
    return sum(1 for w in analysed if w[2] is not None and w[1] == plain)
