"""Merging direct and indirect candidates: quoted words inside reported speech make it `mixed`,
reported speech that is a direct quote stays direct, nested or duplicate reports are dropped."""

from __future__ import annotations

from veille.nlp.quotes.candidates import Candidate

COVERED = 0.7  # a report this much inside quote marks is the direct quote itself


def _inside(c: Candidate, spans: list[Candidate]) -> bool:
    return c.cue is not None and any(d.start <= c.cue[0] < d.end for d in spans)


def merge(
    direct: list[Candidate], indirect: list[Candidate], marks: list[tuple[int, int]] = ()
) -> list[Candidate]:
    """The final candidates, in text order, without overlaps; `marks` are every quoted span
    (attributed or not), which make a report that contains one `mixed`."""
    indirect = [c for c in indirect if not _inside(c, direct)]
    # widest first, so a report nested inside another report is dropped
    indirect.sort(key=lambda c: (-c.length, c.start))
    kept: list[Candidate] = []
    for c in indirect:
        if any(k.overlap(c.start, c.end) > 0.5 * c.length for k in kept):
            continue
        kept.append(c)
    dropped: set[int] = set()
    out: list[Candidate] = []
    for c in kept:
        inner = [i for i, d in enumerate(direct) if c.overlap(d.start, d.end) > 0]
        quoted = sum(c.overlap(direct[i].start, direct[i].end) for i in inner)
        if inner and quoted >= COVERED * c.length:
            for i in inner:  # the report is the quote: lend the quote its speaker if it has none
                d = direct[i]
                nested = d.cue is not None and c.start <= d.cue[0] < c.end
                if (d.subject is None or nested) and c.subject is not None:
                    d.subject, d.cue, d.floating = c.subject, c.cue, False
            continue
        if inner or any(c.start <= a and b <= c.end for a, b in marks):
            c.kind = "mixed"
            dropped.update(inner)
        out.append(c)
    out.extend(d for i, d in enumerate(direct) if i not in dropped)
    out.sort(key=lambda c: (c.start, c.end))
    return out
