"""`pressextract extract INPUT... -o OUT`: run the pipeline over an archive and write the tables.

Rows stream into OUT/.parts chunk by chunk (bounded memory, crash-safe) and are merged into
OUT/<table>.csv|jsonl|parquet at the end; `--resume` continues a killed or interrupted run.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import shlex
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

from pressextract.cli import app
from pressextract.ingest import IngestOptions
from pressextract.ingest.readers import _MAGIC, _suffixes, display_path, expand_inputs

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EXIT_CODES_HELP = (
    "Exit codes: 0 all inputs processed; 1 some inputs failed (one row each in OUT/errors.csv); "
    "2 usage or configuration error (bad option, model not found, --resume on other input, OUT holds "
    "another run or is in use by one); "
    "3 the output folder cannot be written (no space, read-only, no permission, -o names a file; "
    "finished chunks are kept: run again with --resume); "
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
    """Ctrl-C/SIGTERM stop the run at once: finished chunks are on disk already, the rest is redone by --resume.

    The first signal raises KeyboardInterrupt (also inside a long document); a second one during the
    clean-up ends the process without waiting (the chunk store is consistent at every instant).
    """

    def __init__(self) -> None:
        self.requested = False

    def handle(self, signum: int, frame: object) -> None:
        if self.requested:
            os._exit(EXIT_INTERRUPTED)
        self.requested = True
        raise KeyboardInterrupt


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


def _command(argv: list[str], flag: str) -> str:
    """The command line of this run with --resume or --overwrite (one line, quoted for a POSIX shell)."""
    args = [a for a in argv if a not in ("--resume", "--overwrite")]
    return shlex.join(["pressextract", *args, flag])


def _saved_line(totals: dict, out: Path) -> str:
    """Exactly which inputs are on disk after an interruption, and how many analysed ones are not."""
    saved, unsaved = totals.get("inputs", 0), max(0, totals.get("analysed", 0) - totals.get("inputs", 0))
    if saved:
        where = f"inputs 1–{saved} (in {totals['chunks']} chunks, the last one {totals.get('last_saved')!s})"
    else:
        where = "no input yet (no chunk was finished)"
    line = f"interrupted: saved in {out}/.parts: {where}."
    if unsaved:
        line += f" {unsaved} more input(s) were analysed but not saved; --resume analyses them again."
    return line


def _formats(given: list[str], *, csv_safe: bool, err: Console) -> list[str]:
    """--format csv,parquet (or repeated) -> the formats to write; csv-safe in place of csv with --csv-safe."""
    from pressextract.records.export import CSV_SAFE, FORMATS

    formats = list(dict.fromkeys(f.strip().lower() for g in given for f in g.split(",") if f.strip()))
    formats = formats or ["csv", "jsonl"]
    for f in formats:
        if f not in FORMATS:
            err.print(f"[red]unknown format {f!r}[/red] (choose any of csv, jsonl, parquet, comma-separated)")
            raise typer.Exit(EXIT_USAGE)
    if csv_safe:
        if "csv" not in formats:
            err.print("[red]--csv-safe needs csv among the formats[/red] (e.g. --format csv,parquet)")
            raise typer.Exit(EXIT_USAGE)
        formats = [CSV_SAFE if f == "csv" else f for f in formats]
    return formats


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
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help="Replace the run (interrupted or finished) that OUT holds."),
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
            "--format",
            metavar="LIST",
            help="Output formats, comma-separated: any of csv, jsonl, parquet (default csv,jsonl).",
        ),
    ] = [],  # noqa: B006
    csv_safe: Annotated[
        bool,
        typer.Option(
            "--csv-safe",
            help="In CSV, prefix cells starting with = + - @ with ' so spreadsheets do not run them as formulas.",
        ),
    ] = False,
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
    doc_timeout: Annotated[
        float,
        typer.Option(
            help="Seconds one document may take in the analysis; a slower one becomes an errors row "
            "naming the stage (0 = no limit)."
        ),
    ] = 300.0,
    worker_memory: Annotated[
        int | None,
        typer.Option(
            help="Memory limit of each worker process in MiB (address space, --workers 2 or more); a "
            "document that needs more becomes an errors row. Default: the worker's size after loading "
            "the model + 1024 (about 1.5 GiB with the bundled model); 0 = no limit.",
            show_default=False,
        ),
    ] = None,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Read symbolic links that point out of an input folder (default: listed as skipped).",
        ),
    ] = False,
    no_learned_quotes: Annotated[
        bool,
        typer.Option(
            "--no-learned-quotes",
            help="Quote speakers by the rules alone, without the learned ranking (its weights are trained "
            "on WIKINEWS, CC BY-NC-SA 4.0).",
        ),
    ] = False,
) -> None:
    """Extract documents, events, agenda, people, roles, quotes and timexes into OUT/<table>.csv|jsonl."""
    from pressextract.api import RunInterrupted, extract_to_dir, make_options
    from pressextract.backbone import ModelNotFound
    from pressextract.engines.driver import InputChanged
    from pressextract.engines.store import OutputError, OutputLocked, ResumeError, RunExists
    from pressextract.stages.quotes import QUOTES_RULES_ONLY

    # soft_wrap: lines are never cut at the terminal (or at 80 columns when stderr is a file or a pipe)
    err = Console(stderr=True, soft_wrap=True)
    missing = missing_paths(inputs)
    if missing:
        for item in missing:
            err.print(f"[red]error:[/red] no such file or folder: {escape(display_path(item))}")
        err.print(
            "pressextract extract reads files, folders, globs or - (standard input); "
            "to analyse a text, pipe it: echo '…' | pressextract extract - -o OUT"
        )
        raise typer.Exit(EXIT_USAGE)
    formats = _formats(fmt, csv_safe=csv_safe, err=err)
    if engine not in ("local", "dask"):
        err.print(f"[red]unknown engine {engine!r}[/red] (choose local or dask)")
        raise typer.Exit(EXIT_USAGE)
    if resume and overwrite:
        err.print("[red]--resume and --overwrite exclude each other[/red]")
        raise typer.Exit(EXIT_USAGE)
    if (
        batch_size < 1
        or chunk_size < 1
        or max_doc_bytes < 1
        or workers < 0
        or doc_timeout < 0
        or (worker_memory or 0) < 0
    ):
        err.print(
            "[red]--batch-size, --chunk-size and --max-doc-bytes must be positive; --workers, --doc-timeout "
            "and --worker-memory 0 or more[/red]"
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
        doc_timeout=doc_timeout,
        worker_memory_mb=worker_memory,
        settings=QUOTES_RULES_ONLY if no_learned_quotes else (),
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
        if info.get("redo") and not quiet:
            err.print(
                f"[yellow]resume:[/yellow] chunk(s) {info['redo']} were incomplete in {escape(str(out))}/.parts "
                "and are analysed again"
            )
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

    flag = _StopFlag()
    argv = sys.argv[1:]
    try:
        with _signals(flag):
            manifest = extract_to_dir(
                inputs,
                out,
                options=options,
                formats=formats,
                resume=resume,
                overwrite=overwrite,
                on_progress=on_progress,
                on_start=on_start,
            )
    except RunInterrupted as exc:
        if progress:
            progress.stop()
        err.print(_saved_line(exc.totals, out), markup=False, highlight=False)
        err.print("Continue with:", markup=False)
        err.print(f"  {_command(argv, '--resume')}", markup=False, highlight=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except KeyboardInterrupt:  # before the run began (reading the input list, opening OUT)
        if progress:
            progress.stop()
        err.print("interrupted before the run began: nothing new was saved.", markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except RunExists as exc:
        if progress:
            progress.stop()
        err.print(f"[red]error:[/red] {escape(str(exc))}; nothing was changed.")
        if exc.state == "interrupted":
            err.print("Continue it with:", markup=False)
            err.print(f"  {_command(argv, '--resume')}", markup=False, highlight=False)
        err.print("Start over (deletes it) with:", markup=False)
        err.print(f"  {_command(argv, '--overwrite')}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    except OutputError as exc:
        if progress:
            progress.stop()
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        err.print(
            "Finished chunks are kept; when the folder can be written again, continue with:", markup=False
        )
        err.print(f"  {_command(argv, '--resume')}", markup=False, highlight=False)
        raise typer.Exit(EXIT_ENVIRONMENT) from None
    except (ModelNotFound, ResumeError, InputChanged, OutputLocked, ValueError) as exc:
        if progress:
            progress.stop()
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        if progress:
            progress.stop()
    m = manifest
    if not quiet:
        model_name = f"{m['model']['name']} {m['model']['version'] or ''}".strip()
        err.print(f"[bold]pressextract {m['version']}[/bold] — model {escape(model_name)}")
        table = Table(show_header=True)
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name, n in m["rows"].items():
            table.add_row(name, str(n))
        err.print(table)
        err.print(
            f"documents ok {m['documents_ok']}, failed {m['documents_failed']}, "
            f"skipped files {len(m['skipped_files'])}; {m['seconds']:.1f} s; tables in {escape(str(out))}/"
        )
        skipped = m["skipped_files"]
        for name in skipped[:10]:
            err.print(f"  skipped: {name}", markup=False, highlight=False)
        if len(skipped) > 10:
            err.print(f"  … and {len(skipped) - 10} more skipped files: see {out}/run.json", markup=False)
        if m["documents_failed"]:
            err.print(
                f"[yellow]{m['documents_failed']} input(s) failed: see {escape(str(out))}/errors.csv[/yellow]"
            )
    raise typer.Exit(EXIT_SOME_FAILED if m["documents_failed"] else EXIT_OK)
