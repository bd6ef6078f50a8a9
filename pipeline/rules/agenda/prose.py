"""Programme steps written in prose: "Um 11 Uhr folgt eine Podiumsdiskussion mit …" -> an entry at 11:00.

Example: prose_steps("Die Tagung beginnt um 9 Uhr mit einem Grußwort der Senatorin.")
-> [ProseStep(start=0, end=…, time="09:00", end_time=None, title="Grußwort der Senatorin", rule_id=…)].
The patterns are data (resources/patterns/agenda_prose.jsonl); agenda_of keeps them only in a document with at
least two programme steps in all, so that the single timed sentence of an announcement stays the event's start.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pressextract.resources.loader import ResourceError, compile_regex, data_lines
from pressextract.rules.programme import RESOURCES

_KINDS = ("after", "before")


@dataclass(frozen=True, slots=True)
class ProseStep:
    start: int  # character offsets of the sentence part that carries the step
    end: int
    time: str
    end_time: str | None
    title: str
    rule_id: str


@lru_cache(maxsize=4)
def load_prose_patterns(resources: Path = RESOURCES) -> tuple[tuple[str, str, re.Pattern, bool], ...]:
    """(id, kind, regex, verb_first) rows of patterns/agenda_prose.jsonl; a malformed row raises ResourceError
    (file:line). verb_first: the title group begins with the sentence's finite verb ("Um 19 Uhr liest …")."""
    out = []
    for no, raw in data_lines(resources / "patterns" / "agenda_prose.jsonl"):
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ResourceError(f"agenda_prose.jsonl:{no}: {exc}") from exc
        if not row.get("id") or row.get("kind") not in _KINDS:
            raise ResourceError(f"agenda_prose.jsonl:{no}: needs an id and a kind in {_KINDS}")
        rx = compile_regex(row["pattern"], where=f"agenda_prose.jsonl:{no}")
        if not {"h", "title"} <= set(rx.groupindex):
            raise ResourceError(f"agenda_prose.jsonl:{no}: a pattern needs groups 'h' and 'title'")
        verb_first = row.get("verb_first", False)
        if not isinstance(verb_first, bool):
            raise ResourceError(f"agenda_prose.jsonl:{no}: verb_first must be true or false")
        out.append((row["id"], row["kind"], rx, verb_first))
    return tuple(out)


# a sentence ends at . ! ? — not at the point of an ordinal or a date ("am 1. Juli", "12.05.2024")
_SENT = re.compile(
    r"(?:[^.!?\n]|(?<=\d)\.(?=\s*[\wäöü])|\.(?=\d)"
    r"|(?<=\bDr)\.|(?<=\bProf)\.|(?<=\bSt)\.|(?<=\bStr)\.|(?<=\bNr)\.|(?<=\bca)\.|(?<=\bbzw)\.|(?<=\binkl)\.)+"
    r"(?:[.!?]|$)"
)
_ARTICLE = re.compile(r"^(?:ein|eine|einen|einem|einer|der|die|das|den|dem|des|es|sich)\s+", re.IGNORECASE)
_TAIL = re.compile(r"[\s,;:.–-]*\s(?:statt|an|ein|vor|los)[\s.]*$|[\s,;:.–-]+$")
_CUT_BEFORE = re.compile(
    r".*(?:[,;:]\s+|(?:^|\s)(?:und|sowie|danach|anschließend|dann|sind|ist|gibt\s+es|stehen|steht|folgen|folgt"
    r"|erwartet|erwarten|geplant|auf\s+dem\s+Programm)\s+)",
    re.DOTALL | re.IGNORECASE,
)


_NAMED = re.compile(r"[„\"»A-ZÄÖÜ][^\d]")  # a step is named: a noun or a quoted title first
_NOT_TITLE = re.compile(
    r"(?i:zur\s+stunde|aktuell|derzeit|momentan|stand|bisher|seit|bis|ab|gegen|etwa|ca\.)\b"
    r"|(?:Im|In|Am|Auf|Beim|Bei|Vor|Unter|Hinter|Neben)\s"  # a place ("im Roten Rathaus statt"), not a step
    r"|(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)s?|Werktags|Täglich|Januar"
    r"|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"
)


# a phrase that ends in a recurrence ("… mittwochs (10 bis 12 Uhr)") gives times of opening or office hours
_RECURRING_END = re.compile(
    r"(?i)\b(?:montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonnabends|sonntags|täglich|werktags"
    r"|wochentags|jeweils|geöffnet|erreichbar|immer)$"
)


# a clock time in parentheses: what every "before" pattern ends with ("(14:30 Uhr)", "(15 bis 16 Uhr)")
_PAREN_TIME = re.compile(
    r"\((?:ab\s+|um\s+|ca\.\s+)?(?:2[0-3]|[01]?\d)(?:[:.][0-5]\d)?[\s\d:.–-]*(?:bis[\s\d:.]*)?(?:Uhr)?\)"
)


def _hhmm(h: str | None, m: str | None) -> str | None:
    if h is None:
        return None
    return f"{int(h):02d}:{int(m or 0):02d}"


# a place phrase in front of the step ("findet im Saal der Bibliothek eine Lesung statt"): cut at the step's article
_LEADING_PLACE = re.compile(
    r"^(?:im|in|am|auf|beim|bei|vor|unter|hinter|neben)\s[^,;]{2,80}?\s(?=(?:die|das|den|ein|eine|einen)\s+[„\"»A-ZÄÖÜ])",
    re.IGNORECASE,
)


_NEXT_STEP = re.compile(
    r"\s*(?:,|\bund\b|\bsowie\b)?\s+(?:um|ab|gegen)\s+(?:2[0-3]|[01]?\d)(?:[:.][0-5]\d)?\s*Uhr\b"
)


_DATE_PHRASE = re.compile(
    r"\b(?:am|ab)\s+(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s*)?"
    r"(?:(?:den|dem)\s+)?(?:\d{1,2}\.\s*(?:[A-ZÄÖÜ][a-zäöü]+\.?|\d{1,2}\.)\s*(?:\d{4})?)?,?(?=\s)"
)


_PASSIVE_END = re.compile(r"\b(?:eröffnet|begrüßt|vorgestellt|übergeben|verliehen)$")


def _title(raw: str, kind: str) -> str:
    t = _CUT_BEFORE.sub("", raw, count=1) if kind == "before" else raw
    t = t.strip()
    t = re.sub(r"\s+", " ", t)
    t = _TAIL.sub("", t).strip(" ,;:–-")
    if kind == "after":
        t = _DATE_PHRASE.sub(" ", t).strip(" ,")  # the day is the entry's date, not part of its title
        t = re.sub(r"\s+", " ", t)
        t = _LEADING_PLACE.sub("", t, count=1)
        t = _NEXT_STEP.split(t, maxsplit=1)[0]  # "… ein Stück und ab 16 Uhr bringt …": the next step's time
    t = _ARTICLE.sub("", t)
    return t[:1].upper() + t[1:] if t else t


def prose_steps(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    max_title_chars: int = 300,
    verb_at: Callable[[int], bool | None] | None = None,
) -> list[ProseStep]:
    """Programme steps in the prose between start and end, in text order.

    `verb_at(offset)`: whether the parse has a finite verb in present tense there; a verb_first pattern keeps a
    step only when its title begins with one ("Um 19 Uhr liest …", not "Um 19 Uhr und …"). None (no parse, or
    no function): the patterns' own exclusions only.
    Example: "Um 11 Uhr folgt eine Podiumsdiskussion mit Gästen." -> [ProseStep(…, "11:00", None,
    "Podiumsdiskussion mit Gästen", "agenda.prose.um_folgt")]; "Die Frist endet um 12 Uhr." -> [].
    """
    end = len(text) if end is None else end
    out: list[ProseStep] = []
    if text.find("Uhr", start, end) < 0 and text.find("(", start, end) < 0:
        return out
    for sm in _SENT.finditer(text, start, end):
        lead = len(sm.group()) - len(sm.group().lstrip())
        sent = sm.group()[lead:]
        s0 = sm.start() + lead
        if "Uhr" not in sent and "(" not in sent:
            continue
        taken: list[tuple[int, int]] = []
        has_uhr = "Uhr" in sent
        has_paren_time = "(" in sent and _PAREN_TIME.search(sent) is not None
        for rid, kind, rx, verb_first in load_prose_patterns():
            if not (has_paren_time if kind == "before" else has_uhr):
                continue  # the pattern cannot match: spare the scan ("before" patterns end at "(… Uhr)")
            for m in rx.finditer(sent):
                if any(a <= m.start("h") < b for a, b in taken):
                    continue
                if verb_first and verb_at is not None and verb_at(s0 + m.start("title")) is False:
                    continue
                title = _title(m.group("title"), kind)
                if kind == "after" and "rest" in rx.groupindex and m.group("rest"):
                    title = _title(f"{m.group('title')} {m.group('rest')}", kind)
                    title = re.sub(r"^(?:wird|werden)\s+", "", title, flags=re.IGNORECASE)
                    if _PASSIVE_END.search(m.group("rest")):
                        # "Die Schau wird um 19 Uhr eröffnet": the step is the subject in front of "wird"
                        subject = _CUT_BEFORE.sub("", sent[: m.start("title")], count=1).strip(" ,")
                        if 0 < len(subject) <= 80 and _NAMED.match(subject):
                            title = _title(f"{subject} {title}", kind)
                    title = title[:1].upper() + title[1:] if title else title
                if kind == "before" and _RECURRING_END.search(title):
                    continue  # "Die Beratung findet mittwochs (10 bis 12 Uhr) statt": office hours
                if len(title) < 3 or not _NAMED.match(title) or _NOT_TITLE.match(title):
                    continue  # "6. November (9.30 Uhr)", "zur Stunde (13:45 Uhr)": no programme step
                t = _hhmm(m.group("h"), m.groupdict().get("m"))
                t2 = (
                    _hhmm(m.groupdict().get("h2"), m.groupdict().get("m2"))
                    if m.groupdict().get("h2")
                    else None
                )
                taken.append((m.start(), m.end()))
                out.append(ProseStep(s0, sm.end(), t, t2, title[:max_title_chars], rid))
    out.sort(key=lambda s: s.start)
    return out
