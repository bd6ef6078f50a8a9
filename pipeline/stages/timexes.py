"""The timexes stage: German dates, times, durations and sets with TIMEX3-style values.

Example: "tagte am 27. und 28. August 2018 in Kassel" -> doc.spans["press_timexes"] = [Span("27."),
Span("28. August 2018")], label DATE, span._.timex = {"value": "2018-08-28", "mod": None,
"rule_id": "date.d_month_y", "range": "2018-08-27/2018-08-28", "day_context": False}.
doc._.press_published is the release date printed in the text ("Pressemitteilung vom 12.06.2019").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from pressextract.contract import TIMEXES_KEY, Refs
from pressextract.rules.timexes import TimexMatch, timex_dict
from pressextract.rules.timexes.document import (
    TimexOptions,
    find_document_date,
    find_timex_matches,
    load_rules,
)
from pressextract.stages.settings import defaults


class PressTimexes:
    """Writes doc.spans["press_timexes"] (labels DATE, TIME, DURATION, SET) and doc._.press_published."""

    def __init__(self, nlp: Language, name: str, *, options: TimexOptions) -> None:
        self.name = name
        self.options = options
        self.rules = load_rules()  # loads and validates the resources at start-up

    def __call__(self, doc: Doc) -> Doc:
        refs = Refs.from_doc(doc, "blocks")
        doc._.press_published = find_document_date(doc, rules=self.rules, options=self.options, refs=refs)
        refs = replace(refs, published=doc._.press_published)
        doc.spans[TIMEXES_KEY] = _spans(
            doc, find_timex_matches(doc, rules=self.rules, options=self.options, refs=refs)
        )
        return doc


def _spans(doc: Doc, matches: list[TimexMatch]) -> list[Span]:
    spans: list[Span] = []
    for t in matches:
        span = doc.char_span(t.start, t.end, label=t.label, alignment_mode="expand")
        if span is None or not len(span):
            continue
        payload = timex_dict(t)
        # The German tokenizer keeps a sentence-final "2019." as one token, so the span can be one
        # character wider than the expression; the exact extent travels with the payload.
        payload.update(char_start=t.start, char_end=t.end, text=t.text)
        if spans and spans[-1].start == span.start and spans[-1].end == span.end:
            # "13:30-15:00" is one token: keep one span and give it the range value
            prev = spans[-1]._.timex
            if t.range:
                prev["value"] = t.range
            continue
        span._.timex = payload
        spans.append(span)
    return spans


@Language.factory("press_timexes", assigns=["doc.spans"], default_config=defaults(TimexOptions))
def make_timexes(nlp: Language, name: str, domain: str, find_published_date: bool) -> PressTimexes:
    return PressTimexes(
        nlp, name, options=TimexOptions(domain=domain, find_published_date=find_published_date)
    )
