"""Quality floors: flatten an evaluation result to named scores and compare them with checked-in minimums.

Example: check_floors({"dev.quotes.span.f": 0.41}, {"dev.quotes.span.f": 0.5})
-> ["dev.quotes.span.f: 0.410 < floor 0.500"]
"""

from __future__ import annotations

import json
from pathlib import Path

FLOORS_FILE = Path(__file__).resolve().parents[2] / "tests" / "quality_floors.json"


def gold_scores(gold: dict) -> dict[str, float]:
    """Named scores of the gold part: seed/dev fact rates and dev P/R/F per table field.

    Example: gold_scores(result["gold"])["dev.quotes.span.f"] -> 0.63
    A P/R/F that is undefined (no rows at all) counts as 0.0, so a stage that stops producing fails its floor.
    """
    out: dict[str, float] = {}
    seed = gold["seed"]
    out["seed.facts"] = seed["hit"] / seed["total"] if seed["total"] else 0.0
    dev = gold.get("dev") or {}
    if "total" in dev:
        out["dev.facts"] = dev["hit"] / dev["total"] if dev["total"] else 0.0
        for table, (hit, total) in dev["per_table"].items():
            out[f"dev.facts.{table}"] = hit / total if total else 0.0
        for table, fields in dev["prf"].items():
            for field, c in fields.items():
                for k in ("p", "r", "f"):
                    out[f"dev.{table}.{field}.{k}"] = float(c[k] or 0.0)
    return out


def load_floors(path: Path = FLOORS_FILE) -> dict[str, float]:
    """The floors file without its comment keys (those starting with "_")."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.items() if not k.startswith("_")}


def check_floors(scores: dict[str, float], floors: dict[str, float], *, prefix: str = "") -> list[str]:
    """One message per score below its floor (or missing); only floors whose name starts with `prefix`.

    Example: check_floors({"seed.facts": 0.97}, {"seed.facts": 1.0}) -> ["seed.facts: 0.970 < floor 1.000"]
    """
    failures = []
    for name, floor in sorted(floors.items()):
        if not name.startswith(prefix):
            continue
        got = scores.get(name)
        if got is None:
            failures.append(f"{name}: not measured (floor {floor:.3f})")
        elif got + 1e-9 < floor:
            failures.append(f"{name}: {got:.3f} < floor {floor:.3f}")
    return failures
