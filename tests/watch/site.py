"""A tiny news site on 127.0.0.1 for the watch tests: feed, sitemap, robots.txt, pages, a log."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "en"
ROBOTS = "User-agent: *\nDisallow: /private/\n"
SITEMAP_MODIFIED = "Mon, 02 Nov 2026 08:00:00 GMT"


@dataclass
class Site:
    """The site's content (mutable by the test) and every request it received."""

    pages: dict[str, bytes] = field(default_factory=dict)
    feed_items: list[str] = field(default_factory=list)
    sitemap_items: list[str] = field(default_factory=list)
    log: list[tuple[str, str, int, dict[str, str]]] = field(default_factory=list)
    base: str = ""

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{p}</title><link>{self.base}{p}</link></item>" for p in self.feed_items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Test news</title><link>{self.base}/</link>{items}</channel></rss>"
        ).encode()

    def sitemap(self) -> bytes:
        urls = "".join(f"<url><loc>{self.base}{p}</loc></url>" for p in self.sitemap_items)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode()

    def paths(self, status: int | None = None) -> list[str]:
        return [p for _, p, s, _ in self.log if status is None or s == status]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str]) -> None:
            site.log.append(
                ("GET", self.path, status, {k.lower(): v for k, v in self.headers.items()})
            )
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body) if status != 304 else 0))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body = f"{ROBOTS}Sitemap: {site.base}/sitemap.xml\n".encode()
                self._send(200, body, "text/plain", {})
            elif self.path == "/feed.xml":
                body = site.feed()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                status = 304 if self.headers.get("If-None-Match") == etag else 200
                self._send(status, body, "application/rss+xml", {"ETag": etag})
            elif self.path == "/sitemap.xml":
                same = self.headers.get("If-Modified-Since") == SITEMAP_MODIFIED
                headers = {"Last-Modified": SITEMAP_MODIFIED}
                self._send(304 if same else 200, site.sitemap(), "application/xml", headers)
            elif self.path in site.pages:
                self._send(200, site.pages[self.path], "text/html; charset=utf-8", {})
            else:
                self._send(404, b"not found", "text/plain", {})

    return Handler


@contextmanager
def serve_site() -> Iterator[Site]:
    """Serve a three-article site (plus one page robots.txt forbids) on an ephemeral port."""
    samples = sorted(SAMPLES.glob("*.html"))
    site = Site()
    for i, path in enumerate(samples[:4]):
        site.pages[f"/news/{i}.html"] = path.read_bytes()
    site.pages["/private/secret.html"] = samples[4].read_bytes()
    site.feed_items = ["/news/0.html", "/news/1.html"]
    site.sitemap_items = ["/news/2.html", "/private/secret.html"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
