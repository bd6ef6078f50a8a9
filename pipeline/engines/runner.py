"""What every runner shares: the run options, the Runner protocol and the one isolation helper.

A runner moves batches to where they run (this process, a process pool, a Dask cluster); the driver
(`engines.driver`) only sees this interface. When a batch fails as a whole (a worker died, a task was
lost), `isolate` runs it again one document at a time, so only the document that kills a worker is lost.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from pressextract.engines.batch import BatchResult, Outcome, Prepared, error_outcome
from pressextract.ingest import IngestOptions


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything a run needs to know; the CLI and the Python API both build one.

    Example: RunOptions(model="blank", workers=2, batch_size=16, chunk_size=256)
    """

    model: str | None = None
    workers: int = 1
    batch_size: int = 32
    chunk_size: int = 512  # documents per output chunk: the unit of crash safety and resume
    stages: tuple[str, ...] | None = None  # None: every registered stage
    ingest: IngestOptions = field(default_factory=IngestOptions)
    engine: str = "local"  # "local" (process pool) or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    doc_timeout: float | None = 300.0  # seconds one document may take in a worker; None: no limit
    worker_memory_mb: int | None = (
        None  # address-space limit of a pool worker; None: loaded size + 1 GiB; 0: none
    )
    # stage settings over the factory defaults: (("press_quotes", "learned_speakers", False),)
    settings: tuple[tuple[str, str, object], ...] = ()

    def resolved_workers(self) -> int:
        """0 or less means all cores: the CLI default."""
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


class Runner(Protocol):
    """Runs batches somewhere; `submit` returns a handle, `collect` its BatchResult (in any order)."""

    workers: int

    def start(self) -> dict: ...  # model info; raises ModelNotFound/ValueError on a bad configuration
    def submit(self, batch: list[Prepared]) -> object: ...
    def collect(self, handle: object, batch: list[Prepared]) -> BatchResult: ...
    def close(self, *, cancel: bool = False) -> None: ...


def isolate(
    batch: list[Prepared],
    run_one: Callable[[Prepared], BatchResult],
    *,
    catch: tuple[type[BaseException], ...],
    describe: Callable[[BaseException], str],
) -> BatchResult:
    """Re-run a batch one document per task; a document whose task fails with `catch` is one errors row.

    Example: a worker killed by the document "pm-17" -> pm-17 gets stage "worker", the other 31 are analysed.
    """
    outcomes: list[Outcome] = []
    timings: dict[str, float] = {}
    worker, rss = "", 0.0
    for p in batch:
        try:
            res = run_one(p)
        except catch as exc:
            outcomes.append(error_outcome(p.source, "worker", describe(exc), p.doc_id))
            continue
        outcomes += res.outcomes
        worker, rss = res.worker, max(rss, res.peak_rss_mb)
        for k, v in res.timings.items():
            timings[k] = timings.get(k, 0.0) + v
    return BatchResult(outcomes, timings, worker, rss)
