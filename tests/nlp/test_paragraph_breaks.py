"""Sentences never run across the paragraphs of Article.text."""

from __future__ import annotations

import pytest

from veille.nlp.models import paragraph_starts


def test_a_token_after_a_line_break_opens_a_paragraph() -> None:
    tokens = [("Moscou", " "), ("accuse", " "), ("Washington", ""), ("\n", ""), ("Du", " ")]
    # the intertitle has no final punctuation: one sentence; "Du" opens the next paragraph
    assert paragraph_starts(tokens) == [None, False, False, None, True]
    prose = [("Il", " "), ("part", ""), (".", " "), ("Elle", " "), ("reste", ""), (".", "\n")]
    assert paragraph_starts([*prose, ("Fin", "")]) == [None] * 6 + [True]


@pytest.mark.models
@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_intertitle_is_a_sentence_of_its_own(parse, language: str) -> None:
    text = {
        "fr": "« Nous resterons vigilants », a-t-il insisté.\nMoscou accuse Washington\n"
        "Du côté russe, le ton est monté d'un cran jeudi.",
        "en": "“We will stay vigilant,” he said.\nMoscow accuses Washington\n"
        "On the Russian side, the tone hardened on Thursday.",
    }[language]
    parsed = parse(text, language)
    sentences = [parsed.text[slice(*parsed.sent_span(i))] for i in range(len(parsed.sents))]
    assert all("\n" not in s for s in sentences)
    assert (
        sentences[1]
        == {"fr": "Moscou accuse Washington", "en": "Moscow accuses Washington"}[language]
    )
