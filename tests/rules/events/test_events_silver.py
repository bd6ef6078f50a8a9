"""Facts of events from lines and sentences around the event's own: a clock time of the event's day in the next
sentence, the body's dating sentence or a date line; no place inside a quoted title or naming an event.
German sentences written for these tests (the forms come from a silver read of Berlin and other publishers'
releases, issue 16)."""

from __future__ import annotations

import re

import pytest

from pressextract.contract import TimexRef
from rules.events.handmade import hand_timexes, run_events

_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})(?:[.:](\d{2}))?\s*Uhr\b|(?<![\d.])(\d{1,2})[.:](\d{2})(?![\d.])")


def _timexes(text: str) -> list[TimexRef]:
    """Hand-made dates, and a TIME for every clock time, anchored (as the timex stage does) to the first day."""
    dates = hand_timexes(text)
    day = dates[0].value[:10] if dates else "XXXX-XX-XX"
    times = []
    for m in _CLOCK.finditer(text):
        if any(d.start <= m.start() < d.end for d in dates):
            continue
        h, mi = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        times.append(TimexRef(m.start(), m.end(), "TIME", f"{day}T{int(h):02d}:{int(mi or 0):02d}"))
    return sorted([*dates, *times], key=lambda t: t.start)


def _events(nlp, text, entities=(), published="2024-02-01"):
    return [
        m.event for m in run_events(nlp, text, timexes=_timexes(text), entities=entities, published=published)
    ]


def _event(events, word):
    return next((e for e in events if word in e["name"]), None)


# --- a bare day takes the first clock time of that day near the event ------------------------------------

DAY_CLOCK = [
    # should: the body's first sentence under a headline event, the sentence after the event's, a date line
    (
        (
            "Lesung mit Jana Berger am 14. März\n\n"
            "Am Donnerstag, dem 14. März 2024, liest um 19.30 Uhr die Autorin Jana Berger in der "
            "Stadtteilbibliothek Nord aus ihrem neuen Roman."
        ),
        "Lesung",
        "2024-03-14T19:30",
    ),
    (
        (
            "Der Kinder- und Jugendzirkus lädt am 8. Juni 2024 zum Sommerfest auf den Schulhof ein. "
            "Ab 15 Uhr gibt es Musik, Spiele und Kuchen."
        ),
        "Sommerfest",
        "2024-06-08T15:00",
    ),
    (
        (
            "Tag der offenen Tür in der Gartenarbeitsschule\n\n"
            "Die Gartenarbeitsschule öffnet am 12. Mai 2024 wieder für alle Interessierten ihre Türen.\n\n"
            "Sonntag, 12. Mai 2024 von 10:30 bis 17:00 Uhr\n\nAm Südpark 4, 12345 Berlin"
        ),
        "Tag der offenen Tür",
        "2024-05-12T10:30",
    ),
    (
        (
            "Autorenlesung mit Karl Weber\n\nDer Verein lädt zur Autorenlesung am 20. März 2024 ein.\n\n"
            "* Datum: Mittwoch, den 20. März 2024 um 17:00 Uhr * Ort: Buchhandlung am Markt"
        ),
        "Autorenlesung",
        "2024-03-20T17:00",
    ),
    # shouldn't: an end ("bis 20 Uhr"), a deadline, or the clock time of another event in the next sentence
    (
        "Das Sommerfest findet am 8. Juni 2024 im Hof der Kita statt. Das Fest dauert bis 20 Uhr.",
        "Sommerfest",
        "2024-06-08",
    ),
    (
        (
            "Der Kiezspaziergang findet am 8. Juni 2024 im Wedding statt. "
            "Um 15 Uhr beginnt außerdem ein Konzert im Park."
        ),
        "Kiezspaziergang",
        "2024-06-08",
    ),
    (
        (
            "Der Flohmarkt findet am 8. Juni 2024 auf dem Schulhof statt.\n\n"
            "Anmeldung für Standplätze bis 8. Juni 2024, 9 Uhr, im Sekretariat."
        ),
        "Flohmarkt",
        "2024-06-08",
    ),
]


@pytest.mark.parametrize("text, name, start", DAY_CLOCK)
def test_bare_day_takes_the_clock_time_of_that_day(nlp, text, name, start):
    ev = _event(_events(nlp, text), name)
    assert ev is not None and ev["start"] == start


def test_the_clock_sentence_places_the_event(nlp):
    text = (
        "Lesung mit Jana Berger am 14. März\n\n"
        "Am Donnerstag, dem 14. März 2024, liest um 19.30 Uhr die Autorin Jana Berger in der "
        "Stadtteilbibliothek Nord aus ihrem neuen Roman."
    )
    assert _event(_events(nlp, text), "Lesung")["location"] == "Stadtteilbibliothek Nord"


# --- no place inside a quoted title, none that names an event --------------------------------------------

PLACES = [
    # should: the venue after the title
    (
        "Die Ausstellung „Leben und Arbeiten in Spandau“ ist ab dem 3. Mai 2024 im Gotischen Haus zu sehen.",
        "Ausstellung",
        (),
        "Gotisches Haus",
    ),
    (
        "Die Lesung „Ein Sommer in Rixdorf“ findet am 3. Mai 2024 in Neukölln statt.",
        "Lesung",
        (),
        "Neukölln",
    ),
    # shouldn't: a place tagged by NER that is the event itself
    (
        "Das Volksfest beginnt am 7. August 2024. Die Polizei zeigt auf dem Gäubodenvolksfest starke Präsenz.",
        "olksfest",
        "Gäubodenvolksfest",
        None,
    ),
]


@pytest.mark.parametrize("text, name, entity, place", PLACES)
def test_place_outside_titles_and_events(nlp, text, name, entity, place):
    ents = []
    if entity:
        s = text.index(entity)
        ents = [(s, s + len(entity), "LOC")]
    ev = _event(_events(nlp, text, entities=ents), name)
    assert ev is not None and ev["location"] == place


# --- the publisher is no organizer of an event it only takes part in, supports or reports on -------------


def _published_events(nlp, text, publisher):
    return [
        m.event
        for m in run_events(nlp, text, timexes=_timexes(text), published="2024-02-01", publisher=publisher)
    ]


PART_ONLY = [
    # should: the publisher speaks for itself about its own event
    (
        "Am 14. Februar 2024 findet unser Klimastreik auf dem Marktplatz statt. Wir gehen um 15 Uhr auf die Straße.",
        "Klimastreik",
        "Klimaforum Musterstadt",
        "Klimaforum Musterstadt",
    ),
    # shouldn't: it supports, takes part, gives a speech or gives the police's notes on it
    (
        (
            "Am 14. September 2024 findet um 13 Uhr eine Demonstration in Berlin statt, die wir als Partei "
            "unterstützen und zu der wir aufrufen."
        ),
        "Demonstration",
        "Musterpartei Landesverband",
        None,
    ),
    (
        (
            "Am 17. Januar 2024 nimmt die Bürgermeisterin um 8.00 Uhr gemeinsam mit dem Minister am "
            "Eröffnungsrundgang über die Messe teil. Wir laden die Medien herzlich ein."
        ),
        "Eröffnungsrundgang",
        "Senatskanzlei Musterstadt",
        None,
    ),
    (
        (
            "Hinweise der Polizei zum bevorstehenden Volksfest\n\nDas Volksfest beginnt am Freitag, den 2. August "
            "2024. Das Polizeipräsidium Musterland ist mit vielen Kräften vor Ort."
        ),
        "Volksfest",
        "Polizeipräsidium Musterland",
        None,
    ),
]


@pytest.mark.parametrize("text, name, publisher, organizer", PART_ONLY)
def test_publisher_only_where_it_hosts(nlp, text, name, publisher, organizer):
    ev = _event(_published_events(nlp, text, publisher), name)
    assert ev is not None and ev["organizer"] == organizer


# --- an English head names the event with the words before it --------------------------------------------

TALKS = [
    ("Am 26. April 2024 lädt die Hochschule zum Spree Talk auf den Campus ein.", "Spree Talk"),
    (
        "Im Anschluss an die Vernissage findet am 3. Mai 2024 ein Artist Talk mit der Künstlerin statt.",
        "Artist Talk",
    ),
    # shouldn't: small talk is no event, nor a talk show on television
    ("Beim Smalltalk am 3. Mai 2024 ging es um das Wetter.", None),
]


@pytest.mark.parametrize("text, name", TALKS)
def test_english_talk(nlp, text, name):
    names = [e["name"] for e in _events(nlp, text)]
    assert (name in " | ".join(names)) if name else not any("talk" in n.lower() for n in names)


# --- a verbless line of date, time and place; a label for both; venues of the "-stätte"/"-treff" kind -----

BLOCK_LINES = [
    # should: the invitation's headline names the event, the verbless line under a finished sentence dates it
    (
        (
            "Einladung zum Theaterabend im Kiez\n\n"
            "Der Nachbarschaftsverein lädt zu einem Abend mit Szenen aus dem Alltag ein. Zwei Schauspielerinnen "
            "sind zu Gast.\n\n"
            "Am Mittwoch, den 18. September 2024 um 19 Uhr im Café am Platz.\n\n"
            "Der Eintritt ist frei."
        ),
        "Theaterabend",
        "2024-09-18T19:00",
        "Café am Platz",
    ),
    (
        (
            "Fachgespräch für Frauen am 21. November 2024\n\nWir informieren über digitale Gewalt.\n\n"
            "Termin / Ort: Donnerstag, den 21. November 2024, 13:00 bis 16:00 Uhr, Gutshaus am See, Seeweg 4"
        ),
        "Fachgespräch",
        "2024-11-21T13:00",
        "Gutshaus am See, Seeweg 4",
    ),
    # shouldn't: a sentence with a verb after a finished sentence is no date line of the event above
    (
        (
            "Einladung zum Theaterabend im Kiez\n\n"
            "Der Nachbarschaftsverein lädt zu einem Abend mit Szenen aus dem Alltag ein. Zwei Schauspielerinnen "
            "sind zu Gast. Sie spielen Szenen einer Ehe. Der Eintritt ist frei.\n\n"
            "Am Mittwoch, den 18. September 2024 um 19 Uhr tagt im Rathaus der Ausschuss für Kultur."
        ),
        "Theaterabend",
        None,
        None,
    ),
]


@pytest.mark.parametrize("text, name, start, place", BLOCK_LINES)
def test_verbless_date_line_and_when_where_label(nlp, text, name, start, place):
    ev = _event(_events(nlp, text), name)
    if start is None:
        assert ev is None or ev["start"] is None
    else:
        assert ev is not None and (ev["start"], ev["location"]) == (start, place)


@pytest.mark.parametrize(
    "text, place",
    [
        (
            (
                "Die Informationsveranstaltung findet am 25. April 2024 um 17:30 Uhr in der Begegnungsstätte Am "
                "Fennpfuhl statt."
            ),
            "Begegnungsstätte Am Fennpfuhl",
        ),
        ("Das Erzählcafé findet am 3. Mai 2024 im Nachbarschaftstreff Süd statt.", "Nachbarschaftstreff Süd"),
    ],
)
def test_venues_staette_and_treff(nlp, text, place):
    assert [e["location"] for e in _events(nlp, text)] == [place]


# --- the host keeps the name in apposition; "in Rahmen" is no place; opening hours give no start time -----


def _parsed(words, heads, deps, pos, lemmas):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("de").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_host_keeps_the_name_in_apposition():
    from pressextract.rules.events.arguments import host_of
    from pressextract.rules.events.rules import load_lexicon

    # "Die Bezirksstadträtin , Anna Berg , lädt zum Sommerfest ein ."
    words = ["Die", "Bezirksstadträtin", ",", "Anna", "Berg", ",", "lädt", "zum", "Sommerfest", "ein", "."]
    heads = [1, 6, 3, 1, 3, 3, 6, 8, 6, 6, 6]
    deps = ["det", "nsubj", "punct", "appos", "flat", "punct", "ROOT", "case", "obl", "compound:prt", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "ADP", "NOUN", "ADP", "PUNCT"]
    lemmas = ["der", "Bezirksstadträtin", ",", "Anna", "Berg", ",", "laden", "zu", "Sommerfest", "ein", "."]
    doc = _parsed(words, heads, deps, pos, lemmas)
    assert host_of(doc, 8, lexicon=load_lexicon()) == "Bezirksstadträtin , Anna Berg"
    # shouldn't: a clause after the comma is no apposition ("Die Kita , die im Park liegt , lädt …")
    words2 = ["Die", "Kita", ",", "die", "im", "Park", "liegt", ",", "lädt", "zum", "Sommerfest", "ein", "."]
    heads2 = [1, 8, 6, 6, 5, 6, 1, 6, 8, 10, 8, 8, 8]
    deps2 = ["det", "nsubj", "punct", "nsubj", "case", "obl", "acl:relcl", "punct", "ROOT", "case", "obl"]
    deps2 += ["compound:prt", "punct"]
    pos2 = [
        "DET",
        "NOUN",
        "PUNCT",
        "PRON",
        "ADP",
        "PROPN",
        "VERB",
        "PUNCT",
        "VERB",
        "ADP",
        "NOUN",
        "ADP",
        "PUNCT",
    ]
    lemmas2 = [
        "der",
        "Kita",
        ",",
        "der",
        "in",
        "Park",
        "liegen",
        ",",
        "laden",
        "zu",
        "Sommerfest",
        "ein",
        ".",
    ]
    doc2 = _parsed(words2, heads2, deps2, pos2, lemmas2)
    assert host_of(doc2, 10, lexicon=load_lexicon()) == "Kita"


@pytest.mark.parametrize(
    "text, name, start, place",
    [
        # shouldn't: "in Rahmen der …" names no place; opening hours are no start time
        (
            "Das Gesellschaftertreffen findet am 16. August 2024 in Rahmen der Jahresplanung statt.",
            "Gesellschaftertreffen",
            "2024-08-16",
            None,
        ),
        (
            (
                "Die Eröffnung der Ausstellung findet am 3. Mai 2024 in der Galerie Nord statt. Die Galerie "
                "ist danach dienstags bis sonntags von 10 Uhr bis 18 Uhr geöffnet."
            ),
            "Eröffnung",
            "2024-05-03",
            "Galerie Nord",
        ),
    ],
)
def test_no_place_in_rahmen_no_time_from_opening_hours(nlp, text, name, start, place):
    ev = _event(_events(nlp, text), name)
    assert ev is not None and (ev["start"], ev["location"]) == (start, place)


# --- symbol lines under a sentence cut before its date -------------------------------------------------

SYMBOL_LINES = [
    # should: "… gehen wir am:" + date, clock and place lines that open with a symbol
    (
        (
            "Klimastreik im Februar\n\nUm der Politik zu zeigen, dass Klimaschutz zählt, gehen wir zur Demo am:\n\n"
            "🗓️ Freitag, 14. Februar 2025\n🕒 um 15:30 Uhr\n📍 auf dem Rathausplatz\n\nauf die Straße."
        ),
        "Klimastreik",
        "2025-02-14T15:30",
        "Rathausplatz",
    ),
    # shouldn't: symbol lines under a finished sentence give the event no clock time or place of theirs
    (
        (
            "Klimastreik im Februar\n\nUm der Politik zu zeigen, dass Klimaschutz zählt, gehen wir auf die "
            "Straße.\n\n🗓️ Freitag, 14. Februar 2025\n🕒 um 15:30 Uhr\n📍 auf dem Rathausplatz"
        ),
        "Klimastreik",
        "2025-02-14",
        None,
    ),
]


@pytest.mark.parametrize("text, name, start, place", SYMBOL_LINES)
def test_symbol_lines_under_a_cut_sentence(nlp, text, name, start, place):
    ev = _event(_events(nlp, text), name)
    got = (ev["start"], ev["location"]) if ev else (None, None)
    assert got == (start, place)


# --- a label block: not to an election named as background; bare weekdays next to a date; a kind in the title


def test_block_goes_to_the_release_event_not_the_election(nlp):
    text = (
        "Klimastreik vor der Bundestagswahl\n\nAm 23. Februar 2025 findet die Bundestagswahl statt.\n\nAuch die "
        "kommende Regierung muss beim Klimaschutz handeln.\n\nUm zu zeigen, "
        "dass Klimaschutz zählt, gehen wir am:\n\n🗓️ Freitag, 14. Februar 2025\n🕒 um 15:30 Uhr\n"
        "📍 auf dem Rathausplatz"
    )
    events = _events(nlp, text)
    assert _event(events, "Klimastreik")["location"] == "Rathausplatz"
    assert (_event(events, "Bundestagswahl") or {}).get("location") is None


def _weekday_timexes(text):
    """The hand-made dates plus a bare weekday valued as the timex stage does without a context (the week of
    the release): "Freitag" -> 2025-01-31."""
    out = _timexes(text)
    for m in re.finditer(r"\bFreitag\b", text):
        out.append(TimexRef(m.start(), m.end(), "DATE", "2025-01-31"))
    return sorted(out, key=lambda t: t.start)


@pytest.mark.parametrize(
    "text, start",
    [
        # should: the written date, not the bare weekday of the arrival
        (
            (
                "Woodbadge Modulkurse 2025\n\nDie Koop Ost bietet Wochenendkurse an.\n\n"
                "Wann? 25. April 2025, Anreise Freitag ab 19 Uhr\nWo? Freizeithaus Käsenbachtal"
            ),
            "2025-04-25",
        ),
        # shouldn't: a line with only a weekday keeps it
        (
            "Sommerfest der Koop Ost\n\nWann: Freitag ab 19 Uhr\nWo: Freizeithaus Käsenbachtal",
            "2025-01-31",
        ),
    ],
)
def test_bare_weekday_next_to_a_written_date(nlp, text, start):
    events = [m.event for m in run_events(nlp, text, timexes=_weekday_timexes(text), published="2025-01-27")]
    assert events and (events[0]["start"] or "")[:10] == start
