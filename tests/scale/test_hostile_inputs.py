"""Hostile inputs that once ate memory or hung (issue 20 points 5, 6, 9): bombs, devices, FIFOs, link loops.

Each case runs the real CLI in a subprocess under an address-space limit (resource.setrlimit) and a
timeout: a hang is a TimeoutExpired that fails the test, never a timed assertion. Peak RSS comes from
wait4 of that child alone. Inputs are generated: 2 GiB bombs are 2 MB of repeated gzip members.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

CLI = Path(sys.executable).with_name("pressextract")
AS_LIMIT = 4 << 30  # keeps a runaway from taking the (shared) machine down; the bound we claim is below
PEAK_LIMIT_KIB = 1_500_000  # issue 20: under 1.5 GB per process on every bomb/device/large-line case
TIMEOUT = 300
RELEASE = "Der Bezirk lädt am Samstag, dem 14. Juni 2025, zum Sommerfest im Bürgerpark ein."

pytestmark = pytest.mark.skipif(not CLI.exists(), reason="pressextract console script not installed")


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))


# The CLI runs as the child of a small launcher: Linux keeps ru_maxrss across fork and exec, so a child
# forked straight from pytest would report pytest's own peak (which grows as the suite loads models).
_LAUNCH = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as fh:
    fh.write(str(usage.ru_maxrss))
sys.exit(min(255, abs(os.waitstatus_to_exitcode(status))))
"""


def run_cli(*args: str, stdin=subprocess.DEVNULL) -> tuple[int, str, int]:
    """(exit code, stderr, peak RSS in KiB) of one `pressextract extract` run; a hang fails the test."""
    cmd = [str(CLI), "extract", *args, "--model", "blank", "--workers", "1", "-q"]
    fd, peak_file = tempfile.mkstemp(suffix=".maxrss")
    os.close(fd)
    proc = subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, peak_file, *cmd],
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_limit,  # noqa: PLW1509  (only setrlimit, inherited by the CLI)
        start_new_session=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    try:
        _, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        pytest.fail(f"pressextract hung (killed after {TIMEOUT} s): {' '.join(cmd)}\n{err.decode()[-2000:]}")
    try:
        peak = int(Path(peak_file).read_text() or 0)
    finally:
        os.unlink(peak_file)
    return proc.returncode, err.decode("utf-8", "replace"), peak


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def gzip_bomb(head: bytes, tail: bytes, *, gib: int = 2) -> bytes:
    """`head` + `gib` GiB of "a" + `tail`, gzipped in ~2 MB: one member repeated (gzip reads them all)."""
    block = gzip.compress(b"a" * (16 << 20), compresslevel=9)
    return gzip.compress(head) + block * (64 * gib) + gzip.compress(tail)


def long_line(path: Path, mib: int) -> None:
    """A JSON Lines file whose second line holds `mib` MiB, written in pieces."""
    with open(path, "wb") as fh:
        fh.write(json.dumps({"id": "a", "text": RELEASE}).encode() + b'\n{"id": "lang", "text": "')
        piece = b"Wort " * (1 << 18)
        fh.writelines(piece for _ in range(mib * (1 << 20) // len(piece)))
        fh.write(b'"}\n' + json.dumps({"id": "c", "text": RELEASE}).encode() + b"\n")


@pytest.mark.parametrize(
    "name, make",
    [
        ("bomb.jsonl.gz", lambda p: p.write_bytes(gzip_bomb(b'{"id": "b", "text": "', b'"}\n'))),
        ("bomb.json.gz", lambda p: p.write_bytes(gzip_bomb(b'{"id": "b", "text": "', b'"}'))),
        (
            "bomb.zip",
            lambda p: zipfile.ZipFile(p, "w").writestr(
                "innen/bomb.jsonl.gz", gzip_bomb(b'{"id": "b", "text": "', b'"}\n')
            ),
        ),
        ("line.jsonl", lambda p: long_line(p, 700)),  # refused by length while it streams past
    ],
)
def test_bombs_and_long_lines_stay_bounded(tmp_path: Path, name: str, make) -> None:
    path = tmp_path / name
    make(path)
    good = tmp_path / "gut.txt"
    good.write_text(RELEASE, encoding="utf-8")
    code, stderr, peak = run_cli(str(path), str(good), "-o", str(tmp_path / "out"))
    assert code == 1, stderr[-3000:]
    errors = rows(tmp_path / "out" / "errors.csv")
    assert len(errors) == 1 and "too large" in errors[0]["error"], errors
    docs = rows(tmp_path / "out" / "documents.csv")
    assert str(good) in {d["source"] for d in docs}
    if name == "line.jsonl":
        assert errors[0]["source"] == f"{path}#L2" and len(docs) == 3  # the lines around it are read
    assert peak < PEAK_LIMIT_KIB, f"peak RSS {peak // 1024} MiB"


def test_devices_fifos_and_link_loops(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gut.txt").write_text(RELEASE, encoding="utf-8")
    os.mkfifo(folder / "a.txt")  # nobody writes: opening it for reading would block forever
    os.symlink("/dev/zero", folder / "x.jsonl")
    os.symlink("/dev/urandom", folder / "y.jsonl")
    loops = tmp_path / "L" / "sub"
    loops.mkdir(parents=True)
    (loops / "b.txt").write_text("Zweite Meldung aus dem Bezirk.", encoding="utf-8")
    os.symlink("..", loops / "loop1")
    os.symlink("../..", loops / "loop2")
    code, stderr, peak = run_cli(
        str(folder), f"{tmp_path}/L/**/*.txt", "--follow-symlinks", "-o", str(tmp_path / "out")
    )
    assert code == 1, stderr[-3000:]
    errors = {r["source"]: r["error"] for r in rows(tmp_path / "out" / "errors.csv")}
    assert "FIFO" in errors[str(folder / "a.txt")]
    assert "character device" in errors[str(folder / "x.jsonl")]
    assert "character device" in errors[str(folder / "y.jsonl")]
    docs = [d["source"] for d in rows(tmp_path / "out" / "documents.csv")]
    assert sorted(docs) == sorted([str(folder / "gut.txt"), str(loops / "b.txt")])  # each file once
    assert peak < PEAK_LIMIT_KIB, f"peak RSS {peak // 1024} MiB"


def test_stdin_from_dev_zero_is_bounded(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        code, stderr, peak = run_cli("-", "-o", str(tmp_path / "out"), stdin=zero)
    assert code == 1, stderr[-3000:]
    (error,) = rows(tmp_path / "out" / "errors.csv")
    assert error["source"] == "<stdin>" and ("binary" in error["error"] or "too large" in error["error"])
    assert peak < PEAK_LIMIT_KIB, f"peak RSS {peak // 1024} MiB"
