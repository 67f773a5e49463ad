"""The user actor file: YAML (a list of mappings) or CSV with columns
id, name, kind, country, sector, wikidata, aliases ("|"-separated in CSV)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from veille.article import Actor
from veille.errors import ConfigError

KINDS = ("person", "organization", "country", "group", "location")


def _kind_of(actor_id: str) -> str:
    prefix = actor_id.split(":", 1)[0]
    return {"person": "person", "org": "organization", "country": "country"}.get(prefix, "group")


def _actor(row: dict[str, Any], where: str) -> Actor:
    actor_id = str(row.get("id") or "").strip()
    if ":" not in actor_id:
        raise ConfigError(f"{where}: actor id {actor_id!r} must look like kind:name")
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("|")]
    kind = str(row.get("kind") or _kind_of(actor_id))
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    return Actor(
        id=actor_id,
        name=str(row.get("name") or "").strip(),
        kind=kind,
        country=(str(row["country"]).strip().upper() or None) if row.get("country") else None,
        sector=(str(row["sector"]).strip().upper() or None) if row.get("sector") else None,
        wikidata=str(row["wikidata"]).strip() if row.get("wikidata") else None,
        aliases=[str(a).strip() for a in aliases if str(a).strip()],
    )


def load_user_actors(path: str | Path) -> list[Actor]:
    """Read a user actor file; raise `VeilleError` with the reason when it is not readable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read actor file {path}: {exc.strerror}") from exc
    if path.suffix.lower() == ".csv":
        rows: list[Any] = list(csv.DictReader(text.splitlines()))
    else:
        try:
            rows = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise ConfigError(f"actor file {path} is not valid YAML: {exc}") from exc
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ConfigError(f"actor file {path} must be a list of actors")
    return [_actor(r, f"{path}: entry {n + 1}") for n, r in enumerate(rows)]
