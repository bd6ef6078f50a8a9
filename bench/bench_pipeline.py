"""Throughput of the whole pipeline against its statistical backbone, on the same Berlin releases.

    python bench/bench_pipeline.py [--n 500] [--model PATH|blank] [--workers 1,2] [--batch-size 32]

Measures, each in its own process (so peak memory is per run): the backbone alone (`nlp.pipe` of the
statistical model over the analysed texts), the full pipeline with 1 worker and with 2 workers
(`pressextract.api.extract_to_dir`: ingest, layout, backbone, stages, records, chunk files, merge).
Reports words/s (words = \\w+ runs, as `documents.n_words`), documents/s, peak RSS per worker
(ru_maxrss) and the ratio full/backbone. Uses the bundled model when it exists, else --model blank
(and says so). Not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import lzma
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "press" / "releases.jsonl.xz"
_WORD = re.compile(r"\w+")


def write_sample(n: int, dest: Path, *, skip: int = 0) -> int:
    """The first N releases (after `skip`) as a JSON Lines file; returns the number written."""
    written = 0
    with lzma.open(DATA, "rt", encoding="utf-8") as src, open(dest, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i < skip:
                continue
            if written >= n:
                break
            out.write(line)
            written += 1
    return written


def _rss_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def phase_backbone(sample: Path, model: str, batch_size: int) -> dict:
    """The statistical model alone over the texts the pipeline analyses (title block + body)."""
    from pressextract.backbone import load_backbone
    from pressextract.engine import prepare
    from pressextract.ingest import iter_documents

    texts = [prepare(d).text for d in iter_documents([str(sample)]) if not hasattr(d, "error")]
    nlp = load_backbone(model)
    words = sum(len(_WORD.findall(t)) for t in texts)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "cpu": cpu,
        "docs": len(texts),
        "words": words,
        "seconds": seconds,
        "peak_rss_mb": [_rss_mb()],
        "components": nlp.pipe_names,
    }


def phase_full(sample: Path, model: str, batch_size: int, workers: int) -> dict:
    from pressextract.api import extract_to_dir, make_options

    with tempfile.TemporaryDirectory() as out:
        t0, c0 = time.perf_counter(), time.process_time()
        m = extract_to_dir(
            [str(sample)], out, options=make_options(model=model, workers=workers, batch_size=batch_size)
        )
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        words = 0
        with open(Path(out) / "documents.jsonl", encoding="utf-8") as fh:
            for line in fh:
                words += json.loads(line)["n_words"]
    workers_rss = m["peak_rss_mb"]["workers"] or [_rss_mb()]
    if (
        workers > 1
    ):  # the work ran in child processes: their CPU time is in RUSAGE_CHILDREN once the pool is gone
        import resource

        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu += usage.ru_utime + usage.ru_stime
    return {
        "cpu": cpu,
        "docs": m["documents_ok"],
        "failed": m["documents_failed"],
        "words": words,
        "seconds": seconds,
        "peak_rss_mb": workers_rss,
        "driver_rss_mb": _rss_mb(),
        "stages": m["seconds_per_stage"],
        "components": m["model"]["components"],
    }


def run_phase(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"phase {args[:2]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--model", default=None, help="default: the bundled model if present, else blank")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--sample", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase:
        sample = Path(args.sample)
        if args.phase == "backbone":
            res = phase_backbone(sample, args.model, args.batch_size)
        else:
            res = phase_full(sample, args.model, args.batch_size, int(args.phase.split("=")[1]))
        print(json.dumps(res))
        return

    sys.path.insert(0, str(ROOT))
    from pressextract.backbone import bundled_path

    model = args.model
    note = ""
    if model is None:
        path = bundled_path()
        model = str(path) if path is not None else "blank"
        if path is None:
            note = " (bundled model not built yet: blank = tokenizer + sentencizer, no statistical backbone)"
    if not DATA.exists():
        raise SystemExit(f"{DATA} not available")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        n = write_sample(args.n, sample, skip=args.skip)
        print(
            f"model {model}{note}; {n} releases from {DATA.name} (skip {args.skip}); "
            f"batch size {args.batch_size}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
        )
        common = ["--sample", str(sample), "--model", model, "--batch-size", str(args.batch_size)]
        results = {"backbone": run_phase(["--phase", "backbone", *common])}
        for w in (int(x) for x in args.workers.split(",")):
            results[f"full, {w} worker{'s' if w > 1 else ''}"] = run_phase(["--phase", f"full={w}", *common])
    print(
        f"{'run':<18} {'docs':>6} {'words':>9} {'seconds':>8} {'words/s':>9} {'docs/s':>7} {'CPU s':>7} "
        f"{'words/CPU-s':>11}  peak MiB per worker"
    )
    for name, r in results.items():
        print(
            f"{name:<18} {r['docs']:>6} {r['words']:>9} {r['seconds']:>8.1f} {r['words'] / r['seconds']:>9.0f} "
            f"{r['docs'] / r['seconds']:>7.1f} {r['cpu']:>7.1f} {r['words'] / r['cpu']:>11.0f}  "
            f"{', '.join(f'{x:.0f}' for x in r['peak_rss_mb'])}"
        )
    backbone = results["backbone"]["words"] / results["backbone"]["seconds"]
    backbone_cpu = results["backbone"]["words"] / results["backbone"]["cpu"]
    for name, r in results.items():
        if name != "backbone":
            print(
                f"ratio {name} / backbone: wall {r['words'] / r['seconds'] / backbone:.2f}, "
                f"per CPU-second {r['words'] / r['cpu'] / backbone_cpu:.2f} (robust to other load on the machine)"
            )
    full1 = next((r for k, r in results.items() if k.startswith("full, 1")), None)
    if full1:
        stages = sorted(full1["stages"].items(), key=lambda kv: -kv[1])
        print("seconds per stage (1 worker): " + ", ".join(f"{k} {v:.1f}" for k, v in stages))


if __name__ == "__main__":
    main()
