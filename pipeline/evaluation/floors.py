"""Quality floors: flatten an evaluation result to named scores and compare them with checked-in minimums.

Example: check_floors({"dev.quotes.span.f": 0.41}, {"dev.quotes.span.f": 0.5})
-> ["dev.quotes.span.f: 0.410 < floor 0.500"]
"""

from __future__ import annotations

import json
from pathlib import Path

from pressextract.paths import project_root

FLOORS_FILE = project_root() / "tests" / "quality_floors.json"


def gold_scores(gold: dict) -> dict[str, float]:
    """Named scores of the gold part: seed fact rate, dev and holdout fact rates and P/R/F per table field.

    Example: gold_scores(result["gold"])["holdout.quotes.span.f"] -> 0.63
    A P/R/F that is undefined (no rows at all) counts as 0.0, so a stage that stops producing fails its floor.
    """
    out: dict[str, float] = {}
    seed = gold["seed"]
    out["seed.facts"] = seed["hit"] / seed["total"] if seed["total"] else 0.0
    for split in ("dev", "holdout"):
        part = gold.get(split) or {}
        if "total" not in part:
            continue
        out[f"{split}.facts"] = part["hit"] / part["total"] if part["total"] else 0.0
        for table, (hit, total) in part["per_table"].items():
            out[f"{split}.facts.{table}"] = hit / total if total else 0.0
        for table, fields in part["prf"].items():
            for field, c in fields.items():
                for k in ("p", "r", "f"):
                    out[f"{split}.{table}.{field}.{k}"] = float(c[k] or 0.0)
    return out


def quote_scores(quotes: dict) -> dict[str, float]:
    """Named scores of a WIKINEWS quote result (pressextract.evaluation.quotes_wikinews.evaluate_quotes).

    Example: quote_scores(result["quotes"])["wikinews.direct.f"] -> 0.87
    """
    out: dict[str, float] = {}
    for kind in ("direct", "indirect"):
        part = quotes.get(kind) or {}
        for k in ("p", "r", "f"):
            out[f"wikinews.{kind}.{k}"] = float((part.get("overlap") or {}).get(k) or 0.0)
        out[f"wikinews.{kind}.speaker_acc"] = float(part.get("speaker_acc") or 0.0)
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


# The fields whose precision and recall get floors of their own (the others get an F1 floor only).
_DETECTION = ("events.name", "agenda.item", "people.person", "roles.role", "quotes.span", "timexes.value")


def propose_floors(
    scores: dict[str, float], *, margin: float = 0.03, prf_margin: float = 0.05, holdout_margin: float = 0.08
) -> dict[str, float]:
    """Floors from measured scores: fact rates minus `margin`, P/R/F minus `prf_margin` on dev and
    `holdout_margin` on the holdout (small sets: one quote more or less moves quote recall by several points),
    rounded down; the seed stays all-or-nothing.

    Example: propose_floors({"seed.facts": 0.96, "dev.quotes.span.f": 0.63})
    -> {"seed.facts": 1.0, "dev.quotes.span.f": 0.58}
    """
    import math

    floors = {"seed.facts": 1.0}
    for name, value in sorted(scores.items()):
        if name == "seed.facts" or value <= 0:
            continue
        split = name.split(".", 1)[0]
        if name.startswith(("dev.facts", "holdout.facts")):
            floors[name] = math.floor(max(0.0, value - margin) * 100) / 100
        elif name.endswith(".f") or any(name.startswith(f"{split}.{d}.") for d in _DETECTION):
            # the holdout is smaller and never tuned on: a wider margin, so that noise does not fail the gate
            m = holdout_margin if split == "holdout" else prf_margin
            floors[name] = math.floor(max(0.0, value - m) * 100) / 100
    return floors


def update_floors_file(gold: dict, *, path: Path = FLOORS_FILE, note: str = "") -> dict:
    """Rewrite the gold floors (seed, dev, holdout) from a measured gold result; other floors stay as they are.

    Example: update_floors_file(json.load(open("reports/x/evaluation.json"))["gold"], note="after the new gold")
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    scores = gold_scores(gold)
    keep = {k: v for k, v in data.items() if not k.startswith(("seed.", "dev.", "holdout.", "_measured"))}
    keep["_measured"] = {k: round(v, 4) for k, v in sorted(scores.items())}
    if note:
        keep["_last_update"] = note
    keep.update(propose_floors(scores))
    path.write_text(json.dumps(keep, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return keep


if __name__ == "__main__":  # python -m pressextract.evaluation.floors REPORT_DIR/evaluation.json "why"
    import sys

    result = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    update_floors_file(result["gold"], note=sys.argv[2] if len(sys.argv) > 2 else "")
    print(f"floors written to {FLOORS_FILE}")
