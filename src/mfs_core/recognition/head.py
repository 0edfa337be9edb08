"""The head of the noun phrase a need opens with, when a « pour » complement qualifies it.

A French noun phrase puts its head, the noun, first and its complements after it: in
« une *procuration* pour le retrait d'une lettre recommandée » the resident asks about a
procuration; « pour le retrait… » says what it is for. Recognition reads a need as
a bag of words, so the complement's three words outweighed the head's one and the retrait
was claimed (issue-14v). Only « pour » is read: after « de » the complement is most often
what names the procedure (« carte *de séjour* », « demande *de RSA* »).
"""

from __future__ import annotations

from mfs_core.recognition.normalise import analysed_words, generic_words

__all__ = ["head_position"]

#: The preposition whose complement qualifies the head before it.
_QUALIFIER = "pour"
#: Words that open a noun phrase (accent-free; an elided « l' » is cut from its word): the
#: head read is a noun said after one of them, or the need's first word (« procuration
#: pour… »), not a verb (« je veux voter pour la première fois »).
_DETERMINERS = frozenset(
    ("un", "une", "le", "la", "les", "des", "du", "mon", "ma", "mes", "ton", "ta",
     "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "cette",
     "ce", "cet", "ces")
)  # fmt: skip


def head_position(text: str, folded: str | None = None) -> tuple[int, str] | None:
    """The position, among the meaningful words of ``text`` (as
    :func:`~mfs_core.recognition.normalise.meaningful` gives them, unless a stop-word
    locution came before: the caller checks the word), and the accent-free form of the
    need's first meaningful word that is not a word of how a request is asked
    (« obtenir »), when it opens the need or follows a determiner (a noun, not a verb)
    and « pour » follows it right after (« qu'est-ce qu'une *procuration*
    pour le retrait… » → ``(0, "procuration")``); ``None`` otherwise (no such word, or
    another word follows it). ``folded``: ``text.casefold()``, when the caller has it
    (recognition folds a need once for every reading of it)."""
    if _QUALIFIER not in (text.casefold() if folded is None else folded):
        return None  # most needs: no word to read
    generic = generic_words()
    # Every word, stop words too, with its stem when it is meaningful: the analysis the
    # need's words were read with (remembered per chunk of text).
    analysed = analysed_words(text)
    said = [plain for _, plain, _ in analysed]
    position = 0
    for n, (_, plain, stemmed) in enumerate(analysed):
        if stemmed is None:
            continue  # a stop word
        if plain not in generic:
            noun = n == 0 or said[n - 1] in _DETERMINERS  # « voter pour » is a verb's
            return (position, plain) if noun and said[n + 1 : n + 2] == [_QUALIFIER] else None
        position += 1
    return None
