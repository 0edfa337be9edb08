"""What a check reports: :class:`Finding`, and the per-site :class:`SiteResult`."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from mfs_core.compliance.site import Waiver
from mfs_core.evaluation import FailureKind, FindingRejected, short_repr
from mfs_core.model import Severity

if TYPE_CHECKING:
    from mfs_core.model import Check

__all__ = ["CheckStatus", "Finding", "SiteResult", "stamped"]


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found by a check, in French for the site's staff and mayor.

    A check's ``evaluate(site)`` yields findings with at least ``message``; the runner fills
    ``check`` with the check's id (a check speaks only for itself) and ``severity`` with the
    check's severity unless the finding sets its own. ``field`` is the dotted path of the site
    file's key the finding is about (``hours``, ``agents[1].initial_training``...), if any.
    ``waiver`` is set by the runner when a waiver of the site suppresses the finding: it stays
    in every report, marked as suppressed, and does not count against compliance.
    """

    message: str
    check: str = ""
    severity: Severity | None = None
    field: str | None = None
    waiver: Waiver | None = None

    @property
    def suppressed(self) -> bool:
        """Whether a valid waiver suppresses this finding."""
        return self.waiver is not None

    @property
    def level(self) -> Severity:
        """The severity, never None once the runner has stamped the finding."""
        return self.severity or Severity.ERROR


_VALUES = [s.value for s in Severity]
_SEVERITIES = ", ".join(_VALUES)
_SEVERITIES_FR = f"{', '.join(_VALUES[:-1])} ou {_VALUES[-1]}"  # error, warning ou info


def stamped(item: object, check: Check) -> Finding:
    """``item``, a finding a check gave, as the runner reports it: validated, with
    ``check`` set to the check's id and ``severity`` to its own or, if unset, the check's.

    ``severity`` may be a :class:`~mfs_core.model.Severity` or one of its string values
    (``"error"``). A waiver the check set is dropped: only a site file grants a waiver
    (:func:`~mfs_core.compliance.waivers.apply_waivers`). Raises
    :class:`~mfs_core.evaluation.FindingRejected` for an item that is not a
    :class:`Finding`, or whose ``message`` is not a non-empty text, ``severity`` not a
    severity, or ``field`` neither text nor ``None``.
    """
    if not isinstance(item, Finding):
        raise FindingRejected(
            FailureKind.NOT_A_FINDING,
            f"yielded {type(item).__name__} {short_repr(item)}",
            "a produit une valeur qui n'est pas un constat (Finding)",
        )
    message, severity, field = item.message, item.severity, item.field
    if not isinstance(message, str) or not message.strip():
        raise _malformed("message", message, "a non-empty string", "un texte non vide")
    if severity is None:
        severity = check.severity
    elif severity.__class__ is not Severity:
        try:
            severity = Severity(str.__str__(severity))  # "error" -> Severity.ERROR
        except (TypeError, ValueError):
            raise _malformed(
                "severity", severity, f"one of {_SEVERITIES}", _SEVERITIES_FR
            ) from None
    if field is not None and not isinstance(field, str):
        raise _malformed("field", field, "a string or None", "un texte")
    # New Findings rather than attrs.evolve: this is the hot path of the ANCT list.
    return Finding(
        message=str.__str__(message),
        check=check.id,
        severity=severity,
        field=None if field is None else str.__str__(field),
    )


def _malformed(name: str, value: object, expected: str, attendu: str) -> FindingRejected:
    return FindingRejected(
        FailureKind.MALFORMED_FINDING,
        f"yielded a Finding whose {name} is {short_repr(value)}, expected {expected}",
        f"a produit un constat dont le champ « {name} » est invalide (attendu : {attendu})",
    )


class CheckStatus(enum.StrEnum):
    """Outcome of one check on one site."""

    PASS = "pass"
    FAIL = "fail"
    WAIVED = "waived"  # every finding of the check is suppressed by a waiver
    UNKNOWN = "unknown"  # the data cannot tell (e.g. staffing from the ANCT list)


# No __slots__: :meth:`SiteResult.sharing_outcome` fills an instance's __dict__ at once.
@attrs.frozen(kw_only=True, slots=False)
class SiteResult:
    """The outcome of every check on one site.

    ``weekly_hours`` (hours) and ``opening_days`` are those of the weakest week of the
    horizon the rules were judged on; None when the rule could not be decided (no hours
    published, unreadable hours): unknown, never zero.
    """

    id: str
    name: str
    source: str
    weekly_hours: float | None
    opening_days: int | None
    findings: tuple[Finding, ...]
    statuses: dict[str, CheckStatus] = attrs.field(eq=False)
    departement: str = ""
    format: str = ""
    #: No active error, and no check left undecided (unknown is not passed). Worked out
    #: once, at construction: summaries of the national list read it for every site.
    compliant: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        compliant = CheckStatus.UNKNOWN not in self.statuses.values() and not any(
            f.waiver is None and f.level is Severity.ERROR for f in self.findings
        )
        object.__setattr__(self, "compliant", compliant)

    def sharing_outcome(
        self,
        id: str,
        name: str,
        departement: str,
        format: str,
        weekly_hours: float | None,
        opening_days: int | None,
    ) -> SiteResult:
        """Another site's result with this one's outcome: the same ``source``, findings,
        statuses (the same objects: read them, never change them) and compliance, and its
        own ``weekly_hours`` and ``opening_days`` (each None where this one's is: the rule
        was not decided).

        The ANCT list gives every row whose hours get the same findings the outcome of the
        first such row: this costs a dictionary copy where the constructor costs ten
        attribute stores and the compliance scan (a tenth of a run over the national list).
        The list passes the arguments by position (keywords on every row cost some 300
        instructions more a row under cachegrind).
        """
        result: SiteResult = object.__new__(SiteResult)
        fields = result.__dict__
        fields.update(self.__dict__)
        fields["id"], fields["name"] = id, name
        fields["departement"], fields["format"] = departement, format
        if self.weekly_hours is not None:
            fields["weekly_hours"] = weekly_hours
        if self.opening_days is not None:
            fields["opening_days"] = opening_days
        return result

    @property
    def active(self) -> tuple[Finding, ...]:
        """The findings no waiver suppresses."""
        return tuple(f for f in self.findings if not f.suppressed)

    @property
    def verdict(self) -> str:
        """In French: ``conforme``, ``non conforme``, or ``indéterminé`` when no active error
        was found but some checks could not be decided."""
        if self.compliant:
            return "conforme"
        if self.unknown and not any(f.level is Severity.ERROR for f in self.active):
            return "indéterminé"
        return "non conforme"

    @property
    def unknown(self) -> tuple[str, ...]:
        """Ids of the checks the data could not decide."""
        return tuple(c for c, s in self.statuses.items() if s is CheckStatus.UNKNOWN)
