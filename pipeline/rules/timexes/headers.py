"""Programme days in effect at an offset, and the release date printed in the text.

Example: "Pressemitteilung vom 12.06.2019" -> find_published(...) = 2019-06-12.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pressextract.rules.timexes.find import _header_regex, find_timexes, resolve_day_header
from pressextract.rules.timexes.grammar import Grammar, TimexMatch, default_grammar


def find_day_headers(
    text: str, *, date_range: tuple[date, date | None] | None, grammar: Grammar | None = None
) -> list[tuple[int, int, date]]:
    """Day headers of a programme with their dates: lines opening with "Erster Konferenztag", "Tag 2", a weekday.

    Example: "Erster Konferenztag: …\\n12:00 Uhr …\\nZweiter Konferenztag" with range 27.–28.08.2018 ->
    [(0, 19, 2018-08-27), (…, …, 2018-08-28)].
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= 120:
            d = resolve_day_header(stripped[:60], date_range=date_range, grammar=grammar)
            lead = len(line) - len(line.lstrip())
            if d is not None and (
                _header_regex(grammar or default_grammar()).match(stripped)
                or re.match(r"(?:[Aa]m\s+)?[A-ZÄÖÜ]\w+(?:,|:|\s*$)", stripped)
            ):
                out.append((pos + lead, pos + lead + len(stripped), d))
        pos += len(line) + 1
    return out


def day_context_at(timexes: Sequence[TimexMatch], offset: int) -> date | None:
    """The programme day in effect at a character offset: the last day header or line-initial date before it.

    Example: for the offset of "08:30 Uhr" after "Zweiter Konferenztag" -> date(2018, 8, 28).
    """
    best = None
    for t in timexes:
        if t.start >= offset:
            break
        if t.day_context and t.value:
            best = t.value
    return date.fromisoformat(best[:10]) if best else None


_PUBLISHED = [
    # "Pressemitteilung Nr. 107/2023 vom 10.05.2023", "Presseinformation vom 12. Juni 2019"
    re.compile(
        r"(?:Presse(?:mitteilung|information|meldung|erklärung)|Pressemitteilungen|PM)\b[^\n]{0,40}?\b"
        r"vom\s+(?P<date>[0-9]{1,2}\.\s*(?:[0-9]{1,2}\.\s*[0-9]{4}|[A-ZÄÖÜ][a-zäöü]+\.?\s+[0-9]{4}))"
    ),
    # dateline at the start of a line: "Berlin, 12. Juni 2019" / "Berlin, den 12.06.2019"
    re.compile(
        r"(?m)^[ \t]*[A-ZÄÖÜ][\w.-]+(?:[ -][A-ZÄÖÜ(][\w.)-]+){0,2},\s+(?:(?:den|dem)\s+)?"
        r"(?P<date>[0-9]{1,2}\.\s*(?:[0-9]{1,2}\.\s*[0-9]{4}|[A-ZÄÖÜ][a-zäöü]+\.?\s+[0-9]{4}))\s*(?:[-–—:]|$)"
    ),
]


def find_published(text: str, *, grammar: Grammar | None = None, head_chars: int = 1500) -> date | None:
    """The release date printed in the text, from clear patterns only (never the first date of the body).

    Example: "Pressemitteilung Nr. 107/2023 vom 10.05.2023" -> date(2023, 5, 10);
    "Berlin, 12. Juni 2019 – Die Senatorin …" -> date(2019, 6, 12).
    """
    head = text[:head_chars]
    for rx in _PUBLISHED:
        m = rx.search(head)
        if not m:
            continue
        for t in find_timexes(m.group("date"), grammar=grammar):
            if t.label == "DATE" and t.value and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
                return date.fromisoformat(t.value)
    return None
