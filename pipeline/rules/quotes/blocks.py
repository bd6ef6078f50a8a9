"""Speaker-line blocks: a line that names the speaker and ends in a colon, then the statement as its own
paragraph, without quotation marks (Berlin's district releases; textile marks it "bq. ", which
normalization removes, so the rule reads the block with or without the mark).

Example: "Bezirksstadtrat Max Mustermann:\\n\\nWir freuen uns über die neue Bibliothek." -> direct quote
"Wir freuen uns über die neue Bibliothek.", speaker "Bezirksstadtrat Max Mustermann".
"""

from __future__ import annotations

import re

from spacy.symbols import AUX, VERB

from pressextract.rules.quotes.context import QuoteMatch, _Ctx
from pressextract.rules.quotes.resolve import _looks_like_office

# the speaker line: no quotation marks, at most ~160 characters, ends with a colon; then the paragraph
_BLOCK = re.compile(r"(?m)^(?P<line>[^\n„“”\"»«:]{3,160}):[ \t]*\n+(?P<mark>bq\.[ \t]+)?(?P<para>[^\n]+)")
_MARK = re.compile(r"bq\.[ \t]+")
_LIST_START = re.compile(r"^\s*(?:[-*•–]|\d+[.)]\s)")
_CLOSED = re.compile(r"[.!?…“”\"«»)]\s*$")
_MAX_LINE_WORDS = 22


def _speaker_in_line(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    """The speaker mention in the line [a, b): a person (with the office words before it) or an office."""
    text = ctx.text
    people = [(s, e) for s, e in ctx.people if a <= s and e <= b]
    people += [
        (e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ == "PER" and a <= e.start_char < b
    ]
    if people:
        s, e = min(people)
        e = min(e, b)
        prefix = text[a:s]
        # "Bezirksstadtrat Max Mustermann": the office words before the name belong to the mention
        if prefix.strip() and "," not in prefix and len(prefix.split()) <= 4 and prefix[:1].isupper():
            s = a
        return s, e
    head = text[a:b].split(",")[0]
    words = head.split()
    if words and len(words) <= 6 and any(_looks_like_office(w) for w in words):
        return a, a + len(head.rstrip())
    return None


def _line_verbs_ok(ctx: _Ctx, a: int, b: int) -> tuple[bool, int | None]:
    """Whether every verb of the line is a speech verb ("erklärt", "freut sich"); the first such verb."""
    span = ctx.doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return False, None
    cue = None
    for t in span:
        speech = t.lower_ in ctx.lex.verbs_by_form or (ctx.has_lemma and t.lemma_ in ctx.lex.verbs_by_lemma)
        if speech:
            cue = cue if cue is not None else t.i
        elif ctx.has_lemma and t.pos in (VERB, AUX) and t.lower_ != "sich":
            return False, None
    return True, cue


def _speaker_line_quotes(ctx: _Ctx, taken: list[QuoteMatch]) -> list[QuoteMatch]:
    """Direct quotes of speaker-line blocks not already covered by a quote in marks."""
    text = ctx.text
    out: list[QuoteMatch] = []
    for m in _BLOCK.finditer(text):
        a, b = m.start("line"), m.end("line")
        if len(m.group("line").split()) > _MAX_LINE_WORDS or "\n" in m.group("line"):
            continue
        start, end = m.start("para"), m.end("para")
        para = m.group("para")
        if _LIST_START.match(para) or not _CLOSED.search(para):
            continue
        if len(re.findall(r"\w+", para)) < ctx.opts.min_sentence_words:
            continue
        # a block marked "bq." may go on over further "bq." paragraphs
        while m.group("mark"):
            nxt = _MARK.match(text, end + 2) if text[end : end + 2] == "\n\n" else None
            if nxt is None:
                break
            end = text.find("\n", nxt.end())
            end = len(text) if end < 0 else end
        if any(q.start < end and start < q.end for q in taken):
            continue
        speaker = _speaker_in_line(ctx, a, b)
        if speaker is None:
            continue
        ok, cue_i = _line_verbs_ok(ctx, a, b)
        if not ok:
            continue
        s, e = speaker
        cue_kw: dict = {}
        if cue_i is not None:
            tok = ctx.doc[cue_i]
            verb = (ctx.lex.verbs_by_form.get(tok.lower_) or (None,))[0]
            lemma = verb.lemma if verb is not None else tok.lemma_
            cue_kw = {
                "cue": lemma,
                "cue_start": tok.idx,
                "cue_end": tok.idx + len(tok),
                "cue_id": getattr(verb, "id", None),
            }
        out.append(
            QuoteMatch(
                start,
                end,
                "direct",
                "direct.speaker_line",
                speaker=text[s:e],
                speaker_start=s,
                speaker_end=e,
                **cue_kw,
            )
        )
    return out
