"""The lexicon: the words residents use that the catalogue does not, as data with sources.

:file:`data/lexicon.toml` holds two kinds of entries, each with the public ``source`` that
says the two wordings mean the same thing:

- ``[[expand]]``: ``say`` lists what residents say (acronyms, old names, everyday words:
  « assedic », « mutuelle gratuite », « papiers de la voiture »); ``means`` is the
  catalogue's wording. A need containing one of the ``say`` phrases is searched with the
  ``means`` words too (query expansion), and the trace shows « assedic → allocation
  chômage ». With ``negated = true``, the phrase counts only where its first word is said
  under a negation (« colis *jamais arrivé* », « je ne peux *pas payer* »): the French
  negation is made of stop words, which phrases cannot hold; with ``affirmed = true``,
  only where it is not (« je n'ai *pas épuisé* mes droits » is not the ASS); with
  ``active = true``, where the resident says its first word of themself in the passive
  (« je n'ai pas été *payé* »: :func:`~mfs_core.recognition.negation.passive_positions`)
  the phrase weighs as a word the catalogue lacks and reaches nothing;
- ``[[partner]]``: ``say`` lists words that point at a partner (« agriculteur »,
  « exploitant agricole » → ``msa``; « cpam », « sécu » → ``cnam``); they do not create
  candidates, they favour that partner's among the candidates the other words found
  (CAF or MSA twins of one service-public.fr fiche);
- ``[[exclusive]]``: ``say`` lists words that rule out a procedure whose title holds the
  word ``title`` (« mineur » rules out « Carte d'identité d'un *majeur* »): service-public.fr
  writes one fiche per case, and the catalogue may hold only one of them;
- ``[[asked]]``: ``say`` lists phrases of how a request is asked, not of what it is about
  (« démarches administratives », « démarches à accomplir »): their words reach no
  procedure (« administratives » is a word of « certificat de *situation administrative* »,
  « démarches à accomplir » the form of service-public.fr titles) and weigh in the
  confidence as a word of how a request is asked (``GENERIC_WORD``); an optional
  ``subject`` (one word) is the noun of a question title the phrase names (« pièces à
  fournir »: « Quel *justificatif* fournir … ? », review 40);
- ``[[elsewhere]]``: ``say`` lists collocations whose head word a covered procedure uses
  but whose phrase names a thing of another matter (« carte *bancaire* »: the bank's, not
  the carte grise, the carte Vitale or the carte d'identité; « indemnité *de départ* »:
  the employer's, not the indemnités journalières): their words reach no procedure and
  weigh as a word the index does not know (``UNKNOWN_WORD``): the need is about
  something the catalogue lacks. In a need that also says an ``[[expand]]`` phrase
  (« APL pour mon *logement social* », « changer de mutuelle pour la CSS »), the
  collocation is that request's context: it reaches nothing and weighs as a word of how a
  request is asked (``GENERIC_WORD``; stop 40).

Plugins add words for their own procedures through :attr:`Procedure.keywords`
(and :attr:`Procedure.questions`, :attr:`Procedure.fiche_title`...), and partner hints
through :attr:`Partner.keywords`; see ``docs/recognition.md``.

Phrases are compared after :func:`~mfs_core.recognition.normalise.tokens`, so the lexicon
is written once, with its accents, and matches any spelling the normaliser unifies.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any, TypeVar

import attrs

from mfs_core.errors import InputError
from mfs_core.recognition.normalise import stem, tokens, words

__all__ = [
    "Asked",
    "Elsewhere",
    "Exclusion",
    "Expansion",
    "Lexicon",
    "PartnerHint",
    "load_lexicon",
    "said_in",
    "written_stems",
]

_MAX_PHRASE_WORDS = 6  # what residents say: a short phrase
_MAX_MEANS_WORDS = 12  # the catalogue's wording it stands for
_Entry = TypeVar("_Entry")
_MAX_HINTS = 200  # keywords of one partner


@attrs.frozen
class Expansion:
    """« ``said`` » (stems, in order) stands for the words ``means`` (stems)."""

    said: tuple[str, ...]
    label: str  # the first ``say`` phrase, as written in the data file (for the trace)
    means: tuple[str, ...]
    means_label: str
    source: str
    #: the phrase counts only where its first word is said under a negation (« je n'ai
    #: *pas reçu* mon colis »: a parcel that did not come is a claim, not a tracking)
    negated: bool = False
    #: the phrase counts only where its first word is NOT said under a negation (« je n'ai
    #: pas *épuisé* mes droits à l'allocation chômage » still has them: the ARE, not the ASS)
    affirmed: bool = False
    #: the stems of every word of the phrase, stop words too, when a stop-word locution
    #: left it one meaningful word (« droits au chômage » is « chômage » alone):
    #: the phrase counts only where those words are said in a row (:func:`said_in`);
    #: ``None`` for the others
    written: tuple[str, ...] | None = None
    #: where the resident says its first word of themself in the passive (« je n'ai pas été
    #: *payé* par mon employeur »: what the resident was not paid, another matter;
    #: :func:`~mfs_core.recognition.negation.passive_positions`), the phrase weighs as a
    #: word the catalogue lacks and reaches nothing; elsewhere it counts as its other keys
    #: say (« je ne peux pas *payer* », « mon impôt n'a pas été *payé* »)
    active: bool = False


@attrs.frozen
class PartnerHint:
    """« ``said`` » (stems) points at ``partner``."""

    said: tuple[str, ...]
    label: str
    partner: str
    source: str


def _written(phrase: str, said: tuple[str, ...]) -> tuple[str, ...] | None:
    """The stems of every word of ``phrase`` (stop words too) when it holds other words
    than its one meaningful word: a stop-word locution's (« droits au chômage » reads
    « chômage »: as its stems alone, the phrase would stand for every « chômage ») or
    stop words (« est licencié » reads « licencié », whose stem « licenciement » shares),
    else ``None``. A phrase left two words or more (« fin de droits au chômage ») still
    says them in a row; read as written it would miss « fin *des* droits au chômage »."""
    if len(said) > 1:
        return None
    every = words(phrase)
    return tuple(map(stem, every)) if len(every) > len(said) else None


def said_in(text: str, written: tuple[str, ...], found: Sequence[str] | None = None) -> bool:
    """Whether ``text`` says the words ``written`` (stems of every word, stop words too:
    :attr:`Expansion.written`) in a row. ``found``: the stems of every word of ``text``
    (:func:`written_stems`) when the caller has them — a need with many hits of such
    phrases (« chômage » said 200 times) would otherwise be read again for each, a cost
    growing as the square of its length."""
    if found is None:
        found = written_stems(text)
    size = len(written)
    return any(tuple(found[n : n + size]) == written for n in range(len(found) - size + 1))


def written_stems(text: str) -> tuple[str, ...]:
    """The stems of every word of ``text``, stop words too, in order (what
    :func:`said_in` compares :attr:`Expansion.written` with)."""
    return tuple(stem(w) for w in words(text))


def _stems(phrase: str, where: str, limit: int = _MAX_PHRASE_WORDS) -> tuple[str, ...]:
    found = tuple(t.stem for t in tokens(phrase))
    if not found:
        raise InputError(f"{where}: {phrase!r} has no meaningful word (only stop words)")
    if len(found) > limit:
        raise InputError(f"{where}: {phrase!r} has more than {limit} meaningful words")
    return found


def _strings(entry: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = entry.get(key)
    if isinstance(value, str):
        value = [value]
    if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
        raise InputError(f"{where}.{key}: expected a non-empty list of strings")
    return value


def _tables(
    data: Mapping[str, Any], table: str, keys: set[str], origin: str
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each entry of ``[[table]]`` with where it is (« lexicon: expand[3] »), its keys
    checked against ``keys`` (with ``source`` and ``note``)."""
    for n, entry in enumerate(data.get(table, [])):
        where = f"{origin}: {table}[{n}]"
        extra = sorted(set(entry) - keys - {"source", "note"})
        if extra:
            raise InputError(f"{where}: unknown key{'s' * (len(extra) > 1)} {', '.join(extra)}")
        yield where, entry


def _once(entries: list[_Entry], key: Callable[[_Entry], object]) -> tuple[_Entry, ...]:
    """``entries`` with one entry per ``key``: the first written is kept (its label and
    source), at the place of the last (the order the tables have always been read in)."""
    return tuple(reversed({key(e): e for e in reversed(entries)}.values()))


def _source(entry: Mapping[str, Any], where: str) -> str:
    source = entry.get("source")
    if not (isinstance(source, str) and source.strip()):
        raise InputError(f"{where}.source: every entry cites its public source")
    return source


@attrs.frozen
class Exclusion:
    """« ``said`` » (stems) rules out the procedures whose title holds the stem ``title``."""

    said: tuple[str, ...]
    label: str
    title: str
    source: str


@attrs.frozen
class Asked:
    """« ``said`` » (stems) is how a request is asked: it reaches no procedure.
    ``subject``: the stem of the noun a question title asks about that the phrase names
    (« pièces à fournir » asks for the *justificatif* of « Quel justificatif fournir … ? »:
    :meth:`~mfs_core.recognition.placing.Placing.asked_settled`), or ``None``."""

    said: tuple[str, ...]
    label: str
    source: str
    subject: str | None = None


@attrs.frozen
class Elsewhere:
    """« ``said`` » (stems) names a thing of another matter: it reaches no procedure."""

    said: tuple[str, ...]
    label: str
    source: str


@attrs.frozen
class Lexicon:
    """The expansions and partner hints, indexed by their first stem."""

    expansions: tuple[Expansion, ...] = ()
    hints: tuple[PartnerHint, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    asked: tuple[Asked, ...] = ()
    elsewhere: tuple[Elsewhere, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], origin: str = "lexicon") -> Lexicon:
        """Read the TOML document's tables; raise :class:`InputError` naming the entry."""
        unknown = sorted(set(data) - {"expand", "partner", "exclusive", "asked", "elsewhere"})
        if unknown:
            raise InputError(f"{origin}: unknown table(s) {', '.join(unknown)}")
        for table in ("expand", "partner", "exclusive", "asked", "elsewhere"):
            entries = data.get(table, [])
            if not (isinstance(entries, list) and all(isinstance(e, dict) for e in entries)):
                raise InputError(f"{origin}: {table}: expected a list of tables ([[{table}]])")
        expansions: list[Expansion] = []
        for where, entry in _tables(
            data, "expand", {"say", "means", "negated", "affirmed", "active"}, origin
        ):
            negated = entry.get("negated", False)
            if not isinstance(negated, bool):
                raise InputError(f"{where}.negated: expected true or false")
            affirmed = entry.get("affirmed", False)
            if not isinstance(affirmed, bool):
                raise InputError(f"{where}.affirmed: expected true or false")
            if negated and affirmed:
                raise InputError(f"{where}: negated and affirmed: expected one of them at most")
            active = entry.get("active", False)
            if not isinstance(active, bool):
                raise InputError(f"{where}.active: expected true or false")
            means = entry.get("means")
            if not (isinstance(means, str) and means.strip()):
                raise InputError(f"{where}.means: expected the catalogue's wording (a string)")
            source = _source(entry, where)
            means_stems = _stems(means, f"{where}.means", _MAX_MEANS_WORDS)
            for said in _strings(entry, "say", where):
                stems = _stems(said, f"{where}.say")
                expansions.append(
                    Expansion(
                        stems,
                        said,
                        means_stems,
                        means,
                        source,
                        negated,
                        affirmed,
                        _written(said, stems),
                        active,
                    )
                )
        hints: list[PartnerHint] = []
        for where, entry in _tables(data, "partner", {"say", "partner"}, origin):
            partner = entry.get("partner")
            if not (isinstance(partner, str) and partner):
                raise InputError(f"{where}.partner: expected a partner code")
            source = _source(entry, where)
            for said in _strings(entry, "say", where):
                hints.append(PartnerHint(_stems(said, f"{where}.say"), said, partner, source))
        exclusions: list[Exclusion] = []
        for where, entry in _tables(data, "exclusive", {"say", "title"}, origin):
            title = entry.get("title")
            if not isinstance(title, str):
                raise InputError(f"{where}.title: expected one word of a procedure's title")
            title_stems = _stems(title, f"{where}.title", 1)
            source = _source(entry, where)
            for said in _strings(entry, "say", where):
                exclusions.append(
                    Exclusion(_stems(said, f"{where}.say"), said, title_stems[0], source)
                )
        asked: list[Asked] = []
        for where, entry in _tables(data, "asked", {"say", "subject"}, origin):
            source = _source(entry, where)
            subject = entry.get("subject")
            if subject is not None and not isinstance(subject, str):
                raise InputError(f"{where}.subject: expected one word (a question's noun)")
            subject_stem = None if subject is None else _stems(subject, f"{where}.subject", 1)[0]
            for said in _strings(entry, "say", where):
                asked.append(Asked(_stems(said, f"{where}.say"), said, source, subject_stem))
        elsewhere: list[Elsewhere] = []
        for where, entry in _tables(data, "elsewhere", {"say"}, origin):
            source = _source(entry, where)
            for said in _strings(entry, "say", where):
                stems = _stems(said, f"{where}.say")
                if len(stems) < 2:  # one word is the head itself: it would hide its matter
                    raise InputError(
                        f"{where}.say: {said!r}: expected two meaningful words or more"
                    )
                elsewhere.append(Elsewhere(stems, said, source))
        # Spellings that normalise alike (« agriculteur », « agriculteurs ») count once.
        return cls(
            _once(
                expansions,
                lambda e: (e.said, e.means, e.negated, e.affirmed, e.written, e.active),
            ),
            _once(hints, lambda h: (h.said, h.partner)),
            tuple(exclusions),
            _once(asked, lambda a: a.said),
            _once(elsewhere, lambda e: e.said),
        )

    def with_partner_keywords(self, keywords: Mapping[str, Iterable[str]], origin: str) -> Lexicon:
        """This lexicon plus each partner's own :attr:`Partner.keywords` as hints."""
        hints = list(self.hints)
        for partner, said in sorted(keywords.items()):
            for phrase in list(said)[:_MAX_HINTS]:
                if not isinstance(phrase, str):
                    continue  # a plugin's bad value: reported by validation, skipped here
                stems = tuple(t.stem for t in tokens(phrase))
                if stems:  # a keyword made only of stop words is reported by validation
                    hints.append(PartnerHint(stems, phrase, partner, f"{origin} {partner}"))
        return attrs.evolve(self, hints=tuple(hints))


@functools.cache
def load_lexicon() -> Lexicon:
    """The built-in lexicon (:file:`data/lexicon.toml`), read once per process."""
    text = resources.files(__package__).joinpath("data/lexicon.toml").read_text("utf-8")
    return Lexicon.from_data(tomllib.loads(text), "mfs_core/recognition/data/lexicon.toml")
