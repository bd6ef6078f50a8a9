"""Compatibility re-export: the engine lives in `pressextract.engines` (batch, runner, local, distributed, driver).

Example: `from pressextract.engine import build_nlp` still works; new code imports from `pressextract.engines.*`.
"""

from pressextract.engines.batch import (
    STAGE_ORDER,
    BatchResult,
    DocumentRejected,
    Outcome,
    Prepared,
    build_nlp,
    peak_rss_mb,
    prepare,
    process_batch,
    run_batch_here,
)
from pressextract.engines.driver import Chunk, Collector, InputChanged, RunStats, Sink, drive, make_runner
from pressextract.engines.runner import Runner, RunOptions

__all__ = [
    "STAGE_ORDER",
    "BatchResult",
    "Chunk",
    "Collector",
    "DocumentRejected",
    "InputChanged",
    "Outcome",
    "Prepared",
    "RunOptions",
    "RunStats",
    "Runner",
    "Sink",
    "build_nlp",
    "drive",
    "make_runner",
    "peak_rss_mb",
    "prepare",
    "process_batch",
    "run_batch_here",
]
