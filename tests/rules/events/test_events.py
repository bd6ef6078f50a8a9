"""Event rules (pipeline/rules/events.py): event-noun lexicon, anchoring, merging and attributes."""

from __future__ import annotations

import re

import pytest

from pressextract.contract import TimexRef
from pressextract.rules.events import (
    find_events,
    find_location,
    find_motto,
    find_organizer,
    find_recurrence,
    load_lexicon,
    match_noun,
    place_base_form,
)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize(
    "word, etype",
    [
        ("Konferenz", "Konferenz"),
        ("Bundeskonferenz", "Konferenz"),
        ("Pressekonferenz", "Pressekonferenz"),
        ("Pressekonferenzen", "Pressekonferenz"),
        ("Fachtagung", "Tagung"),
        ("Sommerfest", "Fest"),
        ("Kiezfeste", "Fest"),
        ("Ausstellungseröffnung", "Eröffnung"),
        ("Ausstellung", "Ausstellung"),
        ("Autorenlesung", "Lesung"),
        ("Gedenkveranstaltung", "Gedenkveranstaltung"),
        ("Gedenkkundgebung", "Gedenkveranstaltung"),
        ("Mahnwache", "Mahnwache"),
        ("Kundgebung", "Kundgebung"),
        ("Bundestagswahl", "Wahl"),
        ("Neujahrsempfang", "Empfang"),
        ("Spatenstich", "Spatenstich"),
        ("Richtfest", "Richtfest"),
        ("Workshop", "Workshop"),
        ("Podiumsdiskussion", "Diskussion"),
        ("Fachtag", "Fachtag"),
        ("Bürgersprechstunde", "Sprechstunde"),
        ("Bürgerversammlung", "Bürgerversammlung"),
        ("Weihnachtsmarkt", "Markt"),
        ("Spendenlauf", "Lauf"),
        ("BVV-Sitzung", "Sitzung"),
        ("Wort-Bild-Termin", "Pressetermin"),
    ],
)
def test_event_nouns(lexicon, word, etype):
    hit = match_noun(word, lexicon=lexicon)
    assert hit is not None and hit[0].type == etype


@pytest.mark.parametrize(
    "word",
    [
        "Ablauf",
        "Verlauf",
        "Manifest",
        "Auswahl",
        "Arbeitsmarkt",
        "Wohnungsmarkt",
        "Vertagung",
        "Verkehrsunfall",
        "Einbruch",
        "Festnahme",
        "Brand",
        "Geschäftsführung",
        "Bezirksverordnetenversammlung",
        "Konferenztag",
    ],
)
def test_not_event_nouns(lexicon, word):
    assert match_noun(word, lexicon=lexicon) is None


def _timex(text, needle, value, label="DATE"):
    s = text.index(needle)
    return TimexRef(s, s + len(needle), label, value)


SEED_LEAD = (
    "Integrationsbeauftragte\n\nIntegration vor Ort gestalten\n\n"
    "In Kassel tagte die Bundeskonferenz der Integrationsbeauftragen.\n\n"
    "Auf Einladung der Beauftragten der Bundesregierung für Migration, Flüchtlinge und Integration, "
    "Staatsministerin Annette Widmann-Mauz, tagte am 27. und 28. August 2018 in Kassel die Bundeskonferenz der "
    "Integrationsbeauftragten von Bund, Ländern und Kommunen. In diesem Jahr fand die Konferenz unter dem Titel "
    "„Integration vor Ort gestalten – Gesellschaftlichen Zusammenhalt stärken“ statt.\n\n"
    "Jährliche Konferenz\n\n"
    "Einmal jährlich lädt die Integrationsbeauftragte die Beauftragten der Länder und Kommunen ein.\n\n"
    "12:00 Uhr - Pressekonferenz\n13:00 Uhr - Begrüßung durch"
)


def _events(nlp, lexicon, text, timexes=()):
    from dataclasses import replace

    from pressextract.contract import Refs
    from pressextract.rules.events import EventOptions, load_rules

    doc = nlp(text)
    refs = replace(Refs.from_doc(doc, "blocks"), timexes=tuple(timexes))
    return find_events(doc, rules=load_rules(), options=EventOptions(), refs=refs)


def test_seed_event_merged_with_all_attributes(nlp, lexicon):
    tx = [_timex(SEED_LEAD, "27. und 28. August 2018", "2018-08-27/2018-08-28")]
    events = _events(nlp, lexicon, SEED_LEAD, tx)
    assert len(events) == 1, [e.event for e in events]
    ev = events[0].event
    assert ev["name"] == "Bundeskonferenz der Integrationsbeauftragten von Bund, Ländern und Kommunen"
    assert ev["type"] == "Konferenz"
    assert (ev["start"], ev["end"]) == ("2018-08-27", "2018-08-28")
    assert ev["location"] == "Kassel"
    assert ev["motto"] == "Integration vor Ort gestalten – Gesellschaftlichen Zusammenhalt stärken"
    assert ev["organizer"].endswith("Staatsministerin Annette Widmann-Mauz")
    assert ev["recurrence"] == "yearly"
    assert ev["rule_id"] == "ev.konferenz"
    assert SEED_LEAD[events[0].start : events[0].end] == ev["name"]  # evidence: the name of the dated mention


def test_programme_line_is_no_event(nlp, lexicon):
    assert all(e.event["type"] != "Pressekonferenz" for e in _events(nlp, lexicon, SEED_LEAD))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Titel\n\nDas Sommerfest im Bürgerpark findet am Samstag, 12. Juli, von 14 bis 18 Uhr statt.",
            ["Fest"],
        ),
        (
            "Titel\n\nZur Gedenkveranstaltung am 9. November lädt das Bezirksamt in die Gedenkstätte ein.",
            ["Gedenkveranstaltung"],
        ),
        # police incident: no event noun
        ("Titel\n\nBei einem Verkehrsunfall am Montagmorgen wurde ein Radfahrer schwer verletzt.", []),
        # "Sitzung" needs a date in its sentence
        ("Titel\n\nDas Bezirksamt hat in seiner Sitzung eine Vorlage beschlossen.", []),
        ("Titel\n\nDie nächste Sitzung des Ausschusses findet am 4. März um 17 Uhr statt.", ["Sitzung"]),
        # the meeting in which a decision was taken is the decision's side note, not an event
        (
            "Titel\n\nDer Senat hat in seiner Sitzung am 4. März auf Vorschlag der Senatorin den Plan beschlossen.",
            [],
        ),
        ("Titel\n\nDas Bezirksamt hat in seiner Sitzung am 4. März folgende Beschlüsse gefasst:", []),
        # generic use of a noun without anchor in body text
        (
            (
                "Titel\n\nDer Bezirk stellt heute seinen Haushaltsplan für die kommenden zwei Jahre vor, der "
                "viele Projekte enthält.\n\nEine Ausstellung wäre schön, meint der Stadtrat."
            ),
            [],
        ),
        # a plural names a kind of event, not one event
        (
            (
                "Titel\n\nDer Bezirk ehrt heute junge Musikerinnen und Musiker, die beim Wettbewerb viele "
                "Preise erspielt haben.\n\nSie dürfen im Sommersemester 2023 an allen Workshops teilnehmen."
            ),
            [],
        ),
        ("Titel\n\nDie Ausstellung von Reisepässen ist ab Montag wieder möglich.", []),
        # two press conferences on different days are two events
        (
            (
                "Titel\n\nWir laden am 29. Januar zu einer Pressekonferenz ein. Die Ergebnisse werden auf einer "
                "Pressekonferenz am 7. Februar vorgestellt."
            ),
            ["Pressekonferenz", "Pressekonferenz"],
        ),
    ],
)
def test_which_mentions_are_events(nlp, lexicon, text, expected):
    tx = []
    for m in re.finditer(r"\d{1,2}\. (?:Juli|November|März|Januar|Februar)", text):
        tx.append(
            TimexRef(
                m.start(),
                m.end(),
                "DATE",
                f"2020-{['Januar', 'Februar', 'März', 'Juli', 'November'].index(m.group().split()[1]) + 1:02d}-{int(m.group().split('.')[0]):02d}",
            )
        )
    assert [e.event["type"] for e in _events(nlp, lexicon, text, tx)] == expected


@pytest.mark.parametrize(
    "sentence, motto",
    [
        (
            "In diesem Jahr fand die Konferenz unter dem Titel „Integration vor Ort gestalten“ statt.",
            "Integration vor Ort gestalten",
        ),
        ("Das Fest steht unter dem Motto „Vielfalt verbindet“.", "Vielfalt verbindet"),
        ("Die Woche steht dieses Jahr unter dem Thema »Zukunft Kiez«.", "Zukunft Kiez"),
        ("Der Titel der Podiumsdiskussion „Hanau ist 365 Tage im Jahr“.", "Hanau ist 365 Tage im Jahr"),
        ("Motto: „Gemeinsam stark“", "Gemeinsam stark"),
        ("„Es war ein guter Tag“, sagte die Senatorin.", None),
    ],
)
def test_motto(lexicon, sentence, motto):
    hit = find_motto(sentence, lexicon=lexicon)
    assert (hit[0] if hit else None) == motto


@pytest.mark.parametrize(
    "sentence, organizer",
    [
        (
            (
                "Auf Einladung der Beauftragten der Bundesregierung für Migration, Flüchtlinge und Integration, "
                "Staatsministerin Annette Widmann-Mauz, tagte am 27. August die Konferenz."
            ),
            "Beauftragten der Bundesregierung für Migration, Flüchtlinge und Integration, Staatsministerin Annette Widmann-Mauz",
        ),
        ("Das jugendFORUM selbst wird von der Stiftung wannseeFORUM veranstaltet.", "Stiftung wannseeFORUM"),
        ("Das Fest wird veranstaltet von der Stiftung Nachbarschaft.", "Stiftung Nachbarschaft"),
        ("Veranstalter: Bezirksamt Mitte, Fachbereich Kultur", "Bezirksamt Mitte, Fachbereich Kultur"),
        (
            "Einmal jährlich lädt die Integrationsbeauftragte die Beauftragten der Länder ein.",
            "die Integrationsbeauftragte",
        ),
        ("Der Bezirksbürgermeister lädt alle Nachbarn zum Kiezfest ein.", "Der Bezirksbürgermeister"),
        ("Die Senatorin sprach über die Konferenz.", None),
        # a modal verb ends the subject: no organizer phrase that runs over "möchte … feiern und"
        ("Das Bezirksamt möchte die Nachbarschaft feiern und lädt alle zum Kiezfest ein.", None),
    ],
)
def test_organizer(lexicon, sentence, organizer):
    hit = find_organizer(sentence, lexicon=lexicon)
    assert (hit[0] if hit else None) == organizer


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Einmal jährlich lädt die Integrationsbeauftragte ein.", "yearly"),
        ("Die alljährliche Gedenkfeier findet am 9. November statt.", "yearly"),
        ("Die Konferenz findet einmal im Jahr statt.", "yearly"),
        ("Die Sprechstunde findet monatlich im Rathaus statt.", "monthly"),
        ("Der Markt ist jeden Samstag geöffnet.", "weekly"),
        ("Die wöchentliche Beratung beginnt am Montag.", "weekly"),
        ("Die Laufgruppe trifft sich immer donnerstags im Park.", "weekly"),
        ("Die Ausstellung ist jeweils montags bis freitags geöffnet.", None),
        ("Die Konferenz fand zum ersten Mal statt.", None),
    ],
)
def test_recurrence(lexicon, sentence, value):
    hit = find_recurrence(sentence, lexicon=lexicon)
    assert (hit[0] if hit else None) == value


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Am 27. August tagte in Kassel die Konferenz.", "Kassel"),
        ("Die Ausstellung wird im Rathaus Schöneberg eröffnet.", "Rathaus Schöneberg"),
        ("Das Konzert beginnt um 18 Uhr im Theater an der Parkaue 25.", "Theater an der Parkaue 25"),
        ("Um 14 Uhr beginnt die Kundgebung auf dem Oranienplatz in Kreuzberg.", "Oranienplatz"),
        ("Das Fest findet im Roten Rathaus statt.", "Rotes Rathaus"),  # gold convention: the base form
        # a venue inside a venue, in the genitive
        (
            "Das Fest beginnt im Garten des Nachbarschaftshauses Lindenhof.",
            "Garten des Nachbarschaftshauses Lindenhof",
        ),
        ("Die Lesung ist im Rathaus der Stadt Emden.", "Rathaus"),  # "Stadt" is no venue: the genitive stops
        ("Wir arbeiten in Bildung und Arbeit zusammen.", None),
        ("Das Fest findet am Montag statt.", None),
        ("In diesem Jahr fand die Konferenz statt.", None),
    ],
)
def test_location(nlp, lexicon, sentence, place):
    doc = nlp(sentence)
    assert find_location(doc[:], lexicon=lexicon) == place


# ------------------------------------------------------------------ place base forms, side notes, titles, date paragraphs


@pytest.mark.parametrize(
    "place, expected",
    [
        ("Roten Rathaus", "Rotes Rathaus"),
        ("Neuen Nationalgalerie", "Neue Nationalgalerie"),
        ("Großen Saal der Urania", "Großer Saal der Urania"),
        ("Deutschen Theater", "Deutsches Theater"),
        ("Alten Museum", "Altes Museum"),
        # unchanged: no inflected adjective, or no venue noun after it
        ("Rathaus Schöneberg", "Rathaus Schöneberg"),
        ("Berliner Rathaus", "Berliner Rathaus"),
        ("Gärten der Welt", "Gärten der Welt"),
        ("Neuen Welt", "Neuen Welt"),
        ("Kassel", "Kassel"),
    ],
)
def test_place_base_form(lexicon, place, expected):
    assert place_base_form(place, lexicon=lexicon) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a closing side note announces no event of the release
        (
            (
                "Titel\n\nWir laden am 29. Januar zu einer Pressekonferenz ein.\n\nNoch ein Hinweis: Die Ergebnisse "
                "werden auf einer Pressekonferenz am 7. Februar vorgestellt."
            ),
            ["Pressekonferenz"],
        ),
        (
            (
                "Titel\n\nDie Bezirkstour beginnt am 26. November.\nHinweis: Die Senats-Pressekonferenz findet am "
                "26. November um 13 Uhr im Roten Rathaus statt."
            ),
            ["Bezirkstour"],
        ),
        # a quoted title as the subject of "findet … statt" is an event of its own
        (
            "Titel\n\nDie „Fête de la Musique“ findet in Lichtenberg auch am Donnerstag, 21. Juni, statt.",
            ["Fête de la Musique"],
        ),
        (
            "Titel\n\nDie Berliner „Lange Nacht der Museen“ findet am 29. Januar statt.",
            ["Lange Nacht der Museen"],
        ),
        # a quoted title after an event noun is the noun's title, not a second event
        (
            "Titel\n\nDie Ausstellung „Godori – Kampf der Blumen“ findet am 29. Januar statt.",
            ["Ausstellung „Godori – Kampf der Blumen“"],
        ),
        # a quoted title that does not take place: no event
        ("Titel\n\nDie „Kiezkasse“ wird am 29. Januar vorgestellt.", []),
        ("Titel\n\nDas Bündnis „Wir für Berlin“ findet am 29. Januar keine Mehrheit.", []),
        # camel-case compounds of an event noun
        (
            "Titel\n\nZum 19. Mal findet am 29. Januar das Berliner jugendFORUM statt.",
            ["Berliner jugendFORUM"],
        ),
        # a venue after "im" is a place, not an event
        ("Titel\n\nAm 29. Januar spielt das Orchester im Kulturforum.", []),
        # a title line: its adjective is part of the name
        (
            "Titel\n\nTermin 2:\nOffizielle Eröffnung „Wissensstadt Berlin 2021“\n\nDatum: Freitag, 29. Januar",
            ["Offizielle Eröffnung „Wissensstadt Berlin 2021“"],
        ),
    ],
)
def test_side_notes_titles_and_names(nlp, lexicon, text, expected):
    tx = [
        _timex(text, m.group(0), f"2020-{'01' if 'Januar' in m.group(0) else '11'}-{int(m.group(1)):02d}")
        for m in re.finditer(r"(\d{1,2})\. (?:Januar|November)", text)
    ]
    assert [e.event["name"] for e in _events(nlp, lexicon, text, tx)] == expected


@pytest.mark.parametrize(
    "text, start, location",
    [
        (
            (
                "Titel\n\nDas jugendFORUM findet statt am\n\nMontag, 30. September 2019\nim JugendKulturZentrum PUMPE,"
                "\n10 – 16 Uhr, Lützowstraße 42, 10785 Berlin."
            ),
            "2019-09-30T10:00",
            "JugendKulturZentrum PUMPE",
        ),
        (
            (
                "Titel\n\nAntworten erhalten Sie beim Forum für Menschen mit Behinderung\n\nMittwoch, 30. September 2019, "
                "15.00-17.00 Uhr\nSeniorenklub Lindenufer, Mauerstraße 10 A, 13597 Berlin"
            ),
            "2019-09-30T15:00",
            "Seniorenklub Lindenufer",
        ),
        # after a finished sentence a date line is not the event's when/where paragraph
        (
            "Titel\n\nDas jugendFORUM ist ein Ort für Jugendliche.\n\nMontag, 30. September 2019\nim Rathaus Mitte",
            None,
            None,
        ),
    ],
)
def test_unlabelled_date_paragraph(nlp, lexicon, text, start, location):
    tx = [_timex(text, m.group(0), "2019-09-30") for m in re.finditer(r"\w+, 30\. September 2019", text)]
    got = _events(nlp, lexicon, text, tx)
    ev = got[0].event if got else {"start": None, "location": None}
    assert (ev["start"], ev["location"]) == (start, location)


@pytest.mark.parametrize(
    "word, etype",
    [
        ("Nachbarschaftstag", "Aktionstag"),
        ("Stadtlauf", "Lauf"),
        ("Feierstunde", "Feier"),
        ("Vorlesestunde", "Veranstaltung"),
        ("Mitgliederversammlung", "Versammlung"),
        ("Filmvorführung", "Vorführung"),
        ("Kiezspaziergang", "Führung"),
        ("Erzählcafé", "Treffen"),
        ("Reparatur-Café", "Treffen"),
        ("Nachbarschaftstreffen", "Treffen"),
        ("Themenabend", "Veranstaltung"),
        ("Weihnachtssingen", "Konzert"),
        ("Adventssingen", "Konzert"),
        ("Kuratorenführung", "Führung"),
        ("Museumsnacht", "Veranstaltung"),
        ("Projektwoche", "Aktionswoche"),
        ("Kick-off", "Auftaktveranstaltung"),
        ("Release-Party", "Party"),
        ("Neujahrsfrühstück", "Treffen"),
        ("Pokal-Heimspiel", "Spiel"),
    ],
)
def test_event_heads_of_compounds(lexicon, word, etype):
    hit = match_noun(word, lexicon=lexicon)
    assert hit is not None and hit[0].type == etype, hit


@pytest.mark.parametrize(
    "word",
    [
        "Montag",
        "Samstagabend",
        "Sonnabend",
        "Feiertag",
        "Bundestag",
        "Vertrag",
        "Viertelstunde",
        "Kalenderwoche",
        "Krankheitsverlauf",  # the head "verlauf" is no event: "lauf" must not be read out of it
        "Lebenslauf",
        "Verkehrsführung",
        "Unternehmensführung",
        "Mitternacht",
        "Silvesternacht",
        "Beispiel",
        "Fragestunde",
        "Internetcafé",
        "Bietigheim-Bissingen",  # a town, not a sing-along
        "Geburtstag",
        "Jahrestag",
        "Rückführung",
    ],
)
def test_not_event_heads(lexicon, word):
    assert match_noun(word, lexicon=lexicon) is None


def _org_events(nlp, text, publisher, published, timexes=()):
    from dataclasses import replace

    from pressextract.contract import Refs
    from pressextract.rules.events import EventOptions, load_rules

    doc = nlp(text)
    doc._.press_meta = {"publisher": publisher, "published": published}
    refs = replace(Refs.from_doc(doc, "blocks"), timexes=tuple(timexes))
    return [m.event for m in find_events(doc, rules=load_rules(), options=EventOptions(), refs=refs)]


@pytest.mark.parametrize(
    "text, organizer",
    [
        # the release invites in its own name: the publisher
        (
            "Presseeinladung: Kiezfest am Lindenplatz\n\nDas Kiezfest findet am 4. Mai 2024 auf dem Lindenplatz statt.",
            "Bezirksamt Nordkreuz",
        ),
        # a label block in a release that speaks in the publisher's name (its head word, first person plural)
        (
            (
                "Kiezfest\n\nDas Kiezfest des Bezirksamtes findet am 4. Mai 2024 statt.\n\nWann: 4. Mai 2024, 14 Uhr\n"
                "Wo: Lindenplatz"
            ),
            "Bezirksamt Nordkreuz",
        ),
        # shouldn't: the same block where the release only passes on a youth club's flea market
        (
            (
                "Flohmarkt\n\nIm Jugendklub Eiche findet am 4. Mai 2024 ein Flohmarkt statt. Kommt vorbei!\n\n"
                "Wann: 4. Mai 2024, 10 bis 14 Uhr\nWo: Eichenweg 3"
            ),
            None,
        ),
        # an announced event (after the publication day), nobody else named, in the release's own voice
        ("Sommerfest\n\nUnser Sommerfest im Bürgerpark findet am 4. Mai 2024 statt.", "Bezirksamt Nordkreuz"),
        (
            "Sommerfest\n\nDas Bezirksamt feiert: Das Sommerfest findet am 4. Mai 2024 statt.",
            "Bezirksamt Nordkreuz",
        ),
        # shouldn't: a gallery's talk the release announces without speaking for the publisher
        (
            "Lesung\n\nIn der Galerie Nord findet am 4. Mai 2024 eine Lesung mit der Autorin Ida Brandt statt.",
            None,
        ),
        # the release invites the press in its own name: the publisher, whoever else is named
        (
            "Einladung zum Pressetermin\n\nDer Rundgang im Jugendklub Eiche findet am 4. Mai 2024 statt.",
            "Bezirksamt Nordkreuz",
        ),
        # a host named in another sentence of the release
        (
            (
                "Kiezfest\n\nDas Kiezfest findet am 4. Mai 2024 statt. Der Förderverein Lindenplatz lädt alle "
                "Nachbarinnen und Nachbarn herzlich ein."
            ),
            "Der Förderverein Lindenplatz",
        ),
        # the organizer in the event's own sentence wins
        (
            "Kiezfest\n\nDas Kiezfest wird am 4. Mai 2024 von der Stiftung Lindenhof veranstaltet.",
            "Stiftung Lindenhof",
        ),
        # a report on a past event, no invitation: nobody
        ("Kiezfest\n\nDas Kiezfest fand am 4. Mai 2024 auf dem Lindenplatz statt.", None),
    ],
)
def test_organizer_fallbacks(nlp, text, organizer):
    published = "2024-05-10" if "fand" in text else "2024-04-20"
    tx = [_timex(text, "4. Mai 2024", "2024-05-04")]
    events = _org_events(nlp, text, "Bezirksamt Nordkreuz (Archiv 2016–2021)", published, tx)
    assert events and events[0]["organizer"] == organizer, events


def test_no_publisher_no_organizer(nlp):
    text = "Presseeinladung\n\nDas Kiezfest findet am 4. Mai 2024 statt."
    events = _org_events(nlp, text, None, "2024-04-20", [_timex(text, "4. Mai 2024", "2024-05-04")])
    assert events and events[0]["organizer"] is None


def test_question_labels_and_compound_head(nlp, lexicon):
    text = (
        "Weihnachtssingen in der Bibliothek\n\nDie Stadtteilbibliothek Am Park lädt alle Familien zum gemeinsamen "
        "Weihnachtssingen ein.\n\nWann? Samstag, 21. Dezember um 15.30 Uhr\nWo? Lesesaal der Stadtteilbibliothek, "
        "Parkweg 3"
    )
    events = _events(nlp, lexicon, text, [_timex(text, "Samstag, 21. Dezember", "2024-12-21")])
    assert len(events) == 1, [e.event for e in events]
    ev = events[0].event
    assert (ev["name"], ev["start"]) == ("Weihnachtssingen", "2024-12-21T15:30")
    assert ev["location"] == "Lesesaal der Stadtteilbibliothek, Parkweg 3"
    assert ev["organizer"] == "Die Stadtteilbibliothek Am Park"


def test_generic_veranstaltung_refers_back(nlp, lexicon):
    text = (
        "Kammermusik in der Bibliothek\n\nDas Trio Nordlicht spielt ein Konzert mit dem Titel „Kleine Nachtstücke“. "
        "Die Veranstaltung bietet Gelegenheit, Kammermusik zu hören.\n\n"
        "Termin: Mittwoch, 13.11.2024 um 18:30 Uhr\n\nOrt: Stadtteilbibliothek, Lindenweg 3"
    )
    tx = [
        _timex(text, "Mittwoch, 13.11.2024", "2024-11-13"),
        _timex(text, "18:30 Uhr", "2024-11-13T18:30", "TIME"),
    ]
    events = _events(nlp, lexicon, text, tx)
    assert len(events) == 1, [e.event for e in events]
    ev = events[0].event
    assert ev["name"] == "Konzert mit dem Titel „Kleine Nachtstücke“"
    assert ev["start"] == "2024-11-13T18:30"
    assert ev["location"].startswith("Stadtteilbibliothek")


@pytest.mark.parametrize(
    "text, name",
    [
        # an invitation without any event noun: the headline's quoted name, the label block's date and place
        (
            (
                "„Klangwelten“ mit dem Mandolinenorchester Süd\nDatum: Samstag, 06.04.2024, 16 Uhr\n"
                "Ort: Gemeinschaftshaus, Großer Saal\n\nDas Orchester spielt Werke von Bach bis Pop."
            ),
            "Klangwelten",
        ),
        # a label block under a report that names nothing dated: no event from the block alone without a date
        ("Neue Öffnungszeiten\nOrt: Bürgeramt Süd\n\nDas Bürgeramt öffnet künftig früher.", None),
    ],
)
def test_event_from_headline_and_block(nlp, lexicon, text, name):
    tx = [_timex(text, "Samstag, 06.04.2024", "2024-04-06")] if "06.04.2024" in text else []
    events = _events(nlp, lexicon, text, tx)
    if name is None:
        assert events == []
    else:
        assert [e.event["name"] for e in events] == [name]
        assert events[0].event["start"].startswith("2024-04-06")
        assert events[0].event["location"].startswith("Gemeinschaftshaus")
