"""Indirect speech: reported sentences, free indirect speech and hearsay.

Example: "Kalayci sagte, die Versorgung sei gesichert." -> indirect quote "die Versorgung sei gesichert".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import (
    _REPORT_SCOPES,
    QuoteMatch,
    _Ctx,
    _span_text,
)
from pressextract.rules.quotes.continuation import (
    _court_body_between,
    _demnach,
    _dies_sagte,
    _free_indirect,
    _free_indirect_cued,
    _free_konjunktiv,
    _hearsay,
    _last_attributed,
    _para_between,
    _pronoun_konjunktiv,
)
from pressextract.rules.quotes.grammar import _trim_end, _verb_at
from pressextract.rules.quotes.reported import (
    _reported_after,
    _reported_before,
    _so_attribution,
)
from pressextract.rules.quotes.rules import CuePhrase
from pressextract.rules.quotes.sources import unowned_source
from pressextract.rules.quotes.speakers import (
    _np_after,
    _np_before,
)
from pressextract.rules.quotes.words import _ADJ_END, _FUNCTION_WORDS, CONNECTORS, DETERMINERS


def _sentences(ctx: _Ctx) -> Iterator[tuple[int, int]]:
    """Sentence token ranges: boundaries at . ! ? ; and line breaks outside quotation marks."""
    n = len(ctx.doc)
    start = 0
    inside, boundary = ctx.inside, ctx.boundary
    for i in range(n):
        if boundary[i] and inside[i] < 0:
            if i + 1 > start:
                yield start, i + 1
            start = i + 1
    if start < n:
        yield start, n


def _indirect_quotes(
    ctx: _Ctx, direct: list[QuoteMatch], excluded: list[tuple[int, int]]
) -> list[QuoteMatch]:
    doc = ctx.doc
    out: list[QuoteMatch] = []
    direct_ranges = [(q.start, q.end) for q in direct]
    prev_sent: tuple[int, int] | None = None
    for lo, hi in _sentences(ctx):
        if hi - lo < 3:
            continue
        s0, s1 = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        if any(a <= s0 and s1 <= b for a, b in excluded):
            continue
        found = _indirect_in_sentence(ctx, lo, hi)
        # A quote that lies inside a direct quote is part of that statement, not a new one.
        found = [q for q in found if not any(a <= q.start and q.end <= b for a, b in direct_ranges)]
        if not found and prev_sent is not None:
            found = _dies_sagte(ctx, lo, hi, prev_sent, direct_ranges + [(q.start, q.end) for q in out])
        if not found and ctx.opts.free_indirect:
            last = _last_attributed(ctx.text, s0, direct, out)
            if last is not None:
                # "Diese Angaben hielt die Kammer für nicht glaubhaft. Den Angeklagten sei …": the court's
                # sentence between takes over; what follows in Konjunktiv is its reasoning, not the last speaker's
                body = _court_body_between(ctx, last.end, s0)
                if body is not None:
                    last = replace(last, speaker=body[2], speaker_start=body[0], speaker_end=body[1])
                found = _free_indirect(ctx, lo, hi, last)
                if body is not None:
                    found = [replace(q, rule_id="indirect.free_court") for q in found]
            elif prev_sent is not None and not _para_between(ctx, prev_sent[1], lo):
                found = _free_indirect_cued(ctx, lo, hi, prev_sent)
            if not found and prev_sent is not None and not _para_between(ctx, prev_sent[1], lo):
                found = _demnach(ctx, lo, hi, prev_sent)
            if (
                not found
                and last is None
                and prev_sent is not None
                and not _para_between(ctx, prev_sent[1], lo)
            ):
                found = _pronoun_konjunktiv(ctx, lo, hi, prev_sent)
            if not found and last is None and ctx.opts.free_konjunktiv:  # (under free_indirect too)
                found = _free_konjunktiv(ctx, lo, hi)
            if not found:
                found = _hearsay(ctx, lo, hi, last)
        out.extend(found)
        prev_sent = (lo, hi)
    return out


def _cue_phrase(ctx: _Ctx, lo: int, end: int) -> QuoteMatch | None:
    """Prepositional attribution: "Laut Polizei …", "Nach Angaben der Feuerwehr …", "X zufolge …"."""
    doc = ctx.doc
    lower = ctx.lower
    for k in range(lo, end):
        if ctx.inside[k] >= 0:
            continue
        for ph in ctx.lex.phrases_by_first.get(lower[k], ()):
            n = len(ph.tokens)
            if ph.position in ("after_quote", "impersonal") or k + n > end:
                continue
            if tuple(lower[k : k + n]) != ph.tokens:
                continue
            if (
                ph.position == "prep"
                and k - 1 > lo
                and ctx.lower[k - 1] in DETERMINERS
                and ctx.texts[k - 2] != ","  # "Der Mann, der laut Polizei …": a relative pronoun
            ):
                continue  # "der laut Gesetz erforderliche Grund": inside a noun group, it attributes no clause
            if ph.position == "prep":
                # "nach Angaben von VroniPlag Wiki", "laut dem Sprecher"
                at = k + n + (k + n < end and doc[k + n].lower_ in ("von", "vom", "aus"))
                rng = _np_after(ctx, at, end) or _site_name(ctx, at, end) or _pp_object(ctx, k, end)
                if rng is None:
                    continue
                q_lo = rng[1] if k == lo else _subclause_start(ctx, lo, k)
                # "Laut einer Studie des Instituts (DIW) liegt …": the abbreviation in brackets is the source's
                close = next((x for x in range(q_lo, min(q_lo + 6, end)) if doc[x].text == ")"), None)
                if q_lo < end and doc[q_lo].text == "(" and close is not None:
                    q_lo = close + 1
                while q_lo < end and doc[q_lo].text in (",", "(") or (q_lo < end and doc[q_lo].text == ")"):
                    q_lo += 1
                q_hi = end
            else:  # postp: "Der Senatorin zufolge sei …"
                rng = _np_before(ctx, k, lo) or _postp_object(ctx, k, lo)
                if rng is None:
                    continue
                q_lo = k + n if rng[0] == lo else lo
                q_hi = end
            if q_hi - q_lo < 3:
                continue
            s = _span_text(doc, rng)
            cue_tok = doc[k : k + n]
            return QuoteMatch(
                doc[q_lo].idx,
                doc[q_hi - 1].idx + len(doc[q_hi - 1]),
                "indirect",
                f"indirect.{ph.position}",
                ph.cue,
                cue_tok.start_char,
                cue_tok.end_char,
                *s,
                cue_id=ph.id,
            )
    return None


def _subclause_start(ctx: _Ctx, lo: int, k: int) -> int:
    """Where the statement a source phrase at k attributes starts: the sentence start, or the subordinate
    clause the phrase stands in ("Die Ärzte hätten das Kind getötet, obwohl es nach Angaben eines
    Gutachters lebensfähig gewesen sei" -> "es nach Angaben …"; the main clause is not the expert's)."""
    for c in range(k - 1, lo, -1):
        if ctx.texts[c] == "," and ctx.inside[c] < 0 and c + 2 < k and ctx.lower[c + 1] in _CLAUSE_OPENERS:
            return c + 2
    return lo


_CLAUSE_OPENERS = word_set("quotes", "subordinators")


def _pp_object(ctx: _Ctx, k: int, end: int) -> tuple[int, int] | None:
    """The noun phrase a preposition at k governs, read from the parse (UD: the preposition is the
    noun's "case"): "laut diesem Zeugen", "laut einer am Dienstag veröffentlichten Mitteilung des
    Ministeriums", "laut „spiegel.de“". None without a parse or when it runs past the clause."""
    if not ctx.has_dep:
        return None
    tok = ctx.doc[k]
    head = tok.head
    if tok.dep_ != "case" or head.i <= k or head.i >= end or head.pos_ not in ("NOUN", "PROPN"):
        return None
    hi = head.right_edge.i + 1
    hi = next((x for x in range(head.i + 1, hi) if ctx.texts[x] in (",", "(", ":")), hi)
    if hi > end or hi - (k + 1) > 12:
        return None
    return k + 1, hi


def _postp_object(ctx: _Ctx, k: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase right before a postposition at k inside the clause: "Die Impfung senkt neuen
    Studien zufolge das Risiko" -> "neuen Studien" (articles, adjectives and nouns back to the verb;
    parsers hang "zufolge" on the noun after it, so the tags are read, not the tree). None without tags,
    across a comma or quotation mark, or for more than five tokens."""
    if not ctx.has_lemma or k - 1 < lo:
        return None
    doc = ctx.doc
    last = doc[k - 1]
    if last.pos_ not in ("NOUN", "PROPN") or ctx.inside[k - 1] >= 0:
        return None
    start = k - 1
    while (
        start - 1 >= lo
        and k - (start - 1) <= 5
        and doc[start - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN")
        and ctx.inside[start - 1] < 0
    ):
        start -= 1
    if any(ctx.lower[x] in _GENERIC_SOURCES for x in range(start, k)):
        return None  # "dem Stand der bisherigen Ermittlungen zufolge": police narrative, nobody speaks
    return start, k


_GENERIC_SOURCES = word_set("quotes", "generic_speakers")


_SITE = re.compile(r"^(?=.*[a-zäöü])[a-zäöü0-9][\w-]*(?:\.[a-z]{2,4}|\d+)$")


def _site_name(ctx: _Ctx, i: int, end: int) -> tuple[int, int] | None:
    """A source written in lower case: a web site or a channel with a number ("ndr.de", "rbb24", "n24")."""
    if i < end and ctx.inside[i] < 0 and _SITE.match(ctx.texts[i]):
        return i, i + 1
    return None


def _report_verb(ctx: _Ctx, lo: int, end: int) -> QuoteMatch | None:
    """The first speech verb of the sentence with a report after or before it: "Kalayci sagte, …"."""
    doc = ctx.doc
    for v in range(lo, end):
        verb = _verb_at(ctx, doc[v], scopes=_REPORT_SCOPES)
        if verb is None:
            continue
        q = _reported_after(ctx, v, verb, lo, end) or _reported_before(ctx, v, verb, lo, end)
        if q:
            return q
    return None


_POSSESSIVES = word_set("quotes", "possessives")


def _source_noun(ctx: _Ctx, k: int) -> CuePhrase | None:
    """The source cue whose ending the capitalized noun at k has: "Polizeiangaben" -> cue.src.angaben."""
    text = ctx.texts[k]
    # "UNHCR-Angaben", "Polizei-Angaben": a hyphenated compound is one token; its last part is the noun
    if not text[:1].isupper() or not text.replace("-", "").isalpha() or text.endswith("-"):
        return None
    low = ctx.lower[k]
    return next((c for c in ctx.lex.sources if low.endswith(c.tokens[0])), None)


def _source_attribution(ctx: _Ctx, lo: int, end: int) -> QuoteMatch | None:
    """ "Nach ersten Angaben …", "Nach Polizeiangaben …", "Medienberichten zufolge …", "Seiner Meinung nach …".

    A bare "Nach Angaben wurde …" names no source (a modifier, a compound or a genitive must say whose).
    """
    lower, texts = ctx.lower, ctx.texts
    for k in range(lo, end - 2):
        if ctx.inside[k] >= 0 or lower[k] not in ("nach", "laut", "gemäß"):
            continue
        if k > lo and lower[k - 1] in ("erst", "kurz", "bereits", "schon", "noch", "gleich"):
            continue  # "Erst nach umfangreichen Ermittlungen …": a time, not a source
        j = k + 1
        while j < end and j - k <= 4 and _modifier(ctx, j):
            j += 1
        if j >= end or (cue := _source_noun(ctx, j)) is None:
            continue
        np_end = j + 1
        if np_end < end and lower[np_end] in ("der", "des", "von", "vom", "eines", "einer"):
            tail = _np_after(ctx, np_end + (lower[np_end] in ("von", "vom")), end)
            if tail is not None:
                np_end = tail[1]
        if j == k + 1 and np_end == j + 1 and lower[j] == cue.tokens[0]:
            continue  # "Nach Angaben wurde niemand verletzt": nobody named
        if np_end < end and texts[np_end][:1].isdigit():
            continue  # "eine Reichweite von 100, nach anderen Angaben 110 Kilometern": a variant figure
        return _source_match(ctx, k, k + 1, (k + 1, np_end), cue, lo, end, before=False)
    # postposed: "Medienberichten zufolge", "Seiner Meinung nach" (only at the clause start)
    for k in range(lo + 1, end - 1):
        if (
            ctx.inside[k] >= 0
            or lower[k] not in ("zufolge", "nach")
            or (cue := _source_noun(ctx, k - 1)) is None
        ):
            continue
        i = k - 1
        while i - 1 >= lo and k - i <= 4 and _modifier(ctx, i - 1):
            i -= 1
        if lower[k] == "nach" and not (i == lo or texts[i - 1] == ","):
            continue
        if lower[k] == "nach" and i == k - 1:
            continue  # "Angaben nach …" without a possessor is no attribution
        return _source_match(ctx, k, k + 1, (i, k), cue, lo, end, before=True)
    return None


def _modifier(ctx: _Ctx, k: int) -> bool:
    """An article, possessive, adjective or genitive name before a source noun ("ersten", "Grupps")."""
    low, text = ctx.lower[k], ctx.texts[k]
    if ctx.inside[k] >= 0 or not text.isalpha():
        return False
    if low in DETERMINERS or low in _POSSESSIVES:
        return True
    if text.islower():
        return low.endswith(_ADJ_END) and low not in _FUNCTION_WORDS and low not in CONNECTORS
    # a genitive name: "Grupps Meinung", "Obamas Worten"
    return low.endswith("s") and k + 1 < len(ctx.lower) and _source_noun(ctx, k + 1) is not None


def _source_match(
    ctx: _Ctx,
    c0: int,
    c1: int,
    spk: tuple[int, int],
    cue: CuePhrase,
    lo: int,
    end: int,
    *,
    before: bool,
) -> QuoteMatch | None:
    doc = ctx.doc
    first = min(c0, spk[0])
    last = max(c1, spk[1])
    q_lo = last if first == lo else lo
    while q_lo < end and ctx.texts[q_lo] in (",", "(", ")"):
        q_lo += 1
    if end - q_lo < 3 or ctx.inside[q_lo] >= 0:
        return None  # "Seiner Ansicht nach „sind wir …“": a direct quote, attributed there
    s = _span_text(doc, spk)
    return QuoteMatch(
        doc[q_lo].idx,
        doc[end - 1].idx + len(doc[end - 1]),
        "indirect",
        "indirect.source",
        ctx.lower[c0],
        doc[c0].idx,
        doc[c1 - 1].idx + len(doc[c1 - 1]),
        *s,
        cue_id=cue.id,
    )


_SOURCE_PREPS = word_set("quotes", "source_preps")


def _impersonal(ctx: _Ctx, lo: int, end: int) -> QuoteMatch | None:
    """ "In dem Bericht heißt es, …" / "…, hieß es aus dem Senat." / "Es heißt, …": the clause is the
    statement, the speaker the source named with in/aus/von next to the phrase (never "es")."""
    doc, lower, texts = ctx.doc, ctx.lower, ctx.texts
    for k in range(lo, end - 1):
        if ctx.inside[k] >= 0:
            continue
        for ph in ctx.lex.phrases_by_first.get(lower[k], ()):
            if ph.position != "impersonal" or tuple(lower[k : k + 2]) != ph.tokens:
                continue
            after = k + 2
            rng = None
            if after < end and lower[after] in _SOURCE_PREPS:
                rng = _np_after(ctx, after + 1, end)
            elif lower[lo] in _SOURCE_PREPS and k - lo <= 8:
                rng = _np_after(ctx, lo + 1, k)
            tail = rng[1] if rng and rng[0] > k else after
            if k - 1 > lo and texts[k - 1] == "," and tail >= end - 3:
                q_lo, q_hi = lo, _trim_end(doc, lo, k - 1)  # "…, heißt es in dem Bericht."
            elif tail < end and texts[tail] == ",":
                q_lo, q_hi = tail + 1, end  # "In dem Bericht heißt es, …"
            else:
                continue
            if q_hi - q_lo < 3 or ctx.inside[q_lo] >= 0:
                continue
            s = _span_text(doc, rng) if rng else (None, None, None)
            return QuoteMatch(
                doc[q_lo].idx,
                doc[q_hi - 1].idx + len(doc[q_hi - 1]),
                "indirect",
                "indirect.impersonal",
                ph.cue,
                doc[k].idx,
                doc[k + 1].idx + len(doc[k + 1]),
                *s,
                cue_id=ph.id,
            )
    return None


# The attempts for one sentence, in order: the first that finds reported speech wins. Each entry names the
# rule ids it can emit (declared in resources/rules/quotes.tsv).
INDIRECT_ATTEMPTS: tuple[tuple[tuple[str, ...], Callable[[_Ctx, int, int], QuoteMatch | None]], ...] = (
    (("indirect.prep", "indirect.postp"), _cue_phrase),
    (("indirect.source",), _source_attribution),
    (("indirect.impersonal",), _impersonal),
    (
        (
            "indirect.clause",
            "indirect.dass",
            "indirect.konj",
            "indirect.question",
            "indirect.infinitive",
            "indirect.wie",
            "indirect.before",
            "indirect.konj_before",
            "indirect.wie_after",
        ),
        _report_verb,
    ),
    (("indirect.so",), _so_attribution),
)


def _indirect_in_sentence(ctx: _Ctx, lo: int, hi: int) -> list[QuoteMatch]:
    end = _trim_end(ctx.doc, lo, hi)
    if end <= lo:
        return []
    for _rules, attempt in INDIRECT_ATTEMPTS:
        q = attempt(ctx, lo, end)
        if q is not None:
            return [_verb_before_source(ctx, lo, end, q)]
    return []


def _verb_before_source(ctx: _Ctx, lo: int, end: int, q: QuoteMatch) -> QuoteMatch:
    """A source phrase inside a reported clause is part of what the speaker said: "Der Sprecher sagte,
    nach neuen Erkenntnissen habe …" reports the speaker ("nach neuen Erkenntnissen" names nobody),
    "Er erklärte, laut Gutachten sei …" too. The speech verb's report wins when its verb comes before
    the source phrase and its clause holds it."""
    if (
        not q.rule_id.startswith(("indirect.prep", "indirect.source", "indirect.postp"))
        or q.cue_start is None
    ):
        return q
    r = _report_verb(ctx, lo, end)
    if r is None or r.cue_start is None or r.cue_start >= q.cue_start or r.start > q.cue_start:
        return q
    return r


_NOT_SPEAKERS = word_set("quotes", "not_speakers")
_OWN_SOURCES = word_set("quotes", "own_sources")
_POSSESSIVES = word_set("quotes", "possessives")
_SPEAKER_WORDS_SKIP = word_set("quotes", "determiners") | word_set("quotes", "possessives")
_DECISION_CUES = word_set("quotes", "decision_cues")
_TOPIC_CUES = word_set("quotes", "topic_cues")
_QUESTION_TOPIC_CUES = word_set("quotes", "question_topic_cues")
_GENITIVE_ARTICLES = word_set("quotes", "genitive_articles")
_CLAUSE_FORMS = ("indirect.wie", "indirect.question", "indirect.clause", "indirect.dass", "indirect.konj")
_THING_ENDINGS = ("heit", "keit", "struktur")
# rules whose statement stands without a named speaker ("Angaben zufolge", "soll … haben", "es heißt")
_UNATTRIBUTED_OK = (
    "indirect.source",
    "indirect.postp",
    "indirect.prep",
    "indirect.hearsay",
    "indirect.impersonal",
    "indirect.free_konj",
)


def not_a_speaker(doc, q: QuoteMatch) -> bool:
    """A reported statement's speaker that names nobody: "ihren Angaben", "Dies", "es", "Wirksamkeit",
    "Die landseitige Terminalstruktur", "(742)", or a span that holds a verb or runs over a line."""
    speaker = q.speaker
    if not speaker:
        return False
    if "\n" in speaker.strip() or not any(c.isalpha() for c in speaker):
        return True
    raw = [w.strip("().,;:") for w in speaker.casefold().split()]
    if raw and raw[-1] in _OWN_SOURCES and any(w in _POSSESSIVES or w.startswith("eigen") for w in raw[:-1]):
        return True  # "ihren Angaben", "eigenen Angaben": whose, the phrase does not say
    words = [w for w in raw if w and w not in _SPEAKER_WORDS_SKIP]
    if not words:
        return True
    if raw[0] in _GENITIVE_ARTICLES and not q.rule_id.startswith(_UNATTRIBUTED_OK):
        return True  # "des Verfahrens … erklärte": a genitive is nobody's subject
    nouns = [w for w in speaker.split() if w[:1].isupper() and w.casefold() not in _SPEAKER_WORDS_SKIP]
    first = nouns[0].strip("().,;:").casefold() if nouns else ""
    if first in _NOT_SPEAKERS or (len(nouns) > 1 and first.endswith(_THING_ENDINGS)):
        return True  # "Die etwas höhere Strafe für den Chefarzt", "das Heft im A5-Format"
    head = words[-1]
    if (
        head in _NOT_SPEAKERS
        or head.endswith(_THING_ENDINGS)
        or (len(words) > 1 and head.endswith(tuple(w for w in _NOT_SPEAKERS if len(w) > 4)))
    ):
        return True
    if q.speaker_start is not None and q.speaker_end is not None and doc.has_annotation("POS"):
        span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
        if span is not None and any(
            t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"] for t in span
        ):
            return True
    return False


def not_reported(doc, q: QuoteMatch) -> bool:
    """An indirect row that is no reported statement: a decision ("entschied, dass …"), the topic of a
    talk ("erzählen von …", "informieren, wo …"), a purpose clause ("um … zu …"), no verb at all, the
    release's own view ("Nach unserer Einschätzung …"), "drohen" as "be about to" ("Der Baum drohte, auf
    die Straße zu stürzen")."""
    cue = q.cue or ""
    if cue in _DECISION_CUES:
        return True
    form = q.rule_id.split(":", 1)[0]
    if form in _UNATTRIBUTED_OK and _own_view(q):
        return True
    if form == "indirect.infinitive" and cue in _MODAL_CUES and _modal_use(doc, q):
        return True
    if cue in _TOPIC_CUES and form in ("indirect.clause", "indirect.infinitive", "indirect.question"):
        return True
    if cue in _QUESTION_TOPIC_CUES and form == "indirect.question":
        return True  # "berichten, welche Hürden sie überwinden mussten": what the talk is about
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    words = [t for t in span if t.is_alpha]
    if len(words) < (2 if form == "indirect.infinitive" else 3):
        return True  # "erfolgt sei": a fragment, not a statement
    # "erklärte sie … dem Öffentlichen Dienst und landeseigenen Betrieben": no clause
    return (
        form in _CLAUSE_FORMS
        and doc.has_annotation("POS")
        and not any(t.pos_ in ("VERB", "AUX") for t in span)
        and not _verb_last(span, form)
    )


_FIRST_PERSON = word_set("quotes", "first_person_possessives")
_MODAL_CUES = word_set("quotes", "modal_infinitive_cues")
_PERSON_PRONOUNS = word_set("quotes", "person_pronouns")
_THREAT_CORRELATES = word_set("quotes", "threat_correlates")


def _own_view(q: QuoteMatch) -> bool:
    """A source phrase with a first-person possessive ("nach unserer Einschätzung", "meiner Meinung nach",
    "unseren Informationen zufolge") outside quotation marks is the release's own view, nobody's quote."""
    words = [w.strip("().,;:") for w in (q.speaker or "").casefold().split()]
    return bool(words) and words[0] in _FIRST_PERSON


def _modal_use(doc, q: QuoteMatch) -> bool:
    """ "drohen" + zu-infinitive says what is about to happen unless a person threatens: "Die Mauer drohte,
    einzustürzen" (no speech) vs. "Der Mann drohte, die Scheibe einzuschlagen" / "drohte damit, …". A
    speaker that is no person (name, person noun or personal pronoun) and no "damit" make the modal use."""
    from pressextract.rules.quotes.speakers import _person_noun

    if q.cue_end is not None and q.cue_end <= q.start:
        between = {w.strip(",").casefold() for w in doc.text[q.cue_end : q.start].split()}
        if between & _THREAT_CORRELATES:
            return False  # "drohte damit, …"
    if q.speaker_start is None or q.speaker_end is None:
        return True
    span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
    if span is None:
        return False
    return not any(t.ent_type_ == "PER" or t.lower_ in _PERSON_PRONOUNS or _person_noun(t) for t in span)


def _verb_last(span, form: str) -> bool:
    """A subordinate clause ("dass …", "ob …") ends with its finite verb, lowercase, even where the tagger
    reads a rare Konjunktiv as a noun or adjective: "dass die Neuverschuldung geringer ausfalle"."""
    if form not in ("indirect.dass", "indirect.question") or span[0].lower_ not in _VERB_LAST_OPENERS:
        return False
    last = next((t for t in reversed(span) if t.is_alpha), None)
    return last is not None and last.i > span.start + 1 and last.text.islower()


_VERB_LAST_OPENERS = word_set("quotes", "verb_last_openers")


def reported_precision(doc, quotes: list[QuoteMatch]) -> list[QuoteMatch]:
    """The quotes without indirect rows whose speaker names nobody or that report nothing."""
    out = []
    for q in quotes:
        if q.kind == "indirect" and (not_reported(doc, q) or unowned_source(q)):
            continue
        if q.kind == "indirect" and not_a_speaker(doc, q):
            if not q.rule_id.startswith(_UNATTRIBUTED_OK):
                continue  # "Dieser Tag erinnert daran, …", "Wirksamkeit … erklärt": nobody speaks
            # "eigenen Angaben zufolge …", "es heißt, …": a report whose source the rule does not name
            q = replace(q, speaker=None, speaker_start=None, speaker_end=None, person_id=None)
        out.append(q)
    return out
