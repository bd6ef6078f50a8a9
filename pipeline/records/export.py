"""Records -> pandas -> CSV / JSONL / Parquet, column order from the dataclasses."""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from pipeline.records.schema import TABLES, Person, PersonMention, columns

FORMATS = ("csv", "jsonl", "parquet")


def aggregate_people(mentions: Iterable[PersonMention]) -> list[Person]:
    """One row per person of the run: the most frequent name form, mentions and documents counted."""
    by_id: dict[str, list[PersonMention]] = defaultdict(list)
    for m in mentions:
        by_id[m.person_id].append(m)
    people = []
    for pid in sorted(by_id):
        ms = by_id[pid]

        def common(attr: str) -> str | None:
            values = Counter(getattr(m, attr) for m in ms if getattr(m, attr))
            return max(values.items(), key=lambda kv: (kv[1], kv[0]))[0] if values else None

        people.append(Person(
            person_id=pid, name=common("name") or "", honorific=common("honorific"),
            given_name=common("given_name"), family_name=common("family_name"), gender=common("gender"),
            n_mentions=sum(m.n_mentions for m in ms), n_documents=len({m.doc_id for m in ms}),
        ))
    return people


def to_frame(table: str, rows: Iterable) -> pd.DataFrame:
    cols = columns(table)
    frame = pd.DataFrame([asdict(r) for r in rows], columns=cols)
    for col in cols:
        if frame[col].map(lambda v: isinstance(v, tuple)).any():
            frame[col] = frame[col].map(lambda v: list(v) if isinstance(v, tuple) else v)
    return frame


def _jsonable(value):
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, tuple):
        return list(value)
    return value


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_frame(frame: pd.DataFrame, out_dir: Path, table: str, formats: Iterable[str]) -> list[Path]:
    """Write one table in each format (atomically: a crash never leaves a half-written file)."""
    written = []
    formats = list(formats)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown output format(s) {sorted(unknown)}; choose from {FORMATS}")
    if "csv" in formats:
        csv_frame = frame.copy()
        for col in csv_frame.columns:
            if csv_frame[col].map(lambda v: isinstance(v, list)).any():
                csv_frame[col] = csv_frame[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
        path = out_dir / f"{table}.csv"
        _atomic_write_text(path, csv_frame.to_csv(index=False, lineterminator="\n"))
        written.append(path)
    if "jsonl" in formats:
        lines = [json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False)
                 for row in frame.to_dict(orient="records")]
        path = out_dir / f"{table}.jsonl"
        _atomic_write_text(path, "".join(line + "\n" for line in lines))
        written.append(path)
    if "parquet" in formats:
        path = out_dir / f"{table}.parquet"
        tmp = path.with_name(f".{path.name}.tmp")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        written.append(path)
    return written


def write_tables(frames: dict[str, pd.DataFrame], out_dir: str | Path, *, formats: Iterable[str] = ("csv", "jsonl")) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        frame = frames.get(table)
        if frame is None:
            frame = to_frame(table, [])
        written += write_frame(frame, out, table, formats)
    return written
