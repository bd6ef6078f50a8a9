"""The sentence of an event mention, mended where the parser cut it inside a date.

Example: "Am 18. Februar 2021" | ", dem Vorabend des Jahrestages, wird … im Rahmen einer Veranstaltung …
gedenken." -> one sentence, so the "Veranstaltung" is dated; likewise "… empfing die Bürgermeisterin am
Donnerstagabend (6.6.)" | "Unternehmerinnen und Unternehmer zum traditionellen Wirtschaftsempfang.".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

# a sentence ends with a stop, a colon or a closing quote; anything else ("2021", "(6.6.)") was cut short
_ENDED = re.compile(r"[.!?:;“”\"»«]\s*$")


def mended_sentence(doc: Doc, i: int, *, text: str) -> Span:
    """The sentence of token i, joined with the piece the parser cut off before it on the same line.

    Example: "Am 18. Februar 2021" + ", dem Vorabend …, wird … einer Veranstaltung … gedenken." -> one span;
    "Der Markt ist geöffnet." + "Am Sonntag …" stay two sentences.
    """
    sent = doc[i].sent
    start = sent.start
    for _ in range(2):  # a date cut twice at most: "Am Freitag" | ", 5. Mai" | ", um 18 Uhr …"
        if start == 0:
            break
        prev = doc[start - 1].sent
        gap = text[prev.start_char : doc[start].idx]
        if "\n" in gap or _ENDED.search(prev.text) or not prev.text.strip():
            break
        start = prev.start
    return sent if start == sent.start else doc[start : sent.end]
