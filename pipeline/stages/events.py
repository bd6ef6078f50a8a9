"""The events stage: events a release reports or announces -> doc.spans["press_events"] with span._.event."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.layout import blocks
from pipeline.rules.agenda import TimexRef, load_grammar, programme_line_ranges
from pipeline.rules.events import find_events, load_lexicon

SPANS_KEY = "press_events"

if not Span.has_extension("event"):
    Span.set_extension("event", default=None)


def timex_refs(doc: Doc) -> list[TimexRef]:
    """press_timexes spans as plain values (label, TIMEX3 value)."""
    out = []
    for s in doc.spans.get("press_timexes", []):
        value = (getattr(s._, "timex", None) or {}).get("value") if Span.has_extension("timex") else None
        out.append(TimexRef(s.start_char, s.end_char, s.label_, value))
    return out


class PressEvents:
    """Writes doc.spans["press_events"]: one evidence sentence per event, span._.event = {name, type, …}."""

    def __init__(self, nlp: Language, name: str, *, max_name_tokens: int, max_organizer_chars: int) -> None:
        self.name = name
        self.max_name_tokens = max_name_tokens
        self.max_organizer_chars = max_organizer_chars
        self.lexicon = load_lexicon()
        self.grammar = load_grammar()

    def __call__(self, doc: Doc) -> Doc:
        skip = [(s.start_char, s.end_char) for s in blocks(doc, "caption")]
        text = doc.text  # once: spaCy rebuilds it from the tokens on every access
        programme = programme_line_ranges(text, grammar=self.grammar)
        lead = [(s.start_char, s.end_char) for s in blocks(doc, "kicker", "title", "lead")]
        headings = [(s.start_char, s.end_char) for s in blocks(doc, "heading")]
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        spans = []
        for match in find_events(
            doc,
            lexicon=self.lexicon,
            timexes=timex_refs(doc),
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
