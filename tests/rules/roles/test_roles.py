"""Roles rules on plain German text: office titles, their extent, portfolio, organisation, jurisdiction, level."""

import pytest

from pressextract.rules.people import find_people, resolve_document
from pressextract.rules.roles import (
    PersonRef,
    find_statements,
    level_from_publisher,
    lexicon,
    match_office,
    merge_statements,
    resolve_office_holder,
    state_from_publisher,
)


def statements(text: str, *, district: str | None = None, state: str | None = None) -> list[dict]:
    """The statements of one block as dicts (the roles table's fields, `former` included)."""
    people = resolve_document(find_people(text))
    refs = [PersonRef(p.start, p.end, p.person_id, p.family_name) for p in people]
    out = []
    for st in find_statements(text, refs, district=district, state=state):
        out.append(
            {
                "who": st.person.name,
                "role_text": st.role_text,
                "role": st.role,
                "role_norm": st.role_norm,
                "portfolio": st.portfolio,
                "organization": st.organization,
                "jurisdiction": st.jurisdiction,
                "level": st.level,
                "rule_id": st.rule_id,
                "former": st.former,
            }
        )
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Stefan Grüttner, Hessischer Minister für Soziales und Integration",
            {
                "who": "Grüttner",
                "role_text": "Hessischer Minister für Soziales und Integration",
                "role": "Minister",
                "role_norm": "Minister",
                "portfolio": "Soziales und Integration",
                "jurisdiction": "Hessen",
                "level": "land",
            },
        ),
        (
            "Eva Kühne-Hörmann, Hessische Ministerin der Justiz",
            {"role_norm": "Minister", "portfolio": "Justiz", "jurisdiction": "Hessen", "level": "land"},
        ),
        (
            "Christian Geselle, Oberbürgermeister der Stadt Kassel",
            {"role_norm": "Oberbürgermeister", "jurisdiction": "Kassel", "level": "kommune"},
        ),
        (
            "Susi Möbbeck, Staatssekretärin im Ministerium für Arbeit, Soziales und Integration des Landes Sachsen-Anhalt",
            {
                "role": "Staatssekretärin",
                "role_norm": "Staatssekretär",
                "jurisdiction": "Sachsen-Anhalt",
                "level": "land",
            },
        ),
        (
            (
                "Serap Güler, Staatssekretärin für Integration im Ministerium für Kinder, Familie, Flüchtlinge und "
                "Integration des Landes Nordrhein-Westfalen"
            ),
            {"portfolio": "Integration", "jurisdiction": "Nordrhein-Westfalen", "level": "land"},
        ),
        (
            (
                "Prof. Dr. Hacı-Halil Uslucan, Universität Duisburg-Essen, Direktor des Zentrums für Türkeistudien und "
                "Integrationsforschung"
            ),
            {
                "role_norm": "Direktor",
                "organization": "Zentrums für Türkeistudien und Integrationsforschung",
                "level": "other",
            },
        ),
        (
            "Mariam Lau, Korrespondentin in der Hauptstadtredaktion, DIE ZEIT",
            {
                "role_text": "Korrespondentin in der Hauptstadtredaktion",
                "role_norm": "Korrespondent",
                "organization": "DIE ZEIT",
                "level": "other",
            },
        ),
        (
            "Sandra Scheeres, Senatorin für Bildung, Jugend und Familie: „Die Schulen sind fertig.“",
            {
                "role_norm": "Senator",
                "portfolio": "Bildung, Jugend und Familie",
                "jurisdiction": None,  # no place in the text and no publisher: never a default
                "level": "land",
            },
        ),
        (
            "Im Juni diskutiert Bezirksstadträtin Eva Majewski mit Anwohnern.",
            {"role_text": "Bezirksstadträtin", "role_norm": "Bezirksstadtrat", "level": "kommune"},
        ),
        (
            "Die Bezirksbürgermeisterin von Mitte, Stefanie Remlinger, informiert:",
            {
                "role_norm": "Bezirksbürgermeister",
                "jurisdiction": "Mitte",
                "level": "kommune",
                "rule_id": "role.office_comma_name:office.bezirksbuergermeister:district.mitte",
            },
        ),
        (
            "Die Neuköllner Bezirksstadträtin Karin Korte (SPD) unterstützt die Initiative.",
            {"role_text": "Neuköllner Bezirksstadträtin", "jurisdiction": "Neukölln", "level": "kommune"},
        ),
        (
            "Clara Herrmann, Bezirksstadträtin von Friedrichshain-Kreuzberg, sagt:",
            {"jurisdiction": "Friedrichshain-Kreuzberg", "level": "kommune"},
        ),
        (
            "Michael Müller, Regierender Bürgermeister von Berlin, eröffnet die Messe.",
            {
                "role": "Regierender Bürgermeister",
                "role_norm": "Regierender Bürgermeister",
                "jurisdiction": "Berlin",
                "level": "land",
            },
        ),
        (
            "Dr. Beatrice Kramm, Präsidentin der Industrie- und Handelskammer Berlin",
            {
                "role_norm": "Präsident",
                "organization": "Industrie- und Handelskammer Berlin",
                "level": "other",
            },
        ),
        (
            "Christoph Schmidt, Geschäftsführer der Grün Berlin GmbH",
            {"organization": "Grün Berlin GmbH", "level": "other", "jurisdiction": None},
        ),
        (
            "Max Muster, Bezirksstadtrat für Stadtentwicklung des Bezirks Treptow-Köpenick von Berlin, lädt ein.",
            {
                "role_text": "Bezirksstadtrat für Stadtentwicklung des Bezirks Treptow-Köpenick von Berlin",
                "portfolio": "Stadtentwicklung",
                "jurisdiction": "Treptow-Köpenick",
                "level": "kommune",
            },
        ),
        ("Roman Simon MdA", {"role": "MdA", "jurisdiction": "Berlin", "level": "land"}),
        (
            "Gabriele Bischoff (Mitglied des Europäischen Parlaments) diskutiert.",
            {"role_norm": "Mitglied", "jurisdiction": "EU", "level": "eu"},
        ),
        (
            "Bundespräsident Frank-Walter Steinmeier verlieh den Orden.",
            {"role_norm": "Bundespräsident", "jurisdiction": "Bund", "level": "bund"},
        ),
        (
            "António Guterres, Generalsekretär der Vereinten Nationen, sprach.",
            {"role_norm": "Generalsekretär", "level": "international"},
        ),
        (
            "Bildungssenatorin Sandra Scheeres lobte die Schulen.",
            {
                "role": "Bildungssenatorin",
                "role_norm": "Senator",
                "portfolio": "Bildung",
                "jurisdiction": None,
                "level": "land",
            },
        ),
    ],
)
def test_statement(text, expected):
    got = statements(text)
    assert got, text
    st = got[0]
    for key, value in expected.items():
        if key == "who":
            assert st["who"].endswith(value)
        else:
            assert st[key] == value, (key, st)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "Annette Widmann-Mauz, Staatsministerin und Beauftragte der Bundesregierung für Migration, Flüchtlinge "
                "und Integration"
            ),
            [
                ("Staatsministerin", "Staatsminister", "Bund", "bund"),
                (
                    "Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
                    "Beauftragter",
                    "Bund",
                    "bund",
                ),
            ],
        ),
        (
            (
                "Kai Klose, Staatssekretär im Hessischen Ministerium für Soziales und Integration und Bevollmächtigter "
                "für Integration und Antidiskriminierung der Hessischen Landesregierung"
            ),
            [
                (
                    "Staatssekretär im Hessischen Ministerium für Soziales und Integration",
                    "Staatssekretär",
                    "Hessen",
                    "land",
                ),
                (
                    "Bevollmächtigter für Integration und Antidiskriminierung der Hessischen Landesregierung",
                    "Bevollmächtigter",
                    "Hessen",
                    "land",
                ),
            ],
        ),
        (
            (
                "Ephraim Gothe, stellvertretender Bezirksbürgermeister und Bezirksstadtrat für Stadtentwicklung, "
                "unterstreicht:"
            ),
            [
                (
                    "stellvertretender Bezirksbürgermeister",
                    "Stellvertretender Bezirksbürgermeister",
                    None,
                    "kommune",
                ),
                ("Bezirksstadtrat für Stadtentwicklung", "Bezirksstadtrat", None, "kommune"),
            ],
        ),
    ],
)
def test_two_offices(text, expected):
    got = [(s["role_text"], s["role_norm"], s["jurisdiction"], s["level"]) for s in statements(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text, pairs",
    [
        # a list of people with offices: each office to its own name
        (
            (
                "Sandra Scheeres, Senatorin für Bildung, Jugend und Familie, Katrin Lompscher, Senatorin für "
                "Stadtentwicklung und Wohnen, Dagmar Pohle, Bezirksbürgermeisterin von Marzahn-Hellersdorf, und "
                "Schulleiterin Sibylle Fricke eröffneten den Neubau."
            ),
            [
                ("Scheeres", "Senatorin für Bildung, Jugend und Familie"),
                ("Lompscher", "Senatorin für Stadtentwicklung und Wohnen"),
                ("Pohle", "Bezirksbürgermeisterin von Marzahn-Hellersdorf"),
                ("Fricke", "Schulleiterin"),
            ],
        ),
        (
            "Grußworte von Frau Dr. Schlösser, Bezirksbürgermeister Herrn Lemm und Bezirksstadträtin Frau Witt.",
            [("Lemm", "Bezirksbürgermeister"), ("Witt", "Bezirksstadträtin")],
        ),
        # "und" + lowercase ends a phrase that has no enumeration
        (
            (
                "Mit Manfred Müller, Vorstand der BVG und in Anwesenheit von Bezirksbürgermeister Stefan Komoß "
                "wurde eröffnet."
            ),
            [("Müller", "Vorstand der BVG"), ("Komoß", "Bezirksbürgermeister")],
        ),
        # an office in apposition to an office with its holder
        (
            (
                "Auf Einladung der Beauftragten der Bundesregierung für Migration, Flüchtlinge und Integration, "
                "Staatsministerin Annette Widmann-Mauz, tagte die Konferenz."
            ),
            [
                (
                    "Widmann-Mauz",
                    "Beauftragten der Bundesregierung für Migration, Flüchtlinge und Integration",
                ),
                ("Widmann-Mauz", "Staatsministerin"),
            ],
        ),
    ],
)
def test_offices_go_to_the_right_person(text, pairs):
    assert [(s["who"].split()[-1], s["role_text"]) for s in statements(text)] == pairs


@pytest.mark.parametrize(
    "text",
    [
        "Die Staatsministerin bilanzierte nach der zweitägigen Konferenz:",  # no named holder
        "Einmal jährlich lädt die Integrationsbeauftragte die Beauftragten der Länder ein.",
        "Der Senat hat auf Vorlage der Senatorin für Finanzen beschlossen.",
        "Die Baustelle in der Karl-Marx-Straße ist gesperrt.",
        "Mit seinem Wegbegleiter Hans Müller wanderte er.",  # "Begleiter" is no "Leiter"
    ],
)
def test_no_statement(text):
    assert statements(text) == []


@pytest.mark.parametrize(
    "text, head, role_norm, gender",
    [
        ("Die Staatsministerin", "Staatsministerin", "Staatsminister", "f"),
        ("Der Senator", "Senator", "Senator", "m"),
        ("Die Bezirksbürgermeisterin", "Bezirksbürgermeisterin", "Bezirksbürgermeister", "f"),
        ("die Beauftragte", "Beauftragte", "Beauftragter", "f"),
        ("der Beauftragte", "Beauftragte", "Beauftragter", "m"),
        ("Die Senatorin für Bildung", "Senatorin", "Senator", "f"),
        ("Die Bezirksstadträtin", "Bezirksstadträtin", "Bezirksstadtrat", "f"),
        ("Die Korrespondentin", "Korrespondentin", "Korrespondent", "f"),
        ("Der Regierende Bürgermeister", "Regierende Bürgermeister", "Regierender Bürgermeister", "m"),
        ("Die Integrationsbeauftragte", "Integrationsbeauftragte", "Integrationsbeauftragter", "f"),
    ],
)
def test_match_office(text, head, role_norm, gender):
    m = match_office(text)
    assert (m.head, m.role_norm, m.gender) == (head, role_norm, gender)


@pytest.mark.parametrize("text", ["Der Senat", "Die Konferenz", "Ein Begleiter", "Die Lautsprecher", ""])
def test_match_office_none(text):
    assert match_office(text) is None


def test_resolve_office_holder():
    roles = [
        {"person_id": "p-1", "role_norm": "Staatsminister"},
        {"person_id": "p-1", "role_norm": "Beauftragter"},
        {"person_id": "p-2", "role_norm": "Senator"},
        {"person_id": "p-3", "role_norm": "Senator"},
    ]
    assert resolve_office_holder("Die Staatsministerin", roles) == "p-1"
    assert resolve_office_holder("Die Integrationsbeauftragte", roles) is None  # no role_norm ends like that
    assert resolve_office_holder("Der Senator", roles) is None  # two senators: ambiguous
    assert resolve_office_holder("Die Konferenz", roles) is None


@pytest.mark.parametrize(
    "publisher, expected",
    [
        ("Bezirksamt Neukölln", "Neukölln"),
        ("Bezirksamt Treptow-Köpenick", "Treptow-Köpenick"),
        ("Senatsverwaltung für Bildung, Jugend und Familie", "Berlin"),
        ("Polizei Berlin", None),
        (None, None),
    ],
)
def test_level_from_publisher(publisher, expected):
    assert level_from_publisher(publisher) == expected


def test_district_from_publisher():
    got = statements("Bezirksstadtrat Carsten Spallek informiert:", district="Mitte")
    assert (got[0]["jurisdiction"], got[0]["level"]) == ("Mitte", "kommune")


def test_lexicons_load_and_cover_all_states():
    lex = lexicon()
    states = {p.jurisdiction for p in lex.places.values() if p.level == "land"}
    assert len(states) == 16
    assert lex.places["Hessischen"].jurisdiction == "Hessen"
    assert lex.places["Berliner"].jurisdiction == "Berlin"
    assert all(
        o.level in (None, "bund", "land", "kommune", "eu", "international", "other") for o in lex.offices
    )


@pytest.mark.parametrize(
    "text, role_norm, portfolio",
    [
        ("„Wir bauen aus“, sagte Bildungsstaatssekretärin Beate Muster.", "Staatssekretär", "Bildung"),
        ("Umweltsenator Jens Beispiel eröffnete den Park.", "Senator", "Umwelt"),
        ("Innenminister Karl Probe besuchte die Wache.", "Minister", "Inneres"),
        ("Jugendstadträtin Ute Exempel lud ein.", "Stadtrat", "Jugend"),
        # a prefix that is no remit stays part of the title
        ("Landestierschutzbeauftragte Dana Muster warnte.", "Landestierschutzbeauftragter", None),
        # not a government office: the compound is kept
        ("Pressesprecherin Lea Beispiel bestätigte das.", "Pressesprecher", None),
    ],
)
def test_compound_titles_split_into_office_and_remit(text, role_norm, portfolio):
    st = statements(text)[0]
    assert (st["role_norm"], st["portfolio"]) == (role_norm, portfolio)
    if portfolio:
        assert st["rule_id"].split(":")[-1].startswith("pf.")


@pytest.mark.parametrize(
    "publisher, jurisdiction",
    [
        ("Senatsverwaltung für Bildung, Jugend und Familie", "Berlin"),
        ("Bezirksamt Neukölln", "Berlin"),
        ("Senatskanzlei Hamburg", "Hamburg"),
        ("Behörde für Schule und Berufsbildung Hamburg", "Hamburg"),
        ("Polizeipräsidium München", None),
        (None, None),
    ],
)
def test_a_senator_without_place_is_of_the_publishers_land(publisher, jurisdiction):
    text = "Senatorin Anna Muster eröffnete die neue Schule."
    st = statements(text, district=level_from_publisher(publisher), state=state_from_publisher(publisher))[0]
    assert (st["role_norm"], st["jurisdiction"]) == ("Senator", jurisdiction)


def test_a_senator_of_another_city_state_named_in_the_text_keeps_it():
    text = "Hamburgs Innensenator Andy Probe sprach mit der Presse."
    st = statements(text, district="Berlin", state="Berlin")[0]
    assert (st["role_norm"], st["portfolio"], st["jurisdiction"]) == ("Senator", "Inneres", "Hamburg")


@pytest.mark.parametrize(
    "text, who, role_norm, portfolio, organization, level",
    [
        # a remit that ends in two capitalised words before the name
        (
            "Bezirksstadträtin für Schule, Sport und Facility Management Filiz Keküllüoğlu eröffnete.",
            "Filiz Keküllüoğlu",
            "Bezirksstadtrat",
            "Schule, Sport und Facility Management",
            None,
            "kommune",
        ),
        (
            "Der langjährige Bezirksverordnete der SPD-Fraktion Christoph Muster ist gestorben.",
            "Christoph Muster",
            "Bezirksverordneter",
            None,
            "SPD-Fraktion",
            "kommune",
        ),
        (
            "Der CEO der Beispiel GmbH, Tom Probe, sagte zu.",
            "Tom Probe",
            "CEO",
            None,
            "Beispiel GmbH",
            "other",
        ),
        (
            "Anna Muster, Vorstandsvorsitzende der Beispiel AG, sagte zu.",
            "Anna Muster",
            "Vorstandsvorsitzender",
            None,
            "Beispiel AG",
            "other",
        ),
    ],
)
def test_offices_of_districts_parties_and_companies(text, who, role_norm, portfolio, organization, level):
    st = statements(text)[0]
    assert who.endswith(st["who"])
    assert (st["role_norm"], st["portfolio"], st["organization"], st["level"]) == (
        role_norm,
        portfolio,
        organization,
        level,
    )


# ---- offices of every organization (issue 17) ----


@pytest.mark.parametrize(
    "text, who, expected",
    [
        # foreign states: adjective before the title, "von" + state after it
        (
            "Der französische Botschafter Jean Exemple besuchte die Schule.",
            "Exemple",
            {"role_norm": "Botschafter", "jurisdiction": "Frankreich", "level": "international"},
        ),
        (
            "Die Premierministerin von Barbados, Mia Beispiel, sprach zuerst.",
            "Beispiel",
            {"role_norm": "Premierminister", "jurisdiction": "Barbados", "level": "international"},
        ),
        (
            "Der ägyptische Außenminister Samir Probe eröffnete die Konferenz.",
            "Probe",
            {"role_norm": "Minister", "portfolio": "Auswärtiges", "jurisdiction": "Ägypten"},
        ),
        # a city's mayor with the city after "von"
        (
            "Die Bürgermeisterin von Paris, Anne Exemple, kam zur Eröffnung.",
            "Exemple",
            {"role_norm": "Bürgermeister", "jurisdiction": "Paris", "level": "kommune"},
        ),
        # a federal authority: the body is the organization, "Bundes-" gives the level
        (
            "Sabine Muster, Präsidentin des Bundesamtes für Naturschutz, warnte.",
            "Muster",
            {"role_norm": "Präsident", "organization": "Bundesamtes für Naturschutz", "level": "bund"},
        ),
        (
            "Jochen Probe, Staatssekretär im Entwicklungsministerium, sagte zu.",
            "Probe",
            {"role_norm": "Staatssekretär", "organization": "Entwicklungsministerium"},
        ),
        # an association's office with "vom", a company's without article, a party acronym before the title
        (
            "Das erklärt Lea Muster (25), Sprecherin vom Klimastreik Landau.",
            "Muster",
            {"role_norm": "Sprecher", "organization": "Klimastreik Landau", "level": "other"},
        ),
        (
            "Es führt Moritz Probe (Geschäftsführer Kulturprojekte Berlin).",
            "Probe",
            {"role_norm": "Geschäftsführer", "organization": "Kulturprojekte Berlin", "level": "other"},
        ),
        (
            "Es führt Dr. Jana Muster (Kuratorin, Die Beispielhaften).",
            "Muster",
            {"role_norm": "Kurator", "organization": "Die Beispielhaften", "level": "other"},
        ),
        (
            "Das betonte die Grünen-Fraktionsvorsitzende Katrin Probe am Montag.",
            "Probe",
            {"role_norm": "Fraktionsvorsitzender", "organization": "Grünen"},
        ),
        # a court's spokesperson: the courts are the organization, "Berliner" the Land
        (
            "Christina Muster\nStellvertretende Sprecherin der Berliner Strafgerichte",
            "Muster",
            {
                "role_norm": "Stellvertretender Sprecher",
                "organization": "Berliner Strafgerichte",
                "jurisdiction": "Berlin",
            },
        ),
        # compounds: remit split off, also behind a scope
        (
            "Bundesgesundheitsminister Jens Probe kam.",
            "Probe",
            {"role_norm": "Minister", "portfolio": "Gesundheit", "jurisdiction": "Bund", "level": "bund"},
        ),
        (
            "Gleichstellungssenatorin Dilek Muster sagte zu.",
            "Muster",
            {"role_norm": "Senator", "portfolio": "Gleichstellung"},
        ),
        (
            "Bezirksbildungsstadträtin Anna Probe lud ein.",
            "Probe",
            {"role_norm": "Bezirksstadtrat", "portfolio": "Bildung", "level": "kommune"},
        ),
    ],
)
def test_offices_of_every_organization(text, who, expected):
    st = next(s for s in statements(text) if s["who"] == who)
    assert {k: st[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # an association's federal manager is no office of the Bund
        "Leif Muster, NABU-Bundesgeschäftsführer, begrüßte den Plan.",
        # "Ex-" is part of the title, not an organisation
        "Ex-Bürgermeister Otto Probe kam auch.",
    ],
)
def test_no_public_level_or_scope_where_there_is_none(text):
    for st in statements(text):
        assert st["level"] in (None, "other", "kommune")
        assert st["jurisdiction"] != "Bund"
        assert st["organization"] not in ("Ex",)


def test_the_spokesperson_of_an_office_is_the_apposition():
    text = "Das sagte der Sprecher von UN-Generalsekretär Anton Muster, Stefan Probe, am Montag."
    got = {s["who"]: (s["role_norm"], s["organization"], s["level"]) for s in statements(text)}
    assert got == {
        "Probe": ("Sprecher", "UN", "international"),
        "Muster": ("Generalsekretär", "UN", "international"),
    }


def test_a_plural_title_before_two_names_is_both_of_theirs():
    text = "Die Bezirksverordneten Paul Muster und Philipp Probe laden ein."
    assert sorted(s["who"] for s in statements(text) if s["role_norm"] == "Bezirksverordneter") == [
        "Muster",
        "Probe",
    ]
    # singular: only the first name's
    text = "Der Bezirksverordnete Paul Muster und Philipp Probe laden ein."
    assert [s["who"] for s in statements(text)] == ["Muster"]


@pytest.mark.parametrize(
    "text, who, role_norm",
    [
        (
            "Ansprechpartnerin\nSara Muster\nPressesprecherin\nTelefon: (030) 1234-5678",
            "Muster",
            "Pressesprecher",
        ),
        (
            "Pressekontakt: Moritz Probe\nPressesprecher der Senatsverwaltung für Finanzen",
            "Probe",
            "Pressesprecher",
        ),
    ],
)
def test_contact_blocks_name_then_office_on_the_next_line(text, who, role_norm):
    assert [(s["who"], s["role_norm"]) for s in statements(text)] == [(who, role_norm)]


@pytest.mark.parametrize(
    "text",
    [
        # a list's office line does not belong to the next line's name
        "Michael Muster, Regierender Bürgermeister von Berlin\nElke Probe, Senatorin für Arbeit",
        # the office goes on after the line: no contact block
        "Sara Muster\nLeiterin der Beispiel GmbH hat gesagt, dass es weitergeht.",
    ],
)
def test_no_office_across_a_line_break(text):
    got = {(s["who"], s["role_norm"]) for s in statements(text)}
    assert ("Probe", "Regierender Bürgermeister") not in got
    assert ("Muster", "Leiter") not in got


@pytest.mark.parametrize(
    "publisher, jurisdiction",
    [
        ("Ministerium für Landwirtschaft, Umwelt und Klimaschutz Brandenburg", "Brandenburg"),
        ("Polizei Brandenburg", "Brandenburg"),
        ("Senatsverwaltung für Finanzen", None),  # Berlin has no Minister: another Land's or the Bund's
        (None, None),
    ],
)
def test_a_land_minister_without_place_is_of_the_publishers_land(publisher, jurisdiction):
    text = "Innenminister Michael Muster lobte die Beamten."
    st = statements(text, district=level_from_publisher(publisher), state=state_from_publisher(publisher))[0]
    assert (st["role_norm"], st["portfolio"], st["jurisdiction"]) == ("Minister", "Inneres", jurisdiction)


@pytest.mark.parametrize(
    "publisher, jurisdiction",
    [("Senatsverwaltung für Bildung, Jugend und Familie", "Berlin"), ("Senatskanzlei Hamburg", "Hamburg")],
)
def test_the_senate_names_no_city_of_its_own(publisher, jurisdiction):
    # "der Senatsverwaltung" is Berlin's, Hamburg's or Bremen's: the publisher decides, never a default
    text = "Tom Muster, Staatssekretär der Senatsverwaltung für Finanzen, sagte zu."
    st = statements(text, district=level_from_publisher(publisher), state=state_from_publisher(publisher))[0]
    assert (st["jurisdiction"], st["level"]) == (jurisdiction, "land")
    assert statements(text)[0]["jurisdiction"] is None


def test_mentions_of_one_office_are_one_row():
    from pressextract.rules.people import find_people, resolve_document
    from pressextract.rules.roles import merge_statements

    text = (
        "Senatorin Anna Muster eröffnete. Anna Muster, Senatorin für Bildung, dankte. "
        "Präsident Tom Probe, Präsident der Beispielkammer, und Vizepräsident Tom Probe sprachen."
    )
    people = resolve_document(find_people(text))
    refs = [PersonRef(p.start, p.end, p.person_id, p.family_name) for p in people]
    merged = merge_statements(find_statements(text, refs))
    rows = sorted((st.person.name, st.role_norm, st.portfolio) for st in merged)
    assert rows == [
        ("Muster", "Senator", "Bildung"),
        ("Probe", "Präsident", None),
        ("Probe", "Vizepräsident", None),
    ]


@pytest.mark.parametrize(
    "text, publisher, expected",
    [
        (
            "Polizeipräsidentin Barbara Muster lobte die Beamten.",
            "Polizei Berlin",
            ("Polizeipräsident", None, "Berlin", "land"),
        ),
        (
            "Landeswahlleiter Stephan Probe gab das Ergebnis bekannt.",
            "Landeswahlleiter Berlin",
            ("Landeswahlleiter", None, "Berlin", "land"),
        ),
        # a party's Land chair is no office of the Land
        (
            "Anna Probe, Landesvorsitzende der SPD, sagte zu.",
            "Senatskanzlei Hamburg",
            ("Landesvorsitzender", "SPD", None, "other"),
        ),
        (
            "Der Chief Digital Officer Ralf Muster stellte die Strategie vor.",
            None,
            ("Chief Digital Officer", None, None, "other"),
        ),
        (
            "Anna Probe, Managing Director der Beispiel GmbH, sagte zu.",
            None,
            ("Managing Director", "Beispiel GmbH", None, "other"),
        ),
    ],
)
def test_police_election_officers_and_english_titles(text, publisher, expected):
    st = statements(text, district=level_from_publisher(publisher), state=state_from_publisher(publisher))[0]
    assert (st["role_norm"], st["organization"], st["jurisdiction"], st["level"]) == expected


@pytest.mark.parametrize(
    "text, publisher, expected",
    [
        # the title around the name, not the genitive inside it
        ("Der Sprecher des Vorstands Andreas Muster sagte.", None, [("Sprecher", None, None)]),
        # the Kulturstaatsminister is the Bund's (levels.tsv level.bund.kulturstaatsminister)
        ("Kulturstaatsministerin Claudia Probe sagte.", None, [("Staatsminister", "Kultur", "Bund")]),
        # "Europa-" as a remit is no jurisdiction EU
        (
            "Europasenator Klaus Muster sagte.",
            "Senatsverwaltung für Kultur und Europa",
            [("Senator", "Europa", "Berlin")],
        ),
        # a court names no Land: the publisher's
        (
            "Präsident des Kammergerichts Bernd Probe sagte.",
            "Senatsverwaltung für Justiz",
            [("Präsident", None, "Berlin")],
        ),
        ("Präsident des Kammergerichts Bernd Probe sagte.", None, [("Präsident", None, None)]),
    ],
)
def test_outer_titles_staatsminister_remits_and_courts(text, publisher, expected):
    got = statements(text, district=level_from_publisher(publisher), state=state_from_publisher(publisher))
    assert [(s["role_norm"], s["portfolio"], s["jurisdiction"]) for s in got] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a federal authority's acronym is the Bund's (levels.tsv: level.bund.acronym)
        ("BKA-Präsident Holger Muster sagte.", ("Präsident", "BKA", "Bund", "bund")),
        ("Das sagte Linken-Vorsitzende Dora Probe.", ("Vorsitzender", "Linken", None, "other")),
        ("Bundesratspräsident Bodo Muster eröffnete.", ("Bundesratspräsident", None, "Bund", "bund")),
        (
            "David Probe, Exekutivdirektor des UN-Welternährungsprogramms, sagte.",
            ("Exekutivdirektor", "UN-Welternährungsprogramms", None, "international"),
        ),
        ("Landes-Geschäftsführer der AWO Tom Probe sagte.", ("Landes-Geschäftsführer", "AWO", None, "other")),
    ],
)
def test_organisations_before_the_title_and_international_bodies(text, expected):
    st = statements(text)[0]
    assert (st["role_norm"], st["organization"], st["jurisdiction"], st["level"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("André Muster, CEO von Beispielsoft, sagte zu.", ("CEO", "Beispielsoft", None, "other")),
        (
            "Michael Probe, Vice President Global Engineering der Beispiel Group, sagte.",
            ("Vice President", "Beispiel Group", None, "other"),
        ),
        (
            "Der israelische Parlamentspräsident Mickey Muster sprach.",
            ("Parlamentspräsident", None, "Israel", "international"),
        ),
        # a government office's "von" names a place, not an organisation
        ("Die Bürgermeisterin von Paris, Anne Probe, kam.", ("Bürgermeister", None, "Paris", "kommune")),
    ],
)
def test_organisations_after_von_and_after_a_unit(text, expected):
    st = statements(text)[0]
    assert (st["role_norm"], st["organization"], st["jurisdiction"], st["level"]) == expected


def test_a_list_of_name_office_lines_gives_each_line_its_office():
    text = (
        "Teilnehmen werden:\n\nMichael Muster, Regierender Bürgermeister von Berlin\n"
        "Elke Probe, Senatorin für Integration, Arbeit und Soziales\n"
        "Reinhard Beispiel, Bezirksbürgermeister von Charlottenburg-Wilmersdorf"
    )
    got = [(s["who"], s["role_norm"], s["jurisdiction"]) for s in statements(text)]
    assert got == [
        ("Muster", "Regierender Bürgermeister", "Berlin"),
        ("Probe", "Senator", None),
        ("Beispiel", "Bezirksbürgermeister", "Charlottenburg-Wilmersdorf"),
    ]


def test_a_party_in_parentheses_between_name_and_office():
    text = "Anna Muster (Bü 90/Grüne), Pankower Bezirksstadtrat für Stadtentwicklung und Bürgerdienste, appelliert."
    st = statements(text)[0]
    assert (st["role_norm"], st["portfolio"], st["jurisdiction"]) == (
        "Bezirksstadtrat",
        "Stadtentwicklung und Bürgerdienste",
        "Pankow",
    )


@pytest.mark.parametrize(
    "text, organization",
    [
        (
            "Das sieht Professor Reimund Muster vom Beispiel-Zentrum für Umweltforschung anders.",
            "Beispiel-Zentrum für Umweltforschung",
        ),
        (
            "Es referiert Geschäftsführer Eckhard Muster, Lüftung und Brandschutz, im Vortragsraum.",
            "Lüftung und Brandschutz",
        ),
        # another person or a place after the comma is no organisation
        ("Geschäftsführer Tom Probe, Anna Muster, und Karl Beispiel kamen.", None),
        ("Geschäftsführer Tom Probe, Berlin, kam.", None),
    ],
)
def test_the_organisation_after_the_name(text, organization):
    st = statements(text)[0]
    assert st["organization"] == organization


@pytest.mark.parametrize(
    "text",
    [
        "Sargon Schulz, Bezirksbeauftragter für Senioren und Menschen mit Behinderung: „Kommen Sie.“",
        # a second "und" after the remit ends it
        (
            "Das sagt Sargon Schulz, Bezirksbeauftragter für Senioren und Menschen mit Behinderung und Organisator "
            "des Neujahrsempfangs."
        ),
    ],
)
def test_a_district_commissioner_with_a_remit_of_people_with_disabilities(text):
    st = statements(text, district="Spandau", state="Berlin")[0]
    assert (st["portfolio"], st["jurisdiction"], st["level"]) == (
        "Senioren und Menschen mit Behinderung",
        "Spandau",
        "kommune",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Der Berliner Beauftragte zur Aufarbeitung der SED-Diktatur (BAB) Tom Muster eröffnete.",
            ("Muster", "Beauftragter", "Berlin", "land"),
        ),
        (
            "„Wir machen weiter“, sagte Bildungsstaatssekretärin Beate Muster.",
            ("Muster", "Staatssekretär", None, None),
        ),
        # an abbreviation that is no office's: no statement through it
        ("Die Ausstellung im Museum (DHM) Tom Muster zufolge", None),
    ],
)
def test_issue_17_cases(text, expected):
    got = statements(text)
    if expected is None:
        assert got == []
    else:
        assert (got[0]["who"], got[0]["role_norm"], got[0]["jurisdiction"], got[0]["level"]) == expected


@pytest.mark.parametrize(
    "text, role_text, portfolio",
    [
        # the deputy's "stellvertretende" stays outside an acronym-scoped title: the quotes stage reads the
        # office span as the speaker mention after "machte der stellvertretende …" (known gap)
        (
            "Das machte der stellvertretende SPD-Fraktionsvorsitzende Dirk Muster deutlich.",
            "SPD-Fraktionsvorsitzende",
            None,
        ),
        # the county is the jurisdiction, not a remit
        ("Peter Probe, Landrat des Landkreises Verden, sagte.", "Landrat des Landkreises Verden", None),
    ],
)
def test_deputies_before_an_organisations_title_and_counties(text, role_text, portfolio):
    st = statements(text)[0]
    assert (st["role_text"], st["portfolio"]) == (role_text, portfolio)


@pytest.mark.parametrize(
    "text, portfolio",
    [
        (
            "Ana-Maria Muster, Staatssekretärin für Engagement-, Demokratieförderung und Internationales: „Mehr.“",
            "Engagement-, Demokratieförderung und Internationales",
        ),
        ("Die Senatorin für Bildungs- und Jugendpolitik Anna Muster kam.", "Bildungs- und Jugendpolitik"),
    ],
)
def test_truncated_compounds_inside_a_remit(text, portfolio):
    assert statements(text)[0]["portfolio"] == portfolio


@pytest.mark.parametrize(
    "text, expected",
    [
        # fire services
        (
            "Nach der Übung gab es mit Kreisbrandmeister Wolfgang Muster eine Besprechung.",
            ("Kreisbrandmeister", None, "kommune"),
        ),
        (
            "Ortswehrführer Jan Probe dankte den Kameraden für 412 Einsatzstunden.",
            ("Ortswehrführer", None, "kommune"),
        ),
        ("Kreisbrandrat Tom Beispiel überreichte die Urkunden.", ("Kreisbrandrat", None, "kommune")),
        # churches and faith communities
        ("Superintendentin Anna Probe predigt über die Jahreslosung.", ("Superintendent", None, "other")),
        ("Präses Annette Beispiel sprach ein Grußwort.", ("Präses", None, "other")),
        ("Das Gebet sprach Rabbiner Dr. Walter Muster.", ("Rabbiner", None, "other")),
        ("„Wir laden alle ein“, sagt Pastorin Lea Probe.", ("Pastor", None, "other")),
        # police
        ("Polizeivizepräsidentin Barbara Muster lobte die Beamten.", ("Polizeivizepräsident", None, "land")),
        ("Leitender Polizeidirektor Karl Probe leitete den Einsatz.", ("Polizeidirektor", None, "land")),
        # universities, hospitals, sport, associations
        ("Prorektorin Prof. Dr. Eva Muster eröffnete die Tagung.", ("Prorektor", None, "other")),
        ("Chefärztin Dr. Sabine Probe erklärt die neue Station.", ("Chefarzt", None, "other")),
        ("Bundestrainer Michael Muster nominierte zwei Neulinge.", ("Bundestrainer", None, "other")),
        ("DFB-Schatzmeister Dr. Stephan Probe lobte das Projekt.", ("Schatzmeister", "DFB", "other")),
        ("Initiatorin Prof. Dr. Bettina Muster führt durch den Kiez.", ("Initiator", None, "other")),
        # municipal titles before "von <Ort>"
        ("Der Ortsbürgermeister von Weinheim, Thomas Probe, sprach.", ("Ortsbürgermeister", None, "kommune")),
        ("Rainer Muster, Beigeordneter des Landkreises, sagte zu.", ("Beigeordneter", None, "kommune")),
    ],
)
def test_offices_of_fire_services_churches_police_universities_and_associations(text, expected):
    got = statements(text)
    assert [(s["role_norm"], s["organization"], s["level"]) for s in got] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Anna Muster ist Bürgermeisterkandidatin der Liste.",  # a candidate, no office
        "Die Initiative von Anna Muster sammelte 300 Unterschriften.",  # Initiative is no Initiator
        "Mit dem Bürgermeisteramt hat Anna Muster nichts zu tun.",
        "Die Brandmeisterschaft gewann Tom Probe aus Hürth.",
        "Anna Muster und Tom Probe sind Mitglieder im Chor.",
    ],
)
def test_words_that_only_look_like_the_new_offices_are_no_roles(text):
    assert statements(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # premodifiers that belong to the title as written
        (
            "Kumi Muster, früherer Generalsekretär von Amnesty International, sagte.",
            (
                "früherer Generalsekretär von Amnesty International",
                "Generalsekretär",
                "Amnesty International",
            ),
        ),
        (
            "Sarah Probe, Künstlerische Leiterin des Festivals, sagte.",
            ("Künstlerische Leiterin des Festivals", "Leiter", None),  # a generic noun names no organisation
        ),
        (
            "Der langjährige Bezirksverordnete der SPD-Fraktion Christoph Muster ist gestorben.",
            ("langjährige Bezirksverordnete der SPD-Fraktion", "Bezirksverordneter", "SPD-Fraktion"),
        ),
    ],
)
def test_premodifiers_open_the_office_phrase(text, expected):
    st = statements(text)[0]
    assert (st["role_text"], st["role_norm"], st["organization"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Präsidentin des BfN Sabine Muster sagte.", ("Präsident", "BfN", "Bund", "bund")),
        ("Tom Probe, Vizepräsident des BSI, warnte.", ("Vizepräsident", "BSI", "Bund", "bund")),
        (
            "Jochen Muster, Staatssekretär im Entwicklungsministerium, sagte.",
            ("Staatssekretär", "Entwicklungsministerium", "Bund", "bund"),
        ),
        # an acronym that is no federal body stays the organisation's
        ("Anna Probe, Präsidentin des DFV, sagte.", ("Präsident", "DFV", None, "other")),
    ],
)
def test_federal_bodies_written_as_acronyms_are_the_bunds(text, expected):
    st = statements(text)[0]
    assert (st["role_norm"], st["organization"], st["jurisdiction"], st["level"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the organisation after "an der" / "beim" of a university's or company's office, a genitive in its remit
        (
            (
                "Susanne Muster, Professorin für Theorie und Praxis der Sozialen Arbeit an der "
                "Beispiel-Hochschule Berlin, Armutsforscherin"
            ),
            ("Professor", "Theorie und Praxis der Sozialen Arbeit", "Beispiel-Hochschule Berlin"),
        ),
        # a lowercase legal form ends the organisation's name
        ("Dr. Martin Probe, Geschäftsführer der USE gGmbH, sagte.", ("Geschäftsführer", None, "USE gGmbH")),
        # a generic noun and the quoted name after it
        (
            "„Wir laden ein“, sagte Sven Muster, Vorsitzender des Vereins „Wir sind Nachbarn“ und Sänger.",
            ("Vorsitzender", None, "Vereins „Wir sind Nachbarn“"),
        ),
        # a Land's remit ends before "des Landes"
        (
            "Tom Probe, Staatssekretär für Europa des Landes Berlin, sagte.",
            ("Staatssekretär", "Europa", None),
        ),
    ],
)
def test_organisations_of_university_company_and_association_offices(text, expected):
    st = statements(text)[0]
    assert (st["role_norm"], st["portfolio"], st["organization"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Dr. Heinrich Muster, der Vorsitzende des Vereins „Freunde des Parks“, ist zufrieden.",
            [("Muster", "Vorsitzender")],
        ),
        ("Anna Probe, die Leiterin der Musikschule, begrüßte die Gäste.", [("Probe", "Leiter")]),
        # a list: the office after the second comma is the next name's
        (
            (
                "Es sprechen die Senatorin für Umwelt, Regine Muster, der Geschäftsführer der Beispiel GmbH, "
                "Christoph Probe, und andere."
            ),
            [("Muster", "Senator"), ("Probe", "Geschäftsführer")],
        ),
        # a relative clause is no apposition
        ("Anna Muster, die Senatorin für Bildung war, sagte.", []),
    ],
)
def test_an_apposition_with_its_article(text, expected):
    assert [(s["who"], s["role_norm"]) for s in statements(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Heute hat die Präsidentin des Bundesamtes für Naturschutz (BfN), Sabine Muster, den Bescheid übergeben.",
            [("Muster", "Präsident", "Bund")],
        ),
        (
            "„Wir sind zufrieden“, sagte der Vorstand Regionen der Bundesagentur für Arbeit (BA), Daniel Probe, heute.",
            [("Probe", "Vorstand", "Bund")],
        ),
        # a party in parentheses is no body's acronym of the office before it
        ("Die Bezirksverordneten (SPD), Anna Muster, Tom Probe und andere stimmten zu.", []),
    ],
)
def test_an_office_its_bodys_acronym_then_the_name(text, expected):
    assert [(s["who"], s["role_norm"], s["jurisdiction"]) for s in statements(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an article before a participle phrase starts a new noun phrase: the office is Innensenator's
        (
            (
                "Der Senat hat nach Befassung des Rats der Bürgermeister den von Innensenator Andreas Muster "
                "vorgelegten Entwurf beschlossen."
            ),
            [("Muster", "Innensenator", "Senator")],
        ),
        (
            "Anna Probe, Leiterin des Büros des Bürgermeisters, sagte.",
            [("Probe", "Leiterin des Büros des Bürgermeisters", "Leiter")],
        ),
        # new titles in compounds: Theologieprofessor (a professor of a field: the gold's Professor, remit
        # Theologie), Ortsbürgermeister
        (
            "Prof. Dr. Alexander Muster (Theologieprofessor) erklärt den Segen.",
            [("Muster", "Theologieprofessor", "Professor")],
        ),
    ],
)
def test_office_phrase_ends_before_a_participle_phrase(text, expected):
    assert [(s["who"], s["role_text"], s["role_norm"]) for s in statements(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Vorsitzende Richter Tom Probe verkündete das Urteil.", [("Probe", "Vorsitzender Richter")]),
        ("Tom Probe, Vorsitzender Richter am Bundesgerichtshof, sagte.", [("Probe", "Vorsitzender Richter")]),
        ("Es spricht Tim Richter, Bezirksstadtrat für Soziales.", [("Richter", "Bezirksstadtrat")]),
        ("Anna Richter sagte: „Gut.“", []),  # a family name, no title
    ],
)
def test_judges_and_the_family_name_richter(text, expected):
    assert [(s["who"], s["role_norm"]) for s in statements(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a profession, "und", then the office
        (
            "Anna Muster (Bildende Künstlerin und Gründerin des Projektraums Beispiel Projects, Berlin) sagte.",
            [("Muster", "Gründer", "Projektraums Beispiel Projects")],
        ),
        (
            "Anna Probe, Autorin und Vorsitzende des Vereins Lesen e. V., sagte.",
            [("Probe", "Vorsitzender", "Vereins Lesen e. V.")],
        ),
        # a list of names: the title after "und" is the next name's
        ("Es kamen Anna Muster, Tom Probe und Präsidentin Lea Beispiel.", [("Beispiel", "Präsident", None)]),
        # two professions are no office
        ("Es sprechen Anna Muster, Journalistin und Moderatorin, und Tom Probe.", []),
        # "und" before an adjective and a title starts a second office
        (
            "Daniel Probe, Studienleiter und Sozialwissenschaftlicher Referent bei midi, sagte.",
            [("Probe", "Studienleiter", None)],
        ),
    ],
)
def test_an_office_after_a_profession(text, expected):
    assert [(s["who"], s["role_norm"], s["organization"]) for s in statements(text)] == expected


def test_an_apposition_before_a_quoted_party_and_the_next_name_is_the_next_names():
    text = (
        "Es sprachen der Kulturstadtrat Stephan Muster, der Fraktionsvorsitzende der Partei „Die Beispiele“, "
        "Klaus Probe, und andere."
    )
    got = [(s["who"], s["role_norm"]) for s in statements(text)]
    assert ("Muster", "Fraktionsvorsitzender") not in got and ("Muster", "Stadtrat") in got


@pytest.mark.parametrize(
    "text, expected",
    [
        # a deputy is another office than the principal's: the mark is a fixed prefix of role_norm
        (
            "Der stellvertretende Parkleiter Tom Muster erklärte den Weg.",
            ("stellvertretende Parkleiter", "Stellvertretender Parkleiter", False),
        ),
        (
            "Hanna Probe, stellvertretende Vorsitzende des Kreisverbands Beispielstadt, sagte.",
            (
                "stellvertretende Vorsitzende des Kreisverbands Beispielstadt",
                "Stellvertretender Vorsitzender",
                False,
            ),
        ),
        (
            "Die stellv. Vorsitzende Anna Muster eröffnete.",
            ("Vorsitzende", "Stellvertretender Vorsitzender", False),
        ),
        (
            "Tom Probe, Stellvertretender Sprecher der Beispielwerke, teilte mit.",
            ("Stellvertretender Sprecher der Beispielwerke", "Stellvertretender Sprecher", False),
        ),
        (
            "Kai Muster, Erster Parlamentarischer Geschäftsführer der Beispiel-Fraktion, sagte.",
            (
                "Erster Parlamentarischer Geschäftsführer der Beispiel-Fraktion",
                "Parlamentarischer Geschäftsführer",
                False,
            ),
        ),
        # a past office keeps its title and is marked former
        (
            "Das sagte der ehemalige Vereinsvorsitzende Karl Probe am Rande.",
            ("ehemalige Vereinsvorsitzende", "Vereinsvorsitzender", True),
        ),
        (
            "Nach einer Idee vom damaligen Leiter Hans Muster entstand der Garten.",
            ("damaligen Leiter", "Leiter", True),
        ),
        (
            "Jana Probe, frühere Direktorin von Beispiel International, sprach.",
            ("frühere Direktorin von Beispiel International", "Direktor", True),
        ),
        ("Ex-Senatorin Anna Muster kam zur Eröffnung.", ("Ex-Senatorin", "Senator", True)),
        ("Hans Probe, Bürgermeister a. D., las vor.", ("Bürgermeister", "Bürgermeister", True)),
        # not a deputy nor a past office
        ("Die langjährige Leiterin Eva Muster geht.", ("langjährige Leiterin", "Leiter", False)),
        ("Vizepräsidentin Eva Probe sprach.", ("Vizepräsidentin", "Vizepräsident", False)),
        (
            "Die Regierende Bürgermeisterin Anna Probe kam.",
            ("Regierende Bürgermeisterin", "Regierender Bürgermeister", False),
        ),
    ],
)
def test_deputies_and_former_offices(text, expected):
    st = statements(text)[0]
    assert (st["role_text"], st["role_norm"], st["former"]) == expected


def test_a_deputy_and_the_principal_stay_two_offices():
    text = (
        "Die Vorsitzende Anna Probe und die stellvertretende Vorsitzende Anna Probe luden ein. "
        "Anna Probe, Vorsitzende des Beispielvereins Nord, dankte."
    )
    people = resolve_document(find_people(text))
    refs = [PersonRef(p.start, p.end, p.person_id, p.family_name) for p in people]
    got = merge_statements(find_statements(text, refs))
    assert sorted((s.role_norm, s.organization) for s in got) == [
        ("Stellvertretender Vorsitzender", None),
        ("Vorsitzender", "Beispielvereins Nord"),
    ]


@pytest.mark.parametrize(
    "text, organization",
    [
        # a generic noun without a name is no organisation
        ("Das betonte Anna Probe, Vorsitzende des Gremiums, am Montag.", None),
        ("Tom Muster, Vorsitzender des örtlichen Vereins, sagte.", None),
        ("Eva Probe, Leiterin des Netzwerkes, lud ein.", None),
        ("Karl Muster, Sprecher des Unternehmens, bestätigte.", None),
        # a quoted name completes it; a named body stays
        (
            "Tom Muster, Vorsitzender des Vereins „Freunde des Beispielparks“, sagte.",
            "Vereins „Freunde des Beispielparks“",
        ),
        ("Eva Probe, Leiterin des Netzwerks Beispielkiez, lud ein.", "Netzwerks Beispielkiez"),
        # a name's lowercase word and its legal form belong to it
        (
            "Sven Muster, Geschäftsführer der Stiftung Kinder lesen e. V., sagte.",
            "Stiftung Kinder lesen e. V.",
        ),
        ("Anna Probe, Vorstand der Stiftung Lesen e.V., sagte.", "Stiftung Lesen e.V."),
    ],
)
def test_generic_nouns_and_names_with_lowercase_words(text, organization):
    assert statements(text)[0]["organization"] == organization


@pytest.mark.parametrize(
    "text, district, state, expected",
    [
        # Berlin's Bürgermeister is a Senate member: Berlin, land in a Senate release or beside "Senator"
        ("Bürgermeister Klaus Probe eröffnet die Messe.", "Berlin", "Berlin", ("Berlin", "land")),
        (
            "Bürgermeisterin und Senatorin für Wirtschaft Ramona Muster eröffnet.",
            "Pankow",
            "Berlin",
            ("Berlin", "land"),
        ),
        # a district's release: whose mayor a bare title names the release decides (document.py: its own
        # colloquial mayor, or a partner town's; tests/stages); another city state: no Berlin
        ("Bürgermeister Klaus Probe eröffnet die Messe.", "Spandau", "Berlin", (None, "kommune")),
        ("Bürgermeister Klaus Probe eröffnet die Messe.", "Hamburg", "Hamburg", (None, "kommune")),
        # a named city stays the mayor's
        (
            "Der Bürgermeister von Beispielstadt, Klaus Probe, kam.",
            "Berlin",
            "Berlin",
            ("Beispielstadt", "kommune"),
        ),
    ],
)
def test_berlins_buergermeister_is_a_land_office(text, district, state, expected):
    st = statements(text, district=district, state=state)[0]
    assert (st["jurisdiction"], st["level"]) == expected


@pytest.mark.parametrize(
    "text, publisher, expected",
    [
        # a district office's commissioner without place or body is the district's
        (
            "Die Gleichstellungsbeauftragte Stephanie Muster lädt ein.",
            "Bezirksamt Pankow",
            ("Pankow", "kommune"),
        ),
        (
            "Einsamkeitsbeauftragte Karla Probe begrüßt die Gäste.",
            "Bezirksamt Reinickendorf",
            ("Reinickendorf", "kommune"),
        ),
        # in a Senate's release the Land's; not a remit of the Bund, not where the phrase names a body,
        # not in a release of an association
        (
            "Die Integrationsbeauftragte Stephanie Muster lädt ein.",
            "Senatsverwaltung für Integration",
            ("Berlin", "land"),
        ),
        ("Die Queerbeauftragte Stephanie Muster lädt ein.", "Senatskanzlei Hamburg", ("Hamburg", "land")),
        ("Der Antisemitismusbeauftragte Dr. Felix Muster sprach.", "Bezirksamt Pankow", (None, None)),
        (
            "Der Antisemitismusbeauftragte Dr. Felix Muster sprach.",
            "Senatsverwaltung für Kultur",
            (None, None),
        ),
        ("Anna Probe, Integrationsbeauftragte des Senats, sprach.", "Bezirksamt Pankow", ("Berlin", "land")),
        ("Die Gleichstellungsbeauftragte Stephanie Muster lädt ein.", "Beispielverein e. V.", (None, None)),
    ],
)
def test_a_commissioner_in_a_district_release_is_the_districts(text, publisher, expected):
    st = statements(text, district=level_from_publisher(publisher), state=state_from_publisher(publisher))[0]
    assert (st["jurisdiction"], st["level"]) == expected


@pytest.mark.parametrize(
    "text, pairs",
    [
        # "A, Office B, Office2": the office between two names is the first one's
        (
            "Kathrin Muster, Vorsteherin der BVV Tom Probe, Vereinsvorsitzender",
            [("Muster", "Vorsteher"), ("Probe", "Vereinsvorsitzender")],
        ),
        # ... not where the first name has its own office before it
        (
            "Es kamen Bundespräsident Frank Muster, Bundesratspräsident Bodo Probe, Bundeskanzler Olaf Beispiel.",
            [("Muster", "Bundespräsident"), ("Probe", "Bundesratspräsident"), ("Beispiel", "Bundeskanzler")],
        ),
        # the title right before a name without its own apposition stays that name's
        (
            "Es sprechen Anna Muster, Bezirksbürgermeisterin Tom Probe und andere.",
            [("Probe", "Bezirksbürgermeister")],
        ),
    ],
)
def test_an_office_between_two_names_of_a_list(text, pairs):
    assert [(s["who"], s["role_norm"]) for s in statements(text)] == pairs


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Name, Office Organisation": capitalised words after a bare title up to the comma
        (
            "Marta Muster, Präsidentin Special Olympics Beispielland, und Sven Probe kommen.",
            ("Präsidentin", "Special Olympics Beispielland"),
        ),
        (
            "Paul Probe, Vorstand Stiftung Beispielmuseum:\n„Das ist gut.“",
            ("Vorstand Stiftung Beispielmuseum", "Stiftung Beispielmuseum"),
        ),
        # a public body or a place is no organisation of this kind
        ("Tom Muster, Sprecher Bezirksamt Mitte, sagte.", ("Sprecher Bezirksamt Mitte", None)),
        # English titles take their English words; the organisation after "bei", "der" or on the same line
        (
            "„Das passt“, erklärt Dirk Muster, Customer Advisor Expert Healthcare bei Beispiel Deutschland.",
            ("Customer Advisor Expert Healthcare bei Beispiel Deutschland", "Beispiel Deutschland"),
        ),
        (
            "Anna Probe, Chief Executive Officer der Beispiel Wohnen SE, sagte.",
            ("Chief Executive Officer der Beispiel Wohnen SE", "Beispiel Wohnen SE"),
        ),
        (
            "Birgit Muster, Product Security Officer, Beispiel Global Security\nPeter Probe, Gründer",
            ("Product Security Officer", "Beispiel Global Security"),
        ),
        ("Susanne Probe, Head of Marketing, E-Mail: probe@example.com", ("Head of Marketing", None)),
    ],
)
def test_organisations_after_a_bare_title_and_english_titles(text, expected):
    st = statements(text)[0]
    assert (st["role_text"], st["organization"]) == expected


@pytest.mark.parametrize(
    "text, role_norm",
    [
        ("Birgit Muster, Product Security Officer, sagte.", "Product Security Officer"),
        ("Der Chief Executive Officer Tom Probe sagte.", "Chief Executive Officer"),
        ("Die Managing Director Anna Probe sagte.", "Managing Director"),
        ("Der Manager Tom Probe sagte.", "Manager"),
    ],
)
def test_english_titles_keep_their_words(text, role_norm):
    assert statements(text)[0]["role_norm"] == role_norm


@pytest.mark.parametrize(
    "publisher, expected",
    [
        ("CDU-Fraktion im Beispielhausener Stadtrat", ("Beispielhausen", "kommune")),
        ("SPD-Fraktion im Rat der Stadt Beispielstadt", ("Beispielstadt", "kommune")),
        ("Grüne Fraktion im Stadtrat", (None, "kommune")),
        ("FDP-Fraktion im Deutschen Bundestag", ("Bund", "bund")),
    ],
)
def test_a_council_groups_city_from_its_publisher(publisher, expected):
    from pressextract.rules.roles.document import parliament_from_publisher

    assert parliament_from_publisher(publisher) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Leitung" names the office of a Leiter: "Projektleitung" -> Projektleiter
        (
            "Isabel Muster, Projektleitung Beispiel Hilfe e.V.: „Das wirkt.“",
            ("Projektleiter", "Beispiel Hilfe e.V."),
        ),
        ("Die Anmeldung geht an die Kursleitung Frau Anna Probe.", ("Kursleiter", None)),
        # a unit of a public body keeps the body's place and level
        (
            "Tom Muster, Leiter der Abteilung Naturschutz des Landkreises Beispielkreis, übernimmt.",
            ("Leiter", "Abteilung Naturschutz"),
        ),
        # an ordinal and the body's acronym inside a chain of two offices
        (
            "Das sagte der Präsident der 27. UN-Klimakonferenz (COP27) und ägyptische Außenminister Anna Muster.",
            ("Präsident", "27. UN-Klimakonferenz"),
        ),
        # "Name von der Organisation und Office": the office after the organisation he comes from
        (
            "„Erst kamen sie“, erinnerte sich Alfons Muster von der Beispiel Klinik und Präsident des FC Beispiel.",
            ("Präsident", "FC Beispiel"),
        ),
    ],
)
def test_leitung_units_of_bodies_and_coordinated_offices(text, expected):
    st = statements(text)[0]
    assert (st["role_norm"], st["organization"]) == expected


def test_a_unit_of_a_county_keeps_the_countys_place():
    st = statements("Tom Muster, Leiter der Abteilung Naturschutz des Landkreises Beispielkreis, übernimmt.")[
        0
    ]
    assert (st["jurisdiction"], st["level"]) == ("Beispielkreis", "kommune")


@pytest.mark.parametrize(
    "text",
    [
        "Es gibt eine Umleitung Richtung Süden.",
        "Es sprach Anna Muster vom Beispielverein und Tom Probe.",
    ],
)
def test_no_office_in_detours_or_plain_lists(text):
    assert statements(text) == []


@pytest.mark.parametrize(
    "text, pairs",
    [
        # a plural title after two names is both's
        (
            "„Wir sind gespannt“, so Gudrun Muster und Walther Probe, Vorstandsmitglieder des Beispielvereins.",
            [("Muster", "Vorstandsmitglied"), ("Probe", "Vorstandsmitglied")],
        ),
        (
            "Kerstin Muster und Anke Probe, Geschäftsführerinnen der Beispiel gGmbH, sagen.",
            [("Muster", "Geschäftsführer"), ("Probe", "Geschäftsführer")],
        ),
        (
            "Anna Muster & Beatrice Probe\n(Sprecherinnen des Beispielbündnisses)",
            [("Muster", "Sprecher"), ("Probe", "Sprecher")],
        ),
        # a singular title is the second name's only
        (
            "Bezirksstadtrat Thorsten Muster und Olaf Probe, Geschäftsführer der Beispiel GmbH, kamen.",
            [("Muster", "Bezirksstadtrat"), ("Probe", "Geschäftsführer")],
        ),
    ],
)
def test_a_plural_title_after_two_names(text, pairs):
    assert [(s["who"], s["role_norm"]) for s in statements(text)] == pairs


@pytest.mark.parametrize(
    "text",
    [
        # "-leitung" words that name an act or a thing, and the direction of something
        "Die Begleitung der beiden Stadträte für Stadtentwicklung Jörn Muster und Anna Probe.",
        "Die Baubegleitung Anna Muster übernimmt.",
        "Unter der Leitung von Anna Muster spielt das Orchester.",
    ],
)
def test_no_leitung_office_in_acts_things_or_directions(text):
    assert [s for s in statements(text) if s["role_norm"].endswith("Leiter")] == []


def test_a_list_of_office_name_items_keeps_each_office():
    text = (
        "Der Regierende Bürgermeister, Kai Muster, Verkehrssenatorin Manja Probe, "
        "Wirtschaftsstaatssekretär Dr. Severin Beispiel und andere kamen."
    )
    assert [(s["who"], s["role_norm"]) for s in statements(text)] == [
        ("Muster", "Regierender Bürgermeister"),
        ("Probe", "Senator"),
        ("Beispiel", "Staatssekretär"),
    ]


@pytest.mark.parametrize(
    "text, pairs",
    [
        # a label line: the office, a colon, the name
        (
            "Ausstellung\nProjektleitung: Valeria Muster\nProjektassistenz: Lena Probe",
            [("Muster", "Projektleiter")],
        ),
        ("Pressesprecher: Sebastian Probe, Tel.: 030 123456", [("Probe", "Pressesprecher")]),
        (
            "- Performance - Initiator und künstlerischer Leiter: Anna Muster\n\nWenn eine Idee",
            [("Muster", "Initiator"), ("Muster", "Leiter")],
        ),
        (
            "Kontakt:\nProjektleitung: Victoria Muster & Mareike Probe\nMail: info@example.de",
            [("Muster", "Projektleiter"), ("Probe", "Projektleiter")],
        ),
        # a title with its article before a colon introduces a quote or a sentence
        ("Die Senatorin: Anna Muster ist die Beste.", []),
    ],
)
def test_office_colon_name_label_lines(text, pairs):
    assert [(s["who"], s["role_norm"]) for s in statements(text)] == pairs


def test_a_party_with_a_short_form_between_name_and_office():
    text = "Anna Muster (Bü 90/Grüne), Pankower Bezirksstadträtin für Stadtentwicklung, appelliert an alle."
    st = statements(text, district="Mitte", state="Berlin")[0]
    assert (st["who"], st["role_norm"], st["jurisdiction"]) == ("Muster", "Bezirksstadtrat", "Pankow")


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Name ist/war Office der X": the office the sentence gives the name ("war": a past one)
        (
            "Klaus Muster ist seit 2005 ehrenamtlicher Vorstandsvorsitzender der Beispiel City e.V., die hilft.",
            ("Vorstandsvorsitzender", "Beispiel City e.V.", False),
        ),
        ("Albrecht Probe war Bauleiter der Beispiel-Bau AG.", ("Bauleiter", "Beispiel-Bau AG", True)),
        (
            "Dr. Karla Muster ist seit November die neue Tierschutzbeauftragte des Landes Berlin.",
            ("Tierschutzbeauftragter", None, False),
        ),
    ],
)
def test_name_copula_office(text, expected):
    st = statements(text)[0]
    assert (st["role_norm"], st["organization"], st["former"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anna Muster ist Leiterin und freut sich.",  # no body: too little to say which office
        "Anna Muster ist die Beste.",
    ],
)
def test_no_copula_office_without_its_body(text):
    assert statements(text) == []


def test_a_place_after_the_bracketed_office_is_no_organisation():
    st = statements("Die Jury bildeten Dr. Britta Muster (Kuratorin, Berlin) und andere.")[0]
    assert (st["role_norm"], st["organization"]) == ("Kurator", None)


@pytest.mark.parametrize(
    "text, publisher, expected",
    [
        # a department of the publishing district office is the district's
        (
            "Matthias Muster ist Leiter der Abteilung Bildung, Kultur und Soziales.",
            "Bezirksamt Mitte",
            ("Mitte", "kommune"),
        ),
        # not where another body is named, not in a release of another publisher
        (
            "Anna Probe, Leiterin der Abteilung Kultur der Beispiel GmbH, sagte.",
            "Bezirksamt Mitte",
            (None, "other"),
        ),
        (
            "Matthias Muster ist Leiter der Abteilung Bildung, Kultur und Soziales.",
            "Beispielverein e. V.",
            (None, "other"),
        ),
    ],
)
def test_a_department_in_a_district_release_is_the_districts(text, publisher, expected):
    st = statements(text, district=level_from_publisher(publisher), state=state_from_publisher(publisher))[0]
    assert (st["jurisdiction"], st["level"]) == expected


@pytest.mark.parametrize(
    "text, organization",
    [
        # a field or a group before the hyphen is no organisation; an acronym or a firm's name is
        ("„Das passt“, sagt Dormagens Handball-Geschäftsführer Björn Muster.", None),
        ("Workshop-Leiterin Anna Muster erklärt die Regeln.", None),
        ("Der BKA-Präsident Holger Muster sagte.", "BKA"),
        ("Beispielwerke-Chef Tom Probe sagte.", "Beispielwerke"),
    ],
)
def test_fields_before_a_hyphenated_title_are_no_organisations(text, organization):
    assert statements(text)[0]["organization"] == organization


def test_a_field_before_a_hyphenated_title_leaves_the_title():
    st = statements("„Das passt“, sagt Dormagens Handball-Geschäftsführer Björn Muster.")[0]
    assert (st["role_text"], st["role_norm"]) == ("Handball-Geschäftsführer", "Geschäftsführer")


def test_a_permanent_deputy_is_an_office():
    text = (
        "Es zeichneten Landesbranddirektor Dr. Karsten Muster und der Ständige Vertreter Karsten Probe aus."
    )
    assert [(s["who"], s["role_norm"]) for s in statements(text)] == [
        ("Muster", "Landesbranddirektor"),
        ("Probe", "Ständiger Vertreter"),
    ]


@pytest.mark.parametrize(
    "text, role_text",
    [
        # adjectives of the office as written before an apposition's title
        (
            "Das erklärt Anna Muster, zuständige Bezirksstadträtin für Umwelt, am Montag.",
            "zuständige Bezirksstadträtin für Umwelt",
        ),
        (
            "Karl Muster, ehrenamtlicher Vorsitzender des Beispielvereins, dankte.",
            "ehrenamtlicher Vorsitzender des Beispielvereins",
        ),
        ("Tom Probe, neuer Leiter des Beispielhauses, sagte.", "neuer Leiter des Beispielhauses"),
    ],
)
def test_adjectives_before_an_appositions_title(text, role_text):
    assert statements(text)[0]["role_text"] == role_text


@pytest.mark.parametrize(
    "text, former",
    [
        # a town's adjective between the past mark and the title
        ("Der frühere Beispielstädter Bürgermeister Walter Muster stellte die Frage.", True),
        ("Der Beispielstädter Bürgermeister Walter Muster stellte die Frage.", False),
    ],
)
def test_a_past_mark_before_a_town_adjective(text, former):
    assert statements(text)[0]["former"] is former


@pytest.mark.parametrize(
    "text, expected",
    [
        # a "Vize-" compound is the title "Vize<title>", hyphen or not
        ("Die Vize-Präsidentin des Landtags, Anna Muster, sprach.", ("Muster", "Vizepräsident", "Landtags")),
        ("Vize-Bürgermeister Tom Probe eröffnete das Fest.", ("Probe", "Vizebürgermeister", None)),
        (
            "Tom Probe, Vize-Vorsitzender des Beispielvereins, sagte.",
            ("Probe", "Vizevorsitzender", "Beispielvereins"),
        ),
        # an ordinal deputy keeps its mark; "Erster" is the principal (Hamburg's Erster Bürgermeister)
        ("Der Zweite Bürgermeister Tom Probe sprach.", ("Probe", "Zweiter Bürgermeister", None)),
        (
            "Mit diesen Worten schloss der dritte Bürgermeister Tom Probe.",
            ("Probe", "Dritter Bürgermeister", None),
        ),
        (
            "Die 2. Vorsitzende des Beispielvereins, Anna Muster, sagte.",
            ("Muster", "Zweiter Vorsitzender", "Beispielvereins"),
        ),
        (
            "Anna Muster, zweite Vorsitzende des Beispielvereins, sagte.",
            ("Muster", "Zweiter Vorsitzender", "Beispielvereins"),
        ),
        ("Der Erste Bürgermeister Tom Probe sprach.", ("Probe", "Bürgermeister", None)),
        (
            "Anna Muster, Vorsitzende des Beispielvereins, sagte.",
            ("Muster", "Vorsitzender", "Beispielvereins"),
        ),
        # the organisation of a board member is the board's, not "Vorstands der …"
        ("Anna Muster ist Mitglied im Vorstand der Beispiel AG.", ("Muster", "Mitglied", "Beispiel AG")),
        (
            "Tom Probe, Mitglied des Vorstandes der Stiftung Muster in Berlin, sagte.",
            ("Probe", "Mitglied", "Stiftung Muster"),
        ),
        (
            "Tom Probe, Mitglied im Aufsichtsrat des Beispielvereins, sagte.",
            ("Probe", "Mitglied", "Beispielvereins"),
        ),
        ("Tom Probe, Mitglied im Vorstand, sagte.", ("Probe", "Mitglied", None)),
        (
            "Tom Probe, Mitglied im Bundesvorstand des Beispiel- und Musterverbandes, sagte.",
            ("Probe", "Mitglied", "Beispiel- und Musterverbandes"),
        ),
        (
            "Tom Probe, Mitglied des Landesvorstandes der Muster-Hilfe, sagte.",
            ("Probe", "Mitglied", "Muster-Hilfe"),
        ),
        # a unit between the title and the public body: the body is the organisation
        (
            "„Wir sind zufrieden“, sagte der Vorstand Regionen der Bundesagentur für Arbeit (BA), Daniel Probe, heute.",
            ("Probe", "Vorstand", "Bundesagentur für Arbeit"),
        ),
    ],
)
def test_vize_ordinal_deputies_and_board_members(text, expected):
    assert [(s["who"], s["role_norm"], s["organization"]) for s in statements(text)] == [expected]


# issue 17 part Y: offices of other publishers (the other3 draw of dev releases)
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "„Wer schützen will, muss wissen, wie Angreifer vorgehen“, sagt Dr. Georg Muster, der das Beispiel Lab "
                "Saarbrücken von ZF leitet und dort für das Projekt verantwortlich ist."
            ),
            {"role_norm": "Leiter", "organization": "Beispiel Lab Saarbrücken von ZF", "level": "other"},
        ),
        (
            "„Wir unterstützen junge Menschen“, erzählt Frauke Muster, die das Kinder- und Jugendbüro leitet.",
            {"role": "Leiterin", "organization": "Kinder- und Jugendbüro", "former": False},
        ),
        (
            "Das Konzerthaus begrüßt Maria Muster, die seit 2017 die Musikhochschule leitet.",
            {"role_norm": "Leiter", "organization": "Musikhochschule"},
        ),
        # the past tense: a past office
        (
            "Ihr folgt Sabine Muster, die das BeispielHaus in den letzten fünf Jahren leitete.",
            {"role_norm": "Leiter", "organization": "BeispielHaus", "former": True},
        ),
    ],
)
def test_a_relative_clause_that_leads_an_organisation(text, expected):
    (st,) = statements(text)
    assert st["rule_id"].startswith("role.name_relative_leads")
    assert {k: st[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "„Kommen Sie vorbei“, erklärt Nicole Muster, die den Kurs leitet.",  # an activity, no organisation
        "„Er hat überzeugt“, sagt der Regisseur Heiko Muster, der das Casting leitete.",
        "„Wir pflanzen Wälder“, sagt Isabell Muster, die das Projekt bei der Beispiel eG leitet.",
        "„Wir helfen“, sagt Anna Muster, die die Gäste durch die Ausstellung führt.",  # no "leitet"
        "Anna Muster, die die Wohnung renoviert, leitet ein Team.",  # the verb is not the clause's
    ],
)
def test_no_office_from_a_relative_clause_without_an_organisation(text):
    assert statements(text) == []


def test_a_relative_clause_restating_an_office_is_no_second_row():
    got = statements("Sie folgt dem Rektor Holger Muster, der seit 2017 die Beispiel-Hochschule leitet.")
    assert [(s["role_norm"], s["rule_id"].split(":")[0]) for s in got] == [("Rektor", "role.office_name")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the institution a compound names is no part of the title
        (
            "„Wir stehen vor einer Herausforderung“, erklärt Zoo- und Tierparkdirektor Dr. Andreas Muster.",
            {
                "role_text": "Zoo- und Tierparkdirektor",
                "role_norm": "Direktor",
                "organization": "Zoo und Tierpark",
                "level": "other",
            },
        ),
        (
            "Schulleiterin Anna Muster begrüßte die Gäste.",
            {"role_norm": "Leiter", "role_text": "Schulleiterin"},
        ),
        ("Museumsdirektor Tom Probe eröffnete die Ausstellung.", {"role_norm": "Direktor"}),
        ("Musikschulleiter Uwe Muster dirigierte.", {"role_norm": "Leiter"}),
        # a field or a unit is: these compounds stay titles of their own
        ("Projektleiter Toni Muster freut sich.", {"role_norm": "Projektleiter"}),
        ("Pressesprecherin Anna Muster sagte dazu nichts.", {"role_norm": "Pressesprecher"}),
        ("Kulturamtsleiterin Eva Muster stellte die Musiker vor.", {"role_norm": "Kulturamtsleiter"}),
    ],
)
def test_institution_compounds(text, expected):
    (st,) = statements(text)
    assert {k: st[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name, the party in capitals, the office with its article, up to the sentence's end
        (
            (
                "Das zeigt die Anhörung, schlussfolgert Patrick Muster (PIRATEN), der Berichterstatter des Ausschusses "
                "für bürgerliche Freiheiten für das geplante Gesetz."
            ),
            {"role_norm": "Berichterstatter", "organization": "Ausschusses für bürgerliche Freiheiten"},
        ),
        (
            "Das sagte Anna Muster, die Vorsitzende des Vereins Beispielhilfe.",
            {"role_norm": "Vorsitzender", "organization": "Vereins Beispielhilfe"},
        ),
        # the organisation after the name ends before the next person
        (
            (
                "Es sprechen Professor Matthias Muster von der Beispiel Hochschule für Technik Berlin und Marco Probe "
                "vom Beispielverein."
            ),
            {"role_norm": "Professor", "organization": "Beispiel Hochschule für Technik Berlin"},
        ),
    ],
)
def test_appositions_closed_by_the_sentence_and_organisations_before_the_next_name(text, expected):
    st = statements(text)[0]
    assert {k: st[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # the apposition goes on into a verb phrase: "…, die Vorsitzende des Vereins ist, …" names no office here
        "Das sagte Anna Muster, die Vorsitzende des Vereins lange kannte.",
        # a rapporteur as a journalist's trade names no one
        "Die Berichterstatter der Zeitungen waren zahlreich erschienen.",
    ],
)
def test_no_apposition_into_a_clause(text):
    assert statements(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a professor's field before the title is the remit; a unit after "in der" with its body the organisation
        (
            (
                "Prof. Dr. Alexander Muster (Theologieprofessor und Referent für Liturgie in der Hauptabteilung "
                "Seelsorge des Beispielbistums) erklärt die Wirkung."
            ),
            [
                {"role_norm": "Professor", "portfolio": "Theologie", "organization": None},
                {
                    "role_norm": "Referent",
                    "portfolio": "Liturgie",
                    "organization": "Hauptabteilung Seelsorge des Beispielbistums",
                },
            ],
        ),
        # the kind of chair is no field: the compound stays the title
        (
            "Honorarprofessorin Anna Muster stimmt zu.",
            [{"role_norm": "Honorarprofessor", "portfolio": None, "organization": None}],
        ),
        # a place after "in" is no organisation
        (
            "Der Referent für Bildung in Köln Tom Muster stimmt zu.",
            [{"role_norm": "Referent", "portfolio": "Bildung", "organization": None}],
        ),
    ],
)
def test_professors_fields_and_units_after_in(text, expected):
    got = statements(text)
    assert [{k: st[k] for k in exp} for st, exp in zip(got, expected, strict=True)] == expected


def test_a_partner_towns_mayor_is_of_that_town_not_its_remit():
    (st,) = statements(
        "Kai Muster besucht mit dem Oberbürgermeister der Partnerstadt Kyiv, Vitali Probe, das Projekt."
    )[-1:]
    assert (st["role_norm"], st["portfolio"], st["jurisdiction"], st["level"]) == (
        "Oberbürgermeister",
        None,
        "Kyiv",
        "kommune",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        # an acronym after the remit names the body: the organisation, not part of the remit
        (
            (
                "Die Moderation hat Prof. Dr. Stefanie Muster, der Vizepräsidentin für Forschung und Transfer der HTW "
                "Berlin."
            ),
            {
                "role_norm": "Vizepräsident",
                "portfolio": "Forschung und Transfer",
                "organization": "HTW Berlin",
            },
        ),
        # a genitive inside an academic remit stays in it
        (
            "Es spricht Anna Muster, Professorin für Theorie und Praxis der Sozialen Arbeit an der Beispiel-Hochschule.",
            {"portfolio": "Theorie und Praxis der Sozialen Arbeit", "organization": "Beispiel-Hochschule"},
        ),
    ],
)
def test_the_body_after_an_org_offices_remit(text, expected):
    st = statements(text)[0]
    assert {k: st[k] for k in expected} == expected


@pytest.mark.parametrize(
    "texts, expected",
    [
        # an organisation and its acronym as the text defines it
        (
            [
                "Heute hat Sabine Muster, Präsidentin des Bundesamtes für Naturschutz (BfN), übergeben.",
                "Sabine Muster, Präsidentin des BfN: „Auen sind artenreich.“",
            ],
            [("Präsident", None, "Bundesamtes für Naturschutz")],
        ),
        # a remit that is part of the other, in either order
        (
            [
                "Familienstadtrat Christoph Muster eröffnet das Fest.",
                "Christoph Muster, Bezirksstadtrat für Jugend, Familie und Gesundheit, sagt: „Willkommen.“",
            ],
            [("Bezirksstadtrat", "Jugend, Familie und Gesundheit", None)],
        ),
        # two remits that differ are two offices
        (
            [
                "Christoph Muster, Bezirksstadtrat für Ordnung und Umwelt, sagt: „Gut.“",
                "Christoph Muster, Bezirksstadtrat für Schule und Sport, sagt: „Auch gut.“",
            ],
            [("Bezirksstadtrat", "Ordnung und Umwelt", None), ("Bezirksstadtrat", "Schule und Sport", None)],
        ),
        # two organisations are two offices (no acronym defined)
        (
            [
                "Anna Muster, Präsidentin des Beispielvereins, sagt: „Gut.“",
                "Anna Muster, Präsidentin des BfB, sagt: „Auch gut.“",
            ],
            [("Präsident", None, "Beispielvereins"), ("Präsident", None, "BfB")],
        ),
    ],
)
def test_mentions_of_one_office_merge_across_acronyms_and_remits(texts, expected):
    merged = []
    text = "\n\n".join(texts)
    people = resolve_document(find_people(text))
    refs = [PersonRef(p.start, p.end, p.person_id, p.family_name) for p in people]
    merged = merge_statements(find_statements(text, refs), text=text)
    assert [(st.role_norm, st.portfolio, st.organization) for st in merged] == expected


@pytest.mark.parametrize(
    "text, district, state, expected",
    [
        # a federal office in a Berlin release: the Bund's, not Berlin's
        (
            "Es spricht die Parlamentarische Staatssekretärin beim Bundesminister für Bildung, Anna Muster.",
            "Mitte",
            "Berlin",
            [("Parlamentarischer Staatssekretär", "Bund", "bund")],
        ),
        (
            "Es spricht Staatssekretär Tom Muster vom Bundesministerium für Verkehr.",
            "Berlin",
            "Berlin",
            [("Staatssekretär", "Bund", "bund")],
        ),
        # the same title without a body after the name: the publisher's Land
        ("Es spricht Staatssekretär Tom Muster.", "Berlin", "Berlin", [("Staatssekretär", "Berlin", "land")]),
        # another district's office named after the name, and where the body ends ("und <title> <name>")
        (
            (
                "Es sprechen Staatssekretärin Anna Muster von der Senatsverwaltung für Bildung und Bezirksstadtrat Tom "
                "Probe vom Bezirksamt Pankow."
            ),
            "Mitte",
            "Berlin",
            [("Staatssekretär", "Berlin", "land"), ("Bezirksstadtrat", "Pankow", "kommune")],
        ),
    ],
)
def test_a_body_after_the_name_places_the_office(text, district, state, expected):
    got = statements(text, district=district, state=state)
    assert [(s["role_norm"], s["jurisdiction"], s["level"]) for s in got] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the person ending the sentence before, then "Sie ist die <office> der <body>"
        (
            "Die Laudatio für Christine Probe hält Dr. Dagmar Muster. Sie ist die Vorsitzende der Beispiel-Stiftung.",
            [("Muster", "Vorsitzender", "Beispiel-Stiftung", False)],
        ),
        (
            (
                "Daran arbeitet auch Lutz Muster mit seinen Kollegen. Er ist Geschäftsführer des Jobcenters Beispielstadt "
                "und erklärt: „Gut.“"
            ),
            [("Muster", "Geschäftsführer", "Jobcenters Beispielstadt", False)],
        ),
        (
            "Maria Muster hat Theologie studiert. Sie war Mitinitiatorin der Friedenswerkstatt.",
            [("Muster", "Mitinitiator", "Friedenswerkstatt", True)],
        ),
    ],
)
def test_a_pronoun_continues_the_person_named_before(text, expected):
    got = statements(text)
    assert [(s["who"].split()[-1], s["role_norm"], s["organization"], s["former"]) for s in got] == expected


@pytest.mark.parametrize(
    "text",
    [
        # two people before: whose office it is stays open
        "Anna Muster und Tom Probe kommen. Sie ist die Vorsitzende der Beispiel-Stiftung.",
        # the pronoun is the organisation's, no person named in the sentence before
        "Die Stiftung hat 3.800 Mitarbeitende. Sie ist Mitglied im Diakonischen Werk Beispielland.",
        # a name after "mit" is no subject the pronoun continues
        "Er schrieb das Buch gemeinsam mit Judith Muster. Sie war Mitglied der Beispielgemeinde.",
        # no body: too little to say whose office
        "Die Laudatio hält Dr. Dagmar Muster. Sie ist Vorsitzende.",
    ],
)
def test_no_office_for_a_pronoun_without_one_subject(text):
    assert statements(text) == []
