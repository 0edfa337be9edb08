"""The take-home sheet: one A4 page in plain French for the resident, to redo a procedure
alone (the founding site's second screen, on paper).

::

    from mfs_core.registry import Registry
    from mfs_core.sheet import build_sheet, to_html, to_pdf

    sheet = build_sheet(Registry.load(), "interieur.cni-premiere-demande")
    html = to_html(sheet)        # a self-contained page (no external resource)
    pdf = to_pdf(sheet)          # the same page through WeasyPrint, A4

The sheet holds the procedure, the steps to do it alone, the official site with a QR code
(segno), the documents to bring, a boxed warning that the official procedure is free while
look-alike sites charge for it (DGCCRF), and the site's name and hours when a site file is
given. Only data of the registry and the site file is printed: no step is invented for a
procedure; the steps say where to go and what to prepare, from the procedure's own URL,
fiche id and documents.

Needs the ``sheet`` extra (jinja2, segno; WeasyPrint for PDF). Raises
:class:`~mfs_core.errors.InputError` for an unknown procedure id.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

import attrs

from mfs_core.errors import InputError

if TYPE_CHECKING:
    from jinja2 import Environment

    from mfs_core.compliance.site import Site
    from mfs_core.registry import Registry

__all__ = [
    "FREE_WARNING",
    "Sheet",
    "build_sheet",
    "jinja_environment",
    "qr_svg",
    "to_html",
    "to_pdf",
]

FICHE_URL = "https://www.service-public.fr/particuliers/vosdroits/{}"
#: The warning, after the DGCCRF's and the government's campaigns on look-alike sites
#: (2018; Que Choisir 2025): procedures are free, commercial look-alikes charge for them.
FREE_WARNING = (
    "La démarche officielle est gratuite. Des sites qui imitent les sites officiels font "
    "payer ces démarches. Ne donnez jamais votre numéro de carte bancaire pour une démarche "
    "gratuite. Vérifiez l'adresse du site : elle se termine par .gouv.fr, ou c'est celle de "
    "l'organisme (par exemple ameli.fr, caf.fr)."
)


@attrs.frozen(kw_only=True)
class Sheet:
    """What the sheet says; :func:`to_html` and :func:`to_pdf` lay it out.

    ``official_url`` is the procedure's online service when it is an official site, else
    its service-public.fr fiche, else the partner's website (``None``: no official address
    known, and no QR code). ``hours`` are ``(day, slots)`` pairs in French, open days only.
    """

    procedure: str
    title: str
    partner: str
    official_url: str | None
    official_host: str | None
    fiche_url: str | None
    steps: tuple[str, ...]
    documents: tuple[str, ...]
    site_name: str | None = None
    hours: tuple[tuple[str, str], ...] = ()
    made_on: dt.date


def _official(url: str | None, registry: Registry) -> bool:
    if not url:
        return False
    from mfs_core.officialsites import classify

    return classify(url, registry).official


def build_sheet(
    registry: Registry, procedure_id: str, *, site: Site | None = None, today: dt.date | None = None
) -> Sheet:
    """The sheet of ``procedure_id`` (:class:`InputError` when no plugin provides it)."""
    from mfs_core.officialsites import host_of
    from mfs_core.timezone import today_in_paris

    procedure = registry.procedures.get(procedure_id)
    if procedure is None:
        raise InputError(f"PROCEDURE_ID: unknown procedure {procedure_id!r}")
    partner = registry.partners.get(procedure.partner)
    fiche_url = FICHE_URL.format(procedure.fiche_id) if procedure.fiche_id else None
    # A plugin's URL is printed for a resident: only an official one (never a look-alike).
    candidates = (procedure.online_url, fiche_url, partner.website if partner else None)
    official = next((url for url in candidates if _official(url, registry)), None)
    steps = []
    if official:
        steps.append(
            f"Allez sur le site officiel {host_of(official)}, à l'adresse ci-dessous, ou "
            "scannez le code avec l'appareil photo de votre téléphone."
        )
    if fiche_url and official != fiche_url:
        steps.append("Pour tout savoir sur la démarche, lisez sa fiche sur service-public.fr.")
    if procedure.documents:
        steps.append("Préparez les documents de la liste ci-dessous avant de commencer.")
    steps.append(
        "Suivez les étapes du site. À la fin, gardez la preuve de votre demande (courriel "
        "de confirmation, numéro de dossier ou capture d'écran)."
    )
    steps.append("Si vous êtes bloqué, revenez nous voir : l'aide est gratuite.")
    return Sheet(
        procedure=procedure.id,
        title=procedure.title,
        partner=partner.name if partner else procedure.partner,
        official_url=official,
        official_host=host_of(official) if official else None,
        fiche_url=fiche_url,
        steps=tuple(steps),
        documents=procedure.documents,
        site_name=site.name if site else None,
        hours=_hours(site),
        made_on=today or today_in_paris(),
    )


def _hours(site: Site | None) -> tuple[tuple[str, str], ...]:
    if site is None or site.hours is None:
        return ()
    from mfs_core.hours import DAYS, format_minutes

    week = site.hours.schedule()
    return tuple(
        (day, ", ".join(f"{format_minutes(a)} – {format_minutes(b)}" for a, b in slots))
        for day, slots in zip(DAYS, week.days, strict=True)
        if slots
    )


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as an SVG ``data:`` URI (error correction M, quiet zone kept)."""
    import segno

    data_uri: str = segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=4)
    return data_uri


@cache
def jinja_environment(package: str) -> Environment:
    """The Jinja2 environment of the ``templates/`` folder of ``package``: HTML escaped
    everywhere, an undefined name an error (never an empty string on a printed sheet)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
    )


def to_html(sheet: Sheet) -> str:
    """The sheet as one self-contained HTML page (inline CSS, the QR code as a data URI)."""
    qr = qr_svg(sheet.official_url) if sheet.official_url else None
    return (
        jinja_environment("mfs_core.sheet")
        .get_template("sheet.html")
        .render(sheet=sheet, qr=qr, warning=FREE_WARNING)
    )


def to_pdf(sheet: Sheet) -> bytes:
    """The sheet as a one-page A4 PDF, rendered from :func:`to_html` by WeasyPrint."""
    import weasyprint

    pdf: bytes = weasyprint.HTML(string=to_html(sheet)).write_pdf()
    return pdf
