"""When recognition may claim a procedure: the reviewer's faults of stop 21 (issue 14,
branch issue-14j), each a test that failed before the change.

Phrasings marked *constructed* are robustness cases written for the rule (the reviewer's,
``/tmp/attack21`` in the closing note of stop 21), not taken from a public source; the
others are corpus items (``tests/data/recognition/needs.jsonl``, each with its source).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.specificity import split_share
from mfs_core.registry import Registry
from mfs_core.routing import DecisionKind, Request, RequestChannel, Router
from mfs_core.routing.context import SiteContext
from mfs_core.routing.request import MAX_NEED_CHARS, need_length
from mfs_test_support import load_script

ROOT = Path(__file__).parents[1]


def _site() -> SiteContext:
    return SiteContext(agents_on_duty=1, waiting=0, now=dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC))


# -- 1. negation after the word, and « ne » dropped in speech (constructed): its cases are
# in test_recognition_review.test_the_words_under_a_negation_are_found, one table ------


@pytest.mark.parametrize(
    "need",
    [
        "agriculteur ? non, je veux le RSA",
        "je suis plus agriculteur, je veux le RSA",
        "RSA, je suis pas agriculteur",
    ],
)
def test_a_hint_negated_after_it_or_without_ne_is_not_evidence(
    recogniser: Recogniser, need: str
) -> None:
    """Before: « agriculteur ? non » and « je suis plus agriculteur » claimed the MSA's RSA
    at 85 %; now as « je ne suis pas agriculteur »: since issue-14p (review finding 8), the
    refuted partner answers the twin question the other way: the CAF's."""
    recognition = recogniser.recognise(need)
    formal = recogniser.recognise("je ne suis pas agriculteur, je veux le RSA")
    assert recognition.level is formal.level is Level.CONFIDENT, need
    assert [c.procedure for c in recognition.candidates[:1]] == ["caf.rsa"]
    assert not any("Mutualité" in m for c in recognition.candidates for m in c.matched)


def test_plus_of_quantity_leaves_the_hint(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("j'ai plus de 60 ans, je suis agriculteur, je veux le RSA")
    assert recognition.level is Level.CONFIDENT
    assert recognition.best is not None
    assert recognition.best.procedure == "msa.rsa"


# -- 2. one word of a title, or a need split between procedures ---------------------------


def _title_words(builtins: Registry) -> tuple[set[str], set[str]]:
    """Words of the built-in procedures' titles, alone and as adjacent pairs: needs that
    say one thing vaguely (constructed from the catalogue, the reviewer's sweep;
    ``scripts/title_word_claims.py`` prints the counts)."""
    script = load_script("title_word_claims", ROOT / "scripts" / "title_word_claims.py")
    found: tuple[set[str], set[str]] = script.title_words(builtins.procedures.values())
    return found


def test_fewer_single_title_words_claim_alone(builtins: Registry, recogniser: Recogniser) -> None:
    """81 of 348 single title words claimed a procedure before issue-14j, 62 after (the
    rest: one-word keywords of the catalogue, « calcul », « extrait », « réversion »), 41
    after issue-14m (a common French word among them names nothing alone: « mariage »,
    « départ », « internet »); two-word pairs 276 of 482 before, 266 after 14j, 255 after
    14m. A ceiling a little above."""
    ones, twos = _title_words(builtins)
    claimed_one = sum(recogniser.recognise(w).level is Level.CONFIDENT for w in ones)
    claimed_two = sum(recogniser.recognise(w).level is Level.CONFIDENT for w in twos)
    assert claimed_one <= 0.13 * len(ones), (claimed_one, len(ones))
    assert claimed_two <= 0.54 * len(twos), (claimed_two, len(twos))


@pytest.mark.parametrize(
    "need",
    [
        "calcul de ma retraite",  # « calcul » is the tax simulator's title word
        "extrait de naissance",  # « extrait » the casier judiciaire's, « naissance » the grant's
        "démarches à effectuer",  # how, not what: two words of an accident du travail title
    ],
)
def test_a_vague_or_split_need_is_not_claimed(recogniser: Recogniser, need: str) -> None:
    """Constructed (the reviewer's). Before: the first three claimed a procedure (confident,
    or a clarify question for « démarches à effectuer »); the fourth was already a
    suggestion, kept here as a guard."""
    recognition = recogniser.recognise(need)
    assert recognition.level not in (Level.CONFIDENT, Level.AMBIGUOUS), need


@pytest.mark.parametrize("need", ["j'ai vendu ma voiture", "je vends ma voiture"])
def test_selling_a_car_is_the_cession_not_the_used_car_registration(
    recogniser: Recogniser, need: str
) -> None:
    """Constructed (the reviewer's). « vendu »/« vends » reach « vendre » through their
    lemma (issue-14i) and « voiture » means the catalogue's « véhicule » (lexicon): the
    cession (F1707) is claimed; before, the used-car registration (buying one, F1050) came
    first, reached by « voiture d'occasion »."""
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, need
    assert recognition.best is not None
    assert recognition.best.procedure == "interieur.vendre-vehicule"


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        ("Quelle retraite pour un agriculteur ?", "msa.retraite-agricole"),  # corpus
        ("pension de réversion", "cnav.pension-reversion"),
        ("j'ai perdu ma carte vitale", "cnam.carte-vitale"),
        # issue-14m: a keyword rare in French is a name; a common one (« suivi »,
        # « difficultés ») names with a second keyword (corpus)
        ("réversion", "cnav.pension-reversion"),
        ("PPAE", "france-travail.obligation-recherche"),
        ("Comment accéder au suivi de votre colis?", "la-poste.suivi-envoi"),
        ("Que faire en cas de difficultés pour payer vos impôts ?", "dgfip.remise-gracieuse"),
    ],
)
def test_a_need_naming_its_procedure_is_still_claimed(
    recogniser: Recogniser, need: str, procedure: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, need
    assert recognition.best is not None
    assert recognition.best.procedure == procedure


@pytest.mark.parametrize(
    ("need", "first", "second"),
    [
        # corpus negative (tune): « heures » is the subject, the rest a keyword of one and
        # a title phrase of the other
        (
            "heures de recherche d'emploi",
            "france-travail.obligation-recherche",
            "france-travail.offres-emploi",
        ),
        (
            "Recherche d'emploi : justification et contrôles",  # corpus
            "france-travail.obligation-recherche",
            "france-travail.offres-emploi",
        ),
    ],
)
def test_two_candidates_named_by_the_same_words_make_a_question(
    recogniser: Recogniser, need: str, first: str, second: str
) -> None:
    """issue-14m: both explain the same words of the need as much and the words name both;
    only the field they were found in ranked them (claimed at 63 % before)."""
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS, need
    assert [c.procedure for c in recognition.candidates[: recognition.chosen]] == [first, second]


def test_split_share_counts_other_procedures_words_when_one_word_reaches_the_best() -> None:
    # one unit reaches the best; the second names other procedures, the third nothing
    assert split_share([True, False, False], [True, True, False], [3.0, 2.0, 1.0]) == 2.0
    # two units reach the best: the need says it in more than one word
    assert split_share([True, True, False], [True, True, True], [3.0, 2.0, 1.0]) == 0.0


def test_one_shared_title_word_asks_rather_than_claims(recogniser: Recogniser) -> None:
    """« retraite » is a word of several close procedures: a clarify question, not weak."""
    recognition = recogniser.recognise("retraite")
    assert recognition.level is Level.AMBIGUOUS
    assert recognition.chosen >= 2


# -- 3. a partner named alone -----------------------------------------------------------


@pytest.mark.parametrize(
    ("need", "partner"),
    [
        ("CAF", "caf"),
        ("la MSA", "msa"),
        ("impots.gouv", "dgfip"),
        ("France Travail", "france-travail"),
        # The old names both name the partner and expand to its new name (lexicon): a
        # review found « pole emploi » a question between registration and removal.
        ("pole emploi", "france-travail"),
        ("Pôle emploi", "france-travail"),
        ("ANPE", "france-travail"),
    ],
)
def test_a_lone_partner_name_gives_its_general_procedures(
    recogniser: Recogniser, need: str, partner: str
) -> None:
    """Constructed. Before: level none, no candidate at all."""
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.WEAK
    assert recognition.partner_only == partner
    assert recognition.chosen >= 2
    assert {c.partner for c in recognition.candidates} == {partner}
    assert all(c.confidence == 0.0 for c in recognition.candidates)


def test_the_most_general_procedures_come_first(builtins: Registry, recogniser: Recogniser) -> None:
    """« Most general »: the fiche with the most question titles first (its own and its
    related ones: how many the fiche lists, issue-14ak)."""
    shown = recogniser.recognise("CAF", limit=10).candidates
    procedures = [builtins.procedures[c.procedure] for c in shown]
    counts = [len(p.questions) + len(p.related_questions) for p in procedures]
    assert counts == sorted(counts, reverse=True)


def test_a_partner_with_unknown_words_is_not_a_partner_request(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("la CAF de Lyon ferme quand")
    assert recognition.partner_only is None
    assert recognition.level is not Level.CONFIDENT
    # a word of how a request is asked says nothing else: still the CAF's
    assert recogniser.recognise("problème avec la CAF").partner_only == "caf"


def test_the_router_says_the_need_names_only_a_partner(builtins: Registry) -> None:
    decision = Router(builtins).decide(
        Request(channel=RequestChannel.COUNTER, wants_autonomy=False, need="la CAF"),
        _site(),
    )
    assert decision.kind is DecisionKind.UNKNOWN
    assert "nomme seulement un organisme" in decision.reason
    assert decision.alternatives
    assert all(a.partner == "caf" for a in decision.alternatives)


# -- 5. several requests in one sentence, long accounts, the length limit ----------------


def test_two_requests_in_one_sentence_give_a_clarify_listing_both(
    recogniser: Recogniser, builtins: Registry
) -> None:
    """Constructed. Before: the lost passport claimed (confident), the tax return lost."""
    need = "je veux renouveler mon passeport et déclarer mes impôts"
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS
    assert recognition.several
    # The first candidate of each request (since issue-14aj a request that is a question
    # lists its candidates: « renouveler mon passeport » alone asks renewal or loss).
    firsts = {}
    for c in recognition.candidates[: recognition.chosen]:
        firsts.setdefault(c.request, c.procedure)
    chosen = ["interieur.passeport-renouvellement", "dgfip.declaration-revenus"]
    assert firsts == {1: chosen[0], 2: chosen[1]}
    decision = Router(builtins).decide(
        Request(channel=RequestChannel.COUNTER, wants_autonomy=False, need=need),
        _site(),
    )
    assert decision.kind is DecisionKind.CLARIFY
    assert decision.procedure is None
    assert "plusieurs demandes" in decision.reason
    listed = {}
    for a in decision.alternatives:
        listed.setdefault(a.request, a.procedure)
    assert listed == firsts


def test_one_request_joined_by_et_stays_one(recogniser: Recogniser) -> None:
    # corpus item (service-public.fr fiche title, source in needs.jsonl)
    recognition = recogniser.recognise("Famille de 3 enfants et plus : complément familial")
    assert recognition.level is Level.CONFIDENT
    assert not recognition.several
    assert recognition.best is not None
    assert recognition.best.procedure == "caf.complement-familial"


def test_a_long_account_finds_its_main_request(recogniser: Recogniser) -> None:
    """Constructed (a resident's account at the desk). Before: level none, the family
    supplement first at 12 %."""
    account = (
        "Bonjour, je viens vous voir parce que j'ai déménagé le mois dernier dans la commune "
        "avec mes trois enfants, mon propriétaire demande beaucoup, je travaille à mi-temps, "
        "et je voudrais savoir comment faire ma demande d'aide au logement."
    )
    recognition = recogniser.recognise(account)
    assert recognition.level in (Level.CONFIDENT, Level.AMBIGUOUS)
    assert recognition.best is not None
    assert recognition.best.procedure in ("caf.aide-logement", "msa.aide-logement")


def test_the_length_limit_counts_composed_characters() -> None:
    decomposed = "carte vitale " + "e\u0301" * (MAX_NEED_CHARS - 13)  # 2 code points each
    assert need_length(decomposed) == MAX_NEED_CHARS
    Request(channel=RequestChannel.COUNTER, wants_autonomy=False, need=decomposed)  # accepted
    with pytest.raises(ValueError, match="at most 2000 characters"):
        Request(channel=RequestChannel.COUNTER, wants_autonomy=False, need="é" * 2001)


def test_a_too_long_need_is_a_clear_error_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["recognise", "é" * (MAX_NEED_CHARS + 1)]) == 2
    err = capsys.readouterr().err
    assert "longer than 2000 characters" in err
    assert "Traceback" not in err
    raw = ("e\u0301" * (MAX_NEED_CHARS + 1)).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert main(["recognise", "-"]) == 2
    assert "longer than 2000 characters" in capsys.readouterr().err
    # 2,000 characters typed with combining accents (4,000 code points): read, not refused
    assert main(["recognise", "--format", "json", "e\u0301" * MAX_NEED_CHARS]) == 0
    assert json.loads(capsys.readouterr().out)["level"] in ("none", "weak")


# -- issue-14n, review finding 1: a claim must tell its procedure from its rivals ----------


@pytest.mark.parametrize(
    "need",
    [
        "changement de nom sur la carte grise après mon mariage",  # no procedure (F34747)
        "changement de carte grise",  # constructed: « changement » alone says how, not what
    ],
)
def test_a_generic_word_and_a_shared_phrase_do_not_claim(recogniser: Recogniser, need: str) -> None:
    """Before (fa68069): confident, carte-grise-adresse at 50-56 %, on « changement » +
    « carte grise »: « carte grise » is as much a keyword of the second-hand registration,
    and « changement » says how, not what. Now the carte grise procedures are asked."""
    recognition = recogniser.recognise(need)
    assert recognition.level is not Level.CONFIDENT, need
    if recognition.level is Level.AMBIGUOUS:
        chosen = {c.procedure for c in recognition.candidates[: recognition.chosen]}
        assert chosen >= {"interieur.carte-grise-adresse", "interieur.carte-grise-occasion"}


@pytest.mark.parametrize(
    "need",
    [
        # demarchescartegrise.com/actualites/comment-changer-de-titulaire-de-carte-grise.php
        "Changement de propriétaire de carte grise : quelle démarche faire ?",
        "changement de titulaire carte grise",  # constructed (the reviewer's variant)
    ],
)
def test_a_change_of_owner_claims_the_used_vehicle_registration(
    recogniser: Recogniser, need: str
) -> None:
    """These two were in the test above (a claim of carte-grise-adresse on « changement »,
    review finding 1). issue-14z's lexicon entry reads « changement de propriétaire / de
    titulaire » as the registration of a used vehicle (sourced pages: the demand of a new
    owner is F1050's): it comes first, and a claim of it is allowed."""
    recognition = recogniser.recognise(need)
    assert recognition.best is not None
    assert recognition.best.procedure == "interieur.carte-grise-occasion", need


def test_a_generic_word_before_a_shared_keyword_seldom_claims(
    builtins: Registry, recogniser: Recogniser
) -> None:
    """``scripts/title_word_claims.py``'s third sweep (constructed needs): 6 of 105 claimed
    at fa68069 (« changement carte grise » the address change, « demande carte grise » the
    duplicate...), none after. A ceiling a little above."""
    script = load_script("title_word_claims", ROOT / "scripts" / "title_word_claims.py")
    needs = script.shared_phrase_needs(builtins.procedures.values())
    claimed = [n for n in needs if recogniser.recognise(n).level is Level.CONFIDENT]
    assert len(needs) >= 50
    assert len(claimed) <= 1, sorted(claimed)


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        ("changement d'adresse carte grise", "interieur.carte-grise-adresse"),
        ("adresse carte grise", "interieur.carte-grise-adresse"),
        ("Informer La Poste de votre changement d'adresse", "la-poste.reexpedition-courrier"),
        ("Comment remplacer une carte d'identité abîmée ?", "interieur.cni-renouvellement"),
        ("Faut-il avoir un avocat pour divorcer ?", "justice.divorce"),
    ],
)
def test_a_word_that_tells_the_rivals_apart_still_claims(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    """A specific word the rival's name lacks (« adresse », « abîmée »), the partner named
    (« La Poste »), or a rival named by one word only: still claimed."""
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, need
    assert recognition.best is not None
    assert recognition.best.procedure == expected


# -- issue-14n, review findings 4, 8, 10: several requests, refused verbs, numbers ----------


def test_a_noun_phrase_joined_to_a_request_shares_its_verb(recogniser: Recogniser) -> None:
    """Constructed (the reviewer's). Before (fa68069): « Carte Vitale » and « Vol du permis
    de conduire »: « perdu » was read with the first part only."""
    recognition = recogniser.recognise("j'ai perdu ma carte vitale et mon permis de conduire")
    assert recognition.several
    chosen = [c.procedure for c in recognition.candidates[: recognition.chosen]]
    assert chosen == ["cnam.carte-vitale", "interieur.permis-perdu"]


def test_what_another_did_to_the_resident_is_not_a_request_of_an_account(
    recogniser: Recogniser,
) -> None:
    """The reviewer's long account (constructed). Before: a clarify « Aide personnalisée au
    logement (APL) » or « Envoyer une lettre recommandée », from « la propriétaire m'a
    envoyé une lettre »."""
    need = (
        "Bonjour, je suis venue parce que je suis seule avec mes trois enfants depuis que mon "
        "mari est parti en septembre, je travaille à mi-temps à la cantine de l'école et je "
        "n'arrive plus à payer le loyer, la propriétaire m'a envoyé une lettre, on m'a dit que "
        "je pouvais peut-être avoir une aide pour le logement mais je ne sais pas à qui demander"
    )
    recognition = recogniser.recognise(need)
    chosen = {c.procedure for c in recognition.candidates[: max(recognition.chosen, 1)]}
    assert "la-poste.lettre-recommandee" not in chosen
    assert recognition.best is not None
    assert recognition.best.procedure == "caf.aide-logement"


@pytest.mark.parametrize(
    "need",
    [
        "je ne veux pas renouveler mon passeport",
        "je n'ai pas perdu ma carte vitale, je veux juste une attestation",
    ],
)
def test_a_refused_verb_is_not_evidence(recogniser: Recogniser, need: str) -> None:
    """Constructed (the reviewer's). Before: « renouveler » and « perdu » were read as said
    (renewal claimed at 90 %; « perdu » a matched word of the Carte Vitale)."""
    recognition = recogniser.recognise(need)
    matched = {m for c in recognition.candidates for m in c.matched}
    assert not any(m.startswith(("renouveler", "perdu")) for m in matched), matched
    if "passeport" in need:
        assert recognition.level is not Level.CONFIDENT


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        ("je n'ai plus de mutuelle", "cnam.complementaire-sante-solidaire"),  # a noun: kept
        ("je n'ai pas reçu ma carte vitale", "cnam.carte-vitale"),  # how it is asked: kept
    ],
)
def test_a_negated_noun_or_generic_verb_stays_the_subject(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level in (Level.CONFIDENT, Level.AMBIGUOUS)
    assert recognition.best is not None
    assert recognition.best.procedure == expected


def test_a_number_in_words_is_read_as_digits(recogniser: Recogniser) -> None:
    """Before: « soixante-deux » was an unknown word diluting the need: unknown, while
    « 62 ans » was confident (text2num's alpha2digit now writes it in digits)."""
    words = recogniser.recognise("je veux partir à la retraite à soixante-deux ans")
    digits = recogniser.recognise("je veux partir à la retraite à 62 ans")
    assert words.level is digits.level is Level.CONFIDENT
    assert words.candidates[:3] == digits.candidates[:3]


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        ("postuler au RSA", {"caf.rsa", "msa.rsa"}),  # cfdt-caf13.blogspot.com, 2012
        ("je n'ai toujours pas reçu ma carte vitale", {"cnam.carte-vitale"}),
    ],
)
def test_ordinary_phrasings_are_not_missed(
    recogniser: Recogniser, need: str, expected: set[str]
) -> None:
    """Before: unknown, no suggestion (« postuler » and « toujours » read as other
    subjects)."""
    recognition = recogniser.recognise(need)
    assert recognition.level in (Level.CONFIDENT, Level.AMBIGUOUS)
    assert recognition.best is not None
    assert recognition.best.procedure in expected


# -- issue-14n, review finding 9: keyword stuffing is a contract finding ----------------------


def _stuffing_registry() -> Registry:
    """The reviewer's hostile plugin (constructed): a procedure stuffed with other
    partners' needs, a partner whose keywords are other partners' names, and an honest one."""
    from mfs_core.model import Partner, PartnerKind, Procedure
    from routing_support import PartnerPlugin

    evil = Partner(
        code="evil", name="Evil", kind=PartnerKind.LOCAL, keywords=("caf", "ameli", "impôts")
    )
    stuffed = Procedure(
        id="evil.x",
        partner="evil",
        title="Service payant",
        keywords=("j'ai perdu ma carte vitale", "déclarer mes impôts à la CPAM", "aide"),
        reference="test fixture",
    )
    honest = Procedure(
        id="evil.permanence",
        partner="evil",
        title="Permanence d'aide au permis de conduire",
        keywords=("aide au permis de conduire", "permis de conduire"),
        reference="test fixture",
    )
    return Registry.load(external=False, extra=[("evil", PartnerPlugin(evil, [stuffed, honest]))])


def test_a_keyword_naming_another_partner_is_a_finding() -> None:
    """Before (fa68069): the registry loaded both without a finding; « j'ai perdu ma carte
    vitale » then ranked evil.x first. Now each foreign keyword is a finding (the item is
    kept); the honest keywords and the built-in catalogue give none."""
    from mfs_core.contract import ContributionCode
    from mfs_core.validation import validate

    findings = [
        f
        for f in validate(_stuffing_registry())
        if f.code is ContributionCode.RECOGNITION_KEYWORD_FOREIGN
    ]
    where = sorted((f.subject, f.message.split(" ")[0]) for f in findings)
    assert where == [
        ("evil", "keywords[0]"),  # caf
        ("evil", "keywords[1]"),  # ameli: the lexicon's word for the CPAM
        ("evil", "keywords[2]"),  # impôts: a DGFiP procedure's keyword
        ("evil.x", "keywords[0]"),  # a need holding « carte vitale »
        ("evil.x", "keywords[1]"),  # names the CPAM
    ]
    assert all(f.plugin == "evil" for f in findings)
    assert not any("carte vitale" in f.message or "cpam" in f.message for f in findings)


def test_the_builtin_catalogue_has_no_foreign_keyword(builtins: Registry) -> None:
    from mfs_core.contract import ContributionCode
    from mfs_core.validation import validate

    codes = {f.code for f in validate(builtins)}
    assert ContributionCode.RECOGNITION_KEYWORD_FOREIGN not in codes


# -- issue-14n, review finding 5: a clarify question on another thing's word ----------------


@pytest.mark.parametrize(
    "need",
    [
        "carte d'électeur perdue",  # constructed (the reviewer's): the listes électorales' card
        "perte de la carte de mutuelle",  # constructed (the reviewer's)
    ],
)
def test_a_word_the_catalogue_says_only_in_a_longer_phrase_asks_nothing(
    recogniser: Recogniser, need: str
) -> None:
    """Before (fa68069): a clarify « Carte d'identité perdue » or « Carte Vitale » (or
    « Carte grise : duplicata »): « carte » + « perdue » named the lost identity card's
    title, but its keywords say « carte » only as « carte d'identité ». Now suggestions."""
    recognition = recogniser.recognise(need)
    assert recognition.level not in (Level.CONFIDENT, Level.AMBIGUOUS), need


def test_the_phrase_said_whole_still_asks(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("carte d'identité")
    assert recognition.level is Level.AMBIGUOUS
    chosen = {c.procedure for c in recognition.candidates[: recognition.chosen]}
    assert "interieur.cni-premiere-demande" in chosen
