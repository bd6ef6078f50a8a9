"""Source phrases that name nobody (issue 18 Q): estimates and the state of an inquiry are police narrative, no
reported statement; an owned source stays, and so do one's own account and a law (the WIKINEWS gold annotates
"nach eigenen Angaben …" and "laut Gesetz …" as reported). Relative "welche" is no indirect question. Blank
pipeline (press_quotes only) on sentences written for these tests, and hand-made rows for the speaker check."""

from __future__ import annotations

import pytest

from pressextract.rules.quotes.context import QuoteMatch
from pressextract.rules.quotes.sources import unowned_source


def indirect(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"] if s._.quote["kind"] == "indirect"]


def _row(speaker: str | None, rule: str = "indirect.postp") -> QuoteMatch:
    return QuoteMatch(0, 10, "indirect", rule, "zufolge", None, None, speaker, 0, len(speaker or ""))


@pytest.mark.parametrize(
    "speaker, rule",
    [
        ("ersten Schätzungen", "indirect.postp"),
        ("Schätzungen", "indirect.postp"),
        ("dem Stand der Ermittlungen", "indirect.postp"),
        ("derzeitigem Stand der Ermittlungen", "indirect.source"),
        ("dem derzeitigen Ermittlungsstand", "indirect.postp"),
        ("Schätzungen", "indirect.hearsay"),  # "soll … haben" after such a source takes it as speaker
    ],
)
def test_sources_that_name_nobody(speaker, rule):
    assert unowned_source(_row(speaker, rule))


@pytest.mark.parametrize(
    "speaker, rule",
    [
        ("ersten Schätzungen der Feuerwehr", "indirect.postp"),
        ("Schätzungen von Experten", "indirect.postp"),
        ("der Polizei", "indirect.prep"),
        ("den Angaben des Bezirksamts", "indirect.postp"),
        ("Polizeiangaben", "indirect.source"),
        ("der Senatorin", "indirect.postp"),
        ("Medienberichten", "indirect.postp"),
        ("einer Studie des Instituts", "indirect.prep"),
        ("Die Bundesregierung", "indirect.dass"),
        ("den Angaben", "indirect.postp"),
        ("eigenen Angaben", "indirect.source"),
        ("ihren Angaben", "indirect.hearsay"),
        ("Tierschutzgesetz", "indirect.prep"),
        ("Gesetz", "indirect.prep"),
        (None, "indirect.source"),
    ],
)
def test_sources_that_stay(speaker, rule):
    assert not unowned_source(_row(speaker, rule))


def test_direct_rows_untouched():
    q = QuoteMatch(0, 10, "direct", "direct.colon.statement", None, None, None, "Tierschutzgesetz", 0, 16)
    assert not unowned_source(q)


@pytest.mark.parametrize(
    "text",
    [
        "Der Schaden am Gebäude beträgt ersten Schätzungen zufolge rund 20.000 Euro.",
        "Insgesamt entstand Schätzungen zufolge ein Sachschaden von mehreren tausend Euro.",
        "Der Wagen geriet dem Stand der Ermittlungen zufolge auf die Gegenfahrbahn.",
        "Nach derzeitigem Stand der Ermittlungen fuhr der Radfahrer bei Rot über die Kreuzung.",
    ],
)
def test_narrative_sentences_give_no_indirect_row(nlp, text):
    assert indirect(nlp, text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Der Schaden beträgt nach Angaben der Feuerwehr rund 20.000 Euro.", "Feuerwehr"),
        ("Laut Polizei wurde bei dem Unfall niemand verletzt.", "Polizei"),
        ("Der Senatorin zufolge sei die Versorgung der Schulen gesichert.", "Senatorin"),
    ],
)
def test_owned_sources_stay(nlp, text, speaker):
    rows = indirect(nlp, text)
    assert rows and speaker in (rows[0][1]["speaker"] or "")


def test_bracketed_abbreviation_is_no_part_of_the_report(nlp):
    text = "Laut einer neuen Studie des Deutschen Instituts für Wirtschaftsforschung (DIW) liegt das Tempo beim Ausbau der Windkraft viel zu niedrig."
    rows = indirect(nlp, text)
    assert rows and rows[0][0].startswith("liegt das Tempo")


@pytest.mark.parametrize(
    "text",
    [
        "Der Sprecher erklärte das Vorgehen der Beamten, welche später vernommen wurden.",
        "Die Leiterin beschrieb die Lage der Familien, welche seit Wochen ohne Strom leben.",
        "Der Vorsitzende erläuterte die Pläne des Vereins, welcher im Mai gegründet worden war.",
    ],
)
def test_relative_welche_is_no_indirect_question(nlp, text):
    assert [q for _, q in indirect(nlp, text) if q["rule_id"].startswith("indirect.question")] == []


@pytest.mark.parametrize(
    "text, quote",
    [
        ("Die Ministerin erklärte, welche Hürden die Schulen nehmen müssen.", "welche Hürden"),
        ("Die Ministerin erklärte, welche neuen Regeln ab Montag gelten.", "welche neuen Regeln"),
        ("Der Stadtrat erläuterte, welches Grundstück für den Neubau vorgesehen ist.", "welches Grundstück"),
    ],
)
def test_welche_questions_stay(nlp, text, quote):
    rows = indirect(nlp, text)
    assert any(t.startswith(quote) and q["rule_id"].startswith("indirect.question") for t, q in rows)
