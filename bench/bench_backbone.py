"""Throughput of the bundled spaCy pipeline on Berlin press releases (one CPU thread).

    python bench/bench_backbone.py [--model PATH] [--n 300] [--disable ner,parser] [--data PATH]

Prints words/s of ``nlp.pipe`` (words = non-space, non-punctuation tokens) on N releases (from the 1,001st on) of
``shared/data/press/releases.jsonl.xz``. BLAS/OpenMP are pinned to one thread before numpy loads.
Also prints words per CPU-second of the process, which is what to compare on a busy shared machine.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import lzma
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_texts(data: Path, n: int, skip: int = 1000) -> list[str]:
    """Releases ``skip .. skip+n`` (not the first ones, to vary the publishers a bit)."""
    texts = []
    with lzma.open(data / "press" / "releases.jsonl.xz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < skip:
                continue
            t = json.loads(line).get("text") or ""
            if t.strip():
                texts.append(t)
            if len(texts) >= n:
                break
    return texts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=str(ROOT / "models" / "de_pressextract"))
    ap.add_argument("--data", default=None)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--disable", default="", help="comma-separated components to disable")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", action="store_true", help="print one JSON line")
    args = ap.parse_args(argv)

    data = Path(args.data) if args.data else ROOT.parent / "shared" / "data"
    if not data.exists():
        data = Path("/work/shared/data")
    if not (data / "press" / "releases.jsonl.xz").exists():
        print(f"no press releases under {data}", file=sys.stderr)
        return 2

    import spacy
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps())
    disable = [d for d in args.disable.split(",") if d]
    nlp = spacy.load(args.model, disable=disable)
    texts = load_texts(data, args.n)
    list(nlp.pipe(texts[:10]))  # warm-up
    t0 = time.perf_counter()
    c0 = time.process_time()
    n_words = n_tokens = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        n_tokens += len(doc)
        n_words += sum(1 for t in doc if not (t.is_space or t.is_punct))
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    res = {
        "model": args.model,
        "pipeline": nlp.pipe_names,
        "docs": len(texts),
        "words": n_words,
        "tokens": n_tokens,
        "seconds": round(dt, 2),
        "words_per_s": round(n_words / dt),
        "tokens_per_s": round(n_tokens / dt),
        "cpu_seconds": round(cpu, 2),
        "words_per_cpu_s": round(n_words / cpu),
    }
    if args.json:
        print(json.dumps(res))
    else:
        print(f"{args.model}: pipeline={nlp.pipe_names}")
        print(f"{len(texts)} docs, {n_words:,} words ({n_tokens:,} tokens) in {dt:.1f}s on 1 thread")
        print(f"words/s: {res['words_per_s']:,}   tokens/s: {res['tokens_per_s']:,}")
        # on a shared machine wall time includes waiting for the core; CPU time does not
        print(f"words per CPU-second: {res['words_per_cpu_s']:,} ({cpu:.1f} CPU s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
