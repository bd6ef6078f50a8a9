"""Gender from person nouns next to a name, on plain text (no model): should and shouldn't."""

import re

import pytest

from pressextract.api import extract
from pressextract.rules.common import tokenize
from pressextract.rules.people.document import with_age_noun_genders
from pressextract.rules.people.gender import mention_gender, noun_gender
from pressextract.rules.people.names import PersonMatch


def gender_of(text: str, name: str) -> str | None:
    toks = tokenize(text)
    start = text.index(name)
    a = next(i for i, t in enumerate(toks) if t.start == start)
    b = next(i for i, t in enumerate(toks) if t.end == start + len(name)) + 1
    return mention_gender(toks, a, b)


@pytest.mark.parametrize(
    "text, name, gender",
    [
        # a person noun before the name
        ("Die Bildhauerin Greta Lindqvist stellt aus.", "Greta Lindqvist", "f"),
        ("Der Kinderbuchautor Jannis Oberholz liest vor.", "Jannis Oberholz", "m"),
        ("Unser Referent Dr. Till Wernicke spricht.", "Till Wernicke", "m"),
        ("Es spricht die stellvertretende Landesvorsitzende Mira Kolbe.", "Mira Kolbe", "f"),
        ("Mit der Fraktionsvorsitzenden Ute Brandl sprach er.", "Ute Brandl", "f"),
        ("Es spricht der Fraktionsvorsitzende Ole Brandl.", "Ole Brandl", "m"),
        ("Die Integrationsbeauftragte, Nora Seidl, fordert mehr.", "Nora Seidl", "f"),
        ("Sie wohnt bei ihrer Tochter Lea Hoff.", "Lea Hoff", "f"),
        # a person noun after the name
        ("Kontakt: Jana Rösler Pressesprecherin Telefon 030 123", "Jana Rösler", "f"),
        ("Malte Ruhnke, Geschäftsführer der Stadtwerke, erklärt:", "Malte Ruhnke", "m"),
        ("Edith Brammer, die bekannte Fotografin, zeigt Bilder.", "Edith Brammer", "f"),
        ("Ina Vogt, Frankreichs Botschafterin, kam auch.", "Ina Vogt", "f"),
        ("Bei Pia Thal (Kräuterpädagogin) lernen Kinder.", "Pia Thal", "f"),
        ("„Wir streiken“, erklärt Lina Roth (23), Sprecherin der Gruppe.", "Lina Roth", "f"),
        ("Es kommen Kulturstaatsministerin a.D. Lea Horn und andere.", "Lea Horn", "f"),
        ("Ein Abbild des Sängers und Regisseurs Edgar Kulow steht dort.", "Edgar Kulow", "m"),
        ("Es spricht der Autor und Journalist, Dr. Peer Sporn, über Gene.", "Peer Sporn", "m"),
        ("Künstlerische Leiterin: Rena Brodde", "Rena Brodde", "f"),
        ("Die Jury: Selma Asar (Bildende Künstlerin und Gründerin des Raums).", "Selma Asar", "f"),
        ("Der Bezirksbürgermeister von Mitte Stefan Dassow und andere", "Stefan Dassow", "m"),
        ("Das will die Premierministerin von Barbados, Mia Motte, nutzen.", "Mia Motte", "f"),
        # nothing that binds a gender
        ("Bilder von Anna Bell und Fotos von Tom Roth", "Tom Roth", None),
        ("Die Autoren Tim Roth und Ina Bauer lesen.", "Tim Roth", None),
        ("Es kommen Lea Horn, der Antisemitismusbeauftragte Dr. Jan Wolf und andere.", "Lea Horn", None),
        ("Anna Keller besuchte die Senatorin.", "Anna Keller", None),
        ("Tom Weber, Lisa Meier, Senatorin Emma Brandt und andere kamen.", "Lisa Meier", None),
        ("Ansprechpartner Kim Sommer Telefon 030 123", "Kim Sommer", None),
        ("Im Oktober Kim Sommer zu Gast.", "Kim Sommer", None),
        ("Die Vorsitzenden Kim Sommer und Alex Roth", "Kim Sommer", None),
        ("Terminankündigung Kim Sommer", "Kim Sommer", None),
    ],
)
def test_gender_from_person_nouns(text, name, gender):
    assert gender_of(text, name) == gender


@pytest.mark.parametrize(
    "word, gender",
    [
        ("Stadträtin", "f"),
        ("Landschaftsarchitekt", "m"),
        ("Ärztin", "f"),
        ("Termin", None),
        ("Berlin", None),
        ("Autorinnen", None),
        ("Christin", None),
        ("Medizin", None),
    ],
)
def test_person_nouns(word, gender):
    assert noun_gender(tokenize(word), 0) == gender


def test_an_office_between_two_names_goes_with_the_first():
    text = "Kathrin Bernat, Vorsteherin der BVV Wolf Brauner, Vereinsvorsitzender, eröffnen."
    people = extract([text], model="blank").people.set_index("family_name")
    assert people.loc["Brauner", "gender"] == "m" and people.loc["Bernat", "gender"] == "f"


@pytest.mark.parametrize(
    "text, gender",
    [
        ("Kontakt\nSara Lühne\nPressesprecherin\nTelefon: 030 123", "f"),
        ("Kontakt\nSara Lühne\nStellvertretende Sprecherin der Strafgerichte", "f"),
        ("Kontakt\nSara Lühne\nMitarbeiter Pressestelle", "m"),
        ("Kontakt\nSara Lühne\nTelefon: 030 123\nPressesprecherin", None),
        ("Ansprechpartnerin\nSara Lühne\nTelefon: 030 123", "f"),
        ("Ansprechpartner\nSara Lühne\nTelefon: 030 123", None),
        ("Ansprechpartnerinnen:\nSara Lühne\nTelefon: 030 123", None),
    ],
)
def test_a_person_noun_on_the_next_line(text, gender):
    people = extract([text], model="blank").people
    got = people["gender"].iloc[0]
    assert (got if isinstance(got, str) else None) == gender


def test_most_mentions_decide_the_gender():
    # a title that belongs to the name before it is outvoted by the two that belong to her
    text = (
        "Es sprechen Tom Weber, Regierender Bürgermeister von Berlin Petra Kuhnt, Senatorin für Arbeit. "
        "Danach besucht Senatorin Petra Kuhnt das Zählbüro. Später kommt Senatorin Petra Kuhnt dazu."
    )
    people = extract([text], model="blank").people
    assert people.set_index("family_name").loc["Kuhnt", "gender"] == "f"


def _sents(text: str) -> list[tuple[int, int]]:
    """Sentence bounds of a test text: after ". " (the texts below have no abbreviations)."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?“])\s+(?=[A-ZÄÖÜ„])", text):
        out.append((start, m.start()))
        start = m.end()
    return [*out, (start, len(text))]


def _mentions(text: str, names: list[str]) -> list[PersonMatch]:
    out = []
    for name in names:
        i = text.index(name)
        out.append(PersonMatch(i, i + len(name), name, None, name.split()[0], name.split()[-1], None, "t"))
    return out


@pytest.mark.parametrize(
    "text, names, expected",
    [
        (
            "„Die Arbeit macht mir Spaß“, sagte Tarek Beispielsohn. Der 32-Jährige lernt Tischler.",
            ["Tarek Beispielsohn"],
            {"Beispielsohn": "m"},
        ),
        ("Gewonnen hat Lea Meyer aus Kiel. Die 16-Jährige sprang 1,78 Meter.", ["Lea Meyer"], {"Meyer": "f"}),
        # two people in the sentence before: the age noun could be either
        (
            "Anna Schmidt und Peter Wolf trafen sich im Rathaus. Die 45-Jährige sagte nichts.",
            ["Anna Schmidt", "Peter Wolf"],
            {"Schmidt": None, "Wolf": None},
        ),
        # the age noun two sentences later, or not opening its sentence
        (
            "Lea Meyer gewann. Das Publikum jubelte. Die 16-Jährige winkte.",
            ["Lea Meyer"],
            {"Meyer": None},
        ),
        ("Lea Meyer gewann. Danach sprach die 16-Jährige kurz.", ["Lea Meyer"], {"Meyer": None}),
    ],
)
def test_gender_from_an_age_noun_opening_the_next_sentence(text, names, expected) -> None:
    got = with_age_noun_genders(_mentions(text, names), text, _sents(text))
    assert {m.family_name: m.gender for m in got} == expected


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # "Sie"/"Er" with a third-person verb takes up the name that closes the sentence before
        (
            "Die Laudatio für Tom Beispiel hält Dr. Wiebke Musterfrau. Sie ist Vorsitzende der Stiftung.",
            ["Tom Beispiel", "Wiebke Musterfrau"],
            {"Beispiel": None, "Musterfrau": "f"},
        ),
        (
            "Neuer Trainer wird Jonas Probe. Er leitete zuletzt ein Jugendteam.",
            ["Jonas Probe"],
            {"Probe": "m"},
        ),
        # the polite "Sie" and the plural take another verb form
        ("Anmeldung bei Jonas Probe. Sie erhalten eine Bestätigung.", ["Jonas Probe"], {"Probe": None}),
        # the name does not close the sentence: the pronoun may mean a thing
        (
            "Wiebke Musterfrau eröffnet die Ausstellung. Sie ist bis Mai zu sehen.",
            ["Wiebke Musterfrau"],
            {"Musterfrau": None},
        ),
    ],
)
def test_gender_from_a_pronoun_opening_the_next_sentence(text, names, expected) -> None:
    got = with_age_noun_genders(_mentions(text, names), text, _sents(text))
    assert {m.family_name: m.gender for m in got} == expected


@pytest.mark.parametrize(
    "text, name, gender",
    [
        # a relative clause right after the name, its verb in the singular
        ("Nadja Beispiel, die 2019 den Pavillon bespielte, erhält den Preis.", "Nadja Beispiel", "f"),
        ("Zu Gast ist Tom Probe, der seit Jahren im Kiez lebt.", "Tom Probe", "m"),
        # plural verbs, a dative "der", two names: no gender
        ("Gäste wie etwa Sam Probe, die auf Englisch referierten, kamen.", "Sam Probe", None),
        ("Wir danken Kim Muster, der wir viel verdanken.", "Kim Muster", None),
        ("Es kommen Ina und Kim Muster, die seit Jahren hier leben.", "Kim Muster", None),
        # an apposition with a noun is read as such
        ("Kim Muster, die Leiterin der Schule, spricht.", "Kim Muster", "f"),
    ],
)
def test_gender_from_a_relative_pronoun(text, name, gender):
    assert gender_of(text, name) == gender


@pytest.mark.parametrize(
    "text, name, gender",
    [
        # an adjectival title with a complement before the name: its article shows the gender
        ("Der Vorsitzende des Beispielrats Martin Probe ergänzt:", "Martin Probe", "m"),
        ("Die Beauftragte des Senats für Beispiele Martina Probe kam.", "Martina Probe", "f"),
        # a plural or an oblique form shows none
        ("Die Vorsitzenden des Beispielrats Martin Probe und Anna Muster kamen.", "Martin Probe", None),
    ],
)
def test_gender_from_an_adjectival_title_before_its_complement(text, name, gender):
    from pressextract.rules.people import find_people

    got = {m.name: m.gender for m in find_people(text)}
    assert got[name] == gender
