"""Bytes -> str for German text files: UTF-8 (BOM or not), UTF-16/32, cp1252/latin-1; never mojibake.

Example: b"Stra\\xdfe" (cp1252) -> "Straße"; b"Stra\\xc3\\x9fe \\xff" (broken UTF-8) -> DecodeFailure.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class DecodeFailure(ValueError):
    """The bytes are not text in any encoding we accept; the message says why."""


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# A valid UTF-8 multi-byte sequence: if a file has these and still fails strict UTF-8, it is broken UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ACCEPTED_LEGACY = ("cp1252", "windows-1252", "latin_1", "iso8859_15", "iso8859_1", "cp850", "mac_roman")


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nulls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nulls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nulls > 0.3 and even_nulls < 0.05:
        return "utf-16-le"
    if even_nulls > 0.3 and odd_nulls < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode and return (text, encoding name). Raises DecodeFailure for binary or broken input."""
    if not data:
        raise DecodeFailure("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeFailure(f"invalid {name} after its byte-order mark at byte {exc.start}") from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise DecodeFailure(f"invalid {utf16} at byte {exc.start}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise DecodeFailure(
                f"invalid UTF-8 at byte {exc.start} (the file also has valid UTF-8 sequences, "
                "so it is damaged rather than in another encoding)"
            ) from exc
    if b"\x00" in data[:65536]:
        raise DecodeFailure("binary file (null bytes, not UTF-16 text)")
    best = from_bytes(data[:200_000], cp_isolation=list(_ACCEPTED_LEGACY)).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin_1"
        text = data.decode(encoding)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 20000):
        raise DecodeFailure("binary file (control characters, no text encoding fits)")
    return text, encoding
