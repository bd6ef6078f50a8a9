"""press_people and press_roles on the blank pipeline (and on the bundled model, marked `model`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

import pressextract
from pressextract.records.ids import person_id

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed.txt"


@pytest.fixture(scope="module")
def nlp():
    return pressextract.load("blank", stages=["press_people", "press_roles"])


def _run(nlp, text: str, meta: dict | None = None):
    doc = nlp.make_doc(text)
    doc._.press_meta = meta or {}
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_spans_carry_the_contract_payload(nlp) -> None:
    doc = _run(
        nlp, "Staatsministerin Annette Widmann-Mauz unterstrich in Kassel:\n\nWidmann-Mauz dankte allen."
    )
    people = doc.spans["press_people"]
    assert [s.text for s in people] == ["Annette Widmann-Mauz", "Widmann-Mauz"]
    p = people[1]._.person
    assert set(p) >= {"person_id", "name", "honorific", "given_name", "family_name", "gender"}
    assert p["person_id"] == person_id("Annette Widmann-Mauz") == people[0]._.person["person_id"]
    assert (p["given_name"], p["gender"]) == ("Annette", "f")
    roles = doc.spans["press_roles"]
    assert [s.text for s in roles] == ["Staatsministerin"]
    r = roles[0]._.role
    assert set(r) >= {
        "person_id",
        "name",
        "role",
        "role_norm",
        "portfolio",
        "organization",
        "jurisdiction",
        "level",
        "rule_id",
    }
    assert (r["person_id"], r["role_norm"]) == (p["person_id"], "Staatsminister")


def test_bullet_list_of_names_with_offices(nlp) -> None:
    text = (
        "13:00 Uhr - Begrüßung durch\n\n"
        "  • Stefan Grüttner, Hessischer Minister für Soziales und Integration\n"
        "  • Christian Geselle, Oberbürgermeister der Stadt Kassel\n"
    )
    doc = _run(nlp, text)
    assert [s._.person["family_name"] for s in doc.spans["press_people"]] == ["Grüttner", "Geselle"]
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [
        ("Hessen", "land"),
        ("Kassel", "kommune"),
    ]


def test_captions_are_not_read(nlp) -> None:
    doc = _run(
        nlp,
        "Titel\n\nFishbowl auf der Konferenz Fishbowl auf der Konferenz Quelle: Amt / Harry Soremski\n\n"
        "Text ohne Namen.",
    )
    assert list(doc.spans["press_people"]) == []


def test_publisher_district_fills_the_jurisdiction(nlp) -> None:
    doc = _run(nlp, "Bezirksstadtrat Carsten Spallek informiert:", meta={"publisher": "Bezirksamt Mitte"})
    assert doc.spans["press_roles"][0]._.role["jurisdiction"] == "Mitte"


def test_works_without_press_layout() -> None:
    nlp = spacy.blank("de")
    import pressextract.stages  # noqa: F401  (registers the factories)

    nlp.add_pipe("press_people")
    nlp.add_pipe("press_roles")
    doc = nlp("Senatorin Sandra Scheeres eröffnete die Schule.")
    assert [s._.person["family_name"] for s in doc.spans["press_people"]] == ["Scheeres"]
    assert doc.spans["press_roles"][0]._.role["role_norm"] == "Senator"


def test_seed_release(nlp) -> None:
    doc = _run(nlp, SEED.read_text(encoding="utf-8"))
    fams = {s._.person["family_name"] for s in doc.spans["press_people"]}
    assert fams >= {
        "Widmann-Mauz",
        "Grüttner",
        "Geselle",
        "Kühne-Hörmann",
        "Klose",
        "Möbbeck",
        "Güler",
        "Uslucan",
        "Lau",
    }
    assert not fams & {"Fishbowl", "Kassel", "Füssen", "DIE ZEIT", "Aktuelle Stunde", "Soremski"}
    klose = [s._.role for s in doc.spans["press_roles"] if s._.role["name"].endswith("Klose")]
    assert [r["role_norm"] for r in klose] == ["Staatssekretär", "Bevollmächtigter"]


@pytest.mark.model
def test_per_entities_from_the_model() -> None:
    from pressextract.backbone import bundled_path

    if bundled_path() is None:
        pytest.skip("bundled model models/de_pressextract not trained")
    nlp = pressextract.load(str(bundled_path()), stages=["press_people", "press_roles"])
    if "ner" not in nlp.pipe_names:
        pytest.skip("bundled model has no NER")
    # model version: models/de_pressextract as of its first NER training (PER/LOC/ORG/MISC)
    doc = nlp("Der Autor Navid Kermani liest im Literaturhaus. Die Ausstellung zeigt Werke von Yoko Ono.")
    names = [s.text for s in doc.spans["press_people"]]
    assert "Navid Kermani" in names  # not in the given-name list: the PER entity finds him
    assert "Werke" not in names and "Autor Navid Kermani" not in names


def test_person_extension_is_registered() -> None:
    assert Span.has_extension("person") and Span.has_extension("role")


@pytest.mark.parametrize(
    "publisher, jurisdiction",
    [
        ("Senatsverwaltung für Bildung, Jugend und Familie", "Berlin"),
        ("Senatskanzlei Hamburg", "Hamburg"),
        ("Bundesamt für Naturschutz", None),  # a publisher of no city state: the text names none either
    ],
)
def test_one_sentence_under_a_berlin_and_a_hamburg_publisher(nlp, publisher, jurisdiction) -> None:
    doc = _run(nlp, "Senatorin Anna Muster eröffnete die neue Schule.", meta={"publisher": publisher})
    assert [(s._.role["role_norm"], s._.role["jurisdiction"]) for s in doc.spans["press_roles"]] == [
        ("Senator", jurisdiction)
    ]


def test_a_hamburg_senator_in_a_berlin_release_is_hamburgs(nlp) -> None:
    doc = _run(
        nlp,
        "Hamburgs Innensenator Andy Probe traf Senatorin Anna Muster.",
        meta={"publisher": "Senatsverwaltung für Inneres und Sport"},
    )
    got = {s._.role["name"]: s._.role["jurisdiction"] for s in doc.spans["press_roles"]}
    assert got == {"Andy Probe": "Hamburg", "Anna Muster": "Berlin"}


def test_two_holders_of_one_title_are_two_rows(nlp) -> None:
    from pressextract.contract import OfficeRef
    from pressextract.records.build import _holders

    doc = _run(
        nlp,
        "Die Bezirksverordneten Paul Muster und Philipp Probe laden ein.",
        meta={"publisher": "Bezirksamt Treptow-Köpenick"},
    )
    rows = [r for s in doc.spans["press_roles"] for r in _holders(s._.role)]
    assert sorted((r["name"], r["jurisdiction"]) for r in rows) == [
        ("Paul Muster", "Treptow-Köpenick"),
        ("Philipp Probe", "Treptow-Köpenick"),
    ]
    assert sorted(o.name for o in OfficeRef.from_doc(doc)) == ["Paul Muster", "Philipp Probe"]


def test_a_contact_block_gives_the_publishers_spokesperson(nlp) -> None:
    text = "Titel\n\nDer Bezirk lädt ein.\n\nPressekontakt: Sara Muster\nPressesprecherin\nTelefon: 030 1234"
    doc = _run(nlp, text, meta={"publisher": "Bezirksamt Mitte"})
    r = [s._.role for s in doc.spans["press_roles"]]
    assert [(x["name"], x["role_norm"], x["organization"], x["jurisdiction"], x["level"]) for x in r] == [
        ("Sara Muster", "Pressesprecher", "Bezirksamt Mitte", "Mitte", "kommune")
    ]


@pytest.mark.parametrize(
    "publisher, expected",
    [
        ("Bundesministerium für Bildung und Forschung", ("Bund", "bund")),
        ("Ministerium für Landwirtschaft, Umwelt und Klimaschutz Brandenburg", ("Brandenburg", "land")),
        ("Senatsverwaltung für Finanzen", ("Berlin", "land")),
        ("Senatskanzlei Hamburg", ("Hamburg", "land")),
        # an association "in Bayern" does not say whose Staatssekretärin it names: the Bund has them too
        ("BUND Naturschutz in Bayern", (None, None)),
        (None, (None, None)),
    ],
)
def test_a_bare_staatssekretaerin_is_of_a_public_publisher_only(nlp, publisher, expected) -> None:
    doc = _run(nlp, "Staatssekretärin Anna Muster eröffnete die Tagung.", meta={"publisher": publisher})
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [expected]


@pytest.mark.parametrize(
    "publisher, expected",
    [
        ("Polizeipräsidium Mittelfranken", ("Mittelfranken", "land")),
        ("Polizei Berlin", ("Berlin", "land")),
        ("Gewerkschaft der Polizei", (None, "land")),  # a union names no police region
        (None, (None, "land")),
    ],
)
def test_a_police_president_is_of_the_publishing_headquarters_region(nlp, publisher, expected) -> None:
    doc = _run(nlp, "Polizeipräsident Thomas Muster zog Bilanz.", meta={"publisher": publisher})
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [expected]


@pytest.mark.parametrize(
    "text, publisher, jurisdiction",
    [
        (
            "Der Senat tagt in Reinickendorf.\n\nBezirksbürgermeisterin Emine Muster begrüßt die Gäste.",
            "Der Regierende Bürgermeister Senatskanzlei",
            "Reinickendorf",
        ),
        # the same sentence from Hamburg: Berlin's districts are no jurisdiction there
        (
            "Der Senat tagt in Reinickendorf.\n\nBezirksbürgermeisterin Emine Muster begrüßt die Gäste.",
            "Senatskanzlei Hamburg",
            None,
        ),
        # two districts named: which one is open
        (
            "Der Senat tagt in Reinickendorf und Spandau.\n\nBezirksbürgermeisterin Emine Muster begrüßt die Gäste.",
            "Der Regierende Bürgermeister Senatskanzlei",
            None,
        ),
        # "Mitte" as a word is no district
        (
            "Mitte Juli tagt der Senat.\n\nBezirksbürgermeisterin Emine Muster begrüßt die Gäste.",
            "Der Regierende Bürgermeister Senatskanzlei",
            None,
        ),
    ],
)
def test_a_district_office_takes_the_one_district_the_release_names(
    nlp, text, publisher, jurisdiction
) -> None:
    doc = _run(nlp, text, meta={"publisher": publisher})
    assert [s._.role["jurisdiction"] for s in doc.spans["press_roles"]] == [jurisdiction]


@pytest.mark.parametrize(
    "text, publisher, organization",
    [
        (
            "Unser Vorsitzender Tobias Muster sprach mit den Gästen.",
            "Deutscher Beispieljugendring",
            "Deutscher Beispieljugendring",
        ),
        (
            "„Das freut uns“, sagt unser Projektleiter Toni Probe.",
            "Landesbund für Beispielschutz",
            "Landesbund für Beispielschutz",
        ),
        # a guest speaker is no office of the publisher
        ("Unser Referent Dr. Robert Muster führt durch den Garten.", "Beispielverein e. V.", None),
        # without "unser" the text does not say whose office it is
        ("Der Vorsitzende Tobias Muster sprach mit den Gästen.", "Deutscher Beispieljugendring", None),
        # a public publisher's "unser" office is its own, but no organisation is filled from it here
        ("Unser Vorsitzender Tobias Muster sprach.", "Bezirksamt Mitte", None),
    ],
)
def test_our_office_is_the_publishers(nlp, text, publisher, organization) -> None:
    doc = _run(nlp, text, meta={"publisher": publisher})
    assert [s._.role["organization"] for s in doc.spans["press_roles"]] == [organization]


@pytest.mark.parametrize(
    "publisher, expected",
    [
        # the council's city from the publisher's adjective where the text names it; else unnamed
        ("CDU-Fraktion im Beispieler Stadtrat", (None, "kommune")),
        ("CDU-Fraktion im Musterstädter Stadtrat", (None, "kommune")),
        ("SPD-Fraktion im Landtag Brandenburg", ("Brandenburg", "land")),
        ("FDP-Fraktion im Deutschen Bundestag", ("Bund", "bund")),
    ],
)
def test_a_council_groups_chair_is_of_the_publishers_parliament(nlp, publisher, expected) -> None:
    doc = _run(nlp, "„Gut so“, sagte der Fraktionsvorsitzende Michael Muster.", meta={"publisher": publisher})
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [expected]


def test_a_council_groups_city_named_in_the_text(nlp) -> None:
    doc = _run(
        nlp,
        "In Beispielhausen sagte der Fraktionsvorsitzende Michael Muster: „Gut so.“",
        meta={"publisher": "CDU-Fraktion im Beispielhausener Stadtrat"},
    )
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [
        ("Beispielhausen", "kommune")
    ]


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a markdown asterisk one letter before the name's end: the letter is the name's
        ("Zum Empfang der *Senatorin Dana Kalaybe*i kamen viele.", {"Dana Kalaybei"}, set()),
        # a gender star of a noun stays out
        ("Senatorin Anna Muster und alle Bürger*innen feiern.", {"Anna Muster"}, set()),
        # a family name glued to the next word: another mention of the release shows the name
        (
            "Polizeipräsident Thomas Probe begrüßte die Gäste. Am Ende zog Thomas Probefolgendes Fazit.",
            {"Thomas Probe"},
            {"Thomas Probefolgende", "Thomas Probefolgendes"},
        ),
        # the characters of a blurb are no people; the author outside it is
        (
            (
                "Der Autor Jonas Muster liest aus seinem Roman.\n"
                "Zum Inhalt: Tim Beispielmann sucht mit seinem Hund die verlorene Schwester.\n"
                "Jonas Muster lebt in Berlin."
            ),
            {"Jonas Muster"},
            {"Tim Beispielmann"},
        ),
        # a name the release also gives outside the blurb stays
        (
            "Zum Inhalt: Karla Probe erzählt von ihrer Kindheit.\nKarla Probe ist Lehrerin in Neukölln.",
            {"Karla Probe"},
            set(),
        ),
    ],
)
def test_names_cut_glued_or_invented(nlp, text, present, absent) -> None:
    doc = _run(nlp, text)
    names = {s._.person["name"] for s in doc.spans["press_people"]}
    assert present <= names
    assert not absent & names


def test_the_office_as_written_starts_at_its_own_offsets(nlp) -> None:
    # "(SPD),Jugendstadträtin" is one token of the blank tokenizer: the role keeps its own offsets
    doc = _run(nlp, "Es sprechen Tom Muster (SPD),Jugendstadträtin Anna Probe (SPD) und andere.")
    roles = [s._.role for s in doc.spans["press_roles"]]
    got = [doc.text[r["char_start"] : r["char_end"]] for r in roles if r["name"] == "Anna Probe"]
    assert got == ["Jugendstadträtin"]
    assert [
        s.text for s in doc.spans["press_roles"] if s._.role["name"] == "Anna Probe"
    ] != got  # the span, a whole token, runs past it


@pytest.mark.parametrize(
    "text, jurisdiction",
    [
        # a town adjective before the title, the town named in the text
        (
            "Das Fest in Beispielhausen war gut besucht. Der frühere Beispielhausener Bürgermeister Tom Muster sprach.",
            "Beispielhausen",
        ),
        # the one municipality the release names
        (
            "An Herrn Bürgermeister Tom Muster\nAntrag der Liste an den Rat der Gemeinde Probedorf",
            "Probedorf",
        ),
        # two municipalities, or an adjective the text names as no town: no guess
        (
            "Bürgermeister Tom Muster lud ein. Gäste kamen aus der Gemeinde Probedorf und der Stadt Beispielstadt.",
            None,
        ),
        ("Der Beispieler Bürgermeister Tom Muster sprach.", None),
    ],
)
def test_a_mayors_town_from_the_text(nlp, text, jurisdiction) -> None:
    doc = _run(nlp, text, meta={"publisher": "Beispielverein e.V."})
    roles = [s._.role for s in doc.spans["press_roles"] if s._.role["name"] == "Tom Muster"]
    assert [(r["jurisdiction"], r["level"]) for r in roles] == [(jurisdiction, "kommune")]


def test_doc_text_is_built_once_and_only_for_its_doc() -> None:
    from pressextract.contract import doc_text

    doc = spacy.blank("de")("Bezirksstadträtin Anna Muster (SPD) sagte:\n\n„Gut so.“ ")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # kept with the Doc
    part = doc[:3].as_doc(copy_user_data=True)  # copies the whole Doc's user_data
    assert doc_text(part) == part.text == "Bezirksstadträtin Anna Muster "
    assert doc_text(spacy.blank("de")("")) == ""
    from pressextract.contract import Refs

    assert Refs.from_doc(doc, "text").text is doc_text(doc)
    assert Refs.from_doc(doc, "blocks").text is None


_UNIT_TEXT = (
    "Das Bundesamt für Beispielsicherheit (BBS) startet mit der Beispiel AG ein Projekt. „Wir brauchen Partner“, "
    "sagt Dr. Silke Muster, Leiterin der Abteilung Cyber-Sicherheit in der Digitalisierung und für Identitäten "
    "{where}. Es handele sich um neue Technologie."
)


@pytest.mark.parametrize(
    "where, publisher, expected",
    [
        ("beim BBS", "Bundesamt für Beispielsicherheit", ("Bund", "bund")),
        ("", "Bundesamt für Beispielsicherheit", ("Bund", "bund")),
        # another body after the unit: not the federal authority's
        ("bei der Beispiel AG", "Bundesamt für Beispielsicherheit", (None, "other")),
        # the same sentence from an association: its unit, no public office
        ("", "Deutscher Beispielverband", (None, "other")),
    ],
)
def test_a_unit_of_a_federal_publisher_is_the_bunds(nlp, where, publisher, expected) -> None:
    doc = _run(nlp, _UNIT_TEXT.format(where=where), meta={"publisher": publisher})
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            (
                "Die Anhörung vor dem Europäischen Parlament zeigt Mängel, schlussfolgert Patrick Muster (PIRATEN), "
                "der Berichterstatter des Ausschusses für bürgerliche Freiheiten."
            ),
            ("EU", "eu"),
        ),
        (
            (
                "Die Anhörung im Bundestag zeigt Mängel, schlussfolgert Patrick Muster, der Berichterstatter des "
                "Ausschusses für Digitales."
            ),
            ("Bund", "bund"),
        ),
        # two parliaments named: which one is open
        (
            (
                "Bundestag und Europäisches Parlament beraten. Das sagt Patrick Muster, der Berichterstatter des "
                "Ausschusses für Digitales."
            ),
            (None, "other"),
        ),
    ],
)
def test_a_committees_office_is_of_the_one_parliament_named(nlp, text, expected) -> None:
    doc = _run(nlp, text, meta={"publisher": "Piratenpartei Beispielland"})
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [expected]


@pytest.mark.parametrize(
    "first_line, expected",
    [
        (
            (
                "Gemeinsame Pressemitteilung: Ministerium für Infrastruktur und Landesplanung des Landes Brandenburg "
                "und Senatsverwaltung für Umwelt."
            ),
            ("Brandenburg", "land"),
        ),
        (
            "Gemeinsame Pressemitteilung des Bundesministeriums für Infrastruktur und Landesplanung.",
            ("Bund", "bund"),
        ),
        # a ministry of another remit says nothing about this minister
        (
            "Gemeinsame Pressemitteilung: Ministerium für Bildung des Landes Brandenburg und Senatsverwaltung.",
            (None, None),
        ),
    ],
)
def test_a_minister_takes_the_place_of_the_ministry_of_the_same_remit(nlp, first_line, expected) -> None:
    text = f"{first_line}\n\nGuido Muster, Minister für Infrastruktur und Landesplanung:\n„Wichtig ist der Anfang.“"
    # a Berlin publisher: a city state has no Minister, so the publisher gives no place
    doc = _run(nlp, text, meta={"publisher": "Senatsverwaltung für Mobilität"})
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "„Wir suchen Zeugen“, sagt Anna Muster, Sprecherin des Polizeipräsidiums Mittelfranken.",
            ("Mittelfranken", "land"),
        ),
        (
            "„Wir suchen Zeugen“, sagt Anna Muster, Leiterin der Kriminalpolizei Nürnberg.",
            ("Nürnberg", "land"),
        ),
        # a sports club of police officers is no police body
        (
            "„Wir feiern das Jubiläum“, sagt Anna Muster, Vorsitzende des Polizeisportvereins Beispielstadt.",
            (None, "other"),
        ),
    ],
)
def test_offices_of_police_bodies_are_the_lands(nlp, text, expected) -> None:
    doc = _run(nlp, text, meta={"publisher": "Beispielverband"})
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [expected]


@pytest.mark.parametrize(
    "text, publisher, expected",
    [
        # a bare "Bürgermeisterin" in a district office's release is the district's mayor …
        (
            "Im Namen des Bezirkes gratuliert Bürgermeisterin Emine Muster zu diesem Triumph.",
            "Bezirksamt Reinickendorf",
            ("Reinickendorf", "kommune"),
        ),
        # … in Berlin: the same sentence from a Hamburg district office names no place
        (
            "Im Namen des Bezirkes gratuliert Bürgermeisterin Emine Muster zu diesem Triumph.",
            "Bezirksamt Altona",
            (None, "kommune"),
        ),
        # a partner town's mayor is not the district's: the town named after the name
        (
            "Bürgermeister Tom Muster aus der Partnerstadt Kiryat Beispiel besucht den Bezirk.",
            "Bezirksamt Steglitz-Zehlendorf",
            ("Kiryat Beispiel", "kommune"),
        ),
        (
            "Bürgermeister Tom Muster aus unserer Partnerstadt besucht den Bezirk.",
            "Bezirksamt Steglitz-Zehlendorf",
            (None, "kommune"),
        ),
        # a town's genitive before the title that the text names as a town: that town
        (
            "Zur Städtepartnerschaft mit Karmiel ist diese Woche Karmiels Bürgermeister Moshe Muster zu Gast.",
            "Bezirksamt Charlottenburg-Wilmersdorf",
            ("Karmiel", "kommune"),
        ),
        # a county's head takes the one county the release names
        (
            "Landrätin Bettina Muster ist für die Feier eigens aus dem Kreis Bad Beispielbach angereist.",
            "Bezirksamt Tempelhof-Schöneberg",
            ("Bad Beispielbach", "kommune"),
        ),
    ],
)
def test_mayors_in_a_district_offices_release(nlp, text, publisher, expected) -> None:
    doc = _run(nlp, text, meta={"publisher": publisher})
    assert [(s._.role["jurisdiction"], s._.role["level"]) for s in doc.spans["press_roles"]] == [expected]


def test_another_bezirksbuergermeister_makes_the_bare_mayor_someone_elses(nlp) -> None:
    text = "Bezirksbürgermeister Frank Muster und Bürgermeister Heiko Probe laden zur Filmpremiere ein."
    doc = _run(nlp, text, meta={"publisher": "Bezirksamt Spandau"})
    got = {s._.role["name"]: s._.role["jurisdiction"] for s in doc.spans["press_roles"]}
    assert got == {"Frank Muster": "Spandau", "Heiko Probe": None}


def test_a_party_and_its_group_are_one_office(nlp) -> None:
    text = (
        "Er stellte es mit dem stellvertretenden Fraktionsvorsitzender der SPD-Bundestagsfraktion Dirk Muster vor."
        "\n\n„Das ist unverhältnismäßig“, machte der stellvertretende SPD-Fraktionsvorsitzende Dirk Muster deutlich."
    )
    doc = _run(nlp, text, meta={"publisher": "FDP-Fraktion im Deutschen Bundestag"})
    rows = [
        (s._.role["role_norm"], s._.role["organization"], s._.role["level"]) for s in doc.spans["press_roles"]
    ]
    assert rows == [("Stellvertretender Fraktionsvorsitzender", "SPD-Bundestagsfraktion", "bund")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the district's own deputy: the holder of a district office
        (
            "Bezirksstadtrat und stellvertretender Bürgermeister Michael Muster spricht über die Partnerstadt.",
            [
                ("Michael Muster", "Bezirksstadtrat", "Spandau"),
                ("Michael Muster", "Stellvertretender Bürgermeister", "Spandau"),
            ],
        ),
        # the district's Bezirksbürgermeisterin under another spelling is no other person
        (
            (
                "Bezirksbürgermeisterin Emine Muster-Probe lädt ein.\n\n„Willkommen“, sagt Bürgermeisterin Emine "
                "Muster-Probbe."
            ),
            [
                ("Emine Muster-Probe", "Bezirksbürgermeister", "Spandau"),
                ("Emine Muster-Probbe", "Bürgermeister", "Spandau"),
            ],
        ),
        # the Regierende Bürgermeister thanked in a quote: the speaker is the district's mayor
        (
            (
                "„Vielen Dank an den Regierenden Bürgermeister und die Senatsinnenverwaltung“, sagt Bürgermeisterin "
                "Monika Muster."
            ),
            [("Monika Muster", "Bürgermeister", "Spandau")],
        ),
        # beside the Regierende Bürgermeister a Bürgermeisterin is a Senate member
        (
            (
                "Der Regierende Bürgermeister Michael Muster, Bürgermeisterin Ramona Probe und Senator Klaus Beispiel "
                "haben das Haus gerettet."
            ),
            [
                ("Michael Muster", "Regierender Bürgermeister", "Berlin"),
                ("Ramona Probe", "Bürgermeister", "Berlin"),
                ("Klaus Beispiel", "Senator", "Berlin"),
            ],
        ),
    ],
)
def test_whose_bare_buergermeister_a_district_release_names(nlp, text, expected) -> None:
    doc = _run(nlp, text, meta={"publisher": "Bezirksamt Spandau"})
    got = [
        (s._.role["name"], s._.role["role_norm"], s._.role["jurisdiction"]) for s in doc.spans["press_roles"]
    ]
    assert got == expected


def test_merged_mentions_stay_office_mentions_and_a_relative_clause_is_none(nlp) -> None:
    from pressextract.contract import OfficeRef

    text = (
        "Er stellte es mit dem stellvertretenden Fraktionsvorsitzender der SPD-Bundestagsfraktion Dirk Muster vor."
        "\n\n„Das ist unverhältnismäßig“, machte der stellvertretende SPD-Fraktionsvorsitzende Dirk Muster deutlich."
    )
    doc = _run(nlp, text, meta={"publisher": "FDP-Fraktion im Deutschen Bundestag"})
    refs = OfficeRef.from_doc(doc)
    assert len(doc.spans["press_roles"]) == 1  # one row …
    assert [text[r.start : r.end] for r in refs] == [  # … two office mentions
        "stellvertretenden Fraktionsvorsitzender der SPD-Bundestagsfraktion",
        "SPD-Fraktionsvorsitzende",
    ]
    doc = _run(nlp, "„Wir forschen“, sagt Dr. Georg Muster, der das Beispiel Lab Saarbrücken leitet.")
    assert [s._.role["role_norm"] for s in doc.spans["press_roles"]] == ["Leiter"]
    assert OfficeRef.from_doc(doc) == []
