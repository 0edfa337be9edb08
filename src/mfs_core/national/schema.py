"""The national dataset's schema, version 1: one row per request, no personal data.

One list, :data:`FIELDS`, is the contract: the exporter builds its Arrow schema from it,
the readers check files against it, and ``docs/national.md`` shows it (a test keeps the page
and this list in step). Change it only with a new :data:`SCHEMA_VERSION`; readers refuse a
file of another version rather than misread it.

What is left out, on purpose: the request's id, its time of day (only its Paris day is
kept), the note, the refusal reason and any other free text (redaction leaves some risk
in free text, and no national figure needs it), the resident's pseudonym (the two resident
figures are precomputed per site and month at the source: ``resident_identified`` and
``repeat_visit``), and the follow-up events' own ids and reasons (only the latest status
is kept, as the report counts it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "DATASET_NAME",
    "FIELDS",
    "KEY_PREFIX",
    "NATIONAL_LAYOUT",
    "PARTITION_FILE",
    "SCHEMA_VERSION",
    "SITE_LAYOUT",
    "Field",
    "arrow_schema",
    "metadata_key",
]

#: Version of the row schema below; in every file's key-value metadata and in the docs.
SCHEMA_VERSION: Final = 1
DATASET_NAME: Final = "mfs-requests"
#: Prefix of this project's keys in a Parquet file's key-value metadata.
KEY_PREFIX: Final = "mfs."
#: Layouts: a site's export (``site=<id>/month=<YYYY-MM>/``) and the consolidated national
#: dataset (``month=<YYYY-MM>/``, the site as a column).
SITE_LAYOUT: Final = "site"
NATIONAL_LAYOUT: Final = "national"
#: The one file of each partition: re-exporting replaces it, so rows are never duplicated.
PARTITION_FILE: Final = "part-0.parquet"


def metadata_key(name: str) -> str:
    """``"schema_version"`` → ``"mfs.schema_version"``."""
    return KEY_PREFIX + name


@attrs.frozen
class Field:
    """One column: its name, Arrow type, whether it may be null, and what it holds."""

    name: str
    type: str  # "string", "date32", "bool" (Arrow type names)
    nullable: bool
    description: str


FIELDS: tuple[Field, ...] = (
    Field("received_on", "date32", False, "day the request was received, Europe/Paris"),
    Field(
        "partner",
        "string",
        True,
        "partner code: the one recorded, else the procedure's (`dgfip`); null for a request "
        "with a thematique only",
    ),
    Field("procedure", "string", True, "procedure id `<partner>.<slug>`; null if none"),
    Field("thematique", "string", True, "data·inclusion thematique code; null if none"),
    Field("channel", "string", False, "`counter`, `phone`, `video`, `mobile`, `online`, `mail`"),
    Field(
        "outcome",
        "string",
        False,
        "`resolved_first_contact`, `appointment`, `referral`, `orientation`, `unresolved`",
    ),
    Field(
        "autonomy",
        "string",
        True,
        "`done_by_agent`, `accompanied`, `autonomous`; null when not recorded",
    ),
    Field(
        "decision",
        "string",
        True,
        "routing decision: `answer_now`, `appointment`, `referral`, `orientation`, `unknown`; "
        "null when not recorded",
    ),
    Field("decision_rule", "string", True, "id of the rule that decided; null if none"),
    Field(
        "referral_target",
        "string",
        True,
        "`referent`, `permanence`, `video`, `office` (decision `referral` only)",
    ),
    Field(
        "follow_up",
        "string",
        True,
        "latest follow-up event as of the export: `appointment_held`, `referral_accepted`, "
        "`referral_refused`, `referral_expired`; null when none",
    ),
    Field("follow_up_on", "date32", True, "day of that event, Europe/Paris; null when none"),
    Field(
        "resident_identified",
        "bool",
        False,
        "the request named its resident (stored as a pseudonym in the site's journal)",
    ),
    Field(
        "repeat_visit",
        "bool",
        False,
        "the same resident made an earlier request of the same month at the same site "
        "(order: reception time, then request id); false when not identified",
    ),
    Field("departement", "string", False, "INSEE code of the site's département (COG 2024)"),
    Field("region", "string", False, "INSEE code of the site's région (COG 2024)"),
)
#: Columns a file of the site layout holds (``site`` and ``month`` are in its path).
FILE_COLUMNS: tuple[str, ...] = tuple(field.name for field in FIELDS)


def arrow_schema(*, with_site: bool = False) -> pa.Schema:
    """The Arrow schema of a file: :data:`FIELDS` (and ``site`` first for the national
    layout), each field's description in its metadata. Imports pyarrow."""
    import pyarrow as pa

    types = {"string": pa.string(), "date32": pa.date32(), "bool": pa.bool_()}
    fields = [
        pa.field(
            f.name, types[f.type], nullable=f.nullable, metadata={"description": f.description}
        )
        for f in FIELDS
    ]
    if with_site:
        site = pa.field("site", pa.string(), nullable=False, metadata={"description": SITE_DOC})
        fields.insert(0, site)
    return pa.schema(fields)


SITE_DOC = "site id (ANCT `id_fs` or the site file's `id`)"
