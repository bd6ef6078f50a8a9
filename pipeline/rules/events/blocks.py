"""Label blocks ("Wann:", "Wo:"), date paragraphs, lead-in days and heading scopes of a release.

Example: "Wann: 12. Juni 2019, 18 Uhr\nWo: Rotes Rathaus" -> one block with date and place for the event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span

from pressextract.contract import TimexRef
from pressextract.rules.events.attributes import _DATEISH, dates_of
from pressextract.rules.events.mentions import EventMatch, Mention
from pressextract.rules.programme import Line, split_lines

# a date line that goes on in the next ("… 19.30 Uhr (Premiere) sowie"); a place after its clock time
_CONTINUED = re.compile(r"(?:\bsowie|\bund|,)\s*$")
_INLINE_PLACE = re.compile(
    r"\bUhr,?\s+(?:im|in\s+der|in\s+dem|auf\s+dem|an\s+der)\s+([A-ZÄÖÜ][^,;()\n]{2,60})"
)
# a clock time of a label line; a range "17 bis 21 Uhr" starts at 17:00, not at the "21 Uhr" that ends it
_BLOCK_CLOCK = re.compile(
    r"(?<![\d.])(2[0-4]|[01]?\d)(?:[:.]([0-5]\d))?(?=\s*(?:–|-|bis)\s*(?:2[0-4]|[01]?\d)(?:[:.][0-5]\d)?\s*Uhr\b)"
    r"|(?<![\d.])(2[0-4]|[01]?\d)(?:[:.]([0-5]\d))?\s*Uhr\b|(?<![\d.])(2[0-4]|[01]?\d)[:.]([0-5]\d)(?![\d.])"
)


@dataclass(slots=True)
class _Block:
    """A "Wann:/Wo:" or "Datum:/Uhrzeit:/Ort:" block: its dates, place and ISO start/end."""

    start: int
    end: int
    days: tuple[date, ...]
    place: str | None
    start_value: str | None
    end_value: str | None


def _label_blocks(doc: Doc, *, grammar, timexes: Sequence[TimexRef], text: str | None = None) -> list[_Block]:
    """Label blocks of the document. Example: "Wann: Mittwoch, 29. Januar 2020, 18.30 Uhr\n\nWo: Zentrum am
    Zoo" -> _Block(days=(2020-01-29,), place="Zentrum am Zoo", start_value="2020-01-29T18:30")."""
    out: list[_Block] = []
    cur: list = []
    full_text = doc.text if text is None else text
    lines = split_lines(full_text)

    def flush() -> None:
        if not cur:
            return
        start, end = cur[0][0].start, cur[-1][0].end
        days: list[date] = []
        clock: list[str] = []
        place = None
        for ln, m in cur:
            fld = grammar.labels[m.group("label").lower()][1]
            if fld == "place" and place is None:
                place = _without_contact(m.group("value")) or None
            if (
                fld == "when"
                and place is None
                and ln.text[: m.start("value")].strip()[:-1].lower().endswith("ort")
            ):
                # a label for both ("Termin / Ort: Donnerstag, 21.11.2019, 13:00 bis 16:00 Uhr, Gutshaus Steglitz")
                place = _place_after_when(m.group("value"))
            if fld in ("when", "date", "time"):
                d = _line_days(timexes, ln.start, ln.end, text=full_text)
                days.extend(x for x in d if x not in days)
                for t in _BLOCK_CLOCK.finditer(m.group("value")):
                    g = next(k for k in (1, 3, 5) if t.group(k))
                    h, mi = t.group(g), t.group(g + 1)
                    clock.append(f"{int(h):02d}:{int(mi or 0):02d}")
        sv = ev = None
        if days:
            first, last = min(days), max(days)
            sv = f"{first.isoformat()}T{clock[0]}" if clock and first == last else first.isoformat()
            ev = last.isoformat() if last != first else None
        out.append(_Block(start, end, tuple(days), place, sv, ev))
        cur.clear()

    prev_para = None
    joined: set[int] = set()
    for n, ln in enumerate(lines):
        if n in joined:
            continue
        m = grammar.label_line.match(ln.text)
        if m is not None and not m.group("value").strip() and n + 1 < len(lines):
            # the value on the line under its label: "Wo:\nGartenarbeitsschule „Borkzeile“"
            nxt = lines[n + 1]
            if nxt.para - ln.para <= 1 and grammar.label_line.match(nxt.text) is None:
                both = grammar.label_line.match(f"{ln.text.rstrip()} {nxt.text}")
                if both is not None and both.group("value").strip():
                    ln, m = Line(ln.start, nxt.end, f"{ln.text.rstrip()} {nxt.text}", ln.para), both
                    joined.add(n + 1)
        if m is None or not m.group("value").strip():
            if m is None and cur and ln.para == prev_para and len(ln.text) <= 120:
                continue  # an address line under "Treffpunkt:"
            flush()
            continue
        if cur and prev_para is not None and ln.para - prev_para > 1:
            flush()
        cur.append((ln, m))
        prev_para = ln.para
    flush()
    return out


_WEEKDAY_ONLY = re.compile(
    r"(?i)(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)\w*"
)


def _line_days(timexes: Sequence[TimexRef], start: int, end: int, *, text: str) -> list[date]:
    """The calendar days of a label line; a bare weekday next to a written date is part of a description, not
    a day of its own. Example: "Wann? 25.04.-27.04.2025, Anreise Freitag ab 19 Uhr" -> 25.–27.04.2025 only."""
    inside = [t for t in timexes if start <= t.start and t.end <= end and t.label == "DATE" and t.value]
    written = [t for t in inside if not _WEEKDAY_ONLY.fullmatch(text[t.start : t.end])]
    return dates_of(written or inside, start, end)[0]


# "am"/"vom" may open the line: "… lädt alle ein, an der Diskussion\n\nam Donnerstag, 14. November 2019 um 18 Uhr"
_DATE_LINE = re.compile(
    r"^(?:(?:am|vom)\s+)?(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s+(?:de[nm]\s+)?)?"
    r"\d{1,2}\.\s*(?:\d{1,2}\.|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
)


# the bullet or symbol before a date line ("* Datum: …", "• Montag, 5. Mai"); a when-label before its date
_BULLET = re.compile(r"^[^\w„\"(]*")
_WHEN_LABEL = re.compile(r"(?i)(?:Datum|Termin|Wann|Zeit|Uhrzeit)\s*[:?]\s*")


def _date_lines(text: str, *, max_chars: int = 160) -> list[tuple[int, int]]:
    """Character ranges of the short lines that open with a date, after a bullet or a when-label.

    Example: "Sonntag, 14. Mai 2023 von 10:30 bis 17:00 Uhr", "* Datum: Mittwoch, den 20. März 2019 um 17:00
    Uhr * Ort: …" -> their ranges; "Die Ausstellung ist bis zum 5. Mai zu sehen." -> none."""
    out = []
    for ln in split_lines(text):
        if len(ln.text) > max_chars:
            continue
        body = _BULLET.sub("", ln.text)
        label = _WHEN_LABEL.match(body)
        if _DATE_LINE.match(body[label.end() :] if label else body):
            out.append((ln.start, ln.end))
    return out


_UNTIL_CLOCK = re.compile(r"\b(?:bis|spätestens)\s+(?:ca\.\s+|etwa\s+|zum\s+)?$")


def _day_clock(
    day: str,
    *,
    timexes: Sequence[TimexRef],
    ranges: Sequence[tuple[int, int]],
    skip: Sequence[tuple[int, int]] = (),
    text: str = "",
) -> tuple[str, int] | None:
    """The first clock time of `day` (ISO) inside the ranges and outside `skip` (programme lines), with its
    offset; an end ("Das Fest dauert bis 20 Uhr") is none. Example: day 2022-04-28, "Am Donnerstag, dem
    28. April 2022 um 19.30 Uhr präsentiert …" -> ("19:30", offset of "19.30 Uhr")."""
    best = None
    for t in timexes:
        if t.label != "TIME" or not t.value or not t.value.startswith(day + "T") or len(t.value) < 16:
            continue
        if _UNTIL_CLOCK.search(text[max(0, t.start - 12) : t.start]):
            continue
        if not any(s <= t.start and t.end <= e for s, e in ranges) or any(s <= t.start < e for s, e in skip):
            continue
        if best is None or t.start < best[1]:
            best = (t.value[11:16], t.start)
    return best


_AM = re.compile(r"^Am\s+")
_OPEN_AM = re.compile(r"\b(?:am|vom|ab)\s*:?$")
# the rest of a verbless date line that holds a time and a place: " um 19 Uhr im Café am Platz."
_PLACE_REST = re.compile(
    r"(?:\s*\d{4})?,?\s*(?:um|ab|von)\s+\d{1,2}(?:[.:]\d{2})?\s*Uhr,?\s+(?:im|in\s+der|in\s+dem|auf\s+dem|an\s+der)"
    r"\s+[A-ZÄÖÜ][^.!?\n]{2,60}\.?\s*"
)


# what may follow the date on a line that holds only a date and a time: ", 13 Uhr", " 2019, 10 bis 14 Uhr"
_PURE_REST = re.compile(r"[\s\d.,:/–-]*(?:(?:bis|ab|um|von|Uhr)\b[\s\d.,:/–-]*)*")


_CLOCK = re.compile(
    r"(?<![\d.])(2[0-4]|[01]?\d)(?:[:.]([0-5]\d))?\s*(?:–|-|bis)?\s*(?:(?:2[0-4]|[01]?\d)(?:[:.][0-5]\d)?\s*)?Uhr\b"
    r"|(?<![\d.])(2[0-4]|[01]?\d)[:.]([0-5]\d)(?![\d.])"
)


def _date_paragraphs(
    doc: Doc,
    *,
    grammar,
    timexes: Sequence[TimexRef],
    known: Sequence[_Block],
    max_line_chars: int = 100,
    text: str | None = None,
    occurs: Sequence[re.Pattern] = (),
) -> list[_Block]:
    """Unlabelled when/where paragraphs right under an unfinished sentence: a date line, then the place.

    Example: "Das jugendFORUM findet statt am\n\nMontag, 30. September 2019\nim JugendKulturZentrum PUMPE,\n
    10 – 16 Uhr, Lützowstraße 42" -> _Block(days=(2019-09-30,), place="JugendKulturZentrum PUMPE").
    A date line after a finished sentence ("… statt.\n\nMontag, 30. September") is not such a block.
    """
    out: list[_Block] = []
    lines = split_lines(doc.text if text is None else text)
    for n, ln in enumerate(lines):
        if n == 0 or len(ln.text) > max_line_chars:
            continue
        prev = lines[n - 1].text.rstrip()
        # a sentence cut right before its date ("Kommt am", "… eine Veranstaltung am"): the lines under it may
        # open with a bullet or a symbol ("🗓 14.02.2025", "🕒 um 15:30 Uhr", "📍 auf dem Rathausplatz")
        bulleted = _OPEN_AM.search(prev) is not None
        body = _BULLET.sub("", ln.text) if bulleted else ln.text
        # a verbless line of date, time and place, also as a sentence of its own: "Am Mittwoch, den 20. September
        # um 19 Uhr im Café Haberland."
        opener = _DATE_LINE.match(body) or _DATE_LINE.match(_AM.sub("am ", body, count=1))
        placed = opener is not None and _PLACE_REST.fullmatch(body[opener.end() :]) is not None
        if not (_DATE_LINE.match(body) or placed):
            continue
        if any(b.start <= ln.start < b.end for b in known) or grammar.is_deadline(ln.text):
            continue
        finished = bool(re.search(r"[.!?“”\"]$", prev)) or ln.para - lines[n - 1].para > 1
        pure = _PURE_REST.fullmatch(body[opener.end() :]) is not None
        # a lone date line dates the sentence above only when that sentence announces an event undated
        announced = any(rx.search(prev) for rx in occurs) and not _DATEISH.search(prev)
        if (
            finished
            and not ((pure and announced) or placed)
            or (finished and ln.para - lines[n - 1].para > 2)
        ):
            # the sentence above is finished: the date line is not its complement — unless the line holds
            # nothing but a date and a time ("Der Vortrag findet … statt.\n\n8. September 2019, 13 Uhr")
            continue
        days, _ = dates_of(timexes, ln.start, ln.end)
        if not days:
            continue
        group = [ln] + [
            x for x in lines[n + 1 : n + 4] if x.para == ln.para and len(x.text) <= max_line_chars
        ]
        if finished:
            group = [ln]  # a lone date line: the lines under it ("Anmeldung: …") are no place
        # further dates of the same appointment: "am Freitag, 21. September, 19.30 Uhr (Premiere) sowie\n
        # am Samstag, 22. September, 15 Uhr" -> one event from the first to the last day
        more = []
        for a, b in pairwise(group):
            if not (_CONTINUED.search(a.text) and _DATE_LINE.match(b.text)):
                break
            more += [d for d in dates_of(timexes, b.start, b.end)[0] if d not in days]
        clock: list[str] = []
        place = None
        hit = _INLINE_PLACE.search(body, opener.end())
        if hit and hit.group(1)[:1].isupper():
            place = hit.group(1).strip(" .,;")  # "…, 19.30 Uhr im Kulturstall (Premiere)"
        for x in group:
            xt = _BULLET.sub("", x.text) if bulleted else x.text
            for t in _CLOCK.finditer(xt):
                h, mi = (t.group(1), t.group(2)) if t.group(1) else (t.group(3), t.group(4))
                clock.append(f"{int(h):02d}:{int(mi or 0):02d}")
            xt = re.sub(r"^(?:um|ab)\s+(?=\d)", "", xt)  # "🕒 um 15:30 Uhr": a clock line, no place
            if x is not ln and place is None and not _CLOCK.match(xt) and not _DATE_LINE.match(xt):
                cand = re.sub(r"^(?i:im|in\s+der|in\s+dem|auf\s+dem|am|an\s+der|zum|zur)\s+", "", xt)
                if re.match(
                    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\b", cand
                ):
                    continue  # a second date line ("Freitag, 15. Juni, 10 Uhr")
                cand = cand.split(",")[0].strip(" .,;")
                if cand[:1].isupper():
                    place = cand
        first, last = min(days), max(days)
        sv = f"{first.isoformat()}T{clock[0]}" if clock and first == last else first.isoformat()
        ev = last.isoformat() if last != first else None
        if more and max(more) > last and first == last:
            # the first performance keeps its clock time, the last day ends the run
            ev = max(more).isoformat()
            days = [*days, *more]
        out.append(_Block(ln.start, group[-1].end, tuple(days), place, sv, ev))
    return out


def _apply_blocks(results: list[EventMatch], blocks: Sequence[_Block]) -> None:
    """A label block gives its place (and its date, where the event has none) to the nearest event
    mentioned above it; a block above every event (right under the headline: "Zeit: …\nOrt: …") belongs to
    the first event after it when their days agree."""
    for b in blocks:
        before = [r for r in results if min(r.mentions) <= b.start]
        if not before:
            after = sorted(results, key=lambda r: min(r.mentions))
            if not after or b is not blocks[0] or not b.days:
                continue
            first = after[0].event
            if first.get("start") and first["start"][:10] != min(b.days).isoformat():
                continue
            target = after[0]
        else:
            # an election named above is background to the release's own event ("Am 23.02. findet die
            # Bundestagswahl statt. … gehen wir am:\n🗓 14.02.2025" dates the Klimastreik), unless it is the only one
            hosts = [r for r in before if r.event.get("type") != "Wahl"] or before
            target = max(hosts, key=lambda r: max(p for p in r.mentions if p <= b.start))
        ev = target.event
        if b.place:
            ev["location"] = b.place
        if b.start_value and (
            ev.get("start") is None or (ev["start"][:10] == b.start_value[:10] and "T" not in ev["start"])
        ):
            ev["start"] = b.start_value
            if b.end_value:
                ev["end"] = b.end_value


def _lead_in_days(doc: Doc, m: Mention, *, grammar, timexes: Sequence[TimexRef]) -> list[date]:
    """The day of a programme line from the lead-in above it ("Für Sonntag, 19.02.23, organisieren …:")."""
    pos = doc[m.start].idx
    for sent in reversed([s for s in doc.sents if s.end_char <= pos][-6:]):
        if grammar.is_deadline(sent.text):
            continue
        days = dates_of(timexes, sent.start_char, sent.end_char)[0]
        if len(days) == 1:
            return days
        if len(sent.text) > 250:
            break
    return []


def _heading_scopes(
    doc: Doc, headings: Sequence[tuple[int, int]], *, text: str | None = None
) -> list[tuple[int, int, list[Span]]]:
    """For each heading, the sentences of the text below it up to the next heading (a heading "Jährliche
    Konferenz" speaks about the paragraph under it)."""
    out = []
    hs = sorted(headings)
    for n, (s, e) in enumerate(hs):
        stop = hs[n + 1][0] if n + 1 < len(hs) else len(doc.text if text is None else text)
        scope = [sent for sent in doc.sents if e <= sent.start_char < stop]
        out.append((s, e, scope[:8]))
    return out


# the date and time that open a when-and-where value: "Donnerstag, den 21.11.2019, 13:00 bis 16:00 Uhr, "
_WHEN_PART = re.compile(
    r"^(?:[\w.]+,?\s+)?(?:de[nm]\s+)?\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)\s*(?:\d{2,4})?[\s,]*"
    r"(?:(?:von|ab|um|bis|–|-)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr)?[\s,]*)*"
)


def _place_after_when(value: str) -> str | None:
    """The place after the date and time of a when-and-where label. Example: "Donnerstag, den 21.11.2019, 13:00
    bis 16:00 Uhr, Gutshaus Steglitz, Schloßstraße 48" -> "Gutshaus Steglitz, Schloßstraße 48"."""
    m = _WHEN_PART.match(value)
    rest = _without_contact(value[m.end() :]) if m else ""
    return rest if rest[:1].isupper() else None


# the contact details after a place on its label line: "Ort: Hans-Sachs-Haus, Parkstr. 5, Tel.: 811 91 96"
_CONTACT = re.compile(r"[\s,;*|(–-]*\b(?:Tel(?:efon)?|Fon|Fax|E-?Mail|Mail)(?:\s*[.:]\s*|\s+(?=[+(0-9])).*$")


def _without_contact(value: str) -> str:
    """A labelled place without the phone number or e-mail address on its line.
    Example: "Hans-Sachs-Haus, Parkstr. 5, 14167 Berlin, Tel.: 811 91 96" -> "Hans-Sachs-Haus, Parkstr. 5, 14167 Berlin"."""
    return _CONTACT.sub("", value).strip().rstrip(".,;*|–- ")
