"""The events stage: events a release reports or announces -> doc.spans["press_events"] with span._.event.

Example: "tagte am 27. und 28. August 2018 in Kassel die Bundeskonferenz …" -> one span (the evidence
sentence) with span._.event = {name: "Bundeskonferenz …", type: "Konferenz", start: "2018-08-27", …}.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pressextract.contract import EVENTS_KEY, Refs
from pressextract.rules.events import EventMatch, EventOptions, find_events, load_rules
from pressextract.stages.settings import defaults

SPANS_KEY = EVENTS_KEY


class PressEvents:
    """Writes doc.spans["press_events"]: one evidence sentence per event, span._.event = {name, type, …}."""

    def __init__(self, nlp: Language, name: str, *, options: EventOptions) -> None:
        self.name = name
        self.options = options
        self.rules = load_rules()  # validate the data files at start-up

    def __call__(self, doc: Doc) -> Doc:
        refs = Refs.from_doc(doc, "blocks", "timexes", "entities")
        matches = find_events(doc, rules=self.rules, options=self.options, refs=refs)
        doc.spans[EVENTS_KEY] = [span for m in matches if (span := _span(doc, m)) is not None]
        return doc


def _span(doc: Doc, match: EventMatch) -> Span | None:
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is not None:
        span._.event = {**match.event, "mentions": match.mentions}
    return span


@Language.factory("press_events", assigns=["doc.spans"], default_config=defaults(EventOptions))
def make_events(
    nlp: Language,
    name: str,
    max_name_tokens: int,
    max_organizer_chars: int,
    publisher_organizer: bool,
    max_years_back: int,
) -> PressEvents:
    options = EventOptions(
        max_name_tokens=max_name_tokens,
        max_organizer_chars=max_organizer_chars,
        publisher_organizer=publisher_organizer,
        max_years_back=max_years_back,
    )
    return PressEvents(nlp, name, options=options)
