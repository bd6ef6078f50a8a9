"""`pressextract evaluate [-o REPORT_DIR] [--only gold,quotes,timex,ner] [--gold DIR] [--data DIR]`: score every
extractor on the dev and holdout gold and the benchmarks, write a report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pressextract.cli import app


@app.command()
def evaluate(
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--out",
            help="Report folder (evaluation.json + evaluation.md); default: a new folder evaluation-<time> here.",
        ),
    ] = None,
    gold: Annotated[
        Path | None,
        typer.Option(
            help="Folder of gold files (seed.json, <release-id>.json, manifest.json); default: the checkout's "
            "corpus/gold, else the seed release shipped with the package."
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            help="The shared corpora (press/, press-other/, quotes-wikinews/, …); default: ../shared/data "
            "beside the checkout, or $PRESSEXTRACT_DATA."
        ),
    ] = None,
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
    split: Annotated[
        str,
        typer.Option(
            help="Gold splits to run: dev, holdout or dev,holdout. Use dev while writing rules: the holdout is "
            "then neither run nor shown."
        ),
    ] = "dev,holdout",
    check: Annotated[
        bool,
        typer.Option(help="Compare the gold scores with tests/quality_floors.json; exit 1 below a floor."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    no_learned_quotes: Annotated[
        bool,
        typer.Option(
            "--no-learned-quotes",
            help="Quote speakers by the rules alone, without the learned ranking (trained on WIKINEWS).",
        ),
    ] = False,
) -> None:
    """Run the pipeline on the gold releases and the benchmarks; print a summary, write JSON + Markdown."""
    import datetime as dt

    from pressextract.evaluation.report import DATA_DIR, GOLD_DIR, PARTS
    from pressextract.evaluation.report import evaluate as run_evaluation

    err = Console(stderr=True, soft_wrap=True)
    parts = [p.strip() for p in only.split(",") if p.strip()]
    bad = [p for p in parts if p not in PARTS]
    if bad:
        err.print(f"[red]unknown part(s) {bad}[/red]; choose from {', '.join(PARTS)}")
        raise typer.Exit(2)
    for name, folder in (("--gold", gold), ("--data", data)):
        if folder is not None and not folder.is_dir():
            err.print(f"[red]error:[/red] {name} {folder}: no such folder")
            raise typer.Exit(2)
    splits = [x.strip() for x in split.split(",") if x.strip()]
    if not splits or set(splits) - {"dev", "holdout"}:
        err.print(f"[red]error:[/red] --split {split!r}: choose dev, holdout or dev,holdout")
        raise typer.Exit(2)
    if out is None:
        out = Path(f"evaluation-{dt.datetime.now():%Y%m%d-%H%M%S}")
    result = run_evaluation(
        only=parts,
        model=model,
        out_dir=out,
        data_dir=data or DATA_DIR,
        gold_dir=gold or GOLD_DIR,
        splits=splits,
        quotes_limit=quotes_limit,
        ner_limit=ner_limit,
        without=without or (),
        learned_quotes=not no_learned_quotes,
        log=(lambda _: None) if quiet else (lambda msg: err.print(f"[dim]{msg}[/dim]")),
    )
    failures: list[str] = []
    if check and result.get("gold"):
        from pressextract.evaluation.floors import check_floors, gold_scores, load_floors

        floors = load_floors()
        failures = check_floors(gold_scores(result["gold"]), floors, prefix="seed.")
        for name in ("dev", "holdout"):
            if "skipped" not in result["gold"].get(name, {"skipped": ""}):
                failures += check_floors(gold_scores(result["gold"]), floors, prefix=f"{name}.")
    quotes_part = result.get("quotes") or {}
    if check and quotes_part.get("direct") and not quotes_limit:
        from pressextract.evaluation.floors import check_floors, load_floors, quote_scores

        failures += check_floors(quote_scores(quotes_part), load_floors(), prefix="wikinews.")
    skipped = _skipped_parts(result, parts)
    for line in skipped:
        err.print(f"[yellow]not evaluated:[/yellow] {line}")
    nothing = len(skipped) == len(parts) and not result.get("gold")
    if quiet:
        if nothing:
            raise typer.Exit(2)
        if failures:
            raise typer.Exit(1)
        return
    table = Table(title=f"pressextract evaluate — {', '.join(parts)}")
    table.add_column("benchmark")
    table.add_column("score")
    gold_part = result.get("gold")
    if gold_part:
        table.add_row("seed gold (gate: 100%)", gold_part["seed"]["line"])
        for name in ("dev", "holdout"):
            part = gold_part.get(name) or {}
            table.add_row(
                f"{name} gold", f"{part['documents']} releases, {part['line']}" if "line" in part
                else f"skipped ({part.get('skipped')})"
            )  # fmt: skip
        dev_prf = (gold_part.get("dev") or {}).get("prf") or {}
        hold_prf = (gold_part.get("holdout") or {}).get("prf") or {}
        for t, fields in (dev_prf or hold_prf).items():
            field = next(iter(fields))
            table.add_row(
                f"  {t} P/R/F ({field}) dev | holdout",
                f"{_prf(dev_prf, t, field)} | {_prf(hold_prf, t, field)}",
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
    if nothing:
        err.print("[red]nothing could be evaluated[/red] (point --data at the shared corpora)")
        raise typer.Exit(2)
    if check:
        for f in failures:
            err.print(f"[red]below floor[/red] {f}")
        err.print("[red]quality gate: FAILED[/red]" if failures else "[green]quality gate: passed[/green]")
        if failures:
            raise typer.Exit(1)


def _prf(prf: dict, table: str, field: str) -> str:
    c = (prf.get(table) or {}).get(field)
    if not c:
        return "–"
    return " / ".join("–" if c[k] is None else f"{c[k]:.2f}" for k in ("p", "r", "f"))


def _skipped_parts(result: dict, parts: list[str]) -> list[str]:
    """One line per part (or gold split) that could not be evaluated, saying why."""
    lines = []
    for part in parts:
        value = result.get(part)
        if part == "gold" and value:
            for split in ("dev", "holdout"):
                s = value.get(split) or {}
                if "skipped" in s:
                    lines.append(f"gold {split}: {s['skipped']}")
                elif s.get("missing"):
                    lines.append(f"gold {split}: releases not found: {', '.join(s['missing'])}")
            continue
        if not value or "skipped" in value:
            lines.append(f"{part}: {(value or {}).get('skipped', 'no result')}")
        elif part == "ner":
            for key in ("germeval_dev", "gsd_test"):
                if "skipped" in value.get(key, {}):
                    lines.append(f"ner {key}: {value[key]['skipped']}")
    return lines
