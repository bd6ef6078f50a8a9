"""Facts of an event that the text supports: who organizes it (a noun phrase's "vom … veranstalteten",
coordinated hosts), where an online event takes place, and a place phrase that stops before a weekday.
German sentences written for these tests."""

from __future__ import annotations

import pytest

from pressextract.rules.events import find_organizer, load_lexicon
from rules.events.handmade import run_events


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _events(nlp, text, *, publisher=None, published="2024-04-02"):
    return [m.event for m in run_events(nlp, text, published=published, publisher=publisher)]


# --- the organizer of one noun phrase ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, organizer",
    [
        # should: a participle between the organizer and the event noun
        ("Im Rahmen des vom Jugendclub Kiezblick veranstalteten Kinderfests übergibt die Stiftung einen Scheck.",
         "Jugendclub Kiezblick"),
        ("Die Teilnehmenden des von der Krankenkasse Nordost organisierten Fachtages forderten mehr Hilfe.",
         "Krankenkasse Nordost"),
        ("In der von der Landesstelle für Gleichbehandlung ausgerichteten Fachwerkstatt wird diskutiert.",
         "Landesstelle für Gleichbehandlung"),
        # should: an adjective between the participle and the noun
        ("Zum vom Förderverein Lindenhof organisierten großen Sommerfest kamen 300 Gäste.", "Förderverein Lindenhof"),
        # shouldn't: "organisierten" as a verb, and a date after "vom"
        ("Die Schülerinnen organisierten vom 3. bis 5. Mai eine Projektwoche.", None),
        ("Der vom Senat beschlossene Haushalt tritt in Kraft.", None),
    ],
)  # fmt: skip
def test_organizer_of_the_noun_phrase(lexicon, sentence, organizer):
    hit = find_organizer(sentence, lexicon=lexicon)
    assert (hit[0] if hit else None) == organizer


def test_noun_phrase_organizer_hosts_no_other_event(lexicon):
    # the release-wide host search skips it: a side mention must not host the release's own events
    text = "Der Maler zeigte seine Bilder schon in der von Ärzten organisierten Ausstellungsreihe „Palette“."
    assert find_organizer(text, lexicon=lexicon, release_wide=True) is None
    assert find_organizer(text, lexicon=lexicon) is not None


@pytest.mark.parametrize(
    "sentence, organizer",
    [
        # should: a hyphenated first part of a coordinated compound stays with its host
        ("Wie jedes Jahr lud der Schützen- und Heimatverein Oberau alle Mitglieder zur Weihnachtsfeier ein.",
         "der Schützen- und Heimatverein"),
        # shouldn't change: a plain host
        ("Am Samstag lädt die Stadtteilbibliothek zum Vorlesen ein.", "die Stadtteilbibliothek"),
    ],
)  # fmt: skip
def test_coordinated_compound_host(lexicon, sentence, organizer):
    hit = find_organizer(sentence, lexicon=lexicon)
    assert (hit[0] if hit else None) == organizer


# --- online events ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, location",
    [
        # should: the event noun says it is online, even where a city is named
        (("Einladung zur Online-Pressekonferenz\n\nDie Online-Pressekonferenz der Senatorin in Berlin findet am "
         "19. April 2024, 10 Uhr statt."), "online"),
        ("Online-Fachtag\n\nDer Online-Fachtag „Vielfalt in der Kita“ findet am 8. November 2024 statt.", "online"),
        # should: with the website that the sentence names
        (("Andacht am Sonntag\n\nDie digitale Andacht am 24. November 2024, 18 Uhr auf www.trostraum.de lädt alle "
         "Trauernden ein."), "online (trostraum.de)"),
        # shouldn't: an e-mail address is no website; an online registration makes no online event
        (("Vortrag\n\nDer Vortrag findet am 8. November 2024 im Rathaus Nordkreuz statt. Online-Anmeldung unter "
         "info@rathaus-nordkreuz.de."), "Rathaus Nordkreuz"),
    ],
)  # fmt: skip
def test_online_event_location(nlp, text, location):
    events = _events(nlp, text)
    assert events and events[0]["location"] == location, events


# --- a place phrase stops before a weekday ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, location",
    [
        # should: "am Dienstag" dates the event, it names no part of the place
        ("Lesung\n\nDie Lesung findet im Rathausfoyer am Dienstag, 28. November 2024 statt.", "Rathausfoyer"),
        # shouldn't change: "am" + a place name stays part of the place
        ("Konzert\n\nDas Konzert findet am 8. November 2024 im Theater am Lindenplatz statt.", "Theater am Lindenplatz"),
    ],
)  # fmt: skip
def test_place_stops_before_weekday(nlp, text, location):
    events = _events(nlp, text)
    assert events and events[0]["location"] == location, events


# --- start and end: a range needs a connector -------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        # should: two days joined by "und", "bis", a dash: one event over both
        ("Fachtagung\n\nDie Fachtagung findet am 27. und 28. August statt.", "2024-08-27", "2024-08-28"),
        ("Festwoche\n\nDie Festwoche findet vom 3. Mai bis 5. Mai im Kiez statt.", "2024-05-03", "2024-05-05"),
        ("Bauwoche\n\nWir machen von Sa, 4. Mai bis Fr, 10. Mai nochmal eine Bauwoche.", "2024-05-04", "2024-05-10"),
        # shouldn't: two events with a date each in one sentence — each keeps its own day
        (
            ("Auftakt\n\nKommen Sie zur Auftaktveranstaltung am 18. März und, wenn möglich, schon zum Vortreffen "
             "am 11. März."),
            "2024-03-18",
            None,
        ),
        # shouldn't: a later date of something else ("seit Montag, 7. Oktober") is no end
        (
            ("Heimspiel\n\nFür das Heimspiel am 13. Oktober, 18 Uhr gibt es noch Karten, der Vorverkauf läuft "
             "seit dem 7. Oktober."),
            "2024-10-13T18:00",
            None,
        ),
    ],
)  # fmt: skip
def test_range_needs_a_connector(nlp, text, start, end):
    events = _events(nlp, text, published="2024-01-02")
    assert events and (events[0]["start"], events[0]["end"]) == (start, end), events


# --- a venue that hosts the event is its place ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, location",
    [
        # should: a school, a library, a church that invites is where the event takes place
        ("Schulfest\n\nDie Lindenhof-Grundschule lädt am 7. Juni 2024 alle Familien zum Schulfest ein.",
         "Lindenhof-Grundschule"),
        ("Lesung\n\nDie Stadtteilbibliothek Nordkreuz lädt am 7. Juni 2024 zu einer Lesung für Kinder ein.",
         "Stadtteilbibliothek Nordkreuz"),
        # should: a place inside the host's name is the host's, not a place of its own
        ("Lesung\n\nDie Stadtteilbibliothek Am Park lädt am 7. Juni 2024 zu einer Lesung für Kinder ein.",
         "Stadtteilbibliothek Am Park"),
        # shouldn't: a district office or a job centre hosts, but names no place
        ("Infotag\n\nDas Bezirksamt lädt am 7. Juni 2024 zum Infotag ein.", None),
        ("Infotag\n\nDas Jobcenter Nordkreuz lädt am 7. Juni 2024 zum Infotag ein.", None),
        # shouldn't: two hosts are no one place
        ("Lesung\n\nDie Stadtbibliothek und der Leseverein laden am 7. Juni 2024 zur Lesung ein.", None),
        # shouldn't override: a place the text names
        ("Schulfest\n\nDie Lindenhof-Grundschule lädt am 7. Juni 2024 zum Schulfest im Stadtpark Nord ein.",
         "Stadtpark Nord"),
    ],
)  # fmt: skip
def test_venue_host_is_the_place(nlp, text, location):
    events = _events(nlp, text)
    assert events and events[0]["location"] == location, events


# --- closing days are no events ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, n",
    [
        # shouldn't: an office closed for a day is no event, though "-tag" heads event compounds
        ("Schließtag der Bürgerämter am 5. Oktober 2024\n\nAm 5. Oktober 2024 bleiben die Bürgerämter geschlossen.",
         0),
        ("Brückentag\n\nAm Brückentag, dem 4. Oktober 2024, ist die Bibliothek geschlossen.", 0),
        # should: a day of open doors stays an event
        ("Tag der offenen Tür\n\nDer Tag der offenen Tür findet am 5. Oktober 2024 im Rathaus statt.", 1),
    ],
)  # fmt: skip
def test_closing_days_are_no_events(nlp, text, n):
    assert len(_events(nlp, text)) == n


# --- a labelled place without the contact details on its line --------------------------------------------


@pytest.mark.parametrize(
    "value, place",
    [
        # should: phone and e-mail after the place go
        ("Hans-Sachs-Haus, Parkstr. 5, 14167 Berlin, Tel.: 030 811 91 96", "Hans-Sachs-Haus, Parkstr. 5, 14167 Berlin"),
        ("Buchhandlung am Markt * Marktstr. 3 * Tel. +49 2233 7201 * E-Mail: info@buch-markt.de",
         "Buchhandlung am Markt * Marktstr. 3"),
        ("Foyer des Rathauses (Telefon: 030 9029)", "Foyer des Rathauses"),
        # shouldn't: words that begin like a contact label
        ("Telefonzelle am Marktplatz", "Telefonzelle am Marktplatz"),
        ("Kulturhaus Mailand", "Kulturhaus Mailand"),
    ],
)  # fmt: skip
def test_labelled_place_without_contact(value, place):
    from pressextract.rules.events.blocks import _without_contact

    assert _without_contact(value) == place
