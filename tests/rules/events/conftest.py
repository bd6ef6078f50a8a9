"""Fixtures of the event-rule tests: the blank pipeline (layout blocks only) the rules run on."""

from __future__ import annotations

import pytest

import pressextract


@pytest.fixture(scope="module")
def nlp():
    return pressextract.load("blank", stages=[])
