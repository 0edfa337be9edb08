"""The monthly indicators of ``mfs report``, for the nation, each région, département and site.

:class:`Indicators` holds the figures of one group of sites for one month, defined as in
``docs/report.md`` (first-contact resolution, autonomy, referrals and their latest status,
residents, routing decisions...) and computed from the same counts: a group's figures are
those the per-site report would give for the group's requests. Two differences, both
because the national dataset holds no free text and no pseudonym:

- no ``referrals.refusal_reasons`` (free text);
- ``residents.distinct`` is the sum of the sites' distinct residents: a resident seen at
  two sites counts at each (the per-site pseudonyms are not comparable across sites).

:func:`from_monthly_report` gives a site's per-site report in this shape, so that the two can
be compared figure for figure (the parity test does, for every site of a generated year).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from mfs_core.indicators import NONE_KEY, HeadlineRates, rate, sorted_counts

if TYPE_CHECKING:
    from mfs_core.report.monthly import MonthlyReport

__all__ = [
    "NATIONAL_REPORT_VERSION",
    "Indicators",
    "NationalReport",
    "from_monthly_report",
]

#: Version of the JSON document of the national report.
NATIONAL_REPORT_VERSION: Final = 1
#: The outcome and latest events the figures read (docs/report.md).
_RESOLVED, _APPOINTMENT, _REFERRAL = "resolved_first_contact", "appointment", "referral"


@attrs.frozen(kw_only=True)
class Indicators(HeadlineRates):
    """The figures of one group of sites (the nation, a région, a département or a site)
    for one month. Breakdowns are ``{key: requests}``, largest first, ``_none`` for
    requests without a value; ``None`` for a breakdown not computed at this level (by
    default partner, procedure, thematique and channel are not computed per site)."""

    #: Sites with at least one request in the month.
    sites: int
    by_outcome: dict[str, int]
    by_autonomy: dict[str, int]
    by_decision: dict[str, int]
    #: Requests by latest follow-up event (``_none``: no event).
    by_follow_up: dict[str, int]
    #: Requests with a decision whose outcome is not the decision's default, by decision.
    outcome_differs_by_decision: dict[str, int]
    #: Requests that named their resident, and those that came back within the month.
    identified: int
    repeat_visits: int
    by_partner: dict[str, int] | None = None
    by_procedure: dict[str, int] | None = None
    by_thematique: dict[str, int] | None = None
    by_channel: dict[str, int] | None = None

    @property
    def total_requests(self) -> int:
        return sum(self.by_outcome.values())

    @property
    def resolved_first_contact(self) -> int:
        return self.by_outcome.get(_RESOLVED, 0)

    @property
    def residents(self) -> int:
        """Distinct residents: summed over the sites (see the module's docstring)."""
        return self.identified - self.repeat_visits

    @property
    def decisions_recorded(self) -> int:
        return self.total_requests - self.by_decision.get(NONE_KEY, 0)

    @property
    def outcome_differs(self) -> int:
        return sum(self.outcome_differs_by_decision.values())

    def follow_ups(self, event: str) -> int:
        """Requests whose latest follow-up event is ``event``."""
        return self.by_follow_up.get(event, 0)

    def to_json(self) -> dict[str, Any]:
        """The keys of ``mfs report --format json`` (less ``refusal_reasons``), ``sites``
        first; a breakdown not computed at this level is left out."""
        booked = self.by_outcome.get(_APPOINTMENT, 0)
        held = self.follow_ups("appointment_held")
        referred = self.by_outcome.get(_REFERRAL, 0)
        accepted, refused, expired = (
            self.follow_ups(f"referral_{status}") for status in ("accepted", "refused", "expired")
        )
        data: dict[str, Any] = {
            "sites": self.sites,
            "total_requests": self.total_requests,
            "resolved_first_contact": self.resolved_first_contact,
            "first_contact_resolution_rate": self.first_contact_resolution_rate,
        }
        for name in ("partner", "procedure", "thematique", "channel"):
            breakdown = getattr(self, f"by_{name}")
            if breakdown is not None:
                data[f"by_{name}"] = breakdown
        data |= {
            "by_outcome": self.by_outcome,
            "by_autonomy": self.by_autonomy,
            "appointments": {"booked": booked, "held": held, "not_held_yet": booked - held},
            "referrals": {
                "total": referred,
                "accepted": accepted,
                "refused": refused,
                "expired": expired,
                "pending": referred - accepted - refused - expired,
            },
            "autonomy": {
                "recorded": self.autonomy_recorded,
                "towards_autonomy": self.towards_autonomy,
                "rate": self.autonomy_rate,
            },
            "residents": {"distinct": self.residents, "repeat_visits": self.repeat_visits},
            "by_decision": self.by_decision,
            "decisions": {
                "recorded": self.decisions_recorded,
                "outcome_differs": self.outcome_differs,
                "outcome_differs_rate": rate(self.outcome_differs, self.decisions_recorded),
                "outcome_differs_by_decision": self.outcome_differs_by_decision,
            },
        }
        return data


@attrs.frozen(kw_only=True)
class NationalReport:
    """The indicators of one month for the nation and by région, département and site
    (keys: INSEE codes of the COG 2024, site ids), each sorted by key."""

    month: dt.date
    national: Indicators
    by_region: dict[str, Indicators]
    by_departement: dict[str, Indicators]
    #: A mapping whose values may be made when read (see ``query.SiteIndicators``).
    by_site: Mapping[str, Indicators]
    #: Where each site is: site id -> (département, région).
    places: dict[str, tuple[str, str]] = attrs.field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The JSON document of the national report (a stable contract, version 1)."""
        return {
            "schema_version": NATIONAL_REPORT_VERSION,
            "month": f"{self.month.year:04d}-{self.month.month:02d}",
            "national": self.national.to_json(),
            "by_region": {code: item.to_json() for code, item in self.by_region.items()},
            "by_departement": {code: item.to_json() for code, item in self.by_departement.items()},
            "by_site": {
                site: {
                    "departement": self.places[site][0],
                    "region": self.places[site][1],
                    **item.to_json(),
                }
                for site, item in self.by_site.items()
            },
        }


def from_monthly_report(report: MonthlyReport) -> Indicators:
    """A site's per-site monthly report as :class:`Indicators` of that one site, with every
    breakdown (for comparison with the national figures of the same site)."""
    latest = {
        "appointment_held": report.appointments.held,
        "referral_accepted": report.referrals.accepted,
        "referral_refused": report.referrals.refused,
        "referral_expired": report.referrals.expired,
    }
    followed = sum(latest.values())
    return Indicators(
        sites=1 if report.total_requests else 0,
        by_outcome=sorted_counts(report.by_outcome),
        by_autonomy=sorted_counts(report.by_autonomy),
        by_decision=sorted_counts(report.by_decision),
        by_follow_up=sorted_counts({**latest, NONE_KEY: report.total_requests - followed}),
        outcome_differs_by_decision=sorted_counts(report.decisions.outcome_differs_by_decision),
        identified=report.residents + report.repeat_visits,
        repeat_visits=report.repeat_visits,
        by_partner=sorted_counts(report.by_partner),
        by_procedure=sorted_counts(report.by_procedure),
        by_thematique=sorted_counts(report.by_thematique),
        by_channel=sorted_counts(report.by_channel),
    )
