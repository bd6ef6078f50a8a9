"""Corruption suite: >= 200 damaged inputs mixed into good releases.

Every good document comes out exactly once, every bad input is exactly one errors row, the exit code
is 1 ("some inputs failed") and the run's memory stays bounded.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from scale_corpus import write_corpus

CLI = Path(sys.executable).with_name("pressextract")


def _sources(path: Path) -> Counter:
    with open(path, encoding="utf-8", newline="") as fh:
        return Counter(row["source"] for row in csv.DictReader(fh))


@pytest.fixture(scope="module")
def corrupted_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("corrupt")
    expected = write_corpus(root / "in")
    out = root / "out"
    log = root / "stderr.txt"
    with open(log, "w") as err:
        proc = subprocess.Popen(
            [
                str(CLI),
                "extract",
                str(root / "in"),
                "-o",
                str(out),
                "--model",
                "blank",
                "--workers",
                "1",
                "--batch-size",
                "8",
                "--chunk-size",
                "64",
                "--max-doc-bytes",
                "20000",
                "-q",
            ],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        # wait4 gives this child's own peak RSS (RUSAGE_CHILDREN would mix in earlier tests' children)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return expected, out, proc, log.read_text(), usage.ru_maxrss


def test_at_least_200_bad_inputs(corrupted_run):
    expected, *_ = corrupted_run
    assert len(expected["bad"]) >= 200
    assert len(expected["good"]) >= 100


def test_exit_code_says_some_inputs_failed(corrupted_run):
    _, out, proc, stderr, _ = corrupted_run
    assert proc.returncode == 1, stderr[-3000:]
    assert not (out / ".parts").exists()  # merged and cleaned up


def test_every_good_document_exactly_once(corrupted_run):
    expected, out, *_ = corrupted_run
    docs = _sources(out / "documents.csv")
    assert set(docs) == expected["good"], set(docs) ^ expected["good"]
    assert max(docs.values()) == 1
    with open(out / "documents.jsonl", encoding="utf-8") as fh:
        ids = [json.loads(line)["doc_id"] for line in fh]
    assert len(ids) == len(set(ids)) == len(expected["good"])


def test_every_bad_input_exactly_one_error_row(corrupted_run):
    expected, out, *_ = corrupted_run
    errors = _sources(out / "errors.csv")
    assert set(errors) == expected["bad"], set(errors) ^ expected["bad"]
    assert max(errors.values()) == 1
    with open(out / "errors.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["stage"] and r["error"] for r in rows)
    messages = " ".join(r["error"] for r in rows)
    for phrase in ("zip bomb", "unsafe member name", "truncated", "too large", "malformed JSON", "empty"):
        assert phrase in messages, phrase


def test_manifest_counts_match(corrupted_run):
    expected, out, *_ = corrupted_run
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["documents_ok"] == len(expected["good"])
    assert manifest["documents_failed"] == len(expected["bad"])
    assert manifest["rows"]["errors"] == len(expected["bad"])


def test_memory_stays_bounded(corrupted_run):
    # zip bombs, 2.4 MB single-line files and 30,000-deep HTML must not balloon the process
    *_, peak_kib = corrupted_run
    assert peak_kib < 1_500_000, f"peak RSS {peak_kib / 1024:.0f} MiB"
