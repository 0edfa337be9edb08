"""A real ``mfs serve`` process on a free loopback port, for the tests of the HTTP service.

The server is the installed command in a subprocess, configured through ``MFS_*``
variables as a deployment would be; the tests talk to it over real HTTP (httpx).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import httpx

#: Tokens of the test servers (never real secrets): two sites, two roles.
AGENT = "agent-token-" + "a" * 32
MANAGER = "manager-token-" + "m" * 32
OTHER_SITE = "other-site-token-" + "o" * 32
SITE = "64483-ccas"
TOKENS = f"{SITE}:agent:{AGENT},{SITE}:manager:{MANAGER},64000-autre:manager:{OTHER_SITE}"
PSEUDONYM_SECRET = "serve-test-secret-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@attrs.frozen
class LiveServer:
    """A running server: its base URL, journal URL and the file its standard error goes to
    (the access log)."""

    url: str
    journal_url: str
    log: Path

    def client(self, token: str | None = None, **options: object) -> httpx.Client:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60, **options)  # type: ignore[arg-type]


def _command(prelude: str) -> list[str]:
    if not prelude:
        return [sys.executable, "-m", "mfs_core.cli"]
    run = "import sys\nfrom mfs_core.cli import main\nsys.exit(main(sys.argv[1:]))"
    return [sys.executable, "-c", f"{prelude}\n{run}"]


@contextlib.contextmanager
def live_server(
    folder: Path, journal_url: str | None = None, *args: str, prelude: str = "", **env: str
) -> Iterator[LiveServer]:
    """Start ``mfs serve`` and wait until ``GET /health`` answers (at most 60 s).
    ``prelude``: Python run in the server process before ``mfs serve`` (to plant a fault)."""
    journal_url = journal_url or f"sqlite:///{folder / 'journal.sqlite3'}"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    environment.update(
        MFS_API_TOKENS=TOKENS,
        MFS_JOURNAL_URL=journal_url,
        MFS_PSEUDONYM_SECRET=PSEUDONYM_SECRET,
        MFS_API_SITE_ID=SITE,
        **env,
    )
    log = folder / f"server-{len(list(folder.glob('server-*')))}.log"
    for _attempt in range(3):  # a free port may be taken between the check and the bind
        port = free_port()
        with log.open("wb") as err:
            process = subprocess.Popen(
                [*_command(prelude), "serve", "--port", str(port), *args],
                cwd=folder,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        if process.poll() is None:
            break
        if b"address already in use" not in log.read_bytes():
            raise RuntimeError(f"mfs serve did not start: {log.read_text('utf-8')}")
    try:
        yield LiveServer(url, journal_url, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
