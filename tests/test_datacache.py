"""The cache of data files read: never a result of other code."""

from __future__ import annotations

from pathlib import Path

import pytest

from mfs_core import datacache


def test_the_key_follows_the_code_that_reads_the_file(tmp_path: Path) -> None:
    """Found by the #12 review fixes: the key held the version and the model's fields only,
    so in a checkout (same version) changed parsing code brought back the old results."""
    (tmp_path / "datafile.py").write_text("A = 1\n", encoding="utf-8")
    before = datacache.code_digest(tmp_path, ("datafile",))
    (tmp_path / "datafile.py").write_text("A = 2\n", encoding="utf-8")
    assert datacache.code_digest(tmp_path, ("datafile",)) != before
    # The real modules are all found (none counted by its name only).
    folder = Path(datacache.__file__).parent
    assert all((folder / f"{m}.py").is_file() for m in datacache._SHAPING_MODULES)


def test_a_result_is_reused_for_the_same_bytes_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_CACHE_DIR", str(tmp_path))
    calls: list[bytes] = []

    def compute(data: bytes) -> list[bytes]:
        calls.append(data)
        return [data]

    assert datacache.cached("test", "ctx", b"a", lambda: compute(b"a")) == [b"a"]
    assert datacache.cached("test", "ctx", b"a", lambda: compute(b"a")) == [b"a"]
    assert datacache.cached("test", "ctx", b"b", lambda: compute(b"b")) == [b"b"]
    assert calls == [b"a", b"b"]
