"""Verb and mood helpers: speech verbs at a token, separable particles, subjunctive, finite verbs, passive.

Example: "habe" in "Er sagte, er habe keine Zeit" is subjunctive (Konjunktiv I).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import _Ctx, _is_boundary, _is_cap, _sentence_end
from pressextract.rules.quotes.marks import _CLAUSE_END
from pressextract.rules.quotes.rules import SpeechVerb
from pressextract.rules.quotes.words import _ADJ_END, _NO_VERB_WORDS


def _verb_at(ctx: _Ctx, tok: Token, *, scopes: tuple[str, ...]) -> SpeechVerb | None:
    """The speech verb this token is, if any; separable verbs need their particle in the clause."""
    if not ctx.verb_like[tok.i] or ctx.inside[tok.i] >= 0 or not tok.text.isalpha():
        return None
    cands: tuple[SpeechVerb, ...] = ()
    if tok.text[0].islower() or tok.i == 0 or _is_boundary(ctx.doc[tok.i - 1]):
        cands = ctx.lex.verbs_by_form.get(tok.lower_, ())
    if cands and tok.text[0].isupper() and ctx.has_lemma and _attributive(ctx.doc, tok):
        cands = ()  # "Bekannte Volkslieder wurden angestimmt": an adjective at the sentence start, not "bekennen"
    if not cands and ctx.has_lemma and tok.pos_ in ("VERB", "AUX"):
        v = ctx.lex.verbs_by_lemma.get(tok.lemma_.lower())
        cands = (v,) if v else ()
    best = None
    for v in cands:
        if v.scope not in scopes:
            continue
        if v.particle:
            if _particle_after(ctx, tok, v.particle) or _particle_before(ctx, tok, v.particle):
                return v
            continue
        best = best or v
    return best


def _attributive(doc: Doc, tok: Token) -> bool:
    """An adjective before its noun ("Bekannte Volkslieder"), not a participle that opens a clause
    ("Gefragt, was …")."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.pos_ == "ADJ" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN")


def _particle_before(ctx: _Ctx, tok: Token, particle: str) -> bool:
    """A particle written apart right before the verb at the end of a subordinate clause: "Wie das
    Ministerium bekannt gab, …" (bekanntgeben). Only word particles ("bekannt", "klar", "verlauten"),
    never a preposition ("an", "vor"): "…, die an sagte" is no German."""
    i = tok.i
    return (
        i > 0
        and len(particle) > 4
        and ctx.lower[i - 1] == particle
        and ctx.inside[i - 1] < 0
        and i + 1 < len(ctx.doc)
        and ctx.doc[i + 1].text in (",", ".", ";")
    )


def _particle_after(ctx: _Ctx, tok: Token, particle: str) -> bool:
    doc = ctx.doc
    for t in doc[tok.i + 1 : min(len(doc), tok.i + 15)]:
        if t.text in (",", ":", "„", "“", "»") or _is_boundary(t):
            return False
        if t.lower_ == particle:
            return True
    return False


_PREDICATIVE_POS = frozenset(["ADJ", "ADV", "PART", "VERB", "AUX"])


def _predicative(ctx: _Ctx, o: int, c: int, content: str) -> bool:
    """Up to four lowercase adjectives, adverbs or participles used as a predicate, not before a noun.

    Example: "sei das System „kaputt“, denn" -> True; "die „grünen“ Zapfsäulen" -> False (attributive);
    "„con energy ag“" -> False (nouns). Needs the model's part-of-speech tags.
    """
    if not ctx.has_lemma or not content.lstrip()[:1].islower():
        return False
    toks = [t for t in ctx.doc[o + 1 : c] if not t.is_punct and not t.is_space]
    if not toks or len(toks) > 4 or any(t.pos_ not in _PREDICATIVE_POS for t in toks):
        return False
    nxt = ctx.doc[c + 1] if c + 1 < len(ctx.doc) else None
    return nxt is None or not (_is_cap(nxt) and nxt.pos_ in ("NOUN", "PROPN"))


def _reported_mood(ctx: _Ctx, lo: int, o: int, c: int) -> bool:
    """The sentence around the quote marks (tokens lo..o and after c) has a subjunctive verb: reported speech.

    Example: "…, dass Pädophilie „in der grünen Ideologie angelegt“ sei." -> True ("sei").
    """
    end = _sentence_end(ctx, c + 1)
    return any(
        ctx.inside[k] < 0 and _is_subjunctive(ctx, ctx.doc[k], allow_ii=False)
        for k in (*range(lo, o), *range(c + 1, end))
    )


def _is_subjunctive(ctx: _Ctx, tok: Token, *, allow_ii: bool) -> bool:
    if ctx.inside[tok.i] >= 0 or not tok.is_alpha:
        return False  # inside quotes, or a number the tagger took for a verb ("Urbanstraße 44.")
    if tok.lower_ in _NOT_VERBS:
        return False  # "seitens des Amtes": a rare preposition the tagger took for a Konjunktiv
    if (
        ctx.has_morph
        and ctx.scheme is not None
        and tok.pos_ in ("VERB", "AUX")
        and ctx.scheme.is_subjunctive(tok)
    ):
        return allow_ii or tok.lower_ not in ctx.lex.subjunctive_ii
    low = tok.lower_
    return low in ctx.lex.subjunctive_i or (allow_ii and low in ctx.lex.subjunctive_ii)


_NOT_VERBS = word_set("quotes", "genitive_prepositions")


def _trim_end(doc: Doc, lo: int, hi: int) -> int:
    while hi > lo and (doc[hi - 1].text in _CLAUSE_END or doc[hi - 1].is_space or doc[hi - 1].text == ","):
        hi -= 1
    return hi


_DEGREE = word_set("quotes", "degree")


_WERDEN_SEIN = word_set("quotes", "werden_sein")


_WERDEN = word_set("quotes", "werden")


def _passive(ctx: _Ctx, v: int, verb: SpeechVerb, lo: int) -> bool:
    """The speech verb is a participle under "werden"/"sein": "Es wird befürchtet", "Den Haltern wird
    empfohlen", "Auch Initiativen sind aufgerufen" (the subject, if any, is addressed, not speaking)."""
    low = ctx.lower[v]
    weak = low.endswith("t") and not low.endswith("te")
    strong = low.endswith("en") and not low.endswith("ten") and low != verb.lemma.replace(" ", "")
    # a strong participle in "-ten": "gebeten", or "ge" after the particle, "festgehalten" (not "hielten")
    lemma = verb.lemma.replace(" ", "")
    strong = strong or (
        low.endswith("ten")
        and (low.startswith("ge") or any(low == lemma[:i] + "ge" + lemma[i:] for i in range(2, 8)))
    )
    if not (weak or strong):
        return False
    # "Alle Vereine sind aufgerufen, …": a state passive of a request (sein + participle)
    aux = _WERDEN | _WERDEN_SEIN if ("ge" in low[:5] or strong) else _WERDEN
    return any(ctx.lower[k] in aux for k in range(lo, v))


def _has_finite_verb(ctx: _Ctx, lo: int, end: int) -> bool:
    """A reported main clause has a finite verb; an apposition or enumeration after the comma has none.

    With a model the morphology says so; without one, a lowercase word that is no article, preposition
    or adjective form must follow the first word ("…, Blair steht bereit" vs "…, Geschäftsführer der X").
    """
    doc = ctx.doc
    hi = min(end, lo + 12)
    if ctx.has_morph and ctx.scheme is not None:
        return any(ctx.scheme.is_finite_verb(doc[k]) for k in range(lo, hi) if ctx.inside[k] < 0)
    for k in range(lo + 1, min(hi, lo + 5)):
        low, text = ctx.lower[k], ctx.texts[k]
        if text in (",", ":", ";") or not text.isalpha():
            return False
        if text.islower() and low not in _NO_VERB_WORDS and not low.endswith(_ADJ_END):
            return True
    return False
