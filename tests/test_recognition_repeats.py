"""A word said several times is one piece of evidence (issue-14m).

Before, each repetition of a known word added its information again, so « pacs » said fifty
times outweighed the unknown « chasse » beside it and claimed the tax return's change of
situation at 97 %; repeated unknown words faded instead (each weighed half the one before).
The reviewer of stop 21 found it with a need of a hundred repeated words. Constructed.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser


def _outcome(recogniser: Recogniser, need: str) -> tuple[object, ...]:
    recognition = recogniser.recognise(need)
    best = recognition.best
    return (
        recognition.level,
        best and best.procedure,
        best and best.confidence,
        best and best.score,
        best and best.matched,
    )


@pytest.mark.parametrize(
    ("once", "repeated"),
    [
        ("pacs chasse", "pacs " * 50 + "chasse"),
        ("pacs chasse", "chasse " + "pacs " * 99),
        ("réversion chasse", "réversion " * 100 + "chasse"),
        ("vitale zorglub", "vitale " + "zorglub " * 100),
        ("pacs", "Pacs PACS pacs"),
        ("RSA agriculteur", "RSA RSA agriculteur agriculteur"),
    ],
)
def test_a_repeated_word_counts_once(recogniser: Recogniser, once: str, repeated: str) -> None:
    assert _outcome(recogniser, repeated) == _outcome(recogniser, once)


def test_a_repeated_known_word_does_not_make_a_claim(recogniser: Recogniser) -> None:
    assert recogniser.recognise("pacs chasse").level is not Level.CONFIDENT
    assert recogniser.recognise("pacs " * 50 + "chasse").level is not Level.CONFIDENT


def test_a_phrase_said_as_written_is_read_once_a_need_whatever_its_repetitions(
    recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review 14d, finding 1: each hit of a phrase that counts only as written (« droits au
    # chômage », `Expansion.written`) read the whole need again, so « chômage » said 250
    # times cost about 40 ms (the square of the need's length); counted here, not timed.
    from mfs_core.recognition import terms

    calls = {"said_in": 0, "written_stems": 0}

    def counted(name: str) -> object:
        real = getattr(terms, name)

        def call(*args: object) -> object:
            calls[name] += 1
            return real(*args)

        return call

    monkeypatch.setattr(terms, "said_in", counted("said_in"))
    monkeypatch.setattr(terms, "written_stems", counted("written_stems"))
    once = recogniser.recognise("droits au chômage")
    calls.update(said_in=0, written_stems=0)
    repeated = recogniser.recognise(" ".join(["droits au chômage"] * 100))
    assert calls["written_stems"] == 1
    written = {e.written for e in recogniser.lexicon.expansions if e.written}
    assert 1 <= calls["said_in"] <= len(written)
    assert repeated.best is not None
    assert once.best is not None
    assert repeated.best.procedure == once.best.procedure
