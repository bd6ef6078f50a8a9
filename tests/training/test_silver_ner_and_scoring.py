"""Silver PER spans from office words + name lists, and the span scorer of the NER evaluation sets."""

from __future__ import annotations

import pytest
import spacy

from pressextract.training.convert import make_ner_doc
from pressextract.training.evaluate import score_ner_docs
from pressextract.training.silver_ner import find_cued_people, silver_person_doc

GIVEN = frozenset({"Clara", "Kai", "Ina", "Anna", "Marie", "Frank"})
FAMILY = frozenset({"Herrmann", "Wegner", "Czyborra", "Schultze", "Berndt", "Meier", "Balzer"})


@pytest.mark.parametrize(
    "text, names",
    [
        ("Bezirksbürgermeisterin Clara Herrmann eröffnet das Fest .", ["Clara Herrmann"]),
        ("Der Regierende Bürgermeister Kai Wegner sagte :", ["Kai Wegner"]),
        (
            "Senatorin Dr. Ina Czyborra und Frau Anna Marie Meier kamen .",
            ["Ina Czyborra", "Anna Marie Meier"],
        ),
        ("Bezirksstadträtin Anna Schultze-Berndt lädt ein .", ["Anna Schultze-Berndt"]),
        # no office or address word before the name
        ("Clara Herrmann eröffnet das Fest .", []),
        # the given name is not in the list
        ("Senatorin Iris Wegner sagte .", []),
        # the family name is not in the list
        ("Senator Frank Nichtimverzeichnis sagte .", []),
        # a third capitalised name-like word: the span is uncertain
        ("Stadtrat Frank Balzer Meier sagte .", []),
        # office word followed by a plain noun
        ("Die Senatorin Anna Rathaus besuchte .", []),
    ],
)
def test_find_cued_people(text, names):
    words = text.split()
    spans = find_cued_people(words, given=GIVEN, family=FAMILY)
    assert [" ".join(words[s:e]) for s, e in spans] == names


def test_silver_person_doc_marks_only_what_it_knows():
    words = ["Senatorin", "Dr.", "Ina", "Czyborra", "besuchte", "die", "Charité", "in", "Mitte", "."]
    doc = silver_person_doc(spacy.blank("de").vocab, words, [True] * len(words), [(2, 4)])
    assert [(e.text, e.label_) for e in doc.ents] == [("Ina Czyborra", "PER")]
    iob = {t.text: t.ent_iob_ for t in doc}
    assert iob["Senatorin"] == "O" and iob["Dr."] == "O" and iob["besuchte"] == "O" and iob["."] == "O"
    assert iob["Charité"] == "" and iob["Mitte"] == ""  # unknown: may be an ORG/LOC


def _ruler_nlp(patterns):
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(patterns)
    return nlp


def test_score_ner_docs_exact_spans_and_ignored_labels():
    nlp = _ruler_nlp(
        [
            {"label": "PER", "pattern": "Kai Wegner"},
            {"label": "LOC", "pattern": "Berlin"},
            {"label": "MISC", "pattern": "Olympia"},
            {"label": "ORG", "pattern": "Senat"},
        ]
    )
    v = nlp.vocab
    gold = [
        # PER right, LOC right, gold ORG "Senat von Berlin" is missed (predicted span is shorter)
        make_ner_doc(
            v, ["Kai", "Wegner", "und", "der", "Senat", "von", "Berlin"], [(0, 2, "PER"), (4, 7, "ORG")]
        ),
        make_ner_doc(v, ["Olympia", "kommt", "nach", "Berlin"], [(3, 4, "LOC")]),
    ]
    all_labels = score_ner_docs(nlp, gold)
    t = all_labels["ents_per_type"]
    assert t["PER"]["f"] == 1.0
    assert t["LOC"]["p"] == 0.5 and t["LOC"]["r"] == 1.0  # "Berlin" inside the gold ORG is a false LOC
    assert t["ORG"]["r"] == 0.0
    assert t["MISC"]["p"] == 0.0  # a MISC with no gold MISC
    no_misc = score_ner_docs(nlp, gold, labels=("PER", "LOC", "ORG"))
    assert "MISC" not in no_misc["ents_per_type"]
    assert no_misc["ents_p"] > all_labels["ents_p"]  # the MISC prediction no longer counts
    assert no_misc["plo_f"] == no_misc["ents_f"]
    assert all_labels["sentences"] == 2
