"""Text normalization that keeps offsets honest: every offset in the output points into this text.

Example: "Staats\u00administerin\u00a0Widmann-Mauz" -> "Staatsministerin Widmann-Mauz".
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that only break words apart: soft hyphen, zero-width space/joiners, BOM, word joiner.
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Space-like characters that should read as a plain space (no-break, narrow no-break, figure, thin...).
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000"), " ")
# C0/C1 controls other than tab and newline become spaces (null bytes, form feeds from PDFs, ...).
_CONTROLS = {c: " " for c in list(range(9)) + [11, 12] + list(range(14, 32)) + list(range(127, 160))}
_CONTROLS[0] = None
_LINE_SEPARATORS = {0x2028: "\n", 0x2029: "\n\n", 0x85: "\n"}
# Hyphen (U+2010) and non-breaking hyphen (U+2011) read as "-", so "Widmann\u2011Mauz" matches names and lexicons.
_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011"), "-")

# One table and one pass (str.translate with dict tables costs ~0.5 ms per 4 KB of German text).
_TABLE = {chr(k): (v or "") for t in (_DROP, _SPACES, _HYPHENS, _CONTROLS) for k, v in t.items()}
_SPECIAL = re.compile("[" + re.escape("".join(_TABLE)) + "]")
_SEPARATORS = re.compile("[\u2028\u2029\x85]")

_TRAILING_WS = re.compile(r"[ \t]+\n")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# Textile's block-quote mark at a paragraph start ("bq. Wir freuen uns …", Berlin's district releases):
# markup, not text; removed here, before any offset is taken, so every offset still points into the text.
_TEXTILE_BQ = re.compile(r"(?m)^bq\.[ \t]+(?=\S)")


def normalize_text(raw: str) -> str:
    """NFC, invisible characters removed, space-likes folded, paragraphs kept as blank lines.

    Example: "Erster Konferenztag\\r\\n\\r\\n\\r\\n12:00 Uhr" -> "Erster Konferenztag\\n\\n12:00 Uhr".
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _SEPARATORS.search(text):
        text = text.translate(_LINE_SEPARATORS)
    text = unicodedata.normalize("NFC", text)
    text = _SPECIAL.sub(lambda m: _TABLE[m.group()], text)
    text = _TRAILING_WS.sub("\n", text + "\n")
    text = _MANY_NEWLINES.sub("\n\n", text)
    if "bq." in text:
        text = _TEXTILE_BQ.sub("", text)
    return text.strip("\n").rstrip()


def one_line(value: str | None) -> str | None:
    """Metadata values (titles, publishers) as a single normalized line; empty -> None."""
    if value is None:
        return None
    text = re.sub(r"\s+", " ", normalize_text(str(value))).strip()
    return text or None
