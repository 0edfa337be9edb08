"""The desk page (``GET /``): one French page for the agent, working without JavaScript.

The agent types what the resident says; the page shows the recognised procedure (or the
question to ask when several fit), the decision and its reason, the steps with the official
links, the documents to bring; one button records the request in the journal, links open
the take-home sheet (HTML or PDF). Plain HTML forms: the need is sent by POST so it never
lands in a URL, a browser history or an access log, and it is never stored (the journal
gets the procedure, the channel and the decision, not the resident's words).

Recording needs a token of role ``agent``: the browser asks for it with its own login
dialog (HTTP Basic, the token as the password) and keeps it for the session. A recording
form posted from another site is refused (``Origin`` / ``Sec-Fetch-Site``), as the browser
would otherwise send the remembered credentials with it.

Accessibility (RGAA 4.1): ``lang="fr"``, a skip link, one ``h1`` and ordered headings,
every field with its ``label`` (radio buttons in a ``fieldset`` with a ``legend``), errors
named in text next to the field and tied to it (``aria-describedby``, ``aria-invalid``),
a visible focus ring, text contrast above 7:1, no information by colour alone, a status
message with ``role="status"`` after recording.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import urllib.parse
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from starlette.responses import HTMLResponse, RedirectResponse, Response

from mfs_core.serve.auth import Role
from mfs_core.serve.bodies import read_body, require_media_type
from mfs_core.serve.problems import Problem, shown_name
from mfs_core.serve.web import authorize, negotiate, service_of, threaded

if TYPE_CHECKING:
    from starlette.requests import Request

    from mfs_core.journal import Journal
    from mfs_core.routing import Decision

__all__ = ["desk_page", "desk_record", "desk_route", "sheet"]

#: Largest desk form (bytes): a need of 2,000 characters, percent-encoded, and the rest.
MAX_FORM_BYTES = 64 * 1024
#: Security headers of the desk's HTML: nothing loaded from elsewhere, no script at all.
PAGE_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "cache-control": "no-store",
    # Not no-referrer: with it, browsers send "Origin: null" with the page's forms.
    "referrer-policy": "same-origin",
}
KIND_LABELS = {
    "answer_now": "Réponse immédiate",
    "appointment": "Rendez-vous à proposer",
    "referral": "Passage de relais au partenaire",
    "orientation": "Orientation vers un service local",
    "unknown": "Besoin non identifié",
    "clarify": "Question à poser à l'usager",
}
CHANNELS = (
    ("counter", "Au guichet"),
    ("phone", "Au téléphone"),
    ("video", "En visio"),
    ("mobile", "Itinérant (bus)"),
)
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def linkify(text: str) -> Markup:
    """``text`` escaped, its ``http(s)://`` addresses made links."""
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        url = match.group(0)
        parts += [escape(text[last : match.start()]), Markup('<a href="{0}">{0}</a>').format(url)]
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def _render(context: dict[str, Any], status: int = 200) -> Response:
    from mfs_core.sheet import jinja_environment

    environment = jinja_environment("mfs_core.serve")
    environment.filters["linkify"] = linkify
    page = environment.get_template("desk.html").render(
        kinds=KIND_LABELS, channels=CHANNELS, **{"error": None, **context}
    )
    return HTMLResponse(page, status, headers=PAGE_HEADERS)


def _form_defaults() -> dict[str, Any]:
    return {"need": "", "channel": "counter", "autonomy": False, "urgent": False}


async def desk_page(request: Request) -> Response:
    """``GET /``: the empty form (and, after recording, the confirmation)."""
    authorize(request, None, basic=True)
    recorded = request.query_params.get("enregistre")
    if recorded is not None and not re.fullmatch(r"desk-[0-9a-f]{32}", recorded):
        recorded = None
    return _render({"form": _form_defaults(), "recorded": recorded, "result": None})


#: The fields each desk form sends (templates/desk.html); any other is refused, as an
#: unknown JSON key or query parameter is: « autonomie=on » was ignored, silently.
_ROUTE_FIELDS = ("need", "channel", "autonomy", "urgent", "procedure")
_RECORD_FIELDS = ("record_id", "procedure", "channel", "autonomy", "urgent")
#: A field name shown back in a problem; any other is « (champ) » (it may be anything).
_SHOWN_FIELD = re.compile(r"[a-z_]{1,32}")


def _known_fields(form: dict[str, str], accepted: tuple[str, ...]) -> None:
    """422 for a field ``accepted`` does not list, or a check box whose value is not
    ``on`` (the only value a browser sends for one: « autonomy=oui » read as no)."""
    unknown = [name for name in form if name not in accepted]
    wrong = [name for name in ("autonomy", "urgent") if form.get(name, "on") != "on"]
    if not unknown and not wrong:
        return
    # Named when a misspelling of a field (« autonomie »), else « (champ) ».
    shown = list(dict.fromkeys(shown_name(n, _SHOWN_FIELD, accepted, "(champ)") for n in unknown))
    errors = [{"field": name, "detail": "unknown field"} for name in shown[:20]]
    errors += [{"field": name, "detail": "expected on, or the field left out"} for name in wrong]
    listed = ", ".join(e["field"] for e in errors)
    raise Problem(
        "invalid-body",
        f"Formulaire incorrect : {listed} ; champs acceptés : {', '.join(accepted)}.",
        errors=errors,
    )


async def _form(request: Request, accepted: tuple[str, ...]) -> dict[str, str]:
    require_media_type(request, ("application/x-www-form-urlencoded",))
    body = await read_body(request, MAX_FORM_BYTES)
    try:
        # errors="strict": a percent-encoded byte that is not UTF-8 (« cong%E9s », Latin-1)
        # is refused as a raw one is; parse_qsl's default replaced it with U+FFFD (review 16c).
        pairs = urllib.parse.parse_qsl(
            body.decode("utf-8"), keep_blank_values=True, max_num_fields=20, errors="strict"
        )
    except (UnicodeDecodeError, ValueError):
        raise Problem("bad-request", "Formulaire illisible.") from None
    form = dict(pairs)
    if len(form) < len(pairs):
        # A field given twice is refused, as a JSON key or a query parameter given twice
        # (the last one silently won). The desk's own form never sends one twice.
        raise Problem("bad-request", "Formulaire illisible : un champ est donné deux fois.")
    _known_fields(form, accepted)
    return form


def _routing_request(form: dict[str, str]) -> tuple[dict[str, Any], Any]:
    from mfs_core.converter import structure
    from mfs_core.routing import Request as RoutingRequest

    shown = {
        "need": form.get("need", ""),
        "channel": form.get("channel", "counter"),
        "autonomy": form.get("autonomy") == "on",
        "urgent": form.get("urgent") == "on",
        "procedure": form.get("procedure") or None,
    }
    data: dict[str, Any] = {
        "channel": shown["channel"],
        "wants_autonomy": shown["autonomy"],
        "urgency": "urgent" if shown["urgent"] else "normal",
    }
    if shown["procedure"]:
        data["procedure"] = shown["procedure"]
    else:
        data["need"] = shown["need"]
    return shown, structure(data, RoutingRequest, source="formulaire")


async def desk_route(request: Request) -> Response:
    """``POST /desk``: route what the resident said, and show the answer."""
    from mfs_core.errors import InputError
    from mfs_core.routing.request import MAX_NEED_CHARS, need_length

    authorize(request, None, basic=True)
    form = await _form(request, _ROUTE_FIELDS)
    service = service_of(request)
    need = form.get("need", "")
    if not form.get("procedure") and (not need.strip() or need_length(need) > MAX_NEED_CHARS):
        error = (
            "Écrivez ce que dit l'usager."
            if not need.strip()
            else f"Le texte dépasse {MAX_NEED_CHARS} caractères : résumez-le."
        )
        shown = {**_form_defaults(), "need": need[:MAX_NEED_CHARS]}
        return _render({"form": shown, "error": error, "recorded": None, "result": None}, 422)
    try:
        shown, routing_request = _routing_request(form)
    except InputError:
        raise Problem("invalid-body", "Formulaire incorrect (canal inconnu ?).") from None
    decision: Decision = await threaded(service.router.decide, routing_request)
    procedure = service.registry.procedures.get(decision.procedure or "")
    result = {
        "decision": decision,
        "procedure": procedure,
        "partner": service.names.get(decision.partner or "", decision.partner),
        "record_id": f"desk-{secrets.token_hex(16)}",
        "alternatives": [
            (a, service.names.get(a.procedure, a.title)) for a in decision.alternatives
        ],
    }
    return _render({"form": shown, "result": result, "recorded": None})


def _same_origin(request: Request) -> bool:
    """Whether a form was posted from this server's own pages: by ``Sec-Fetch-Site`` when
    the browser sends it (all current ones do), else by ``Origin``. A client sending
    neither is not a browser carrying remembered credentials for another site."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urllib.parse.urlsplit(origin).netloc == request.headers.get("host")


async def desk_record(request: Request) -> Response:
    """``POST /desk/record``: record the request the page decided on (role ``agent``),
    then back to the empty form with a confirmation (303, so a reload posts nothing)."""
    from mfs_core.errors import InputError
    from mfs_core.journal import RequestRecord
    from mfs_core.serve.journal_api import in_journal
    from mfs_core.timezone import PARIS

    authorize(request, Role.AGENT, basic=True)
    if not _same_origin(request):
        raise Problem("forbidden", "Enregistrement refusé : formulaire venu d'un autre site.")
    form = await _form(request, _RECORD_FIELDS)
    record_id = form.get("record_id", "")
    if not re.fullmatch(r"desk-[0-9a-f]{32}", record_id) or not form.get("procedure"):
        raise Problem("invalid-body", "Formulaire d'enregistrement incorrect.")
    service = service_of(request)
    # The form is the client's: a procedure id the catalogue does not hold (typed by hand,
    # or from a page served before a plugin was removed) is not recorded.
    if form["procedure"] not in service.registry.procedures:
        raise Problem("invalid-body", "Démarche inconnue du catalogue : rien n'est enregistré.")
    try:
        _, routing_request = _routing_request(form)
    except InputError:
        raise Problem("invalid-body", "Formulaire d'enregistrement incorrect.") from None

    def record(journal: Journal) -> None:
        decision = service.router.decide(routing_request)
        journal.record(
            RequestRecord.from_decision(
                routing_request, decision, id=record_id, received_at=dt.datetime.now(PARIS)
            )
        )

    try:
        await in_journal(service, record)
    except ValueError:  # a decision that cannot be recorded (no procedure, clarify)
        raise Problem("invalid-body", "Cette décision ne peut pas être enregistrée.") from None
    return RedirectResponse(f"/?enregistre={record_id}", status_code=303)


#: Accept media type -> sheet format.
SHEET_FORMATS = {"text/html": "html", "application/pdf": "pdf"}


async def sheet(request: Request) -> Response:
    """``GET /procedures/{id}/sheet?format=html|pdf``: the take-home sheet, with the
    counter's name and hours when the server was started with ``--site``."""
    from mfs_core.sheet import build_sheet, to_html, to_pdf

    authorize(request, None, basic=True)
    fmt = negotiate(request, SHEET_FORMATS)
    service = service_of(request)
    procedure_id = request.path_params["id"]
    if procedure_id not in service.registry.procedures:
        raise Problem("not-found", "Aucune démarche n'a cet identifiant.")
    made = build_sheet(service.registry, procedure_id, site=service.site)
    if fmt == "pdf":
        pdf = await threaded(to_pdf, made)
        disposition = f'inline; filename="fiche-{procedure_id}.pdf"'
        return Response(
            pdf, media_type="application/pdf", headers={"content-disposition": disposition}
        )
    return HTMLResponse(to_html(made), headers=PAGE_HEADERS)
