"""What readers produce and share: options, RawDocument, IngestError, file-name suffixes, and strings
that can always be written (lone surrogates replaced, undecodable file names escaped).

Example: display_path(os.fsdecode(b"Stra\\xdfe.txt")) -> "Stra\\\\xdfe.txt"; clean_text("Senat\\udfff") -> "Senat\\ufffd".
"""

from __future__ import annotations

import bz2
import gzip
import logging
import lzma
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
COMPRESSED = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | {".zip"}

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
