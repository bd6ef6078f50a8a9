"""`pressextract extract INPUT... -o OUT`: run the pipeline over an archive and write the tables."""

from __future__ import annotations

import lzma
import gzip
import bz2
import os
import sys
import time
import zipfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from pipeline.cli import app
from pipeline.ingest import IngestOptions
from pipeline.ingest.readers import expand_inputs, _suffixes

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


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
                    total += sum(1 for line in fh if line.strip())
            elif suffix == ".zip" and not compression:
                with zipfile.ZipFile(name) as zf:
                    total += sum(1 for i in zf.infolist() if not i.is_dir())
            else:
                total += 1
        except Exception:
            total += 1
    return total


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs or - for stdin.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for the tables.")] = Path("out"),
    model: Annotated[str | None, typer.Option(help="spaCy package name or path; default de_core_news_lg if installed, else the bundled model; 'blank' for rules only.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (default: 1; 0 = all cores).")] = 1,
    batch_size: Annotated[int, typer.Option(help="Documents per batch.")] = 32,
    fmt: Annotated[list[str], typer.Option("--format", help="Output formats: csv, jsonl, parquet (csv and jsonl are always written).")] = [],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    id_field: Annotated[str, typer.Option(help="JSON field with the document id.")] = "id",
    text_field: Annotated[str, typer.Option(help="JSON field with the text.")] = "text",
    title_field: Annotated[str, typer.Option(help="JSON field with the title.")] = "title",
    date_field: Annotated[str, typer.Option(help="JSON field with the publication date.")] = "date",
    publisher_field: Annotated[str, typer.Option(help="JSON field with the publisher.")] = "publisher",
    url_field: Annotated[str, typer.Option(help="JSON field with the URL.")] = "url",
    max_doc_bytes: Annotated[int, typer.Option(help="Largest document accepted, in bytes.")] = 10_000_000,
) -> None:
    """Extract documents, events, agenda, people, roles, quotes and timexes into OUT/<table>.csv|jsonl."""
    from pipeline.api import extract as run_extract
    from pipeline.backbone import ModelNotFound

    err = Console(stderr=True)
    formats = ["csv", "jsonl"] + [f for f in fmt if f not in ("csv", "jsonl")]
    for f in formats:
        if f not in ("csv", "jsonl", "parquet"):
            err.print(f"[red]unknown format {f!r}[/red] (choose csv, jsonl, parquet)")
            raise typer.Exit(EXIT_USAGE)
    ingest = IngestOptions(id_field=id_field, text_field=text_field, title_field=title_field, date_field=date_field,
                           publisher_field=publisher_field, url_field=url_field, max_doc_bytes=max_doc_bytes)
    workers = workers if workers > 0 else (os.cpu_count() or 1)
    show = not quiet and sys.stderr.isatty()
    progress = None
    task = None
    if show:
        total = estimate_total(inputs, ingest)
        progress = Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("{task.fields[failed]} failed"),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err)
        task = progress.add_task("extract", total=total, rate=0.0, failed=0)
        progress.start()
    t0 = time.perf_counter()

    def on_progress(ok: int, failed: int) -> None:
        if progress is not None:
            done = ok + failed
            if done % 10 == 0 or done < 10:
                progress.update(task, completed=done, failed=failed, rate=done / max(time.perf_counter() - t0, 1e-6))

    try:
        result = run_extract(inputs, model=model, workers=workers, batch_size=batch_size, ingest=ingest,
                             on_progress=on_progress)
    except ModelNotFound as exc:
        if progress:
            progress.stop()
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE)
    finally:
        if progress:
            progress.stop()
    result.write(out, formats=formats)
    m = result.manifest
    if not quiet:
        table = Table(title=f"pressextract {m['version']} — model {m['model']['name']} {m['model']['version'] or ''}",
                      show_header=True)
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name, n in m["rows"].items():
            table.add_row(name, str(n))
        err.print(table)
        err.print(f"documents ok {m['documents_ok']}, failed {m['documents_failed']}, "
                  f"skipped files {len(m['skipped_files'])}; {m['seconds']:.1f} s; tables in {out}/")
        if m["documents_failed"]:
            err.print(f"[yellow]{m['documents_failed']} input(s) failed: see {out}/errors.csv[/yellow]")
    raise typer.Exit(EXIT_SOME_FAILED if m["documents_failed"] else EXIT_OK)
