"""`pressextract show RELEASE [-o FILE.html]`: a review page of one release (HTML to stdout without -o)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli import app


def analyse_one(release: str, *, model: str | None, doc_id: str | None):
    """Process one release (a file, or one record of a JSON/JSONL archive) -> (Doc, records)."""
    from pipeline.engine import build_nlp, prepare
    from pipeline.ingest import IngestError, iter_documents
    from pipeline.records.build import build_records

    chosen = None
    for item in iter_documents([release]):
        if isinstance(item, IngestError):
            if doc_id is None or item.source.endswith(f"#{doc_id}"):
                raise typer.BadParameter(f"{item.source}: {item.error}")
            continue
        if doc_id is None or item.doc_id == doc_id:
            chosen = item
            break
    if chosen is None:
        raise typer.BadParameter(
            f"no release {doc_id!r} in {release}" if doc_id else f"no release in {release}"
        )
    prepared = prepare(chosen)
    nlp = build_nlp(model)
    doc = nlp.make_doc(prepared.text)
    doc._.press_meta = prepared.meta
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    records = build_records(
        doc, doc_id=prepared.doc_id, source=prepared.source, sha256=prepared.sha256, meta=prepared.meta
    )
    return doc, records


@app.command()
def show(
    release: Annotated[
        str, typer.Argument(help="A release file (.txt/.html/.json), or an archive with --id.")
    ],
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write the HTML page here (default: stdout).")
    ] = None,
    doc_id: Annotated[
        str | None, typer.Option("--id", help="Which record of a JSON/JSONL archive to show.")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy package name or path (default as for extract).")
    ] = None,
) -> None:
    """Render one release with people, roles, quotes, timexes and agenda highlighted, for checking by eye."""
    from pipeline.render import render_page

    doc, records = analyse_one(release, model=model, doc_id=doc_id)
    page = render_page(doc, records)
    if out is None:
        sys.stdout.write(page)
    else:
        out.write_text(page, encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)
