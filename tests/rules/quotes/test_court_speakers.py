"""Court releases (issue 18 C): a court body that is the subject of a sentence between a statement and its
Konjunktiv continuation takes the continuation over (the court's reasoning, not the parties' claim), and a
court noun in the genitive or plural ("des Oberlandesgerichts", "Die Landgerichte") speaks as an organization,
never as a person. Blank pipeline (press_quotes only) on sentences written for these tests."""

from __future__ import annotations

import pytest


def rows(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"]]


def row_with(nlp, text: str, start: str) -> dict:
    found = [q for t, q in rows(nlp, text) if t.startswith(start)]
    assert found, f"no quote starting {start!r}"
    return found[0]


@pytest.mark.parametrize(
    "text, start, body",
    [
        (
            (
                "Das Landgericht hat das Urteil verkündet. Die Angeklagte erklärte, dass sie von nichts gewusst habe. Diese Einlassung hielt die Kammer für "
                "widerlegt. Die Angeklagte habe die Zahlungen selbst veranlasst."
            ),
            "Die Angeklagte habe",
            "die Kammer",
        ),
        (
            (
                "Das Verwaltungsgericht wies die Klage ab. Der Kläger erklärte, dass der Bescheid rechtswidrig sei. Dem folgte der Senat nicht. "
                "Die Behörde habe ihr Ermessen fehlerfrei ausgeübt."
            ),
            "Die Behörde habe",
            "der Senat",
        ),
        (
            (
                "Die Beschwerdeführerin sagte, dass ihr Recht auf Gehör verletzt worden sei. Das Gericht sah "
                "das anders. Sie habe ausreichend Gelegenheit zur Stellungnahme gehabt."
            ),
            "Sie habe ausreichend",
            "Das Gericht",
        ),
    ],
)
def test_court_body_takes_over_the_continuation(nlp, text, start, body):
    q = row_with(nlp, text, start)
    assert q["speaker"] == body
    assert q["person_id"] is None
    assert q["speaker_org"] == body
    assert q["rule_id"].startswith("indirect.free_court")


@pytest.mark.parametrize(
    "text, start, speaker",
    [
        # no court sentence between: the continuation stays with the party
        (
            (
                "Der Angeklagte erklärte, dass er das Geld zurückgeben wolle. Er habe nicht gewusst, woher es "
                "stamme."
            ),
            "Er habe nicht",
            "Der Angeklagte",
        ),
        # no court matter: in Berlin "der Senat" is the government, its decision no reasoning on a statement
        (
            (
                "Senatorin Anna Berger erklärte, dass die Mittel ausreichten. Danach hat der Senat die Vorlage "
                "beschlossen. Die Bezirke seien zu spät gewesen."
            ),
            "Die Bezirke seien",
            "Senatorin Anna Berger",
        ),
        # the court only in a prepositional phrase: no subject, no switch
        (
            (
                "Die Klägerin trug vor, dass die Kündigung unwirksam sei. Vor der Kammer erschien sie ohne "
                "Anwalt. Der Arbeitgeber habe sie nie abgemahnt."
            ),
            "Der Arbeitgeber habe",
            "Die Klägerin",
        ),
    ],
)
def test_no_court_subject_keeps_the_speaker(nlp, text, start, speaker):
    found = [q for t, q in rows(nlp, text) if t.startswith(start)]
    for q in found:
        assert q["speaker"] == speaker
        assert not q["rule_id"].startswith("indirect.free_court")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Nach Auffassung des Oberlandesgerichts sei die Forderung verjährt.", "des Oberlandesgerichts"),
        ("Die Familiengerichte begründeten, dass eine Gefährdung nicht vorliege.", "Die Familiengerichte"),
        ("Nach Ansicht des Bundesgerichtshofs sei die Klausel unwirksam.", "des Bundesgerichtshofs"),
    ],
)
def test_court_nouns_speak_as_organization(nlp, text, speaker):
    found = [q for _, q in rows(nlp, text) if q["speaker"] == speaker]
    assert found, rows(nlp, text)
    assert all(q["speaker_org"] == speaker and q["person_id"] is None for q in found)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Richterin Anna Berger sagte, dass das Verfahren eingestellt werde.", "Richterin Anna Berger"),
        (
            "Der Sprecher des Landgerichts sagte, dass die Verhandlung vertagt werde.",
            "Der Sprecher des Landgerichts",
        ),
    ],
)
def test_people_at_courts_are_no_organization(nlp, text, speaker):
    found = [q for _, q in rows(nlp, text) if q["speaker"] and q["speaker"].startswith(speaker.split()[0])]
    assert found, rows(nlp, text)
    assert all(q["speaker_org"] is None for q in found)


@pytest.mark.parametrize(
    "text, body",
    [
        (
            (
                "Das Landgericht hat die Klage abgewiesen. Die Kammer wies den Einwand zurück. Sie "
                "erklärte, dass ein Schaden nicht entstanden sei."
            ),
            "Die Kammer",
        ),
        (
            (
                "Das Oberlandesgericht hat entschieden. Der Senat sah keinen Verstoß. Er betonte, dass die Frist "
                "gewahrt sei."
            ),
            "Der Senat",
        ),
        (
            (
                "Das Sozialgericht hat geurteilt. Die Kammer folgte dem Gutachten nicht. Sie erklärte, dass die "
                "Klägerin voll erwerbsfähig sei."
            ),
            "Die Kammer",
        ),
    ],
)
def test_pronoun_continues_the_court(nlp, text, body):
    found = [q for t, q in rows(nlp, text) if t.startswith("dass") and q["speaker"] == body]
    assert found, rows(nlp, text)
    assert all(q["speaker_org"] == body and q["person_id"] is None for q in found)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # another antecedent of the pronoun's gender between: the witness speaks, not the court
        (
            (
                "Das Landgericht hat verhandelt. Die Kammer vernahm die Zeugin. Sie erklärte, dass sie den Unfall "
                "gesehen habe."
            ),
            "Sie",
        ),
        # gender does not fit: "Er" is not "die Kammer"
        (
            (
                "Das Landgericht hat verhandelt. Die Kammer vertagte die Sitzung. Er erklärte, dass er nichts "
                "wisse."
            ),
            "Er",
        ),
        # no court matter: the Berlin Senat is no court body
        (
            "Der Senat hat heute getagt. Er erklärte, dass die Mittel reichten.",
            "Er",
        ),
    ],
)
def test_pronoun_stays_without_a_fitting_court(nlp, text, speaker):
    found = [q for t, q in rows(nlp, text) if t.startswith("dass")]
    assert found, rows(nlp, text)
    assert all(q["speaker"] == speaker for q in found)
