"""Direct quotes: the ordered attempts that attribute a quotation to a speaker.

Example: "„Wir handeln“, sagte Senatorin Kalayci." -> direct quote, cue "sagen", speaker "Senatorin Kalayci".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import (
    _DIRECT_SCOPES,
    QuoteMatch,
    _Ctx,
    _cued,
    _is_boundary,
    _is_cap,
    _paragraph_end,
    _paragraph_start,
    _person_like,
    _sentence_end,
    _sentence_like,
    _span_text,
    _with_speaker,
)
from pressextract.rules.quotes.filters import (
    _STATEMENT_TITLES,
    _colon_statement,
    _context_fragment,
    _in_naming_block,
    _name_like,
    _statement_shaped,
    _title_context,
    _wording,
)
from pressextract.rules.quotes.grammar import _verb_at
from pressextract.rules.quotes.labels import (
    _NAMING_PARTICIPLES,
    _RELATIVE_PRONOUNS,
    _als_label,
    _antecedent,
    _embedded,
    _utterance,
)
from pressextract.rules.quotes.marks import _SENT_FINAL, ALL_MARKS, OPENERS, Marked
from pressextract.rules.quotes.speakers import (
    _name_shaped,
    _np_after,
    _np_before,
    _office_then_person,
    _person_in,
    _prefer_person,
    _speaker_around_verb,
    _speaker_from_dep,
)
from pressextract.rules.quotes.words import (
    _FUNCTION_WORDS,
    _NAMING_WORDS,
    _SKIPPABLE,
    _SPEECH_PRONOUNS,
    DETERMINERS,
    PRONOUNS,
)

_TOPIC_PREPOSITIONS = word_set("quotes", "topic_prepositions")
_OBJECT_ARTICLES = word_set("quotes", "object_articles")
_LEADING_INTRO_WORDS = word_set("quotes", "leading_intro_words")
_TRAILING_INTRO_WORDS = word_set("quotes", "trailing_intro_words")


def _attribution_after(ctx: _Ctx, m: Marked, close_tok: int) -> QuoteMatch | None:
    """„…“, sagte X / „…“, so X / „…“ sagt sie (after ! or ?)."""
    doc = ctx.doc
    j = close_tok + 1
    comma = j < len(doc) and doc[j].text == ","
    if comma:
        j += 1
    if j >= len(doc) or ctx.inside[j] >= 0:
        return None
    hi = _sentence_end(ctx, j)
    nxt = hi
    for k in range(j, hi):  # the attribution clause ends before the next quote opens
        if ctx.inside[k] >= 0 or doc[k].text in OPENERS:
            nxt = k
            break
    hi = nxt
    tok = doc[j]
    quote_end = ctx.text[m.start : m.end].rstrip()[-1:]
    if not comma and quote_end not in "!?" and not tok.text.islower():
        return None
    if not comma and tok.lower_ in _NAMING_PARTICIPLES:
        return None  # "der „große Gelbe“ genannt": a nickname, not a statement
    if not comma and _name_like(ctx.text[m.start : m.end]):
        return None  # "zur „Nacht der Solidarität“ begrüßen": a name followed by a verb, not a statement
    if _named_thing(ctx, m, close_tok):
        return None  # "Die „Kampagne für ein Freies Tibet“ berichtete": the subject is a name
    for ph in ctx.lex.phrases:
        if ph.position == "after_quote" and tok.lower_ == ph.tokens[0] and len(ph.tokens) == 1:
            # "„…“, so die Vorsitzenden zu ihrem Beweggrund": the topic is no part of the speaker
            stop = next((k for k in range(j + 2, hi) if ctx.lower[k] in _TOPIC_PREPOSITIONS), hi)
            rng = _np_after(ctx, j + 1, stop)
            if rng:
                s = _span_text(doc, rng)
                return _cued(m.start, m.end, "direct", "direct.after.phrase", ph.cue, tok, s, ph.id)
    verb = _verb_at(ctx, tok, scopes=_DIRECT_SCOPES)
    if verb is None:
        return None
    rng = _speaker_from_dep(ctx, tok) or _speaker_around_verb(ctx, j, j, hi)
    if rng and rng[0] < j:
        rng = None
    if rng:
        rng = (
            _office_then_person(ctx, rng, hi) or rng
        )  # "sagt Bezirksstadtrat für Ordnung, …, Malte Musterhaus"
    s = _span_text(doc, rng) if rng else (None, None, None)
    return _cued(m.start, m.end, "direct", "direct.after.verb", verb.lemma, tok, s, verb.id)


def _named_thing(ctx: _Ctx, m: Marked, close_tok: int) -> bool:
    """A quoted name, not a statement, before a verb: after an article ("Die „Aktion Deutschland hilft“
    sagte"), "wie"/"laut"/"von" ("Wie „heise online“ berichtet") or a common noun ("Enzyklika „Deus
    caritas est“ meldete"); a statement ends with sentence punctuation or speaks as "ich"/"wir"."""
    content = ctx.text[m.start : m.end].strip()
    if content[-1:] in ".!?…" or _SPEECH_PRONOUNS.search(content):
        return False
    span = ctx.doc.char_span(m.open_start, m.open_start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = ctx.doc[span.start - 1]
    low = prev.lower_
    if low in _NAMING_WORDS:
        return True
    if not content[:1].isupper():
        return False
    if low in DETERMINERS:
        return True
    # "Papst Benedikts Enzyklika „…“": a common noun right before names the quoted thing
    return (
        _is_cap(prev)
        and prev.is_alpha
        and low not in _FUNCTION_WORDS
        and not _person_in(ctx, span.start - 1, span.start)
        and len(re.findall(r"\w+", content)) <= 4
        and span.start >= 2
        and not _is_boundary(ctx.doc[span.start - 2])
    )


def _attribution_before(ctx: _Ctx, m: Marked, lo: int, open_tok: int, rule: str) -> QuoteMatch | None:
    """X unterstrich in Kassel: „…“ / Dazu sagte X: „…“ (tokens lo..open_tok hold the intro)."""
    doc = ctx.doc
    end = open_tok
    while end > lo and doc[end - 1].text in (":", ",") or (end > lo and doc[end - 1].is_space):
        end -= 1
    # The speech verb closest to the colon introduces the quote: "Die Senatorin, die das Projekt gelobt
    # hatte, erklärte: „…“" (a verb earlier in the intro belongs to a relative clause or to other news).
    for v in range(end - 1, lo - 1, -1):
        verb = _verb_at(ctx, doc[v], scopes=_DIRECT_SCOPES)
        if verb is None:
            continue
        rng = _speaker_around_verb(ctx, v, lo, end)
        if rng is not None and rng[1] - rng[0] == 1 and ctx.lower[rng[0]] in _RELATIVE_PRONOUNS:
            # "erzählt von einem jungen Mann, der zur Begrüßung sagte: „…“": the relative clause's noun
            # speaks, not the person of the main clause
            rng = _antecedent(ctx, rng[0] - 1) if rng[0] > lo and doc[rng[0] - 1].text == "," else None
        else:
            if (rng is None or not _person_like(ctx, rng)) and v + 1 < end and ctx.lower[v + 1] == "er":
                # "Die Arbeit der Koalition lobte er mit den Worten: „…“": "er" right after the verb is its
                # subject ("er" is never an object), whatever the parse made the subject
                rng = (v + 1, v + 2)
            rng = _prefer_person(ctx, rng, lo, end)
        if verb.lemma == "heißen" and (rng is None or ctx.lower[rng[0]] in ("es", "man")):
            rng = _document_source(ctx, lo, v) or rng
        s = _span_text(doc, rng) if rng else (None, None, None)
        t = doc[v]
        return _cued(m.start, m.end, "direct", rule, verb.lemma, t, s, verb.id)
    return None


_DOCUMENT_NOUNS = tuple(word_set("quotes", "document_nouns"))
_DOCUMENT_PREPS = frozenset(["in", "im", "auf"])


def _document_source(ctx: _Ctx, lo: int, v: int) -> tuple[int, int] | None:
    """The document a "heißt es:" quotes, named in a prepositional phrase before the verb; WIKINEWS and
    the quotes table take it as the speaker (no person_id). Time phrases ("In der Adventszeit heißt es
    wieder:") name no document.

    Example: "In dem offenen Brief heißt es: „…“" -> "dem offenen Brief".
    """
    doc = ctx.doc
    for k in range(lo, v):
        if ctx.lower[k] not in _DOCUMENT_PREPS or ctx.inside[k] >= 0:
            continue
        rng = _np_after(ctx, k + 1, v)
        if rng is None:
            continue
        head = next(
            (t.lower_ for t in doc[rng[0] : rng[1]] if t.text[:1].isupper() and t.lower_ not in DETERMINERS),
            "",
        )
        if head.endswith(_DOCUMENT_NOUNS):
            return rng
    return None


# spaCy's German tokenizer keeps "):" whole (an emoticon exception): "Martin Muster (CDU): „…“"
_COLONS = frozenset([":", "):"])


def _name_end(doc, colon: int, lo: int) -> int:
    """Where the mention before a colon ends: before "(CDU):" a party in parentheses, else at the colon."""
    if doc[colon].text != "):":
        return colon
    k = colon - 1
    while k > lo and colon - k <= 8 and doc[k].text != "(":
        k -= 1
    return k if k > lo and doc[k].text == "(" else colon


def _colon_name(
    ctx: _Ctx, m: Marked, lo: int, open_tok: int, people: list[tuple[int, int]]
) -> QuoteMatch | None:
    """Sandra Scheeres: „…“ — a bare name (or office + name) introduces the quote."""
    doc = ctx.doc
    if open_tok - 1 < lo or doc[open_tok - 1].text not in _COLONS:
        return None
    # "Zitat Jochen: „…“", "Dazu Senatorin Kalayci: „…“" (a capitalized opener only: "… und reklamierte
    # den Erfolg für die EU: „…“" continues a clause and names nobody before the colon)
    while lo < open_tok - 2 and ctx.lower[lo] in _LEADING_INTRO_WORDS and ctx.texts[lo][:1].isupper():
        lo += 1
    end = _name_end(doc, open_tok - 1, lo)
    rng = _name_with_office(ctx, lo, end)
    if rng is None:
        rng = _np_before(ctx, end, lo)
        if rng is None or rng[0] != lo:
            return None
        if ctx.lower[lo] in _OBJECT_ARTICLES:
            return None  # "Und einen Ratschlag: „…“": an object names what follows, nobody who speaks
    s_text, s_start, s_end = _span_text(doc, rng)
    is_person = any(s_start <= a < s_end or a <= s_start < b for a, b in people)
    content = ctx.text[m.start : m.end]
    # Without a person span, only a finished statement of some length counts: "Zweiter Konferenztag:
    # „Gesellschaftlichen Zusammenhalt stärken“" is a motto, "Sandra Scheeres: „Wir … .“" a quote.
    if not is_person and not (
        len(s_text.split()) >= 2 and _sentence_like(content, min_words=ctx.opts.min_sentence_words)
    ):
        return None
    return QuoteMatch(m.start, m.end, "direct", "direct.colon_name", None, None, None, s_text, s_start, s_end)


def _name_with_office(ctx: _Ctx, lo: int, colon: int) -> tuple[int, int] | None:
    """ "Konrad Hickel, Vorsitzender des Beirats in Spandau: „…“" -> the name of the intro.

    Also "Der Regierende Bürgermeister, Kai Wegner, vorab: „…“": the comma-separated parts are a
    name and its office (no verb anywhere); the first name-shaped part is the speaker, else the first part.
    """
    doc = ctx.doc
    commas = [k for k in range(lo, colon) if doc[k].text == ","]
    if not commas or colon - lo > 25:
        return None
    for t in doc[lo:colon]:
        if ctx.inside[t.i] >= 0 or _verb_at(ctx, t, scopes=_DIRECT_SCOPES):
            return None
        if ctx.has_lemma and t.pos_ in ("VERB", "AUX") and t.lower_ not in _SKIPPABLE:
            return None
    bounds = [lo, *[k + 1 for k in commas]]
    ends = [*commas, colon]
    parts = []
    for a, b in zip(bounds, ends):
        while b - 1 > a and doc[b - 1].text.islower() and doc[b - 1].is_alpha:
            b -= 1  # "Kai Wegner vorab:"
        rng = _np_after(ctx, a, b)
        if rng is not None and rng[1] == b:
            parts.append(rng)
    for rng in parts:
        if _name_shaped(ctx, rng) or any(
            s < doc[rng[1] - 1].idx + 1 and doc[rng[0]].idx < e for s, e in ctx.people
        ):
            return rng
    return None


# Textile block-quote markup left in some releases: "Bezirksbürgermeister Jörn Oltmann:\n\nbq. „…“"
_BLOCK_MARKUP = frozenset(["bq.", "bq"])


def _prev_line_name(ctx: _Ctx, m: Marked, rng: tuple[int, int]) -> QuoteMatch | None:
    """ "Bezirksstadträtin Dr. Saskia Ellenbeck:" alone on the line before a quote names its speaker.

    Also "Dazu Bezirksstadträtin Carolina Böhm:" and "Name, Amt für …:"; the line must be nothing but the
    mention (no verb), and the mention a person or office ("Die Jury war sich einig:" names nobody).
    """
    s, colon = rng[0], rng[1] - 1
    while s < colon and ctx.lower[s] in _LEADING_INTRO_WORDS:
        s += 1
    colon = _name_end(ctx.doc, colon, s)
    # "Bezirksbürgermeister Kleebank hierzu:", "Wegner weiter:": the adverb is no part of the name
    while colon - 1 > s and ctx.lower[colon - 1] in _TRAILING_INTRO_WORDS:
        colon -= 1
    if colon - s < 1 or colon - s > 25:
        return None
    spk = _name_with_office(ctx, s, colon)
    if spk is None:
        spk = _np_before(ctx, colon, s)
        if spk is None or spk[0] != s:
            return None
    if not (_person_like(ctx, spk) or _name_shaped(ctx, spk)):
        return None
    return QuoteMatch(
        m.start, m.end, "direct", "direct.prev_line.name", None, None, None, *_span_text(ctx.doc, spk)
    )


def _prev_line_tokens(ctx: _Ctx, open_tok: int) -> tuple[int, int] | None:
    """Token range of the line/paragraph before a quote that opens a line, if that line ends with ':'."""
    doc = ctx.doc
    k = open_tok - 1
    while k >= 0 and (
        doc[k].is_space
        or doc[k].text in _BLOCK_MARKUP
        or (doc[k].text == "." and k > 0 and doc[k - 1].text == "bq")
    ):
        k -= 1
    if k < 0 or doc[k].text not in _COLONS:
        return None
    lo = k
    while (
        lo > 0
        and not (doc[lo - 1].is_space and "\n" in doc[lo - 1].text)
        and "\n" not in doc[lo - 1].whitespace_
    ):
        lo -= 1
    # The intro is the last sentence of that line: "… im Kiez. Dazu sagt Clara Herrmann, …:"
    s = k
    while s > lo and doc[s - 1].text not in _SENT_FINAL:
        s -= 1
    return s, k + 1


@dataclass(slots=True)
class _Site:
    """One pair of quotation marks and what the attempts read around it."""

    ctx: _Ctx
    m: Marked
    o: int  # token of the opening mark
    c: int  # token of the closing mark
    lo: int  # first token of the intro clause
    content: str
    title: str | None
    words: int
    colon_intro: bool
    prev: QuoteMatch | None
    prev_par_end: int
    people: list[tuple[int, int]]


# An attempt returns a match, None (the next attempt tries) or _STOP (the quote is no statement).
_STOP = QuoteMatch(-1, -1, "direct", "stop")


def _try_colon_before(x: _Site) -> QuoteMatch | None:
    """ "Die Senatorin sagte: „…“" """
    if not x.colon_intro:
        return None
    match = _attribution_before(x.ctx, x.m, x.lo, x.o, "direct.before.colon")
    if match and x.title and not _sentence_like(x.content, min_words=x.ctx.opts.min_sentence_words):
        return None
    if match is not None and not _names_person(x.ctx, match):
        # "Auch der Verein begrüßt die Karte: „…“, sagt Erika Beispiel vom Verein": the person in the
        # tag after the quote speaks for the organization before the colon
        after = _attribution_after(x.ctx, x.m, x.c)
        if after is not None and _names_person(x.ctx, after):
            return after
    return match


def _names_person(ctx: _Ctx, q: QuoteMatch) -> bool:
    """Whether the quote's speaker mention is a person, pronoun or office holder."""
    if q.speaker_start is None or q.speaker_end is None:
        return False
    span = ctx.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
    return span is not None and _person_like(ctx, (span.start, span.end))


def _try_titled_colon_statement(x: _Site) -> QuoteMatch | None:
    if x.title in _STATEMENT_TITLES and x.colon_intro and _statement_shaped(x.content, min_words=8):
        return _colon_statement(x.ctx, x.m, x.lo, x.o)
    return None


def _stop_in_title(x: _Site) -> QuoteMatch | None:
    """A quotation in a title or heading with no statement found so far is a name."""
    return _STOP if x.title else None


def _try_utterance(x: _Site) -> QuoteMatch | None:
    return None if x.title else _utterance(x.ctx, x.m, x.lo, x.o, x.prev)


def _try_als_label(x: _Site) -> QuoteMatch | None:
    # "… Georgien als „junge Demokratie“ bezeichnet hat": a label, its speaker before the quote
    if x.ctx.lower[x.o - 1] == "als" and x.words <= x.ctx.opts.max_embedded_words:
        return _als_label(x.ctx, x.m, x.o, x.c)
    return None


def _try_after(x: _Site) -> QuoteMatch | None:
    return _attribution_after(x.ctx, x.m, x.c)


def _try_interrupted(x: _Site) -> QuoteMatch | None:
    # „…“, sagt X, „…“: the second part takes the intro between the parts.
    ctx, o, lo = x.ctx, x.o, x.lo
    if lo < o and ctx.doc[o - 1].text == "," and lo > 0 and ctx.inside[lo - 1] >= 0:
        match = _attribution_before(ctx, x.m, lo, o, "direct.interrupted")
        if match and match.speaker is None and x.prev is not None:
            match = _with_speaker(match, x.prev)
        return match
    return None


def _try_colon_name(x: _Site) -> QuoteMatch | None:
    return _colon_name(x.ctx, x.m, x.lo, x.o, x.people) if x.colon_intro else None


def _subjectless_conjunct(ctx: _Ctx, lo: int, o: int) -> bool:
    """ "…, so die Vorsitzenden und schließen mit einem Aufruf:": "und" right before a verb, the subject
    shared with the clause before (a verb by the parse's tag, else a lowercase word)."""
    for k in range(lo, o - 1):
        if ctx.lower[k] in ("und", "sowie") and ctx.inside[k + 1] < 0:
            t = ctx.doc[k + 1]
            if (t.pos_ in ("VERB", "AUX")) if ctx.has_lemma else (t.is_alpha and t.text.islower()):
                return True
    return False


def _try_colon_statement(x: _Site) -> QuoteMatch | None:
    # "Seine Zuversicht gründet sich auf …: „Entscheidungen, die … getroffen worden.“" — a finished
    # sentence after a colon in running text is a statement even without a speech verb.
    if x.colon_intro and not x.title and _statement_shaped(x.content):
        match = _colon_statement(x.ctx, x.m, x.lo, x.o)
        # "„…“, so die Vorsitzenden und schließen mit einem Aufruf: „…“": a clause that goes on from the
        # quote before it (no sentence end between) shares its speaker
        if (
            match is not None
            and match.speaker is None
            and x.prev is not None
            and x.prev.speaker
            and x.lo > 0
            and x.ctx.inside[x.lo - 1] >= 0
            and _subjectless_conjunct(x.ctx, x.lo, x.o)
        ):
            match = _with_speaker(match, x.prev)
        return match
    return None


def _try_prev_line(x: _Site) -> QuoteMatch | None:
    if x.lo != x.o:
        return None
    rng = _prev_line_tokens(x.ctx, x.o)
    if not rng:
        return None
    match = _attribution_before(x.ctx, x.m, rng[0], rng[1], "direct.prev_line")
    if match is None:
        match = _prev_line_name(x.ctx, x.m, rng)
    return match


def _try_embedded(x: _Site) -> QuoteMatch | None:
    if x.words > x.ctx.opts.max_embedded_words:
        return None
    match = _embedded(x.ctx, x.m, x.o, x.c)
    if match is None and x.ctx.lower[x.o - 1] == "als":
        match = _als_label(x.ctx, x.m, x.o, x.c)
    return match


def _role_after_als(x: _Site) -> bool:
    """ "war als „Projektleitung der Einführung“ beteiligt", "aktiv bei „Wir sind Nachbarn“": a capitalized
    phrase after "als" or "bei" that no speech verb took as a label names a role, a group or a thing."""
    return x.o > 0 and x.ctx.lower[x.o - 1] in ("als", "bei", "beim") and x.content[:1].isupper()


def _try_fragment(x: _Site) -> QuoteMatch | None:
    ctx, m, o, lo, doc = x.ctx, x.m, x.o, x.lo, x.ctx.doc
    if _role_after_als(x):
        return None
    if not (
        ctx.opts.min_fragment_words
        and x.words >= ctx.opts.min_fragment_words
        and not _name_like(x.content)
        and lo < o
        # "Zweiter Konferenztag: „Zusammenhalt stärken“" is a heading with a motto, not a statement
        and (
            doc[o - 1].text not in (":", "):", "-", "–")
            or _sentence_like(x.content, min_words=ctx.opts.min_sentence_words)
        )
    ):
        return None
    # A phrase of several words quoted in running text is somebody's wording, not a scare quote
    # ("sprach von einem „Schritt in die richtige Richtung“"); its speaker is the nearest one before.
    match = QuoteMatch(m.start, m.end, "direct", "direct.fragment")
    # The sentence subject is the best guess for whose words they are ("Die Union nannte …").
    subj = _np_after(ctx, lo, o) if ctx.doc[lo].lower_ not in PRONOUNS else None
    if subj is not None:
        match = QuoteMatch(
            m.start,
            m.end,
            "direct",
            "direct.fragment.subject",
            None,
            None,
            None,
            *_span_text(doc, subj),
        )
    return match


def _try_context_fragment(x: _Site) -> QuoteMatch | None:
    opts = x.ctx.opts
    if _role_after_als(x):
        return None
    if (
        opts.context_fragments
        and not opts.min_fragment_words
        and x.lo < x.o
        and (x.words <= opts.max_embedded_words or _wording(x.content))
    ):
        return _context_fragment(x.ctx, x.m, x.lo, x.o, x.c, x.content)
    return None


def _prev_paragraph_tag(ctx: _Ctx, m: Marked) -> QuoteMatch | None:
    """A quote paragraph whose speaker is named in the tag that ends the paragraph before it.

    Example: "Die EU hat versagt, schlussfolgert Patrick Breyer (PIRATEN), Berichterstatter des
    Ausschusses.\n\n„Haugen warnt …“" -> speaker "Patrick Breyer", cue "schlussfolgern".
    """
    doc, text = ctx.doc, ctx.text
    open_span = doc.char_span(m.open_start, m.open_start + 1, alignment_mode="expand")
    if open_span is None:
        return None
    e = open_span.start
    while e > 0 and (doc[e - 1].is_space or not doc[e - 1].text.strip()):
        e -= 1
    if e <= 0 or doc[e - 1].text not in _SENT_FINAL or text[doc[e - 1].idx : m.open_start].count("\n") < 1:
        return None
    e -= 1  # the sentence end of the paragraph before
    s = e
    while s > 0 and not (ctx.boundary[s - 1] and ctx.inside[s - 1] < 0):
        s -= 1
    if any(ctx.inside[k] >= 0 for k in range(s, e)):
        return None  # a quote in the sentence before: the continuation rule decides
    for k in range(s + 1, e):
        if ctx.texts[k - 1] != ",":
            continue
        verb = _verb_at(ctx, doc[k], scopes=_DIRECT_SCOPES)
        if verb is None:
            continue
        rng = _np_after(ctx, k + 1, e)
        if rng is None or not _person_like(ctx, rng):
            return None
        return _cued(
            m.start,
            m.end,
            "direct",
            "direct.prev_paragraph",
            verb.lemma,
            doc[k],
            _span_text(doc, rng),
            verb.id,
        )
    return None


def _try_own_sentence(x: _Site) -> QuoteMatch | None:
    ctx, m = x.ctx, x.m
    if not (
        x.lo == x.o
        and x.content[:1].isupper()
        and _sentence_like(x.content, min_words=ctx.opts.min_sentence_words)
    ):
        return None
    # A quoted sentence of its own. Right after another quote (same or next paragraph) it keeps
    # that speaker: press releases run a statement over paragraphs with fresh marks each.
    par_start = _paragraph_start(ctx.text, m.open_start)
    near = x.prev_par_end >= 0 and (
        m.open_start <= x.prev_par_end or ctx.text[x.prev_par_end : par_start].strip() == ""
    )
    if x.prev is not None and x.prev.speaker and near:
        return _with_speaker(QuoteMatch(m.start, m.end, "direct", "direct.continued"), x.prev)
    tagged = _prev_paragraph_tag(ctx, m) if m.open_start == par_start else None
    if tagged is not None:
        return tagged
    if not _in_naming_block(ctx, m):
        # a quoted sentence as a title or heading is the event's name, not a statement
        return QuoteMatch(m.start, m.end, "direct", "direct.unattributed")
    return None


# The attempts for one pair of quotation marks, in order: the first that finds a match wins. Each entry
# names the rule ids it can emit (declared in resources/rules/quotes.tsv); the title stop emits none.
DIRECT_ATTEMPTS: tuple[tuple[tuple[str, ...], Callable[[_Site], QuoteMatch | None]], ...] = (
    (("direct.before.colon",), _try_colon_before),
    (("direct.colon.statement",), _try_titled_colon_statement),
    ((), _stop_in_title),
    (("direct.utterance",), _try_utterance),
    (("direct.label",), _try_als_label),
    (("direct.after.verb", "direct.after.phrase"), _try_after),
    (("direct.interrupted",), _try_interrupted),
    (("direct.colon_name",), _try_colon_name),
    (("direct.colon.statement",), _try_colon_statement),
    (("direct.prev_line", "direct.prev_line.name"), _try_prev_line),
    (("direct.embedded", "direct.label"), _try_embedded),
    (("direct.fragment", "direct.fragment.subject"), _try_fragment),
    (("direct.fragment.context", "direct.fragment.np", "direct.fragment.reported"), _try_context_fragment),
    (("direct.continued", "direct.prev_paragraph", "direct.unattributed"), _try_own_sentence),
)


def _direct_quotes(ctx: _Ctx, marked: list[Marked], people: list[tuple[int, int]]) -> list[QuoteMatch]:
    doc = ctx.doc
    out: list[QuoteMatch] = []
    prev: QuoteMatch | None = None
    prev_par_end = -1
    for m in marked:
        open_span = doc.char_span(m.open_start, m.open_start + 1, alignment_mode="expand")
        close_span = doc.char_span(m.close_end - 1, m.close_end, alignment_mode="expand")
        if open_span is None or close_span is None:
            continue
        o, c = open_span.start, close_span.end - 1
        content = ctx.text[m.start : m.end]
        # Intro clause: back to the sentence start, a line break or the close of the previous quote.
        lo = o
        while lo > 0:
            t = doc[lo - 1]
            if _is_boundary(t) or (ctx.inside[lo - 1] >= 0) or t.text in ALL_MARKS:
                break
            lo -= 1
        if lo < o and all(ctx.texts[k] in _BLOCK_MARKUP for k in range(lo, o)):
            lo = o  # "bq. „…“": markup, the quote opens the line
        site = _Site(
            ctx,
            m,
            o,
            c,
            lo,
            content,
            _title_context(ctx, o),
            len(re.findall(r"\w+", content)),
            o - 1 >= lo and doc[o - 1].text in _COLONS,
            prev,
            prev_par_end,
            people,
        )
        match = None
        for _rule, attempt in DIRECT_ATTEMPTS:
            match = attempt(site)
            if match is not None:
                break
        if match is not None and match is not _STOP:
            out.append(match)
            prev = match
            prev_par_end = _paragraph_end(ctx.text, m.close_end)
    return out
