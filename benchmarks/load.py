"""Load benchmark: a store of 10,000+ articles, served on loopback, hit by 50 concurrent clients.

Builds the store from the sample pages (benchmarks/load_store.py), serves it with uvicorn
(`create_app`, read-only), then runs `--clients` asyncio clients for `--seconds`, each cycling
through the endpoint mix below, and prints p50/p99 latency and errors per endpoint (markdown).

    .venv/bin/python benchmarks/load.py                       # 10,000 articles, 50 clients, 30 s
    .venv/bin/python benchmarks/load.py --workers 2 --out docs/load.md
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_store import build_store

# The target the issue sets for quote search.
QUOTE_SEARCH_P99_MS = 200.0
ENV_DB = "VEILLE_LOAD_DB"


def app_from_env():  # type: ignore[no-untyped-def]
    """uvicorn --factory entry point: the API over the store named by $VEILLE_LOAD_DB."""
    from veille.api.app import create_app

    return create_app(os.environ[ENV_DB])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "load:app_from_env",
        "--app-dir", str(Path(__file__).resolve().parent), "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    return subprocess.Popen(command, env={**os.environ, ENV_DB: str(db)})


def wait_ready(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"server at {base} did not come up")


Request = Callable[[random.Random], str]
# Why requests failed ("endpoint: http 500" → count), filled by run_clients.
failures: Counter[str] = Counter()


def endpoint_mix(base: str) -> dict[str, Request]:
    """Endpoint name → a function drawing one request path (parameters taken from the store)."""
    articles = httpx.get(f"{base}/api/articles", params={"limit": 200}).json()["items"]
    people = httpx.get(f"{base}/api/actors", params={"kind": "person", "limit": 200}).json()
    speakers = [a["id"] for a in people["items"]]
    actors = [
        a["id"] for a in httpx.get(f"{base}/api/actors", params={"limit": 50}).json()["items"]
    ]
    quotes = httpx.get(f"{base}/api/quotes", params={"limit": 200}).json()["items"]
    words = sorted({w.lower() for q in quotes for w in re.findall(r"\w{6,}", q["text"])})
    types = ["ACCUSE", "SUPPORT", "CONSULT", "REQUEST", "SANCTION", "THREATEN"]
    ids = [a["id"] for a in articles]
    return {
        "quote search `/api/quotes?q=`": lambda r: f"/api/quotes?q={r.choice(words)}",
        "quotes by speaker `/api/quotes?speaker=`": lambda r: f"/api/quotes?speaker={r.choice(speakers)}",
        "article search `/api/articles?q=`": lambda r: f"/api/articles?q={r.choice(words)}",
        "article `/api/articles/{id}`": lambda r: f"/api/articles/{r.choice(ids)}",
        "events `/api/events?type=&actor=`": lambda r: f"/api/events?type={r.choice(types)}&actor={r.choice(actors)}",
        "actors `/api/actors`": lambda r: f"/api/actors?limit=50&offset={r.randrange(0, 100)}",
        "actor `/api/actors/{id}`": lambda r: f"/api/actors/{r.choice(actors)}",
        "dashboard `/`": lambda r: "/",
    }  # fmt: skip


async def run_clients(
    base: str, mix: dict[str, Request], clients: int, seconds: float
) -> dict[str, list[tuple[float, bool]]]:
    """`clients` concurrent loops for `seconds`; latency (s) and success of every request."""
    results: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    names = list(mix)
    failures.clear()
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(n: int, http: httpx.AsyncClient) -> None:
        rng, i = random.Random(n), n
        while time.monotonic() < deadline:
            name = names[i % len(names)]
            i += 1
            started = time.perf_counter()
            try:
                response = await http.get(base + mix[name](rng))
                ok = response.status_code == 200
                problem = "" if ok else f"http {response.status_code}"
            except httpx.HTTPError as exc:
                ok, problem = False, type(exc).__name__
            results[name].append((time.perf_counter() - started, ok))
            if problem:
                failures[f"{name}: {problem}"] += 1

    async with httpx.AsyncClient(limits=limits, timeout=30) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    return results


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def table(results: dict[str, list[tuple[float, bool]]], seconds: float) -> str:
    lines = [
        "| endpoint | requests | req/s | errors | p50 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, samples in results.items():
        times = [t * 1000 for t, _ in samples]
        errors = sum(not ok for _, ok in samples)
        lines.append(
            f"| {name} | {len(samples)} | {len(samples) / seconds:.0f} | {errors} | "
            f"{percentile(times, 0.5):.0f} | {percentile(times, 0.99):.0f} | {max(times):.0f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/veille-load/load.duckdb"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the store even if present")
    parser.add_argument("--out", type=Path, help="also write the table to this markdown file")
    args = parser.parse_args()

    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not args.db.exists():
        cache = args.db.with_name("samples.jsonl")
        built = build_store(args.db, args.articles, cache)
        print(f"store: {int(built['articles'])} articles, {int(built['quotes'])} quotes, "
              f"{int(built['events'])} events; loaded in {built['load_s']:.0f} s, "
              f"indexed in {built['index_s']:.0f} s", file=sys.stderr)  # fmt: skip
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port, args.workers)
    try:
        wait_ready(base)
        mix = endpoint_mix(base)
        asyncio.run(run_clients(base, mix, 4, 3))  # warm-up: caches, connections
        results = asyncio.run(run_clients(base, mix, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(30)
    report = table(results, args.seconds)
    print(report)
    quote = next(v for k, v in results.items() if k.startswith("quote search"))
    p99 = percentile([t * 1000 for t, _ in quote], 0.99)
    errors = sum(not ok for samples in results.values() for _, ok in samples)
    verdict = "met" if p99 < QUOTE_SEARCH_P99_MS and errors == 0 else "MISSED"
    summary = (f"\nquote search p99 {p99:.0f} ms (target < {QUOTE_SEARCH_P99_MS:.0f} ms), "
               f"{errors} errors: target {verdict}")  # fmt: skip
    for problem, n in failures.most_common():
        summary += f"\n- {problem}: {n}"
    print(summary)
    if args.out:
        args.out.write_text(report + "\n" + summary + "\n", encoding="utf-8")
    return 0 if verdict == "met" else 1


if __name__ == "__main__":
    raise SystemExit(main())
