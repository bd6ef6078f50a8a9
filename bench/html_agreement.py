"""How close HTML ingestion comes to the plain-text version of the same Berlin releases.

Reads html-sample.jsonl.xz (200 berlin.de pages, records with an `html` field) through our own
reader, finds each page's twin in releases.jsonl.xz by id, and reports title exact-match rate,
text similarity (difflib ratio and token F1 after whitespace normalization), date agreement and
the worst pages. Not part of the test run.

Example: .venv/bin/python bench/html_agreement.py --worst 5
"""

from __future__ import annotations

import argparse
import difflib
import json
import lzma
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from pressextract.ingest import IngestError, iter_documents

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "press"


def norm_ws(text: str) -> str:
    return " ".join(text.split())


def token_f1(pred: str, gold: str) -> float:
    """Bag-of-tokens F1 (whitespace tokens, case kept)."""
    p, g = Counter(pred.split()), Counter(gold.split())
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def load_twins(ids: set[str], path: Path) -> dict[str, dict]:
    twins: dict[str, dict] = {}
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            head = line[:40]
            if '"id": "' not in head and '"id":"' not in head:
                rec = json.loads(line)
            else:
                key = head.split('"id"', 1)[1].split('"')[1]
                if key not in ids:
                    continue
                rec = json.loads(line)
            if rec.get("id") in ids:
                twins[rec["id"]] = rec
    return twins


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", type=Path, default=DATA / "html-sample.jsonl.xz")
    ap.add_argument("--text", type=Path, default=DATA / "releases.jsonl.xz")
    ap.add_argument("--worst", type=int, default=10, help="show the N pages with the lowest text ratio")
    ap.add_argument("--json", type=Path, help="write per-page scores to this file")
    ap.add_argument(
        "--no-landmark", action="store_true", help="trafilatura only (the fallback for pages without <main>)"
    )
    args = ap.parse_args(argv)
    if not args.html.exists():
        print(f"{args.html} not available", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    if args.no_landmark:
        import pressextract.ingest.html as html_mod

        plain = html_mod.extract_html
        html_mod.extract_html = lambda html, **kw: plain(html, use_landmark=False, **kw)  # type: ignore[assignment]
        import pressextract.ingest.readers as readers_mod

        readers_mod.extract_html = html_mod.extract_html  # type: ignore[assignment]
    docs = list(iter_documents([str(args.html)]))
    t_ingest = time.perf_counter() - t0
    ok = [d for d in docs if not isinstance(d, IngestError)]
    errors = [d for d in docs if isinstance(d, IngestError)]
    twins = load_twins({d.doc_id for d in ok}, args.text)

    rows = []
    for d in ok:
        twin = twins.get(d.doc_id)
        if twin is None:
            continue
        pred, gold = norm_ws(d.text), norm_ws(twin["text"] or "")
        rows.append(
            {
                "id": d.doc_id,
                "title_ok": norm_ws(d.title or "") == norm_ws(twin["title"] or ""),
                "title": d.title,
                "gold_title": twin["title"],
                "ratio": difflib.SequenceMatcher(None, pred, gold, autojunk=False).ratio(),
                "f1": token_f1(pred, gold),
                "date_ok": (d.published or "")[:10] == (twin.get("date") or ""),
                "chars": len(pred),
                "gold_chars": len(gold),
            }
        )
    n = len(rows)
    print(
        f"pages {len(docs)}: ingested {len(ok)}, errors {len(errors)}, with twin {n}; ingest {t_ingest:.1f} s"
    )
    for e in errors:
        print(f"  error {e.source}: {e.error}")
    if not n:
        return 1
    ratios, f1s = [r["ratio"] for r in rows], [r["f1"] for r in rows]
    print(
        f"title exact match: {sum(r['title_ok'] for r in rows)}/{n} = {sum(r['title_ok'] for r in rows) / n:.3f}"
    )
    print(
        f"date match:        {sum(r['date_ok'] for r in rows)}/{n} = {sum(r['date_ok'] for r in rows) / n:.3f}"
    )
    print(
        f"text difflib ratio: mean {statistics.mean(ratios):.4f}, median {statistics.median(ratios):.4f}, "
        f"min {min(ratios):.4f}, >=0.95: {sum(x >= 0.95 for x in ratios)}/{n}, "
        f"exact: {sum(x == 1.0 for x in ratios)}/{n}"
    )
    print(
        f"text token F1:      mean {statistics.mean(f1s):.4f}, median {statistics.median(f1s):.4f}, "
        f"min {min(f1s):.4f}"
    )
    for r in sorted(rows, key=lambda r: r["ratio"])[: args.worst]:
        print(f"  {r['id']}: ratio {r['ratio']:.3f} f1 {r['f1']:.3f} chars {r['chars']}/{r['gold_chars']}")
    bad_titles = [r for r in rows if not r["title_ok"]]
    for r in bad_titles[: args.worst]:
        print(f"  title {r['id']}: {r['title']!r} != {r['gold_title']!r}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
