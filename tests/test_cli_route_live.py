"""``mfs route --request - --format jsonl`` down a pipe kept open (review 15f, M4): a
counter application writes one request and reads its answer before writing the next. The
reader took ``read(65536)``, which waits for 64 KiB or the end: no answer came. Each line
is now decided and its answer flushed as soon as the line arrives."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

import mfs_core
from mfs_core.inputs import JsonLines, waits_for_input

#: The sources this test runs on (the subprocess runs the same ones).
SRC = Path(mfs_core.__file__).resolve().parents[1]
REQUESTS = [
    {"procedure": "dgfip.reclamation", "channel": "counter", "wants_autonomy": False},
    {"procedure": "dgfip.simulateur-impot", "channel": "phone", "wants_autonomy": True},
    {"procedure": "dgfip.reclamation", "channel": "fax", "wants_autonomy": False},  # bad
    {"procedure": "dgfip.simulateur-impot", "channel": "counter", "wants_autonomy": False},
]
#: Generous: the first answer includes starting Python and loading the registry.
TIMEOUT = 60.0


def _read_line(stream: IO[bytes], timeout: float) -> bytes:
    """One line of ``stream``, or fail after ``timeout`` seconds without one."""
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    data = b""
    try:
        while not data.endswith(b"\n"):
            if not selector.select(timeout):
                pytest.fail(f"no answer line within {timeout} s (got {data!r})")
            byte = os.read(stream.fileno(), 1)
            if not byte:
                break
            data += byte
    finally:
        selector.close()
    return data


def _route(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-m", "mfs_core.cli", "route", "--request", "-", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def test_each_line_is_answered_while_the_pipe_stays_open() -> None:
    answered = []
    with _route("--format", "jsonl") as process:
        assert process.stdin
        assert process.stdout
        assert process.stderr
        try:
            for number, request in enumerate(REQUESTS, start=1):
                process.stdin.write(json.dumps(request).encode() + b"\n")
                process.stdin.flush()
                if request["channel"] == "fax":
                    continue  # refused on standard error; no answer line
                answer = json.loads(_read_line(process.stdout, TIMEOUT))
                assert answer["line"] == number
                answered.append((answer["line"], answer["procedure"]))
            process.stdin.close()
            assert process.stdout.read() == b""
            assert process.wait(TIMEOUT) == 2  # the bad line
        finally:
            process.kill()
        err = process.stderr.read().decode()
    assert answered == [
        (1, "dgfip.reclamation"),
        (2, "dgfip.simulateur-impot"),
        (4, "dgfip.simulateur-impot"),
    ]
    assert err.startswith("mfs: error: <stdin>:3: channel: expected one of 'counter'"), err


def test_a_single_document_from_a_file_keeps_its_shape(tmp_path: Path) -> None:
    """A regular file can be read ahead: a one-object file stays a single document (no
    ``line``), as before; only a pipe gets line 1 at once."""
    path = tmp_path / "one.json"
    path.write_text(json.dumps(REQUESTS[0]) + "\n", encoding="utf-8")
    with path.open("rb") as stream:
        assert not waits_for_input(stream)
        done = subprocess.run(
            [sys.executable, "-m", "mfs_core.cli", "route", "--request", "-", "--format", "jsonl"],
            stdin=stream,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            timeout=TIMEOUT,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert "line" not in json.loads(done.stdout)


class _Trickle:
    """A stream that gives at most what has 'arrived' and counts the waits: ``read(n)``
    would have asked for all of n."""

    def __init__(self, parts: list[bytes]) -> None:
        self.parts = parts
        self.asked: list[int] = []

    def read1(self, size: int = -1, /) -> bytes:
        self.asked.append(size)
        return self.parts.pop(0) if self.parts else b""

    def read(self, size: int = -1, /) -> bytes:
        raise AssertionError("read(n) waits for n bytes")

    def close(self) -> None:
        """Nothing to close."""


def test_jsonlines_yields_each_line_before_reading_more() -> None:
    lines = [json.dumps(request).encode() + b"\n" for request in REQUESTS[:2]]
    stream = _Trickle(list(lines))
    flushed: list[int] = []
    reader = iter(
        JsonLines(
            stream,
            "<pipe>",
            before_read=lambda: flushed.append(len(stream.asked)),
            lines_first=True,
        )
    )
    first = next(reader)
    assert (first.line, first.value) == (1, REQUESTS[0])
    assert stream.parts == [lines[1]]  # line 2 not read yet: line 1 came first
    second = next(reader)
    assert (second.line, second.value) == (2, REQUESTS[1])
    assert next(reader, None) is None
    assert flushed == [0, 1, 2]  # before each read
    assert all(size <= 64 * 1024 for size in stream.asked)
