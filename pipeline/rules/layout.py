"""Document structure of a press release as character blocks: kicker, title, lead, headings,
paragraphs, lines, list items, captions. Pure functions on the normalized text.

Example: "Integrationsbeauftragte\\n\\nIntegration vor Ort gestalten\\n\\nIn Kassel tagte …"
-> kicker, title, lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

LABELS = ("kicker", "title", "lead", "heading", "paragraph", "line", "list_item", "caption")
EXCLUDED = frozenset({"caption"})  # recorded, but kept out of what extractors read

_SYMBOL_BULLET = re.compile(r"^\s*[•·▪►‣◦●○■□\-–—*]\s+\S")
_MONTHS = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez"
)
# "1. Schulversäumnisanzeigen", "2) Haushalt", "a) Anträge"; not dates ("8. August 2020", "15. – 29.07.").
_NUMBERED = re.compile(rf"^\s*(?:\d{{1,2}}[.)]|[a-h]\))\s+(?!(?:{_MONTHS})\b)(?=[A-Za-zÄÖÜäöüß„\"»(])")
_TIME_START = re.compile(
    r"^\s*(?:(?:ab|bis|ca\.|gegen|um)\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:Uhr\b|[-–—:]|bis\b)", re.IGNORECASE
)
_CREDIT = re.compile(
    r"(?:\b(?:Quelle|Foto|Fotos|Bild|Bildquelle|Bildnachweis|Copyright|Credit|Fotograf(?:in)?)\s*:|©|\(c\)\s)",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?…]['\"“”«»‘’)]*\s*$")
# Lines that announce who speaks or what follows ("Hierzu erklärt Justizsenator Dr. Dirk Behrendt:",
# "Das Presse- und Informationsamt des Landes Berlin teilt mit:"): never headings, never the lead.
_INTRO_END = re.compile(r"[:,;]\s*$")
_BOILERPLATE_LEAD = re.compile(
    r"(?:teilt|teilen)\s+mit:?\s*$|informier(?:t|en):?\s*$|^(?:Pressemitteilung|Presseinformation|Presseeinladung)\b"
    r"|^(?:Sehr geehrte|Liebe|Hallo)\b|^Aus der Sitzung des Senats\b",
    re.IGNORECASE,
)
# Release number printed above the text ("Nr. 2837" in police releases): a line of its own, not the lead.
_NUMBER_LINE = re.compile(r"^(?:Nr\.|Nummer|PM)\s*\d+(?:/\d+)?$")
_LOWER_START = re.compile(r"^\s*[a-zäöüß]")
# "Datum: Dienstag, 3.08.2021 um 16:30 Uhr", "Eintritt: frei", "Musikbeitrag: 5 €": a fact line, not a heading
# (a key of up to three words, then a value with a number, a price, an address, or only one or two words).
_KEY_VALUE = re.compile(r"^[\w.()/-]+(?: [\w.()/-]+){0,2}:\s+(?P<value>\S.*)$")
_FACT_VALUE = re.compile(r"\d|€|@|\bUhr\b|\bfrei\b|\bkostenlos\b", re.IGNORECASE)
MIN_LEAD_WORDS = 6
# A paragraph ending in ":" is the lead only when it is long enough to say something itself
# ("Das Bezirksamt lädt alle Anwohnerinnen … zu einer Einwohnerversammlung ein:").
MIN_INTRO_LEAD_WORDS = 12


# Closing quotation marks that end a quoted sentence: German „…“, English “…”, »…«, ‚…‘, and ASCII.
CLOSING_QUOTES = frozenset({"“", "”", "«", "‘", "’", '"', "''"})
SENTENCE_FINAL = frozenset({".", "!", "?", "…", "..."})


def closing_quote_positions(words: list[str], spaces: list[bool]) -> Iterator[int]:
    """Token indices of closing quotes glued to a sentence-final mark: no sentence may start there.

    The parser otherwise puts the closing mark at the start of the next sentence
    ('"Wir sind bereit.' | '" Der Bürgermeister lächelte.') or makes it a sentence of its own.
    Example: ["„", "Wir", "gehen", ".", "“", "Dann"] -> 4. An ASCII '"' glued to the next word
    ('."Neu') opens a quote and is skipped.
    """
    for i in range(1, len(words)):
        if words[i] not in CLOSING_QUOTES or words[i - 1] not in SENTENCE_FINAL or spaces[i - 1]:
            continue
        if words[i] == '"' and i + 1 < len(words) and not spaces[i]:
            continue
        yield i


@dataclass(frozen=True, slots=True)
class Block:
    label: str
    start: int
    end: int


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in re.finditer(r"\n\s*\n", text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped_l = len(line) - len(line.lstrip())
        stripped_r = len(line.rstrip())
        if line.strip():
            out.append((s + stripped_l, s + stripped_r))
    return out


def _is_caption(chunk: str) -> bool:
    """Image caption or credit flattened into the text.

    Example: "Fishbowl auf der Bundeskonferenz 2018 Fishbowl auf der Bundeskonferenz 2018 Quelle: …" -> True;
    "Markt der Möglichkeiten\nAuf einem „Markt der Möglichkeiten“ werden …" -> False (heading + paragraph).
    """
    if len(chunk) > 400:
        return False
    if _CREDIT.search(chunk):
        return True
    first = chunk.split("\n", 1)[0]
    words = first.split(" ")
    # The caption text printed again right after itself on the same line (alt text, title, caption).
    for n in range(3, min(12, len(words) // 2) + 1):
        phrase = " ".join(words[:n])
        if len(phrase) >= 15 and first.startswith(f"{phrase} {phrase}"):
            return True
    return False


def _is_fact_line(chunk: str) -> bool:
    """Example: "Eintritt: frei" -> True; "Erster Konferenztag: „Integration vor Ort gestalten“" -> False."""
    m = _KEY_VALUE.match(chunk)
    if not m:
        return False
    value = m.group("value")
    return (
        bool(_FACT_VALUE.search(value)) or len(value.split()) <= 2 and not value.startswith(("„", '"', "»"))
    )


def _is_bullet(chunk: str) -> bool:
    return bool(_SYMBOL_BULLET.match(chunk) or _NUMBERED.match(chunk))


def _headline_like(chunk: str) -> bool:
    return (
        "\n" not in chunk
        and len(chunk) <= 160
        and not _SENT_END.search(chunk)
        and not _SYMBOL_BULLET.match(chunk)
        and not _INTRO_END.search(chunk)
        and not _LOWER_START.match(chunk)
    )


def _split_paragraph(text: str, lines: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """One paragraph -> units: a paragraph, or its lines (agenda lines, list items, contact blocks).

    Example: "12:00 Uhr - Pressekonferenz\n13:00 Uhr - Begrüßung durch" -> two lines;
    "- Schon 2004 hatte der Rechnungshof\nbeanstandet, dass …" -> one list item (the continuation joins it).
    """
    chunks = [text[s:e] for s, e in lines]
    if len(lines) > 1 and _NUMBER_LINE.match(chunks[0]) and not _NUMBER_LINE.match(chunks[1]):
        return [("line", *lines[0]), *_split_paragraph(text, lines[1:])]
    split = len(lines) > 1 and (
        any(_is_bullet(c) or _TIME_START.match(c) for c in chunks)
        or all(len(c) < 100 and not _SENT_END.search(c) for c in chunks)
    )
    if not split:
        if _SYMBOL_BULLET.match(chunks[0]) or (len(lines) == 1 and _NUMBERED.match(chunks[0])):
            return [("list_item", lines[0][0], lines[-1][1])]
        if len(lines) == 1 and _TIME_START.match(chunks[0]):
            return [("line", *lines[0])]
        return [("paragraph", lines[0][0], lines[-1][1])]
    units: list[tuple[str, int, int]] = []
    for (s, e), chunk in zip(lines, chunks):
        if units and units[-1][0] == "list_item" and _LOWER_START.match(chunk) and not _is_bullet(chunk):
            units[-1] = ("list_item", units[-1][1], e)  # a wrapped list item
            continue
        units.append(("list_item" if _is_bullet(chunk) else "line", s, e))
    return units


def find_blocks(text: str, *, has_title: bool = False) -> list[Block]:
    """Blocks in text order. `has_title`: the first paragraph is the title given by metadata.

    Example: "12:00 Uhr - Pressekonferenz\\n13:00 Uhr - Begrüßung durch" -> two `line` blocks.
    """
    units: list[tuple[str, int, int]] = []
    for p_start, p_end in _paragraphs(text):
        lines = _lines(text, p_start, p_end)
        if lines:
            units.extend(_split_paragraph(text, lines))

    labels = [u[0] for u in units]
    chunks = [text[s:e] for _, s, e in units]
    for i, chunk in enumerate(chunks):
        if labels[i] in ("paragraph", "line") and _is_caption(chunk):
            labels[i] = "caption"
    # A number alone does not make a list: "1. Fachbereich Bürgerämter" between paragraphs is a heading.
    for i, chunk in enumerate(chunks):
        if labels[i] == "list_item" and _NUMBERED.match(chunk) and not _SYMBOL_BULLET.match(chunk):
            neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(units) and labels[j] == "list_item"]
            if not neighbours:
                labels[i] = "paragraph"

    first = [
        i for i, lab in enumerate(labels) if lab not in ("caption",) and not _NUMBER_LINE.match(chunks[i])
    ]
    title_i = kicker_i = None
    if has_title and first:
        title_i = first[0]
    elif first and labels[first[0]] == "paragraph" and _headline_like(chunks[first[0]]):
        if (
            len(first) > 2
            and labels[first[1]] == "paragraph"
            and _headline_like(chunks[first[1]])
            and len(chunks[first[0]]) <= 80
            and not _headline_like(chunks[first[2]])
        ):
            kicker_i, title_i = first[0], first[1]
        else:
            title_i = first[0]
    if kicker_i is not None:
        labels[kicker_i] = "kicker"
    if title_i is not None:
        labels[title_i] = "title"
    after = (title_i if title_i is not None else -1) + 1
    lead_i = None
    for i in range(after, len(units)):
        if (
            labels[i] == "paragraph"
            and not _headline_like(chunks[i])
            and not _LOWER_START.match(chunks[i])
            and not (_INTRO_END.search(chunks[i]) and len(chunks[i].split()) < MIN_INTRO_LEAD_WORDS)
            and not _BOILERPLATE_LEAD.search(chunks[i])
            and len(chunks[i].split()) >= MIN_LEAD_WORDS
        ):
            lead_i = i
            break
        if labels[i] not in ("paragraph", "line", "caption") or i - after > 3:
            break
    if lead_i is not None:
        labels[lead_i] = "lead"
    for i, chunk in enumerate(chunks):
        if (
            labels[i] in ("paragraph", "line")
            and _headline_like(chunk)
            and not _TIME_START.match(chunk)
            and not _NUMBER_LINE.match(chunk)
            and not _is_fact_line(chunk)
        ):
            nxt = i + 1 < len(units)
            alone = labels[i] == "paragraph" or (
                (i == 0 or units[i - 1][2] < units[i][1] - 1 or labels[i - 1] not in ("line",))
                and (not nxt or labels[i + 1] != "line")
            )
            # A sentence broken over paragraphs ("… wird in der Zeit" / "vom 15. Oktober …") is no heading.
            continues = nxt and _LOWER_START.match(chunks[i + 1])
            if nxt and alone and not continues and len(chunk.split()) <= 14:
                labels[i] = "heading"
    return [Block(lab, s, e) for (_, s, e), lab in zip(units, labels)]
