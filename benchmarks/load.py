"""Load benchmark: a store of 10,000+ articles, served on loopback, hit by 50 concurrent clients.

Builds the store from the sample pages (benchmarks/load_store.py), serves it with uvicorn
(`create_app`, read-only), then measures each endpoint alone under `--clients` connections for
`--seconds` (one phase each), then all of them mixed. Every request draws its path from a
list of many (words, word pairs, speakers, actors, ids, offsets: taken from the store), so the
answer cache sees realistic variety; its hit ratio is reported. `--no-cache` serves without it.
Clients: wrk when installed (`apt-get install -y wrk`), else asyncio (see load_wrk.py).

    .venv/bin/python benchmarks/load.py --workers 2 --seconds 15 --out docs/load-run.md
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import quote, urlencode

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_store import build_store
from load_wrk import Result, have_wrk, run_asyncio, run_wrk
from veille.store import DuckDBStore

# The target the issue sets for quote search.
QUOTE_SEARCH_P99_MS = 200.0
ENV_DB, ENV_CACHE = "VEILLE_LOAD_DB", "VEILLE_LOAD_CACHE"
TYPES = ("ACCUSE", "SUPPORT", "CONSULT", "REQUEST", "SANCTION", "THREATEN", "AGREE", "REJECT")


def app_from_env():  # type: ignore[no-untyped-def]
    """uvicorn --factory entry point: the API over the store named by $VEILLE_LOAD_DB."""
    import inspect

    from veille.api.app import create_app

    if "cache_entries" not in inspect.signature(create_app).parameters:  # an older veille
        return create_app(os.environ[ENV_DB])
    return create_app(os.environ[ENV_DB], cache_entries=int(os.environ.get(ENV_CACHE, "4096")))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, workers: int, cache: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "load:app_from_env",
        "--app-dir", str(Path(__file__).resolve().parent), "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    env = {**os.environ, ENV_DB: str(db), ENV_CACHE: str(cache)}
    return subprocess.Popen(command, env=env)


def wait_ready(base: str, seconds: float = 300) -> None:
    """Until the server answers (the first start may migrate the store and rebuild its index)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"server at {base} did not come up")


def _path(route: str, **params: object) -> str:
    return route + ("?" + urlencode(params, quote_via=quote) if params else "")


def endpoint_paths(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """Endpoint name → the request paths its clients draw from (read from the store)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        texts = [r[0] for r in con.execute("SELECT text FROM quotes USING SAMPLE 3000").fetchall()]
        actors = con.execute("SELECT id, name FROM actors ORDER BY id").fetchall()
        speakers = [r[0] for r in con.execute(
            "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL").fetchall()]  # fmt: skip
        ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
    finally:
        con.close()
    words = sorted({w.lower() for t in texts for w in re.findall(r"[^\W\d_]{5,}", t)})
    pairs = [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(len(words))]
    queries = words + pairs
    names = [n for n in [n for _, n in actors] + [i for i, _ in actors] if "/" not in n]
    pages = (0, 0, 0, 20)
    return {
        "quote search `/api/quotes?q=`": [_path("/api/quotes", q=q, offset=rng.choice(pages)) for q in queries],
        "quotes by speaker `/api/quotes?speaker=`": [_path("/api/quotes", speaker=s, offset=o) for s in speakers + names for o in (0, 20)],
        "article search `/api/articles?q=`": [_path("/api/articles", q=q, offset=rng.choice(pages)) for q in queries],
        "article `/api/articles/{id}`": [f"/api/articles/{i}" for i in ids],
        "events `/api/events?type=&actor=`": [_path("/api/events", type=t, actor=a) for t in TYPES for a, _ in actors],
        "actors `/api/actors`": [_path("/api/actors", limit=50, offset=o, **k) for o in range(0, 300, 3) for k in ({}, {"kind": "person"}, {"kind": "country"})],
        "actor `/api/actors/{id}`": [f"/api/actors/{quote(n, safe='')}" for n in names],
        "dashboard `/`": ["/"],
    }  # fmt: skip


def run_phases(base: str, paths: dict[str, list[str]], clients: int, seconds: float,
               use_wrk: bool) -> dict[str, Result]:  # fmt: skip
    """Each endpoint alone, then all mixed (paths of every endpoint in one list)."""
    run = run_wrk if use_wrk else run_asyncio
    mixed = [
        p for group in paths.values() for p in random.Random(1).sample(group, min(len(group), 2000))
    ]
    phases = {**paths, "**mixed** (all endpoints)": mixed}
    results = {}
    for n, (name, group) in enumerate(phases.items()):
        results[name] = run(base, group, clients, seconds, seed=n + 1)
        print(f"  {name}: {results[name]}", file=sys.stderr)
        drain(base, n)
    return results


def drain(base: str, n: int, seconds: float = 30) -> None:
    """Until the server is idle again: requests a phase left queued must not slow the next."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        httpx.get(f"{base}/api/stats", params={"drain": f"{n}-{started}"}, timeout=seconds)
        if time.perf_counter() - started < 0.05:
            return
        time.sleep(0.5)


def table(results: dict[str, Result], paths: dict[str, list[str]]) -> str:
    lines = [
        "| endpoint | distinct paths | requests | req/s | errors | p50 ms | p99 ms | max ms | cache hits |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]  # fmt: skip
    for name, r in results.items():
        distinct = (
            len(set(paths[name])) if name in paths else sum(len(set(v)) for v in paths.values())
        )
        hits = f"{100 * r.hits / r.answers:.0f}%" if r.answers else "–"
        lines.append(
            f"| {name} | {distinct:,} | {r.requests:,} | {r.requests / r.seconds:.0f} | {r.errors} | "
            f"{r.p50:.1f} | {r.p99:.1f} | {r.max:.0f} | {hits} |"
        )  # fmt: skip
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/veille-load/load.duckdb"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15.0, help="per phase")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--no-cache", action="store_true", help="serve without the answer cache")
    parser.add_argument("--client", choices=("auto", "wrk", "asyncio"), default="auto")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the store even if present")
    parser.add_argument("--out", type=Path, help="also write the table to this markdown file")
    args = parser.parse_args()

    use_wrk = args.client == "wrk" or (args.client == "auto" and have_wrk())
    if args.client == "wrk" and not have_wrk():
        raise SystemExit("wrk is not installed: apt-get install -y wrk, or --client asyncio")
    if not use_wrk:
        print(
            "wrk not found: asyncio clients (their own CPU use inflates latencies)", file=sys.stderr
        )
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not args.db.exists():
        built = build_store(args.db, args.articles, args.db.with_name("samples.jsonl"))
        print(f"store: {int(built['articles'])} articles, {int(built['quotes'])} quotes, "
              f"{int(built['events'])} events; loaded in {built['load_s']:.0f} s, "
              f"indexed in {built['index_s']:.0f} s", file=sys.stderr)  # fmt: skip
    with DuckDBStore(args.db) as store:  # migrate and index once, not in every worker
        store.sync_index()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port, args.workers, 0 if args.no_cache else 4096)
    try:
        wait_ready(base)
        paths = endpoint_paths(args.db, random.Random(42))
        (run_wrk if use_wrk else run_asyncio)(base, ["/api/stats"], 4, 2, seed=0)  # warm-up
        results = run_phases(base, paths, args.clients, args.seconds, use_wrk)
    finally:
        server.terminate()
        server.wait(30)
    quote_search = results["quote search `/api/quotes?q=`"]
    errors = sum(r.errors for r in results.values())
    met = quote_search.p99 < QUOTE_SEARCH_P99_MS and errors == 0
    stack = "httptools+uvloop" if find_spec("httptools") and find_spec("uvloop") else "h11+asyncio"
    setup = (f"{args.clients} clients, {args.seconds:.0f} s per phase, {args.workers} workers, "
             f"cache {'off' if args.no_cache else 'on'}, client {'wrk' if use_wrk else 'asyncio'}, "
             f"uvicorn on {stack}")  # fmt: skip
    summary = (f"\n{setup}: quote search p99 {quote_search.p99:.0f} ms "
               f"(target < {QUOTE_SEARCH_P99_MS:.0f} ms), {errors} errors: "
               f"target {'met' if met else 'MISSED'}")  # fmt: skip
    report = table(results, paths) + "\n" + summary + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
