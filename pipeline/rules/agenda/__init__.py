"""Timed programme entries of a press release: line grammar, day headers, label blocks, participants.

Pure functions on the document text plus plain tuples of what earlier stages found (timexes, people,
events), so they run and test without spaCy. Example:
"Erster Konferenztag: …\n12:00 Uhr - Pressekonferenz" with an event on 27.–28.08.2018
-> AgendaEntry(date="2018-08-27", time="12:00", title="Pressekonferenz", day_label="Erster Konferenztag: …").

What counts as an entry (police releases are full of clock times in prose, "Gegen 14.30 Uhr bemerkte …"):
- a line that BEGINS with a clock time ("12:00", "12.00 Uhr", "16 Uhr", "10.30 bis 12 Uhr") and then a
  separator ("-", "–", ":", "|", tab): an entry on its own ("12:00 Uhr - Pressekonferenz");
- a line that begins with a clock time and "Uhr" but has no separator ("16:30 Uhr Elternchor"), or a time
  alone on its line ("09.30 Uhr" + title on the next line), or "Wort-Bild-Termin 2: 12.30 Uhr": only in
  programme context — another time line next to it, a programme heading ("Programm", "Ablauf:") above, or
  a lead-in line ending with ":" right before; times introduced by "gegen"/"um" need a separator, because
  that is how incident reports start their sentences;
- a "Wann:/Wo:" or "Datum:/Uhrzeit:/Treffpunkt:" block with a clock time: one entry for the block;
- a court-style line "Dienstag, 07. Januar 2020, 12:30 Uhr, Saal 334" (date, time, and something after it);
- a programme step written in prose (agenda/prose.py, patterns/agenda_prose.jsonl): "Um 11 Uhr folgt eine
  Podiumsdiskussion", "beginnt um 9 Uhr mit einem Grußwort", "ein Vortrag zu … (14:30 Uhr)", "findet von 20
  bis 21 Uhr eine Schulung statt" — only in a document that has an event and at least two steps in all.
Other times inside a sentence ("Der Unfall ereignete sich gegen 14.30 Uhr") are never entries, and
weekday-labelled ranges with no act ("Montag – Freitag: 10.00 – 12.00 Uhr") are opening hours.
"""

from pressextract.rules.agenda.document import AgendaOptions, AgendaRules, find_agenda, load_rules
from pressextract.rules.agenda.entries import AgendaEntry, DayResolver, office_pattern
from pressextract.rules.agenda.find import agenda_of
from pressextract.rules.programme import (
    RESOURCES,
    AgendaGrammar,
    DayHeader,
    Line,
    TimeLine,
    load_grammar,
    parse_day_header,
    parse_time_line,
    programme_line_ranges,
    resolve_day,
    split_lines,
)

__all__ = [
    "RESOURCES",
    "AgendaEntry",
    "AgendaGrammar",
    "AgendaOptions",
    "AgendaRules",
    "DayHeader",
    "DayResolver",
    "Line",
    "TimeLine",
    "agenda_of",
    "find_agenda",
    "load_grammar",
    "load_rules",
    "office_pattern",
    "parse_day_header",
    "parse_time_line",
    "programme_line_ranges",
    "resolve_day",
    "split_lines",
]
