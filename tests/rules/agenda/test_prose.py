"""Programme steps written in prose (pipeline/rules/agenda/prose.py) and when agenda_of keeps them."""

from __future__ import annotations

import pytest

from pressextract.contract import EventRef, TimexRef
from pressextract.rules.agenda import agenda_of, load_grammar
from pressextract.rules.agenda.prose import prose_steps


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Um 11 Uhr folgt eine Podiumsdiskussion mit Gästen aus dem Kiez.",
            [("11:00", None, "Podiumsdiskussion mit Gästen aus dem Kiez")],
        ),
        (
            "Der Fachtag beginnt um 9 Uhr mit einem Grußwort der Stadträtin.",
            [("09:00", None, "Grußwort der Stadträtin")],
        ),
        (
            "Um 17.30 Uhr findet eine Modenschau junger Schneiderinnen statt.",
            [("17:30", None, "Modenschau junger Schneiderinnen")],
        ),
        (
            "Geplant sind ein Vortrag zu Stadtbäumen (14:30 Uhr) und eine Führung durch den Park (15.30 Uhr).",
            [("14:30", None, "Vortrag zu Stadtbäumen"), ("15:30", None, "Führung durch den Park")],
        ),
        (
            "Auf dem Programm stehen eine Lesung mit Tom Muster (18:00 - 19:00 Uhr), danach Musik (19.30 Uhr).",
            [("18:00", "19:00", "Lesung mit Tom Muster"), ("19:30", None, "Musik")],
        ),
        (
            "Danach findet von 20 bis 21 Uhr eine Schulung der Helferinnen statt.",
            [("20:00", "21:00", "Schulung der Helferinnen")],
        ),
        ("Die Zählung von 22 Uhr bis 1 Uhr findet ohne Presse statt.", [("22:00", "01:00", "Zählung")]),
        (
            "Los geht es am Freitag, dem 3. Mai 2024 um 10 Uhr mit dem Puppenspiel „Der kleine Drache“.",
            [("10:00", None, "Puppenspiel „Der kleine Drache“")],
        ),
        (
            "Die Bürgermeisterin wird den Kiezmarkt um 10 Uhr eröffnen.",
            [("10:00", None, "Den Kiezmarkt eröffnen")],
        ),
        # not programme steps: deadlines, opening hours, a time without an act
        ("Die Frist endet am 12.05.2024 um 12 Uhr.", []),
        ("Anmeldungen sind bis 12 Uhr möglich.", []),
        ("Das Bürgeramt ist montags (9-12 Uhr) geöffnet.", []),
        ("Der Unfall ereignete sich gegen 14 Uhr auf der Kreuzung.", []),
        ("Gegen 3 Uhr wurde die Polizei alarmiert.", []),
        ("Am Samstag, 6. November (9.30 bis 13.45 Uhr) geht es um Brandschutz.", []),
        ("Die Löscharbeiten sind zur Stunde (13:45 Uhr) weiterhin im Gange.", []),
        ("Ab 18 Uhr beginnt die Auszählung der Stimmzettel.", []),
    ],
)
def test_prose_steps(sentence, expected):
    assert [(s.time, s.end_time, s.title) for s in prose_steps(sentence)] == expected


def _tx(text, needle, value, label="DATE"):
    s = text.index(needle)
    return TimexRef(s, s + len(needle), label, value)


def test_two_prose_steps_are_agenda_rows_with_the_sentence_date():
    text = (
        "Kiezfest am Marktplatz\n\n"
        "Das Kiezfest findet am Samstag, 4. Mai 2024, auf dem Marktplatz statt. "
        "Um 14 Uhr folgt eine Lesung mit Anna Beispiel. Um 16 Uhr beginnt ein Konzert der Schulband."
    )
    rows = agenda_of(
        text,
        grammar=load_grammar(),
        timexes=[_tx(text, "Samstag, 4. Mai 2024", "2024-05-04")],
        events=[EventRef(0, (text.index("Das Kiezfest"),), "2024-05-04", None)],
    )
    assert [(r.time, r.title, r.rule_id) for r in rows] == [
        ("14:00", "Lesung mit Anna Beispiel", "agenda.prose.um_folgt"),
        ("16:00", "Konzert der Schulband", "agenda.prose.um_folgt"),
    ]
    assert all(r.date == "2024-05-04" for r in rows)


def test_one_timed_sentence_is_no_programme():
    text = "Sommerfest\n\nDas Sommerfest beginnt am Samstag um 14 Uhr mit einem Grußwort des Bürgermeisters."
    assert agenda_of(text, grammar=load_grammar()) == []


def test_prose_step_beside_a_programme_line():
    text = "Programm\n\n10:00 Uhr - Begrüßung\n\nUm 11 Uhr folgt eine Podiumsdiskussion zur Verkehrswende."
    rows = agenda_of(text, grammar=load_grammar(), events=[EventRef(0, (0,), None, None)])
    assert [(r.time, r.title) for r in rows] == [
        ("10:00", "Begrüßung"),
        ("11:00", "Podiumsdiskussion zur Verkehrswende"),
    ]


def test_no_event_no_programme():
    # a fire brigade's report: times of an incident, no event whose programme they could be
    text = "Waldbrand\n\nUm 11 Uhr folgt die nächste Lagemeldung. Um 14 Uhr folgt eine weitere Meldung."
    assert agenda_of(text, grammar=load_grammar()) == []


def test_prose_off():
    text = "Titel\n\nUm 11 Uhr folgt eine Diskussion. Um 12 Uhr folgt ein Imbiss."
    ev = [EventRef(0, (0,), None, None)]
    assert len(agenda_of(text, grammar=load_grammar(), events=ev)) == 2
    assert agenda_of(text, grammar=load_grammar(), events=ev, prose=False) == []


@pytest.mark.parametrize(
    "text, n",
    [
        # opening hours under an address are no programme
        (
            "Beratungsstelle Nord\nMontag – Freitag: 10.00 – 12.00 Uhr\nMittwoch und Donnerstag: 15.00 – 17.00 Uhr",
            0,
        ),
        ("Telefonzeiten:\nMo – Do: 10:30 – 12:00 Uhr\nFr: 08:30 – 12:00 Uhr", 0),
        # a programme with a station label keeps its entries
        ("Programm:\nStation 1: 10.00 Uhr Begrüßung\nStation 2: 11.30 Uhr Führung", 2),
    ],
)
def test_opening_hours_are_no_entries(text, n):
    assert len(agenda_of(text, grammar=load_grammar())) == n
