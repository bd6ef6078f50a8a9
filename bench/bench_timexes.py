"""Speed of German timex recognition + normalization (pressextract.rules.timexes) on Berlin press releases.

Times find_timexes on whole release texts (as the stage calls it) and reports the cost per sentence
(sentences counted with the rules' own splitter) and per release. Reads the corpus in place.

Example: .venv/bin/python bench/bench_timexes.py --n 2000
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from collections import Counter
from datetime import date
from pathlib import Path

from pressextract.rules.timexes import _sentence_bounds, default_grammar, find_timexes

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "press" / "releases.jsonl.xz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="number of releases (the first N of the corpus file)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    docs = []
    with lzma.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs.append(((r.get("title") or "") + "\n\n" + (r.get("text") or ""), r.get("date")))
            if len(docs) >= args.n:
                break
    default_grammar()  # load once, outside the timing
    n_sent = sum(len(_sentence_bounds(t)) + 1 for t, _ in docs)
    n_chars = sum(len(t) for t, _ in docs)
    labels: Counter[str] = Counter()
    start = time.perf_counter()
    for text, iso in docs:
        anchor = date.fromisoformat(iso) if iso else None
        for t in find_timexes(text, anchor=anchor):
            labels[t.label] += 1
    secs = time.perf_counter() - start
    print(f"releases {len(docs)}  sentences {n_sent}  chars {n_chars}")
    print(
        f"total {secs:.2f} s  per release {1000 * secs / len(docs):.2f} ms  per sentence {1000 * secs / n_sent:.3f} ms"
    )
    print("timexes:", dict(labels))


if __name__ == "__main__":
    main()
