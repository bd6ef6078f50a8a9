"""Passes over all found quotes: speakers of fragments, quotes inside reported speech, cue subjects.

Example: a fragment „Meilenstein“ in a sentence whose speaker is known takes that speaker.
"""

from __future__ import annotations

from dataclasses import replace

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import QuoteMatch, _Ctx, _sentence_end, _span_text, _with_speaker
from pressextract.rules.quotes.filters import _foreign, _name_like, _title_context, _wording
from pressextract.rules.quotes.indirect import _last_attributed
from pressextract.rules.quotes.labels import _antecedent
from pressextract.rules.quotes.marks import _SENT_FINAL, Marked
from pressextract.rules.quotes.reported import _RELATIVE_PRONOUNS
from pressextract.rules.quotes.speakers import _np_after, _person_in, _speaker_from_dep
from pressextract.rules.quotes.words import _SPEECH_PRONOUNS

_SOURCE_PREPOSITIONS = word_set("quotes", "source_prepositions")


def _cue_subject(ctx: _Ctx, q: QuoteMatch) -> QuoteMatch:
    """A speaker for a quote whose cue verb is known but whose speaker is missing or impersonal.

    "weil die US-Regierung Georgien als „…“ bezeichnet hat" -> the parse's subject of the cue;
    "„…“, heißt es in einer Pressemitteilung des CCC" -> the source after the preposition, not "es".
    """
    doc = ctx.doc
    span = doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
    if span is None:
        return q
    v = span.start
    rng = None
    impersonal = q.speaker is None or q.speaker.lower() == "es"
    if impersonal and ctx.lower[v] in ("heißt", "hieß", "hiess"):
        hi = _sentence_end(ctx, v + 1)
        for k in range(v + 1, min(hi, v + 6)):
            if ctx.inside[k] >= 0 or doc[k].text in (",", ":"):
                break
            if ctx.lower[k] in _SOURCE_PREPOSITIONS:
                rng = _np_after(ctx, k + 1, hi)
                break
    elif q.speaker is None:
        rng = _speaker_from_dep(ctx, doc[v])
        if rng is not None and rng[1] - rng[0] == 1 and ctx.lower[rng[0]] in _RELATIVE_PRONOUNS:
            rng = _antecedent(ctx, rng[0] - 1) if rng[0] > 0 and doc[rng[0] - 1].text == "," else None
        if rng is not None and ctx.lower[rng[0]] in ("man", "es"):
            rng = None
    if rng is None:
        return q
    text, a, b = _span_text(doc, rng)
    return replace(q, speaker=text, speaker_start=a, speaker_end=b)


def _nearby_person(ctx: _Ctx, q: QuoteMatch) -> QuoteMatch:
    """A quote nobody is named for takes the person mentioned last before it in its own sentence or the
    sentence before (same paragraph): "Oettinger will die Naturwissenschaften straffen. „Nicht jede …“".
    """
    doc = ctx.doc
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return q
    o = span.start
    while o > 0 and ctx.inside[o - 1] == ctx.inside[span.start] and ctx.inside[o - 1] >= 0:
        o -= 1
    # back over at most two sentence ends, never over a paragraph break
    lo, ends = o, 0
    while lo > 0:
        t = doc[lo - 1]
        if (t.is_space and "\n" in t.text) or "\n" in t.whitespace_:
            break
        if t.text in _SENT_FINAL and ctx.inside[lo - 1] < 0:
            ends += 1
            if ends > 2:
                break
        lo -= 1
    best = None
    k = lo
    while k < o:
        rng = _person_in(ctx, k, o)
        if rng is None:
            break
        best, k = rng, rng[1]
    if best is None:
        return q
    text, a, b = _span_text(doc, best)
    return replace(q, speaker=text, speaker_start=a, speaker_end=b)


def _fragment_speaker(
    q: QuoteMatch, direct: list[QuoteMatch], indirect: list[QuoteMatch], text: str
) -> QuoteMatch | None:
    """A quoted phrase without its own attribution: the reported speech around it, the person who is the
    sentence subject, the last speaker, a non-person subject ("Die Union nannte …"), in that order.
    A context fragment with none of them is dropped: nobody said it, it names something."""
    if not q.rule_id.startswith("direct.fragment"):
        return q
    host = next((r for r in indirect if r.speaker and r.start <= q.start and q.end <= r.end), None)
    if host is not None:
        # quoted words inside reported speech: the same row _quoted_in_reported writes for marks no
        # direct rule took ("Der Nachbar sei „nicht gefährlich oder so“"), not a phrase to judge alone;
        # under a first-person report ("Ich meine, dass …") they stay a fragment (the writer's own marks)
        own = (host.speaker or "").split()[:1] in (["Ich"], ["Wir"], ["ich"], ["wir"])
        return _with_speaker(q if own else replace(q, rule_id="direct.in_reported"), host)
    if q.rule_id == "direct.fragment.subject":
        return q
    last = _last_attributed(text, q.start, direct, indirect)
    content = text[q.start : q.end].strip()
    if (
        q.rule_id in ("direct.fragment.np", "direct.fragment.context")
        and content[:1].isupper()
        and content[-1:] not in ".!?…"
        and len(content.split()) <= 6
        and not _SPEECH_PRONOUNS.search(content)
    ):
        # A capitalized phrase with nobody as its subject, only an earlier speaker somewhere before, names
        # a thing more often than it quotes: "mit „Heinz Rühmanns Biographie in Bild und Ton“"
        return None
    if last is not None and q.rule_id in ("direct.fragment.np", "direct.fragment.context"):
        return _with_speaker(QuoteMatch(q.start, q.end, q.kind, "direct.fragment.last"), last)
    if last is not None:
        return _with_speaker(q, last)
    if q.rule_id in ("direct.fragment.context", "direct.fragment.np"):
        if _wording(text[q.start : q.end]):
            return q  # somebody's words even when the text does not say whose
        # a thing as subject and no speaker around: "Die Ankündigung ist Teil einer „Roadmap …“"
        return None
    return q


def _quoted_in_reported(
    ctx: _Ctx, marked: list[Marked], direct: list[QuoteMatch], indirect: list[QuoteMatch]
) -> list[QuoteMatch]:
    """Quoted words inside reported speech are the speaker's own: "Er habe „nicht den Eindruck“, …"."""
    taken = {q.start for q in direct}
    out = []
    for m in marked:
        if (
            m.start in taken
            or _name_like(ctx.text[m.start : m.end])
            or _foreign(ctx, ctx.text[m.start : m.end])
        ):
            continue
        host = next((q for q in indirect if q.start <= m.open_start and m.close_end <= q.end), None)
        if host is None:
            continue
        aside = ctx.text[host.start : m.open_start]
        if aside.rfind("(") > aside.rfind(")"):
            continue  # "(ebenfalls aktiv bei „Wir sind Nachbarn“)": an aside inside the clause, not its words
        span = ctx.doc.char_span(m.open_start, m.open_start + 1, alignment_mode="expand")
        if span is None or _title_context(ctx, span.start):
            continue
        out.append(
            QuoteMatch(
                m.start,
                m.end,
                "direct",
                "direct.in_reported",
                host.cue,
                host.cue_start,
                host.cue_end,
                host.speaker,
                host.speaker_start,
                host.speaker_end,
                host.cue_id,
            )
        )
    return out
