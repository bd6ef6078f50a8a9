"""Normalization: one canonical text that every offset points into."""

from __future__ import annotations

import unicodedata

import pytest

from pressextract.ingest.normalize import normalize_text, one_line


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Staats\u00administerin\u00a0Widmann-Mauz", "Staatsministerin Widmann-Mauz"),  # soft hyphen, NBSP
        (
            "Widmann\u2011Mauz und Kühne\u2010Hörmann",
            "Widmann-Mauz und Kühne-Hörmann",
        ),  # (non-breaking) hyphen
        ("Ber\u200blin\u2060er Senat", "Berliner Senat"),  # zero-width space, word joiner
        ("\ufeffIntegrationsbeauftragte", "Integrationsbeauftragte"),  # BOM inside the text
        ("Gru\u0308\u00dfe", "Grüße"),  # decomposed umlaut -> NFC
        ("12:00\u202fUhr", "12:00 Uhr"),  # narrow no-break space
        ("Erster Konferenztag\r\n\r\n\r\n12:00 Uhr", "Erster Konferenztag\n\n12:00 Uhr"),
        ("Absatz eins\r\rAbsatz zwei", "Absatz eins\n\nAbsatz zwei"),  # old Mac line ends
        ("Zeile  \nnächste\t \n\n\n\nAbsatz", "Zeile\nnächste\n\nAbsatz"),  # trailing blanks, many newlines
        ("Eins\u2029Zwei\u2028Drei", "Eins\n\nZwei\nDrei"),  # Unicode paragraph/line separators
        ("Null\x00Byte und Seiten\x0cwechsel", "NullByte und Seiten wechsel"),
        ("„Wir handeln“, sagte sie. »Sofort«, ‚jetzt‘.", "„Wir handeln“, sagte sie. »Sofort«, ‚jetzt‘."),
        ("  • Punkt eins\n  • Punkt zwei", "  • Punkt eins\n  • Punkt zwei"),  # list indentation kept
        ("\n\nText\n\n", "Text"),
        ("Stadtrat Max Muster:\n\nbq. Wir freuen uns.", "Stadtrat Max Muster:\n\nWir freuen uns."),  # textile
        ("Die Abkürzung bq. steht im Satz.", "Die Abkürzung bq. steht im Satz."),  # not at a line start
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["Staats\u00administerin", "A\r\nB", "Gru\u0308\u00dfe\u00a0aus Köln", "x\u2029y"],
)
def test_normalize_is_idempotent_and_nfc(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("  Senatsverwaltung für\nBildung,\u00a0Jugend ", "Senatsverwaltung für Bildung, Jugend"),
        ("", None),
        ("   \n ", None),
        (None, None),
    ],
)
def test_one_line(value: str | None, expected: str | None) -> None:
    assert one_line(value) == expected
