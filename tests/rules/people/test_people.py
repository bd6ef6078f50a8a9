"""People rules on plain German text: who is a person, how the name splits, which gender the text shows."""

import pytest

from pressextract.records.ids import person_id
from pressextract.rules.people import (
    PersonMatch,
    find_family_mentions,
    find_people,
    is_institution_word,
    make_person_id,
    resolve_document,
)


def names(text: str) -> list[tuple[str | None, str]]:
    return [(m.given_name, m.family_name) for m in find_people(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # office before the name
        ("Staatsministerin Annette Widmann-Mauz unterstrich in Kassel:", [("Annette", "Widmann-Mauz")]),
        (
            "18:00 Uhr - Tagesabschluss durch Staatsministerin Annette Widmann-Mauz",
            [("Annette", "Widmann-Mauz")],
        ),
        (
            "Die Bezirksbürgermeisterin von Mitte, Stefanie Remlinger, informiert:",
            [("Stefanie", "Remlinger")],
        ),
        ("Der Regierende Bürgermeister von Berlin, Kai Wegner, erklärt:", [("Kai", "Wegner")]),
        (
            "Bezirksstadträtin für Familie, Jugend und Gesundheit Camilla Schuler (Die Linke): „Wir starten.“",
            [("Camilla", "Schuler")],
        ),
        ("Bezirksstadtrat Maack führt hierzu aus:", [(None, "Maack")]),
        (
            "LAF-Präsident Alexander Straßmeir: „Mit den Videos gehen wir weiter.“",
            [("Alexander", "Straßmeir")],
        ),
        # office after the name, appositions, party in brackets
        ("Stefan Grüttner, Hessischer Minister für Soziales und Integration", [("Stefan", "Grüttner")]),
        ("Dr. Beatrice Kramm, Präsidentin der Industrie- und Handelskammer Berlin", [("Beatrice", "Kramm")]),
        ("Christoph Schmidt, Geschäftsführer der Grün Berlin GmbH, sagte:", [("Christoph", "Schmidt")]),
        (
            "Martin Schaefer (CDU), Bezirksstadtrat für Öffentliche Ordnung, Umwelt und Verkehr:",
            [("Martin", "Schaefer")],
        ),
        (
            "Die Gäste: Oliver Schruoffeneger (Bezirksstadtrat Charlottenburg-Wilmersdorf)",
            [("Oliver", "Schruoffeneger")],
        ),
        ("Roman Simon MdA", [("Roman", "Simon")]),
        # honorifics, hyphenated and non-ASCII names, particles
        (
            "Prof. Dr. Hacı-Halil Uslucan, Universität Duisburg-Essen, Direktor des Zentrums für Türkeistudien",
            [("Hacı-Halil", "Uslucan")],
        ),
        ("Eva Kühne-Hörmann, Hessische Ministerin der Justiz", [("Eva", "Kühne-Hörmann")]),
        ("Bitte wenden Sie sich an Frau Scheeres.", [(None, "Scheeres")]),
        ("Elke von der Lieth, Leiterin der Kommunalen Galerie", [("Elke", "von der Lieth")]),
        ("Werke von Carl Maria von Weber und anderen", [("Carl Maria", "von Weber")]),
        ("Dazu Michael Müller, Regierender Bürgermeister von Berlin:", [("Michael", "Müller")]),
        # given names alone speak for a person only with a family name after them
        (
            "Es lesen Katrin Seewald und Uwe Jensen aus ihren Büchern.",
            [("Katrin", "Seewald"), ("Uwe", "Jensen")],
        ),
    ],
)
def test_people_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Staatsministerin bilanzierte nach der zweitägigen Konferenz:", []),
        ("Fishbowl auf der Bundeskonferenz 2018", []),
        ("14:30 Uhr - „Aktuelle Stunde“ im Fishbowl-Format mit:", []),
        (
            "Von Flensburg bis Füssen, von Aachen bis Angermünde: In ganz Deutschland arbeiten Beauftragte.",
            [],
        ),
        ("Mariam Lau ist Korrespondentin, DIE ZEIT", [("Mariam", "Lau")]),  # only Lau, never DIE ZEIT
        ("Die Baustelle in der Karl-Marx-Straße ist ab Montag gesperrt.", []),
        ("Treffpunkt ist das Anne Frank Zentrum in Mitte.", []),
        ("Das Max Planck Institut lädt ein.", []),
        ("Als sich die Frau wehrte, ließ sie der Tatverdächtige los.", []),
        # Fontane (his genitive as written) yes, "Frau Emilie" no
        # the genitive -s goes where the name list knows "Fontane"
        ("Die Begräbnisstätte Theodor Fontanes und seiner Frau Emilie", [("Theodor", "Fontane")]),
        ("Bezirksstadtrat Neukölln lädt ein", []),
        # never "von Walter"
        (
            "Bilder von Susanne Runge zu Texten von Walter Benjamin",
            [("Susanne", "Runge"), ("Walter", "Benjamin")],
        ),
        ("Die Partnerschaft Kreuzberg – San Rafael del Sur bittet um Spenden.", []),
        ("Der Schulleiter der Staatlichen Ballettschule Berlin", []),
    ],
)
def test_no_false_people(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, gender",
    [
        ("Staatsministerin Annette Widmann-Mauz", "f"),
        ("Christian Geselle, Oberbürgermeister der Stadt Kassel", "m"),
        ("Bezirksstadträtin Eva Majewski", "f"),
        ("Frau Dr. Almut Neumann", "f"),
        ("Herrn Prof. Wedekind", "m"),
        ("Mariam Lau, Korrespondentin in der Hauptstadtredaktion, DIE ZEIT", "f"),
        # no gender from the given name alone
        ("Es lesen Katrin Seewald aus ihrem Buch.", None),
        # an office that belongs to the name before it gives the next name no gender
        ("Dagmar Pohle, Bezirksbürgermeisterin von Marzahn-Hellersdorf, Gordon Lemm und weitere Gäste", None),
    ],
)
def test_gender_from_text_only(text, gender):
    found = find_people(text)
    person = found[-1] if "Gordon" in text else found[0]
    assert person.gender == gender


@pytest.mark.parametrize(
    "text, honorific",
    [
        ("Prof. Dr. Hacı-Halil Uslucan, Direktor", "Prof. Dr."),
        ("Dr. Beatrice Kramm, Präsidentin", "Dr."),
        ("Frau Sandra Scheeres", None),
    ],
)
def test_honorific(text, honorific):
    assert find_people(text)[0].honorific == honorific


def test_later_family_mention_links_to_the_person():
    text = "Senatorin Sandra Scheeres eröffnete. „Wir bauen“, sagte Frau Scheeres. Scheeres dankte allen."
    first = find_people(text)
    assert [(m.given_name, m.family_name, m.gender) for m in first] == [
        ("Sandra", "Scheeres", "f"),
        (None, "Scheeres", "f"),
    ]
    later = find_family_mentions(text, {"Scheeres": "Sandra"}, taken=[(m.start, m.end) for m in first])
    assert [(text[x[0] : x[1]], x[3], x[4]) for x in later] == [("Scheeres", None, None)]
    mentions = first + [
        PersonMatch(s, e, f, None, g, f, gd, "person.family_later") for s, e, f, g, gd in later
    ]
    resolved = resolve_document(mentions)
    assert {m.person_id for m in resolved} == {person_id("Sandra Scheeres")}
    assert {m.gender for m in resolved} == {"f"}


def test_later_mention_takes_the_given_name_written_before_it():
    text = "Kiezspaziergang mit Bezirksstadtrat Ephraim Gothe am Donnerstag"
    later = find_family_mentions(text, {"Gothe": "Ephraim"})
    assert [(text[x[0] : x[1]], x[3]) for x in later] == [("Ephraim Gothe", "Ephraim")]


def test_family_name_of_a_street_is_no_mention():
    assert find_family_mentions("Die Müller-Straße und Frau Müller", {"Müller": None}) != []
    assert [x[2] for x in find_family_mentions("an der Lompscher Straße", {"Lompscher": None})] == []


def test_person_id_is_normalized():
    assert make_person_id("Annette", "Widmann-Mauz") == person_id("annette  Widmann - Mauz")
    assert make_person_id(None, "Scheeres") == person_id("Scheeres")


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Karl-Marx-Straße", True),
        ("Ballettschule", True),
        ("Gedächtniskirche", True),
        ("Baumgarten", False),
        ("Neuhaus", False),
    ],
)
def test_institution_words(word, expected):
    assert is_institution_word(word) is expected


def _per(text: str, entity: str) -> list[tuple[int, int]]:
    start = text.index(entity)
    return [(start, start + len(entity))]


@pytest.mark.parametrize(
    "text, entity, name",
    [
        # a known family name last, or a given name of the longer list, confirms the model's PER entity
        ("Zur Eröffnung spricht Myfanwy Evans über Geometrie.", "Myfanwy Evans", "Myfanwy Evans"),
        ("Gedacht wird an Ferhat Unvar und andere.", "Ferhat Unvar", "Ferhat Unvar"),
        # a PER entity of words that are no names is not a person
        ("Die Abteilung für Stadtentwicklung und Facility Management lädt ein.", "Facility Management", None),
        ("Am Abend gibt es Poetry Slam im Kulturhaus.", "Poetry Slam", None),
        ("Der Preis geht an den Bewohner-Rat Wilde Füchse.", "Wilde Füchse", None),
        # a name that fills a pair of quotation marks is a title, not a person
        ("Treffpunkt ist das Restaurant „Mara Carbo“ in Gatow.", "Mara Carbo", None),
        ("Am Abend liest Mara Carbo aus „Die Wand“.", "Mara Carbo", "Mara Carbo"),
        ("Zugesagt haben „Mara Carbo“ und „The Rodeo“ aus Frankreich.", "Mara Carbo", "Mara Carbo"),
    ],
)
def test_a_per_entity_needs_a_known_name(text, entity, name):
    found = [m.name for m in find_people(text, per_spans=_per(text, entity))]
    assert found == ([name] if name else [])


@pytest.mark.parametrize(
    "text, name, person",
    [
        # a middle initial belongs to the name and not to the person_id
        ("Der Senat bestellte Professor Günter M. Ziegler erneut.", "Günter M. Ziegler", "Günter Ziegler"),
        # a genitive -s is no part of the name when the name list shows the name without it
        ("Sie entdeckt das Gesicht Richard Wagners am Fenster.", "Richard Wagner", "Richard Wagner"),
        ("Gelesen wird aus Erich Kästners Emil und die Detektive.", "Erich Kästner", "Erich Kästner"),
        ("Senatorin Claudia Fuchs sagte zu.", "Claudia Fuchs", "Claudia Fuchs"),
        # a role noun before the name is not part of it
        ("Es singt Kantor Simon Beispiel.", "Simon Beispiel", "Simon Beispiel"),
    ],
)
def test_initials_and_genitives(text, name, person):
    found = resolve_document(find_people(text))
    assert [(m.name, m.person_id) for m in found] == [(name, person_id(person))]


@pytest.mark.parametrize(
    "text",
    [
        "Die Führung beginnt an der Jisroel Synagoge in Mitte.",
        "Die Heinz Maier-Leibnitz-Preise wurden vergeben.",
        "Geplant haben Rehwaldt Landschaftsarchitekten den Park.",
        "Sie arbeitet für die Vitesco Technologies in Berlin.",
    ],
)
def test_buildings_prizes_and_firms_named_after_people_are_no_people(text):
    assert find_people(text) == []


def test_a_family_name_alone_joins_the_name_with_a_middle_initial():
    text = "Der Senat bestellte Professor Günter M. Ziegler. Danach dankte Prof. Ziegler dem Senat."
    found = resolve_document(find_people(text))
    assert {m.person_id for m in found} == {person_id("Günter Ziegler")}
    assert len(found) == 2


@pytest.mark.parametrize(
    "text, name",
    [
        # a genitive -s in a genitive position, where no name list knows the name
        ("und schließlich José Bragatos Version des traditionellen Tangos.", "José Bragato"),
        ("Szenen aus der Feder Eugène Ionescos: Eine seltsame Krankheit.", "Eugène Ionesco"),
        ("Die Ouvertüre zu Gioachino Rossinis Oper erklang.", "Gioachino Rossini"),
        # no genitive: the -s is the name's
        ("Es liest die Autorin Lena Gomes.", "Lena Gomes"),
        ("Die Autorin Anna Thomas liest.", "Anna Thomas"),
        ("Der Musiker Carlos Reyes spielt am Abend.", "Carlos Reyes"),
    ],
)
def test_possessive_s_only_in_a_genitive_position(text, name):
    assert [p.name for p in resolve_document(find_people(text))] == [name]


@pytest.mark.parametrize(
    "text, names",
    [
        # a word joined to another by "&" or "+" names a firm or a project
        ("Dr. Bjoern Muster (Kurator Helmoltz & Virchow, Kulturprojekte Berlin) führt.", ["Bjoern Muster"]),
        ("Die Wahl fiel auf das Architekturbüro Gerstner + Hofmeister, mit dem wir bauen.", []),
        # two full names joined so are two people
        (
            "Projektleitung: Victoria Muster & Mareike Probe\nMail: info@example.org",
            ["Victoria Muster", "Mareike Probe"],
        ),
    ],
)
def test_names_joined_by_ampersand(text, names):
    assert [p.name for p in resolve_document(find_people(text))] == names


@pytest.mark.parametrize(
    "text, names",
    [
        # "Richter" after a given name is the family name, not the judge's title
        ("Bei Fragen wenden Sie sich an Michaela Richter unter Telefon 030 1234.", ["Michaela Richter"]),
        ("Es spricht Tim Richter, Bezirksstadtrat für Soziales.", ["Tim Richter"]),
        # the title before a name stays a title
        ("Richter Tom Probe verkündete das Urteil.", ["Tom Probe"]),
        ("Der Vorsitzende Richter Tom Probe verkündete das Urteil.", ["Tom Probe"]),
        ("Das Urteil sprach Richterin Anna Muster.", ["Anna Muster"]),
    ],
)
def test_richter_as_family_name_and_as_title(text, names):
    assert [p.name for p in resolve_document(find_people(text))] == names


@pytest.mark.parametrize(
    "text, expected",
    [
        # two family names in a row: the first a known family name and no given name
        ("Kursleitung: Frau Carmen Ortiz Muster", [("Carmen", "Ortiz Muster")]),
        ("Es spricht die Referentin Lucía García Beispiel.", [("Lucía", "García Beispiel")]),
        # a second given name stays a given name
        ("Es sprach Hans Peter Muster.", [("Hans Peter", "Muster")]),
        ("Es las Anna Lena Probe.", [("Anna Lena", "Probe")]),
    ],
)
def test_double_surnames(text, expected):
    assert names(text) == expected
