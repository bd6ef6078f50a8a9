"""Readers: files, folders, globs, stdin, .txt/.html/.json/.jsonl, .xz/.gz/.bz2, .zip -> RawDocument.

Every input becomes exactly one RawDocument or one IngestError: nothing is dropped silently, and no
input can end the run. Reads are bounded: files are opened only when they are regular files, every
stream (compressed or not) has a byte budget, JSON Lines are split without holding an over-long line.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import lzma
import os
import re
import stat
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from pressextract.ingest.documents import (
    COMPRESSED,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    KNOWN,
    TEXT_SUFFIXES,
    IngestError,
    IngestOptions,
    InputTooLarge,
    RawDocument,
    _make_writable,
    _suffixes,
    _warn,
    clean_text,
    display_path,
    log,
)
from pressextract.ingest.encoding import DecodeFailure, _looks_utf16, decode_bytes
from pressextract.ingest.html import extract_html
from pressextract.ingest.metadata import BadField, meta_text, parse_date
from pressextract.ingest.normalize import normalize_text, one_line
from pressextract.ingest.paths import _MAGIC, expand_inputs
from pressextract.ingest.streams import (
    _CHUNK,
    _Budget,
    _Counted,
    _Lines,
    _open_regular,
    _Prefixed,
    _read_all,
    _Refused,
    _Transcode,
)
from pressextract.records.ids import content_doc_id

__all__ = [
    "COMPRESSED",
    "KNOWN",
    "_MAGIC",
    "DocIds",
    "IngestError",
    "IngestOptions",
    "RawDocument",
    "_suffixes",
    "clean_text",
    "derived_doc_id",
    "display_path",
    "expand_inputs",
    "iter_documents",
    "visible_text_bytes",
]

# --- documents of all inputs -----------------------------------------------------------------------


def iter_documents(
    inputs: Iterable[str],
    *,
    options: IngestOptions | None = None,
    skipped: list[str] | None = None,
    doc_ids: DocIds | None = None,
) -> Iterator[RawDocument | IngestError]:
    """All documents of all inputs, in a stable order (arguments in order, folders sorted).

    `doc_ids`: share one across calls that make up one run, so ids and sources stay unique in the run.
    """
    options = options or IngestOptions()
    ids = doc_ids if doc_ids is not None else DocIds()
    files, errors, skipped_files = expand_inputs(inputs, options=options, seen_files=ids.files)
    if skipped is not None:
        skipped.extend(skipped_files)
    for error in errors:
        yield ids.claim(error)
    for name in files:
        for item in _read_file(name, options=options, skipped=skipped):
            try:
                item = ids.claim(_make_writable(item))
                if isinstance(item, RawDocument):
                    ids.assign(item)
                    ids.report(item)
            except Exception as exc:  # noqa: BLE001  (one record's data must never end the run)
                item = ids.claim(
                    IngestError(
                        display_path(str(item.source)), f"record cannot be read: {type(exc).__name__}"
                    )
                )
            yield item


def _h(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")


class DocIds:
    """doc_id and source unique in a run, by construction.

    doc_id: the record's own id, else file stem + content hash; an id already given out in the run
    (a repeat, or an id generated for an earlier repeat) gets the first free -2, -3, ...
    Example: ids X, X, X-2 -> "X", "X-2", "X-2-2"; a/x.txt and b/x.txt with the same text ->
    "x-1a2b3c4d5e" and "x-1a2b3c4d5e-2". Sources repeated in a run get "~2", "~3".
    Ids are remembered as 64-bit hashes (a false match only adds a suffix).
    """

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.sources: set[int] = set()
        self.next_n: dict[str, int] = {}
        self.files: set[tuple[int, int]] = set()  # (device, inode) of every file read in the run
        self.warned = 0

    def _free(self, base: str, taken: set[int], sep: str) -> str:
        n = self.next_n.get(sep + base, 2)
        while _h(f"{base}{sep}{n}") in taken:
            n += 1
        self.next_n[sep + base] = n + 1
        return f"{base}{sep}{n}"

    def assign(self, doc: RawDocument) -> None:
        base = doc.doc_id or derived_doc_id(doc)
        if _h(base) in self.ids:
            doc.meta["duplicate_of"] = base
            doc.doc_id = self._free(base, self.ids, "-")
        else:
            doc.doc_id = base
        self.ids.add(_h(doc.doc_id))

    def claim(self, item: RawDocument | IngestError) -> RawDocument | IngestError:
        source = item.source
        if _h(source) in self.sources:
            source = self._free(source, self.sources, "~")
            if isinstance(item, IngestError):
                item = IngestError(source, item.error, item.stage)
            else:
                item.source = source
        self.sources.add(_h(source))
        return item

    def report(self, doc: RawDocument) -> None:
        """Repairs are logged (the first 20 of a run; all stay in meta["warnings"])."""
        for message in doc.meta.get("warnings", ()):
            self.warned += 1
            if self.warned <= 20:
                log.warning("%s: %s", doc.source, message)
            elif self.warned == 21:
                log.warning("further input warnings are not shown")


def derived_doc_id(doc: RawDocument) -> str:
    """The id of a document that has none: file stem + hash of the analysed text (title block + body).

    Example: corpus/seed.txt -> "seed-<10 hex digits>", the same in every run.
    """
    body = doc.text
    if doc.title and not body.startswith(doc.title):
        body = f"{doc.title}\n\n{body}"
    name = Path(doc.source.split("!")[-1].split("#")[0]).stem or "stdin"
    return content_doc_id(name, body)


def _read_file(
    name: str, *, options: IngestOptions, skipped: list[str] | None
) -> Iterator[RawDocument | IngestError]:
    """One input file; whatever goes wrong in it is an errors row, and the documents before it stay."""
    renamed = name != "-" and display_path(name) != name
    for item in _read_file_items(name, options=options, skipped=skipped):
        if renamed and isinstance(item, RawDocument):
            _warn(item, "file name is not valid UTF-8: written with \\x escapes")
        yield item


def _read_file_items(
    name: str, *, options: IngestOptions, skipped: list[str] | None
) -> Iterator[RawDocument | IngestError]:
    source = "<stdin>" if name == "-" else display_path(name)
    try:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, source, options=options)
            return
        with _open_regular(name) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > options.max_file_bytes:
                yield IngestError(
                    source, f"file of {size} bytes exceeds the limit of {options.max_file_bytes}"
                )
                return
            if _suffixes(name)[1] == ".zip" and _suffixes(name)[0] is None:
                yield from _read_zip(fh, source, options=options, skipped=skipped)
                return
            yield from _read_named(fh, source, name, options=options)
    except _Refused as exc:
        yield IngestError(source, str(exc))
    except OSError as exc:
        yield IngestError(source, f"cannot read file: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001  (a reader bug or hostile input: one row)
        yield IngestError(source, f"cannot read file: {type(exc).__name__}: {exc}")


def _read_stream(fh: BinaryIO, source: str, *, options: IngestOptions) -> Iterator[RawDocument | IngestError]:
    """stdin: the format is sniffed from the first bytes (JSON Lines, JSON, HTML or plain text), then
    read with the same budgets as a file of that type."""
    head = fh.read(_CHUNK)
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        kind = ".jsonl"  # one object per line; a pretty-printed object is recognised by the reader
    elif start.startswith(b"["):
        kind = ".json"
    elif start.startswith(b"<"):
        kind = ".html"
    else:
        kind = ".txt"
    yield from _read_named(_Prefixed(head, fh), source, f"stdin{kind}", options=options)


def _read_named(
    fh: BinaryIO, source: str, name: str, *, options: IngestOptions
) -> Iterator[RawDocument | IngestError]:
    """Dispatch on the (possibly compressed) file name; every read goes through a byte budget."""
    compression, suffix = _suffixes(name)
    counted = None
    raw: BinaryIO = fh
    if compression:
        counted = _Counted(fh)
        raw = COMPRESSED[compression](counted, "rb")  # type: ignore[assignment]
    stream: BinaryIO = _Budget(
        raw, limit=options.max_file_bytes, compressed=counted, ratio=options.max_zip_ratio
    )  # type: ignore[assignment]
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(stream, source, options=options)
        elif suffix in JSON_SUFFIXES:
            data = _read_all(
                stream, options.max_json_bytes, "JSON file (use JSON Lines for larger archives):"
            )
            yield from _read_json(data, source, options=options)
        elif suffix in HTML_SUFFIXES:
            data = _read_all(stream, options.max_html_bytes, "HTML page")
            yield _read_html(data, source, options=options)
        elif suffix in TEXT_SUFFIXES or suffix == "":
            yield _read_text(_read_all(stream, options.max_doc_bytes, "text"), source)
        else:
            yield IngestError(
                source, f"unsupported file type {suffix!r} (use .txt, .html, .json, .jsonl, .zip)"
            )
    except InputTooLarge as exc:
        yield IngestError(source, f"document too large: {exc}")
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
    return RawDocument(
        source=source, text=text, kind="txt", title=exclaimed_headline(text), meta={"encoding": encoding}
    )


_ADDRESS = re.compile(r"^(?:Liebe|Lieber|Sehr geehrte|Hallo|Guten Tag|Moin)\b", re.IGNORECASE)


def exclaimed_headline(text: str) -> str | None:
    """A first paragraph of one short line ending in "!" is the headline (layout reads "!" as a
    sentence end, so it would not take it as the title); a salutation is not.

    Example: "Endlich wieder Freibad!\n\nDie Sommerbäder öffnen …" -> "Endlich wieder Freibad!";
    "Liebe Nachbarinnen und Nachbarn!\n\nWir laden …" -> None.
    """
    first, sep, rest = text.partition("\n\n")
    first = first.strip()
    if (
        not sep
        or not rest.strip()
        or "\n" in first
        or not first.endswith("!")
        or len(first) > 120
        or len(first.split()) > 12
        or _ADDRESS.match(first)
        or not first[:1].isupper()
        and first[:1] not in "„»\"'"
    ):
        return None
    return first


def _read_html(data: bytes, source: str, *, options: IngestOptions) -> RawDocument | IngestError:
    try:
        html, encoding = decode_bytes(data)
    except DecodeFailure as exc:
        return IngestError(source, str(exc))
    return _html_document(html, source, url=None, doc_id=None, meta={"encoding": encoding}, options=options)


def _html_document(
    html: str,
    source: str,
    *,
    url: str | None,
    doc_id: str | None,
    meta: dict,
    options: IngestOptions,
    fallback: dict | None = None,
) -> RawDocument | IngestError:
    """The limit is on the text a reader sees, not on the markup (a 1.6 MB page may hold 1.5 KB of text).
    A page whose visible text is clearly over the limit is refused before the (costly) extraction."""
    estimate = visible_text_bytes(html)
    if estimate > 2 * options.max_doc_bytes:
        return IngestError(
            source,
            f"document too large: about {estimate} bytes of text in the HTML, more than the limit of "
            f"{options.max_doc_bytes}",
        )
    try:
        page = extract_html(html, url=url)
    except ValueError as exc:
        return IngestError(source, str(exc))
    except Exception as exc:  # noqa: BLE001  (lxml/trafilatura failures on hostile markup: one errors row)
        return IngestError(source, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
    text = normalize_text(page.text)
    if not text.strip():
        return IngestError(source, "empty document (no main text in HTML)")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > options.max_doc_bytes:
        return IngestError(
            source,
            f"document too large: {size} bytes of text, more than the limit of {options.max_doc_bytes}",
        )
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


_SCRIPT_STYLE = re.compile(r"<(script|style)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")  # "[^<>]", not "[^>]": "<<<<…" without ">" stays linear


def visible_text_bytes(html: str) -> int:
    """UTF-8 bytes of a page's text without tags, scripts and styles, spaces collapsed: an upper bound,
    within separators, of what extraction can return. Linear in the page, whatever its markup.

    Example: "<p>Grüße</p><script>x()</script>" -> 7.
    """
    lower = html.lower()
    parts, pos = [], 0
    while m := _SCRIPT_STYLE.search(html, pos):
        parts.append(html[pos : m.start()])
        close = lower.find("</" + m.group(1).lower(), m.end())
        if close < 0:
            pos = len(html)
            break
        end = html.find(">", close)
        pos = end + 1 if end >= 0 else len(html)
    parts.append(html[pos:])
    text = unescape(_TAG.sub(" ", " ".join(parts)))
    return len(" ".join(text.split()).encode("utf-8", "surrogatepass"))


# --- JSON records ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NoTextField:
    """A record without the text field (and without html): maybe the whole file names it otherwise."""

    source: str
    keys: tuple[str, ...]
    longest: str | None


def _record(obj: object, source: str, *, options: IngestOptions) -> RawDocument | IngestError | _NoTextField:
    """One JSON record -> RawDocument. A record may carry `text` or raw `html`.

    Metadata must be text or a number: a list or object is refused (one errors row), never written as a
    Python repr; numbers become their JSON spelling (4711 -> "4711", true -> "true").
    """
    if not isinstance(obj, dict):
        return IngestError(source, f"JSON record is a {type(obj).__name__}, expected an object")
    try:
        doc_id = meta_text(obj.get(options.id_field), options.id_field)
        title = meta_text(obj.get(options.title_field), options.title_field)
        publisher = meta_text(obj.get(options.publisher_field), options.publisher_field)
        url = meta_text(obj.get(options.url_field), options.url_field)
    except BadField as exc:
        return IngestError(source, str(exc))
    published, date_problem = parse_date(obj.get(options.date_field), field=options.date_field)
    meta_fields = {"title": title, "published": published, "publisher": publisher, "url": url}
    text = obj.get(options.text_field)
    html = obj.get(options.html_field)
    if options.text_field not in obj and not (isinstance(html, str) and html.strip()):
        strings = [(len(v), k) for k, v in obj.items() if isinstance(v, str)]
        return _NoTextField(source, tuple(obj), max(strings)[1] if strings else None)
    if not isinstance(text, str) or not text.strip():
        if isinstance(html, str) and html.strip():
            if len(html.encode("utf-8", "surrogatepass")) > options.max_html_bytes:
                return IngestError(
                    source, f"document too large: HTML of more than {options.max_html_bytes} bytes"
                )
            doc = _html_document(
                html,
                source,
                url=url,
                doc_id=doc_id,
                meta={},
                options=options,
                fallback={k: v for k, v in meta_fields.items() if v},
            )
            if date_problem and isinstance(doc, RawDocument):
                _warn(doc, date_problem)
            return doc
        return IngestError(source, f"record has no text in field {options.text_field!r}")
    if len(text.encode("utf-8", "surrogatepass")) > options.max_doc_bytes:
        return IngestError(source, f"document too large: more than {options.max_doc_bytes} bytes")
    text = normalize_text(text)
    if not text.strip():
        return IngestError(source, "empty document (no text after normalization)")
    doc = RawDocument(
        source=source,
        text=text,
        kind="json",
        doc_id=doc_id,
        title=one_line(title),
        published=published,
        publisher=one_line(publisher),
        url=one_line(url),
    )
    if date_problem:
        _warn(doc, date_problem)
    return doc


class _Records:
    """Records of one JSON/JSONL file -> rows: unique sources, and one message (not one per record)
    when no record has the text field at all.

    Example: 5 records with "body" instead of "text" -> one row: "5 records have no field 'text' …
    fields present: id, headline, body; choose the text field: --text-field body".
    """

    def __init__(self, source: str, options: IngestOptions) -> None:
        self.source, self.options = source, options
        self.ids: set[str] = set()
        self.has_field = False
        self.pending: list[_NoTextField] = []

    def source_for(self, obj: object, n: int, prefix: str) -> str:
        """`file#<id>` for a record with an id seen first here, else `file#L<line>` / `file#<index>`."""
        if isinstance(obj, dict):
            own = obj.get(self.options.id_field)
            if isinstance(own, str | int) and not isinstance(own, bool) and own != "":
                key = str(own)
                if key not in self.ids:
                    self.ids.add(key)
                    return f"{self.source}#{key}"
        return f"{self.source}#{prefix}{n}"

    def row(self, obj: object, source: str) -> Iterator[RawDocument | IngestError]:
        try:
            res = _record(obj, source, options=self.options)
        except Exception as exc:  # noqa: BLE001  (one record's data must never end the file)
            res = IngestError(source, f"record cannot be read: {type(exc).__name__}: {exc}")
        if isinstance(res, _NoTextField):
            if self.has_field:
                yield self.missing(res)
            else:
                self.pending.append(res)
            return
        if not self.has_field:
            self.has_field = True
            yield from (self.missing(p) for p in self.pending)
            self.pending.clear()
        yield res

    def missing(self, rec: _NoTextField) -> IngestError:
        return IngestError(rec.source, f"record has no text in field {self.options.text_field!r}")

    def finish(self) -> Iterator[IngestError]:
        if not self.pending:
            return
        keys: dict[str, None] = {}
        for p in self.pending[:1000]:
            keys.update(dict.fromkeys(p.keys))
        names = ", ".join(list(keys)[:20])
        hint = next((p.longest for p in self.pending if p.longest), None)
        n = len(self.pending)
        what = "the record has" if n == 1 else f"{n} records have"
        yield IngestError(
            self.source,
            f"{what} no field {self.options.text_field!r} (fields present: {names}); "
            f"choose the text field with --text-field" + (f" (e.g. --text-field {hint})" if hint else ""),
        )
        self.pending.clear()


def _json_error(exc: json.JSONDecodeError, *, line: bool) -> str:
    msg = exc.msg.removesuffix(" at")  # "Invalid control character at" + "at column" read "at at"
    if line:
        return f"malformed JSON line: {msg} at column {exc.colno}"
    return f"malformed JSON at line {exc.lineno} column {exc.colno}: {msg}"


def _read_json(
    data: bytes, source: str, *, options: IngestOptions, lines_fallback: bool = False
) -> Iterator[RawDocument | IngestError]:
    """A .json file: one object or an array of objects. `lines_fallback`: the bytes came from a .jsonl
    file that looked pretty-printed; if they are not one JSON document, they are read line by line."""
    try:
        text, _ = decode_bytes(data)
        obj = json.loads(text)
    except DecodeFailure as exc:
        yield IngestError(source, str(exc))
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" or lines_fallback:  # one record per line: read it as JSON Lines
            yield from _read_jsonl(io.BytesIO(text.encode("utf-8")), source, options=options, fallback=False)
            return
        yield IngestError(source, _json_error(exc, line=False))
        return
    except (ValueError, RecursionError) as exc:
        yield IngestError(source, f"malformed JSON: {type(exc).__name__}: {exc}")
        return
    if isinstance(obj, list) and not obj:
        yield IngestError(source, "JSON array without records")
        return
    records = _Records(source, options)
    if isinstance(obj, list):
        for i, rec in enumerate(obj, 1):
            yield from records.row(rec, records.source_for(rec, i, ""))
    else:
        yield from records.row(obj, source)
    yield from records.finish()


def _read_jsonl(
    stream: BinaryIO, source: str, *, options: IngestOptions, fallback: bool = True
) -> Iterator[RawDocument | IngestError]:
    """JSON Lines, streamed: a line that does not parse (for whatever reason) is one errors row, the rest
    goes on. No line longer than 2 x max_doc_bytes is ever held in memory.

    UTF-8 as the format asks; UTF-16 (with or without byte-order mark) is read as UTF-16, and a line in
    cp1252 ("Stra\\xdfe") is accepted when it has no UTF-8 sequences at all. Lines may end in CR only.
    A pretty-printed JSON document in a .jsonl file is read as JSON (`fallback`).
    """
    head = stream.read(_CHUNK)
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or _looks_utf16(head):
        encoding = "utf-16" if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else _looks_utf16(head)
        stream = _Transcode(_Prefixed(head, stream), encoding)  # type: ignore[arg-type, assignment]
        head = stream.read(_CHUNK)
    sep = b"\r" if b"\r" in head and b"\n" not in head else b"\n"
    limit = 2 * options.max_doc_bytes
    lines = _Lines(stream, sep, limit, head)
    records = _Records(source, options)
    first = True
    for lineno, raw in enumerate(lines, 1):
        if isinstance(raw, int):
            yield IngestError(
                f"{source}#L{lineno}",
                f"document too large: line of {raw} bytes, more than the limit of {limit}",
            )
            first = False
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            try:
                line, _ = decode_bytes(raw)
            except DecodeFailure:
                yield IngestError(f"{source}#L{lineno}", f"invalid UTF-8 at byte {exc.start} of the line")
                first = False
                continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            if first and fallback and line.strip() in ("{", "[", "[{"):
                # "{" or "[" alone on the first line: a pretty-printed JSON file, not JSON Lines
                data = raw + sep + lines.rest(options.max_json_bytes)
                yield from _read_json(data, source, options=options, lines_fallback=True)
                return
            yield IngestError(f"{source}#L{lineno}", _json_error(exc, line=True))
            first = False
            continue
        except (ValueError, RecursionError) as exc:  # 100,000-deep nesting, integers of 5,000 digits
            yield IngestError(f"{source}#L{lineno}", f"malformed JSON line: {type(exc).__name__}: {exc}")
            first = False
            continue
        first = False
        yield from records.row(obj, records.source_for(obj, lineno, "L"))
    yield from records.finish()


def _read_zip(
    fh: BinaryIO, path: str, *, options: IngestOptions, skipped: list[str] | None = None
) -> Iterator[RawDocument | IngestError]:
    """Members read in place; unsafe names, links and suspicious compression ratios are never read.

    Hidden members, members of unknown type and symbolic links are listed in `skipped`.
    """
    try:
        zf = zipfile.ZipFile(fh)
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
            hidden = any(p.startswith(".") or p in options.exclude_dirs for p in parts[:-1])
            is_link = info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)
            if hidden or not parts or parts[-1].startswith(".") or is_link:
                if skipped is not None:
                    skipped.append(source)  # like a hidden file or a link out of a folder
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
