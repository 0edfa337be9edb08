"""Redaction on a corpus of valid and invalid NIR, tax numbers and IBANs, phones, e-mails.

Valid identifiers are built with python-stdnum's own check-digit functions; look-alikes
change one digit so that the checksum fails. Either way the value never survives.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban
from stdnum.fr import nif, nir

from mfs_core.journal.pseudonym import Pseudonymizer
from mfs_core.redaction import redact


def valid_nir(body: str) -> str:
    return body + nir.calc_check_digits(body)


def valid_iban(country_and_bban: tuple[str, str]) -> str:
    country, bban = country_and_bban
    return country + iban.calc_check_digits(country + "00" + bban) + bban


def flip_last_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


NIR_BODIES = ["2951099126111", "1850575123456", "2690133012345", "1720299987001"]
VALID_NIRS = [valid_nir(b) for b in NIR_BODIES] + [
    "185052A123456" + nir.calc_check_digits("185052A123456")
]
# The SPI examples of python-stdnum's documentation, and public test values.
VALID_TAX_NUMBERS = ["3023217600053", "0701987765493"]
VALID_IBANS = [
    "FR7630006000011234567890189",
    valid_iban(("FR", "20041010050500013M02606")),
    # Published examples (Wikipedia "International Bank Account Number").
    "DE89370400440532013000",
    "GB82WEST12345698765432",
    "NL91ABNA0417164300",
]


def digits(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def spaced(number: str, groups: tuple[int, ...]) -> str:
    parts, at = [], 0
    for size in groups:
        parts.append(number[at : at + size])
        at += size
    return " ".join(parts)


@pytest.mark.parametrize("number", VALID_NIRS)
@pytest.mark.parametrize("layout", ["compact", "spaced"])
def test_valid_nir_is_redacted(number: str, layout: str) -> None:
    assert nir.is_valid(number)
    shown = number if layout == "compact" else spaced(number, (1, 2, 2, 2, 3, 3, 2))
    result = redact(f"Son NIR est {shown}.")
    assert result.text == "Son NIR est [NIR]."
    assert result.codes == ("nir",)


@pytest.mark.parametrize("number", [flip_last_digit(n) for n in VALID_NIRS])
def test_nir_failing_its_checksum_is_redacted_as_suspected(number: str) -> None:
    assert not nir.is_valid(number)
    result = redact(f"NIR {number}")
    assert result.text == "NIR [NIR?]"
    assert [f.code for f in result.suspected] == ["nir?"]


@pytest.mark.parametrize("number", VALID_TAX_NUMBERS)
def test_tax_number(number: str) -> None:
    assert nif.is_valid(number)
    assert redact(f"n° fiscal {spaced(number, (2, 2, 3, 3, 3))}").text == "n° fiscal [N° FISCAL]"
    wrong = flip_last_digit(number)
    assert not nif.is_valid(wrong)
    assert redact(f"n° fiscal {wrong}").codes == ("tax_number?",)


@pytest.mark.parametrize("number", VALID_IBANS)
def test_iban(number: str) -> None:
    assert iban.is_valid(number)
    grouped = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    for shown in (number, grouped):
        assert redact(f"RIB : {shown} merci").text == "RIB : [IBAN] merci"
    wrong = number[:4] + flip_last_digit(number[4:])
    assert not iban.is_valid(wrong)
    result = redact(f"RIB : {wrong}")
    assert result.text == "RIB : [IBAN?]"
    assert result.codes == ("iban?",)


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "0612345678",
        "01.23.45.67.89",
        "+33 6 12 34 56 78",
        "+33612345678",
        "0033 1 23 45 67 89",
    ],
)
def test_french_phone_numbers(phone: str) -> None:
    assert redact(f"rappeler au {phone} demain").text == "rappeler au [TÉLÉPHONE] demain"


@pytest.mark.parametrize(
    "email",
    [
        "jean.dupont@example.fr",
        "j+caf@mairie-saint-jean-de-luz.fr",
        # Internationalised addresses (RFC 6531 local part, IDNA domain): were kept whole.
        "josé.müller@example.fr",
        "jean@exämple.fr",
        "anaïs_b@gmail.com",
    ],
)
def test_email(email: str) -> None:
    assert redact(f"écrire à {email}.").text == "écrire à [E-MAIL]."


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # A document's name alone introduces its number (was kept without "n°").
        ("passeport 18AB12345 expiré", "passeport [N° DE TITRE] expiré"),
        ("CNI : 123456789012", "CNI : [N° DE TITRE]"),
        ("récépissé 1234567890 à renouveler", "récépissé [N° DE TITRE] à renouveler"),
    ],
)
def test_a_document_name_introduces_its_number(note: str, expected: str) -> None:
    assert redact(note).text == expected


@pytest.mark.parametrize(
    "note",
    [
        "passeport 2024-2034",
        "permis B obtenu en 2015",
        "permis de conduire 12 points",
        "titre de séjour 10 ans",
        "renouveler mon passeport avant le 12/03/2025",
        "carte d'identité à 35 €",
        "permis F21089 vu avec l'usager",  # a service-public.fr fiche id
    ],
)
def test_a_document_name_before_dates_and_counts_keeps_them(note: str) -> None:
    assert redact(note).text == note


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Mme Martin, née 07/11/1967", "Mme [NOM], née [DATE DE NAISSANCE]"),
        ("Née le 07.11.1967", "Née le [DATE DE NAISSANCE]"),
        ("NÉE LE 07.11.1967", "NÉE LE [DATE DE NAISSANCE]"),  # « LE » alone is no name
        ("Mme LE GOFF née le 07/11/1967", "Mme [NOM] née le [DATE DE NAISSANCE]"),
        ("né\u00a0le\u00a03\u00a0mars\u00a01958", "né\u00a0le\u00a0[DATE DE NAISSANCE]"),
        ("née Dupont le 12/03/1985", "née [NOM] le [DATE DE NAISSANCE]"),
        ("date de naissance:1990-04-12", "date de naissance:[DATE DE NAISSANCE]"),
        ("ddn 4/5/72 ; rdv le 14/03/2025", "ddn [DATE DE NAISSANCE] ; rdv le 14/03/2025"),
    ],
)
def test_a_date_said_to_be_a_birth_date_is_redacted(note: str, expected: str) -> None:
    result = redact(note)
    assert result.text == expected
    assert "birth_date" in result.codes


@pytest.mark.parametrize(
    "note",
    [
        "il ne viendra pas le 21/11/2025",  # « ne », not « né »
        "acte de naissance demandé le 14/03/2025",
        "né en 1961, départ à la retraite prévu",  # a year alone
        "nécessaire avant le 12/03/2025",
    ],
)
def test_other_dates_near_such_words_are_kept(note: str) -> None:
    assert redact(note).text == note


def test_other_long_numbers_are_not_kept() -> None:
    result = redact("dossier 12345678901234567890")
    assert result.text == "dossier [NUMÉRO?]"
    assert result.codes == ("number?",)


@pytest.mark.parametrize(
    "text",
    [
        "RDV le 2023-06-15 à 10h30, dossier 12345, montant 1 200,50 €",
        "Déclaration de revenus 2023 faite avec l'usager (F358)",
        "CERFA 15776*02 rempli",
        "REF12 DOSSIER URGENT A TRAITER",
    ],
)
def test_ordinary_text_is_kept(text: str) -> None:
    result = redact(text)
    assert result.text == text
    assert result.spans == ()


def test_redaction_is_idempotent() -> None:
    once = redact(f"NIR {VALID_NIRS[0]} tél 0612345678 {VALID_IBANS[0]}").text
    assert redact(once).text == once


nir_bodies = st.builds(
    lambda sex, year, month, place, serial: f"{sex}{year:02d}{month:02d}{place:05d}{serial:03d}",
    st.sampled_from("12"),
    st.integers(0, 99),
    st.integers(1, 12),
    st.integers(1001, 95999),
    st.integers(1, 999),
)


@settings(max_examples=60, deadline=None)
@given(body=nir_bodies, before=st.text(max_size=20), after=st.text(max_size=20), ok=st.booleans())
def test_no_nir_survives_in_any_text(body: str, before: str, after: str, ok: bool) -> None:
    number = valid_nir(body) if ok else flip_last_digit(valid_nir(body))
    text = f"{before} {number} {after}"
    redacted = redact(text).text
    assert number not in digits(redacted)


def test_pseudonyms() -> None:
    make = Pseudonymizer("a-secret-of-16-chars")
    assert make("Dupont Jean") == make("  dupont   JEAN ")
    assert make("Dupont Jean") != make("Dupond Jean")
    assert make("Dupont Jean") != Pseudonymizer("another-secret-16+")("Dupont Jean")
    assert re.fullmatch(r"[0-9a-f]{32}", make("x"))
    assert "a-secret-of-16-chars" not in repr(make)
    with pytest.raises(ValueError, match="at least 16 characters"):
        Pseudonymizer("short")
    with pytest.raises(ValueError, match="non-empty"):
        make("   ")
