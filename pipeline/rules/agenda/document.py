"""The agenda rules on one Doc: options, the validated rules, and the programme entries.

Example: find_agenda(doc, rules=load_rules(), options=AgendaOptions(), refs=Refs.from_doc(doc, "blocks",
"timexes", "people", "offices", "events")) on "Erster Konferenztag: …\\n12:00 Uhr - Pressekonferenz" with an
event on 27.–28.08.2018 -> [AgendaEntry(date="2018-08-27", time="12:00", title="Pressekonferenz", …)].
"""

from __future__ import annotations

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
        finite_verbs=_finite_verbs(doc),
    )


def _finite_verbs(doc: Doc) -> frozenset[int] | None:
    """Offsets of the finite verbs not in past tense ("liest", "beginnt", "wird"); None without a parse.

    Example: "Um 19 Uhr liest Anna." -> {10}; on spacy.blank("de") -> None.
    """
    if not doc.has_annotation("POS"):
        return None
    if "Uhr" not in doc.text:
        return frozenset()
    out = set()
    for t in doc:
        if t.pos_ in ("VERB", "AUX"):
            morph = t.morph
            if "Past" not in morph.get("Tense") and (
                "Ind" in morph.get("Mood") or "Fin" in morph.get("VerbForm")
            ):
                out.add(t.idx)
    return frozenset(out)
