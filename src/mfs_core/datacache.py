"""A cache of data files already read, so that ``mfs plugins`` starts fast.

Reading a partner's data file costs a TOML parse and the converter's checks of every entry
(and importing cattrs' generated code): several times the cold start of the whole command
for the built-in catalogue. What a file gave is therefore kept, pickled, under a key that
changes whenever anything that could change the result changes: the file's bytes (SHA-256),
the mfs-core version, the Python version, the fields of the model classes and the source of
the modules that read the file (a checkout keeps its version while its code changes). An edited file
is read again; a stale entry is never used.

Where: ``$MFS_CACHE_DIR``, else ``$XDG_CACHE_HOME/mfs-core``, else ``~/.cache/mfs-core``;
``MFS_CACHE_DIR=off`` turns the cache off. The cache is an optimisation only: any problem
(unwritable directory, a damaged or foreign file) means reading the file again, silently. A
cache file is used only if it belongs to the current user and no one else may write it (a
pickle from elsewhere must never be loaded).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_dir", "cached"]

T = TypeVar("T")
_ENV = "MFS_CACHE_DIR"


def cache_dir() -> Path | None:
    """The cache directory, or ``None`` when the cache is off."""
    configured = os.environ.get(_ENV)
    if configured:
        return None if configured.strip().lower() == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mfs-core"


@functools.cache
def _fingerprint() -> str:
    """What the pickled objects depend on besides the file: versions and model fields."""
    import attrs

    from mfs_core import __version__, model

    classes = sorted(
        (name, tuple(f.name for f in attrs.fields(cls)))
        for name, cls in vars(model).items()
        if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == model.__name__
    )
    # The code that shapes what is cached: a change to it (in a checkout, where the version
    # stays the same) must not bring back results of the old code.
    code = code_digest(Path(model.__file__).parent, _SHAPING_MODULES)
    return repr((__version__, sys.version_info[:2], pickle.HIGHEST_PROTOCOL, classes, code))


def code_digest(folder: Path, modules: tuple[str, ...]) -> str:
    """SHA-256 of the source of ``modules`` (names of ``.py`` files in ``folder``); a file
    that cannot be read (a zipped install) counts by its name: the version says enough."""
    code = hashlib.sha256()
    for module in modules:
        try:
            code.update((folder / f"{module}.py").read_bytes())
        except OSError:
            code.update(module.encode())
    return code.hexdigest()


#: The modules whose code shapes a data file's parsed entries.
_SHAPING_MODULES = ("model", "contract", "converter", "datafile", "hookspecs", "datacache")


def cached(kind: str, context: str, data: bytes, compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned before for the same ``context`` (what else the
    result depends on: a file's name, its package) and ``data``. ``kind`` separates the
    users of the cache (``"datafile"``)."""
    directory = cache_dir()
    if directory is None:
        return compute()
    head = f"{_fingerprint()}\0{context}\0".encode("utf-8", "surrogatepass")
    key = hashlib.sha256(head + data).hexdigest()
    path = directory / f"{kind}-{key}.pickle"
    found = _load(path)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = compute()
    _store(path, value)
    return value


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            status = os.fstat(handle.fileno())
            if status.st_mode & 0o022 or (hasattr(os, "getuid") and status.st_uid != os.getuid()):
                return None  # writable by others, or someone else's: not ours to unpickle
            return pickle.load(handle)
    except Exception:  # absent, damaged, or from an incompatible version: read the file
        return None


def _store(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)  # atomic: a concurrent reader sees all or nothing
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # read-only home, full disk: the cache is only an optimisation
        return
