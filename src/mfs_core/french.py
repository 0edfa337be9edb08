"""The French wording shown to agents and mayors, in one place.

Everything the counter's staff and the town read is French (decisions, reports, the
compliance text, ``mfs url``, the journal's summaries); identifiers, codes, logs and help
stay English (see ``docs/cli.md``, "Which output is French"). This module holds the words
those texts share, so that one thing has one name everywhere:

- the person helped is the **usager** (:data:`RESIDENT`; "résident" is not used);
- a need no procedure or service matches is a **besoin non identifié**;
- day and month names; the French words of decision, outcome, channel, severity... codes
  (``*_FR`` mappings: "label" is kept for the France services label);
- numbers the French way, with Babel (CLDR ``fr_FR``): ``23,25``, ``12 485`` (narrow
  no-break space), ``66,8 %`` (no-break space before ``%``), durations ``23 h 15``.

Babel is imported inside the functions that format numbers, so ``import mfs_core`` and
``mfs plugins`` do not pay for it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from mfs_core.timezone import PARIS

__all__ = [
    "AUTONOMY_FR",
    "CHANNEL_FR",
    "DAY_NAMES",
    "DECISION_FR",
    "LOCALE",
    "MONTH_NAMES",
    "NOT_GIVEN",
    "OUTCOME_FR",
    "PERMANENCE_ELSEWHERE",
    "PERSONAL_DATA_FR",
    "PLACED_FR",
    "RECOGNITION_LEVEL_FR",
    "REQUEST_FOUND_FR",
    "RESIDENT",
    "RESIDENTS",
    "SEVERITY_FR",
    "TARGET_FR",
    "WEBSITE_KIND_FR",
    "WITHHELD_FR",
    "count",
    "date_fr",
    "decimal",
    "duration",
    "month_title",
    "percent",
    "plural",
    "quoted",
    "request_found",
    "unlisted",
    "when",
]

#: The Babel (CLDR) locale of every number shown to agents and mayors.
LOCALE = "fr_FR"

#: The one word for the person the counter helps (plural :data:`RESIDENTS`).
RESIDENT = "usager"
RESIDENTS = "usagers"

#: Day names, Monday first (the order of :meth:`datetime.date.weekday`). Site files and
#: context files name days with these words too.
DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def _frozen(mapping: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType(mapping)


#: What the router decided (:class:`mfs_core.routing.DecisionKind` values).
DECISION_FR = _frozen(
    {
        "answer_now": "réponse immédiate",
        "appointment": "rendez-vous",
        "referral": "relais vers un partenaire",
        "orientation": "orientation vers un service local",
        "unknown": "besoin non identifié",
        "clarify": f"précision à demander à l'{RESIDENT}",
    }
)

#: Why recognition lists a candidate above one of higher score
#: (``mfs_core.recognition.Candidate.placed``), for the agent.
PLACED_FR = _frozen(
    {
        "subject": "celle au score plus élevé porte sur un sujet que la demande ne dit pas",
        "head": "le mot principal de la demande la désigne",
        "twins": "même fiche chez plusieurs organismes, proposées ensemble",
        "asked": "elle fait partie de la question à poser",
        "requests": "les démarches de chaque demande, dans l'ordre où le besoin cite les demandes",
        "described": "le résumé officiel de sa fiche reprend des mots de la demande",
        "question": "la demande reprend une question de sa fiche",
        "action": "la demande nomme l'action de cette démarche",
    }
)
#: What need recognition concluded (:class:`mfs_core.recognition.Level` values).
RECOGNITION_LEVEL_FR = _frozen(
    {
        "confident": "démarche reconnue",
        "ambiguous": f"plusieurs démarches proches : poser la question à l'{RESIDENT}",
        "weak": "rien d'assez sûr : suggestions seulement",
        # Not « aucune démarche ne correspond »: the closest may be listed below, for
        # information, and would contradict it (issue-14y).
        "none": "aucune démarche reconnue avec assez de certitude",
    }
)

#: Why recognition only suggests a procedure that explains enough of the need to be
#: claimed (:attr:`mfs_core.recognition.Recognition.withheld` values; issue-14bc): the
#: reason and the conclusion say it, not « pas assez de certitude » beside a 100 %
#: confidence.
WITHHELD_FR = _frozen(
    {
        "account": "une seule phrase de ce long récit désigne une démarche, et le récit "
        "entier n'en désigne aucune",
        "words": "les mots du besoin évoquent une démarche sans la nommer clairement",
        "requests": "la démarche la plus proche repose sur les mots de deux demandes "
        "différentes du besoin, et aucune ne la désigne seule",
    }
)

#: Where a referral sends the usager (:class:`mfs_core.model.ReferralTarget` values).
TARGET_FR = _frozen(
    {
        "referent": "son référent France services",
        "permanence": "sa permanence sur place",
        "video": "un rendez-vous en visio",
        "office": "le service indiqué, hors de l'espace France services",
    }
)

#: A permanence the rule names but the site context does not hold (e.g. a point-justice).
PERMANENCE_ELSEWHERE = f"une permanence du partenaire (lieu à indiquer à l'{RESIDENT})"

#: What the counter did at the first meeting (the journal's outcomes).
OUTCOME_FR = _frozen(
    {
        "resolved_first_contact": "résolue au premier contact",
        "appointment": "rendez-vous",
        "referral": "relais vers un partenaire",
        "orientation": "orientation locale",
        "unresolved": "non résolue",
    }
)

#: Who did the procedure (the journal's autonomy values).
AUTONOMY_FR = _frozen(
    {
        "done_by_agent": "faite par l'agent",
        "accompanied": f"faite par l'{RESIDENT} accompagné",
        "autonomous": f"faite seul par l'{RESIDENT}",
    }
)

#: How the usager reached the counter (:class:`mfs_core.model.Channel` values).
CHANNEL_FR = _frozen(
    {
        "counter": "accueil physique",
        "phone": "téléphone",
        "video": "visioconférence",
        "mobile": "itinérance",
        "online": "en ligne",
        "mail": "courrier",
    }
)

#: A value the record left empty.
NOT_GIVEN = "non renseigné"

#: Severities of the compliance findings (:class:`mfs_core.model.Severity` values).
SEVERITY_FR = _frozen(
    {
        "error": "erreur",
        "warning": "avertissement",
        "info": "info",
    }
)

#: Kinds of personal data the redaction removes (:data:`mfs_core.redaction.PLACEHOLDERS`).
PERSONAL_DATA_FR = _frozen(
    {
        "email": "adresse e-mail",
        "iban": "IBAN",
        "nir": "NIR",
        "tax_number": "numéro fiscal",
        "phone": "téléphone",
        "client_number": "numéro d'usager",
        "id_document": "numéro de titre",
        "birth_date": "date de naissance",
        "number": "numéro",
        "name": "nom",
    }
)

#: What ``mfs url`` says of an address (:class:`mfs_core.officialsites.WebsiteKind`).
WEBSITE_KIND_FR = _frozen(
    {
        "partner": "site officiel d'un partenaire",
        "public": "site public officiel",
        "unofficial": "site non officiel",
    }
)


#: What one request of a need read as several found alone (issue-14aj), by its level
#: (:class:`mfs_core.recognition.RequestAnswer`); ``"nothing"``: no candidate of its own.
REQUEST_FOUND_FR = _frozen(
    {
        "confident": "démarche reconnue",
        "ambiguous": "plusieurs démarches possibles, à faire choisir",
        "weak": "rien d'assez sûr, suggestions seulement",
        "none": "rien de reconnu",
        # its candidates were already listed for a request said before it
        "again": "rien de plus que les démarches d'une demande précédente",
    }
)


def request_found(level: str, chosen: int, withheld: str | None = None) -> str:
    """What a request of a need read as several found: :data:`REQUEST_FOUND_FR` of its
    ``level`` (a :class:`mfs_core.recognition.Level` value), « rien de reconnu » when it
    has no candidate of its own (``chosen`` 0); for a request only shown though its best
    explains enough of it (``withheld``, a key of :data:`WITHHELD_FR`), why, as a need
    read alone concludes (not « rien d'assez sûr »: issue-14be)."""
    if chosen == 0:
        return REQUEST_FOUND_FR["none" if level == "none" else "again"]
    if withheld is not None:
        return f"{WITHHELD_FR[withheld]}, suggestions seulement"
    return REQUEST_FOUND_FR[level]


def unlisted(n: int) -> str:
    """What a request says of its ``n`` candidates none of which is listed: « non
    listée » for one, « 3 non listées » for more (counted, in number with them)."""
    return "non listée" if abs(n) < 2 else count(n, "non listée", "non listées")


def quoted(words: Iterable[str]) -> str:
    """``« carte », « vitale »``: words as the usager said them, in French quotes."""
    return ", ".join(f"« {word} »" for word in words)


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """The word for ``n`` things: French uses the singular for 0 and 1 (``0 demande``)."""
    return singular if abs(n) < 2 else (plural_form or singular + "s")


def count(n: int, singular: str, plural_form: str | None = None) -> str:
    """``485 demandes``, ``1 demande``, ``12 485 demandes`` (narrow no-break space)."""
    return f"{decimal(n)} {plural(n, singular, plural_form)}"


@functools.lru_cache(maxsize=4096)
def decimal(value: float) -> str:
    """``23.25`` → ``"23,25"``, ``1234567`` → ``"1 234 567"`` (CLDR ``fr_FR``; at most
    three decimals). Cached: reports over the national list repeat the same few values."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=LOCALE)


@functools.cache
def _percent_pattern(decimals: int) -> str:
    """The locale's percent pattern (``#,##0 %``, its own spaces) with ``decimals``."""
    from babel import Locale

    pattern: str = Locale.parse(LOCALE).percent_formats[None].pattern
    if "." in pattern or not decimals:
        return pattern
    return pattern.replace("0", "0." + "0" * decimals, 1)


#: What a French table or sentence shows for a figure that has no value: a rate with no
#: denominator, a month before the journal's first request. One sign for both (review 15f,
#: L8: « - » and « — » stood in the same table).
MISSING = "—"


def percent(rate: float | None, *, decimals: int = 1) -> str:
    """``0.6675`` → ``"66,8 %"`` (``decimals`` after the comma, rounded half to even, a
    no-break space before ``%``, as CLDR ``fr_FR`` writes it); ``None`` (no denominator)
    → :data:`MISSING` (``"—"``)."""
    if rate is None:
        return MISSING
    from babel.numbers import format_percent

    return format_percent(rate, format=_percent_pattern(decimals), locale=LOCALE)


def duration(minutes: int) -> str:
    """``1395`` → ``"23 h 15"``, ``1440`` → ``"24 h"`` (the way French writes hours)."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def hours(value: float) -> str:
    """Hours as a decimal number (``19.4``, as ``SiteResult.weekly_hours`` holds them) the
    way :func:`duration` writes them: ``"19 h 24"`` (never ``19,4 h``, which reads like
    19 h 40)."""
    return duration(round(value * 60))


def month_title(month: dt.date) -> str:
    """``"juin 2023"``."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def date_fr(day: dt.date) -> str:
    """``"vendredi 27 novembre 2026"``."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def when(moment: dt.datetime) -> str:
    """``"vendredi 27 novembre 2026 à 14:00"`` (Paris time)."""
    local = moment.astimezone(PARIS)
    return f"{date_fr(local.date())} à {local:%H:%M}"
