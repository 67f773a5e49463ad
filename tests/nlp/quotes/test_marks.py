"""Quote-mark scanning: every style and spacing, apostrophes, unbalanced marks."""

from __future__ import annotations

import random

import pytest

from veille.nlp.quotes.marks import MAX_CHARS, scan_marks


def texts(text: str) -> list[str]:
    return [text[m.start : m.end] for m in scan_marks(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Nous partirons », a-t-il dit.", ["Nous partirons"]),
        ("«\u00a0Nous partirons\u00a0», dit-elle.", ["Nous partirons"]),
        ("«\u202fNous partirons.\u202f»", ["Nous partirons."]),
        ("«Collé» et « espacé »", ["Collé", "espacé"]),
        ("“This is it,” she said.", ["This is it,"]),
        ("„Ja“ und „nein”", ["Ja", "nein"]),
        ('He said "we will go" and left.', ["we will go"]),
        ("‹ oui › ou ‹ non ›", ["oui", "non"]),
        ("NATO’s ‘red lines’ aren’t new", ["red lines"]),
        ("the countries’ leaders", []),
        ("“A ‘nested’ one”", ["A ‘nested’ one"]),
        ("« un « emboîté » ici »", ["un « emboîté » ici"]),
    ],
)
def test_styles(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_unclosed_mark_opening_a_paragraph_runs_to_its_end() -> None:
    text = "« Nous ne céderons pas.\nLe ministre a parlé."
    assert texts(text) == ["Nous ne céderons pas."]


def test_unclosed_mark_mid_paragraph_is_ignored_and_never_crosses_lines() -> None:
    text = "Il parle d'une « crise\nPuis « ceci » arrive."
    assert texts(text) == ["ceci"]


def test_fuzz_never_crashes_nor_leaves_its_paragraph() -> None:
    rng = random.Random(7)
    alphabet = [*list("«»“”„‹›\"‘’' \xa0\u202f\n.,abc-—"), "mot", "dit-elle", "said"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        for m in scan_marks(text):
            assert 0 <= m.open < m.start <= m.end <= m.close <= len(text)
            assert "\n" not in text[m.start : m.end]
            assert m.end - m.start <= MAX_CHARS
