"""Programme lines with several acts and the place checks of agenda_of.

Example: _split_acts on "16:00 Band A (pop), 17:00 Band B" -> two acts at 16:00 and 17:00; _is_place("Campus
Kiezspindel, Rudower Straße 37", []) -> True.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pressextract.rules.agenda.entries import AgendaEntry, _clean_title
from pressextract.rules.programme import _hhmm

# a title that names something: a letter, a digit or a quotation first, not "(Einlass um 17.30 Uhr)" or "*"
_STARTS_NAMED_UPPER = re.compile(r"[A-ZÄÖÜ0-9„\"»']")
# the next act's time inside a programme line, after a comma or semicolon ("…, 17:00 Band B")
_INLINE_TIME = re.compile(
    r"(?:[,;]|(?<=\S)\s+[A-ZÄÖÜ][A-ZÄÖÜß-]{2,30}(?:\s+[A-ZÄÖÜ][A-ZÄÖÜß-]+)*:)\s+"  # "…, 17:00" or "… BÜHNE: 17:00"
    r"(?P<h>2[0-3]|[01]?\d)[:.](?P<m>[0-5]\d)(?:\s*Uhr)?"
    r"(?:\s*[-–]\s*(?P<h2>2[0-3]|[01]?\d)[:.](?P<m2>[0-5]\d)(?:\s*Uhr)?)?\s+(?=(?P<rest>\S))"
)


def _split_acts(
    text: str, start: int, title_start: int, end: int, time: str | None, end_time: str | None
) -> list[tuple[int, int, str | None, str | None, str]]:
    """(start, end, time, end_time, title) of each act on one programme line.

    Example: "16:00 Band A (pop), 17:00 Band B" -> [(…, "16:00", None, "Band A (pop)"), (…, "17:00", None, "Band B")].
    """
    out = []
    seg_start, seg_title, seg_time, seg_end_time = start, title_start, time, end_time
    for c in _INLINE_TIME.finditer(text, title_start, end):
        if not _STARTS_NAMED_UPPER.match(c.group("rest")) or c.start() <= seg_title:
            continue
        out.append((seg_start, c.start(), seg_time, seg_end_time, text[seg_title : c.start()].rstrip(" ,;")))
        seg_start, seg_title = c.start("h"), c.start("rest")
        seg_time = _hhmm(c.group("h"), c.group("m"))
        seg_end_time = _hhmm(c.group("h2"), c.group("m2")) if c.group("h2") else None
    out.append((seg_start, end, seg_time, seg_end_time, text[seg_title:end].rstrip(" ,;") if out else ""))
    return out


_STARTS_NAMED = re.compile(r"[\w„\"»']")
# a place: an address ("Rudower Straße 37", "12557 Berlin") or a phrase that begins with a preposition of place
_PLACE = re.compile(
    r"\b\d{5}\b|[A-ZÄÖÜ][\wäöüß-]*(?:straße|str\.|platz|allee|weg|damm|ufer|ring|gasse|chaussee|promenade)\s+\d"
    r"|^(?:im|in\s+der|in\s+dem|am|auf\s+dem|auf\s+der|vor\s+dem|vor\s+der)\s+[A-ZÄÖÜ„]"
)


def _act_entries(acts, rule_id: str, max_title_chars: int) -> list[AgendaEntry]:
    """One entry per act (start, end, time, end time, title) of a programme line."""
    return [
        AgendaEntry(
            start, end, time, end_time, _clean_title(title)[:max_title_chars] or None, rule_id=rule_id
        )
        for start, end, time, end_time, title in acts
    ]


def _is_place(title: str, places: Sequence[str]) -> bool:
    """A title that is only the place of the event. Example: "Campus Kiezspindel, Rudower Straße 37" -> True."""
    t = title.strip(" .,;")
    if not t:
        return False
    if _PLACE.search(t):
        return True
    low = t.casefold()
    return any(low == p or (len(low) >= 8 and low in p) for p in places)


def _label_places(lines, kinds, parsed, grammar) -> list[str]:
    """The places a release names in its "Wo:/Ort:" labels (the value, or the line under an empty label)."""
    out = []
    for i, k in enumerate(kinds):
        if k != "label":
            continue
        lab = parsed[i]
        if grammar.labels[lab.group("label").lower()][1] != "place":
            continue
        value = lab.group("value").strip()
        if not value and i + 1 < len(lines) and kinds[i + 1] == "other":
            value = lines[i + 1].text
        if value:
            out.append(value.casefold())
    return out
