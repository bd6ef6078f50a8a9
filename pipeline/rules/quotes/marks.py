"""Quotation marks: pairing openers with closers, across paragraphs where a quote goes on.

Example: 'Sie sagte: „Wir handeln.“' -> Marked(open at „, close at “, text "Wir handeln.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> the marks that may close it. „…“ is German; “…” English (common on berlin.de);
# „…” and „…" are frequent typos of the German pair; »…« German book style, «…» Swiss style.
PAIRS: dict[str, tuple[str, ...]] = {
    "„": ("“", "”", '"'),
    "“": ("”", "“"),
    "»": ("«",),
    "«": ("»",),
    "‚": ("‘",),
    '"': ('"', "“", "”"),  # ASCII opened, closed with a typographic mark: "…“ (mixed pairs)
}


OPENERS = frozenset(PAIRS)


ALL_MARKS = frozenset('„“”»«‚‘"')


_PARA_BREAK = re.compile(r"\n[ \t]*\n")


_SENT_FINAL = frozenset(".!?")


_CLAUSE_END = _SENT_FINAL | {";"}


@dataclass(frozen=True, slots=True)
class Marked:
    """Text between a pair of quotation marks; start/end exclude the marks and outer whitespace."""

    open_start: int
    start: int
    end: int
    close_end: int
    mark: str
    paragraphs: int = 1


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in OPENERS:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        return False
    if ch in ('"', "“", "«", "‚"):
        # Symmetric or two-way marks open only at a word start: '(„x")', ' "x"', not 'x"'.
        prev = text[i - 1] if i > 0 else " "
        return prev.isspace() or prev in "([/–—-:"
    return True


def _find_close(
    text: str, start: int, end: int, closers: tuple[str, ...], mark: str, *, inner_pairs: bool = False
) -> int | None:
    """Index of the closing mark in text[start:end], skipping nested pairs of another kind.

    A pair of the same kind nested inside („… „die niemals …“ richtet. … verdient.“) is skipped when
    two closers follow the inner opener, or always with `inner_pairs` (a paragraph a quote runs on in).
    """
    i = start
    depth = 0  # ASCII quotes nested in ASCII quotes: "Das ist ein "großer" Tag", sagte sie.
    while i < end:
        ch = text[i]
        if mark == '"' and ch == '"' and _is_opener(text, i) and _closes_later(text, i + 1, end):
            depth += 1
            i += 1
            continue
        if ch == '"' and _is_opener(text, i) and (inner := _short_inner_pair(text, i, end, mark, closers)):
            i = inner  # "… wenn mir jemand "alles Gute" wünscht …": a short pair inside the quote
            continue
        if ch in closers and (ch != mark or not _is_opener(text, i)):
            if depth and ch == '"':
                depth -= 1
                i += 1
                continue
            return i
        if mark == "„" and text[i : i + 2] == "‘‘":
            return i  # a German quote closed with two single marks (a common typing slip)
        if ch == mark and mark not in ('"', "“") and _is_opener(text, i):
            # The same opener again before a close: this one is unbalanced, unless the quote ends in
            # ‘‘ and the inner pair closes properly ("„… der Straße „Unter den Eichen“ … .‘‘"), or the
            # inner pair closes and another closer follows (nested „…„…“…“).
            inner = next((k for k in range(i + 1, end) if text[k] in closers), None)
            if inner is not None and (
                (mark == "„" and "‘‘" in text[inner:end])
                or (mark in ("„", "»") and (inner_pairs or _closer_after(text, inner + 1, end, closers)))
            ):
                i = inner + 1
                continue
            return None
        i += 1
    return None


_INNER_MAX = 60  # characters of a short quoted phrase inside a quote ("alles Gute", "Nein")


def _short_inner_pair(text: str, i: int, end: int, mark: str, closers: tuple[str, ...]) -> int | None:
    """End of a short ASCII pair opened at i inside a quote, or None when the mark at i closes the quote.

    „Wer "Nein" sagt, …“ (a German quote goes on after the pair) or, in ASCII, "Wenn jemand "alles Gute"
    wünscht …" (the pair's close runs on in lowercase: the sentence is not over, so it closed the pair).
    """
    k = text.find('"', i + 1, min(end, i + _INNER_MAX))
    if k < 0 or "\n" in text[i:k] or len(text[i + 1 : k].split()) > 5:
        return None
    if mark != '"':
        # the German (or guillemet) quote must still close after the pair
        return k + 1 if any(text[x] in closers and text[x] != '"' for x in range(k + 1, end)) else None
    after = re.match(r"[ \t]+(\w)", text[k + 1 : k + 4])
    return k + 1 if after is not None and after.group(1).islower() else None


def _closer_after(text: str, start: int, end: int, closers: tuple[str, ...]) -> bool:
    """Whether a closer follows in text[start:end] with no new opener of the German kind before it."""
    for k in range(start, end):
        if text[k] in closers:
            return True
        if text[k] in ("„", "»") and _is_opener(text, k):
            return False
    return False


def _closes_later(text: str, start: int, end: int) -> bool:
    """Whether two more closing ASCII marks follow (the inner pair's and the outer one's)."""
    closes = [k for k in range(start, end) if text[k] == '"' and not _is_opener(text, k)]
    return len(closes) >= 2


def find_marked(text: str, *, max_paragraphs: int = 6) -> list[Marked]:
    """Balanced quotation-mark pairs, including one quote over several paragraphs.

    Example: "Sie sagte: „Erstens.\\n\\nZweitens.“" -> one Marked over both paragraphs. An opening „
    that never closes ("Erster Konferenztag: „Integration vor Ort gestalten") yields nothing.
    """
    out: list[Marked] = []
    paras = _paragraph_bounds(text)
    p = 0
    while p < len(paras):
        p_start, p_end = paras[p]
        i = p_start
        next_p = p + 1
        while i < p_end:
            if not _is_opener(text, i):
                i += 1
                continue
            mark = text[i]
            closers = PAIRS[mark]
            j = _find_close(text, i + 1, p_end, closers, mark)
            n_par = 1
            if j is None:
                j, n_par = _continue_paragraphs(text, paras, p, i, mark, closers, max_paragraphs)
            if j is None:
                i += 1
                continue
            s, e = i + 1, j
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Marked(i, s, e, j + 1, mark, n_par))
            if n_par > 1:
                next_p = p + n_par
                break
            i = j + 1
        p = max(next_p, p + 1)
    return out


def _continue_paragraphs(
    text: str,
    paras: list[tuple[int, int]],
    p: int,
    open_i: int,
    mark: str,
    closers: tuple[str, ...],
    max_paragraphs: int,
) -> tuple[int | None, int]:
    """Close of a quote that runs on into the next paragraphs (German convention), else (None, 0).

    Each paragraph left open must read as finished prose (ends with . ! ? …), and a following
    paragraph may reopen with the same mark only at its very start.
    """
    seg_end = paras[p][1]
    for k in range(p + 1, min(len(paras), p + max_paragraphs)):
        if not re.search(r"[.!?…:]\s*$", text[open_i:seg_end]):
            return None, 0
        q_start, q_end = paras[k]
        body = q_start
        if text[body : body + 1] == mark:
            body += 1  # reopened paragraph: „Erstens …\n\n„Zweitens …“
        j = _find_close(text, body, q_end, closers, mark, inner_pairs=True)
        if j is not None:
            return j, k - p + 1
        # an opener left without its closer: a new quote starts here, the open one never closed
        seg = text[body:q_end]
        if sum(text[x] == mark and _is_opener(text, x) for x in range(body, q_end)) > sum(
            seg.count(c) for c in closers if c != mark
        ):
            return None, 0
        open_i, seg_end = body, q_end
    return None, 0
