"""Hand-made timexes for the event tests: the dates a sentence of a test writes, without the timex stage.

Example: hand_timexes("am 6. November, 13 Uhr") -> [DATE 2024-11-06T13:00]; in "vom 3. bis 7. Februar 2026" the
bare first day takes the month and year of the date after it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pressextract.contract import Refs, TimexRef
from pressextract.rules.events import EventOptions, find_events, load_rules

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]  # fmt: skip

_DATE = re.compile(
    r"\b(\d{1,2})\.\s*(?:("
    + "|".join(MONTHS)
    + r")(?:\s+(\d{4}))?(?:,?\s*(?:um|gegen|ab)?\s*(\d{1,2})\s*Uhr)?)?"
)


def hand_timexes(text: str, year: int = 2024) -> list[TimexRef]:
    """A DATE for every "6. November [2025]" (with a clock time after it: ", 13 Uhr", "um 10 Uhr") and for every bare
    day ("3.") that a later full date gives its month ("27. und 28. August"); `year` where none is written."""
    found = list(_DATE.finditer(text))
    out = []
    for i, m in enumerate(found):
        later = found[i + 1 :]
        month = m.group(2) or next((n.group(2) for n in later if n.group(2)), None)
        if month is None:
            continue
        written = m.group(3) or next((n.group(3) for n in later if n.group(2) and n.group(3)), None)
        value = f"{written or year}-{MONTHS.index(month) + 1:02d}-{int(m.group(1)):02d}"
        if m.group(4):
            value += f"T{int(m.group(4)):02d}:00"
        out.append(TimexRef(m.start(), m.end(), "DATE", value))
    return out


def run_events(
    nlp, text: str, *, timexes=None, year: int = 2024, published=None, publisher=None, entities=None
):
    """The event rules on one text the way the stage runs them: `timexes` (default: hand_timexes(text, year)),
    the release's date and publisher, the backbone's entities; returns the EventMentions.

    Example: [m.event["type"] for m in run_events(nlp, "Am 6. November lädt der Verein zum Sommerfest ein.")]
    """
    doc = nlp(text)
    if publisher is not None:
        doc._.press_meta = {"publisher": publisher, "published": published}
    fields = {"timexes": tuple(hand_timexes(text, year) if timexes is None else timexes)}
    if published is not None and publisher is None:
        fields["published"] = published
    if entities is not None:
        fields["entities"] = tuple(entities)
    refs = replace(Refs.from_doc(doc, "blocks"), **fields)
    return find_events(doc, rules=load_rules(), options=EventOptions(), refs=refs)
