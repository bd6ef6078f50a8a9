"""Programme forms beyond "a line that begins with a time" (issue 16): what dates them, what is no step."""

from __future__ import annotations

import pytest

from pressextract.contract import EventRef, TimexRef
from pressextract.rules.agenda import agenda_of, load_grammar


@pytest.fixture(scope="module")
def grammar():
    return load_grammar()


def _tx(text, needle, value, label="DATE", nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(needle, s + 1)
    return TimexRef(s, s + len(needle), label, value)


def test_a_date_in_a_quotation_does_not_date_the_programme(grammar):
    text = (
        "Radtour für die Verkehrswende\n\n"
        "Wir fahren am 9. März 2025 durch die Innenstadt.\n\n"
        "„Wir wollen die Leute überzeugen, am 16. März für bessere Radwege zu stimmen“, sagt Lea Probe.\n\n"
        "Programm\n\n13:30 Uhr Treffen am Bahnhof\n14 Uhr Abfahrt"
    )
    tx = [_tx(text, "9. März 2025", "2025-03-09"), _tx(text, "16. März", "2025-03-16")]
    rows = agenda_of(text, grammar=grammar, timexes=tx, events=[EventRef(0, (0,), "2025-03-09", None)])
    assert [(r.date, r.time) for r in rows] == [("2025-03-09", "13:30"), ("2025-03-09", "14:00")]


def test_a_date_outside_quotation_still_dates_the_programme(grammar):
    text = "Radtour\n\nDie Tour startet am 16. März 2025 am Bahnhof.\n\nProgramm\n\n13:30 Uhr Treffen\n14 Uhr Abfahrt"
    tx = [_tx(text, "16. März 2025", "2025-03-16")]
    rows = agenda_of(text, grammar=grammar, timexes=tx)
    assert {r.date for r in rows} == {"2025-03-16"}


@pytest.mark.parametrize(
    "text, n",
    [
        # admission time of a concert with ticket prices below: the event's time, not a programme
        (
            "Konzert im Saal\n\nDas Orchester spielt Filmmusik.\n\nEinlass: 18.30 Uhr\nKarten: 12 € an der Abendkasse",
            0,
        ),
        ("Lesung\n\nEinlass: 19 Uhr\nEintritt: 5 Euro, ermäßigt 3 Euro", 0),
        # two timed labels next to each other are a programme
        ("Lesung\n\nEinlass: 18.30 Uhr\nLesung: 19.00 Uhr mit Tom Muster", 2),
    ],
)
def test_prices_are_no_times(grammar, text, n):
    assert len(agenda_of(text, grammar=grammar)) == n


@pytest.mark.parametrize("note", ["Hinweis:", "Noch ein Hinweis:", "Bitte beachten:"])
def test_a_closing_note_is_no_programme_step(grammar, note):
    text = (
        "Bezirkstour\n\nProgramm\n\n10:00 Uhr - Begrüßung im Rathaus\n11:00 Uhr - Besuch der Bibliothek\n\n"
        f"{note} Die Pressekonferenz findet um 13 Uhr im Rathaus statt. Die Ergebnisse werden am 7. Mai um 10 Uhr "
        "im Rathaus vorgestellt."
    )
    rows = agenda_of(text, grammar=grammar, events=[EventRef(0, (0,), None, None)])
    assert [r.time for r in rows] == ["10:00", "11:00"]


def test_a_place_is_no_step_title(grammar):
    text = (
        "Sommerfest\n\nDas Sommerfest beginnt um 14 Uhr mit einem Grußwort der Bürgermeisterin. "
        "Danach findet um 15 Uhr im Innenhof statt. Um 16 Uhr folgt ein Konzert der Schulband."
    )
    rows = agenda_of(text, grammar=grammar, events=[EventRef(0, (0,), None, None)])
    assert [(r.time, r.title) for r in rows] == [
        ("14:00", "Grußwort der Bürgermeisterin"),
        ("16:00", "Konzert der Schulband"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "Um/Ab <Zeit> <Verb> …": the step is the rest of the sentence
        (
            "Ab 19 Uhr liest Erwin Muster aus seinem neuen Roman.",
            [("19:00", "Liest Erwin Muster aus seinem neuen Roman")],
        ),
        (
            "Ab 14.00 Uhr gibt es am Teich Kaffee und Kuchen.",
            [("14:00", "Gibt es am Teich Kaffee und Kuchen")],
        ),
        (
            "Am Samstag um 11 Uhr eröffnet die Stadträtin den Kiezmarkt.",
            [("11:00", "Eröffnet die Stadträtin den Kiezmarkt")],
        ),
        ("Danach folgt um 15 Uhr ein Konzert des Schulchors.", [("15:00", "Konzert des Schulchors")]),
        (
            "Im Anschluss gibt es gegen 11.30 Uhr einen Fototermin am Eingang.",
            [("11:30", "Fototermin am Eingang")],
        ),
        (
            "Um 13 Uhr findet im Saal der Bibliothek die Preisverleihung statt.",
            [("13:00", "Preisverleihung")],
        ),
        # "Titel (14 Uhr)": a time in parentheses without minutes
        (
            "Geplant sind ein Vortrag zur Stadtgeschichte (14 Uhr) und ein Rundgang (15 bis 16 Uhr).",
            [("14:00", "Vortrag zur Stadtgeschichte"), ("15:00", "Rundgang")],
        ),
        # incidents, states and opening hours are no steps
        ("Um 14 Uhr wurde die Polizei alarmiert.", []),
        ("Um 15 Uhr startete der Umzug durch die Altstadt.", []),
        ("Um 12 Uhr ist die Veranstaltung zu Ende.", []),
        ("Ab 18 Uhr beginnt die Auszählung der Stimmzettel.", []),
        ("Ab 16 Uhr war die Straße wieder frei.", []),
        ("Die Bücherei ist montags (9-12 Uhr) geöffnet.", []),
        ("Die Beratung findet mittwochs (10 bis 12 Uhr) statt.", []),
    ],
)
def test_prose_step_forms(sentence, expected):
    from pressextract.rules.agenda.prose import prose_steps

    assert [(s.time, s.title) for s in prose_steps(sentence)] == expected


def test_prose_steps_take_the_named_day_not_an_anchored_clock_time(grammar):
    text = (
        "Hoffest\n\nDatum: Sonntag, 2. September 2029, 11 – 17 Uhr\n\n"
        "Das Fest beginnt um 11 Uhr mit einem Gottesdienst. An diesem Tag gibt es viel zu sehen. "
        "Um 15 Uhr spielt das Puppentheater ein Stück und ab 16 Uhr zeigt die Tanzgruppe ihr Können."
    )
    tx = [
        _tx(text, "Sonntag, 2. September 2029", "2029-09-02"),
        _tx(
            text, "An diesem Tag", "2029-08-20"
        ),  # an anaphor the timex stage resolved to the publication day
        _tx(text, "15 Uhr", "2029-08-20T15:00", "TIME"),
    ]
    rows = agenda_of(text, grammar=grammar, timexes=tx, events=[EventRef(0, (0,), "2029-09-02", None)])
    assert [(r.date, r.time, r.title) for r in rows] == [
        ("2029-09-02", "11:00", "Gottesdienst"),
        ("2029-09-02", "15:00", "Spielt das Puppentheater ein Stück"),
    ]


@pytest.mark.parametrize(
    "sentence, title",
    [
        (
            "Um 18 Uhr hält Dr. Anna Muster den Vortrag „Wasser in der Stadt“.",
            "Hält Dr. Anna Muster den Vortrag „Wasser in der Stadt“",
        ),
        ("Um 18 Uhr spricht Prof. Tom Beispiel über Brücken.", "Prof. Tom Beispiel über Brücken"),
    ],
)
def test_a_step_title_runs_past_abbreviations(sentence, title):
    from pressextract.rules.agenda.prose import prose_steps

    assert [s.title for s in prose_steps(sentence)] == [title]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the event's own date, time and place on one line: no programme entry
        ("Gartenfest\n\nSonntag, den 4. Mai 2031 von 15:00 Uhr bis 17:00 Uhr im Rosengarten", []),
        ("Lesung\n\nMittwoch, 17.04.2030, 19 Uhr – Haus am See, Seestraße 37, 12557 Berlin", []),
        ("Vortrag\n\nDienstag, 26. Oktober 2030 um 18 Uhr (Einlass um 17.30 Uhr)", []),
        ("Konzert\n\nSamstag, den 21. Mai 2030, 19:30 Uhr*", []),
        (
            "Quittenkurs\n\nSamstag, 10. Oktober 2030\n11.00-13.30 Uhr - Schulgarten „Am Teich“\n\nWo:\nSchulgarten „Am Teich“\nTeichweg 3",
            [],
        ),
        # a court-style line names the act after the time: an entry
        (
            "Termine\n\nDienstag, 07. Januar 2031, 12:30 Uhr, Verhandlung in Saal 334",
            [("12:30", "Verhandlung in Saal 334")],
        ),
        # a programme line that names a place next to other timed lines stays
        (
            "Programm\n\n14:00 Uhr - Begrüßung\n15:00 Uhr - Rathausplatz 1, 12345 Berlin: Konzert",
            [("14:00", "Begrüßung"), ("15:00", "Rathausplatz 1, 12345 Berlin: Konzert")],
        ),
    ],
)
def test_the_event_time_and_place_is_no_programme_line(grammar, text, expected):
    assert [(r.time, r.title) for r in agenda_of(text, grammar=grammar)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Öffnungszeiten\n\nMo, Di, Fr von 10:00 Uhr bis 18:00 Uhr\nMittwochs von 10:00 Uhr bis 14:00 Uhr",
        "Sprechzeiten:\nMontag bis Freitag von 9:00 Uhr bis 13:00 Uhr",
        # a police report: times of what happened
        "Einsatz am Stadion\n\nAb 18 Uhr kam es am Osttor zu Festnahmen.\n19:30 Uhr wurden die Tore geschlossen.",
    ],
)
def test_opening_hours_and_reports_are_no_entries(grammar, text):
    assert agenda_of(text, grammar=grammar) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # times without "Uhr" inside a programme
        (
            "Programm\n\n18.05-18.20 Vortrag zur Lage\n18.20-18.45 Diskussion",
            [("18:05", "18:20", "Vortrag zur Lage"), ("18:20", "18:45", "Diskussion")],
        ),
        (
            "Ablauf\n10:00 – 10:30 Begrüßung\n10:30 – 11:15 Podium mit Gästen",
            [("10:00", "10:30", "Begrüßung"), ("10:30", "11:15", "Podium mit Gästen")],
        ),
        (
            "Programm :\n15:30 Ordnertreffen\n16:00 Beginn Demo",
            [("15:30", None, "Ordnertreffen"), ("16:00", None, "Beginn Demo")],
        ),
        # several acts on one programme line
        (
            "Bühne am Markt\n\n16:00 Anna Muster (pop), 17:00 Tom Beispiel (rock), 18:00 Hausband,\n19:00 Jamsession",
            [
                ("16:00", None, "Anna Muster (pop)"),
                ("17:00", None, "Tom Beispiel (rock)"),
                ("18:00", None, "Hausband"),
                ("19:00", None, "Jamsession"),
            ],
        ),
        # not times: dates, prices, the rest of a sentence, a line with no programme around it
        ("Ausgabestellen\n\n21.12 Plänterwald\n22.12 Adlershof", []),
        ("Preise\n\n12.50 Euro Eintritt\n8.50 Euro ermäßigt", []),
        ("Programm\n\n14.00 ist der Keller offen.\n15.00 Führung", [("15:00", None, "Führung")]),
        ("Bilanz\n\n10:00 Besucherinnen kamen am ersten Tag.", []),
    ],
)
def test_programme_lines_without_uhr(grammar, text, expected):
    assert [(r.time, r.end_time, r.title) for r in agenda_of(text, grammar=grammar)] == expected


def test_verb_first_steps_ask_the_parse():
    import spacy

    from pressextract.rules.agenda.document import _finite_verbs
    from pressextract.rules.agenda.prose import prose_steps

    nlp = spacy.blank("de")
    text = "Um 19 Uhr liest Anna Muster. Um 20 Uhr gemütlich ausklingen lassen wir den Abend."
    doc = nlp(text)
    assert _finite_verbs(doc)(text.index("liest")) is None  # no parse: the patterns decide alone
    assert [s.time for s in prose_steps(text, verb_at=_finite_verbs(doc))] == ["19:00", "20:00"]
    for tok in doc:
        tok.pos_ = {"liest": "VERB", "lassen": "VERB", "gemütlich": "ADV"}.get(tok.text, "X")
        if tok.pos_ == "VERB":
            tok.set_morph("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
    assert [s.time for s in prose_steps(text, verb_at=_finite_verbs(doc))] == ["19:00"]
    doc[text.split().index("liest")].set_morph("Mood=Ind|Tense=Past|VerbForm=Fin")
    assert prose_steps(text, verb_at=_finite_verbs(doc)) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "wird … um <Zeit> <Akt> <Verb>": the day inside the sentence is no part of the title
        (
            "Für diesen Bereich wird Stadträtin Eva Probe am Freitag, 4. November 2033, um 15.15 Uhr einen Rundgang durchführen.",
            [("15:15", "Stadträtin Eva Probe einen Rundgang durchführen")],
        ),
        (
            "Die Stadträtin wird am Samstag, 3. Mai 2031, um 11 Uhr einen Rundgang leiten.",
            [("11:00", "Einen Rundgang leiten")],
        ),
        # passive: the step is the subject
        (
            "Die Ausstellung wird am Dienstag, 11. September, um 19 Uhr eröffnet.",
            [("19:00", "Ausstellung eröffnet")],
        ),
        ("Danach wird der Preis um 18 Uhr verliehen.", [("18:00", "Der Preis verliehen")]),
        # a place after "am" stays in the title
        ("Um 17 Uhr findet eine Modenschau am Funkturm statt.", [("17:00", "Modenschau am Funkturm")]),
    ],
)
def test_wird_um_steps(sentence, expected):
    from pressextract.rules.agenda.prose import prose_steps

    assert [(s.time, s.title) for s in prose_steps(sentence)] == expected


def test_stage_labels_with_several_acts(grammar):
    text = (
        "Bühnenprogramm\n\nMARKTPLATZ: 16:15 Der Schulchor (pop), 17:15 Die Musikschule\n"
        "BIERGARTEN: 18:30 Anna Muster (jazz) HOFBÜHNE: 16:00 – 19:00 Das Klangmobil"
    )
    got = [(r.time, r.end_time, r.title) for r in agenda_of(text, grammar=grammar)]
    assert got == [
        ("16:15", None, "Der Schulchor (pop)"),
        ("17:15", None, "Die Musikschule"),
        ("18:30", None, "Anna Muster (jazz)"),
        ("16:00", "19:00", "Das Klangmobil"),
    ]
