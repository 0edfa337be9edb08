"""The journal under hostile input, on both backends: every good line is recorded, every bad
one is named; commands that read never write, never wait for a writer, never create."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mfs_core.cli import main
from mfs_core.errors import InputError
from mfs_core.french import count, decimal
from mfs_core.journal import Journal, JournalError, RequestRecord, open_journal

from .conftest import SECRET

ROOT = Path(__file__).resolve().parents[2]


def request(id_: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": id_,
        "received_at": "2023-06-05T09:30:00+02:00",
        "procedure": "dgfip.declaration-revenus",
        "channel": "counter",
        "outcome": "referral",
        "note": "rappeler la semaine prochaine",
    }
    return {**data, **changes}


def referral(id_: str) -> RequestRecord:
    return RequestRecord(
        id=id_,
        received_at=dt.datetime(2023, 6, 5, 9, tzinfo=dt.UTC),
        procedure="dgfip.declaration-revenus",
        channel="counter",
        outcome="referral",
    )


def line(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: bytes = b"",
) -> tuple[int, str, str]:
    # Bytes under a text stream, as a real standard input: mfs reads the bytes.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="ascii"))
    code = main(args)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def _secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", SECRET)
    monkeypatch.chdir(tmp_path)


def example_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    """The URL of a SQLite journal holding the example month (400 requests, 85 events)."""
    url = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    example = (ROOT / "examples" / "journal" / "saint-jean-de-luz-2023-06.jsonl").read_bytes()
    assert run(["journal", "add", "--journal", url], capsys, monkeypatch, example)[0] == 0
    return url


def stored_ids(url: str) -> set[str]:
    with open_journal(url, read_only=True) as journal:
        return {r.id for r in journal.requests()}


BAD_LINES: dict[str, tuple[bytes, str]] = {
    "lone surrogate in a note": (
        b'{"id": "bad", "received_at": "2023-06-05T09:30:00+02:00", "procedure": '
        b'"dgfip.declaration-revenus", "channel": "counter", "outcome": "referral", '
        b'"note": "x \\ud800 y"}',
        "unpaired surrogate",
    ),
    "NUL in a note": (line(request("bad", note="a\u0000b")), "note: expected text: a NUL"),
    "year 1 at +14:00": (
        line(request("bad", received_at="0001-01-01T00:00:00+14:00")),
        "received_at: expected a date between 1900-01-01 and 9998-12-31",
    ),
    "year 9999 at -14:00": (
        line(request("bad", received_at="9999-12-31T23:59:59-14:00")),
        "received_at: expected a date between 1900-01-01 and 9998-12-31",
    ),
    "resident made of spaces": (
        line(request("bad", resident="   ")),
        "resident: expected a non-empty identifier",
    ),
    "raw non-UTF-8 byte": (
        line(request("bad")).replace(b"rappeler", b"rappel\xe9r"),
        "expected UTF-8 text, got byte 0xe9",
    ),
    "deeply nested JSON": (b"[" * 100_000 + b"]" * 100_000, "nested deeper than 64 levels"),
    "huge integer": (line(request("bad"))[:-1] + b', "n": ' + b"9" * 5000 + b"}", "digits"),
    "event for an unknown request": (
        line(
            {
                "id": "bad",
                "event": "referral_accepted",
                "request_id": "nope",
                "occurred_at": "2023-06-06T10:00:00+02:00",
            }
        ),
        "request_id: no request 'nope' in the journal",
    ),
}


@pytest.mark.parametrize("name", BAD_LINES)
def test_a_bad_line_is_named_and_the_good_ones_beside_it_recorded(
    journal_url: str,
    name: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad, message = BAD_LINES[name]
    data = b"\n".join((line(request("good-1")), bad, line(request("good-2")))) + b"\n"
    code, _, err = run(["journal", "add", "--journal", journal_url], capsys, monkeypatch, data)
    assert code == 2
    assert "mfs: error: <stdin>:2: " in err
    assert message in err
    assert "2 demandes enregistrées, 0 déjà dans le journal ; 1 enregistrement refusé" in err
    assert stored_ids(journal_url) == {"good-1", "good-2"}


def test_a_byte_order_mark_is_accepted(
    journal_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = b"\xef\xbb\xbf" + line(request("bom-1")) + b"\n" + line(request("bom-2"))
    code, _, err = run(["journal", "add", "--journal", journal_url], capsys, monkeypatch, data)
    assert code == 0, err
    assert stored_ids(journal_url) == {"bom-1", "bom-2"}


def test_1500_good_lines_then_a_bad_date_lose_nothing(
    journal_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [line(request(f"r{n}")) for n in range(1500)]
    lines.append(line(request("late", received_at="0001-01-01T00:00:00+14:00")))
    code, _, err = run(
        ["journal", "add", "--journal", journal_url], capsys, monkeypatch, b"\n".join(lines)
    )
    assert code == 2
    assert "<stdin>:1501: received_at: expected a date" in err
    assert "1\u202f500 demandes enregistrées" in err
    assert len(stored_ids(journal_url)) == 1500


def test_a_row_the_backend_refuses_does_not_take_its_batch_down(journal: Journal) -> None:
    # Past the records' own checks (forced in), the backend's constraint refuses it: the
    # batch is split around it, the others recorded.
    records = [referral(f"r{n}") for n in range(5)]

    class Bogus:
        value = "bogus"

    object.__setattr__(records[3], "outcome", Bogus())
    result = journal.record_each(records)
    assert (result.recorded, list(result.rejected)) == (4, [3])
    assert "outcome" in result.rejected[3]  # the constraint's name, never the row
    assert {r.id for r in journal.requests()} == {"r0", "r1", "r2", "r4"}


def test_a_full_disk_half_way_says_what_was_recorded(tmp_path: Path) -> None:
    # The file-size limit of the process stands for a full disk: SQLite's writes fail from
    # some batch on, after others were committed.
    url = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    lines = b"\n".join(line(request(f"r{n}", note="n" * 1500)) for n in range(6000))

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4_000_000, 4_000_000))

    env = {**os.environ, "MFS_PSEUDONYM_SECRET": SECRET}
    command = [sys.executable, "-m", "mfs_core.cli", "journal", "add", "--journal", url]
    done = subprocess.run(
        command, input=lines, capture_output=True, env=env, preexec_fn=limit, check=False
    )
    err = done.stderr.decode()
    assert done.returncode == 2
    assert "Traceback" not in err
    stored = len(stored_ids(url))
    assert 0 < stored < 6000
    assert f"mfs : {count(stored, 'demande')} enregistrées, 0 déjà dans le journal" in err
    assert "l'écriture a échoué à <stdin>:" in err
    assert "rien n'a été enregistré à partir de là" in err
    # Once there is room again, the same input completes the journal.
    done = subprocess.run(command, input=lines, capture_output=True, env=env, check=False)
    assert done.returncode == 0
    assert f"{count(6000 - stored, 'demande')} enregistrées, {decimal(stored)} déjà dans" in (
        done.stderr.decode()
    )


# -- commands that only read -------------------------------------------------------------


@pytest.mark.parametrize("command", [["report", "--month", "2023-06"], ["journal", "export"]])
def test_reading_a_missing_sqlite_journal_creates_nothing(
    command: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = run(command, capsys, monkeypatch)  # the default ./mfs-journal.sqlite3
    assert code == 2
    assert f"no journal at {tmp_path / 'mfs-journal.sqlite3'} (nothing created" in err
    assert out == ""
    assert list(tmp_path.iterdir()) == []


def test_reading_a_journal_that_does_not_exist_creates_nothing(
    journal_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A fresh URL: a file not there yet, an empty PostgreSQL schema.
    message = "no journal at" if journal_url.startswith("sqlite") else "no journal here"
    for command in (["report", "--month", "2023-06"], ["journal", "export"]):
        code, out, err = run([*command, "--journal", journal_url], capsys, monkeypatch)
        assert (code, out) == (2, "")
        assert message in err
    if journal_url.startswith("sqlite"):
        assert list(tmp_path.iterdir()) == []
        return
    import psycopg

    with psycopg.connect(journal_url) as connection:
        tables = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchone()
    assert tables == (0,)


def test_a_read_only_journal_cannot_write(journal_url: str) -> None:
    with open_journal(journal_url):  # create it
        pass
    with (
        open_journal(journal_url, read_only=True) as journal,
        pytest.raises(JournalError, match=r"read-only|readonly"),
    ):
        journal.record(referral("x"))


def test_reading_an_older_schema_asks_for_a_write_first(journal_url: str) -> None:
    from mfs_core.journal.api import _open_store
    from mfs_core.journal.schema import MIGRATIONS

    store = _open_store(journal_url)
    store.migrate(MIGRATIONS[:1])
    store.close()
    with pytest.raises(JournalError, match=r"schema version 1 is older.*a read never changes"):
        open_journal(journal_url, read_only=True)


def test_a_report_does_not_wait_for_a_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = example_journal(tmp_path, capsys, monkeypatch)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time; db = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "db.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(120)",
         str(tmp_path / "j.sqlite3")],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "locked\n"
        # Before: "cannot write (database is locked)" after 30 s of waiting.
        code, out, err = run(
            ["report", "--month", "2023-06", "--format", "json", "--journal", url],
            capsys,
            monkeypatch,
        )
        assert (code, err) == (0, "")
        assert json.loads(out)["total_requests"] == 400  # and 85 follow-up events
        code, out, _ = run(["journal", "export", "--journal", url], capsys, monkeypatch)
        assert code == 0
        assert len(out.splitlines()) == 485
    finally:
        holder.kill()
        holder.communicate()  # reaps it and closes its pipe


def test_a_journal_in_a_read_only_directory_is_read_as_immutable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A WAL journal needs its shared-memory file, which a directory one may not write to
    # cannot hold: SQLite then refuses the read-only connection ("attempt to write a
    # readonly database"). Root writes anywhere, so that refusal is simulated here.
    url = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    with open_journal(url, pseudonym_secret=SECRET) as journal:
        journal.record(referral("kept"))
    real_connect = sqlite3.connect
    opened: list[str] = []

    class Refusing:
        """What SQLite gives there: a connection whose first read fails."""

        def execute(self, *_args: Any) -> None:
            raise sqlite3.OperationalError("attempt to write a readonly database")

        def close(self) -> None:
            pass

    def connect(database: str, *args: Any, **kwargs: Any) -> Any:
        opened.append(database)
        if "immutable" not in database:
            return Refusing()
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    with open_journal(url, read_only=True) as journal:
        assert [r.id for r in journal.requests()] == ["kept"]
    assert opened[-1].endswith("?mode=ro&immutable=1")


def test_a_corrupted_page_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = example_journal(tmp_path, capsys, monkeypatch)
    path = tmp_path / "j.sqlite3"
    data = bytearray(path.read_bytes())
    noise = random.Random(9)  # the same corruption every run
    for page in range(1, len(data) // 4096):  # every page but the header's
        data[page * 4096 : page * 4096 + 512] = noise.randbytes(512)
    path.write_bytes(bytes(data))
    for command in (["report", "--month", "2023-06"], ["journal", "export"], ["journal", "add"]):
        code, _, err = run([*command, "--journal", url], capsys, monkeypatch, line(request("x")))
        assert code == 2
        assert "mfs: error: sqlite:///" in err


# -- dates, retention, URLs ----------------------------------------------------------------


def test_purge_refuses_a_date_after_today(
    journal_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["journal", "add", "--journal", journal_url], capsys, monkeypatch,
               line(request("kept")))[0] == 0  # fmt: skip
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    code, _, err = run(["journal", "purge", "--before", tomorrow, "--journal", journal_url],
                       capsys, monkeypatch)  # fmt: skip
    assert code == 2
    assert f"--before: {tomorrow} is after today: expected today or an earlier date" in err
    assert stored_ids(journal_url) == {"kept"}
    with open_journal(journal_url) as journal, pytest.raises(InputError, match="after today"):
        journal.purge(dt.date.today() + dt.timedelta(days=2))


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--month", "0000-01"],
        ["report", "--month", "0001-01"],
        ["report", "--month", "9999-12"],
        ["journal", "export", "--since", "0001-01-01"],
        ["journal", "export", "--until", "9999-12-31"],
        ["journal", "purge", "--before", "0001-01-01"],
    ],
)
def test_dates_at_the_edges_of_the_calendar_are_input_errors(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(args, capsys, monkeypatch)
    assert code == 2
    assert "between 1900-01-01 and 9998-12-31" in err or "between 1900-01 and" in err


@pytest.mark.parametrize(
    "url",
    [
        "host=127.0.0.1 port=1 password=s3cr3t-dsn",
        "postgresql://mfs:s3cr3t-dsn@127.0.0.1:1/journal",
        "postgresql://mfs:s3cr3t-dsn@127.0.0.1:notaport/journal",
        "postgresql://127.0.0.1:1/journal?password=s3cr3t-dsn",
    ],
)
def test_a_password_is_never_echoed(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(["report", "--month", "2023-06", "--journal", url], capsys, monkeypatch)
    assert code == 2
    assert "s3cr3t-dsn" not in out + err


def test_postgresql_without_its_extra_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed
    code, _, err = run(
        ["journal", "export", "--journal", "postgresql://u:p@127.0.0.1/j"], capsys, monkeypatch
    )
    assert code == 2
    assert "pip install 'mfs-core[postgres]'" in err
