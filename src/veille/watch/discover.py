"""Article links from feeds (RSS, Atom, JSON Feed), sitemaps (XML, text, indexes) and home pages.

Link extraction reuses trafilatura's feed and sitemap parsers; its URL filters (courlan) are
replaced by ours, which keep any http(s) link on the listing's own host (they would drop IP
addresses and `localhost`, and fetch with their own client, which knows no robots.txt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from trafilatura.feeds import FeedParameters, find_links, is_potential_feed
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject, is_plausible_sitemap

# Sitemaps read per site and pass: a news site has a handful (index, news, by month).
MAX_SITEMAPS = 20
_FEED_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w[\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


@dataclass
class Found:
    """What one listing gave: article links, and further sitemaps or feeds to read."""

    articles: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)


def normalise(link: str, base: str) -> str | None:
    """`link` made absolute against `base`, fragment dropped; None unless http(s)."""
    absolute = urljoin(base, link.strip())
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


def same_host(url: str, base: str) -> bool:
    return urlsplit(url).hostname == urlsplit(base).hostname


def _keep(links: list[str], base: str) -> list[str]:
    """Links on `base`'s host, absolute, each once; never `base` itself nor a home page."""
    out: list[str] = []
    for link in links:
        url = normalise(link, base)
        if not url or (urlsplit(url).path == "/" and not urlsplit(url).query):
            continue  # a feed's channel <link> is the site's home page, not an article
        if same_host(url, base) and url != base and url not in out:
            out.append(url)
    return out


def feed_links(text: str, url: str) -> list[str]:
    """Item links of an RSS, Atom or JSON feed at `url`."""
    parts = urlsplit(url)
    params = FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", url)
    return _keep(find_links(text.strip(), params), url)


class _Sitemap(SitemapObject):
    """trafilatura's sitemap reader with our link filter (no courlan, same host only)."""

    def handle_link(self, link: str) -> None:
        url = normalise(link, self.current_url)
        if not url or url == self.current_url or not same_host(url, self.current_url):
            return
        if DETECT_SITEMAP_LINK.search(url):
            self.sitemap_urls.append(url)
        else:
            self.urls.append(url)


def sitemap_links(text: str, url: str) -> Found:
    """Page links and nested sitemaps of a sitemap (or sitemap index) at `url`."""
    parts = urlsplit(url)
    sitemap = _Sitemap(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", [])
    sitemap.current_url, sitemap.content = url, text
    sitemap.process()
    return Found(_keep(sitemap.urls, url), _keep(sitemap.sitemap_urls, url))


def page_feeds(html: str, url: str) -> list[str]:
    """Feeds a home page announces with <link rel="alternate" type="application/rss+xml">."""
    found: list[str] = []
    for tag in _FEED_LINK.findall(html):
        attrs = {m[1].lower(): m[2] or m[3] for m in _ATTR.finditer(tag)}
        if "alternate" in attrs.get("rel", "").lower() and attrs.get("type") in _FEED_TYPES:
            found.append(attrs.get("href", ""))
    return _keep([f for f in found if f], url)


def is_sitemap(text: str, url: str) -> bool:
    head = text.lstrip()[:500]
    return ("<urlset" in head or "<sitemapindex" in head) and is_plausible_sitemap(url, text)


def classify(text: str, url: str) -> Found:
    """Read any listing: a feed, a sitemap, or a home page announcing feeds."""
    if is_sitemap(text, url):
        return sitemap_links(text, url)
    stripped = text.lstrip()
    if is_potential_feed(stripped) or stripped.startswith("{"):
        return Found(feed_links(text, url))
    if "<html" in stripped[:1000].lower():
        return Found([], page_feeds(text, url))
    return sitemap_links(text, url)  # a text sitemap: one URL a line
