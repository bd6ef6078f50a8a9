"""Precision of reported (indirect) speech: speakers that name nobody, and rows that report nothing
(decisions, topics of a talk, advice, fragments). Blank pipeline and hand-made QuoteMatch rows."""

from __future__ import annotations

import pytest

import pressextract
from pressextract.rules.quotes.context import QuoteMatch
from pressextract.rules.quotes.indirect import not_a_speaker, not_reported, reported_precision


def quotes(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"]]


def _row(
    text: str, speaker: str | None, rule: str = "indirect.dass", cue: str = "sagen", quote: str = ""
) -> QuoteMatch:
    qs = text.index(quote) if quote else len(text) // 2
    qe = qs + len(quote) if quote else len(text)
    ss = text.index(speaker) if speaker else None
    return QuoteMatch(
        qs, qe, "indirect", rule, cue, None, None, speaker, ss, ss + len(speaker) if speaker else None
    )


@pytest.mark.parametrize(
    "speaker",
    [
        "ihren Angaben",
        "eigenen Angaben",
        "seinen eigenen Aussagen",
        "Dies",
        "es",
        "Wirksamkeit",
        "Die landseitige Terminalstruktur",
        "Dieser Tag",
        "(742)",
        "die Beschäftigung von\nKindern",
        "des Verfahrens",
        "Die etwas höhere Strafe für den Chefarzt",
        "das Heft im A5-Format",
    ],
)
def test_speakers_that_name_nobody(blank, speaker):
    text = f"Vorher {speaker} sagte, dass alles gut sei."
    assert not_a_speaker(blank(text), _row(text, speaker))


@pytest.mark.parametrize(
    "speaker",
    [
        "Die Senatorin",
        "Bezirksbürgermeisterin Anna Beispiel",
        "Das Bezirksamt Mitte",
        "Nach Angaben der Polizei",  # the source with its owner stays (the rule cuts it to "der Polizei")
        "israelischen Armeeangaben",
        "Der Bundestag",
        "Die Stiftung",
        "Max Muster",
        "Die Sprecherin des Bezirksamts",
    ],
)
def test_speakers_that_stay(blank, speaker):
    text = f"Vorher {speaker} sagte, dass alles gut sei."
    assert not not_a_speaker(blank(text), _row(text, speaker))


@pytest.mark.parametrize(
    "text, quote, cue, rule",
    [
        (
            "Das Gericht hat entschieden, dass die Klage abgewiesen wird.",
            "dass die Klage abgewiesen wird",
            "entscheiden",
            "indirect.dass",
        ),
        (
            "Der Rat beschloss, dass die Schule saniert wird.",
            "dass die Schule saniert wird",
            "beschließen",
            "indirect.dass",
        ),
        (
            "Die Gäste erzählen von alten Bräuchen und neuen Festen der Stadt.",
            "alten Bräuchen und neuen Festen der Stadt",
            "erzählen",
            "indirect.clause",
        ),
        (
            "Die Broschüre informiert, wo und wie man Anträge stellt.",
            "wo und wie man Anträge stellt",
            "informieren",
            "indirect.question",
        ),
        ("Der Richter sagte, erfolgt sei.", "erfolgt sei", "sagen", "indirect.konj"),
        (
            "Die Frauen berichten, welche Hürden sie genommen haben.",
            "welche Hürden sie genommen haben",
            "berichten",
            "indirect.question",
        ),
    ],
)
def test_rows_that_report_nothing(blank, text, quote, cue, rule):
    assert not_reported(blank(text), _row(text, None, rule=rule, cue=cue, quote=quote))


@pytest.mark.parametrize(
    "text, quote, cue, rule",
    [
        (
            "Die Senatorin sagte, dass die Schule bald saniert werde.",
            "dass die Schule bald saniert werde",
            "sagen",
            "indirect.dass",
        ),
        (
            "Der Sprecher erzählte, man habe lange auf die Genehmigung gewartet.",
            "man habe lange auf die Genehmigung gewartet",
            "erzählen",
            "indirect.konj",
        ),
        (
            "Die Polizei forderte die Anwohner auf, die Fenster geschlossen zu halten.",
            "die Fenster geschlossen zu halten",
            "auffordern",
            "indirect.infinitive",
        ),
        (
            "Der Minister erklärte, wie die Regeln aussähen.",
            "wie die Regeln aussähen",
            "erklären",
            "indirect.question",
        ),
    ],
)
def test_rows_that_report(blank, text, quote, cue, rule):
    assert not not_reported(blank(text), _row(text, None, rule=rule, cue=cue, quote=quote))


def test_unattributed_source_keeps_the_row_without_speaker(blank):
    text = "Die Männer wurden nach ihren Angaben am Bahnhof angegriffen."
    rows = [
        _row(text, "ihren Angaben", rule="indirect.source", cue="nach", quote="am Bahnhof angegriffen"),
        _row(text, "ihren Angaben", rule="indirect.dass", cue="sagen", quote="am Bahnhof angegriffen"),
    ]
    out = reported_precision(blank(text), rows)
    assert len(out) == 1 and out[0].rule_id == "indirect.source" and out[0].speaker is None


def test_pipeline_drops_a_day_that_reminds(nlp):
    found = quotes(nlp, "Dieser Tag erinnert daran, dass die Rechte aller Menschen zu achten seien.")
    assert not any(q.get("speaker") == "Dieser Tag" for _, q in found)


def test_pipeline_keeps_a_senator_who_reminds(nlp):
    found = quotes(nlp, "Die Senatorin erinnerte daran, dass die Rechte aller Menschen zu achten seien.")
    assert any(q.get("speaker") == "Die Senatorin" for _, q in found)


@pytest.mark.model
def test_advice_with_sollte_does_not_continue_a_statement():
    """The model tags "sollte" Mood=Sub: without the not_free_indirect words it became a reported continuation."""
    from pressextract.backbone import bundled_path

    if bundled_path() is None:
        pytest.skip("bundled model models/de_pressextract not trained")
    nlp = pressextract.load(stages=["press_people", "press_roles", "press_quotes"])
    text = "„Wir sanieren die Schule“, sagte die Senatorin Anna Schulz. Man sollte sich frühzeitig anmelden."
    found = [t for t, _ in quotes(nlp, text)]
    assert found == ["Wir sanieren die Schule"]


def test_genitive_source_keeps_its_owner_for_source_rules(blank):
    text = "Nach Angaben des Bezirksamts wurde niemand verletzt."
    row = _row(
        text, "des Bezirksamts", rule="indirect.prep", cue="nach Angaben", quote="wurde niemand verletzt"
    )
    assert not not_a_speaker(blank(text), row)
