"""The Python API: extract() and load()."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version

from spacy.language import Language

from pipeline.backbone import model_info
from pipeline.engine import Collector, RunOptions, build_nlp, run_documents
from pipeline.ingest import IngestOptions, RawDocument, iter_documents
from pipeline.ingest.normalize import normalize_text
from pipeline.records.export import aggregate_people, to_frame
from pipeline.records.schema import TABLES
from pipeline.result import Result


def package_version() -> str:
    try:
        return version("pressextract")
    except PackageNotFoundError:
        return "0+unknown"


def load(model: str | None = None, *, stages: Iterable[str] | None = None) -> Language:
    """The full pipeline as a spaCy Language: `nlp = pipeline.load(); doc = nlp(text)`."""
    return build_nlp(model, stages=stages)


def _looks_like_path(item: str) -> bool:
    return "\n" not in item and len(item) < 4096 and (item == "-" or os.path.exists(item) or any(c in item for c in "*?["))


def _items(inputs: Iterable[str], ingest: IngestOptions, skipped: list[str]):
    paths, texts = [], []
    for i, item in enumerate(inputs):
        (paths if _looks_like_path(item) else texts).append((i, item))
    for i, text in texts:
        yield RawDocument(source=f"<text {i}>", text=normalize_text(text), kind="txt")
    if paths:
        yield from iter_documents([p for _, p in paths], options=ingest, skipped=skipped)


def extract(texts_or_paths: str | Iterable[str], *, model: str | None = None, workers: int = 1,
            batch_size: int = 32, stages: Iterable[str] | None = None, ingest: IngestOptions | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> Result:
    """Run the pipeline over texts, files, folders or globs and return all tables.

    Example: extract(["corpus/"]).quotes[["speaker", "text"]]
    """
    if isinstance(texts_or_paths, str):
        texts_or_paths = [texts_or_paths]
    options = RunOptions(model=model, workers=workers, batch_size=batch_size,
                         stages=tuple(stages) if stages is not None else None, ingest=ingest or IngestOptions())
    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    skipped: list[str] = []
    timings: dict[str, float] = {}
    nlp = build_nlp(options.model, stages=options.stages)
    collector = Collector()
    items = list(texts_or_paths)
    outcomes = run_documents(_items(items, options.ingest, skipped), options=options, timings=timings,
                             nlp=nlp if workers <= 1 else None)
    for outcome in outcomes:
        collector.add(outcome)
        if on_progress:
            on_progress(collector.ok, collector.failed)
    frames = {t: to_frame(t, collector.tables.get(t, [])) for t in TABLES if t != "people"}
    frames["people"] = to_frame("people", aggregate_people(collector.tables.get("mentions", [])))
    frames = {t: frames[t] for t in TABLES}
    manifest = {
        "package": "pressextract", "version": package_version(), "model": model_info(nlp),
        "inputs": items if len(items) <= 100 else items[:100] + [f"... {len(items) - 100} more"],
        "documents_ok": collector.ok, "documents_failed": collector.failed,
        "skipped_files": skipped, "rows": {t: len(frames[t]) for t in TABLES},
        "seconds_per_stage": {k: round(v, 3) for k, v in sorted(timings.items())},
        "workers": workers, "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - t0, 3),
    }
    return Result(frames, manifest)
