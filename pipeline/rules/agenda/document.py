"""The agenda rules on one Doc: options, the validated rules, and the programme entries.

Example: find_agenda(doc, rules=load_rules(), options=AgendaOptions(), refs=Refs.from_doc(doc, "blocks",
"timexes", "people", "offices", "events")) on "Erster Konferenztag: …\\n12:00 Uhr - Pressekonferenz" with an
event on 27.–28.08.2018 -> [AgendaEntry(date="2018-08-27", time="12:00", title="Pressekonferenz", …)].
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from pressextract.contract import OfficeRef, Refs
from pressextract.resources.loader import read_rule_ids
from pressextract.rules.agenda.entries import AgendaEntry
from pressextract.rules.agenda.find import agenda_of
from pressextract.rules.agenda.prose import load_prose_patterns
from pressextract.rules.programme import AgendaGrammar, load_grammar
from pressextract.rules.timexes import resolve_day_header


@dataclass(frozen=True, slots=True)
class AgendaOptions:
    """Settings of the agenda rules (the component's factory arguments)."""

    max_title_chars: int = 300  # the longest entry title
    context_lines: int = 3  # lines around a time line that make programme context
    block_entries: bool = False  # one entry per "Wann:/Wo:" block as well (corpus/gold/README.md)
    office_participants: bool = True  # a bound office ("Der Regierende Bürgermeister") names its holder
    max_entry_paragraphs: int = 4  # the most paragraphs one prose entry runs over


@dataclass(frozen=True, slots=True)
class AgendaRules:
    """The programme grammar (shared with events) and the rule ids agenda can emit (resources/rules/agenda.tsv
    and patterns/agenda_prose.jsonl)."""

    grammar: AgendaGrammar
    rule_ids: frozenset[str]


def load_rules() -> AgendaRules:
    """Load and validate the programme grammar at start-up. Example: "agenda.line.hyphen" in rule_ids; the
    prose patterns' ids (patterns/agenda_prose.jsonl: "agenda.prose.um_folgt") as well."""
    prose = {row[0] for row in load_prose_patterns()}
    return AgendaRules(load_grammar(), read_rule_ids("agenda") | prose)


def day_of_header(text: str, rng: tuple[date, date] | None) -> date | None:
    """A day header resolved in the event's date range by the timex rules.

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


def find_agenda(doc: Doc, *, rules: AgendaRules, options: AgendaOptions, refs: Refs) -> list[AgendaEntry]:
    """Timed programme entries of a Doc with date, time, title, participants and event.

    Reads refs.blocks (captions skipped, list items as bullets), refs.timexes, refs.people (named
    participants), refs.offices (offices bound to a person) and refs.events (the entry's event).
    """
    offices = (
        [
            OfficeRef(o.role_norm, o.person_id, o.name or "", o.start, o.end, o.role)
            for o in refs.offices
            if o.person_id and o.role_norm
        ]
        if options.office_participants
        else ()
    )
    return agenda_of(
        doc.text,
        grammar=rules.grammar,
        timexes=refs.timexes,
        people=[p for p in refs.people if p.person_id],
        events=refs.events,
        offices=offices,
        excluded=refs.ranges("caption"),
        bullets=refs.ranges("list_item"),
        max_title_chars=options.max_title_chars,
        context_lines=options.context_lines,
        day_resolver=day_of_header,
        block_entries=options.block_entries,
        max_entry_paragraphs=options.max_entry_paragraphs,
        verb_at=_finite_verbs(doc),
    )


def _finite_verbs(doc: Doc) -> Callable[[int], bool | None]:
    """Whether the token at a character offset is a finite verb not in past tense; None without a parse.

    Example: "Um 19 Uhr liest Anna." -> at 10: True; at 0 ("Um"): False; on spacy.blank("de"): None.
    Asked only at the few offsets a pattern proposes, so no pass over the whole Doc.
    """

    def verb_at(offset: int) -> bool | None:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = span[0]
        if not tok.pos_:
            return None
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        morph = tok.morph
        return "Past" not in morph.get("Tense") and (
            "Ind" in morph.get("Mood") or "Fin" in morph.get("VerbForm")
        )

    return verb_at
