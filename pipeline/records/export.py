"""Records -> rows -> CSV / JSONL / Parquet, column order from the dataclasses.

One serialization for every path: the in-memory API (`Result.write`) and the streaming CLI
(chunk files merged at the end) both go through `row_of` and `TableWriter`, so the same input
gives byte-identical CSV/JSONL either way.
Example: Quote(quote_id="pm-1:q1", ..., speaker_start=None) -> {"quote_id": "pm-1:q1", ..., "speaker_start": null}.
"""

from __future__ import annotations

import csv
import datetime as dt
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
import pyarrow as pa

from pressextract.records.schema import PERSON_DOCS, TABLES, Office, Person, PersonMention, columns

FORMATS = ("csv", "jsonl", "parquet")
# The CSV format with spreadsheet formulas neutralized (`--csv-safe`): still written to OUT/<table>.csv.
CSV_SAFE = "csv-safe"
# A cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+49 30 …", "-1+1", "@SUM(…)").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Typed columns: calendar dates (date32 in Parquet, date32[pyarrow] in pandas) and points in time
# (timestamp[ms] in Parquet, datetime64[ms] in pandas). CSV and JSON Lines keep the ISO 8601 text.
DATE_COLUMNS = {"documents": ("published",), "agenda": ("date",), "offices": ("first_seen", "last_seen")}
TIMESTAMP_COLUMNS = {"events": ("start", "end")}


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
    """Value kind of every column of a table ('people'/'offices' are aggregated, 'person_docs' is internal).

    Kinds: str, int, float, bool, list, date (published, agenda date), timestamp (event start/end).
    """
    cls = PersonMention if table == PERSON_DOCS else TABLES[table]
    kinds = {f.name: _kind(f.type) for f in fields(cls)}
    for col in DATE_COLUMNS.get(table, ()):
        kinds[col] = "date"
    for col in TIMESTAMP_COLUMNS.get(table, ()):
        kinds[col] = "timestamp"
    return kinds


def to_date(value: object) -> dt.date | None:
    """An ISO date (text, date or datetime) -> date; anything else -> None.

    Example: "2018-08-27" -> date(2018, 8, 27); "2019-02-31" -> None (no such day).
    """
    if value is None or isinstance(value, float) or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def to_datetime(value: object) -> dt.datetime | None:
    """An ISO date or date-time -> datetime (a date alone is midnight); anything else -> None.

    Example: "2018-08-27T12:00" -> datetime(2018, 8, 27, 12, 0); "2018-08-27" -> datetime(2018, 8, 27).
    """
    if value is None or isinstance(value, float) or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def iso_text(value: object, kind: str) -> object:
    """A typed date/time cell back to the ISO text of CSV/JSON Lines (midnight -> the date alone).

    Example: Timestamp("2018-08-27 12:00") -> "2018-08-27T12:00"; date(2018, 8, 27) -> "2018-08-27".
    """
    if isinstance(value, str) or value is None:
        return value
    if kind == "date":
        day = to_date(value)
        return day.isoformat() if day else None
    moment = to_datetime(value)
    if moment is None:
        return None
    if moment.time() == dt.time(0, 0):
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%dT%H:%M" if moment.second == 0 else "%Y-%m-%dT%H:%M:%S")


def table_columns(table: str) -> list[str]:
    if table == PERSON_DOCS:
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
    if kind in ("date", "timestamp"):
        return iso_text(value, kind)
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


# pandas' own text dtype: object in pandas 2, "str" in pandas 3 (what read_parquet gives back for text)
_STR_DTYPE = pd.Series(["text"]).dtype
DATE_DTYPE = pd.ArrowDtype(pa.date32())
TIMESTAMP_DTYPE = "datetime64[ms]"


def frame_dtypes(table: str) -> dict[str, object]:
    """The pandas dtype of every column, the same from the Python API and from pd.read_parquet.

    Example: quotes.speaker_start -> Int64 (nullable), documents.published -> date32[day][pyarrow],
    events.start -> datetime64[ms], agenda.participants -> object (lists).
    """
    dtypes = {"int": "Int64", "float": "float64", "bool": "boolean", "list": object, "str": _STR_DTYPE}
    dtypes |= {"date": DATE_DTYPE, "timestamp": TIMESTAMP_DTYPE}
    return {col: dtypes[kind] for col, kind in column_kinds(table).items()}


def to_frame(table: str, rows: Iterable) -> pd.DataFrame:
    """Records or row dicts -> DataFrame with the table's columns and typed dtypes (see frame_dtypes)."""
    cols = table_columns(table)
    dicts = [r if isinstance(r, dict) else row_of(r, table) for r in rows]
    frame = pd.DataFrame(dicts, columns=cols)
    kinds = column_kinds(table)
    for col, dtype in frame_dtypes(table).items():
        if kinds[col] == "date":
            frame[col] = pd.Series(
                pd.array([to_date(v) for v in frame[col]], dtype=DATE_DTYPE), index=frame.index
            )
        elif kinds[col] == "timestamp":
            frame[col] = pd.Series([to_datetime(v) for v in frame[col]], index=frame.index, dtype=dtype)
        elif kinds[col] == "list":
            frame[col] = frame[col].astype(object)
        elif frame[col].dtype != dtype:
            frame[col] = frame[col].astype(dtype)
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


def _csv_cell(value: object, *, safe: bool = False) -> object:
    """A CSV cell: lists joined with "; "; with `safe`, a text a spreadsheet would run gets a leading '.

    Example: safe: "=HYPERLINK(\"http://x\")" -> "'=HYPERLINK(\"http://x\")"; "- Schon 2004 …" -> "'- Schon 2004 …".
    """
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if safe and isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _arrow_schema(table: str) -> pa.Schema:
    types = {
        "list": pa.list_(pa.string()),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "str": pa.string(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("ms"),
    }
    schema = pa.schema([(c, types[k]) for c, k in column_kinds(table).items()])
    # pandas metadata, so pd.read_parquet gives the dtypes of the Python API (Int64, not float64 with NaN)
    pandas_meta = pa.Schema.from_pandas(to_frame(table, []), preserve_index=False).metadata
    return schema.with_metadata(pandas_meta)


def _arrow_value(value: object, kind: str) -> object:
    if kind == "date":
        return to_date(value)
    if kind == "timestamp":
        return to_datetime(value)
    return value


class TableWriter:
    """Streams rows of one table into OUT/<table>.<fmt> for each format; files appear atomically on close().

    Example: with TableWriter(out, "quotes", ("csv", "jsonl")) as w: w.write_rows(rows)
    """

    def __init__(self, out_dir: Path, table: str, formats: Iterable[str]) -> None:
        self.table = table
        self.formats = list(dict.fromkeys(formats))
        unknown = set(self.formats) - {*FORMATS, CSV_SAFE}
        if unknown:
            raise ValueError(f"unknown output format(s) {sorted(unknown)}; choose from {FORMATS}")
        if "csv" in self.formats and CSV_SAFE in self.formats:
            raise ValueError("csv and csv-safe both write <table>.csv: choose one")
        self.csv_safe = CSV_SAFE in self.formats
        self.formats = ["csv" if f == CSV_SAFE else f for f in self.formats]
        self.cols = table_columns(table)
        self.kinds = column_kinds(table)
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
            safe = self.csv_safe
            self._csv.writerows([_csv_cell(row.get(c), safe=safe) for c in self.cols] for row in rows)
        if "jsonl" in self._fh:
            self._fh["jsonl"].write(json_text if json_text is not None else "".join(map(json_line, rows)))
        if self._parquet is not None:
            kinds = self.kinds
            batch = pa.Table.from_pylist(
                [{c: _arrow_value(row.get(c), kinds[c]) for c in self.cols} for row in rows],
                schema=self._schema,
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
    frames: dict[str, pd.DataFrame],
    out_dir: str | Path,
    *,
    formats: Iterable[str] = ("csv", "jsonl"),
    csv_safe: bool = False,
) -> list[Path]:
    """Every table in each format; `csv_safe` neutralizes spreadsheet formulas in the CSV files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    formats = list(formats)
    if csv_safe:
        formats = [CSV_SAFE if f == "csv" else f for f in formats]
    written = []
    for table in TABLES:
        frame = frames.get(table)
        if frame is None:
            frame = to_frame(table, [])
        written += write_frame(frame, out, table, formats)
    return written


def _is_true(value: object) -> bool:
    """A bool column read back from JSON, CSV or a frame. Example: "True" -> True; None -> False."""
    return value is not None and str(value).strip().lower() in ("true", "1")  # numpy.bool_ too


class OfficesAggregator:
    """Roles -> one `offices` row per holder and office over the run, dated by the releases' dates.

    Example: roles "Senatorin für Bildung" of Sandra Scheeres in releases of 2017-01-05 and 2019-06-30
    -> one row role_norm "Senator", portfolio "Bildung", first_seen 2017-01-05, last_seen 2019-06-30, 2 documents.
    A bare "Senatorin Sandra Scheeres" of another release counts for that office when she holds no other
    Senator office in the run (see _fold).
    """

    _KEY = ("person_id", "role_norm", "portfolio", "organization", "jurisdiction", "level")

    def __init__(self) -> None:
        self._published: dict[str, str | None] = {}
        self._docs: dict[tuple, set[str]] = defaultdict(set)
        self._names: dict[tuple, Counter] = defaultdict(Counter)

    def add_document(self, doc_id: str, published: object) -> None:
        day = to_date(published)
        self._published[doc_id] = day.isoformat() if day else None

    def add_role(self, role: object) -> None:
        get = role.get if isinstance(role, dict) else lambda k: getattr(role, k)
        if not (get("role_norm") or get("role")) or not (get("person_id") or get("name")):
            return
        if _is_true(get("former")):
            return  # a past office ("der ehemalige Vorsitzende") is no office held at the release's date
        # an office the roles stage could not normalize is kept under its head title as written
        key = tuple(get(k) or (get("role") if k == "role_norm" else None) for k in self._KEY)
        if key[0] is None:  # an office holder no person row stands for: keep the name as written
            key = (None, *key[1:], get("name"))
        self._docs[key].add(get("doc_id"))
        if get("name"):
            self._names[key][get("name")] += 1

    def _fold(self) -> None:
        """A statement that leaves fields open ("Senatorin Anna Muster") is the holder's one office that
        fills them ("Senatorin für Bildung") when exactly one such office of the same title exists."""
        by_holder: dict[tuple, list[tuple]] = defaultdict(list)
        for key in self._docs:
            if key[0] is not None:
                by_holder[key[:2]].append(key)
        for keys in by_holder.values():
            for key in sorted(keys, key=lambda k: sum(v is None for v in k[2:6]), reverse=True):
                if all(v is not None for v in key[2:6]) or key not in self._docs:
                    continue
                wider = [
                    k
                    for k in keys
                    if k != key
                    and k in self._docs
                    and all(a is None or a == b for a, b in zip(key[2:6], k[2:6]))
                ]
                if len(wider) == 1:
                    self._docs[wider[0]] |= self._docs.pop(key)
                    self._names[wider[0]].update(self._names.pop(key, Counter()))

    def offices(self, names: dict[str, str] | None = None) -> list[Office]:
        """Rows sorted by holder and office; `names`: person_id -> the people table's name."""
        names = names or {}
        self._fold()
        out = []
        for key in sorted(self._docs, key=lambda k: tuple("" if v is None else str(v) for v in k)):
            pid, role_norm, portfolio, organization, jurisdiction, level = key[:6]
            dated = sorted((self._published.get(d) or "9999-99-99", d) for d in self._docs[key])
            days = [day for day, _ in dated if day != "9999-99-99"]
            counts = self._names[key]
            written = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0] if counts else None
            out.append(
                Office(
                    person_id=pid,
                    name=(names.get(pid) if pid else None) or written,
                    role_norm=role_norm,
                    portfolio=portfolio,
                    organization=organization,
                    jurisdiction=jurisdiction,
                    level=level,
                    first_seen=days[0] if days else None,
                    last_seen=days[-1] if days else None,
                    n_documents=len(dated),
                    doc_id=dated[0][1],
                )
            )
        return out


def aggregate_offices(documents: Iterable, roles: Iterable, people: Iterable[Person] = ()) -> list[Office]:
    """One row per holder and office of the run (see OfficesAggregator)."""
    agg = OfficesAggregator()
    for d in documents:
        get = d.get if isinstance(d, dict) else lambda k, d=d: getattr(d, k)
        agg.add_document(get("doc_id"), get("published"))
    for r in roles:
        agg.add_role(r)
    return agg.offices({p.person_id: p.name for p in people})
