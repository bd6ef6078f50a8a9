"""find_office_heads tests each distinct word once (offices._may_head): it must find exactly the heads that
reading _head_at at every token finds, in the contexts that widen a title (two-word titles, premodifiers,
acronyms, "a. D.")."""

import pytest

from pressextract.rules.common import tokenize
from pressextract.rules.roles import find_office_heads, lexicon
from pressextract.rules.roles.offices import _head_at, _may_head

# should: each sentence has at least one office head
WITH_OFFICES = [
    "Die Regierende Bürgermeisterin Franziska Muster eröffnete die Messe.",
    "Der stellvertretende Bezirksbürgermeister Tom Probe (SPD) sprach.",
    "„Das ist gut“, sagte Bildungsstaatssekretärin Beate Beispiel.",
    "Der Sprecher von UN-Generalsekretär Anton Muster, Stefan Probe, widersprach.",
    "Altbürgermeister Hans Muster a. D. und die Ex-Senatorin Eva Probe kamen.",
    "Mit dabei: Lisa Muster MdA, Vorsitzende der SPD-Fraktion im Abgeordnetenhaus.",
    "Die Parlamentarische Geschäftsführerin Ana Muster und der Hessische Minister für Soziales.",
    "Kulturstaatsministerin Claudia Beispiel und Bezirksbildungsstadtrat Jörg Probe",
    "Der ehemalige Vorstandsvorsitzende der Muster AG, Dr. Ralf Probe, Chief Digital Officer",
]
# shouldn't: no office head
WITHOUT_OFFICES = [
    "Die Schule am Markt öffnet am Montag um 9 Uhr.",
    "Im Rathaus Schöneberg beginnt die Ausstellung „Berlin bauen“.",
    "Anmeldung unter 030 1234-5678 oder per E-Mail.",
]


def _full_scan(text: str) -> list:
    toks = tokenize(text)
    lex = lexicon()
    return [m for i in range(len(toks)) if (m := _head_at(toks, i, lex)) is not None]


@pytest.mark.parametrize("text", WITH_OFFICES)
def test_heads_as_by_the_full_scan(text: str) -> None:
    expected = _full_scan(text)
    assert expected, "the sentence should name an office"
    assert find_office_heads(tokenize(text)) == expected
    assert find_office_heads(tokenize(text)) == expected  # a second read (cached words) gives the same


@pytest.mark.parametrize("text", WITHOUT_OFFICES)
def test_no_heads_where_the_full_scan_finds_none(text: str) -> None:
    assert _full_scan(text) == []
    assert find_office_heads(tokenize(text)) == []


@pytest.mark.parametrize(
    ("word", "may"),
    [
        ("Senatorin", True),
        ("Bürgermeisterin", True),  # also the end of "Regierende Bürgermeisterin"
        ("Bildungsstaatssekretärin", True),
        ("MdA", True),
        ("Schule", False),
        ("Rathaus", False),
        ("und", False),
        (",", False),
    ],
)
def test_may_head(word: str, may: bool) -> None:
    assert _may_head(word, lexicon()) is may
