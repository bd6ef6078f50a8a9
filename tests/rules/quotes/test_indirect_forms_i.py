"""Reported speech of issue 18 part I, on the bundled model: a separable particle written apart before the verb
("Wie das Amt bekannt gab, …"), "Als Begründung gab X an, …" (a main clause after "als" + noun), a dass-clause
whose Konjunktiv the tagger does not read as a verb ("dass … geringer ausfalle"), a dass-clause after the
speaker's apposition; and what is no statement: a negated speech verb ("haben nicht dargelegt, dass …"),
"verwies die Sache … zurück", an agentless passive ("wurde festgehalten, dass …" names no speaker), the
speculative "dürfte" of the release."""

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
    (
        "Dabei sagte Anna Berg, die Vorsitzende des Ausschusses, aber auch, dass die Mieten zu hoch seien.",
        "dass die Mieten zu hoch seien",
        "indirect.dass",
        "Anna Berg",
    ),
    # negation that is itself a statement, or that belongs to something else
    (
        "Der Sprecher bestritt nicht, dass es Verzögerungen gegeben habe.",
        "dass es Verzögerungen gegeben habe",
        "indirect.dass",
        "Der Sprecher",
    ),
    (
        "Der Senator sagte nicht nur, dass die Gebühren steigen, sondern auch, dass sie gerecht seien.",
        "dass die Gebühren steigen, sondern auch, dass sie gerecht seien",
        "indirect.dass",
        "Der Senator",
    ),
    (
        "Die Beschäftigten beklagen nicht ausgezahlte Prämien, die einen Personalmangel zur Folge hätten.",
        "die einen Personalmangel zur Folge hätten",
        "indirect.konj",
        "Die Beschäftigten",
    ),
    (
        "Die Senatorin verwies darauf, dass die Mittel bereits bewilligt seien.",
        "dass die Mittel bereits bewilligt seien",
        "indirect.dass",
        "Die Senatorin",
    ),
    (
        "Die Bezirksbürgermeisterin hat festgehalten, dass die Schule saniert werde.",
        "dass die Schule saniert werde",
        "indirect.dass",
        "Die Bezirksbürgermeisterin",
    ),
    # a source phrase in a trailing subordinate clause attributes that clause, not the main clause before it
    (
        (
            "Die Ärzte hätten dann das Kind getötet, obwohl es nach Angaben eines Sachverständigen lebensfähig "
            "gewesen sei."
        ),
        "es nach Angaben eines Sachverständigen lebensfähig gewesen sei",
        "indirect.prep",
        "eines Sachverständigen",
    ),
    (
        "Der Mann, der laut Polizei betrunken war, wurde festgenommen.",
        "Der Mann, der laut Polizei betrunken war, wurde festgenommen",
        "indirect.prep",
        "Polizei",
    ),
    (
        "Durch die Pandemie ist die Zahl der Lehrstellen laut Bundesagentur für Arbeit um 8 Prozent zurückgegangen.",
        "Durch die Pandemie ist die Zahl der Lehrstellen laut Bundesagentur für Arbeit um 8 Prozent zurückgegangen",
        "indirect.prep",
        "Bundesagentur für Arbeit",
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
    # a negated speech verb reports nothing the subject said
    (
        (
            "Die Beschwerdeführer haben schließlich auch nicht substantiiert dargelegt, dass durch den Vertrag "
            "Rechte übertragen werden."
        ),
        "indirect.dass",
    ),
    ("Die Parteien fordern nicht, den Euro abzuschaffen.", "indirect.infinitive"),
    ("Ein Sprecher der Firma wollte nicht bestätigen, dass alle Stellen gestrichen werden.", "indirect.dass"),
    # "verweisen" without "auf": a court sends a case back, nobody points to a statement
    (
        "Das Gericht verwies die Sache zur Klärung, ob die Umlage zu hoch ist, an das Oberverwaltungsgericht zurück.",
        "indirect.dass",
    ),
    # "laut" inside a noun group attributes no clause
    ("Somit ist der laut Tierschutzgesetz erforderliche vernünftige Grund nicht gegeben.", "indirect.prep"),
    # "Bekannte" at the sentence start is an adjective, not "bekennen"
    ("Bekannte Volkslieder wurden angestimmt, da durfte das Lied natürlich nicht fehlen.", "indirect.konj"),
    # "dürfte" of the release's own guess is no Konjunktiv I continuation
    (
        (
            "„Wir sind zufrieden“, sagte die Trainerin Petra Lang. Das Team trainiert seit Mai. "
            "Auch die Fans dürfte der Sieg gefreut haben."
        ),
        "indirect.free",
    ),
]


def test_agentless_passive_names_no_speaker_before_a_colon(bundled):
    text = (
        "Das zweite wichtige Ergebnis ist: Im Abschlussdokument wurde zum ersten Mal festgehalten, dass eine "
        "Reform erforderlich ist."
    )
    found = [r for r in rows(bundled, text) if r[1] == "indirect.dass"]
    assert found and found[0][2] != "Das zweite wichtige Ergebnis", found


@pytest.mark.parametrize(("text", "statement", "rule", "speaker"), SHOULD)
def test_reported_forms_found(bundled, text, statement, rule, speaker):
    found = rows(bundled, text)
    assert (statement, rule, speaker) in found, found


@pytest.mark.parametrize(("text", "rule"), SHOULD_NOT)
def test_reported_forms_not_taken(bundled, text, rule):
    assert not [r for r in rows(bundled, text) if r[1] == rule], rows(bundled, text)
