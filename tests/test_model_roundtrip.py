"""Every model survives a round trip through the shared converter and JSON."""

from __future__ import annotations

import datetime as dt
import json
import string
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.converter import structure, unstructure
from mfs_core.model import (
    KNOWN_FACTS,
    Channel,
    Check,
    Partner,
    PartnerKind,
    Procedure,
    ReferralRule,
    ReferralTarget,
    Severity,
    Verification,
)

slug = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=12).filter(
    lambda s: s[0] != "-"
)
code = st.text(string.ascii_lowercase, min_size=1, max_size=8)
text = st.text(min_size=0, max_size=40)
dates = st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))
words = st.lists(text, max_size=4).map(tuple)


@st.composite
def ids(draw: st.DrawFn) -> str:
    return f"{draw(code)}.{draw(slug)}"


partners = st.builds(
    Partner,
    code=code,
    name=text,
    kind=st.sampled_from(PartnerKind),
    domains=words,
    website=st.none() | text,
    reference=text,
)
procedures = st.builds(
    Procedure,
    id=ids(),
    partner=code,
    title=text,
    thematiques=words,
    fiche_id=st.none() | st.from_regex(r"\A[FNR][0-9]{1,6}\Z"),
    online_url=st.none() | text,
    channels=st.lists(st.sampled_from(Channel), max_size=3).map(tuple),
    documents=words,
    needs_appointment=st.booleans(),
    keywords=words,
    reference=text,
    verification=st.sampled_from(Verification),
    last_verified=dates,
)
rules = st.builds(
    ReferralRule,
    id=ids(),
    partner=code,
    target=st.sampled_from(ReferralTarget),
    reason=text,
    procedures=st.lists(ids(), max_size=3).map(tuple),
    when_facts=st.lists(st.sampled_from(sorted(KNOWN_FACTS)), max_size=3).map(tuple),
    documents=words,
    priority=st.integers(-1000, 1000),
    reference=text,
    last_verified=dates,
)
checks = st.builds(
    Check,
    id=ids(),
    title=text,
    severity=st.sampled_from(Severity),
    reference=text,
    remediation=text,
    last_verified=dates,
)


def round_trip(obj: Any) -> Any:
    data = json.loads(json.dumps(unstructure(obj)))
    data.pop("provenance")  # written out, never read back: the registry stamps it
    return structure(data, type(obj))


@settings(max_examples=60)
@given(st.one_of(partners, procedures, rules, checks))
def test_round_trip(obj: Any) -> None:
    assert round_trip(obj) == obj
    assert attrs.asdict(round_trip(obj)) == attrs.asdict(obj)
