"""The bundled example month (README's first command) is the founding month, in full."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import Counter
from pathlib import Path

import opening_hours
import pytest

from mfs_core.cli import main

from . import founding_month as june

EXAMPLE = Path(__file__).parents[2] / "examples" / "journal" / "saint-jean-de-luz-2023-06.jsonl"
SITE = Path(__file__).parents[2] / "examples" / "sites" / "saint-jean-de-luz.toml"


def test_the_example_file_is_the_generated_month() -> None:
    # Regenerate with: python -c "import sys; sys.path.insert(0, 'tests');
    #   from journal import founding_month as f; print(f.example_jsonl(), end='')" > FILE
    assert EXAMPLE.read_text(encoding="utf-8") == june.example_jsonl()


def test_the_example_month_happens_while_the_site_is_open() -> None:
    # Issue 12: at 0a25f1b, 110 of the 400 requests fell on a weekend at a site open Monday
    # to Friday, and appointments were "held" on Sundays. Each line is checked against the
    # site's own hours, read by opening-hours-py (not by the generator) with the French
    # public holidays (``PH off``).
    from mfs_core.timezone import PARIS

    osm = tomllib.loads(SITE.read_text(encoding="utf-8"))["hours"]["osm"]
    hours = opening_hours.OpeningHours(osm, country="FR", timezone=PARIS)
    lines = [json.loads(line) for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]
    weekend, closed, kinds = Counter[str](), Counter[str](), Counter[str]()
    for line in lines:
        kind = line.get("event", "request")
        at = dt.datetime.fromisoformat(line.get("received_at") or line["occurred_at"])
        at = at.astimezone(PARIS)
        kinds[kind] += 1
        weekend[kind] += at.weekday() >= 5
        closed[kind] += hours.is_closed(at)
    assert kinds["request"] == june.TOTAL
    assert kinds["appointment_held"] == june.APPOINTMENTS_HELD
    assert sum(weekend.values()) == 0, weekend
    assert sum(closed.values()) == 0, closed


def test_recording_the_example_twice_gives_the_known_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'journal.sqlite3'}"
    for _ in range(2):  # ids are idempotent: the second run adds nothing
        assert main(["journal", "add", str(EXAMPLE), "--journal", url]) == 0
    assert "0 demande enregistrée" in capsys.readouterr().err
    assert main(["report", "--month", "2023-06", "--format", "json", "--journal", url]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["total_requests"] == june.TOTAL
    assert report["first_contact_resolution_rate"] == pytest.approx(267 / 400)
    assert report["by_outcome"]["referral"] == june.OUTCOMES["referral"]


def test_the_text_report_names_partners_and_procedures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'journal.sqlite3'}"
    assert main(["journal", "add", str(EXAMPLE), "--journal", url]) == 0
    assert main(["report", "--month", "2023-06", "--journal", url]) == 0
    text = capsys.readouterr().out
    # A mayor reads names, not codes; JSON and CSV keep the codes.
    assert "Direction générale des Finances publiques (DGFiP)  " in text
    assert "Déclaration de revenus : déclaration annuelle  " in text
    assert "\n  dgfip " not in text


def test_every_recorded_decision_is_one_the_router_makes() -> None:
    # The README's main job shows the month "by routing decision": each decision must be one
    # the router gives for that request (a known procedure is never 'unknown', a free-text
    # need is never answered now, cnav.demande-retraite always needs an appointment).
    from mfs_core.registry import Registry
    from mfs_core.routing import Request, Router, SiteContext

    router = Router(Registry.load(external=False))
    for record in june.requests():
        if record.decision is None:
            continue
        if record.procedure is None:
            assert (record.decision, record.decision_rule) in {
                ("orientation", "core.local-service"),
                ("unknown", "core.unknown-need"),
            }, record.id
            continue
        busy = record.decision_rule == "core.busy-counter"
        facts = ("dispute",) if record.decision == "referral" else ()
        request = Request(
            procedure=record.procedure,
            channel=record.channel,
            wants_autonomy=False,
            facts=facts,
            received_at=record.received_at,
        )
        context = SiteContext(agents_on_duty=2, waiting=9 if busy else 0, now=record.received_at)
        decision = router.decide(request, context)
        got = (decision.kind.value, decision.rule, decision.target and decision.target.value)
        assert got == (record.decision, record.decision_rule, record.referral_target), record.id
