"""Actor names to actor ids: display names, ids and every alias seen, folded.

Names are looked up in `actor_keys` (migration 004: the `actor_names` view materialised and
kept current by the writer), a table of a few rows per actor, not a fold of every alias.
"""

from __future__ import annotations

from veille.store.queries.common import fold
from veille.store.reader import Reader


def _words(sql: str) -> str:
    """`sql` padded with spaces, apostrophes as spaces: whole words are ' word ' inside it."""
    return f"' ' || replace({sql}, '''', ' ') || ' '"


_EXACT = f"key = {fold('?')}"
_WORDS = f"contains({_words('key')}, {_words(fold('?'))})"


def resolve_actor(r: Reader, name: str) -> list[str]:
    """The ids of the actors called `name`, most used first.

    `name` may be an id (country:RUS), its tail (RUS, NATO), a display name (Russia) or any
    alias an article used (Moscou, l'OTAN), in any case and with or without accents. When no
    name matches whole, names containing it as whole words match (Stoltenberg finds
    Jens Stoltenberg, OTAN finds l'OTAN).
    """
    name = name.strip()
    if not name:
        return []
    for test in (_EXACT, _WORDS):
        found = r.con.execute(
            f"SELECT actor_id FROM actor_keys WHERE {test}"
            " GROUP BY actor_id ORDER BY sum(n) DESC, actor_id",
            [name],
        ).fetchall()
        if found:
            return [row[0] for row in found]
    return []
