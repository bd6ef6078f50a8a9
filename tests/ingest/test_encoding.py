"""Bytes -> text: every accepted encoding decodes to the same German text, broken input is refused."""

from __future__ import annotations

import codecs

import pytest

from pressextract.ingest.encoding import DecodeFailure, decode_bytes

GERMAN = "Mit freundlichen Grüßen aus der Schloßstraße – „Größe zählt“, sagt Jürgen. 5 €"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "utf-8-sig"),
        (GERMAN.encode("utf-16"), "utf-16"),  # with BOM
        (GERMAN.encode("utf-16-le"), "utf-16-le"),  # without BOM
        (GERMAN.encode("utf-16-be"), "utf-16-be"),
        (GERMAN.encode("utf-32"), "utf-32"),
        (GERMAN.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_without_mojibake(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert text.lstrip("\ufeff") == GERMAN
    assert found == encoding


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"Stra\xdfe", "Straße"),
        (b"Gr\xfc\xdfe", "Grüße"),
        (b"Sch\xf6ne Gr\xfc\xdfe aus \xc4gypten", "Schöne Grüße aus Ägypten"),
        (
            b"\x84Zitat\x93 \x96 Ende",
            "„Zitat“ – Ende",
        ),  # only cp1252 has these, latin-1 would give C1 controls
        ("Über".encode("latin-1"), "Über"),
    ],
)
def test_legacy_german(data: bytes, expected: str) -> None:
    assert decode_bytes(data)[0] == expected


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (bytes(range(1, 9)) * 50, "binary file"),
        ("Grüße aus Köln".encode() + b" \xff\xfe kaputt", "invalid UTF-8"),  # UTF-8 with a broken byte
        (codecs.BOM_UTF8 + b"Gr\xfc\xdfe", "invalid utf-8-sig"),  # BOM promises UTF-8, cp1252 follows
        (codecs.BOM_UTF16_LE + b"G\x00r", "invalid utf-16"),  # odd length after the BOM
    ],
)
def test_broken_input_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(DecodeFailure, match=message):
        decode_bytes(data)
