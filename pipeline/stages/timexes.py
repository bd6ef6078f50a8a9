"""The timexes stage: German dates, times, durations and sets with TIMEX3-style values.

Example: "tagte am 27. und 28. August 2018 in Kassel" -> doc.spans["press_timexes"] = [Span("27."),
Span("28. August 2018")], label DATE, span._.timex = {"value": "2018-08-28", "mod": None,
"rule_id": "date.d_month_y", "range": "2018-08-27/2018-08-28", "day_context": False}.
doc._.press_published is the release date printed in the text ("Pressemitteilung vom 12.06.2019").
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.contract import TIMEXES_KEY, doc_meta, excluded_ranges
from pipeline.rules.timexes import default_grammar, find_published, find_timexes, timex_dict


def document_anchor(doc: Doc) -> date | None:
    """The anchor for relative expressions: metadata "published", else the date printed in the text.

    Example: press_meta {"published": "2019-06-12"} -> date(2019, 6, 12).
    """
    for iso in (doc_meta(doc).get("published"), doc._.press_published):
        if iso:
            try:
                return date.fromisoformat(str(iso)[:10])
            except ValueError:
                continue
    return None


class PressTimexes:
    """Writes doc.spans["press_timexes"] (labels DATE, TIME, DURATION, SET) and doc._.press_published."""

    def __init__(self, nlp: Language, name: str, *, domain: str, find_published_date: bool) -> None:
        self.name = name
        self.domain = domain
        self.find_published_date = find_published_date
        self.grammar = default_grammar()  # loads and validates the resources at start-up

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        if self.find_published_date and doc._.press_published is None:
            found = find_published(text, grammar=self.grammar)
            doc._.press_published = found.isoformat() if found else None
        excluded = excluded_ranges(doc)
        bounds = [s.end_char for s in doc.sents] if doc.has_annotation("SENT_START") else None
        matches = find_timexes(
            text,
            anchor=document_anchor(doc),
            domain=self.domain,
            grammar=self.grammar,
            sent_bounds=bounds,
            excluded=excluded,
        )
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
        doc.spans[TIMEXES_KEY] = spans
        return doc


@Language.factory(
    "press_timexes", assigns=["doc.spans"], default_config={"domain": "news", "find_published_date": True}
)
def make_timexes(nlp: Language, name: str, domain: str, find_published_date: bool) -> PressTimexes:
    return PressTimexes(nlp, name, domain=domain, find_published_date=find_published_date)
