"""``docs/national.md`` shows the dataset's schema as :data:`FIELDS` says it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mfs_core.national.schema import FIELDS

PAGE = Path(__file__).resolve().parents[2] / "docs" / "national.md"


def test_schema_table_matches_the_fields() -> None:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index("<!-- schema-table")
    table = text[start : text.index("<!-- end schema-table -->")].splitlines()[3:]
    expected = [
        f"| `{field.name}` | {field.type} | {'yes' if field.nullable else 'no'} | "
        f"{field.description} |"
        for field in FIELDS
    ]
    assert table == expected


def _commands() -> list[list[str]]:
    """The ``mfs`` commands of the page's « Commands » block, continuation lines joined and
    comments dropped."""
    import shlex

    text = PAGE.read_text(encoding="utf-8")
    start = text.index("```sh", text.index("## Commands"))
    block = text[start + len("```sh") : text.index("```", start + 5)]
    joined = block.replace("\\\n", " ")
    lines = [line.split("#", 1)[0].strip() for line in joined.splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("mfs ")]


def test_the_commands_run_as_written_in_a_fresh_home(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    clean_env: None,
) -> None:
    """In an empty HOME and cache (the journal created by the first command), from a
    directory holding the checkout's examples: each command exits 0 (Spark is left to the
    tests_spark session)."""
    from mfs_core.cli import main

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / "cache"))
    (tmp_path / "examples").symlink_to(PAGE.parents[1] / "examples")
    commands = _commands()
    assert commands[0][:2] == ["journal", "add"]
    assert len(commands) == 7
    for args in commands:
        if "spark" in args:
            continue
        code = main(args)
        out, err = capsys.readouterr()
        assert code == 0, (args, err)
        if args[:2] == ["national", "report"]:
            assert "juin 2023" in out or '"month": "2023-06"' in out


def test_readme_and_help_name_the_national_commands_and_what_parquet_holds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review 15e (r10): the README's command table had no `mfs national` nor the Parquet
    export, and `journal export --help` said every export holds notes and pseudonyms."""
    from mfs_core.cli import main

    readme = (PAGE.parents[1] / "README.md").read_text(encoding="utf-8")
    for command in ("`mfs national report", "`mfs national consolidate", "--format parquet"):
        assert command in readme
    for argv in (["journal", "--help"], ["journal", "export", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        said = " ".join(capsys.readouterr().out.split())
        assert "Parquet" in said
        assert "no resident" in said or "no residents" in said
    assert "Where it stands (the latest figure of each target" in PAGE.read_text("utf-8")
