"""Speaker-line blocks: a line that names the speaker and ends in a colon, then the statement as its own
paragraph, without quotation marks (Berlin's district releases; textile marks it "bq. ", which
normalization removes, so the rule reads the block with or without the mark).

Example: "Bezirksstadtrat Max Mustermann:\\n\\nWir freuen uns über die neue Bibliothek." -> direct quote
"Wir freuen uns über die neue Bibliothek.", speaker "Bezirksstadtrat Max Mustermann".
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.symbols import AUX, VERB

from pressextract.resources import LEXICON_DIR
from pressextract.resources.loader import read_words, word_set
from pressextract.rules.quotes.context import QuoteMatch, _Ctx
from pressextract.rules.quotes.resolve import _looks_like_office

# the speaker line: no quotation marks, at most ~160 characters, ends with a colon; then the paragraph
# the paragraph may hold single line breaks ("… die Bürgerinnen und Bürger\nin unserer Stadt.")
_BLOCK = re.compile(
    r"(?m)^(?P<line>[^\n„“”\"»«:]{3,160}):[ \t]*\n+(?P<mark>bq\.[ \t]+)?(?P<para>[^\n]+(?:\n(?!\n)[^\n]+)*)"
)
_MARK = re.compile(r"bq\.[ \t]+")
_LIST_START = re.compile(r"^\s*(?:[-*•–]|\d+[.)]\s)")
_CLOSED = re.compile(r"[.!?…“”\"«»)]\s*$")
_MAX_LINE_WORDS = 22
# "Bezirksstadträtin X zeigt sich erfreut:" / "X lädt ein:": a line with another verb still announces a
# statement when the paragraph speaks in the first person ("Ich freue mich …", "Wir laden …")
_FIRST_PERSON = word_set("quotes", "first_person")
_WORD = re.compile(r"\w+")
# "Die Bezirksbürgermeisterin informiert:" / "Der Senat teilt mit:" (the last word of the line): an
# announcement; the paragraph is the release's narrative unless it speaks in the first person
_ANNOUNCE = word_set("quotes", "announce_line")
_LEADING_INTRO_WORDS = word_set("quotes", "leading_intro_words")
_LEADING_WORD = re.compile(r"[ \t]*(\w+)[ \t]+")


def _speaker_in_line(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    """The speaker mention in the line [a, b): a person (with the office words before it) or an office.

    "Dazu Bezirksstadtrat Max Muster:" -> "Bezirksstadtrat Max Muster" (the adverb opens the line only).
    """
    text = ctx.text
    lead = _LEADING_WORD.match(text, a, b)
    if lead is not None and lead.group(1).casefold() in _LEADING_INTRO_WORDS:
        a = lead.end()
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


def _line_verbs_ok(ctx: _Ctx, a: int, b: int, *, first_person: bool = False) -> tuple[bool, int | None]:
    """Whether every verb of the line is a speech verb ("erklärt", "freut sich"); the first such verb.

    With `first_person` (the paragraph says "ich"/"wir") other verbs are allowed too ("zeigt sich erfreut").
    """
    span = ctx.doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return False, None
    cue = None
    words = {t.lower_ for t in span}
    for t in span:
        # a separable verb needs its particle in the line: "stellt den Antrag" is not "stellt … fest"
        by_form = any(not v.particle or v.particle in words for v in ctx.lex.verbs_by_form.get(t.lower_, ()))
        speech = by_form or (ctx.has_lemma and t.lemma_ in ctx.lex.verbs_by_lemma)
        if speech:
            cue = cue if cue is not None else t.i
        elif ctx.has_lemma and t.pos in (VERB, AUX) and t.lower_ != "sich" and not first_person:
            return False, None
    return True, cue


def _inside_only(q: QuoteMatch, start: int, end: int) -> bool:
    """A quote in marks that is only a piece of the paragraph (a scare-quoted „hinter der Wahlurne“)."""
    return start <= q.start and q.end <= end and (q.end - q.start) < 0.6 * (end - start)


def _with_speaker_lines(ctx: _Ctx, taken: list[QuoteMatch]) -> list[QuoteMatch]:
    """`taken` plus the speaker-line blocks; quoted pieces inside a block's paragraph give way to the block.

    Example: "Bezirksstadtrat Max Muster:\n\nWie eine Wahl „hinter der Urne“ abläuft, zeigen wir Ihnen."
    -> one direct quote (the paragraph), not the piece „hinter der Urne“.
    """
    text = ctx.text
    out: list[QuoteMatch] = []
    dropped: set[int] = set()
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
        inner = {n for n, q in enumerate(taken) if q.start < end and start < q.end}
        if any(not _inside_only(taken[n], start, end) for n in inner):
            continue
        speaker = _speaker_in_line(ctx, a, b)
        if speaker is None:
            continue
        first = any(w.casefold() in _FIRST_PERSON for w in _WORD.findall(text[start:end]))
        line_words = _WORD.findall(m.group("line").casefold())
        if not first and line_words and line_words[-1] in _ANNOUNCE:
            continue
        ok, cue_i = _line_verbs_ok(ctx, a, b, first_person=first)
        if not ok:
            continue
        dropped |= inner
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
    return [q for n, q in enumerate(taken) if n not in dropped] + out


# "„…“\nProf. Dr. Erika Beispiel, Präsidentin der Universität": the line right after a quote that closes
# its paragraph names the speaker (statement collections, "Stimmen zu …"); no verb, no sentence end
_AFTER_CLOSE = re.compile(
    r"[„“”\"»«‚‘'.,]*[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[-–—][ \t]*)?(?P<line>[^\n]{3,240})(?:\n|$)"
)
_TRAILING_NAME = re.compile(
    r"(?:(?:Prof|Dr|Dr\.-Ing|Dipl\.-Ing)\.[ \t]*)*"
    r"[A-ZÄÖÜ][\w'’-]+(?:[ \t]+(?:von|van|de|der|zu)?[ \t]*[A-ZÄÖÜ][\w'’-]+){1,3}"
)
_WEAK_DIRECT = frozenset(["direct.unattributed", "direct.continued"])


def _trailing_line_speaker(ctx: _Ctx, q: QuoteMatch) -> tuple[int, int] | None:
    """The speaker named on the line right after a quote: "Erika Beispiel, Präsidentin des Vereins"."""
    text = ctx.text
    m = _AFTER_CLOSE.match(text, q.end)
    if m is None:
        return None
    line = m.group("line").rstrip()
    if any(ch in line for ch in '„“”"»«:') or line[-1:] in "!?;" or re.search(r"\w{4,}\.$", line):
        return None
    if len(line.split()) > 30:
        return None
    a = m.start("line")
    head = re.split(r",|\s\(", line, maxsplit=1)[0].rstrip()
    name = _TRAILING_NAME.fullmatch(head)
    if name is None:
        return None
    b = a + len(head)
    span = ctx.doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return None
    if ctx.has_lemma and any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    person = any(s < b and a < e for s, e in ctx.people) or any(
        e.label_ == "PER" and e.start_char < b and a < e.end_char for e in ctx.doc.ents
    )
    if not person and not re.match(r"(?:Prof|Dr)\.", head):
        return None  # "Rathaus Musterstadt, Marktplatz 1": name-shaped, but nobody
    return a, b


def _with_trailing_lines(ctx: _Ctx, direct: list[QuoteMatch]) -> list[QuoteMatch]:
    """Quotes without a speaker of their own take the name on the line right after them.

    Example: "„Wir freuen uns auf die Woche.“\\nErika Beispiel, Präsidentin des Vereins" -> speaker
    "Erika Beispiel" (rule direct.trailing_line).
    """
    out = []
    for q in direct:
        if q.kind == "direct" and (q.speaker is None or q.rule_id in _WEAK_DIRECT):
            rng = _trailing_line_speaker(ctx, q)
            if rng is not None:
                s, e = rng
                q = replace(
                    q,
                    rule_id="direct.trailing_line",
                    speaker=ctx.text[s:e],
                    speaker_start=s,
                    speaker_end=e,
                )
        out.append(q)
    return out


# An interview turn: "Name: answer …" opening a paragraph, the answer without quotation marks
_TURN = re.compile(r"(?m)^(?P<label>[A-ZÄÖÜ][^\n:„“”\"»«?!]{1,60}):[ \t]+(?P<body>[A-ZÄÖÜ…][^\n]*)$")
_LABEL_WORD = re.compile(r"(?:[A-ZÄÖÜ][\w'’.-]*|von|van|de|der|zu)$")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
_PROSE_END = re.compile(r"[.!?…“”\"»«)]\s*$")


def _label_person(ctx: _Ctx, a: int, b: int) -> bool:
    """Whether the turn label text[a:b] names a person: a person span, or the family name of one.

    "Dietmar Bartsch", "Bartsch" (with "Dietmar Bartsch" elsewhere in the release); not "Termin", "Ort".
    """
    words = ctx.text[a:b].split()
    if not words or len(words) > 4 or not all(_LABEL_WORD.match(w) for w in words):
        return False
    if any(s < b and a < e for s, e in ctx.people) or any(
        e.label_ == "PER" and e.start_char < b and a < e.end_char for e in ctx.doc.ents
    ):
        return True
    last = words[-1].casefold()
    if any(ctx.text[s:e].split()[-1].casefold() == last for s, e in ctx.people if e - s > len(last)):
        return True
    # "Tareq Salem: …" with "Tareq Salem über sein Leben …" in the lead: a full name (a known given name
    # first, not "Frauenforum Altersvorsorge: …") that the release repeats
    label = ctx.text[a:b]
    return (
        len(words) >= 2
        and words[0] in _given_names()
        and any(m.start() != a for m in re.finditer(r"(?<!\w)" + re.escape(label) + r"(?!\w)", ctx.text))
    )


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names of the people lexicons (people_given_names*.tsv): "Tareq", "Erika"."""
    return frozenset(word for name in _GIVEN_NAME_FILES for _, word in read_words(LEXICON_DIR / name))


_GIVEN_NAME_FILES = ("people_given_names.tsv", "people_given_names_berlin.tsv")


def _question(body: str) -> bool:
    return body.rstrip().rstrip('“”"»«').endswith("?")


def _with_interview_turns(ctx: _Ctx, taken: list[QuoteMatch]) -> list[QuoteMatch]:
    """`taken` plus the answers of an interview printed as a transcript ("Name: …" turns, no marks).

    Example: "Herr Muster, wie geht es weiter?\\n\\nMuster: Wir bauen im Herbst. Das ist sicher." (with
    "Max Muster" named before) -> direct quote "Wir bauen im Herbst. Das ist sicher.", speaker "Muster".
    A release is an interview when two turns name persons and a question is asked; the interviewer (the
    label whose turns mostly end with "?") asks, the others answer. An answer goes on over the paragraphs
    after it until the next question, turn or heading; a later paragraph after an unlabeled question is
    the last answerer's again. Quotes in marks inside an answer give way to it unless they have a cue.
    """
    text = ctx.text
    paras = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    turns: dict[int, tuple[int, int, int]] = {}  # paragraph -> label start, label end, body start
    for n, (s, e) in enumerate(paras):
        m = _TURN.match(text, s, e)
        if m is not None and m.end() == e and _label_person(ctx, m.start("label"), m.end("label")):
            turns[n] = (m.start("label"), m.end("label"), m.start("body"))
    asked = any(_question(text[s:e]) for s, e in paras)
    if len(turns) < 2 or not asked:
        return taken
    by_label: dict[str, list[bool]] = {}
    for n, (a, b, body) in turns.items():
        by_label.setdefault(text[a:b].split()[-1], []).append(_question(text[body : paras[n][1]]))
    askers = {label for label, qs in by_label.items() if sum(qs) * 2 >= len(qs) and len(by_label) > 1}
    out: list[QuoteMatch] = []
    speaker: tuple[int, int] | None = None  # the answerer whose words go on
    cur: list[int] | None = None  # [start, end] of the answer being built
    min_words = ctx.opts.min_sentence_words

    def close() -> None:
        nonlocal cur
        if cur is not None and speaker is not None and len(_WORD.findall(text[cur[0] : cur[1]])) >= min_words:
            s, e = speaker
            out.append(
                QuoteMatch(
                    cur[0],
                    cur[1],
                    "direct",
                    "direct.interview",
                    speaker=text[s:e],
                    speaker_start=s,
                    speaker_end=e,
                )
            )
        cur = None

    for n, (s, e) in enumerate(paras):
        if n in turns:
            close()
            a, b, body = turns[n]
            if text[a:b].split()[-1] in askers:
                ctx.asked.append((body, e))
                speaker = None
                continue
            speaker, cur = (a, b), [body, e]
        elif _question(text[s:e]):
            close()  # the interviewer asks without a label; the answerer stays
        elif (
            speaker is not None
            and _PROSE_END.search(text[s:e])
            and len(_WORD.findall(text[s:e])) >= min_words
        ):
            if cur is None:
                cur = [s, e]
            else:
                cur[1] = e
        else:
            close()
            speaker = None  # a heading or a note: the interview is over
    close()
    if not out:
        return taken
    keep = [
        q
        for q in taken
        if not any(r.start <= q.start and q.end <= r.end for r in out) or (q.cue is not None and q.speaker)
    ]
    # a quote that crosses an answer's edge (an intro in marks before the turn) keeps its place
    out = [
        r
        for r in out
        if not any(
            q.start < r.end and r.start < q.end and not (r.start <= q.start and q.end <= r.end) for q in keep
        )
    ]
    return keep + out
