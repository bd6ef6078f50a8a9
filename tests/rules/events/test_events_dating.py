"""Events dated outside their own sentence: a sentence that refers back ("Sie findet am … statt"), a date line
that opens with "am", the body's first dated sentence under a headline event, and the headline of an appointment
with no event noun. German sentences written for these tests."""

from __future__ import annotations

import pytest

from rules.events.handmade import run_events


def _events(nlp, text, published="2024-02-01"):
    return [m.event for m in run_events(nlp, text, published=published)]


def _event(events, word):
    return next((e for e in events if word in e["name"]), None)


# --- a sentence that refers back dates the event before it -----------------------------------------------

REFERS_BACK = [
    # should: the pronoun or "Die Veranstaltung" opens a dated sentence right after the event's sentence
    (
        (
            "Die Bezirksstadträtin lädt die Nachbarschaft zu einer Informationsveranstaltung über den neuen "
            "Spielplatz ein. Sie findet am 25. April 2024, 17 Uhr im Gemeindesaal statt."
        ),
        "Informationsveranstaltung",
        "2024-04-25T17:00",
    ),
    (
        (
            "Alle Interessierten sind zu einer Bürgerversammlung zur Zukunft des Kiezes eingeladen.\n\n"
            "Diese findet am 11. August 2024 in der Aula der Grundschule statt."
        ),
        "Bürgerversammlung",
        "2024-08-11",
    ),
    # shouldn't: the next sentence names an event of its own, or sets a deadline
    (
        (
            "Die Bezirksstadträtin lädt zu einer Informationsveranstaltung über den Spielplatz ein. "
            "Es findet am 3. Mai 2024 ein Konzert im Park statt."
        ),
        "Informationsveranstaltung",
        None,
    ),
    (
        (
            "Die Bezirksstadträtin lädt zu einer Informationsveranstaltung über den Spielplatz ein. "
            "Anmeldungen sind bis zum 3. Mai 2024 möglich."
        ),
        "Informationsveranstaltung",
        None,
    ),
    (
        "Der Verein plant eine Mitgliederversammlung über die Satzung. Sie wurde am 3. März 2024 beschlossen.",
        "Mitgliederversammlung",
        None,
    ),
]


@pytest.mark.parametrize("text, name, start", REFERS_BACK)
def test_sentence_after_dates_the_event(nlp, text, name, start):
    ev = _event(_events(nlp, text), name)
    assert (ev or {}).get("start") == start


# --- a date line that opens with "am" under an unfinished sentence ---------------------------------------


@pytest.mark.parametrize(
    "text, start",
    [
        (
            (
                "Der Verein lädt alle Interessierten ein zur Podiumsdiskussion über Stadtgrün\n\n"
                "am Donnerstag, 14. November 2024, 18 Uhr\nim Saal der Stadtbibliothek"
            ),
            "2024-11-14T18:00",
        ),
        (
            (
                "Die Bezirksbürgermeisterin eröffnet gemeinsam mit dem Schulleiter die Sporthalle\n\n"
                "am Freitag, den 13. September 2024, 9 Uhr\nGartenweg 8, 13599 Berlin"
            ),
            "2024-09-13T09:00",
        ),
        # shouldn't: a finished sentence above a line with more than a date is no date block of it
        (
            (
                "Die Podiumsdiskussion über Stadtgrün war gut besucht.\n\n"
                "am 14. November 2024 beginnt die Pflanzaktion der Nachbarn im Park"
            ),
            None,
        ),
    ],
)
def test_am_date_line_dates_the_sentence_above(nlp, text, start):
    evs = _events(nlp, text)
    ev = _event(evs, "Podiumsdiskussion") or _event(evs, "Sporthalle") or (evs[0] if evs else {})
    assert ev.get("start") == start


# --- the headline names the event, the body's first dated sentence dates it -----------------------------


@pytest.mark.parametrize(
    "text, published, name, start",
    [
        (
            (
                "Lesung mit der Autorin Mara Holt\n\n"
                "Die Autorin Mara Holt liest am 14. März 2024 in der Stadtteilbibliothek aus ihrem Roman."
            ),
            "2024-02-01",
            "Lesung",
            "2024-03-14",
        ),
        (
            (
                "Bezirksbürgermeisterin lädt zur Eröffnung des Nachbarschaftscafés ein\n\n"
                "Am 7. Juli 2024, 14 Uhr wird in der Ziegelstraße der dritte Treffpunkt für Nachbarn eröffnet."
            ),
            "2024-06-20",
            "Eröffnung",
            "2024-07-07T14:00",
        ),
        # shouldn't: a date of the past with no clock time and no event verb (a biography) dates no reading
        (
            "Lesung mit der Autorin Mara Holt\n\nDie Autorin Mara Holt wurde am 14. März 1980 in Kiel geboren.",
            "2024-02-01",
            "Lesung",
            None,
        ),
    ],
)
def test_headline_event_dated_by_the_body(nlp, text, published, name, start):
    ev = _event(_events(nlp, text, published=published), name)
    assert (ev or {}).get("start") == start


def test_body_sentence_with_its_own_event_is_no_date_of_the_headline_noun(nlp):
    text = (
        "Festival für junge Politik im Jugendzentrum\n\n"
        "Das Jugendforum findet am 30. September 2024 im Jugendzentrum statt."
    )
    evs = _events(nlp, text)
    assert [e["name"] for e in evs if e.get("start")] == ["Jugendforum"]


# --- an appointment with no event noun: the headline names it ---------------------------------------------


@pytest.mark.parametrize(
    "text, published, name, start",
    [
        (
            "Musikmeile in der Altstadt\n\nAm 21. Juni 2024, 13 Uhr spielen Schulbands auf dem Marktplatz.",
            "2024-06-10",
            "Musikmeile in der Altstadt",
            "2024-06-21T13:00",
        ),
        (
            (
                "Kinderbuchautor Tom Berg liest in der Stadtbibliothek\n\n"
                "Am 29. November 2024, 17 Uhr stellt Tom Berg sein neues Buch vor."
            ),
            "2024-11-20",
            "Kinderbuchautor Tom Berg liest in der Stadtbibliothek",
            "2024-11-29T17:00",
        ),
        # shouldn't: no clock time; a day before the release
        (
            "Neue Parkregeln in der Altstadt\n\nAb dem 21. Juni 2024 gelten neue Regeln.",
            "2024-06-10",
            None,
            None,
        ),
        (
            "Musikmeile in der Altstadt\n\nAm 21. Juni 2024, 13 Uhr spielten Schulbands auf dem Marktplatz.",
            "2024-06-25",
            None,
            None,
        ),
    ],
)
def test_headline_of_an_appointment(nlp, text, published, name, start):
    evs = _events(nlp, text, published=published)
    assert [(e["name"], e["start"]) for e in evs] == ([(name, start)] if name else [])
    if name:
        assert evs[0]["rule_id"] == "ev.headline"


def test_colon_after_a_verb_puts_the_name_after_it(nlp):
    text = (
        "Schloss Britz präsentiert: Klangwelten 2024\n\nDatum: 21. September 2024, 19 Uhr\nOrt: Kulturstall"
    )
    evs = _events(nlp, text)
    assert [(e["name"], e["rule_id"]) for e in evs] == [("Klangwelten 2024", "ev.block")]


def test_headline_of_a_closure_is_no_appointment(nlp):
    text = (
        "Vollsperrung der Uferstraße am Wochenende\n\n"
        "Am 21. Juni 2024, 7 Uhr beginnen auf der Uferstraße die Arbeiten an der Fahrbahn."
    )
    assert _events(nlp, text, published="2024-06-10") == []


@pytest.mark.parametrize(
    "text, start",
    [
        # should: a clock range in a label block starts at its first time
        (
            "Familiennacht in der Bibliothek\n\nWann: 12. Oktober 2024, 17 bis 21 Uhr\nWo: Stadtbibliothek",
            "17:00",
        ),
        (
            "Familiennacht in der Bibliothek\n\nWann: 12. Oktober 2024, 17:30 - 21:00 Uhr\nWo: Stadtbibliothek",
            "17:30",
        ),
        # shouldn't: one time is that time
        ("Familiennacht in der Bibliothek\n\nWann: 12. Oktober 2024, 21 Uhr\nWo: Stadtbibliothek", "21:00"),
    ],
)
def test_label_block_clock_range(nlp, text, start):
    ev = _event(_events(nlp, text), "Familiennacht")
    assert ev["start"] == f"2024-10-12T{start}"


@pytest.mark.parametrize(
    "text, names",
    [
        # should: an apposition with adjectives and a truncated compound names the same event
        (
            "Berufe zum Anfassen\n\nAm 14. Oktober 2024 findet der Berufetag, die größte Berufs- und Informationsmesse der Stadt, statt.",
            ["Berufetag"],
        ),
        # shouldn't: a second event after "und" is its own
        (
            "Berufe zum Anfassen\n\nAm 14. Oktober 2024 finden der Berufetag und am 15. Oktober 2024 die Informationsmesse statt.",
            ["Berufetag", "Informationsmesse"],
        ),
    ],
)
def test_apposition_with_adjectives(nlp, text, names):
    assert [e["name"].split(",")[0] for e in _events(nlp, text)] == names


@pytest.mark.parametrize(
    "text, start, end",
    [
        # should: "bis zum" dates the end of an exhibition, not its start
        (
            "Die Ausstellung „Farben der Stadt“ ist bis zum 14. April 2024 im Rathaus zu sehen.",
            None,
            "2024-04-14",
        ),
        # shouldn't: a range with its start keeps both
        (
            "Die Ausstellung „Farben der Stadt“ ist vom 1. März bis zum 14. April 2024 im Rathaus zu sehen.",
            "2024-03-01",
            "2024-04-14",
        ),
    ],
)
def test_until_is_an_end(nlp, text, start, end):
    ev = _event(_events(nlp, text), "Ausstellung")
    assert (ev["start"], ev["end"]) == (start, end)


def test_label_of_the_release_is_no_event_name(nlp):
    text = (
        "Presseeinladung - Die Integrationsbeauftragte im Gespräch mit Pflegekräften\n\n"
        "Datum: 22. Januar 2024, 15 Uhr\nOrt: Nachbarschaftshaus, Reuterstraße 7"
    )
    evs = _events(nlp, text)
    assert [e["name"] for e in evs] == ["Die Integrationsbeauftragte im Gespräch mit Pflegekräften"]


@pytest.mark.parametrize(
    "sentence, organizer",
    [
        # should: the phrase up to its line's end
        ("Veranstalter: Stadtbibliothek Mitte\nFür alle Altersgruppen", "Stadtbibliothek Mitte"),
        # shouldn't: a pronoun names no organizer
        ("Veranstalter sind wir selbst, gemeinsam mit den Nachbarn.", None),
    ],
)
def test_organizer_phrase_ends_with_its_line(sentence, organizer):
    from pressextract.rules.events import find_organizer, load_lexicon

    hit = find_organizer(sentence, lexicon=load_lexicon())
    assert (hit[0] if hit else None) == organizer


@pytest.mark.parametrize(
    "text, name, start, end",
    [
        # should: days or weeks dated by a run of days are one event
        (
            "Kultur im Bezirk\n\nDie Lichtenberger Sozialtage finden am 13. und 14. Juni 2024 im Rathaus statt.",
            "Lichtenberger Sozialtage",
            "2024-06-13",
            "2024-06-14",
        ),
        (
            "Internationale Wochen gegen Rassismus in Pankow vom 15. bis 28. März 2024\n\nDas Programm steht online.",
            "Internationale Wochen gegen Rassismus",
            "2024-03-15",
            "2024-03-28",
        ),
        # shouldn't: workshops on two days are a kind of event; in this week is no event
        (
            "Kultur im Bezirk\n\nDie Workshops finden am 13. und 14. Juni 2024 im Rathaus statt.",
            None,
            None,
            None,
        ),
        (
            "Kultur im Bezirk\n\nIn den Wochen vom 3. bis 14. Juni 2024 wird die Straße gesperrt.",
            None,
            None,
            None,
        ),
    ],
)
def test_plural_days_of_one_event(nlp, text, name, start, end):
    evs = [(e["name"], e["start"], e["end"]) for e in _events(nlp, text)]
    assert evs == ([(name, start, end)] if name else [])


@pytest.mark.parametrize(
    "text, name",
    [
        # should: a short name in parentheses belongs to the event's name
        (
            "Klima\n\nDie UN-Klimakonferenz (COP27) findet am 20. November 2024 statt.",
            "UN-Klimakonferenz (COP27)",
        ),
        # shouldn't: a remark in parentheses does not
        ("Klima\n\nDie Fachkonferenz (siehe unten) findet am 20. November 2024 statt.", "Fachkonferenz"),
    ],
)
def test_short_name_in_parentheses(nlp, text, name):
    assert [e["name"] for e in _events(nlp, text)] == [name]


@pytest.mark.parametrize(
    "text, names",
    [
        # should: "Tag der/des …" names a day of action; a nominalised verb after "zum" is one event
        # (the release is about the day: its headline opens with it)
        (
            "Tag der Zahngesundheit: Putzen lernen\n\nAm 25. September 2024 ist der Tag der Zahngesundheit.",
            ["Tag der Zahngesundheit"],
        ),
        (
            "Singen\n\nDie Bibliothek lädt zum gemeinsamen Weihnachtssingen ein.\n\nWann: 21. Dezember 2024, 15 Uhr",
            ["Weihnachtssingen"],
        ),
        # shouldn't: the day of an event is that event; an undated "Tag der …" is no event
        ("Wahl\n\nAm Tag der Wahl, dem 22. September 2024, sind die Wahllokale geöffnet.", []),
        ("Zähne\n\nDer Tag der Zahngesundheit erinnert an gesunde Ernährung.", []),
        # a dated day only named in the body, nobody holds it: no event
        ("Zähne\n\nAm 25. September 2024 ist der Tag der Zahngesundheit.", []),
    ],
)
def test_day_of_and_nominalised_verbs(nlp, text, names):
    assert [e["name"] for e in _events(nlp, text)] == names


@pytest.mark.parametrize(
    "words, plural",
    [
        # the tagger's plural after a singular article is a nominalised verb: one event
        (["Die", "Bibliothek", "lädt", "zum", "gemeinsamen", "Weihnachtssingen", "ein", "."], False),
        # a plural after a plural article stays a kind of event
        (["Die", "Bibliothek", "lädt", "zu", "den", "Weihnachtssingen", "ein", "."], True),
    ],
)
def test_singular_article_overrides_plural_tag(words, plural):
    import spacy
    from spacy.tokens import Doc

    from pressextract.rules.events.checks import _plural_word

    morphs = ["Number=Plur" if w == "Weihnachtssingen" else "" for w in words]
    doc = Doc(spacy.blank("de").vocab, words=words, morphs=morphs)
    tok = doc[words.index("Weihnachtssingen")]
    assert _plural_word(doc, tok.idx, tok.text) is plural


@pytest.mark.parametrize(
    "text, names",
    [
        # shouldn't: a dateline dates no headline event; a bus line and police measures are no appointments
        (
            "Forum für die Geschichte der Opposition\n\nBerlin, 10. Februar 2024 – Der Beauftragte fordert einen schnellen Beschluss.",
            [],
        ),
        (
            "Abkühlung per Bus\n\nAm 21. Juni 2024 nimmt die Linie 222 um 10 Uhr ihren Betrieb zum Strandbad auf.",
            [],
        ),
    ],
)
def test_no_event_from_datelines_and_services(nlp, text, names):
    assert [e["name"] for e in _events(nlp, text, published="2024-02-01")] == names


def test_until_in_the_dating_sentence_is_an_end(nlp):
    text = "Ausstellung „Der Tag“ im Gutshaus\n\nDie Ausstellung ist noch bis zum 31. März 2024 im Gutshaus zu sehen."
    ev = _event(_events(nlp, text), "Ausstellung")
    assert (ev["start"], ev["end"]) == (None, "2024-03-31")
