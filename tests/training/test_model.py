"""Smoke tests of the trained bundled pipeline models/de_pressextract (marked ``model``)."""

from __future__ import annotations

from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parents[2] / "models" / "de_pressextract"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    if not (MODEL / "config.cfg").exists():
        pytest.skip(f"bundled model not trained: {MODEL}")
    import spacy

    return spacy.load(MODEL)


def test_meta_and_components(nlp):
    assert nlp.meta["name"] == "de_pressextract"
    # the model is pinned: the card (models/README.md) and the floors describe this version
    assert nlp.meta["version"] == "0.2.0"
    assert nlp.meta["lang"] == "de"
    assert {"morphologizer", "parser", "ner"} <= set(nlp.pipe_names)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    assert "nsubj" in nlp.get_pipe("parser").labels  # UD labels


def test_size_limit():
    if not MODEL.exists():
        pytest.skip("bundled model not trained")
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size <= 60 * 1024 * 1024  # the size budget of the issue "Backbone v2"


def test_annotations(nlp):
    doc = nlp(
        "Der Regierende Bürgermeister Kai Wegner sagte am Montag im Roten Rathaus, man müsse "
        "zum Schutz der Berliner mehr tun. Die Polizei Berlin ermittelt."
    )
    assert "zum" in [t.text for t in doc] and "im" in [t.text for t in doc]
    assert len(list(doc.sents)) == 2
    by_text = {t.text: t for t in doc}
    assert by_text["sagte"].pos_ in ("VERB", "AUX")
    assert by_text["sagte"].lemma_ == "sagen"
    assert by_text["Bürgermeister"].pos_ == "NOUN"
    assert "Sub" in by_text["müsse"].morph.get("Mood")
    assert any(e.label_ == "PER" and "Wegner" in e.text for e in doc.ents)
