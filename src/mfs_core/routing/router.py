"""The :class:`Router`: built once from a registry, then ``decide(request, context)``.

Order of consideration for a request naming a known procedure:

1. the partners' referral rules that apply to the procedure, by ``(priority, rule id)``; the
   first that fires decides (a **referral**). Its target is the partner's permanence when
   one is held on site today and not yet over, else the partner's first video appointment
   from now, else the rule's own target;
2. ``core.needs-appointment``: the procedure needs contacts and research
   (``Procedure.needs_appointment`` or the fact ``needs_research``) → **appointment**;
3. ``core.busy-counter``: no agent on duty, or too many people per agent, or too long an
   expected wait (thresholds of the context), unless the request is urgent → **appointment**;
4. ``core.answer-now`` → **answer now**, with the steps and the autonomy flag.

A request naming an unknown procedure is **unknown** (``core.unknown-procedure``), with the
procedures its id's words and its need recognise, if any. A request with only a free-text
need is first recognised (:mod:`mfs_core.recognition`, ``core.recognition``):

- one procedure fits with confidence: the request is routed exactly as if it had named it
  (the steps above), and the trace says from which words and with which score — unless a
  local service keyword of the context outweighs it (below);
- several fit as well (the CAF or the MSA; a first passport or a renewal): **clarify**
  (``core.clarify``), with the candidates and the question to ask the resident;
- a local service keyword outweighs the recognised procedure(s) when the need contains the
  whole keyword phrase (adjacent words, compared by stem) and that phrase covers a larger
  share of the need's meaningful words than any of those procedures explains (their
  confidence): « aide alimentaire » is the CCAS's keyword (100 % of the need), not the ASF
  whose text says « pension alimentaire » (69 %). A need a procedure explains in full still
  claims it, and so does one the agent classed under a thematique of the procedure. The
  request then goes to that service (``core.local-service``, **orientation**), the trace
  naming the keyword and the figures;
- otherwise it goes to the local service covering its thematique or its words
  (``core.local-service``, **orientation**), else it is **unknown**
  (``core.unknown-need``), with suggestions only when some procedure came close.

Explanation: with ``explain=True`` the trace lists every rule considered, in order, fired or
not, with a French note, and every referral rule is evaluated so that conflicts (several
rules firing) are reported: the first one wins, the others are noted as overridden. With
``explain=False`` evaluation stops at the deciding rule and the trace holds that rule only,
plus any rule whose predicate raised before it — cheap enough for the hot path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from mfs_core.evaluation import evaluate_predicate
from mfs_core.french import PLACED_FR, RESIDENT, WITHHELD_FR, count, plural, when
from mfs_core.isolation import PluginFailure
from mfs_core.model import KNOWN_FACTS, Procedure, ProcedureStatus, ReferralTarget
from mfs_core.registry import Registry
from mfs_core.routing.context import PARIS, LocalService, SiteContext, default_context
from mfs_core.routing.decision import Alternative, Decision, DecisionKind, TraceEntry
from mfs_core.routing.explain import (
    clarify_question,
    keyword_note,
    recognised_note,
    requests_said,
    several_question,
)
from mfs_core.routing.matching import best_local_service, keyword_phrase
from mfs_core.routing.request import Request, RequestChannel, Urgency
from mfs_core.routing.rules import CompiledRule, compile_rules

if TYPE_CHECKING:
    from mfs_core.recognition.ranking import Recogniser
    from mfs_core.recognition.result import Candidate, Recognition

__all__ = ["CORE_PLUGIN", "CORE_RULES", "Router"]

#: The plugin name shown in traces for the router's own rules.
CORE_PLUGIN = "mfs-core"
_FOUNDING_EXAMPLE = (
    "Exemple fondateur, France services du CCAS de Saint-Jean-de-Luz : une réponse immédiate, "
    "ou un rendez-vous quand trop de personnes attendent ou que la demande exige des contacts "
    "et des recherches"
)
_REFERENTIEL = "Arrêté du 16 juin 2025 (référentiel France services) : missions d'orientation"

#: The router's own rules: id -> reference (French: the agent reads it in the trace).
CORE_RULES: dict[str, str] = {
    "core.unknown-procedure": "mfs-core : démarche fournie par aucun plugin chargé",
    "core.needs-appointment": _FOUNDING_EXAMPLE,
    "core.busy-counter": _FOUNDING_EXAMPLE + " ; seuils du contexte du site",
    "core.answer-now": _FOUNDING_EXAMPLE,
    "core.local-service": _REFERENTIEL,
    # Not « avec assez de certitude » alone: a candidate explaining 100 % of the need may
    # be only suggested (issue-14bc).
    "core.unknown-need": "mfs-core : aucune démarche reconnue ni nommée assez clairement "
    "pour décider",
    "core.recognition": "mfs-core : reconnaissance du besoin (BM25F, lexique sourcé), "
    "docs/recognition.md",
    "core.clarify": "mfs-core : plusieurs démarches possibles pour ce besoin",
    "core.withdrawn": "mfs-core : démarche supprimée, remplacée selon les sources du partenaire",
}
_CORE_ENTRIES = {
    rule: TraceEntry(rule=rule, plugin=CORE_PLUGIN, fired=True, reference=reference)
    for rule, reference in CORE_RULES.items()
}


def _core(rule: str, *, fired: bool = True, note: str = "") -> TraceEntry:
    return TraceEntry(
        rule=rule, plugin=CORE_PLUGIN, fired=fired, reference=CORE_RULES[rule], note=note
    )


def _fired(rule: str, explain: bool, note: str) -> TraceEntry:
    """The entry of a core rule that decided: with its note only when explaining."""
    return _core(rule, note=note) if explain else _CORE_ENTRIES[rule]


_FICHE_URL = "https://www.service-public.fr/particuliers/vosdroits/"


def _steps(procedure: Procedure) -> tuple[str, ...]:
    """What the agent does with the resident, in French: a change of rules to tell first,
    the look-alike warning where paid sites imitate the procedure, then the online service,
    the fiche and the documents."""
    steps = []
    if procedure.notice:
        steps.append(f"À dire à l'{RESIDENT} : {procedure.notice}")
    if procedure.lookalike_risk:
        steps.append(_lookalike_warning(procedure))
    if procedure.online_url:
        steps.append(f"Ouvrir le service en ligne officiel : {procedure.online_url}")
    if procedure.fiche_id:
        steps.append(
            f"Suivre la fiche service-public.fr {procedure.fiche_id} : "
            f"{_FICHE_URL}{procedure.fiche_id}"
        )
    if procedure.documents:
        steps.append("Réunir les pièces : " + " ; ".join(procedure.documents))
    if not steps:
        steps.append(f"Accompagner l'usager dans la démarche « {procedure.title} ».")
    return tuple(steps)


def _lookalike_warning(procedure: Procedure) -> str:
    """Paid sites imitate this procedure (the data's ``lookalike_risk``, with its sources):
    the official procedure costs nothing beyond the taxes the law sets, and where it is."""
    if procedure.online_url:
        from mfs_core.officialsites import host_of

        site = f"le site officiel {host_of(procedure.online_url)} ({procedure.online_url})"
    elif procedure.fiche_id:
        site = f"la fiche officielle service-public.fr {_FICHE_URL}{procedure.fiche_id}"
    else:
        site = "service-public.fr, le site officiel de l'administration"
    return (
        f"Prévenir l'{RESIDENT} : des sites privés payants imitent cette démarche. La démarche "
        f"officielle est gratuite (seuls les taxes ou timbres prévus par la loi se paient, "
        f"jamais des frais de service) et se fait depuis {site} ; ne rien payer à un "
        "intermédiaire."
    )


def _withdrawn_steps(procedure: Procedure) -> tuple[str, ...]:
    """A procedure that no longer exists: say so, then what replaced it."""
    steps = [procedure.notice or "Cette démarche n'existe plus."]
    for replacement in procedure.replaced_by:
        where = f" (fiche {_FICHE_URL}{replacement.fiche_id})" if replacement.fiche_id else ""
        steps.append(f"Orienter vers : {replacement.title}{where}.")
    return tuple(steps)


#: How the agent shows the steps, by channel: the second screen faces the resident at the
#: desk (and in the bus); a caller or a video user follows on their own device.
_AUTONOMY_BY_CHANNEL = {
    RequestChannel.COUNTER: ("montrer les étapes sur le second écran", "sur le second écran"),
    RequestChannel.MOBILE: ("montrer les étapes sur le second écran", "sur le second écran"),
    RequestChannel.PHONE: (
        "le guider étape par étape au téléphone",
        "sur son propre appareil, guidé au téléphone",
    ),
    RequestChannel.VIDEO: (
        "lui montrer les étapes en partage d'écran",
        "sur son propre appareil, en suivant le partage d'écran",
    ),
}


class Router:
    """Decides what happens to a request. Build it once per registry; ``decide`` runs plain
    Python over structures compiled here and never calls pluggy."""

    def __init__(self, registry: Registry) -> None:
        self._procedures: Mapping[str, Procedure] = dict(registry.procedures)
        self._rules, warnings = compile_rules(registry.referral_rules.values(), self._procedures)
        #: Rules that can never fire (unknown procedure or fact), found at compile time.
        self.warnings: tuple[str, ...] = tuple(warnings)
        self._partner_names = {code: p.name for code, p in registry.partners.items()}
        self._names = registry.display_names
        self._steps = {pid: _steps(p) for pid, p in self._procedures.items()}
        # Recognition's index is built on the first need, once per registry: routing
        # requests that name their procedure never pays for it.
        self._registry = registry
        self._recogniser: Recogniser | None = None
        #: Seconds a predicate may run (see :mod:`mfs_core.isolation`).
        self._budget = registry.budget.call
        #: (plugin, rule id) -> how its predicate last failed (raised, exited, printed,
        #: overran): one entry per rule however many requests, for strict mode and logs.
        self.plugin_failures: dict[tuple[str, str], str] = {}

    def names(self) -> dict[str, str]:
        """Partner code or procedure id -> the name an agent reads (for :func:`render_text`)."""
        return dict(self._names)

    def rules_for(self, procedure: str) -> tuple[CompiledRule, ...]:
        """The referral rules that apply to a procedure, in the order they are considered."""
        return self._rules.get(procedure, ())

    def decide(
        self, request: Request, context: SiteContext | None = None, *, explain: bool = False
    ) -> Decision:
        """Route one request. ``context`` defaults to :func:`default_context` at the
        request's ``received_at`` (or the current time)."""
        if context is None:
            context = default_context(request.received_at or dt.datetime.now(PARIS))
        trace: list[TraceEntry] = []
        if request.procedure is None:
            return self._decide_need(request, context, trace, explain)
        procedure = self._procedures.get(request.procedure)
        if procedure is None:
            return self._unknown_procedure(request, context, trace, explain)
        return self._decide_procedure(request, context, procedure, trace, explain)

    def recogniser(self) -> Recogniser:
        """The need recogniser of this router's registry (built on first use)."""
        if self._recogniser is None:
            from mfs_core.recognition import recogniser_for

            self._recogniser = recogniser_for(self._registry)
        return self._recogniser

    def _decide_procedure(
        self,
        request: Request,
        context: SiteContext,
        procedure: Procedure,
        trace: list[TraceEntry],
        explain: bool,
    ) -> Decision:
        if procedure.status is ProcedureStatus.WITHDRAWN:
            return self._withdrawn(procedure, trace, explain)
        rule = self._first_referral(request, context, procedure, trace, explain)
        if rule is not None:
            return self._referral(rule, procedure, context, trace)
        return self._on_site(request, context, procedure, trace, explain)

    @staticmethod
    def _withdrawn(procedure: Procedure, trace: list[TraceEntry], explain: bool) -> Decision:
        """A withdrawn procedure is never handled as live: the answer is that it no longer
        exists, and where to go instead."""
        trace.append(_fired("core.withdrawn", explain, "la démarche est supprimée"))
        return Decision(
            kind=DecisionKind.ANSWER_NOW,
            reason=f"La démarche « {procedure.title} » n'existe plus : le conseiller oriente "
            f"l'{RESIDENT} vers ce qui la remplace.",
            rule="core.withdrawn",
            partner=procedure.partner,
            procedure=procedure.id,
            steps=_withdrawn_steps(procedure),
            trace=tuple(trace),
        )

    # -- referral rules -------------------------------------------------------------------

    def _first_referral(
        self,
        request: Request,
        context: SiteContext,
        procedure: Procedure,
        trace: list[TraceEntry],
        explain: bool,
    ) -> CompiledRule | None:
        facts = request.facts
        winner: CompiledRule | None = None
        for rule in self._rules.get(procedure.id, ()):
            missing = [f for f in rule.facts if f not in facts]
            if missing:
                if explain:
                    trace.append(rule.entry(fired=False, note=_missing_note(missing)))
                continue
            if rule.predicate is not None:
                try:
                    # Plugin code: an exception of any kind, output and overrun contained.
                    holds = evaluate_predicate(
                        rule.predicate,
                        request,
                        context,
                        plugin=rule.plugin,
                        what=rule.what,
                        budget=self._budget,
                    )
                except PluginFailure as exc:  # a plugin's bug must not stop routing
                    error = str(exc).removeprefix("raised ")
                    self.plugin_failures[rule.plugin, rule.id] = error
                    trace.append(
                        rule.entry(
                            fired=False,
                            note=f"règle ignorée : sa condition {exc.french}",
                            error=error,
                        )
                    )
                    continue
                if not holds:
                    if explain:
                        trace.append(
                            rule.entry(fired=False, note="condition particulière non remplie")
                        )
                    continue
            if winner is None:
                winner = rule
                if not explain:
                    trace.append(rule.fired_entry)
                    return rule
                trace.append(rule.entry(fired=True, note="conditions remplies : règle retenue"))
            else:
                trace.append(
                    rule.entry(
                        fired=True,
                        note=f"conditions remplies mais écartée (conflit) : la règle "
                        f"{winner.id} passe avant (priorité {winner.priority})",
                    )
                )
        return winner

    def _referral(
        self,
        rule: CompiledRule,
        procedure: Procedure,
        context: SiteContext,
        trace: list[TraceEntry],
    ) -> Decision:
        name = self._partner_names.get(rule.partner, rule.partner)
        target, slot, offer = self._target(rule, name, context)
        documents = tuple(dict.fromkeys(rule.documents + procedure.documents))
        # The rule's reason names its own target (« la demande est transmise au référent »):
        # a better offer found on site comes first, and the text must not read as two
        # orders (review 16c: « transmise … Proposer plutôt … » did).
        if target is rule.target:
            offered = f"Proposer {offer}."
        else:
            offered = f"Proposer d'abord {offer} ; à défaut, procéder comme indiqué."
        return Decision(
            kind=DecisionKind.REFERRAL,
            reason=f"{rule.reason} {offered}",
            rule=rule.id,
            partner=rule.partner,
            procedure=procedure.id,
            target=target,
            suggested_slot=slot,
            documents=documents,
            trace=tuple(trace),
        )

    @staticmethod
    def _target(
        rule: CompiledRule, name: str, context: SiteContext
    ) -> tuple[ReferralTarget, dt.datetime | None, str]:
        """Permanence today, else video appointment, else the rule's target (and the
        French offer)."""
        now = context.now
        starts = [
            start
            for permanence in context.permanences
            if permanence.partner == rule.partner
            and (start := permanence.next_from(now)) is not None
        ]
        if starts:
            start = min(starts)
            at = (
                "en ce moment"
                if start == now
                else f"aujourd'hui à partir de {start.astimezone(PARIS):%H:%M}"
            )
            offer = f"la permanence du partenaire {name}, sur place {at}"
            return ReferralTarget.PERMANENCE, start, offer
        videos = [
            v.at for v in context.video_appointments if v.partner == rule.partner and v.at >= now
        ]
        if videos:
            first = min(videos)
            return (
                ReferralTarget.VIDEO,
                first,
                f"un rendez-vous en visio avec le partenaire {name} le {when(first)}",
            )
        offers = {
            ReferralTarget.REFERENT: f"la transmission au référent du partenaire {name}",
            ReferralTarget.PERMANENCE: f"la prochaine permanence du partenaire {name}",
            ReferralTarget.VIDEO: f"un rendez-vous en visio avec le partenaire {name}",
            # Where to go is the rule's to say (a post office, the legal-aid bureau, a
            # complaint): a ministry or a national service has no reception to book.
            ReferralTarget.OFFICE: "à l'usager de s'adresser lui-même au service indiqué",
        }
        return rule.target, None, offers[rule.target]

    # -- on-site handling -----------------------------------------------------------------

    def _on_site(
        self,
        request: Request,
        context: SiteContext,
        procedure: Procedure,
        trace: list[TraceEntry],
        explain: bool,
    ) -> Decision:
        title = f"« {procedure.title} »"
        if procedure.needs_appointment or "needs_research" in request.facts:
            why = (
                "est signalée comme demandant des recherches ou des contacts avec l'organisme"
                if procedure.needs_appointment
                else "demande ici des recherches ou des contacts avec l'organisme"
            )
            trace.append(_fired("core.needs-appointment", explain, f"la démarche {why}"))
            return self._appointment(
                f"La démarche {title} {why}", "core.needs-appointment", procedure, context, trace
            )
        if explain:
            trace.append(
                _core(
                    "core.needs-appointment",
                    fired=False,
                    note="la démarche peut se traiter sans recherche préalable",
                )
            )
        if context.busy:
            load = _load_sentence(context)
            if request.urgency is Urgency.URGENT:
                if explain:
                    trace.append(
                        _core(
                            "core.busy-counter",
                            fired=False,
                            note=f"{load}, mais la demande est urgente : pas de report",
                        )
                    )
            else:
                trace.append(_fired("core.busy-counter", explain, load))
                return self._appointment(
                    f"{load} ; la démarche {title} ne peut pas être traitée tout de suite",
                    "core.busy-counter",
                    procedure,
                    context,
                    trace,
                )
        elif explain:
            trace.append(_core("core.busy-counter", fired=False, note=_load_sentence(context)))
        trace.append(_fired("core.answer-now", explain, "la démarche se traite au guichet"))
        reason = f"La démarche {title} peut être faite tout de suite avec l'usager."
        steps = self._steps[procedure.id]
        if request.wants_autonomy:
            show, where = _AUTONOMY_BY_CHANNEL[request.channel]
            reason += f" L'usager souhaite apprendre à la faire seul : {show}."
            steps = (
                *steps,
                f"Laisser l'usager faire chaque étape lui-même, {where}, pour qu'il puisse "
                "la refaire seul la prochaine fois.",
            )
        return Decision(
            kind=DecisionKind.ANSWER_NOW,
            reason=reason,
            rule="core.answer-now",
            partner=procedure.partner,
            procedure=procedure.id,
            steps=steps,
            autonomy=request.wants_autonomy,
            documents=procedure.documents,
            trace=tuple(trace),
        )

    @staticmethod
    def _appointment(
        why: str, rule: str, procedure: Procedure, context: SiteContext, trace: list[TraceEntry]
    ) -> Decision:
        slot = context.first_free_slot()
        offer = (
            f"rendez-vous proposé le {when(slot)}"
            if slot
            else "proposer un rendez-vous (aucun créneau libre connu)"
        )
        return Decision(
            kind=DecisionKind.APPOINTMENT,
            reason=f"{why} : {offer}.",
            rule=rule,
            partner=procedure.partner,
            procedure=procedure.id,
            suggested_slot=slot,
            documents=procedure.documents,
            trace=tuple(trace),
        )

    # -- needs without a procedure --------------------------------------------------------

    def _alternative(self, candidate: Candidate, placed: str | None = None) -> Alternative:
        return Alternative(
            procedure=candidate.procedure,
            partner=candidate.partner,
            title=candidate.title,
            score=candidate.score,
            confidence=candidate.confidence,
            matched=candidate.matched,
            request=candidate.request,
            placed=placed,
        )

    def _listed(self, candidates: Sequence[Candidate]) -> tuple[Alternative, ...]:
        """A decision's alternatives, each with why it is listed above one of higher
        score there (:func:`~mfs_core.recognition.placed_in`), ``None`` elsewhere."""
        from mfs_core.recognition import placed_in

        return tuple(map(self._alternative, candidates, placed_in(candidates)))

    def _decide_need(
        self, request: Request, context: SiteContext, trace: list[TraceEntry], explain: bool
    ) -> Decision:
        from mfs_core.recognition import Level

        recognition = self.recogniser().recognise(
            request.need or "",
            thematique=request.thematique,
            limit=context.thresholds.max_alternatives,
        )
        best = recognition.best
        if recognition.level is Level.CONFIDENT and best is not None:
            procedure = self._procedures[best.procedure]
            if self._thematique_elsewhere(request, procedure, context):
                return self._decide_locally(request, recognition, context, trace, explain)
            local = self._keyword_outweighs(request, context, (best,))
            if local is not None:
                return self._decide_locally(
                    request, recognition, context, trace, explain, found=local
                )
            recognised = self._alternative(best)
            plugin = procedure.provenance.plugin if procedure.provenance else "(non enregistré)"
            trace.append(_core("core.recognition", note=recognised_note(recognised, plugin)))
            decision = self._decide_procedure(
                attrs.evolve(request, procedure=procedure.id), context, procedure, trace, explain
            )
            return attrs.evolve(decision, recognition=recognised)
        if recognition.level is Level.AMBIGUOUS:
            chosen = recognition.candidates[: recognition.chosen]
            if chosen and all(
                self._thematique_elsewhere(request, self._procedures[c.procedure], context)
                for c in chosen
            ):
                # None of the close procedures carries the agent's thematique either.
                return self._decide_locally(request, recognition, context, trace, explain)
            local = self._keyword_outweighs(request, context, chosen)
            if local is not None:
                return self._decide_locally(
                    request, recognition, context, trace, explain, found=local
                )
            return self._clarify(recognition, context, trace)
        return self._decide_locally(request, recognition, context, trace, explain)

    @staticmethod
    def _thematique_elsewhere(request: Request, procedure: Procedure, context: SiteContext) -> bool:
        """The agent classed the need under a thematique the recognised procedure lacks and
        a local service covers (« colis » under aide alimentaire is not a parcel)."""
        thematique = request.thematique
        return (
            thematique is not None
            and thematique not in procedure.thematiques
            and any(thematique in s.thematiques for s in context.local_services)
        )

    def _keyword_outweighs(
        self, request: Request, context: SiteContext, candidates: tuple[Candidate, ...]
    ) -> tuple[LocalService, str] | None:
        """The local service whose keyword outweighs the recognised ``candidates``, and why
        (French), or ``None``: the need holds the whole keyword phrase, the phrase covers
        more of the need than any candidate explains, and the agent did not class the need
        under a thematique of one of them (see the module docstring)."""
        if not context.local_services or not candidates:
            return None
        if request.thematique is not None and any(
            request.thematique in self._procedures[c.procedure].thematiques for c in candidates
        ):
            return None
        # A word of the resident's name is no keyword (« Mme Mariage », review 14j).
        known = self.recogniser().known_word
        match = keyword_phrase(context.local_services, request.need, known=known)
        if match is None or match.share <= max(c.confidence for c in candidates):
            return None
        outweighed = [self._alternative(c) for c in candidates]
        return match.service, keyword_note(match.keyword, match.share, outweighed)

    def _decide_locally(
        self,
        request: Request,
        recognition: Recognition,
        context: SiteContext,
        trace: list[TraceEntry],
        explain: bool,
        *,
        found: tuple[LocalService, str] | None = None,
    ) -> Decision:
        """Orientation to a local service (``found``, else the one covering the need's
        thematique or words), else unknown."""
        if explain:
            if found is not None:
                note = (
                    "démarche reconnue, mais un mot-clé d'un service local couvre mieux le besoin"
                )
            elif recognition.withheld is not None:
                note = f"démarche non retenue : {WITHHELD_FR[recognition.withheld]}"
            else:
                note = "aucune démarche reconnue avec assez de certitude"
            trace.append(_core("core.recognition", fired=False, note=note))
        if found is None:
            found = best_local_service(
                context.local_services,
                request.need,
                request.thematique,
                known=self.recogniser().known_word,
            )
        if found is not None:
            service, why = found
            trace.append(_fired("core.local-service", explain, why))
            contact = f" Contact : {service.contact}." if service.contact else ""
            return Decision(
                kind=DecisionKind.ORIENTATION,
                # « le service « nom » »: right for any name (an article would not be).
                reason=f"Ce besoin relève d'un service local : orienter l'{RESIDENT} vers le "
                f"service « {service.name} » ({why}).{contact}",
                rule="core.local-service",
                service=service.id,
                trace=tuple(trace),
            )
        if explain:
            trace.append(
                _core(
                    "core.local-service",
                    fired=False,
                    note="aucun service local ne couvre ce besoin",
                )
            )
        return self._unknown(
            "core.unknown-need",
            "Ce besoin n'a été reconnu avec assez de certitude ni comme une démarche connue "
            "ni par un service local",
            recognition,
            context,
            trace,
            explain,
        )

    def _clarify(
        self, recognition: Recognition, context: SiteContext, trace: list[TraceEntry]
    ) -> Decision:
        limit = max(2, context.thresholds.max_alternatives)
        if recognition.several:
            alternatives, question, note, why = self._requests_asked(recognition, limit)
        else:
            alternatives = self._listed(recognition.candidates[: min(recognition.chosen, limit)])
            fiches = {self._procedures[c.procedure].fiche_id for c in alternatives}
            twins = len(fiches) == 1 and None not in fiches
            question = clarify_question(alternatives, self._partner_names, twins=twins)
            listed = " ; ".join(f"{c.title} ({c.procedure})" for c in alternatives)
            # Not « également proches »: a clarify also comes of rules on words, with scores
            # far apart (16,65 and 3,97: review 14g, finding 6).
            note = f"{len(alternatives)} démarches proches : {listed}"
            why = (
                "Plusieurs démarches correspondent à ce besoin : poser la question à "
                f"l'{RESIDENT} avant de décider."
            )
        trace.append(_core("core.clarify", note=note + _placed_note(alternatives)))
        return Decision(
            kind=DecisionKind.CLARIFY,
            reason=f"{why} {question}",
            rule="core.clarify",
            alternatives=alternatives,
            question=question,
            trace=tuple(trace),
        )

    def _requests_asked(
        self, recognition: Recognition, limit: int
    ) -> tuple[tuple[Alternative, ...], str, str, str]:
        """A need read as several requests: its alternatives to list (at most ``limit``,
        each request's first before any request's second), the question, the trace note
        and the reason, each saying per request what was found (issue-14aj)."""
        from mfs_core.recognition import listed_answers, requests_listed

        listed_candidates = listed_answers(recognition, limit)
        alternatives = self._listed(listed_candidates)
        question = several_question(alternatives, recognition.answers)
        said = " ; ".join(requests_said(alternatives, recognition.answers, ids=True))
        note = f"{recognition.requests} demandes dans le même besoin : {said}"
        why = f"Ce besoin contient plusieurs demandes : les traiter une par une avec l'{RESIDENT}."
        shown = requests_listed(listed_candidates)
        if recognition.requests > shown:
            # Never dropped silently (issue-14ai): a request no procedure answers, or
            # past the alternatives a decision lists, or past those answered one by one.
            told = len(recognition.answers)
            detailed = f"{told} détaillées, " if recognition.requests > told else ""
            why += (
                f" {recognition.requests} demandes lues, {detailed}{shown} "
                f"{plural(shown, 'listée')} : reprendre les autres ensuite."
            )
        return alternatives, question, note, why

    def _unknown_procedure(
        self, request: Request, context: SiteContext, trace: list[TraceEntry], explain: bool
    ) -> Decision:
        procedure = request.procedure or ""
        # The words of the id ("caf.prime-activite") and of the need say what was meant.
        text = f"{procedure.replace('.', ' ').replace('-', ' ')} {request.need or ''}"
        recognition = self.recogniser().recognise(
            text, thematique=request.thematique, limit=context.thresholds.max_alternatives
        )
        return self._unknown(
            "core.unknown-procedure",
            f"La démarche « {procedure} » n'est fournie par aucun plugin chargé",
            recognition,
            context,
            trace,
            explain,
        )

    def _unknown(
        self,
        rule: str,
        why: str,
        recognition: Recognition,
        context: SiteContext,
        trace: list[TraceEntry],
        explain: bool,
    ) -> Decision:
        from mfs_core.recognition import Level

        # Suggestions only when something came close: a need matching nothing in
        # particular lists nothing, rather than far-fetched "closest" procedures.
        shown = recognition.chosen if recognition.level is Level.WEAK else 0
        if rule == "core.unknown-procedure" and recognition.candidates:
            # An id's own words are what the caller meant: its closest procedures (half
            # the best score or more) are worth showing even when recognition is unsure.
            best = recognition.candidates[0].score
            shown = sum(1 for c in recognition.candidates if c.score >= best / 2)
        alternatives = self._listed(
            recognition.candidates[: min(shown, context.thresholds.max_alternatives)]
        )
        partner = recognition.partner_only if rule == "core.unknown-need" else None
        if partner is not None:
            name = self._partner_names.get(partner, partner)
            why = (
                f"Le besoin nomme seulement un organisme ({name}), pas une démarche : demander "
                f"à l'{RESIDENT} ce qu'il souhaite y faire"
            )
        withheld = recognition.withheld if rule == "core.unknown-need" else None
        if alternatives and partner is None and withheld is not None:
            # A candidate explaining enough of the need, not claimed: why, not « pas
            # assez de certitude » beside its 100 % (review 14n, finding 4).
            why = (
                f"{WITHHELD_FR[withheld].capitalize()} : rien n'est retenu sans "
                "confirmation, et aucun service local ne couvre ce besoin"
            )
        if alternatives:
            listed = " ; ".join(f"{a.title} ({a.procedure})" for a in alternatives)
            which = (
                "Démarches les plus générales de cet organisme"
                if partner
                else "Démarches possibles"
            )
            reason = f"{why}. {which}, à confirmer avec l'{RESIDENT} : {listed}."
        else:
            # Not « aucune démarche proche »: `mfs recognise` lists the closest for
            # information; none is close enough to suggest (review 14g, finding 6).
            reason = (
                f"{why}, et aucune démarche n'est assez proche pour être proposée : préciser "
                "la demande."
            )
        close = len(alternatives)
        # Why a suggestion is listed above one of higher score, as a clarify's trace says
        # (stop 36: an unknown's trace said only « 2 démarches proches »).
        note = f"{count(close, 'démarche')} {plural(close, 'proche')}{_placed_note(alternatives)}"
        trace.append(_fired(rule, explain, note))
        return Decision(
            kind=DecisionKind.UNKNOWN,
            reason=reason,
            rule=rule,
            alternatives=alternatives,
            trace=tuple(trace),
        )


def _missing_note(missing: list[str]) -> str:
    described = " ; ".join(f"{KNOWN_FACTS.get(f, f)} ({f})" for f in sorted(missing))
    return f"ne s'applique pas : fait absent : {described}"


def _load_sentence(context: SiteContext) -> str:
    if context.agents_on_duty == 0:
        return "Aucun agent n'est disponible au guichet"
    text = (
        f"{count(context.waiting, 'personne')} en attente pour "
        f"{count(context.agents_on_duty, 'agent')} "
        f"(seuil : {context.thresholds.max_waiting_per_agent} par agent)"
    )
    if context.expected_wait_minutes is not None:
        text += (
            f", attente estimée {context.expected_wait_minutes} min "
            f"(seuil : {context.thresholds.max_wait_minutes} min)"
        )
    return text[0].upper() + text[1:]


def _placed_note(alternatives: Sequence[Alternative]) -> str:
    """What the clarify or unknown trace adds when it lists an alternative before one of
    higher score: why (its :attr:`~mfs_core.routing.decision.Alternative.placed`, in French), so
    that the agent reading the scores is not left to guess; empty otherwise."""
    notes = [
        f" ; {a.title} ({a.procedure}) citée avant une démarche au score plus élevé "
        f"({PLACED_FR[a.placed]})"
        for a in alternatives
        if a.placed is not None
    ]
    return "".join(notes)
