"""Records -> rows -> CSV / JSONL / Parquet, column order from the dataclasses.

One serialization for every path: the in-memory API (`Result.write`) and the streaming CLI
(chunk files merged at the end) both go through `row_of` and `TableWriter`, so the same input
gives byte-identical CSV/JSONL either way.
Example: Quote(quote_id="pm-1:q1", ..., speaker_start=None) -> {"quote_id": "pm-1:q1", ..., "speaker_start": null}.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Self

import pandas as pd

from pipeline.records.schema import TABLES, Person, PersonMention, columns

FORMATS = ("csv", "jsonl", "parquet")


def _kind(annotation: object) -> str:
    """'list', 'int', 'float', 'bool' or 'str' from a dataclass annotation (strings under PEP 563)."""
    text = str(annotation)
    if "tuple" in text or "list" in text:
        return "list"
    for name in ("int", "float", "bool"):
        if text == name or text.startswith((f"{name} ", f"{name}|")):
            return name
    return "str"


def column_kinds(table: str) -> dict[str, str]:
    """Value kind of every column of a table ('people' is aggregated, 'mentions' is internal)."""
    cls = PersonMention if table == "mentions" else TABLES[table]
    return {f.name: _kind(f.type) for f in fields(cls)}


def table_columns(table: str) -> list[str]:
    if table == "mentions":
        return [f.name for f in fields(PersonMention)]
    return columns(table)


def row_of(record: object, table: str) -> dict:
    """A record as a JSON-ready dict in column order (tuples become lists)."""
    row = {}
    for name in table_columns(table):
        value = getattr(record, name)
        row[name] = list(value) if isinstance(value, tuple) else value
    return row


def json_line(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


def _clean(value: object, kind: str) -> object:
    """A pandas cell back to its plain value: NaN/NA -> None, numpy scalars -> Python, 3.0 -> 3 for ints."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind == "list" and isinstance(value, tuple):
        return list(value)
    return value


def frame_rows(frame: pd.DataFrame, table: str) -> Iterator[dict]:
    """Rows of a DataFrame as plain dicts, types restored from the schema."""
    kinds = column_kinds(table)
    cols = table_columns(table)
    extra = [c for c in frame.columns if c not in kinds]
    for values in frame.itertuples(index=False, name=None):
        raw = dict(zip(frame.columns, values))
        row = {c: _clean(raw.get(c), kinds[c]) for c in cols}
        for c in extra:
            row[c] = _clean(raw[c], "str")
        yield row


def to_frame(table: str, rows: Iterable) -> pd.DataFrame:
    """Records or row dicts -> DataFrame with the table's columns; integer columns stay integers (Int64)."""
    cols = table_columns(table)
    dicts = [r if isinstance(r, dict) else row_of(r, table) for r in rows]
    frame = pd.DataFrame(dicts, columns=cols)
    for col, kind in column_kinds(table).items():
        if kind == "int":
            frame[col] = frame[col].astype("Int64")
        elif kind == "str" and frame[col].dtype != object:
            frame[col] = frame[col].astype(object)
    return frame


class PeopleAggregator:
    """Person mentions -> one `people` row per person of the run, in bounded memory (per person, not per mention).

    Example: mentions "Annette Widmann-Mauz" (doc a, 3x) and "Widmann-Mauz" (doc b, 1x) under one
    person_id -> name "Annette Widmann-Mauz", n_mentions 4, n_documents 2.
    """

    _ATTRS = ("name", "honorific", "given_name", "family_name", "gender", "rule_id")

    def __init__(self) -> None:
        self._values: dict[str, dict[str, Counter]] = defaultdict(lambda: {a: Counter() for a in self._ATTRS})
        self._mentions: Counter[str] = Counter()
        self._docs: dict[str, set[str]] = defaultdict(set)

    def add(self, mention: PersonMention | dict) -> None:
        get = mention.get if isinstance(mention, dict) else lambda k: getattr(mention, k)
        pid = get("person_id")
        values = self._values[pid]
        for attr in self._ATTRS:
            if get(attr):
                values[attr][get(attr)] += 1
        self._mentions[pid] += int(get("n_mentions") or 0)
        self._docs[pid].add(get("doc_id"))

    def people(self) -> list[Person]:
        def common(values: dict[str, Counter], attr: str) -> str | None:
            # most frequent form; ties broken by the value itself, so the order of documents never matters
            counts = values[attr]
            return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0] if counts else None

        out = []
        for pid in sorted(self._values):
            v = self._values[pid]
            out.append(
                Person(
                    person_id=pid,
                    name=common(v, "name") or "",
                    honorific=common(v, "honorific"),
                    given_name=common(v, "given_name"),
                    family_name=common(v, "family_name"),
                    gender=common(v, "gender"),
                    n_mentions=self._mentions[pid],
                    n_documents=len(self._docs[pid]),
                    rule_id=common(v, "rule_id"),
                )
            )
        return out


def aggregate_people(mentions: Iterable[PersonMention | dict]) -> list[Person]:
    """One row per person of the run: the most frequent name form, mentions and documents counted."""
    agg = PeopleAggregator()
    for m in mentions:
        agg.add(m)
    return agg.people()


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value


def _arrow_schema(table: str):
    import pyarrow as pa

    types = {
        "list": pa.list_(pa.string()),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "str": pa.string(),
    }
    return pa.schema([(c, types[k]) for c, k in column_kinds(table).items()])


class TableWriter:
    """Streams rows of one table into OUT/<table>.<fmt> for each format; files appear atomically on close().

    Example: with TableWriter(out, "quotes", ("csv", "jsonl")) as w: w.write_rows(rows)
    """

    def __init__(self, out_dir: Path, table: str, formats: Iterable[str]) -> None:
        self.table = table
        self.formats = list(dict.fromkeys(formats))
        unknown = set(self.formats) - set(FORMATS)
        if unknown:
            raise ValueError(f"unknown output format(s) {sorted(unknown)}; choose from {FORMATS}")
        self.cols = table_columns(table)
        self.rows = 0
        self._targets: dict[str, tuple[Path, Path]] = {}
        self._fh: dict[str, io.TextIOBase] = {}
        self._parquet = None
        for fmt in self.formats:
            final = out_dir / f"{table}.{fmt}"
            tmp = out_dir / f".{table}.{fmt}.tmp"
            self._targets[fmt] = (tmp, final)
            if fmt in ("csv", "jsonl"):
                self._fh[fmt] = open(tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115  (closed in close/abort)
        if "csv" in self._fh:
            self._csv = csv.writer(self._fh["csv"], lineterminator="\n")
            self._csv.writerow(self.cols)
        if "parquet" in self.formats:
            import pyarrow.parquet as pq

            self._schema = _arrow_schema(table)
            self._parquet = pq.ParquetWriter(self._targets["parquet"][0], self._schema)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def write_rows(self, rows: Iterable[dict], *, json_text: str | None = None) -> None:
        """Append rows; `json_text` (the same rows already as JSON lines) is copied verbatim into the .jsonl."""
        rows = list(rows)
        if not rows:
            return
        self.rows += len(rows)
        if "csv" in self._fh:
            self._csv.writerows([_csv_cell(row.get(c)) for c in self.cols] for row in rows)
        if "jsonl" in self._fh:
            self._fh["jsonl"].write(json_text if json_text is not None else "".join(map(json_line, rows)))
        if self._parquet is not None:
            import pyarrow as pa

            batch = pa.Table.from_pylist(
                [{c: row.get(c) for c in self.cols} for row in rows], schema=self._schema
            )
            self._parquet.write_table(batch)

    def close(self) -> list[Path]:
        for fh in self._fh.values():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        if self._parquet is not None:
            self._parquet.close()
        written = []
        for tmp, final in self._targets.values():
            os.replace(tmp, final)
            written.append(final)
        return written

    def abort(self) -> None:
        for fh in self._fh.values():
            fh.close()
        if self._parquet is not None:
            self._parquet.close()
        for tmp, _ in self._targets.values():
            tmp.unlink(missing_ok=True)


def write_frame(frame: pd.DataFrame, out_dir: Path, table: str, formats: Iterable[str]) -> list[Path]:
    """Write one table in each format (atomically: a crash never leaves a half-written file)."""
    with TableWriter(Path(out_dir), table, formats) as writer:
        writer.write_rows(frame_rows(frame, table))
    return [final for _, final in writer._targets.values()]


def write_tables(
    frames: dict[str, pd.DataFrame], out_dir: str | Path, *, formats: Iterable[str] = ("csv", "jsonl")
) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    formats = list(formats)
    written = []
    for table in TABLES:
        frame = frames.get(table)
        if frame is None:
            frame = to_frame(table, [])
        written += write_frame(frame, out, table, formats)
    return written
