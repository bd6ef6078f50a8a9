"""The events stage: events a release reports or announces -> doc.spans["press_events"] with span._.event."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.contract import EVENTS_KEY, TimexRef, block_ranges
from pipeline.rules.events import find_events, load_lexicon
from pipeline.rules.programme import load_grammar, programme_line_ranges

SPANS_KEY = EVENTS_KEY


class PressEvents:
    """Writes doc.spans["press_events"]: one evidence sentence per event, span._.event = {name, type, …}."""

    def __init__(self, nlp: Language, name: str, *, max_name_tokens: int, max_organizer_chars: int) -> None:
        self.name = name
        self.max_name_tokens = max_name_tokens
        self.max_organizer_chars = max_organizer_chars
        self.lexicon = load_lexicon()
        self.grammar = load_grammar()

    def __call__(self, doc: Doc) -> Doc:
        skip = block_ranges(doc, "caption")
        text = doc.text  # once: spaCy rebuilds it from the tokens on every access
        programme = programme_line_ranges(text, grammar=self.grammar)
        lead = block_ranges(doc, "kicker", "title", "lead")
        headings = block_ranges(doc, "heading")
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        spans = []
        for match in find_events(
            doc,
            lexicon=self.lexicon,
            timexes=TimexRef.from_doc(doc),
            skip=skip,
            programme=programme,
            lead=lead,
            headings=headings,
            entities=ents,
            max_name_tokens=self.max_name_tokens,
            max_organizer_chars=self.max_organizer_chars,
            text=text,
        ):
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is None:
                continue
            span._.event = {**match.event, "mentions": match.mentions}
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory(
    "press_events", assigns=["doc.spans"], default_config={"max_name_tokens": 14, "max_organizer_chars": 200}
)
def make_events(nlp: Language, name: str, max_name_tokens: int, max_organizer_chars: int) -> PressEvents:
    return PressEvents(nlp, name, max_name_tokens=max_name_tokens, max_organizer_chars=max_organizer_chars)
