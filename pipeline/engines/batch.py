"""Batch analysis, the part that runs inside a worker: prepare a document, run the pipeline over a batch.

Per-document failures become errors rows with the stage that failed; the batch goes on.
Example: process_batch(nlp, [prepare(raw)], timings) -> [Outcome(source, records={...})]
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pressextract.backbone import load_backbone
from pressextract.ingest import RawDocument
from pressextract.records.build import build_records
from pressextract.records.ids import content_doc_id
from pressextract.records.schema import Error

MAX_TOKEN_CHARS = 1000  # longer tokens are cut (URLs and compound words stay far below)

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


def build_nlp(
    model: str | None = None,
    *,
    stages: Iterable[str] | None = None,
    settings: Iterable[tuple[str, str, object]] = (),
) -> Language:
    """Backbone + layout + extraction stages, in the documented order.

    `settings`: (stage, setting, value) over the factory defaults, e.g. ("press_quotes", "learned_speakers", False).
    """
    import pressextract.layout
    import pressextract.stages  # noqa: F401  (registers the stage factories)

    nlp = load_backbone(model)
    nlp.add_pipe("press_layout", first=True)
    wanted = set(stages) if stages is not None else None
    config: dict[str, dict] = {}
    for stage, key, value in settings:
        config.setdefault(stage, {})[key] = value
    for name in STAGE_ORDER:
        if (wanted is None or name in wanted) and Language.has_factory(name):
            nlp.add_pipe(name, config=config.get(name, {}))
    if wanted:
        missing = wanted - set(nlp.pipe_names)
        if missing:
            raise ValueError(f"unknown stage(s) {sorted(missing)}; available: {list(STAGE_ORDER)}")
    return nlp


class TimeBudgetExceeded(BaseException):
    """Raised by the worker's alarm inside a document over its time budget.

    A BaseException, so that stage code catching Exception cannot swallow it.
    """


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise TimeBudgetExceeded in this (main) thread after `seconds`; no budget off the main thread.

    Example: with time_budget(300): nlp.get_pipe("press_quotes")(doc)  # a quadratic document stops at 300 s
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise TimeBudgetExceeded

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def split_long_tokens(doc: Doc, limit: int) -> Doc:
    """The same text with every token longer than `limit` characters cut into pieces of `limit`.

    The text and all character offsets stay the same; only the token count grows. A 900,000-character
    token otherwise costs the statistical model 1.6 GB (character features of one enormous string).
    Example: limit 5, "Senat xxxxxxxxxxxx." -> tokens "Senat", "xxxxx", "xxxxx", "xx", "."
    """
    if not re.search(rf"\S{{{limit + 1},}}|\s{{{limit + 1},}}", doc.text) or all(
        len(t) <= limit for t in doc
    ):
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    for t in doc:
        text = t.text
        pieces = [text[k : k + limit] for k in range(0, len(text), limit)] if len(text) > limit else [text]
        words += pieces
        spaces += [False] * (len(pieces) - 1) + [bool(t.whitespace_)]
    return Doc(doc.vocab, words=words, spaces=spaces)


def _over_budget(budget: float, stage: str) -> str:
    return f"time budget exceeded: more than {budget:g} s on this document in stage {stage} (--doc-timeout)"


def process_batch(
    nlp: Language,
    batch: list[Prepared],
    timings: dict[str, float],
    *,
    budget: float | None = None,
    max_token_chars: int | None = MAX_TOKEN_CHARS,
) -> list[Outcome]:
    """Run the pipeline over a batch; a component that fails on one document fails only that document.

    With `budget` (seconds), a document that spends more than that in the components run for it alone,
    or makes a batched component overrun the budgets of its batch together, stops with an errors row
    naming the stage; the rest of the batch goes on. Tokens longer than `max_token_chars` are cut
    into pieces of that length before the statistical model sees them (see split_long_tokens).
    """
    docs: list = []
    failed: dict[int, tuple[str, str]] = {}
    spent = [0.0] * len(batch)
    start = time.perf_counter()
    for i, p in enumerate(batch):
        t = time.perf_counter()
        try:  # E088 (text longer than nlp.max_length) and tokenizer failures stay with their document
            with time_budget(budget):
                doc = nlp.make_doc(p.text)
                if max_token_chars:
                    doc = split_long_tokens(doc, max_token_chars)
            doc._.press_meta = p.meta
        except TimeBudgetExceeded:
            failed[i] = ("tokenizer", _over_budget(budget or 0, "tokenizer"))
            doc = None
        except Exception as exc:  # noqa: BLE001  (any failure is this document's errors row)
            failed[i] = ("tokenizer", message(exc))
            doc = None
        spent[i] += time.perf_counter() - t
        docs.append(doc)
    timings["tokenizer"] = timings.get("tokenizer", 0.0) + time.perf_counter() - start

    def one_by_one(name: str, proc, live: list[int]) -> None:
        for i in live:
            t = time.perf_counter()
            try:
                with time_budget(budget - spent[i] if budget else None):
                    docs[i] = proc(docs[i])
            except TimeBudgetExceeded:
                failed[i] = (name, _over_budget(budget or 0, name))
            except Exception as exc:  # noqa: BLE001
                failed[i] = (name, message(exc))
            spent[i] += time.perf_counter() - t

    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        live = [i for i in range(len(docs)) if i not in failed]
        if hasattr(proc, "pipe"):
            try:
                with time_budget(sum(budget - spent[i] for i in live) if budget else None):
                    results = list(proc.pipe([docs[i] for i in live]))
                for i, doc in zip(live, results):
                    docs[i] = doc
            except (Exception, TimeBudgetExceeded):  # noqa: BLE001  (find the failing document(s) one at a time)
                one_by_one(name, proc, live)
        else:
            one_by_one(name, proc, live)
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


def run_batch_here(nlp: Language, batch: list[Prepared], *, budget: float | None = None) -> BatchResult:
    """Analyse a batch in this process; the result names this worker and its peak memory."""
    timings: dict[str, float] = {}
    outcomes = process_batch(nlp, batch, timings, budget=budget)
    return BatchResult(outcomes, timings, f"{os.uname().nodename}:{os.getpid()}", peak_rss_mb())
