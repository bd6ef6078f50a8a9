"""`pressextract extract INPUT... -o OUT`: run the pipeline over an archive and write the tables.

Rows stream into OUT/.parts chunk by chunk (bounded memory, crash-safe) and are merged into
OUT/<table>.csv|jsonl|parquet at the end; `--resume` continues a killed or interrupted run.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import signal
import sys
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from pipeline.cli import app
from pipeline.ingest import IngestOptions
from pipeline.ingest.readers import _MAGIC, _suffixes, display_path, expand_inputs

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EXIT_CODES_HELP = (
    "Exit codes: 0 all inputs processed; 1 some inputs failed (one row each in OUT/errors.csv); "
    "2 usage or configuration error (bad option, model not found, --resume on other input); "
    "130 interrupted (Ctrl-C/SIGTERM; finished chunks are kept: run again with --resume)."
)


def missing_paths(inputs: list[str]) -> list[str]:
    """Arguments that name nothing: a usage error, never a document holding the path as its text.

    A glob (`*`, `?`, `[`) that matches nothing stays an errors row, like an empty folder would.
    """
    missing = []
    for item in inputs:
        if item == "-" or _MAGIC.search(item):
            continue
        try:
            os.lstat(item)
        except (FileNotFoundError, NotADirectoryError):
            missing.append(item)
        except OSError:  # e.g. inside a folder we may not read: an errors row, like any unreadable input
            pass
    return missing


def _count_lines(fh, budget: int = 1 << 30) -> int | None:  # type: ignore[no-untyped-def]
    """Newlines in a stream, read in 1 MiB chunks (a line is never held whole); None past `budget` bytes."""
    n = read = 0
    while chunk := fh.read(1 << 20):
        n += chunk.count(b"\n")
        read += len(chunk)
        if read > budget:
            return None
    return max(n, 1) if read else 0


def estimate_total(inputs: list[str], options: IngestOptions) -> int | None:
    """Number of documents to expect (JSON Lines are counted line by line), for the ETA."""
    files, errors, _ = expand_inputs(inputs, options=options)
    total = len(errors)
    for name in files:
        if name == "-":
            return None
        compression, suffix = _suffixes(name)
        try:
            if suffix in (".jsonl", ".ndjson"):
                opener = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}.get(compression or "", open)
                with opener(name, "rb") as fh:
                    n = _count_lines(fh)
                if n is None:
                    return None  # too much to count up front: the bar runs without a total
                total += n
            elif suffix == ".zip" and not compression:
                with zipfile.ZipFile(name) as zf:
                    total += sum(1 for i in zf.infolist() if not i.is_dir())
            else:
                total += 1
        except Exception:  # noqa: BLE001  (only an estimate for the progress bar)
            total += 1
    return total


class _StopFlag:
    """First Ctrl-C/SIGTERM: finish the chunks in flight and stop; a second one stops at once."""

    def __init__(self, console: Console, quiet: bool) -> None:
        self.requested = False
        self.console = console
        self.quiet = quiet

    def __call__(self) -> bool:
        return self.requested

    def handle(self, signum: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        if not self.quiet:
            self.console.print(
                "[yellow]stopping: writing the chunks in flight (press Ctrl-C again to stop at once)"
            )


@contextmanager
def _signals(flag: _StopFlag):
    old = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for s in old:
        signal.signal(s, flag.handle)
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _resume_command(argv: list[str]) -> str:
    args = [a for a in argv if a != "--resume"]
    return " ".join(["pressextract", *args, "--resume"])


@app.command(epilog=EXIT_CODES_HELP)
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs or - for stdin.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for the tables.")] = Path("out"),
    model: Annotated[
        str | None,
        typer.Option(
            help="spaCy package name or path; default de_core_news_lg if installed, else the bundled model; 'blank' for rules only."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Worker processes (0 = all cores, the default; 1 = in this process).")
    ] = 0,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch (a task for a worker).")] = 32,
    chunk_size: Annotated[
        int, typer.Option(help="Documents per output chunk: the unit that survives a crash.")
    ] = 512,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Continue an interrupted run in OUT without redoing finished chunks."),
    ] = False,
    engine: Annotated[
        str, typer.Option(help="local (process pool on this machine) or dask (Dask distributed).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); none starts a local cluster."),
    ] = None,
    fmt: Annotated[
        list[str],
        typer.Option(
            "--format", help="Output formats: csv, jsonl, parquet (csv and jsonl are always written)."
        ),
    ] = [],  # noqa: B006
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    id_field: Annotated[str, typer.Option(help="JSON field with the document id.")] = "id",
    text_field: Annotated[str, typer.Option(help="JSON field with the text.")] = "text",
    title_field: Annotated[str, typer.Option(help="JSON field with the title.")] = "title",
    date_field: Annotated[str, typer.Option(help="JSON field with the publication date.")] = "date",
    publisher_field: Annotated[str, typer.Option(help="JSON field with the publisher.")] = "publisher",
    url_field: Annotated[str, typer.Option(help="JSON field with the URL.")] = "url",
    max_doc_bytes: Annotated[
        int,
        typer.Option(
            help="Largest document accepted, in bytes of UTF-8 text (for HTML the text, not the markup); "
            "larger ones become errors rows."
        ),
    ] = 1_000_000,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Read symbolic links that point out of an input folder (default: listed as skipped).",
        ),
    ] = False,
) -> None:
    """Extract documents, events, agenda, people, roles, quotes and timexes into OUT/<table>.csv|jsonl."""
    from pipeline.api import RunInterrupted, extract_to_dir, make_options
    from pipeline.backbone import ModelNotFound
    from pipeline.engine import InputChanged
    from pipeline.engines.store import ResumeError

    err = Console(stderr=True)
    missing = missing_paths(inputs)
    if missing:
        for item in missing:
            err.print(
                f"[red]error:[/red] no such file or folder: {escape(display_path(item))}", soft_wrap=True
            )
        err.print(
            "pressextract extract reads files, folders, globs or - (standard input); "
            "to analyse a text, pipe it: echo '…' | pressextract extract - -o OUT",
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_USAGE)
    formats = ["csv", "jsonl"] + [f for f in fmt if f not in ("csv", "jsonl")]
    for f in formats:
        if f not in ("csv", "jsonl", "parquet"):
            err.print(f"[red]unknown format {f!r}[/red] (choose csv, jsonl, parquet)")
            raise typer.Exit(EXIT_USAGE)
    if engine not in ("local", "dask"):
        err.print(f"[red]unknown engine {engine!r}[/red] (choose local or dask)")
        raise typer.Exit(EXIT_USAGE)
    if batch_size < 1 or chunk_size < 1 or max_doc_bytes < 1 or workers < 0:
        err.print(
            "[red]--batch-size, --chunk-size and --max-doc-bytes must be positive, --workers 0 or more[/red]"
        )
        raise typer.Exit(EXIT_USAGE)
    ingest = IngestOptions(
        id_field=id_field,
        text_field=text_field,
        title_field=title_field,
        date_field=date_field,
        publisher_field=publisher_field,
        url_field=url_field,
        max_doc_bytes=max_doc_bytes,
        follow_symlinks=follow_symlinks,
    )
    options = make_options(
        model=model,
        workers=workers,
        batch_size=batch_size,
        chunk_size=chunk_size,
        ingest=ingest,
        engine=engine,
        scheduler=scheduler,
    )
    show = not quiet and sys.stderr.isatty()
    progress = None
    task = None
    t0 = time.perf_counter()
    if show:
        total = estimate_total(inputs, ingest)
        progress = Progress(
            TextColumn("[bold]extract"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=err,
        )
        task = progress.add_task("extract", total=total, rate=0.0, failed=0)
    start_done = 0

    def on_start(info: dict) -> None:
        nonlocal start_done
        start_done = info["resumed"]["inputs"]
        if info["resumed"]["chunks"] and not quiet:
            err.print(
                f"resuming: {info['resumed']['inputs']} inputs in {info['resumed']['chunks']} chunks already done"
            )
        if progress is not None:
            progress.start()

    def on_progress(ok: int, failed: int) -> None:
        if progress is not None:
            done = ok + failed
            if done % 10 == 0 or done < 10:
                rate = (done - start_done) / max(time.perf_counter() - t0, 1e-6)
                progress.update(task, completed=done, failed=failed, rate=rate)

    flag = _StopFlag(err, quiet)
    try:
        with _signals(flag):
            manifest = extract_to_dir(
                inputs,
                out,
                options=options,
                formats=formats,
                resume=resume,
                on_progress=on_progress,
                on_start=on_start,
                stop=flag,
            )
    except RunInterrupted as exc:
        if progress:
            progress.stop()
        err.print(
            f"[yellow]interrupted:[/yellow] {exc.totals['inputs']} inputs in {exc.totals['chunks']} chunks are "
            f"saved in {out}/.parts. Continue with:\n  {_resume_command(sys.argv[1:])}"
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except (ModelNotFound, ResumeError, InputChanged, ValueError) as exc:
        if progress:
            progress.stop()
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        if progress:
            progress.stop()
    m = manifest
    if not quiet:
        table = Table(
            title=f"pressextract {m['version']} — model {m['model']['name']} {m['model']['version'] or ''}",
            show_header=True,
        )
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name, n in m["rows"].items():
            table.add_row(name, str(n))
        err.print(table)
        err.print(
            f"documents ok {m['documents_ok']}, failed {m['documents_failed']}, "
            f"skipped files {len(m['skipped_files'])}; {m['seconds']:.1f} s; tables in {out}/"
        )
        if m["documents_failed"]:
            err.print(f"[yellow]{m['documents_failed']} input(s) failed: see {out}/errors.csv[/yellow]")
    raise typer.Exit(EXIT_SOME_FAILED if m["documents_failed"] else EXIT_OK)
