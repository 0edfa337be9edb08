"""Output encoders (mfs_core.output): outside text shows as written and never acts."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.output import (
    csv_text,
    hide_secrets,
    json_text,
    markdown_code,
    markdown_text,
    public_url,
    terminal_text,
    xml_text,
)

#: Characters that act on a terminal (cursor, screen, title, bidirectional text).
ACTIVE = "\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x9b\u2028\u2029\u202e\u2066"


def test_terminal_text_shows_control_characters_as_escapes() -> None:
    assert terminal_text("a\x1b[2Jb\u202ec\n\td") == "a\\x1b[2Jb\\u202ec\n\td"
    assert terminal_text("a\nb\tc", one_line=True) == "a\\x0ab\\x09c"
    assert terminal_text("Saint-Jean-de-Luz — « 35 h »") == "Saint-Jean-de-Luz — « 35 h »"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_active_character_survives_any_encoder(text: str) -> None:
    for encoded in (terminal_text(text), xml_text(text), markdown_text(text)):
        assert not set(encoded) & set(ACTIVE)
    assert not set(terminal_text(text, one_line=True)) & set(ACTIVE + "\n\t")


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8")))
def test_json_text_keeps_the_document(text: str) -> None:
    document = json.dumps({"name": text}, ensure_ascii=False)
    safe = json_text(document)
    assert json.loads(safe) == {"name": text}
    assert not set(safe) & set(ACTIVE)


def test_json_text_escapes_only_characters_isprintable_refuses() -> None:
    """json_text returns a printable document as is (str.isprintable, one C loop, before
    its search): sound only while every character it escapes is one isprintable refuses."""
    from mfs_core.output import _JSON

    escaped = re.compile(_JSON)
    every = [chr(code) for code in range(0x110000) if escaped.match(chr(code))]
    assert len(every) == 46  # \x7f-\x9f, U+200E-F, U+2028-9, U+202A-E, U+2066-9
    assert not any(character.isprintable() for character in every)
    for character in every:
        assert json_text(f'["a é {character}"]') == f'["a é \\u{ord(character):04x}"]'
    assert json_text('["a é « b » ’"]') == '["a é « b » ’"]'


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_xml_text_is_always_well_formed(text: str) -> None:
    element = ET.Element("testcase", name=xml_text(text))
    element.text = xml_text(text)
    ET.fromstring(ET.tostring(element, encoding="unicode").encode("utf-8"))


#: Tags a rendered table of escaped text may hold: the table's own.
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}


def rendered_cells(cell: str) -> tuple[set[str], int]:
    """Render a two-column table row holding ``cell`` as GitHub would (tables, autolinks):
    the HTML tags it produced, and its number of body cells."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("gfm-like").render(f"| a | b |\n| --- | --- |\n| {cell} | x |\n")
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    return tags, html.count("<td")


@pytest.mark.parametrize(
    "hostile",
    [
        "<img src=x onerror=alert(1)>",
        "[cliquez](https://evil.example)",
        "![image](https://evil.example/x.png)",
        "voir https://evil.example ou www.evil.example ou contact@evil.example",
        "a | b | c",
        "`code` **gras** _it_ ~~barré~~",
        "<https://evil.example>",
        "\\| a \\",
        "0.AL",  # a bare domain: markdown-it's linkify links it (found by hypothesis in CI)
        "¢.GL et mfs.gouv.fr/x",
    ],
)
def test_markdown_text_makes_no_markup(hostile: str) -> None:
    tags, cells = rendered_cells(markdown_text(hostile))
    assert tags <= TABLE_TAGS
    assert cells == 2
    tags, cells = rendered_cells(markdown_code(hostile))
    assert tags <= TABLE_TAGS | {"code"}
    assert cells == 2


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_any_escaped_text_stays_one_plain_cell(text: str) -> None:
    tags, cells = rendered_cells(markdown_text(text))
    assert tags <= TABLE_TAGS
    assert cells == 2


def test_markdown_text_keeps_ordinary_punctuation_readable() -> None:
    assert markdown_text("Saint-Jean-de-Luz (64) : 35,5 h.") == "Saint-Jean-de-Luz (64) : 35,5 h."


def test_markdown_code_cannot_be_closed_by_its_content() -> None:
    assert markdown_code("a`b|c") == "``a`b\\|c``"
    assert markdown_code("`x") == "`` `x ``"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_text_neutralises_formulas(start: str) -> None:
    assert csv_text(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"
    assert csv_text("refus : dossier incomplet") == "refus : dossier incomplet"


@pytest.mark.parametrize(
    ("message", "secret"),
    [
        ("host=db.example port=5432 password=s3cr3t user=mfs", "s3cr3t"),
        ("host=db password='two words' dbname=j", "two words"),
        ("sslpassword=k3y host=db", "k3y"),
        ("postgresql://mfs:p4ss@db.example:5432/j", "p4ss"),
        ("postgresql://mfs:p4ss@db.example:bad/j", "p4ss"),
        ("postgresql://db/j?user=mfs&password=p4ss&sslmode=require", "p4ss"),
        ("cannot connect (postgres://u:PW@h/d)", "PW"),
    ],
)
def test_passwords_are_hidden_in_every_form(message: str, secret: str) -> None:
    assert secret not in hide_secrets(message)
    assert secret not in public_url(message)
    assert "***" in hide_secrets(message)


def test_text_without_a_secret_is_unchanged() -> None:
    for text in ("sqlite:///j.sqlite3", "contact@example.org", "mot de passe oublié"):
        assert hide_secrets(text) == text
