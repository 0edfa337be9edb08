"""The HTML report: self-contained, and its charts really drawn by a headless browser."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from mfs_core.journal import Journal, open_journal
from mfs_core.report import Appointments, MonthlyReport, Referrals, build_report, to_html
from mfs_test_support import require_service

from . import founding_month as june


@pytest.fixture(scope="module")
def june_report(tmp_path_factory: pytest.TempPathFactory) -> MonthlyReport:
    # The browser check is about rendering: one backend is enough.
    path = tmp_path_factory.mktemp("report") / "journal.sqlite3"
    journal: Journal
    with open_journal(f"sqlite:///{path}", pseudonym_secret="x" * 16) as journal:
        records = june.requests()
        journal.record_many(records)
        journal.follow_up_many(june.events(records))
        return build_report(journal, dt.date(2023, 6, 1))


def test_page_loads_nothing_from_outside(june_report: MonthlyReport) -> None:
    page = to_html(june_report)
    assert "://" not in page  # no URL at all, hence no external resource
    assert not re.search(r"\b(src|href)\s*=", page)
    assert "url(" not in page
    assert "default-src 'none'" in page  # and the browser is told to load nothing


def test_page_shows_the_routing_decisions(june_report: MonthlyReport) -> None:
    page = to_html(june_report)
    assert "<h2>Décision du routage</h2>" in page
    assert '<rect class="bar" data-value="248"' in page  # answer_now
    assert "6,4\u00a0%</strong>suite différente de la décision du routage" in page


def test_page_names_thematiques_by_their_label(june_report: MonthlyReport) -> None:
    page = to_html(june_report)
    chart = page.split("<h2>Demandes par thématique</h2>", 1)[1].split("</svg>", 1)[0]
    assert ">Accompagnement aux démarches administratives</text>" in chart
    assert june.THEMATIQUE not in page


def test_page_escapes_free_text() -> None:
    report = MonthlyReport(
        month=dt.date(2023, 6, 1),
        total_requests=1,
        resolved_first_contact=0,
        by_partner={"<script>alert(1)</script>": 1},
        by_procedure={},
        by_thematique={},
        by_channel={},
        by_outcome={},
        by_autonomy={},
        appointments=Appointments(booked=0, held=0),
        referrals=Referrals(
            total=1, accepted=0, refused=1, expired=0, refusal_reasons={"<b>x</b>": 1}
        ),
        residents=0,
        repeat_visits=0,
    )
    page = to_html(report)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page


def test_charts_render_in_headless_chromium(june_report: MonthlyReport, tmp_path: Path) -> None:
    chromium = require_service(
        "MFS_TEST_CHROMIUM", "no headless Chromium to render the page", "/usr/bin/chromium"
    )
    page = tmp_path / "report.html"
    page.write_text(to_html(june_report), encoding="utf-8")
    profile = tmp_path / "profile"
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    check = re.search(r'<p id="render-check"[^>]*>', result.stdout)
    assert check, "the page's check script did not run"
    attributes = dict(re.findall(r'data-([a-z]+)="([^"]*)"', check.group()))
    # Bars: 5 partners, 2 thematiques (one and "not given"), 5 outcomes, 3 channels,
    # 4 referral statuses, 4 autonomy values, 6 routing decisions (5 kinds and "not recorded").
    assert attributes["bars"] == "29"
    assert attributes["expected"] == "29"
    assert attributes["drawn"] == "29"  # every bar has a real size on screen
    assert attributes["proportional"] == "true"  # and its length follows its value
