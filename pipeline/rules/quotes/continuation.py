"""Free indirect speech and continuations: Konjunktiv sentences after a report, "Dies sagte X.",
"Demnach …", "Er halte …", hearsay with "soll … haben".

Example: "„Wir handeln“, sagte Kalayci. Man müsse jetzt bauen." -> indirect quote "Man müsse jetzt bauen"
(speaker Kalayci).
"""

from __future__ import annotations

from dataclasses import replace

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import (
    QuoteMatch,
    _Ctx,
    _cued,
    _person_like,
    _span_text,
    _with_speaker,
)
from pressextract.rules.quotes.grammar import _is_subjunctive, _trim_end, _verb_at
from pressextract.rules.quotes.marks import _PARA_BREAK
from pressextract.rules.quotes.reported import _konj_i_form
from pressextract.rules.quotes.speakers import (
    _np_after,
    _speaker_around_verb,
    _speaker_from_dep,
    court_body_subject,
    speaker_organization,
)


def _last_attributed(
    text: str, start: int, direct: list[QuoteMatch], indirect: list[QuoteMatch], *, reach: int | None = 400
) -> QuoteMatch | None:
    """The latest quote with a speaker shortly before `start` (same or previous paragraph, at most
    `reach` characters; any distance with reach=None)."""
    best = None
    for q in (*direct, *indirect):
        if q.speaker and q.end <= start and (best is None or q.end > best.end):
            best = q
    if best is None or reach is None:
        return best
    if start - best.end > reach or len(_PARA_BREAK.findall(text, best.end, start)) > 1:
        return None
    return best


def _dies_sagte(
    ctx: _Ctx, lo: int, hi: int, prev: tuple[int, int], taken: list[tuple[int, int]]
) -> list[QuoteMatch]:
    """ "… . Dies teilte ein Sprecher mit." — the previous sentence is what the speaker said."""
    doc = ctx.doc
    if hi - lo < 3 or doc[lo].lower_ not in ("dies", "das", "dieses") or ctx.inside[lo] >= 0:
        return []
    verb = _verb_at(ctx, doc[lo + 1], scopes=("any",))
    if verb is None:
        return []
    rng = _speaker_from_dep(ctx, doc[lo + 1])
    if rng is None or rng[0] == lo:  # "Das teilte die Senatorin mit": "Das" is the object
        rng = _np_after(ctx, lo + 2, hi)
    p_lo, p_hi = prev[0], _trim_end(doc, prev[0], prev[1])
    if rng is None or p_hi - p_lo < 3:
        return []
    start, end = doc[p_lo].idx, doc[p_hi - 1].idx + len(doc[p_hi - 1])
    if any(a < end and start < b for a, b in taken):
        return []
    t = doc[lo + 1]
    return [_cued(start, end, "indirect", "indirect.dies", verb.lemma, t, _span_text(doc, rng), verb.id)]


_NOT_FREE = word_set("quotes", "not_free_indirect")


def _court_body_between(ctx: _Ctx, start: int, stop: int) -> tuple[int, int, str] | None:
    """The court body that is the subject of a sentence between a quote and the sentence at `stop`:
    "Diese Angaben hielt die Kammer für nicht glaubhaft." -> the chars and text of "die Kammer"."""
    return court_body_subject(ctx.doc, start, stop, text=ctx.text, inside=ctx.inside)


def _free_indirect(ctx: _Ctx, lo: int, hi: int, last: QuoteMatch) -> list[QuoteMatch]:
    """A Konjunktiv-I sentence right after a quote continues it: "… sagte X. Man müsse handeln.".

    Quoted words inside it stay part of it ("Es drohe „eine dramatische Erderwärmung“."); a sentence
    that opens with a quotation mark is a direct quote, attributed there.
    """
    doc = ctx.doc
    if ctx.inside[lo] >= 0 or (lo > 0 and ctx.inside[lo - 1] >= 0):
        return []
    # right after the statement it continues, a plural Konjunktiv II stands in for the Konjunktiv I that
    # would look indicative ("Die Soldaten hätten ihn empfangen" for "haben"); singular "hätte" and
    # "wäre" are more often a condition of the writer's own
    # (only in a sentence that ends with its punctuation: a hard line break cuts "Vielmehr hätten sich die")
    # (nor after a subordinator: "Selbst wenn … gesehen würden, kommt es …" is a condition)
    ersatz = (
        last is not _NOBODY
        and ctx.texts[hi - 1] in (".", "!", "?")
        and not any(ctx.lower[k] in _SUBORDINATORS for k in range(lo, min(hi, lo + 3)))
        and _next_sentence(ctx, last.end, doc[lo].idx)
    )
    for k in range(lo, min(hi, lo + 10)):
        t = doc[k]
        if t.text == ",":
            break  # Konjunktiv in a subordinate clause does not make the sentence reported
        if (
            (
                _is_subjunctive(ctx, t, allow_ii=False)
                or _konj_i_form(ctx, t)
                or (ersatz and t.lower_ in _ERSATZ_II)
            )
            and t.lower_ not in _NOT_FREE  # "Man sollte …": advice of the release, not a continuation
            and not (k > 0 and doc[k - 1].lower_ in ("ich", "wie"))
            and not (k + 1 < len(doc) and doc[k + 1].lower_ in ("ich", "wir"))  # "… habe ich …": own words
            and not (k + 1 < len(doc) and doc[k + 1].lower_ == "denn")
        ):
            end = _trim_end(doc, lo, hi)
            q = QuoteMatch(doc[lo].idx, doc[end - 1].idx + len(doc[end - 1]), "indirect", "indirect.free")
            return [_with_speaker(q, last)]
    return []


_NOBODY = QuoteMatch(0, 0, "indirect", "indirect.free_konj")
_ERSATZ_II = word_set("quotes", "ersatz_ii")


def _next_sentence(ctx: _Ctx, end: int, start: int) -> bool:
    """Between char `end` (a quote's end) and `start` at most the rest of that sentence: "„…“, sagte
    sie. " or ". ", no paragraph break and no second sentence end."""
    gap = ctx.text[end:start]
    return len(gap) <= 120 and "\n" not in gap and sum(gap.count(c) for c in ".!?") <= 1


def _free_konjunktiv(ctx: _Ctx, lo: int, hi: int) -> list[QuoteMatch]:
    """A main clause whose verb is an unambiguous Konjunktiv I ("Der Finanzausschuss werde am 20. Juni
    beraten.") reports what someone said even when no speech verb is near. The rules name no speaker:
    on WIKINEWS the last speaker named is right for 2 of 39 such rows, the subject of the sentence
    before for 5 of 51; the learned ranking may pick one.

    Not: "Im Laufe des Tages …" (a noun, not a verb), "Für bedenklich halte ich …" (the speaker's own
    words), "… und werde Teil des Projekts" (an imperative to the reader).
    """
    head = range(lo, min(hi, lo + 12))
    k = next((k for k in head if ctx.lower[k] in ctx.lex.subjunctive_i and ctx.texts[k].islower()), None)
    if k is None or k == lo or ctx.lower[k - 1] in ("und", "oder"):
        return []  # "Komm zur Demo und werde laut": an imperative after "und"
    first = ctx.texts[lo]
    if not (first[:1].isalpha() and first[:1].isupper()) or ctx.lower[lo] in _SUBORDINATORS:
        return []  # "59 Abs. 2 GG sei verletzt" (cut after "Art."), "Dass sie … sei, hat X nicht gehört"
    if any(ctx.lower[k] in _FIRST_PERSON or ctx.lower[k] in _SECOND_PERSON for k in range(lo, hi)):
        return []
    found = _free_indirect(ctx, lo, hi, _NOBODY)
    return [replace(q, rule_id="indirect.free_konj") for q in found]


_FIRST_PERSON = word_set("quotes", "first_person")
_SECOND_PERSON = word_set("quotes", "second_person")
_SUBORDINATORS = word_set("quotes", "subordinators")


def _para_between(ctx: _Ctx, a: int, b: int) -> bool:
    """A paragraph break between token a and token b."""
    if a >= len(ctx.doc) or b <= a:
        return False
    return bool(_PARA_BREAK.search(ctx.text, ctx.doc[a - 1].idx if a else 0, ctx.doc[b].idx))


def _free_indirect_cued(ctx: _Ctx, lo: int, hi: int, prev: tuple[int, int]) -> list[QuoteMatch]:
    """A Konjunktiv-I sentence after a sentence with a speech verb, in the same paragraph: "Die Polizei
    bittet um Mithilfe. Der Mann sei etwa 30 Jahre alt." -> reported, speaker the verb's subject.

    Without a speech verb before it, a Konjunktiv sentence stays narrative ("Es sei darauf hingewiesen …"
    has no speaker to report).
    """
    doc = ctx.doc
    said = _speech_before(ctx, prev)
    if said is None:
        return []
    verb, v, rng = said
    if not any(
        ctx.lower[k] in ctx.lex.subjunctive_i or _konj_i_form(ctx, doc[k])
        for k in range(lo, min(hi, lo + 12))
    ):
        return []  # "Insbesondere sollte …": Konjunktiv II or a preterite, not reported speech
    cue = QuoteMatch(
        0, 0, "indirect", "indirect.free", verb.lemma, *_tok_chars(doc, v), *_span_text(doc, rng)
    )
    found = _free_indirect(ctx, lo, hi, replace(cue, cue_id=verb.id))
    return [replace(q, rule_id="indirect.free_cued") for q in found]


def _speech_before(ctx: _Ctx, prev: tuple[int, int]):
    """The first speech verb of the sentence before, with its speaker (a person or an organization):
    (verb, token index, speaker range), or None where that sentence has no such verb or its speaker is no one
    ("… gegen 17.50 Uhr … gefragt worden": no one to report). The speaker stands in the verb's own clause,
    up to the comma after it: "Positiv sieht Lederer, dass die Aufgabe bei Vizepräsident Braun liegt." ->
    Lederer, never a person named in the reported clause."""
    p_lo, p_hi = prev
    for v in range(p_lo, p_hi):
        verb = _verb_at(ctx, ctx.doc[v], scopes=_ANY_SCOPE)
        if verb is None:
            continue
        stop = next((k for k in range(v + 1, p_hi) if ctx.texts[k] == "," and ctx.inside[k] < 0), p_hi)
        rng = _speaker_around_verb(ctx, v, p_lo, stop)
        if rng is None or not (_person_like(ctx, rng) or _org_speaker(ctx, rng)):
            return None
        return verb, v, rng
    return None


def _pronoun_konjunktiv(ctx: _Ctx, lo: int, hi: int, prev: tuple[int, int]) -> list[QuoteMatch]:
    """ "Unterdessen verteidigte der Vorsitzende, Peter Lang, den Entwurf. Er halte ihn für vertretbar.": a
    sentence that opens with "Er"/"Sie" and a Konjunktiv I reports what the person who is the subject of
    the sentence before (same paragraph) said, whatever that sentence's verb. Without a person as that
    subject ("Die Anlage wurde geschlossen. Sie sei …") nothing is reported here.
    """
    doc = ctx.doc
    if hi - lo < 4 or ctx.texts[lo] not in ("Er", "Sie") or ctx.inside[lo] >= 0 or not ctx.has_dep:
        return []
    v = doc[lo + 1]
    if v.lower_ in _NOT_FREE or not (v.lower_ in ctx.lex.subjunctive_i or _konj_i_form(ctx, v)):
        return []
    if v.lower_ in ("seien", "haben", "hätten") or any(ctx.lower[k] in _FIRST_PERSON for k in range(lo, hi)):
        return []  # "Sie seien …" (plural or the reader), "… wir …": not one person's report
    p_lo, p_hi = prev
    subjects = [
        t
        for t in doc[p_lo:p_hi]
        if t.dep_ in ("nsubj", "sb") and t.head.dep_ == "ROOT" and ctx.inside[t.i] < 0
    ]
    people = []
    for t in subjects:
        left, right = t.left_edge.i, t.right_edge.i + 1
        right = next((k for k in range(t.i + 1, right) if ctx.texts[k] in (",", "(")), right)
        rng = (max(left, p_lo), min(right, p_hi))
        if rng[1] - rng[0] <= 8 and _person_like(ctx, rng):
            people.append(rng)
    if not people:
        return []  # (the parser may take an adverb for a second subject: the person-like one speaks)
    rng = people[0]
    end = _trim_end(doc, lo, hi)
    if any(ctx.inside[k] >= 0 for k in range(lo, end)):
        return []
    start, stop = doc[lo].idx, doc[end - 1].idx + len(doc[end - 1])
    return [
        QuoteMatch(start, stop, "indirect", "indirect.free_pronoun", None, None, None, *_span_text(doc, rng))
    ]


def _demnach(ctx: _Ctx, lo: int, hi: int, prev: tuple[int, int]) -> list[QuoteMatch]:
    """ "Die Wahlkommission gab das Ergebnis bekannt. Demnach hat die Koalition gewonnen.": a sentence that
    opens with "Demnach" and a finite verb gives the content of what the speech verb of the sentence
    before (same paragraph) announced; the speaker is that verb's subject, a person or an organization.
    A decision before it ("Der Senat hat beschlossen. Demnach …") reports nobody's words (not_reported).
    """
    doc = ctx.doc
    if hi - lo < 4 or ctx.texts[lo] != "Demnach" or ctx.inside[lo] >= 0:
        return []
    if not (ctx.has_lemma and doc[lo + 1].pos_ in ("VERB", "AUX")):
        return []  # "Demnach" + verb: the statement's main clause
    said = _speech_before(ctx, prev)
    if said is None:
        return []
    verb, v, rng = said
    end = _trim_end(doc, lo, hi)
    if end - (lo + 1) < 3 or any(ctx.inside[x] >= 0 for x in range(lo + 1, end)):
        return []
    start, stop = doc[lo + 1].idx, doc[end - 1].idx + len(doc[end - 1])
    return [
        QuoteMatch(start, stop, "indirect", "indirect.demnach", verb.lemma, *_tok_chars(doc, v), *_span_text(doc, rng),
                   cue_id=verb.id)
    ]  # fmt: skip


def _org_speaker(ctx: _Ctx, rng: tuple[int, int]) -> bool:
    span = ctx.doc[rng[0] : rng[1]]
    return speaker_organization(ctx.doc, span.start_char, span.end_char, text=ctx.text) is not None


def _tok_chars(doc, i: int) -> tuple[int, int]:
    return doc[i].idx, doc[i].idx + len(doc[i])


_ANY_SCOPE = ("any", "report", "directive")
_HEARSAY = word_set("quotes", "hearsay")


def _hearsay(ctx: _Ctx, lo: int, hi: int, last: QuoteMatch | None) -> list[QuoteMatch]:
    """ "Der Mann soll die Frau zuvor bedroht haben." — soll/sollen with a perfect infinitive reports what
    others say (not a plan: "Die Schule soll im Mai eröffnet werden"). Speaker: the last one, if near."""
    doc, lower = ctx.doc, ctx.lower
    end = _trim_end(doc, lo, hi)
    if end - lo < 4 or any(ctx.inside[k] >= 0 for k in range(lo, end)):
        return []
    for k in range(lo, end):
        if lower[k] not in _HEARSAY:
            continue
        ce = next((x for x in range(k + 1, end) if ctx.texts[x] in (",", ":", ";")), end)
        if ce - k < 3:
            return []
        aux, part = lower[ce - 1], ctx.texts[ce - 2]
        if aux == "sein" and lower[ce - 2] in ("worden", "gewesen"):
            part = ctx.texts[ce - 3] if lower[ce - 2] == "worden" else "gewesen"
        elif aux != "haben" and not (aux == "sein" and part.startswith("ge")):
            return []
        if not (part.islower() and part.isalpha() and part.endswith(("t", "en"))):
            return []
        q = QuoteMatch(
            doc[lo].idx, doc[end - 1].idx + len(doc[end - 1]), "indirect", "indirect.hearsay", "sollen"
        )
        # without anyone to attribute it to, "Gegen 2 Uhr soll … gekommen sein" is police narrative
        return [_with_speaker(q, last)] if last is not None else []
    return []
