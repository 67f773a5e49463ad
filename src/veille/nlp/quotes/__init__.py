"""Quote attribution: direct, indirect and mixed quotes with resolved speakers.

`find_quotes` is a pure function of a `Parsed` text, an `ActorLookup` and the language's cue
lexicon (`veille/language/<code>/quotes.yaml`): quote marks are scanned in the text
(`marks`), attributed through incises or an introducing cue (`incise`, `direct`), reported
speech is read off the parse (`indirect`), the two are merged (`merge`) and speakers are resolved
in text order with pronoun carry-over (`speakers`).
"""

from __future__ import annotations

from veille.article import Quote
from veille.nlp.parsed import ActorLookup, Parsed
from veille.nlp.quotes.direct import direct_candidates
from veille.nlp.quotes.indirect import according_candidates, cue_candidates, object_candidates
from veille.nlp.quotes.lexicon import Lexicon, load_lexicon
from veille.nlp.quotes.marks import MarkSpan, scan_marks
from veille.nlp.quotes.merge import merge
from veille.nlp.quotes.speakers import Resolver
from veille.nlp.quotes.syntax import Tree

__all__ = ["Lexicon", "MarkSpan", "find_quotes", "load_lexicon", "scan_marks"]


def find_quotes(parsed: Parsed, lookup: ActorLookup, language: str) -> list[Quote]:
    """Every quote of `parsed.text`, in text order, with offsets into that text."""
    if not parsed.tokens:
        return []
    lex = load_lexicon(language)
    tree = Tree(parsed)
    marks = scan_marks(parsed.text)
    direct = direct_candidates(tree, lex, marks)
    indirect = (
        cue_candidates(tree, lex)
        + according_candidates(tree, lex)
        + object_candidates(tree, lex, marks)
    )
    resolver = Resolver(tree, lookup, lex)
    quotes: list[Quote] = []
    for cand in merge(direct, indirect, [(m.start, m.end) for m in marks]):
        actor, text, s_start, s_end = resolver.speaker(cand.subject, cand.floating, cand.start)
        cue = cand.cue
        quotes.append(
            Quote(
                text=parsed.text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                kind=cand.kind,
                speaker=actor,
                speaker_text=text,
                speaker_start=s_start,
                speaker_end=s_end,
                cue=parsed.text[cue[0] : cue[1]] if cue else None,
                cue_start=cue[0] if cue else None,
                cue_end=cue[1] if cue else None,
            )
        )
    return quotes
