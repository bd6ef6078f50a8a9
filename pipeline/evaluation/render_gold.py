"""Markdown of the release gold: dev and holdout side by side, per field, collection, kind and release."""

from __future__ import annotations


def _f(x: object) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


def _pct(h: int, n: int) -> str:
    return f"{h}/{n} ({100 * h / n:.0f}%)" if n else "0/0"


def render_gold_splits(gold: dict) -> list[str]:
    """Dev and holdout side by side: facts per table, P/R/F per table and field, the holdout per kind of
    publisher, and the per-release lines."""
    dev, hold = gold.get("dev") or {}, gold.get("holdout") or {}
    lines: list[str] = []
    for name, part in (("Dev", dev), ("Holdout", hold)):
        if "skipped" in part:
            lines += [f"{name} gold: skipped ({part['skipped']}).", ""]
    have = [(n, p) for n, p in (("dev", dev), ("holdout", hold)) if "total" in p]
    if not have:
        return lines
    lines += [
        "**Release gold**: "
        + "; ".join(f"{n} {p['documents']} releases, {p['line']}" for n, p in have)
        + " (`corpus/gold/*.json`; the split is in `corpus/gold/manifest.json`; the holdout is never looked at"
        " while writing rules).",
        "",
        "| table | " + " | ".join(f"{n} facts" for n, _ in have) + " |",
        "|---|" + "---:|" * len(have),
    ]
    tables = sorted({t for _, p in have for t in p["per_table"]})
    for t in tables:
        lines.append(f"| {t} | " + " | ".join(_pct(*p["per_table"].get(t, (0, 0))) for _, p in have) + " |")
    lines += [
        "",
        (
            "Precision / recall / F1 per table and field (micro over the releases; false positives only in tables a "
            "release's gold marks as complete; matching rules in `corpus/gold/README.md`):"
        ),
        "",
        "| table | field | " + " | ".join(f"{n} P | {n} R | {n} F1 | {n} tp/fp/fn" for n, _ in have) + " |",
        "|---|---|" + "---:|---:|---:|---:|" * len(have),
    ]
    first = have[0][1]["prf"]
    for t, fields_ in first.items():
        for f in fields_:
            cells = []
            for _, p in have:
                c = p["prf"].get(t, {}).get(f) or {"p": None, "r": None, "f": None, "tp": 0, "fp": 0, "fn": 0}
                cells.append(f"{_f(c['p'])} | {_f(c['r'])} | {_f(c['f'])} | {c['tp']}/{c['fp']}/{c['fn']}")
            lines.append(f"| {t} | {f} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Roles: accuracy on matched rows (of the gold roles matched to an extracted row, the share with the gold value):",
        "",
    ]
    for n, p in have:
        parts = [(n, p)] + [(f"{n} {g}", gp) for g, gp in (p.get("by_collection") or {}).items()]
        for label, part in parts:
            cells = []
            for f in ("role_norm", "portfolio", "jurisdiction", "level"):
                c = part["prf"].get("roles", {}).get(f) or {}
                if c.get("matched"):
                    cells.append(f"{f} {_f(c.get('acc_matched'))} ({c['matched']})")
            if cells:
                lines.append(f"- {label}: " + ", ".join(cells))
    main = (("events", "name"), ("agenda", "item"), ("people", "person"), ("roles", "role"), ("quotes", "span"),
            ("quotes", "speaker"), ("timexes", "value"))  # fmt: skip
    for n, p in have:
        for key, title in (("by_collection", "collection"), ("by_kind", "kind of publisher")):
            groups = p.get(key) or {}
            if not groups:
                continue
            lines += [
                "",
                f"{n.capitalize()} by {title} (facts; F1 of the main fields):",
                "",
                f"| {title} | releases | facts | " + " | ".join(f"{t}.{f}" for t, f in main) + " |",
                "|---|---:|---:|" + "---:|" * len(main),
            ]
            for g, part in groups.items():
                fs = [_f((part["prf"].get(t, {}).get(f) or {}).get("f")) for t, f in main]
                lines.append(f"| {g} | {part['documents']} | {part['line'][7:]} | " + " | ".join(fs) + " |")
    for n, p in have:
        fp_ = p.get("forbidden_people")
        if fp_:
            lines += [
                "",
                (
                    f"{n.capitalize()}: releases whose people table holds a name the gold forbids: "
                    f"{fp_['files_extracted']} of {fp_['files']} ({100 * (fp_['share'] or 0):.1f}%; "
                    f"{fp_['files_with_list']} releases list forbidden names)."
                ),
            ]
    for n, p in have:
        if p.get("missing"):
            lines += ["", f"{n}: releases not found in the corpora: {', '.join(p['missing'])}"]
        lines += ["", f"| {n} release | collection | kind | facts |", "|---|---|---|---:|"]
        lines += [
            f"| {r['document']} | {r.get('collection') or ''} | {r.get('kind') or ''} | {r['line'][7:]} |"
            for r in p["per_document"]
        ]
    lines.append("")
    return lines
