"""Deciding the level of a need's outcome: the rules that claim, ask, suggest or say
nothing.

:meth:`LevelRules.level` starts from the confidences and scores of the first candidates
(:func:`~mfs_core.recognition.confidence.level_of`), then applies the rules, each with the
need that made it: a keyword said whole or a decisive rare keyword shows a need under the
bar (``_keyword_said``, ``_decisive``; an acronym of the procedure's own name, said as
written, is its keyword said though the lexicon also expands it: ``_as_written``; twins of
one fiche count as one candidate to dominate the others); a claim only on typing errors or
derived forms is shown, not claimed (:func:`firmly_reached`); a claim whose words do not
name the procedure is shown (:meth:`LevelRules.named`,
:mod:`~mfs_core.recognition.specificity`), or nothing when the words scatter (``_apart``); a
name another fiche's phrase holds as well is asked (:meth:`LevelRules.rivalled`,
``_rivals_asked``); a « droit à X » the best does not reach is shown
(:meth:`LevelRules.entitled`); one word for it while others name other procedures is shown
(``_split``); a second explaining the same words is asked (``_same_words``); a rival the
best only echoes through a synonym is asked (``_echoed_rival``); twins of one fiche are
asked together. A need that names only partners is answered by
:meth:`LevelRules.partner_only`.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Collection, Mapping, Sequence

import attrs

from mfs_core.model import Procedure
from mfs_core.recognition.bodies import counterpart, title_pairs
from mfs_core.recognition.confidence import (
    ELSEWHERE,
    GENERIC_WORD,
    MAX_CANDIDATES,
    Level,
    close_count,
    dominates,
    level_of,
)
from mfs_core.recognition.index import ProcedureIndex
from mfs_core.recognition.normalise import Word, stem
from mfs_core.recognition.placing import first, moved_up, one_sided
from mfs_core.recognition.related import RelatedQuestions
from mfs_core.recognition.result import (
    ASKED,
    TWINS,
    Recognition,
    new_candidate,
    new_recognition,
)
from mfs_core.recognition.scoring import Row
from mfs_core.recognition.specificity import (
    KEYWORD_FICHES,
    SPLIT,
    STRONG_FIELDS,
    TITLE_WORDS,
    NamePhrases,
    Naming,
    holders,
    name_phrases,
    names,
    naming_of,
    rivalled,
    split_share,
    widespread_stems,
)
from mfs_core.recognition.terms import NeedTerms, Unit
from mfs_core.recognition.twins import Twins

__all__ = ["LevelRules", "firmly_reached"]

# The levels, read once: in Python 3.11 every ``Level.X`` goes through ``EnumType``'s
# ``__getattr__`` hook (not specialised: about ten times a module global's cost), and a
# need reads them about ten times.
_CONFIDENT, _AMBIGUOUS, _WEAK, _NONE = Level.CONFIDENT, Level.AMBIGUOUS, Level.WEAK, Level.NONE
#: The levels that claim a procedure.
_CLAIMS = (_CONFIDENT, _AMBIGUOUS)
_SCORE = operator.itemgetter(5)
_CONFIDENCE = operator.itemgetter(6)
_STEMS = operator.attrgetter("stems")


class LevelRules:
    """Decides the level of a need's outcome from its ranked candidates, over one index;
    one per :class:`~mfs_core.recognition.ranking.Recogniser`.

    ``procedures``: in the index's order (by id); ``partner_of``, ``fiche_of``,
    ``shown``, ``static_order``: by procedure number, its partner, its fiche id, what a
    candidate shows of it and the last criteria of the order
    (:class:`~mfs_core.recognition.scoring.Scoring`); ``twins``: the twins of each;
    ``terms``: how the need's words are read; ``generic``: the accent-free words of how a
    request is asked; ``subjects``: by number, the subject its title opens with. Each
    procedure's naming stems (:mod:`~mfs_core.recognition.specificity`) are read on the
    first claim that needs them.
    """

    def __init__(
        self,
        index: ProcedureIndex,
        procedures: list[Procedure],
        partner_of: list[str],
        fiche_of: list[str | None],
        shown: list[tuple[str, str, str]],
        static_order: list[tuple[int, int, str, str]],
        twins: Twins,
        terms: NeedTerms,
        generic: frozenset[str],
        subjects: Mapping[int, frozenset[str]],
    ) -> None:
        self.index = index
        self._procedures = procedures
        self._partner_of = partner_of
        self._fiche_of = fiche_of
        self._shown = shown
        self._static_order = static_order
        self._twins = twins
        self._terms = terms
        self._generic = generic
        #: their stems: they never name a procedure through its title alone (specificity);
        #: not a stem the catalogue holds only through another word (« définition » and
        #: « Réexpédition *définitive* »: review 39), which stays that word's own
        forms = index.forms
        self.generic_stems = frozenset(
            term for word in generic if (term := stem(word)) not in forms or word in forms[term]
        )
        self._subjects = subjects
        self._naming: dict[int, Naming] = {}
        self._shared: dict[frozenset[str], list[str]] | None = None
        self._widespread: frozenset[str] = frozenset()
        self.name_phrases: NamePhrases = {}
        #: per partner, its most general procedures (numbers), read on the first need that
        #: names that partner alone (:meth:`partner_only`)
        self._general: dict[str, list[int]] = {}
        #: whether a need is, nearly, a related question of the procedure it would claim
        self._related = RelatedQuestions(procedures, partner_of)
        #: by number, the pairs of adjacent stems of its titles (bodies.counterpart)
        self._title_pairs = title_pairs((p.title, p.fiche_title) for p in procedures)

    def partner_only(self, known: list[Unit], words: list[Unit], kept: int) -> Recognition:
        """The need names partners and nothing the catalogue knows besides (« la CAF »,
        « impots.gouv »): suggestions, never a claim, of each named partner's most general
        procedures (see :meth:`_general_of`), taken in turn; ``none`` when the need also
        says words the catalogue does not know, other than words of how a request is asked
        (« la CAF de Lyon ferme quand ? » is not a request of the CAF's catalogue;
        « problème avec la CAF » is the CAF's)."""
        # An unknown word of how requests are asked (« problème », « savoir ») or a number
        # says nothing else; any other unknown word does.
        topical = self.index.max_idf * GENERIC_WORD
        if any(not word.known and word.weight > topical for word in words):
            return Recognition(level=_NONE, candidates=())
        partners = list(dict.fromkeys(w.partner for w in known if w.partner is not None))
        lists = [self._general_of(code) for code in partners]
        numbers = [n for turn in itertools.zip_longest(*lists) for n in turn if n is not None]
        numbers = numbers[:kept]
        if not numbers:
            return Recognition(level=_NONE, candidates=())
        labels = {w.partner: w.label for w in known}
        candidates = tuple(
            new_candidate(self._shown[n], 0.0, 0.0, (labels[self._partner_of[n]],)) for n in numbers
        )
        recognition = new_recognition(_WEAK, candidates, min(len(numbers), MAX_CANDIDATES))
        return attrs.evolve(recognition, partner_only=partners[0])

    def _general_of(self, partner: str) -> list[int]:
        """The partner's procedures, most general first: those whose fiche lists the most
        question titles (a fiche that answers many questions covers a broad service: the
        RSA, the aides au logement; one of two questions is a narrow case), then the
        documented order. The fiche's related question titles count too: the measure is
        how many the fiche lists, whatever they are about (issue-14ak)."""
        known = self._general.get(partner)
        if known is None:
            documents = self.index.documents
            known = sorted(
                (n for n, d in enumerate(documents) if d.partner == partner),
                key=lambda n: (-_listed(self._procedures[n]), self._static_order[n]),
            )
            self._general[partner] = known
        return known

    def level(
        self,
        ranked: list[Row],
        hinted: set[str],
        kept: int,
        known: list[Unit],
        total: float,
        refuted: frozenset[int] = frozenset(),
        expansions: Sequence[Unit] = (),
        placed: dict[int, str] | None = None,
        entitled: frozenset[int] | None = None,
    ) -> tuple[Level, int, list[Row]]:
        """The level, how many leading candidates it concerns, and the final order (twins
        of one fiche brought together; ``refuted`` twins, the need said not its partner's,
        left out of the twin question and no rivals of the other twin's claim (the
        caller keeps only the resident's own denials); ``expansions``: the need's
        thesaurus synonyms;
        ``entitled``: when the need asks « droit à X », the procedures X reaches).
        Each procedure a rule moves up is recorded in ``placed`` with why
        (:attr:`Candidate.placed`)."""
        placed = {} if placed is None else placed
        group = self._twins.of_best(ranked)
        if refuted:
            group = _without_refuted(group, refuted)
        hinted_twin = self._hinted_of(group, hinted) if hinted else []
        if hinted_twin:
            # « agriculteur » settles the CAF or the MSA: the hinted twin comes first.
            before = ranked
            ranked = first(ranked, hinted_twin[:1])
            moved_up(before, ranked, TWINS, placed)
        top = ranked[:kept]
        if refuted:
            # « je ne suis pas agriculteur » answered the twin question: the refuted twin
            # (placed last, still among the kept rows) is no rival of the other's claim.
            top = _rows_without(top, refuted)
        scores = list(map(_SCORE, top))
        level, chosen = level_of(list(map(_CONFIDENCE, top)), scores)
        if level is _NONE and top and self._keyword_said(ranked[0][4], known):
            # « vous réalisez que votre carte Vitale est introuvable »: words the catalogue
            # lacks weigh the confidence under the bar, but the resident said one of the
            # best candidate's own keyword phrases whole: shown, never decided on.
            level, chosen = _WEAK, close_count(scores)
        elif (
            level is _NONE
            and top
            and dominates(scores if len(group) < 2 else _twins_as_one(top, group))
            and self._decisive(ranked[0][4], known, total)
        ):
            # « Que faire immédiatement après une tentative d'escroquerie ? »: one keyword
            # of the best candidate's own, few fiches hold, and nothing else comes near:
            # the other words tell the resident's story, they do not make it another need.
            level, chosen = _WEAK, close_count(scores)
        claimed = level in _CLAIMS
        if claimed and not firmly_reached(ranked[0][4], known):
            # Only typing-error or derived-form matches (« banque ≈ manqué », « vigne ≈
            # vignette »): a real French word read as another must not decide; it is shown.
            level, chosen = _WEAK, close_count(scores)
            claimed = False
        # One word of a title names nothing alone (« calcul »), but one word several close
        # procedures share makes a question (« retraite »: which of them?).
        # The partner the need names is the other word (« retraite » + « agriculteur »).
        partner_named = claimed and self._partner_of[ranked[0][4]] in hinted
        words = 1 if level is _AMBIGUOUS or partner_named else TITLE_WORDS
        # The stems the need's words say, read once for every naming check below.
        said = frozenset().union(*map(_STEMS, known)) if claimed else frozenset()
        if claimed and not self.named(ranked[0][4], said, ranked[0][6], words, partner_named):
            # A word the procedure uses, not its name (« je veux partir », « mariage à la
            # mairie »): shown, not decided on (mfs_core.recognition.specificity).
            level, chosen = _WEAK, close_count(scores)
            claimed = False
            if not dominates(scores) and self._apart(ranked, known):
                # « Le vote des Français à l'étranger »: nothing names the best, and the
                # next, as close, rests on other words of the need (« vote » there,
                # « français, étranger » here): the words scatter over procedures none of
                # which is the need; nothing is suggested (issue-14af).
                level, chosen = _NONE, 0
        if level is _CONFIDENT and self.rivalled(ranked[0][4], said, partner_named):
            # Every specific word said of its name is held as well by another fiche's
            # phrase said whole (« carte grise » + « changement »): which one is not
            # said; asked, never claimed (specificity.rivals_of). Only the rivals are
            # read: the check above found the need names it (a confident level is one
            # that check kept).
            before = ranked
            level, chosen, ranked = self._rivals_asked(ranked, said, scores)
            moved_up(before, ranked, ASKED, placed)
            claimed = level is _AMBIGUOUS
        if claimed and entitled is not None and ranked[0][4] not in entitled:
            # « a-t-il droit à une indemnité de départ ? » asks for an indemnité: a
            # procedure the rest of the need reaches and that word does not is shown, not
            # claimed (mfs_core.recognition.entitlement).
            level, chosen = _WEAK, close_count(scores)
            claimed = False
        if claimed and self._related.asked(ranked[0][4], known, total, said):
            # « Handicap : peut-on cumuler la PCH avec d'autres allocations ? », a question
            # the AAH's fiche lists about another benefit: its words decide the claim, not
            # the AAH's own; shown, not claimed (mfs_core.recognition.related).
            level, chosen = _WEAK, close_count(scores)
            claimed = False
        if claimed and self._split(ranked[0][4], known) >= SPLIT * total:
            # One word for this procedure, and other words name other procedures
            # (« extrait de naissance »): the need is not about this one alone; shown.
            level, chosen = _WEAK, close_count(scores)
            claimed = False
        if level is _CONFIDENT and len(ranked) > 1 and self._same_words(ranked, known, said, words):
            # The next candidate explains the same words of the need as much, and they name
            # it too (« recherche d'emploi »: the job-search obligation's keyword, a title
            # phrase of the job offers): only the field they were found in ranks them.
            level, chosen = _AMBIGUOUS, 2
        if level is _CONFIDENT and len(ranked) > 1 and self._bodies_open(ranked[0][4], hinted):
            other = counterpart(ranked, known, self._title_pairs, self._partner_of, self._fiche_of)
            if other is not None and (not hinted or self._partner_of[other] in hinted):
                # « Déclarer l'année de séparation »: the CAF's changement de situation or
                # the tax office's? The event is the CAF's keyword and a question title of
                # F388; no body is named (or both are, review 39): asked
                # (mfs_core.recognition.bodies, stop 39).
                before = ranked
                ranked = first(ranked, [ranked[0][4], other])
                moved_up(before, ranked, ASKED, placed)
                level, chosen = _AMBIGUOUS, 2
        if level is _CONFIDENT and expansions:
            rival = self._echoed_rival(ranked, known, expansions)
            if rival is not None:
                # « Comment contester sa taxe foncière ? »: « contester » names the
                # réclamation; the taxe foncière only echoes it in a question title
                # (« délai de réclamation »). Which one the resident wants is asked.
                before = ranked
                ranked = first(ranked, [ranked[0][4], rival])
                moved_up(before, ranked, ASKED, placed)
                level, chosen = _AMBIGUOUS, 2
        if claimed and len(group) > 1 and not hinted_twin:
            # Same official fiche at two partners: only the resident's regime tells them
            # apart, and the words did not say it. Their scores differ only by how each
            # partner worded the same service: the documented order lists them.
            group = sorted(group, key=self._partner_order)
            before = ranked
            ranked = first(ranked, group)
            moved_up(before, ranked, TWINS, placed)
            chosen = min(max(chosen, len(group)), MAX_CANDIDATES)
            level = _AMBIGUOUS
        return level, chosen, ranked

    def _hinted_of(self, numbers: list[int], hinted: set[str]) -> list[int]:
        """The procedures of ``numbers`` whose partner the need names (``hinted``)."""
        documents = self.index.documents
        return [n for n in numbers if documents[n].partner in hinted]

    def _rivals_asked(
        self, ranked: list[Row], said: frozenset[str], scores: list[float]
    ) -> tuple[Level, int, list[Row]]:
        """A clarify question among the best candidate and the next ones the need's words
        name as well (one shared word is enough to ask, :func:`specificity.names`), or
        ``weak`` when none does."""
        asked = [
            row[4] for row in ranked[1:MAX_CANDIDATES] if self.named(row[4], said, row[6], 1, False)
        ]
        if not asked:
            return _WEAK, close_count(scores), ranked
        return _AMBIGUOUS, 1 + len(asked), first(ranked, [ranked[0][4], *asked])

    def _echoed_rival(
        self, ranked: list[Row], known: list[Unit], expansions: Sequence[Unit]
    ) -> int | None:
        """The first of the next candidates (up to :data:`~mfs_core.recognition.
        confidence.MAX_CANDIDATES`) of the best one's partner that the need names by one
        of its keywords said whole (as written), with a word the best one does not
        explain and only echoes through a thesaurus synonym of that word in its question
        titles or description (not in its keywords or titles); ``None`` when there is
        none. The best one's data then speaks of the rival's matter in other words (the
        taxe foncière's question « Quel est le délai de *réclamation* en matière
        d'impôts ? », reached by « contester »): the need may ask for that neighbour
        (« Comment *contester* sa taxe foncière ? » is a réclamation)."""
        best = ranked[0][4]
        # Echoed in its question titles or description only: a word its name echoes
        # (« envoi ≈ colis » in « Retrait … d'un colis … ») is its own matter.
        echoed = {
            word.label
            for word in expansions
            if best in word.marks and word.marks[best][0] >= STRONG_FIELDS
        }
        if not echoed:
            return None
        unexplained = [
            word
            for word in known
            if word.label in echoed and word.partner is None and best not in word.reach.explains
        ]
        if not unexplained:
            return None
        said = frozenset().union(*(word.stems for word in known if not word.span))
        partner = self._partner_of[best]
        for row in ranked[1:MAX_CANDIDATES]:
            number = row[4]
            if self._partner_of[number] != partner:
                continue
            keywords = self.naming_of(number).keywords
            for word in unexplained:
                if number in word.reach.explains and any(
                    keyword <= said and not keyword.isdisjoint(word.stems) for keyword in keywords
                ):
                    return number
        return None

    def entitled(
        self, found: list[Word], known: list[Unit], spoken: tuple[str, ...]
    ) -> frozenset[int] | None:
        """The procedures the words a need asks to be entitled to reach, alone or in a
        lexicon phrase (``spoken``: their accent-free forms,
        :func:`~mfs_core.recognition.entitlement.entitlement_words`); ``None``
        when no such word can say what is asked: each is one of how a request is asked, is
        not among ``found``, or is vague — it reaches procedures of more than
        :data:`~mfs_core.recognition.specificity.KEYWORD_FICHES` fiches (« ai-je droit
        à une *aide* ? », « à un *délai* ? » name no matter; review 15d, finding 3)."""
        reached: set[int] = set()
        asked = False
        for plain in spoken:
            if plain in self._generic:
                continue
            # Every place the word is said: a lexicon phrase is read once a need, so the
            # word said again (« droit au assedic, droit au assedic ») is in no phrase.
            positions = {n for n, w in enumerate(found) if w[1] == plain}
            if not positions:
                continue
            reach = set(self._terms.unit(found[min(positions)]).reach.explains)
            for word in known:
                if not positions.isdisjoint(word.span):
                    reach.update(word.reach.explains)
            if len({self._fiche_of[n] or n for n in reach}) > KEYWORD_FICHES:
                continue  # a word many fiches hold says no one matter
            reached |= reach
            asked = True
        return frozenset(reached) if asked else None

    def _keyword_said(self, number: int, known: list[Unit]) -> bool:
        """Whether the need says whole a keyword of two words or more of procedure
        ``number`` that at most :data:`~mfs_core.recognition.specificity.KEYWORD_FICHES`
        fiches hold (« carte vitale », not « arrêt maladie »); a lexicon phrase counts
        as said when it is words of the procedure's own name (:func:`_as_written`)."""
        naming = self.naming_of(number)
        held = self._shared or {}
        # The words as said: a lexicon phrase's meaning is the catalogue's wording, not the
        # resident's (« mutuelle santé » is not the keyword « complémentaire santé » said);
        # but a phrase of the procedure's own name is said as written (« assistante
        # maternelle », in the CMG's title and keywords: _as_written).
        # Loops: the generators made two of them and cells of ``said`` and ``held``.
        said: set[str] = set()
        phrased = False
        for word in known:
            if not word.span:
                said.update(word.stems)
            elif word.phrase:
                phrased = True
        if phrased:
            said |= _as_written(naming, known)
        for keyword in naming.keywords:
            if (
                len(keyword) > 1
                and keyword <= said
                and len(held.get(keyword, ())) <= KEYWORD_FICHES
            ):
                return True
        return False

    def _decisive(self, number: int, known: list[Unit], total: float) -> bool:
        """Whether the need names procedure ``number`` by a rare keyword of its own: said as
        written or by its lemma (not through a typing error, a derived form or a lexicon
        phrase, unless the phrase is words of the procedure's own name, :func:`_as_written`:
        « ALD », « ASS »), held by at most :data:`~mfs_core.recognition.specificity.KEYWORD_FICHES`
        fiches, with a word that at most as many procedures hold in any field (« vignette »,
        « escroquerie »; not « calcul », « contester »), not a word of how a request is
        asked; a common French word (``Naming.common``: « école », « suivi ») only with a
        second such keyword. Not when words carrying :data:`~mfs_core.recognition.
        confidence.ELSEWHERE` of the need (``total``: its information) name other
        procedures and not this one. And, when the procedure's title opens with a subject
        (« *Déclaration de revenus* : changement de situation (mariage, Pacs…) »), the need
        says a word of it: « Qui peut conclure un Pacs ? » names a life event that title
        lists, not the tax return; « un projet d'extension » is no « *Permis de conduire* :
        extension de catégorie »."""
        naming = self.naming_of(number)
        held = self._shared or {}
        # each index stem said, with how many procedures it reaches (in any field)
        said = {
            term: len(word.reach.explains)
            for word in known
            if not word.span
            for term, weight in word.terms
            if weight >= 1.0 and "_" not in term
        }
        written = _as_written(naming, known)
        if written:
            # « Comment faire reconnaître mon ALD ? »: the official acronym, said as
            # written, is the procedure's own keyword, though the lexicon also expands it;
            # each of its stems counts with the procedures the index reaches by it.
            postings = self.index.postings
            for term in written:
                if term not in said:
                    said[term] = len(postings.get(term, ()))
        decisive = [
            keyword
            for keyword in naming.keywords
            if keyword <= said.keys()
            and min(map(said.__getitem__, keyword)) <= KEYWORD_FICHES
            and len(held.get(keyword, ())) <= KEYWORD_FICHES
            and keyword not in naming.shared
            and not keyword <= self.generic_stems
        ]
        if not decisive or (len(decisive) == 1 and decisive[0] in naming.common):
            return False
        if self._elsewhere(number, known) >= ELSEWHERE * total:
            # « extrait de naissance »: half the need names other procedures (the prime
            # de naissance); its one rare word does not make it the casier judiciaire's.
            return False
        subject = self._subjects.get(number)
        if subject is None:
            return True
        # The subject may be said by a lexicon phrase's meaning.
        return any(term in subject for word in known for term, _ in word.terms)

    @staticmethod
    def _elsewhere(number: int, known: list[Unit]) -> float:
        """The information of the need's words that do not reach procedure ``number`` and
        reach another by a keyword or a title (not a partner hint)."""
        return sum(
            word.weight
            for word in known
            if word.label
            and word.partner is None
            and number not in word.reach.explains
            and any(point[1] < STRONG_FIELDS for point in word.reach.points.values())
        )

    def naming_of(self, number: int) -> Naming:
        """The :class:`~mfs_core.recognition.specificity.Naming` of procedure ``number``,
        read on the first need that asks (with what it needs, once per registry)."""
        naming = self._naming.get(number)
        if naming is None:
            if self._shared is None:
                self._shared = holders(self._procedures)
                self.name_phrases = name_phrases(self._procedures)
                self._widespread = widespread_stems(self.index.hits, self._fiche_of)
            naming = naming_of(
                self._procedures[number], self.index.idf, self._shared, self._widespread
            )
            self._naming[number] = naming
        return naming

    def named(
        self,
        number: int,
        said: frozenset[str],
        confidence: float,
        words: int,
        partner_named: bool,
    ) -> bool:
        """Whether the need's words (``said``: their stems) name procedure ``number``
        (:func:`specificity.names`)."""
        return names(
            self.naming_of(number),
            said,
            confidence,
            self.generic_stems,
            words,
            partner_named=partner_named,
        )

    def rivalled(self, number: int, said: frozenset[str], partner_named: bool) -> bool:
        """Whether another fiche's name-phrases the need says hold every specific word it
        says of procedure ``number``'s name (:func:`specificity.rivalled`): what
        ``names(..., separate=True)`` adds to :meth:`named`, read alone where that check
        has already answered yes."""
        naming = self.naming_of(number)  # also reads the name phrases, once per registry
        phrases = self.name_phrases
        return bool(phrases) and rivalled(naming, said, self.generic_stems, partner_named, phrases)

    @staticmethod
    def _apart(ranked: list[Row], known: list[Unit]) -> bool:
        """Whether the first two candidates of ``ranked`` (two at least) each explain a
        word of the need (``known``) the other does not: each explains a part of it, none
        the whole. A second explaining only some of the first's words is no rival (« retirer
        une lettre recommandée à la place de mon mari »: the retrait explains all the
        lettre recommandée does; review 14f). Twins of one fiche never are."""
        if len(ranked) < 2:
            return False
        first_only, second_only = one_sided(known, ranked[0][4], ranked[1][4])
        return first_only and second_only

    def _same_words(
        self, ranked: list[Row], known: list[Unit], said: frozenset[str], words: int
    ) -> bool:
        """Whether the second candidate explains the need as much as the first, by the
        same words, and the need (``said``: its stems) names it too (:meth:`named`)."""
        first, second = ranked[0], ranked[1]
        if first[6] != second[6]:
            return False
        first_only, second_only = one_sided(known, first[4], second[4])
        if first_only or second_only:
            return False
        return self.named(second[4], said, second[6], words, False)

    @staticmethod
    def _split(number: int, known: list[Unit]) -> float:
        """The information of the need's words that name other procedures than ``number``
        when one word only reaches it (:func:`specificity.split_share`)."""
        units = [word for word in known if word.label]  # not pairs of words
        reached = [number in word.reach.explains for word in units]
        if sum(reached) > 1:
            return 0.0  # most claims: said in more than one word (no look at other fields)
        return split_share(
            reached,
            [
                not hit
                and word.partner is None
                and any(p[1] < STRONG_FIELDS for p in word.reach.points.values())
                for hit, word in zip(reached, units, strict=True)
            ],
            [word.weight for word in units],
        )

    def _bodies_open(self, number: int, hinted: Collection[str]) -> bool:
        """Whether the need leaves open which body procedure ``number``'s démarche is made
        with (:mod:`~mfs_core.recognition.bodies`): it names no partner, or names this one's
        and another (« séparation caf DGFiP »: both bodies said, review 39)."""
        return not hinted or (self._partner_of[number] in hinted and len(hinted) > 1)

    def _partner_order(self, number: int) -> tuple[int, int, str, str]:
        return self._static_order[number]


# The helpers below hold comprehensions the hot methods run only on some needs: a
# comprehension reading a method's local makes that local a cell, built on every call
# of the method, run or not (issue-14ad).


def _rows_without(rows: list[Row], refuted: frozenset[int]) -> list[Row]:
    """``rows`` less those of the ``refuted`` procedures, in order (its own function: a
    comprehension in :meth:`LevelRules.level` made a cell on every need)."""
    return [row for row in rows if row[4] not in refuted]


def _twins_as_one(rows: list[Row], group: list[int]) -> list[float]:
    """The scores of ``rows`` (best first) less those of the best one's twins (``group``,
    the best first): one fiche at two partners (the CAF's and the MSA's aide au logement)
    is one candidate to dominate the others, not its own rival."""
    twins = group[1:]
    return [row[5] for row in rows if row[4] not in twins]


def _as_written(naming: Naming, known: list[Unit]) -> frozenset[str]:
    """The stems of the lexicon phrases the need says (``known``: its units) that name the
    procedure of ``naming`` as written: a phrase that one of its titles and one of its
    keywords hold whole (« ALD »: « Affection de longue durée (ALD) », keyword « ALD »;
    « assistante maternelle », in the CMG's title and keywords). The resident said the
    procedure's name, whatever the lexicon also reads it as. A keyword no title holds is
    not its name (« mutuelle », a keyword of the complémentaire santé solidaire, is any
    complementary health insurance: « résilier ma mutuelle » is no C2S)."""
    written: set[str] = set()
    for word in known:
        phrase = word.phrase
        if not phrase or phrase <= written:
            continue
        if any(phrase <= keyword for keyword in naming.keywords) and any(
            phrase.issubset(stem for stem, _ in weighted) for weighted, _ in naming.titles
        ):
            written |= phrase
    return frozenset(written)


def _without_refuted(numbers: list[int], refuted: frozenset[int]) -> list[int]:
    """``numbers`` less the ``refuted`` ones, in order."""
    return [n for n in numbers if n not in refuted]


def firmly_reached(number: int, known: list[Unit]) -> bool:
    """Whether a word of the need reaches procedure ``number`` in full: by its spelling or
    its stem (match weight 1), or as a lexicon phrase (``span``); not only through a typing
    error (:data:`~mfs_core.recognition.index.TYPO`) or a derived form (``DERIVED``,
    ``STEMMED``: « radié » alone is shown, not claimed)."""
    for word in known:
        if number in word.reach.explains:
            if word.span:
                return True
            for _, weight in word.terms:  # a loop, not any(): no generator per word
                if weight >= 1.0:
                    return True
    return False


def _listed(procedure: Procedure) -> int:
    """How many question titles ``procedure``'s fiche lists, own and related."""
    return len(procedure.questions) + len(procedure.related_questions)
