"""`pressextract evaluate [-o REPORT_DIR] [--only gold,quotes,timex,ner]`: score every extractor, write a report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pipeline.cli import app


@app.command()
def evaluate(
    out: Annotated[
        Path, typer.Option("-o", "--out", help="Report folder (evaluation.json + evaluation.md).")
    ] = Path("reports/latest"),
    only: Annotated[
        str, typer.Option(help="Comma-separated parts: gold, quotes, timex, ner.")
    ] = "gold,quotes,timex,ner",
    model: Annotated[
        str | None, typer.Option(help="spaCy model name or path; 'blank' for rules only.")
    ] = None,
    quotes_limit: Annotated[
        int | None, typer.Option(help="Score only the first N WIKINEWS dev documents (default: all).")
    ] = None,
    ner_limit: Annotated[
        int | None, typer.Option(help="Score only the first N GermEval dev sentences.")
    ] = None,
    without: Annotated[
        list[str] | None,
        typer.Option(help="Leave this extraction stage out of the gold run (repeatable), e.g. quotes."),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(help="Compare the gold scores with tests/quality_floors.json; exit 1 below a floor."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Run the pipeline on the gold releases and the benchmarks; print a summary, write JSON + Markdown."""
    from pipeline.evaluation.report import PARTS
    from pipeline.evaluation.report import evaluate as run_evaluation

    err = Console(stderr=True)
    parts = [p.strip() for p in only.split(",") if p.strip()]
    bad = [p for p in parts if p not in PARTS]
    if bad:
        err.print(f"[red]unknown part(s) {bad}[/red]; choose from {', '.join(PARTS)}")
        raise typer.Exit(2)
    result = run_evaluation(
        only=parts,
        model=model,
        out_dir=out,
        quotes_limit=quotes_limit,
        ner_limit=ner_limit,
        without=without or (),
        log=(lambda _: None) if quiet else (lambda msg: err.print(f"[dim]{msg}[/dim]")),
    )
    failures: list[str] = []
    if check and result.get("gold"):
        from pipeline.evaluation.floors import check_floors, gold_scores, load_floors

        floors = load_floors()
        failures = check_floors(gold_scores(result["gold"]), floors, prefix="seed.")
        if "skipped" not in result["gold"]["dev"]:
            failures += check_floors(gold_scores(result["gold"]), floors, prefix="dev.")
    quotes_part = result.get("quotes") or {}
    if check and quotes_part.get("direct") and not quotes_limit:
        from pipeline.evaluation.floors import check_floors, load_floors, quote_scores

        failures += check_floors(quote_scores(quotes_part), load_floors(), prefix="wikinews.")
    if quiet:
        if failures:
            raise typer.Exit(1)
        return
    table = Table(title=f"pressextract evaluate — {', '.join(parts)}")
    table.add_column("benchmark")
    table.add_column("score")
    gold = result.get("gold")
    if gold:
        table.add_row("seed gold (gate: 100%)", gold["seed"]["line"])
        dev = gold["dev"]
        table.add_row("dev gold", dev.get("line") or f"skipped ({dev.get('skipped')})")
        for t, fields in (dev.get("prf") or {}).items():
            main = next(iter(fields.values()))
            table.add_row(
                f"  {t} P/R/F ({next(iter(fields))})",
                f"{main['p'] if main['p'] is not None else '–'} / {main['r'] if main['r'] is not None else '–'}"
                f" / {main['f'] if main['f'] is not None else '–'}",
            )
    q = result.get("quotes")
    if q:
        table.add_row(
            "WIKINEWS quotes dev (any, overlap F)",
            str(q["any"]["overlap"]["f"]) if "any" in q else f"skipped ({q.get('skipped')})",
        )
    t = result.get("timex")
    if t:
        table.add_row("WikiWarsDE timexes", f"skipped ({t['skipped']})" if "skipped" in t else "see report")
    n = result.get("ner")
    if n:
        g = n.get("germeval_dev", {}) if "skipped" not in n else n
        table.add_row(
            "GermEval 2014 dev NER F", f"skipped ({g['skipped']})" if "skipped" in g else f"{g['ents_f']:.3f}"
        )
        u = n.get("gsd_test", {}) if "skipped" not in n else n
        table.add_row(
            "UD GSD test UPOS acc",
            f"skipped ({u['skipped']})" if "skipped" in u else f"{u.get('pos_acc', 0):.3f}",
        )
    err.print(table)
    err.print(f"{result['seconds']['total']} s; report in {out}/evaluation.md and evaluation.json")
    if check:
        for f in failures:
            err.print(f"[red]below floor[/red] {f}")
        err.print("[red]quality gate: FAILED[/red]" if failures else "[green]quality gate: passed[/green]")
        if failures:
            raise typer.Exit(1)
