"""Converters of the v0.2 NER data (WikiANN, Europarl, CoNLL-2003 testa, UNER PUD) on inline samples."""

from __future__ import annotations

import lzma

import pytest
import spacy

from pressextract.paths import shared_data_dir
from pressextract.training.convert import (
    bio_to_spans,
    iob1_to_iob2,
    make_ner_doc,
    maybe_unmarked_entity,
    read_conll2003,
    read_europarl,
    read_uner,
    read_wikiann,
    spaces_from_text,
    wikiann_missing,
)


@pytest.mark.parametrize(
    "iob1, iob2",
    [
        (["I-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"]),
        # B- in IOB1: two entities of one type touch
        (["I-PER", "B-PER", "I-PER"], ["B-PER", "B-PER", "I-PER"]),
        # an I- after another type starts a new entity
        (["I-ORG", "I-LOC", "O", "I-MISC"], ["B-ORG", "B-LOC", "O", "B-MISC"]),
        (["O", "O"], ["O", "O"]),
        ([], []),
    ],
)
def test_iob1_to_iob2(iob1, iob2):
    assert iob1_to_iob2(iob1) == iob2


EUROPARL_SAMPLE = (
    "Herr\tHerr\tNN\tI-NC\tO\n"
    "Schulz\tSchulz\tNE\tI-NC\tI-PER\n"
    "aus\taus\tAPPR\tI-PC\tO\n"
    "Bayern\tBayern\tNE\tI-NC\tI-LOC\n"
    "lobt\tloben\tVVFIN\tI-VC\tO\n"
    "die\td\tART\tI-NC\tO\n"
    "europäischen\teuropäisch\tADJA\tI-NC\tI-MISC\n"
    "Fischer\tFischer\tNN\tI-NC\tO\n"
    "und\tund\tKON\tO\tO\n"
    "Anna\tAnna\tNE\tI-NC\tI-PER\n"
    "Meier\tMeier\tNE\tI-NC\tI-PER\n"
    "Otto\tOtto\tNE\tI-NC\tB-PER\n"
    ".\t.\t$.\tO\tO\n"
    "\n"
    "Danke\tdanken\tVVFIN\tI-VC\tO\n"
    "\n"
)


def test_read_europarl_iob1_and_misc_missing():
    sents = list(read_europarl(EUROPARL_SAMPLE.splitlines(keepends=True)))
    assert len(sents) == 2
    words, ents, missing = sents[0]
    assert ents == [(1, 2, "PER"), (3, 4, "LOC"), (9, 11, "PER"), (11, 12, "PER")]
    assert missing == [(6, 7)]
    doc = make_ner_doc(spacy.blank("de").vocab, words, ents, missing)
    assert [e.text for e in doc.ents] == ["Schulz", "Bayern", "Anna Meier", "Otto"]
    assert doc[6].ent_iob_ == "" and doc[7].ent_iob_ == "O"
    assert sents[1] == (["Danke"], [], [])


WIKIANN_SAMPLE = (
    "0\tder\tO\n"
    "1\tFC\tB-ORG\n"
    "2\tBayern\tI-ORG\n"
    "3\tgewann\tO\n"
    "4\tdie\tO\n"
    "5\tOlympischen\tO\n"
    "6\tSpiele\tO\n"
    "7\t1972\tO\n"
    "8\tgegen\tO\n"
    "9\tdeutsche\tO\n"
    "10\tTeams\tO\n"
    "11\t.\tO\n"
    "\n"
    "0\tWEITERLEITUNG\tO\n"
    "1\tLou\tB-PER\n"
    "2\tSalomé\tI-PER\n"
)


def test_read_wikiann_and_missing_for_possible_misc():
    sents = list(read_wikiann(WIKIANN_SAMPLE.splitlines(keepends=True)))
    assert len(sents) == 2
    words, tags = sents[0]
    spans = bio_to_spans(tags)
    assert spans == [(1, 3, "ORG")]
    missing = wikiann_missing(words, spans)
    # capitalised words and numbers outside entities are unknown, lower-case words and "." stay O
    assert [words[s] for s, _ in missing] == ["Olympischen", "Spiele", "1972", "Teams"]
    doc = make_ner_doc(spacy.blank("de").vocab, words, spans, missing)
    assert [t.ent_iob_ for t in doc] == ["O", "B", "I", "O", "O", "", "", "", "O", "O", "", "O"]
    _, tags2 = sents[1]
    assert bio_to_spans(tags2) == [(1, 3, "PER")]


def test_read_wikiann_rejects_unknown_tag():
    with pytest.raises(ValueError):
        list(read_wikiann(["0\tKunst\tB-MISC\n"]))


@pytest.mark.parametrize(
    "word, maybe",
    [
        ("Olympischen", True),
        ("Rathaus", True),
        ("iPhone", True),
        ("2019", True),
        ("deutschen", False),
        ("und", False),
        (",", False),
        ("''", False),
    ],
)
def test_maybe_unmarked_entity(word, maybe):
    assert maybe_unmarked_entity(word) is maybe


CONLL_SAMPLE = (
    "-DOCSTART- -X- -X- -X- O\n"
    "\n"
    "Bürgermeisterin bürgermeisterin NN I-NC O\n"
    "Petra petra NE I-NC I-PER\n"
    "Roth roth NE I-NC I-PER\n"
    "besucht besuchen VVFIN I-VC O\n"
    "Frankfurt frankfurt NE I-NC I-LOC\n"
    "Hoechst hoechst NE I-NC B-LOC\n"
    ". . $. O O\n"
    "\n"
    "-DOCSTART- -X- -X- -X- O\n"
    "\n"
    "Die d ART I-NC O\n"
    "Eintracht eintracht NE I-NC I-ORG\n"
)


def test_read_conll2003_docstart_and_iob1():
    sents = list(read_conll2003(CONLL_SAMPLE.splitlines(keepends=True)))
    assert len(sents) == 2
    words, tags = sents[0]
    assert words[0] == "Bürgermeisterin"
    assert bio_to_spans(tags) == [(1, 3, "PER"), (4, 5, "LOC"), (5, 6, "LOC")]
    assert sents[1] == (["Die", "Eintracht"], ["O", "B-ORG"])


UNER_SAMPLE = (
    "# sent_id = x-1\n"
    "# text = „Gut“, sagte Kai Wegner in Berlin.\n"
    "1\t„\tO\t-\t-\n"
    "2\tGut\tO\t-\t-\n"
    "3\t“\tO\t-\t-\n"
    "4\t,\tO\t-\t-\n"
    "5\tsagte\tO\t-\t-\n"
    "6\tKai\tB-PER\t-\ta\n"
    "7\tWegner\tI-PER\t-\ta\n"
    "8\tin\tO\t-\t-\n"
    "9\tBerlin\tB-LOC\t-\ta\n"
    "10\t.\tO\t-\t-\n"
    "\n"
)


def test_read_uner_keeps_text_spacing():
    ((words, tags, text),) = list(read_uner(UNER_SAMPLE.splitlines(keepends=True)))
    spaces = spaces_from_text(words, text)
    doc = make_ner_doc(spacy.blank("de").vocab, words, bio_to_spans(tags), spaces=spaces)
    assert doc.text == "„Gut“, sagte Kai Wegner in Berlin."
    assert [(e.text, e.label_) for e in doc.ents] == [("Kai Wegner", "PER"), ("Berlin", "LOC")]


def test_spaces_from_text_falls_back_when_words_differ():
    assert spaces_from_text(["Er", "kam", "."], "Sie kam.") == [True, False, False]


EXTRA = shared_data_dir() / "ner-extra"


@pytest.mark.skipif(not EXTRA.exists(), reason="shared/data/ner-extra not available")
@pytest.mark.parametrize(
    "path, reader, n_sents",
    [
        ("europarl-ner/dev.tsv.xz", read_europarl, 354),
        ("uner-de-pud/de_pud-ud-test.iob2.xz", read_uner, 1000),
        ("conll2003-de/deu.testa.utf8.xz", read_conll2003, 2867),
    ],
)
def test_real_files_parse(path, reader, n_sents):
    with lzma.open(EXTRA / path, "rt", encoding="utf-8") as f:
        assert sum(1 for _ in reader(f)) == n_sents
