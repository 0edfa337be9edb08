"""A compliance report: the results of a run, the catalogue used, and its summary."""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

import attrs

from mfs_core.compliance.findings import CheckStatus, SiteResult
from mfs_core.model import Check, Severity

__all__ = [
    "Report",
    "ReportStream",
    "SummaryCounter",
    "Unreadable",
    "UnreadableFile",
    "UnreadableRow",
]


@attrs.frozen
class UnreadableRow:
    """A row of the ANCT list that could not be read, so was not checked: the list
    (``source``) and the 1-based line the row starts on (None when unknown). Never the
    row's content: the reason is said on standard error."""

    source: str
    line: int | None
    #: Its id in the formats (SARIF ``descriptor``, GitHub ``title``, JUnit ``type``).
    descriptor: ClassVar[str] = "anct.unreadable-row"
    column: ClassVar[None] = None  # as UnreadableFile's: a row is named by its line only

    @property
    def message(self) -> str:
        """What the machine-readable formats say of it, in French."""
        where = f"ligne {self.line}" if self.line is not None else "une ligne"
        return (
            f"{where} de la liste illisible : ignorée, non contrôlée (détail sur la sortie "
            "d'erreur)"
        )


@attrs.frozen
class UnreadableFile:
    """A site file given to ``mfs check`` that could not be read (not TOML, not UTF-8, a
    field of the wrong type, missing...), so was not checked: the file (``source``) and,
    when its first problem says it, where: the 1-based ``line`` and ``column`` of a TOML
    or UTF-8 error, or the ``field`` at fault (the formats find its line in the file, as
    for a finding). Never the file's content: the problems are said on standard error.
    """

    source: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    #: Its id in the formats (SARIF ``descriptor``, GitHub ``title``, JUnit ``type``).
    descriptor: ClassVar[str] = "site.unreadable-file"

    @property
    def message(self) -> str:
        """What the machine-readable formats say of it, in French."""
        return "fichier de site illisible : non contrôlé (détail sur la sortie d'erreur)"

    @classmethod
    def of(cls, source: str, problems: Sequence[str]) -> UnreadableFile:
        """The unreadable file ``source``, placed from its problems as
        :class:`~mfs_core.errors.InputError` words them (``SOURCE: ...``): the line and
        column of ``invalid TOML: ... (at line N, column M)``, the line of ``line N:
        expected UTF-8 text...``, else the first problem's field (``agents[1].id: ...``)."""
        field = None
        for problem in problems:
            text = problem.removeprefix(f"{source}: ")
            if found := _TOML_AT.search(text):
                return cls(source, int(found[1]), int(found[2]))
            if found := _LINE_AT.match(text):
                return cls(source, int(found[1]))
            if field is None and (found := _FIELD_AT.match(text)):
                field = found[1]
        return cls(source, field=field)


#: Where a problem of a site file is: a TOML error (tomllib's own words), a UTF-8 error
#: (:func:`mfs_core.inputs.decode_utf8`), a field (:func:`mfs_core.converter.structure`).
_TOML_AT = re.compile(r"^invalid TOML: .*\(at line (\d+), column (\d+)\)$")
_LINE_AT = re.compile(r"^line (\d+): ")
_FIELD_AT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z_][\w.\[\]]*)?): ")

#: What the formats name apart from the results: an unreadable row of the ANCT list, an
#: unreadable site file.
Unreadable = UnreadableRow | UnreadableFile


class SummaryCounter:
    """The counts of a run's summary, gathered one result at a time: the summary of a
    list of any length in the memory of its groups (départements, régions, formats).

    Written for the national list's hundreds of thousands of sites: enum members hash
    through a Python-level ``__hash__``, so statuses and severities are counted by their
    position in a tuple (``tuple.index`` compares identity first) rather than used as
    dictionary keys.
    """

    _STATUSES = tuple(CheckStatus)
    _LEVELS = tuple(Severity)

    def __init__(self, *, national: bool) -> None:
        self.national = national
        self.sites = self.compliant = self.suppressed = self.hours_unknown = 0
        self.by_level = [0] * len(self._LEVELS)
        self.by_verdict = [0] * len(_VERDICTS)
        self.checks: dict[str, list[int]] = {}
        # (id(findings), hours unknown, days unknown) -> [findings, statuses, sites,
        # failing checks' number, compliant, hours unknown]
        self._outcomes: dict[tuple[int, bool, bool], list[Any]] = {}
        # (département, format, failing checks' number) -> sites: one count a site,
        # spread over the départements, régions and formats when the summary is read.
        # Bounded: the list's département codes and formats are checked when read. The
        # failing checks are numbered (a small int hashes as itself, where a tuple of
        # check ids is hashed afresh for every row).
        self._groups: dict[tuple[str, str, int], int] = {}
        self._failing_numbers: dict[tuple[str, ...], int] = {}
        self._failing_sets: list[tuple[str, ...]] = []
        # id(statuses) -> (statuses, its failing checks): the tables of statuses are
        # shared by many outcomes (a handful per list; held, so their id is not reused).
        self._failing: dict[int, tuple[dict[str, CheckStatus], tuple[str, ...]]] = {}

    #: Outcomes remembered between two folds (see :meth:`add`).
    SIZE = 1024

    def add(self, result: SiteResult) -> None:
        """Count one site's result.

        Sites with the same outcome (findings, statuses) are counted once each and their
        findings and statuses folded into the totals by multiplication, when the summary
        is read: the rows of the national list with the same hours share their findings
        and statuses (the same objects: found without comparing them).
        """
        findings, statuses = result.findings, result.statuses
        key = (id(findings), result.weekly_hours is None, result.opening_days is None)
        known = self._outcomes.get(key)
        if (
            known is None
            or known[0] is not findings
            or (known[1] is not statuses and known[1] != statuses)
        ):
            if known is not None or len(self._outcomes) >= self.SIZE:
                self._fold()
            failing: tuple[str, ...] = ()  # a check fails only with a finding
            if findings:
                shared = self._failing.get(id(statuses))
                if shared is not None and shared[0] is statuses:
                    failing = shared[1]
                else:
                    failing = tuple(
                        c for c, status in statuses.items() if status is CheckStatus.FAIL
                    )
                    if len(self._failing) >= self.SIZE:
                        self._failing.clear()
                    self._failing[id(statuses)] = (statuses, failing)
            number = self._failing_numbers.get(failing)
            if number is None:  # a few per list: subsets of the checks
                number = self._failing_numbers[failing] = len(self._failing_sets)
                self._failing_sets.append(failing)
            known = [findings, statuses, 0, number, result.compliant, key[1]]
            self._outcomes[key] = known
        known[2] += 1
        if self.national:
            group = (result.departement, result.format, known[3])
            self._groups[group] = self._groups.get(group, 0) + 1

    def _fold(self) -> None:
        """Add the remembered outcomes' sites, findings and statuses, times their sites,
        to the totals, and forget them."""
        levels, by_level, by_verdict = self._LEVELS, self.by_level, self.by_verdict
        statuses, checks = self._STATUSES, self.checks
        error = Severity.ERROR  # bound once: an enum member read costs EnumType.__getattr__
        # The sites of each table of statuses (outcomes share a handful): each table's
        # statuses counted once, times its sites.
        tables: dict[int, list[Any]] = {}
        for (
            findings,
            outcome_statuses,
            times,
            _failing,
            compliant,
            hours_unknown,
        ) in self._outcomes.values():
            self.sites += times
            self.compliant += times if compliant else 0
            self.hours_unknown += times if hours_unknown else 0
            # SiteResult.verdict, from what is read here: not compliant is « non conforme »
            # with an active error, « indéterminé » without (then a check is undecided).
            verdict = _CONFORME if compliant else _INDETERMINE
            for finding in findings:
                if finding.waiver is not None:
                    self.suppressed += times
                else:  # Finding.level, inlined
                    level = levels.index(finding.severity or error)
                    by_level[level] += times
                    if level == _ERROR_LEVEL:
                        verdict = _NON_CONFORME
            by_verdict[verdict] += times
            table = tables.get(id(outcome_statuses))
            if table is None:
                tables[id(outcome_statuses)] = [outcome_statuses, times]
            else:
                table[1] += times
        for outcome_statuses, times in tables.values():
            for check, status in outcome_statuses.items():
                counts = checks.get(check)
                if counts is None:
                    counts = checks[check] = [0] * len(statuses)
                counts[statuses.index(status)] += times
        self._outcomes.clear()

    def _by_group(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        """The sites and their failing checks by département, région and format."""
        by_departement: dict[str, dict[str, Any]] = {}
        by_region: dict[str, dict[str, Any]] = {}
        by_format: dict[str, dict[str, Any]] = {}
        regions: dict[str, str] = {}
        failing_sets = self._failing_sets
        for (departement, site_format, number), sites in self._groups.items():
            failing = failing_sets[number]
            region = regions.get(departement)
            if region is None:
                region = regions[departement] = _region(departement)
            _count_group(by_departement, departement, failing, sites)
            _count_group(by_region, region, failing, sites)
            _count_group(by_format, site_format, failing, sites)
        return by_departement, by_region, by_format

    def has_active(self, severities: Sequence[Severity]) -> bool:
        """Whether any unsuppressed finding counted has one of these severities."""
        self._fold()
        return any(self.by_level[self._LEVELS.index(level)] for level in severities)

    def summary(
        self, as_of: dt.date, skipped_rows: int = 0, unreadable_files: int = 0
    ) -> dict[str, Any]:
        """The ``summary`` object of the JSON output (see :meth:`Report.summary`)."""
        self._fold()
        summary: dict[str, Any] = {
            "as_of": as_of.isoformat(),
            "sites": self.sites,
            "compliant": self.compliant,
            "non_compliant": self.sites - self.compliant,
            "by_verdict": dict(zip(_VERDICTS, self.by_verdict, strict=True)),
            "findings": {
                level.value: n for level, n in zip(self._LEVELS, self.by_level, strict=True)
            },
            "suppressed": self.suppressed,
            "hours_unknown": self.hours_unknown,
            "checks": {
                check: {status.value: n for status, n in zip(self._STATUSES, counts, strict=True)}
                for check, counts in sorted(self.checks.items())
            },
        }
        if not self.national:
            summary["unreadable_files"] = unreadable_files
        else:
            by_departement, by_region, by_format = self._by_group()
            summary["skipped_rows"] = skipped_rows
            summary["by_departement"] = _sorted_groups(by_departement)
            summary["by_region"] = _sorted_groups(by_region)
            summary["by_format"] = _sorted_groups(by_format)
        return summary


#: The summary's ``by_verdict`` keys for :attr:`SiteResult.verdict` (as the text prints
#: it): « conforme », « non conforme », « indéterminé »; then their positions, and the
#: error level's in ``Severity``.
_VERDICTS = ("compliant", "non_compliant", "undetermined")
_CONFORME, _NON_CONFORME, _INDETERMINE = range(len(_VERDICTS))
_ERROR_LEVEL = tuple(Severity).index(Severity.ERROR)


def _region(departement: str) -> str:
    """The région of a département code of the list: its INSEE code, ``"COM"`` for a
    collectivité d'outre-mer (no région in the COG), ``"?"`` for a code that cannot be
    placed (:func:`mfs_core.geo.region_key`)."""
    from mfs_core import geo

    return geo.region_key(departement.strip())


class ReportStream:
    """A report whose results are produced while it is written (``mfs check --anct-csv``):
    :attr:`results` can be read once, each result counted as it passes; :meth:`summary`
    and :meth:`has_active` are complete once it is read. The caller names each row found
    unreadable to :meth:`unreadable` (which counts it in ``skipped_rows``), each site file
    to :meth:`unreadable_file` (counted in ``unreadable_files``); :meth:`entries` gives the
    results and those rows or files in the order they came."""

    def __init__(
        self,
        results: Iterable[SiteResult],
        *,
        catalogue: tuple[Check, ...],
        as_of: dt.date,
        national: bool = False,
    ) -> None:
        self._results = iter(results)
        self.catalogue = catalogue
        self.as_of = as_of
        self.national = national
        self.skipped_rows = self.unreadable_files = 0
        self.counter = SummaryCounter(national=national)
        self._unread: list[Unreadable] = []  # named since the last result given

    def unreadable(self, source: str, line: int | None) -> None:
        """A row of ``source`` starting on ``line`` could not be read (not checked)."""
        self.skipped_rows += 1
        self._unread.append(UnreadableRow(source, line))

    def unreadable_file(self, unread: UnreadableFile) -> None:
        """A site file could not be read (not checked)."""
        self.unreadable_files += 1
        self._unread.append(unread)

    @property
    def results(self) -> Iterator[SiteResult]:
        """The results, each counted as it is read."""
        add = self.counter.add
        for result in self._results:
            add(result)
            yield result

    #: Results a batch of :meth:`batches` (the JSON writer's lines a write): as
    #: :data:`mfs_core.compliance.anct._BATCH`, small enough that a batch's results stay
    #: in the processor's caches from their count to their line.
    BATCH = 32

    def batches(self) -> Iterator[list[SiteResult]]:
        """The results (as :attr:`results`) in lists of at most :attr:`BATCH`, each counted
        before it is given: a writer that names no unreadable row in its place (JSON)
        runs the count over a batch, then its own work over it, each in turn in the
        processor's caches (issue 15). Unreadable rows are named ahead of the results
        that follow them in the batch: use :meth:`entries` for their place."""
        add, results, size = self.counter.add, self._results, self.BATCH
        while batch := list(itertools.islice(results, size)):
            collections.deque(map(add, batch), maxlen=0)  # each counted, in a C loop
            yield batch

    def entries(self) -> Iterator[SiteResult | Unreadable]:
        """The results (counted, as :attr:`results`) and the unreadable rows or files, in
        the order they came: those named while a result was read come before it. Read
        once, in the memory of one result."""
        unread = self._unread
        for result in self.results:
            if unread:
                yield from unread
                unread.clear()
            yield result
        yield from unread
        unread.clear()

    def summary(self) -> dict[str, Any]:
        """The summary of the results read so far (all of them once :attr:`results` is
        exhausted)."""
        return self.counter.summary(self.as_of, self.skipped_rows, self.unreadable_files)

    def has_active(self, severities: Sequence[Severity]) -> bool:
        """Whether any unsuppressed finding read so far has one of these severities."""
        return self.counter.has_active(severities)


@attrs.frozen(kw_only=True)
class Report:
    """What every output format renders. ``national`` adds the ANCT summary groupings;
    ``skipped_rows`` counts the list's rows that could not be read (named on standard error);
    ``unreadable`` names them (their file and line) for JUnit, SARIF and GitHub, and the
    site files that could not be read (:class:`UnreadableFile`, counted by
    :attr:`unreadable_files`).
    """

    results: tuple[SiteResult, ...]
    catalogue: tuple[Check, ...]
    as_of: dt.date
    national: bool = False
    skipped_rows: int = 0
    unreadable: tuple[Unreadable, ...] = ()

    def batches(self) -> Iterator[Sequence[SiteResult]]:
        """The results in slices of at most :attr:`ReportStream.BATCH`."""
        size = ReportStream.BATCH
        for start in range(0, len(self.results), size):
            yield self.results[start : start + size]

    def entries(self) -> Iterator[SiteResult | Unreadable]:
        """The results, then the unreadable rows and files (see :meth:`ReportStream.entries`)."""
        yield from self.results
        yield from self.unreadable

    @property
    def unreadable_files(self) -> int:
        """The site files that could not be read (:class:`UnreadableFile` in ``unreadable``)."""
        return sum(isinstance(entry, UnreadableFile) for entry in self.unreadable)

    @property
    def compliant(self) -> bool:
        """Every site is compliant."""
        return all(r.compliant for r in self.results)

    def has_active(self, severities: Sequence[Severity]) -> bool:
        """Whether any unsuppressed finding has one of these severities."""
        return any(f.level in severities for r in self.results for f in r.active)

    def summary(self) -> dict[str, Any]:
        """Counts for the whole run (the ``summary`` object of the JSON output).

        ``non_compliant`` counts every site not proven compliant; ``by_verdict`` splits
        the sites by the verdict the text output prints for each: ``compliant``
        (« conforme »), ``non_compliant`` (« NON CONFORME »: an active error finding) and
        ``undetermined`` (« indéterminé »: no active error, some check undecided), so
        ``non_compliant`` is the sum of the last two.
        ``hours_unknown`` counts the sites whose weekly hours are unknown (no hours
        published, unreadable hours): counted apart, never as closed. For site files,
        ``unreadable_files`` counts the files that could not be read (not checked, not in
        ``sites``; 0 when all were read). For the national
        list, the sites and their failing checks by département, région (COG 2024; ``COM``
        for the collectivités d'outre-mer, which have no région; ``?`` for a département code
        that cannot be placed) and format.
        """
        counter = SummaryCounter(national=self.national)
        for result in self.results:
            counter.add(result)
        return counter.summary(self.as_of, self.skipped_rows, self.unreadable_files)


def _count_group(
    groups: dict[str, dict[str, Any]], name: str, failing: tuple[str, ...], sites: int
) -> None:
    group = groups.get(name or "?")
    if group is None:
        group = groups[name or "?"] = {"sites": 0, "failing": {}}
    group["sites"] += sites
    counts: dict[str, int] = group["failing"]
    for check in failing:
        counts[check] = counts.get(check, 0) + sites


def _sorted_groups(groups: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        name: {"sites": group["sites"], "failing": dict(sorted(group["failing"].items()))}
        for name, group in sorted(groups.items())
    }
