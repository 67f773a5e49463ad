"""The vote-v1 extractor's reconciliation logic, on small hand-written inputs."""

from __future__ import annotations

from lxml.html import fromstring

from veille.extract import EXTRACTORS
from veille.extract.vote import (
    block_paragraphs,
    in_doubt,
    paragraphs,
    reconcile,
    shed,
    shingles,
    support,
)

BODY = [
    "The council voted on Tuesday to close the old bridge to lorries from next spring.",
    "Engineers found cracks in two of the piers during an inspection in March this year.",
    "The mayor said the repairs would take at least eighteen months and cost four million.",
]


def test_shingles_are_lowercased_word_triples() -> None:
    assert shingles("The cat, the HAT") == {("the", "cat", "the"), ("cat", "the", "hat")}
    assert shingles("Two words") == {("two", "words")}
    assert shingles("  ") == set()


def test_support_is_the_share_of_shingles_found() -> None:
    other = shingles("a b c d")
    assert support("a b c", other) == 1.0
    assert support("a b c x", other) == 0.5
    assert support("", other) == 0.0


def test_edges_the_second_reading_does_not_hold_are_trimmed() -> None:
    primary = ["Bridge to close", *BODY, "More headlines", "Subscribe to our newsletter"]
    assert reconcile(primary, BODY) == BODY


def test_unsupported_paragraphs_inside_the_agreed_span_stay() -> None:
    inner = "A paragraph readability missed, between two it found."
    primary = [BODY[0], inner, BODY[1], BODY[2]]
    assert reconcile(primary, [BODY[0], BODY[2]]) == primary


def test_a_second_reading_holding_only_a_fragment_trims_nothing() -> None:
    more = [f"Paragraph number {n} of a long article goes on about the bridge." for n in range(6)]
    primary = ["Headline", *BODY, *more]
    fragment = [BODY[0]]  # agreement on one paragraph only: trimming would drop most
    assert reconcile(primary, fragment) == primary


def test_nothing_shared_or_nothing_read_leaves_the_primary() -> None:
    assert reconcile(BODY, ["Completely different words here"]) == BODY
    assert reconcile(BODY, []) == BODY
    assert reconcile([], BODY) == []


def test_doubt_is_a_first_kept_paragraph_that_is_not_a_sentence() -> None:
    assert not in_doubt(BODY, None)
    assert in_doubt(["Watch: the bridge from the air", *BODY], None)
    # the headline is dropped by veille anyway, so it raises no doubt
    assert not in_doubt(["Bridge to close", *BODY], "Bridge to close")
    assert not in_doubt(["« Nous fermerons le pont », a dit le maire. »", *BODY], None)
    assert in_doubt([], None)


def test_block_paragraphs_break_at_blocks_and_fold_spaces() -> None:
    root = fromstring(
        "<div><h2>Title</h2><p>One <b>bold</b>\n word.</p>tail<ul><li>a</li></ul></div>"
    )
    assert block_paragraphs(root) == ["Title", "One bold word.", "tail", "a"]


def test_shed_keeps_json_data_and_text_around_removed_elements() -> None:
    tree = fromstring(
        "<html><head><script type='application/ld+json'>{}</script><style>p{}</style></head>"
        "<body><p>before<script>x()</script> after<svg><path/></svg>.</p></body></html>"
    )
    shed(tree)
    assert tree.find(".//script").get("type") == "application/ld+json"
    assert tree.find(".//style") is None and tree.find(".//svg") is None
    assert tree.find(".//p").text_content() == "before after."


PAGE = """<html><head><title>Bridge to close - Town News</title>
<meta property="og:site_name" content="Town News"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Bridge to close</h1>
<div class="story">{body}
<div class="paywall-teaser"><p>You have 60% of this article left to read</p></div>
<p>{last}</p></div>
<aside class="related"><h3>More headlines</h3><ul><li><a href="/a">Fire at the mill</a></li>
<li><a href="/b">Floods close school</a></li></ul></aside>
<footer>© 2026 Town News</footer></body></html>"""


def test_extractor_end_to_end_on_a_small_page() -> None:
    body = "".join(f"<p>{p} {p}</p>" for p in BODY)
    last = "The bridge opened in 1932 and carries twelve thousand vehicles on an average day."
    found = EXTRACTORS["vote-v1"](PAGE.format(body=body, last=last), "https://town.example/b")
    text = paragraphs(found.text)
    assert text[-1] == last
    assert text[0] == f"{BODY[0]} {BODY[0]}"
    assert not any("left to read" in p or "Fire at the mill" in p for p in text)
    assert found.title == "Bridge to close"
