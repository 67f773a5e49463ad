"""A large store for the load benchmark, multiplied from the processed sample pages.

The samples go through veille's real pipeline once (cached as JSON lines); each copy then gets
its own id, URL, dates (shifted) and speaker identities (person actors split into variants),
and the rows are bulk-loaded with DuckDB's JSON reader: the store's row-by-row writer is made
for correctness, not for ten thousand articles a minute.
"""

from __future__ import annotations

import copy
import hashlib
import json
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from veille.config import Settings
from veille.jobs import extract_records
from veille.store import DuckDBStore

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
# Variants of each person actor: enough distinct speakers for speaker queries to be selective.
SPEAKER_VARIANTS = 40

# Columns loaded per table, in the order of the rows built below.
COLUMNS: dict[str, dict[str, str]] = {
    "documents": {"source": "VARCHAR", "article_id": "VARCHAR", "run_id": "VARCHAR",
                  "status": "VARCHAR", "stored_at": "TIMESTAMP"},
    "articles": {"id": "VARCHAR", "source": "VARCHAR", "url": "VARCHAR", "site": "VARCHAR",
                 "title": "VARCHAR", "authors": "VARCHAR[]", "published": "DATE",
                 "language": "VARCHAR", "text": "VARCHAR", "n_errors": "INTEGER",
                 "record": "JSON", "stored_at": "TIMESTAMP"},
    "actors": {"id": "VARCHAR", "name": "VARCHAR", "kind": "VARCHAR", "country": "VARCHAR",
               "sector": "VARCHAR", "wikidata": "VARCHAR"},
    "article_actors": {"article_id": "VARCHAR", "actor_id": "VARCHAR", "aliases": "VARCHAR[]"},
    "mentions": {"article_id": "VARCHAR", "idx": "INTEGER", "actor_id": "VARCHAR",
                 "text": "VARCHAR", "start": "INTEGER", "end": "INTEGER"},
    "quotes": {"article_id": "VARCHAR", "idx": "INTEGER", "text": "VARCHAR", "start": "INTEGER",
               "end": "INTEGER", "kind": "VARCHAR", "speaker": "VARCHAR",
               "speaker_text": "VARCHAR", "speaker_start": "INTEGER", "speaker_end": "INTEGER",
               "cue": "VARCHAR", "cue_start": "INTEGER", "cue_end": "INTEGER"},
    "events": {"article_id": "VARCHAR", "idx": "INTEGER", "type": "VARCHAR", "mode": "VARCHAR",
               "negated": "BOOLEAN", "future": "BOOLEAN", "hypothetical": "BOOLEAN",
               "historical": "BOOLEAN", "date": "DATE", "location": "VARCHAR",
               "quote_idx": "INTEGER", "cameo": "VARCHAR", "contexts": "VARCHAR[]",
               "trigger": "VARCHAR", "evidence_start": "INTEGER", "evidence_end": "INTEGER",
               "evidence_text": "VARCHAR"},
    "event_actors": {"article_id": "VARCHAR", "event_idx": "INTEGER", "role": "VARCHAR",
                     "actor_id": "VARCHAR"},
}  # fmt: skip


def sample_records(cache: Path) -> list[dict[str, Any]]:
    """The samples processed by the real pipeline (once; then read from `cache`)."""
    if not cache.exists():
        records = extract_records([str(SAMPLES)], Settings(workers=2))
        lines = [json.dumps(r.to_dict(), ensure_ascii=False) for r in records]
        cache.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if r["text"]]


def _shift(day: str | None, days: int) -> str | None:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat() if day else None


def variant(base: dict[str, Any], i: int) -> dict[str, Any]:
    """Copy `i` of a record: new id and URL, dates shifted, person actors renamed."""
    record = copy.deepcopy(base)
    record["url"] = (
        f"https://bench{i % 97}.example/{i}/{(base.get('url') or 'a').rsplit('/', 1)[-1]}"
    )
    record["source"] = f"bench:{i}"
    record["id"] = hashlib.sha256(record["url"].encode()).hexdigest()
    days = (i * 37) % 730 - 365
    record["published"] = _shift(record.get("published"), days)
    k = i % SPEAKER_VARIANTS
    renamed = {a["id"]: f"{a['id']}-{k}" for a in record["actors"] if a["kind"] == "person"}
    for actor in record["actors"]:
        if actor["id"] in renamed:
            actor["id"], actor["name"] = renamed[actor["id"]], f"{actor['name']} ({k})"
    swap = lambda ident: renamed.get(ident, ident)  # noqa: E731
    for mention in record["mentions"]:
        mention["actor"] = swap(mention["actor"])
    for quote in record["quotes"]:
        quote["speaker"] = swap(quote["speaker"]) if quote["speaker"] else None
    for event in record["events"]:
        event["actor"] = [swap(a) for a in event["actor"]]
        event["recipient"] = [swap(r) for r in event["recipient"]]
        event["date"] = _shift(event.get("date"), days)
    return record


def rows(record: dict[str, Any], run_id: str, now: str) -> dict[str, list[list[Any]]]:
    """The table rows of one record, as the store's writer would make them."""
    aid = record["id"]
    out: dict[str, list[list[Any]]] = {
        "documents": [[record["source"], aid, run_id, "ok", now]],
        "articles": [[aid, record["source"], record["url"], record["site"], record["title"],
                      record["authors"], record["published"], record["language"],
                      record["text"], 0, record, now]],
        "actors": [[a["id"], a["name"], a["kind"], a["country"], a["sector"], a["wikidata"]]
                   for a in record["actors"]],
        "article_actors": [[aid, a["id"], a["aliases"]] for a in record["actors"]],
        "mentions": [[aid, i, m["actor"], m["text"], m["start"], m["end"]]
                     for i, m in enumerate(record["mentions"])],
        "quotes": [[aid, i, q["text"], q["start"], q["end"], q["kind"], q["speaker"],
                    q["speaker_text"], q["speaker_start"], q["speaker_end"], q["cue"],
                    q["cue_start"], q["cue_end"]] for i, q in enumerate(record["quotes"])],
        "events": [[aid, i, e["type"], e["mode"], e["negated"], e["future"], e["hypothetical"],
                    e["historical"], e["date"], e["location"], e["quote"], e.get("cameo"),
                    e.get("contexts", []), e.get("trigger"), e["evidence"]["start"],
                    e["evidence"]["end"], e["evidence"]["text"]]
                   for i, e in enumerate(record["events"])],
        "event_actors": [[aid, i, role, actor] for i, e in enumerate(record["events"])
                         for role, actor in sorted({("actor", a) for a in e["actor"]}
                                                   | {("recipient", r) for r in e["recipient"]})],
    }  # fmt: skip
    return out


def build_store(db: Path, n: int, cache: Path) -> dict[str, float]:
    """Create the store at `db` with `n` articles; return counts and seconds."""
    started = time.perf_counter()
    bases = sample_records(cache)
    processed = time.perf_counter()
    for path in (db, Path(f"{db}.fts.sqlite"), Path(f"{db}.wal")):
        path.unlink(missing_ok=True)
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    with DuckDBStore(db) as store, tempfile.TemporaryDirectory() as tmp:
        run_id = store.begin_run(["benchmarks/load.py"])
        files = {t: (Path(tmp) / f"{t}.jsonl").open("w", encoding="utf-8") for t in COLUMNS}
        actors: dict[str, list[Any]] = {}
        for i in range(n):
            for table, table_rows in rows(variant(bases[i % len(bases)], i), run_id, now).items():
                for row in table_rows:
                    if table == "actors":
                        actors[row[0]] = row
                        continue
                    files[table].write(json.dumps(dict(zip(COLUMNS[table], row, strict=True))))
                    files[table].write("\n")
        for row in actors.values():
            files["actors"].write(json.dumps(dict(zip(COLUMNS["actors"], row, strict=True))) + "\n")
        for handle in files.values():
            handle.close()
        for table, columns in COLUMNS.items():
            names = ", ".join(f'"{c}"' for c in columns)
            spec = "{" + ", ".join(f"'{c}': '{t}'" for c, t in columns.items()) + "}"
            path = Path(tmp) / f"{table}.jsonl"
            store.db.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM "
                f"read_json('{path}', format='newline_delimited', columns={spec})"
            )
        store.finish_run(run_id, {"documents": n, "stored": n})
        store.refresh_aggregates()  # the derived tables write() would have kept current
        loaded = time.perf_counter()
        store.sync_index(rebuild=True)
        counts = store.counts()
    done = time.perf_counter()
    return {
        **{k: float(v) for k, v in counts.items()},
        "process_s": processed - started,
        "load_s": loaded - processed,
        "index_s": done - loaded,
    }
