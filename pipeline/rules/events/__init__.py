"""Events a press release reports or announces: event-noun mentions, merged into events with attributes.

Example: "Auf Einladung der Beauftragten …, Staatsministerin Annette Widmann-Mauz, tagte am 27. und
28. August 2018 in Kassel die Bundeskonferenz der Integrationsbeauftragten …"
-> Event(name="Bundeskonferenz der Integrationsbeauftragten von Bund, Ländern und Kommunen", type="Konferenz",
   start="2018-08-27", end="2018-08-28", location="Kassel", organizer="Beauftragten der Bundesregierung …").

Which things count as events (resources/lexicons/event_types.tsv, column class): gatherings that happen at
a time and place and that people attend — meetings and conferences (meeting), press appointments (press),
cultural events (culture), ceremonies (ceremony), citizens' meetings and consultation hours (civic),
commemorations (commemoration), rallies and vigils (assembly), elections (election), sports events (sport),
markets and fairs (market), official visits (visit), public court hearings (hearing). Incidents that police
releases report (Verkehrsunfall, Brand, Einbruch, Festnahme) are not events in this sense and are not in the
lexicon. A noun alone is not an event row: the mention must be anchored — in the title or lead, in a
sentence with an event verb ("findet … statt", "tagte", "lädt … ein") or, for nouns that are often used
generically (anchor=dated: "Sitzung", "Wahl", "Diskussion"), in a sentence with a date or clock time.
Nouns on a programme line ("12:00 Uhr - Pressekonferenz") are agenda items, not events of their own.
Mentions of the same type are one event ("Bundeskonferenz", "Konferenz", "die zweitägige Konferenz"),
unless they carry different dates ("Pressekonferenz am 29. Januar" vs "… am 7. Februar"); a bare
"Veranstaltung" after an event refers back to it. An event noun is a compound's head as well ("Kieztag",
"Feierstunde", "Erzählcafé"), unless a longer non-event head ends the word ("Krankheitsverlauf").
An invitation with no event noun is named by its headline and dated by the label block under it.
Organizer: a cue in the event's sentences ("Auf Einladung der …", "veranstaltet von", "… lädt … ein"), else
the host of the release's invitation, else the publisher where the release invites in its own name or
announces the event (document.fill_organizers).
"""

from pressextract.rules.events.attributes import (
    dates_of,
    event_dates,
    find_location,
    find_motto,
    find_organizer,
    find_recurrence,
    place_base_form,
)
from pressextract.rules.events.document import EventOptions, EventRules, find_events, load_rules
from pressextract.rules.events.find import events_of
from pressextract.rules.events.mentions import EventMatch, Mention, find_mentions, match_noun, title_mentions
from pressextract.rules.events.rules import EventLexicon, EventNoun, load_lexicon

__all__ = [
    "EventLexicon",
    "EventMatch",
    "EventNoun",
    "EventOptions",
    "EventRules",
    "Mention",
    "dates_of",
    "event_dates",
    "events_of",
    "find_events",
    "find_location",
    "find_mentions",
    "find_motto",
    "find_organizer",
    "find_recurrence",
    "load_lexicon",
    "load_rules",
    "match_noun",
    "place_base_form",
    "title_mentions",
]
