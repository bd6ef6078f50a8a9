"""`pressextract show RELEASE [--id DOC] [-o FILE.html]`: a review page of one release (HTML to stdout
without -o). RELEASE is a release file, an archive (with --id), or an extraction output folder, whose
tables are read back instead of analysing again.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import json
import lzma
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from pressextract.cli import app

EXIT_USAGE = 2
OUTPUT_TABLES = ("documents", "quotes", "roles", "agenda", "events", "timexes", "people", "errors")
# ids the run makes up for records without one ("seed-3f2a9c1b04") or for repeats of an id ("X-2")
_GENERATED_ID = re.compile(r"-[0-9a-f]{10}(?:-\d+)?$")
_REPEAT_ID = re.compile(r"^(?P<base>.+)-\d+$")


class ShowError(Exception):
    """What `show` cannot do, said in one line (exit 2)."""


def _is_output_dir(path: Path) -> bool:
    return path.is_dir() and any((path / f"documents.{fmt}").is_file() for fmt in ("jsonl", "parquet", "csv"))


def _open_compressed(path: str):
    from pressextract.ingest.readers import _suffixes

    compression, _ = _suffixes(path)
    opener = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}.get(compression or "", open)
    return opener(path, "rb")


def _scan_jsonl(path: str, doc_id: str, options) -> tuple[object | None, bool]:
    """The first record whose own id is `doc_id`, stopping there; only lines containing the id are parsed.

    Returns (RawDocument or IngestError or None, whether the id could still be one the run generates).
    Example: the last of 50,000 releases in releases.jsonl.xz in ~2 s instead of a minute.
    """
    from pressextract.ingest.readers import _record

    repeat = _REPEAT_ID.match(doc_id)
    base = repeat.group("base") if repeat else None
    # the id as UTF-8 and as JSON escapes it; for a repeat ("X-2") also the base "X" as a JSON string
    needles = {doc_id.encode("utf-8", "surrogatepass"), json.dumps(doc_id)[1:-1].encode("ascii")}
    if base is not None:
        needles |= {json.dumps(base, ensure_ascii=a).encode("utf-8", "surrogatepass") for a in (True, False)}
        if base.isdigit():  # a numeric id is written without quotes
            needles.add(base.encode("ascii"))
    base_seen = False
    with _open_compressed(path) as fh:
        head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
        if head in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 JSON Lines: the byte search cannot see the ids
            return None, True
        for lineno, raw in enumerate(fh, 1):
            if not any(n in raw for n in needles):
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                continue
            if not isinstance(obj, dict):
                continue
            own = obj.get(options.id_field)
            own = str(own) if own not in (None, "") else None
            if own == doc_id:
                return _record(obj, f"{path}#{own}", options=options), False  # the first record of this id
            if base is not None and own == base:
                base_seen = True
    return None, base_seen or bool(_GENERATED_ID.search(doc_id))


def find_release(release: str, doc_id: str | None, options=None) -> tuple[object, str | None]:
    """The document to show and a notice for the reader (None, or why this one of several).

    With --id on a JSON Lines archive the scan stops at the first match; without --id the first
    document is shown and a notice says that there are more.
    """
    from pressextract.ingest import DocIds, IngestError, IngestOptions, RawDocument, iter_documents
    from pressextract.ingest.readers import _suffixes

    options = options or IngestOptions()
    if doc_id is not None and Path(release).is_file() and _suffixes(release)[1] in (".jsonl", ".ndjson"):
        found, maybe_generated = _scan_jsonl(release, doc_id, options)
        if isinstance(found, RawDocument):
            DocIds().assign(found)
            return found, None
        if isinstance(found, IngestError):
            raise ShowError(f"{found.source}: {found.error}")
        if not maybe_generated:
            raise ShowError(f"no release {doc_id!r} in {release}")
    items: Iterator = iter_documents([release], options=options)
    chosen = None
    for item in items:
        if isinstance(item, IngestError):
            if doc_id is None or item.source.endswith(f"#{doc_id}"):
                raise ShowError(f"{item.source}: {item.error}")
            continue
        if doc_id is None or item.doc_id == doc_id:
            chosen = item
            break
    if chosen is None:
        raise ShowError(f"no release {doc_id!r} in {release}" if doc_id else f"no release in {release}")
    notice = None
    if doc_id is None:
        more = next((i for i in items if isinstance(i, RawDocument)), None)
        if more is not None:
            notice = (
                f"{release} holds more than one release; showing the first ({chosen.doc_id}). "
                f"Choose one with --id DOC_ID (e.g. --id {more.doc_id})."
            )
    return chosen, notice


def analyse_one(release: str, *, model: str | None, doc_id: str | None):
    """Process one release (a file, or one record of a JSON/JSONL archive) -> (Doc, records, notice)."""
    from pressextract.engine import build_nlp, prepare
    from pressextract.records.build import build_records

    chosen, notice = find_release(release, doc_id)
    prepared = prepare(chosen)
    nlp = build_nlp(model)
    doc = nlp.make_doc(prepared.text)
    doc._.press_meta = prepared.meta
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    records = build_records(
        doc, doc_id=prepared.doc_id, source=prepared.source, sha256=prepared.sha256, meta=prepared.meta
    )
    return doc, records, notice


def _csv_value(value: str) -> object:
    return None if value == "" else value


def _table_rows(folder: Path, table: str, key: str, wanted: set[str] | None) -> Iterator[dict]:
    """Rows of OUT/<table>.* whose `key` is in `wanted` (all rows when None): JSONL, else Parquet, else CSV."""
    jsonl, parquet, csv_file = (folder / f"{table}.{fmt}" for fmt in ("jsonl", "parquet", "csv"))
    if jsonl.is_file():
        needles = (
            [json.dumps(w, ensure_ascii=False).encode("utf-8", "surrogatepass") for w in wanted]
            if wanted is not None
            else None
        )
        with jsonl.open("rb") as fh:
            for raw in fh:
                if needles is not None and not any(n in raw for n in needles):
                    continue
                row = json.loads(raw)
                if wanted is None or row.get(key) in wanted:
                    yield row
    elif parquet.is_file():
        import pyarrow.parquet as pq

        filters = [(key, "in", sorted(wanted))] if wanted is not None else None
        yield from pq.read_table(parquet, filters=filters).to_pylist()
    elif csv_file.is_file():
        with csv_file.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if wanted is None or row.get(key) in wanted:
                    yield {k: _csv_value(v) for k, v in row.items()}


def records_from_output(folder: Path, doc_id: str | None) -> tuple[dict[str, list], str | None]:
    """The rows of one document read back from an extraction output folder (no analysis)."""
    notice = None
    if doc_id is None:
        first_two = []
        for row in _table_rows(folder, "documents", "doc_id", None):
            first_two.append(row)
            if len(first_two) == 2:
                break
        if not first_two:
            raise ShowError(f"no documents in {folder}")
        doc_id = str(first_two[0]["doc_id"])
        if len(first_two) > 1:
            notice = (
                f"{folder} holds more than one document; showing the first ({doc_id}). "
                f"Choose one with --id DOC_ID (e.g. --id {first_two[1]['doc_id']})."
            )
    wanted = {doc_id}
    documents = list(_table_rows(folder, "documents", "doc_id", wanted))[:1]
    if not documents:
        failed = list(_table_rows(folder, "errors", "doc_id", wanted))
        if failed:
            raise ShowError(
                f"{doc_id} failed in this run ({failed[0].get('stage')}: {failed[0].get('error')})"
            )
        raise ShowError(f"no document {doc_id!r} in {folder}")
    records: dict[str, list] = {"documents": documents}
    for table in ("quotes", "roles", "agenda", "events", "timexes"):
        records[table] = list(_table_rows(folder, table, "doc_id", wanted))
    pids: dict[str, None] = {}
    for row in records["quotes"] + records["roles"]:
        if row.get("person_id"):
            pids[row["person_id"]] = None
    for row in records["agenda"]:
        participants = row.get("participants") or []
        if isinstance(participants, str):
            participants = [p for p in participants.split("; ") if p]
        pids.update(dict.fromkeys(participants))
    by_id = {p["person_id"]: p for p in _table_rows(folder, "people", "person_id", set(pids))} if pids else {}
    records["people"] = [by_id[p] for p in pids if p in by_id]
    return records, notice


def _read_back_note(folder: Path) -> str:
    return (
        f"Rows read back from {folder} (no new analysis). Person mentions are not part of the output "
        "tables: names are highlighted where they are quote speakers."
    )


@app.command()
def show(
    release: Annotated[
        str,
        typer.Argument(
            help="A release file (.txt/.html/.json), an archive (with --id), or an extraction output folder."
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write the HTML page here (default: stdout).")
    ] = None,
    doc_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Which record of an archive or output folder to show (default: the first)."
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy package name or path (default as for extract).")
    ] = None,
) -> None:
    """Render one release with its extracted rows next to it, highlighted in place, for checking by eye.

    Exit codes: 0 page written; 2 no such release or id, or the release could not be read.
    """
    from pressextract.render import person_spans_of, render_page

    try:
        if _is_output_dir(Path(release)):
            records, notice = records_from_output(Path(release), doc_id)
            note = _read_back_note(Path(release))
            page = render_page(records, notice=f"{notice} {note}" if notice else note)
        else:
            doc, records, notice = analyse_one(release, model=model, doc_id=doc_id)
            page = render_page(records, person_spans=person_spans_of(doc), notice=notice)
    except ShowError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    if notice:
        typer.echo(f"notice: {notice}", err=True)
    if out is None:
        sys.stdout.write(page)
    else:
        out.write_text(page, encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)
