"""Redaction of identifiers written the ways French text writes them (issue 10).

Each test is one writing form that got through before: no-break and narrow no-break spaces,
slashes in phones, lower-case IBANs, identifiers glued to a word, Corsican NIRs, a NIR
without its key, spelled-out e-mails, the partners' own numbers; and, the other way, the
ordinary numbers a note needs. Identifiers are built with python-stdnum's check digits.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban
from stdnum.fr import nif, nir, siren, siret

from mfs_core.redaction import (
    PLACEHOLDERS,
    RedactedSpan,
    id_problem,
    redact,
    redact_quoted,
    safe_repr,
)
from mfs_core.redaction._checks import nir_valid, siren_valid, siret_valid, spi_valid
from mfs_core.redaction.numbers import _iban_valid
from mfs_core.redaction.partners import HINTS, lexicon


def key(body: str) -> str:
    return body + nir.calc_check_digits(body)


NIR = key("2940375120005")  # 2 94 03 75 120 005 + key
NIR_CORSICA = key("185052A123456")
SPI = "3023217600053"  # python-stdnum's documented example
IBAN_FR = "FR7630006000011234567890189"
NBSP, NNBSP = "\u00a0", "\u202f"


def grouped(number: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(number[at : at + size])
        at += size
    parts.append(number[at:])
    return sep.join(part for part in parts if part)


NIR_SIZES = (1, 2, 2, 2, 3, 3, 2)


@pytest.mark.parametrize(
    "written",
    [
        grouped(NIR, NIR_SIZES, NNBSP),  # the example: U+202F between groups
        grouped(NIR, NIR_SIZES, NBSP),
        grouped(NIR, NIR_SIZES, "\u2009"),
        grouped(NIR, NIR_SIZES, "\t"),
        grouped(NIR, NIR_SIZES, "-"),
        grouped(NIR, NIR_SIZES, "."),
        grouped(NIR, (1, 2, 2, 2, 3, 5)),
        grouped(NIR[:13], NIR_SIZES[:-1]) + "/" + NIR[13:],  # key after a slash
        grouped(NIR[:13], NIR_SIZES[:-1]) + " clé " + NIR[13:],
        "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in grouped(NIR, NIR_SIZES)),
    ],
)
def test_nir_in_every_layout(written: str) -> None:
    result = redact(f"Sécu : {written}, carte à refaire.")
    assert result.text == "Sécu : [NIR], carte à refaire."
    assert result.codes == ("nir",)


@pytest.mark.parametrize("sep", ["-", " ", ""])
def test_corsican_nir(sep: str) -> None:
    written = grouped(NIR_CORSICA, NIR_SIZES, sep)
    assert nir.is_valid(NIR_CORSICA)
    assert redact(f"NIR {written}").codes == ("nir",)
    assert redact(f"NIR {written.lower()}").text == "NIR [NIR]"


def test_nir_without_its_key_is_a_nir_not_a_tax_number() -> None:
    body = NIR[:13]
    assert not nif.is_valid(body)
    result = redact(f"n° {grouped(body, NIR_SIZES[:-1])} à compléter")
    assert result.text == "n° [NIR?] à compléter"
    assert result.codes == ("nir?",)


@pytest.mark.parametrize("glued", [f"NIR:{NIR}", f"nir{NIR}", f"n°sécu{NIR}", f"x{NIR}y"])
def test_identifier_glued_inside_a_word(glued: str) -> None:
    assert NIR not in redact(f"voir {glued} ok").text


@pytest.mark.parametrize(
    "written",
    [
        grouped(SPI, (2, 2, 3, 3, 3), NNBSP),
        grouped(SPI, (2, 2, 3, 3, 3), NBSP),
        grouped(SPI, (2, 2, 3, 3, 3), "."),
        SPI,
    ],
)
def test_tax_number(written: str) -> None:
    result = redact(f"numéro fiscal {written} noté")
    assert result.text == "numéro fiscal [N° FISCAL] noté"
    assert result.codes == ("tax_number",)


@pytest.mark.parametrize(
    "written",
    [
        grouped(IBAN_FR, (4,) * 7),
        grouped(IBAN_FR, (4,) * 7).lower(),
        IBAN_FR.lower(),
        grouped(IBAN_FR, (4,) * 7, NBSP),
        grouped(IBAN_FR, (4,) * 7, NNBSP),
        grouped(IBAN_FR, (4,) * 7, "-"),
        IBAN_FR[:2] + IBAN_FR[2:].lower(),
    ],
)
def test_iban_any_case_any_space(written: str) -> None:
    result = redact(f"RIB : {written} merci")
    assert result.text == "RIB : [IBAN] merci"
    assert result.codes == ("iban",)


def test_iban_glued_to_a_word() -> None:
    assert redact(f"iban{IBAN_FR}").text == "iban[IBAN]"


# Published examples (Wikipedia "International Bank Account Number", python-stdnum docs):
# letters-heavy accounts (Romania, Malta, Latvia) and countries with national check digits.
SEPA = [
    "DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300",
    "BE32123456789002", "ES9121000418450200051332", "IT60X0542811101000000123456",
    "MT84MALT011000012345MTLCAST001S", "RO49AAAA1B31007593840000", "LV80BANK0000435195001",
    "NO9386011117947", "CH9300762011623852957", "PT50000201231234567890154",
]  # fmt: skip


@pytest.mark.parametrize("number", SEPA)
def test_sepa_ibans(number: str) -> None:
    assert iban.is_valid(number)
    assert redact(f"IBAN {grouped(number, (4,) * 9)}.").text == "IBAN [IBAN]."


@pytest.mark.parametrize(
    "number", [*SEPA, IBAN_FR, "FR7630006000011234567890188", "BE68539007547034", "XX12345"]
)
def test_iban_check_agrees_with_stdnum(number: str) -> None:
    """The per-country cached check gives python-stdnum's own answer."""
    if len(number) > 4 and number[:2] != "XX":
        assert _iban_valid(number) == iban.is_valid(number)


@pytest.mark.parametrize(
    "phone",
    [
        "06/12/34/56/78",
        "06 12/34 56 78",
        "06/12 34 56 78",
        f"06{NBSP}12{NBSP}34{NBSP}56{NBSP}78",
        f"06{NNBSP}12{NNBSP}34{NNBSP}56{NNBSP}78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33 (0)6 12 34 56 78",
        "０６ １２ ３４ ５６ ７８",
    ],
)
def test_phone_layouts(phone: str) -> None:
    assert redact(f"rappeler au {phone} demain").text == "rappeler au [TÉLÉPHONE] demain"


@pytest.mark.parametrize(
    "email",
    [
        "jean.dupont (at) orange.fr",
        "jean.dupont [at] orange.fr",
        "jean.dupont at orange dot fr",
        "jean.dupont @ orange.fr",
        "jean.dupont＠orange.fr",
        "jean.dupont arobase orange.fr",
        "jean point dupont arobase orange point fr",
        "JEAN.DUPONT@ORANGE.FR",
    ],
)
def test_spelled_out_emails(email: str) -> None:
    assert redact(f"écrire à {email} svp").text == "écrire à [E-MAIL] svp"


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("numéro allocataire 1234567", "numéro allocataire [N° USAGER]"),
        ("n° d'allocataire : 1234567", "n° d'allocataire : [N° USAGER]"),
        ("CAF n°1234567", "CAF n°[N° USAGER]"),
        ("numéro de dossier CAF 1234567", "numéro de dossier CAF [N° USAGER]"),
        ("identifiant France Travail 1234567A", "identifiant France Travail [N° USAGER]"),
        ("identifiant Pôle emploi : 7654321B", "identifiant Pôle emploi : [N° USAGER]"),
        ("id FT 12345678901", "id FT [N° USAGER]"),
        ("n° MSA 1234567", "n° MSA [N° USAGER]"),
        ("n° d'accès en ligne impôts : 2699050", "n° d'accès en ligne impôts : [N° USAGER]"),
        ("n° étranger 1234567890", "n° étranger [N° DE TITRE]"),
        ("numéro de passeport 12AB34567", "numéro de passeport [N° DE TITRE]"),
    ],
)
def test_partner_numbers_introduced_by_their_words(note: str, expected: str) -> None:
    assert redact(note).text == expected


def test_partner_words_win_over_a_guess_from_the_shape() -> None:
    """'n° de sécu' + a NIR whose key fails: a NIR (suspected), whatever its checksum."""
    bad = NIR[:13] + f"{(int(NIR[13:]) + 1) % 97:02d}"
    result = redact(f"n° de sécu {grouped(bad, NIR_SIZES)}")
    assert result.text == "n° de sécu [NIR?]"
    wrong_spi = SPI[:-1] + str((int(SPI[-1]) + 1) % 10)
    assert redact(f"n° fiscal {wrong_spi}").codes == ("tax_number?",)


def test_partner_words_without_a_number_change_nothing() -> None:
    for note in ("dossier CAF complet", "numéro allocataire oublié", "dossier CAF de 2023"):
        assert redact(note).text == note


@pytest.mark.parametrize(
    "note",
    [
        # The seven kinds of ordinary notes the 0.1 redaction broke (issue 10).
        "Arriérés de 1 234 567,89 € annoncés par erreur, vérification demandée.",
        "Années 2019 2020 2021 non déclarées.",
        "Association : SIREN 775 672 272 (Croix-Rouge française).",
        "Employeur : SIRET 15700030800013.",
        "Référence de la télédéclaration 2024051312345678 conservée.",
        "Orienté vers Conseillers-Entreprises au 0 806 000 245.",
        "Impôts : 0 809 401 401, ameli : 3646, France Travail : 3949.",
        "Période du 01/01/2023 au 30/06/2023, RDV le 12/03/2024 à 9h15.",
        "Mme la Maire de Bassuet a demandé les chiffres : 412 demandes.",
        "Permanence salle Jean Moulin, à Saint-Jean-de-Luz.",
    ],
)
def test_ordinary_numbers_are_kept(note: str) -> None:
    assert siret.is_valid("15700030800013")
    assert siren.is_valid("775672272")
    assert redact(note).text == note


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Mme Dupont est venue.", "Mme [NOM] est venue."),
        ("M. Le Goff et Mme DURAND", "M. [NOM] et Mme [NOM]"),
        ("Monsieur le Maire a appelé.", "Monsieur le Maire a appelé."),
        ("Je m'appelle Sophie Lambert.", "Je m'appelle [NOM]."),
        ("Dossier de DUPONT Jean.", "Dossier de [NOM]."),
        ("mme leroy passera", "mme [NOM] passera"),
        # A lower-case first name after a civility takes its surname with it...
        ("monsieur jean dupont a appelé", "monsieur [NOM] a appelé"),
        ("madame marie durand", "madame [NOM]"),
        # ...but not the verb or participle of the note.
        ("monsieur jean est venu", "monsieur [NOM] est venu"),
        ("monsieur paul venu ce matin", "monsieur [NOM] venu ce matin"),
        ("Nom : Garcia, prénom : Lucas", "Nom : [NOM], prénom : [NOM]"),
        ("Grâce à sa fille, dossier fait.", "Grâce à sa fille, dossier fait."),
        # « Si » is an INSEE first name and a word every sentence may open with (stop 28: the
        # recognition corpus's « Si vous constatez une erreur sur votre avis d'impôt » lost it).
        ("Si vous constatez une erreur, rappeler.", "Si vous constatez une erreur, rappeler."),
        ("Aura besoin d'un rendez-vous.", "Aura besoin d'un rendez-vous."),
        ("Rose Blanc : chèque énergie", "[NOM] : chèque énergie"),
    ],
)
def test_names(note: str, expected: str) -> None:
    assert redact(note).text == expected


def test_findings_give_kinds_and_offsets_never_values() -> None:
    result = redact(f"NIR {NIR} ; Mme Dupont")
    assert result.spans == (RedactedSpan("nir"), RedactedSpan("name"))
    assert [f.span for f in result.spans] == [(4, 19), (26, 32)]
    assert NIR not in repr(result.spans)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (NIR, "nir"),
        (grouped(NIR, NIR_SIZES, "-"), "nir"),
        ("0612345678", "phone"),
        (IBAN_FR, "iban"),
        (SPI, "tax_number"),
        ("Jean.Dupont", "name"),
    ],
)
def test_personal_ids_are_refused(value: str, kind: str) -> None:
    assert id_problem(value) == f"looks like personal data ({kind}); use an opaque id"


@pytest.mark.parametrize(
    "value",
    [
        "2023-0000123",
        "2023-06-0001",
        "req:2024:06:0001",
        "550e8400-e29b-41d4-a716-446655440000",
        "550E8400-E29B-41D4-A716-446655440000",
        "3f786850e387550fdab836ed7e6dc881de23001b",
        "agent-marie-12",
        "202306150930001",  # 15 digits, NIR checksum fails: a timestamp, not refused
    ],
)
def test_opaque_ids_are_accepted(value: str) -> None:
    assert id_problem(value) is None


def test_error_messages_never_quote_personal_data() -> None:
    assert safe_repr(NIR) == "'[NIR]'"
    assert safe_repr("counter") == "'counter'"
    message = f"received_at: expected a date-time, got '{grouped(NIR, NIR_SIZES)}'"
    assert redact_quoted(message) == "received_at: expected a date-time, got '[NIR]'"
    assert redact_quoted('channel: "Mme Dupont" is not one of') == (
        'channel: "Mme [NOM]" is not one of'
    )


SPACES = st.sampled_from([" ", NBSP, NNBSP, "\u2009", "\u2007", "\t", ".", "-", "/", ""])


@settings(max_examples=80, deadline=None)
@given(
    body=st.from_regex(
        r"[12][0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[1-8][0-9]|2[AB])[0-9]{6}", fullmatch=True
    ),
    seps=st.lists(SPACES, min_size=6, max_size=6),
    before=st.text(max_size=15),
    after=st.text(max_size=15),
)
def test_no_valid_nir_survives_any_separators(
    body: str, seps: list[str], before: str, after: str
) -> None:
    number = key(body)
    parts = [number[a:b] for a, b in ((0, 1), (1, 3), (3, 5), (5, 7), (7, 10), (10, 13), (13, 15))]
    written = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:], strict=True))
    redacted = redact(f"{before} {written} {after}").text
    kept = "".join(c for c in redacted if c.isalnum()).upper()
    assert number not in kept


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300))
def test_redaction_is_idempotent_and_total(text: str) -> None:
    once = redact(text).text
    assert redact(once).text == once


@settings(max_examples=300, deadline=None)
@given(
    digits=st.text(alphabet="0123456789", min_size=9, max_size=15),
    corsica=st.sampled_from(["", "2A", "2B"]),
)
def test_fast_checks_agree_with_stdnum(digits: str, corsica: str) -> None:
    """The checks on compact numbers give python-stdnum's own answers (valid numbers are
    made 1 time in 10 or more, so both answers are exercised)."""
    as_nir = (digits[:5] + corsica + digits[7:]) if corsica and len(digits) == 15 else digits
    for number in (as_nir, key(as_nir[:13]) if len(as_nir) >= 13 else as_nir):
        assert nir_valid(number) == nir.is_valid(number)
    spi = digits[:10] + nif.calc_check_digits(digits[:10] + "000") if len(digits) >= 13 else digits
    for number in (digits, spi):
        assert spi_valid(number) == nif.is_valid(number)
    assert siren_valid(digits) == siren.is_valid(digits)
    assert siret_valid(digits) == siret.is_valid(digits)


def test_the_partner_lexicon_is_well_formed() -> None:
    """Kinds have placeholders, a word belongs to one kind, sources back the verified
    entries, and every trigger holds one of the cheap hints that gate the scan."""
    data = lexicon()
    kinds: dict[str, str] = {}
    for entry in data.entries:
        assert entry.kind in PLACEHOLDERS
        assert entry.verified in ("official", "secondary", "no")
        assert bool(entry.sources) == (entry.verified != "no"), entry.id
        for word in entry.phrases + entry.names:
            assert kinds.setdefault(word, entry.kind) == entry.kind, word
        for phrase in entry.phrases:
            assert any(hint in phrase for hint in HINTS), phrase
        if entry.kind == "id_document":  # a document's name alone is a trigger
            for name in entry.names:
                assert any(hint in name for hint in HINTS), name
    for word in data.number_words:
        assert any(hint in word for hint in HINTS), word


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # The 9-character document number of the 2021 card may hold one or two digits.
        ("carte d'identité n° X4RTBPFW4", "carte d'identité n° [N° DE TITRE]"),
        ("ma CNI X4RTBPFW4 est perdue", "ma CNI [N° DE TITRE] est perdue"),
        ("passeport n° 2ABCDEFGH", "passeport n° [N° DE TITRE]"),
        # Not a number: letters only, a fiche id, a category, a date.
        ("carte d'identité ABCDEFGHI", "carte d'identité ABCDEFGHI"),
        ("permis F21089", "permis F21089"),
        ("permis de conduire catégorie B1 depuis", "permis de conduire catégorie B1 depuis"),
        ("carte d'identité perdue le 12/03/2024", "carte d'identité perdue le 12/03/2024"),
    ],
)
def test_document_numbers_with_few_digits(note: str, expected: str) -> None:
    assert redact(note).text == expected
