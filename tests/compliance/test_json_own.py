"""A site's own part of its JSON line (``json_format._own``): an id and a name written
between quotes as they are when nothing in them needs an escape, exactly what the C
encoder and ``json_text`` make of them otherwise."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.compliance.formats import json_format
from mfs_core.output import json_text

#: Characters of names and ids: what the list writes, and what needs an escape (quotes,
#: backslashes, controls, DEL, C1, line and paragraph separators, bidirectional marks).
_CHARS = st.sampled_from(
    [
        *"abcXYZ019 -'()éèôçÉœ«»’",
        *('"', "\\", "\t", "\n", "\x00", "\x1f", "\x7f", "\x85", "\u00a0"),
        *("\u2028", "\u2029", "\u200e", "\u202e", "\u2066", "\ud800", "٣", "中"),
    ]
)
_TEXT = st.lists(_CHARS, max_size=12).map("".join)


def reference(site_id: str, name: str) -> str:
    """What the JSON writer wrote before: the C encoder, then ``json_text``."""
    string = json.encoder.encode_basestring
    return json_text(f'{{"id": {string(site_id)}, "name": {string(name)}, ')


#: Names as the list writes them, and names holding a character ``_own`` leaves to the encoder.
_CASES = [
    ("1042", "France services de Valserhône"),
    ("1042", 'Maison « France services » "Bourg"'),
    ("10\\42", "Valserhône"),
    ("1042", "ligne\u2028deux"),
    ("1042", "fin\x7f"),
    ("1042", "tab\there"),
]


@pytest.mark.parametrize(("site_id", "name"), _CASES)
def test_own_part_of_real_and_hostile_names(site_id: str, name: str) -> None:
    assert json_format._own(site_id, name) == reference(site_id, name)


@settings(max_examples=3000, deadline=None)
@given(site_id=_TEXT, name=_TEXT)
def test_own_part_is_what_the_encoder_and_json_text_write(site_id: str, name: str) -> None:
    assert json_format._own(site_id, name) == reference(site_id, name)
