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
