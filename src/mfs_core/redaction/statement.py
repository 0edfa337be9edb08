"""What the reports say about personal data: what is redacted, what may remain, measured.

The figures come from the redaction corpus (``tests/data/redaction/corpus.jsonl``,
``python scripts/evaluate_redaction.py``): the lowest of its parts ("dev", "heldout",
"heldout-2"), rounded down. A test recomputes them and fails if the library does worse
than said here, so the reports never claim more than what is measured.
"""

from __future__ import annotations

import attrs

__all__ = ["MEASURED", "Measured", "statement_fr"]


@attrs.frozen
class Measured:
    """Recall of the redaction on the corpus (fractions, 0 to 1)."""

    #: Notes in the corpus.
    notes: int
    #: NIR, tax numbers, IBANs (checksum-valid), phones, e-mails, partner numbers.
    identifiers: float
    #: People's names.
    names: float
    #: Share of ordinary notes (nothing to redact) the redaction changed.
    ordinary_changed: float


MEASURED = Measured(notes=342, identifiers=1.0, names=0.95, ordinary_changed=0.0)


def _percent(value: float) -> str:
    """A measured share as a whole percent, the French way (``95 %``)."""
    from mfs_core.french import percent

    return percent(value, decimals=0)


def statement_fr(measured: Measured = MEASURED) -> str:
    """The paragraph the reports print (French, for mayors and agents)."""
    return (
        "Données personnelles : les usagers ne sont connus du journal que par un pseudonyme, "
        "et les notes et motifs de refus sont expurgés avant d'être conservés. Sont retirés "
        "les numéros de sécurité sociale, fiscaux et bancaires, les téléphones, les adresses "
        "e-mail et les numéros d'usager des partenaires "
        f"({_percent(measured.identifiers)} de ceux d'un corpus de test de {measured.notes} "
        f"notes), les noms de personnes ({_percent(measured.names)} de ceux du corpus) et "
        "les dates de naissance annoncées comme telles (« née le … », « date de naissance : "
        "… »). Peuvent rester : un nom de famille écrit seul ou en minuscules, une adresse, "
        "une date de naissance qu'aucun mot n'annonce. Les notes disent ce qui a été fait, pas "
        "qui est venu."
    )
