"""Programme lines whose clock time is not at the start: "Künstlergespräch mit Anna Muster am Samstag, 13. April
um 19 Uhr,", "Abschluss um 15.30 Uhr vor dem Rathaus", and blocks that end in their day and time ("Führung durch das
Museum\n…\n19. Mai 2019, 15 – 16 Uhr").

Example: trailing_steps(lines of "Begleitprogramm:\nLesung mit Tom Beispiel am 3. Mai um 19 Uhr,\nKonzert am 10. Mai
um 20 Uhr") -> two TrailingStep rows at 19:00 and 20:00. A line alone is no programme (it is the event's own time);
opening hours, deadlines and reports are none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pressextract.rules.agenda.prose import _PAST, _ROUTINE

# one clock time or range: "19 Uhr", "19:30 Uhr", "16 – 20 Uhr", "15.00 bis 16.00 Uhr"
_CLOCK = re.compile(
    r"(?:\b(?:um|ab|von|gegen|ca\.)\s+)?(?<![\d.:])(?P<h>2[0-3]|[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?:Uhr\s*)?"
    r"(?:(?:bis|–|-)\s*(?:ca\.\s*)?(?P<h2>2[0-4]|[01]?\d)(?:[:.](?P<m2>[0-5]\d))?\s*)?Uhr\b"
)
# the day in front of the time is the entry's date, not its title: "am Samstag, dem 13. April", "19. Mai 2019,"
_DAY_PHRASE = re.compile(
    r"(?:,?\s*\b(?:am|ab)\s+)?(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Mo|Di|Mi"
    r"|Do|Fr|Sa|So)\.?,?\s*)?(?:(?:den|dem)\s+)?\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)\s*(?:\d{4})?,?"
    r"|,?\s*\b(?:am|ab)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\b,?"
)
# what follows the step on its line and is no part of it: "…, Anmeldung unter: …", "…, Eintritt frei"
_TAIL = re.compile(r"(?i)[,;/]\s*(?:anmeldung|eintritt|tickets?|karten|tel\.?|telefon|e-mail|max\.?)\b.*$")
_NAMED = re.compile(r"[A-ZÄÖÜ„\"»]")
_WEEKDAYS = re.compile(
    r"\b(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?\s*(?:[-–/,]|bis|und)\s*(?:Mo|Di|Mi|Do|Fr|Sa|So)\b|^(?:Mo|Di|Mi|Do|Fr|Sa|So)[.,]?\s"
    r"|^(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)(?:\s*(?:bis|und|[-–,])\s*)?)+"
    r"\s*(?:von\s+|ab\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:Uhr|[-–]|bis)"
)
_DAY_KEY = re.compile(r"\b\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)")
_ADDRESS = re.compile(r"\b\d{5}\b|[Ss]tr(?:\.|aße)\s*\d")
_SENTENCE = re.compile(r"[.!?]['\"“”«»)]*\s*$")


@dataclass(frozen=True, slots=True)
class TrailingStep:
    line: int  # index into the lines
    first: int  # the step's first line: the block's title line where the block ends in its day and time
    time: str
    end_time: str | None
    title: str


def _hhmm(h: str | None, m: str | None) -> str | None:
    return None if h is None else f"{int(h):02d}:{int(m or 0):02d}"


def trailing_steps(
    lines: Sequence, kinds: Sequence[str], *, skip: set[int], max_chars: int = 200
) -> list[TrailingStep]:
    """Lines with one clock time that the programme-line rules left, two or more in the release, as steps.

    `lines`: objects with text and para (rules.programme.split_lines); `kinds`: agenda_of's line kinds; `skip`:
    lines already entries. A line with its title before or after the time is a step titled so; a line that is
    only day and time and ends a block of two or more lines is the block's step, titled by its first line.
    """
    out: list[TrailingStep] = []
    days: dict[int, str | None] = {}  # line -> the day the line names ("13april"), None without one
    for i, ln in enumerate(lines):
        text = ln.text.strip()
        if i in skip or kinds[i] not in ("other", "dated", "time", "bullet") or len(text) > max_chars:
            continue
        core = _TAIL.sub("", text)  # "…, Anmeldung unter: …" after the step says nothing about it
        if _SENTENCE.search(text) or _ROUTINE.search(core) or _PAST.search(core):
            continue  # a sentence is prose; opening hours, deadlines and reports are no steps
        clocks = list(_CLOCK.finditer(text))
        if len(clocks) != 1:
            continue
        m = clocks[0]
        first = i
        if _WEEKDAYS.search(text):
            continue  # "Mo-Fr 9-13 Uhr", "Montag bis Mittwoch 8 Uhr": opening hours
        before = re.sub(r"\s+", " ", _DAY_PHRASE.sub(" ", text[: m.start()])).strip(" ,;–-")
        if before.endswith(":"):
            continue  # "Eröffnung: Do, 11.04.2019 um 17 Uhr": a label with the event's own day and time
        after = re.sub(r"\s+", " ", _TAIL.sub("", text[m.end() :])).strip(" ,;:–-")
        if not before and _ADDRESS.search(after):
            after = (
                ""  # "Donnerstag, 17. November – 18 Uhr – Hubertusbad (…str. 47, 10365 Berlin)": the place
            )
        title = re.sub(r"\s+(?:am|um|von|ab)$", "", f"{before} {after}".strip(" ,;:–-"))
        if not title:
            # a line of day and time that ends a block (or follows its title line): the block's step
            above = [k for k in range(i - 1, -1, -1) if lines[k].para == ln.para]
            below = i + 1 < len(lines) and lines[i + 1].para == ln.para
            if not above or (below and len(above) != 1):
                continue  # inside a block, neither its end nor right under its title: no step of its own
            title = lines[above[-1]].text.strip()
            first = above[-1]
            if _CLOCK.search(title) or re.search(r"\d{1,2}\.\d{1,2}\.", title):
                continue  # the line above is itself a date or time: a list of days, not a titled block
        if len(title) < 3 or not (_NAMED.match(title) or re.match(r"(?:auf|am|im|vor|in)\s", title)):
            continue  # "bis 18 Uhr geöffnet", "… 12 Uhr" alone: nothing named
        day = _DAY_KEY.search(text[: m.start()])
        days[i] = re.sub(r"\W+", "", day.group().casefold()) if day else None
        out.append(
            TrailingStep(
                i, first, _hhmm(m.group("h"), m.group("m")), _hhmm(m.group("h2"), m.group("m2")), title
            )
        )
    if len({d for d in days.values() if d}) > 1:
        # lines on different days of their own are separate events ("1. Mai von 10-14 Uhr auf dem Grundstück",
        # "11. Mai um 15 Uhr zur Wanderung"), each with its own start, not one programme
        out = [s for s in out if not days[s.line]]
    if len({(s.time, s.title) for s in out}) < 2:
        return []
    return out
