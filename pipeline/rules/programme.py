"""The programme grammar events and agenda share: time lines, day headers, labels, deadlines.

Example: parse_time_line("12:00 Uhr - Pressekonferenz", grammar=load_grammar()) -> TimeLine(time="12:00", title="Pressekonferenz").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from pressextract.resources import RESOURCES_DIR
from pressextract.resources.loader import ResourceError, read_table

RESOURCES = RESOURCES_DIR


_TIME = r"(?:2[0-4]|[01]?\d)(?:[:.][0-5]\d)?"


_TIME_SPAN = (
    r"(?P<pre>(?:ab|bis|ca\.|circa|gegen|um|etwa|von)\s+)?"
    r"(?P<h>2[0-4]|[01]?\d)(?:[:.](?P<m>[0-5]\d))?(?![\d.,]\d)\s*(?P<uhr1>Uhr\b)?"
    r"(?:\s*(?:bis|–|-|—)\s*(?:ca\.\s*)?(?P<h2>2[0-4]|[01]?\d)(?:[:.](?P<m2>[0-5]\d))?(?![\d.,]\d)\s*(?P<uhr2>Uhr\b)?)?"
)


_MONTHS = (
    "januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "jan\\.|feb\\.|febr\\.|mär\\.|apr\\.|jun\\.|jul\\.|aug\\.|sep\\.|sept\\.|okt\\.|nov\\.|dez\\."
)


_DATE = rf"\d{{1,2}}\.\s*(?:(?:{_MONTHS})\s*(?:\d{{4}})?|\d{{1,2}}\.(?:\s*\d{{2,4}})?)"


@dataclass(frozen=True, slots=True)
class AgendaGrammar:
    """German programme-line rules compiled from resources/lexicons/agenda_*.tsv."""

    separators: tuple[tuple[str, str], ...]
    day_words: dict[str, tuple[str, str, int]]
    labels: dict[str, tuple[str, str]]
    programme_headers: tuple[tuple[str, str], ...]
    time_line: re.Pattern = field(repr=False)
    label_time_line: re.Pattern = field(repr=False)
    label_line: re.Pattern = field(repr=False)
    day_header: re.Pattern = field(repr=False)
    dated_line: re.Pattern = field(repr=False)
    bullet: re.Pattern = field(repr=False)
    blockers: tuple[tuple[str, re.Pattern], ...] = ()

    def is_deadline(self, text: str) -> bool:
        """A deadline or side note ("Wir bitten um Anmeldung bis zum 19.4."): its dates date nothing."""
        return any(rx.search(text) for _, rx in self.blockers)

    def separator_id(self, rest: str) -> tuple[str, str] | None:
        """(rule id, separator) when `rest` starts with a separator. Example: " - Pressekonferenz" -> sep.hyphen."""
        stripped = rest.lstrip(" \u00a0")
        for sid, sep in self.separators:
            if sep == "\t" and rest.startswith("\t"):
                return sid, sep
            if sep != "\t" and stripped.startswith(sep):
                # "-" must be a dash, not a hyphenated word ("12 Uhr-Termin")
                if (
                    sep in "-–—/"
                    and len(stripped) > 1
                    and not stripped[1].isspace()
                    and stripped[1] != "\u00a0"
                ):
                    continue
                return sid, sep
        return None

    def programme_header_id(self, line: str) -> str | None:
        low = line.strip().lower()
        for hid, phrase in self.programme_headers:
            if low.startswith(phrase) and len(low) <= len(phrase) + 80:
                return hid
        return None


def _unescape(cell: str) -> str:
    return cell.replace("\\t", "\t")


@lru_cache(maxsize=4)
def load_grammar(resources: Path = RESOURCES) -> AgendaGrammar:
    """Compile the agenda grammar from its data files; malformed rows raise ResourceError (file:line)."""
    lex = resources / "lexicons"
    seps = tuple(
        (cells[0], _unescape(cells[1])) for _, cells in read_table(lex / "agenda_separators.tsv", columns=2)
    )
    for sid, sep in seps:
        if not sep:
            raise ResourceError(f"agenda_separators.tsv: empty separator for {sid}")
    day_words: dict[str, tuple[str, str, int]] = {}
    for no, (did, word, kind, value) in read_table(lex / "agenda_day_words.tsv", columns=4):
        if kind not in ("ordinal", "weekday"):
            raise ResourceError(f"agenda_day_words.tsv:{no}: unknown kind {kind!r}")
        try:
            day_words[word.lower()] = (did, kind, int(value))
        except ValueError as exc:
            raise ResourceError(f"agenda_day_words.tsv:{no}: value {value!r} is not an integer") from exc
    labels: dict[str, tuple[str, str]] = {}
    for no, (lid, label, fld) in read_table(lex / "agenda_labels.tsv", columns=3):
        if fld not in ("when", "date", "time", "place", "title"):
            raise ResourceError(f"agenda_labels.tsv:{no}: unknown field {fld!r}")
        labels[label.lower()] = (lid, fld)
    headers = tuple(
        (c[0], c[1].lower()) for _, c in read_table(lex / "agenda_programme_headers.tsv", columns=2)
    )

    ordinals = "|".join(
        sorted((re.escape(w) for w, (_, k, _) in day_words.items() if k == "ordinal"), key=len, reverse=True)
    )
    weekdays = "|".join(
        sorted((re.escape(w) for w, (_, k, _) in day_words.items() if k == "weekday"), key=len, reverse=True)
    )
    label_alt = "|".join(sorted((re.escape(k) for k in labels), key=len, reverse=True))
    time_line = re.compile(rf"^\s*{_TIME_SPAN}(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
    label_time_line = re.compile(
        rf"^\s*(?P<label>[^\d:\n]{{2,40}}?(?:\s\d{{1,2}})?)\s*:\s*{_TIME_SPAN}(?:\s+(?P<rest>[^\d\s].*))?\s*$",
        re.IGNORECASE,
    )
    label_line = re.compile(
        rf"^\s*(?P<label>{label_alt})\s*(?::|\?(?=\s*\S))\s*(?P<value>.*)$", re.IGNORECASE
    )
    day_header = re.compile(
        rf"^\s*(?:(?P<ord>{ordinals})\s+(?P<orddays>[\wäöüÄÖÜß\-]*tag)\b"
        rf"|Tag\s+(?P<num>\d{{1,2}})\b"
        rf"|(?P<num2>\d{{1,2}})\.\s*(?P<numdays>[\wäöüÄÖÜß\-]*tag)\b"
        rf"|(?P<wd>{weekdays})\b\s*(?:,\s*|\s+)?(?:den\s+)?(?P<date>{_DATE})?\s*(?::|$))",
        re.IGNORECASE,
    )
    dated_line = re.compile(
        rf"^\s*(?:(?P<wd>{weekdays}),?\s+(?:de[nm]\s+)?)?(?P<date>{_DATE})\s*,?\s*(?:(?:um|ab|von)\s+)?"
        rf"(?P<time>(?:2[0-4]|[01]?\d)[:.][0-5]\d(?!\d)(?:\s*Uhr\b)?|(?:2[0-4]|[01]?\d)\s*Uhr\b)"
        rf"(?:\s*(?:bis|–|-)\s*{_TIME}\s*(?:Uhr\b)?)?\s*(?P<rest>.*)$",
        re.IGNORECASE,
    )
    bullet = re.compile(r"^\s*(?:[•·▪►‣◦●○■□*]|[-–—](?=\s))\s*")
    blockers = []
    for no, (bid, pattern) in read_table(lex / "agenda_date_blockers.tsv", columns=2):
        try:
            blockers.append((bid, re.compile(pattern, re.IGNORECASE)))
        except re.error as exc:
            raise ResourceError(f"agenda_date_blockers.tsv:{no}: bad regex: {exc}") from exc
    return AgendaGrammar(
        seps,
        day_words,
        labels,
        headers,
        time_line,
        label_time_line,
        label_line,
        day_header,
        dated_line,
        bullet,
        tuple(blockers),
    )


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str
    para: int


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with offsets (stripped) and paragraph numbers (blank lines separate paragraphs).

    Example: "A\\nB\\n\\nC" -> [Line(0,1,"A",0), Line(2,3,"B",0), Line(5,6,"C",1)].
    """
    out: list[Line] = []
    pos, para, blank = 0, 0, False
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        if blank and out:
            para += 1
        blank = False
        lead = len(raw) - len(raw.lstrip())
        out.append(Line(s + lead, s + lead + len(stripped), stripped, para))
    return out


@dataclass(frozen=True, slots=True)
class TimeLine:
    """A line that begins with a clock time. Example: "10.30 bis 12 Uhr: Diskussionsrunde" -> 10:30–12:00."""

    time: str
    end_time: str | None
    title: str
    title_offset: int  # offset of the title inside the line text
    strong: bool  # a separator follows the time: an entry without context
    prefix: str | None  # "ab", "gegen", …
    rule_id: str


def _hhmm(h: str | None, m: str | None) -> str | None:
    if h is None:
        return None
    hour = int(h)
    if hour > 24:
        return None
    return f"{hour:02d}:{int(m or 0):02d}"


# what follows a number that is a quantity, not a clock time ("12.50 Euro", "3.45 Meter")
_UNIT = re.compile(
    r"(?:Euro|EUR|€|Prozent|%|Meter|m|km|kg|t|Stunden|Std\.?|Minuten|Min\.?|Mio\.?|Millionen|Tsd\.?|Grad|°)(?!\w)",
    re.IGNORECASE,
)


def _bare_clock_time(m: re.Match, rest: str) -> bool:
    """A time without "Uhr" at the start of a programme line ("18.05-18.20 Vortrag", "10:00 Begrüßung"): minutes on
    a five-minute step, not a date ("21.12 Plänterwald", "24.12.") and not a quantity ("12.50 Euro")."""
    for h, mm in ((m.group("h"), m.group("m")), (m.group("h2"), m.group("m2"))):
        if h is None:
            continue
        if int(h) > 23 or (mm is not None and int(mm) % 5):
            return False
    return not _UNIT.match(rest.lstrip()) and not rest.startswith(".")


def parse_time_line(line: str, *, grammar: AgendaGrammar) -> TimeLine | None:
    """Parse a line that begins with a clock time; None for anything else.

    Example: "12:00 Uhr - Pressekonferenz" -> TimeLine(time="12:00", title="Pressekonferenz", strong=True).
    """
    m = grammar.time_line.match(line)
    if not m:
        return None
    if not (m.group("m") or m.group("uhr1") or m.group("uhr2")):
        return None  # "10 Teilnehmende …", "2018 …": a bare number is no time
    if m.group("h2") and not (m.group("m2") or m.group("uhr2")):
        return None  # "12.30 - 3 Kinder" is no range
    if m.group("m") is None and not m.group("uhr1") and not m.group("h2"):
        return None
    start = _hhmm(m.group("h"), m.group("m"))
    end = _hhmm(m.group("h2"), m.group("m2")) if m.group("h2") else None
    if start is None:
        return None
    rest = m.group("rest")
    rest_off = m.start("rest")
    sep = grammar.separator_id(rest)
    prefix = (m.group("pre") or "").strip().lower() or None
    if sep is not None:
        sid, s = sep
        idx = rest.find(s) + len(s)
        title = rest[idx:]
        off = rest_off + idx + (len(title) - len(title.lstrip()))
        return TimeLine(start, end, title.strip(), off, True, prefix, f"agenda.line.{sid.split('.', 1)[1]}")
    if rest.strip() == "":
        return TimeLine(start, end, "", len(line), False, prefix, "agenda.line.time_only")
    no_uhr = not (m.group("uhr1") or m.group("uhr2"))
    if rest[:1].isalnum() and no_uhr and not line[m.start("rest") - 1 : m.start("rest")].isspace():
        return None  # "12.30Uhr" is caught above; "12.30abc" is not a time
    if no_uhr and not _bare_clock_time(m, rest):
        return None  # "21.12 Plänterwald" is a date, "12.50 Euro Eintritt" a price
    if rest.lstrip()[:1] in ",.;)":
        return None  # "10 – 16 Uhr, Lützowstraße 42": the time of a sentence, not a programme line
    title = rest.strip()
    off = rest_off + (len(rest) - len(rest.lstrip()))
    return TimeLine(
        start, end, title, off, False, prefix, "agenda.line.bare" if no_uhr else "agenda.line.uhr"
    )


@dataclass(frozen=True, slots=True)
class DayHeader:
    """A day header line. Example: "Zweiter Konferenztag: „…“" -> ordinal=2."""

    label: str
    ordinal: int | None
    weekday: int | None
    has_date: bool
    rule_id: str


def parse_day_header(line: str, *, grammar: AgendaGrammar, max_chars: int = 150) -> DayHeader | None:
    """A line that names a day of a programme; None for prose ("Am ersten Konferenztag fand …").

    Example: "Erster Konferenztag: „Integration vor Ort gestalten" -> DayHeader(ordinal=1).
    """
    text = line.strip()
    if len(text) > max_chars:
        return None
    m = grammar.day_header.match(text)
    if not m:
        return None
    if m.group("ord"):
        did, _, value = grammar.day_words[m.group("ord").lower()]
        return DayHeader(text, value, None, False, f"agenda.day.{did}")
    if m.group("num") or m.group("num2"):
        n = int(m.group("num") or m.group("num2"))
        if not 1 <= n <= 14:
            return None
        return DayHeader(text, n, None, False, "agenda.day.number")
    if m.group("wd"):
        if len(text) > 80 or _SENT_END.search(text):
            return None
        did, _, value = grammar.day_words[m.group("wd").lower()]
        return DayHeader(text, None, value, bool(m.group("date")), f"agenda.day.{did}")
    return None


# "<venue>, 20 Uhr, <act>": a programme line that names its venue first (no comma or colon in the venue)
_VENUE_TIME = re.compile(
    r"^(?P<venue>\w[^,:]{2,80}),\s*(?:ab\s+|um\s+)?(?P<h>2[0-4]|[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*Uhr\s*,"
    r"\s*(?P<rest>[^\s,].{0,150})$",
    re.IGNORECASE,
)


_SENT_END = re.compile(r"[.!?]['\"“”«»)]*\s*$")


def resolve_day(
    header: DayHeader, *, date_range: tuple[date, date] | None, explicit: date | None = None
) -> date | None:
    """The date a day header stands for. Example: "Zweiter Konferenztag" with 27.–28.08.2018 -> 2018-08-28."""
    if explicit is not None:
        return explicit
    if date_range is None:
        return None
    first, last = date_range
    if header.ordinal is not None:
        day = last if header.ordinal == -1 else first + timedelta(days=header.ordinal - 1)
        return day if first <= day <= last else None
    if header.weekday is not None:
        day = first
        while day <= last:
            if day.isoweekday() == header.weekday:
                return day
            day += timedelta(days=1)
    return None


def programme_line_ranges(text: str, *, grammar: AgendaGrammar) -> list[tuple[int, int]]:
    """Character ranges of lines that begin with a clock time and a separator (event nouns there are
    programme items, not events of their own). Example: "12:00 Uhr - Pressekonferenz" -> [(0, 27)].
    """
    out = []
    for ln in split_lines(text):
        tl = parse_time_line(ln.text, grammar=grammar)
        if (
            tl is not None
            and (tl.strong or tl.rule_id == "agenda.line.uhr")
            and tl.prefix not in ("gegen", "um")
        ):
            out.append((ln.start, ln.end))
        elif tl is None and grammar.label_time_line.match(ln.text) and not grammar.label_line.match(ln.text):
            out.append((ln.start, ln.end))  # "Wort-Bild-Termin 1: 11.30 Uhr"
    return out
