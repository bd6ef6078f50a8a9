"""The local engine: ingest -> layout -> backbone -> stages -> records, in batches, on N processes.

Per-document failures become errors rows with the stage that failed; the run goes on.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from spacy.language import Language

from pipeline.backbone import load_backbone
from pipeline.ingest import IngestError, IngestOptions, RawDocument, iter_documents
from pipeline.records.build import build_records
from pipeline.records.ids import content_doc_id
from pipeline.records.schema import Error

# Stage order (CONVENTIONS.md): timexes before agenda and events; people before roles and quotes;
# events before agenda, because agenda items link to their event and its date range.
STAGE_ORDER = ("press_timexes", "press_people", "press_roles", "press_quotes", "press_events", "press_agenda")


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything a run needs to know; the CLI and the Python API both build one."""

    model: str | None = None
    workers: int = 1
    batch_size: int = 32
    stages: tuple[str, ...] | None = None  # None: every registered stage
    ingest: IngestOptions = field(default_factory=IngestOptions)


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


def prepare(raw: RawDocument) -> Prepared:
    """Compose the analysed text: a title from metadata becomes the first block, so offsets cover it.

    Example: title "Fête de la Musique" + body "Am 21. Juni …" -> "Fête de la Musique\\n\\nAm 21. Juni …".
    """
    body, title = raw.text, raw.title
    has_title = False
    if title:
        has_title = True
        if not body.startswith(title):
            body = f"{title}\n\n{body}"
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    name = Path(raw.source.split("!")[-1].split("#")[0]).stem or "stdin"
    doc_id = raw.doc_id or content_doc_id(name, body)
    meta = {"title": title, "published": raw.published, "publisher": raw.publisher, "url": raw.url,
            "has_title": has_title, "kind": raw.kind}
    return Prepared(doc_id=doc_id, source=raw.source, text=body, sha256=sha, meta=meta)


def build_nlp(model: str | None = None, *, stages: Iterable[str] | None = None) -> Language:
    """Backbone + layout + extraction stages, in the documented order."""
    import pipeline.layout  # noqa: F401  (registers press_layout)
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


def process_batch(nlp: Language, batch: list[Prepared], timings: dict[str, float]) -> list[Outcome]:
    """Run the pipeline over a batch; a component that fails on one document fails only that document."""
    docs = []
    for p in batch:
        doc = nlp.make_doc(p.text)
        doc._.press_meta = p.meta
        docs.append(doc)
    failed: dict[int, tuple[str, str]] = {}
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
        except Exception:  # isolate the failing document(s) by running them one at a time
            for i in live:
                try:
                    docs[i] = proc(docs[i])
                except Exception as exc:
                    failed[i] = (name, f"{type(exc).__name__}: {exc}")
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    outcomes = []
    start = time.perf_counter()
    for i, (p, doc) in enumerate(zip(batch, docs)):
        if i in failed:
            stage, msg = failed[i]
            outcomes.append(Outcome(p.source, error=Error(p.source, stage, msg, p.doc_id)))
            continue
        try:
            records = build_records(doc, doc_id=p.doc_id, source=p.source, sha256=p.sha256, meta=p.meta)
        except Exception as exc:
            outcomes.append(Outcome(p.source, error=Error(p.source, "records", f"{type(exc).__name__}: {exc}", p.doc_id)))
            continue
        outcomes.append(Outcome(p.source, records=records))
    timings["records"] = timings.get("records", 0.0) + time.perf_counter() - start
    return outcomes


_WORKER_NLP: Language | None = None


def _worker_init(model: str | None, stages: tuple[str, ...] | None) -> None:
    global _WORKER_NLP
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _WORKER_NLP = build_nlp(model, stages=stages)


def _worker_run(batch: list[Prepared]) -> tuple[list[Outcome], dict[str, float]]:
    timings: dict[str, float] = {}
    assert _WORKER_NLP is not None
    return process_batch(_WORKER_NLP, batch, timings), timings


def _batches(items: Iterable[RawDocument | IngestError], size: int) -> Iterator[list[Prepared] | IngestError]:
    batch: list[Prepared] = []
    for item in items:
        if isinstance(item, IngestError):
            yield item
            continue
        batch.append(prepare(item))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_documents(items: Iterable[RawDocument | IngestError], *, options: RunOptions,
                  timings: dict[str, float], nlp: Language | None = None) -> Iterator[Outcome]:
    """Outcomes in input order. workers > 1 runs batches on a process pool (each loads the model once)."""
    stream = _batches(items, options.batch_size)
    if options.workers <= 1:
        nlp = nlp or build_nlp(options.model, stages=options.stages)
        for item in stream:
            if isinstance(item, IngestError):
                yield Outcome(item.source, error=Error(item.source, item.stage, item.error))
            else:
                yield from process_batch(nlp, item, timings)
        return
    ctx = get_context("spawn")
    with ProcessPoolExecutor(options.workers, mp_context=ctx, initializer=_worker_init,
                             initargs=(options.model, options.stages)) as pool:
        pending: list = []  # futures or ingest errors, in input order
        max_pending = options.workers * 3

        def drain(limit: int) -> Iterator[Outcome]:
            while len(pending) > limit:
                head = pending.pop(0)
                if isinstance(head, IngestError):
                    yield Outcome(head.source, error=Error(head.source, head.stage, head.error))
                    continue
                outcomes, t = head.result()
                for k, v in t.items():
                    timings[k] = timings.get(k, 0.0) + v
                yield from outcomes

        for item in stream:
            pending.append(item if isinstance(item, IngestError) else pool.submit(_worker_run, item))
            yield from drain(max_pending)
        yield from drain(0)


class Collector:
    """Accumulates outcomes into per-table record lists."""

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

    def counts(self) -> Counter:
        return Counter({t: len(rows) for t, rows in self.tables.items() if t != "mentions"})


def ingest(inputs: Iterable[str], *, options: IngestOptions, skipped: list[str] | None = None):
    return iter_documents(list(inputs), options=options, skipped=skipped)
