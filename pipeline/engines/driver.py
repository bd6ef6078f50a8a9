"""The driver: input order, chunks and sinks, over any runner.

Outcomes are assembled into fixed-size chunks of the input (chunk k = input items k*C .. k*C+C-1) and
handed to a sink in input order, so tables do not depend on the number of workers, the engine or
interruptions. Example: 1,000 releases, chunk size 256 -> chunks 0..3, each written once, merged in order.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from spacy.language import Language

from pressextract.engines.batch import (
    BatchResult,
    DocumentRejected,
    Outcome,
    Prepared,
    error_outcome,
    message,
    prepare,
)
from pressextract.engines.distributed import DaskRunner
from pressextract.engines.local import InProcessRunner, PoolRunner
from pressextract.engines.rows import encode_outcome
from pressextract.engines.runner import Runner, RunOptions
from pressextract.ingest import IngestError, RawDocument


def make_runner(options: RunOptions, *, nlp: Language | None = None) -> Runner:
    """The runner an options object asks for: dask, a process pool, or this process."""
    if options.engine == "dask":
        return DaskRunner(options)
    if options.engine != "local":
        raise ValueError(f"unknown engine {options.engine!r}; choose 'local' or 'dask'")
    if options.resolved_workers() <= 1:
        return InProcessRunner(options, nlp)
    return PoolRunner(options)


class Sink(Protocol):
    """Receives finished chunks in input order."""

    def commit(self, chunk: Chunk) -> None: ...


@dataclass(slots=True)
class Chunk:
    index: int
    sources: list[str] = field(default_factory=list)
    doc_ids: list[str | None] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)  # content of each input item, checked by --resume
    outcomes: list[Outcome] = field(default_factory=list)


def item_hash(item: RawDocument | IngestError) -> str:
    """A short content hash of one input item (text and metadata, or the error), for --resume.

    Example: an edit inside a finished chunk that keeps the file size and mtime still changes this hash.
    """
    return hashlib.blake2b(repr(item).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


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
    skipping_hashes: list[str] = []

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
            skipping_hashes.append(item_hash(item))
            if len(skipping) == done[index]["inputs"]:
                if skipping != done[index]["sources"] or skipping_hashes != done[index]["hashes"]:
                    changed = next(
                        (
                            s
                            for s, h, s0, h0 in zip(
                                skipping, skipping_hashes, done[index]["sources"], done[index]["hashes"]
                            )
                            if (s, h) != (s0, h0)
                        ),
                        skipping[0],
                    )
                    raise InputChanged(
                        f"input differs from the interrupted run in chunk {index} "
                        f"(at {changed!r}); start again with --overwrite"
                    )
                skipping, skipping_hashes = [], []
                current = Chunk(index + 1)
            continue
        if not current.sources:
            current.index = index
        current.sources.append(item.source)
        current.hashes.append(item_hash(item))
        if isinstance(item, IngestError):
            current.doc_ids.append(None)
            add_outcome(error_outcome(item.source, item.stage, item.error))
        else:
            try:
                p = prepare(item, max_doc_bytes=options.ingest.max_doc_bytes)
            except Exception as exc:  # noqa: BLE001  (a document refused up front is one errors row)
                current.doc_ids.append(None)
                msg = str(exc) if isinstance(exc, DocumentRejected) else message(exc)
                add_outcome(error_outcome(item.source, "ingest", msg))
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
            f"input is shorter than in the interrupted run (chunk {n // size}); start again with --overwrite"
        )
    missing = [i for i in done if i * size >= n]
    if missing:
        raise InputChanged(
            f"input is shorter than in the interrupted run (chunks {missing[:5]} have no "
            "input); start again with --overwrite"
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
        outcome, _ = encode_outcome(outcome)  # the same per-record check as the chunk store
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
        return Counter({t: len(rows) for t, rows in self.tables.items() if t != "person_docs"})
