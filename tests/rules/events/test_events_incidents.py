"""Events in releases of police, fire brigades and courts (issue 16 D): an event noun that names the setting of
a crime, an accident or an operation is no event; operations are no events; court hearings, press conferences,
exercises and announced events of these publishers stay events. German sentences written for these tests."""

from __future__ import annotations

import pytest

from pressextract.rules.events import load_lexicon, match_noun
from rules.events.handmade import run_events


def _types(nlp, text, published="2024-06-10"):
    return [m.event["type"] for m in run_events(nlp, text, published=published)]


SETTINGS = [
    # shouldn't: the event noun is where or when the crime or accident happened
    (
        (
            "Container in Brand gesetzt\n\nAm 6. Juni 2024 gegen 17 Uhr haben unbekannte Täter Holzpaletten für "
            "das Seefest in einem Container angezündet."
        ),
        [],
    ),
    (
        (
            "Gäste einer Geburtstagsfeier angegriffen\n\nAm 2. Juni 2024 gegen 23 Uhr kamen drei Männer zu einer "
            "privaten Geburtstagsfeier in einem Hinterhof in Moabit."
        ),
        [],
    ),
    (
        (
            "Diebstahl eines Gemäldes\n\nAm 3. Mai 2024 wurde während einer Vernissage in einer Galerie in "
            "Kreuzberg ein kleines Ölbild entwendet."
        ),
        [],
    ),
    (
        (
            "Polizeibericht\n\nRastatt: Auffahrunfall\n\n3000 Euro Sachschaden entstand bei einem Unfall, der sich "
            "am 4. Mai 2024 gegen 18 Uhr auf dem Weg zum Maifest in der Bahnhofstraße ereignete."
        ),
        [],
    ),
    (
        (
            "Jugendliche auf dem Heimweg vom Schützenfest beraubt\n\nAm 1. Juni 2024 gegen 22 Uhr war eine "
            "16-Jährige auf dem Heimweg vom Schützenfest in Neustadt."
        ),
        [],
    ),
    # shouldn't: an operation is no event, whatever its head ("-marathon", "-tag")
    ("Zwölf Stunden im Einsatzmarathon\n\nAm 8. Mai 2024 ab 14 Uhr rückte der Löschzug sechsmal aus.", []),
    # should: the release announces the festival and gives the police's hints for it
    (
        (
            "Hinweise der Polizei zum Frühlingsfest\n\nDas Frühlingsfest beginnt am 7. Juni 2024 auf dem "
            "Festplatz; die Polizei kontrolliert verstärkt den Jugendschutz."
        ),
        ["Fest"],
    ),
    # should: under an incident headline, a sentence dated after the release announces the festival
    (
        (
            "Mann am Bahnhof angegriffen\n\nNach dem Angriff verstärkt die Polizei beim Stadtfest am 20. Juni "
            "2024 ihre Streifen."
        ),
        ["Fest"],
    ),
    # should: a hearing against the suspect, a press conference on the arrest
    (
        (
            "Terminhinweis\n\nDie Hauptverhandlung gegen den mutmaßlichen Täter beginnt am 12. Juni 2024 um 9 Uhr "
            "im Saal 500."
        ),
        ["Gerichtsverhandlung"],
    ),
    (
        (
            "Einladung\n\nZur Festnahme der Tatverdächtigen gibt die Polizei am 5. Juni 2024 um 11 Uhr eine "
            "Pressekonferenz im Präsidium."
        ),
        ["Pressekonferenz"],
    ),
    # should: "Täter" inside a compound or title, a prevention talk, lights lit for a feast are no incidents
    (
        (
            "„Mitläufer oder NS-Täter?“ – Ausstellung ab 3. Juni\n\nAm 3. Juni 2024 wurde im Rathaus die "
            "Ausstellung über den früheren Stadtrat eröffnet."
        ),
        ["Ausstellung"],
    ),
    (
        (
            "Sicher im Alter\n\nIm Rahmen der Seniorenwoche am 5. Juni 2024 um 14 Uhr informiert die Polizei "
            "im Rathaus zur Verkehrsunfallprävention."
        ),
        ["Aktionswoche"],
    ),
    (
        (
            "Lichterfest im Rathaus\n\nAm 3. Juni 2024 wurde auf dem Balkon das erste Licht entzündet und das "
            "Lichterfest im Rathaus gefeiert."
        ),
        ["Fest"],
    ),
    # should: an open day of the fire brigade with its vehicles, announced
    (
        (
            "Feuerwehr öffnet ihre Tore\n\nAm 15. Juni 2024 ab 10 Uhr findet auf der Wache Nord der Tag der "
            "offenen Tür statt; gezeigt wird, wie ein Auto nach einem Verkehrsunfall geöffnet wird."
        ),
        ["Tag der offenen Tür"],
    ),
]


@pytest.mark.parametrize("text, expected", SETTINGS)
def test_incident_settings_are_no_events(nlp, text, expected):
    assert _types(nlp, text) == expected


@pytest.mark.parametrize("word", ["Einsatzmarathon", "Einsatztag", "Einsatztagen"])
def test_operations_are_no_event_nouns(word):
    assert match_noun(word, lexicon=load_lexicon()) is None
