"""The JSON endpoints on the catalogue, routing, recognition and compliance: each reads
its input, calls one library function, and answers in the JSON of the CLI's
``--format json`` (see ``docs/openapi.json`` for the contract)."""

from __future__ import annotations

import io
import itertools
import json
import re
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, cast

from starlette.responses import Response, StreamingResponse

from mfs_core.errors import InputError
from mfs_core.inputs import blank_text
from mfs_core.routing.request import MAX_NEED_CHARS, need_length
from mfs_core.serve.bodies import (
    SOURCE,
    parse_document,
    read_body,
    refuse_large_document,
    require_media_type,
)
from mfs_core.serve.problems import INTERNAL_ERROR, Problem, error_items, log_internal_error
from mfs_core.serve.web import (
    authorize,
    bool_param,
    date_param,
    json_response,
    negotiate,
    service_of,
    threaded,
)
from mfs_core.thematiques import thematique_problem

if TYPE_CHECKING:
    from starlette.requests import Request

    from mfs_core.routing import Request as RoutingRequest
    from mfs_core.routing import SiteContext

__all__ = [
    "check",
    "health",
    "plugins",
    "procedure",
    "procedures",
    "recognise",
    "route",
    "route_batch",
]

#: Lines of a batch decided per worker-thread call: few thread hops, prompt first bytes.
BATCH_CHUNK = 200
JSON_LINES = "application/x-ndjson"


def _invalid(exc: InputError, what: str = "les données envoyées") -> Problem:
    count = len(exc.problems)
    return Problem(
        "invalid-body",
        f"{count} erreur{'s' if count > 1 else ''} dans {what} : voir errors.",
        errors=error_items(exc.problems),
    )


# -- service ------------------------------------------------------------------------------
async def health(request: Request) -> Response:
    """200 once the plugins are loaded (the server accepts no connection before)."""
    registry = service_of(request).registry
    return json_response(
        {
            "status": "ok",
            "plugins": len(registry.plugins),
            "procedures": len(registry.procedures),
            "faults": len(registry.faults),
        },
        headers={"cache-control": "no-store"},
    )


async def plugins(request: Request) -> Response:
    from mfs_core.documents import plugins_document

    authorize(request, None)
    return json_response(plugins_document(service_of(request).registry))


# -- catalogue and recognition -----------------------------------------------------------
#: What a need search takes besides the need (``GET /procedures?q=``, ``POST /recognise``).
DEFAULT_LIMIT, MAX_LIMIT = 5, 20


def _search_problems(
    need: Any, need_field: str, thematique: Any, limit: Any
) -> list[tuple[dict[str, str], str]]:
    """What is wrong with a need search, each as (``errors`` item, French phrase): the
    same checks and words for ``GET /procedures?q=`` and ``POST /recognise``, which give
    the same candidates for the same need, thematique and limit."""
    found: list[tuple[str, str, str]] = []  # (field, English detail, French phrase)
    if need is not None and not isinstance(need, str):
        found.append((need_field, "expected a string", "Le besoin doit être un texte"))
    elif need is None or blank_text(need):
        found.append((need_field, "expected a non-empty text", "Le besoin est vide"))
    elif need_length(need) > MAX_NEED_CHARS:
        found.append((need_field, f"expected at most {MAX_NEED_CHARS} characters",
                      f"Le besoin dépasse {MAX_NEED_CHARS} caractères"))  # fmt: skip
    if not (type(limit) is int and 1 <= limit <= MAX_LIMIT):
        found.append(("limit", f"expected a number from 1 to {MAX_LIMIT}",
                      f"limit : un nombre de 1 à {MAX_LIMIT}"))  # fmt: skip
    if not isinstance(thematique, str | None):
        found.append(("thematique", "expected a string", "thematique : un code"))
    elif thematique is not None and (problem := thematique_problem(thematique)):
        found.append(("thematique", problem, "thematique : un code de thématique data·inclusion"))
    return [({"field": field, "detail": detail}, french) for field, detail, french in found]


def _refuse_search(kind: str, problems: list[tuple[dict[str, str], str]]) -> None:
    """Raise the problem of ``kind`` naming only the fields that are wrong (a bad limit
    used to blame the thematique too)."""
    if problems:
        raise Problem(
            kind,
            " ; ".join(french for _, french in problems) + ".",
            errors=[error for error, _ in problems],
        )


def _query_limit(request: Request) -> int | None:
    value = request.query_params.get("limit")
    if value is None:
        return DEFAULT_LIMIT
    # ASCII digits only: str.isdigit() is also true of "²", which int() refuses.
    return int(value) if re.fullmatch(r"[0-9]{1,2}", value) else None


async def procedures(request: Request) -> Response:
    """``GET /procedures[?partner=CODE][&q=NEED[&thematique=CODE][&limit=N]]``: with
    ``q``, the candidates of ``POST /recognise`` for the same need, thematique and limit
    (those of ``partner`` only, when given). A bad parameter is a 400 problem naming it;
    ``limit`` and ``thematique`` without ``q`` too (they would change nothing)."""
    from mfs_core.documents import procedures_document, recognition_document
    from mfs_core.recognition import shown_candidates

    authorize(request, None)
    service = service_of(request)
    registry = service.registry
    params = request.query_params
    partner = params.get("partner")
    if partner is not None and partner not in registry.partners:
        raise Problem(
            "bad-request",
            "Partenaire inconnu.",
            errors=[{"field": "partner", "detail": f"known: {', '.join(registry.partners)}"}],
        )
    chosen = [p for p in registry.procedures.values() if partner in (None, p.partner)]
    q = params.get("q")
    if q is None:
        alone = [name for name in ("limit", "thematique") if name in params]
        if alone:
            raise Problem(
                "bad-request",
                f"Paramètre{'s' if len(alone) > 1 else ''} {' et '.join(alone)} : seulement "
                "avec q (la recherche par besoin).",
                errors=[{"field": name, "detail": "only with q"} for name in alone],
            )
        return json_response(procedures_document(chosen))
    limit, thematique = _query_limit(request), params.get("thematique")
    _refuse_search("bad-request", _search_problems(q, "q", thematique, limit))
    kept = cast("int", limit)  # _search_problems refused anything else
    recogniser = service.router.recogniser()
    recognition = await threaded(lambda: recogniser.recognise(q, thematique=thematique, limit=kept))
    # As the recognition document lists them (a need of several requests: each request's
    # first before any request's second, issue-14aj), or those of ``partner``.
    ranked = (
        shown_candidates(recognition, kept)
        if partner is None
        else [c for c in recognition.candidates if c.partner == partner][:kept]
    )
    document = procedures_document(registry.procedures[c.procedure] for c in ranked)
    document["recognition"] = recognition_document(recognition, kept)
    return json_response(document)


async def procedure(request: Request) -> Response:
    """``GET /procedures/{id}``: one procedure, as in the procedures document."""
    from mfs_core.converter import unstructure

    authorize(request, None)
    found = service_of(request).registry.procedures.get(request.path_params["id"])
    if found is None:
        raise Problem("not-found", "Aucune démarche n'a cet identifiant.")
    return json_response(unstructure(found))


async def recognise(request: Request) -> Response:
    """``POST /recognise`` ``{"need": TEXT, "thematique"?: CODE, "limit"?: N}``: the JSON
    of ``mfs recognise --format json``. The need is never stored nor logged. A body that
    is JSON but not such an object is a 422 problem naming each wrong field."""
    from mfs_core.documents import recognition_document

    authorize(request, None)
    require_media_type(request, ("application/json",))
    data = parse_document(await read_body(request))
    if not isinstance(data, dict) or set(data) - {"need", "thematique", "limit"}:
        raise Problem(
            "invalid-body",
            "Attendu un objet JSON avec need, et éventuellement thematique et limit.",
            errors=[{"detail": "expected an object with need, thematique?, limit?"}],
        )
    need, thematique = data.get("need"), data.get("thematique")
    limit = data.get("limit", DEFAULT_LIMIT)
    _refuse_search("invalid-body", _search_problems(need, "need", thematique, limit))
    text = cast("str", need)  # _search_problems refused anything else
    recogniser = service_of(request).router.recogniser()
    recognition = await threaded(
        lambda: recogniser.recognise(text, thematique=thematique, limit=limit)
    )
    return json_response(recognition_document(recognition, limit))


# -- routing ------------------------------------------------------------------------------
def routing_input(value: Any, where: str) -> tuple[RoutingRequest, SiteContext | None]:
    """A routing input: a request, or ``{"request": ..., "context": ...}`` (context
    optional). Raises :class:`InputError` naming ``where`` and the field, quoting no
    value (``got another value``, ``got a string``): as ``mfs route --request``, since a
    resident's words may stand in any field. A request or a context that is not an
    object is named as one (``context: expected a JSON object, got array``: PHP's
    ``json_encode([])``), never taken for an empty object."""
    from mfs_core.converter import json_kind, structure
    from mfs_core.routing import Request as RoutingRequest
    from mfs_core.routing import SiteContext
    from mfs_core.routing.context import modernised

    if not isinstance(value, dict):
        raise InputError(f"(root): expected a JSON object, got {json_kind(value)}", source=where)
    if "request" not in value:
        return structure(value, RoutingRequest, source=where, echo_values=False), None
    extra = set(value) - {"request", "context"}
    if extra:
        from mfs_core.redaction import redact

        # A key is data too, redacted as the converter redacts unknown keys.
        shown = ", ".join(sorted(redact(key).text for key in extra))
        raise InputError(f"unknown key{'s' if len(extra) > 1 else ''} {shown}", source=where)
    problems: list[str] = []
    request = context = None
    try:
        request = structure(
            value["request"], RoutingRequest, source=f"{where}: request", echo_values=False
        )
    except InputError as exc:
        problems += exc.problems
    if value.get("context") is not None:
        try:
            given = modernised(value["context"], f"{where}: context")
            context = structure(given, SiteContext, source=f"{where}: context", echo_values=False)
        except InputError as exc:
            problems += exc.problems
    if problems or request is None:
        raise InputError(problems)
    return request, context


#: ``WHERE: request: FIELD: ...`` (a field's problem inside the request or the context).
_INNER_FIELD = re.compile(r": (request|context): (?=[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*: )")


def _where_field(problems: list[str]) -> list[str]:
    # "body: request: channel: ..." reads better as "body: request.channel: ..."; a
    # problem of the whole request stays "body: request: expected a JSON object, ...".
    return [
        _INNER_FIELD.sub(r": \1.", p, count=1).replace(": (root): ", ": ", 1)
        if ": request: " in p or ": context: " in p
        else p
        for p in problems
    ]


async def route(request: Request) -> Response:
    """``POST /route[?explain=true]``: one routing input → the decision with its trace."""
    from mfs_core.converter import unstructure

    authorize(request, None)
    require_media_type(request, ("application/json",))
    explain = bool_param(request, "explain")
    data = parse_document(await read_body(request))
    try:
        routing_request, context = routing_input(data, SOURCE)
    except InputError as exc:
        raise _invalid(InputError(_where_field(exc.problems))) from None
    router = service_of(request).router
    decision = await threaded(lambda: router.decide(routing_request, context, explain=explain))
    return json_response(unstructure(decision))


def _decide_lines(request: Request, body: bytes, explain: bool) -> AsyncIterator[bytes]:
    from mfs_core.converter import unstructure
    from mfs_core.inputs import JsonItem, JsonLines

    router = service_of(request).router
    items = iter(JsonLines(io.BytesIO(body), SOURCE))

    def answer(item: JsonItem) -> str:
        line = {"line": item.line} if item.line is not None else {}
        try:
            if item.error is not None:
                raise InputError(item.error.problems, source=item.where)
            routing_request, context = routing_input(item.value, item.where)
            decision = unstructure(router.decide(routing_request, context, explain=explain))
        except InputError as exc:
            problem = _invalid(InputError(_where_field(exc.problems)), "cette ligne")
            data: dict[str, Any] = {**line, "problem": problem.document()}
        except Exception as exc:  # one line's fault never costs the others their answer
            log_internal_error("POST", "/route/batch", exc)
            data = {**line, "problem": INTERNAL_ERROR.document()}
        else:
            data = {**decision, **line}
        return json.dumps(data, ensure_ascii=False) + "\n"

    def chunk() -> bytes:
        return "".join(answer(item) for item in itertools.islice(items, BATCH_CHUNK)).encode()

    async def lines() -> AsyncIterator[bytes]:
        while block := await threaded(chunk):
            yield block

    return lines()


async def route_batch(request: Request) -> Response:
    """``POST /route/batch[?explain=true]``: JSON lines in (each a routing input), JSON
    lines out, streamed, in input order: each decision with its ``line``, or for a bad
    line ``{"line": N, "problem": {...}}`` — the good lines are still decided."""
    authorize(request, None)
    require_media_type(request, (JSON_LINES, "application/jsonl", "application/json"))
    explain = bool_param(request, "explain")
    body = await read_body(request, service_of(request).settings.api_max_body_bytes)
    if not body.strip():
        raise Problem("invalid-json", "Le corps de la requête est vide.")
    refuse_large_document(body)
    return StreamingResponse(_decide_lines(request, body, explain), media_type=JSON_LINES)


# -- compliance ---------------------------------------------------------------------------
#: Accept media type -> ``mfs check`` format.
CHECK_FORMATS = {
    "application/json": "json",
    "application/sarif+json": "sarif",
    "application/xml": "junit",
    "text/markdown": "markdown",
    "text/plain": "text",
}
_CHECK_MEDIA = {"json": "application/json", "sarif": "application/sarif+json",
                "junit": "application/xml", "markdown": "text/markdown; charset=utf-8",
                "text": "text/plain; charset=utf-8"}  # fmt: skip


async def check(request: Request) -> Response:
    """``POST /check[?as_of=DATE&hours_scope=...]``: a site file (TOML or JSON) → the
    report of ``mfs check``, in the format ``Accept`` (or ``format=``) asks for."""
    from mfs_core.compliance.site import HoursScope
    from mfs_core.osm_hours import as_of_problem

    authorize(request, None)
    fmt = negotiate(request, CHECK_FORMATS)
    kind = require_media_type(request, ("application/toml", "application/json"))
    as_of = date_param(request, "as_of")
    if as_of is not None and (problem := as_of_problem(as_of)):
        raise Problem(
            "bad-request",
            "Paramètre as_of : date trop lointaine (les horaires sont lus un an à l'avance).",
            errors=[{"field": "as_of", "detail": problem}],
        )
    scope = request.query_params.get("hours_scope")
    if scope is not None and scope not in HoursScope.__members__.values():
        raise Problem(
            "bad-request",
            "Paramètre hours_scope : structure ou each-location.",
            errors=[{"field": "hours_scope", "detail": "expected structure or each-location"}],
        )
    body = await read_body(request)
    data = parse_document(body, kind)
    registry = service_of(request).registry
    # The body's text places each finding on its line (SARIF, GitHub), as a file does for
    # the CLI; a JSON body has no TOML lines.
    texts = {SOURCE: body.decode("utf-8", "replace") if kind == "application/toml" else ""}

    def run() -> str:
        from mfs_core.compliance.formats import render
        from mfs_core.compliance.report import Report
        from mfs_core.compliance.runner import Runner
        from mfs_core.compliance.site import Site
        from mfs_core.converter import structure

        site = structure(data, Site, source=SOURCE)
        runner = Runner(registry, as_of=as_of, hours_scope=HoursScope(scope) if scope else None)
        result = runner.check_site(site, source=SOURCE)
        report = Report(
            results=(result,), catalogue=runner.catalogue, as_of=runner.as_of, national=False
        )
        return render(report, fmt, texts)

    try:
        text = await threaded(run)
    except InputError as exc:
        raise _invalid(exc, "le fichier du site") from None
    return Response(text, media_type=_CHECK_MEDIA[fmt])
