"""German temporal expressions: recognition by our own grammar, normalization to TIMEX3-style values.

Pure functions on text (no spaCy). The grammar lives in ``resources/patterns/timex.jsonl`` (regexes with
ids), the words in ``resources/lexicons/{months,weekdays,day_headers,timex_*}``. dateparser is not used:
it reads "die"/"mit" as dates and swaps day and month in search mode.

Example: find_timexes("Am 27. und 28. August 2018 tagte die Konferenz.") ->
[TimexMatch("27.", DATE, "2018-08-27", range="2018-08-27/2018-08-28"), TimexMatch("28. August 2018", …)]

API for other stages (agenda, events):
  find_timexes(text, *, anchor=None, domain="news", sent_bounds=None, excluded=()) -> list[TimexMatch]
  find_published(text) -> date | None                      document date from the release text
  resolve_day_header(text, *, date_range) -> date | None   "Zweiter Konferenztag" -> second day of range
  find_day_headers(text, *, date_range) -> list[(start, end, date)]
  day_context_at(timexes, offset) -> date | None           the programme day in effect at a text offset
"""

from pressextract.rules.timexes.document import (
    TimexOptions,
    TimexRules,
    document_anchor,
    find_document_date,
    find_timex_matches,
    load_rules,
)
from pressextract.rules.timexes.find import find_timexes, resolve_day_header, timex_dict
from pressextract.rules.timexes.grammar import (
    Grammar,
    GrammarError,
    TimexMatch,
    default_grammar,
    load_grammar,
)
from pressextract.rules.timexes.headers import day_context_at, find_day_headers, find_published
from pressextract.rules.timexes.values import _sentence_bounds

__all__ = [
    "Grammar",
    "GrammarError",
    "TimexMatch",
    "TimexOptions",
    "TimexRules",
    "_sentence_bounds",
    "day_context_at",
    "default_grammar",
    "document_anchor",
    "find_day_headers",
    "find_document_date",
    "find_published",
    "find_timex_matches",
    "find_timexes",
    "load_grammar",
    "load_rules",
    "resolve_day_header",
    "timex_dict",
]
