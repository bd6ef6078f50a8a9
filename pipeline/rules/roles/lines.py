"""Where an office phrase stands on its line: line breaks between tokens of a release's text.

Example: line_ends(text, toks, end, 0) is True for "Pressesprecherin\nTelefon".
"""

from __future__ import annotations

from collections.abc import Sequence

from pressextract.rules.common import Tok


def line_break(text: str, toks: Sequence[Tok], j: int, offset: int) -> bool:
    """A line break between token j-1 and token j."""
    return 0 < j < len(toks) and "\n" in text[toks[j - 1].end - offset : toks[j].start - offset]


def alone_on_line(text: str, toks: Sequence[Tok], h: int, e: int, offset: int) -> bool:
    """The name (with its titles) fills its line, and the next token starts the next line."""
    before = text[: toks[h].start - offset]
    line_start = before.rfind("\n")
    head = before[line_start + 1 :].strip()
    if head and not (head.endswith(":") and len(head) <= 30):  # "Pressekontakt: Anna Muster"
        return False
    return e < len(toks) and "\n" in text[toks[e - 1].end - offset : toks[e].start - offset]


def line_ends(text: str, toks: Sequence[Tok], end: int, offset: int) -> bool:
    """The office phrase ends its line (or the text): "Pressesprecherin\nTelefon" but not "Leiterin Marketing und"."""
    return (
        end >= len(toks)
        or "\n" in text[toks[end - 1].end - offset : toks[end].start - offset]
        or toks[end].norm
        in (
            ",",
            "|",
        )
    )
