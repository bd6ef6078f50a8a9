"""The layout stage: press-release structure as spans in doc.spans["press_blocks"].

Block starts are also sentence starts, so headings and agenda lines never merge into one sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from pressextract.contract import BLOCKS_KEY
from pressextract.rules.layout import EXCLUDED, closing_quote_positions, find_blocks

__all__ = ["BLOCKS_KEY", "PressLayout", "blocks", "body_sents", "is_excluded", "make_layout"]


class PressLayout:
    """Writes doc.spans["press_blocks"] (labels: kicker, title, lead, heading, paragraph, line, list_item, caption)."""

    def __init__(
        self, nlp: Language, name: str, *, sentence_starts: bool, quote_boundaries: bool = True
    ) -> None:
        self.name = name
        self.sentence_starts = sentence_starts
        self.quote_boundaries = quote_boundaries

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.press_meta or {}
        spans = []
        for block in find_blocks(doc.text, has_title=bool(meta.get("has_title"))):
            span = doc.char_span(block.start, block.end, label=block.label, alignment_mode="expand")
            if span is None or not len(span):
                continue
            spans.append(span)
            if self.sentence_starts:
                span[0].is_sent_start = True
                if span.end < len(doc):
                    doc[span.end].is_sent_start = True
        doc.spans[BLOCKS_KEY] = spans
        if self.quote_boundaries and not doc.has_annotation("DEP"):
            # a closing quote after ".!?" stays with its sentence (the parser respects the preset)
            words = [t.text for t in doc]
            spaces = [bool(t.whitespace_) for t in doc]
            for i in closing_quote_positions(words, spaces):
                if doc[i].is_sent_start is not True:  # a block start set above wins
                    doc[i].is_sent_start = False
        return doc


@Language.factory(
    "press_layout",
    assigns=["doc.spans"],
    default_config={"sentence_starts": True, "quote_boundaries": True},
)
def make_layout(nlp: Language, name: str, sentence_starts: bool, quote_boundaries: bool) -> PressLayout:
    return PressLayout(nlp, name, sentence_starts=sentence_starts, quote_boundaries=quote_boundaries)


def blocks(doc: Doc, *labels: str) -> list[Span]:
    """Layout blocks of the given labels (all when none given)."""
    spans = doc.spans.get(BLOCKS_KEY, [])
    return [s for s in spans if not labels or s.label_ in labels]


def is_excluded(doc: Doc, start_char: int, end_char: int) -> bool:
    """True when the character range lies in a block kept out of the body (captions, credits)."""
    return any(
        s.label_ in EXCLUDED and s.start_char <= start_char and end_char <= s.end_char
        for s in doc.spans.get(BLOCKS_KEY, [])
    )


def body_sents(doc: Doc) -> Iterator[Span]:
    """Sentences outside captions and credits, the text extractors read."""
    excluded = [(s.start_char, s.end_char) for s in blocks(doc, *EXCLUDED)]
    for sent in doc.sents:
        if not any(s <= sent.start_char and sent.end_char <= e for s, e in excluded):
            yield sent
