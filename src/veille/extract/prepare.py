"""Page preparation before body extraction: unwrap layout tables, prune known chrome blocks.

Both steps work on the parsed tree in place and are driven by data: `prune.txt` names the
blocks that are never article text (comment threads, video players) by class and id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from lxml.html import HtmlElement

# A table is page layout, not data, when it holds another table, a headline, or this many
# paragraphs; data tables in news pages (results, figures) hold none of these.
LAYOUT_MIN_PARAGRAPHS = 3
_TABLE_PARTS = {"table": "div", "tbody": "div", "thead": "div", "tfoot": "div", "tr": "div"}
_CELLS = {"td", "th"}


def _is_layout(table: HtmlElement) -> bool:
    if table.find(".//table") is not None or table.find(".//h1") is not None:
        return True
    return len(table.findall(".//p")) >= LAYOUT_MIN_PARAGRAPHS


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Turn layout tables into plain blocks so extractors read them as a page; return how many."""
    layout = [t for t in tree.iter("table") if _is_layout(t)]
    for table in layout:
        for element in table.iter():
            if not isinstance(element.tag, str):
                continue
            if element.tag in _TABLE_PARTS or element.tag in _CELLS:
                element.tag = "div"
                for attribute in ("width", "valign", "align", "colspan", "rowspan", "bgcolor"):
                    element.attrib.pop(attribute, None)
    return len(layout)


@dataclass(frozen=True)
class PruneRules:
    """Blocks that are never article text, by class token, class substring, id or id prefix."""

    class_tokens: frozenset[str] = frozenset()
    class_parts: tuple[str, ...] = ()
    ids: frozenset[str] = frozenset()
    id_prefixes: tuple[str, ...] = ()

    def matches(self, element: HtmlElement) -> bool:
        classes = element.get("class")
        if classes:
            lowered = classes.lower()
            if not self.class_tokens.isdisjoint(lowered.split()):
                return True
            if any(part in lowered for part in self.class_parts):
                return True
        ident = element.get("id")
        if ident:
            lowered = ident.lower()
            return lowered in self.ids or lowered.startswith(self.id_prefixes)
        return False


def parse_prune_rules(lines: list[str]) -> PruneRules:
    """Read `kind: value value …` lines (kinds: class, class-part, id, id-prefix)."""
    values: dict[str, list[str]] = {"class": [], "class-part": [], "id": [], "id-prefix": []}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        kind, _, rest = line.partition(":")
        if kind.strip() not in values:
            raise ValueError(f"unknown prune rule kind in {line!r}")
        values[kind.strip()].extend(v.lower() for v in rest.split())
    return PruneRules(
        frozenset(values["class"]),
        tuple(values["class-part"]),
        frozenset(values["id"]),
        tuple(values["id-prefix"]),
    )


@cache
def prune_rules() -> PruneRules:
    """The shipped rules (prune.txt)."""
    text = (resources.files("veille.extract") / "prune.txt").read_text(encoding="utf-8")
    return parse_prune_rules(text.splitlines())


def prune_chrome(tree: HtmlElement, rules: PruneRules | None = None) -> int:
    """Remove every block the rules match (one pass over the tree); return how many went."""
    rules = rules or prune_rules()
    doomed = [
        el
        for el in tree.iter()
        if isinstance(el.tag, str) and el.tag not in ("html", "body") and rules.matches(el)
    ]
    removed = 0
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
            removed += 1
    return removed


def prepare(tree: HtmlElement) -> HtmlElement:
    """Apply both preparations; returns the same tree for chaining."""
    unwrap_layout_tables(tree)
    prune_chrome(tree)
    return tree


def page_title(tree: HtmlElement) -> str | None:
    """The text of the page's <title> element, whitespace folded."""
    found = tree.find(".//title")
    if found is None:
        return None
    text = " ".join(found.text_content().split())
    return text or None
