"""Page preparation before body extraction: unwrap layout tables, prune known chrome blocks.

Both steps work on the parsed tree in place and are driven by data: `prune.txt` names the
blocks that are never article text (comment threads, video players) by class and id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from lxml import etree
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
    """Blocks that are never article text, by class token, class prefix or substring, id or id
    prefix. A cheap XPath pre-filter (substring tests run inside libxml2) finds the few
    candidates; `matches` then applies the exact rule to each."""

    class_tokens: frozenset[str] = frozenset()
    class_prefixes: tuple[str, ...] = ()
    class_parts: tuple[str, ...] = ()
    ids: frozenset[str] = frozenset()
    id_prefixes: tuple[str, ...] = ()

    def prefilter(self) -> etree.XPath | None:
        """XPath of every element whose class or id contains one of the rule strings."""
        in_class = _cover({*self.class_tokens, *self.class_prefixes, *self.class_parts})
        in_id = _cover({*self.ids, *self.id_prefixes})
        tests = [f"contains(@class, '{v}')" for v in in_class]
        tests += [f"contains(@id, '{v}')" for v in in_id]
        return etree.XPath("//body//*[" + " or ".join(tests) + "]") if tests else None

    def matches(self, element: HtmlElement) -> bool:
        tokens = (element.get("class") or "").lower().split()
        if not self.class_tokens.isdisjoint(tokens):
            return True
        if any(t.startswith(self.class_prefixes) for t in tokens) and self.class_prefixes:
            return True
        if any(part in t for t in tokens for part in self.class_parts):
            return True
        ident = (element.get("id") or "").lower()
        return bool(ident) and (ident in self.ids or ident.startswith(self.id_prefixes))


def _cover(values: set[str]) -> list[str]:
    """The fewest substrings to test: a value containing another value needs no test of its own
    ("comment" finds "comment-list" too)."""
    return sorted(v for v in values if not any(o != v and o in v for o in values))


_KINDS = ("class", "class-prefix", "class-part", "id", "id-prefix")


def parse_prune_rules(lines: list[str]) -> PruneRules:
    """Read `kind: value value …` lines (kinds: class, class-prefix, class-part, id, id-prefix)."""
    values: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        kind, _, rest = line.partition(":")
        if kind.strip() not in values:
            raise ValueError(f"unknown prune rule kind in {line!r}")
        for value in rest.split():
            if "'" in value:
                raise ValueError(f"quote in prune rule value {value!r}")
            values[kind.strip()].append(value.lower())
    return PruneRules(
        frozenset(values["class"]),
        tuple(values["class-prefix"]),
        tuple(values["class-part"]),
        frozenset(values["id"]),
        tuple(values["id-prefix"]),
    )


@cache
def _shipped() -> tuple[PruneRules, etree.XPath | None]:
    text = (resources.files("veille.extract") / "prune.txt").read_text(encoding="utf-8")
    rules = parse_prune_rules(text.splitlines())
    return rules, rules.prefilter()


def prune_chrome(tree: HtmlElement, rules: PruneRules | None = None) -> int:
    """Remove every block the prune rules match; return how many went."""
    rules, prefilter = (rules, rules.prefilter()) if rules else _shipped()
    if prefilter is None:
        return 0
    doomed = [el for el in prefilter(tree) if rules.matches(el)]
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
