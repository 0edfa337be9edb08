"""Fuzzing every input path of ``mfs``: whatever the input, exit 0, 1 or 2 and no traceback.

Each test feeds Hypothesis-made input to one path, through ``main()`` in this process:
standard input and files of ``journal add`` and ``route``, the context of ``route``, site
files and the ANCT list of ``check``, ``mfs.toml``, and the dates, months, URLs and journal
URLs of the options. Inputs are valid documents with hostile fragments spliced in (bytes
that are not UTF-8, byte order marks, NUL, unpaired surrogate escapes, deep nesting, huge
numbers, quotes, separators, terminal escapes), or arbitrary bytes. Besides the exit code,
JSON and XML outputs must stay parseable and the journal must hold what ``journal add``
said it recorded.

Bounded in time: ``MFS_FUZZ_EXAMPLES`` examples per path (default 40; the suite's CI run
takes some 30 seconds for all). A failure prints the example and the seed to replay it
(``pytest --hypothesis-seed=N``).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sqlite3
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mfs_core.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("MFS_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

JOURNAL_SEED = b"".join(
    json.dumps(
        {
            "id": f"r{n}",
            "received_at": "2023-06-05T09:30:00+02:00",
            "procedure": "dgfip.declaration-revenus",
            "channel": "counter",
            "outcome": "referral",
            "note": "rappeler",
        }
    ).encode()
    + b"\n"
    for n in range(3)
)
ROUTE_SEED = (
    b'{"procedure": "dgfip.declaration-revenus", "channel": "counter", "wants_autonomy": false}\n'
    b'{"need": "colis alimentaire", "channel": "phone", "wants_autonomy": true}\n'
)
CONTEXT_SEED = b'{"agents_on_duty": 2, "waiting": 3, "now": "2026-11-27T10:00:00+01:00"}'
SITE_SEED = (ROOT / "examples" / "sites" / "petite-mairie.toml").read_bytes()
ANCT_SEED = b"\n".join(
    (ROOT / "examples" / "anct" / "anct-france-services-sample.csv").read_bytes().split(b"\n")[:4]
)
SETTINGS_SEED = b'plugins_strict = false\njournal_url = "sqlite:///j.sqlite3"\n'

FRAGMENTS = [
    b"\x00", b"\xff", b"\xe9", b"\xef\xbb\xbf", b"\\ud800", b"\\u0000", b'"', b"'", b"\n",
    b"\r", b"\t", b",", b";", b"=", b"[" * 300, b"]" * 3, b"{" * 300, b"}", b"NaN",
    b"1e999", b"9" * 5000, b"\x1b[2J", b"\x9b", "é\u202e".encode(), b"<img src=x>",
    b'"""', b"0001-01-01T00:00:00+14:00", b"9999-12-31", b"-", b"#", b"\\",
]  # fmt: skip


def spliced(seed: bytes) -> st.SearchStrategy[bytes]:
    """``seed`` with hostile fragments or random bytes spliced in, or arbitrary bytes."""
    edits = st.lists(
        st.tuples(
            st.floats(0, 1),
            st.sampled_from(FRAGMENTS) | st.binary(max_size=8),
            st.integers(0, 4),  # bytes of the seed replaced
        ),
        max_size=4,
    )

    def apply(changes: list[tuple[float, bytes, int]]) -> bytes:
        data = seed
        for where, fragment, dropped in changes:
            at = int(where * len(data))
            data = data[:at] + fragment + data[at + dropped :]
        return data

    return edits.map(apply) | st.binary(max_size=300)


@contextlib.contextmanager
def temp_file(name: str, data: bytes) -> Iterator[Path]:
    """``data`` in a file ``name`` of a fresh directory (one per example)."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / name
        path.write_bytes(data)
        yield path


@contextlib.contextmanager
def environment(**variables: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def mfs(args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """Run ``mfs`` in this process: its exit code, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="ascii")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as exc:  # argparse's own usage errors
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = saved
    assert code in (0, 1, 2), (code, err.getvalue()[-500:])
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in list(os.environ):
        if key.startswith("MFS_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", "fuzz-secret-0123456789")
    monkeypatch.chdir(tmp_path)


@FUZZ
@given(data=spliced(JOURNAL_SEED), from_file=st.booleans())
def test_journal_add(data: bytes, from_file: bool) -> None:
    with tempfile.TemporaryDirectory() as work:
        journal = Path(work) / "j.sqlite3"
        args = ["journal", "add", "--journal", f"sqlite:///{journal}"]
        if from_file:
            (Path(work) / "in.jsonl").write_bytes(data)
            args.append(str(Path(work) / "in.jsonl"))
        code, _, err = mfs(args, stdin=data)
        said = re.search(r"mfs: (\d+) record\(s\) recorded", err)
        if code in (0, 2) and said:
            with contextlib.closing(sqlite3.connect(journal)) as db:
                stored = db.execute("SELECT COUNT(*) FROM requests").fetchone()[0]
            assert stored == int(said[1])  # what is said recorded is there, and only that


@FUZZ
@given(data=spliced(ROUTE_SEED), fmt=st.sampled_from(["json", "jsonl", "text"]))
def test_route_requests(data: bytes, fmt: str) -> None:
    _, out, _ = mfs(["route", "--request", "-", "--format", fmt], stdin=data)
    if fmt == "json" and out:
        json.loads(out)
    if fmt == "jsonl":
        for line in out.splitlines():
            json.loads(line)


@FUZZ
@given(data=spliced(CONTEXT_SEED))
def test_route_context(data: bytes) -> None:
    with temp_file("ctx.json", data) as context:
        args = ["route", "--procedure", "dgfip.declaration-revenus", "--context", str(context)]
        code, out, _ = mfs([*args, "--format", "json"])
        if code == 0:
            json.loads(out)


FORMATS = st.sampled_from(["text", "json", "jsonl", "junit", "sarif", "github", "markdown"])


def check_output(fmt: str, out: str) -> None:
    if not out:
        return
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
    else:  # text for people: nothing in it acts on a terminal
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)


@FUZZ
@given(data=spliced(SITE_SEED), fmt=FORMATS)
def test_check_site_file(data: bytes, fmt: str) -> None:
    with temp_file("site.toml", data) as site:
        _, out, _ = mfs(["check", str(site), "--format", fmt, "--as-of", "2026-11-27"])
        check_output(fmt, out)


@FUZZ
@given(data=spliced(ANCT_SEED), fmt=FORMATS)
def test_check_anct_list(data: bytes, fmt: str) -> None:
    with temp_file("anct.csv", data) as anct:
        _, out, _ = mfs(["check", "--anct-csv", str(anct), "--format", fmt])
        check_output(fmt, out)


@FUZZ
@given(data=spliced(SETTINGS_SEED))
def test_settings_file(data: bytes) -> None:
    with temp_file("mfs.toml", data) as config, environment(MFS_CONFIG=str(config)):
        mfs(["plugins", "--format", "json"])


@FUZZ
@given(
    value=st.text(max_size=30)
    | st.from_regex(r"\A-?[0-9]{1,5}-[0-9]{1,2}(-[0-9]{1,2})?\Z")
    | st.sampled_from(["0000-01", "9999-12", "0001-01-01", "9999-12-31", "2024-02-29"]),
    option=st.sampled_from(
        [
            ["report", "--month"],
            ["journal", "export", "--since"],
            ["journal", "export", "--until"],
            ["journal", "purge", "--before"],
            ["check", str(ROOT / "examples" / "sites" / "petite-mairie.toml"), "--as-of"],
        ]
    ),
)
def test_dates_and_months(value: str, option: list[str]) -> None:
    if value.startswith("-"):
        value = " " + value  # a value, not an option
    with tempfile.TemporaryDirectory() as work:
        journal = ["--journal", f"sqlite:///{work}/j.sqlite3"] if option[0] != "check" else []
        mfs([*option, value, *journal])


@FUZZ
@given(
    url=st.text(max_size=60)
    | st.builds("https://{}{}".format, st.text(max_size=20), st.text(max_size=20))
)
def test_urls(url: str) -> None:
    if url.startswith("-"):
        url = " " + url
    mfs(["url", url, "--format", "json"])


@FUZZ
@given(
    url=st.text(max_size=60)
    | st.builds("sqlite:///{}".format, st.text(max_size=30))
    | st.builds(
        "postgresql://{}:{}@127.0.0.1:1/{}".format,
        st.text(max_size=10),
        st.text(max_size=10),
        st.text(max_size=10),
    )
)
def test_journal_urls(url: str) -> None:
    if url.startswith("-"):
        url = " " + url
    with tempfile.TemporaryDirectory() as work, contextlib.chdir(work):
        mfs(["report", "--month", "2023-06", "--journal", url])
