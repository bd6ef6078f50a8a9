"""CI quality gate: the pipeline on the seed release and the dev gold releases must not fall below the
floors in tests/quality_floors.json.

The seed gate never skips (its text and gold are in the repository) and needs every fact. The dev floors
need the Berlin corpus under ../shared/data and skip with a reason where it is absent. The pipeline runs
once per session, with the bundled model when it is there, else the rule-only `blank` pipeline.
Floors come from `pressextract evaluate` minus a small margin; raise them when quality improves.
"""

from __future__ import annotations

import copy

import pytest

from pressextract.evaluation.floors import FLOORS_FILE, check_floors, gold_scores, load_floors
from pressextract.evaluation.report import DATA_DIR, load_gold, run_gold, score_gold

PRESS = DATA_DIR / "press" / "releases.jsonl.xz"
OTHER = DATA_DIR / "press-other" / "releases.jsonl.xz"


def _model() -> str:
    from pressextract.backbone import bundled_path

    path = bundled_path()
    return str(path) if path is not None else "blank"


@pytest.fixture(scope="session")
def gold_run():
    """(seed tables, dev tables or None, seed gold, dev gold): the pipeline runs here once."""
    from pressextract.engine import build_nlp

    nlp = build_nlp(_model())
    seed_gold, dev = load_gold()
    have = PRESS.exists() and OTHER.exists()
    seed_tables, dev_tables = run_gold(nlp, dev=dev, data_dir=DATA_DIR if have else None)
    return seed_tables, dev_tables, seed_gold, dev


@pytest.fixture(scope="session")
def floors() -> dict[str, float]:
    return load_floors(FLOORS_FILE)


def test_floors_file_is_sane(floors):
    assert floors.get("seed.facts") == 1.0, "the seed gate is all-or-nothing"
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_seed_release_all_facts(gold_run):
    seed_tables, _, seed_gold, _ = gold_run
    result = score_gold(seed_tables, seed_gold, None, [])
    missed = "\n".join(result["seed"]["misses"])
    assert result["seed"]["hit"] == result["seed"]["total"], f"{result['seed']['line']}; missed:\n{missed}"


@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_gold_floors(gold_run, floors, split):
    """Dev and holdout each keep their floors (the holdout's come from its first measurement minus a margin)."""
    seed_tables, dev_tables, seed_gold, dev = gold_run
    if dev_tables is None:
        pytest.skip(f"{PRESS} or {OTHER} (…/shared/data) not available: {split} gold floors not checked")
    scores = gold_scores(score_gold(seed_tables, seed_gold, dev_tables, dev))
    assert any(k.startswith(f"{split}.") for k in floors), f"no {split} floors in the floors file"
    failures = check_floors(scores, floors, prefix=f"{split}.")
    assert not failures, f"below the {split} quality floors:\n" + "\n".join(failures)


@pytest.mark.parametrize("table", ["quotes", "roles", "agenda", "people", "timexes", "events"])
def test_gate_detects_regression(gold_run, floors, table):
    """Emptying one stage's output (a broken extractor) must fail the gate on that table's floors."""
    seed_tables, dev_tables, seed_gold, dev = gold_run
    broken_seed = copy.deepcopy(seed_tables)
    broken_seed[table] = []
    seed_failures = check_floors(
        gold_scores(score_gold(broken_seed, seed_gold, None, [])), floors, prefix="seed."
    )
    assert seed_failures, f"the seed gate did not notice an empty {table} table"
    if dev_tables is None:
        return
    broken_dev = copy.deepcopy(dev_tables)
    for tables in broken_dev.values():
        tables[table] = []
        if table == "people":
            tables["person_docs"] = []
    failures = check_floors(
        gold_scores(score_gold(seed_tables, seed_gold, broken_dev, dev)), floors, prefix="dev."
    )
    assert any(f.startswith((f"dev.{table}.", f"dev.facts.{table}")) for f in failures), failures


def test_wikinews_quote_floors(floors):
    """Direct and indirect quotes on the WIKINEWS dev split must stay above their floors."""
    from pressextract.evaluation.floors import quote_scores
    from pressextract.evaluation.quotes_wikinews import DATA_DIR as QUOTES_DIR
    from pressextract.evaluation.quotes_wikinews import evaluate_quotes, quote_nlp

    if not (QUOTES_DIR / "dev.jsonl.xz").exists():
        pytest.skip(f"{QUOTES_DIR} (…/shared/data) not available: WIKINEWS quote floors not checked")
    if _model() == "blank":
        pytest.skip("the WIKINEWS floors are set for the bundled model, which is not installed here")
    result = evaluate_quotes(QUOTES_DIR, nlp=quote_nlp(_model()), split="dev")
    failures = check_floors(quote_scores(result), floors, prefix="wikinews.")
    assert not failures, "below the WIKINEWS quote floors:\n" + "\n".join(failures)


def test_wikinews_floors_notice_a_lost_quote_kind(floors):
    result = {"direct": {"overlap": {"p": 0.0, "r": 0.0, "f": 0.0}, "speaker_acc": None}, "indirect": {}}
    from pressextract.evaluation.floors import quote_scores

    failures = check_floors(quote_scores(result), floors, prefix="wikinews.")
    assert any(f.startswith("wikinews.direct.f") for f in failures)
    assert any(f.startswith("wikinews.indirect.f") for f in failures)
