"""LabelScheme adapter (pipeline/backbone.py) on hand-built docs in both label schemes.

UD: the bundled model (nsubj/obj/appos, UPOS + UD features; GSD/PUD finite verbs often carry only
``Mood=...`` without ``VerbForm=Fin``). TIGER: de_core_news_* (sb/oa/app/pnc, STTS tags).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pressextract.backbone import LabelScheme


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("de").vocab


# "Senatorin Anna Müller sagte , man müsse den Plan prüfen ."
WORDS = ["Senatorin", "Anna", "Müller", "sagte", ",", "man", "müsse", "den", "Plan", "prüfen", "."]


@pytest.fixture(scope="module")
def ud_doc(vocab):
    return Doc(
        vocab,
        words=WORDS,
        heads=[3, 0, 1, 3, 9, 9, 9, 8, 9, 3, 3],
        deps=["nsubj", "appos", "flat:name", "ROOT", "punct", "nsubj", "aux", "det", "obj", "ccomp", "punct"],
        pos=["NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "AUX", "DET", "NOUN", "VERB", "PUNCT"],
        morphs=[
            "",
            "",
            "",
            "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            "",
            "",
            "Mood=Sub|Number=Sing|Person=3|Tense=Pres",
            "",
            "",
            "VerbForm=Inf",
            "",
        ],
    )


@pytest.fixture(scope="module")
def tiger_doc(vocab):
    return Doc(
        vocab,
        words=WORDS,
        heads=[3, 2, 0, 3, 3, 6, 3, 8, 9, 6, 3],
        deps=["sb", "pnc", "nk", "ROOT", "punct", "sb", "oc", "nk", "oa", "oc", "punct"],
        tags=["NN", "NE", "NE", "VVFIN", "$,", "PIS", "VMFIN", "ART", "NN", "VVINF", "$."],
        pos=["NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "AUX", "DET", "NOUN", "VERB", "PUNCT"],
        morphs=[
            "",
            "",
            "",
            "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            "",
            "",
            "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
            "",
            "",
            "VerbForm=Inf",
            "",
        ],
    )


def _select(doc, pred):
    return [t.text for t in doc if pred(t)]


def test_ud_scheme(ud_doc):
    s = LabelScheme("ud")
    assert _select(ud_doc, s.is_subject) == ["Senatorin", "man"]
    assert "Plan" in _select(ud_doc, s.is_object)
    assert _select(ud_doc, s.is_apposition) == ["Anna"]
    assert _select(ud_doc, s.is_name_part) == ["Müller"]
    # "müsse" has Mood=Sub but no VerbForm=Fin (as in GSD/PUD); still finite
    assert _select(ud_doc, s.is_finite_verb) == ["sagte", "müsse"]
    assert _select(ud_doc, s.is_subjunctive) == ["müsse"]


def test_tiger_scheme(tiger_doc):
    s = LabelScheme("tiger")
    assert _select(tiger_doc, s.is_subject) == ["Senatorin", "man"]
    assert _select(tiger_doc, s.is_object) == ["müsse", "Plan", "prüfen"]  # oc + oa
    assert _select(tiger_doc, s.is_name_part) == ["Anna", "Müller"]
    assert _select(tiger_doc, s.is_finite_verb) == ["sagte", "müsse"]
    assert _select(tiger_doc, s.is_subjunctive) == ["müsse"]


def test_schemes_do_not_cross(ud_doc, tiger_doc):
    assert not any(LabelScheme("tiger").is_subject(t) for t in ud_doc)
    assert not any(LabelScheme("ud").is_subject(t) for t in tiger_doc)


def test_infinitive_is_not_finite(ud_doc, tiger_doc):
    for doc, name in ((ud_doc, "ud"), (tiger_doc, "tiger")):
        assert not LabelScheme(name).is_finite_verb(doc[9])


def test_detect_blank_is_ud():
    nlp = spacy.blank("de")
    assert LabelScheme.detect(nlp).name == "ud"


def test_detect_tiger_parser():
    nlp = spacy.blank("de")
    parser = nlp.add_pipe("parser")
    parser.add_label("sb")
    parser.add_label("oa")
    assert LabelScheme.detect(nlp).name == "tiger"


@pytest.mark.model
def test_detect_bundled_model_is_ud():
    from pressextract.backbone import bundled_path

    path = bundled_path()
    if path is None:
        pytest.skip("bundled model models/de_pressextract not trained")
    nlp = spacy.load(path)
    s = LabelScheme.detect(nlp)
    assert s.name == "ud"
    doc = nlp("Die Senatorin sagte, man müsse den Plan prüfen.")
    assert any(s.is_subject(t) for t in doc)
    assert any(s.is_finite_verb(t) for t in doc)


@pytest.mark.parametrize(
    "meta, expected",
    [
        ({"lang": "de", "name": "core_news_lg"}, "de_core_news_lg"),
        ({"lang": "de", "name": "de_pressextract"}, "de_pressextract"),
    ],
)
def test_model_info_names_the_model_once(meta, expected):
    from pressextract.backbone import model_info

    nlp = spacy.blank("de")
    nlp.meta.update(meta)
    assert model_info(nlp)["name"] == expected


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Stadtteil.„Wir bleiben“", ["Stadtteil", ".", "„", "Wir", "bleiben", "“"]),
        ("sagte er:„Nein.“", ["sagte", "er", ":", "„", "Nein", ".", "“"]),
        # abbreviations and web addresses stay whole
        ("z.B.„Test“", ["z.B.", "„", "Test", "“"]),
        ("Die Seite www.test.de ist neu.", ["Die", "Seite", "www.test.de", "ist", "neu", "."]),
    ],
)
def test_glued_opening_quotes_are_split(text, tokens):
    from pressextract.backbone import load_backbone

    nlp = load_backbone("blank")
    assert [t.text for t in nlp.make_doc(text)] == tokens
