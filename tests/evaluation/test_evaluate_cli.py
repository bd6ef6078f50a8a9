"""`pressextract evaluate` end to end on the rule-only pipeline (fast): report files, summary, --check."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import _register, app
from pipeline.evaluation.report import PARTS, render_markdown

_register()


def test_evaluate_gold_writes_report(tmp_path):
    out = tmp_path / "rep"
    res = CliRunner().invoke(app, ["evaluate", "--only", "gold", "--model", "blank", "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads((out / "evaluation.json").read_text(encoding="utf-8"))
    assert data["parts"] == ["gold"]
    assert data["gold"]["seed"]["line"].startswith("facts: ")
    assert data["gold"]["seed"]["total"] > 0
    md = (out / "evaluation.md").read_text(encoding="utf-8")
    assert "Seed release" in md and "evaluation" in md


def test_evaluate_check_fails_below_floors(tmp_path):
    """The rule-only pipeline without any stage cannot reach the seed floor: --check must exit 1."""
    args = ["evaluate", "--only", "gold", "--model", "blank", "-o", str(tmp_path), "--check", "-q"]
    for stage in ("timexes", "people", "roles", "quotes", "events", "agenda"):
        args += ["--without", stage]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 1, res.output


def test_evaluate_rejects_unknown_part(tmp_path):
    res = CliRunner().invoke(app, ["evaluate", "--only", "gold,bleu", "-o", str(tmp_path)])
    assert res.exit_code == 2


def test_markdown_shows_anchors_beside_ours():
    result = {
        "version": "0",
        "date": "2026-01-01",
        "parts": list(PARTS),
        "seconds": {"total": 1.0},
        "timex": {
            "documents": 22,
            "gold": 2217,
            "strict_p": 90.0,
            "strict_r": 84.0,
            "strict_f": 86.9,
            "lenient_p": 97.9,
            "lenient_r": 90.7,
            "lenient_f": 94.2,
            "value_acc": 86.6,
            "heideltime": {"strict_f": 87.7, "lenient_f": 93.3, "value_acc": 88.5},
        },
        "ner": {
            "germeval_dev": {
                "ents_p": 0.6,
                "ents_r": 0.5,
                "ents_f": 0.55,
                "sentences": 2200,
                "ents_per_type": {"PER": {"f": 0.7}},
            },
            "gsd_test": {"skipped": "no tagger"},
        },
        "quotes": {"skipped": "no data"},
    }
    md = render_markdown(result)
    assert "HeidelTime (published)" in md and "87.7" in md
    assert "de_core_news_lg (anchor)" in md and "0.849" in md and "0.905" in md
    assert "precision-leaning" in md
