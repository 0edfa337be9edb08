"""Départements and régions of France, from INSEE's Code officiel géographique (COG) 2024.

``data/cog-2024-departements.csv`` holds the 101 départements of the COG as of 1 January
2024 with their région (18 régions): columns ``dep``, ``reg`` (INSEE codes), ``libelle_dep``,
``libelle_reg``. Source: INSEE, *Code officiel géographique au 1er janvier 2024*, published
20 February 2024 (https://www.insee.fr/fr/information/7766585), Licence Ouverte 2.0; as
transcribed in the public repository ``rcarlier/datas.fun`` (``France/departements.csv`` and
``France/regions.csv``, commit 17b17ae), and cross-checked code by code against the table
``label_departement_region`` of ``signaux-faibles/opensignauxfaibles`` (both agree for the 101
départements). The collectivités d'outre-mer (975, 977, 978, 986-988) are not départements
of the COG and have no région: a site there cannot be placed (see :func:`place`).

A site's département comes from the INSEE code of its commune (the ANCT list's
``insee_com``, the site file's ``insee_code``): its first two characters (``64483`` → ``64``,
``2A004`` → ``2A``), three for the overseas départements (``97411`` → ``974``). The ANCT
list's own ``insee_dep`` column says the same; a test checks it on the real sample.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from mfs_core.errors import InputError

__all__ = [
    "COG_VINTAGE",
    "COLLECTIVITES",
    "NO_REGION",
    "NO_REGION_NAME",
    "UNPLACED",
    "Departement",
    "Place",
    "departement_of",
    "departements",
    "place",
    "region_key",
]

#: The COG edition the table comes from; written into every exported file.
COG_VINTAGE = "2024"
_COMMUNE = re.compile(r"^(?:[0-9]{5}|2[AB][0-9]{3})$", re.ASCII)


@attrs.frozen
class Departement:
    """One département of the COG: its code, name, and its région's code and name."""

    code: str
    name: str
    region: str
    region_name: str


@attrs.frozen
class Place:
    """Where a site is: its commune's INSEE code, département and région codes."""

    insee_code: str
    departement: str
    region: str


@functools.cache
def departements() -> dict[str, Departement]:
    """Every département of the COG 2024 by code (``"64"``, ``"2A"``, ``"974"``)."""
    # Imported here: the ANCT check imports this module for departement_of alone.
    import csv
    import io
    from importlib import resources

    text = resources.files("mfs_core").joinpath("data/cog-2024-departements.csv")
    rows = csv.DictReader(io.StringIO(text.read_text(encoding="utf-8")))
    return {
        row["dep"]: Departement(row["dep"], row["libelle_dep"], row["reg"], row["libelle_reg"])
        for row in rows
    }


def departement_of(insee_code: str) -> str:
    """The département code of a commune's INSEE code: two characters, three overseas
    (971-976, and the collectivités d'outre-mer 975, 977, 978, 986-988: ``98818`` →
    ``988``, not ``98``)."""
    return insee_code[:3] if insee_code.startswith(("97", "98")) else insee_code[:2]


#: The collectivités d'outre-mer whose communes have INSEE codes (COG), by code: not
#: départements, hence no région.
COLLECTIVITES: Mapping[str, str] = MappingProxyType(
    {
        "975": "Saint-Pierre-et-Miquelon",
        "977": "Saint-Barthélemy",
        "978": "Saint-Martin",
        "986": "Wallis-et-Futuna",
        "987": "Polynésie française",
        "988": "Nouvelle-Calédonie",
    }
)
_COLLECTIVITES = frozenset(COLLECTIVITES)

#: The key a breakdown by région files the collectivités d'outre-mer under (no région by
#: law: the COG gives them none), and its French name. Not a région code of the COG (two
#: digits), nor :data:`UNPLACED`.
NO_REGION = "COM"
NO_REGION_NAME = "Collectivités d'outre-mer (sans région)"
#: The key for a département code that cannot be placed (neither of the COG nor a
#: collectivité d'outre-mer: ``20``, ``99``).
UNPLACED = "?"


def region_key(departement: str) -> str:
    """The key a breakdown by région files the département code ``departement`` under: its
    région's INSEE code (``"64"`` → ``"75"``), :data:`NO_REGION` for a collectivité
    d'outre-mer (``"988"``), :data:`UNPLACED` for any other code."""
    found = departements().get(departement)
    if found is not None:
        return found.region
    return NO_REGION if departement in _COLLECTIVITES else UNPLACED


def _why_not(insee_code: str) -> str:
    """Why the commune code ``insee_code`` has no département: the reason to print."""
    if insee_code[:3] in _COLLECTIVITES:
        return "a collectivité d'outre-mer: it has no région"
    if insee_code.startswith("20"):
        return "Corse's communes are coded 2A or 2B since 1976"
    # Only the code's shape and its département are checked: the COG's list of communes
    # is not in the project, so 64999 is placed in 64 (review 15e).
    return "no such département; only the code's shape and its département are checked"


def place(insee_code: str) -> Place:
    """The département and région of the commune ``insee_code``.

    Only the code's shape and its département are checked, not that the commune exists
    (the project holds no list of communes): ``64999`` is placed in 64.

    Raises :class:`InputError` for a code that is not a commune code (5 digits, or 2A/2B and
    3 digits) or whose département is not in the COG 2024 (a collectivité d'outre-mer).
    """
    if not isinstance(insee_code, str) or not _COMMUNE.match(insee_code):
        raise InputError(
            "insee_code: expected an INSEE commune code (5 digits, or 2A/2B and 3 digits, "
            f"e.g. 64483), got {str(insee_code)[:20]!r}"
        )
    code = departement_of(insee_code)
    found = departements().get(code)
    if found is None:
        raise InputError(
            f"insee_code: {insee_code}: département {code} is not a département of the COG "
            f"{COG_VINTAGE} ({_why_not(insee_code)}); no région to file it under"
        )
    return Place(insee_code, found.code, found.region)
