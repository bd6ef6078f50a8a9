"""Evaluation against gold data and external benchmarks.

gold.py      fact count (agrees with shared/tools/score_gold.py) and per-table P/R/F on corpus/gold/
report.py    `pressextract evaluate`: gold + WIKINEWS quotes + WikiWarsDE + held-out backbone scores
floors.py    named scores and the CI quality floors (tests/quality_floors.json)
quotes_wikinews.py, wikiwars.py   the external benchmarks (imported by report.py when present)
"""

from pressextract.evaluation.gold import load_tables, score_facts, score_prf

__all__ = ["load_tables", "score_facts", "score_prf"]
