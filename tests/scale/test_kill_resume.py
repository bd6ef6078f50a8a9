"""Kill test: SIGKILL the CLI after some chunks, resume, and get the tables of an uninterrupted run byte for byte.

Also: Ctrl-C (SIGINT) stops cleanly with exit code 130 and tells how to resume.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_corpus import write_jsonl

CLI = Path(sys.executable).with_name("pressextract")
TABLES = ("documents", "events", "agenda", "people", "roles", "quotes", "timexes", "errors")


def _cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [
        str(CLI),
        "extract",
        str(src),
        "-o",
        str(out),
        "--model",
        "blank",
        "--workers",
        "1",
        "--batch-size",
        "4",
        "--chunk-size",
        "16",
        "-q",
        *extra,
    ]


def _chunks_done(out: Path) -> int:
    try:
        return len(json.loads((out / ".parts" / "progress.json").read_text(encoding="utf-8"))["chunks"])
    except (OSError, ValueError, KeyError):
        return 0


def _run_until(cmd: list[str], out: Path, chunks: int, sig: int) -> tuple[bool, subprocess.Popen]:
    """Start the CLI, send `sig` once `chunks` chunks are finished; True if it was still running then."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while proc.poll() is None and _chunks_done(out) < chunks and time.monotonic() < deadline:
        time.sleep(0.005)
    alive = proc.poll() is None
    if alive:
        proc.send_signal(sig)
    proc.wait(timeout=60)
    return alive, proc


def _tables(out: Path) -> dict[str, bytes]:
    return {f"{t}.{ext}": (out / f"{t}.{ext}").read_bytes() for t in TABLES for ext in ("csv", "jsonl")}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    root = tmp_path_factory.mktemp("kill")
    src = root / "releases.jsonl"
    write_jsonl(src, range(400))
    with open(src, "a", encoding="utf-8") as fh:  # a few bad lines, so errors must survive resumes too
        fh.write('{"id": "kaputt", "text": "abgebrochen\n[1, 2]\n')
    ref = root / "reference"
    proc = subprocess.run(_cmd(src, ref), capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1, proc.stderr
    return src, _tables(ref)


def test_sigkill_at_several_points_then_resume_is_byte_identical(archive, tmp_path):
    src, reference = archive
    out = tmp_path / "out"
    killed = 0
    alive, proc = _run_until(_cmd(src, out), out, 3, signal.SIGKILL)
    killed += alive
    for chunks in (9, 17):
        alive, proc = _run_until(_cmd(src, out, "--resume"), out, chunks, signal.SIGKILL)
        killed += alive
    assert killed >= 2, "the run finished before it could be killed: make the input larger"
    assert (out / ".parts").exists() and not (out / "documents.csv").exists()
    done_before = _chunks_done(out)
    proc = subprocess.run(
        _cmd(src, out, "--resume"), capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 1, proc.stderr  # the two bad lines
    assert done_before >= 9
    assert _tables(out) == reference
    assert not (out / ".parts").exists()


def test_rerun_with_overwrite_is_byte_identical(archive, tmp_path):
    src, reference = archive
    out = tmp_path / "out"
    (out / ".parts").mkdir(parents=True)  # debris of an older run is cleared, not merged
    (out / ".parts" / "progress.json").write_text("{}", encoding="utf-8")
    proc = subprocess.run(
        _cmd(src, out, "--overwrite"), capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 1, proc.stderr
    assert _tables(out) == reference


def test_ctrl_c_exits_130_and_says_how_to_resume(archive, tmp_path):
    src, reference = archive
    out = tmp_path / "out"
    alive, proc = _run_until(_cmd(src, out)[:-1], out, 2, signal.SIGINT)  # without -q: messages on stderr
    if not alive:
        pytest.skip("the run finished before Ctrl-C could be sent")
    stderr = proc.stderr.read()
    assert proc.returncode == 130, stderr
    assert "--resume" in stderr
    assert _chunks_done(out) >= 2
    proc = subprocess.run(
        _cmd(src, out, "--resume"), capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 1, proc.stderr
    assert _tables(out) == reference


def test_resume_refuses_other_input(archive, tmp_path):
    src, _ = archive
    out = tmp_path / "out"
    alive, _ = _run_until(_cmd(src, out), out, 2, signal.SIGKILL)
    if not alive:
        pytest.skip("the run finished before it could be killed")
    other = tmp_path / "other.jsonl"
    write_jsonl(other, range(50))
    proc = subprocess.run(
        _cmd(other, out, "--resume"), capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 2
    assert "cannot resume" in proc.stderr
