"""Readers: files, folders, globs, stdin, .txt/.html/.json/.jsonl, .xz/.gz/.bz2, .zip -> RawDocument.

Every input becomes exactly one RawDocument or one IngestError: nothing is dropped silently, and no
input can end the run. Reads are bounded: files are opened only when they are regular files, every
stream (compressed or not) has a byte budget, JSON Lines are split without holding an over-long line.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import hashlib
import io
import json
import logging
import lzma
import os
import re
import stat
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from pipeline.ingest.encoding import DecodeFailure, _looks_utf16, decode_bytes
from pipeline.ingest.html import extract_html
from pipeline.ingest.metadata import BadField, meta_text, parse_date
from pipeline.ingest.normalize import normalize_text, one_line
from pipeline.records.ids import content_doc_id

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
COMPRESSED = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | {".zip"}
# A compressed stream that has produced this much and still expands more than max_zip_ratio:1 is a bomb.
_BOMB_CHECK_BYTES = 64 << 20
_CHUNK = 1 << 16

log = logging.getLogger("pressextract.ingest")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How inputs are read. Field names apply to .json/.jsonl records.

    Budgets: `max_doc_bytes` is the text of one document (for HTML the extracted text, not the markup);
    `max_html_bytes` the markup of one page; `max_json_bytes` a .json file, which is parsed whole
    (JSON Lines are streamed); `max_file_bytes` everything read from one file after decompression.
    """

    id_field: str = "id"
    title_field: str = "title"
    text_field: str = "text"
    date_field: str = "date"
    publisher_field: str = "publisher"
    url_field: str = "url"
    html_field: str = "html"
    max_doc_bytes: int = 10_000_000
    max_file_bytes: int = 4_000_000_000
    max_json_bytes: int = 100_000_000
    max_html_bytes: int = 5_000_000
    max_zip_ratio: int = 200
    max_zip_members: int = 1_000_000
    exclude_dirs: tuple[str, ...] = ("gold",)
    follow_symlinks: bool = False


@dataclass(slots=True)
class RawDocument:
    """One release as read, before layout: normalized body text plus metadata.

    `meta["warnings"]` lists what was repaired on the way in (a date that is not a date, a character
    that cannot be written); the document itself is fine.
    """

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


class _Refused(OSError):
    """A path that is not a regular file (FIFO, device, socket): refused before reading."""


def _warn(doc: RawDocument, message: str) -> None:
    doc.meta.setdefault("warnings", []).append(message)


def _suffixes(name: str) -> tuple[str | None, str]:
    """('.xz', '.jsonl') for 'a.jsonl.xz'; (None, '.txt') for 'a.txt'."""
    p = PurePosixPath(name.lower())
    suffix = p.suffix
    if suffix in COMPRESSED:
        return suffix, PurePosixPath(p.stem).suffix
    return None, suffix


# --- strings that can always be written -----------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def display_path(name: str) -> str:
    """A file name as it can be written to a table: undecodable bytes as \\x escapes.

    Example: os.fsdecode(b"Stra\\xdfe.txt") ("Stra\\udcdfe.txt") -> "Stra\\\\xdfe.txt".
    """
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return clean_text(name)


def clean_text(value: str) -> str:
    """Lone surrogates (from JSON escapes like "\\udfff") -> U+FFFD; valid pairs are joined.

    Example: "Senat\\udfff" -> "Senat\\ufffd"; "\\ud83d\\ude00" -> "😀".
    """
    if not _SURROGATE.search(value):
        return value
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_STR_FIELDS = ("source", "text", "doc_id", "title", "published", "publisher", "url")


def _make_writable(item: RawDocument | IngestError) -> RawDocument | IngestError:
    """Every string of a document or error row encodable as UTF-8: one bad record is never a dead run."""
    if isinstance(item, IngestError):
        if _SURROGATE.search(item.source) or _SURROGATE.search(item.error):
            return IngestError(display_path(item.source), clean_text(item.error), item.stage)
        return item
    for name in _STR_FIELDS:
        value = getattr(item, name)
        if isinstance(value, str) and _SURROGATE.search(value):
            setattr(item, name, display_path(value) if name == "source" else clean_text(value))
            _warn(item, f"{name}: characters that cannot be written (lone surrogates) replaced")
    return item


# --- paths, folders, globs -> files ----------------------------------------------------------------


def _file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


class _Expansion:
    """Collects the files of all inputs: each file once, symlinks out of the tree not followed."""

    def __init__(self, options: IngestOptions, seen_files: set[tuple[int, int]] | None = None) -> None:
        self.options = options
        self.files: list[str] = []
        self.errors: list[IngestError] = []
        self.skipped: list[str] = []
        self.seen_files = seen_files if seen_files is not None else set()
        self.seen_dirs: set[tuple[int, int]] = set()

    def error(self, path: str, message: str) -> None:
        self.errors.append(IngestError(display_path(path), message))

    def add_file(self, path: str, st: os.stat_result, *, filtered: bool) -> None:
        if filtered and _suffixes(os.path.basename(path))[1] not in KNOWN:
            self.skipped.append(display_path(path))
            return
        key = (st.st_dev, st.st_ino)
        if key in self.seen_files:  # the same file named twice or reached through a link: read once
            return
        self.seen_files.add(key)
        self.files.append(path)

    def path(self, item: str) -> None:
        """An argument: a folder is walked, a file is taken (any type: an unknown one becomes an errors row)."""
        try:
            st = os.stat(item)
        except FileNotFoundError:
            self.error(item, "no such file or directory")
            return
        except OSError as exc:
            self.error(item, f"cannot read: {exc.strerror or exc}")
            return
        if stat.S_ISDIR(st.st_mode):
            self.walk(item)
        elif stat.S_ISREG(st.st_mode):
            self.add_file(item, st, filtered=False)
        else:
            self.error(item, f"{_file_kind(st.st_mode)}, not a regular file: refused without reading")

    def entries(self, folder: str) -> list[tuple[str, str, os.stat_result | None, bool]] | None:
        """(name, path, stat or None when broken, is a link) of a folder, sorted; unreadable -> errors row."""
        try:
            with os.scandir(folder) as it:
                names = sorted(e.name for e in it)
        except OSError as exc:
            self.error(folder.rstrip(os.sep) + os.sep, f"cannot read folder: {exc.strerror or exc}")
            return None
        out = []
        for name in names:
            full = os.path.join(folder, name)
            link = os.path.islink(full)
            try:
                st: os.stat_result | None = os.stat(full)
            except OSError:
                st = None
            out.append((name, full, st, link))
        return out

    def follows(self, path: str, root: str) -> bool:
        return self.options.follow_symlinks or _inside(os.path.realpath(path), root)

    def walk(self, top: str) -> None:
        """A folder, recursively in sorted order (files of a folder before its subfolders, like os.walk)."""
        root = os.path.realpath(top)
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                st = os.stat(folder)
            except OSError as exc:
                self.error(folder.rstrip(os.sep) + os.sep, f"cannot read folder: {exc.strerror or exc}")
                continue
            if (st.st_dev, st.st_ino) in self.seen_dirs:  # a link loop or a folder given twice
                continue
            self.seen_dirs.add((st.st_dev, st.st_ino))
            entries = self.entries(folder)
            if entries is None:
                continue
            subdirs = []
            for name, full, est, link in entries:
                is_dir = est is not None and stat.S_ISDIR(est.st_mode)
                shown = full + os.sep if is_dir else full
                if name.startswith(".") or (is_dir and name in self.options.exclude_dirs):
                    self.skipped.append(display_path(shown))
                elif link and (est is None or not self.follows(full, root)):
                    if est is None and _suffixes(name)[1] in KNOWN:
                        self.error(full, "broken symbolic link")
                    else:  # out of the input tree: not read unless --follow-symlinks
                        self.skipped.append(display_path(shown))
                elif est is None:
                    self.error(full, "cannot read: file vanished or is not accessible")
                elif is_dir:
                    subdirs.append(full)
                elif stat.S_ISREG(est.st_mode):
                    self.add_file(full, est, filtered=True)
                elif _suffixes(name)[1] in KNOWN:
                    self.error(
                        full, f"{_file_kind(est.st_mode)}, not a regular file: refused without reading"
                    )
                else:
                    self.skipped.append(display_path(full))
            stack.extend(reversed(subdirs))

    def glob(self, pattern: str) -> None:
        """`x/**/*.txt`: like glob.glob(recursive=True), but links are not followed out of the base
        folder, link loops are visited once and every file is taken once."""
        parts = pattern.rstrip(os.sep).split(os.sep)  # "x/*/" matches folders: they are walked anyway
        first = next(i for i, p in enumerate(parts) if _MAGIC.search(p))
        base = os.sep.join(parts[:first]) if first else ""
        if pattern.startswith(os.sep) and not base:
            base = os.sep
        rest = parts[first:]
        regex = _glob_regex(rest)
        max_depth = None if "**" in rest else len(rest)
        hidden_ok = any(p.startswith(".") for p in rest)
        start = base or "."
        root = os.path.realpath(start)
        matches: list[tuple[str, os.stat_result]] = []
        seen: set[tuple[int, int]] = set()
        stack: list[tuple[str, str, int]] = [(start, "", 0)]
        while stack:
            folder, rel, depth = stack.pop()
            try:
                st = os.stat(folder)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = self.entries(folder)
            for name, full, est, link in entries or []:
                relpath = f"{rel}/{name}" if rel else name
                shown = os.path.join(base, *relpath.split("/")) if base else os.path.join(*relpath.split("/"))
                if est is None:
                    if link and regex.match(relpath) and _suffixes(name)[1] in KNOWN:
                        self.error(shown, "broken symbolic link")
                    continue
                if link and not self.follows(full, root):
                    if regex.match(relpath):
                        self.skipped.append(display_path(shown))
                    continue
                if regex.match(relpath):
                    matches.append((shown, est))
                if (
                    stat.S_ISDIR(est.st_mode)
                    and (max_depth is None or depth + 1 < max_depth)
                    and (hidden_ok or not name.startswith("."))
                ):
                    stack.append((full, relpath, depth + 1))
        if not matches:
            self.error(pattern, "no file matches this pattern")
        for path, st in sorted(matches):
            if stat.S_ISDIR(st.st_mode):
                self.walk(path)
            elif stat.S_ISREG(st.st_mode):
                self.add_file(path, st, filtered=True)
            elif _suffixes(path)[1] in KNOWN:
                self.error(path, f"{_file_kind(st.st_mode)}, not a regular file: refused without reading")


_MAGIC = re.compile(r"[*?[]")


def _glob_component(comp: str) -> str:
    """One path component of a glob as a regex that never crosses "/" (fnmatch rules otherwise)."""
    out = [] if comp.startswith(".") else [r"(?!\.)"]
    i = 0
    while i < len(comp):
        ch = comp[i]
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            j = comp.find("]", i + 2 if comp[i + 1 : i + 2] in ("!", "]") else i + 1)
            if j < 0:
                out.append(r"\[")
            else:
                body = comp[i + 1 : j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def _glob_regex(parts: list[str]) -> re.Pattern[str]:
    """`**` matches any number of (non-hidden) folders, as in glob.glob(recursive=True)."""
    out = ""
    for k, comp in enumerate(parts):
        last = k == len(parts) - 1
        if comp == "**":
            out += r"(?:(?!\.)[^/]+(?:/(?!\.)[^/]+)*)?" if last else r"(?:(?!\.)[^/]+/)*"
        else:
            out += _glob_component(comp) + ("" if last else "/")
    return re.compile(out + r"\Z", re.DOTALL)


def expand_inputs(
    inputs: Iterable[str], *, options: IngestOptions, seen_files: set[tuple[int, int]] | None = None
) -> tuple[list[str], list[IngestError], list[str]]:
    """Paths, folders (recursive) and globs -> (files in stable order, errors, skipped files).

    Each file is taken once however it is reached; a FIFO or device is an errors row, never opened;
    symbolic links that leave the input folder are skipped unless `options.follow_symlinks`.
    `seen_files` ((device, inode) of files taken) carries "each file once" across calls of one run.
    """
    exp = _Expansion(options, seen_files)
    for item in inputs:
        if item == "-":
            exp.files.append("-")
        elif _MAGIC.search(item) and not os.path.lexists(item):
            exp.glob(item)
        else:
            exp.path(item)
    return exp.files, exp.errors, exp.skipped


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


# --- bounded streams -------------------------------------------------------------------------------


class _Counted(io.RawIOBase):
    """Counts the (compressed) bytes a decompressor takes from a file."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.n = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.n += len(data)
        return len(data)


class _Budget(io.RawIOBase):
    """A stream that raises InputTooLarge past `limit` bytes, or when it expands like a compression bomb."""

    def __init__(self, raw: BinaryIO, *, limit: int, compressed: _Counted | None, ratio: int) -> None:
        self.raw, self.limit, self.compressed, self.ratio, self.n = raw, limit, compressed, ratio, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.raw.read(min(len(buffer), _CHUNK))
        self.n += len(data)
        if self.n > self.limit:
            raise InputTooLarge(f"file larger than the limit of {self.limit} bytes (after decompression)")
        if (
            self.compressed is not None
            and self.n > _BOMB_CHECK_BYTES
            and self.n > self.ratio * max(1, self.compressed.n)
        ):
            raise InputTooLarge(
                f"decompresses at more than {self.ratio}:1 ({self.n} bytes from {self.compressed.n}): "
                "looks like a compression bomb"
            )
        buffer[: len(data)] = data
        return len(data)


def _read_all(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read to the end, refusing before more than `limit` bytes are held."""
    data = bytearray()
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return bytes(data)
        data += chunk
        if len(data) > limit:
            raise InputTooLarge(f"{what} larger than the limit of {limit} bytes")


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


def _open_regular(name: str) -> BinaryIO:
    """Open without blocking, then refuse anything but a regular file (a FIFO would block forever)."""
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _Refused(f"{_file_kind(st.st_mode)}, not a regular file: refused without reading")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


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


class _Lines:
    """Lines of a byte stream, split on `sep`, none held beyond `limit` bytes (an over-long line is
    counted while it is skipped and comes out as its length)."""

    def __init__(self, stream: BinaryIO, sep: bytes, limit: int, head: bytes = b"") -> None:
        self.stream, self.sep, self.limit = stream, sep, limit
        self.buf = bytearray(head)
        self.pos = 0

    def __iter__(self) -> Iterator[bytes | int]:
        dropped = 0
        scan = 0
        while True:
            i = self.buf.find(self.sep, scan)
            if i >= 0:
                n = dropped + (i - self.pos)
                line = n if n > self.limit else bytes(self.buf[self.pos : i])
                dropped = 0
                self.pos = scan = i + len(self.sep)  # before the yield: rest() may be called meanwhile
                yield line
                continue
            if len(self.buf) - self.pos > self.limit:
                dropped += len(self.buf) - self.pos
                self.buf.clear()
            else:
                del self.buf[: self.pos]
            self.pos = 0
            scan = len(self.buf)
            chunk = self.stream.read(_CHUNK)
            if not chunk:
                if dropped or len(self.buf) > self.limit:
                    yield dropped + len(self.buf)
                elif self.buf:
                    yield bytes(self.buf)
                self.buf.clear()
                return
            self.buf += chunk

    def rest(self, limit: int) -> bytes:
        """What is not yet split, to the end of the stream (bounded)."""
        data = bytes(self.buf[self.pos :])
        self.buf.clear()
        self.pos = 0
        if len(data) > limit:
            raise InputTooLarge(f"JSON file larger than the limit of {limit} bytes")
        return data + _read_all(self.stream, limit - len(data), "JSON file")


class _Transcode(io.RawIOBase):
    """A UTF-16 byte stream as UTF-8 bytes, decoded incrementally."""

    def __init__(self, raw: BinaryIO, encoding: str) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder(encoding)("strict")
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self.pending:
            data = self.raw.read(_CHUNK)
            self.pending = self.decoder.decode(data, final=not data).encode("utf-8")
            if not data:
                break
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


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
