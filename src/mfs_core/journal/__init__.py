"""The activity journal: requests, follow-ups, retention; reading JSON input and exporting.

Backends: SQLite (embedded default) and PostgreSQL (psycopg 3, imported only when used).
"""

from __future__ import annotations

from mfs_core.journal.api import Journal, PurgeResult, WriteResult, open_journal
from mfs_core.journal.records import (
    Autonomy,
    EventKind,
    EventRecord,
    Outcome,
    RequestRecord,
    RoutingDecision,
    StoredEvent,
    StoredRequest,
)
from mfs_core.journal.store import JournalError, JournalStore

__all__ = [
    "Autonomy",
    "EventKind",
    "EventRecord",
    "Journal",
    "JournalError",
    "JournalStore",
    "Outcome",
    "PurgeResult",
    "RequestRecord",
    "RoutingDecision",
    "StoredEvent",
    "StoredRequest",
    "WriteResult",
    "open_journal",
]
