"""A small hand-made store: four articles in French and English with actors, quotes, events."""

from __future__ import annotations

from pathlib import Path

from veille.article import Actor, Article, Event, Evidence, Mention, Quote
from veille.store import DuckDBStore

NATO = Actor("org:NATO", "NATO", "organization", None, "IGO", "Q7184", [])
STOLTENBERG = Actor("person:jens-stoltenberg", "Jens Stoltenberg", "person", "NOR", "IGO", "Q57286")
RUSSIA = Actor("country:RUS", "Russia", "country", "RUS", "GOV", "Q159")
UKRAINE = Actor("country:UKR", "Ukraine", "country", "UKR", "GOV", "Q212")
EU = Actor("org:EU", "European Union", "organization", None, "IGO", "Q458")
BELARUS = Actor("country:BLR", "Belarus", "country", "BLR", "GOV", "Q184")


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _actor(actor: Actor, *aliases: str) -> Actor:
    return Actor(actor.id, actor.name, actor.kind, actor.country, actor.sector, actor.wikidata,
                 list(aliases))  # fmt: skip


def _mentions(article: Article, pairs: list[tuple[str, str]]) -> None:
    for actor_id, surface in pairs:
        start = -1
        while (start := article.text.find(surface, start + 1)) >= 0:
            article.mentions.append(Mention(actor_id, surface, start, start + len(surface)))


def _quote(text: str, said: str, speaker: str | None, who: str, cue: str) -> Quote:
    s, e = _span(text, said)
    ws, we = _span(text, who)
    cs, ce = _span(text, cue)
    return Quote(said, s, e, "direct", speaker, who, ws, we, cue, cs, ce)


def _event(text: str, type_: str, sentence: str, actor: str, recipient: str, **kw: object) -> Event:
    s, e = _span(text, sentence)
    return Event(type_, Evidence(s, e, sentence), actor=[actor], recipient=[recipient], **kw)  # type: ignore[arg-type]


def nato_fr() -> Article:
    s1 = "L'OTAN accuse Moscou de cyberattaques répétées contre ses membres."
    said = "La Russie doit cesser ses attaques contre l'Ukraine."
    s2 = f"Le secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré : « {said} »"
    text = f"{s1}\n{s2}\nLes négociations sont au point mort."
    a = Article(source="file:fr/otan.html", url="https://exemple.fr/otan", site="exemple.fr",
                title="L'OTAN accuse Moscou", published="2024-03-05", language="fr", text=text)  # fmt: skip
    a.assign_id()
    a.actors = [
        _actor(NATO, "L'OTAN", "l'OTAN"),
        _actor(STOLTENBERG, "Jens Stoltenberg", "Le secrétaire général"),
        _actor(RUSSIA, "Moscou", "La Russie"),
        _actor(UKRAINE, "l'Ukraine"),
    ]
    _mentions(a, [("org:NATO", "OTAN"), ("person:jens-stoltenberg", "Jens Stoltenberg"),
                  ("country:RUS", "Moscou"), ("country:RUS", "La Russie"),
                  ("country:UKR", "l'Ukraine")])  # fmt: skip
    a.quotes = [_quote(text, said, STOLTENBERG.id, "Jens Stoltenberg", "a déclaré")]
    a.events = [
        _event(text, "ACCUSE", s1, NATO.id, RUSSIA.id, cameo="112", date="2024-03-04"),
        _event(text, "REQUEST", s2, STOLTENBERG.id, RUSSIA.id, quote=0, location="Bruxelles"),
    ]
    return a


def nato_en() -> Article:
    said = "Ukraine's rightful place is in NATO"
    s1 = "NATO Secretary General Jens Stoltenberg said Ukraine would one day become a member."
    s2 = f'"{said}," Stoltenberg said in Brussels.'
    s3 = "Russia rejected the statement the next day."
    text = f"{s1}\n{s2}\n{s3}"
    a = Article(source="file:en/nato.html", url="https://example.com/nato", site="example.com",
                title="NATO chief backs Ukraine", published="2024-03-20", language="en", text=text)  # fmt: skip
    a.assign_id()
    a.actors = [
        _actor(NATO, "NATO"),
        _actor(STOLTENBERG, "Jens Stoltenberg", "Stoltenberg", "NATO Secretary General"),
        _actor(UKRAINE, "Ukraine"),
        _actor(RUSSIA, "Russia"),
    ]
    _mentions(a, [("org:NATO", "NATO"), ("person:jens-stoltenberg", "Stoltenberg"),
                  ("country:UKR", "Ukraine"), ("country:RUS", "Russia")])  # fmt: skip
    a.quotes = [_quote(text, said, STOLTENBERG.id, "Stoltenberg", "said")]
    a.events = [
        _event(text, "SUPPORT", s1, NATO.id, UKRAINE.id),
        _event(text, "REJECT", s3, RUSSIA.id, NATO.id, date="2024-03-21"),
    ]
    return a


def belarus_fr() -> Article:
    s1 = "L'Union européenne a adopté des sanctions contre Minsk."
    said = "Ces négociations échouent"
    s2 = f"« {said} », a regretté le ministre."
    s3 = "Bruxelles n'accuse pas Moscou dans cette affaire."
    text = f"{s1}\n{s2}\n{s3}"
    a = Article(source="file:fr/minsk.html", url="https://exemple.fr/minsk", site="exemple.fr",
                title="Sanctions européennes contre la Biélorussie", published="2024-04-02",
                language="fr", text=text)  # fmt: skip
    a.assign_id()
    a.actors = [_actor(EU, "L'Union européenne", "Bruxelles"), _actor(BELARUS, "Minsk"),
                _actor(RUSSIA, "Moscou")]  # fmt: skip
    _mentions(a, [("org:EU", "L'Union européenne"), ("org:EU", "Bruxelles"),
                  ("country:BLR", "Minsk"), ("country:RUS", "Moscou")])  # fmt: skip
    a.quotes = [_quote(text, said, None, "le ministre", "a regretté")]
    a.events = [
        _event(text, "SANCTION", s1, EU.id, BELARUS.id, cameo="163"),
        _event(text, "ACCUSE", s3, EU.id, RUSSIA.id, negated=True),
    ]
    return a


def undated_en() -> Article:
    text = "Sanctions against Belarus were discussed by the European Union."
    a = Article(source="file:en/undated.html", url=None, title="Undated note", language="en",
                text=text)  # fmt: skip
    a.assign_id()
    a.actors = [_actor(EU, "European Union"), _actor(BELARUS, "Belarus")]
    _mentions(a, [("org:EU", "European Union"), ("country:BLR", "Belarus")])
    return a


def articles() -> list[Article]:
    return [nato_fr(), nato_en(), belarus_fr(), undated_en()]


def build_store(path: Path) -> Path:
    """Write the four articles into a new store at `path`."""
    with DuckDBStore(path) as store:
        run = store.begin_run(["corpus"])
        store.write(articles(), run)
        store.finish_run(run, {"documents": 4, "stored": 4})
    return path
