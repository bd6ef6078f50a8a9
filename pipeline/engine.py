"""Compatibility re-export: the engine lives in `pipeline.engines` (batch, runner, local, distributed, driver).

Example: `from pipeline.engine import build_nlp` still works; new code imports from `pipeline.engines.*`.
"""

from pipeline.engines.batch import (
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
from pipeline.engines.driver import Chunk, Collector, InputChanged, RunStats, Sink, drive, make_runner
from pipeline.engines.runner import Runner, RunOptions

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
