"""Local runners: the pipeline in this process, or in a pool of spawned worker processes on this machine."""

from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from spacy.language import Language

from pipeline.backbone import ModelNotFound, model_info
from pipeline.engines.batch import BatchResult, Prepared, build_nlp, run_batch_here
from pipeline.engines.runner import RunOptions, isolate


class InProcessRunner:
    """One worker: the pipeline runs in this process (no pickling, one model in memory)."""

    workers = 1

    def __init__(self, options: RunOptions, nlp: Language | None = None) -> None:
        self.options = options
        self.nlp = nlp

    def start(self) -> dict:
        if self.nlp is None:
            self.nlp = build_nlp(self.options.model, stages=self.options.stages)
        return model_info(self.nlp)

    def submit(self, batch: list[Prepared]) -> object:
        return batch  # run lazily in collect(), so the driver keeps the same shape for every runner

    def collect(self, handle: object, batch: list[Prepared]) -> BatchResult:
        assert self.nlp is not None
        return run_batch_here(self.nlp, batch)

    def close(self, *, cancel: bool = False) -> None:
        pass


_WORKER_NLP: Language | None = None
_WORKER_ERROR: str | None = None


def _worker_init(model: str | None, stages: tuple[str, ...] | None) -> None:
    global _WORKER_NLP, _WORKER_ERROR
    # Ctrl-C goes to the whole process group: the driver handles it, workers just finish or get cancelled
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        _WORKER_NLP = build_nlp(model, stages=stages)
    except Exception as exc:  # noqa: BLE001  (reported by _worker_info, not as a broken pool)
        _WORKER_ERROR = str(exc)


def _worker_info() -> dict:
    if _WORKER_NLP is None:
        raise ModelNotFound(_WORKER_ERROR or "the pipeline could not be built in the worker")
    return model_info(_WORKER_NLP)


def _worker_run(batch: list[Prepared]) -> BatchResult:
    if _WORKER_NLP is None:
        raise ModelNotFound(_WORKER_ERROR or "the pipeline could not be built in the worker")
    return run_batch_here(_WORKER_NLP, batch)


class PoolRunner:
    """N spawn processes on this machine, each with its own pipeline. A worker that dies (segfault,
    out of memory) costs only the document that killed it: the batch is retried one document at a time.
    """

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.workers = options.resolved_workers()
        self.pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=get_context("spawn"),
            initializer=_worker_init,
            initargs=(self.options.model, self.options.stages),
        )

    def start(self) -> dict:
        self.pool = self._new_pool()
        return self.pool.submit(_worker_info).result()

    def submit(self, batch: list[Prepared]) -> object:
        assert self.pool is not None
        try:
            return self.pool.submit(_worker_run, batch)
        except BrokenProcessPool:
            self._restart()
            return self.pool.submit(_worker_run, batch)

    def _restart(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def collect(self, handle: object, batch: list[Prepared]) -> BatchResult:
        try:
            return handle.result()  # type: ignore[attr-defined]
        except BrokenProcessPool:
            return isolate(
                batch,
                self._run_alone,
                catch=(BrokenProcessPool,),
                describe=lambda exc: f"worker process died on this document ({exc})",
            )

    def _run_alone(self, p: Prepared) -> BatchResult:
        if self.pool is None or getattr(self.pool, "_broken", False):
            self._restart()
        try:
            return self.pool.submit(_worker_run, [p]).result()  # type: ignore[union-attr]
        except BrokenProcessPool:
            self._restart()
            raise

    def close(self, *, cancel: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=not cancel, cancel_futures=cancel)
            self.pool = None
