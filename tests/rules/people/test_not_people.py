"""Names that are no persons: organisations next to an office, institutions named after people, firms with
their initials, ensembles; and the genitive -s another mention shows. Plain text, no model."""

import pytest

from pressextract.api import extract
from pressextract.rules.people import find_family_mentions, find_people, resolve_document
from pressextract.rules.people.names import near_institution_word


def names(text: str) -> list[str]:
    return [m.name for m in find_people(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an office next to words no name list knows: an organisation
        ("Marta Olsen, Präsidentin Special Olympics Deutschland, eröffnet.", ["Marta Olsen"]),
        ("Pressekontakt: Leiter Referat Kommunikation/Medien", []),
        # ... but a name list or a title keeps the person
        ("Bezirksstadträtin Filiz Keküllüoğlu eröffnet die Halle.", ["Filiz Keküllüoğlu"]),
        ("Staatssekretär Dr. Ralf Kleindiek stellte vor.", ["Ralf Kleindiek"]),
        ("Bezirksstadtrat Maack führt aus:", ["Maack"]),
        # an institution named after a person
        ("Die Lesung findet im Kulturzentrum Jakob Wendler statt.", []),
        ("in der Stadtteilbibliothek Karla Brecht / Emil Sander in Moabit", []),
        ("Die Leiterin der Grundschule Anna Weigand begrüßte die Gäste.", ["Anna Weigand"]),
        # ... also inflected or misspelled: one edit from a long institution ending
        ("Wo? Mittelpunktbiblitothek Karla Brecht / Emil Sander, Hauptstraße 2", []),
        ("Die Lesung im Saal des Bildungszentrums Jakob Wendler beginnt um 18 Uhr.", []),
        ("Die Stadtteilbibliotek Anna Seghers lädt zum Vorlesen ein.", []),
        # ... but not a short word one edit from an ending, nor an office before the name
        ("Die Kollegin Anna Weigand lädt ein.", ["Anna Weigand"]),
        ("Es spricht Valerie Holsboer, danach Emil Sander.", ["Valerie Holsboer", "Emil Sander"]),
        ("Die Leiterin des Familienzentrums Joanna Kalinowska begrüßte die Gäste.", ["Joanna Kalinowska"]),
        (
            "Es führen die Landschaftsarchitekten Irma Lindholt und Paul Brack.",
            ["Irma Lindholt", "Paul Brack"],
        ),
        # a firm with its initials, an ensemble
        ("Das Planungsbüro Hart Lomann Berg (HLB) legte den Plan vor.", []),
        ("Es spielt das Hans Meyer Orchester Berlin.", []),
        # an office and a name in quotes are the title of a work
        (
            "Die Jury wählte den Entwurf “Gründer Geist” der Gruppe. Es sprach Gründer Tim Geist.",
            ["Tim Geist"],
        ),
        ("Jana Ruth Berg (Vorsitzende) eröffnet.", ["Jana Ruth Berg"]),
    ],
)
def test_which_names_are_people(text, expected):
    assert names(text) == expected


def test_genitive_s_stripped_where_another_mention_shows_it():
    text = "Willi Abel gründete 1920 die Firma. Der Erfindergeist Willi Abels prägte sie lange."
    result = extract([text], model="blank")
    assert result.people["name"].tolist() == ["Willi Abel"]
    assert result.people["n_mentions"].tolist() == [2]


def test_genitive_s_kept_without_another_mention():
    # "Evans" alone: nothing shows that the -s is a genitive
    result = extract(["Die Autorin Mary Evans liest am Montag."], model="blank")
    assert result.people["family_name"].tolist() == ["Evans"]


def test_family_name_before_a_legal_form_is_a_firm():
    found = find_family_mentions("Dank an die Loewe Technology GmbH und Herrn Loewe.", {"Loewe": "Hans"})
    assert [(f, g) for _, _, f, _, g in found] == [("Loewe", "m")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Straße ist gesperrt.\n\nIm Auftrag\n\nKrahnert", [("Krahnert", "person.signature")]),
        ("Danke.\n\nIm Auftrag,\nMiriam Tolkes\n", [("Miriam Tolkes", None)]),  # the given-name rule has it
        ("Im Auftrag der Bezirksstadträtin teilt das Amt mit:\n\nDie Halle ist zu.", []),
        ("Im Auftrag\n\nStraßen- und Grünflächenamt", []),
    ],
)
def test_signature_under_im_auftrag(text, expected):
    people = extract([text], model="blank").people
    got = [
        (n, r if r == "person.signature" else None)
        for n, r in zip(people["name"], people["rule_id"], strict=True)
    ]
    assert got == expected


def per(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # PER entities of the model that name no person
        (
            "Es spielen „Melanie Pain“ und „Rainy Monday“ aus Berlin.",
            ["Melanie Pain", "Rainy Monday"],
            ["Melanie Pain"],
        ),
        ("gefördert von den Partnerschaften Spandau Nord und Süd", ["Spandau Nord"], []),
        ("Gefällt werden Bäume im Bayerischer Grund.", ["Bayerischer Grund"], []),
        ("Es liest Karin Fischer aus ihrem Buch.", ["Karin Fischer"], ["Karin Fischer"]),
        ("Er dankt der Gemeinde Linh Tam für den Einsatz.", ["Linh Tam"], []),
        ("das Gelände des Königin Luise Krankenhof am Teich", ["Königin Luise Krankenhof"], []),
        ("das Gelände des Königin Luise Krankenhof am Teich", ["Luise Krankenhof"], []),
        ("die Rede der Königin Luise Krankenhof am Teich", ["Luise Krankenhof"], ["Luise Krankenhof"]),
        ("Die Kapitänin Katharina Kummer jubelte.", ["Kapitänin Katharina Kummer"], ["Katharina Kummer"]),
        ("Da findet er Briefe Karl Jankes im Keller.", ["Briefe Karl Jankes"], ["Karl Janke"]),
    ],
)
def test_entities_that_are_no_persons(text, entities, expected):
    assert [m.name for m in find_people(text, per_spans=per(text, *entities))] == expected


@pytest.mark.parametrize(
    "text, given, family",
    [
        ("Ein Vortrag über Ludwig Mies van der Rohe.", "Ludwig", "Mies van der Rohe"),
        ("Es sprach Carl Maria von Weber.", "Carl Maria", "von Weber"),
        ("Es sprach Elke von der Lieth.", "Elke", "von der Lieth"),
    ],
)
def test_particles_inside_the_family_name(text, given, family):
    assert [(m.given_name, m.family_name) for m in find_people(text)] == [(given, family)]


def test_a_family_name_that_several_persons_share_is_no_later_mention():
    text = "Siegmund Lohse gründete die Firma mit Ludwig Lohse. Später wandte sich Lohse dem Fernsehen zu."
    people = extract([text], model="blank").people
    assert sorted(people["name"]) == ["Ludwig Lohse", "Siegmund Lohse"]
    assert people["n_mentions"].tolist() == [1, 1]


@pytest.mark.parametrize(
    "text, names",
    [
        # an office's body and a company written in CamelCase are no persons after a title
        (
            "Veränderte Sprechzeiten im Ordnungsamt: Leiterin Ordnungsamt Anna Muster informiert.",
            ["Anna Muster"],
        ),
        ("Es sprechen Geschäftsführer BuildingMinds und Tom Probe.", ["Tom Probe"]),
        # family names that only look like those words stay names
        ("Es spricht Antje Klamt, Leiterin des Ordnungsamtes.", ["Antje Klamt"]),
        ("Es spricht Anna McAllister.", ["Anna McAllister"]),
    ],
)
def test_office_bodies_and_camelcase_companies_are_no_people(text, names):
    assert [p.name for p in resolve_document(find_people(text))] == names


@pytest.mark.parametrize(
    "text, names",
    [
        # an item of a remit's enumeration is no name, even where the model says PER
        (
            (
                "Es stehen zur Verfügung: Dr. Torsten Muster (CDU), Bezirksstadtrat für Schule, Sport, Facility "
                "Management und Gesundheit, Susanne Probe, Referatsleiterin."
            ),
            ["Torsten Muster", "Susanne Probe"],
        ),
        # a name with a given name before "und …" stays a name
        ("Es sprach Bezirksstadträtin Anna Muster und Gesundheit.", ["Anna Muster"]),
        ("Es sprachen Senatorin Anna Muster und Tom Probe.", ["Anna Muster", "Tom Probe"]),
    ],
)
def test_remit_enumeration_items_are_no_people(text, names):
    start = text.find("Facility")
    per = [(start, start + len("Facility Management"))] if start >= 0 else []
    assert [p.name for p in resolve_document(find_people(text, per_spans=per))] == names


def test_a_name_after_a_programme_names_the_programme():
    text = "Sie haben zunächst im Rahmen des EU-Programms Leonardo da Vinci teilgenommen."
    start = text.find("Leonardo")
    assert resolve_document(find_people(text, per_spans=[(start, start + len("Leonardo da Vinci"))])) == []
    # a person the programme's text names stays a person
    text = "Das Programm stellte Projektleiterin Anna Muster vor."
    assert [p.name for p in resolve_document(find_people(text))] == ["Anna Muster"]


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a part an actor plays is a character, the actor a person
        (
            "Die Jury ehrt Klara Muster für ihre Leistung in der Rolle der Kommissarin Lea Probe in der Serie.",
            {"Klara Muster"},
            {"Lea Probe"},
        ),
        (
            "Sie ist vielen bekannt als gnadenlos dominante TV-Reporterin Jana Beispiel aus der Abendshow.",
            set(),
            {"Jana Beispiel"},
        ),
        (
            "Tom Muster, der auch in die Rolle des Hauptkommissars Bernd Probe schlüpft, liest.",
            {"Tom Muster"},
            {"Bernd Probe"},
        ),
        # a character the release names outside the part too stays; an office after "bekannt als" is no part
        (
            "In der Rolle des Arztes Jan Probe glänzt er. Jan Probe wurde später Intendant in Bonn.",
            {"Jan Probe"},
            set(),
        ),
        (
            "Sie ist bekannt als Leiterin des Jugendamts Anna Muster und lädt ein.",
            {"Anna Muster"},
            set(),
        ),
        # a ship named after a person; a region after a given name on a programme's label line
        ("Die Fahrt des Forschungsschiffs Maria Sibylla Merian begann.", set(), {"Maria Sibylla Merian"}),
        ("Das Rettungsschiff „Alan Kurdi“ lief aus.", set(), {"Alan Kurdi"}),
        (
            "Programm\n\nRede Greenpeace Landau\n\nRede Tom Südpfalz\n\n17:30 Uhr Ende",
            set(),
            {"Tom Südpfalz"},
        ),
        ("Es sprach Tom Westfalen-Lausitz zur Menge.", set(), {"Tom Westfalen-Lausitz"}),
        ("Es sprach Tom Muster zur Menge.", {"Tom Muster"}, set()),
    ],
)
def test_characters_ships_and_regions_are_no_people(text, present, absent):
    names = set(extract([text], model="blank").people["name"])
    assert present <= names
    assert not absent & names


@pytest.mark.parametrize(
    "word, near",
    [
        ("Mittelpunktbiblitothek", True),  # a letter too many
        ("Stadtteilbibliotek", True),  # a letter too few
        ("Bildungszentrums", True),  # genitive
        ("Naturschutzstation", True),  # "stadion" one letter away: a place, no person
        ("Valerie", False),  # "galerie" one letter away, but no compound
        ("Mikrogramm", False),  # "programm" one letter away, stem too short
        ("Gymnasiums", False),
        ("Gesellschafter", False),
        ("Theaterkritiker", False),
    ],
)
def test_near_institution_word(word, near):
    assert near_institution_word(word) is near
