"""Local runners: the pipeline in this process, or in a pool of spawned worker processes on this machine."""

from __future__ import annotations

import os
import resource
import signal
import time
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from spacy.language import Language

from pressextract.backbone import ModelNotFound, model_info
from pressextract.engines.batch import BatchResult, Prepared, build_nlp, run_batch_here
from pressextract.engines.runner import RunOptions, isolate


class InProcessRunner:
    """One worker: the pipeline runs in this process (no pickling, one model in memory)."""

    workers = 1

    def __init__(self, options: RunOptions, nlp: Language | None = None) -> None:
        self.options = options
        self.nlp = nlp

    def start(self) -> dict:
        if self.nlp is None:
            self.nlp = build_nlp(
                self.options.model, stages=self.options.stages, settings=self.options.settings
            )
        return model_info(self.nlp)

    def submit(self, batch: list[Prepared]) -> object:
        return batch  # run lazily in collect(), so the driver keeps the same shape for every runner

    def collect(self, handle: object, batch: list[Prepared]) -> BatchResult:
        assert self.nlp is not None
        return run_batch_here(self.nlp, batch, budget=self.options.doc_timeout)

    def close(self, *, cancel: bool = False) -> None:
        pass


_WORKER_NLP: Language | None = None
_WORKER_ERROR: str | None = None
_WORKER_BUDGET: float | None = None

# A worker whose document is stuck in compiled code (where the alarm cannot raise) is ended by SIGPROF
# (default action: terminate) after this much CPU time beyond the budgets of its batch.
_HARD_LIMIT_MARGIN_S = 30.0
PR_SET_PDEATHSIG = 1
# Default memory bound of a pool worker: its address space after loading the pipeline plus this much.
# Measured with the bundled model: 540 MiB loaded, batches of 32 Berlin releases peak at 740 MiB RSS
# and run unchanged under a 1,024 MiB limit; one 770 kB release of plain prose needs 3.1 GiB and
# becomes a MemoryError row instead.
DOCUMENT_HEADROOM_MB = 1024


def _die_with_driver(driver_pid: int) -> None:
    """Linux: the kernel sends SIGKILL to this worker when the driver dies, even by SIGKILL."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the driver's close() still ends its workers
        pass
    if os.getppid() != driver_pid:  # the driver died before prctl took effect
        os._exit(1)


def _worker_init(
    model: str | None,
    stages: tuple[str, ...] | None,
    driver_pid: int,
    budget: float | None,
    memory_mb: int | None,
    settings: tuple[tuple[str, str, object], ...] = (),
) -> None:
    global _WORKER_NLP, _WORKER_ERROR, _WORKER_BUDGET
    _die_with_driver(driver_pid)
    # Ctrl-C and SIGTERM go to the whole process group: the driver handles them and ends the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _WORKER_BUDGET = budget
    try:
        _WORKER_NLP = build_nlp(model, stages=stages, settings=settings)
    except Exception as exc:  # noqa: BLE001  (reported by _worker_info, not as a broken pool)
        _WORKER_ERROR = str(exc)
    if memory_mb is None:  # the default: what the loaded pipeline takes, plus the headroom for documents
        loaded = _address_space_mb()
        memory_mb = loaded + DOCUMENT_HEADROOM_MB if loaded else 0
    if memory_mb:  # after loading: a document that needs more raises MemoryError, one errors row
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space_mb() -> int:
    """VmSize of this process in MiB (Linux); 0 when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _worker_info() -> dict:
    if _WORKER_NLP is None:
        raise ModelNotFound(_WORKER_ERROR or "the pipeline could not be built in the worker")
    return model_info(_WORKER_NLP)


def _worker_run(batch: list[Prepared]) -> BatchResult:
    if _WORKER_NLP is None:
        raise ModelNotFound(_WORKER_ERROR or "the pipeline could not be built in the worker")
    if _WORKER_BUDGET:
        signal.setitimer(signal.ITIMER_PROF, _WORKER_BUDGET * len(batch) + _HARD_LIMIT_MARGIN_S)
    try:
        return run_batch_here(_WORKER_NLP, batch, budget=_WORKER_BUDGET)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def _process_state(pid: int) -> str:
    """The state letter of a process (R running, S sleeping, T stopped, ...); "" when unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0].decode()
    except (OSError, IndexError):
        return ""


class PoolRunner:
    """N spawn processes on this machine, each with its own pipeline. A worker that dies (segfault,
    out of memory, over the time budget) costs only the document that killed it: the batch is retried
    one document at a time. A stopped worker (SIGSTOP) or one that does not answer within the time
    budgets of its batch is killed and replaced; workers die with the driver.
    """

    STOPPED_GRACE_S = 3.0  # a worker stopped this long is taken for dead
    POLL_S = 0.5

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.workers = options.resolved_workers()
        self.pool: ProcessPoolExecutor | None = None
        self.load_seconds = 0.0
        self.last_failure = ""

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=get_context("spawn"),
            initializer=_worker_init,
            initargs=(
                self.options.model,
                self.options.stages,
                os.getpid(),
                self.options.doc_timeout,
                self.options.worker_memory_mb,
                self.options.settings,
            ),
        )

    def start(self) -> dict:
        t0 = time.monotonic()
        self.pool = self._new_pool()
        info = self.pool.submit(_worker_info).result()
        self.load_seconds = time.monotonic() - t0
        return info

    def submit(self, batch: list[Prepared]) -> object:
        assert self.pool is not None
        try:
            return self.pool.submit(_worker_run, batch)
        except BrokenProcessPool:
            self._restart()
            return self.pool.submit(_worker_run, batch)

    def _restart(self) -> None:
        self._kill_workers()
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def _worker_pids(self) -> list[int]:
        return list(getattr(self.pool, "_processes", None) or {})

    def _kill_workers(self) -> None:
        for pid in self._worker_pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def _wait(self, future: Future, n_docs: int) -> BatchResult:
        """The batch's result; a stopped or silent worker is killed, which breaks the pool (BrokenProcessPool)."""
        deadline = None
        if self.options.doc_timeout:
            # the worker's own alarm ends a slow document; this catches a worker that cannot answer at all
            grace = _HARD_LIMIT_MARGIN_S + 2 * self.load_seconds + 10
            deadline = time.monotonic() + self.options.doc_timeout * n_docs + grace
        stopped_since: dict[int, float] = {}
        while True:
            done, _ = wait([future], timeout=self.POLL_S)
            if done:
                return future.result()
            now = time.monotonic()
            for pid in self._worker_pids():
                if _process_state(pid) in ("T", "t"):
                    stopped_since.setdefault(pid, now)
                else:
                    stopped_since.pop(pid, None)
            if any(now - t >= self.STOPPED_GRACE_S for t in stopped_since.values()):
                self.last_failure = "a worker process was stopped (SIGSTOP) and was replaced"
                self._kill_workers()
            elif deadline is not None and now > deadline:
                self.last_failure = (
                    f"no answer from the worker within the time budget ({self.options.doc_timeout:g} s a "
                    "document); it was replaced"
                )
                self._kill_workers()

    def collect(self, handle: object, batch: list[Prepared]) -> BatchResult:
        try:
            return self._wait(handle, len(batch))  # type: ignore[arg-type]
        except BrokenProcessPool:
            return isolate(batch, self._run_alone, catch=(BrokenProcessPool,), describe=self._describe)

    def _describe(self, exc: BaseException) -> str:
        why = self.last_failure or "it crashed, ran out of memory or over its CPU time"
        return f"worker process died on this document: {why}"

    def _run_alone(self, p: Prepared) -> BatchResult:
        if self.pool is None or getattr(self.pool, "_broken", False):
            self._restart()
        self.last_failure = ""
        try:
            return self._wait(self.pool.submit(_worker_run, [p]), 1)  # type: ignore[union-attr]
        except BrokenProcessPool:
            self._restart()
            raise

    def close(self, *, cancel: bool = False) -> None:
        if self.pool is not None:
            if cancel:  # do not wait for documents in flight: end the workers now
                self._kill_workers()
            self.pool.shutdown(wait=True, cancel_futures=cancel)
            self.pool = None
