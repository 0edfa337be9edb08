"""The desk page driven in a real headless Chromium (Playwright, with the Debian Chromium
``.ci/setup.d/30-chromium.sh`` installs), JavaScript *off*: type a need with the keyboard,
see the decision, open the take-home sheet, record the request, answer a clarifying
question. Skipped locally without Chromium, failed in CI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mfs_core.journal import open_journal
from mfs_test_support import require_service

from .live import AGENT, PSEUDONYM_SECRET, LiveServer

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "routing"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = require_service(
        "MFS_TEST_CHROMIUM", "no headless Chromium to drive the desk page", "/usr/bin/chromium"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


def test_type_a_need_see_the_decision_open_the_sheet_and_record(
    browser: Any, journal_server: LiveServer
) -> None:
    context = browser.new_context(
        java_script_enabled=False, http_credentials={"username": "agent", "password": AGENT}
    )
    page = context.new_page()
    page.goto(journal_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Accueil France services")
    need = page.get_by_label("Ce que dit l'usager")
    need.fill("j'ai perdu ma carte vitale")
    # Keyboard only: the channel radios (one stop), the two boxes, then the button.
    for _ in range(4):
        page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text() == "Trouver la démarche"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    heading = page.get_by_role("heading", name="Résultat : Réponse immédiate")
    assert heading.is_visible()
    assert page.get_by_text("Démarche : Carte Vitale").is_visible()
    assert page.locator("a[href^='https://assure.ameli.fr/']").count() >= 1  # official link
    # The need typed stays in the form, never in the address.
    assert "carte" not in page.url
    assert need.input_value() == "j'ai perdu ma carte vitale"

    with page.expect_navigation():
        page.get_by_role("link", name="Fiche à emporter").click()
    assert len(context.pages) == 1  # the sheet opens in place, no surprise window
    assert page.get_by_role("heading", level=1).inner_text() == "Carte Vitale"
    assert page.locator("img[alt^='Code QR vers https://assure.ameli.fr/']").count() == 1
    page.go_back()
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer la demande dans le journal").click()
    status = page.get_by_role("status")
    assert status.inner_text().startswith("Demande enregistrée dans le journal")
    record_id = page.url.split("enregistre=")[1]
    with open_journal(journal_server.journal_url, pseudonym_secret=PSEUDONYM_SECRET) as journal:
        stored = [r for r in journal.requests() if r.id == record_id]
    assert len(stored) == 1
    assert (stored[0].procedure, stored[0].decision, stored[0].note) == (
        "cnam.carte-vitale",
        "answer_now",
        None,  # the resident's words are never stored
    )
    context.close()


def test_a_clarifying_question_then_a_choice(browser: Any, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/")
    need = json.loads((EXAMPLES / "clarify.json").read_text("utf-8"))["need"]
    page.get_by_label("Ce que dit l'usager").fill(need)
    with page.expect_navigation():
        page.get_by_role("button", name="Trouver la démarche").click()
    assert page.get_by_role("heading", name="Résultat : Question à poser à l'usager").is_visible()
    assert page.get_by_role("heading", name="Question à poser", exact=True).is_visible()
    choices = page.locator("form button.secondary")
    assert choices.count() >= 2
    chosen = choices.first.inner_text()
    with page.expect_navigation():
        choices.first.click()
    assert page.get_by_text(f"Démarche : {chosen}").is_visible()
    assert page.get_by_role("button", name="Enregistrer la demande dans le journal").is_visible()
    context.close()


def test_empty_need_is_named_next_to_the_field(browser: Any, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/")
    page.get_by_label("Ce que dit l'usager").fill("   ")
    response_status = []
    page.on("response", lambda r: response_status.append(r.status))
    with page.expect_navigation():
        page.get_by_role("button", name="Trouver la démarche").click()
    assert 422 in response_status
    field = page.get_by_label("Ce que dit l'usager")
    assert field.get_attribute("aria-invalid") == "true"
    assert "need-error" in (field.get_attribute("aria-describedby") or "")
    assert page.locator("#need-error").inner_text() == "Erreur : Écrivez ce que dit l'usager."
    context.close()


def test_recording_without_the_token_is_refused(browser: Any, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/")
    page.get_by_label("Ce que dit l'usager").fill("j'ai perdu ma carte vitale")
    with page.expect_navigation():
        page.get_by_role("button", name="Trouver la démarche").click()
    with page.expect_response(lambda r: r.url.endswith("/desk/record")) as answer:
        page.get_by_role("button", name="Enregistrer la demande dans le journal").click()
    assert answer.value.status == 401
    assert answer.value.headers["www-authenticate"].startswith("Basic")
    context.close()


def test_focus_is_visible(browser: Any, server: LiveServer) -> None:
    page = browser.new_page()  # JavaScript on, only to read the computed style
    page.goto(server.url + "/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
    page.get_by_label("Ce que dit l'usager").focus()
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "[getComputedStyle(document.activeElement).outlineStyle,"
        " getComputedStyle(document.activeElement).outlineWidth]"
    )
    assert outline[0] == "solid"
    assert float(outline[1].removesuffix("px")) >= 2
    page.close()
