"""Reported speech of issue 18 part I, on the bundled model: a separable particle written apart before the verb
("Wie das Amt bekannt gab, …"), "Als Begründung gab X an, …" (a main clause after "als" + noun), and a dass-clause
whose Konjunktiv the tagger does not read as a verb ("dass … geringer ausfalle")."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def rows(nlp, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    return [
        (s.text, s._.quote["rule_id"].split(":")[0], s._.quote["speaker"]) for s in doc.spans["press_quotes"]
    ]


# (text, statement, rule, speaker)
SHOULD = [
    (
        "Wie das Bezirksamt am Montag bekannt gab, wird die Bibliothek im Herbst wieder geöffnet.",
        "wird die Bibliothek im Herbst wieder geöffnet",
        "indirect.wie",
        "das Bezirksamt",
    ),
    (
        "Wie die Senatsverwaltung bekannt gab, sollen die Arbeiten bis Ende Mai dauern.",
        "sollen die Arbeiten bis Ende Mai dauern",
        "indirect.wie",
        "die Senatsverwaltung",
    ),
    (
        "Als Begründung gab die Stadt an, die Kosten seien stark gestiegen.",
        "die Kosten seien stark gestiegen",
        "indirect.konj",
        "die Stadt",
    ),
    (
        "Als Grund nannte der Sprecher des Vereins, dass die Heizung ausgefallen sei.",
        "dass die Heizung ausgefallen sei",
        "indirect.dass",
        "der Sprecher des Vereins",
    ),
    (
        "Der Sprecher erklärte, dass die Neuverschuldung im kommenden Jahr geringer ausfalle.",
        "dass die Neuverschuldung im kommenden Jahr geringer ausfalle",
        "indirect.dass",
        "Der Sprecher",
    ),
]

# (text, rule): no report of that form
SHOULD_NOT = [
    # "als" + verb last: a temporal clause; what the witnesses said is no statement of the main clause
    ("Als Zeugen berichteten, dass ein Mann geflüchtet war, rückte die Polizei aus.", "indirect.dass"),
    # "als" + pronoun: a temporal clause
    ("Als er erklärte, dass er gehen wolle, verließen alle den Saal.", "indirect.dass"),
    # a preposition before the verb is no particle: "an" of "angeben" must follow the verb
    ("Die Frau, die an der Kasse stand, gab ihren Ausweis ab.", "indirect.clause"),
    # a dass-clause of degree stays a consequence, also when its verb is the last word
    ("Die Besucher schätzen die Bibliothek so sehr, dass sie täglich kommen.", "indirect.dass"),
]


@pytest.mark.parametrize(("text", "statement", "rule", "speaker"), SHOULD)
def test_reported_forms_found(bundled, text, statement, rule, speaker):
    found = rows(bundled, text)
    assert (statement, rule, speaker) in found, found


@pytest.mark.parametrize(("text", "rule"), SHOULD_NOT)
def test_reported_forms_not_taken(bundled, text, rule):
    assert not [r for r in rows(bundled, text) if r[1] == rule], rows(bundled, text)
