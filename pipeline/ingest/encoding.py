"""Bytes -> str for German text files: UTF-8 (BOM or not), UTF-16/32, cp1252/latin-1; never mojibake.

Example: b"Stra\\xdfe" (cp1252) -> "Straße"; b"Stra\\xc3\\x9fe \\xff" (broken UTF-8) -> DecodeFailure.
"""

from __future__ import annotations

import codecs
import re


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
# C0 controls that never occur in text files (tab, newlines, form feed and escape are allowed).
_BINARY_CONTROLS = tuple(c for c in range(1, 32) if c not in (9, 10, 12, 13, 27))


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


def _binary_reason(data: bytes) -> str | None:
    """Why these bytes are not text (null bytes, control characters), or None."""
    head = data[:65536]
    if b"\x00" in head:
        return "binary file (null bytes, not UTF-16 text)"
    controls = sum(head.count(bytes([c])) for c in _BINARY_CONTROLS)
    if controls > max(2, 0.01 * len(head)):
        return f"binary file ({controls} control bytes in the first {len(head)} bytes)"
    return None


def _check_text(text: str, encoding: str) -> tuple[str, str]:
    """Refuse a decoding that produced control characters: binary data that happened to decode."""
    sample = text[:20000]
    controls = sum(
        1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\x1b") or 0x7F <= ord(ch) < 0xA0
    )
    if controls > max(2, 0.01 * len(sample)):
        raise DecodeFailure(f"binary file ({controls} control characters when read as {encoding})")
    return text, encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode and return (text, encoding name). Raises DecodeFailure for binary or broken input.

    Order: byte-order mark, UTF-16 without mark (null-byte pattern), binary check, strict UTF-8,
    then cp1252 (a superset of latin-1's printable range, what German Windows files use).
    Example: b"Gr\xfc\xdfe" -> ("Grüße", "cp1252").
    """
    if not data:
        raise DecodeFailure("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeFailure(f"invalid {name} after its byte-order mark at byte {exc.start}") from exc
            return _check_text(text, name)
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise DecodeFailure(f"invalid {utf16} at byte {exc.start}") from exc
        return _check_text(text, utf16)
    reason = _binary_reason(data)
    if reason:
        raise DecodeFailure(reason)
    try:
        return _check_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise DecodeFailure(
                f"invalid UTF-8 at byte {exc.start} (the file also has valid UTF-8 sequences, "
                "so it is damaged rather than in another encoding)"
            ) from exc
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # Bytes cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d): ISO-8859-1 maps them to C1 controls.
        text, encoding = data.decode("latin_1"), "latin_1"
    return _check_text(text, encoding)
