"""Running plugin code: its exceptions, its standard output and its time are contained.

Every call into a plugin (importing it, each hook, each referral rule's predicate, each
check) goes through :func:`call_plugin`:

- **any exception**, ``SystemExit`` and ``KeyboardInterrupt`` included, becomes a
  :class:`PluginFailure` naming what happened; a ``KeyboardInterrupt`` is the user's own
  (re-raised) only when it came from the terminal's Ctrl-C, which the CLI records;
- **standard output** written by the plugin (``print``) on the main thread, where the CLI
  runs, is captured, never shown: it would corrupt ``--format json`` or the HTML report. A
  plugin that writes some fails, as a plugin that raises does. (The CLI also points file
  descriptor 1 away from its output while it runs, so writes below ``sys.stdout`` cannot
  corrupt it either; see :mod:`mfs_core.cli`.) On other threads of a host application,
  output is not captured: ``sys.stdout`` is shared by all threads;
- **time**: each call has a budget in seconds (:class:`Budget`, settings
  ``plugins_load_budget`` and ``plugins_call_budget``). A watchdog thread notices a call
  that overruns and interrupts it: on the main thread with a signal (``SIGALRM``, which also
  ends a blocking ``time.sleep``), on another thread by raising :class:`PluginTimeout` in it
  (``PyThreadState_SetAsyncExc``, which cannot end a call blocked in C). The call then
  fails, and every later call into the same plugin is skipped for the rest of the process.
  A call that still does not return a second (or its budget, if longer) after its
  interruption — it swallowed it, or is blocked in C — is handed to :data:`on_stuck`, from
  another thread (write to standard error there: standard output may still be the call's
  capture). The CLI prints the plugin's name and exits with code 2; a host application
  may choose otherwise (by default nothing happens and the thread stays blocked). The
  watchdog looks every 50 ms: budgets are kept to that precision.

Why not a subprocess: plugin contributions hold Python callables (predicates, checks) that
run per request, for a few microseconds each; a process per call would cost a thousand
times the call. The watchdog costs one clock read and a few attribute writes per call
(``benchmarks/bench_routing.py``). This protects from a plugin's bugs, not from a plugin
written to harm: code running in the process can always do what the process can.
"""

from __future__ import annotations

import io
import itertools
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from mfs_core import french

__all__ = [
    "Budget",
    "PluginFailure",
    "PluginTimeout",
    "call_plugin",
    "collect_plugin",
    "install_interrupt_marker",
    "on_stuck",
]

T = TypeVar("T")

#: Largest number of items one hook may yield: beyond, it is taken as yielding forever.
MAX_HOOK_ITEMS = 100_000


@attrs.frozen
class Budget:
    """Time budgets of plugin code, in seconds (0 or less: no limit).

    ``load``: importing one plugin, registering it, and each of its hooks; ``call``: each
    call of a referral rule's predicate or of a check's ``evaluate``.
    """

    load: float = 10.0
    call: float = 1.0


DEFAULT_BUDGET: Final = Budget()


class PluginFailure(Exception):
    """A plugin call failed: raised, exited, interrupted, printed or overran its budget.

    ``str()`` says what happened, in English (e.g. ``called sys.exit(3)``), for developers
    (``mfs plugins --check``, logs); ``french`` says it in French, to follow "le contrôle
    « x » du plugin « p »" in what agents read (``mfs check``, ``mfs route --explain``);
    ``timed_out`` tells an overrun from the rest.
    """

    def __init__(self, message: str, *, timed_out: bool = False, french: str = "") -> None:
        super().__init__(message)
        self.timed_out = timed_out
        self.french = french or f"a échoué ({message})"


class NotIterableError(TypeError):
    """A hook or check returned one object where a list (or generator) of items was due:
    nothing was raised by the plugin, so messages say "returned", not "raised"."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"returned {kind}, expected an iterable")
        self.kind = kind


class TooManyItemsError(OverflowError):
    """A hook or check gave more than :data:`MAX_HOOK_ITEMS` items (an endless generator?)."""

    def __init__(self) -> None:
        super().__init__(f"yielded more than {MAX_HOOK_ITEMS} items (an endless generator?)")


class PluginTimeout(BaseException):
    """Raised inside plugin code that overran its time budget (a BaseException, so that
    ``except Exception`` in the plugin does not swallow it)."""


class _Capture(io.TextIOBase):
    """``sys.stdout`` once plugin code has run on the main thread: outside plugin calls it
    writes through to the stream it replaced; during one, it counts what is written there
    and keeps none of it. Installed once (swapping ``sys.stdout`` on every call would cost
    more than the rest of the guard), and again if someone replaces it."""

    def __init__(self, inner: Any) -> None:
        super().__init__()
        self.inner = inner
        self.depth = 0  # plugin calls in progress on the main thread
        self.written = 0  # characters plugin code wrote, ever

    def write(self, text: str) -> int:
        if self.depth and threading.get_ident() == _MAIN:
            self.written += len(text)
            return len(text)
        return len(text) if self.inner is None else int(self.inner.write(text))

    def flush(self) -> None:
        if self.inner is not None:
            self.inner.flush()

    def byte_sink(self) -> tuple[Callable[[bytes], object], str] | None:
        """The stream it replaced's byte path, if that stream offers one (the CLI's
        standard output: see ``mfs_core.cli._Output.byte_sink``), bytes written during a
        plugin call counted and dropped like text; None to write text."""
        own = getattr(type(self.inner), "byte_sink", None)
        found = own(self.inner) if own is not None else None
        if found is None:
            return None
        write, errors = found

        def guarded(data: bytes) -> object:
            if self.depth and threading.get_ident() == _MAIN:
                self.written += len(data)
                return len(data)
            return write(data)

        return guarded, errors

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.inner is not None and bool(self.inner.isatty())

    def fileno(self) -> int:
        if self.depth or self.inner is None:  # a plugin asking for the descriptor gets none
            raise io.UnsupportedOperation("plugin output is captured")
        return int(self.inner.fileno())

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.inner, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.inner, "errors", None)

    def __getattr__(self, name: str) -> Any:  # buffer, line_buffering... of the real one
        return getattr(self.inner, name)


def _capture() -> _Capture:
    """The main thread's capture, installed as ``sys.stdout`` if it is not already."""
    current = sys.stdout
    if current.__class__ is _Capture:
        return current
    capture = _Capture(current)
    sys.stdout = capture
    return capture


# A call in progress, as a list (built on every call: cheaper than an object), its items:
_DEADLINE, _FIRED, _RAISED, _PLUGIN, _WHAT, _SECONDS, _THREAD = range(7)

#: Called with (plugin, what, seconds) when a call could not be stopped; see above.
on_stuck: Callable[[str, str, float], None] | None = None
#: Set by the CLI's SIGINT handler: a KeyboardInterrupt is then the user's.
_user_interrupted = False
_lock = threading.Lock()
_active: dict[int, list[Any]] = {}  # thread id -> its guarded call in progress
_timed_out: set[str] = set()  # plugins that overran: skipped from then on
_watching = False
_TICK = 0.05  # seconds between two looks of the watchdog
_signal_ready = False
_MAIN = threading.main_thread().ident


def call_plugin(
    plugin: str, what: str, seconds: float, function: Callable[..., T], *args: Any
) -> T:
    """``function(*args)`` run as plugin code (see the module's description).

    ``what`` names the call in messages ("the predicate of rule caf.x"); ``seconds`` is its
    budget (0: none). Raises :class:`PluginFailure` for whatever the plugin did wrong.
    """
    if plugin in _timed_out:
        raise PluginFailure(
            "skipped: this plugin overran its time budget earlier",
            timed_out=True,
            french="n'a pas été lancé : son plugin a déjà dépassé son temps imparti",
        )
    thread = threading.get_ident()
    outer = _active.get(thread)  # a plugin calling into another guarded call
    call = None
    if seconds > 0:
        call = [time.monotonic() + seconds, 0.0, False, plugin, what, seconds, thread]
        if not _watching:
            _start_watchdog(thread)
        _active[thread] = call
    # sys.stdout is the process's: captured on the main thread only, where the CLI runs.
    capture: _Capture | None = None
    written = depth = 0
    if thread == _MAIN:
        stdout: Any = sys.stdout
        capture = stdout if stdout.__class__ is _Capture else _capture()
        written, depth = capture.written, capture.depth
        capture.depth = depth + 1
    try:
        try:
            result = function(*args)
        finally:
            # From here no interruption is sent (the watchdog only interrupts active calls).
            _leave(thread, outer, capture, depth)
        if call is not None and call[_FIRED]:
            # It overran: drop an interruption sent but not raised yet, and say so.
            _cancel_pending(call)
            raise PluginTimeout
    except BaseException as exc:  # every kind: a plugin must never own the process
        _leave(thread, outer, capture, depth)  # again: the first may have been cut short
        if call is not None and call[_FIRED]:
            _cancel_pending(call)
        raise _failure(plugin, exc, call) from None
    if capture is not None and capture.written != written:
        chars = capture.written - written
        raise PluginFailure(
            f"wrote {chars} character(s) to standard output (captured, not shown)",
            french=f"a écrit {french.count(chars, 'caractère')} sur la sortie standard "
            "(capturés, non affichés)",
        )
    return result


def collect_plugin(
    plugin: str, what: str, seconds: float, function: Callable[..., Any], *args: Any
) -> list[Any]:
    """The items ``function(*args)`` returns or yields (a hook, a check), as a list: the
    call and the iteration are plugin code (a generator runs when iterated). ``None`` is no
    item. At most :data:`MAX_HOOK_ITEMS` items, else :class:`PluginFailure`."""
    return call_plugin(plugin, what, seconds, _collected, function, *args)


def _leave(thread: int, outer: list[Any] | None, capture: _Capture | None, depth: int) -> None:
    """Back to the state before the call; idempotent (an interruption may cut it short, and
    the failure path calls it again)."""
    if capture is not None:
        capture.depth = depth
        if sys.stdout is not capture:  # the plugin replaced it: put it back
            sys.stdout = capture
        if _signal_ready:
            # The alarm's handler runs in this thread and only raises into a call still in
            # _active: no lock needed against the watchdog.
            if outer is None:
                _active.pop(thread, None)
            else:
                _active[thread] = outer
            return
    with _lock:  # the watchdog interrupts under this lock: never a call already left
        if outer is None:
            _active.pop(thread, None)
        else:
            _active[thread] = outer


def _cancel_pending(call: list[Any]) -> None:
    if call[_THREAD] == _MAIN and _signal_ready:
        return  # the signal handler raises only into an active call: nothing pending
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(call[_THREAD]), None)


def _collected(function: Callable[..., Any], *args: Any) -> list[Any]:
    return _collect(function(*args))


def _collect(result: Any) -> list[Any]:
    if result is None:
        return []
    if result.__class__ is list or result.__class__ is tuple:  # the common, finite case
        items = list(result)
    else:
        try:
            iterator = iter(result)
        except TypeError:
            raise NotIterableError(type(result).__name__) from None
        items = list(itertools.islice(iterator, MAX_HOOK_ITEMS + 1))
    if len(items) > MAX_HOOK_ITEMS:
        raise TooManyItemsError
    return items


def _failure(plugin: str, exc: BaseException, call: list[Any] | None) -> PluginFailure:
    global _user_interrupted
    if isinstance(exc, PluginTimeout):
        _timed_out.add(plugin)
        seconds = call[_SECONDS] if call else 0
        return PluginFailure(
            f"overran its time budget of {seconds:g} s",
            timed_out=True,
            french=f"a dépassé son temps imparti de {french.decimal(seconds)} s",
        )
    if isinstance(exc, KeyboardInterrupt):
        if _user_interrupted:  # the user's Ctrl-C: stop everything, as asked
            _user_interrupted = False
            raise exc
        return PluginFailure("raised KeyboardInterrupt", french="a été interrompu (Ctrl-C)")
    if isinstance(exc, SystemExit):
        code = _safe_repr(exc.code)
        return PluginFailure(
            f"called sys.exit({code})", french=f"a tenté d'arrêter le programme (code {code})"
        )
    # Our own words about what the plugin gave: not "raised", nothing was.
    if type(exc) is NotIterableError:
        return PluginFailure(
            str(exc), french="a renvoyé un seul objet au lieu d'une liste d'éléments"
        )
    if type(exc) is TooManyItemsError:
        return PluginFailure(
            str(exc),
            french=f"a produit plus de {french.decimal(MAX_HOOK_ITEMS)} éléments "
            "(un générateur sans fin ?)",
        )
    name, text = type(exc).__name__, _safe_str(exc)
    return PluginFailure(f"raised {name}: {text}", french=f"a levé l'exception {name} : {text}")


def _safe_str(exc: BaseException) -> str:
    """The exception's message: its ``__str__`` is plugin code too."""
    try:
        text = str(exc)
    except BaseException:
        return "(its message could not be read)"
    return text if len(text) <= 500 else text[:500] + "…"


def _safe_repr(value: object) -> str:
    try:
        text = repr(value)
    except BaseException:
        return "?"
    return text[:100]


# -- the watchdog -----------------------------------------------------------------------
def _start_watchdog(thread: int) -> None:
    global _watching
    with _lock:
        if _watching:
            return
        if thread == _MAIN:
            _install_alarm_handler()
        threading.Thread(target=_watch, name="mfs-plugin-watchdog", daemon=True).start()
        _watching = True


def _watch() -> None:
    while True:
        time.sleep(_TICK)
        now = time.monotonic()
        with _lock:
            for call in list(_active.values()):
                if now < call[_DEADLINE]:
                    continue
                if not call[_FIRED]:
                    call[_FIRED] = now
                    _interrupt(call)
                elif now - call[_FIRED] > _stuck_after(call) and on_stuck is not None:
                    call[_FIRED] = now  # tell again later rather than at every tick
                    stuck = (call[_PLUGIN], call[_WHAT], call[_SECONDS])
                    threading.Thread(target=on_stuck, args=stuck, daemon=True).start()


def _stuck_after(call: list[Any]) -> float:
    """Time given to an interrupted call to stop before it counts as stuck."""
    return max(1.0, float(call[_SECONDS]))


def _interrupt(call: list[Any]) -> None:
    if call[_THREAD] == _MAIN and _signal_ready:
        signal.pthread_kill(call[_THREAD], signal.SIGALRM)
        return
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(call[_THREAD]), ctypes.py_object(PluginTimeout)
    )


def _install_alarm_handler() -> None:
    """On the main thread, SIGALRM raises PluginTimeout in the overrunning call: only if
    no one else uses SIGALRM."""
    global _signal_ready
    if not (hasattr(signal, "SIGALRM") and hasattr(signal, "pthread_kill")):
        return  # Windows: the other threads' way, an exception raised in the call
    try:
        if signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None):
            return
        signal.signal(signal.SIGALRM, _on_alarm)
    except (ValueError, OSError):  # not the main thread after all
        return
    _signal_ready = True


def _on_alarm(_signum: int, _frame: Any) -> None:
    # Runs in the main thread between two bytecodes: raise only into a call still in
    # progress and overdue, once; a late signal after the call returned does nothing.
    call = _active.get(threading.get_ident())
    if call is not None and call[_FIRED] and not call[_RAISED]:
        call[_RAISED] = True
        raise PluginTimeout


def install_interrupt_marker() -> Callable[[], None]:
    """Make the terminal's Ctrl-C recognisable as the user's (the CLI calls this on the
    main thread); returns the function that restores the previous handler."""
    if threading.get_ident() != _MAIN:
        return _nothing
    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.default_int_handler:
        return _nothing

    def marked(signum: int, frame: Any) -> None:
        global _user_interrupted
        _user_interrupted = True
        signal.default_int_handler(signum, frame)

    signal.signal(signal.SIGINT, marked)

    def restore() -> None:
        signal.signal(signal.SIGINT, previous)

    return restore


def _nothing() -> None:
    """Nothing to restore."""
