"""Typed tables: Parquet dates and timestamps, nullable integers, lists; the same dtypes from the Python
API as from pd.read_parquet; --format as any subset of csv/jsonl/parquet; spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import pressextract
from pressextract.cli import _register, app
from pressextract.records.export import _csv_cell, frame_dtypes, iso_text, to_date, to_datetime, to_frame
from pressextract.records.schema import TABLES

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seed.txt"


@pytest.fixture(scope="module")
def result():
    return pressextract.extract([str(SEED)], model="blank")


@pytest.fixture(scope="module")
def written(result, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("typed")
    result.write(out, formats=["csv", "jsonl", "parquet"])
    return out


def test_parquet_columns_are_typed(written):
    types = {t: {f.name: str(f.type) for f in pq.read_schema(written / f"{t}.parquet")} for t in TABLES}
    assert types["documents"]["published"] == "date32[day]"
    assert types["agenda"]["date"] == "date32[day]"
    assert types["events"]["start"] == types["events"]["end"] == "timestamp[ms]"
    assert types["quotes"]["speaker_start"] == types["quotes"]["char_start"] == "int64"
    assert re.fullmatch(r"list<\w+: string>", types["agenda"]["participants"])
    assert types["timexes"]["value"] == "string"  # TIMEX3 values ("P2D", "XXXX-WXX-1") are no dates


def test_python_api_and_read_parquet_give_the_same_dtypes(result, written):
    for table in TABLES:
        frame = getattr(result, table)
        back = pd.read_parquet(written / f"{table}.parquet")
        assert dict(back.dtypes) == dict(frame.dtypes), table
        assert dict(frame.dtypes) == frame_dtypes(table), table
    assert str(result.quotes["speaker_start"].dtype) == "Int64"
    assert str(result.events["start"].dtype) == "datetime64[ms]"


def test_seed_values_survive_the_types(result, written):
    agenda = pd.read_parquet(written / "agenda.parquet")
    assert dt.date(2018, 8, 27) in set(agenda["date"].dropna())
    events = pd.read_parquet(written / "events.parquet")
    assert (events["start"].dropna().dt.date == dt.date(2018, 8, 27)).any()
    # CSV and JSON Lines keep the ISO text
    rows = [json.loads(line) for line in (written / "agenda.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "2018-08-27" in {r["date"] for r in rows}
    assert all(isinstance(r["participants"], list) for r in rows)


@pytest.mark.parametrize(
    "text, day",
    [("2018-08-27", dt.date(2018, 8, 27)), ("2018-08-27T12:00", dt.date(2018, 8, 27)), ("2019-02-31", None),
     ("Ende August", None), (None, None), ("", None)],
)  # fmt: skip
def test_to_date(text, day):
    assert to_date(text) == day


@pytest.mark.parametrize(
    "text, moment, back",
    [
        ("2018-08-27T12:00", dt.datetime(2018, 8, 27, 12, 0), "2018-08-27T12:00"),
        ("2018-08-27", dt.datetime(2018, 8, 27), "2018-08-27"),
        ("2018-08-27T09:30:15", dt.datetime(2018, 8, 27, 9, 30, 15), "2018-08-27T09:30:15"),
        ("nächste Woche", None, None),
    ],
)
def test_timestamps_round_trip_to_iso_text(text, moment, back):
    assert to_datetime(text) == moment
    assert iso_text(pd.Timestamp(moment) if moment else None, "timestamp") == back


def test_empty_tables_have_the_same_dtypes():
    for table in TABLES:
        assert dict(to_frame(table, []).dtypes) == frame_dtypes(table)


# --- --format and --csv-safe ---------------------------------------------------------------------


def _extract(*args: str):
    _register()
    return CliRunner().invoke(app, ["extract", *args, "--model", "blank", "--workers", "1", "-q"])


@pytest.mark.parametrize(
    "fmt_args, suffixes",
    [
        ([], {"csv", "jsonl"}),
        (["--format", "parquet"], {"parquet"}),
        (["--format", "csv"], {"csv"}),
        (["--format", "jsonl,parquet"], {"jsonl", "parquet"}),
        (["--format", "csv, parquet"], {"csv", "parquet"}),
        (["--format", "csv", "--format", "parquet"], {"csv", "parquet"}),
        (["--format", "CSV,JSONL,Parquet"], {"csv", "jsonl", "parquet"}),
    ],
)
def test_format_is_any_subset(tmp_path, fmt_args, suffixes):
    out = tmp_path / "out"
    result = _extract(str(SEED), "-o", str(out), *fmt_args)
    assert result.exit_code == 0, result.output
    written = {p.suffix.lstrip(".") for p in out.iterdir() if p.name != "run.json"}
    assert written == suffixes
    assert len([p for p in out.iterdir() if p.name != "run.json"]) == len(TABLES) * len(suffixes)


@pytest.mark.parametrize(
    "args", [["--format", "xlsx"], ["--format", "csv,xlsx"], ["--format", "parquet", "--csv-safe"]]
)
def test_bad_format_options_exit_2(tmp_path, args):
    result = _extract(str(SEED), "-o", str(tmp_path / "out"), *args)
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "cell, safe",
    [
        ('=HYPERLINK("http://example.org";"Bericht")', '\'=HYPERLINK("http://example.org";"Bericht")'),
        ("+49 30 9026-0", "'+49 30 9026-0"),
        (
            "- Schon 2004 hatte der Rechnungshof beanstandet",
            "'- Schon 2004 hatte der Rechnungshof beanstandet",
        ),
        ("@Senatskanzlei", "'@Senatskanzlei"),
        ("\t=1+1", "'\t=1+1"),
        (["=1+1", "Anna"], "'=1+1; Anna"),
        ("Senatorin Kalayci = Senatorin für Gesundheit", "Senatorin Kalayci = Senatorin für Gesundheit"),
        ("Kita „Rosengarten“", "Kita „Rosengarten“"),
        (-5, -5),  # numbers stay numbers
        (None, ""),
    ],
)
def test_csv_safe_cells(cell, safe):
    assert _csv_cell(cell, safe=True) == safe
    if isinstance(cell, str):
        assert _csv_cell(cell) == cell


@pytest.mark.parametrize("via", ["cli", "api"])
def test_csv_safe_neutralizes_formulas_in_csv_only(tmp_path, via):
    release = tmp_path / "r.jsonl"
    title = '=HYPERLINK("http://example.org/x";"Klick")'
    release.write_text(
        json.dumps({"id": "=1+1", "title": title, "text": "Der Senat tagte am Dienstag."}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    if via == "cli":
        result = _extract(str(release), "-o", str(out), "--csv-safe")
        assert result.exit_code == 0, result.output
    else:
        pressextract.extract([str(release)], model="blank").write(out, csv_safe=True)
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"] == "'" + title and row["doc_id"] == "'=1+1"
    doc = json.loads((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert doc["title"] == title and doc["doc_id"] == "=1+1"  # JSON Lines keep the data as it is
    plain = tmp_path / "plain"
    assert _extract(str(release), "-o", str(plain)).exit_code == 0
    with (plain / "documents.csv").open(encoding="utf-8", newline="") as fh:
        assert next(csv.DictReader(fh))["title"] == title  # off by default


def test_help_shows_no_bool_on_flags_and_a_plain_format():
    _register()
    result = CliRunner().invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for flag in ("--resume", "--quiet", "--csv-safe"):
        line = next(ln for ln in result.output.splitlines() if flag in ln)
        assert "<bool>" not in line, line
    assert "--csv-safe" in result.output and re.search(r"--format\s+LIST", result.output)
    assert "list[str]" not in result.output.split("--format", 1)[1].splitlines()[0]


@pytest.mark.parametrize("command", [[], ["extract"], ["evaluate"], ["show"]])
def test_no_command_shows_bool_on_a_flag(command):
    """Flags take no value: --help, --version, --check/--no-check, --overwrite show no "<bool>" type."""
    _register()
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "<bool>" not in result.output
