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

_KINDS = ("after", "before", "clause")


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
        needs = {"h"} if row["kind"] == "clause" else {"h", "title"}
        if not needs <= set(rx.groupindex):
            raise ResourceError(
                f"agenda_prose.jsonl:{no}: a {row['kind']} pattern needs groups {sorted(needs)}"
            )
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
            if kind == "clause":
                continue  # clause_steps: only inside a programme that other steps already show
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


# a clause step names no day of its own: a sentence with a date or weekday is an event's own start
# ("Am Mittwoch, 21. September, um 18 Uhr stellt das Museum … vor"), not a step of the programme around it
_OWN_DAY = re.compile(
    r"\b\d{1,2}\.\s*(?:\d{1,2}\.|(?:Jan|Feb|März|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)[a-zä]*)"
    r"|\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|morgen|heute)\b"
)
# a routine, opening or office hours, a deadline, a time that only measures: no programme step
_ROUTINE = re.compile(
    r"(?i)\b(?:montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonnabends|sonntags|täglich|werktags"
    r"|wochentags|jeweils|geöffnet|erreichbar|öffnungszeit\w*|sprechstunde\w*|sprechzeit\w*|wie\s+gewohnt"
    r"|wie\s+üblich|regulär\w*|spätestens|frist|anmeld\w*|bis\s+zum|dauer\w*|jede[nrs]?|immer|stündlich)\b"
)
# how the press gets there and back ("Der Bus fährt um 10.45 Uhr … ab", "gegen 15 Uhr wird der Pressebus …
# zurückfahren"): logistics around the programme, not one of its steps
_LOGISTICS = re.compile(
    r"(?i)\b(?:\w*bus(?:se)?|shuttle\w*|\w*transfer|abfahrt|rückfahrt|akkreditierung\w*|einlass\s+für\s+medien"
    r"|anreis\w*|eintreffend\w*|zug|regionalexpress|RE\s?\d+|treffpunkt|treffzeit)\b"
)
# a report of what happened: past tense ("Gegen 14 Uhr kam es …", "… wurde … gemeldet")
# (one list for the prose sentences here and the programme-line titles in find.py)
PAST_FINITE = (
    r"war|waren|wurde|wurden|hatte|hatten|kam|kamen|gab|ging|gingen|fand|fanden|stand|standen|traf|trafen"
    r"|ereignete|bemerkte\w*|meldete\w*|stellte\w*|fuhr|fuhren|hielt|hielten|sah|sahen|rief|riefen|lief|liefen"
    r"|befuhr|verletzte\w*|flüchtete\w*|entwendete\w*|beschädigte\w*|gerieten?|bog|prallte\w*"
)
_PAST = re.compile(rf"\b(?:{PAST_FINITE})\b")


def clause_steps(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    max_title_chars: int = 300,
    verb_at: Callable[[int], bool | None] | None = None,
) -> list[ProseStep]:
    """Programme steps in prose that no fixed phrasing catches: a present-tense sentence placed at a clock time.

    Asked for only inside a programme (agenda_of keeps them where the release has two steps or more): the
    sentence is the step, the time phrase is cut from its title; one with a date of its own, a routine, a
    deadline or a past-tense verb is none.
    Example: "Gegen 13.00 Uhr trägt sich der Senat in das Gästebuch des Bezirks ein." -> [ProseStep(…, "13:00",
    None, "Trägt sich der Senat in das Gästebuch des Bezirks ein", "agenda.prose.clause")];
    "Gegen 22 Uhr bemerkte ein Zeuge den Brand." -> [].
    """
    end = len(text) if end is None else end
    out: list[ProseStep] = []
    if text.find("Uhr", start, end) < 0 and text.find("UHR", start, end) < 0:
        return out
    clauses = [(rid, rx) for rid, kind, rx, _ in load_prose_patterns() if kind == "clause"]
    for sm in _SENT.finditer(text, start, end):
        lead = len(sm.group()) - len(sm.group().lstrip())
        sent = sm.group()[lead:]
        s0 = sm.start() + lead
        if any(rx.search(sent) for rx in (_OWN_DAY, _ROUTINE, _PAST, _LOGISTICS)):
            continue
        if verb_at is not None and not re.search(
            r"\b[A-ZÄÖÜ]{4,}\b", sent
        ):  # capitals: the parse is no guide
            words = [s0 + w.start() for w in re.finditer(r"(?<![\w-])[A-Za-zÄÖÜäöüß]\w+", sent)]
            verdicts = [verb_at(o) for o in words]
            if verdicts and all(v is not None for v in verdicts) and not any(verdicts):
                continue  # the parse sees no finite present-tense verb: a heading or a fragment
        for rid, rx in clauses:
            hits = list(rx.finditer(sent))
            if not hits:
                continue
            for n, m in enumerate(hits):
                # the clause of this time: from the previous time's clause to the next time's
                lo = 0 if n == 0 else _clause_start(sent, hits[n - 1].end(), m.start())
                hi = len(sent) if n + 1 == len(hits) else _clause_start(sent, m.end(), hits[n + 1].start())
                part = sent[lo:hi]
                title = _clause_title(part[: m.start() - lo] + " " + part[m.end() - lo :])
                if len(title.split()) < 2 or not _names_a_step(title):
                    continue  # "Danach findet um 15 Uhr im Innenhof statt": a place, no step
                t = _hhmm(m.group("h"), m.groupdict().get("m"))
                t2 = _hhmm(m.group("h2"), m.groupdict().get("m2")) if m.groupdict().get("h2") else None
                out.append(
                    ProseStep(
                        s0 + lo,
                        s0 + hi if n + 1 < len(hits) else sm.end(),
                        t,
                        t2,
                        title[:max_title_chars],
                        rid,
                    )
                )
            break
    return out


def _clause_start(sent: str, lo: int, hi: int) -> int:
    """Where the clause of the next time begins: the last comma or semicolon between two times (else `hi`)."""
    cut = max(sent.rfind(",", lo, hi), sent.rfind(";", lo, hi))
    return cut + 1 if cut >= 0 else hi


def _clause_title(raw: str) -> str:
    """The sentence without its time phrase, its bullet and the trailing period, first letter upper-case."""
    t = re.sub(r"\s+", " ", raw).strip()
    t = re.sub(r"^[-–•*]\s*", "", t)
    t = re.sub(r"\s*\((?:Wort-?|Bild-?|Wort-Bild-)?Termin\)", "", t)
    t = re.sub(r"\s+([,.;:])", r"\1", t).strip(" ,;:.–-")
    t = re.sub(r"^(?:[–-]\s*)?(?:nach\s+[^–]{0,40}\s–\s*)", "", t)
    return t[:1].upper() + t[1:] if t else t


_PLACE_PREP = frozenset(
    [
        "im",
        "in",
        "am",
        "an",
        "auf",
        "vor",
        "bei",
        "beim",
        "unter",
        "hinter",
        "neben",
        "ins",
        "zum",
        "zur",
        "nach",
        "über",
    ]
)
_ARTICLES = frozenset(["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer"])
_PRONOUNS = frozenset(["Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer"])


def _names_a_step(title: str) -> bool:
    """Whether the clause names something other than a place: a noun not governed by a preposition of place.

    Example: "Trägt sich der Senat in das Gästebuch ein" -> True; "Danach findet im Innenhof statt" -> False.
    """
    words = re.findall(r"[\wÄÖÜäöüß-]+", title)
    for k in range(1, len(words)):
        w = words[k]
        if not w[:1].isupper() or w in _PRONOUNS:
            continue
        prev = words[k - 1].lower()
        if prev in _ARTICLES and k >= 2:
            prev = words[k - 2].lower()
        if prev not in _PLACE_PREP:
            return True
    return False
