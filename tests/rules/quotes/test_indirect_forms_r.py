"""Reported speech the rules used to miss (issue 18, part R), on the bundled model (the rules read tags):
a Konjunktiv I the tagger takes for an indicative ("resultiere"), a speech verb before a source phrase,
"Demnach" after a sentence with a speech verb, "X zufolge" inside the clause, a plural Konjunktiv II
right after the statement it continues, and quoted words inside a continuation."""

from __future__ import annotations

import pytest

import pressextract


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
