"""Watch feeds and sitemaps: fetch new articles politely, process and store them, never twice."""

from veille.watch.duration import parse_duration
from veille.watch.loop import PassSummary, watch, watch_pass
from veille.watch.polite import PoliteFetcher

__all__ = ["PassSummary", "PoliteFetcher", "parse_duration", "watch", "watch_pass"]
