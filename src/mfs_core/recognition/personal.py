"""Personal data in a need is not what the need is about: it is read as blank.

An agent types what the resident says, names and numbers included: « Mme Nguyen veut
déclarer ses revenus » was level ``none`` (« mme » and « nguyen » two unknown words diluting
two known ones) where « veut déclarer ses revenus » is a clarify; « Mme Vitali a perdu sa
carte » matched « vitali » to « vitale » by typo tolerance and printed the surname among the
matched words (review 14g, finding 5). :func:`without_personal_data` blanks, with spaces of
the same length (offsets are kept for every later step), what :func:`mfs_core.redaction.redact`
finds — names, e-mail addresses, telephone numbers, NIR, IBAN, partner numbers, dates of
birth — and the civility before a name.

Three limits, each from a reviewer's finding (review 16s):

- redaction's civility rule takes up to four capitalised words after « M. » (« Mme Martin
  Carte Vitale » is one name to it): a word of a name that the catalogue or the lexicon
  holds (``known``) is kept, so the need keeps its subject, and so is any word after the
  first that simplemma's French dictionary holds; the word right after a civility is the
  surname, blanked even when it is such a word (« Madame Carrière », issue-14bc);
- in a need with no lower-case letter no name is blanked: capitals say nothing there
  (« M. DUPONT CARTE VITALE PERDUE », « JE ME SEPARE » with « ME » read as Maître);
- redaction runs only on a need that holds a sign of such data (:data:`_NAME_SIGNS`: a
  civility or a word that introduces a name, « née », « épouse », « nom »; an ``@``, six
  digits in a row): 3 of the corpus's 495 needs. Its first-name rule alone would blank a
  first name written where a need names a thing (« Que Faire Si Non Reçu ? »).

What redaction cannot find (a surname alone, see ``docs/journal.md``) is read as any word.

Routing reads a need's words to orient it to a local service, where a word of a name
would send the resident elsewhere (« Mme Mariage » to a service keyed « mariage », review
14j): there ``whole_names`` blanks a name opened by a civility whole, known and French
words too, when its first word is a known word or the need goes on in lower case after
it (« Mme Dupont Mariage voudrait … »); otherwise its first word only (« Mme Martin
Épicerie Sociale », a note in title case, keeps its need: review 14k). It also blanks the
word right after a civility in capitals or without a space (« MME MARIAGE », « M.Mariage »,
« m. marchand »), where redaction finds no name, but after a civility's word used as a
noun (in lower case after a determiner or before « de »: « un maître d'apprentissage »,
review 14l). A known word after an opener that needs
no capital (« conjoint : mariage prévu ») is still kept.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from mfs_core.recognition.normalise import MAX_TEXT_CHARS, word_before

__all__ = ["without_personal_data"]

#: Signs of a number redaction may find: an e-mail's ``@``, six digits in a row
#: (telephone, NIR, IBAN, partner numbers; « 2042 » or « 62 ans » are shorter).
_NUMBER_SIGN = re.compile(r"@|\d[\d .]{5,}")
#: Civilities, as written (lower case): the gate's words below and the one blanked before
#: a name (« Me » apart: with its capital only in the gate, « me » being a pronoun).
_CIVILITIES = (
    "m", "mme", "mmes", "mlle", "melle", "madame", "mademoiselle", "monsieur", "messieurs",
    "mr", "dr", "docteur", "pr", "professeur", "maître", "maitre",
)  # fmt: skip
#: Words that introduce a name as :mod:`mfs_core.redaction.names` reads them: civilities
#: and the introducers that need no capital after them (every one of redaction's, checked
#: by tests/test_recognition_personal.py), as written (a word set: no
#: per-word folding on every need). Family words (« son fils Lucas ») and « je m'appelle »'s
#: « je » would open the gate on one need in eight of the corpus; « appelle » stands for
#: the latter.
_NAME_SIGNS = frozenset(
    spelling
    for word in (
        *_CIVILITIES, "appelle", "prénommé", "prénommée", "prenomme", "prenommee", "nommé",
        "nommée", "dénommé", "dénommée", "né", "née", "nés", "nées", "nee", "épouse",
        "epouse", "ep", "veuve", "vve", "nom", "prénom", "prenom", "prénoms", "prenoms",
        "conjoint", "conjointe", "usager", "usagère", "usagere", "bénéficiaire",
        "beneficiaire",
    )
    for written in (word, word.capitalize(), word.upper())
    for spelling in (written, written + ".", written + ",", written + ":", "(" + written)
) | {"Me", "Me.", "(Me", "MM", "MM.", "(MM"}  # fmt: skip
#: What is read of a need: recognition's part (MAX_TEXT_CHARS) and a margin for a name,
#: an address or a number cut at its end.
_READ = MAX_TEXT_CHARS + 100
#: A civility just before a blanked name (« Mme », « M. », « Maître », « Dr. »).
_CIVILITY = re.compile(rf"\b(?:{'|'.join(_CIVILITIES)}|me)\b\.?\s*$", re.IGNORECASE)
#: How far before a name its civility may start: the longest (« mademoiselle »), its
#: point and spaces.
_CIVILITY_CHARS = max(map(len, _CIVILITIES)) + 4
#: « MM. » (messieurs) also opens a name blanked whole under ``whole_names`` (« MM. Route
#: et … »); in capitals only: « mm » is a unit.
_MESSIEURS = re.compile(r"\bMM\b\.?\s*$")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Under ``whole_names``, a civility and the word right after it, in any case and with no
#: space after its point (« MME MARIAGE », « M.Mariage », « m. marchand »: redaction
#: finds no name there, review 14k): « Me » and « MM » apart (a pronoun, a unit), « m »
#: only with its point and not after a number (« 3 m. de large »).
_OPENED = re.compile(
    r"(?<![^\W_])(?<!\d\s)(?:m\.|(?:mmes?|mlle|melle|madame|mademoiselle|monsieur|mr|dr"
    r"|docteur|maître|maitre)\b\.?)[^\S\n]*([^\W\d_]+(?:['’-][^\W\d_]+)*)",
    re.IGNORECASE,
)
#: Civilities that are also nouns, written out in lower case (« un maître
#: d'apprentissage », « le docteur »): :func:`_noun`.
_SPELLED_OUT = frozenset(("maître", "maitre", "docteur", "madame", "mademoiselle", "monsieur"))
#: « de » and its contractions after a noun (« maître de stage », « docteur du village »).
_OF = frozenset(("de", "du", "des"))
#: Determiners before a noun (articles, possessives, demonstratives, « au »: « au docteur »).
_DETERMINERS = frozenset(
    "un une le la l les des du au aux mon ma mes ton ta tes son sa ses notre nos votre vos "  # noqa: SIM905
    "leur leurs ce cet cette ces quel quelle chaque".split()
)
_DETERMINER_CHARS = max(map(len, _DETERMINERS)) + 4
#: The first letter after a name, spaces skipped: in lower case, the need goes on in its
#: own words, so the capitalised words before were the name (« Mme Dupont Mariage
#: voudrait … »); otherwise the need may be written in title case (« Mme Martin Épicerie
#: Sociale »).
_NEXT_LETTER = re.compile(r"\s*([^\W\d_])")


#: The characters a need's first word is read in (the longest first name has 20).
_OPENING_CHARS = 40


@functools.cache
def _first_names() -> frozenset[str]:
    from mfs_core.redaction.names import plain_first_names

    return plain_first_names()


def _opening_name_blanked(head: str, known: Callable[[str], bool]) -> str:
    """``head`` with the first name it opens with blanked, and a surname right after it:
    an agent's note in the third person (« Paul souhaiterait déclarer ses revenus ») read
    like « souhaiterait déclarer ses revenus » (review 14m: the name, an unknown word,
    diluted the need from a clarify to nothing). Only a first name that is no French word
    (:func:`~mfs_core.redaction.names.plain_first_names`: « Paul », not « Pierre » or
    « France ») nor a word recognition knows, then at most two capitalised words it does
    not know (a surname: « Martin » too), separated by spaces only, and the need going on
    in lower case; otherwise nothing is blanked (« Kevin Carte vitale perdue » keeps its
    words). ``head`` itself when nothing is blanked. Raises nothing."""
    # A split of the first characters and a set lookup on every need (0.2 µs): the rest
    # runs on the few that open with a first name.
    opening = head[:_OPENING_CHARS].split(None, 1)
    if not opening or opening[0] not in _first_names() or known(opening[0]):
        return head
    words = list(itertools.islice(_WORD.finditer(head), 4))
    for n, word in enumerate(words[1:], start=1):
        if head[words[n - 1].end() : word.start()].strip():
            return head  # punctuation between: not one name and its need
        if word.group()[:1].islower():
            break
        if n == 3 or word.group().isupper() or known(word.group()):
            return head
    else:
        return head
    end = words[n - 1].end()
    return " " * end + head[end:]


def _nothing_known(_word: str) -> bool:
    return False


def _french(word: str) -> bool:
    """Whether simplemma's French dictionary holds ``word`` (« rembourser », « Martin »)."""
    import simplemma

    return bool(simplemma.is_known(word.lower(), lang="fr"))


def without_personal_data(
    text: str,
    known: Callable[[str], bool] = _nothing_known,
    *,
    whole_names: bool = False,
    partner: Callable[[str], bool] = _nothing_known,
) -> str:
    """``text`` with the personal data :func:`~mfs_core.redaction.redact` finds replaced by
    spaces (same length, same offsets): in a name, each word but those ``known`` (a word
    as written -> whether recognition's catalogue or lexicon holds it) after the first
    (the word a civility opens is blanked unless it is a ``partner``'s name: « M. Caf »),
    and the civility before it; with ``whole_names``, every word of a name a civility
    opens (« Mme Colis Alimentaire »). ``text`` unchanged when it holds no sign of such
    data. Only the first :data:`~mfs_core.recognition.normalise.MAX_TEXT_CHARS` characters
    (and a margin) are read, as recognition reads them. Raises nothing."""
    head = text[:_READ]
    unnamed = _opening_name_blanked(head, known)
    if unnamed is not head:
        head, text = unnamed, unnamed + text[_READ:]
    # Words between spaces, as written, with the punctuation that sticks to a civility
    # (« M. »): str.translate or a regex split cost several times more on every need.
    if (
        _NAME_SIGNS.isdisjoint(head.split())
        and not _NUMBER_SIGN.search(head)
        # « je m'appelle », « il s’appelle »: elided, so no word of its own (review 14h)
        and "appelle" not in head
        and "APPELLE" not in head
    ):
        return _opened_blanked(head) + text[_READ:] if whole_names else text
    from mfs_core.redaction import DataKind, redact

    chars = list(head)
    # In a need written without a lower-case letter, capitals say nothing: « JE ME SEPARE »
    # reads « ME » as the civility Maître and « SEPARE » as a name; its names stay words.
    cased = head != head.upper()
    for found in redact(head).spans:
        if found.span is None:  # redact() gives every span its offsets; a type says "maybe"
            continue
        start, end = found.span
        if found.kind is not DataKind.NAME:
            chars[start:end] = " " * (end - start)
            continue
        if not cased:
            continue
        # Just before the name: a search from 0 made a long need quadratic (100,000
        # characters of names took 6.6 s).
        civility = _CIVILITY.search(head, max(0, start - _CIVILITY_CHARS), start)
        words = list(_WORD.finditer(head, start, end))
        opened = whole_names and (
            civility is not None
            or _MESSIEURS.search(head, max(0, start - _CIVILITY_CHARS), start) is not None
        )
        whole = opened and bool(words) and _name_only(head, end, words[0].group(), known)
        for n, word in enumerate(words):
            # The first word is the name itself; the next may be the need's own words
            # that redaction took along (« Mme Durand Veut Rembourser … »: in title case
            # every word looks like a name): a French word stays. The word a civility
            # opens is the name even when the catalogue holds it (« Madame Carrière veut
            # faire une demande de retraite » read the CNAV's carrière and printed it
            # among the matched words), a partner's name apart (« M. Caf demande le
            # RSA »: the agent's note names the CAF, not a Monsieur Caf).
            if (
                whole
                or (n == 0 and (opened or (civility is not None and not partner(word.group()))))
                or (not known(word.group()) and (n == 0 or not _french(word.group())))
            ):
                chars[word.start() : word.end()] = " " * (word.end() - word.start())
        if civility:
            chars[civility.start() : start] = " " * (start - civility.start())
    blanked = "".join(chars)
    return (_opened_blanked(blanked) if whole_names else blanked) + text[_READ:]


def _name_only(head: str, end: int, first: str, known: Callable[[str], bool]) -> bool:
    """Whether every word of a name a civility opens, ending at ``end`` of ``head``, is
    the name: its ``first`` word is one recognition knows (« Mme Mariage », « Mme Colis
    Alimentaire » : a surname that is a word), or the need goes on in lower case after it
    (« Mme Dupont Mariage voudrait … »). Otherwise the words after the first may be the
    need's, in title case (« Mme Martin Épicerie Sociale », « M. Dupont Urbanisme »:
    review 14k), and are kept as without ``whole_names``."""
    if known(first):
        return True
    after = _NEXT_LETTER.match(head, end)
    return after is not None and after.group(1).islower()


def _opened_blanked(head: str) -> str:
    """``head`` with each civility and the word right after it (:data:`_OPENED`) blanked,
    same length, but a civility's word used as a noun (:func:`_noun`). Raises nothing."""
    if not _OPENED.search(head):
        return head
    return _OPENED.sub(
        lambda found: found.group() if _noun(found) else " " * len(found.group()), head
    )


def _lower_after_of(found: re.Match[str]) -> bool:
    """Whether the letter after the « de » / « d' » that follows :data:`_OPENED`'s civility
    is in lower case (« Maître d'apprentissage », « Maître de stage »)."""
    word = found.group(1)
    if word.lower().startswith(("d'", "d’")):
        rest = word[2:]
    else:
        after = _NEXT_LETTER.match(found.string, found.end())
        rest = after.group(1) if after is not None else ""
    return rest[:1].islower()


def _noun(found: re.Match[str]) -> bool:
    """Whether the civility :data:`_OPENED` found is a noun (review 14l): a word written
    out in lower case (« maître », « docteur », « madame ») after a determiner (« un
    maître », « le docteur », « mon maître ») or before « de » (« maître d'apprentissage »,
    « maître de stage »). « Me Dupont », « Maître Dupont », « m. marchand » stay
    civilities."""
    civility = found.group()[: found.start(1) - found.start()].rstrip()
    if civility.lower() not in _SPELLED_OUT:
        return False
    after = found.group(1).lower()
    if after in _OF or after.startswith(("d'", "d’")):
        # in any case, when what follows « de » is in lower case: « Maître d'apprentissage »
        # as a heading (review 14m); « Madame de La Fontaine », « Maître d'Alembert » are names
        return civility.islower() or _lower_after_of(found)
    if not civility.islower():
        return False
    before = word_before(found.string, found.start(), _DETERMINER_CHARS)
    return before is not None and before.lower() in _DETERMINERS
