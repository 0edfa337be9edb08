"""``docs/national.md`` shows the dataset's schema as :data:`FIELDS` says it."""

from __future__ import annotations

from pathlib import Path

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
