"""The ANCT national list of France services sites (data.gouv.fr, Licence Ouverte 2.0).

:func:`check_anct_csv` reads the CSV ("liste des structures France services": ``id_fs``,
``insee_dep``, ``lib_fs``, ``insee_com``, ``h_lundi`` ... ``h_samedi``, ``type_fs``,
``format_fs``, ``labellisation_fs``...) and checks each row on what the list can support:
weekly hours, opening days and the quality of the published hours. Every other check of the
catalogue is reported as *unknown* for every row (never as passed), so no row of the list is
ever "compliant": the list cannot prove it.

Each row is checked on its own hours: the list does not say whether the rows sharing a
``groupe_fs`` form one label unit, so they are not merged.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from mfs_core.compliance.context import CheckContext, Unit
from mfs_core.compliance.findings import SiteResult
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import INSEE_CODE_PATTERN, HoursScope, Site, SiteFormat
from mfs_core.errors import InputError
from mfs_core.hours import from_anct_days

__all__ = ["ANCT_CHECKS", "DAY_COLUMNS", "REQUIRED_COLUMNS", "check_anct_csv", "read_anct_rows"]

DAY_COLUMNS = ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi")
REQUIRED_COLUMNS = ("id_fs", "insee_dep", "lib_fs", "insee_com", *DAY_COLUMNS, "format_fs")
#: The checks the list's columns can decide.
ANCT_CHECKS = frozenset({"label.weekly-hours", "label.opening-days", "label.hours-quality"})

#: ``format_fs`` values of the list -> the site file's formats.
ANCT_FORMATS: dict[str, SiteFormat] = {
    "Fixe": SiteFormat.FIXED,
    "Fixe_antenne(s)": SiteFormat.ANTENNA,
    "Multisites": SiteFormat.MULTI_SITE,
    "Bus_équivalent": SiteFormat.MOBILE,
    "Itinérante": SiteFormat.MOBILE,
}
_PORTEUR_UNKNOWN = "(non renseigné dans la liste ANCT)"


def read_anct_rows(path: Path | str) -> list[dict[str, str]]:
    """The rows of the CSV as dicts; a missing column or an unreadable file is an InputError."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(
                    f"line 1: missing column(s) {', '.join(missing)}; expected the ANCT "
                    '"liste des structures France services" CSV',
                    source=str(path),
                )
            return list(reader)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=str(path)) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"not a UTF-8 CSV file: {exc}", source=str(path)) from None


def check_anct_csv(path: Path | str, runner: Runner) -> list[SiteResult]:
    """Check every row of the ANCT list; rows with unusable identity fields raise together."""
    rows = read_anct_rows(path)
    results: list[SiteResult] = []
    problems: list[str] = []
    source = str(path)
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        result = _check_row(row, runner, runner.as_of, source, number, problems)
        if result is not None:
            results.append(result)
    if problems:
        raise InputError(problems, source=source)
    return results


def _check_row(
    row: dict[str, str],
    runner: Runner,
    as_of: dt.date,
    source: str,
    number: int,
    problems: list[str],
) -> SiteResult | None:
    site_id, name, insee = row["id_fs"].strip(), row["lib_fs"].strip(), row["insee_com"].strip()
    raw_format = (row["format_fs"] or "").strip()
    site_format = ANCT_FORMATS.get(raw_format)
    if not (site_id and name and site_format and INSEE_CODE_PATTERN.match(insee)):
        problems.extend(_row_problems(number, site_id, name, insee, raw_format))
        return None
    schedule, anomalies = from_anct_days([row[c] or "" for c in DAY_COLUMNS])
    context = CheckContext(
        as_of=as_of,
        installed_partners=runner.installed_partners,
        hours_scope=HoursScope.EACH_LOCATION,
        units=(Unit(name=name, schedule=schedule),),
        structure=schedule,
        anomalies=anomalies,
    )
    site = Site(
        id=site_id,
        name=name,
        porteur=_PORTEUR_UNKNOWN,
        insee_code=insee,
        format=site_format,
        context=context,
    )
    return runner.run(
        site,
        context,
        source=source,
        only=ANCT_CHECKS,
        departement=(row["insee_dep"] or "").strip(),
        site_format=raw_format,
    )


def _row_problems(number: int, site_id: str, name: str, insee: str, raw_format: str) -> list[str]:
    return [
        f"line {number}: {column}: expected {what}, got {value!r}"
        for column, value, ok, what in (
            ("id_fs", site_id, bool(site_id), "a site id"),
            ("lib_fs", name, bool(name), "a site name"),
            ("insee_com", insee, bool(INSEE_CODE_PATTERN.match(insee)), "an INSEE code"),
            (
                "format_fs",
                raw_format,
                raw_format in ANCT_FORMATS,
                "one of " + ", ".join(ANCT_FORMATS),
            ),
        )
        if not ok
    ]
