"""The national report on DuckDB gives, for every site and month of a generated year, the
figures of that site's own ``mfs report``; and for the nation, each région and département,
the sums of their sites' figures. (Spark: ``test_spark.py``, in the tests_spark session.)"""

from __future__ import annotations

import attrs
import pytest

from mfs_core import geo
from mfs_core.national.engine_duckdb import national_reports
from mfs_core.national.indicators import NationalReport
from national.conftest import NationalYear
from national.expected import combine, per_site
from national.year import MONTHS, SITES


@pytest.fixture(scope="module")
def expected(national_year: NationalYear) -> dict[tuple[str, object], object]:
    return per_site(national_year.sites)


@pytest.fixture(scope="module")
def reports(national_year: NationalYear) -> list[NationalReport]:
    return national_reports([national_year.exports], MONTHS, site_breakdowns=True)


def test_every_site_and_month_matches_its_own_report(
    reports: list[NationalReport], expected: dict[tuple[str, object], object]
) -> None:
    assert [report.month for report in reports] == MONTHS
    compared = 0
    for report in reports:
        assert set(report.by_site) == {site.id for site in SITES}
        for site, figures in report.by_site.items():
            assert figures.to_json() == expected[(site, report.month)].to_json(), (  # type: ignore[attr-defined]
                site,
                report.month,
            )
            compared += 1
    assert compared == len(SITES) * 12


def test_groups_are_the_sums_of_their_sites(
    reports: list[NationalReport], expected: dict[tuple[str, object], object]
) -> None:
    places = {site.id: site.place for site in SITES}
    for report in reports:
        mine = {site: expected[(site, report.month)] for site in report.by_site}
        assert report.national == combine(list(mine.values()))  # type: ignore[arg-type]
        regions = {places[site].region for site in mine}
        departements = {places[site].departement for site in mine}
        assert set(report.by_region) == regions == {"75", "84", "94", "04"}
        assert set(report.by_departement) == departements == {"64", "01", "2A", "974"}
        for code, figures in report.by_region.items():
            members = [v for s, v in mine.items() if places[s].region == code]
            assert figures == combine(members)  # type: ignore[arg-type]
        for code, figures in report.by_departement.items():
            members = [v for s, v in mine.items() if places[s].departement == code]
            assert figures == combine(members)  # type: ignore[arg-type]
        assert report.by_departement["64"].sites == 2
        assert report.places == {
            site: (places[site].departement, places[site].region) for site in report.by_site
        }


def test_the_generated_year_exercises_every_indicator(reports: list[NationalReport]) -> None:
    """A parity test is only as good as its data: every count it compares is non-zero."""
    year = combine([report.national for report in reports])
    figures = year.to_json()
    for outcome in ("resolved_first_contact", "appointment", "referral", "orientation"):
        assert figures["by_outcome"][outcome] > 0
    assert figures["by_outcome"]["unresolved"] > 0
    assert min(figures["appointments"].values()) > 0
    assert min(figures["referrals"].values()) > 0  # accepted, refused, expired, pending
    assert figures["by_autonomy"]["_none"] > 0
    assert figures["autonomy"]["towards_autonomy"] > 0
    assert figures["by_decision"]["_none"] > 0
    assert figures["decisions"]["outcome_differs"] > 0
    assert len(figures["decisions"]["outcome_differs_by_decision"]) == 5
    assert figures["residents"]["distinct"] > 0
    assert figures["residents"]["repeat_visits"] > 0
    assert figures["by_partner"]["_none"] > 0
    assert figures["by_procedure"]["_none"] > 0
    assert len(figures["by_thematique"]) == 3  # two thematiques, and none
    assert len(figures["by_channel"]) == 6


def test_consolidated_dataset_gives_the_same_figures(
    national_year: NationalYear, reports: list[NationalReport]
) -> None:
    consolidated = national_reports([national_year.consolidated], MONTHS, site_breakdowns=True)
    assert [r.to_json() for r in consolidated] == [r.to_json() for r in reports]


def test_default_report_has_headline_figures_per_site(
    national_year: NationalYear, reports: list[NationalReport]
) -> None:
    [june] = national_reports([national_year.consolidated], [MONTHS[5]])
    full = reports[5]
    assert june.national == full.national
    assert june.by_region == full.by_region
    for site, figures in june.by_site.items():
        assert figures.by_partner is None
        assert "by_partner" not in figures.to_json()
        assert figures == attrs.evolve(
            full.by_site[site], by_partner=None, by_procedure=None, by_thematique=None,
            by_channel=None,
        )  # fmt: skip


def test_paris_months(national_year: NationalYear) -> None:
    """A request received at 23:30 UTC on 31 January is February's in Paris (00:30)."""
    import duckdb

    glob = str(national_year.exports / "site=ajaccio" / "*" / "*.parquet")
    rows = duckdb.sql(
        f"SELECT month, min(received_on) FROM read_parquet('{glob}', hive_partitioning = true, "
        "hive_types = {'site': 'VARCHAR', 'month': 'VARCHAR'}) GROUP BY month ORDER BY month"
    ).fetchall()
    # Each month starts with the request of the previous month's last evening (UTC), and
    # the one of 31 December makes a partition of January 2025.
    expected = [f"2024-{n:02d}" for n in range(1, 13)] + ["2025-01"]
    assert [(m, day.isoformat()[:7], day.day) for m, day in rows] == [(m, m, 1) for m in expected]
    assert geo.place("2A004").departement == "2A"
