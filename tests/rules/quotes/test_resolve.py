"""Speaker resolution (names, offices, pronouns of the same release) and lexicon validation of the quote rules."""

from __future__ import annotations

import re
import shutil

import pytest

from pressextract.records.ids import person_id
from pressextract.rules.quotes import (
    LEXICON_DIR,
    LexiconError,
    Mention,
    load_lexicon,
    resolve_speaker,
)


def quotes(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"]]


# --- speaker resolution ---------------------------------------------------------------------------

WIDMANN = Mention(20, 41, "p-wm", "f", "Widmann-Mauz", "Annette Widmann-Mauz")
GRUETTNER = Mention(60, 75, "p-gr", "m", "Grüttner", "Stefan Grüttner")
ROLE_WM = Mention(0, 19, "p-wm", role="Staatsministerin", role_norm="Staatsminister")
ROLE_GR = Mention(77, 90, "p-gr", role="Minister", role_norm="Minister")


@pytest.mark.parametrize(
    "speaker, start, expected",
    [
        ("Die Staatsministerin", 200, "p-wm"),  # office held by one person in the release
        ("Der Minister", 200, "p-gr"),
        ("sie", 200, "p-wm"),  # last compatible person before the quote
        ("er", 200, "p-gr"),
        ("Ministerin Widmann-Mauz", 200, "p-wm"),  # family name
        ("Staatssekretär Max Mustermann", 200, person_id("Max Mustermann")),  # full name nobody found
        ("Der Senator", 200, None),  # an office nobody in the release holds
        ("Prof. Dr. Hacı-Halil Uslucan", 200, person_id("Hacı-Halil Uslucan")),
    ],
)
def test_resolve_speaker(speaker, start, expected):
    got = resolve_speaker(speaker, start, people=[WIDMANN, GRUETTNER], roles=[ROLE_WM, ROLE_GR])
    assert got == expected


def test_office_repeated_from_an_earlier_speaker_mention():
    prev = [(0, person_id("Annette Widmann-Mauz"), "f", "Staatsministerin Annette Widmann-Mauz")]
    assert resolve_speaker("Die Staatsministerin", 500, people=[], roles=[], previous=prev) == prev[0][1]


def test_stage_reads_people_spans_for_pronouns(nlp):
    from spacy.tokens import Span

    text = "Senatorin Kalayci eröffnete die Klinik. „Wir handeln“, sagte sie."
    doc = nlp.make_doc(text)
    span = Span(doc, 1, 2)
    span._.person = {"person_id": "p-k", "name": "Kalayci", "family_name": "Kalayci", "gender": "f"}
    doc.spans["press_people"] = [span]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    q = doc.spans["press_quotes"][0]._.quote
    assert (q["speaker"], q["person_id"]) == ("sie", "p-k")


# --- an office re-mentioned by the last part of its compound ----------------------------------------

BEZIRK = Mention(0, 22, "p-dw", role="Bezirksbürgermeisterin", role_norm="Bezirksbürgermeister")
VIZE = Mention(120, 138, "p-vz", role="Vizepräsidentin", role_norm="Vizepräsident")
PRAES = Mention(40, 52, "p-pr", role="Präsidentin", role_norm="Präsident")
STADTRAT = Mention(0, 14, "p-sr", role="Bezirksstadtrat", role_norm="Bezirksstadtrat")


@pytest.mark.parametrize(
    "speaker, roles, expected",
    [
        # should: the short form of the compound names the same office
        ("Die Bürgermeisterin", [BEZIRK], "p-dw"),
        ("der Stadtrat", [STADTRAT], "p-sr"),
        ("Die Präsidentin", [PRAES, VIZE], "p-pr"),  # the office as such before the later compound
        # shouldn't: another office, or a part too short to name one
        ("Die Präsidentin", [VIZE], None),  # the vice president is not "die Präsidentin"
        ("Die Rätin", [STADTRAT], None),
        ("Der Bürgermeister", [STADTRAT], None),
    ],
)
def test_office_by_the_last_part_of_its_compound(speaker, roles, expected):
    assert resolve_speaker(speaker, 300, people=[], roles=roles) == expected


# --- a pronoun that stands for an organization (needs the parse) ------------------------------------

ORG_PRONOUNS = [
    # (text, pronoun, organization it stands for or None)
    (
        (
            "Die Verbraucherschutzorganisation hat die Preise von 40 Tankstellen verglichen. Darin fordert "
            "sie, dass die Preise klarer ausgewiesen werden."
        ),
        "sie",
        "Die Verbraucherschutzorganisation",
    ),
    (
        "Die Polizei sperrte die Kreuzung am Morgen. Sie bittet um Hinweise, wer den Unfall gesehen hat.",
        "Sie",
        "Die Polizei",
    ),
    # shouldn't: a person named in between or a person noun that agrees is the likelier antecedent
    ("Senatorin Anna Berger besuchte die Polizei in Spandau. Sie sagte, dass alles gut laufe.", "Sie", None),
    ("Die Polizei nahm die Frau am Bahnhof fest. Sie sagte, sie sei unschuldig.", "Sie", None),
    ("Die Polizei kontrollierte die 45-Jährige am Abend. Sie sagte, sie habe nichts getrunken.", "Sie", None),
    # shouldn't: a bare name shows no gender, whatever the NER calls it
    ("Thorwirth hakte über 1500 Meter nach. Er sagte, er habe nicht damit gerechnet.", "Er", None),
    # shouldn't: the gender does not agree ("er" is not "die Polizei")
    ("Die Polizei nahm den Mann am Bahnhof fest. Er sagte, er sei unschuldig.", "Er", None),
]


@pytest.mark.parametrize("text, pronoun, org", ORG_PRONOUNS)
def test_pronoun_organization(full, text, pronoun, org):
    from pressextract.rules.quotes.speakers import pronoun_organization

    doc = full(text)
    start = re.search(rf"(?<=[ .]){pronoun}\b", text[5:]).start() + 5
    got = pronoun_organization(doc, start, start + len(pronoun))
    assert (got[2] if got else None) == org


def test_stage_writes_the_organization_of_a_pronoun_speaker(full):
    text = (
        "Die Polizei sperrte die Kreuzung am Morgen. Sie teilte mit: „Wir bitten alle Zeugen, sich bei uns "
        "zu melden.“"
    )
    doc = full(text)
    q = doc.spans["press_quotes"][0]._.quote
    assert (q["speaker"], q["speaker_org"], q["person_id"]) == ("Sie", "Die Polizei", None)


# --- lexicon validation -----------------------------------------------------------------------------


def test_lexicons_load():
    lex = load_lexicon()
    assert lex.verbs_by_form["unterstrich"][0].lemma == "unterstreichen"
    assert lex.verbs_by_form["bilanzierte"][0].lemma == "bilanzieren"
    assert "titel" in lex.context_words and "sei" in lex.subjunctive_i


def test_bad_lexicon_line_names_file_and_line(tmp_path):
    for f in LEXICON_DIR.glob("*"):
        shutil.copy(f, tmp_path / f.name)
    path = tmp_path / "speech_verbs.tsv"
    path.write_text(
        path.read_text(encoding="utf-8") + "sv.kaputt\tkaputt\tkaputt\t\teverywhere\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"speech_verbs.tsv:\d+: scope"):
        load_lexicon(tmp_path)


def test_attempt_tables_name_declared_rules():
    from pressextract.resources.loader import read_rule_ids
    from pressextract.rules.quotes.direct import DIRECT_ATTEMPTS
    from pressextract.rules.quotes.indirect import INDIRECT_ATTEMPTS

    declared = read_rule_ids("quotes")
    named = {rid for ids, _ in (*DIRECT_ATTEMPTS, *INDIRECT_ATTEMPTS) for rid in ids}
    assert named <= declared
    assert len(DIRECT_ATTEMPTS) == 14 and [ids for ids, _ in DIRECT_ATTEMPTS].count(()) == 1  # the title stop


# --- a person speaks for the organization in their apposition -----------------------------------------

SPOKESPEOPLE = [
    # should: the organization stands in the apposition of the person named right before it
    (
        (
            "„Die Messe ist eine große Chance“, sagt Dr. Jana Wendland, Geschäftsführende Vorständin der "
            "Stiftung Junge Technik e. V. „Wir freuen uns, dass unsere Preisträger dabei sind.“"
        ),
        "Jana Wendland",
    ),
    (
        (
            "„Wir sperren die Straße bis zum Abend“, sagte Anna Muster, Sprecherin der Polizei Berlin. „Wir "
            "bitten alle Zeugen um Hinweise.“"
        ),
        "Anna Muster",
    ),
    # shouldn't: the organization speaks for itself
    ("Die Polizei Berlin teilte am Montag mit: „Wir bitten alle Zeugen um Hinweise.“", "Die Polizei Berlin"),
]


@pytest.mark.parametrize("text, speaker", SPOKESPEOPLE)
def test_the_person_speaks_for_the_organization_in_their_apposition(full, text, speaker):
    doc = full(text)
    last = doc.spans["press_quotes"][-1]._.quote
    assert speaker in last["speaker"]
    assert (last["speaker_org"] is None) == (speaker != "Die Polizei Berlin")


@pytest.mark.parametrize(
    "text, org, person",
    [
        # should: "Name, Office der/des/bei der ORG"
        (
            "sagt Dr. Jana Wendland, Vorständin der Stiftung Junge Technik e. V.",
            "Stiftung Junge Technik",
            "Jana Wendland",
        ),
        ("sagte Anna Muster, Sprecherin der Polizei Berlin.", "Polizei Berlin", "Anna Muster"),
        ("so Jörg Blank (Grüne), Fraktionschef im Bezirksamt Mitte.", "Bezirksamt Mitte", "Jörg Blank"),
        # shouldn't: a sentence or a verb between the person and the organization
        ("sagte Anna Muster. Die Polizei Berlin", "Polizei Berlin", None),
        ("sagte Anna Muster, als sie die Polizei Berlin", "Polizei Berlin", None),
        ("Anna Muster und die Polizei Berlin", "Polizei Berlin", None),
    ],
)
def test_spokesperson(blank, text, org, person):
    from pressextract.rules.quotes.speakers import spokesperson

    doc = blank(text)
    a = text.index(org)
    name = person or "Anna Muster"
    people = [(text.index(name), text.index(name) + len(name))]
    got = spokesperson(doc, a, a + len(org), people=people)
    assert (text[got[0] : got[1]] if got else None) == person


# --- a pronoun continues the subject of the sentence that names its antecedent -----------------------

KOECK = Mention(60, 71, "p-koeck", None, "Köck", "Tobias Köck", sentence=1, subject=True)
STEINMEIER = Mention(100, 123, "p-stm", None, "Steinmeier", "Frank-Walter Steinmeier", sentence=1)
BERG_F = Mention(0, 9, "p-berg", None, "Berg", "Anna Berg", sentence=0, subject=True)
KLEIN_M = Mention(30, 40, "p-klein", "m", "Klein", "Paul Klein", sentence=0)
LANG_F = Mention(0, 10, "p-lang", "f", "Lang", "Petra Lang", sentence=0, subject=True)
WEBER = Mention(20, 30, "p-weber", None, "Weber", "Karl Weber", sentence=0)
SUBJECT_PRONOUNS = [
    # "Tobias Köck machte im Gespräch mit Frank-Walter Steinmeier klar, … Er bat darum, …": the subject
    ("Er", 160, [KOECK, STEINMEIER], "p-koeck"),
    # the nearer name is the subject itself: it stays
    (
        "Er",
        160,
        [STEINMEIER, Mention(130, 141, "p-koeck", None, "Köck", "Tobias Köck", sentence=1, subject=True)],
        "p-koeck",
    ),
    # "Anna Berg traf Bürgermeister Paul Klein. „…“, sagte er.": a subject of unknown gender does not
    # outrank a nearer man
    ("er", 60, [BERG_F, KLEIN_M], "p-klein"),
    # "Ministerin Petra Lang lobte Karl Weber. „…“, sagte er.": the subject is a woman
    ("er", 60, [LANG_F, WEBER], "p-weber"),
    # without a parse (no sentence) the nearest person of the pronoun's gender, as before
    (
        "Er",
        160,
        [
            Mention(60, 71, "p-koeck", None, "Köck", "Tobias Köck", subject=True),
            Mention(100, 123, "p-stm", None, "Steinmeier", "Frank-Walter Steinmeier"),
        ],
        "p-stm",
    ),
]


@pytest.mark.parametrize("speaker, start, people, expected", SUBJECT_PRONOUNS)
def test_pronoun_prefers_the_sentence_subject(speaker, start, people, expected):
    assert resolve_speaker(speaker, start, people=people, roles=[]) == expected


def test_stage_resolves_a_pronoun_to_the_subject_not_the_object(full):
    text = (
        "Der Bundespräsident würdigte das Engagement der Jugendverbände. Tobias Köck machte im Gespräch "
        "mit Frank-Walter Steinmeier klar, dass Beteiligung wichtig ist. „Wir wollen mitreden“, sagte er."
    )
    found = quotes(full, text)
    assert found and found[-1][1]["speaker"] == "er"
    assert found[-1][1]["person_id"] == person_id("Tobias Köck")
