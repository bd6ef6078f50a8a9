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

_BULLET = re.compile(r"^\s*(?:[•·▪►‣◦●○■□\-–—*]|\d{1,2}[.)]|[a-z][.)])\s+")
_TIME_START = re.compile(r"^\s*(?:(?:ab|bis|ca\.|gegen|um)\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:Uhr\b|[-–—:]|bis\b)", re.I)
_CREDIT = re.compile(r"(?:\b(?:Quelle|Foto|Fotos|Bild|Bildquelle|Bildnachweis|Copyright|Credit|Fotograf(?:in)?)\s*:|©|\(c\)\s)", re.I)
_SENT_END = re.compile(r"[.!?…]['\"“”«»‘’)]*\s*$")
_BOILERPLATE_LEAD = re.compile(r"(?:teilt|teilen)\s+mit:?\s*$|^(?:Pressemitteilung|Presseinformation)\b", re.I)


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
    if len(chunk) > 400:
        return False
    if _CREDIT.search(chunk):
        return True
    words = chunk.split()
    # "Fishbowl auf der Bundeskonferenz 2018" printed three times: an image caption flattened to text.
    for n in range(3, min(12, len(words) // 2) + 1):
        phrase = " ".join(words[:n])
        if chunk.count(phrase) >= 2 and len(phrase) >= 15:
            return True
    return False


def _headline_like(chunk: str) -> bool:
    return "\n" not in chunk and len(chunk) <= 160 and not _SENT_END.search(chunk) and not _BULLET.match(chunk)


def find_blocks(text: str, *, has_title: bool = False) -> list[Block]:
    """Blocks in text order. `has_title`: the first paragraph is the title given by metadata.

    Example: "12:00 Uhr - Pressekonferenz\\n13:00 Uhr - Begrüßung durch" -> two `line` blocks.
    """
    units: list[tuple[str, int, int]] = []
    for p_start, p_end in _paragraphs(text):
        lines = _lines(text, p_start, p_end)
        if not lines:
            continue
        chunks = [text[s:e] for s, e in lines]
        split = len(lines) > 1 and (
            any(_BULLET.match(c) or _TIME_START.match(c) for c in chunks)
            or all(len(c) < 100 and not _SENT_END.search(c) for c in chunks)
        )
        if split:
            for (s, e), chunk in zip(lines, chunks):
                units.append(("list_item" if _BULLET.match(chunk) else "line", s, e))
        elif len(lines) == 1 and _TIME_START.match(chunks[0]):
            units.append(("line", lines[0][0], lines[0][1]))
        else:
            units.append(("paragraph", lines[0][0], lines[-1][1]))

    blocks: list[Block] = []
    labels = [u[0] for u in units]
    chunks = [text[s:e] for _, s, e in units]
    for i, chunk in enumerate(chunks):
        if labels[i] in ("paragraph", "line") and _is_caption(chunk):
            labels[i] = "caption"

    first = [i for i, lab in enumerate(labels) if lab != "caption"]
    title_i = kicker_i = None
    if has_title and first:
        title_i = first[0]
    elif first and labels[first[0]] == "paragraph" and _headline_like(chunks[first[0]]):
        if (len(first) > 2 and labels[first[1]] == "paragraph" and _headline_like(chunks[first[1]])
                and len(chunks[first[0]]) <= 80 and not _headline_like(chunks[first[2]])):
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
        if labels[i] in ("paragraph",) and not _headline_like(chunks[i]) and not _BOILERPLATE_LEAD.search(chunks[i]):
            lead_i = i
            break
        if labels[i] not in ("paragraph", "line", "caption") or i - after > 3:
            break
    if lead_i is not None:
        labels[lead_i] = "lead"
    for i, chunk in enumerate(chunks):
        if labels[i] in ("paragraph", "line") and _headline_like(chunk) and not _TIME_START.match(chunk):
            nxt = i + 1 < len(units)
            alone = labels[i] == "paragraph" or (
                (i == 0 or units[i - 1][2] < units[i][1] - 1 or labels[i - 1] not in ("line",))
                and (not nxt or labels[i + 1] != "line")
            )
            if nxt and alone and len(chunk.split()) <= 14:
                labels[i] = "heading"
    for (_, s, e), lab in zip(units, labels):
        blocks.append(Block(lab, s, e))
    return blocks
