"""Agenda rules (pipeline/rules/agenda/ and rules/programme.py): programme-line grammar, day headers, blocks, participants."""

from __future__ import annotations

import pytest

from pressextract.contract import EventRef, OfficeRef, PersonRef, TimexRef
from pressextract.rules.agenda import (
    agenda_of,
    load_grammar,
    office_pattern,
    parse_day_header,
    parse_time_line,
)


@pytest.fixture(scope="module")
def grammar():
    return load_grammar()


@pytest.mark.parametrize(
    "line, time, end_time, title",
    [
        ("12:00 Uhr - Pressekonferenz", "12:00", None, "Pressekonferenz"),
        ("13:00 Uhr - Begrüßung durch", "13:00", None, "Begrüßung durch"),
        (
            "14:30 Uhr - „Aktuelle Stunde“ im Fishbowl-Format mit:",
            "14:30",
            None,
            "„Aktuelle Stunde“ im Fishbowl-Format mit:",
        ),
        (
            "12.00 Uhr: Der Regierende Bürgermeister begrüßt den Primátor",
            "12:00",
            None,
            "Der Regierende Bürgermeister begrüßt den Primátor",
        ),
        (
            "10.30 bis 12 Uhr: Diskussionsrunde mit Beate Stoffers",
            "10:30",
            "12:00",
            "Diskussionsrunde mit Beate Stoffers",
        ),
        (
            "12:45 bis 13 Uhr: Sandra Scheeres beim SpeedDating",
            "12:45",
            "13:00",
            "Sandra Scheeres beim SpeedDating",
        ),
        (
            "13 bis 14 Uhr: Diskussionsrunde mit Sigrid Klebba",
            "13:00",
            "14:00",
            "Diskussionsrunde mit Sigrid Klebba",
        ),
        (
            "21.30 – 22.15 Uhr: Senatorin Elke Breitenbach besucht das Zählbüro",
            "21:30",
            "22:15",
            "Senatorin Elke Breitenbach besucht das Zählbüro",
        ),
        (
            "22.30 – 23 Uhr: Senatorin und Staatssekretär besuchen das Projektteam",
            "22:30",
            "23:00",
            "Senatorin und Staatssekretär besuchen das Projektteam",
        ),
        ("Ab 16:00 Uhr: Beginn der Veranstaltung", "16:00", None, "Beginn der Veranstaltung"),
        (
            "ab 23.30 Uhr: Senatorin Elke Breitenbach empfängt die Zählteams",
            "23:30",
            None,
            "Senatorin Elke Breitenbach empfängt die Zählteams",
        ),
        ("16:30 Uhr Elternchor Richard-Wagner-Schule", "16:30", None, "Elternchor Richard-Wagner-Schule"),
        (
            "16 Uhr Das internationale Orchester Bridges",
            "16:00",
            None,
            "Das internationale Orchester Bridges",
        ),
        (
            "09:30 Uhr: 23 O 161/20, Klage einer Gaststätte",
            "09:30",
            None,
            "23 O 161/20, Klage einer Gaststätte",
        ),
        ("09.30 Uhr", "09:30", None, ""),
        ("8:30 | Einlass", "08:30", None, "Einlass"),
    ],
)
def test_time_lines(grammar, line, time, end_time, title):
    tl = parse_time_line(line, grammar=grammar)
    assert tl is not None
    assert (tl.time, tl.end_time, tl.title) == (time, end_time, title)


@pytest.mark.parametrize(
    "line",
    [
        "2018 war ein gutes Jahr für den Bezirk.",
        "10 Teilnehmende kamen zur Sitzung.",
        "12.05.2019 Eröffnung der Ausstellung",
        "1.000 Besucherinnen und Besucher werden erwartet.",
        "10 – 16 Uhr, Lützowstraße 42, 10785 Berlin.",
        "Der Unfall ereignete sich gegen 14.30 Uhr auf der Frankfurter Allee.",
        "3 Kinder wurden verletzt.",
    ],
)
def test_not_time_lines(grammar, line):
    assert parse_time_line(line, grammar=grammar) is None


@pytest.mark.parametrize(
    "line, ordinal, weekday",
    [
        ("Erster Konferenztag: „Integration vor Ort gestalten", 1, None),
        ("Zweiter Konferenztag: „Gesellschaftliche Zusammenhalt stärken“", 2, None),
        ("Dritter Festivaltag", 3, None),
        ("Tag 2", 2, None),
        ("2. Veranstaltungstag", 2, None),
        ("Montag, 4. März", None, 1),
        ("Samstag, 10. Juni:", None, 6),
        ("Sonnabend", None, 6),
    ],
)
def test_day_headers(grammar, line, ordinal, weekday):
    dh = parse_day_header(line, grammar=grammar)
    assert dh is not None and (dh.ordinal, dh.weekday) == (ordinal, weekday)
    assert dh.label == line


@pytest.mark.parametrize(
    "line",
    [
        "Am ersten Konferenztag fand vor allem in den Foren ein Austausch statt.",
        "Freitag ist ein guter Tag für einen Besuch im Museum.",
        "Erster Preis: Die Klasse 7b",
        "Tag der offenen Tür im Rathaus",
    ],
)
def test_not_day_headers(grammar, line):
    assert parse_day_header(line, grammar=grammar) is None


def _find(text, grammar, **kw):
    return agenda_of(text, grammar=grammar, **kw)


SEED_LIKE = (
    "Erster Konferenztag: „Integration vor Ort gestalten\n\n"
    "Am ersten Konferenztag fand vor allem ein Austausch statt.\n\n"
    "12:00 Uhr - Pressekonferenz\n"
    "13:00 Uhr - Begrüßung durch\n\n"
    "  • Stefan Grüttner, Hessischer Minister für Soziales und Integration\n"
    "  • Christian Geselle, Oberbürgermeister der Stadt Kassel\n\n"
    "18:00 Uhr - Tagesabschluss durch Staatsministerin Annette Widmann-Mauz\n\n\n"
    "Zweiter Konferenztag: „Gesellschaftliche Zusammenhalt stärken“\n\n"
    "08:30 Uhr - Beginn und Markt der Möglichkeiten\n"
)


def _at(text, needle, pid):
    s = text.index(needle)
    return PersonRef(s, s + len(needle), pid, needle)


def test_day_headers_resolve_through_event_range(grammar):
    event = EventRef(0, (0,), "2018-08-27", "2018-08-28")
    items = _find(SEED_LIKE, grammar, events=[event])
    got = [(a.date, a.time, a.title, a.day_label[:20] if a.day_label else None, a.event_index) for a in items]
    assert got == [
        ("2018-08-27", "12:00", "Pressekonferenz", "Erster Konferenztag:", 0),
        ("2018-08-27", "13:00", "Begrüßung durch", "Erster Konferenztag:", 0),
        (
            "2018-08-27",
            "18:00",
            "Tagesabschluss durch Staatsministerin Annette Widmann-Mauz",
            "Erster Konferenztag:",
            0,
        ),
        ("2018-08-28", "08:30", "Beginn und Markt der Möglichkeiten", "Zweiter Konferenztag", 0),
    ]


def test_bullet_participants_and_inline_participants(grammar):
    people = [
        _at(SEED_LIKE, "Stefan Grüttner", "p-gruettner"),
        _at(SEED_LIKE, "Christian Geselle", "p-geselle"),
        _at(SEED_LIKE, "Annette Widmann-Mauz", "p-wm"),
    ]
    items = {a.time: a for a in _find(SEED_LIKE, grammar, people=people)}
    assert items["12:00"].participants == []
    assert items["13:00"].participants == ["p-gruettner", "p-geselle"]
    assert items["18:00"].participants == ["p-wm"]
    assert items["18:00"].participant_names == ["Annette Widmann-Mauz"]


def test_no_date_without_event_range(grammar):
    items = _find(SEED_LIKE, grammar)
    assert [a.date for a in items] == [None] * 4
    assert items[0].day_label.startswith("Erster Konferenztag")


@pytest.mark.parametrize(
    "text",
    [
        # police prose: a time at the start of a line is the start of a sentence, not a programme
        "Gegen 14.30 Uhr bemerkte ein Zeuge zwei Männer an einem Auto.\n\nDie Polizei nahm beide fest.",
        "Um 22 Uhr alarmierten Anwohner die Feuerwehr.",
        "Der Unfall ereignete sich gegen 14.30 Uhr auf der Frankfurter Allee. Um 15 Uhr war die Straße frei.",
        "Am Montag um 10 Uhr eröffnet die Senatorin die Ausstellung im Rathaus.",
        "18 Uhr ist für viele zu spät, sagte die Stadträtin.",
    ],
)
def test_prose_with_time_is_no_entry(grammar, text):
    assert _find(text, grammar) == []


def test_weak_lines_need_programme_context(grammar):
    alone = "Die Welt in Karlshorst lädt ein.\n\n16:30 Uhr Elternchor Richard-Wagner-Schule"
    assert _find(alone, grammar) == []
    block = "Die Welt in Karlshorst\n16.00 Uhr Schülerchor\n16:30 Uhr Elternchor\n17:15 Uhr Come Together"
    assert [a.time for a in _find(block, grammar)] == ["16:00", "16:30", "17:15"]
    after_header = "Programm\n\n11.15 Uhr Einlass und Mittagssnack"
    assert [a.title for a in _find(after_header, grammar)] == ["Einlass und Mittagssnack"]
    lead_in = "Für Sonntag organisieren Bündnisse Gedenkveranstaltungen:\n\n13.00 Uhr gibt es eine Mahnwache am Marheinekeplatz 1"
    assert [a.time for a in _find(lead_in, grammar)] == ["13:00"]


def test_time_alone_takes_title_from_next_line(grammar):
    text = "Folgender Ablauf ist geplant:\n\n09.30 Uhr\nSenatssitzung; Rathaus Reinickendorf, Antonyplatz 1.\n\nanschließend\n10.30 Uhr\nGemeinsame Sitzung mit dem Bezirksamt."
    got = [(a.time, a.title) for a in _find(text, grammar)]
    assert got == [
        ("09:30", "Senatssitzung; Rathaus Reinickendorf, Antonyplatz 1."),
        ("10:30", "Gemeinsame Sitzung mit dem Bezirksamt."),
    ]


def test_label_time_line(grammar):
    text = (
        "12.00 Uhr\nBeginn der Bezirkstour.\n\nWort-Bild-Termin 2: 12.30 Uhr\n"
        "Erste Station ist das Familiengrundschulzentrum der Lauterbach-Schulen. Vorgestellt wird ein Projekt."
    )
    got = [(a.time, a.title) for a in _find(text, grammar)]
    assert got[1] == ("12:30", "Erste Station ist das Familiengrundschulzentrum der Lauterbach-Schulen.")


def test_wann_wo_block_and_date_from_timex(grammar):
    text = "Vor Beginn der Zählung laden wir zu einer Pressekonferenz ein.\n\nWann: Mittwoch, 29. Januar 2020, 18.30 Uhr\n\nWo: Zentrum am Zoo, Hardenbergplatz 13."
    s = text.index("Mittwoch")
    tx = [TimexRef(s, s + len("Mittwoch, 29. Januar 2020"), "DATE", "2020-01-29")]
    items = _find(text, grammar, timexes=tx, block_entries=True)
    assert [(a.date, a.time, a.rule_id) for a in items] == [("2020-01-29", "18:30", "agenda.block.lab.wann")]
    assert items[0].title.startswith("Vor Beginn der Zählung")


def test_datum_uhrzeit_treffpunkt_block(grammar):
    text = (
        "Termin 1:\nPresserundgang durch die Open-Air Ausstellung\n\n"
        "Datum: Freitag, 25. Juni 2021\nUhrzeit: 11.00 Uhr (Dauer ca. 60 Min.)\nTreffpunkt: Eingang Open Air Ausstellung"
    )
    s = text.index("Freitag")
    tx = [TimexRef(s, s + len("Freitag, 25. Juni 2021"), "DATE", "2021-06-25")]
    items = _find(text, grammar, timexes=tx, block_entries=True)
    assert [(a.date, a.time, a.title) for a in items] == [
        ("2021-06-25", "11:00", "Presserundgang durch die Open-Air Ausstellung")
    ]


def test_block_without_time_is_no_entry_but_dates_the_programme(grammar):
    text = (
        "Datum: Freitag, 25. Juni 2021\nOrt: Bühne Open Air Ausstellung\n\nAblauf:\n\n"
        "17.00 Uhr: Begrüßung durch den Regierenden Bürgermeister\n17.15 Uhr: Fotomotiv"
    )
    s = text.index("Freitag")
    tx = [TimexRef(s, s + len("Freitag, 25. Juni 2021"), "DATE", "2021-06-25")]
    assert [(a.date, a.time) for a in _find(text, grammar, timexes=tx)] == [
        ("2021-06-25", "17:00"),
        ("2021-06-25", "17:15"),
    ]


def test_court_dated_line(grammar):
    text = "Verhandlung über die Klage eines Hotels\n\nDienstag, 07. Januar 2020, 12:30 Uhr, Saal 334"
    s = text.index("Dienstag")
    tx = [TimexRef(s, s + len("Dienstag, 07. Januar 2020"), "DATE", "2020-01-07")]
    items = _find(text, grammar, timexes=tx)
    assert [(a.date, a.time, a.title) for a in items] == [("2020-01-07", "12:30", "Saal 334")]


def test_event_link_is_nearest_preceding_mention(grammar):
    text = (
        "Pressekonferenz am Mittwoch.\n\n10:00 Uhr - Beginn\n\nFest am Samstag.\n\n15:00 Uhr - Kinderprogramm"
    )
    events = [EventRef(0, (0,), "2020-01-29", None), EventRef(1, (text.index("Fest"),), "2020-02-01", None)]
    items = _find(text, grammar, events=events)
    assert [(a.event_index, a.date) for a in items] == [(0, "2020-01-29"), (1, "2020-02-01")]


def test_prose_about_the_same_day_keeps_the_day_label(grammar):
    text = (
        "Erster Konferenztag: „Integration vor Ort gestalten\n\n"
        "Am ersten Konferenztag fand vor allem in den Foren ein Austausch statt.\n\n"
        "12:00 Uhr - Pressekonferenz"
    )
    tx = [
        TimexRef(0, 19, "DATE", "2018-08-27"),
        TimexRef(text.index("ersten"), text.index("ersten") + 19, "DATE", "2018-08-27"),
    ]
    items = _find(text, grammar, timexes=tx)
    assert [(a.date, a.day_label[:19]) for a in items] == [("2018-08-27", "Erster Konferenztag")]


# ------------------------------------------------------------------ blocks, entry paragraphs, offices, venue lines


@pytest.mark.parametrize(
    "text",
    [
        "Vor Beginn der Zählung laden wir zu einer Pressekonferenz ein.\n\nWann: Mittwoch, 29. Januar 2020, 18.30 Uhr\n\nWo: Zentrum am Zoo.",
        "Termin 1:\nPresserundgang durch die Ausstellung\n\nDatum: Freitag, 25. Juni 2021\nUhrzeit: 11.00 Uhr\nTreffpunkt: Eingang",
        "Sie sind herzlich eingeladen.\nWann: 17. Juni 2023 von 16 bis 17 Uhr\nWo: Alexanderplatz",
    ],
)
def test_label_block_is_the_event_not_an_agenda_entry(grammar, text):
    # corpus/gold/README.md: a Wann:/Datum: block gives the event's start and place, it is no programme entry
    assert _find(text, grammar) == []


IMPULS = (
    "Programm\n\n12.45 Uhr Kultureller Beitrag\n\n"
    "13.00 Uhr IMPULS: Gleichstellung gewinnt – Perspektiven des Wandels\n\n"
    "Blick nach außen – Was wir von Schweden lernen können Thilo Schulz, Schwedische Handelskammer\n\n"
    "Neue Herausforderungen brauchen neue Strategien Katharina Hochfeld, Fraunhofer Center\n\n"
    "13.45 Uhr Kultureller Beitrag"
)
PANEL = (
    "17.00 Uhr: Begrüßung\n17.45 Uhr: Panel-Talk: „Die Rolle der Wissenschaft für Berlin“\n\n"
    "Im Rahmen der Eröffnung diskutiert der Regierende Bürgermeister mit Prof. Dr. Jutta Allmendinger.\n\n"
    "Bitte melden Sie sich bis 24. Juni an."
)
NOT_PANEL = (
    "13.00 Uhr gibt es eine Mahnwache am Marheinekeplatz 1\n14.00 Uhr Gedenkkundgebung auf dem Oranienplatz\n\n"
    "Anlässlich des Jahrestages gedenkt auch das Bezirksamt mit einem Video in der Bibliothek Wilhelm Liebknecht."
)
VENUES = (
    "Museum Kesselhaus Herzberge e.V.\n18.30 Uhr Jazzduo Helmut Engel\n\n"
    "Jugendherberge Ostkreuz\n16 Uhr Das Orchester Bridges"
)


@pytest.mark.parametrize(
    "text, who, entry_time, expected",
    [
        (IMPULS, "Thilo Schulz", "13:00", True),  # speaker paragraphs between two entries
        (IMPULS, "Katharina Hochfeld", "13:00", True),
        (IMPULS, "Thilo Schulz", "13:45", False),
        (PANEL, "Jutta Allmendinger", "17:45", True),  # the panel paragraph under the last entry
        (NOT_PANEL, "Wilhelm Liebknecht", "14:00", False),  # prose below the last entry is not its panel
        (VENUES, "Jugendherberge Ostkreuz", "18:30", False),  # the next entry's venue line is not ours
    ],
)
def test_entry_paragraphs(grammar, text, who, entry_time, expected):
    s = text.index(who)
    people = [PersonRef(s, s + len(who), "p1", who)]
    items = {a.time: a for a in _find(text, grammar, people=people)}
    assert ("p1" in items[entry_time].participants) is expected


@pytest.mark.parametrize(
    "role_norm, text, expected",
    [
        ("Regierender Bürgermeister", "Der Regierende Bürgermeister begrüßt den Primátor", True),
        ("Regierender Bürgermeister", "Grußwort des Regierenden Bürgermeisters auf dem Festakt", True),
        ("Regierender Bürgermeister", "Die Regierende Bürgermeisterin eröffnet", True),
        ("Bezirksbürgermeister", "Pressestatements der Bezirksbürgermeisterin", True),
        ("Bezirksbürgermeister", "Der Bürgermeister von Prag", False),
        ("Senator", "Gleichstellungssenatorin Dilek Kolat", False),  # another office, not "Senator"
        ("Senator", "Senatorin Kolat präsentiert die Charta", True),
        ("Regierender Bürgermeister", "Begrüßung durch den Bürgermeister", False),
    ],
)
def test_office_pattern(role_norm, text, expected):
    assert bool(office_pattern(role_norm).search(text)) is expected


def test_office_bound_to_one_person_is_a_participant(grammar):
    text = "12.00 Uhr: Der Regierende Bürgermeister begrüßt den Gast\n13.30 Uhr: Führung durch den Garten"
    offices = [OfficeRef("Regierender Bürgermeister", "p-wegner", "Kai Wegner")]
    items = _find(text, grammar, offices=offices)
    assert [a.participants for a in items] == [["p-wegner"], []]
    # an office two people hold in the release names neither
    two = offices + [OfficeRef("Regierender Bürgermeister", "p-mueller", "Michael Müller")]
    assert [a.participants for a in _find(text, grammar, offices=two)] == [[], []]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rummels Bucht: Ab 18 Uhr A Panda da Sol\n\n360 Grad – Raum für Kreativität, 20 Uhr, Brown Sugar\nPrerower Platz 10",
            [("18:00", "A Panda da Sol"), ("20:00", "Brown Sugar")],
        ),
        (
            "18.30 Uhr Jazzduo\nTheater an der Parkaue, 19 Uhr, Die Zauberflöte",
            [("18:30", "Jazzduo"), ("19:00", "Die Zauberflöte")],
        ),
        # outside a programme such a line is prose
        ("Die Polizei meldet.\n\nIm Ortsteil Wedding, gegen 20 Uhr, wurde ein Mann verletzt.", []),
        ("Die Polizei meldet.\n\nSpielplatz Humannplatz, 20 Uhr, Treffen der Anwohner", []),
    ],
)
def test_venue_time_lines(grammar, text, expected):
    assert [(a.time, a.title) for a in _find(text, grammar)] == expected
