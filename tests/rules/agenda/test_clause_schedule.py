"""Programme steps that only their clock time shows (prose clauses) and schedules of "Ort:/Zeit:" blocks."""

from __future__ import annotations

import pytest

from pressextract.contract import EventRef, PersonRef, TimexRef
from pressextract.rules.agenda import agenda_of, load_grammar
from pressextract.rules.agenda.prose import clause_steps


@pytest.fixture(scope="module")
def grammar():
    return load_grammar()


def _tx(text, needle, value, label="DATE"):
    s = text.index(needle)
    return TimexRef(s, s + len(needle), label, value)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Gegen 13.30 Uhr trägt sich die Senatorin in das Goldene Buch des Bezirks ein.",
            [("13:30", None, "Trägt sich die Senatorin in das Goldene Buch des Bezirks ein")],
        ),
        (
            "Erste Station ist um 10.15 Uhr ein Rundgang über den neuen Schulhof (Wort-Bild-Termin).",
            [("10:15", None, "Erste Station ist ein Rundgang über den neuen Schulhof")],
        ),
        (
            "Von 15.00 Uhr bis ca. 16.00 Uhr steht eine Besichtigung der Kläranlage auf dem Programm.",
            [("15:00", "16:00", "Steht eine Besichtigung der Kläranlage auf dem Programm")],
        ),
        (
            "Ab 19 Uhr wird Prof. Dr. Jana Muster den Abend am Klavier begleiten.",
            [("19:00", None, "Wird Prof. Dr. Jana Muster den Abend am Klavier begleiten")],
        ),
        (
            "- Um 17.40 Uhr – nach dem Rundgang – BEGRÜSST SIE DIE STADTRÄTIN im Hof.",
            [("17:40", None, "BEGRÜSST SIE DIE STADTRÄTIN im Hof")],
        ),
        (
            "Am Eingang gibt es ab 16.30 Uhr Infotafeln zur Planung, Frau Beispiel erläutert sie ab 17 Uhr im Gespräch.",
            [
                ("16:30", None, "Am Eingang gibt es Infotafeln zur Planung"),
                ("17:00", None, "Frau Beispiel erläutert sie im Gespräch"),
            ],
        ),
        # no programme step: a day of its own, routines, deadlines, reports, logistics, only a place
        ("Am Dienstag, 11. März, um 19 Uhr stellt die Bibliothek ihr neues Programm vor.", []),
        ("Die Bürgersprechstunde findet jeden Dienstag ab 16 Uhr im Rathaus statt.", []),
        ("Das Amt ist werktags von 8 bis 12 Uhr erreichbar.", []),
        ("Die Pressekonferenz findet wie gewohnt um 13 Uhr im Roten Rathaus statt.", []),
        ("Um Anmeldung bis 12 Uhr wird gebeten.", []),
        ("Gegen 22 Uhr bemerkte eine Anwohnerin den Rauch im Treppenhaus.", []),
        ("Gegen 4 Uhr wurden die Beamten zu einem Streit gerufen.", []),
        ("Der Pressebus fährt um 9.45 Uhr am Roten Rathaus ab.", []),
        ("Für anreisende Medien wird der um 10.12 Uhr eintreffende RE 7 empfohlen.", []),
        ("Treffpunkt ist um 9.45 Uhr am Eingang des Parks.", []),
        ("Danach geht es um 15 Uhr im Innenhof weiter.", []),
    ],
)
def test_clause_steps(sentence, expected):
    assert [(s.time, s.end_time, s.title) for s in clause_steps(sentence)] == expected


def test_a_visit_written_in_prose_is_a_programme(grammar):
    text = (
        "Senatorin besucht Pankow\n\n"
        "Die Senatorin besucht am 12. Juni 2025 den Bezirk Pankow. Gegen 10.00 Uhr trägt sie sich in das Goldene "
        "Buch ein. Erste Station ist um 11.15 Uhr ein Rundgang durch die neue Gemeinschaftsschule mit Schulleiterin "
        "Petra Beispiel. Nächster Halt ist um 13.00 Uhr der Kiezgarten am Teich."
    )
    rows = agenda_of(
        text,
        grammar=grammar,
        timexes=[_tx(text, "12. Juni 2025", "2025-06-12")],
        events=[EventRef(0, (text.index("Die Senatorin"),), "2025-06-12", None)],
    )
    assert [(r.time, r.date, r.rule_id) for r in rows] == [
        ("10:00", "2025-06-12", "agenda.prose.clause"),
        ("11:15", "2025-06-12", "agenda.prose.clause"),
        ("13:00", "2025-06-12", "agenda.prose.clause"),
    ]


def test_one_clause_alone_is_no_programme(grammar):
    text = "Lesung im Stadtteilzentrum\n\nGegen 18 Uhr liest die Autorin aus ihrem neuen Roman."
    assert agenda_of(text, grammar=grammar, events=[EventRef(0, (0,), None, None)]) == []


def test_one_step_after_the_event_start_is_a_programme(grammar):
    text = (
        "Kinderfest im Park\n\nDas Kinderfest findet am 3. Mai 2025 von 14 bis 19 Uhr statt. Stadträtin Anna "
        "Beispiel wird das Fest um 15 Uhr gemeinsam mit den Kindern eröffnen."
    )
    ev = [EventRef(0, (text.index("Das Kinderfest"),), "2025-05-03T14:00", "2025-05-03T19:00")]
    rows = agenda_of(text, grammar=grammar, events=ev, timexes=[_tx(text, "3. Mai 2025", "2025-05-03")])
    assert [(r.time, r.date) for r in rows] == [("15:00", "2025-05-03")]


def test_one_step_with_a_day_of_its_own_is_the_event_start(grammar):
    text = (
        "Ausstellung im Rathaus\n\nDie Ausstellung ist ab 10 Uhr geöffnet. Sie wird am Freitag, 4. April 2025, "
        "um 18 Uhr eröffnet."
    )
    ev = [EventRef(0, (text.index("Die Ausstellung"),), "2025-04-04T10:00", None)]
    assert agenda_of(text, grammar=grammar, events=ev) == []


def test_a_clause_that_repeats_a_programme_line_is_no_second_step(grammar):
    text = (
        "Sportfest\n\nLos geht es auf dem Schulhof um 10:30 Uhr mit einem Aufwärmen für alle.\n\n"
        "Im Überblick:\n10:30 Uhr – Aufwärmen\n11:00 Uhr – Staffellauf\n12:30 Uhr – Siegerehrung"
    )
    rows = agenda_of(text, grammar=grammar, events=[EventRef(0, (0,), None, None)])
    assert [r.time for r in rows] == ["10:30", "11:00", "12:30"]


def test_blocks_without_a_day_are_a_schedule(grammar):
    text = (
        "Bezirksbesuch der Senatorin am 14. März 2025\n\n"
        "Besuch der Tischlerei Beispiel\n\nOrt: Hafenstraße 3, 13597 Berlin\nUhrzeit: 10 Uhr\n\n"
        "Die Inhaberin Maria Muster stellt den Betrieb vor.\n\n"
        "Rundgang über den Wochenmarkt\n\nOrt: Marktplatz, 13597 Berlin\nUhrzeit: ca. 11:30 Uhr"
    )
    rows = agenda_of(text, grammar=grammar, timexes=[_tx(text, "14. März 2025", "2025-03-14")])
    assert [(r.time, r.title, r.date) for r in rows] == [
        ("10:00", "Besuch der Tischlerei Beispiel", "2025-03-14"),
        ("11:30", "Rundgang über den Wochenmarkt", "2025-03-14"),
    ]
    assert all(r.rule_id.startswith("agenda.schedule.") for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        # one block: the event's own time and place
        "Sommerfest der Kita\n\nOrt: Kita Sonnenschein, Beispielweg 2\nZeit: 15 Uhr\n\nAlle sind eingeladen.",
        # blocks with a day of their own: separate events, not one day's schedule
        (
            "Lesung\nOrt: Bibliothek Nord\nZeit: Dienstag, 4. März, 19 Uhr\n\n"
            "Konzert\nOrt: Musikschule\nZeit: Freitag, 7. März, 18 Uhr"
        ),
        # office hours in blocks
        (
            "Beratung Nord\nOrt: Rathaus\nZeit: montags 10 bis 12 Uhr\n\nBeratung Süd\nOrt: Bürgeramt\n"
            "Zeit: donnerstags 14 bis 16 Uhr"
        ),
    ],
)
def test_blocks_that_are_no_schedule(grammar, text):
    assert agenda_of(text, grammar=grammar) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a demonstration's route: short lines with the time inside, speakers in the paragraph below
        (
            (
                "Demo für bezahlbares Wohnen\n\nBeginn 12 Uhr am Rathausplatz\n\nEs sprechen Anna Beispiel und Tom "
                "Muster.\n\n13.30 Uhr auf dem Marktplatz\n\nAbschluss um 15 Uhr vor dem Bahnhof"
            ),
            [
                ("12:00", "Beginn am Rathausplatz"),
                ("13:30", "auf dem Marktplatz"),
                ("15:00", "Abschluss vor dem Bahnhof"),
            ],
        ),
        # blocks that end in their day and time: the block's first line is the step
        (
            (
                "Museumstag\n\nFührung durch die Sammlung\nEin Rundgang zu den wichtigsten Stücken.\n"
                "18. Mai 2025, 11 – 12 Uhr\n\nBasteln für Kinder\nFür Familien mit Kindern ab 5.\n18. Mai 2025, 14 Uhr"
            ),
            [("11:00", "Führung durch die Sammlung"), ("14:00", "Basteln für Kinder")],
        ),
    ],
)
def test_lines_with_the_time_inside(grammar, text, expected):
    rows = agenda_of(text, grammar=grammar)
    assert [(r.time, r.title) for r in rows] == expected
    assert all(r.rule_id == "agenda.line.trailing" for r in rows)


def test_the_speakers_below_a_route_line_take_part(grammar):
    text = (
        "Demo für bezahlbares Wohnen\n\nBeginn 12 Uhr am Rathausplatz\n\nEs sprechen Anna Beispiel und Tom "
        "Muster.\n\nAbschluss um 15 Uhr vor dem Bahnhof\n\nStatements von Eva Probe (Mieterverein).\n\n"
        "Weitere Informationen gibt Jan Kontakt unter Telefon 030 123."
    )
    people = [
        PersonRef(text.index(n), text.index(n) + len(n), f"p{k}", n)
        for k, n in enumerate(["Anna Beispiel", "Tom Muster", "Eva Probe", "Jan Kontakt"])
    ]
    rows = agenda_of(text, grammar=grammar, people=people)
    assert [r.participant_names for r in rows] == [["Anna Beispiel", "Tom Muster"], ["Eva Probe"]]


@pytest.mark.parametrize(
    "text",
    [
        # opening hours
        "Galerie Nord\nDi-So 11-18 Uhr\n\nGalerie Süd\nMo-Fr 10-18 Uhr, Sa 12-16 Uhr",
        "Bürgeramt\nMontag bis Mittwoch 8 Uhr bis 15 Uhr\nDonnerstag 11 Uhr bis 18 Uhr",
        # separate events, each on a day of its own
        (
            "Unsere Termine\n\n3. Mai von 10-14 Uhr auf dem Gartengrundstück\n17. Mai um 15 Uhr am Dorfplatz, "
            "zur Wanderung"
        ),
        # labels with the event's own day and time
        "Ausstellungseröffnung: 12.06.2025 um 19 Uhr\nFinissage: 20.07.2025 um 15 Uhr",
        # one line alone is the event's time
        "Sommerfest\n\nBeginn 15 Uhr im Hof der Schule",
    ],
)
def test_lines_with_a_time_that_are_no_programme(grammar, text):
    assert agenda_of(text, grammar=grammar) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "Kiezfest am Sonntag\n\n• 15 Uhr: Trommelgruppe der Musikschule\n• 15:45 Uhr: Grußwort der "
                "Bezirksbürgermeisterin\n• 16 Uhr: Puppentheater für Kinder"
            ),
            [
                ("15:00", "Trommelgruppe der Musikschule"),
                ("15:45", "Grußwort der Bezirksbürgermeisterin"),
                ("16:00", "Puppentheater für Kinder"),
            ],
        ),
        (
            "Konzerte im Park\n\n— 18 Uhr: Anna Beispiel Trio\n— 19 Uhr: Tom Muster und Band",
            [("18:00", "Anna Beispiel Trio"), ("19:00", "Tom Muster und Band")],
        ),
        # a bulleted report of an incident is no programme
        (
            (
                "Brände in der Nacht\n\n- gegen 1 Uhr brannte ein Müllcontainer in der Beispielstraße\n"
                "- um 2 Uhr wurde ein Brand in einem Keller gemeldet"
            ),
            [],
        ),
    ],
)
def test_bulleted_programme_lines(grammar, text, expected):
    rows = agenda_of(text, grammar=grammar)
    assert [(r.time, r.title) for r in rows] == expected
