"""CPU time of each pipeline component on the same Berlin releases, with a profile of one component.

    python bench/bench_stages.py [--n 100] [--every 0] [--model PATH|blank] [--repeat 1]
                                 [--profile press_people] [--top 25]

Loads the pipeline once (`pressextract.load()`: the bundled model when it exists), reads N releases
(every k-th line of releases.jsonl.xz; `--every 0` spreads N evenly over the archive), prepares them
like the engine (title block + body) and runs the components one by one over all documents, as
`pressextract.engine.process_batch` does. Prints CPU seconds (time.process_time, robust to other load on
a shared machine) per component and per 1,000 words; with --repeat R the extraction stages run R more
times on the same analysed documents and the lowest time counts. With --profile NAME it prints the
cProfile top functions (by cumulative time) of that component. Not a test: numbers depend on the machine.
Example: python bench/bench_stages.py --n 100 --profile press_roles
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import cProfile
import io
import json
import lzma
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "press" / "releases.jsonl.xz"
_WORD = re.compile(r"\w+")
_N_LINES = 50_000  # lines in releases.jsonl.xz (for --every 0)


def read_releases(n: int, *, every: int) -> list[dict]:
    """N releases, every `every`-th line of the archive."""
    out: list[dict] = []
    with lzma.open(DATA, "rt", encoding="utf-8") as src:
        for i, line in enumerate(src):
            if i % every == 0:
                out.append(json.loads(line))
                if len(out) >= n:
                    break
    return out


def _run(proc, docs: list) -> list:
    if hasattr(proc, "pipe"):
        return list(proc.pipe(docs))
    return [proc(d) for d in docs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument(
        "--every", type=int, default=0, help="take every k-th line (0: spread N over the archive)"
    )
    ap.add_argument("--model", default=None, help="default: the bundled model if present, else blank")
    ap.add_argument("--repeat", type=int, default=1, help="extra runs of the press_* stages (minimum counts)")
    ap.add_argument("--profile", default=None, help="component to profile, e.g. press_people")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    import pressextract
    from pressextract.backbone import bundled_path
    from pressextract.engine import prepare
    from pressextract.ingest import iter_documents

    model = args.model
    if model is None:
        path = bundled_path()
        model = str(path) if path is not None else "blank"
    if not DATA.exists():
        raise SystemExit(f"{DATA} not available")
    every = args.every or max(1, _N_LINES // max(1, args.n))
    c0 = time.process_time()
    nlp = pressextract.load(model)
    load_cpu = time.process_time() - c0

    # the engine's own reading and preparing: the texts are exactly the ones `extract` analyses
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_stages_{os.getpid()}.jsonl"
    releases = read_releases(args.n, every=every)
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in releases), encoding="utf-8")
    try:
        prepared = [prepare(d) for d in iter_documents([str(tmp)]) if not hasattr(d, "error")]
    finally:
        tmp.unlink()
    words = sum(len(_WORD.findall(p.text)) for p in prepared)
    print(
        f"model {model} (loaded in {load_cpu:.1f} CPU s); {len(prepared)} releases (every {every}th line "
        f"of {DATA.name}), {words} words; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
    )

    cpu: dict[str, float] = {}
    c0 = time.process_time()
    docs = []
    for p in prepared:
        doc = nlp.make_doc(p.text)
        doc._.press_meta = p.meta
        docs.append(doc)
    cpu["tokenizer"] = time.process_time() - c0
    profile_text = ""
    for name, proc in nlp.pipeline:
        if name == args.profile:
            prof = cProfile.Profile()
            prof.enable()
            docs = _run(proc, docs)
            prof.disable()
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(args.top)
            profile_text = buf.getvalue()
            # the profiled run is slower: time the component again without the profiler
        c0 = time.process_time()
        docs = _run(proc, docs)
        cpu[name] = time.process_time() - c0
    # extraction stages again on the analysed documents: each reads earlier stages and rewrites its key
    for _ in range(args.repeat - 1):
        for name, proc in nlp.pipeline:
            if name.startswith("press_") and name != "press_layout":
                c0 = time.process_time()
                docs = _run(proc, docs)
                cpu[name] = min(cpu[name], time.process_time() - c0)

    total = sum(cpu.values())
    print(f"{'component':<22} {'CPU s':>8} {'CPU ms/1k words':>16} {'share':>7}")
    for name, sec in cpu.items():
        print(f"{name:<22} {sec:>8.2f} {1000 * 1000 * sec / max(1, words):>16.1f} {sec / total:>7.1%}")
    print(
        f"{'total':<22} {total:>8.2f} {1000 * 1000 * total / max(1, words):>16.1f}   ({words / total:.0f} words/CPU-s)"
    )
    if profile_text:
        print(f"\ncProfile of {args.profile} (cumulative, top {args.top}):")
        print(profile_text)
    elif args.profile:
        print(f"no component {args.profile!r}; components: {nlp.pipe_names}")


if __name__ == "__main__":
    main()
