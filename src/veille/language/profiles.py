"""Language profiles: one folder of data per supported language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Profile:
    code: str
    name: str
    spacy_model: str
    folder: Path

    def data_file(self, name: str) -> Path:
        """Path of a resource file of this language (lexicons, patterns, role words)."""
        return self.folder / name


@cache
def profiles() -> dict[str, Profile]:
    """Every language that has a `profile.yaml`, by ISO 639-1 code."""
    found: dict[str, Profile] = {}
    for entry in resources.files("veille.language").iterdir():
        path = Path(str(entry)) / "profile.yaml"
        if not path.is_file():
            continue
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[data["code"]] = Profile(
            code=data["code"],
            name=data["name"],
            spacy_model=data["spacy_model"],
            folder=path.parent,
        )
    return found


def supported_languages() -> list[str]:
    return sorted(profiles())
