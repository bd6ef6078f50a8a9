"""The event rules on one Doc: options, the validated rules, and the events.

Example: find_events(doc, rules=load_rules(), options=EventOptions(), refs=Refs.from_doc(doc, "blocks",
"timexes", "entities")) on "tagte am 27. und 28. August 2018 in Kassel die Bundeskonferenz …" -> one event
(Konferenz, 2018-08-27 to 2018-08-28, Kassel).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pressextract.contract import Refs
from pressextract.resources.loader import read_rule_ids
from pressextract.rules.events.find import events_of
from pressextract.rules.events.mentions import EventMatch
from pressextract.rules.events.rules import EventLexicon, load_lexicon
from pressextract.rules.programme import AgendaGrammar, load_grammar, programme_line_ranges


@dataclass(frozen=True, slots=True)
class EventOptions:
    """Settings of the event rules (the component's factory arguments)."""

    max_name_tokens: int = 14  # the longest event name, in tokens
    max_organizer_chars: int = 200  # the longest organizer phrase


@dataclass(frozen=True, slots=True)
class EventRules:
    """The event lexicon, the programme grammar (shared with agenda) and the rule ids events can emit:
    the event nouns' ids (event_types.tsv), the title cues' ids (event_cues.jsonl) and resources/rules/events.tsv."""

    lexicon: EventLexicon
    grammar: AgendaGrammar
    rule_ids: frozenset[str]


def load_rules() -> EventRules:
    """Load and validate the event rules at start-up. Example: "ev.konferenz" in load_rules().rule_ids."""
    lexicon = load_lexicon()
    titles = {cid for cid, kind, _ in lexicon.cues if kind == "title"}  # "„Lange Nacht“ findet statt"
    ids = frozenset(n.rule_id for n in lexicon.nouns) | titles | read_rule_ids("events")
    return EventRules(lexicon, load_grammar(), ids)


def find_events(doc: Doc, *, rules: EventRules, options: EventOptions, refs: Refs) -> list[EventMatch]:
    """Events of a Doc, merged by type and date, in order of first anchored mention.

    Reads refs.blocks (captions skipped; kicker, title and lead anchor mentions; headings scope dates),
    refs.timexes (dates) and refs.entities (places and organisations). Nouns on programme lines
    ("12:00 Uhr - Pressekonferenz") are agenda items, not events.
    """
    text = doc.text  # once: spaCy rebuilds it from the tokens on every access
    return events_of(
        doc,
        lexicon=rules.lexicon,
        timexes=refs.timexes,
        skip=refs.ranges("caption"),
        programme=programme_line_ranges(text, grammar=rules.grammar),
        lead=refs.ranges("kicker", "title", "lead"),
        headings=refs.ranges("heading"),
        entities=refs.entities,
        max_name_tokens=options.max_name_tokens,
        max_organizer_chars=options.max_organizer_chars,
        text=text,
    )
