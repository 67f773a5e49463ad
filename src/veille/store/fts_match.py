"""What users type into full-text searches, as safe FTS5 expressions; snippets as HTML."""

from __future__ import annotations

import html
import re

# Marks that snippet() puts around matched words before they become <mark> tags.
OPEN, CLOSE = "\x02", "\x03"
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def to_match(query: str) -> str | None:
    """A safe FTS5 MATCH expression for a user's query, or None when it has no words.

    Words are ANDed; "quoted words" are phrases; a trailing * makes a prefix; OR between terms
    is kept. Every other character is literal, so no input can be an FTS5 syntax error.
    """
    parts: list[str] = []
    for phrase, word in _TERM.findall(query):
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        text = phrase if phrase else word.replace('"', "")
        prefix = not phrase and text.endswith("*") and len(text.strip("*")) > 0
        text = text.strip("*") if prefix else text
        if not re.search(r"\w", text):
            continue
        parts.append('"' + text.replace('"', '""') + '"' + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts) or None


def snippet_html(snippet: str) -> str:
    """Escape a snippet for HTML and turn its match marks into <mark> tags."""
    return html.escape(snippet, quote=False).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")
