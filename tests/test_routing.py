"""The router decides realistic cases for every partner, explains itself, and isolates faults."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mfs_core.model import ReferralTarget
from mfs_core.routing import (
    CORE_PLUGIN,
    CORE_RULES,
    DecisionKind,
    LocalService,
    Request,
    RequestChannel,
    Router,
    Thresholds,
    Urgency,
    VideoAppointment,
    Weekday,
    render_text,
)
from routing_support import (
    ALIMENTATION,
    ALL_CASES,
    DGFIP_CASE,
    DROITS_INFO,
    NEXT_SLOT,
    NOW,
    NUMERIQUE,
    PartnerCase,
    context,
    extra_rule,
    permanence,
    registry,
    rules_plugin,
)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router(registry())


def request(procedure: str | None = None, **kw: Any) -> Request:
    kw.setdefault("channel", RequestChannel.COUNTER)
    kw.setdefault("wants_autonomy", False)
    return Request(procedure=procedure, **kw)


BY_CODE = pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.code)


@BY_CODE
def test_simple_procedure_on_a_quiet_counter_is_answered_now(
    router: Router, case: PartnerCase
) -> None:
    decision = router.decide(request(case.simple), context(waiting=2))
    assert decision.kind is DecisionKind.ANSWER_NOW
    assert (decision.partner, decision.procedure) == (case.code, case.simple)
    assert decision.steps
    assert not decision.autonomy
    assert decision.suggested_slot is None
    assert [e.rule for e in decision.trace] == ["core.answer-now"]


@BY_CODE
def test_simple_procedure_on_a_busy_counter_gets_the_next_slot(
    router: Router, case: PartnerCase
) -> None:
    decision = router.decide(request(case.simple), context(waiting=7))  # 7 > 3 x 2 agents
    assert decision.kind is DecisionKind.APPOINTMENT
    assert decision.rule == "core.busy-counter"
    assert decision.suggested_slot == NEXT_SLOT
    assert "7 personnes en attente pour 2 agents" in decision.reason
    assert "lundi 30 novembre 2026 à 14:00" in decision.reason


@BY_CODE
def test_complex_procedure_needs_an_appointment_even_when_quiet(
    router: Router, case: PartnerCase
) -> None:
    decision = router.decide(request(case.complex), context())
    if case.complex == case.referred and not case.facts:  # the rule always refers it
        assert decision.kind is DecisionKind.REFERRAL
        return
    assert decision.kind is DecisionKind.APPOINTMENT
    assert decision.rule == "core.needs-appointment"
    assert decision.suggested_slot == NEXT_SLOT
    assert "recherches ou des contacts" in decision.reason


@BY_CODE
def test_resident_wanting_autonomy_gets_the_steps_on_the_second_screen(
    router: Router, case: PartnerCase
) -> None:
    decision = router.decide(request(case.simple, wants_autonomy=True), context())
    assert decision.kind is DecisionKind.ANSWER_NOW
    assert decision.autonomy
    assert "second écran" in decision.steps[-1]
    assert "second écran" in decision.reason
    assert decision.steps[:-1] == router.decide(request(case.simple), context()).steps


@BY_CODE
def test_referral_on_the_permanence_day_goes_to_the_permanence(
    router: Router, case: PartnerCase
) -> None:
    friday = permanence(case.code, Weekday.FRIDAY, "09:00", "12:00")  # NOW is Friday 10:00
    decision = router.decide(
        request(case.referred, facts=case.facts), context(permanences=[friday]), explain=True
    )
    assert decision.kind is DecisionKind.REFERRAL
    assert (decision.rule, decision.partner) == (case.rule, case.code)
    assert decision.target is ReferralTarget.PERMANENCE
    assert decision.suggested_slot == NOW
    assert "sur place en ce moment" in decision.reason
    fired = [e for e in decision.trace if e.fired]
    assert [(e.rule, e.plugin) for e in fired] == [(case.rule, case.code)]


@BY_CODE
def test_referral_on_another_day_uses_the_rule_target(router: Router, case: PartnerCase) -> None:
    tuesday = permanence(case.code, Weekday.TUESDAY)
    decision = router.decide(
        request(case.referred, facts=case.facts), context(permanences=[tuesday])
    )
    assert decision.kind is DecisionKind.REFERRAL
    assert decision.target is case.target
    assert decision.suggested_slot is None
    assert decision.documents == case.documents  # the procedure's documents come along


@BY_CODE
def test_referral_prefers_a_video_appointment_when_no_permanence(
    router: Router, case: PartnerCase
) -> None:
    past = VideoAppointment(partner=case.code, at=NOW - dt.timedelta(hours=1))
    later = VideoAppointment(partner=case.code, at=NOW + dt.timedelta(days=3))
    soon = VideoAppointment(partner=case.code, at=NOW + dt.timedelta(days=1))
    other = VideoAppointment(partner="other-partner", at=NOW + dt.timedelta(minutes=5))
    decision = router.decide(
        request(case.referred, facts=case.facts), context(videos=[past, later, soon, other])
    )
    assert decision.target is ReferralTarget.VIDEO
    assert decision.suggested_slot == soon.at
    assert "en visio avec le partenaire " in decision.reason


@pytest.mark.parametrize("case", [c for c in ALL_CASES if c.facts], ids=lambda case: case.code)
def test_without_the_facts_the_rule_does_not_fire(router: Router, case: PartnerCase) -> None:
    decision = router.decide(request(case.referred), context(), explain=True)
    assert decision.kind is not DecisionKind.REFERRAL
    entry = next(e for e in decision.trace if e.rule == case.rule)
    assert not entry.fired
    assert f"({case.facts[0]})" in entry.note


@BY_CODE
def test_unknown_procedure_lists_the_closest_ones(router: Router, case: PartnerCase) -> None:
    decision = router.decide(request(case.unknown), context())
    assert decision.kind is DecisionKind.UNKNOWN
    assert decision.rule == "core.unknown-procedure"
    assert decision.alternatives[0].procedure == case.expected_alternative
    assert case.unknown in decision.reason


def test_permanence_later_today_is_offered_from_its_start(router: Router) -> None:
    afternoon = permanence("caf", Weekday.FRIDAY, "14:00", "16:30")
    decision = router.decide(
        request("caf.apl", facts=("overpayment",)), context(permanences=[afternoon])
    )
    assert decision.target is ReferralTarget.PERMANENCE
    assert decision.suggested_slot == NOW.replace(hour=14)
    assert "à partir de 14:00" in decision.reason


def test_permanence_already_over_today_is_not_offered(router: Router) -> None:
    morning = permanence("caf", Weekday.FRIDAY, "08:00", "09:30")
    decision = router.decide(
        request("caf.apl", facts=("overpayment",)), context(permanences=[morning])
    )
    assert decision.target is ReferralTarget.REFERENT


def test_urgent_request_is_not_postponed_by_a_busy_counter(router: Router) -> None:
    decision = router.decide(
        request("france-travail.actualisation", urgency=Urgency.URGENT), context(waiting=20)
    )
    assert decision.kind is DecisionKind.ANSWER_NOW


def test_no_agent_on_duty_means_appointment(router: Router) -> None:
    decision = router.decide(request("dgfip.simulateur-impot"), context(agents=0))
    assert decision.kind is DecisionKind.APPOINTMENT
    assert "Aucun agent" in decision.reason


def test_long_expected_wait_means_appointment_with_site_thresholds(router: Router) -> None:
    ctx = context(waiting=1, expected_wait_minutes=50, thresholds=Thresholds(max_wait_minutes=45))
    decision = router.decide(request("dgfip.simulateur-impot"), ctx)
    assert decision.kind is DecisionKind.APPOINTMENT
    assert "attente estimée 50 min (seuil : 45 min)" in decision.reason


def test_appointment_without_free_slot_says_so(router: Router) -> None:
    ctx = context(waiting=9)
    ctx = type(ctx)(agents_on_duty=2, waiting=9, now=NOW)  # no free slot
    decision = router.decide(request("dgfip.simulateur-impot"), ctx)
    assert decision.kind is DecisionKind.APPOINTMENT
    assert decision.suggested_slot is None
    assert "aucun créneau libre connu" in decision.reason


def test_past_slots_are_never_suggested(router: Router) -> None:
    ctx = context(waiting=9)
    earlier = type(ctx)(
        agents_on_duty=2, waiting=9, now=NOW, free_slots=(NEXT_SLOT, NOW - dt.timedelta(days=1))
    )
    assert router.decide(request("dgfip.simulateur-impot"), earlier).suggested_slot == NEXT_SLOT


def test_needs_research_fact_turns_a_simple_procedure_into_an_appointment(
    router: Router,
) -> None:
    decision = router.decide(
        request("dgfip.declaration-revenus", facts=("needs_research",)), context()
    )
    assert decision.kind is DecisionKind.APPOINTMENT
    assert decision.rule == "core.needs-appointment"


SERVICES = (
    LocalService(
        id="ccas",
        name="CCAS de Saint-Jean-de-Luz",
        thematiques=(ALIMENTATION,),
        keywords=("aide alimentaire", "colis"),
    ),
    LocalService(
        id="conseiller-numerique",
        name="Conseiller numérique de la médiathèque",
        thematiques=(NUMERIQUE,),
        keywords=("ordinateur", "smartphone", "courriel"),
        contact="mardi et jeudi après-midi",
    ),
    LocalService(id="mairie.etat-civil", name="Mairie, service état civil", keywords=("mariage",)),
)


def test_need_with_a_thematique_is_oriented_to_the_local_service(router: Router) -> None:
    decision = router.decide(
        request(need="apprendre à envoyer un courriel", thematique=NUMERIQUE),
        context(local_services=SERVICES),
    )
    assert decision.kind is DecisionKind.ORIENTATION
    assert decision.service == "conseiller-numerique"
    assert "mardi et jeudi après-midi" in decision.reason


def test_orientation_reason_names_the_thematique_by_its_label(router: Router) -> None:
    code = "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
    service = LocalService(id="pimms", name="Point d'information médiation", thematiques=(code,))
    decision = router.decide(
        request(need="remplir un formulaire", thematique=code),
        context(local_services=(service,)),
    )
    assert (decision.kind, decision.service) == (DecisionKind.ORIENTATION, "pimms")
    assert "il couvre la thématique « Accompagnement aux démarches administratives »" in (
        decision.reason
    )
    assert code not in decision.reason


def test_need_matched_by_keywords_is_oriented(router: Router) -> None:
    decision = router.decide(
        request(need="Besoin d'un colis alimentaire"), context(local_services=SERVICES)
    )
    assert (decision.kind, decision.service) == (DecisionKind.ORIENTATION, "ccas")
    # Found by the #12 review: "orienter vers CCAS de Saint-Jean-de-Luz" (no article); the
    # name in « » after "le service" reads right whatever the name.
    assert decision.reason.startswith(
        "Ce besoin relève d'un service local : orienter l'usager vers le service « CCAS de "
        "Saint-Jean-de-Luz » ("
    )


def test_the_referentiel_reference_is_written_the_french_way(router: Router) -> None:
    """Found by the #12 review: "(référentiel France services): missions" (no space)."""
    decision = router.decide(
        request(need="Besoin d'un colis alimentaire"), context(local_services=SERVICES)
    )
    references = [e.reference for e in decision.trace if e.reference]
    assert references
    assert all("): " not in r for r in references)
    assert any("(référentiel France services) : missions" in r for r in references)


def test_need_fitting_several_procedures_asks_the_resident(router: Router) -> None:
    # « je n'arrive pas à payer mes impôts » was the example until issue-14p: it asked
    # with « Payer ses impôts en ligne » first; the negation now reads as the impossibility
    # to pay (the remise gracieuse, claimed). To pay, without more, fits all three.
    decision = router.decide(request(need="payer mes impôts"), context(local_services=SERVICES))
    assert decision.kind is DecisionKind.CLARIFY
    assert decision.rule == "core.clarify"
    assert decision.procedure is None
    ids = [a.procedure for a in decision.alternatives]
    assert ids == ["dgfip.paiement-en-ligne", "dgfip.delai-de-paiement", "dgfip.remise-gracieuse"]
    assert all(
        a.score >= b.score
        for a, b in zip(decision.alternatives, decision.alternatives[1:], strict=False)
    )
    assert decision.question is not None
    assert all(f"« {a.title} »" in decision.question for a in decision.alternatives)
    assert decision.question in decision.reason


def test_counts_in_reasons_and_notes_agree_in_french(router: Router) -> None:
    # « 7 personne(s) en attente pour 2 agent(s) », « 0 démarche(s) proche(s) » (review
    # 16c): french.count agreement, the singular for 0 and 1 as French has it.
    busy = router.decide(request("dgfip.simulateur-impot"), context(waiting=4, agents=1))
    assert busy.rule == "core.busy-counter"
    assert "4 personnes en attente pour 1 agent " in busy.reason
    unknown = router.decide(request(need="zzz qqq"), context(), explain=True)
    notes = [entry.note for entry in unknown.trace if entry.fired]
    assert "0 démarche proche" in notes
    assert not any("(s)" in entry.note for entry in busy.trace + unknown.trace)


def test_need_matching_nothing_asks_to_clarify(router: Router) -> None:
    decision = router.decide(request(need="zzz qqq"), context())
    assert decision.kind is DecisionKind.UNKNOWN
    assert decision.alternatives == ()
    assert "préciser la demande" in decision.reason


def test_default_context_is_a_quiet_counter_at_the_request_time(router: Router) -> None:
    decision = router.decide(request("dgfip.simulateur-impot", received_at=NOW))
    assert decision.kind is DecisionKind.ANSWER_NOW


# -- ordering, conflicts, faults ------------------------------------------------------------


def test_conflicting_rules_resolve_by_priority_then_id_and_are_reported() -> None:
    router = Router(registry(extra=[("droits-info", DROITS_INFO)]))
    decision = router.decide(
        request("dgfip.reclamation", facts=("dispute",)), context(), explain=True
    )
    assert decision.rule == "dgfip.contestation"  # "dgfip..." < "droits-info..."
    loser = next(e for e in decision.trace if e.rule == "droits-info.contestation")
    assert loser.fired
    assert "conflit" in loser.note
    assert "dgfip.contestation" in loser.note
    quiet = router.decide(request("dgfip.reclamation", facts=("dispute",)), context())
    assert [e.rule for e in quiet.trace] == ["dgfip.contestation"]


def _boom(_request: Request, _context: Any) -> bool:
    raise ZeroDivisionError("division by zero")


def test_a_raising_predicate_is_skipped_and_named_in_the_trace() -> None:
    faulty = rules_plugin(
        extra_rule("dgfip.predicat-casse", "dgfip.reclamation", priority=1, predicate=_boom)
    )
    router = Router(registry(extra=[("faulty", faulty)]))
    for explain in (False, True):
        decision = router.decide(
            request("dgfip.reclamation", facts=("dispute",)), context(), explain=explain
        )
        assert decision.rule == "dgfip.contestation"
        broken = decision.trace[0]
        assert (broken.rule, broken.plugin, broken.fired) == (
            "dgfip.predicat-casse",
            "faulty",
            False,
        )
        assert broken.error == "ZeroDivisionError: division by zero"
        assert "ZeroDivisionError" in render_text(decision)


def test_a_predicate_decides_with_request_and_context() -> None:
    seen: list[tuple[Request, Any]] = []

    def only_by_phone(req: Request, ctx: Any) -> bool:
        seen.append((req, ctx))
        return req.channel is RequestChannel.PHONE

    rule = extra_rule("dgfip.par-telephone", "dgfip.simulateur-impot", predicate=only_by_phone)
    router = Router(registry(extra=[("phone", rules_plugin(rule))]))
    ctx = context()
    by_phone = router.decide(request("dgfip.simulateur-impot", channel=RequestChannel.PHONE), ctx)
    at_desk = router.decide(request("dgfip.simulateur-impot"), ctx, explain=True)
    assert by_phone.kind is DecisionKind.REFERRAL
    assert at_desk.kind is DecisionKind.ANSWER_NOW
    by_rule = {entry.rule: entry for entry in at_desk.trace}
    assert by_rule["dgfip.par-telephone"].note == "condition particulière non remplie"
    assert seen[0][1] is ctx


def test_partner_wide_rule_applies_to_every_procedure_of_its_partner() -> None:
    rule = extra_rule(
        "dgfip.usurpation", target=ReferralTarget.OFFICE, priority=5, when_facts=("identity_issue",)
    )
    router = Router(registry(extra=[("wide", rules_plugin(rule))]))
    for procedure in ("dgfip.espace-particulier", "dgfip.reclamation"):
        decision = router.decide(request(procedure, facts=("identity_issue",)), context())
        assert decision.rule == "dgfip.usurpation"
    assert router.decide(request("caf.apl", facts=("identity_issue",)), context()).kind is (
        DecisionKind.ANSWER_NOW
    )


def test_rules_that_can_never_fire_are_warned_about_at_compile_time() -> None:
    rule = extra_rule("dgfip.fantome", "dgfip.n-existe-pas", when_facts=("pas-un-fait",))
    router = Router(registry(extra=[("ghost", rules_plugin(rule))]))
    assert any("dgfip.n-existe-pas" in w for w in router.warnings)
    assert any("pas-un-fait" in w for w in router.warnings)


def test_explained_trace_lists_core_rules_in_order(router: Router) -> None:
    decision = router.decide(request("dgfip.simulateur-impot"), context(waiting=9), explain=True)
    assert [(e.rule, e.fired) for e in decision.trace] == [
        ("dgfip.contestation", False),  # every DGFiP procedure, when the fact is there
        ("core.needs-appointment", False),
        ("core.busy-counter", True),
    ]
    assert all(e.plugin == CORE_PLUGIN and e.reference for e in decision.trace[1:])
    text = render_text(decision)
    assert "Décision : rendez-vous" in text
    assert "[appliquée] core.busy-counter" in text
    assert "Créneau proposé : lundi 30 novembre 2026 à 14:00" in text


def test_referral_documents_join_the_rule_and_the_procedure_without_repeats() -> None:
    rule = extra_rule(
        "caf.indu-notification",
        "caf.apl",
        priority=1,
        when_facts=("overpayment",),
        documents=("Notification de l'indu", "Dernier courrier de l'organisme"),
    )
    router = Router(registry(extra=[("caf-docs", rules_plugin(rule))]))
    decision = router.decide(request("caf.apl", facts=("overpayment",)), context())
    assert decision.rule == "caf.indu-notification"
    assert decision.documents == ("Notification de l'indu", "Dernier courrier de l'organisme")


# -- wording of referrals -------------------------------------------------------------------

OFFICE_CASES = [c for c in ALL_CASES if c.target is ReferralTarget.OFFICE]


@pytest.mark.parametrize("case", OFFICE_CASES, ids=lambda case: case.code)
def test_office_referral_names_no_appointment_at_a_partner_reception(
    router: Router, case: PartnerCase
) -> None:
    # The rule's reason names where to go (a post office, a legal-aid bureau, a complaint);
    # a ministry or a national service has no reception where the counter books a meeting.
    decision = router.decide(request(case.referred, facts=case.facts), context())
    assert decision.target is ReferralTarget.OFFICE
    assert "rendez-vous" not in decision.reason
    assert "accueil" not in decision.reason
    assert "accueil" not in render_text(decision)


def test_permanence_replacing_the_rule_target_is_offered_instead_not_as_well(
    router: Router,
) -> None:
    # dgfip.contestation sends to the referent; a permanence on site today is better, and the
    # reason must say it replaces the referent, not read as two contradictory orders.
    friday = permanence("dgfip", Weekday.FRIDAY, "09:00", "12:00")
    decision = router.decide(
        request("dgfip.reclamation", facts=("dispute",)), context(permanences=[friday])
    )
    assert decision.target is ReferralTarget.PERMANENCE
    assert "Proposer d'abord la permanence" in decision.reason
    assert decision.reason.endswith("; à défaut, procéder comme indiqué.")
    same = router.decide(request("dgfip.reclamation", facts=("dispute",)), context(permanences=[]))
    assert "d'abord" not in same.reason
    assert "à défaut" not in same.reason


_ENGLISH = frozenset(("the", "and", "of", "an", "at", "when", "or", "no", "by", "too", "many"))


@pytest.mark.parametrize("rule", sorted(CORE_RULES))
def test_core_rule_references_are_french_like_the_trace_they_appear_in(rule: str) -> None:
    # The agent reads them under "réf. :" in the French explanation.
    words = set(CORE_RULES[rule].lower().replace(",", " ").replace(":", " ").split())
    assert not words & _ENGLISH, CORE_RULES[rule]


def test_permanence_target_says_on_site_only_when_the_site_holds_one() -> None:
    # A point-justice permanence is held elsewhere; "sur place" is for a permanence the site
    # context lists (then the decision carries its slot).
    rule = extra_rule(
        "dgfip.permanence", target=ReferralTarget.PERMANENCE, priority=5, when_facts=("abroad",)
    )
    router = Router(registry(extra=[("perm", rules_plugin(rule))]))
    elsewhere = router.decide(request("dgfip.reclamation", facts=("abroad",)), context())
    assert elsewhere.target is ReferralTarget.PERMANENCE
    assert elsewhere.suggested_slot is None
    assert "sur place" not in render_text(elsewhere)
    friday = permanence("dgfip", Weekday.FRIDAY, "09:00", "12:00")
    here = router.decide(
        request("dgfip.reclamation", facts=("abroad",)), context(permanences=[friday])
    )
    assert "Vers : sa permanence sur place" in render_text(here)


@pytest.mark.parametrize("channel", [RequestChannel.PHONE, RequestChannel.VIDEO])
def test_autonomy_at_a_distance_names_no_second_screen(
    router: Router, channel: RequestChannel
) -> None:
    # The second screen faces the resident at the desk; a caller or a video user has none.
    decision = router.decide(
        request(DGFIP_CASE.simple, channel=channel, wants_autonomy=True), context()
    )
    assert decision.kind is DecisionKind.ANSWER_NOW
    assert decision.autonomy
    assert "second écran" not in decision.reason
    assert "second écran" not in render_text(decision)
    assert "lui-même" in decision.steps[-1]


# -- local keyword phrases (issue 14) -----------------------------------------------------


def test_keyword_phrase_needs_the_whole_phrase_in_order_and_adjacent() -> None:
    from mfs_core.routing.matching import keyword_phrase

    found = keyword_phrase(SERVICES, "Aide alimentaire d'urgence")
    assert found is not None
    assert (found.service.id, found.keyword, round(found.share, 2)) == (
        "ccas",
        "aide alimentaire",
        0.67,
    )
    # Plural and accents folded like recognition.
    assert keyword_phrase(SERVICES, "aides alimentaires") is not None
    # The words apart or swapped are not the phrase.
    assert keyword_phrase(SERVICES, "aide au logement alimentaire") is None
    assert keyword_phrase(SERVICES, "alimentaire aide") is None
    assert keyword_phrase(SERVICES, "") is None
    assert keyword_phrase((), "aide alimentaire") is None


def test_keyword_phrase_prefers_the_larger_share_then_the_smaller_service_id() -> None:
    from mfs_core.routing.matching import keyword_phrase

    found = keyword_phrase(SERVICES, "colis aide alimentaire")
    assert found is not None
    assert found.keyword == "aide alimentaire"
    twin = LocalService(id="banque-alimentaire", name="Banque alimentaire", keywords=("colis",))
    found = keyword_phrase((*SERVICES, twin), "colis")
    assert found is not None
    assert found.service.id == "banque-alimentaire"


def test_a_keyword_covering_more_than_the_clarify_candidates_orients(router: Router) -> None:
    # constructed; « je n'arrive pas à payer mes impôts » until issue-14p, now a claim;
    # « … quand je suis au chômage » until issue-14r (« chômage » alone no longer reads as the
    # lexicon's « droits au chômage », so in this DGFiP-only registry it is an unknown word
    # and the need is no longer a clarify)
    need = "payer mes impôts quand je suis sans emploi"
    assert router.decide(request(need=need), context()).kind is DecisionKind.CLARIFY
    budget = LocalService(id="point-conseil-budget", name="Point conseil budget", keywords=(need,))
    decision = router.decide(request(need=need), context(local_services=(budget,)), explain=True)
    assert (decision.kind, decision.service) == (DecisionKind.ORIENTATION, "point-conseil-budget")
    note = decision.trace[-1].note
    assert f"mot-clé « {need} »" in note
    assert "les démarches reconnues n'en expliquent au plus que 85\u00a0%" in note
    assert "(dgfip.delai-de-paiement)" in note


def test_a_keyword_the_procedure_explains_fully_does_not_orient(router: Router) -> None:
    need = "difficultés à payer mes impôts"
    budget = LocalService(id="point-conseil-budget", name="Point conseil budget", keywords=(need,))
    decision = router.decide(request(need=need), context(local_services=(budget,)))
    assert decision.procedure == "dgfip.remise-gracieuse"
    assert decision.service is None


# Review 14k's context (/tmp/review14k/ctx.json: the reviewer's keywords, constructed).
_HOUSING = (
    LocalService(
        id="mairie.logement", name="Logement", keywords=("logement social", "demande de logement")
    ),
    LocalService(
        id="mairie.urbanisme", name="Urbanisme", keywords=("urbanisme", "permis de construire")
    ),
)


@pytest.mark.parametrize(
    ("need", "service"),
    [
        # review 14k's note (constructed): oriented to the Logement on « demande » before
        ("M. Dupont demande un rendez-vous", None),
        # constructed: « service » and « demandes » are words of how a request is asked
        ("je voudrais parler à un service pour mes demandes", None),
        # constructed guards: the keyword's distinctive word still orients
        ("je cherche un logement pour ma famille", "mairie.logement"),
        ("une demande pour un permis de construire", "mairie.urbanisme"),
    ],
)
def test_a_generic_word_alone_orients_nowhere(
    router: Router, need: str, service: str | None
) -> None:
    decision = router.decide(request(need=need), context(local_services=_HOUSING))
    assert decision.service == service
    assert (decision.kind is DecisionKind.ORIENTATION) is (service is not None)


# Review 14j's phrasings (constructed: « Mariage » and « Colis » are French surnames; the
# keywords are the reviewer's context /tmp/review14j/ctx.json).
_NAMED = (
    LocalService(id="mairie.etat-civil", name="État civil", keywords=("mariage",)),
    LocalService(id="ccas.aide", name="CCAS", keywords=("colis alimentaire",)),
)


@pytest.mark.parametrize(
    "need",
    [
        "Mme Mariage voudrait un renseignement",
        "Me Mariage voudrait un renseignement",
        "Mme Colis Alimentaire demande un rendez-vous",
        "MM. Mariage demandent un renseignement",
        # review 14k (constructed): the need goes on in lower case, so the capitalised
        # words were the name (a guard: blanked since issue-14ao)
        "Mme Dupont Mariage voudrait un renseignement",
        # redaction finds no name there (review 14k, finding 3); before: oriented
        "MME MARIAGE VOUDRAIT UN RENSEIGNEMENT",
        "M.Mariage voudrait un renseignement",
        "m. mariage voudrait un renseignement",
    ],
)
def test_a_name_opened_by_a_civility_is_no_local_keyword(router: Router, need: str) -> None:
    # The keyword match read the need as written: « Mme Mariage » went to the état civil,
    # and « Mme Colis Alimentaire » to the CCAS through best_local_service's shared word
    # « alimentaire » even with the first word blanked.
    decision = router.decide(request(need=need), context(local_services=_NAMED))
    assert decision.kind is not DecisionKind.ORIENTATION
    assert decision.service is None


@pytest.mark.parametrize(
    ("need", "service"),
    [
        # an opener that needs no capital before a known word (c38e199 lost these)
        ("Le conjoint : mariage prévu en juin", "mairie.etat-civil"),
        ("Bénéficiaire : Colis alimentaire, où aller ?", "ccas.aide"),
        # no name: unchanged
        ("un renseignement pour un mariage", "mairie.etat-civil"),
    ],
)
def test_a_known_word_after_a_name_opener_still_orients(
    router: Router, need: str, service: str
) -> None:
    decision = router.decide(request(need=need), context(local_services=_NAMED))
    assert decision.kind is DecisionKind.ORIENTATION
    assert decision.service == service


# Review 14k's notes (constructed, /tmp/review14k/n1.txt and n2.txt): a note typed in title
# case after a name keeps its need; a name still orients nothing.
_TITLED = (
    LocalService(id="ccas.epicerie", name="CCAS", keywords=("épicerie sociale",)),
    LocalService(id="mairie.urbanisme", name="Urbanisme", keywords=("urbanisme",)),
    LocalService(id="mairie.etat-civil", name="État civil", keywords=("acte de naissance",)),
)


@pytest.mark.parametrize(
    ("need", "service"),
    [
        ("Mme Martin Épicerie Sociale", "ccas.epicerie"),
        ("M. Dupont Urbanisme", "mairie.urbanisme"),
        ("Mme Martin Acte De Naissance", "mairie.etat-civil"),
    ],
)
def test_a_title_case_note_after_a_name_still_orients(
    router: Router, need: str, service: str
) -> None:
    """Before: ``unknown``, every capitalised word after the civility blanked as the name
    (issue-14ao; review 14k, finding 2)."""
    decision = router.decide(request(need=need), context(local_services=_TITLED))
    assert decision.kind is DecisionKind.ORIENTATION
    assert decision.service == service


# Review 14l (constructed, /tmp/review14l/n8.txt and ctx2.json): a civility's word used as
# a noun, in lower case after a determiner or before « de », is the need's own word
# (oriented at adb183a, unknown since issue-14ap); a name it opens is still no keyword.
_NOUNS = (
    LocalService(
        id="mission-locale.apprentissage", name="Apprentissage", keywords=("apprentissage",)
    ),
    LocalService(id="mairie.cantine", name="Restauration scolaire", keywords=("cantine",)),
)


@pytest.mark.parametrize(
    ("need", "service"),
    [
        ("je cherche un maître d'apprentissage", "mission-locale.apprentissage"),
        ("je cherche un maitre d'apprentissage", "mission-locale.apprentissage"),
        ("trouver un maître d'apprentissage pour mon fils", "mission-locale.apprentissage"),
        ("le docteur cantine", "mairie.cantine"),
        ("Maître Cantine voudrait un rendez-vous", None),
        ("Me Cantine voudrait un rendez-vous", None),
        ("maître Cantine voudrait un rendez-vous", None),
        ("docteur cantine voudrait un rendez-vous", None),
        # review 14m (constructed on real headings « Maître d'apprentissage »): capitalised,
        # before « de » / « d' » and a lower-case word, a noun too; a particle before a
        # capitalised name is the name's
        ("Maître d'apprentissage", "mission-locale.apprentissage"),
        ("Maître d'apprentissage : quelles sont les conditions ?", "mission-locale.apprentissage"),
        ("Madame de Cantine voudrait un rendez-vous", None),
        ("Maître d'Cantine voudrait un rendez-vous", None),
    ],
)
def test_a_civility_word_used_as_a_noun_keeps_the_word_after_it(
    router: Router, need: str, service: str | None
) -> None:
    decision = router.decide(request(need=need), context(local_services=_NOUNS))
    assert decision.service == service


def test_only_a_whole_determiner_makes_a_civility_a_noun(router: Router) -> None:
    # « …les » cut from a longer word by the look-back window is no determiner
    need = "principales       docteur cantine voudrait un rendez-vous"
    decision = router.decide(request(need=need), context(local_services=_NOUNS))
    assert decision.service is None
