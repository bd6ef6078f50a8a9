"""One event, one row (issue 16 F): a ceremony named by several nouns ("Feierstunde", "Gedenkveranstaltung",
"Gedenkstunde") is one event; standing bodies named like meetings ("Kultusministerkonferenz") are no events.
German sentences written for these tests."""

from __future__ import annotations

import pytest

from pressextract.rules.events import load_lexicon, match_noun
from rules.events.handmade import run_events


def _events(nlp, text, published="2025-10-20"):
    found = run_events(nlp, text, year=2025, published=published)
    return [(e.event["type"], (e.event["start"] or "")[:16]) for e in found]


ONE_OCCASION = [
    # should: one commemoration, however many nouns name it -> one row
    (
        (
            "Gedenkstunde am Mahnmal in Staaken\n\nDas Bezirksamt richtet zum Gedenken an die Opfer der "
            "Pogromnacht auch in diesem Jahr eine Feierstunde aus. Diese Gedenkveranstaltung findet am "
            "6. November 2025 um 10 Uhr am Mahnmal an der Heerstraße statt. Alle Bürgerinnen und Bürger sind "
            "eingeladen, an der Gedenkstunde teilzunehmen."
        ),
        1,
    ),
    (
        (
            "Die Bezirksverordnetenvorsteherin lädt zur Gedenkfeier am 9. November 2025 um 17 Uhr in den "
            "Rathaussaal ein. Die Feierstunde wird vom Schulchor begleitet."
        ),
        1,
    ),
    (
        (
            "Kranzniederlegung zum Volkstrauertag\n\nAm 16. November 2025 um 11 Uhr findet auf dem Friedhof "
            "an der Wilhelmstraße eine Feierstunde statt. im anschluss legt der Bürgermeister einen Kranz nieder."
        ),
        1,
    ),
    # should: an event named again by a generic word at the same time and place -> one row
    (
        (
            "Konzert des Jugendorchesters in der Krankenhauskirche\n\nAm Samstag, dem 2. November 2025, ab 16 Uhr "
            "lädt die Krankenhauskirche wieder zu einem ganz besonderen Konzerterlebnis ein."
        ),
        1,
    ),
    # shouldn't: a press appointment at the time of the event is an appointment of its own
    (
        (
            "Am 26. Oktober 2025 um 18 Uhr zeigt das Ensemble eine Voraufführung im Theatersaal. Zum "
            "Pressegespräch am 26. Oktober 2025 um 18 Uhr sind Medienvertreter eingeladen."
        ),
        2,
    ),
    # shouldn't: two ceremonies on two days stay two rows
    (
        (
            "Am 6. November 2025 um 10 Uhr findet eine Gedenkveranstaltung am Mahnmal statt. Die Schule lädt "
            "außerdem am 12. November 2025 um 15 Uhr zu einer Feierstunde für ihre Abiturientinnen ein."
        ),
        2,
    ),
    # shouldn't: a ceremony and a concert at one time are not merged by this rule (different classes)
    (
        (
            "Am 6. November 2025 um 19 Uhr findet im Rathaus eine Feierstunde statt. Am 6. November 2025 um "
            "19 Uhr findet in der Kirche ein Konzert des Kammerorchesters statt."
        ),
        2,
    ),
]


@pytest.mark.parametrize("text, rows", ONE_OCCASION)
def test_one_occasion_is_one_row(nlp, text, rows):
    events = _events(nlp, text)
    assert len(events) == rows, events


def test_merged_row_keeps_the_date(nlp):
    """The undated headline's "Gedenkstunde" joins the dated row: its date and time stay."""
    events = _events(nlp, ONE_OCCASION[0][0])
    assert events == [("Gedenkveranstaltung", "2025-11-06T10:00")] or (
        len(events) == 1 and events[0][1] == "2025-11-06T10:00"
    ), events


STANDING_BODIES = [
    # shouldn't: a standing body whose name ends with "konferenz" is no event
    ("Kultusministerkonferenz", False),
    ("Hochschulrektorenkonferenz", False),
    ("Landesrektorenkonferenz", False),
    ("Bischofskonferenz", False),
    # shouldn't: special opening hours of a museum or an office are no opening ceremony
    ("Sonderöffnung", False),
    ("Sonderöffnungen", False),
    # should: meetings named by "-konferenz" stay events
    ("Fachkonferenz", True),
    ("Bundeskonferenz", True),
    ("Pressekonferenz", True),
    ("Wiedereröffnung", True),
]


@pytest.mark.parametrize("word, event", STANDING_BODIES)
def test_standing_bodies_are_no_events(word, event):
    assert (match_noun(word, lexicon=load_lexicon()) is not None) is event


BODY_IN_TEXT = [
    # shouldn't: the body that meets, in a sentence with an event verb or a date
    (
        "Die Kultusministerkonferenz (KMK) hat am 14. Oktober 2025 neue Empfehlungen zum Ganztag beschlossen.",
        [],
    ),
    (
        (
            "Die Präsidentin der Hochschulrektorenkonferenz lädt am 3. November 2025 um 11 Uhr zu einer "
            "Pressekonferenz in die Bundespressekonferenz ein."
        ),
        ["Pressekonferenz"],
    ),
    # should: the meeting of the body is the event
    (
        (
            "Die Mitgliederversammlung der Hochschulrektorenkonferenz (HRK) findet am 18. November 2025 in "
            "Mannheim statt."
        ),
        ["Versammlung"],
    ),
]


@pytest.mark.parametrize("text, types", BODY_IN_TEXT)
def test_body_is_no_event(nlp, text, types):
    assert [t for t, _ in _events(nlp, text)] == types


CHOICE = [
    # shouldn't: "Wahl" as a choice of something, in a dated sentence
    ("Die Wahl des Datums am 7. März 2025 hängt mit dem Lohnunterschied zusammen.", []),
    ("Bei der Wahl der Mittel am 3. April 2025 hat die Verwaltung auf Sparsamkeit geachtet.", []),
    ("Die Wahl des richtigen Standorts für die Stele fiel am 12. Mai 2025 auf den Marktplatz.", []),
    # should: an election of people stays an event
    ("Die Wahl des neuen Vorstands findet am 12. März 2025 um 18 Uhr im Gemeindesaal statt.", ["Wahl"]),
    ("Am 21. September 2025 findet die Wahl der Bezirksverordnetenversammlung statt.", ["Wahl"]),
]


@pytest.mark.parametrize("text, types", CHOICE)
def test_choice_is_no_election(nlp, text, types):
    assert [t for t, _ in _events(nlp, text)] == types


SAME_HEAD = [
    # should: two names of one event at one time
    ("Konzert des Jugendorchesters", "Konzerterlebnis", True),
    ("Tag des Fahrrads", "Aktionsnachmittag „Tag des Fahrrads“", True),
    # shouldn't: a talk at an exhibition's opening is an event of its own
    ("Gespräch mit der Künstlerin und der Kuratorin", "Ausstellung „Blumen im Schnee“", False),
    ("Lesung mit Musik", "Konzert im Lesesaal", False),
]


@pytest.mark.parametrize("a, b, same", SAME_HEAD)
def test_same_head(a, b, same):
    from pressextract.rules.events.checks import _same_head

    assert _same_head(a, b) is same
