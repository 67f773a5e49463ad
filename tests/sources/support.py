"""Test support for sources: article pages and a local HTTP server with scripted routes."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

EN_TEXT = (
    "The city council approved the new tram line on Tuesday after a debate that lasted most "
    "of the night. The mayor said the first trains would run within three years and that the "
    "project would cut traffic in the centre, while the opposition warned that the budget had "
    "already grown twice since the plan was first presented to residents last spring."
)
FR_TEXT = (
    "Le conseil municipal a approuvé mardi la nouvelle ligne de tramway après un débat qui a "
    "duré presque toute la nuit. La maire a déclaré que les premières rames circuleraient d'ici "
    "trois ans et que le projet réduirait la circulation dans le centre, tandis que l'opposition "
    "a rappelé que le budget avait déjà doublé depuis la présentation du plan au printemps."
)


def page(title: str, text: str, lang: str = "en", charset: str | None = "utf-8") -> str:
    """A small news page whose body text is long enough to count as an article."""
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{title}</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
        f"<p>{text}</p><p>{text}</p></article><footer>© Test</footer></body></html>"
    )


EN_PAGE = page("Council approves tram line", EN_TEXT)


# -- a local HTTP server ------------------------------------------------------------------------
@dataclass
class Web:
    """The test server: its base URL, the requests it saw, and hit counts per path."""

    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    web: Web

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle(self) -> None:
        # The client may hang up on purpose (size cap, timeout): not a server failure.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def html(self, body: bytes, charset: str = "utf-8", **headers: str) -> None:
        self.send(200, body, {"Content-Type": f"text/html; charset={charset}", **headers})

    def do_GET(self) -> None:
        web = self.web
        web.requests.append((self.path, dict(self.headers)))
        web.hits[self.path] += 1
        first = web.hits[self.path] == 1
        route, _, _query = self.path.partition("?")
        self.route(route, first)

    def route(self, route: str, first: bool) -> None:
        web = self.web
        if route == "/page":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send(304, headers={"ETag": '"v1"'})
            else:
                self.html(
                    EN_PAGE.encode(),
                    ETag='"v1"',
                    **{"Last-Modified": "Tue, 01 Apr 2025 08:00:00 GMT"},
                )
        elif route.startswith("/hop/"):
            left = int(route.rsplit("/", 1)[1])
            target = f"/hop/{left - 1}" if left > 1 else "/page"
            self.send(302, headers={"Location": target})
        elif route == "/missing":
            self.send(404, b"<html><body>Not here</body></html>", {"Content-Type": "text/html"})
        elif route == "/flaky":
            if first:
                self.send(503, b"busy", {"Content-Type": "text/plain"})
            else:
                self.html(EN_PAGE.encode())
        elif route == "/busy":
            if first:
                self.send(429, b"slow down", {"Content-Type": "text/plain", "Retry-After": "1"})
            else:
                self.html(EN_PAGE.encode())
        elif route == "/down":
            self.send(503, b"down", {"Content-Type": "text/plain"})
        elif route == "/slow":
            web.stop.wait(2.0)
            self.html(EN_PAGE.encode())
        elif route == "/trickle":
            body = EN_PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(0, len(body), 40):
                self.wfile.write(body[i : i + 40])
                self.wfile.flush()
                if web.stop.wait(0.1):
                    return
        elif route == "/big":
            body = EN_PAGE.encode() + b"<!-- " + b"x" * 300_000 + b" -->"
            self.html(body)
        elif route == "/report.pdf":
            self.send(200, b"%PDF-1.4\n" + b"0" * 1000, {"Content-Type": "application/pdf"})
        elif route == "/latin1":
            body = page("Élection à Besançon", FR_TEXT, "fr", charset=None).encode("latin-1")
            self.html(body, charset="iso-8859-1")
        else:
            self.send(404, b"no such route", {"Content-Type": "text/plain"})
