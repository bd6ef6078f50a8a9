"""Result of a run: one pandas DataFrame per table, plus the run manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from pressextract.records.export import write_tables
from pressextract.records.schema import TABLES


class Result:
    """Tables of a run. `result.quotes` is a DataFrame; `result.write("out/")` writes CSV + JSONL + run.json.

    Column dtypes are those of `pd.read_parquet` on the written Parquet files (records.export.frame_dtypes):
    nullable integers Int64, `published`/agenda `date` date32[day][pyarrow], event `start`/`end`
    datetime64[ms], lists as Python lists.
    """

    def __init__(self, frames: dict[str, pd.DataFrame], manifest: dict) -> None:
        self.frames = frames
        self.manifest = manifest

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLES:
            return self.frames[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(self.frames[t])}" for t in TABLES)
        return f"Result({sizes})"

    def write(
        self,
        out_dir: str | Path,
        *,
        formats: tuple[str, ...] | list[str] = ("csv", "jsonl"),
        csv_safe: bool = False,
    ) -> list[Path]:
        """Write each table in `formats` (any of csv, jsonl, parquet) and run.json.

        `csv_safe`: a CSV cell starting with =, +, -, @ (or tab/CR) gets a leading ' so spreadsheets
        show it as text instead of running it as a formula.
        """
        out = Path(out_dir)
        written = write_tables(self.frames, out, formats=formats, csv_safe=csv_safe)
        manifest = out / "run.json"
        manifest.write_text(json.dumps(self.manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return [*written, manifest]
