"""Plugin code is contained (mfs_core.isolation): exceptions of every kind, output, time."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from mfs_core import isolation
from mfs_core.isolation import PluginFailure, call_plugin, collect_plugin


def spin() -> None:
    turns = 0
    while True:
        turns += 1


def exits() -> None:
    sys.exit(3)


def interrupts() -> None:
    raise KeyboardInterrupt


def prints() -> int:
    print("plugin chatter")
    return 1


def endless() -> Iterator[int]:
    while True:
        yield 1


class BadMessage(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no message")


def raises_bad_message() -> None:
    raise BadMessage


@pytest.mark.parametrize(
    ("function", "message"),
    [
        (exits, "called sys.exit(3)"),
        (interrupts, "raised KeyboardInterrupt"),
        (prints, "wrote 15 character(s) to standard output (captured, not shown)"),
        (raises_bad_message, "raised BadMessage: (its message could not be read)"),
        (lambda: 1 / 0, "raised ZeroDivisionError: division by zero"),
    ],
)
def test_every_kind_of_failure_is_named(function: object, message: str) -> None:
    with pytest.raises(PluginFailure) as caught:
        call_plugin("p", "x", 5, function)  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert not caught.value.timed_out


def test_captured_output_never_reaches_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(PluginFailure):
        call_plugin("p", "x", 5, prints)
    assert capsys.readouterr().out == ""
    print("ours")  # standard output is ours again
    assert capsys.readouterr().out == "ours\n"


def test_an_endless_hook_is_cut_off() -> None:
    with pytest.raises(PluginFailure, match="yielded more than 100000 items"):
        collect_plugin("p", "mfs_procedures()", 5, endless)
    assert collect_plugin("p", "h", 5, lambda: None) == []
    assert collect_plugin("p", "h", 5, lambda: (n for n in range(3))) == [0, 1, 2]


@pytest.mark.parametrize("function", [spin, lambda: time.sleep(30)])
def test_an_overrun_is_interrupted_and_the_plugin_skipped_afterwards(function: object) -> None:
    name = f"slow-{id(function)}"
    start = time.monotonic()
    with pytest.raises(PluginFailure, match=r"overran its time budget of 0\.2 s") as caught:
        call_plugin(name, "x", 0.2, function)  # type: ignore[arg-type]
    assert caught.value.timed_out
    assert time.monotonic() - start < 5
    with pytest.raises(PluginFailure, match="skipped: this plugin overran"):
        call_plugin(name, "x", 0.2, lambda: 1)


def test_an_overrun_on_another_thread_is_interrupted_too() -> None:
    failures: list[PluginFailure] = []

    def worker() -> None:
        try:
            call_plugin("slow-thread", "x", 0.2, spin)
        except PluginFailure as exc:
            failures.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert [f.timed_out for f in failures] == [True]


def test_calls_near_their_budget_never_leak_an_interruption() -> None:
    # Many calls ending around their deadline: an interruption is raised in the plugin call
    # or not at all, never later in the caller's code.
    def busy(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass

    failures: list[PluginFailure] = []
    for n in range(40):
        try:
            call_plugin(f"edge-{n}", "x", 0.05, busy, 0.03 + (n % 5) * 0.01)
        except PluginFailure as exc:
            failures.append(exc)
        sum(range(10_000))  # the caller's code: a stray PluginTimeout would land here
    assert failures
    assert all(f.timed_out for f in failures)


def test_the_users_ctrl_c_is_not_taken_for_the_plugins() -> None:
    # Python's own handler, as in a terminal (a background job starts with SIGINT ignored).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    restore = isolation.install_interrupt_marker()
    try:
        with pytest.raises(KeyboardInterrupt):
            call_plugin("p", "x", 5, lambda: signal.raise_signal(signal.SIGINT))
    finally:
        restore()
        signal.signal(signal.SIGINT, previous)


def test_a_call_that_cannot_be_stopped_is_handed_to_on_stuck() -> None:
    # It swallows the interruption and spins on: in its own process, as it never returns.
    code = (
        "import contextlib, os, sys\n"
        "from mfs_core import isolation\n"
        "def swallow():\n"
        "    while True:\n"
        "        with contextlib.suppress(BaseException):\n"
        "            turns = 0\n"
        "            while True:\n"
        "                turns += 1\n"
        "def stuck(plugin, what, seconds):\n"
        "    print(f'stuck: {plugin} ({what}) {seconds}', file=sys.stderr, flush=True)\n"
        "    os._exit(7)\n"
        "isolation.on_stuck = stuck\n"
        "isolation.call_plugin('swallower', 'its predicate', 0.2, swallow)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 7
    assert done.stderr == "stuck: swallower (its predicate) 0.2\n"
