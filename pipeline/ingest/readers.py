"""Readers: files, folders, globs, stdin, .txt/.html/.json/.jsonl, .xz/.gz/.bz2, .zip -> RawDocument.

Every input becomes exactly one RawDocument or one IngestError: nothing is dropped silently.
"""

from __future__ import annotations

import bz2
import codecs
import glob
import gzip
import io
import json
import lzma
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from pipeline.ingest.encoding import DecodeFailure, decode_bytes
from pipeline.ingest.html import extract_html
from pipeline.ingest.normalize import normalize_text, one_line
from pipeline.records.ids import content_doc_id

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
COMPRESSED = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | {".zip"}


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs are read. Field names apply to .json/.jsonl records."""

    id_field: str = "id"
    title_field: str = "title"
    text_field: str = "text"
    date_field: str = "date"
    publisher_field: str = "publisher"
    url_field: str = "url"
    html_field: str = "html"
    max_doc_bytes: int = 10_000_000
    max_file_bytes: int = 4_000_000_000
    max_zip_ratio: int = 200
    max_zip_members: int = 1_000_000
    exclude_dirs: tuple[str, ...] = ("gold",)


@dataclass(slots=True)
class RawDocument:
    """One release as read, before layout: normalized body text plus metadata."""

    source: str
    text: str
    kind: str
    doc_id: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IngestError:
    source: str
    error: str
    stage: str = "ingest"


class InputTooLarge(ValueError):
    pass


def _suffixes(name: str) -> tuple[str | None, str]:
    """('.xz', '.jsonl') for 'a.jsonl.xz'; (None, '.txt') for 'a.txt'."""
    p = PurePosixPath(name.lower())
    suffix = p.suffix
    if suffix in COMPRESSED:
        return suffix, PurePosixPath(p.stem).suffix
    return None, suffix


def expand_inputs(
    inputs: Iterable[str], *, options: IngestOptions
) -> tuple[list[str], list[IngestError], list[str]]:
    """Paths, folders (recursive) and globs -> (files in stable order, errors, skipped files)."""
    files: list[str] = []
    errors: list[IngestError] = []
    skipped: list[str] = []
    for item in inputs:
        if item == "-":
            files.append("-")
            continue
        if any(ch in item for ch in "*?[") and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                errors.append(IngestError(item, "no file matches this pattern"))
            for match in matches:
                _expand_path(match, files, errors, skipped, options=options, explicit=False)
            continue
        _expand_path(item, files, errors, skipped, options=options, explicit=True)
    return files, errors, skipped


def _expand_path(
    item: str,
    files: list[str],
    errors: list[IngestError],
    skipped: list[str],
    *,
    options: IngestOptions,
    explicit: bool,
) -> None:
    """A folder is walked (sorted, hidden and excluded folders reported as skipped); a file is taken."""
    path = Path(item)
    if path.is_dir():
        for root, dirs, names in os.walk(path):
            keep = []
            for d in sorted(dirs):
                if d.startswith(".") or d in options.exclude_dirs:
                    skipped.append(os.path.join(root, d) + os.sep)
                else:
                    keep.append(d)
            dirs[:] = keep
            for name in sorted(names):
                if name.startswith("."):
                    continue
                full = os.path.join(root, name)
                _, suffix = _suffixes(name)
                (files if suffix in KNOWN else skipped).append(full)
    elif path.is_file():
        # A file named on the command line is always read (an unknown type becomes an errors row);
        # one matched by a glob is filtered like a folder member.
        if explicit or _suffixes(item)[1] in KNOWN:
            files.append(item)
        else:
            skipped.append(item)
    elif path.exists():
        errors.append(IngestError(item, "not a regular file"))
    else:
        errors.append(IngestError(item, "no such file or directory"))


def iter_documents(
    inputs: Iterable[str],
    *,
    options: IngestOptions | None = None,
    skipped: list[str] | None = None,
    doc_ids: DocIds | None = None,
) -> Iterator[RawDocument | IngestError]:
    """All documents of all inputs, in a stable order (arguments in order, folders sorted).

    `doc_ids`: share one across calls that make up one run, so repeated ids stay distinct in the run.
    """
    options = options or IngestOptions()
    files, errors, skipped_files = expand_inputs(inputs, options=options)
    if skipped is not None:
        skipped.extend(skipped_files)
    yield from errors
    ids = doc_ids if doc_ids is not None else DocIds()
    for name in files:
        for item in _read_file(name, options=options, skipped=skipped):
            if isinstance(item, RawDocument):
                ids.assign(item)
            yield item


def _read_file(
    name: str, *, options: IngestOptions, skipped: list[str] | None
) -> Iterator[RawDocument | IngestError]:
    """One input file; whatever goes wrong in it is an errors row, and the documents before it stay."""
    try:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", options=options)
            return
        size = os.path.getsize(name)
        if size > options.max_file_bytes:
            yield IngestError(name, f"file of {size} bytes exceeds the limit of {options.max_file_bytes}")
            return
        if _suffixes(name)[1] == ".zip" and _suffixes(name)[0] is None:
            yield from _read_zip(name, options=options, skipped=skipped)
            return
        with open(name, "rb") as fh:
            yield from _read_named(fh, name, name, options=options)
    except OSError as exc:
        yield IngestError(name, f"cannot read file: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001  (a reader bug or hostile input, e.g. JSON nested too deep: one row)
        yield IngestError(name, f"cannot read file: {type(exc).__name__}: {exc}")


class DocIds:
    """doc_id for every document: its own id, else file stem + content hash; repeats in a run get -2, -3.

    Example: a/x.txt and b/x.txt with the same text -> "x-1a2b3c4d5e" and "x-1a2b3c4d5e-2".
    """

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def assign(self, doc: RawDocument) -> None:
        base = doc.doc_id or derived_doc_id(doc)
        n = self.seen.get(base, 0) + 1
        self.seen[base] = n
        if n > 1:
            doc.meta["duplicate_of"] = base
        doc.doc_id = base if n == 1 else f"{base}-{n}"


def derived_doc_id(doc: RawDocument) -> str:
    """The id of a document that has none: file stem + hash of the analysed text (title block + body).

    Example: corpus/seed.txt -> "seed-<10 hex digits>", the same in every run.
    """
    body = doc.text
    if doc.title and not body.startswith(doc.title):
        body = f"{doc.title}\n\n{body}"
    name = Path(doc.source.split("!")[-1].split("#")[0]).stem or "stdin"
    return content_doc_id(name, body)


def _read_stream(fh: BinaryIO, source: str, *, options: IngestOptions) -> Iterator[RawDocument | IngestError]:
    """stdin: the format is sniffed from the first bytes (JSON Lines, HTML or plain text)."""
    try:
        data = _read_limited(fh, options.max_file_bytes)
    except InputTooLarge as exc:
        yield IngestError(source, str(exc))
        return
    head = data.lstrip()[:200].lower()
    if head.startswith((b"{", b"[")):
        kind = ".jsonl" if b"\n{" in data.strip() else ".json"
    elif head.startswith(b"<"):
        kind = ".html"
    else:
        kind = ".txt"
    yield from _read_named(io.BytesIO(data), source, f"stdin{kind}", options=options)


def _read_limited(fh: BinaryIO, limit: int) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(f"input larger than the limit of {limit} bytes")
    return data


def _read_named(
    fh: BinaryIO, source: str, name: str, *, options: IngestOptions
) -> Iterator[RawDocument | IngestError]:
    """Dispatch on the (possibly compressed) file name."""
    compression, suffix = _suffixes(name)
    if compression:
        stream: BinaryIO = COMPRESSED[compression](fh, "rb")  # type: ignore[assignment]
    else:
        stream = fh
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(stream, source, options=options)
            return
        try:
            data = _read_limited(
                stream, options.max_doc_bytes if suffix not in JSON_SUFFIXES else options.max_file_bytes
            )
        except InputTooLarge as exc:
            yield IngestError(source, f"document too large: {exc}")
            return
        if suffix in JSON_SUFFIXES:
            yield from _read_json(data, source, options=options)
        elif suffix in HTML_SUFFIXES:
            yield _read_html(data, source)
        elif suffix in TEXT_SUFFIXES or suffix == "":
            yield _read_text(data, source)
        else:
            yield IngestError(
                source, f"unsupported file type {suffix!r} (use .txt, .html, .json, .jsonl, .zip)"
            )
    except (EOFError, lzma.LZMAError, gzip.BadGzipFile, OSError, zipfile.BadZipFile) as exc:
        yield IngestError(source, f"damaged or truncated {compression or 'file'}: {exc}")


def _read_text(data: bytes, source: str) -> RawDocument | IngestError:
    try:
        text, encoding = decode_bytes(data)
    except DecodeFailure as exc:
        return IngestError(source, str(exc))
    text = normalize_text(text)
    if not text.strip():
        return IngestError(source, "empty document (no text after normalization)")
    return RawDocument(source=source, text=text, kind="txt", meta={"encoding": encoding})


def _read_html(
    data: bytes, source: str, *, url: str | None = None, doc_id: str | None = None
) -> RawDocument | IngestError:
    try:
        html, encoding = decode_bytes(data)
    except DecodeFailure as exc:
        return IngestError(source, str(exc))
    return _html_document(html, source, url=url, doc_id=doc_id, meta={"encoding": encoding})


def _html_document(
    html: str, source: str, *, url: str | None, doc_id: str | None, meta: dict, fallback: dict | None = None
) -> RawDocument | IngestError:
    try:
        page = extract_html(html, url=url)
    except ValueError as exc:
        return IngestError(source, str(exc))
    except Exception as exc:  # noqa: BLE001  (lxml/trafilatura failures on hostile markup: one errors row)
        return IngestError(source, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
    text = normalize_text(page.text)
    if not text.strip():
        return IngestError(source, "empty document (no main text in HTML)")
    fallback = fallback or {}
    meta = {**meta, **{f"html_{k}": v for k, v in page.removed.items()}}
    return RawDocument(
        source=source,
        text=text,
        kind="html",
        doc_id=doc_id,
        title=one_line(fallback.get("title")) or one_line(page.title),
        published=fallback.get("published") or page.published,
        publisher=one_line(fallback.get("publisher")) or one_line(page.publisher),
        url=fallback.get("url") or page.url,
        meta=meta,
    )


def _record(obj: object, source: str, *, options: IngestOptions) -> RawDocument | IngestError:
    """One JSON record -> RawDocument. A record may carry `text` or raw `html`."""
    if not isinstance(obj, dict):
        return IngestError(source, f"JSON record is a {type(obj).__name__}, expected an object")
    doc_id = obj.get(options.id_field)
    doc_id = str(doc_id) if doc_id not in (None, "") else None
    meta_fields = {
        "title": obj.get(options.title_field),
        "published": _iso_date(obj.get(options.date_field)),
        "publisher": obj.get(options.publisher_field),
        "url": obj.get(options.url_field),
    }
    text = obj.get(options.text_field)
    if not isinstance(text, str) or not text.strip():
        html = obj.get(options.html_field)
        if isinstance(html, str) and html.strip():
            if len(html.encode("utf-8", "replace")) > options.max_doc_bytes:
                return IngestError(source, f"document too large: more than {options.max_doc_bytes} bytes")
            return _html_document(
                html,
                source,
                url=meta_fields["url"],
                doc_id=doc_id,
                meta={},
                fallback={k: v for k, v in meta_fields.items() if v},
            )
        return IngestError(source, f"record has no text in field {options.text_field!r}")
    if len(text.encode("utf-8", "replace")) > options.max_doc_bytes:
        return IngestError(source, f"document too large: more than {options.max_doc_bytes} bytes")
    text = normalize_text(text)
    if not text.strip():
        return IngestError(source, "empty document (no text after normalization)")
    return RawDocument(
        source=source,
        text=text,
        kind="json",
        doc_id=doc_id,
        title=one_line(meta_fields["title"]),
        published=meta_fields["published"],
        publisher=one_line(meta_fields["publisher"]),
        url=one_line(meta_fields["url"]),
    )


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s.*)?")


def _iso_date(value: object) -> str | None:
    """A record's date as ISO 8601 (date part); unknown formats -> None, never a guess.

    Example: "2018-08-27T12:00:00+02:00" -> "2018-08-27"; "27.08.2018" -> "2018-08-27"; "Ende August" -> None.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if m := _ISO_DATE.fullmatch(value):
        year, month, day = (int(g) for g in m.groups())
    elif m := _GERMAN_DATE.fullmatch(value):
        day, month, year = (int(g) for g in m.groups())
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _source_for(source: str, obj: object, line: int, *, options: IngestOptions, prefix: str = "L") -> str:
    """`file#<id>` for a record with an id, else `file#L<line>` (JSONL) or `file#<index>` (JSON array)."""
    if isinstance(obj, dict) and obj.get(options.id_field) not in (None, ""):
        return f"{source}#{obj.get(options.id_field)}"
    return f"{source}#{prefix}{line}"


def _read_json(data: bytes, source: str, *, options: IngestOptions) -> Iterator[RawDocument | IngestError]:
    try:
        text, _ = decode_bytes(data)
        obj = json.loads(text)
    except DecodeFailure as exc:
        yield IngestError(source, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield IngestError(source, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    if isinstance(obj, list) and not obj:
        yield IngestError(source, "JSON array without records")
        return
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records, 1):
        src = _source_for(source, rec, i, options=options, prefix="") if isinstance(obj, list) else source
        yield _record(rec, src, options=options)


def _read_jsonl(
    stream: BinaryIO, source: str, *, options: IngestOptions
) -> Iterator[RawDocument | IngestError]:
    """JSON Lines, streamed: a malformed line is one errors row, the rest goes on.

    UTF-8 as the format asks; a file with a UTF-16 byte-order mark is read as UTF-16, and a line in
    cp1252 ("Stra\\xdfe") is accepted when it has no UTF-8 sequences at all.
    """
    head = stream.read(4)
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        lines: Iterable[bytes] = (
            ln.encode("utf-8")
            for ln in io.TextIOWrapper(_Prefixed(head, stream), encoding="utf-16", newline="\n")
        )
    else:
        lines = _Prefixed(head, stream)
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        if len(raw) > options.max_doc_bytes:
            yield IngestError(f"{source}#L{lineno}", f"document too large: line of {len(raw)} bytes")
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            try:
                line, _ = decode_bytes(raw)
            except DecodeFailure:
                yield IngestError(f"{source}#L{lineno}", f"invalid UTF-8 at byte {exc.start} of the line")
                continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(f"{source}#L{lineno}", f"malformed JSON line: {exc.msg} at column {exc.colno}")
            continue
        yield _record(obj, _source_for(source, obj, lineno, options=options), options=options)


class _Prefixed(io.RawIOBase):
    """A byte stream with some bytes already read put back in front (for sniffing a stream we cannot seek)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(io.BufferedReader(self, buffer_size=1 << 16))


def _read_zip(
    path: str, *, options: IngestOptions, skipped: list[str] | None = None
) -> Iterator[RawDocument | IngestError]:
    """Members read in place; unsafe names and suspicious compression ratios are errors rows."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield IngestError(path, f"not a readable zip archive: {exc}")
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > options.max_zip_members:
            yield IngestError(
                path, f"zip has {len(infos)} members, more than the limit of {options.max_zip_members}"
            )
            return
        for info in sorted(infos, key=lambda i: i.filename):
            source = f"{path}!{info.filename}"
            name = info.filename.replace("\\", "/")
            parts = PurePosixPath(name).parts
            if name.startswith("/") or ".." in parts or (parts and parts[0].endswith(":")):
                yield IngestError(source, "unsafe member name in zip (absolute path or '..'): refused")
                continue
            if any(p.startswith(".") or p in options.exclude_dirs for p in parts[:-1]) or parts[
                -1
            ].startswith("."):
                continue
            if _suffixes(name)[1] == ".zip":
                yield IngestError(source, "zip inside a zip: unpack the outer archive first")
                continue
            if _suffixes(name)[1] not in KNOWN:
                if skipped is not None:
                    skipped.append(source)  # like a file of unknown type in a folder
                continue
            if info.file_size > options.max_doc_bytes * 100:
                yield IngestError(source, f"member of {info.file_size} bytes exceeds the size limit")
                continue
            if (
                info.compress_size
                and info.file_size / info.compress_size > options.max_zip_ratio
                and info.file_size > 1_000_000
            ):
                yield IngestError(
                    source,
                    f"compression ratio {info.file_size // info.compress_size}:1 looks like a zip bomb",
                )
                continue
            try:
                with zf.open(info) as member:
                    yield from _read_named(member, source, name, options=options)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                yield IngestError(source, f"cannot read zip member: {exc}")
