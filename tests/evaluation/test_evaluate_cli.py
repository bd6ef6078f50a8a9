"""`pressextract evaluate` outside the checkout: packaged seed gold, --gold/--data, a fresh report folder,
unevaluated parts named, exit 2 when nothing could be evaluated."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pressextract.evaluation.report import PACKAGED_SEED

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRESSEXTRACT_")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    code = "from pressextract.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "evaluate", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False,
        timeout=600,
    )  # fmt: skip


def test_packaged_seed_equals_the_checkout_seed():
    assert (PACKAGED_SEED / "seed.txt").read_bytes() == (REPO / "corpus" / "seed.txt").read_bytes()
    assert (PACKAGED_SEED / "seed.json").read_bytes() == (REPO / "corpus" / "gold" / "seed.json").read_bytes()


def test_nothing_to_evaluate_exits_2_and_names_the_part(tmp_path):
    empty = tmp_path / "data"
    empty.mkdir()
    proc = _run(["--only", "quotes", "--data", str(empty), "-q"], cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "not evaluated: quotes" in proc.stderr


def test_missing_gold_folder_is_a_usage_error(tmp_path):
    proc = _run(["--only", "gold", "--gold", str(tmp_path / "nope")], cwd=tmp_path)
    assert proc.returncode == 2
    assert "no such folder" in proc.stderr


def test_gold_from_another_folder_writes_a_fresh_report(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(PACKAGED_SEED / "seed.json", gold / "seed.json")
    proc = _run(
        ["--only", "gold", "--model", "blank", "--gold", str(gold), "--data", str(tmp_path)], cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    reports = list(tmp_path.glob("evaluation-*/evaluation.json"))
    assert len(reports) == 1, proc.stderr
    result = json.loads(reports[0].read_text(encoding="utf-8"))
    assert result["gold"]["seed"]["total"] > 0
    assert "not evaluated: gold dev" in proc.stderr
