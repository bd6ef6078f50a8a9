"""Issue 18 X: reported rows that are no one's statement on other publishers' releases: the release's own
view in a source phrase with a first-person possessive, and "drohen" + zu-infinitive as "be about to"."""

from __future__ import annotations

import pytest


def indirect(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"] if s._.quote["kind"] == "indirect"]


@pytest.mark.parametrize(
    "text",
    [
        "Nach unserer Einschätzung wird die Zahl der Tierversuche in diesem Jahr weiter steigen.",
        "Unserer Meinung nach ist die neue Verordnung ein Schritt in die falsche Richtung.",
        "Nach meiner Auffassung muss der Verein die Halle bis zum Sommer räumen.",
        "Unseren Informationen zufolge soll das Werk im Herbst schließen.",
        "Die alte Mauer drohte, auf den Gehweg zu stürzen, und wurde abgestützt.",
        "Beide Bäume drohten, auf das Wohnhaus und die parkenden Autos zu fallen.",
        "Die Verhandlungen drohen, an der Frage der Finanzierung zu scheitern.",
    ],
)
def test_no_ones_statement(nlp, text):
    assert indirect(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Nach Einschätzung der Feuerwehr wird der Einsatz noch Stunden dauern.",
            "der Einsatz noch Stunden dauern",
        ),
        ("Seiner Meinung nach ist die neue Verordnung ein Schritt in die falsche Richtung.", "ist die neue"),
        ("Nach Angaben der Polizei wurde niemand verletzt.", "niemand verletzt"),
        ("Er drohte, die Scheibe des Kiosks zu zerschlagen.", "die Scheibe des Kiosks zu zerschlagen"),
        (
            "Der Verband drohte damit, dem Verein die Lizenz zu entziehen.",
            "dem Verein die Lizenz zu entziehen",
        ),
    ],
)
def test_still_reported(nlp, text, quote):
    rows = indirect(nlp, text)
    assert rows and any(quote in t for t, _ in rows), rows


def free_rows(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans["press_quotes"] if s._.quote["rule_id"].startswith("indirect.free")]


@pytest.mark.parametrize(
    "text",
    [
        # a weak preterite is no Konjunktiv I, whatever the lemmatizer makes of it
        (
            "„Wir handeln jetzt“, sagte die Amtstierärztin. Zusätzlich überprüfte die Behörde den Betrieb des "
            "Landwirts und stellte in dem Zuge weitere Mängel fest."
        ),
        (
            "„Das ist nicht hinnehmbar“, betonte der Sprecher. Daraufhin kontrollierte das Ordnungsamt die Halle "
            "und schloss sie noch am selben Abend."
        ),
        # narrative with a genitive preposition stays no continuation (a regression guard only: the bundled
        # tagger reads this "seitens" right, so the genitive_prepositions guard in grammar.py is not what it tests)
        (
            "„Die Tiere sind versorgt“, erklärte die Sprecherin. Nach dem Umzug wurden seitens des Kreisamtes "
            "die Hunde kurzfristig beschlagnahmt."
        ),
    ],
)
def test_narrative_after_a_quote_is_no_continuation(full, text):
    assert free_rows(full, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "„Wir handeln jetzt“, sagte die Amtstierärztin. Die Behörde überprüfe den Betrieb des Landwirts.",
        "„Das ist nicht hinnehmbar“, betonte der Sprecher. Man müsse die Halle noch am selben Abend schließen.",
    ],
)
def test_konjunktiv_after_a_quote_continues_it(full, text):
    assert free_rows(full, text)
