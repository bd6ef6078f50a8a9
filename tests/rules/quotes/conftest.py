"""Pipelines the quote rule tests share: the blank pipeline with the quote stage, and a bare tokenizer."""

from __future__ import annotations

import pytest
import spacy

import pressextract


@pytest.fixture(scope="module")
def nlp():
    """Blank German pipeline + press_quotes (no statistical model): rule behaviour only."""
    return pressextract.load("blank", stages=["press_quotes"])


@pytest.fixture(scope="module")
def blank():
    """spaCy's blank German tokenizer, for Docs built by hand."""
    return spacy.blank("de")


@pytest.fixture(scope="module")
def full():
    """The bundled model with the people, roles and quote stages (rules that read tags and the parse);
    skipped where models/de_pressextract is not trained."""
    from pressextract.backbone import bundled_path

    if bundled_path() is None:
        pytest.skip("bundled model models/de_pressextract not trained")
    return pressextract.load(stages=["press_people", "press_roles", "press_quotes"])


@pytest.fixture(scope="module")
def bundled(full):
    """The same pipeline under the name the reported-speech tests use."""
    return full
