"""Mended sentences (pipeline/rules/events/sentences.py): a sentence the parser cut inside its date."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pressextract.rules.events.sentences import mended_sentence


def _doc(pieces: list[str]) -> Doc:
    """A Doc whose sentences are the given pieces (as a parser might cut them); words split at spaces."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    for piece in pieces:
        toks = piece.split(" ")
        for k, tok in enumerate(toks):
            nl = tok.endswith("\n")
            words.append(tok)
            spaces.append(not nl and (k < len(toks) - 1 or piece is not pieces[-1]))
            starts.append(k == 0)
    return Doc(spacy.blank("de").vocab, words=words, spaces=spaces, sent_starts=starts)


@pytest.mark.parametrize(
    "pieces, joined",
    [
        # should join: the parser cut after the date ("2021" and "(3.5.)" end no sentence)
        (["Am 18. Februar 2021", ", dem Vorabend , wird eine Gedenkveranstaltung stattfinden ."], True),
        (["Die Stadträtin begrüßte am Freitagabend (3.5.)", "rund 200 Gäste zum Sommerempfang ."], True),
        (["Am Samstag", ", 4. Mai", ", gibt es um 15 Uhr ein Sommerfest ."], True),
        # shouldn't join: the piece before ends with a stop, a colon or a line break
        (["Die Bibliothek ist renoviert .", "Am Sonntag gibt es ein Sommerfest ."], False),
        (["Termine im Mai :", "Am Sonntag gibt es ein Sommerfest ."], False),
        (["Sommerfest im Kiez\n", "Am Sonntag gibt es ein Fest ."], False),
    ],
)
def test_mended_sentence(pieces, joined):
    doc = _doc(pieces)
    last = len(doc) - 2  # a token of the last piece
    sent = mended_sentence(doc, last, text=doc.text)
    assert (sent.start == 0) is joined
    assert sent.end == len(doc)
