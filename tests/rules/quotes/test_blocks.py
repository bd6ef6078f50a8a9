"""Speaker-line blocks: "Name/Office:" on its own line, then the statement as a paragraph without marks
(with or without textile's "bq." mark), and the lines that are NOT such blocks. Blank pipeline."""

from __future__ import annotations

import pytest

import pressextract
from pressextract.ingest.normalize import normalize_text


@pytest.fixture(scope="module")
def nlp():
    return pressextract.load("blank", stages=["press_people", "press_quotes"])


def direct(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(normalize_text(text))
    return [
        (s.text, s._.quote["speaker"]) for s in doc.spans["press_quotes"] if s._.quote["kind"] == "direct"
    ]


SHOULD = [
    (
        (
            "Die Bibliothek öffnet im Mai.\n\nBezirksstadtrat Max Mustermann:\n\n"
            "bq. Wir freuen uns sehr über die neue Bibliothek im Kiez."
        ),
        "Wir freuen uns sehr über die neue Bibliothek im Kiez.",
        "Bezirksstadtrat Max Mustermann",
    ),
    (
        (
            "Der Park wird saniert.\n\nBezirksbürgermeisterin Erika Beispiel erklärt:\n\n"
            "Damit wird der Park endlich wieder für alle nutzbar."
        ),
        "Damit wird der Park endlich wieder für alle nutzbar.",
        "Bezirksbürgermeisterin Erika Beispiel",
    ),
    (
        (
            "Die Schule erhält ein neues Dach.\n\nJugendstadträtin Anna Muster-Beispiel freut sich:\n\n"
            "bq. Das ist ein guter Tag für die Kinder im Bezirk!"
        ),
        "Das ist ein guter Tag für die Kinder im Bezirk!",
        "Jugendstadträtin Anna Muster-Beispiel",
    ),
    # a line with another verb: a statement when the paragraph speaks in the first person
    (
        (
            "Das Fest beginnt um 14 Uhr.\n\nBezirksstadträtin Erika Beispiel zeigt sich erfreut:\n\n"
            "bq. Ich freue mich auf viele Gäste aus der Nachbarschaft."
        ),
        "Ich freue mich auf viele Gäste aus der Nachbarschaft.",
        "Bezirksstadträtin Erika Beispiel",
    ),
    # the paragraph goes on over a single line break
    (
        (
            "Der Dienst startet.\n\nStaatssekretärin Erika Beispiel:\n\n"
            "bq. Davon profitieren die Bürgerinnen und Bürger\nin unserer Stadt."
        ),
        "Davon profitieren die Bürgerinnen und Bürger\nin unserer Stadt.",
        "Staatssekretärin Erika Beispiel",
    ),
    # a scare-quoted piece inside the paragraph gives way to the block
    (
        (
            "Helfer gesucht.\n\nBezirksstadtrat Max Mustermann:\n\n"
            "bq. Wer wissen will, wie eine Wahl „hinter der Urne“ abläuft, meldet sich bei uns."
        ),
        "Wer wissen will, wie eine Wahl „hinter der Urne“ abläuft, meldet sich bei uns.",
        "Bezirksstadtrat Max Mustermann",
    ),
]

SHOULD_NOT = [
    # a list announced by a colon
    "Mitmachen werden unter anderem:\n\nder Sportverein, die Musikschule und die Bibliothek.",
    # a contact line, no statement
    "Ansprechpartnerin Bezirksstadträtin Erika Beispiel:\n\nTel. 030 123456",
    # a line with a verb that is not a speech verb, then narrative
    "Bezirksstadtrat Max Mustermann eröffnet am Montag:\n\n- die neue Bibliothek im Kiez",
    # the paragraph is a list item
    "Die Senatorin nennt drei Ziele:\n\n1. Mehr Personal für die Schulen im Bezirk.",
    # an announcement line, then the release's narrative (no "ich"/"wir")
    "Die Bezirksbürgermeisterin Erika Beispiel informiert:\n\nIn der Musterstraße entsteht eine neue Schule.",
    "Der Senatssprecher Max Muster teilt mit:\n\nDer Senat hat in seiner Sitzung den Haushalt beschlossen.",
]


@pytest.mark.parametrize("text, quote, speaker", SHOULD)
def test_speaker_line_block_is_a_direct_quote(nlp, text, quote, speaker):
    assert (quote, speaker) in direct(nlp, text)


@pytest.mark.parametrize("text", SHOULD_NOT)
def test_not_a_speaker_line_block(nlp, text):
    assert direct(nlp, text) == []


def test_bq_mark_is_removed_and_offsets_point_into_the_text(nlp):
    text = normalize_text("Bezirksstadtrat Max Mustermann:\n\nbq. Wir freuen uns sehr über die Bibliothek.")
    assert "bq." not in text
    doc = nlp(text)
    (span,) = doc.spans["press_quotes"]
    assert text[span.start_char : span.end_char] == "Wir freuen uns sehr über die Bibliothek."


TRAILING = [
    # the name on the line right after a quote that closes its paragraph
    (
        (
            "Stimmen zur Woche\n\n„Für uns ist der Austausch wichtig. Wir freuen uns auf die Woche.“\n"
            "Prof. Dr. Erika Beispiel, Präsidentin der Universität\n\n„Das Museum bietet die Plattform.“\n"
            "Max Muster, Direktor des Museums"
        ),
        [
            ("Für uns ist der Austausch wichtig. Wir freuen uns auf die Woche.", "Prof. Dr. Erika Beispiel"),
            ("Das Museum bietet die Plattform.", "Max Muster"),
        ],
    ),
    # an address line names nobody
    ("„Wir laden alle herzlich ein.“\nRathaus Musterstadt, Marktplatz 1", []),
    # a sentence after the quote is narrative, not an attribution line
    ("„Wir laden alle herzlich ein.“\n\nMax Muster eröffnet das Fest um 14 Uhr.", []),
]


@pytest.mark.parametrize("text, expected", TRAILING)
def test_trailing_attribution_line(nlp, text, expected):
    doc = nlp(normalize_text(text))
    got = [
        (s.text, s._.quote["speaker"])
        for s in doc.spans["press_quotes"]
        if s._.quote["rule_id"].startswith("direct.trailing_line")
    ]
    assert got == expected


@pytest.mark.model
def test_separable_verb_needs_its_particle():
    """ "stellt den Antrag:" is not "stellt … fest:" (needs POS to see the other verb). de_pressextract 0.2.0."""
    nlp = pressextract.load()
    motion = "Die Liste Max Muster stellt den Antrag:\n\nDer Gemeinderat beschließt, die Satzung anzupassen."
    stated = "Der Park wird saniert.\n\nBezirksstadträtin Erika Beispiel stellt fest:\n\nDamit ist der Park wieder nutzbar."
    assert direct(nlp, motion) == []
    assert direct(nlp, stated) == [("Damit ist der Park wieder nutzbar.", "Bezirksstadträtin Erika Beispiel")]
