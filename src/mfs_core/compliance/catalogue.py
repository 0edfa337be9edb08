"""The built-in check catalogue: stable ids, severity, French title, reference, remediation.

Ids never change once released (CI configurations and waivers name them). Verified rules of
the label are errors; beliefs (equipment) are warnings. References and their status come
from the project's domain notes (``domain.md``); ``last_verified`` is when the rule was last
checked against them. The label rests on 30 criteria whose list was not found: more checks
can be added here, each with its reference.

The ``label.waiver-*`` entries are raised by the runner itself, not by a check function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from mfs_core.model import Check, Severity

__all__ = [
    "ANCT_DUPLICATE_ID",
    "BUILTIN_CHECKS",
    "RUNNER_CHECKS",
    "WAIVER_EXPIRED",
    "WAIVER_UNUSED",
]


class _Deferred:
    """The evaluator ``name``, imported when first called: listing the catalogue (as
    ``mfs plugins`` does) must not pay for importing the site model and opening hours.

    The runner calls :meth:`resolve` once and then the evaluator itself, saving a call per
    site and check on the national list.
    """

    def __init__(self, name: str) -> None:
        self.__name__ = self.__qualname__ = name
        self._resolved: Callable[[Any], Iterable[Any]] | None = None

    def resolve(self) -> Callable[[Any], Iterable[Any]]:
        """The evaluator function, importing :mod:`mfs_core.compliance.evaluators`."""
        if self._resolved is None:
            from mfs_core.compliance import evaluators

            self._resolved = getattr(evaluators, self.__name__)
        return self._resolved

    def __call__(self, site: Any) -> Iterable[Any]:
        return self.resolve()(site)

    def __repr__(self) -> str:
        return f"<deferred evaluator {self.__name__}>"


def resolve_evaluator(evaluate: Callable[[Any], Iterable[Any]]) -> Callable[[Any], Iterable[Any]]:
    """The function behind a deferred built-in evaluator; any other evaluator as it is."""
    return evaluate.resolve() if isinstance(evaluate, _Deferred) else evaluate


#: When the rules below were last checked against the sources named in ``reference``.
RULES_CHECKED_ON = dt.date(2026, 11, 27)

_HOURS_SOURCE = (
    "Conseil des ministres du 26 janvier 2022 ; préfecture de la Moselle (au moins 24 heures "
    "d'ouverture par semaine, sur au moins 5 jours)"
)
_STAFF_SOURCE = (
    "Préfecture de la Moselle (« deux agents d'accueil doivent être présents sur cette "
    "amplitude horaire et formés en amont de la labellisation ») ; ANCT (« présence physique "
    "d'au moins deux agents d'accueil formés »)"
)

BUILTIN_CHECKS: tuple[Check, ...] = (
    Check(
        id="label.weekly-hours",
        title="Ouverture d'au moins 24 heures par semaine",
        severity=Severity.ERROR,
        reference=_HOURS_SOURCE,
        remediation="Étendre les horaires d'ouverture au public à 24 heures par semaine au "
        "moins (pour un bus ou des antennes, voir l'option hours_scope).",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("weekly_hours"),
    ),
    Check(
        id="label.opening-days",
        title="Ouverture sur au moins 5 jours par semaine",
        severity=Severity.ERROR,
        reference=_HOURS_SOURCE,
        remediation="Répartir l'ouverture au public sur 5 jours de la semaine au moins.",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("opening_days"),
    ),
    Check(
        id="label.staffing",
        title="Deux agents formés présents pendant toute l'ouverture",
        severity=Severity.ERROR,
        reference=_STAFF_SOURCE + " ; souplesse possible en zone de montagne (débat à "
        "l'Assemblée nationale) : à déclarer comme dérogation motivée",
        remediation="Organiser les plannings pour que deux agents ayant suivi la formation "
        "initiale soient présents sur chaque créneau signalé, ou réduire l'ouverture à ces "
        "créneaux ; en zone de montagne, déclarer une dérogation motivée.",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("staffing"),
    ),
    Check(
        id="label.initial-training",
        title="Formation initiale suivie avant la labellisation (ou la prise de poste)",
        severity=Severity.ERROR,
        reference="Préfecture de la Moselle (agents « formés en amont de la labellisation ») ; "
        "CNFPT, communiqué 2020 (tronc commun de 3,5 jours et socle partenaires de 3 jours) ; "
        "Sénat, rapport r21-778 ; Assemblée nationale 2023 (11,5 jours à partir de 2023)",
        remediation="Inscrire l'agent à la formation initiale France services (CNFPT et "
        "partenaires) avant qu'il accueille du public, et renseigner la date et l'organisme.",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("initial_training"),
    ),
    Check(
        id="label.national-partners",
        title="Les neuf partenaires nationaux sont proposés",
        severity=Severity.ERROR,
        reference="Sénat, rapport r21-778 (les neuf partenaires nationaux présents dans "
        "chaque France services)",
        remediation="Proposer les services de chacun des neuf partenaires nationaux (référent, "
        "permanence ou visioconférence) et les déclarer dans partners.",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("national_partners"),
    ),
    Check(
        id="label.partner-plugins",
        title="Chaque partenaire proposé a son plugin mfs-core",
        severity=Severity.WARNING,
        reference="mfs-core : sans plugin, les démarches et règles d'orientation du partenaire "
        "sont inconnues de l'outil (ce n'est pas une règle du label)",
        remediation="Installer le plugin du partenaire (pip install ...) ou corriger son code "
        "dans partners ; `mfs plugins` liste les plugins chargés.",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("partner_plugins"),
    ),
    Check(
        id="label.equipment",
        title="Équipements pour le public (croyance)",
        severity=Severity.WARNING,
        reference="Croyance, non trouvée comme critère écrit : accès internet gratuit, postes "
        "en libre accès, imprimante, scanner, visioconférence décrits site par site",
        remediation="Déclarer les équipements présents dans equipment, ou les installer.",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("equipment"),
    ),
    Check(
        id="label.confidential-space",
        title="Espace de confidentialité",
        severity=Severity.ERROR,
        reference="Réponse ministérielle 2025 citant la charte d'engagement, le cahier des "
        "charges et l'accord-cadre 2023-2026 signé le 30 novembre 2023 (« espaces privatifs "
        "dédiés »)",
        remediation="Aménager un espace où l'usager peut être reçu à l'abri des regards et des "
        "oreilles, puis le déclarer (equipment.confidential_space = true).",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("confidential_space"),
    ),
    Check(
        id="label.hours-quality",
        title="Horaires lisibles et cohérents",
        severity=Severity.WARNING,
        reference="Liste ANCT des structures France services (data.gouv.fr) : créneaux fictifs "
        "« 00:00 - 00:00 », créneaux en double ou qui se chevauchent, heures illisibles, "
        "aucun horaire publié ; mfs-core : un créneau qui passe minuit ou dure plus de 12 h "
        "est invraisemblable pour un guichet",
        remediation="Corriger les horaires publiés : supprimer les créneaux fictifs ou en "
        "double, fusionner les créneaux qui se chevauchent, publier les horaires manquants, "
        "vérifier les créneaux de nuit ou de plus de 12 h.",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("hours_quality"),
    ),
    Check(
        id="label.hours-exceptions",
        title="Horaires hors semaine type (pour information)",
        severity=Severity.INFO,
        reference="mfs-core : la semaine type ne compte ni les jours fériés, ni les vacances "
        "scolaires, ni les fermetures datées ; le label ne fixe pas de règle sur ces "
        "exceptions, elles sont listées pour vérification (une note ne fait pas échouer)",
        remediation="Vérifier que les fermetures et horaires exceptionnels listés sont à jour "
        "et retirer des horaires publiés ceux qui sont passés.",
        last_verified=RULES_CHECKED_ON,
        evaluate=_Deferred("hours_exceptions"),
    ),
)

WAIVER_EXPIRED = Check(
    id="label.waiver-expired",
    title="Dérogation échue",
    severity=Severity.ERROR,
    reference="mfs-core : une dérogation a une date de fin",
    remediation="Renouveler la dérogation avec une nouvelle date de fin et sa justification, "
    "ou la retirer et corriger le site.",
    last_verified=RULES_CHECKED_ON,
)
WAIVER_UNUSED = Check(
    id="label.waiver-unused",
    title="Dérogation inutile",
    severity=Severity.ERROR,
    reference="mfs-core : une dérogation qui ne couvre aucun constat doit être retirée",
    remediation="Retirer la dérogation (le contrôle passe, ou il n'existe pas : vérifier "
    "l'identifiant).",
    last_verified=RULES_CHECKED_ON,
)

ANCT_DUPLICATE_ID = Check(
    id="anct.duplicate-id",
    title="Identifiant en double dans la liste ANCT",
    severity=Severity.WARNING,
    reference="Liste ANCT des structures France services (data.gouv.fr) : id_fs identifie "
    "une structure ; deux lignes avec le même id_fs se contredisent peut-être",
    remediation="Signaler le doublon à l'ANCT ; en attendant, comparer les deux lignes "
    "(les deux sont vérifiées).",
    last_verified=RULES_CHECKED_ON,
)

#: Findings raised outside the checks' functions: by the runner about the site file's
#: waivers, by the ANCT reader about the list's rows.
RUNNER_CHECKS: tuple[Check, ...] = (WAIVER_EXPIRED, WAIVER_UNUSED, ANCT_DUPLICATE_ID)
