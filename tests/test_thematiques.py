"""The French labels of the data·inclusion thematiques."""

from __future__ import annotations

from mfs_core.thematiques import THEMATIQUE_LABELS, THEMATIQUES, thematique_label


def test_labels_cover_exactly_the_schema_codes() -> None:
    # Two transcriptions of the same schema version: no code missing, none extra.
    assert set(THEMATIQUE_LABELS) == THEMATIQUES


def test_labels_are_french_text_not_codes() -> None:
    for code, text in THEMATIQUE_LABELS.items():
        assert text[:1].isupper(), code
        assert "--" not in text, code


def test_label_of_a_code_as_the_schema_gives_it() -> None:
    code = "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
    assert thematique_label(code) == "Accompagnement aux démarches administratives"
    assert thematique_label("famille--garde-denfants") == "Garde d’enfants"


def test_unknown_code_is_shown_as_it_is() -> None:
    assert thematique_label("numerique--un-code-d-un-autre-schema") == (
        "numerique--un-code-d-un-autre-schema"
    )
