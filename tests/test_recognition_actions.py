"""The action a need names on an object places the action's procedure first (stop 40).

« Comment contester sa taxe foncière ? » is a réclamation (code général des impôts,
R*190-1: a tax is contested by a réclamation; impots.gouv.fr « Déposer une réclamation »
lists the impôt sur le revenu, the taxe d'habitation and the taxes foncières); an
allowance of France Travail « supprimée » is the radiation's matter (service-public.fr
F31197, a question title of the radiation's fiche F1638); a need about quarters that says
no « rachat » is not first the Rachat de trimestres (F15675). ``data/actions.toml`` holds
the actions with these sources; the needs below are built from them (the taxes that
impots.gouv.fr lists, the verbs of the F31197 answer), not taken from the corpus. Each
test of a change failed on 8d80edf (main before stop 40).
"""

from __future__ import annotations

import re

import pytest

from mfs_core.errors import InputError
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.action import read_actions
from mfs_core.recognition.normalise import meaningful

_CLAIMS = (Level.CONFIDENT, Level.AMBIGUOUS)


@pytest.mark.parametrize(
    "need",
    [
        "contester ma taxe d'habitation",  # was: the taxe d'habitation first
        "réclamation sur ma taxe foncière",  # was: the taxe foncière claimed
        "Comment contester le montant de sa taxe foncière ?",  # was: the taxe foncière claimed
    ],
)
def test_contesting_a_tax_asks_the_reclamation_first(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    # never a claim of the object's procedure, nor of the réclamation (the resident may
    # ask about the tax itself): a question, the réclamation first
    assert recognition.level is Level.AMBIGUOUS
    first, second = recognition.candidates[:2]
    assert first.procedure == "dgfip.reclamation"
    assert first.placed == "asked"
    assert second.procedure in {"dgfip.taxe-fonciere", "dgfip.taxe-habitation"}
    assert recognition.chosen >= 2


@pytest.mark.parametrize(
    "need",
    [
        "suppression de mes allocations chômage",  # was: the two ARE first (suggestions)
        "France Travail peut-il supprimer mon allocation chômage ?",  # was: the ARE asked
    ],
)
def test_an_allowance_withdrawn_is_the_radiation_first(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.candidates[0].procedure == "france-travail.radiation"
    assert recognition.candidates[0].placed in {"asked", "action"}
    assert recognition.level is not Level.CONFIDENT


def test_an_action_moved_among_suggestions_says_why(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("suppression de mes allocations chômage")
    assert recognition.level is Level.WEAK
    assert recognition.candidates[0].placed == "action"


@pytest.mark.parametrize(
    ("need", "first"),
    [
        # the action said of its own procedure, or no action: as before
        ("contester une amende", "interieur.amende"),
        ("taxe foncière", "dgfip.taxe-fonciere"),
        ("payer ma taxe foncière", "dgfip.taxe-fonciere"),
        ("racheter des trimestres", "cnav.rachat-trimestres"),
        ("radiation de France Travail", "france-travail.radiation"),
        # the action under a negation is no action asked
        ("je ne conteste pas ma taxe foncière, je veux la payer", "dgfip.taxe-fonciere"),
    ],
)
def test_what_the_actions_leave(recogniser: Recogniser, need: str, first: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT
    assert recognition.candidates[0].procedure == first


def test_the_tax_office_reclaiming_a_tax_is_no_reclamation(recogniser: Recogniser) -> None:
    # the verb « réclamer » is the tax office's (« un supplément … peut-il être réclamé ? »,
    # a question title of F59 and F110): its stem is the réclamation's, its form is not
    said = recogniser._actions.said  # the rule's own reading
    text = "un supplément d'impôts locaux peut-il être réclamé"
    assert said(meaningful(text), text) == frozenset()
    text = "faire une réclamation"
    assert said(meaningful(text), text)


def test_a_contest_of_another_body_is_not_moved_to_the_tax_office(
    recogniser: Recogniser,
) -> None:
    # the action's procedure must be of the best candidate's partner: a CAF decision
    # contested is not the tax réclamation placed over a CAF procedure
    recognition = recogniser.recognise("contester la décision de la CAF sur mon RSA")
    best = recognition.candidates[0]
    assert best.procedure != "dgfip.reclamation" or best.placed is None


def test_quarters_without_a_rachat_list_the_duree_d_assurance_first(
    recogniser: Recogniser,
) -> None:
    # F1761 (durée d'assurance) counts the quarters; F15675 buys them: the need says no
    # rachat. Was: the rachat first, the two asked
    recognition = recogniser.recognise(
        "Combien de trimestres faut-il avoir au minimum pour toucher une retraite de salarié ?"
    )
    assert recognition.level in _CLAIMS
    assert [c.procedure for c in recognition.candidates[:2]] == [
        "cnav.duree-assurance",
        "cnav.rachat-trimestres",
    ]
    assert recognition.candidates[0].placed == "subject"


def test_the_drp_said_in_full_reaches_the_msa_declarations(recogniser: Recogniser) -> None:
    # MSA Ain-Rhône's page title « La déclaration des revenus professionnels » (the DRP,
    # the keyword of msa.declarations-exploitants); was: the MSA's accident du travail
    # first, on « professionnels » and « déclaration »
    recognition = recogniser.recognise("MSA : la déclaration des revenus professionnels")
    assert recognition.candidates[0].procedure == "msa.declarations-exploitants"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"actions": []}, "unknown table(s) actions"),
        ({"action": [{"say": ["contester"], "title": "réclamation"}]}, "action[0].source"),
        (
            {"action": [{"say": ["faire opposition"], "title": "x", "source": "s"}]},
            "expected one meaningful word",
        ),
        (
            {"action": [{"say": ["contester"], "title": "de", "source": "s"}]},
            "action[0].title: 'de': expected one meaningful word",
        ),
        ({"action": [{"say": [], "title": "réclamation", "source": "s"}]}, "non-empty list"),
        (
            {"action": [{"say": ["a"], "title": "b", "source": "s", "when": 1}]},
            "unknown key when",
        ),
        ({"action": [{"say": ["x"] * 41, "title": "b", "source": "s"}]}, "at most 40 words"),
        ({"action": [{}] * 101}, "at most 100 entries"),
    ],
)
def test_bad_action_data_is_refused_with_its_place(data: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        read_actions(data, "actions.toml")
