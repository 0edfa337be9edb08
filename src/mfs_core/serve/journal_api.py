"""The journal over HTTP: recording requests and follow-ups (role ``agent``), exporting
the journal and reading the monthly reports (role ``manager``).

Writes keep every good record, as ``mfs journal add`` does: a record whose id is already
in the journal is not recorded twice (a retried call is harmless; one whose id is there
with other content is not recorded and is named, as a refused one), notes are redacted and
residents pseudonymised before storage, and each bad record is named in the answer.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs
from starlette.responses import Response, StreamingResponse

from mfs_core.errors import InputError
from mfs_core.serve.auth import Role
from mfs_core.serve.bodies import SOURCE, read_body, refuse_large_document, require_media_type
from mfs_core.serve.problems import ERROR_LOGGER, Problem, error_items
from mfs_core.serve.web import (
    PRIVATE,
    authorize,
    date_param,
    json_response,
    negotiate,
    service_of,
    stream_from_thread,
    threaded,
)

if TYPE_CHECKING:
    from starlette.requests import Request

    from mfs_core.journal import EventRecord, Journal, RequestRecord, WriteResult
    from mfs_core.serve.service import Service

__all__ = ["Intake", "export", "in_journal", "ready", "records", "report"]

T = TypeVar("T")


@attrs.define
class Intake:
    """What became of a body of records: counts, redactions, each refused record's
    problems and each conflicting record (``where`` is ``body``, ``body:LINE`` or
    ``body[INDEX]``)."""

    recorded: int = 0
    already_present: int = 0
    #: Where the records are whose id the journal holds with other content (not recorded).
    conflicts: list[str] = attrs.field(factory=list)
    redactions: dict[str, int] = attrs.field(factory=dict)
    rejected: dict[str, list[str]] = attrs.field(factory=dict)

    def refuse(self, where: str, problems: list[str]) -> None:
        self.rejected.setdefault(where, []).extend(problems)

    def add(self, result: WriteResult, where: list[str]) -> None:
        self.recorded += result.recorded
        self.already_present += result.already_present
        self.conflicts.extend(where[index] for index in result.conflicting_at)
        for label, count in result.redactions.items():
            self.redactions[label] = self.redactions.get(label, 0) + count
        for index, reason in sorted(result.rejected.items()):
            self.refuse(where[index], [f"the journal refused this record ({reason})"])


def write_records(journal: Journal, body: bytes) -> Intake:
    """Record the requests and events of ``body`` (JSON object, array, or JSON lines):
    requests first, then events (an event may come before its request in the body)."""
    from mfs_core.inputs import JsonLines
    from mfs_core.journal import EventRecord
    from mfs_core.journal.intake import latest_accepted, read_record

    intake = Intake()
    latest = latest_accepted()
    requests: list[tuple[str, RequestRecord]] = []
    events: list[tuple[str, EventRecord]] = []
    for item in JsonLines(io.BytesIO(body), SOURCE):
        where = SOURCE if item.line is None and "[" not in item.where else item.where
        try:
            if item.error is not None:
                raise InputError(item.error.problems)
            record = read_record(item.value, latest=latest, pseudonymizes=journal.pseudonymizes)
        except InputError as exc:
            intake.refuse(where, exc.problems)
            continue
        (events if isinstance(record, EventRecord) else requests).append((where, record))  # type: ignore[arg-type]
    if requests:
        result = journal.record_each([record for _, record in requests])
        intake.add(result, [where for where, _ in requests])
    if events:
        problems = journal.event_problems([event for _, event in events])
        good = []
        for (where, event), problem in zip(events, problems, strict=True):
            if problem is None:
                good.append((where, event))
            else:
                intake.refuse(where, [problem])
        result = journal.follow_up_each([event for _, event in good])
        intake.add(result, [where for where, _ in good])
    return intake


async def in_journal(
    service: Service, work: Callable[[Journal], T], *, read_only: bool = False
) -> T:
    """``work(journal)`` in a worker thread, the journal opened and closed there; 503 when
    the journal cannot be opened, read or written."""
    from mfs_core.journal import JournalError

    def run() -> T:
        with service.journal(read_only=read_only) as journal:
            return work(journal)

    try:
        return await threaded(run)
    except JournalError as exc:
        # Why (a file path, a database host or user) is for the server's log, not for
        # every token holder; the journal's messages never hold a password.
        ERROR_LOGGER.error("journal unavailable: %s", exc)
        action = "lu" if read_only else "écrit"
        raise Problem(
            "journal-unavailable",
            f"Le journal ne peut pas être {action} ; la cause est consignée dans le journal "
            "du serveur.",
        ) from None


async def records(request: Request) -> Response:
    """``POST /journal/records``: 200 with the counts when every record was taken; 422
    (problem) naming each refused or conflicting record otherwise — the good ones are
    recorded all the same (``recorded`` and ``already_present`` say how many)."""
    authorize(request, Role.AGENT)
    require_media_type(request, ("application/json", "application/x-ndjson", "application/jsonl"))
    service = service_of(request)
    body = await read_body(request, service.settings.api_max_body_bytes)
    if not body.strip():
        raise Problem("invalid-json", "Le corps de la requête est vide.")
    refuse_large_document(body)

    intake = await in_journal(service, lambda journal: write_records(journal, body))
    counts: dict[str, Any] = {
        "recorded": intake.recorded,
        "already_present": intake.already_present,
        "conflicting": len(intake.conflicts),
        "redactions": intake.redactions,
    }
    if not intake.rejected and not intake.conflicts:
        return json_response(counts, headers=PRIVATE)
    from mfs_core.journal.intake import CONFLICT

    refused = len(intake.rejected)
    problems = [f"{where}: {line}" for where, lines in intake.rejected.items() for line in lines]
    problems += [f"{where}: {CONFLICT}" for where in intake.conflicts]
    raise Problem(
        "invalid-body",
        _not_taken_fr(refused, len(intake.conflicts), intake.recorded + intake.already_present),
        errors=error_items(problems),
        rejected=refused,
        **counts,
    )


def _not_taken_fr(refused: int, conflicting: int, kept: int) -> str:
    """« 2 enregistrements refusés et 1 écarté (identifiant déjà dans le journal avec un
    autre contenu) : voir errors ; aucun autre pris en compte. »"""
    from mfs_core.french import count, plural
    from mfs_core.journal.intake import CONFLICT_FR

    parts = []
    if refused:
        parts.append(f"{count(refused, 'enregistrement')} {plural(refused, 'refusé')}")
    if conflicting:
        what = f"{count(conflicting, 'enregistrement')} " if not refused else f"{conflicting} "
        parts.append(f"{what}{plural(conflicting, 'écarté')} {CONFLICT_FR}")
    others = (
        "aucun autre pris en compte"
        if not kept
        else (f"{count(kept, 'autre', 'autres')} {plural(kept, 'pris', 'pris')} en compte")
    )
    return f"{' et '.join(parts)} : voir errors ; {others}."


async def ready(request: Request) -> Response:
    """``GET /ready``: the readiness probe. 200 when the journal opens and reads (its
    schema, then its first request and first event: a few pages, whatever its size); 503
    ``journal-unavailable`` otherwise, the cause in the server's log only. ``/health``
    stays the liveness probe: it never touches the journal, so a broken journal takes the
    service out of a load balancer's rotation without having it restarted in a loop."""

    def read(journal: Journal) -> None:
        next(journal.requests(), None)
        next(journal.events(), None)

    await in_journal(service_of(request), read, read_only=True)
    return json_response({"status": "ready"}, headers={"cache-control": "no-store"})


#: Accept media type -> export format.
EXPORT_FORMATS = {"application/x-ndjson": "jsonl", "text/csv": "csv"}


async def export(request: Request) -> Response:
    """``GET /journal/export[?since=DATE&until=DATE&format=jsonl|csv]``, streamed."""
    from mfs_core.journal.export import export_lines

    authorize(request, Role.MANAGER)
    fmt: Literal["jsonl", "csv"] = "csv" if negotiate(request, EXPORT_FORMATS) == "csv" else "jsonl"
    since, until = date_param(request, "since"), date_param(request, "until")
    if since is not None and until is not None and since >= until:
        # until is exclusive: an empty or reversed range is a caller's mistake, not an
        # export of no row (as `mfs journal export --since/--until`; review 16c). 400 as
        # every wrong query parameter (docs/http.md); the dates are not shown back.
        detail = "expected since before until (until is excluded): nothing would be exported"
        raise Problem(
            "bad-request",
            "Paramètres since et until : since doit précéder until (until est exclu) ; "
            "rien ne serait exporté.",
            errors=[{"field": name, "detail": detail} for name in ("since", "until")],
        )
    service = service_of(request)
    # Opened once before the answer begins: once it has, a 200 is sent and a journal that
    # cannot be read could only cut the stream short.
    await in_journal(service, lambda _journal: None, read_only=True)

    def produce() -> Generator[str, None, None]:
        with service.journal(read_only=True) as journal:
            yield from export_lines(journal, since, until, fmt)

    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
    return StreamingResponse(stream_from_thread(produce), media_type=media, headers=PRIVATE)


#: Accept media type -> ``mfs report`` format.
REPORT_FORMATS = {"application/json": "json", "text/csv": "csv", "text/html": "html"}


async def report(request: Request) -> Response:
    """``GET /reports/{YYYY-MM}``: the month's activity report as JSON, CSV or HTML."""
    from mfs_core.inputs import EARLIEST_DATE, LATEST_DATE
    from mfs_core.report import build_report, parse_month, to_csv, to_json

    authorize(request, Role.MANAGER)
    fmt = negotiate(request, REPORT_FORMATS)
    try:
        month = parse_month(request.path_params["month"], echo=False)
    except InputError as exc:
        detail = str(exc).removeprefix("--month: ")
        # A well-formed month out of the calendar (9999-01) is not said to be malformed.
        french = (
            f"Mois hors des dates acceptées (de {EARLIEST_DATE:%Y-%m} à {LATEST_DATE:%Y-%m})."
            if "between" in detail
            else "Mois attendu sous la forme AAAA-MM."
        )
        raise Problem("not-found", french, errors=[{"field": "month", "detail": detail}]) from None
    service = service_of(request)

    monthly = await in_journal(
        service, lambda journal: build_report(journal, month), read_only=True
    )
    if fmt == "json":
        return json_response(to_json(monthly), headers=PRIVATE)
    if fmt == "csv":
        return Response(to_csv(monthly), media_type="text/csv; charset=utf-8", headers=PRIVATE)
    from mfs_core.report import to_html
    from mfs_core.report.formats.html import CSP

    # The page's own policy as a header too, with what a <meta> cannot say: no framing.
    headers = {**PRIVATE, "content-security-policy": f"{CSP}; frame-ancestors 'none'"}
    return Response(
        to_html(monthly, service.names), media_type="text/html; charset=utf-8", headers=headers
    )
