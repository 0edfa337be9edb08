"""A reproducible attack campaign on every ``mfs`` command: hostile input, real subprocesses.

    .venv/bin/python scripts/attack.py [--seed 9] [--scale 1] [--jobs 2] [--src DIR]
                                       [--postgres-url URL] [--json FILE] [--show 3]

Each case runs ``python -m mfs_core.cli ...`` in a fresh directory with a hostile input:
broken or hostile JSON lines, site files and ANCT lists, dates at the edges of the calendar,
deeply nested documents, non-UTF-8 bytes, ``/dev/zero`` and directories as files, output to
``/dev/full``, a file-size limit hit in the middle of a journal write (a full disk), a
corrupted SQLite page, a journal locked by a writer, plugins that exit, interrupt, loop,
block or print (installed as real distributions), reports built while another process
writes. Every case is classified:

- ``ok``: exit 0 or 1 and the case's checks hold;
- ``clear error``: exit 2 with an ``mfs: error:`` line (or argparse's usage);
- ``traceback``: a Python traceback on standard error;
- ``bad exit``: another exit code, or exit 2 without a message;
- ``hang``: still running after the case's time limit (killed);
- ``lost``: a good input line that is not in the journal or in the output afterwards;
- ``wrong``: the output breaks its format or the contract (invalid JSON or XML, a raw
  terminal escape, a formula cell, a password echoed, an impossible figure, a journal created
  or emptied by a command that must not).

``--src DIR`` runs another checkout's ``src`` (e.g. ``git archive main``) with this venv, so
the same campaign gives before/after figures. ``--scale`` multiplies the number of random
cases per kind. PostgreSQL cases run when ``--postgres-url`` (default
``$MFS_TEST_POSTGRES_URL``) is given; each uses its own schema.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import contextlib
import dataclasses
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_PLUGIN = ROOT / "tests" / "fixtures" / "plugins" / "mfs_hostile.py"
SITES = ROOT / "examples" / "sites"
ANCT = ROOT / "examples" / "anct" / "anct-france-services-sample.csv"
SECRET = "attack-secret-0123456789"
TRACEBACK = "Traceback (most recent call last)"
OUTCOMES = ("ok", "clear error", "traceback", "bad exit", "hang", "lost", "wrong")
#: Terminal control characters that must never reach a terminal raw from data.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


@dataclasses.dataclass
class Run:
    """What a case's process did."""

    code: int | None
    out: bytes
    err: str
    seconds: float
    cwd: Path


Oracle = Callable[[Run], str | None]


@dataclasses.dataclass
class Case:
    kind: str
    name: str
    args: list[str]
    stdin: bytes | None = None
    files: dict[str, bytes] = dataclasses.field(default_factory=dict)
    env: dict[str, str] = dataclasses.field(default_factory=dict)
    timeout: float = 30.0
    #: Returns ("lost"|"wrong", why) or None; run after the process ended.
    check: Callable[[Run], tuple[str, str] | None] | None = None
    setup: Callable[[Path], None] | None = None
    stdout_path: str | None = None  # e.g. /dev/full
    limit_file_size: int | None = None  # RLIMIT_FSIZE, bytes: a disk that fills up
    background: Callable[[Path], Callable[[], None]] | None = None  # start; returns stop
    command: list[str] | None = None  # another program than `mfs` (e.g. a Python script)


@dataclasses.dataclass
class Outcome:
    kind: str
    name: str
    outcome: str
    detail: str


# -- the process ----------------------------------------------------------------------------
class Env:
    """How to run ``mfs``: interpreter, optional src override, plugin site, PostgreSQL."""

    def __init__(self, src: Path | None, postgres_url: str | None, work: Path) -> None:
        self.src = src
        self.postgres_url = postgres_url
        self.work = work
        self.plugin_site = work / "hostile-site"
        self.no_psycopg = work / "no-psycopg"
        self._install_hostile_plugin()
        self.no_psycopg.mkdir()
        # Shadows psycopg as if the 'postgres' extra were not installed.
        (self.no_psycopg / "psycopg.py").write_text(
            "raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n"
        )

    def _install_hostile_plugin(self) -> None:
        self.plugin_site.mkdir()
        shutil.copy(HOSTILE_PLUGIN, self.plugin_site / "mfs_hostile.py")
        dist = self.plugin_site / "mfs_hostile-1.0.dist-info"
        dist.mkdir()
        (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: mfs-hostile\nVersion: 1.0\n")
        (dist / "entry_points.txt").write_text("[mfs_core.plugins]\nhostile = mfs_hostile\n")

    def environ(self, extra: dict[str, str]) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MFS_", "PYTHON"))}
        env["MFS_PSEUDONYM_SECRET"] = SECRET
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        paths = [str(self.src)] if self.src else []
        extra = dict(extra)
        if extra.pop("_PLUGINS", None):
            paths.append(str(self.plugin_site))
        if extra.pop("_NO_PSYCOPG", None):
            paths.insert(0, str(self.no_psycopg))
        if paths:
            env["PYTHONPATH"] = os.pathsep.join(paths)
        env.update(extra)
        return env


def run_case(env: Env, case: Case) -> Outcome:
    cwd = Path(tempfile.mkdtemp(prefix="case-", dir=env.work))
    for name, data in case.files.items():
        (cwd / name).parent.mkdir(parents=True, exist_ok=True)
        (cwd / name).write_bytes(data)
    if case.setup:
        case.setup(cwd)
    stop = case.background(cwd) if case.background else None
    command = [
        *(case.command or [sys.executable, "-m", "mfs_core.cli"]),
        *(a.replace("{cwd}", str(cwd)) for a in case.args),
    ]

    def limits() -> None:
        os.setsid()
        if case.limit_file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (case.limit_file_size,) * 2)

    stdout: int | io.BufferedWriter = subprocess.PIPE
    if case.stdout_path:
        stdout = open(case.stdout_path, "wb")  # noqa: SIM115 - closed below
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env.environ({k: v.replace("{cwd}", str(cwd)) for k, v in case.env.items()}),
        stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        preexec_fn=limits,
    )
    try:
        out, err = process.communicate(case.stdin, timeout=case.timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        code = None
    finally:
        if stop:
            stop()
        if case.stdout_path and not isinstance(stdout, int):
            stdout.close()
    run = Run(code, out or b"", err.decode("utf-8", "replace"), time.monotonic() - start, cwd)
    outcome, detail = classify(case, run)
    shutil.rmtree(cwd, ignore_errors=True)
    return Outcome(case.kind, case.name, outcome, detail)


def classify(case: Case, run: Run) -> tuple[str, str]:
    if run.code is None:
        return "hang", f"killed after {case.timeout:g} s"
    if TRACEBACK in run.err:
        last = [line for line in run.err.strip().splitlines() if line.strip()][-1:]
        return "traceback", last[0][:200] if last else ""
    if run.code not in (0, 1, 2):
        return "bad exit", f"exit {run.code}: {run.err.strip()[-200:]}"
    if run.code == 2 and "error" not in run.err:
        return "bad exit", "exit 2 without a message"
    if case.check:
        try:
            problem = case.check(run)
        except Exception as exc:  # an oracle that cannot read the result is a finding too
            problem = ("wrong", f"oracle failed: {type(exc).__name__}: {exc}")
        if problem:
            return problem
    return ("clear error" if run.code == 2 else "ok"), ""


# -- oracles --------------------------------------------------------------------------------
def all_of(
    *checks: Callable[[Run], tuple[str, str] | None] | None,
) -> Callable[[Run], tuple[str, str] | None]:
    def check(run: Run) -> tuple[str, str] | None:
        for one in checks:
            if one is not None and (problem := one(run)):
                return problem
        return None

    return check


def json_output(run: Run) -> tuple[str, str] | None:
    if run.code == 2 and not run.out.strip():
        return None
    try:
        json.loads(run.out.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return "wrong", f"stdout is not one JSON document ({exc})"[:200]
    return None


def jsonl_output(run: Run) -> tuple[str, str] | None:
    for line in run.out.decode("utf-8", "replace").splitlines():
        try:
            json.loads(line)
        except ValueError:
            return "wrong", f"stdout line is not JSON: {line[:80]!r}"
    return None


def xml_output(run: Run) -> tuple[str, str] | None:
    if run.code == 2 and not run.out.strip():
        return None
    try:
        ET.fromstring(run.out)
    except ET.ParseError as exc:
        return "wrong", f"JUnit output is not well-formed XML ({exc})"
    return None


def no_raw_control(run: Run) -> tuple[str, str] | None:
    text = run.out.decode("utf-8", "replace") + run.err
    found = RAW_CONTROL.search(text.replace("\r\n", "\n"))
    if found:
        return "wrong", f"raw control character {found.group()!r} printed"
    return None


def markdown_inert(run: Run) -> tuple[str, str] | None:
    """Rendered as GitHub would (tables, autolinks): no tag but the table's and the code
    spans', and every table row as many cells as the header's."""
    if run.code == 2 and not run.out.strip():
        return None
    from markdown_it import MarkdownIt  # the test extra: markdown-it-py[linkify]

    html = MarkdownIt("gfm-like").render(run.out.decode("utf-8", "replace"))
    tags = set(re.findall(r"<([a-z0-9]+)", html)) - {
        "h1",
        "h2",
        "p",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "code",
    }
    if tags:
        return "wrong", f"Markdown output renders tags from data: {sorted(tags)}"
    for table in re.findall(r"<table>.*?</table>", html, re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        widths = {row.count("<th") + row.count("<td") for row in rows}
        if len(widths) > 1:
            return "wrong", "a table row of the Markdown output has cells of its own"
    return None


def no_secret(secret: str) -> Callable[[Run], tuple[str, str] | None]:
    def check(run: Run) -> tuple[str, str] | None:
        if secret in run.err or secret.encode() in run.out:
            return "wrong", "a password is echoed in a message"
        return None

    return check


def must_fail(run: Run) -> tuple[str, str] | None:
    if run.code != 2:
        return "wrong", f"accepted (exit {run.code}) where an input error was expected"
    return None


def no_file(name: str) -> Callable[[Run], tuple[str, str] | None]:
    def check(run: Run) -> tuple[str, str] | None:
        if (run.cwd / name).exists():
            return "wrong", f"{name} created by a command that only reads"
        return None

    return check


def ids_in_sqlite(path: Path) -> set[str]:
    if not path.exists():
        return set()
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        try:
            return {row[0] for row in db.execute("SELECT id FROM requests")}
        except sqlite3.Error:
            return set()


def recorded_count(err: str) -> int | None:
    """The requests the French summary says were recorded (``1 234 demandes enregistrées``,
    groups of digits split by narrow no-break spaces)."""
    found = re.search(r"(\d[\d\u202f]*) demandes? enregistrées?", err)
    return int(found[1].replace("\u202f", "")) if found else None


def journal_kept(
    good: set[str], bad_lines: list[int], ids: Callable[[Run], set[str]]
) -> Callable[[Run], tuple[str, str] | None]:
    """Every good id stored, every bad line named, the summary true."""

    def check(run: Run) -> tuple[str, str] | None:
        stored = ids(run)
        missing = good - stored
        if missing:
            return "lost", f"{len(missing)} of {len(good)} good line(s) not recorded"
        unnamed = [n for n in bad_lines if not re.search(rf":{n}: ", run.err)]
        if unnamed:
            return "wrong", f"bad line(s) {unnamed[:3]} not named"
        said = recorded_count(run.err)
        if said is not None and said != len(stored & good) and said != len(stored):
            return "wrong", f"summary says {said} recorded, the journal holds {len(stored)}"
        if bad_lines and run.code != 2:
            return "wrong", f"exit {run.code} although lines were bad"
        return None

    return check


# -- inputs ---------------------------------------------------------------------------------
def request_line(id_: str, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": id_,
        "received_at": "2023-06-05T09:30:00+02:00",
        "procedure": "dgfip.declaration-revenus",
        "channel": "counter",
        "outcome": "referral",
        "note": "rappeler la semaine prochaine",
    }
    data.update(changes)
    return data


def dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")


DEEP = b"[" * 100_000 + b"]" * 100_000
#: Hostile journal lines: (name, bytes of the line, must it be refused?)
JOURNAL_HOSTILE: list[tuple[str, Callable[[str], bytes], bool]] = [
    ("lone surrogate in note", lambda i: dumps(request_line(i, note="x \ud800 y")), True),
    ("NUL in note", lambda i: dumps(request_line(i, note="a\u0000b")), True),
    (
        "year 1 at +14:00",
        lambda i: dumps(request_line(i, received_at="0001-01-01T00:00:00+14:00")),
        True,
    ),
    (
        "year 9999 at -14:00",
        lambda i: dumps(request_line(i, received_at="9999-12-31T23:59:59-14:00")),
        True,
    ),
    ("resident of spaces", lambda i: dumps(request_line(i, resident="   ")), True),
    (
        "raw non-UTF-8 byte",
        lambda i: dumps(request_line(i)).replace(b"rappeler", b"rappel\xe9r"),
        True,
    ),
    ("deep nesting", lambda i: DEEP, True),
    (
        "deep nesting in note",
        lambda i: dumps(request_line(i, note=None))[:-1] + b', "x": ' + DEEP + b"}",
        True,
    ),
    ("huge integer", lambda i: dumps(request_line(i))[:-1] + b', "n": ' + b"9" * 5000 + b"}", True),
    ("NaN", lambda i: dumps(request_line(i))[:-1] + b', "n": NaN}', True),
    ("not JSON", lambda i: b"{not json", True),
    ("array line", lambda i: b"[1, 2]", True),
    (
        "control characters in note",
        lambda i: dumps(request_line(i, note="\x1b[31mrouge\x07")),
        False,
    ),
    ("bidi override in note", lambda i: dumps(request_line(i, note="abc\u202edef")), False),
    ("long note", lambda i: dumps(request_line(i, note="x" * 5000)), True),
    ("10 MB line", lambda i: dumps(request_line(i, note="y" * 10_000_000)), True),
    ("wrong type", lambda i: dumps(request_line(i, channel=12)), True),
    (
        "event before request",
        lambda i: dumps(
            {
                "id": i,
                "event": "referral_accepted",
                "request_id": "nope",
                "occurred_at": "2023-06-06T10:00:00+02:00",
            }
        ),
        True,
    ),
    ("NUL bytes", lambda i: b"\x00" * 100, True),
    ("CR only line ends", lambda i: dumps(request_line(i)) + b"\r", False),
]


def journal_cases(rng: random.Random, count: int, backend: str, env: Env) -> Iterator[Case]:
    for n in range(count):
        name, make, bad = rng.choice(JOURNAL_HOSTILE)
        good_count = rng.randint(1, 40)
        position = rng.randint(0, good_count)
        lines: list[bytes] = []
        good: set[str] = set()
        bad_lines: list[int] = []
        for index in range(good_count + 1):
            if index == position:
                lines.append(make(f"bad-{n}"))
                if bad:
                    bad_lines.append(index + 1)
            else:
                id_ = f"good-{n}-{index}"
                lines.append(dumps(request_line(id_)))
                good.add(id_)
        if not bad:
            good.add(f"bad-{n}")
        data = b"\n".join(lines) + b"\n"
        bom = rng.random() < 0.2
        if bom:
            data = b"\xef\xbb\xbf" + data
        yield journal_case(
            f"{name}{' + BOM' if bom else ''}", data, good, bad_lines, backend, env, rng
        )
    # The issue's case: 1,500 good lines, then one bad date.
    lines = [dumps(request_line(f"big-{i}")) for i in range(1500)]
    lines.append(dumps(request_line("big-bad", received_at="0001-01-01T00:00:00+14:00")))
    good = {f"big-{i}" for i in range(1500)}
    yield journal_case(
        "1,500 good lines then a bad date", b"\n".join(lines), good, [1501], backend, env, rng
    )


def journal_case(
    name: str,
    data: bytes,
    good: set[str],
    bad_lines: list[int],
    backend: str,
    env: Env,
    rng: random.Random,
) -> Case:
    if backend == "postgres":
        url, ids = postgres_journal(env)
    else:
        url, ids = "sqlite:///{cwd}/j.sqlite3", lambda run: ids_in_sqlite(run.cwd / "j.sqlite3")
    from_file = rng.random() < 0.3
    args = ["journal", "add", "--journal", url]
    if from_file:
        args.append("in.jsonl")
    return Case(
        kind=f"journal add ({backend})",
        name=name,
        args=args,
        stdin=None if from_file else data,
        files={"in.jsonl": data} if from_file else {},
        check=journal_kept(good, bad_lines, ids),
        timeout=60,
    )


def postgres_journal(env: Env) -> tuple[str, Callable[[Run], set[str]]]:
    """A fresh schema's URL, and the ids stored there (read once, then the schema dropped)."""
    import psycopg

    url, schema, cleanup = postgres_schema(env)

    def ids(run: Run) -> set[str]:
        with psycopg.connect(env.postgres_url, autocommit=True) as admin:
            try:
                rows = admin.execute(f"SELECT id FROM {schema}.requests").fetchall()
            except psycopg.Error:
                rows = []
        cleanup()
        return {row[0] for row in rows}

    return url, ids


ROUTE_GOOD = {
    "procedure": "dgfip.declaration-revenus",
    "channel": "counter",
    "wants_autonomy": False,
}
ROUTE_HOSTILE: list[tuple[str, Callable[[], bytes]]] = [
    (
        "lone surrogate in need",
        lambda: dumps({"need": "impôts \ud800", "channel": "counter", "wants_autonomy": False}),
    ),
    (
        "unknown procedure with escapes",
        lambda: dumps({**ROUTE_GOOD, "procedure": "dgfip.x\u001b[2J"}),
    ),
    (
        "need with terminal escape",
        lambda: dumps(
            {"need": "\x1b]0;pwned\x07 impots", "channel": "counter", "wants_autonomy": False}
        ),
    ),
    ("deep nesting", lambda: DEEP),
    ("non-UTF-8 byte", lambda: dumps({**ROUTE_GOOD, "need": "caf"}).replace(b"caf", b"caf\xff")),
    ("huge integer", lambda: dumps(ROUTE_GOOD)[:-1] + b', "x": ' + b"1" * 5000 + b"}"),
    ("date at the edge", lambda: dumps({**ROUTE_GOOD, "received_at": "0001-01-01T00:00:00+14:00"})),
    (
        "date at the far edge",
        lambda: dumps({**ROUTE_GOOD, "received_at": "9999-12-31T23:59:59-14:00"}),
    ),
    (
        "10 MB need",
        lambda: dumps({"need": "z" * 10_000_000, "channel": "counter", "wants_autonomy": False}),
    ),
    ("null", lambda: b"null"),
    ("NUL bytes", lambda: b"\x00\x00"),
]


def route_cases(rng: random.Random, count: int) -> Iterator[Case]:
    for _ in range(count):
        name, make = rng.choice(ROUTE_HOSTILE)
        good_count = rng.randint(1, 8)
        lines = [dumps(ROUTE_GOOD) for _ in range(good_count)]
        lines.insert(rng.randint(0, good_count), make())
        data = b"\n".join(lines) + b"\n"
        if rng.random() < 0.2:
            data = b"\xef\xbb\xbf" + data
        fmt = rng.choice(("json", "jsonl", "text"))
        checks = {"json": json_output, "jsonl": jsonl_output, "text": no_raw_control}
        yield Case(
            kind="route",
            name=f"{name} ({fmt})",
            args=["route", "--request", "-", "--format", fmt],
            stdin=data,
            check=all_of(checks[fmt], decisions_kept(good_count, fmt)),
        )
    for name, data in CONTEXT_HOSTILE:
        yield Case(
            kind="route",
            name=f"context: {name}",
            args=["route", "--procedure", "dgfip.declaration-revenus", "--context", "ctx.json"],
            files={"ctx.json": data} if data is not None else {},
            setup=context_setup(name),
            timeout=20,
        )
    yield Case(
        kind="route",
        name="BOM on a single request",
        args=["route", "--request", "r.json"],
        files={"r.json": b"\xef\xbb\xbf" + dumps(ROUTE_GOOD)},
        check=lambda run: None if run.code == 0 else ("wrong", "a BOM is refused"),
    )


def decisions_kept(good: int, fmt: str) -> Callable[[Run], tuple[str, str] | None]:
    def check(run: Run) -> tuple[str, str] | None:
        text = run.out.decode("utf-8", "replace")
        if fmt == "jsonl":
            found = len(text.splitlines())
        elif fmt == "json":
            try:
                data = json.loads(text)
            except ValueError:
                return None  # reported by json_output
            found = len(data) if isinstance(data, list) else 1
        else:
            found = max(text.count("— <stdin>, ligne"), 1 if text.strip() else 0)
        if found < good:
            return "lost", f"{good - found} of {good} good request(s) not decided"
        return None

    return check


CONTEXT_HOSTILE: list[tuple[str, bytes | None]] = [
    ("deep nesting", b'{"a": ' + DEEP + b"}"),
    ("BOM", b"\xef\xbb\xbf" + dumps({"agents_on_duty": 2, "waiting": 0})),
    ("non-UTF-8", b'{"agents_on_duty": 2, "w\xe9": 0}'),
    ("/dev/zero", None),
    ("directory", None),
    ("50 MB of spaces", b" " * 50_000_000 + b"{}"),
]


def context_setup(name: str) -> Callable[[Path], None] | None:
    if name == "/dev/zero":
        return lambda cwd: os.symlink("/dev/zero", cwd / "ctx.json")
    if name == "directory":
        return lambda cwd: (cwd / "ctx.json").mkdir()
    return None


# -- compliance -------------------------------------------------------------------------------
SITE = (SITES / "saint-jean-de-luz.toml").read_bytes()
INJECTIONS = [
    ("terminal escape", "\x1b[2J\x1b]0;pwned\x07"),
    ("C1 control", "\x9b31m"),
    ("raw HTML", "<img src=x onerror=alert(1)>"),
    ("Markdown link", "[cliquez](https://evil.example)"),
    ("backticks", "``` `code` ```"),
    ("XML-invalid character", "\x01\x0b\ufffe"),
    ("formula", '=HYPERLINK("https://evil.example")'),
    ("bidi override", "abc\u202edef"),
]
FORMATS = ("text", "json", "junit", "sarif", "github", "markdown")


def toml_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a TOML basic string for these characters


def site_with_name(name: str) -> bytes:
    text = SITE.decode("utf-8")
    return re.sub(
        r'(?m)^name = ".*"$', lambda _m: f"name = {toml_string(name)}", text, count=1
    ).encode()


def format_check(fmt: str, marker: str) -> Callable[[Run], tuple[str, str] | None]:
    if fmt in ("json", "sarif"):
        return json_output
    if fmt == "junit":
        return xml_output
    if fmt == "markdown":
        return all_of(no_raw_control, markdown_inert)
    return no_raw_control


def check_cases(rng: random.Random, count: int) -> Iterator[Case]:
    for _ in range(count):
        name, value = rng.choice(INJECTIONS)
        fmt = rng.choice(FORMATS)
        yield Case(
            kind="check (site file)",
            name=f"{name} in the site name ({fmt})",
            args=["check", "site.toml", "--format", fmt, "--as-of", "2026-11-27"],
            files={"site.toml": site_with_name(f"Site {value} fin")},
            check=format_check(fmt, value),
        )
    for name, data, setup in (
        ("deep nesting", SITE + b"\nx = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", None),
        (
            "deep inline tables",
            SITE + b"\ny = " + b"{a=" * 50_000 + b"1" + b"}" * 50_000 + b"\n",
            None,
        ),
        ("non-UTF-8", SITE.replace(b"Luz", b"Lu\xff"), None),
        ("BOM", b"\xef\xbb\xbf" + SITE, None),
        ("NUL bytes", SITE + b"\x00\x00", None),
        ("/dev/zero", None, lambda cwd: os.symlink("/dev/zero", cwd / "site.toml")),
        ("directory", None, lambda cwd: (cwd / "site.toml").mkdir()),
        ("100 MB comment", SITE + b"#" + b"x" * 100_000_000 + b"\n", None),
    ):
        for fmt in ("text", "junit"):
            yield Case(
                kind="check (site file)",
                name=f"{name} ({fmt})",
                args=["check", "site.toml", "--format", fmt],
                files={"site.toml": data} if data is not None else {},
                setup=setup,
                check=format_check(fmt, ""),
                timeout=30,
            )
    for as_of in ("9999-12-31", "0001-01-01", "2026-02-29", "9998-12-31", "1900-01-01"):
        yield Case(
            kind="check (site file)",
            name=f"--as-of {as_of}",
            args=["check", "site.toml", "--as-of", as_of],
            files={"site.toml": SITE},
        )


ANCT_BYTES = ANCT.read_bytes()


def anct_variant(rng: random.Random) -> tuple[str, bytes, bool]:
    """(name, file, must it be refused or rows skipped?)"""
    text = ANCT_BYTES.decode("utf-8")
    header, _, rest = text.partition("\n")
    choice = rng.randrange(9)
    if choice == 0:
        return (
            "duplicate header",
            (header.replace('"lib_com"', '"lib_fs"') + "\n" + rest).encode(),
            True,
        )
    if choice == 1:
        return (
            "unterminated quote",
            (text.rstrip("\n") + '\n"99","01","Site sans fin\n').encode(),
            True,
        )
    if choice == 2:
        _, value = rng.choice(INJECTIONS)
        return (
            f"control characters in lib_fs ({value[:6]!r})",
            text.replace("France services de Valserhône", f"France services {value}", 1).encode(),
            False,
        )
    if choice == 3:
        return "NUL byte", text.replace("Valserhône", "Valser\x00hône", 1).encode(), True
    if choice == 4:
        return "BOM", b"\xef\xbb\xbf" + ANCT_BYTES, False
    if choice == 5:
        return "huge field", text.replace("Valserhône", "V" * 2_000_000, 1).encode(), True
    if choice == 6:
        return (
            "non-UTF-8 byte",
            ANCT_BYTES.replace("Valserhône".encode(), b"Valserh\xf4ne", 1),
            True,
        )
    if choice == 7:
        cut = rng.randrange(len(ANCT_BYTES))
        return "truncated", ANCT_BYTES[:cut], False
    return (
        "formula in lib_fs",
        text.replace("France services de Valserhône", "=1+1", 1).encode(),
        False,
    )


def anct_cases(rng: random.Random, count: int) -> Iterator[Case]:
    for _ in range(count):
        name, data, refused = anct_variant(rng)
        fmt = rng.choice(FORMATS)
        yield Case(
            kind="check --anct-csv",
            name=f"{name} ({fmt})",
            args=["check", "--anct-csv", "anct.csv", "--format", fmt, "--as-of", "2026-11-27"],
            files={"anct.csv": data},
            check=all_of(format_check(fmt, ""), must_fail if refused else None),
        )
    yield Case(
        kind="check --anct-csv",
        name="/dev/zero",
        args=["check", "--anct-csv", "/dev/zero"],
        timeout=30,
    )


# -- journal reading, dates, settings ------------------------------------------------------
EXAMPLE_JOURNAL = (ROOT / "examples" / "journal" / "saint-jean-de-luz-2023-06.jsonl").read_bytes()


def with_journal(cwd: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mfs_core.cli",
            "journal",
            "add",
            "--journal",
            f"sqlite:///{cwd}/j.sqlite3",
        ],
        input=EXAMPLE_JOURNAL,
        cwd=cwd,
        env=_CURRENT_ENV.environ({}),
        capture_output=True,
        check=False,
    )


_CURRENT_ENV: Env


def journal_count(run: Run) -> int:
    return len(ids_in_sqlite(run.cwd / "j.sqlite3"))


def purge_kept(run: Run) -> tuple[str, str] | None:
    # The example holds 400 requests (and 85 follow-up events).
    if journal_count(run) < 400:
        return "wrong", "a purge in the future deleted the journal"
    return None


def edge_cases() -> Iterator[Case]:
    journal = ["--journal", "sqlite:///{cwd}/j.sqlite3"]
    for month in (
        "0000-01",
        "0001-01",
        "0001-02",
        "9999-12",
        "9999-11",
        "2023-13",
        "2023-6",
        "１２３４-05",
    ):
        for fmt in ("text", "json", "csv"):
            yield Case(
                kind="dates at the edges",
                name=f"report --month {month} ({fmt})",
                args=["report", "--month", month, "--format", fmt, *journal],
                setup=with_journal,
            )
    for option in ("--since", "--until"):
        for date in ("0001-01-01", "9999-12-31", "2023-02-30", "0000-01-01"):
            yield Case(
                kind="dates at the edges",
                name=f"export {option} {date}",
                args=["journal", "export", option, date, *journal],
                setup=with_journal,
            )
    for date in ("9999-12-31", "2999-01-01", "0001-01-01"):
        future = date > time.strftime("%Y-%m-%d")
        yield Case(
            kind="dates at the edges",
            name=f"purge --before {date}",
            args=["journal", "purge", "--before", date, *journal],
            setup=with_journal,
            check=purge_kept if future else None,
        )


def reading_cases(env: Env) -> Iterator[Case]:
    for command in (["report", "--month", "2023-06"], ["journal", "export"]):
        yield Case(
            kind="journal reading",
            name=f"{command[0]} on a missing journal",
            args=[*command, "--journal", "sqlite:///{cwd}/absent.sqlite3"],
            check=all_of(must_fail, no_file("absent.sqlite3")),
        )
        yield Case(
            kind="journal reading",
            name=f"{command[0]} without --journal, none here",
            args=command,
            check=all_of(must_fail, no_file("mfs-journal.sqlite3")),
        )
        yield Case(
            kind="journal reading",
            name=f"{command[0]} on a corrupted page",
            args=[*command, "--journal", "sqlite:///{cwd}/j.sqlite3"],
            setup=corrupt_journal,
        )
        yield Case(
            kind="journal reading",
            name=f"{command[0]} while a writer holds the lock",
            args=[*command, "--journal", "sqlite:///{cwd}/j.sqlite3"],
            setup=with_journal,
            background=hold_write_lock,
            timeout=10,
            check=lambda run: (
                ("wrong", f"waited {run.seconds:.0f} s for a writer") if run.seconds > 5 else None
            ),
        )
        yield Case(
            kind="journal reading",
            name=f"{command[0]} with a keyword DSN password",
            args=[*command, "--journal", "host=127.0.0.1 port=1 password=s3cr3t-dsn"],
            check=no_secret("s3cr3t-dsn"),
        )
        yield Case(
            kind="journal reading",
            name=f"{command[0]} with a URL password, bad port",
            args=[*command, "--journal", "postgresql://u:s3cr3t-url@127.0.0.1:1/db"],
            check=no_secret("s3cr3t-url"),
        )
        yield Case(
            kind="journal reading",
            name=f"{command[0]} on PostgreSQL without psycopg",
            args=[*command, "--journal", "postgresql://u:p@127.0.0.1:1/db"],
            env={"_NO_PSYCOPG": "1"},
            check=lambda run: None if "pip install" in run.err else ("wrong", "no install hint"),
        )
    yield Case(
        kind="journal reading",
        name="add on a corrupted page",
        args=["journal", "add", "--journal", "sqlite:///{cwd}/j.sqlite3"],
        setup=corrupt_journal,
        stdin=dumps(request_line("after-corruption")),
    )


def corrupt_journal(cwd: Path) -> None:
    with_journal(cwd)
    path = cwd / "j.sqlite3"
    data = bytearray(path.read_bytes())
    rng = random.Random(len(data))
    for page in range(1, len(data) // 4096):
        start = page * 4096
        for _ in range(64):
            data[start + rng.randrange(4096)] = rng.randrange(256)
    path.write_bytes(bytes(data))


def hold_write_lock(cwd: Path) -> Callable[[], None]:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time; db = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "db.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(60)",
            str(cwd / "j.sqlite3"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    holder.stdout.readline()

    def stop() -> None:
        holder.kill()
        holder.wait()

    return stop


def settings_cases() -> Iterator[Case]:
    variants: list[tuple[str, bytes | None, Callable[[Path], None] | None]] = [
        ("deep nesting", b"x = " + b"[" * 50_000 + b"]" * 50_000, None),
        ("non-UTF-8", b'journal_url = "sqlite:///caf\xe9.sqlite3"\n', None),
        ("BOM", b"\xef\xbb\xbfplugins_strict = false\n", None),
        ("invalid TOML", b"plugins_strict = = true\n", None),
        ("unknown key", b"no_such_key = 1\n", None),
        ("/dev/zero", None, lambda cwd: os.symlink("/dev/zero", cwd / "mfs.toml")),
        ("unreadable", None, lambda cwd: os.symlink("/proc/self/mem", cwd / "mfs.toml")),
    ]
    for name, data, setup in variants:
        for command in (["plugins"], ["report", "--month", "2023-06"], ["journal", "add"]):
            expect_bom_ok = name == "BOM" and command == ["plugins"]
            yield Case(
                kind="mfs.toml",
                name=f"{name}: mfs {command[0]}",
                args=command,
                stdin=b"" if command[0] == "journal" else None,
                files={"mfs.toml": data} if data is not None else {},
                setup=setup,
                timeout=30,
                check=(
                    lambda run: None if run.code == 0 else ("wrong", "a BOM in mfs.toml is refused")
                )
                if expect_bom_ok
                else None,
            )


def full_disk_cases() -> Iterator[Case]:
    journal = ["--journal", "sqlite:///{cwd}/j.sqlite3"]
    commands = [
        ["journal", "export", *journal],
        ["journal", "export", "--format", "csv", *journal],
        *(
            ["report", "--month", "2023-06", "--format", f, *journal]
            for f in ("text", "json", "csv", "html")
        ),
        ["route", "--procedure", "dgfip.declaration-revenus", "--format", "json"],
        ["check", str(SITES / "saint-jean-de-luz.toml")],
        ["plugins"],
        ["procedures"],
        ["url", "impots.gouv.fr"],
    ]
    for command in commands:
        yield Case(
            kind="full disk",
            name=f"mfs {' '.join(command[:3])} > /dev/full",
            args=command,
            stdout_path="/dev/full",
            setup=with_journal,
        )
    # The disk fills up in the middle of a journal write: what was committed must be said.
    lines = b"\n".join(dumps(request_line(f"fill-{i}", note="n" * 1500)) for i in range(6000))

    def summary_true(run: Run) -> tuple[str, str] | None:
        stored = len(ids_in_sqlite(run.cwd / "j.sqlite3"))
        said = recorded_count(run.err)
        if said is None and "nothing recorded" in run.err and stored:
            return "wrong", f"says nothing recorded, the journal holds {stored}"
        if said is not None and said != stored:
            return "wrong", f"says {said} recorded, the journal holds {stored}"
        if said is None and stored:
            return "wrong", f"does not say that {stored} record(s) were recorded"
        return None

    yield Case(
        kind="full disk",
        name="journal add fills the disk half-way",
        args=["journal", "add", *journal],
        stdin=lines,
        limit_file_size=6_000_000,
        check=summary_true,
        timeout=120,
    )


# -- plugins ---------------------------------------------------------------------------------------
PLUGIN_MISBEHAVIOURS = [
    ("import", "exit"),
    ("import", "interrupt"),
    ("import", "loop"),
    ("import", "sleep"),
    ("import", "swallow"),
    ("import", "print"),
    ("hook", "exit"),
    ("hook", "interrupt"),
    ("hook", "endless"),
    ("hook", "print"),
    ("predicate", "exit"),
    ("predicate", "interrupt"),
    ("predicate", "loop"),
    ("predicate", "print"),
    ("check", "exit"),
    ("check", "interrupt"),
    ("check", "loop"),
    ("check", "sleep"),
    ("check", "print"),
]


def plugin_cases() -> Iterator[Case]:
    site = str(SITES / "saint-jean-de-luz.toml")
    commands = [
        (["plugins", "--format", "json"], json_output, ("import", "hook")),
        (["procedures", "--format", "json"], json_output, ("import", "hook")),
        (
            ["route", "--procedure", "hostile.demarche", "--format", "json"],
            json_output,
            ("import", "hook", "predicate"),
        ),
        (
            ["check", site, "--format", "json", "--as-of", "2026-11-27"],
            json_output,
            ("import", "hook", "check"),
        ),
        (["check", site, "--format", "junit", "--as-of", "2026-11-27"], xml_output, ("check",)),
        (
            [
                "report",
                "--month",
                "2023-06",
                "--format",
                "html",
                "--journal",
                "sqlite:///{cwd}/j.sqlite3",
            ],
            html_output,
            ("import", "hook"),
        ),
    ]
    budgets = {"MFS_PLUGINS_LOAD_BUDGET": "2", "MFS_PLUGINS_CALL_BUDGET": "1"}
    for where, what in PLUGIN_MISBEHAVIOURS:
        for command, output_check, applies in commands:
            if where not in applies:
                continue
            shown = command[-1] if command[0] != "check" else command[3]
            yield Case(
                kind="hostile plugins",
                name=f"{where}:{what} / mfs {command[0]} {shown}",
                args=command,
                env={"_PLUGINS": "1", "MFS_HOSTILE": f"{where}:{what}", **budgets},
                setup=with_journal if command[0] == "report" else None,
                check=all_of(output_check, plugin_named(command)),
                timeout=15,
            )


def html_output(run: Run) -> tuple[str, str] | None:
    if run.code == 2:
        return None
    if not run.out.startswith(b"<!DOCTYPE html>"):
        return "wrong", "the HTML report does not start with its doctype"
    return None


def plugin_named(command: list[str]) -> Callable[[Run], tuple[str, str] | None]:
    def check(run: Run) -> tuple[str, str] | None:
        if command[0] == "plugins" and run.code in (0, 1) and b"hostile" not in run.out:
            return "wrong", "the hostile plugin is not listed"
        return None

    return check


# -- concurrency -----------------------------------------------------------------------------------
WRITER = ROOT / "tests" / "journal" / "referral_writer.py"


def concurrency_cases(env: Env, count: int) -> Iterator[Case]:
    """Reports built while another process records referrals and their acceptance."""
    backends = ["sqlite"] + (["postgres"] if env.postgres_url else [])
    for backend in backends:
        for n in range(count):
            case = Case(
                kind=f"report during writes ({backend})",
                name=f"report {n}",
                args=["report", "--month", "2023-06", "--format", "json", "--journal", "URL"],
                check=figures_possible,
                timeout=30,
            )
            case.background = writer_starter(env, backend, case)
            yield case


#: Builds reports through the Python API, as municipal software does, and counts those
#: whose figures cannot be (a negative pending, totals that do not add up).
API_READER = """
import datetime as dt, json, sys
from mfs_core.journal import open_journal
from mfs_core.report import build_report
impossible = 0
with open_journal(sys.argv[2], pseudonym_secret="") as journal:
    for _ in range(int(sys.argv[1])):
        r = build_report(journal, dt.date(2023, 6, 1))
        if r.referrals.pending < 0 or sum(r.by_outcome.values()) != r.total_requests:
            impossible += 1
print(json.dumps({"reports": int(sys.argv[1]), "impossible": impossible}))
"""


def api_concurrency_cases(env: Env, count: int) -> Iterator[Case]:
    """Batches of reports built through the API while another process writes."""
    backends = ["sqlite"] + (["postgres"] if env.postgres_url else [])
    for backend in backends:
        for n in range(count):
            case = Case(
                kind=f"report during writes, API ({backend})",
                name=f"300 reports, batch {n}",
                command=[sys.executable, "-c", API_READER],
                args=["300", "URL"],
                check=api_figures_possible,
                timeout=120,
            )
            case.background = writer_starter(env, backend, case)
            yield case


def api_figures_possible(run: Run) -> tuple[str, str] | None:
    data = json.loads(run.out)
    if data["impossible"]:
        return "wrong", f"{data['impossible']} of {data['reports']} reports impossible"
    return None


def writer_starter(env: Env, backend: str, case: Case) -> Callable[[Path], Callable[[], None]]:
    def start(cwd: Path) -> Callable[[], None]:
        if backend == "postgres":
            url, _, cleanup = postgres_schema(env)
        else:
            url, cleanup = f"sqlite:///{cwd}/j.sqlite3", (lambda: None)
        case.args[-1] = url
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), url],
            stdout=subprocess.PIPE,
            env=env.environ({}),
            text=True,
        )
        assert writer.stdout is not None
        writer.stdout.readline()  # "writing": some records are in

        def stop() -> None:
            writer.kill()
            writer.wait()
            cleanup()

        return stop

    return start


def postgres_schema(env: Env) -> tuple[str, str, Callable[[], None]]:
    """A journal URL in a fresh schema of the test server, the schema, and its removal."""
    import psycopg

    assert env.postgres_url
    schema = f"attack_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(env.postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    options = urllib.parse.quote(f"-csearch_path={schema}")
    separator = "&" if "?" in env.postgres_url else "?"

    def cleanup() -> None:
        with psycopg.connect(env.postgres_url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")

    return f"{env.postgres_url}{separator}options={options}", schema, cleanup


def figures_possible(run: Run) -> tuple[str, str] | None:
    if run.code != 0:
        return None
    data = json.loads(run.out)
    referrals = data["referrals"]
    if referrals["pending"] < 0:
        return "wrong", f"referrals.pending = {referrals['pending']}"
    if data["total_requests"] != sum(data["by_outcome"].values()):
        return "wrong", "total_requests differs from the sum by outcome"
    return None


# -- the campaign ----------------------------------------------------------------------------------
def all_cases(env: Env, rng: random.Random, scale: int) -> list[Case]:
    cases: list[Case] = []
    cases += journal_cases(rng, 60 * scale, "sqlite", env)
    if env.postgres_url:
        cases += journal_cases(rng, 20 * scale, "postgres", env)
    cases += route_cases(rng, 40 * scale)
    cases += check_cases(rng, 40 * scale)
    cases += anct_cases(rng, 40 * scale)
    cases += edge_cases()
    cases += reading_cases(env)
    cases += settings_cases()
    cases += full_disk_cases()
    cases += plugin_cases()
    cases += concurrency_cases(env, 10 * scale)
    cases += api_concurrency_cases(env, 3 * scale)
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--src", type=Path, help="run this src directory instead (before/after)")
    parser.add_argument("--postgres-url", default=os.environ.get("MFS_TEST_POSTGRES_URL"))
    parser.add_argument("--json", type=Path, help="write every outcome to this file")
    parser.add_argument("--show", type=int, default=3, help="failures shown per kind")
    parser.add_argument("--only", help="run only the kinds containing this text")
    args = parser.parse_args()
    global _CURRENT_ENV
    with tempfile.TemporaryDirectory(prefix="mfs-attack-") as work:
        env = _CURRENT_ENV = Env(
            args.src.resolve() if args.src else None, args.postgres_url, Path(work)
        )
        cases = all_cases(env, random.Random(args.seed), args.scale)
        if args.only:
            cases = [c for c in cases if args.only in c.kind]
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            outcomes = list(pool.map(lambda case: run_case(env, case), cases))
        elapsed = time.monotonic() - started
    report(outcomes, args.show, elapsed)
    if args.json:
        args.json.write_text(json.dumps([dataclasses.asdict(o) for o in outcomes], indent=1))
    return 0


def report(outcomes: list[Outcome], show: int, elapsed: float) -> None:
    by_kind: dict[str, collections.Counter[str]] = {}
    for outcome in outcomes:
        by_kind.setdefault(outcome.kind, collections.Counter())[outcome.outcome] += 1
    width = max(len(kind) for kind in by_kind)
    header = f"{'kind':<{width}}  {'tried':>5}  " + "  ".join(f"{o:>11}" for o in OUTCOMES)
    print(header)
    total: collections.Counter[str] = collections.Counter()
    for kind, counts in by_kind.items():
        total.update(counts)
        cells = "  ".join(f"{counts[o]:>11}" for o in OUTCOMES)
        print(f"{kind:<{width}}  {sum(counts.values()):>5}  {cells}")
    cells = "  ".join(f"{total[o]:>11}" for o in OUTCOMES)
    print(f"{'TOTAL':<{width}}  {sum(total.values()):>5}  {cells}")
    print(f"({elapsed:.0f} s)")
    shown: collections.Counter[str] = collections.Counter()
    for outcome in outcomes:
        if outcome.outcome in ("ok", "clear error") or shown[outcome.kind] >= show:
            continue
        shown[outcome.kind] += 1
        print(f"- [{outcome.kind}] {outcome.name}: {outcome.outcome}: {outcome.detail}")


if __name__ == "__main__":
    sys.exit(main())
