"""Load clients for benchmarks/load.py: `wrk` (a C load generator) when installed, else asyncio.

On two cores shared by the server and the clients, the client's own cost counts: wrk spends a
few microseconds of CPU per request, an httpx asyncio loop some hundreds. wrk draws each
request's path at random from the phase's list (a Lua script) and counts `x-cache: hit`
answers; the fallback does the same in Python (slower: its numbers are an upper bound).
"""

from __future__ import annotations

import asyncio
import json
import random
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

# Paths are read by every wrk thread; answers tell whether they came from the cache.
_LUA = r"""
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(tonumber(args[2]) + id * 7919)
  hits, answers = 0, 0
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
function response(status, headers, body)
  answers = answers + 1
  if headers["x-cache"] == "hit" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local hits, answers = 0, 0
  for _, t in ipairs(threads) do
    hits = hits + t:get("hits")
    answers = answers + t:get("answers")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "seconds": %f, "errors": %d, "p50": %f, "p99": %f, "max": %f,'
    .. ' "hits": %d, "answers": %d}\n',
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    hits, answers))
end
"""


@dataclass
class Result:
    """One phase: requests done, errors, latency (ms), answers served from the cache."""

    requests: int
    seconds: float
    errors: int
    p50: float
    p99: float
    max: float
    hits: int
    answers: int


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(base: str, paths: list[str], clients: int, seconds: float, seed: int) -> Result:
    """`clients` connections on 2 wrk threads for `seconds`, each request a random path."""
    with tempfile.TemporaryDirectory() as tmp:
        listed, script = Path(tmp) / "paths.txt", Path(tmp) / "load.lua"
        listed.write_text("\n".join(paths) + "\n", encoding="utf-8")
        script.write_text(_LUA, encoding="utf-8")
        command = ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds:.0f}s",
                   "--timeout", "10s", "-s", str(script), base, "--", str(listed), str(seed)]  # fmt: skip
        out = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 60, check=True
        ).stdout
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    return Result(**json.loads(line[4:]))


def run_asyncio(base: str, paths: list[str], clients: int, seconds: float, seed: int) -> Result:
    """The same with `clients` httpx coroutines in this process (when wrk is missing)."""
    return asyncio.run(_clients(base, paths, clients, seconds, seed))


async def _clients(base: str, paths: list[str], clients: int, seconds: float, seed: int) -> Result:
    times: list[float] = []
    counts = {"errors": 0, "hits": 0}
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(n: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(seed * 1000 + n)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                response = await http.get(base + rng.choice(paths))
                counts["errors"] += response.status_code != 200
                counts["hits"] += response.headers.get("x-cache") == "hit"
                times.append((time.perf_counter() - started) * 1000)
            except httpx.HTTPError:
                counts["errors"] += 1

    started = time.monotonic()
    async with httpx.AsyncClient(limits=limits, timeout=10) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")  # noqa: E731
    return Result(len(times), time.monotonic() - started, counts["errors"], pick(0.5), pick(0.99),
                  times[-1] if times else float("nan"), counts["hits"], len(times))  # fmt: skip
