"""Agenda entries and their parts: the typed result, participants named by office, dates in range.

Example: office_pattern("Regierender Bürgermeister") matches "der Regierende Bürgermeister" and "die Regierende Bürgermeisterin".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from pressextract.contract import EventRef, OfficeRef, TimexRef


def office_pattern(role_norm: str) -> re.Pattern | None:
    """A regex for an office phrase in any case and gender, from its canonical form.

    Example: "Regierender Bürgermeister" matches "des Regierenden Bürgermeisters", "Die Regierende
    Bürgermeisterin"; "Senator" matches "Senatorin"; None for one-letter or empty forms.
    """
    words = role_norm.split()
    if not words or any(len(w) < 3 for w in words):
        return None
    parts = []
    for w in words:
        if w[:1].isupper() and len(words) > 1 and w is words[0] and w.lower().endswith(("er", "e", "es")):
            stem = re.sub(r"(?:er|es|e)$", "", w)  # an adjective: "Regierender" -> "Regierend…"
            parts.append(re.escape(stem) + r"(?:e|er|es|en|em)?")
        else:
            parts.append(re.escape(w) + r"(?:in|innen|s|es|n|en)?")
    return re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])")


def _office_participants(
    text: str, start: int, end: int, offices: Sequence[OfficeRef]
) -> list[tuple[str, str]]:
    """(person_id, name) of the bound offices named between start and end, each office unique to one person."""
    by_norm: dict[str, set[tuple[str, str]]] = {}
    for o in offices:
        by_norm.setdefault(o.role_norm, set()).add((o.person_id, o.name))
    out = []
    for norm, holders in by_norm.items():
        if len(holders) != 1:
            continue  # two people hold this office in the release: the bare office names neither
        rx = office_pattern(norm)
        if rx is not None and rx.search(text, start, end):
            out.append(next(iter(holders)))
    return out


# a quotation (a long stretch in marks; titles are short), contact details, a closing note
_NOT_ENTRY_PARAGRAPH = re.compile(
    r"[„“»\"][^„“”»«\"]{80,}[“”«\"]|@|https?:|www\.|\bTel(?:efon|\.)|^(?:Hinweis|Kontakt|Pressekontakt|Anmeldung|Weitere Informationen)\b",
    re.IGNORECASE,
)


# The panel paragraph under the last entry names its speakers with a discussion or speaker cue
# ("Im Rahmen der Eröffnungsveranstaltung diskutiert … mit Prof. Dr. Jutta Allmendinger, …").
_PANEL_CUE = re.compile(
    r"\b(?:diskutier\w*|Diskussion\w*|Podium\w*|Panel\w*|moderier\w*|Moderation|Gespräch\w*|"
    r"Gäste|Gast|Referent\w*|Redner\w*|spricht|sprechen|Impuls\w*|Teilnehmende[nr]?|teil:|Statements?|Grußworte?)"
)


def _entry_paragraph(text: str, *, max_chars: int) -> bool:
    """A paragraph that can belong to the programme entry above it: short, no quote, no contact details.

    Example: "Blick nach außen – Thilo Schulz, Schwedische Handelskammer" -> True;
    "Weitere Informationen unter www.jugendforum.berlin/" -> False.
    """
    return len(text) <= max_chars and not _NOT_ENTRY_PARAGRAPH.search(text)


@dataclass(slots=True)
class AgendaEntry:
    """One programme entry with character offsets into the document text."""

    start: int
    end: int
    time: str | None
    end_time: str | None
    title: str | None
    date: str | None = None
    day_label: str | None = None
    participants: list[str] = field(default_factory=list)
    participant_names: list[str] = field(default_factory=list)
    event_index: int | None = None
    rule_id: str = ""


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_NAMES_DAY = re.compile(
    r"\d|(?i:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|januar|februar|märz|april|mai"
    r"|juni|juli|august|september|oktober|november|dezember|heute|morgen)"
)


def _dates_in(
    timexes: Sequence[TimexRef],
    start: int,
    end: int,
    *,
    skip: Sequence[tuple[int, int]] = (),
    labels: tuple[str, ...] = ("DATE", "TIME"),
    text: str | None = None,
) -> list[date]:
    """Dates of the timexes between start and end; with `text`, only those that name their day ("am 2. Mai",
    "Samstag"), not anaphors resolved elsewhere ("an diesem Tag")."""
    out = []
    for t in timexes:
        if any(a <= t.start < b for a, b in skip):
            continue
        if text is not None and not _NAMES_DAY.search(text, t.start, t.end):
            continue
        if t.start >= start and t.end <= end and t.label in labels and t.value:
            for part in t.value.split("/"):
                d = _iso_date(part)
                if d is not None and d not in out:
                    out.append(d)
    return out


def _event_range(ev: EventRef | None) -> tuple[date, date] | None:
    if ev is None:
        return None
    first = _iso_date(ev.start)
    if first is None:
        return None
    last = _iso_date(ev.end) or first
    return (first, last) if last >= first else (first, first)


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" \t\u00a0")


DayResolver = Callable[[str, tuple[date, date] | None], date | None]
