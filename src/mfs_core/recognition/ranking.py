"""From a need to ranked candidates: :class:`Recogniser`, the orchestrator of recognition.

:meth:`Recogniser.recognise` reads the need into weighted terms (:mod:`~mfs_core.
recognition.terms`: lexicon phrases, single words, pairs, thesaurus synonyms), scores and
orders the procedures they reach (:mod:`~mfs_core.recognition.scoring`, with the twins of
one fiche, :mod:`~mfs_core.recognition.twins`), lets the rules that place a candidate
above one of higher score say why (:mod:`~mfs_core.recognition.placing`), decides the
level (:mod:`~mfs_core.recognition.decision`) and answers a
:class:`~mfs_core.recognition.result.Recognition`. A need that joins several requests, or
a resident's long account, is read part by part (:meth:`Recogniser._several`).

Speed (``benchmarks/bench_recognition.py``; ``docs/recognition.md``): a counter hears the
same words all day, so what each word of a need becomes is computed once and remembered,
in bounded caches (:class:`~mfs_core.recognition.terms.NeedTerms`); recognising a need is
then looking its words up, adding their contributions per procedure in the original order
and ranking the few procedures that can be shown. Each stage is built once per recogniser
and receives what it needs then, so that a need's path reads no more attributes than one
class did. Every result is the one the straightforward computation gives, to the last bit
(``tests/test_recognition_golden.py``).

The need's text is not kept: a :class:`Recognition` holds only catalogue words.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs

from mfs_core.model import Partner, PartnerKind, Procedure, ProcedureStatus
from mfs_core.recognition.accents import known_accents
from mfs_core.recognition.action import Actions, load_actions
from mfs_core.recognition.clauses import (
    asks,
    asks_again,
    commas_join_verbs,
    lists_requests,
    opens_another_question,
    opens_as_question,
    opens_with_request,
    opens_with_verb,
    verb_clauses,
)
from mfs_core.recognition.confidence import (
    CLAIM,
    MAX_CANDIDATES,
    PARTNER_SHARE,
    Level,
    close_count,
)
from mfs_core.recognition.dates import first_days
from mfs_core.recognition.decision import LevelRules
from mfs_core.recognition.entitlement import entitlement_words
from mfs_core.recognition.head import head_position
from mfs_core.recognition.index import ProcedureIndex
from mfs_core.recognition.lexicon import Lexicon, load_lexicon
from mfs_core.recognition.normalise import (
    MAX_TEXT_CHARS,
    SPELLED_NUMBER,
    Caseless,
    Word,
    generic_words,
    meaningful,
    reading,
    spelled_numbers,
    tokens,
)
from mfs_core.recognition.personal import without_personal_data
from mfs_core.recognition.places import without_place_names
from mfs_core.recognition.placing import Placing, moved_up, refuted_last, unasked
from mfs_core.recognition.questions import own_questions
from mfs_core.recognition.result import (
    ACCOUNT,
    ACTION,
    ASKED,
    BORROWED,
    HEAD,
    QUESTION,
    REQUESTS,
    SUBJECT,
    TWINS,
    WORDS,
    Candidate,
    Recognition,
    RequestAnswer,
    new_recognition,
    placed_in,
    with_places,
)
from mfs_core.recognition.scoring import (
    COVERAGE,
    HINT_BOOST,
    THEMATIQUE_BOOST,
    Row,
    Scoring,
    pool,
    without_numbers,
)
from mfs_core.recognition.scoring import scores as score_of
from mfs_core.recognition.situation import asked_subjects, naming_keywords, situations, subjects
from mfs_core.recognition.terms import (
    EXPLAINED_BY_FIELD,
    NeedTerms,
    Unit,
    denied_by_resident,
    idle_hints,
    information,
    most_explained,
    once,
    only_partners,
    without_partners,
)
from mfs_core.recognition.twins import Twins

# The public names of recognition, re-exported where outside code has always found them.
__all__ = [
    "COVERAGE",
    "DEFAULT_LIMIT",
    "EXPLAINED_BY_FIELD",
    "HINT_BOOST",
    "LONG_ACCOUNT",
    "THEMATIQUE_BOOST",
    "WHOLE",
    "Candidate",
    "Recogniser",
    "Recognition",
    "placed_in",
]

#: Candidates returned per need by default (the router shows at most a few).
DEFAULT_LIMIT = 5

#: Where one sentence joins two requests (« renouveler mon passeport *et* déclarer mes
#: impôts »): each part is recognised alone (:meth:`Recogniser._several`).
#: A need whose best candidate explains this share of it or more is one request, however
#: it is joined (« Famille de 3 enfants *et* plus : complément familial »). Tuned on the
#: ``tune`` split only.
WHOLE = 0.9
#: Meaningful words from which a need the whole of which names nothing is read sentence by
#: sentence, as a resident's account (:meth:`Recogniser.recognise`).
LONG_ACCOUNT = 12
#: Where an account's sentences and clauses end.
_SENTENCES = re.compile(r"[.!?;:]|,\s|\s(?:et|puis|mais|donc|alors)\s", re.IGNORECASE)

#: Meaningful words a part of a joined need must say to be a request of its own.
_PART_WORDS = 2
#: The requests of a need read as several that are answered one by one (the first, in
#: the order said); the others are counted and said (« 12 demandes lues, 8 détaillées »):
#: 200 comma-joined clauses printed a line each (review 14j, finding 3). A display bound,
#: not tuned on any corpus: the needs of tests/test_recognition_requests.py list at most 4.
MAX_REQUESTS = 8
#: Determiners and possessives that start a noun phrase (« mon permis », « la carte »).
_DETERMINERS = (
    r"(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs"
    r"|le|la|les|l['’]|un|une|des|du)"
)
_DETERMINER = re.compile(rf"\s*{_DETERMINERS}(?:\s|(?<=['’]))", re.IGNORECASE)
_FIRST_DETERMINER = re.compile(rf"(?:^|\s){_DETERMINERS}(?:\s|(?<=['’]))", re.IGNORECASE)
#: Possessives, by whose they say (« mon », « son »…): whose request a clause makes.
_POSSESSIVE = re.compile(
    r"\b(?:(m)(?:on|a|es)|(t)(?:on|a|es)|(s)(?:on|a|es)|(n)(?:otre|os)|(v)(?:otre|os)"
    r"|(l)eurs?)\b",
    re.IGNORECASE,
)
#: « m'a envoyé », « nous ont écrit »: a verb whose subject did it to the resident; the
#: participle is left out of an account's sentence (:meth:`Recogniser._several`).
_DONE_TO_ME = re.compile(r"\b(m['’]|nous\s+)(?:a|ont|avait|avaient)\s+[^\W\d_]+", re.IGNORECASE)
_JOINS = re.compile(r"\s(?:et|puis|ainsi que|et aussi)\s|;", re.IGNORECASE)
#: Whether a need holds a join, asked of every claimed need (:class:`Caseless`: faster).
_JOINED = Caseless(_JOINS.pattern)
#: The joins and a comma: « suivre mon colis, changer d'adresse » lists two requests its
#: comma alone joins (« changer d'adresse » opens with no determiner, so no verb clause:
#: :func:`~mfs_core.recognition.clauses.lists_requests`); read on a claimed need whose
#: clauses each open with a verb (:func:`~mfs_core.recognition.clauses.commas_join_verbs`),
#: several only when two of its parts claim procedures of different fiches (review 14k).
_JOINS_OR_COMMA = re.compile(rf"{_JOINS.pattern}|,\s", re.IGNORECASE)
#: The joins and a question mark before more text: « Comment déclarer mes revenus ?
#: Comment refaire mon passeport ? » asks two questions (review 14l, finding 7); read on a
#: need that asks again with a question word (:func:`~mfs_core.recognition.clauses.asks_again`).
_JOINS_OR_QUESTION = re.compile(rf"{_JOINS.pattern}|\?\s*(?=\S)", re.IGNORECASE)
_STEM = operator.itemgetter(2)
_KNOWN = operator.attrgetter("known")
_LABEL = operator.attrgetter("label")
_PARTNER = operator.attrgetter("partner")
_WEIGHT = operator.attrgetter("weight")
#: Under this share of a request's information explained, no candidate can claim it: its
#: confidence, rounded to 6 decimals (Scoring.ranked), stays under CLAIM.
_NO_CLAIM = CLAIM - 1e-6
# The levels, read once: in Python 3.11 every ``Level.X`` goes through ``EnumType``'s
# ``__getattr__`` hook (not specialised: about ten times a module global's cost).
_AMBIGUOUS, _NONE, _WEAK = Level.AMBIGUOUS, Level.NONE, Level.WEAK
#: The levels that claim a procedure.
_CLAIMS = (Level.CONFIDENT, _AMBIGUOUS)
#: A row's confidence (:data:`~mfs_core.recognition.scoring.Row`).
_CONFIDENCE_OF = operator.itemgetter(6)


class _Part(NamedTuple):
    """One request of a need read as several (:meth:`Recogniser._several`): ``part`` as
    read (with the verb it shares, an account's « m'a envoyé » left out), ``raw`` as written
    (an account's: where its sentence is found), its meaningful words and their marks
    (:func:`~mfs_core.recognition.normalise.reading`); ``other``: the words of an earlier
    request said of another person (« refaire mon passeport, refaire son passeport »)."""

    part: str
    raw: str
    said: list[Word]
    marks: int
    other: bool = False


def _without_foreign_keywords(
    procedures: list[Procedure], partners: Mapping[str, Partner], lexicon: Lexicon
) -> tuple[list[Procedure], Mapping[str, Partner]]:
    """The procedures and partners without the keywords that speak for another partner
    (``recognition-keyword-foreign``, :func:`~mfs_core.recognition.checks.foreign_keywords`):
    ``mfs plugins --check`` reports them and the registry keeps the item, but recognition
    does not read them. Review 14c: a plugin partner's keyword « carte vitale » made « j'ai
    perdu ma carte vitale » name that partner, which halved the CPAM's confidence (no
    procedure was suggested). The core's own data has none (a test says so): it is only
    searched when a plugin contributed."""
    items: list[Procedure | Partner] = [*procedures, *partners.values()]
    if all(item.provenance is not None and item.provenance.core for item in items):
        return procedures, partners
    from mfs_core.recognition.checks import field_phrases, foreign_keyword_positions

    hints = [(hint.said, hint.partner) for hint in lexicon.hints]
    flagged: dict[str, set[int]] = defaultdict(set)
    for subject, position, _ in foreign_keyword_positions(procedures, partners, hints):
        flagged[subject].add(position)
    if not flagged:
        return procedures, partners

    def kept(subject: str, keywords: Sequence[object]) -> tuple[str, ...]:
        left_out = flagged[subject]
        return tuple(k for n, k in enumerate(field_phrases(keywords)) if n not in left_out)

    procedures = [
        attrs.evolve(p, keywords=kept(p.id, p.keywords)) if p.id in flagged else p
        for p in procedures
    ]
    partners = {
        code: attrs.evolve(p, keywords=kept(code, p.keywords)) if code in flagged else p
        for code, p in partners.items()
    }
    return procedures, partners


class Recogniser:
    """Recognition over one registry's procedures; build it once (it builds the index)."""

    def __init__(
        self,
        procedures: Iterable[Procedure],
        partners: Mapping[str, Partner] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        partners = partners or {}
        base = load_lexicon() if lexicon is None else lexicon
        procedures, partners = _without_foreign_keywords(list(procedures), partners, base)
        self.index = ProcedureIndex(procedures)
        # In the index's order (by id, stable).
        ordered = sorted(procedures, key=lambda p: p.id)
        self.lexicon = base.with_partner_keywords(
            {code: p.keywords for code, p in partners.items() if p.keywords},
            "Partner.keywords of",
        )
        # « INDEMNISEE » is read as « INDEMNISÉE » (recognition.accents, issue-14aq).
        self._accents = known_accents(self.index, self.lexicon)
        # A word of a name (« M. DUPONT CARTE VITALE ») that the catalogue or the lexicon
        # holds is kept when the name is blanked (recognition.personal).
        spellings = self.index.spellings
        lexicon_stems = frozenset(s for e in self.lexicon.expansions for s in e.said)
        hint_stems = frozenset(s for h in self.lexicon.hints for s in h.said)
        lexicon_stems |= hint_stems
        self._known_word: Callable[[str], bool] = lambda word: any(
            t.plain in spellings or t.stem in lexicon_stems for t in tokens(word)
        )
        # « M. Caf demande le RSA »: a partner's name after a civility is no surname.
        self._partner_word: Callable[[str], bool] = lambda word: any(
            t.stem in hint_stems for t in tokens(word)
        )
        generic = generic_words()
        self._generic = generic
        documents = self.index.documents
        #: the last criteria of the order, fixed per procedure: national partners first,
        #: then the partner's share of requests, then the title (the id only for two
        #: procedures with the same title)
        static_order = [
            (
                0 if self._national_of(d.partner, partners) else 1,
                -PARTNER_SHARE.get(d.partner, 0),
                d.title.casefold(),
                d.id,
            )
            for d in documents
        ]
        #: what a candidate shows of each procedure, by number
        shown = [(d.id, d.partner, d.title) for d in documents]
        partner_of = [d.partner for d in documents]
        self._number_of = {d.id: n for n, d in enumerate(documents)}
        self._fiche_of = [d.fiche_id for d in documents]
        # What a partner hint shows: the partner's name without its bracketed acronyms
        # (« agriculteur → Mutualité sociale agricole », not a code).
        partner_names = {code: p.name.split(" (")[0] for code, p in partners.items()}
        self._terms = NeedTerms(self.index, self.lexicon, partner_names, partner_of, generic)
        # The situations fiche titles open with (« Chômage : inscription… »), and the
        # labels of the phrases of how a request is asked that call them (situation).
        found = situations((p.title, p.fiche_title) for p in ordered)
        self._scoring = Scoring(self.index, partner_of, shown, static_order, found, self.lexicon)
        self._twins = Twins(self._fiche_of, partner_of)
        # By procedure, the subject its title opens with, and its keywords' words that
        # name it (a need that says neither is not about that subject: situation).
        subject = subjects(found)
        naming = naming_keywords([t.stem for k in p.keywords for t in tokens(k)] for p in ordered)
        questions = own_questions(p.questions for p in ordered)
        asked = asked_subjects(((p.title, p.fiche_title) for p in ordered), generic)
        #: the actions a need names on an object (mfs_core.recognition.action)
        self._actions = Actions(self.index, load_actions())
        self._placing = Placing(self.index, self._terms, subject, naming, questions, asked)
        self._levels = LevelRules(
            self.index,
            ordered,
            partner_of,
            self._fiche_of,
            shown,
            static_order,
            self._twins,
            self._terms,
            generic,
            subject,
        )
        self._asked_labels = frozenset(a.label for a in self.lexicon.asked)
        #: the withdrawn procedures' numbers (placing.unasked)
        self._withdrawn = frozenset(
            n for n, p in enumerate(ordered) if p.status is ProcedureStatus.WITHDRAWN
        )

    def known_word(self, word: str) -> bool:
        """Whether ``word`` (as written, « Mariage ») is a word of the catalogue (any
        spelling of the index) or of the lexicon (a stem residents use): the test
        :func:`~mfs_core.recognition.personal.without_personal_data` keeps a word of a
        name by. Raises nothing."""
        return self._known_word(word)

    #: Needs :meth:`prepare` recognises: known words; a word no index holds (the lemma,
    #: thesaurus and typo tables, and simplemma's data, are built on the first such word,
    #: about 0.6 s); a number in words (text2num is imported on the first one).
    _WARM_UP = ("j'ai perdu ma carte vitale", "formulaire xqzwytbidule", "soixante-deux ans")

    def prepare(self) -> None:
        """Build now what the first needs would otherwise build on their way: a server
        calls it at start, so that its first resident's need is not the one that waits
        (about 0.7 s on the built-in catalogue). Recognises a few fixed needs; their
        words stay in the per-word caches, as any need's do."""
        for text in self._WARM_UP:
            self.recognise(text)

    def recognise(
        self, text: str, *, thematique: str | None = None, limit: int = DEFAULT_LIMIT
    ) -> Recognition:
        """Rank the procedures for the free-text need ``text`` (any length; see
        :data:`~mfs_core.recognition.normalise.MAX_TEXT_CHARS`): at most ``limit``
        candidates (never fewer than a clarify question may list), best first.

        ``thematique`` (a data·inclusion code the agent chose) favours the procedures that
        carry it. Raises nothing: a text with no meaningful word gives level ``none``.
        """
        kept = max(limit, MAX_CANDIDATES)
        # read once: the account test below counts the meaningful words too
        text, found, marks = self.read_need(text)
        recognition = self._recognise(text, thematique, kept, found, marks)
        best = recognition.best
        claimed = recognition.level in _CLAIMS
        # « Comment déclarer mes revenus et comment refaire mon passeport ? »: a second
        # question word opens a request of its own (review 14l, finding 7).
        if (not claimed or (best is not None and best.confidence < WHOLE)) and asks_again(
            text[:MAX_TEXT_CHARS]
        ):
            several = self._several(
                text[:MAX_TEXT_CHARS],
                thematique,
                kept,
                recognition,
                _JOINS_OR_QUESTION,
                listed=True,
                question=True,
            )
            if several is not None:
                return several
        if claimed and best is not None and best.confidence < WHOLE:
            listed = lists_requests(text[:MAX_TEXT_CHARS], requests=len(found) < LONG_ACCOUNT)
            if listed or _JOINED.search(text, MAX_TEXT_CHARS):
                several = self._several(text[:MAX_TEXT_CHARS], thematique, kept, recognition)
                if several is not None:
                    return several
            elif commas_join_verbs(text[:MAX_TEXT_CHARS]):
                # « suivre mon colis, changer d'adresse »: the whole claimed the réexpédition
                # on « colis » and « adresse », the colis request lost (review 14k); two
                # parts that each claim a different fiche are two requests.
                several = self._several(
                    text[:MAX_TEXT_CHARS], thematique, kept, recognition, _JOINS_OR_COMMA
                )
                if several is not None:
                    return several
            if listed and self._borrowed(text[:MAX_TEXT_CHARS], thematique, kept, best.procedure):
                # « faire ma déclaration d'impôts, renouveler le passeport de mon fils »: the
                # lost passport claimed on « déclaration » of one request and « passeport »
                # of the other (review 14h): not claimed; each request answered alone.
                several = self._several(
                    text[:MAX_TEXT_CHARS], thematique, kept, recognition, listed=True
                )
                if several is not None:
                    return several
                return _borrowed_shown(recognition)
        # A request verb after a join opens a request of its own in a short need; in an
        # account, what comes before it is context (issue-14be).
        if not claimed and lists_requests(
            text[:MAX_TEXT_CHARS], requests=len(found) < LONG_ACCOUNT
        ):
            # « renouveler mon passeport, déclarer mes impôts, faire une procuration et
            # suivre mon colis »: four requests dilute the whole under every bar; each
            # verb clause is read alone (mfs_core.recognition.clauses), and answered when
            # one of them claims (« déclarer mes revenus, refaire mon passeport »: a clarify
            # among the déclarations, and nothing for the passport; issue-14aj).
            several = self._several(
                text[:MAX_TEXT_CHARS],
                thematique,
                kept,
                recognition,
                listed=True,
                question=opens_as_question(text),
            )
            if several is not None:
                return several
        # An account has at least LONG_ACCOUNT meaningful words and words between spaces.
        if (
            not claimed
            and len(found) >= LONG_ACCOUNT
            and len(text.split(None, LONG_ACCOUNT)) >= LONG_ACCOUNT
        ):
            # A resident's account: its sentences, each recognised alone, may name the
            # request the whole dilutes (« … je voudrais savoir si j'ai droit à la pension
            # de réversion »).
            several = self._several(
                text[:MAX_TEXT_CHARS], thematique, kept, recognition, _SENTENCES, alone=True
            )
            if several is not None:
                return several
        return recognition

    def read_need(self, text: str) -> tuple[str, list[Word], int]:
        """``text`` as :meth:`recognise` reads it before ranking, with its meaningful words
        and marks (:func:`~mfs_core.recognition.normalise.reading` of it): NFC, accents
        restored, personal data and compound place names blanked, numbers in words and
        first days of months read.
        Also read by ``scripts/fit_suggestion_gate.py``. Raises nothing."""
        if not unicodedata.is_normalized("NFC", text):
            # Read as the length limit counts it (routing.request.need_length): an accent
            # typed as a combining mark is one character with its letter.
            text = unicodedata.normalize("NFC", text)
        text = self._accents.restored(text)
        # « Mme Nguyen veut … »: the name is no word of the need
        text = without_personal_data(text, self._known_word, partner=self._partner_word)
        # « je déménage à Ars-en-Ré »: where the resident lives is no word of the need
        text = without_place_names(text)
        found, marks = reading(text)
        if marks & SPELLED_NUMBER or len(text) > MAX_TEXT_CHARS:
            # « soixante-deux ans » is read as « 62 ans »; a text that long is asked whole.
            text = spelled_numbers(text)
            found, marks = reading(text)
        dated = first_days(text, found)
        if dated is not text:
            # « premier avril », « 1 er avril » are the date « 1er avril » (recognition.dates)
            text = dated
            found, marks = reading(text)
        return text, found, marks

    def _several(
        self,
        text: str,
        thematique: str | None,
        kept: int,
        whole: Recognition,
        parts: re.Pattern[str] = _JOINS,
        *,
        alone: bool = False,
        listed: bool = False,
        question: bool = False,
    ) -> Recognition | None:
        """Each request of a need that joins several, recognised alone and answered in
        the order said (a clarify, :attr:`Recognition.answers`); ``None`` when the need
        asks for one thing.

        The need is several requests when two of its parts between ``parts`` claim
        procedures of different fiches, or, ``listed`` (it lists verb clauses:
        :func:`~mfs_core.recognition.clauses.lists_requests`; and its whole claims nothing
        of its own), when one does. Each request then keeps its own outcome: its claim, its
        clarify's candidates, its suggestions, or nothing (said, never dropped: issue-14aj).
        ``alone``: a long account's sentences; only those that claim count, and when one
        only claims, its recognition (the main request of the account), a claim of one
        procedure shown as suggestions (``weak``: issue-14az); ``whole`` itself when it
        suggests (``weak``) first a procedure that sentence did not choose, and the
        sentence does not ask (issue-14bp). ``question``: the need opens as a question
        (:func:`~mfs_core.recognition.clauses.opens_as_question`), whose clauses may ask
        one thing about one subject: when one only claims and the
        others are nearest its partner, its recognition (« Peut-on consulter son dossier
        fiscal et obtenir une copie de ses déclarations ? » was read as 2 requests, the
        second « rien de reconnu »: review 14j, finding 7)."""
        requests: list[_Part] = []
        # The words of each request kept: one said again is the same request, whatever it
        # finds (« …, refaire mon passeport, refaire mon passeport » read 3: review 14j).
        # A possessive of another person makes another request (« refaire mon passeport,
        # refaire son passeport »: two people's, review 14k): the persons each said it of.
        # The parts kept by their words; whose each is of is read only when words come
        # again (rare: most needs say no request twice).
        heard: dict[tuple[str, ...], list[str]] = {}
        verb = ""
        split = parts.split(text)
        if not alone:  # a comma or « ou » before a verb clause joins requests too
            split = [clause for part in split for clause in verb_clauses(part)]
        for part in split:
            raw = part
            if verb and not alone and _DETERMINER.match(part):
                # « j'ai perdu ma carte vitale et mon permis »: the noun phrase joined to
                # the one before shares its verb (an ellipsis); read with it. Not across an
                # account's sentences, where « la propriétaire … » is a new subject.
                part = f"{verb.rstrip()} {part.lstrip()}"
            verb = _verb_of(part)
            if alone:
                # An account's « la propriétaire m'a envoyé une lettre » tells what another
                # did to the resident: context, not a request of theirs (review finding 4).
                part = _DONE_TO_ME.sub(r"\1", part)
            said, marks = reading(part)
            # « et où l'envoyer ? » goes with what came before; « faire une procuration »
            # (one meaningful word) is a request of its own.
            # « … ? Et que dois-je faire pour mon passeport ? »: a question word opens one.
            if (
                len(said) >= _PART_WORDS
                or (said and not alone and (opens_with_verb(part) or opens_with_request(part)))
                or (said and question and opens_another_question(part))
            ):
                words = tuple(stem for _word, _plain, stem in said)
                owners = heard.get(words)
                if owners is None:
                    heard[words] = [part]
                    requests.append(_Part(part, raw, said, marks))
                elif _another_person(part, owners):
                    owners.append(part)
                    requests.append(_Part(part, raw, said, marks, other=True))
        if len(requests) < (1 if alone else 2):
            # Fewer parts than it takes to answer anything but None: none is recognised.
            return None
        # Each counted request's answer: its level and the candidates that answer it.
        answers: list[tuple[Level, tuple[Candidate, ...], str | None]] = []
        fiches: set[object] = set()
        claims = 0
        first: Recognition | None = None  # the first request that claims
        first_asks = False  # whether that request, an account's sentence, asks (clauses.asks)
        first_part = ""  # that request as read
        # The partners nearest the requests that claim nothing (None: one that cannot
        # be part of the claim's subject: it suggests something, or says a word
        # recognition does not know).
        near: set[str | None] = set()
        unclaimed: list[list[Word]] = []  # the words of the requests that claim nothing
        claimed: set[str] = set()  # the stems of the first request that claims
        unread = 0  # requests past MAX_REQUESTS, counted, not recognised
        for n, (part, raw, said, marks, other) in enumerate(requests):
            if not alone and not listed and claims + len(requests) - n < 2:
                return None  # the parts left cannot make the two claims a join needs
            if not alone and len(answers) >= MAX_REQUESTS and claims >= (1 if listed else 2):
                unread = len(requests) - n
                break
            # An account's sentence counts only when it claims (below).
            recognition = self._recognise(part, thematique, kept, said, marks, claims_only=alone)
            level, best = recognition.level, recognition.best
            if level in _CLAIMS and best is not None:
                # A request said twice is one (« X ? X ? »): it claims a fiche an earlier
                # request listed (« Famille de 3 enfants et plus : complément familial »:
                # the second part claims one of the first's question). Not another
                # person's (review 14k: « …, refaire son passeport » is a request of its
                # own, since issue-14be's lexicon one that claims).
                if self._fiche(best) in fiches and not other:
                    continue
                claims += 1
                if first is None:
                    first, claimed = recognition, {stem for _word, _plain, stem in said}
                    first_asks = alone and asks(_sentence_of(text, raw))
                    first_part = part
                # An account's sentence lists its best only, as before issue-14aj.
                mine = recognition.chosen if level is _AMBIGUOUS and not alone else 1
                shown = recognition.candidates[:mine]
                fiches.update(map(self._fiche, shown))
                answers.append((level, shown, None))
            elif not alone:
                # Suggestions, or nothing: said in its place (an account's sentence that
                # claims nothing is context, not a request).
                answers.append(
                    (level, recognition.candidates[: recognition.chosen], recognition.withheld)
                )
                near.add(
                    best.partner if best is not None and self._no_subject(level, said) else None
                )
                unclaimed.append(said)
        if alone and claims == 1 and first is not None:
            # A long account's one clause that claims (« … mais le simulateur m'a répondu
            # que je n'y avais pas droit ») rests on a few of its words, and the whole,
            # which the others fill, named nothing: they may tell another need (issue-14az:
            # of the accounts claimed so in the tune split and five fresh samples, 2 were
            # right, 5 wrong). Its candidates are shown, first, never decided on; a
            # clarify stays one.
            if whole.level is _WEAK and not first_asks and _another_first(whole, first):
                # The whole names another procedure and the clause tells, it does not ask
                # (« … Ce sera un recommandé, il nous a laissé sa carte d'identité. »: the
                # clause asked the identity card question, the whole read the recommandé):
                # a detail of the story, not the request; the whole is kept (issue-14bp).
                return whole
            if first.level is _AMBIGUOUS:
                # « Je suis agriculteur, comment demander l'aide au logement ? »: the hint
                # said in another clause settles the CAF-or-MSA question (issue-14be).
                first = self._hinted_twin(text, first, first_part, thematique, kept) or first
            return _shown(first) if first.level is Level.CONFIDENT and not first_asks else first
        # One question about one subject: the clauses that claim nothing have no subject
        # of their own (:meth:`_no_subject`) and are nearest the same partner as the one
        # that claims (« … obtenir une copie de ses déclarations ? »: the DGFiP);
        # « Comment déclarer mes revenus et refaire mon passeport ? » stays two requests.
        if (
            question
            and claims == 1
            and first is not None
            and first.best is not None
            and (near == {first.best.partner})
            and all(
                self._words_near(
                    [w for w in said if w[2] not in claimed], first.best.partner, thematique, kept
                )
                for said in unclaimed
            )
        ):
            return first
        if claims < (1 if listed else 2):
            return None
        if alone:  # at most a question's candidates, as before issue-14aj
            answers = answers[:MAX_CANDIDATES]
        if not alone:
            answers = answers[:MAX_REQUESTS]
        return self._answered(answers, whole, kept, claims if alone else len(answers) + unread)

    def _hinted_twin(
        self, text: str, asked: Recognition, part: str, thematique: str | None, kept: int
    ) -> Recognition | None:
        """The claim of a long account's clause ``part`` whose recognition ``asked`` is a
        question among twins (one fiche at the CAF and the MSA), when another clause of the
        account ``text`` hints one of them (« Je suis agriculteur, comment demander l'aide
        au logement ? », split at its comma: the MSA hint and the request read apart, a
        CAF-or-MSA question; issue-14be): ``part`` read again with the hint's words, if it
        then claims that partner's twin; else ``None``. A negated hint (« je ne suis pas
        agriculteur »: :meth:`NeedTerms.refuted_hints`) answers the other way when it
        leaves one twin's partner (issue-14bh): ``part`` is read again with it, negated."""
        chosen = asked.candidates[: asked.chosen]
        if len(chosen) < 2 or len({self._fiche(c) for c in chosen}) != 1:
            return None  # not twins: the hint says nothing of which
        found, marks = reading(text)
        words, _ = self._terms.words(found, text, marks)
        twins = {c.partner for c in chosen}
        refuted = {p: w for p, w in self._terms.refuted_hints(found, text).items() if p in twins}
        partners = twins - refuted.keys()
        hints = [w for w in words if w.partner in partners and w.span]
        if (
            not hints
            and len(refuted) == 1
            and len(partners) == 1
            # the resident's own denial, not another person's (review 34)
            and denied_by_resident(text, refuted.values())
        ):
            # « Je ne suis pas agriculteur, comment demander l'aide au logement ? »: the
            # refuted twin's hint, said again under its negation, leaves the other.
            hinted = f"{part.rstrip(' ?!.')}, je ne suis pas {next(iter(refuted.values()))}"
        elif len({w.partner for w in hints}) != 1:
            return None  # none, or two partners hinted: the question stays
        else:
            said = " ".join(found[n][0] for n in sorted(hints[0].span))
            hinted = f"{part.rstrip(' ?!.')} {said}"
        again = self._recognise(hinted, thematique, kept, *reading(hinted))
        best = again.best
        if again.level is Level.CONFIDENT and best is not None and best.partner in partners:
            return again
        return None

    def _no_subject(self, level: Level, said: list[Word]) -> bool:
        """Whether a request that claims nothing (its ``level``, its meaningful words
        ``said``) has no subject of its own, and may be part of a
        question's claim: it suggests nothing (``none``) and every word it says is one
        recognition knows. A suggestion (« obtenir mon avis d'imposition »: the revenu
        fiscal de référence; « déclarer un enfant à charge ») or a word the catalogue
        lacks (« contester un indu ») is a request of its own, said (review 14k)."""
        return level is _NONE and all(self._known_word(word) for word, _plain, _stem in said)

    def _words_near(
        self, said: list[Word], partner: str, thematique: str | None, kept: int
    ) -> bool:
        """Whether each word of ``said`` but how requests are asked (« obtenir »), read
        alone, is nearest ``partner`` (its best candidate's): no word of a request that
        claims nothing reaches another partner's procedure. « obtenir une copie de ses
        déclarations » after the espace Particulier: « copie » and « déclarations » reach
        the DGFiP; « obtenir une attestation de droits » after the carte Vitale:
        « attestation » reaches the CNAV's attestation fiscale, a subject of its own
        (review 14k). Runs only on a question's requests that claim nothing, less the
        words of the request that claims (its subject, said again)."""
        for word in said:
            if word[1] in self._generic:
                continue
            alone = self._recognise(word[0], thematique, kept, [word], 0)
            if alone.best is None or alone.best.partner != partner:
                return False
        return True

    def _fiche(self, candidate: Candidate) -> object:
        """The fiche of ``candidate``'s procedure (its id when it has none)."""
        return self._fiche_of[self._number_of[candidate.procedure]] or candidate.procedure

    def _answered(
        self,
        answers: list[tuple[Level, tuple[Candidate, ...], str | None]],
        whole: Recognition,
        kept: int,
        count: int,
    ) -> Recognition:
        """The clarify of a need read as several requests: each request's candidates
        (``request`` set to its number), request after request, then the whole need's
        other candidates; :attr:`Recognition.answers` says what each request found (and,
        for a request only shown, why: its ``withheld``, issue-14be).
        ``count``: how many requests were read (:attr:`Recognition.requests`)."""
        chosen: list[Candidate] = []
        told: list[RequestAnswer] = []
        ids: set[str] = set()
        for number, (level, shown, withheld) in enumerate(answers, 1):
            mine = [c for c in shown if c.procedure not in ids]
            ids.update(c.procedure for c in mine)
            chosen.extend(attrs.evolve(c, request=number) for c in mine)
            # Its reason only while its candidates are its own (none: « rien de plus que
            # les démarches d'une demande précédente »).
            told.append(
                RequestAnswer(
                    number=number,
                    level=level,
                    chosen=len(mine),
                    withheld=withheld if mine else None,
                )
            )
        rest = [c for c in whole.candidates if c.procedure not in ids]
        candidates = with_places(
            tuple([*chosen, *rest][: max(kept, len(chosen))]),
            lambda c: REQUESTS if c.request is not None else c.placed,
        )
        return attrs.evolve(
            new_recognition(_AMBIGUOUS, candidates, len(chosen)),
            several=True,
            requests=count,
            answers=tuple(told),
        )

    def _borrowed(self, text: str, thematique: str | None, kept: int, claimed: str) -> bool:
        """Whether the claim of procedure ``claimed`` rests on words of two requests: of
        the requests ``text`` lists (its parts between joins, cut again at verb clauses,
        as :meth:`_several` reads them), none read alone claims it. Run only on a need
        that lists verb clauses (:func:`~mfs_core.recognition.clauses.lists_requests`)."""
        for part in _JOINS.split(text):
            for clause in verb_clauses(part):
                said, marks = reading(clause)
                if not said:
                    continue
                alone = self._recognise(clause, thematique, kept, said, marks)
                if alone.level in _CLAIMS and any(
                    c.procedure == claimed for c in alone.candidates[: max(alone.chosen, 1)]
                ):
                    return False
        return True

    def _recognise(
        self,
        text: str,
        thematique: str | None,
        kept: int,
        found: list[Word],
        marks: int,
        *,
        claims_only: bool = False,
    ) -> Recognition:
        """:meth:`recognise` for one request (``kept`` candidates at most; ``found`` and
        ``marks``: its meaningful words and marks, ``reading(text)``, read once by the
        caller). ``claims_only``: the caller reads the recognition only when it claims
        (confident or ambiguous); a request that cannot claim, its known words being less
        than :data:`~mfs_core.recognition.confidence.CLAIM` of its information and no
        partner hint said, is given as level ``none`` without being ranked."""
        words, expansions = self._terms.words(found, text, marks)
        if len(set(map(_STEM, found))) < len(found):
            # A word said twice is one piece of evidence: « pacs pacs … chasse » must not
            # outweigh « chasse » by repetition (issue-14m), nor « zorglub zorglub… » fade.
            words, expansions = once(words), once(expansions)
        known = list(filter(_KNOWN, words))
        hinted = set(map(_PARTNER, known))
        hinted.discard(None)
        if hinted:
            idle = idle_hints(known, hinted)
            if idle:  # hints that settle nothing: set aside, as unsaid
                words, known = without_partners(words, idle), without_partners(known, idle)
                hinted -= idle
        total = information(words, known)
        if not total:
            return Recognition(level=_NONE, candidates=())
        if claims_only and not hinted and self._unclaimable(known, total):
            return new_recognition(_NONE, (), 0)
        if hinted and only_partners(known):
            return self._levels.partner_only(known, words, kept)
        scoring = self._scoring
        scores = scoring.boosted(score_of(known, expansions), hinted, thematique)
        if self._asked_labels.intersection(map(_LABEL, words)):
            scores = scoring.situation_boosted(scores, words, found)
        if scoring.exclusive and not scoring.exclusive.keys().isdisjoint(map(_STEM, found)):
            scores = without_numbers(scores, scoring.ruled_out(found))
        twins = self._twins
        ranked = scoring.ranked(
            twins.with_twins(pool(scores, kept), scores), scores, known, expansions, total, hinted
        )
        # Why a rule below moved a procedure up, by number (Candidate.placed).
        placed: dict[int, str] = {}
        refuted: frozenset[int] = frozenset()
        if len(twins.of_best(ranked)) > 1:
            # « je ne suis pas agriculteur » says which twin is not the resident's;
            # « mon mari n'est pas agriculteur » says nothing of the resident's own regime:
            # the twin question stays, in score order (review 34, then stop 35: a refuted
            # twin placed last yet counted by level_of made « … ou le premier passeport »).
            # A partner the need also names, unnegated (« je ne suis pas exploitant, je suis
            # salarié agricole »), is not refuted (review 35).
            refuted_hints = self._terms.refuted_hints(found, text)  # a new dict a call
            for partner in hinted & refuted_hints.keys():  # a loop: no closure cell here
                del refuted_hints[partner]
            # Most twin needs deny no hint: the need is then not read again (folded whole).
            if refuted_hints and not denied_by_resident(text, refuted_hints.values()):
                refuted_hints = {}
            refuted = twins.refuted(ranked, set(refuted_hints))
            if refuted:
                before = ranked
                ranked = refuted_last(ranked, refuted)
                moved_up(before, ranked, TWINS, placed)
        placing = self._placing
        if placing.subjects and not refuted:
            before = ranked
            ranked = placing.subject_settled(ranked, known)
            moved_up(before, ranked, SUBJECT, placed)
        # Folded once for the readings below (each looks for its word before any work).
        folded = text.casefold()
        head = head_position(text, folded)
        if placing.asked and not refuted and len(ranked) > 1 and head is None:
            # « S'inscrire à Pôle Emploi » says nothing of the justificatif the question
            # title « Quel justificatif fournir pour s'inscrire… ? » asks (stop 39). A need
            # that names a thing « pour » that purpose asks about that thing, in its own
            # words (« *papiers* pour s'inscrire à pôle emploi », review 39): left.
            before = ranked
            ranked = placing.asked_settled(ranked, known, words)
            moved_up(before, ranked, SUBJECT, placed)
        if head is not None and len(ranked) > 1:
            before = ranked
            ranked = placing.head_first(ranked, found, head)
            moved_up(before, ranked, HEAD, placed)
        if placing.questions and len(ranked) > 1:
            # A need that is a procedure's own question title, said whole (questions).
            before = ranked
            ranked = placing.question_first(ranked, found)
            moved_up(before, ranked, QUESTION, placed)
        entitled = None
        spoken = entitlement_words(text, folded)
        if spoken:
            entitled = self._levels.entitled(found, known, spoken)
        level, chosen, ranked = self._levels.level(
            ranked, hinted, kept, known, total, refuted, expansions, placed, entitled
        )
        if level is _AMBIGUOUS:
            # A procedure that no longer exists, reached only by the first one's words, is
            # no choice to ask the resident about (issue-14bo).
            asked = (level, chosen, ranked)
            dropped: list[Row] = []
            while level is _AMBIGUOUS:  # again on the new question (review 37, finding 4)
                ranked, more = unasked(ranked, chosen, known, self._withdrawn)
                if not more:
                    break
                dropped += more
                # The level read again without them; they come right after what is asked.
                level, chosen, ranked = self._levels.level(
                    ranked, hinted, kept, known, total, refuted, expansions, placed, entitled
                )
            if dropped and (
                level is _NONE
                or (level is Level.CONFIDENT and max(map(_CONFIDENCE_OF, dropped)) > ranked[0][6])
            ):
                # Never nothing shown, nor the claim of a candidate explaining less of the
                # need than one left out: « aide au logement de l'assurance vieillesse »
                # claimed an aidant's affiliation (67 %) once the withdrawn housing aid
                # (82 %) was out (review 37, finding 1). The question stays.
                level, chosen, ranked = asked
            elif dropped:
                ranked = [*ranked[:chosen], *dropped, *ranked[chosen:]]
        actions = self._actions
        rival = actions.rival(ranked, found, text)
        if rival is not None:
            # « Comment contester sa taxe foncière ? »: the action's procedure (the
            # réclamation) before the object's (mfs_core.recognition.action, stop 40).
            level, chosen, ranked = _action_first(level, chosen, ranked, rival, placed)
        elif ((level is _AMBIGUOUS and chosen > 1) or level not in _CLAIMS) and actions.unsaid(
            ranked, found, text
        ):
            # « Combien de trimestres … ? » asks no rachat: the procedure of an action the
            # need does not say after the next, which explains the need as much.
            before = ranked
            ranked = [ranked[1], ranked[0], *ranked[2:]]
            moved_up(before, ranked, SUBJECT, placed)
        # Enough of the need to claim the best, and a rule withdrew the claim: said why,
        # so that no reason calls a 100 % candidate unsure (issue-14bc).
        withheld = WORDS if level is _WEAK and ranked[0][6] >= CLAIM else None
        if level not in _CLAIMS and len(ranked) > 1 and self.index.described:
            ranked = placing.described_first(ranked, known, placed)
        candidates = scoring.candidates(ranked[:kept], known, hinted, expansions)
        if placed:
            candidates = scoring.placed_candidates(candidates, placed)
        return new_recognition(level, candidates, chosen, withheld)

    @staticmethod
    def _unclaimable(known: list[Unit], total: float) -> bool:
        """Whether no candidate of a request whose known words are ``known`` (no partner
        hint among them) and whose information is ``total`` can be claimed: none explains
        :data:`~mfs_core.recognition.confidence.CLAIM` of it, and no rule of
        :meth:`LevelRules.level` makes a claim of a lower level (they lower a level, or
        ask among the claimed). First the known words' weights (each word explains its
        weight or less), summed in C; then what each procedure explains."""
        if sum(map(_WEIGHT, known)) / total < _NO_CLAIM:
            return True
        return most_explained(known) / total < _NO_CLAIM

    @staticmethod
    def _national_of(code: str, partners: Mapping[str, Partner]) -> bool:
        partner = partners.get(code)
        return partner is None or partner.kind is PartnerKind.NATIONAL


def _action_first(
    level: Level, chosen: int, ranked: list[Row], rival: int, placed: dict[int, str]
) -> tuple[Level, int, list[Row]]:
    """``ranked`` with ``rival`` (the action's procedure, :mod:`~mfs_core.recognition.
    action`) first, the level and count chosen to match: a claim of the object's
    procedure becomes a question between the two; a question keeps its candidates, the
    action's joining them; suggestions keep their level. Each procedure moved up is
    recorded in ``placed``: :data:`~mfs_core.recognition.result.ASKED` in a claim or a
    question, :data:`~mfs_core.recognition.result.ACTION` among suggestions."""
    before = ranked
    at = next(n for n, row in enumerate(ranked) if row[4] == rival)
    ranked = [ranked[at], *ranked[:at], *ranked[at + 1 :]]
    moved_up(before, ranked, ASKED if level in _CLAIMS else ACTION, placed)
    if level is Level.CONFIDENT:
        return Level.AMBIGUOUS, 2, ranked
    if level is Level.AMBIGUOUS and at >= chosen:
        return level, min(chosen + 1, MAX_CANDIDATES), ranked
    return level, chosen, ranked


#: Where a sentence ends.
_SENTENCE_END = re.compile(r"[.!?]")


def _sentence_of(text: str, part: str) -> str:
    """The sentence of ``text`` that holds ``part`` (one of its parts, as written), its
    closing mark included (« Permis moto : comment passer de la catégorie A2 à la catégorie
    A ? » for « Permis moto »); ``part`` when ``text`` does not hold it. Raises nothing."""
    start = text.find(part)
    if start < 0:
        return part
    before = max(text.rfind(mark, 0, start) for mark in ".!?")
    after = _SENTENCE_END.search(text, start + len(part))
    return text[before + 1 : after.end() if after is not None else len(text)]


def _another_first(whole: Recognition, clause: Recognition) -> bool:
    """Whether the first candidate of ``whole`` (an account read whole) is none of those
    its claiming ``clause`` chose (the claim, or the clarify question's candidates)."""
    best = whole.best
    chosen = clause.candidates[: max(clause.chosen, 1)]
    return best is not None and all(c.procedure != best.procedure for c in chosen)


def _shown(recognition: Recognition) -> Recognition:
    """``recognition`` (a claim of a long account's one sentence) as suggestions: level
    ``weak``, the same candidates, as many chosen as score close to the best
    (:func:`~mfs_core.recognition.confidence.close_count`), withheld as :data:`ACCOUNT`."""
    return new_recognition(
        Level.WEAK,
        recognition.candidates,
        close_count([c.score for c in recognition.candidates]),
        ACCOUNT,
    )


def _borrowed_shown(recognition: Recognition) -> Recognition:
    """``recognition`` (a claim whose words belong to two requests of the need, none of
    which claims it alone: :meth:`Recogniser._borrowed`) as suggestions: level ``weak``,
    the same candidates, as many chosen as score close to the best, as a need read alone
    that is ``weak`` shows them (issue-14be: none was shown); withheld as
    :data:`BORROWED` when its best explains enough of the need to be claimed."""
    candidates = recognition.candidates
    best = candidates[0].confidence if candidates else 0.0
    return new_recognition(
        Level.WEAK,
        candidates,
        close_count([c.score for c in candidates]) if candidates else 0,
        BORROWED if best >= CLAIM else None,
    )


def _another_person(part: str, owners: list[str]) -> bool:
    """Whether ``part`` says its request is of another person than each of ``owners``
    (the parts that said the same words before): both say whose (:func:`_whose`) and
    differ (« refaire mon passeport, refaire son passeport »)."""
    whose = _whose(part)
    return not any(not whose or not said_of or whose == said_of for said_of in map(_whose, owners))


def _whose(part: str) -> frozenset[str]:
    """The persons ``part``'s possessives say its request is of (« m » for « mon, ma,
    mes », « s » for « son, sa, ses »…); empty when it says none."""
    return frozenset(
        person.lower()
        for found in _POSSESSIVE.finditer(part)
        for person in found.groups()
        if person
    )


def _verb_of(part: str) -> str:
    """What ``part`` says before its first determiner (« j'ai perdu » of « j'ai perdu ma
    carte vitale »): the verb a noun phrase joined after it shares; "" when the part
    starts with its noun phrase or has none."""
    found = _FIRST_DETERMINER.search(part)
    if found is None or not meaningful(part[: found.start()]):
        return ""
    return part[: found.start()]
