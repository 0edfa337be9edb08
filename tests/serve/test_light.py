"""The service's packages are imported only by ``mfs serve`` and ``mfs sheet``: the library
and the other commands start without them."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("starlette", "uvicorn", "jinja2", "weasyprint", "segno", "mfs_core.serve")


def test_library_and_parser_do_not_import_the_service() -> None:
    code = (
        "import sys, mfs_core, mfs_core.cli; mfs_core.cli.build_parser(); "
        f"print(__import__('json').dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
