"""Hand-made articles for the dashboard tests, with hostile text in quotes and titles."""

from __future__ import annotations

from veille.article import Actor, Article, Event, Evidence, Mention, Quote

XSS_QUOTE = "<img src=x onerror=window.__xss=1> we will answer the sanctions firmly"
XSS_TITLE = "Moscow vows answer <script>window.__xss=2</script> to EU sanctions"

ACTORS = {
    "person:olga-petrova": Actor("person:olga-petrova", "Olga Petrova", "person", "RUS", "GOV"),
    "country:RUS": Actor("country:RUS", "Russia", "country", "RUS"),
    "org:EU": Actor("org:EU", "European Union", "organization", None, "IGO"),
    "country:UKR": Actor("country:UKR", "Ukraine", "country", "UKR"),
    "person:jan-novak": Actor("person:jan-novak", "Jan Novak", "person", "CZE", "GOV"),
}


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _article(n: int, title: str, published: str, sentences: list[str]) -> Article:
    return Article(
        source=f"test:{n}",
        id=f"{n:064x}",
        url=f"https://news.example/{n}",
        site="news.example",
        title=title,
        published=published,
        language="en",
        text="\n".join(sentences),
    )


def _mention(article: Article, actor: str, surface: str) -> None:
    start, end = _span(article.text, surface)
    article.mentions.append(Mention(actor, surface, start, end))
    if ACTORS[actor] not in article.actors:
        article.actors.append(ACTORS[actor])


def _event(article: Article, kind: str, actor: str, recipient: str, sentence: str) -> None:
    start, end = _span(article.text, sentence)
    evidence = Evidence(start, end, sentence)
    article.events.append(Event(kind, evidence, actor=[actor], recipient=[recipient]))


def articles() -> list[Article]:
    """Three articles: the hostile one, and two ordinary ones for timelines and the network."""
    first = _article(
        1,
        XSS_TITLE,
        "2026-09-14",
        [
            "The European Union imposed new sanctions on Russia on Monday.",
            f"“{XSS_QUOTE}”, said Olga Petrova, the Russian foreign ministry spokeswoman.",
            "Russia accused the European Union of economic warfare.",
        ],
    )
    text = first.text
    q_start, q_end = _span(text, XSS_QUOTE)
    s_start, s_end = _span(text, "Olga Petrova")
    c_start, c_end = _span(text, "said")
    first.quotes.append(
        Quote(XSS_QUOTE, q_start, q_end, "direct", "person:olga-petrova", "Olga Petrova",
              s_start, s_end, "said", c_start, c_end)
    )  # fmt: skip
    _mention(first, "org:EU", "European Union")
    _mention(first, "country:RUS", "Russia")
    _mention(first, "person:olga-petrova", "Olga Petrova")
    _event(first, "SANCTION", "org:EU", "country:RUS", "The European Union imposed new sanctions on Russia on Monday.")  # fmt: skip
    _event(first, "ACCUSE", "country:RUS", "org:EU", "Russia accused the European Union of economic warfare.")  # fmt: skip

    second = _article(
        2,
        "EU pledges aid to Ukraine",
        "2026-10-02",
        [
            "The European Union pledged new aid to Ukraine.",
            "“Help will keep coming”, said Jan Novak.",
            "Olga Petrova said that the aid “prolongs the war”.",
        ],
    )
    text = second.text
    q_start, q_end = _span(text, "Help will keep coming")
    s_start, s_end = _span(text, "Jan Novak")
    second.quotes.append(Quote("Help will keep coming", q_start, q_end, "direct", "person:jan-novak", "Jan Novak", s_start, s_end))  # fmt: skip
    q_start, q_end = _span(text, "prolongs the war")
    s_start, s_end = _span(text, "Olga Petrova")
    second.quotes.append(Quote("prolongs the war", q_start, q_end, "mixed", "person:olga-petrova", "Olga Petrova", s_start, s_end))  # fmt: skip
    _mention(second, "org:EU", "European Union")
    _mention(second, "country:UKR", "Ukraine")
    _mention(second, "person:jan-novak", "Jan Novak")
    _mention(second, "person:olga-petrova", "Olga Petrova")
    _event(second, "AID", "org:EU", "country:UKR", "The European Union pledged new aid to Ukraine.")  # fmt: skip

    third = _article(
        3,
        "Russia threatens Ukraine's grid again",
        "2026-11-01",
        [
            "Russia threatened new strikes on Ukraine's energy grid.",
            "Ukraine rejected the demands.",
        ],
    )
    _mention(third, "country:RUS", "Russia")
    _mention(third, "country:UKR", "Ukraine")
    _event(third, "THREATEN", "country:RUS", "country:UKR", "Russia threatened new strikes on Ukraine's energy grid.")  # fmt: skip
    _event(third, "REJECT", "country:UKR", "country:RUS", "Ukraine rejected the demands.")
    return [first, second, third]
