"""The Python API: extract() (tables in memory), extract_to_dir() (streaming, resumable) and load()."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from spacy.language import Language

from pressextract.backbone import resolve_model
from pressextract.engines.batch import Outcome, build_nlp, peak_rss_mb
from pressextract.engines.driver import Chunk, Collector, RunStats, drive, make_runner
from pressextract.engines.runner import RunOptions
from pressextract.ingest import DocIds, IngestError, IngestOptions, RawDocument, iter_documents
from pressextract.ingest.normalize import normalize_text
from pressextract.ingest.readers import clean_text, display_path, expand_inputs
from pressextract.records.export import aggregate_offices, aggregate_people, to_frame
from pressextract.records.schema import PERSON_DOCS, TABLES
from pressextract.result import Result


class RunInterrupted(RuntimeError):
    """The run stopped on Ctrl-C/SIGTERM; finished chunks are saved and `--resume` continues."""

    def __init__(self, totals: dict) -> None:
        super().__init__(
            f"interrupted after {totals.get('inputs', 0)} inputs in {totals.get('chunks', 0)} chunks"
        )
        self.totals = totals


def package_version() -> str:
    try:
        return version("pressextract")
    except PackageNotFoundError:
        return "0+unknown"


def load(model: str | None = None, *, stages: Iterable[str] | None = None) -> Language:
    """The full pipeline as a spaCy Language: `nlp = pressextract.load(); doc = nlp(text)`."""
    return build_nlp(model, stages=stages)


# A single line ending like an input file ("archiv/pm-2018.jsonl.xz", "corpus/") is a path even when it
# does not exist, so a mistyped path becomes a "no such file" errors row, not a document holding the path.
_PATH_SUFFIX = re.compile(
    r"(?:\.(?:txt|text|html?|xhtml|json|jsonl|ndjson|zip)(?:\.(?:gz|xz|bz2))?|[/\\])$", re.IGNORECASE
)


def _looks_like_path(item: str) -> bool:
    return (
        "\n" not in item
        and len(item) < 4096
        and (
            item == "-"
            or os.path.exists(item)
            or any(c in item for c in "*?[")
            or bool(_PATH_SUFFIX.search(item))
        )
    )


def _items(
    inputs: list[str], ingest: IngestOptions, skipped: list[str]
) -> Iterator[RawDocument | IngestError]:
    """Texts and paths in the order given (a text is one document; a path may hold many)."""
    doc_ids = DocIds()  # one per run: the same id from two inputs stays distinguishable
    for i, item in enumerate(inputs):
        if _looks_like_path(item):
            yield from iter_documents([item], options=ingest, skipped=skipped, doc_ids=doc_ids)
        else:
            doc = RawDocument(source=f"<text {i}>", text=normalize_text(clean_text(item)), kind="txt")
            doc_ids.assign(doc)
            yield doc


def make_options(
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 32,
    chunk_size: int = 512,
    stages: Iterable[str] | None = None,
    ingest: IngestOptions | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    doc_timeout: float | None = 300.0,
    worker_memory_mb: int | None = None,
    settings: Iterable[tuple[str, str, object]] = (),
) -> RunOptions:
    return RunOptions(
        model=model,
        workers=workers,
        batch_size=batch_size,
        chunk_size=chunk_size,
        stages=tuple(stages) if stages is not None else None,
        ingest=ingest or IngestOptions(),
        engine=engine,
        scheduler=scheduler,
        doc_timeout=doc_timeout or None,
        worker_memory_mb=worker_memory_mb,
        settings=tuple(settings),
    )


def _manifest(
    *,
    inputs: list[str],
    info: dict,
    ok: int,
    failed: int,
    skipped: list[str],
    rows: dict[str, int],
    stats: RunStats,
    options: RunOptions,
    started: dt.datetime,
    seconds: float,
) -> dict:
    return {
        "package": "pressextract",
        "version": package_version(),
        "model": info,
        "inputs": inputs if len(inputs) <= 100 else inputs[:100] + [f"... {len(inputs) - 100} more"],
        "input_count": ok + failed,
        "documents_ok": ok,
        "documents_failed": failed,
        "skipped_files": skipped,
        "rows": rows,
        "seconds_per_stage": {k: round(v, 3) for k, v in sorted(stats.timings.items())},
        "engine": options.engine,
        "workers": options.resolved_workers(),
        "batch_size": options.batch_size,
        "chunk_size": options.chunk_size,
        "doc_timeout_s": options.doc_timeout,
        "worker_memory_mb": options.worker_memory_mb,
        "peak_rss_mb": {"driver": peak_rss_mb(), "workers": sorted(stats.worker_peak_rss_mb.values())},
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
    }


def extract(
    texts_or_paths: str | Iterable[str],
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 32,
    stages: Iterable[str] | None = None,
    ingest: IngestOptions | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = 512,
) -> Result:
    """Run the pipeline over texts, files, folders or globs and return all tables (held in memory).

    Example: extract(["corpus/"]).quotes[["speaker", "text"]]
    For archives larger than memory use extract_to_dir(), which streams to disk and can resume.
    """
    if isinstance(texts_or_paths, str):
        texts_or_paths = [texts_or_paths]
    items = list(texts_or_paths)
    options = make_options(
        model=model,
        workers=workers,
        batch_size=batch_size,
        chunk_size=chunk_size,
        stages=stages,
        ingest=ingest,
        engine=engine,
        scheduler=scheduler,
    )
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    skipped: list[str] = []
    stats = RunStats()
    collector = Collector()

    def progress(_: Outcome) -> None:
        if on_progress:
            on_progress(stats.ok, stats.failed)

    runner = make_runner(options)
    try:
        info = runner.start()
        drive(
            _items(items, options.ingest, skipped),
            runner=runner,
            options=options,
            sink=collector,
            stats=stats,
            on_outcome=progress,
        )
    except BaseException:
        runner.close(cancel=True)
        raise
    runner.close()
    frames = {t: to_frame(t, collector.tables.get(t, [])) for t in TABLES if t not in ("people", "offices")}
    people = aggregate_people(collector.tables.get(PERSON_DOCS, []))
    frames["people"] = to_frame("people", people)
    offices = aggregate_offices(
        collector.tables.get("documents", []), collector.tables.get("roles", []), people
    )
    frames["offices"] = to_frame("offices", offices)
    frames = {t: frames[t] for t in TABLES}
    manifest = _manifest(
        inputs=items,
        info=info,
        ok=collector.ok,
        failed=collector.failed,
        skipped=skipped,
        rows={t: len(frames[t]) for t in TABLES},
        stats=stats,
        options=options,
        started=started,
        seconds=time.perf_counter() - t0,
    )
    return Result(frames, manifest)


def fingerprint(inputs: list[str], options: RunOptions) -> dict:
    """What must not change between an interrupted run and its --resume (files by size and mtime)."""
    files = []
    paths = [i for i in inputs if _looks_like_path(i)]
    expanded, _, _ = expand_inputs(paths, options=options.ingest)
    for name in expanded:
        try:
            st = os.stat(name)
            files.append([display_path(name), st.st_size, st.st_mtime_ns])
        except OSError:
            files.append([display_path(name), None, None])
    texts = [
        hashlib.sha256(i.encode("utf-8", "surrogatepass")).hexdigest()
        for i in inputs
        if not _looks_like_path(i)
    ]
    return {
        "inputs": [display_path(i) for i in inputs],  # JSON-writable: no lone surrogates
        "files": files,
        "texts": texts,
        "model": resolve_model(options.model),
        "stages": list(options.stages) if options.stages is not None else None,
        "ingest": json.loads(json.dumps(asdict(options.ingest))),
        "version": package_version(),
    }


def extract_to_dir(
    inputs: list[str],
    out_dir: str | Path,
    *,
    options: RunOptions,
    formats: Iterable[str] = ("csv", "jsonl"),
    resume: bool = False,
    overwrite: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    on_start: Callable[[dict], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> dict:
    """Stream a run into OUT/.parts chunk by chunk, then merge into OUT/<table>.*; returns the run manifest.

    Memory stays bounded by the batches in flight, not the archive. With resume=True a run that was
    killed or interrupted continues after its last finished chunk; a folder that holds an earlier run
    is replaced only with overwrite=True (else RunExists). Raises RunInterrupted on Ctrl-C (or when
    `stop()` turns true), OutputLocked when another run writes to OUT, OutputError when OUT cannot be
    written (no space, read-only, no permission, a file).
    Example: extract_to_dir(["releases.jsonl.xz"], "out/", options=RunOptions(workers=2), resume=True)
    """
    from pressextract.engines.store import ChunkStore, OutputError, OutputLock, output_errors

    out = Path(out_dir)
    formats = list(dict.fromkeys(formats))
    if resume and "-" in inputs:
        raise ValueError("standard input cannot be resumed: give files")
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write to {out}: -o names a file, not a folder")
    with output_errors(out):
        out.mkdir(parents=True, exist_ok=True)
    with OutputLock(out):
        store = ChunkStore(out, fingerprint=fingerprint(inputs, options))
        done = store.begin(resume=resume, chunk_size=options.chunk_size, overwrite=overwrite)
        options = replace(options, chunk_size=store.chunk_size)
        before = store.totals()
        stats = RunStats(timings=dict(store.progress.get("timings", {})))
        stats.ok, stats.failed = before["ok"], before["failed"]
        skipped: list[str] = []
        last_saved: list[str] = [done[-1]["sources"][-1]] if done else []

        class _Sink:
            def commit(self, chunk: Chunk) -> None:
                store.set_timings(stats.timings)
                store.commit(chunk)
                if chunk.sources:
                    last_saved[:] = [chunk.sources[-1]]

        def progress(_: Outcome) -> None:
            if on_progress:
                on_progress(stats.ok, stats.failed)

        def interrupted() -> RunInterrupted:
            totals = store.totals()
            return RunInterrupted(
                {
                    **totals,
                    "analysed": stats.ok + stats.failed,
                    "last_saved": last_saved[0] if last_saved else None,
                }
            )

        runner = make_runner(options)
        try:
            info = runner.start()
            if on_start:
                on_start({"resumed": before, "model": info, "redo": list(store.redo)})
            complete = drive(
                _items(inputs, options.ingest, skipped),
                runner=runner,
                options=options,
                sink=_Sink(),
                stats=stats,
                done_chunks=done,
                on_outcome=progress,
                stop=stop,
            )
        except KeyboardInterrupt:
            runner.close(cancel=True)
            raise interrupted() from None
        except BaseException:
            runner.close(cancel=True)
            raise
        runner.close()
        if not complete:
            raise interrupted()
        try:  # every chunk is saved: an interruption now leaves only the merge for --resume
            rows = store.merge(formats=formats)
            totals = store.totals()
            manifest = _manifest(
                inputs=list(inputs),
                info=info,
                ok=totals["ok"],
                failed=totals["failed"],
                skipped=skipped,
                rows=rows,
                stats=stats,
                options=options,
                started=started,
                seconds=time.perf_counter() - t0,
            )
            store.publish(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        except KeyboardInterrupt:
            raise interrupted() from None
    return manifest
