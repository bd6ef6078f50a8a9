"""Hand-made timexes for the event tests: the dates a sentence of a test writes, without the timex stage.

Example: hand_timexes("am 6. November, 13 Uhr") -> [DATE 2024-11-06T13:00]; in "vom 3. bis 7. Februar 2026" the
bare first day takes the month and year of the date after it.
"""

from __future__ import annotations

import re

from pressextract.contract import TimexRef

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
