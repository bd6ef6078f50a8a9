"""Timed programme entries of a press release: line grammar, day headers, label blocks, participants.

Pure functions on the document text plus plain tuples of what earlier stages found (timexes, people,
events), so they run and test without spaCy. Example:
"Erster Konferenztag: …\\n12:00 Uhr - Pressekonferenz" with an event on 27.–28.08.2018
-> AgendaEntry(date="2018-08-27", time="12:00", title="Pressekonferenz", day_label="Erster Konferenztag: …").

What counts as an entry (police releases are full of clock times in prose, "Gegen 14.30 Uhr bemerkte …"):
- a line that BEGINS with a clock time ("12:00", "12.00 Uhr", "16 Uhr", "10.30 bis 12 Uhr") and then a
  separator ("-", "–", ":", "|", tab): an entry on its own ("12:00 Uhr - Pressekonferenz");
- a line that begins with a clock time and "Uhr" but has no separator ("16:30 Uhr Elternchor"), or a time
  alone on its line ("09.30 Uhr" + title on the next line), or "Wort-Bild-Termin 2: 12.30 Uhr": only in
  programme context — another time line next to it, a programme heading ("Programm", "Ablauf:") above, or
  a lead-in line ending with ":" right before; times introduced by "gegen"/"um" need a separator, because
  that is how incident reports start their sentences;
- a "Wann:/Wo:" or "Datum:/Uhrzeit:/Treffpunkt:" block with a clock time: one entry for the block;
- a court-style line "Dienstag, 07. Januar 2020, 12:30 Uhr, Saal 334" (date, time, and something after it).
Times inside a sentence ("Der Unfall ereignete sich gegen 14.30 Uhr") are never entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from pipeline.contract import EventRef, OfficeRef, PersonRef, TimexRef

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


class ResourceError(ValueError):
    """A German rule file in resources/ is malformed (file and line in the message)."""


def read_table(path: Path, *, columns: int, min_columns: int | None = None) -> list[tuple[int, list[str]]]:
    """Rows of a tab-separated resource file with '#' header comments, validated for column count.

    Example: "day.ord.1\\terster\\tordinal\\t1" -> (line_no, ["day.ord.1", "erster", "ordinal", "1"]).
    """
    rows: list[tuple[int, list[str]]] = []
    seen: set[str] = set()
    need = columns if min_columns is None else min_columns
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) < need or len(cells) > columns:
            raise ResourceError(
                f"{path.name}:{no}: expected {columns} tab-separated columns, got {len(cells)}"
            )
        cells += [""] * (columns - len(cells))
        if cells[0] in seen:
            raise ResourceError(f"{path.name}:{no}: duplicate id {cells[0]!r}")
        seen.add(cells[0])
        rows.append((no, cells))
    return rows


# --------------------------------------------------------------------------------------------- grammar

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
    label_line = re.compile(rf"^\s*(?P<label>{label_alt})\s*:\s*(?P<value>.*)$", re.IGNORECASE)
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


# ----------------------------------------------------------------------------------------------- lines


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
    if rest[:1].isalnum() and not (m.group("uhr1") or m.group("uhr2")):
        return None  # "12.30Uhr" is caught above; "12.30abc" is not a time
    if rest.lstrip()[:1] in ",.;)":
        return None  # "10 – 16 Uhr, Lützowstraße 42": the time of a sentence, not a programme line
    title = rest.strip()
    off = rest_off + (len(rest) - len(rest.lstrip()))
    return TimeLine(start, end, title, off, False, prefix, "agenda.line.uhr")


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


# --------------------------------------------------------------------------------------------- entries


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
    r"Gäste|Gast|Referent\w*|Redner\w*|spricht|sprechen|Impuls\w*|Teilnehmende[nr]?|teil:)"
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


def _dates_in(timexes: Sequence[TimexRef], start: int, end: int) -> list[date]:
    out = []
    for t in timexes:
        if t.start >= start and t.end <= end and t.label in ("DATE", "TIME") and t.value:
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


def find_agenda(
    text: str,
    *,
    grammar: AgendaGrammar,
    timexes: Sequence[TimexRef] = (),
    people: Sequence[PersonRef] = (),
    events: Sequence[EventRef] = (),
    excluded: Sequence[tuple[int, int]] = (),
    bullets: Sequence[tuple[int, int]] = (),
    offices: Sequence[OfficeRef] = (),
    max_title_chars: int = 300,
    context_lines: int = 3,
    day_resolver: DayResolver | None = None,
    block_entries: bool = False,
    max_entry_paragraphs: int = 4,
    max_entry_paragraph_chars: int = 600,
) -> list[AgendaEntry]:
    """Programme entries of one document, in text order, with dates, day labels and participants.

    Example: "Zweiter Konferenztag\\n\\n08:30 Uhr - Beginn und Markt der Möglichkeiten" with the event on
    27.–28.08.2018 -> [AgendaEntry(date="2018-08-28", time="08:30", title="Beginn und Markt der Möglichkeiten")].

    `block_entries`: a "Wann:/Wo:" or "Datum:/Uhrzeit:" block is the announced event's date and place, not a
    programme entry (corpus/gold/README.md); True makes one entry per block as well. `offices`: offices the
    roles stage bound to one named person ("Der Regierende Bürgermeister" after "Kai Wegner"): an entry that
    names the office has that person as a participant.
    """
    lines = [ln for ln in split_lines(text) if not any(s <= ln.start and ln.end <= e for s, e in excluded)]
    bullet_starts = {s for s, _ in bullets}
    kinds: list[str] = []  # time | label_time | dated | day | label | bullet | header | other
    parsed: list[object] = []
    for ln in lines:
        tl = parse_time_line(ln.text, grammar=grammar)
        if tl is not None:
            kinds.append("time")
            parsed.append(tl)
            continue
        lab = grammar.label_line.match(ln.text)
        if lab is not None:
            kinds.append("label")
            parsed.append(lab)
            continue
        lt = grammar.label_time_line.match(ln.text)
        if lt is not None and not _SENT_END.search(ln.text):
            kinds.append("label_time")
            parsed.append(lt)
            continue
        dl = grammar.dated_line.match(ln.text)
        if dl is not None and len(ln.text) <= 160:
            kinds.append("dated")
            parsed.append(dl)
            continue
        vt = _VENUE_TIME.match(ln.text)
        if vt is not None and not _SENT_END.search(ln.text):
            kinds.append("venue_time")
            parsed.append(vt)
            continue
        dh = parse_day_header(ln.text, grammar=grammar)
        if dh is not None:
            kinds.append("day")
            parsed.append(dh)
            continue
        if ln.start in bullet_starts or grammar.bullet.match(ln.text):
            kinds.append("bullet")
            parsed.append(None)
            continue
        kinds.append("header" if grammar.programme_header_id(ln.text) else "other")
        parsed.append(None)

    def near_time(i: int) -> bool:
        for j in (i - 1, i + 1, i - 2, i + 2):
            if (
                0 <= j < len(lines)
                and kinds[j] in ("time", "label_time", "venue_time")
                and abs(lines[j].para - lines[i].para) <= 1
            ):
                return True
        return False

    def in_programme(i: int) -> bool:
        prev = i - 1
        if prev >= 0 and kinds[prev] == "other" and lines[prev].text.rstrip().endswith(":"):
            return True  # a lead-in: "… organisieren Bündnisse Gedenkveranstaltungen in Kreuzberg:"
        if (
            accepted
            and lines[accepted[-1]].para >= lines[i].para - 1
            and i - accepted[-1] <= context_lines + 1
        ):
            return True  # the programme goes on after a venue line ("B.L.O. Bühne\n18 Uhr The Allers")
        for j in range(i - 1, max(-1, i - 1 - context_lines * 4), -1):
            if kinds[j] == "header":
                return True
            if kinds[j] == "other" and len(lines[j].text) > 250:
                return False
        return False

    entries: list[AgendaEntry] = []
    accepted: list[int] = []  # line index of each entry
    for i, ln in enumerate(lines):
        kind = kinds[i]
        if kind == "time":
            tl = parsed[i]
            assert isinstance(tl, TimeLine)
            ok = tl.strong and tl.prefix not in ("gegen", "um", "etwa", "von")
            if not ok and tl.prefix not in ("gegen", "um", "etwa"):
                ok = near_time(i) or in_programme(i)
            if not ok and tl.strong and tl.prefix in ("gegen", "um", "etwa", "von"):
                ok = near_time(i) or in_programme(i)
            if not ok:
                continue
            title, title_end, rule = tl.title, ln.end, tl.rule_id
            if not title and i + 1 < len(lines) and kinds[i + 1] in ("other", "bullet"):
                title, title_end = lines[i + 1].text, lines[i + 1].end
            entries.append(
                AgendaEntry(
                    ln.start,
                    title_end,
                    tl.time,
                    tl.end_time,
                    _clean_title(title)[:max_title_chars] or None,
                    rule_id=rule,
                )
            )
            accepted.append(i)
        elif kind == "label_time":
            lt = parsed[i]
            assert isinstance(lt, re.Match)
            label = lt.group("label").strip()
            if label.lower() in grammar.labels:
                continue
            if not (near_time(i) or in_programme(i) or re.search(r"(?i)termin|station|programm", label)):
                continue
            t = _hhmm(lt.group("h"), lt.group("m"))
            if t is None or not (lt.group("m") or lt.group("uhr1")):
                continue
            end_t = _hhmm(lt.group("h2"), lt.group("m2")) if lt.group("h2") else None
            title, title_end = label, ln.end
            if lt.group("rest"):
                title = lt.group("rest")
            elif i + 1 < len(lines) and kinds[i + 1] == "other" and lines[i + 1].para == ln.para:
                title, title_end = lines[i + 1].text, lines[i + 1].end
                first = re.split(r"(?<=[.;])\s", title, maxsplit=1)[0]
                title = first
            entries.append(
                AgendaEntry(
                    ln.start,
                    title_end,
                    t,
                    end_t,
                    _clean_title(title)[:max_title_chars] or None,
                    rule_id="agenda.line.label_time",
                )
            )
            accepted.append(i)
        elif kind == "venue_time":
            # "360 Grad – Raum für Kreativität, 20 Uhr, Brown Sugar": venue, time, act — only inside a programme
            if not (near_time(i) or in_programme(i)):
                continue
            vt = parsed[i]
            assert isinstance(vt, re.Match)
            entries.append(
                AgendaEntry(
                    ln.start,
                    ln.end,
                    _hhmm(vt.group("h"), vt.group("m")),
                    None,
                    _clean_title(vt.group("rest"))[:max_title_chars] or None,
                    rule_id="agenda.line.venue_time",
                )
            )
            accepted.append(i)
        elif kind == "dated":
            dl = parsed[i]
            assert isinstance(dl, re.Match)
            rest = dl.group("rest").strip(" ,;:–-")
            if not rest:
                continue  # "Montag, 23. April 2018 um 12:00 Uhr": the event's date, a day context below
            tm = re.match(r"(\d{1,2})(?:[:.](\d{2}))?", dl.group("time"))
            t = _hhmm(tm.group(1), tm.group(2)) if tm else None
            entries.append(
                AgendaEntry(
                    ln.start,
                    ln.end,
                    t,
                    None,
                    _clean_title(rest)[:max_title_chars] or None,
                    rule_id="agenda.line.dated",
                )
            )
            accepted.append(i)
        elif kind == "label":
            # A Wann:/Datum:/Uhrzeit: block: one entry for the block, placed at its first label line.
            if not block_entries:
                continue
            if i > 0 and kinds[i - 1] == "label" and lines[i - 1].para >= ln.para - 1:
                continue
            block = [i]
            j = i + 1
            while (
                j < len(lines)
                and lines[j].para - lines[block[-1]].para <= 1
                and kinds[j] in ("label", "other")
            ):
                # an address line continues the label above ("(Rathausstr. 15, Berlin)")
                if kinds[j] == "other" and (
                    lines[j].para != lines[block[-1]].para or len(lines[j].text) > 120
                ):
                    break
                block.append(j)
                j += 1
            fields: dict[str, str] = {}
            for k in block:
                if kinds[k] != "label":
                    continue
                lab = parsed[k]
                assert isinstance(lab, re.Match)
                fld = grammar.labels[lab.group("label").lower()][1]
                fields.setdefault(fld, lab.group("value").strip())
            when = " ".join(v for f, v in fields.items() if f in ("when", "date", "time"))
            times = [
                t
                for t in re.finditer(
                    rf"(?<![\d.])({_TIME})\s*Uhr\b|(?<![\d.])(\d{{1,2}}[:.][0-5]\d)(?![\d.])", when
                )
            ]
            if not times:
                continue
            first_t = times[0].group(1) or times[0].group(2)
            parts = re.split(r"[:.]", first_t)
            t = _hhmm(parts[0], parts[1] if len(parts) > 1 else None)
            end_t = None
            if len(times) > 1 and re.search(r"bis|–|-", when[times[0].end() : times[1].start()] or ""):
                p2 = re.split(r"[:.]", times[1].group(1) or times[1].group(2))
                end_t = _hhmm(p2[0], p2[1] if len(p2) > 1 else None)
            title = fields.get("title")
            if not title:
                # the title is the short line right above the block ("Termin 1:\nPresserundgang durch …")
                k = i - 1
                while k >= 0 and kinds[k] in ("other", "header") and len(lines[k].text) <= 200:
                    if not lines[k].text.rstrip().endswith(":") or len(lines[k].text) > 40:
                        title = lines[k].text
                        break
                    k -= 1
            end_line = lines[block[-1]]
            entries.append(
                AgendaEntry(
                    ln.start,
                    end_line.end,
                    t,
                    end_t,
                    _clean_title(title)[:max_title_chars] if title else None,
                    rule_id=f"agenda.block.{grammar.labels[parsed[i].group('label').lower()][0]}",
                )
            )
            accepted.append(i)

    # Item extents: continuation lines in the same paragraph, then a bullet list that directly follows.
    for n, (entry, i) in enumerate(zip(entries, accepted)):
        nxt = accepted[n + 1] if n + 1 < len(accepted) else len(lines)
        j = i + 1
        end = entry.end
        extra_paras = 0
        while j < nxt and j < len(lines):
            ln = lines[j]
            if kinds[j] in ("time", "label_time", "venue_time", "day", "dated", "header"):
                break
            if kinds[j] == "bullet":
                end = ln.end
            elif ln.para == lines[j - 1].para and (kinds[j - 1] != "bullet" or kinds[j] == "bullet"):
                if kinds[j] == "label" and not entry.rule_id.startswith("agenda.block"):
                    break
                end = max(end, ln.end)
            elif (
                kinds[j] == "other"
                and not entry.rule_id.startswith("agenda.block")
                and _entry_paragraph(ln.text, max_chars=max_entry_paragraph_chars)
                and (
                    # a paragraph between two entries belongs to the one above it (speaker lists under
                    # "13.00 Uhr IMPULS: …"); after the last entry only the paragraph right below it
                    (
                        n + 1 < len(accepted)
                        and extra_paras < max_entry_paragraphs
                        and ln.para != lines[nxt].para  # the venue line above the next entry is the next's
                    )
                    or (
                        n > 0
                        and n + 1 == len(accepted)
                        and extra_paras == 0
                        and ln.para == lines[j - 1].para + 1
                        and _PANEL_CUE.search(ln.text) is not None
                    )
                )
            ):
                extra_paras += 1
                end = max(end, ln.end)
            else:
                break
            j += 1
        entry.end = end
        first_line = lines[i]
        if (
            entry.title
            and entry.rule_id.startswith("agenda.line.")
            and (
                first_line.text.endswith(",")
                and i + 1 < len(lines)
                and kinds[i + 1] == "other"
                and lines[i + 1].para == first_line.para
            )
        ):
            entry.title = _clean_title(f"{entry.title} {lines[i + 1].text}")[:max_title_chars]

    # Event links, then dates: explicit date on the line > day context (header or dated line) > the
    # time timex's own date > the event's single day.
    for entry in entries:
        before = [ev for ev in events if any(m <= entry.start for m in ev.mentions)]
        if before:
            entry.event_index = max(
                before, key=lambda ev: max(m for m in ev.mentions if m <= entry.start)
            ).index
        elif events:
            entry.event_index = events[0].index
    by_index = {ev.index: ev for ev in events}
    context_date: date | None = None
    context_label: str | None = None
    entry_at = {i: entry for entry, i in zip(entries, accepted)}
    for i, ln in enumerate(lines):
        kind = kinds[i]
        if kind == "day":
            dh = parsed[i]
            assert isinstance(dh, DayHeader)
            explicit = _dates_in(timexes, ln.start, ln.end)
            nxt_entry = next((entry_at[k] for k in range(i + 1, len(lines)) if k in entry_at), None)
            ev = (
                by_index.get(nxt_entry.event_index)
                if nxt_entry and nxt_entry.event_index is not None
                else None
            )
            rng = _event_range(ev)
            resolved = None
            if explicit:
                resolved = explicit[0]
            elif day_resolver is not None:
                resolved = day_resolver(dh.label, rng)
            if resolved is None:
                resolved = resolve_day(dh, date_range=rng)
            context_date, context_label = resolved, dh.label
            continue
        inside = any(e.start <= ln.start < e.end for e in entries)
        if (
            kind in ("dated", "label", "header", "other")
            and not (inside and kind == "other")
            and not (grammar.is_deadline(ln.text))
        ):
            # a dated lead-in ("Presseöffentliche Termine … am 11. Juni 2025", "Datum: Freitag, 25. Juni 2021")
            # dates what follows; a prose paragraph only when it names exactly one day
            found = _dates_in(timexes, ln.start, ln.end)
            if found and (kind != "other" or len(found) == 1) and found[0] != context_date:
                context_date, context_label = found[0], None  # same day: the day header's label stays
        entry = entry_at.get(i)
        if entry is None:
            continue
        entry.day_label = context_label
        own = _dates_in(timexes, ln.start, ln.end) if kind in ("dated", "label") else []
        if kind == "label":
            own = _dates_in(timexes, entry.start, entry.end)
        if own:
            d = own[0]
        elif context_date is not None:
            d = context_date
        else:
            d = None
            tx = [t for t in timexes if t.start >= ln.start and t.end <= ln.end and t.label == "TIME"]
            if tx:
                d = _iso_date(tx[0].value)
            if d is None and entry.event_index is not None:
                rng = _event_range(by_index.get(entry.event_index))
                if rng and rng[0] == rng[1]:
                    d = rng[0]
        entry.date = d.isoformat() if d else None

    # Participants: people named inside the entry's extent (its line, continuation lines, bullet list),
    # then people named there only by an office bound to them ("Der Regierende Bürgermeister begrüßt …").
    for entry in entries:
        seen: set[str] = set()
        for p in people:
            if entry.start <= p.start and p.end <= entry.end and p.person_id not in seen:
                seen.add(p.person_id)
                entry.participants.append(p.person_id)
                entry.participant_names.append(p.name)
        for pid, name in _office_participants(text, entry.start, entry.end, offices):
            if pid not in seen:
                seen.add(pid)
                entry.participants.append(pid)
                entry.participant_names.append(name)
    return entries


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
