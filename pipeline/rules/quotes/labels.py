"""Quoted words as labels, embedded phrases and utterances (chanted or written words).

Example: "skandierten Parolen wie „Stoppt den Wahn“" -> direct.utterance without speaker.
"""

from __future__ import annotations

from dataclasses import replace

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import (
    _DIRECT_SCOPES,
    QuoteMatch,
    _clause_start,
    _Ctx,
    _cued,
    _is_boundary,
    _is_cap,
    _person_like,
    _sentence_end,
    _span_text,
)
from pressextract.rules.quotes.filters import (
    _LABEL_WORDS,
    _foreign,
    _inside_noun_group,
    _name_like,
    _sentence_subject,
)
from pressextract.rules.quotes.grammar import _WERDEN, _WERDEN_SEIN, _passive, _verb_at
from pressextract.rules.quotes.marks import ALL_MARKS, Marked
from pressextract.rules.quotes.speakers import (
    _np_after,
    _person_in,
    _prefer_person,
    _speaker_around_verb,
    _speaker_from_dep,
)
from pressextract.rules.quotes.words import DETERMINERS

# "von allen nur der „große Gelbe“ genannt": a quote right before one of these names something
_NAMING_PARTICIPLES = word_set("quotes", "naming_participles")


def _embedded(ctx: _Ctx, m: Marked, o: int, c: int) -> QuoteMatch | None:
    """A quoted fragment inside a clause with a speech verb: "Sie nannte die Pläne „unausgegoren“"."""
    doc = ctx.doc
    if _foreign(ctx, ctx.text[m.start : m.end]) or _inside_noun_group(ctx, o, c, ctx.text[m.start : m.end]):
        return None  # "schrieb der Journalist in „Le Monde“": a name
    # "nannte die Pläne einen „Wortbruch“", "bezeichnete ihn als „Vertrauensbruch“": after "als" or an
    # indefinite article a capitalized word is the speaker's label, not a name
    label = _name_like(ctx.text[m.start : m.end])
    if label and not (o > 0 and ctx.lower[o - 1] in _LABEL_WORDS):
        return None
    if _parenthetical_als(ctx, o):
        return None
    lo = _clause_start(ctx, o)
    hi = _sentence_end(ctx, c + 1)
    if c + 1 < len(doc) and ctx.lower[c + 1] in _NAMING_PARTICIPLES:
        return None
    # "X war als „Projektleitung …“ beteiligt und fasst zusammen:": with a verb of its own before the quote,
    # the speech verb after "und" belongs to the next clause, not to the quoted words
    if _finite_verb_in(ctx, lo, o):
        hi = next((k for k in range(c + 1, hi) if ctx.lower[k] in _CONJUNCTS and ctx.inside[k] < 0), hi)
    for v in list(range(lo, o)) + list(range(c + 1, hi)):
        verb = _verb_at(
            ctx, doc[v], scopes=("any", "embedded", "after", "label") if label else ("any", "embedded")
        )
        if verb is None or (label and verb.scope in ("after", "label") and verb.id not in _LABEL_AFTER_IDS):
            continue
        # A verb behind another quote belongs to that one.
        own = ctx.inside[o]
        if any(ctx.inside[k] not in (-1, own) for k in range(min(v, o), max(v, c))):
            continue
        if _across_parenthesis(ctx, v, o, c):
            continue  # "(ebenfalls aktiv bei „Wir sind Nachbarn“)": an aside, the verb outside is not its own
        rng = _speaker_around_verb(ctx, v, _clause_start(ctx, v, stop_at_comma=True), hi)
        # "Erika Beispiel, vom Verband Grünes Netz bezeichnet …": the person before the apposition speaks
        rng = _apposition_person(ctx, rng, v) if rng is not None else None
        if rng is None:
            continue
        if label and (not _person_like(ctx, rng) or ctx.lower[rng[0]] in ("man", "es")):
            continue  # "der als „Sonnenwind“ bezeichnet wird", "nennt man einen „Aktiensplit“": a term
        s = _span_text(doc, rng)
        t = doc[v]
        return _cued(m.start, m.end, "direct", "direct.embedded", verb.lemma, t, s, verb.id)
    return None


_CONJUNCTS = frozenset(["und", "oder", "sowie"])


def _across_parenthesis(ctx: _Ctx, v: int, o: int, c: int) -> bool:
    """Whether a parenthesis opens between the verb and the quote (or closes between quote and verb)."""
    between = ctx.texts[v + 1 : o] if v < o else ctx.texts[c + 1 : v]
    return between.count("(") != between.count(")")


def _parenthetical_als(ctx: _Ctx, o: int) -> bool:
    """ "die Einziehung (als „Verfall“ bezeichnet)": a term introduced in parentheses, nobody's words."""
    return o >= 2 and ctx.lower[o - 1] == "als" and ctx.texts[o - 2] == "("


def _finite_verb_in(ctx: _Ctx, lo: int, hi: int) -> bool:
    """Whether tokens lo..hi hold a finite verb that is no speech verb (the parse's morphology only)."""
    if not ctx.has_morph:
        return False
    return any(
        ctx.inside[k] < 0
        and ctx.doc[k].pos_ in ("VERB", "AUX")
        # UD marks a finite verb VerbForm=Fin; the bundled model's scheme marks it with a mood only
        and ("Fin" in ctx.doc[k].morph.get("VerbForm") or bool(ctx.doc[k].morph.get("Mood")))
        and _verb_at(ctx, ctx.doc[k], scopes=_LABEL_SCOPES) is None
        for k in range(lo, hi)
    )


def _apposition_person(ctx: _Ctx, rng: tuple[int, int], v: int) -> tuple[int, int]:
    """The person before a comma when the speaker found is an organization in the apposition after it.

    "Erika Beispiel, von der Umweltorganisation Grünes Netz bezeichnet …" -> "Erika Beispiel".
    """
    if _person_like(ctx, rng):
        return rng
    start = _clause_start(ctx, v, stop_at_comma=True)
    if start < 2 or ctx.texts[start - 1] != "," or ctx.lower[start] not in _APPOSITION_PREPOSITIONS:
        return rng
    lo = _clause_start(ctx, start - 1)
    person = _person_in(ctx, lo, start - 1)
    return person if person is not None and person[1] == start - 1 else rng


# "Name, von der Organisation …", "Name, vom Verband …", "Name, bei der Stiftung …": an affiliation apposition
_APPOSITION_PREPOSITIONS = frozenset(["von", "vom", "bei", "beim", "aus"])


_UTTERANCE_SKIP = word_set("quotes", "utterance_skip")


def _utterance(ctx: _Ctx, m: Marked, lo: int, o: int, prev: QuoteMatch | None) -> QuoteMatch | None:
    """Quoted words people shouted, chanted or wrote: "skandierten Parolen wie „Stoppt den Wahn“ oder
    „…“", "Der Mann rief mehrfach „…“", "mit der Aufschrift „Kritik = Terror“". The speaker is the
    sentence subject when it is a person or group, else the quote is the clause's without a name."""
    doc = ctx.doc
    k = o - 1
    # "„A“ oder „B“": the next item of an enumeration of shouted words
    if prev is not None and prev.rule_id == "direct.utterance" and k >= lo:
        j = k
        while j >= lo and ctx.lower[j] in ("oder", "und", ",", "sowie"):
            j -= 1
        if j < k and j >= 0 and doc[j].text in ALL_MARKS and doc[j].idx < prev.end + 2:
            return replace(prev, start=m.start, end=m.end)
    seen = 0
    while k >= lo and seen < 4 and ctx.lower[k] in _UTTERANCE_SKIP:
        k, seen = k - 1, seen + 1
    if k < lo or ctx.lower[k] not in ctx.lex.utterances or ctx.inside[k] >= 0:
        return None
    subj = _sentence_subject(ctx, lo, o)
    # the subject shouted it when the clause says so ("Die Menge skandierte Parolen wie …", "Er rief …");
    # otherwise ("die Parole „…“ war zu lesen") the text names nobody
    uttered = ctx.lex.utterances[ctx.lower[k]] == "verb" or any(
        ctx.verb_like[j] or ctx.lex.utterances.get(ctx.lower[j]) == "verb" for j in range(lo, o)
    )
    if subj is not None and (subj[0] <= k < subj[1] or ctx.lower[subj[0]] in ("es", "man") or not uttered):
        subj = None
    elif uttered:
        subj = _prefer_person(ctx, subj, lo, o)  # "Seine Reverenz erweist X mit den Worten „…“" -> X
    s = _span_text(doc, subj) if subj else (None, None, None)
    return QuoteMatch(m.start, m.end, "direct", "direct.utterance", None, None, None, *s)


_LABEL_SCOPES = (*_DIRECT_SCOPES, "label")


# speech verbs of other scopes that judge with "als": "würdigte ihn als „…“", "wies dies als „…“ zurück";
# not "sprach von X als …", "rief den Tag als „Gedenktag“ aus" (a designation, not a judgement)
_LABEL_VERB_IDS = frozenset(["sv.wuerdigen", "sv.loben", "sv.begruessen", "sv.zurückweisen"])


# verbs of other scopes that take a label with an indefinite article: "sprach von einer „Gefahr …“"
_LABEL_AFTER_IDS = frozenset(["sv.sprechen", *_LABEL_VERB_IDS])


def _als_label(ctx: _Ctx, m: Marked, o: int, c: int) -> QuoteMatch | None:
    """A quoted label after "als" with a verb of judging: the clause's subject (any, not only a person)
    or the passive's agent names it: "Das Magazin bezeichnete Stratfor als „Schatten-CIA“", "Die Gefahr
    wird vom Wetterdienst als „sehr hoch“ eingestuft". A passive without agent is a term, no quote:
    "Der Teilchenstrom wird als „Sonnenwind“ bezeichnet"; "man"/"es" as subject likewise.
    """
    doc = ctx.doc
    if _parenthetical_als(ctx, o):
        return None
    # the comma clause of the label: "Der Strom, der von der Sonne ausgeht, wird als „…“ bezeichnet"
    # and of its conjunct: "engagierte er sich als „Brückenbauer“ und bezeichnete sich als …"
    lo = _clause_start(ctx, o, stop_at_comma=True)
    for k in range(o - 1, lo - 1, -1):
        if ctx.lower[k] in ("und", "oder") and ctx.inside[k] < 0:
            lo = k + 1
            break
    hi = c + 1
    while hi < len(doc) and not (
        ctx.inside[hi] < 0 and (_is_boundary(doc[hi]) or ctx.lower[hi] in (",", "und", "oder"))
    ):
        hi += 1
    own = ctx.inside[o]
    # the verb that governs "als": verb-final after the label first, then the nearest one before it
    for v in [*range(c + 1, hi), *range(o - 2, lo - 1, -1)]:
        verb = _verb_at(ctx, doc[v], scopes=_LABEL_SCOPES)
        if verb is not None and verb.scope not in ("label", "embedded") and verb.id not in _LABEL_VERB_IDS:
            verb = None
        if verb is None or any(ctx.inside[k] not in (-1, own) for k in range(min(v, o), max(v, c))):
            continue
        if ctx.has_lemma and doc[v].pos_ not in ("VERB", "AUX"):
            continue  # "das als „Dschungel von Calais“ bekannte Lager": an adjective, not "bekennen"
        low = ctx.lower[v]
        after_aux = v + 1 < len(doc) and ctx.lower[v + 1] in _WERDEN | _WERDEN_SEIN and low.endswith("t")
        if _passive(ctx, v, verb, lo) or after_aux:  # "… als „Sonnenwind“ bezeichnet wird"
            # the agent after any other verb: "der von der Sonne ausgeht und als „…“ bezeichnet wird"
            other = [k for k in range(lo, o) if ctx.has_lemma and doc[k].pos_ == "VERB"]
            rng = _label_agent(ctx, max([lo, *(k + 1 for k in other)]), v)
            if rng is None:
                return None  # a term: "wird als „Sonnenwind“ bezeichnet"
        elif v > c:
            # verb-final ("… als „Dreckspack“ bezeichnet haben"): the parse's subject, else a person near
            rng = _speaker_from_dep(ctx, doc[v])
        else:
            rng = _speaker_around_verb(ctx, v, lo, o)
        if rng is not None and rng[1] - rng[0] == 1 and ctx.lower[rng[0]] in _RELATIVE_PRONOUNS:
            rng = _antecedent(ctx, rng[0] - 1) if rng[0] > 0 and doc[rng[0] - 1].text == "," else None
        if rng is not None and (ctx.lower[rng[0]] in ("man", "es") or rng[0] <= o - 1 < rng[1]):
            return None
        t = doc[v]
        speaker = _span_text(doc, rng) if rng is not None else (None, None, None)
        return _cued(m.start, m.end, "direct", "direct.label", verb.lemma, t, speaker, verb.id)
    return None


_RELATIVE_PRONOUNS = word_set("quotes", "relative_pronouns")


def _label_agent(ctx: _Ctx, lo: int, v: int) -> tuple[int, int] | None:
    """The last "von" agent in a passive label clause: "wird die Gefahr von Bränden vom Wetterdienst als
    „…“ eingestuft" -> "Wetterdienst"."""
    for k in range(v - 1, lo - 1, -1):
        if ctx.lower[k] in ("von", "vom") and ctx.inside[k] < 0:
            rng = _np_after(ctx, k + 1, v)
            if rng is not None:
                return rng
    return None


def _antecedent(ctx: _Ctx, comma: int) -> tuple[int, int] | None:
    """The noun group right before a relative clause's comma: "vom Fahrgastverband IGEB, der …"."""
    doc = ctx.doc
    k = comma
    while k > 0 and comma - k < 6:
        t = doc[k - 1]
        if ctx.inside[k - 1] >= 0 or not (_is_cap(t) or (t.lower_ in DETERMINERS and k < comma)):
            break
        k -= 1
    return (k, comma) if k < comma and _is_cap(doc[comma - 1]) else None
