"""Quality gates for mfs-core: ``nox`` runs tests, tests_plugins, tests_spark, lint, typecheck
and docs.

Works with plain pip/virtualenv; set ``NOX_DEFAULT_VENV_BACKEND=uv`` to use uv instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.sessions = [
    "tests",
    "tests_plugins",
    "tests_spark",
    "plugin_template",
    "lint",
    "typecheck",
    "docs",
]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite on the core alone (the external plugins must be absent)."""
    session.install("-e", ".[test,postgres,serve]")
    session.run("pytest", "-n", "auto", "-m", "not spark", *session.posargs)


#: The external plugins of plugins/, each a separate distribution with its own tests.
PLUGIN_DIRS = ("plugins/mfs-anah", "plugins/mfs-local-droits")


@nox.session(python=PYTHON)
def tests_plugins(session: nox.Session) -> None:
    """The core tests with the external plugins installed, then each plugin's own tests."""
    editable = [arg for path in PLUGIN_DIRS for arg in ("-e", path)]
    session.install("-e", ".[test,postgres,serve]", *editable)
    env = {"MFS_TEST_EXPECT_PLUGINS": "1"}  # the discovery tests assert the plugins are found
    # The HTTP service and the national report read the registry only through the library
    # tested here; they run once, in the tests session, to keep CI within its time budget.
    skip = ("--ignore=tests/serve", "--ignore=tests/national")
    session.run("pytest", "-n", "auto", "-m", "not spark", *skip, *session.posargs, env=env)
    for path in PLUGIN_DIRS:
        session.run("pytest", path, env=env)


@nox.session(python=PYTHON)
def plugin_template(session: nox.Session) -> None:
    """``mfs plugins new``: the generated plugin installs, passes ``mfs plugins --check``
    and its own tests, as generated."""
    session.install("-e", ".[test]")
    package = Path(session.create_tmp()) / "mfs-template-check"
    shutil.rmtree(package, ignore_errors=True)
    session.run("mfs", "plugins", "new", "template-check", "--directory", str(package.parent))
    session.install("-e", f"{package}[test]")
    session.run("mfs", "plugins", "--check")
    session.chdir(package)
    session.run("pytest")


@nox.session(python=PYTHON)
def tests_spark(session: nox.Session) -> None:
    """The national report on Spark in local mode against DuckDB on the same generated year
    (needs Java 17 or later: ``.ci/setup.d/60-java.sh``, ``MFS_TEST_JAVA_HOME``)."""
    session.install("-e", ".[test,spark]")
    session.run("pytest", "-m", "spark", "tests/national", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff lint and format check; the floors of the house (import-linter contracts of
    pyproject.toml, over the installed package's import graph)."""
    session.install("ruff>=0.6", "import-linter>=2.1", "-e", ".")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy, strict on src/."""
    session.install("-e", ".[test,postgres,serve]", "mypy>=1.10")  # pytest: mfs_core.pytest_plugin
    session.run("mypy")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the documentation with warnings as errors."""
    session.install("-e", ".[docs,test,serve]")  # pytest: autodoc of mfs_core.pytest_plugin
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")
