"""The agenda stage: timed programme entries -> doc.spans["press_agenda"] with span._.agenda."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.contract import AGENDA_KEY, EventRef, OfficeRef, PersonRef, TimexRef, block_ranges
from pipeline.rules.agenda import find_agenda, load_grammar
from pipeline.rules.timexes import resolve_day_header

SPANS_KEY = AGENDA_KEY


def _day_resolver(text: str, rng: tuple[date, date] | None) -> date | None:
    """The timexes rules resolve a day header inside the event's date range.

    Example: "Zweiter Konferenztag" with range 27.–28.08.2018 -> 2018-08-28.
    """
    if rng is None:
        return None
    try:
        value = resolve_day_header(text, date_range=rng)
    except (TypeError, ValueError):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _named_people(doc: Doc) -> list[PersonRef]:
    return [p for p in PersonRef.from_doc(doc) if p.person_id]


def _bound_offices(doc: Doc) -> list[OfficeRef]:
    """Offices that press_roles bound to a named person (role_norm, person_id, name)."""
    return [
        OfficeRef(o.role_norm, o.person_id, o.name or "", o.start, o.end, o.role)
        for o in OfficeRef.from_doc(doc)
        if o.person_id and o.role_norm
    ]


class PressAgenda:
    """Writes doc.spans["press_agenda"]: one span per programme entry, span._.agenda = {date, time, …}."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        max_title_chars: int,
        context_lines: int,
        block_entries: bool = False,
        office_participants: bool = True,
        max_entry_paragraphs: int = 4,
    ) -> None:
        self.name = name
        self.max_title_chars = max_title_chars
        self.context_lines = context_lines
        self.block_entries = block_entries
        self.office_participants = office_participants
        self.max_entry_paragraphs = max_entry_paragraphs
        self.grammar = load_grammar()

    def __call__(self, doc: Doc) -> Doc:
        excluded = block_ranges(doc, "caption")
        bullets = block_ranges(doc, "list_item")
        spans = []
        for entry in find_agenda(
            doc.text,
            grammar=self.grammar,
            timexes=TimexRef.from_doc(doc),
            people=_named_people(doc),
            events=EventRef.from_doc(doc),
            offices=_bound_offices(doc) if self.office_participants else (),
            excluded=excluded,
            bullets=bullets,
            max_title_chars=self.max_title_chars,
            context_lines=self.context_lines,
            day_resolver=_day_resolver,
            block_entries=self.block_entries,
            max_entry_paragraphs=self.max_entry_paragraphs,
        ):
            span = doc.char_span(entry.start, entry.end, alignment_mode="expand")
            if span is None:
                continue
            span._.agenda = {
                "date": entry.date,
                "time": entry.time,
                "end_time": entry.end_time,
                "title": entry.title,
                "day_label": entry.day_label,
                "participants": list(entry.participants),
                "participant_names": list(entry.participant_names),
                "event_index": entry.event_index,
                "rule_id": entry.rule_id,
            }
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory(
    "press_agenda",
    assigns=["doc.spans"],
    default_config={
        "max_title_chars": 300,
        "context_lines": 3,
        "block_entries": False,
        "office_participants": True,
        "max_entry_paragraphs": 4,
    },
)
def make_agenda(
    nlp: Language,
    name: str,
    max_title_chars: int,
    context_lines: int,
    block_entries: bool,
    office_participants: bool,
    max_entry_paragraphs: int,
) -> PressAgenda:
    return PressAgenda(
        nlp,
        name,
        max_title_chars=max_title_chars,
        context_lines=context_lines,
        block_entries=block_entries,
        office_participants=office_participants,
        max_entry_paragraphs=max_entry_paragraphs,
    )
