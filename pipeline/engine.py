"""The engine: ingest -> layout -> backbone -> stages -> records, in batches, on N processes or a Dask cluster.

Per-document failures become errors rows with the stage that failed; the run goes on. Outcomes are
assembled into fixed-size chunks of the input (chunk k = input items k*C .. k*C+C-1) and handed to a
sink in input order, so tables do not depend on the number of workers, the engine or interruptions.
Example: 1,000 releases, chunk size 256 -> chunks 0..3, each written once, merged in order at the end.
"""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol

from spacy.language import Language

from pipeline.backbone import ModelNotFound, load_backbone, model_info
from pipeline.ingest import IngestError, IngestOptions, RawDocument, iter_documents
from pipeline.records.build import build_records
from pipeline.records.ids import content_doc_id
from pipeline.records.schema import Error

# Stage order (CONVENTIONS.md): timexes before agenda and events; people before roles and quotes;
# events before agenda, because agenda items link to their event and its date range.
STAGE_ORDER = ("press_timexes", "press_people", "press_roles", "press_quotes", "press_events", "press_agenda")


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

    def resolved_workers(self) -> int:
        """0 or less means all cores: the CLI default."""
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


@dataclass(slots=True)
class Prepared:
    doc_id: str
    source: str
    text: str
    sha256: str
    meta: dict


@dataclass(slots=True)
class Outcome:
    """What one document gave: its records, or the error that stopped it."""

    source: str
    records: dict[str, list] | None = None
    error: Error | None = None
    doc_id: str | None = None


class DocumentRejected(ValueError):
    """A document refused before analysis (too large); becomes one errors row."""


def prepare(raw: RawDocument, *, max_doc_bytes: int | None = None) -> Prepared:
    """Compose the analysed text: a title from metadata becomes the first block, so offsets cover it.

    Example: title "Fête de la Musique" + body "Am 21. Juni …" -> "Fête de la Musique\\n\\nAm 21. Juni …".
    """
    body, title = raw.text, raw.title
    has_title = False
    if title:
        has_title = True
        if not body.startswith(title):
            body = f"{title}\n\n{body}"
    encoded = body.encode("utf-8", "surrogatepass")
    if max_doc_bytes is not None and len(encoded) > max_doc_bytes:
        raise DocumentRejected(
            f"document too large: {len(encoded)} bytes, more than --max-doc-bytes={max_doc_bytes}"
        )
    sha = hashlib.sha256(encoded).hexdigest()
    name = Path(raw.source.split("!")[-1].split("#")[0]).stem or "stdin"
    doc_id = raw.doc_id or content_doc_id(name, body)
    meta = {
        "title": title,
        "published": raw.published,
        "publisher": raw.publisher,
        "url": raw.url,
        "has_title": has_title,
        "kind": raw.kind,
    }
    return Prepared(doc_id=doc_id, source=raw.source, text=body, sha256=sha, meta=meta)


def build_nlp(model: str | None = None, *, stages: Iterable[str] | None = None) -> Language:
    """Backbone + layout + extraction stages, in the documented order."""
    import pipeline.layout
    import pipeline.stages  # noqa: F401  (registers the stage factories)

    nlp = load_backbone(model)
    nlp.add_pipe("press_layout", first=True)
    wanted = set(stages) if stages is not None else None
    for name in STAGE_ORDER:
        if (wanted is None or name in wanted) and Language.has_factory(name):
            nlp.add_pipe(name)
    if wanted:
        missing = wanted - set(nlp.pipe_names)
        if missing:
            raise ValueError(f"unknown stage(s) {sorted(missing)}; available: {list(STAGE_ORDER)}")
    return nlp


def _message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def process_batch(nlp: Language, batch: list[Prepared], timings: dict[str, float]) -> list[Outcome]:
    """Run the pipeline over a batch; a component that fails on one document fails only that document."""
    docs: list = []
    failed: dict[int, tuple[str, str]] = {}
    start = time.perf_counter()
    for i, p in enumerate(batch):
        try:  # E088 (text longer than nlp.max_length) and tokenizer failures stay with their document
            doc = nlp.make_doc(p.text)
            doc._.press_meta = p.meta
        except Exception as exc:  # noqa: BLE001  (any failure is this document's errors row)
            failed[i] = ("tokenizer", _message(exc))
            doc = None
        docs.append(doc)
    timings["tokenizer"] = timings.get("tokenizer", 0.0) + time.perf_counter() - start
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        live = [i for i in range(len(docs)) if i not in failed]
        try:
            if hasattr(proc, "pipe"):
                results = list(proc.pipe([docs[i] for i in live]))
            else:
                results = [proc(docs[i]) for i in live]
            for i, doc in zip(live, results):
                docs[i] = doc
        except Exception:  # noqa: BLE001  (isolate the failing document(s) by running them one at a time)
            for i in live:
                try:
                    docs[i] = proc(docs[i])
                except Exception as exc:  # noqa: BLE001
                    failed[i] = (name, _message(exc))
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    outcomes = []
    start = time.perf_counter()
    for i, (p, doc) in enumerate(zip(batch, docs)):
        if i in failed:
            stage, msg = failed[i]
            outcomes.append(Outcome(p.source, error=Error(p.source, stage, msg, p.doc_id), doc_id=p.doc_id))
            continue
        try:
            records = build_records(doc, doc_id=p.doc_id, source=p.source, sha256=p.sha256, meta=p.meta)
        except Exception as exc:  # noqa: BLE001
            outcomes.append(
                Outcome(p.source, error=Error(p.source, "records", _message(exc), p.doc_id), doc_id=p.doc_id)
            )
            continue
        outcomes.append(Outcome(p.source, records=records, doc_id=p.doc_id))
    timings["records"] = timings.get("records", 0.0) + time.perf_counter() - start
    return outcomes


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB (ru_maxrss is KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# --- runners: where batches run --------------------------------------------------------------


@dataclass(slots=True)
class BatchResult:
    outcomes: list[Outcome]
    timings: dict[str, float]
    worker: str
    peak_rss_mb: float


class Runner(Protocol):
    """Runs batches somewhere; `submit` returns a handle, `collect` its BatchResult (in any order)."""

    workers: int

    def start(self) -> dict: ...  # model info; raises ModelNotFound/ValueError on a bad configuration
    def submit(self, batch: list[Prepared]) -> object: ...
    def collect(self, handle: object, batch: list[Prepared]) -> BatchResult: ...
    def close(self, *, cancel: bool = False) -> None: ...


def run_batch_here(nlp: Language, batch: list[Prepared]) -> BatchResult:
    timings: dict[str, float] = {}
    outcomes = process_batch(nlp, batch, timings)
    return BatchResult(outcomes, timings, f"{os.uname().nodename}:{os.getpid()}", peak_rss_mb())


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
            return self._isolate(batch)

    def _isolate(self, batch: list[Prepared]) -> BatchResult:
        """Re-run a batch whose worker died, one document per task, to find the document that kills it."""
        outcomes: list[Outcome] = []
        timings: dict[str, float] = {}
        worker, rss = "", 0.0
        for p in batch:
            if self.pool is None or getattr(self.pool, "_broken", False):
                self._restart()
            try:
                res = self.pool.submit(_worker_run, [p]).result()  # type: ignore[union-attr]
            except BrokenProcessPool as exc:
                self._restart()
                outcomes.append(
                    Outcome(
                        p.source,
                        error=Error(
                            p.source, "worker", f"worker process died on this document ({exc})", p.doc_id
                        ),
                        doc_id=p.doc_id,
                    )
                )
                continue
            outcomes += res.outcomes
            worker, rss = res.worker, max(rss, res.peak_rss_mb)
            for k, v in res.timings.items():
                timings[k] = timings.get(k, 0.0) + v
        return BatchResult(outcomes, timings, worker, rss)

    def close(self, *, cancel: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=not cancel, cancel_futures=cancel)
            self.pool = None


def make_runner(options: RunOptions, *, nlp: Language | None = None) -> Runner:
    """The runner an options object asks for: dask, a process pool, or this process."""
    if options.engine == "dask":
        from pipeline.engines.distributed import DaskRunner

        return DaskRunner(options)
    if options.engine != "local":
        raise ValueError(f"unknown engine {options.engine!r}; choose 'local' or 'dask'")
    if options.resolved_workers() <= 1:
        return InProcessRunner(options, nlp)
    return PoolRunner(options)


# --- the driver: input order, chunks, sinks --------------------------------------------------


class Sink(Protocol):
    """Receives finished chunks in input order."""

    def commit(self, chunk: Chunk) -> None: ...


@dataclass(slots=True)
class Chunk:
    index: int
    sources: list[str] = field(default_factory=list)
    doc_ids: list[str | None] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)


class InputChanged(RuntimeError):
    """Resume found input that differs from the interrupted run's."""


@dataclass(slots=True)
class RunStats:
    ok: int = 0
    failed: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)

    def add_batch(self, res: BatchResult) -> None:
        for k, v in res.timings.items():
            self.timings[k] = self.timings.get(k, 0.0) + v
        if res.worker:
            self.worker_peak_rss_mb[res.worker] = max(
                self.worker_peak_rss_mb.get(res.worker, 0.0), res.peak_rss_mb
            )


def _error_outcome(source: str, stage: str, message: str, doc_id: str | None = None) -> Outcome:
    return Outcome(source, error=Error(source, stage, message, doc_id), doc_id=doc_id)


def drive(
    items: Iterable[RawDocument | IngestError],
    *,
    runner: Runner,
    options: RunOptions,
    sink: Sink,
    stats: RunStats,
    done_chunks: list[dict] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> bool:
    """Stream items through the runner; hand every finished chunk to the sink, in input order.

    Returns False when `stop()` turned true: the chunks in flight are finished and written, the
    partly read chunk is dropped (a resumed run reads it again), so chunk boundaries never move.

    `done_chunks` (from a resumed run) lists chunks already written: their items are read again only to
    check that the input is the same; nothing of them is analysed.
    """
    size = max(1, options.chunk_size)
    batch_size = max(1, options.batch_size)
    done = {c["index"]: c for c in done_chunks or []}
    max_inflight = max(2, runner.workers * 2)
    max_queue = max_inflight + 4 * batch_size  # error rows queue up too: bound them as well
    queue: deque = deque()  # ("outcomes", [..]) | ("batch", handle, batch) | ("end", Chunk)
    inflight = 0
    current = Chunk(0)
    batch: list[Prepared] = []
    skipping: list[str] = []

    def flush_batch() -> None:
        nonlocal batch, inflight
        if batch:
            queue.append(("batch", runner.submit(batch), batch))
            inflight += 1
            batch = []

    def drain(limit: int) -> None:
        nonlocal inflight, current
        while queue and (inflight > limit or len(queue) > max_queue):
            entry = queue.popleft()
            if entry[0] == "outcomes":
                outs = entry[1]
            elif entry[0] == "batch":
                res = runner.collect(entry[1], entry[2])
                inflight -= 1
                stats.add_batch(res)
                outs = res.outcomes
            else:
                sink.commit(entry[1])
                continue
            chunk = _open_chunk()
            chunk.outcomes.extend(outs)
            for o in outs:
                if o.error is None:
                    stats.ok += 1
                else:
                    stats.failed += 1
                if on_outcome:
                    on_outcome(o)

    # chunks travel through the queue with their outcomes: the chunk being filled is the first "end" entry
    def _open_chunk() -> Chunk:
        for entry in queue:
            if entry[0] == "end":
                return entry[1]
        return current

    def end_chunk() -> None:
        nonlocal current
        flush_batch()
        queue.append(("end", current))
        current = Chunk(current.index + 1)
        drain(max_inflight)

    def add_outcome(outcome: Outcome) -> None:
        flush_batch()  # keep input order: earlier documents go out before this error row
        queue.append(("outcomes", [outcome]))
        drain(max_inflight)

    n = 0
    for item in items:
        if stop is not None and stop():
            drain(-1)  # outcomes of the unfinished chunk land in `current`, which is never committed
            return False
        index = n // size
        n += 1
        if index in done:  # already written by the interrupted run: check, do not analyse
            skipping.append(item.source)
            if len(skipping) == done[index]["inputs"]:
                if skipping != done[index]["sources"]:
                    raise InputChanged(
                        f"input differs from the interrupted run in chunk {index} "
                        f"(near {skipping[0]!r}); start again without --resume"
                    )
                skipping = []
                current = Chunk(index + 1)
            continue
        if not current.sources:
            current.index = index
        current.sources.append(item.source)
        if isinstance(item, IngestError):
            current.doc_ids.append(None)
            add_outcome(_error_outcome(item.source, item.stage, item.error))
        else:
            try:
                p = prepare(item, max_doc_bytes=options.ingest.max_doc_bytes)
            except Exception as exc:  # noqa: BLE001  (a document refused up front is one errors row)
                current.doc_ids.append(None)
                msg = str(exc) if isinstance(exc, DocumentRejected) else _message(exc)
                add_outcome(_error_outcome(item.source, "ingest", msg))
            else:
                current.doc_ids.append(p.doc_id)
                batch.append(p)
                if len(batch) >= batch_size:
                    flush_batch()
                    drain(max_inflight)
        if len(current.sources) == size:
            end_chunk()
    if skipping:
        raise InputChanged(
            f"input is shorter than in the interrupted run (chunk {n // size}); start again without --resume"
        )
    missing = [i for i in done if i * size >= n]
    if missing:
        raise InputChanged(
            f"input is shorter than in the interrupted run (chunks {missing[:5]} have no "
            "input); start again without --resume"
        )
    if current.sources:
        end_chunk()
    drain(-1)
    return True


# --- in-memory sink (the Python API) ---------------------------------------------------------


class Collector:
    """Accumulates outcomes into per-table record lists (the Python API keeps everything in memory)."""

    def __init__(self) -> None:
        self.tables: dict[str, list] = defaultdict(list)
        self.ok = 0
        self.failed = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            self.failed += 1
            self.tables["errors"].append(outcome.error)
            return
        self.ok += 1
        for table, rows in (outcome.records or {}).items():
            self.tables[table].extend(rows)

    def commit(self, chunk: Chunk) -> None:
        for outcome in chunk.outcomes:
            self.add(outcome)

    def counts(self) -> Counter:
        return Counter({t: len(rows) for t, rows in self.tables.items() if t != "mentions"})


def run_documents(
    items: Iterable[RawDocument | IngestError],
    *,
    options: RunOptions,
    timings: dict[str, float],
    nlp: Language | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order (a convenience over `drive` for callers that want a plain iterator)."""
    stats = RunStats(timings=timings)
    runner = make_runner(options, nlp=nlp)
    runner.start()
    try:
        outs: list[Outcome] = []

        class _List:
            def commit(self, chunk: Chunk) -> None:
                outs.extend(chunk.outcomes)

        drive(items, runner=runner, options=options, sink=_List(), stats=stats)
    finally:
        runner.close()
    yield from outs


def ingest(inputs: Iterable[str], *, options: IngestOptions, skipped: list[str] | None = None):
    return iter_documents(list(inputs), options=options, skipped=skipped)
