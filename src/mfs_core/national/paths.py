"""Partition files handed to an engine so that it reads each path literally, not as a glob.

DuckDB's ``read_parquet`` (and its ``parquet_*`` metadata functions) and Spark's reader
(Hadoop's ``globStatus``) expand glob patterns in every path they are given, a list's items
included: a dataset directory named ``exports (copie)*`` also read the files of its sibling
``exports (copie) 2`` (400 requests counted as 800, review 15e), and ``br[1]`` read ``br1``.
The readers list the exact files themselves (:func:`.reading.find_partitions`); these
functions escape each one for its engine (measured on DuckDB 2.0.1 and Spark 4.3.0:
``tests/national/test_glob_paths.py``, ``test_spark.py``).

- DuckDB: ``*``, ``?`` and ``[`` each become a one-character class (``[*]``), the escaping
  DuckDB's maintainers point to (duckdb/duckdb#15722); ``]``, ``{`` and ``}`` are literal
  in its globs. A path holding a backslash as well as one of those three cannot be
  escaped (DuckDB reads ``\\`` before them in its own way): refused, naming the path.
- Spark: the absolute path, with Hadoop's escape, a backslash before each of
  ``\\ * ? [ ] { }`` (``org.apache.hadoop.fs.GlobPattern``); the ``basePath`` option (never
  globbed) is given the absolute directory as it is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mfs_core.national.errors import DatasetError

__all__ = ["duckdb_path", "hadoop_path"]

_DUCKDB_GLOB = frozenset("*?[")
_HADOOP_GLOB = re.compile(r"([\\*?\[\]{}])")


def duckdb_path(path: Path) -> str:
    """``path`` as DuckDB reads it literally (``a*/b`` → ``a[*]/b``).

    Raises :class:`DatasetError` for a path holding a backslash and one of ``* ? [``.
    """
    text = str(path)
    if not _DUCKDB_GLOB.intersection(text):
        return text
    if "\\" in text:
        raise DatasetError(
            f"{path}: a path holding a backslash and one of * ? [ cannot be read "
            "literally by DuckDB (it would be read as a pattern, other directories' files "
            "with it); rename the directory"
        )
    return "".join(f"[{char}]" if char in _DUCKDB_GLOB else char for char in text)


def hadoop_path(path: Path) -> str:
    """``path``, made absolute, as Spark (Hadoop) reads it literally (``/d/br[1]`` →
    ``/d/br\\[1\\]``)."""
    return _HADOOP_GLOB.sub(r"\\\1", os.path.abspath(path))
