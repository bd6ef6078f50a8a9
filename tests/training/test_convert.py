"""Fast tests of the corpus converters in pressextract.training.convert (tiny inline samples)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from pressextract.training.convert import (
    bio_to_spans,
    guess_spaces,
    iter_concatenated_json,
    make_ner_doc,
    map_germeval_label,
    map_ler_label,
    map_smartdata_type,
    read_germeval,
    read_ler,
    smartdata_doc,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")

GERMEVAL_SAMPLE = (
    "#\thttp://de.wikipedia.org/wiki/X\t[2009-10-23]\t\n"
    "1\tDer\tO\tO\n"
    "2\tFC\tB-ORG\tO\n"
    "3\tKickers\tI-ORG\tO\n"
    "4\tDarmstadt\tI-ORG\tB-LOC\n"
    "5\tund\tO\tO\n"
    "6\tdeutsche\tB-LOCderiv\tO\n"
    "7\tTroia-Ausstellung\tB-LOCpart\tO\n"
    "8\tmit\tO\tO\n"
    "9\tAngela\tB-PER\tO\n"
    "10\tMerkel\tI-PER\tO\n"
    "11\tund\tO\tO\n"
    "12\tHarry\tB-OTH\tO\n"
    "13\tPotter\tI-OTH\tO\n"
    "\n"
    "#\thttp://www.tagesspiegel.de/politik/x\t[2007-08-11]\n"
    '1\t"\tO\tO\t\n'  # the known 5-field quirk of NER-de-test.tsv line 19728
    "2\tSonst\tO\tO\n"
    "\n"
)


def test_germeval_label_mapping():
    assert map_germeval_label("PER") == "PER"
    assert map_germeval_label("OTH") == "MISC"
    assert map_germeval_label("LOCderiv") is None
    assert map_germeval_label("ORGpart") is None


def test_read_germeval_outer_level_and_quirk():
    sents = list(read_germeval(GERMEVAL_SAMPLE.splitlines(keepends=True)))
    assert len(sents) == 2
    words, tags = sents[0]
    assert words[1:4] == ["FC", "Kickers", "Darmstadt"]
    assert tags == [
        "O",
        "B-ORG",
        "I-ORG",
        "I-ORG",
        "O",
        "O",
        "O",
        "O",
        "B-PER",
        "I-PER",
        "O",
        "B-MISC",
        "I-MISC",
    ]
    assert bio_to_spans(tags) == [(1, 4, "ORG"), (8, 10, "PER"), (11, 13, "MISC")]
    words2, tags2 = sents[1]
    assert words2 == ['"', "Sonst"] and tags2 == ["O", "O"]


def test_germeval_doc_has_entities():
    words, tags = next(read_germeval(GERMEVAL_SAMPLE.splitlines()))
    doc = make_ner_doc(spacy.blank("de").vocab, words, bio_to_spans(tags))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("FC Kickers Darmstadt", "ORG"),
        ("Angela Merkel", "PER"),
        ("Harry Potter", "MISC"),
    ]


def test_bio_to_spans_lenient():
    assert bio_to_spans(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
    ]
    assert bio_to_spans([]) == []


def test_guess_spaces():
    assert guess_spaces(["Er", "kam", "(", "heute", ")", "."]) == [True, True, False, False, False, False]


def test_ler_mapping():
    assert map_ler_label("RR") == "PER"
    assert map_ler_label("ST") == "LOC"
    assert map_ler_label("GRT") == "ORG"
    assert map_ler_label("GS") == "-"
    assert map_ler_label("XYZ") is None


def test_read_ler_crlf_and_missing():
    sample = "Das O\r\nBundesverfassungsgericht B-GRT\r\nin O\r\nKarlsruhe B-ST\r\nnach O\r\n§ B-GS\r\n5 I-GS\r\nBGB I-GS\r\n\r\n"
    ((words, ents, missing),) = list(read_ler(sample.splitlines(keepends=True)))
    assert words[1] == "Bundesverfassungsgericht"
    assert ents == [(1, 2, "ORG"), (3, 4, "LOC")]
    assert missing == [(5, 8)]
    doc = make_ner_doc(spacy.blank("de").vocab, words, ents, missing)
    assert [t.ent_iob_ for t in doc] == ["O", "B", "O", "B", "O", "", "", ""]


def test_smartdata_types():
    assert map_smartdata_type("person") == "PER"
    assert map_smartdata_type("location-street") == "LOC"
    assert map_smartdata_type("organization-company") == "ORG"
    assert map_smartdata_type("org-position") is None
    assert map_smartdata_type("date") is None


def test_smartdata_concatenated_json_and_doc():
    obj = {
        "id": "x1",
        "text": {"string": "Siemens entlässt 100 Mitarbeiter in München, sagt Joe Kaeser."},
        "conceptMentions": {
            "array": [
                {"type": "organization-company", "span": {"start": 0, "end": 7}},
                {"type": "number", "span": {"start": 17, "end": 20}},
                {"type": "location-city", "span": {"start": 35, "end": 42}},
                {"type": "person", "span": {"start": 49, "end": 59}},
            ]
        },
    }
    text = json.dumps(obj, indent=2) + "\n" + json.dumps({"id": "x2", "text": None}, indent=2)
    objs = list(iter_concatenated_json(text))
    assert [o["id"] for o in objs] == ["x1", "x2"]
    nlp = spacy.blank("de")
    doc = smartdata_doc(nlp, objs[0])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Siemens", "ORG"),
        ("München", "LOC"),
        ("Joe Kaeser", "PER"),
    ]
    assert smartdata_doc(nlp, objs[1]) is None


@pytest.mark.shared
def test_real_germeval_files_parse():
    path = SHARED / "germeval2014" / "NER-de-test.tsv"
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    with open(path, encoding="utf-8") as f:
        sents = list(read_germeval(f))
    assert len(sents) == 5100
    n_per = sum(1 for _, tags in sents for s in bio_to_spans(tags) if s[2] == "PER")
    assert n_per == 1639


@pytest.mark.shared
def test_real_gsd_merges_multiword_tokens():
    path = SHARED / "ud-german-gsd" / "de_gsd-ud-dev.conllu"
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    from pressextract.training.convert import read_conllu_docs

    docs = read_conllu_docs(path, spacy.blank("de").vocab)
    words = [t for d in docs for t in d]
    assert sum(len(list(d.sents)) for d in docs) == 799
    assert len(words) == 12316  # tokens, not syntactic words
    ims = [t for t in words if t.text == "im"]
    assert ims and all(t.lemma_ == "in" for t in ims)


def test_silver_lemma_filter():
    from pressextract.training.silver import silver_lemma

    assert silver_lemma("sagte", "sagen", "VVFIN") == "sagen"
    assert silver_lemma("WIAS", "Wia", "NN") == ""
    assert silver_lemma("Social-Media-Kanälen", "Social-media-kanäl", "NN") == ""
    assert silver_lemma("Berlin", "Berlin", "NE") == ""
    assert silver_lemma("2020", "2020", "CARD") == ""
