"""Durations on the command line: `30s`, `10m`, `1h`, `1h30m`, or plain seconds."""

from __future__ import annotations

import re

from veille.errors import ConfigError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def parse_duration(text: str) -> float:
    """Seconds in `text`; raise `ConfigError` when it is not a positive duration."""
    value = text.strip().lower()
    try:
        seconds = float(value)
    except ValueError:
        parts = _PART.findall(value)
        if not parts or "".join(n + u for n, u in parts) != value:
            raise ConfigError(f"not a duration: {text!r} (try 30s, 10m, 1h)") from None
        seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ConfigError(f"a duration must be positive: {text!r}")
    return seconds
