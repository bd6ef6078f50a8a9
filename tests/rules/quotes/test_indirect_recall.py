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


# --- forms of part R (issue 18), on the bundled model:
# Reported speech the rules used to miss: a Konjunktiv I the tagger takes for an indicative ("resultiere"), a speech
# verb before a source phrase, "Demnach" after a sentence with a speech verb, "X zufolge" inside the clause, a plural
# Konjunktiv II right after the statement it continues, and quoted words inside a continuation.

# (text, statement, rule, speaker)
SHOULD = [
    (
        "Der Vorsitzende des Vereins sagte, die Nachfrage resultiere vor allem aus den niedrigen Preisen.",
        "die Nachfrage resultiere vor allem aus den niedrigen Preisen",
        "indirect.konj",
        "Der Vorsitzende des Vereins",
    ),
    (
        "Die Sprecherin sagte am Montag, nach neuen Erkenntnissen habe der Täter allein gehandelt.",
        "nach neuen Erkenntnissen habe der Täter allein gehandelt",
        "indirect.konj",
        "Die Sprecherin",
    ),
    (
        (
            "Das Statistische Landesamt teilte am Freitag die neuen Zahlen mit. Demnach ist die Zahl der Anträge "
            "deutlich gestiegen."
        ),
        "ist die Zahl der Anträge deutlich gestiegen",
        "indirect.demnach",
        "Das Statistische Landesamt",
    ),
    (
        "Die Impfung senkt neuen Studien zufolge das Risiko einer schweren Erkrankung.",
        "Die Impfung senkt neuen Studien zufolge das Risiko einer schweren Erkrankung",
        "indirect.postp",
        "neuen Studien",
    ),
    (
        "„Wir sind zufrieden“, sagte die Trainerin Petra Lang. Die Spielerinnen hätten hart gearbeitet.",
        "Die Spielerinnen hätten hart gearbeitet",
        "indirect.free",
        "Trainerin Petra Lang",
    ),
    (
        (
            "Unterdessen verteidigte der Vorsitzende des Ausschusses, Peter Lang (SPD), den Entwurf. Er halte "
            "die Verlängerung für vertretbar."
        ),
        "Er halte die Verlängerung für vertretbar",
        "indirect.free_pronoun",
        "der Vorsitzende des Ausschusses",
    ),
]


@pytest.mark.parametrize(("text", "statement", "rule", "speaker"), SHOULD)
def test_reported_forms_found(bundled, text, statement, rule, speaker):
    found = rows(bundled, text)
    hit = [r for r in found if r[0] == statement]
    assert hit, found
    assert hit[0][1] == rule
    assert speaker in (hit[0][2] or ""), hit


# (text, rule that must not come out)
SHOULD_NOT = [
    # a decision, not a speech verb, before "Demnach": the content of a resolution
    (
        "Der Bezirk hat den Plan am Dienstag beschlossen. Demnach sollen die Spielplätze saniert werden.",
        "indirect.demnach",
    ),
    # no speech verb before it: a reading of a table
    (
        "Die Tabelle zeigt die Werte für das Jahr 2024. Demnach liegt der Bezirk weit vorne.",
        "indirect.demnach",
    ),
    # singular "hätte" after a quote: the writer's own condition
    (
        "„Wir sind zufrieden“, sagte die Trainerin Petra Lang. Ohne den Regen hätte das Spiel länger gedauert.",
        "indirect.free",
    ),
    # a paragraph between the quote and the plural Konjunktiv II: no continuation
    (
        "„Wir sind zufrieden“, sagte die Trainerin Petra Lang.\n\nDie Zuschauer hätten gern mehr Tore gesehen.",
        "indirect.free",
    ),
    # a hard line break inside the sentence: the rest would be cut off ("Vielmehr hätten die")
    (
        "„Wir sind zufrieden“, sagte die Trainerin Petra Lang. Vielmehr hätten die\nSpielerinnen hart gearbeitet.",
        "indirect.free",
    ),
    # a thing as the subject before "Sie": nobody to report
    ("Die neue Anlage wurde am Montag geschlossen. Sie habe zu viel Lärm gemacht.", "indirect.free_pronoun"),
    # "Sie seien": plural or the reader, not one person
    (
        "Der Sprecher Peter Lang lobte die Helfer. Sie seien die ganze Nacht im Einsatz gewesen.",
        "indirect.free_pronoun",
    ),
    # a plural Konjunktiv II in a condition ("Selbst wenn …"), not the statement's main clause
    (
        (
            "„Wir sind zufrieden“, sagte die Trainerin Petra Lang. Selbst wenn die Spielerinnen müde gewesen wären, "
            "kommt es darauf nicht an."
        ),
        "indirect.free",
    ),
    # "X zufolge" with the investigation as X: police narrative, nobody speaks
    (
        "Der Mann soll dem Stand der bisherigen Ermittlungen zufolge mehrfach zugeschlagen haben.",
        "indirect.postp",
    ),
    # a weak preterite ends in "-te", not in the Konjunktiv "-e"
    ("Der Sprecher sagte, die Stadt plante den Umbau schon lange.", "indirect.konj"),
]


@pytest.mark.parametrize(("text", "rule"), SHOULD_NOT)
def test_reported_forms_not_taken(bundled, text, rule):
    assert not [r for r in rows(bundled, text) if r[1] == rule], rows(bundled, text)


def test_quoted_words_inside_a_continuation_keep_the_report_speaker(bundled):
    text = (
        "Die Vermieterin gab an, es gehe ihr nur um die Ruhe im Haus. Nach Aussagen ihrer Anwältin handelte "
        "es sich um „einen ganz gewöhnlichen Streit unter Nachbarn“. Der Mieter sei „nicht laut oder so“."
    )
    found = rows(bundled, text)
    inner = [r for r in found if r[0] == "nicht laut oder so"]
    assert inner and inner[0][1] == "direct.in_reported", found
    assert inner[0][2], found
