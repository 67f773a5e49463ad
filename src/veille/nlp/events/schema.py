"""PLOVER facts: the 16 event types, their modes, the 37 contexts and the CAMEO roots they map to."""

from __future__ import annotations

import re

MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        }
    ),
}
TYPES: frozenset[str] = frozenset(MODES)
RECIPIENT_REQUIRED: frozenset[str] = frozenset({"COOPERATE", "AID", "SANCTION"})

CONTEXTS: frozenset[str] = frozenset(
    [
        "military",
        "intelligence",
        "executive",
        "legislative",
        "election",
        "political_institutions",
        "pro_democracy",
        "pro_autocracy",
        "economic",
        "legal",
        "reparations",
        "human_rights",
        "rights_freedoms",
        "repression",
        "human_security",
        "gender",
        "lgbt",
        "religion_ethnicity",
        "inequality",
        "diplomatic",
        "territory",
        "peacekeeping",
        "health",
        "asylum",
        "migration",
        "disasters",
        "natural_resource",
        "environment",
        "technology",
        "terrorism",
        "cbrn",
        "cyber",
        "misinformation",
        "crime",
        "corruption",
        "illegal_drugs",
        "trafficking",
    ]
)

# CAMEO root (2 digits) per PLOVER type, refined by mode where CAMEO distinguishes it.
_CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "REQUEST": "10",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}
_CAMEO_BY_MODE: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19",
    ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "drone"): "19",
    ("ASSAULT", "unconventional"): "20",
}
_CAMEO_RE = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")

# Older PLOVER draft names (GSR, UniversalPetrarch) → current type and mode.
OLD_NAMES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
    "SACTION": ("SANCTION", None),
}


def cameo_root(event_type: str, mode: str | None = None) -> str | None:
    """The CAMEO root code ("04") an event of this type and mode derives to."""
    if mode and (event_type, mode) in _CAMEO_BY_MODE:
        return _CAMEO_BY_MODE[(event_type, mode)]
    return _CAMEO_ROOT.get(event_type)


def plover_from_cameo(code: str) -> str | None:
    """The PLOVER type of a CAMEO code (root or longer), per the manual's mapping."""
    code = code.strip()
    if not _CAMEO_RE.match(code):
        return None
    root, rest = code[:2], code[2:]
    if root == "08":
        return "RETREAT" if rest[:1] in {"4", "5", "6", "7"} else "CONCEDE"
    if root in {"09", "11"}:
        return "ACCUSE"
    if root in {"18", "19", "20"}:
        return "ASSAULT"
    if root == "16" and rest[:1] == "3":
        return "COERCE"
    for name, value in _CAMEO_ROOT.items():
        if value == root:
            return name
    return None  # 01 statements, 02 appeals have no PLOVER type


def cameo_ok(code: str | None) -> bool:
    """Whether `code` is a well-formed CAMEO code (01–20, up to 4 digits)."""
    return code is None or bool(_CAMEO_RE.match(code))
