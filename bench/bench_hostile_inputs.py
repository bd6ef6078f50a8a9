"""Peak memory and wall time of `pressextract extract` on hostile inputs (issue 20 point 5): bombs,
devices, a FIFO, a long JSON line, stdin from /dev/zero, a large .json and a page of heavy markup.

    python bench/bench_hostile_inputs.py [--tmp DIR] [--line-mib 700]

Each case runs the CLI (`--model blank --workers 1 -q`) in its own process; peak RSS comes from wait4 of
that process. The inputs are generated in a temporary folder and removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "scale"))

from test_hostile_inputs import _LAUNCH, RELEASE, gzip_bomb, long_line  # the test's own generators

CLI = Path(sys.executable).with_name("pressextract")


def make_cases(root: Path, line_mib: int) -> dict[str, tuple[list[str], Path | None]]:
    head, tail = b'{"id": "b", "text": "', b'"}\n'
    (root / "bomb.jsonl.gz").write_bytes(gzip_bomb(head, tail))
    (root / "bomb.json.gz").write_bytes(gzip_bomb(head, tail.strip()))
    with zipfile.ZipFile(root / "bomb.zip", "w") as zf:
        zf.writestr("innen/bomb.jsonl.gz", gzip_bomb(head, tail))
    long_line(root / "line.jsonl", line_mib)
    dev = root / "dev"
    dev.mkdir()
    os.symlink("/dev/zero", dev / "x.jsonl")
    os.symlink("/dev/urandom", dev / "y.jsonl")
    os.mkfifo(dev / "a.txt")
    (dev / "gut.txt").write_text(RELEASE, encoding="utf-8")
    with open(root / "big.json", "wb") as fh:  # one record of 90 MiB: parsed whole, then refused by size
        fh.write(b'{"id": "gross", "text": "')
        fh.writelines(b"Wort " * (1 << 18) for _ in range(72))
        fh.write(b'"}')
    markup = "".join(f'<div class="c{i}"><span data-x="{"y" * 100}">x</span></div>' for i in range(30_000))
    (root / "heavy.html").write_text(
        f"<html><body>{markup}<main><h1>Titel</h1><p>{RELEASE}</p></main></body></html>", encoding="utf-8"
    )
    return {
        "2 GiB line in a 2 MB .jsonl.gz": (["bomb.jsonl.gz"], None),
        "2 GiB in a 2 MB .json.gz": (["bomb.json.gz"], None),
        "the .jsonl.gz bomb inside a zip": (["bomb.zip"], None),
        f"{line_mib} MiB line in a .jsonl": (["line.jsonl"], None),
        "/dev/zero, /dev/urandom links and a FIFO in a folder": (["dev", "--follow-symlinks"], None),
        "stdin from /dev/zero": (["-"], Path("/dev/zero")),
        f"{(root / 'big.json').stat().st_size >> 20} MiB .json (one record)": (["big.json"], None),
        f"{(root / 'heavy.html').stat().st_size >> 20} MiB of markup, one sentence of text": (
            ["heavy.html"],
            None,
        ),
    }


def run(root: Path, args: list[str], stdin: Path | None) -> tuple[int, float, float]:
    """Exit code, seconds and peak RSS (MiB) of one run, measured by the test's small launcher process
    (a child forked from this process would inherit its peak: Linux keeps ru_maxrss across exec)."""
    out = root / "out"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [str(CLI), "extract", *args, "-o", str(out), "--model", "blank", "--workers", "1", "-q"]
    peak_file = root / "peak.txt"
    t0 = time.perf_counter()
    with open(stdin or os.devnull, "rb") as fh:
        code = subprocess.run(
            [sys.executable, "-c", _LAUNCH, str(peak_file), *cmd],
            cwd=root,
            stdin=fh,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        ).returncode
    return code, time.perf_counter() - t0, int(peak_file.read_text()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tmp", type=Path, default=None, help="folder for the generated inputs")
    parser.add_argument("--line-mib", type=int, default=700)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="hostile-", dir=args.tmp))
    try:
        print(f"{'case':<58} {'exit':>4} {'seconds':>8} {'peak RSS MiB':>12}")
        for name, (cli_args, stdin) in make_cases(root, args.line_mib).items():
            code, seconds, peak = run(root, cli_args, stdin)
            print(f"{name:<58} {code:>4} {seconds:>8.1f} {peak:>12.0f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
