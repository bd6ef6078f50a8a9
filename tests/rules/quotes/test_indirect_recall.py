"""Reported speech the rules used to miss (issue 18, part B): Konjunktiv-I main clauses with no speech verb
near, Konjunktiv sentences with quoted words inside, ", so X," after one word, purpose clauses that are
no report, and the ranker's prepositional candidates on a UD parse. Blank pipeline unless marked."""

from __future__ import annotations

import pytest

import pressextract
from pressextract.contract import Refs
from pressextract.rules.quotes.context import QuoteMatch
from pressextract.rules.quotes.learned import Candidate, SpeakerModel, choose_speaker, speaker_candidates


@pytest.fixture(scope="module")
def nlp_konj():
    """The blank pipeline with the opt-in setting free_konjunktiv (off by default: it costs speaker accuracy)."""
    from dataclasses import replace

    nlp = pressextract.load("blank", stages=["press_quotes"])
    pipe = nlp.get_pipe("press_quotes")
    pipe.options = replace(pipe.options, free_konjunktiv=True)
    return nlp


@pytest.fixture(scope="module")
def bundled():
    from pressextract.backbone import bundled_path

    if bundled_path() is None:
        pytest.skip("bundled model models/de_pressextract not trained")
    return pressextract.load(stages=["press_people", "press_roles", "press_quotes"])


def rows(nlp, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    return [
        (s.text, s._.quote["rule_id"].split(":")[0], s._.quote["speaker"]) for s in doc.spans["press_quotes"]
    ]


# --- a Konjunktiv-I main clause reports, even with no speech verb near -----------------------------------

FREE_KONJ = [
    (
        "Das Bezirksamt plant einen Umbau des Rathauses. Der Finanzausschuss werde am 20. Juni beraten.",
        "Der Finanzausschuss werde am 20. Juni beraten",
    ),
    (
        "Das Gericht hat die Klage abgewiesen. Ein Anspruch auf Rückzahlung bestehe nur zu einem Drittel.",
        "Ein Anspruch auf Rückzahlung bestehe nur zu einem Drittel",
    ),
    (
        "Die Beschwerde blieb ohne Erfolg.\n\nDie Prüfung durch einen Gutachter sei nicht nötig gewesen.",
        "Die Prüfung durch einen Gutachter sei nicht nötig gewesen",
    ),
]

NOT_FREE_KONJ = [
    "Die Stadt feiert ihr Jubiläum. Im Laufe des Tages gibt es Musik und Lesungen.",  # "Laufe": a noun
    "Der Verein lädt ein. Für wichtig halte ich vor allem die Arbeit mit Kindern.",  # own words
    "Du hast Lust mitzumachen? Melde dich an und werde Teil des Filmprojekts.",  # imperative to the reader
    "Die Ausstellung ist bis Mai geöffnet. Der Eintritt ist frei.",  # indicative narrative
    "Die Bücherei hat neue Öffnungszeiten. Man sollte sich vorher anmelden.",  # advice, Konjunktiv II
]


@pytest.mark.parametrize("text, statement", FREE_KONJ)
def test_konjunktiv_main_clause_is_reported(nlp_konj, nlp, text, statement):
    found = rows(nlp_konj, text)
    assert (statement, "indirect.free_konj", None) in found
    assert not [r for r in rows(nlp, text) if r[1] == "indirect.free_konj"]  # off by default


@pytest.mark.parametrize("text", NOT_FREE_KONJ)
def test_no_konjunktiv_report(nlp_konj, text):
    assert [r for r in rows(nlp_konj, text) if r[1] == "indirect.free_konj"] == []


def test_konjunktiv_continuation_keeps_quoted_words(nlp):
    text = "Die Senatorin Anna Kalayci sagte, man müsse handeln. Es sei „eine dramatische Erwärmung“ der Stadt zu befürchten."
    found = rows(nlp, text)
    assert (
        "Es sei „eine dramatische Erwärmung“ der Stadt zu befürchten",
        "indirect.free",
        "Die Senatorin Anna Kalayci",
    ) in found


def test_sentence_opening_with_a_quote_is_no_continuation(nlp):
    text = "Die Senatorin Anna Kalayci sagte, man müsse handeln. „Es sei höchste Zeit“, sagte sie."
    assert all(r[1] != "indirect.free" for r in rows(nlp, text))


# --- ", so X," after a single word ------------------------------------------------------------------

SO_SPEAKER = [
    ("Dennoch, so Müller, habe der Trainer seine Pflichten verletzt.", "Müller"),
    ("Damit, so die Sprecherin weiter, sei der Fall für die Behörde abgeschlossen.", "die Sprecherin"),
]

NOT_SO = [
    "Er kam, so schnell er konnte, nach Hause.",
    "Und so kam es, dass alle früher gingen.",
]


@pytest.mark.parametrize("text, speaker", SO_SPEAKER)
def test_so_after_one_word(nlp, text, speaker):
    found = rows(nlp, text)
    assert [(r[1], r[2]) for r in found] == [("indirect.so", speaker)]


@pytest.mark.parametrize("text", NOT_SO)
def test_so_without_speaker_is_no_report(nlp, text):
    assert [r for r in rows(nlp, text) if r[1] == "indirect.so"] == []


# --- a purpose clause after a speech verb is no report -----------------------------------------------


@pytest.mark.parametrize(
    "text, reported",
    [
        ("Der Senator kündigte an, das Gesetz noch in diesem Jahr zu ändern.", True),
        ("Die Polizei warnt vor Betrügern, um Geld und Schmuck der Senioren zu schützen.", False),
        ("Die Bezirksstadträtin rief dazu auf, ohne Auto zur Arbeit zu fahren.", True),
    ],
)
def test_purpose_clause(nlp, text, reported):
    found = [r for r in rows(nlp, text) if r[1] == "indirect.infinitive"]
    assert bool(found) == reported


# --- with the parse ----------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            (
                "Die Behörde prüft den Fall. Laut einer am Dienstag veröffentlichten Mitteilung des "
                "Ministeriums wurden 200 Menschen versorgt."
            ),
            "einer am Dienstag veröffentlichten Mitteilung des Ministeriums",
        ),
    ],
)
def test_laut_source_from_the_parse(bundled, text, speaker):
    assert any(r[1] == "indirect.prep" and r[2] == speaker for r in rows(bundled, text))


@pytest.mark.model
def test_prepositional_source_is_a_ranker_candidate(bundled):
    """The bundled model is UD: "in dem Antrag" is a noun with a "case" child, not TIGER's nk."""
    text = "In dem Antrag des Vereins heißt es wörtlich: „Wir brauchen mehr Platz für Kinder.“"
    doc = bundled(text)
    start = text.index("Wir")
    q = QuoteMatch(start, text.index("“"), "direct", "direct.before.colon", cue_start=text.index("heißt"))
    cands = speaker_candidates(doc, [q], refs=Refs.from_doc(doc, "people", "offices"))[0]
    pp = [text[c.start : c.end] for c in cands if "src=pp_in" in c.features]
    assert pp and pp[0].startswith("dem Antrag")


# --- the ranker's guards -----------------------------------------------------------------------------

MODEL = SpeakerModel({"office": 3.0, "thing": 3.0, "person": 1.0}, -1.0, threshold=0.3, margin=0.0)


def test_apposition_next_to_the_rules_name_keeps_the_name():
    # "Jörn Oltmann, Dezernent für Stadtentwicklung: …": the office scores higher, it is the same person
    cands = [
        Candidate(0, 12, {"rules", "person"}, {"person": 1.0, "personlike": 1.0}),
        Candidate(14, 44, {"office"}, {"office": 1.0, "personlike": 1.0}),
    ]
    assert choose_speaker(cands, (0, 12), MODEL) == (0, 12)


def test_office_far_from_the_rules_name_may_win():
    cands = [
        Candidate(0, 12, {"rules", "person"}, {"person": 1.0, "personlike": 1.0}),
        Candidate(80, 110, {"office"}, {"office": 1.0, "personlike": 1.0}),
    ]
    assert choose_speaker(cands, (0, 12), MODEL) == (80, 110)


@pytest.mark.parametrize("personlike, want", [(1.0, (0, 20)), (0.0, None)])
def test_rows_naming_nobody_take_only_a_person(personlike, want):
    # a Konjunktiv sentence with no speech verb: "Dieser Entwicklung" is no speaker, "Die Senatorin" may be
    cands = [Candidate(0, 20, {"subj"}, {"thing": 1.0, "personlike": personlike})]
    assert choose_speaker(cands, None, MODEL, require_person=True) == want
    assert choose_speaker(cands, None, MODEL) == (0, 20)
