"""Cost of one request per endpoint, one client, in process (no HTTP server, no cache).

Draws `--n` paths per endpoint from the same lists as benchmarks/load.py and times each through
the ASGI app (starlette's TestClient), after one warm-up pass.

    .venv/bin/python benchmarks/load_cost.py --db /tmp/veille-load/load.duckdb
"""

from __future__ import annotations

import argparse
import inspect
import random
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import endpoint_paths
from veille.api.app import create_app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/veille-load/load.duckdb"))
    parser.add_argument("--n", type=int, default=30, help="paths per endpoint")
    args = parser.parse_args()
    rng = random.Random(7)
    paths = endpoint_paths(args.db, rng)
    options = (
        {"cache_entries": 0} if "cache_entries" in inspect.signature(create_app).parameters else {}
    )
    client = TestClient(create_app(args.db, **options))
    print("| endpoint | median ms | p90 ms | max ms |\n|---|---:|---:|---:|")
    for name, group in paths.items():
        chosen = [rng.choice(group) for _ in range(args.n)]
        for path in chosen[:5]:
            client.get(path)
        times = []
        for path in chosen:
            started = time.perf_counter()
            assert client.get(path).status_code == 200, path
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(f"| {name} | {times[len(times) // 2]:.1f} | {times[int(0.9 * len(times))]:.1f} | "
              f"{times[-1]:.0f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
