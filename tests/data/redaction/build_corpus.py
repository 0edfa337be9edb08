"""Build ``corpus.jsonl``: the notes the redaction is measured on, with the expected text.

Run ``python tests/data/redaction/build_corpus.py`` after changing a template: the output is
reproducible (fixed seed) and a test checks that the committed file is what this builds.

Each line is one note::

    {"id": "nir-07", "split": "dev" | "heldout" | "heldout-2", "group": "identifier" |
     "partner" | "name" | "birth_date" | "ordinary" | "mixed", "text": "...", "expected": "...",
     "spans": [{"start": 12, "end": 33, "kind": "nir"}]}

``spans`` are what must be redacted (offsets in ``text``); ``expected`` is ``text`` with each
span replaced by the placeholder of its kind. ``split`` comes from a hash of the id, so that
the held-out part is not chosen by hand: tune on ``dev``, only measure on ``heldout``.
``heldout-2`` (the ``fresh_*`` notes) was written after the rules were tuned.

Identifiers are synthetic and generated with valid checksums (python-stdnum's own check-digit
functions), then written the ways French text writes them (no-break and narrow no-break
spaces, dots, dashes, slashes, lower case, full-width forms, glued to a word). Everything
else is hand-written, in ``notes.toml``; where an ordinary note quotes a public fact (a
public service's phone number, an organisation's SIRET, a fiche or cerfa number) its source
is in ``README.md``.
Annotation syntax in the templates: ``⟦kind|text⟧`` marks a literal span to redact,
``{generator:form}`` a generated identifier.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

from stdnum import iban, numdb
from stdnum.fr import nif, nir

HERE = Path(__file__).parent
OUTPUT = HERE / "corpus.jsonl"
SEED = 20241129

#: What replaces each kind in the expected text (the library's placeholders).
PLACEHOLDERS = {
    "email": "[E-MAIL]",
    "iban": "[IBAN]",
    "nir": "[NIR]",
    "nir?": "[NIR?]",
    "tax_number": "[N° FISCAL]",
    "phone": "[TÉLÉPHONE]",
    "client_number": "[N° USAGER]",
    "id_document": "[N° DE TITRE]",
    "name": "[NOM]",
    "birth_date": "[DATE DE NAISSANCE]",
}

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


def group(text: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(text[at : at + size])
        at += size
    if at < len(text):
        parts.append(text[at:])
    return sep.join(part for part in parts if part)


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c
                   for c in text)  # fmt: skip


# -- generators: (rng) -> compact value; forms: compact value -> written text ---------------
def gen_nir(rng: random.Random, department: str | None = None) -> str:
    sex = rng.choice("12")
    year = f"{rng.randrange(100):02d}"
    month = f"{rng.randrange(1, 13):02d}"
    dept = department or rng.choice(["75", "64", "13", "69", "59", "33", "01", "99", "93"])
    body = f"{sex}{year}{month}{dept}{rng.randrange(1, 990):03d}{rng.randrange(1, 999):03d}"
    return body + nir.calc_check_digits(body)


def gen_nir_corsica(rng: random.Random) -> str:
    return gen_nir(rng, rng.choice(["2A", "2B"]))


def gen_nir_bad_key(rng: random.Random) -> str:
    good = gen_nir(rng)
    return good[:13] + f"{(int(good[13:]) + rng.randrange(1, 96)) % 97:02d}"


def gen_spi(rng: random.Random) -> str:
    first10 = f"{rng.randrange(4)}{rng.randrange(10**9):09d}"
    return first10 + nif.calc_check_digits(first10 + "000")


_IBAN_DB = numdb.get("iban")


def gen_iban(rng: random.Random, country: str) -> str:
    structure = _IBAN_DB.info(country)[0][1]["bban"]
    for _ in range(10_000):  # national check digits (BE, ES...): draw until valid
        bban = ""
        for count, kind in re.findall(r"(\d+)!([nac])", structure):
            alphabet = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                        "c": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}[kind]  # fmt: skip
            bban += "".join(rng.choice(alphabet) for _ in range(int(count)))
        number = country + iban.calc_check_digits(country + "00" + bban) + bban
        if iban.is_valid(number):
            return number
    raise RuntimeError(f"no valid IBAN drawn for {country}")


def gen_phone(rng: random.Random, prefix: str | None = None) -> str:
    first = prefix or rng.choice(["06", "07", "01", "02", "03", "04", "05", "09"])
    return first + "".join(str(rng.randrange(10)) for _ in range(8))


def digits(rng: random.Random, count: int) -> str:
    return str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(count - 1))


NIR_SIZES = (1, 2, 2, 2, 3, 3, 2)
NIR_FORMS: dict[str, Callable[[str], str]] = {
    "compact": lambda n: n,
    "spaced": lambda n: group(n, NIR_SIZES),
    "nbsp": lambda n: group(n, NIR_SIZES, NBSP),
    "nnbsp": lambda n: group(n, NIR_SIZES, NNBSP),
    "thin": lambda n: group(n, NIR_SIZES, THIN),
    "dots": lambda n: group(n, NIR_SIZES, "."),
    "dashes": lambda n: group(n, NIR_SIZES, "-"),
    "tabs": lambda n: group(n, NIR_SIZES, "\t"),
    "key-glued": lambda n: group(n, (1, 2, 2, 2, 3, 5)),
    "key-slash": lambda n: group(n[:13], NIR_SIZES[:-1]) + "/" + n[13:],
    "key-slash-compact": lambda n: n[:13] + "/" + n[13:],
    "key-word": lambda n: group(n[:13], NIR_SIZES[:-1]) + " clé " + n[13:],
    "fullwidth": lambda n: fullwidth(group(n, NIR_SIZES)),
    "lower": lambda n: group(n, NIR_SIZES).lower(),
    "pairs": lambda n: group(n, (1, 2, 2, 2, 2, 2, 2, 2)),
}
NIR13_FORMS: dict[str, Callable[[str], str]] = {
    "no-key": lambda n: group(n[:13], NIR_SIZES[:-1]),
    "no-key-compact": lambda n: n[:13],
    "no-key-nnbsp": lambda n: group(n[:13], NIR_SIZES[:-1], NNBSP),
    "no-key-dashes": lambda n: group(n[:13], NIR_SIZES[:-1], "-"),
}
SPI_FORMS: dict[str, Callable[[str], str]] = {
    "spaced": lambda n: group(n, (2, 2, 3, 3, 3)),
    "compact": lambda n: n,
    "nnbsp": lambda n: group(n, (2, 2, 3, 3, 3), NNBSP),
    "nbsp": lambda n: group(n, (2, 2, 3, 3, 3), NBSP),
    "dots": lambda n: group(n, (2, 2, 3, 3, 3), "."),
    "fullwidth": lambda n: fullwidth(n),
}
IBAN_FORMS: dict[str, Callable[[str], str]] = {
    "grouped": lambda n: group(n, (4,) * 9),
    "compact": lambda n: n,
    "lower": lambda n: group(n, (4,) * 9).lower(),
    "lower-compact": lambda n: n.lower(),
    "nbsp": lambda n: group(n, (4,) * 9, NBSP),
    "nnbsp": lambda n: group(n, (4,) * 9, NNBSP),
    "dashes": lambda n: group(n, (4,) * 9, "-"),
    "mixed": lambda n: n[:2] + n[2:].lower(),
    "fullwidth": lambda n: fullwidth(group(n, (4,) * 9)),
}
PHONE_FORMS: dict[str, Callable[[str], str]] = {
    "spaces": lambda p: group(p, (2,) * 5),
    "compact": lambda p: p,
    "dots": lambda p: group(p, (2,) * 5, "."),
    "dashes": lambda p: group(p, (2,) * 5, "-"),
    "slashes": lambda p: group(p, (2,) * 5, "/"),
    "some-slashes": lambda p: f"{p[:2]} {p[2:4]}/{p[4:6]} {p[6:8]} {p[8:]}",
    "first-slash": lambda p: f"{p[:2]}/{p[2:4]} {p[4:6]} {p[6:8]} {p[8:]}",
    "nbsp": lambda p: group(p, (2,) * 5, NBSP),
    "nnbsp": lambda p: group(p, (2,) * 5, NNBSP),
    "intl": lambda p: "+33 " + group(p[1:], (1, 2, 2, 2, 2)),
    "intl-compact": lambda p: "+33" + p[1:],
    "intl-zero": lambda p: "+33 (0)" + group(p[1:], (1, 2, 2, 2, 2)),
    "double-zero": lambda p: "0033 " + group(p[1:], (1, 2, 2, 2, 2)),
    "fullwidth": lambda p: fullwidth(group(p, (2,) * 5)),
    "dot-space": lambda p: group(p, (2,) * 5, ". "),
}


LOCAL_PARTS = ["jean", "marie", "k.benali", "sophie.martin", "lucas75", "nathalie.roux",
               "m.diallo", "celine.b"]  # fmt: skip
DOMAINS = [("orange", "fr"), ("gmail", "com"), ("laposte", "net"), ("free", "fr"),
           ("wanadoo", "fr"), ("hotmail", "fr")]  # fmt: skip


def email_forms(local: str, domain: str, tld: str) -> dict[str, str]:
    return {
        "plain": f"{local}@{domain}.{tld}",
        "upper": f"{local}@{domain}.{tld}".upper(),
        "spaced-at": f"{local} @ {domain}.{tld}",
        "at-paren": f"{local} (at) {domain}.{tld}",
        "at-brackets": f"{local} [at] {domain}.{tld}",
        "at-dot-words": f"{local} at {domain} dot {tld}",
        "arobase": f"{local} arobase {domain}.{tld}",
        "arobase-point": f"{local} arobase {domain} point {tld}",
        "fullwidth-at": f"{local}＠{domain}.{tld}",
        "dot-paren": f"{local}(at){domain}(dot){tld}",
    }


# -- notes ------------------------------------------------------------------------------------
NOTES = tomllib.loads((HERE / "notes.toml").read_text(encoding="utf-8"))


# -- rendering --------------------------------------------------------------------------------
_SLOT = re.compile(
    r"⟦(?P<kind>[a-z_?]+)\|(?P<text>[^⟧]*)⟧|\{(?P<gen>[a-z0-9_]+)(?::(?P<form>[a-z-]+))?\}"
)


class Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def identifier(self, gen: str, form: str | None) -> tuple[str, str]:
        """(written text, kind) of a generated identifier."""
        rng = self.rng
        if gen == "nir":
            return NIR_FORMS[form or "spaced"](gen_nir(rng)), "nir"
        if gen == "nir_corsica":
            return NIR_FORMS[form or "spaced"](gen_nir_corsica(rng)), "nir"
        if gen == "nir13":
            return NIR13_FORMS[form or "no-key"](gen_nir(rng)), "nir?"
        if gen == "spi":
            return SPI_FORMS[form or "spaced"](gen_spi(rng)), "tax_number"
        if gen.startswith("iban_"):
            country = gen[5:].upper()
            return IBAN_FORMS[form or "grouped"](gen_iban(rng, country)), "iban"
        if gen == "phone":
            return PHONE_FORMS[form or "spaces"](gen_phone(rng)), "phone"
        if gen == "email":
            first = rng.choice(LOCAL_PARTS)
            domain, tld = rng.choice(DOMAINS)
            return email_forms(first, domain, tld)[form or "plain"], "email"
        raise KeyError(gen)

    def value(self, name: str) -> str:
        """A context-introduced number: the formats each partner publishes (README)."""
        rng = self.rng
        if name == "caf":
            return digits(rng, 7)
        if name == "caf_spaced":
            return group(digits(rng, 7), (3, 4))
        if name == "ft_old":
            return digits(rng, 7) + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
        if name == "ft_new":
            return digits(rng, 11)
        if name in ("msa", "cnav"):
            return digits(rng, rng.choice([7, 8, 9]))
        if name == "dgfip_access":
            return digits(rng, 7)
        if name == "passport":
            letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
            return f"{rng.randrange(10, 100)}{letters}{rng.randrange(10000, 100000)}"
        if name == "agdref":
            return digits(rng, 10)
        if name == "cni":
            return digits(rng, 12)
        if name == "nir_bad":
            return gen_nir_bad_key(rng)
        if name == "nir_bad_spaced":
            return group(gen_nir_bad_key(rng), NIR_SIZES)
        raise KeyError(name)

    def render(self, template: str) -> tuple[str, list[dict[str, object]]]:
        # Literal spans may hold {generators} themselves: fill those first.
        def fill(match: re.Match[str]) -> str:
            return self.value(match.group(1))

        out: list[str] = []
        spans: list[dict[str, object]] = []
        at = 0
        for match in _SLOT.finditer(template):
            out.append(template[at : match.start()])
            start = sum(map(len, out))
            if match.group("kind"):
                text = re.sub(r"\{([a-z_]+)\}", fill, match.group("text"))
                kind = match.group("kind")
            else:
                text, kind = self.identifier(match.group("gen"), match.group("form"))
            out.append(text)
            spans.append({"start": start, "end": start + len(text), "kind": kind})
            at = match.end()
        out.append(template[at:])
        return "".join(out), spans


def expected_text(text: str, spans: list[dict[str, object]]) -> str:
    out, at = [], 0
    for span in spans:
        start, end = int(str(span["start"])), int(str(span["end"]))
        out += [text[at:start], PLACEHOLDERS[str(span["kind"])]]
        at = end
    out.append(text[at:])
    return "".join(out)


def split_of(note_id: str) -> str:
    """About 40 % held out, by a hash of the id: nobody chooses which."""
    return "heldout" if hashlib.sha256(note_id.encode()).digest()[0] % 5 < 2 else "dev"


def identifier_templates() -> list[tuple[str, str]]:
    """(id, template): every writing form of every kind, in turn in the carriers."""
    items: list[tuple[str, str]] = []

    def add(prefix: str, carriers: list[str], slots: list[str]) -> None:
        for index, slot in enumerate(slots):
            carrier = carriers[index % len(carriers)]
            items.append((f"{prefix}-{index + 1:02d}", carrier.replace("{x}", slot)))

    nir_carriers = NOTES["nir_carriers"]
    add("nir", nir_carriers, [f"{{nir:{form}}}" for form in NIR_FORMS])
    add("nir13", nir_carriers[1:], [f"{{nir13:{form}}}" for form in NIR13_FORMS])
    corsica = ("spaced", "dashes", "compact", "lower", "nnbsp")
    add("nir-corsica", nir_carriers[2:], [f"{{nir_corsica:{form}}}" for form in corsica])
    add("spi", NOTES["spi_carriers"], [f"{{spi:{form}}}" for form in SPI_FORMS])
    add("iban-fr", NOTES["iban_carriers"], [f"{{iban_fr:{form}}}" for form in IBAN_FORMS])
    sepa = ["de", "be", "es", "it", "nl", "pt", "lu", "at", "ie", "fi", "gr", "mc", "ch",
            "gb", "pl", "se", "dk", "no", "ro", "si"]  # fmt: skip
    layouts = ("grouped", "compact", "lower")
    add("iban-sepa", NOTES["iban_carriers"],
        [f"{{iban_{cc}:{layouts[i % 3]}}}" for i, cc in enumerate(sepa)])  # fmt: skip
    add("phone", NOTES["phone_carriers"], [f"{{phone:{form}}}" for form in PHONE_FORMS])
    add(
        "email",
        NOTES["email_carriers"],
        [f"{{email:{form}}}" for form in email_forms("a", "b", "c")],
    )
    return items


def build() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    builder = Builder(rng)
    items: list[tuple[str, str, str]] = [
        (note_id, "identifier", template) for note_id, template in identifier_templates()
    ]
    items += [(f"partner-{i + 1:02d}", "partner", t) for i, t in enumerate(NOTES["partner_notes"])]
    items += [(f"name-{i + 1:02d}", "name", t) for i, t in enumerate(NOTES["name_notes"])]
    items += [
        (f"ordinary-{i + 1:02d}", "ordinary", t) for i, t in enumerate(NOTES["ordinary_notes"])
    ]
    items += [(f"mixed-{i + 1:02d}", "mixed", t) for i, t in enumerate(NOTES["mixed_notes"])]
    items += [
        (f"birth-{i + 1:02d}", "birth_date", t) for i, t in enumerate(NOTES["birth_date_notes"])
    ]
    items += [
        (f"birth-ordinary-{i + 1:02d}", "ordinary", t)
        for i, t in enumerate(NOTES["birth_date_ordinary_notes"])
    ]
    fresh = [("fresh-identifier", "identifier"), ("fresh-partner", "partner"),
             ("fresh-name", "name"), ("fresh-ordinary", "ordinary")]  # fmt: skip
    for prefix, kind in fresh:
        key = prefix.replace("fresh-", "fresh_") + "_notes"
        items += [(f"{prefix}-{i + 1:02d}", kind, t) for i, t in enumerate(NOTES[key])]
    notes = []
    for note_id, kind, template in items:
        text, spans = builder.render(template)
        notes.append(
            {
                "id": note_id,
                "split": "heldout-2" if note_id.startswith("fresh-") else split_of(note_id),
                "group": kind,
                "text": text,
                "expected": expected_text(text, spans),
                "spans": spans,
            }
        )
    return notes


def dumps(notes: list[dict[str, object]]) -> str:
    return "".join(json.dumps(note, ensure_ascii=False) + "\n" for note in notes)


if __name__ == "__main__":
    OUTPUT.write_text(dumps(build()), encoding="utf-8")
    print(f"wrote {OUTPUT}")
