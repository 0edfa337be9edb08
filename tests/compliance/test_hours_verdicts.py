"""Label verdicts that stay true on real-world hours (issue 11): the horizon, unknown hours,
implausible slots, and numbers and codes validated at the edges."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.compliance.anct import check_anct_csv
from mfs_core.compliance.findings import CheckStatus, SiteResult
from mfs_core.compliance.formats import render
from mfs_core.compliance.report import Report
from mfs_core.compliance.runner import Runner
from mfs_core.errors import InputError
from mfs_core.registry import Registry

from .sites import IDENTITY, make_site
from .test_anct_messy import sample_rows, write_list
from .test_formats import validate_json

AS_OF = dt.date(2026, 11, 29)


def check(registry: Registry, osm: str, as_of: dt.date = AS_OF, **parts: str) -> SiteResult:
    site = make_site(hours=f'[hours]\nosm = "{osm}"\n', **parts)
    return Runner(registry, as_of=as_of).check_site(site)


def messages(result: SiteResult, check_id: str) -> list[str]:
    return [f.message for f in result.findings if f.check == check_id]


def report_of(results: list[SiteResult], *, national: bool = False) -> Report:
    return Report(results=tuple(results), catalogue=(), as_of=AS_OF, national=national)


# --- the typical week and the horizon ----------------------------------------------------


def test_holiday_rule_on_weekdays_no_longer_fails_the_site(registry: Registry) -> None:
    result = check(registry, "Mo-Fr 09:00-17:00; PH Mo-Fr 10:00-12:00")
    assert result.weekly_hours == 40
    assert result.statuses["label.weekly-hours"] is CheckStatus.PASS
    assert result.compliant
    # The holiday rule is listed as a note, which does not fail its check.
    assert messages(result, "label.hours-exceptions") == [
        "jours fériés : « PH Mo-Fr 10:00-12:00 » (hors semaine type)"
    ]
    assert result.statuses["label.hours-exceptions"] is CheckStatus.PASS


def test_dated_closure_in_the_checked_week_passes_and_is_listed(registry: Registry) -> None:
    # Real La Poste string (Le Breuil), checked the day before its closure.
    osm = "Tu-Sa 07:00-12:30,15:00-19:00; Su 07:00-12:00; PH off; 2026 Jan 06-08 off"
    for as_of in (dt.date(2026, 1, 4), dt.date(2026, 1, 11)):
        result = check(registry, osm, as_of)
        assert (result.weekly_hours, result.opening_days) == (52.5, 6)
        assert result.statuses["label.opening-days"] is CheckStatus.PASS
    result = check(registry, osm, dt.date(2026, 1, 4))
    assert messages(result, "label.hours-exceptions") == [
        "fermé du 06/01/2026 au 08/01/2026 (hors semaine type)"
    ]


def test_alternating_weeks_are_judged_on_the_weakest(registry: Registry) -> None:
    # Real La Poste string: 20 h, and 24 h in even ISO weeks.
    result = check(registry, "Mo-Fr 08:00-12:00; week 02-53/2 Sa 08:00-12:00; PH off")
    assert (result.weekly_hours, result.opening_days) == (20, 5)
    assert messages(result, "label.weekly-hours") == [
        "ouvert 20 h par semaine, au moins 24 h sont requises (semaine du 30/11/2026, la plus "
        "faible ; 25 semaines conformes sur 52 dans les 52 semaines à venir)"
    ]
    assert result.statuses["label.opening-days"] is CheckStatus.PASS


def test_summer_weeks_fail_with_their_date(registry: Registry) -> None:
    result = check(registry, "Mo-Fr 09:00-12:00,14:00-17:00; Jul-Aug Mo-Fr 09:00-12:00")
    assert result.weekly_hours == 15
    assert messages(result, "label.weekly-hours") == [
        "ouvert 15 h par semaine, au moins 24 h sont requises (semaine du 05/07/2027, la plus "
        "faible ; 44 semaines conformes sur 52 dans les 52 semaines à venir)"
    ]


def test_annual_closure_weeks_are_listed_not_judged(registry: Registry) -> None:
    result = check(registry, "Mo-Fr 09:00-17:00; Aug off")
    assert messages(result, "label.hours-exceptions") == [
        "fermé du 02/08/2027 au 29/08/2027 (4 semaines entières, non comptées pour "
        "les règles d'ouverture)"
    ]
    assert result.statuses["label.weekly-hours"] is CheckStatus.PASS
    # The week of Monday 30 August is open from Wednesday 1 September only: 3 days.
    assert messages(result, "label.opening-days") == [
        "ouvert 3 jours par semaine (mercredi, jeudi, vendredi), au moins 5 sont requis "
        "(semaine du 30/08/2027, la plus faible ; 47 semaines conformes sur 48 dans les 52 "
        "semaines à venir)"
    ]


def test_staffing_follows_the_weeks(registry: Registry) -> None:
    # Agent b is present every week but not on the alternate Saturdays.
    presence = """
[[presence]]
agent = "a"
hours = { osm = "Mo-Fr 08:00-12:00; week 02-53/2 Sa 08:00-12:00" }
[[presence]]
agent = "b"
hours = { osm = "Mo-Fr 08:00-12:00" }
"""
    result = check(registry, "Mo-Fr 08:00-12:00; week 02-53/2 Sa 08:00-12:00", extra=presence)
    assert messages(result, "label.staffing") == [
        "moins de deux agents formés présents — semaine du 07/12/2026 (25 semaines sur 52) "
        "— samedi 08:00-12:00 : 1 agent"
    ]


# --- implausible hours -------------------------------------------------------------------


def test_extended_time_is_counted_with_a_quality_finding(registry: Registry) -> None:
    result = check(registry, "Mo 09:00-48:00")
    assert result.weekly_hours == 39
    assert [m.split(" : ", 1)[1] for m in messages(result, "label.hours-quality")] == [
        "un créneau passe minuit (lundi 09:00 → mercredi 00:00), invraisemblable pour un "
        "guichet (compté tel quel, à vérifier)",
        "un créneau dure 39 h 00, plus qu'une journée de travail (lundi 09:00 → mercredi "
        "00:00), invraisemblable pour un guichet (compté tel quel, à vérifier)",
    ]


def test_long_slot_of_a_table_is_counted_with_a_quality_finding(registry: Registry) -> None:
    hours = '[hours.table]\nlundi = ["07:00-21:00"]\nmardi = ["09:00-17:00"]\n'
    result = Runner(registry, as_of=AS_OF).check_site(make_site(hours=hours))
    assert result.weekly_hours == 22
    assert messages(result, "label.hours-quality") == [
        "lundi : créneau « 07:00-21:00 » de plus de 12 h, plus long qu'une journée de travail "
        "(compté tel quel, à vérifier)"
    ]


# --- unknown is not zero -----------------------------------------------------------------


def test_site_without_hours_is_unknown_not_closed(registry: Registry) -> None:
    result = Runner(registry, as_of=AS_OF).check_site(make_site(hours=""))
    for rule in ("label.weekly-hours", "label.opening-days", "label.staffing"):
        assert result.statuses[rule] is CheckStatus.UNKNOWN
    assert (result.weekly_hours, result.opening_days) == (None, None)
    assert messages(result, "label.hours-quality") == [
        "aucun horaire déclaré (ni hours, ni locations)"
    ]
    assert result.verdict == "indéterminé"
    text = render(report_of([result]), "text")
    assert "heures inconnues, jours inconnus" in text
    assert "0 h" not in text
    assert "| inconnu | inconnu |" in render(report_of([result]), "markdown")
    data = validate_json(report_of([result]))
    assert data["sites"][0]["weekly_hours"] is None
    assert data["summary"]["hours_unknown"] == 1


def anct_row_without_hours(tmp_path: Path) -> Path:
    # The Itinérante row of the real sample, with every day cell emptied (48 rows of the
    # 1 August 2024 list publish no hours at all).
    _, rows = sample_rows()
    empty = dict.fromkeys(("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi"), "")
    row = dict(next(r for r in rows if r["format_fs"] == "Itinérante"), h_samedi="", **empty)
    return write_list(tmp_path / "list.csv", [row, rows[0]])


def test_anct_row_without_hours_is_unknown_and_counted_apart(
    tmp_path: Path, runner: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    path = anct_row_without_hours(tmp_path)
    empty, full = check_anct_csv(path, runner)
    assert empty.statuses["label.weekly-hours"] is CheckStatus.UNKNOWN
    assert empty.statuses["label.opening-days"] is CheckStatus.UNKNOWN
    assert (empty.weekly_hours, empty.opening_days) == (None, None)
    assert not [f for f in empty.findings if f.level.value == "error"]
    assert messages(empty, "label.hours-quality") == [
        "aucun horaire publié dans la liste (heures inconnues, pas « fermé »)"
    ]
    assert full.weekly_hours == 28.5
    assert main(["check", "--as-of", "2026-11-27", "--anct-csv", str(path)]) == 0
    out = capsys.readouterr().out
    assert "indéterminé — heures inconnues, jours inconnus" in out
    assert "Sites aux horaires inconnus (aucun horaire publié ou horaires illisibles) : 1" in out
    data = json.loads(render(report_of([empty, full], national=True), "json"))
    assert data["summary"]["hours_unknown"] == 1
    assert data["summary"]["checks"]["label.weekly-hours"] == {
        "pass": 1,
        "fail": 0,
        "waived": 0,
        "unknown": 1,
    }


# --- numbers and codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        (
            "[equipment]\npublic_computers = -5\n",
            "equipment: public_computers: expected a count >= 0, got -5",
        ),
        (
            '[[agents]]\nid = "c"\ninitial_training = { completed_on = 2022-05-20, '
            'provider = "CNFPT", days = -3 }\n',
            "agents[2].initial_training: days: expected a finite number of days > 0, got -3.0",
        ),
        (
            '[[agents]]\nid = "c"\ninitial_training = { completed_on = 2022-05-20, '
            'provider = "CNFPT", days = nan }\n',
            "agents[2].initial_training: days: expected a finite number of days > 0, got nan",
        ),
        (
            '[[agents]]\nid = "c"\ninitial_training = { completed_on = 2022-05-20, '
            'provider = "CNFPT", days = inf }\n',
            "agents[2].initial_training: days: expected a finite number of days > 0, got inf",
        ),
    ],
)
def test_impossible_numbers_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, expected: str
) -> None:
    from .sites import AGENTS, EQUIPMENT, HOURS, NINE

    equipment = "" if toml.startswith("[equipment]") else EQUIPMENT
    text = "\n".join((IDENTITY, HOURS, AGENTS, NINE, equipment, toml))
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: {expected}" in err
    assert "Traceback" not in err


def test_insee_code_in_other_digits_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    arabic_indic = "\u0666\u0664\u0664\u0668\u0663"  # 64483 in Arabic-Indic digits
    path.write_text(
        IDENTITY.replace('"64483"', f'"{arabic_indic}"') + '[hours]\nosm = "Mo-Fr 09:00-17:00"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="insee_code: expected an INSEE commune code"):
        Runner(Registry.load(external=False), as_of=AS_OF).check_files([path])


def test_open_end_in_a_site_file_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "site.toml"
    path.write_text(IDENTITY + '[hours]\nosm = "Mo-Fr 14:00+"\n', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "hours: osm: opening_hours expression 'Mo-Fr 14:00+': open end (14:00+, closing " in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("insee_com", "\u0660\u0661\u0660\u0663\u0663", "insee_com: expected an INSEE code"),
        ("code_postal", "\uff10\uff11\uff12\uff10\uff10", "code_postal: expected a postcode"),
        ("insee_dep", "1", "insee_dep: expected a département code"),
        ("latitude", "nan", "latitude: expected a number of degrees from -90 to 90"),
        ("longitude", "inf", "longitude: expected a number of degrees from -180 to 180"),
        ("latitude", "91", "latitude: expected a number of degrees from -90 to 90"),
    ],
)
def test_anct_codes_and_numbers_are_checked(
    tmp_path: Path, runner: Runner, column: str, value: str, expected: str
) -> None:
    _, rows = sample_rows()
    path = write_list(tmp_path / "list.csv", [dict(rows[0], **{column: value}), rows[1]])
    skipped: list[str] = []
    results = check_anct_csv(path, runner, skipped=skipped)
    assert [r.id for r in results] == [rows[1]["id_fs"]]  # the good row is kept
    assert len(skipped) == 1
    assert f"{path}: line 2: {expected}" in skipped[0]
