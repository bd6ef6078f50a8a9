"""Batch analysis, the part that runs inside a worker: prepare a document, run the pipeline over a batch.

Per-document failures become errors rows with the stage that failed; the batch goes on.
Example: process_batch(nlp, [prepare(raw)], timings) -> [Outcome(source, records={...})]
"""

from __future__ import annotations

import hashlib
import os
import resource
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from pipeline.backbone import load_backbone
from pipeline.ingest import RawDocument
from pipeline.records.build import build_records
from pipeline.records.ids import content_doc_id
from pipeline.records.schema import Error

# Stage order (CONVENTIONS.md): timexes before agenda and events; people before roles and quotes;
# events before agenda, because agenda items link to their event and its date range.
STAGE_ORDER = ("press_timexes", "press_people", "press_roles", "press_quotes", "press_events", "press_agenda")


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


@dataclass(slots=True)
class BatchResult:
    outcomes: list[Outcome]
    timings: dict[str, float]
    worker: str
    peak_rss_mb: float


class DocumentRejected(ValueError):
    """A document refused before analysis (too large); becomes one errors row."""


def error_outcome(source: str, stage: str, message: str, doc_id: str | None = None) -> Outcome:
    return Outcome(source, error=Error(source, stage, message, doc_id), doc_id=doc_id)


def message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


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
            failed[i] = ("tokenizer", message(exc))
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
                    failed[i] = (name, message(exc))
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    outcomes = []
    start = time.perf_counter()
    for i, (p, doc) in enumerate(zip(batch, docs)):
        if i in failed:
            stage, msg = failed[i]
            outcomes.append(error_outcome(p.source, stage, msg, p.doc_id))
            continue
        try:
            records = build_records(doc, doc_id=p.doc_id, source=p.source, sha256=p.sha256, meta=p.meta)
        except Exception as exc:  # noqa: BLE001
            outcomes.append(error_outcome(p.source, "records", message(exc), p.doc_id))
            continue
        outcomes.append(Outcome(p.source, records=records, doc_id=p.doc_id))
    timings["records"] = timings.get("records", 0.0) + time.perf_counter() - start
    return outcomes


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB (ru_maxrss is KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_batch_here(nlp: Language, batch: list[Prepared]) -> BatchResult:
    timings: dict[str, float] = {}
    outcomes = process_batch(nlp, batch, timings)
    return BatchResult(outcomes, timings, f"{os.uname().nodename}:{os.getpid()}", peak_rss_mb())
