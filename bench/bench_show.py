"""Wall time of `pressextract show ARCHIVE --id DOC` on the 50,000-release Berlin archive (target: < 10 s).

    python bench/bench_show.py [--model NAME|PATH|blank] [--repeat 1]

Times, each as a fresh `pressextract` process (import, model load, scan, analysis, page): the first
record, the last record (the scan stops at the first match, so this is the worst case for a present
id) and an id that is not in the archive (exit 2 after one pass over the archive). Not a test: the
numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pressextract.paths import shared_data_dir


def ids(archive: Path) -> tuple[str, str]:
    """The first and the last record id of the archive."""
    first = last = None
    with lzma.open(archive, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                last = line
                if first is None:
                    first = line
    return json.loads(first)["id"], json.loads(last)["id"]


def run(archive: Path, doc_id: str, model: str | None, out: Path) -> tuple[float, int]:
    cmd = [sys.executable, "-c", "from pressextract.cli import main; main()"]
    cmd += ["show", str(archive), "--id", doc_id, "-o", str(out)]
    if model:
        cmd += ["--model", model]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    archive = shared_data_dir() / "press" / "releases.jsonl.xz"
    if not archive.exists():
        sys.exit(f"{archive} not found")
    first, last = ids(archive)
    out = Path(tempfile.mkdtemp()) / "page.html"
    for label, doc_id in (("first record", first), ("last record", last), ("missing id", "berlin-pm-0")):
        for _ in range(args.repeat):
            seconds, rc = run(archive, doc_id, args.model, out)
            print(f"show --id {doc_id:<22} ({label}): {seconds:6.1f} s  exit {rc}")


if __name__ == "__main__":
    main()
