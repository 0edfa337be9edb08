"""Test plugins and contexts for the routing tests.

The built-in partner plugins other than DGFiP are written elsewhere; these tests must not
depend on their content. So each partner is represented here by a small in-test plugin with
real procedure titles and fiche ids from the project's reference table
(procedures-reference.tsv). Their referral rules are test fixtures, plausible but not
verified data: they exercise the router, they are not shipped.

Registries are built with ``builtins=False, external=False`` and DGFiP passed explicitly, so
that the built-in plugins added later never collide with these partner codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from mfs_core import hookimpl
from mfs_core.builtin_plugins import load_builtin
from mfs_core.model import Partner, PartnerKind, Procedure, ReferralRule, ReferralTarget
from mfs_core.registry import Registry
from mfs_core.routing import Permanence, SiteContext, VideoAppointment, Weekday
from mfs_core.routing.context import PARIS

# Friday 27 November 2026, 10:00 in Paris.
NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=PARIS)
NEXT_SLOT = dt.datetime(2026, 11, 30, 14, 0, tzinfo=PARIS)
DEMARCHES = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
)
NUMERIQUE = "numerique--realiser-des-demarches-administratives-avec-un-accompagnement"
ALIMENTATION = "equipement-et-alimentation--alimentation"


class PartnerPlugin:
    """A plugin object contributing one partner, its procedures and its rules."""

    def __init__(
        self,
        partner: Partner | None,
        procedures: Iterable[Procedure] = (),
        rules: Iterable[ReferralRule] = (),
    ) -> None:
        self.partner = partner
        self.procedures = list(procedures)
        self.rules = list(rules)

    @hookimpl
    def mfs_partners(self) -> list[Partner]:
        return [self.partner] if self.partner else []

    @hookimpl
    def mfs_procedures(self) -> list[Procedure]:
        return self.procedures

    @hookimpl
    def mfs_referral_rules(self) -> list[ReferralRule]:
        return self.rules


@attrs.frozen
class PartnerCase:
    """One partner as the table of cases sees it."""

    code: str
    plugin: object
    simple: str  # a procedure answered at the counter
    complex: str  # a procedure that needs research (appointment), no rule fires by default
    referred: str  # a procedure a rule refers when ``facts`` hold
    facts: tuple[str, ...]
    rule: str
    target: ReferralTarget  # the rule's own target
    unknown: str  # an id in the partner's namespace no plugin gives
    expected_alternative: str  # the procedure the unknown id should suggest
    documents: tuple[str, ...] = ("Dernier courrier de l'organisme",)  # of the referral


def _p(code: str, slug: str, title: str, fiche: str | None, **kw: Any) -> Procedure:
    return Procedure(
        id=f"{code}.{slug}",
        partner=code,
        title=title,
        fiche_id=fiche,
        thematiques=(DEMARCHES,),
        reference="procedures-reference.tsv",
        **kw,
    )


def _partner(code: str, name: str) -> Partner:
    return Partner(code=code, name=name, kind=PartnerKind.NATIONAL)


def _rule(
    code: str, slug: str, target: ReferralTarget, procedures: Sequence[str], **kw: Any
) -> ReferralRule:
    return ReferralRule(
        id=f"{code}.{slug}",
        partner=code,
        target=target,
        procedures=tuple(f"{code}.{p}" for p in procedures),
        reason=kw.pop("reason", "Le dossier relève de l'organisme."),
        reference="test fixture",
        **kw,
    )


def _spec(
    code: str,
    name: str,
    simple: tuple[str, str, str | None],
    complex_: tuple[str, str, str | None],
    referred: tuple[str, str, str | None],
    rule: tuple[str, ReferralTarget, tuple[str, ...], str],
    unknown: tuple[str, str],
) -> PartnerCase:
    rule_slug, target, facts, reason = rule
    procedures = {
        simple[0]: _p(code, *simple, keywords=tuple(simple[1].lower().split()[:3])),
        complex_[0]: _p(code, *complex_, needs_appointment=True),
    }
    # The referred procedure may be the complex one: the rule is considered first.
    procedures[referred[0]] = _p(
        code,
        *referred,
        needs_appointment=referred == complex_,
        documents=("Dernier courrier de l'organisme",),
    )
    plugin = PartnerPlugin(
        _partner(code, name),
        procedures.values(),
        [_rule(code, rule_slug, target, (referred[0],), when_facts=facts, reason=reason)],
    )
    return PartnerCase(
        code=code,
        plugin=plugin,
        simple=f"{code}.{simple[0]}",
        complex=f"{code}.{complex_[0]}",
        referred=f"{code}.{referred[0]}",
        facts=facts,
        rule=f"{code}.{rule_slug}",
        target=target,
        unknown=f"{code}.{unknown[0]}",
        expected_alternative=f"{code}.{unknown[1]}",
    )


R = ReferralTarget
TEST_PARTNERS: tuple[PartnerCase, ...] = (
    _spec(
        "caf",
        "Caisse d'allocations familiales (CAF)",
        ("prime-activite", "Prime d'activité (salarié et fonctionnaire)", "F2882"),
        ("aah", "Allocation aux adultes handicapés (AAH)", "F12242"),
        ("apl", "Aide personnalisée au logement (APL)", "F12006"),
        ("indu", R.REFERENT, ("overpayment",), "Un indu se règle avec la CAF."),
        ("prime-d-activite-simulation", "prime-activite"),
    ),
    _spec(
        "assurance-maladie",
        "Assurance maladie (CPAM)",
        ("carte-vitale", "Carte Vitale", "F265"),
        ("invalidite", "Invalidité du salarié dans le secteur privé - dossier", "N31700"),
        ("c2s", "Complémentaire santé solidaire (C2S)", "F10027"),
        ("rupture-de-droits", R.PERMANENCE, ("loss_of_income",), "Droits suspendus."),
        ("vitale-carte-perdue", "carte-vitale"),
    ),
    _spec(
        "assurance-retraite",
        "Assurance retraite (CNAV)",
        ("releve-carriere", "Comment s'informer sur sa retraite ? (relevé de carrière)", "F24617"),
        (
            "demande-retraite",
            "Comment faire sa demande de retraite lorsqu'on est salarié ?",
            "F13941",
        ),
        ("aspa", "Allocation de solidarité aux personnes âgées (Aspa)", "F16871"),
        ("etranger", R.VIDEO, ("abroad",), "Une carrière à l'étranger est étudiée par la caisse."),
        ("carriere-releve", "releve-carriere"),
    ),
    _spec(
        "msa",
        "Mutualité sociale agricole (MSA)",
        ("espace-prive", "Espace privé MSA (connexion)", None),
        ("retraite-agricole", "Retraite d'un exploitant / salarié agricole", None),
        ("rsa", "Demande de RSA (MSA)", "F19778"),
        ("contestation", R.OFFICE, ("dispute",), "Une contestation se dépose auprès de la MSA."),
        ("msa-espace-connexion", "espace-prive"),
    ),
    _spec(
        "france-travail",
        "France Travail",
        ("actualisation", "Actualisation mensuelle", "F1637"),
        ("ass", "Allocation de solidarité spécifique (ASS)", "F12484"),
        ("radiation", "Radiation de France Travail", "F1638"),
        ("recours-radiation", R.REFERENT, ("dispute",), "Le recours est instruit par l'agence."),
        ("actualisation-mensuelle-oubli", "actualisation"),
    ),
    _spec(
        "interieur",
        "Ministère de l'Intérieur (France Titres)",
        (
            "non-gage",
            "Obtenir un certificat de non-gage (certificat de situation administrative)",
            "F1360",
        ),
        ("permis-etranger", "Conduire en France avec un permis étranger (échange)", "N19126"),
        ("cni-premiere-demande", "Carte d'identité d'un majeur : première demande", "F1341"),
        ("recueil-en-mairie", R.OFFICE, (), "Le dépôt se fait dans une mairie équipée."),
        ("certificat-gage", "non-gage"),
    ),
    _spec(
        "justice",
        "Ministère de la Justice",
        ("casier-b3", "Extrait de casier judiciaire : demande de bulletin n°3", "F1420"),
        (
            "aide-juridictionnelle",
            "Aide juridictionnelle des personnes résidant en France",
            "F18074",
        ),
        ("arnaques-internet", "Arnaques sur internet (THESEE, Pharos...) (dossier)", "N31138"),
        ("victime-arnaque", R.REFERENT, ("fraud_suspected",), "Signalement d'une arnaque."),
        ("casier-judiciaire-extrait", "casier-b3"),
    ),
    _spec(
        "la-poste",
        "La Poste",
        ("identite-numerique", "Créer son Identité Numérique La Poste (FranceConnect)", None),
        ("reexpedition", "Réexpédition définitive du courrier (déménagement)", None),
        ("suivi-colis", "Suivre un envoi / colis", None),
        (
            "reclamation-colis",
            R.OFFICE,
            ("dispute",),
            "Une réclamation se fait au bureau de poste.",
        ),
        ("numerique-identite-creer", "identite-numerique"),
    ),
    _spec(
        "anah",
        "Agence nationale de l'habitat (ANAH)",
        ("eco-ptz", "Éco-prêt à taux zéro (Éco-PTZ)", "F19905"),
        (
            "maprimeadapt",
            "MaPrimeAdapt' (adaptation du logement, depuis le 1er janvier 2024)",
            None,
        ),
        ("maprimerenov", "MaPrimeRénov'", "F35083"),
        (
            "conseiller-france-renov",
            R.VIDEO,
            ("needs_operator_decision",),
            "Un conseiller France Rénov' étudie le projet.",
        ),
        ("pret-eco-ptz", "eco-ptz"),
    ),
    _spec(
        "cheque-energie",
        "Chèque énergie",
        ("payer-en-ligne", "Payer en ligne avec son chèque énergie", None),
        ("cheque-energie", "Chèque énergie", "F33667"),
        ("cheque-energie", "Chèque énergie", "F33667"),
        (
            "non-recu",
            R.REFERENT,
            ("needs_research",),
            "Le chèque non reçu est recherché par le service.",
        ),
        ("paiement-ligne-cheque", "payer-en-ligne"),
    ),
)

DGFIP_CASE = PartnerCase(
    code="dgfip",
    plugin=load_builtin("dgfip"),
    simple="dgfip.declaration-revenus",
    complex="dgfip.remise-gracieuse",
    referred="dgfip.reclamation",
    facts=("dispute",),
    rule="dgfip.contestation",
    target=ReferralTarget.REFERENT,
    unknown="dgfip.declaration-annuelle-revenus",
    expected_alternative="dgfip.declaration-revenus",
    documents=(),  # the DGFiP plugin lists no documents yet
)

ALL_CASES: tuple[PartnerCase, ...] = (DGFIP_CASE, *TEST_PARTNERS)


def plugins(cases: Iterable[PartnerCase] = ALL_CASES) -> list[tuple[str, object]]:
    return [(case.code, case.plugin) for case in cases]


def registry(extra: Iterable[tuple[str, object]] = ()) -> Registry:
    """DGFiP and the in-test partners, plus ``extra`` plugins; no built-in or entry point."""
    return Registry.load(builtins=False, external=False, extra=[*plugins(), *extra], strict=True)


def context(
    *,
    waiting: int = 0,
    agents: int = 2,
    now: dt.datetime = NOW,
    permanences: Iterable[Permanence] = (),
    videos: Iterable[VideoAppointment] = (),
    **kw: Any,
) -> SiteContext:
    return SiteContext(
        agents_on_duty=agents,
        waiting=waiting,
        now=now,
        free_slots=(NEXT_SLOT,),
        permanences=tuple(permanences),
        video_appointments=tuple(videos),
        **kw,
    )


def permanence(
    partner: str, weekday: Weekday, start: str = "09:00", end: str = "12:00"
) -> Permanence:
    return Permanence(
        partner=partner,
        weekday=weekday,
        start=dt.time.fromisoformat(start),
        end=dt.time.fromisoformat(end),
    )


Predicate = Callable[..., bool]


def extra_rule(
    rule_id: str,
    *procedures: str,
    target: ReferralTarget = ReferralTarget.REFERENT,
    priority: int = 100,
    reason: str = "Règle de test.",
    **kw: Any,
) -> ReferralRule:
    """A referral rule for a test plugin; its partner is the prefix of its id."""
    return ReferralRule(
        id=rule_id,
        partner=rule_id.split(".")[0],
        target=target,
        procedures=procedures,
        priority=priority,
        reason=reason,
        reference="test fixture",
        **kw,
    )


def rules_plugin(*rules: ReferralRule) -> PartnerPlugin:
    return PartnerPlugin(None, rules=rules)


# An association informing on rights (the founding example's permanence), whose rules compete
# with DGFiP's and CAF's: same priority as dgfip.contestation, so the rule id decides.
DROITS_INFO = rules_plugin(
    extra_rule(
        "droits-info.contestation",
        "dgfip.reclamation",
        target=ReferralTarget.PERMANENCE,
        priority=10,
        reason="L'association d'information sur les droits tient une permanence.",
    ),
    extra_rule(
        "droits-info.indu", "caf.apl", target=ReferralTarget.PERMANENCE, when_facts=("overpayment",)
    ),
)
