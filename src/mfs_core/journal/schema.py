"""The journal's schema and its migrations, for SQLite and PostgreSQL.

Every journal has a ``schema_version`` table with one row per migration applied. Opening a
journal applies the missing migrations in one transaction (serialised between processes),
and refuses a journal written by a newer mfs-core. To change the schema, append a
:class:`Migration`; never edit one that was released.
"""

from __future__ import annotations

import attrs

__all__ = ["MIGRATIONS", "Migration"]

_OUTCOMES = "('resolved_first_contact', 'appointment', 'referral', 'orientation', 'unresolved')"
_AUTONOMY = "('done_by_agent', 'accompanied', 'autonomous')"
_EVENTS = "('appointment_held', 'referral_accepted', 'referral_refused', 'referral_expired')"
# Values written out rather than read from the enums: a released migration never changes.
_DECISIONS = "('answer_now', 'appointment', 'referral', 'orientation', 'unknown')"
_TARGETS = "('referent', 'permanence', 'video', 'office')"


@attrs.frozen
class Migration:
    """One step of the schema: its number, what it does, and its SQL for each backend."""

    version: int
    description: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]


def _tables(time_type: str) -> tuple[str, ...]:
    return (
        f"""CREATE TABLE requests (
            id TEXT PRIMARY KEY,
            received_at {time_type} NOT NULL,
            partner TEXT,
            procedure TEXT,
            thematique TEXT,
            channel TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN {_OUTCOMES}),
            autonomy TEXT CHECK (autonomy IN {_AUTONOMY}),
            note TEXT,
            resident TEXT,
            redacted TEXT,
            recorded_at {time_type} NOT NULL,
            CHECK (procedure IS NOT NULL OR thematique IS NOT NULL)
        )""",
        "CREATE INDEX requests_received_at ON requests (received_at)",
        f"""CREATE TABLE events (
            id TEXT PRIMARY KEY,
            request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
            request_received_at {time_type} NOT NULL,
            event TEXT NOT NULL CHECK (event IN {_EVENTS}),
            occurred_at {time_type} NOT NULL,
            reason TEXT,
            redacted TEXT,
            recorded_at {time_type} NOT NULL
        )""",
        "CREATE INDEX events_request ON events (request_id, occurred_at)",
        "CREATE INDEX events_request_received_at ON events (request_received_at)",
    )


_SQLITE_APPEND_ONLY = tuple(
    f"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} "
    "BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"
    for table in ("requests", "events")
)
_POSTGRES_APPEND_ONLY = (
    "CREATE FUNCTION mfs_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'the journal is append-only'; END $$",
    *(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION mfs_journal_append_only()"
        for table in ("requests", "events")
    ),
)

# Columns added with NULL for the rows already there (SQLite adds one column per statement;
# neither backend rewrites the rows, so the append-only triggers are not involved).
_DECISION_COLUMNS = (
    f"ALTER TABLE requests ADD COLUMN decision TEXT CHECK (decision IN {_DECISIONS})",
    "ALTER TABLE requests ADD COLUMN decision_rule TEXT",
    f"ALTER TABLE requests ADD COLUMN referral_target TEXT CHECK (referral_target IN {_TARGETS})",
)

#: Every migration, in order. The last one's version is the current schema version.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "requests and follow-up events, append-only",
        sqlite=(*_tables("TEXT"), *_SQLITE_APPEND_ONLY),
        postgres=(*_tables("TIMESTAMPTZ"), *_POSTGRES_APPEND_ONLY),
    ),
    Migration(
        2,
        "the routing decision of each request: kind, deciding rule, referral target",
        sqlite=_DECISION_COLUMNS,
        postgres=_DECISION_COLUMNS,
    ),
)
