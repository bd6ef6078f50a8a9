"""The agenda stage: timed programme entries -> doc.spans["press_agenda"] with span._.agenda.

Example: "12:00 Uhr - Pressekonferenz" in a release about a conference on 27.–28.08.2018 -> one span with
span._.agenda = {date: "2018-08-27", time: "12:00", title: "Pressekonferenz", …}.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pressextract.contract import AGENDA_KEY, Refs
from pressextract.rules.agenda import AgendaEntry, AgendaOptions, find_agenda, load_rules
from pressextract.stages.settings import defaults

SPANS_KEY = AGENDA_KEY


class PressAgenda:
    """Writes doc.spans["press_agenda"]: one span per programme entry, span._.agenda = {date, time, …}."""

    def __init__(self, nlp: Language, name: str, *, options: AgendaOptions) -> None:
        self.name = name
        self.options = options
        self.rules = load_rules()  # validate the grammar at start-up

    def __call__(self, doc: Doc) -> Doc:
        refs = Refs.from_doc(doc, "blocks", "timexes", "people", "offices", "events")
        entries = find_agenda(doc, rules=self.rules, options=self.options, refs=refs)
        doc.spans[AGENDA_KEY] = [span for e in entries if (span := _span(doc, e)) is not None]
        return doc


def _span(doc: Doc, entry: AgendaEntry) -> Span | None:
    span = doc.char_span(entry.start, entry.end, alignment_mode="expand")
    if span is not None:
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
    return span


@Language.factory("press_agenda", assigns=["doc.spans"], default_config=defaults(AgendaOptions))
def make_agenda(
    nlp: Language,
    name: str,
    max_title_chars: int,
    context_lines: int,
    block_entries: bool,
    office_participants: bool,
    max_entry_paragraphs: int,
) -> PressAgenda:
    options = AgendaOptions(
        max_title_chars=max_title_chars,
        context_lines=context_lines,
        block_entries=block_entries,
        office_participants=office_participants,
        max_entry_paragraphs=max_entry_paragraphs,
    )
    return PressAgenda(nlp, name, options=options)
