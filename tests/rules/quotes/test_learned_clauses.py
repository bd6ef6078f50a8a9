"""Learned indirect speech (rules.quotes.clauses): the candidates the rules propose for the clause model,
their speakers, the model's keep rule, the shipped weights and the switch that runs the rules alone.
Candidate tests run on spaCy's blank German tokenizer (mood from the Konjunktiv lexicon); tests that need
tags and the parse are marked `model`."""

from __future__ import annotations

import json

import pytest

from pressextract.resources.loader import read_rule_ids
from pressextract.rules.quotes.clauses import (
    FORMS,
    ClauseCandidate,
    ClauseModel,
    clause_candidates,
    keep,
    load_clause_model,
)
from pressextract.rules.quotes.context import QuoteMatch


def candidates(blank, text: str, quotes: list[QuoteMatch] = ()) -> list[tuple[str, str, str | None]]:
    doc = blank(text)
    return [
        (c.form, doc.text[c.start : c.end], c.speaker[0] if c.speaker else None)
        for c in clause_candidates(doc, list(quotes))
    ]


# --- which sentences are proposed, with which form and speaker ---------------------------------------

PROPOSED = [
    # should: a Konjunktiv sentence after a speech verb; the verb's subject speaks
    (
        "Der Sprecher der Feuerwehr sagte am Abend nur wenig. Der Brand sei gegen 22 Uhr gelöscht gewesen.",
        ("konj", "Der Brand sei gegen 22 Uhr gelöscht gewesen", "Der Sprecher der Feuerwehr"),
    ),
    # should: hearsay with "soll" (the speaker of the sentence before)
    (
        "Senatorin Kalayci erklärte den Stand. Der Mann soll die Tür aufgebrochen haben.",
        ("soll", "Der Mann soll die Tür aufgebrochen haben", "Senatorin Kalayci"),
    ),
]


@pytest.mark.parametrize("text, want", PROPOSED)
def test_proposed(blank, text, want):
    assert want in candidates(blank, text)


def test_no_speaker_without_a_report_before(blank):
    got = candidates(blank, "Die Halle wurde 1998 gebaut. Der Neubau sei nun fast fertig.")
    assert got == [("konj", "Der Neubau sei nun fast fertig", None)]


NOT_PROPOSED = [
    # shouldn't: indicative narrative, nothing that may report speech
    "Die Feuerwehr löschte den Brand in der Nacht. Niemand wurde verletzt.",
    # shouldn't: too short to be a statement
    "Er sei da.",
]


@pytest.mark.parametrize("text", NOT_PROPOSED)
def test_not_proposed(blank, text):
    assert candidates(blank, text) == []


def test_sentence_with_a_quote_is_left_to_the_rules(blank):
    text = "Die Ministerin sagte etwas. Das Projekt sei ein Erfolg für alle Beteiligten."
    doc = blank(text)
    start = text.index("Das Projekt")
    row = QuoteMatch(start, len(text) - 1, "indirect", "indirect.free", speaker="Die Ministerin")
    assert clause_candidates(doc, [row]) == []


def test_quoted_words_inside_keep_the_sentence_open(blank):
    # should: a short quoted phrase inside ("„natürlicher Vorgang“") does not take the sentence from the model
    text = "Der Bruder sagte dazu wenig. Der Rücktritt sei ein „natürlicher Vorgang“ gewesen, meint man."
    doc = blank(text)
    start = text.index("natürlicher")
    inner = QuoteMatch(start, start + len("natürlicher Vorgang"), "direct", "direct.fragment.last")
    got = clause_candidates(doc, [inner])
    assert [c.form for c in got] == ["konj"] and got[0].features["inner_quote"] == 1.0


def test_release_own_voice_is_a_feature(blank):
    got = clause_candidates(blank("Der Senator sagte wenig. Wir seien stolz auf diese Arbeit."), [])
    assert got and got[0].features["first_person"] == 1.0


# --- the model's keep rule and the shipped weights ---------------------------------------------------


def test_keep_needs_probability_and_speaker():
    model = ClauseModel({"form=konj": 2.0, "soll": -4.0}, 0.0, 0.5)
    sure = ClauseCandidate(0, 10, "konj", ("Die Ministerin", 20, 34), None, {"form=konj": 1.0})
    nobody = ClauseCandidate(0, 10, "konj", None, None, {"form=konj": 1.0})
    unsure = ClauseCandidate(0, 10, "soll", ("Die Ministerin", 20, 34), None, {"soll": 1.0})
    assert keep([sure, nobody, unsure], model) == [sure]
    assert sure.match().rule_id == "indirect.learned.konj" and sure.match().speaker == "Die Ministerin"


def test_learned_rule_ids_are_declared():
    assert {f"indirect.learned.{f}" for f in FORMS} <= read_rule_ids("quotes")


def test_shipped_model_loads():
    model = load_clause_model()
    assert model.weights and 0.0 < model.threshold < 1.0
    assert any(k.startswith("form=") for k in model.weights)


def test_unreadable_model_names_the_file(tmp_path):
    bad = tmp_path / "quote_clause.json"
    bad.write_text(json.dumps({"bias": 0.0}), encoding="utf-8")
    with pytest.raises(ValueError, match="quote_clause.json"):
        load_clause_model(str(bad))


def test_rules_alone_add_no_learned_rows():
    import pressextract

    nlp = pressextract.load("blank", stages=["press_quotes"])
    nlp.replace_pipe("press_quotes", "press_quotes", config={"learned_speakers": False})
    assert nlp.get_pipe("press_quotes").clause_model is None


# --- with the model: tags and the parse ------------------------------------------------------------


@pytest.mark.model
def test_konjunktiv_read_as_plural(full):
    # the bundled tagger reads the rare "werfe" as a plural indicative; a plural never ends in "-e"
    doc = full("Der Forscher erklärte, die Entdeckung werfe ein neues Licht auf die Theorie.")
    rows = [(s.text, s._.quote["rule_id"].split(":")[0]) for s in doc.spans["press_quotes"]]
    assert ("die Entdeckung werfe ein neues Licht auf die Theorie", "indirect.konj") in rows


@pytest.mark.model
@pytest.mark.parametrize(
    "text, clause, kind",
    [
        # should: a dass-clause in Konjunktiv after a verb the speech lexicon lacks
        ("Die Forscher fanden im Labor heraus, dass die Probe verunreinigt sei.", "dass die Probe", "dass"),
        # should: a Konjunktiv main clause after a verb the speech lexicon lacks
        ("Die Mutter befürchtete am Abend, man wolle ihr die Kinder wegnehmen.", "man wolle", "konj"),
    ],
)
def test_comma_clause_candidates(full, text, clause, kind):
    doc = full(text)
    got = clause_candidates(doc, [])
    assert any(c.form == "comp" and doc.text[c.start :].startswith(clause) for c in got)
    assert any(c.features.get(f"comp={kind}") for c in got)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # shouldn't: a relative clause after the comma is no report
        "Die Partei, die zum ersten Mal kandidiert hatte, wurde auf Anhieb stärkste Kraft.",
        # shouldn't: a purpose clause ("um … zu …")
        "Der Mann ging zur Bank, um sein Konto zu kündigen.",
        # shouldn't: a thing as the subject names no speaker
        "Im weiteren Verlauf erhärtete sich der Verdacht, dass der Täter Insiderwissen gehabt habe.",
        # shouldn't: no Konjunktiv in the clause: a finding or the release's own notice
        "Bei der Kontrolle stellten die Beamten fest, dass der Fahrer keinen Führerschein hatte.",
        "Die Polizei bittet Zeugen, sich beim Revier zu melden.",
        # shouldn't: neither a speech verb nor Konjunktiv: narrative
        "Die Polizisten sahen beim Eintreffen, dass die Tür offen stand.",
        # shouldn't: the release's own voice
        "Wir bitten um Verständnis, dass nur wenige Plätze frei sind.",
        # shouldn't: the subject of a passive request is addressed, not speaking
        "Die Landeswahlleiterin wurde aufgefordert, die Niederschriften aller Wahllokale zu übersenden.",
        # shouldn't: "sei es … oder …" is no report
        "Viele Städter zieht es ins Grüne, sei es zu einem Spaziergang oder einer Radtour.",
        # shouldn't: an infinitive clause before the comma is no main clause with a verb of saying
        "Um weiteren Angriffen zu entgehen, habe er den Ort schnell verlassen.",
    ],
)
def test_comma_clauses_not_proposed(full, text):
    doc = full(text)
    assert not any(c.form == "comp" and c.speaker is not None for c in clause_candidates(doc, []))
