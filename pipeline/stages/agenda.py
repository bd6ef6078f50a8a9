"""The agenda stage: timed programme entries -> doc.spans["press_agenda"] with span._.agenda."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.layout import blocks
from pipeline.rules.agenda import EventRef, OfficeRef, PersonRef, find_agenda, load_grammar
from pipeline.stages.events import timex_refs

SPANS_KEY = "press_agenda"

if not Span.has_extension("agenda"):
    Span.set_extension("agenda", default=None)

try:  # the timexes stage owns day-header resolution; our own resolver is the fallback
    from pipeline.rules.timexes import resolve_day_header as _resolve_day_header
except ImportError:  # pragma: no cover - depends on the timexes stage being installed
    _resolve_day_header = None


def _day_resolver(text: str, rng: tuple[date, date] | None) -> date | None:
    if _resolve_day_header is None or rng is None:
        return None
    try:
        value = _resolve_day_header(text, date_range=rng)
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


def person_refs(doc: Doc) -> list[PersonRef]:
    out = []
    for s in doc.spans.get("press_people", []):
        p = (getattr(s._, "person", None) or {}) if Span.has_extension("person") else {}
        if p.get("person_id"):
            out.append(PersonRef(s.start_char, s.end_char, p["person_id"], p.get("name") or s.text))
    return out


def office_refs(doc: Doc) -> list[OfficeRef]:
    """Offices that press_roles bound to a named person (role_norm, person_id, name)."""
    out = []
    for s in doc.spans.get("press_roles", []):
        r = (getattr(s._, "role", None) or {}) if Span.has_extension("role") else {}
        if r.get("person_id") and r.get("role_norm"):
            out.append(OfficeRef(r["role_norm"], r["person_id"], r.get("name") or ""))
    return out


def event_refs(doc: Doc) -> list[EventRef]:
    out = []
    for i, s in enumerate(doc.spans.get("press_events", [])):
        e = (getattr(s._, "event", None) or {}) if Span.has_extension("event") else {}
        out.append(EventRef(i, tuple(e.get("mentions") or (s.start_char,)), e.get("start"), e.get("end")))
    return out


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
        excluded = [(s.start_char, s.end_char) for s in blocks(doc, "caption")]
        bullets = [(s.start_char, s.end_char) for s in blocks(doc, "list_item")]
        spans = []
        for entry in find_agenda(
            doc.text,
            grammar=self.grammar,
            timexes=timex_refs(doc),
            people=person_refs(doc),
            events=event_refs(doc),
            offices=office_refs(doc) if self.office_participants else (),
            excluded=excluded,
            bullets=bullets,
            max_title_chars=self.max_title_chars,
            context_lines=self.context_lines,
            day_resolver=_day_resolver if _resolve_day_header else None,
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
