"""Speaker noun phrases around a cue: after/before the verb, appositions, dependency subjects.

Example: "„…“, sagte Senatorin Kalayci." -> speaker "Senatorin Kalayci".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from pressextract.resources.loader import word_set
from pressextract.rules.people.gender import is_person_noun
from pressextract.rules.quotes.context import _clause_start, _Ctx, _is_boundary, _is_cap, _person_like
from pressextract.rules.quotes.marks import ALL_MARKS
from pressextract.rules.quotes.resolve import _looks_like_office
from pressextract.rules.quotes.words import (
    _ADJ_END,
    _FUNCTION_WORDS,
    _NAME_TOKEN,
    _NOMINAL_POS,
    _PREPOSITIONS,
    CONNECTORS,
    DETERMINERS,
    PRONOUNS,
    _adverb_like,
)


def _np_after(ctx: _Ctx, i: int, limit: int) -> tuple[int, int] | None:
    """Token range of a speaker mention starting at i: pronoun, or [det] [adj]* Cap+ (connector Cap+)*.

    Example: tokens of "der Regierende Bürgermeister Kai Wegner (CDU)" -> "der … Kai Wegner".
    """
    doc = ctx.doc
    if i >= limit:
        return None
    if doc[i].lower_ in PRONOUNS and ctx.inside[i] < 0:
        if doc[i].text == "Sie" and i > 0 and not _is_boundary(doc[i - 1]):
            return None  # "Bitte teilen Sie uns mit, …": polite address, the reader is no speaker
        return i, i + 1
    j = i
    if doc[j].lower_ in DETERMINERS:
        j += 1
    while (
        j < limit
        and doc[j].text.islower()
        and doc[j].lower_.endswith(_ADJ_END)
        and j - i < 3
        and doc[j].lower_ not in CONNECTORS
        and doc[j].is_alpha
    ):
        j += 1
    start_caps = j
    if j < limit and (
        doc[j].lower_ in _FUNCTION_WORDS
        or _adverb_like(doc[j].lower_)
        or (ctx.has_lemma and doc[j].pos_ not in _NOMINAL_POS)
    ):
        return None
    while j < limit and ctx.inside[j] < 0:
        t = doc[j]
        if _is_cap(t) and t.text not in ALL_MARKS:
            j += 1
            continue
        if t.lower_ in CONNECTORS and t.text.islower() and j + 1 < limit and j > start_caps:
            k = j + 1
            while k < limit and doc[k].lower_ in CONNECTORS and doc[k].text.islower():
                k += 1
            # "des baden-württembergischen Ernährungsministeriums": adjectives after the article
            while k < limit and k - j < 4 and doc[k].text.islower() and doc[k].lower_.endswith(_ADJ_END):
                k += 1
            if k < limit and _is_cap(doc[k]) and ctx.inside[k] < 0:
                j = k
                continue
        break
    if j == start_caps or j - i > 12:
        return None
    return i, j


def _np_before(ctx: _Ctx, v: int, lo: int) -> tuple[int, int] | None:
    """The subject mention right before a verb, when the clause start up to the verb is one mention.

    Example: "Die Staatsministerin bilanzierte …" -> "Die Staatsministerin".
    """
    doc = ctx.doc
    # A trailing parenthesis ("Michael Grunst (Die Linke) sagte") or apposition belongs to the name.
    end = v
    if end - 1 >= lo and doc[end - 1].text == ")":
        k = end - 1
        while k > lo and doc[k].text != "(":
            k -= 1
        if doc[k].text == "(":
            end = k
    start = end
    while start > lo:
        t = doc[start - 1]
        if ctx.inside[t.i] >= 0 or _is_boundary(t) or t.text in (",", ":", "(", ")"):
            break
        start -= 1
    if start >= end:
        return _apposition_before(ctx, end, lo)
    rng = _np_after(ctx, start, end)
    if rng and rng[1] == end:
        return rng
    return None


def _apposition_before(ctx: _Ctx, end: int, lo: int) -> tuple[int, int] | None:
    """Subject with an apposition before the verb: "Ein Sprecher der Polizei, Lars Beringer, sagte".

    The mention is "NP1, NP2," from the clause start; the name wins (person span or two capitalized
    words), else the first NP: "Henk Meijer, Laborleiter der Firma X, erklärte" -> "Henk Meijer".
    """
    doc = ctx.doc
    if end - 1 < lo or doc[end - 1].text != ",":
        return None
    first_comma = None
    k = end - 2
    while k >= lo:
        t = doc[k]
        if ctx.inside[k] >= 0 or _is_boundary(t) or t.text in (":", "(", ")"):
            break
        if t.text == ",":
            if first_comma is not None:
                return None  # more than one apposition: an enumeration, not a mention
            first_comma = k
        k -= 1
    start = k + 1
    if first_comma is None or first_comma - start < 1 or end - 1 - first_comma < 2:
        return None
    head = _np_after(ctx, start, first_comma)
    app = _np_after(ctx, first_comma + 1, end - 1)
    if head is None or head[1] != first_comma or app is None or app[1] != end - 1:
        return None
    if _name_shaped(ctx, head):
        return head
    if _name_shaped(ctx, app):
        return app
    if _person_like(ctx, app) and not _person_like(ctx, head):
        return app
    return head


def _name_shaped(ctx: _Ctx, rng: tuple[int, int]) -> bool:
    """Two to four capitalized words, no article and no office: "Lars Beringer", "Anna Bligh"."""
    toks = ctx.doc[rng[0] : rng[1]]
    return (
        2 <= len(toks) <= 4
        and all(_NAME_TOKEN.match(t.text) and not _looks_like_office(t.text) for t in toks)
        and toks[0].lower_ not in DETERMINERS
    )


def _speaker_from_dep(ctx: _Ctx, verb: Token) -> tuple[int, int] | None:
    if not ctx.has_dep or ctx.scheme is None:
        return None
    texts = ctx.texts
    for child in verb.children:
        if ctx.scheme.is_subject(child) and ctx.inside[child.i] < 0:
            lo, hi = child.left_edge.i, child.right_edge.i + 1
            # Keep the mention, not a relative clause or parenthesis hanging on it.
            for k in range(child.i + 1, hi):
                # "die Senatorin für Bildung am Montag im Ausschuss": the time or place of the talk is
                # no part of the mention the parse hung it on
                if doc_text_in(ctx.doc[k], (",", "(")) or ctx.lower[k] in _SPEAKER_CUT_WORDS:
                    hi = k
                    break
            while lo < hi and texts[lo].isspace():
                lo += 1
            # "Justizsenatorin Dr. Lena Kreck:" before a line break: the colon is no part of the name
            while hi > lo and (texts[hi - 1].isspace() or texts[hi - 1] in (":", ";", "–", "-")):
                hi -= 1
            # A parse error: the subject inside a parenthesis ("Michael Grunst (Die Linke) hofft")
            if ")" in texts[lo:hi] and "(" not in texts[lo:hi]:
                continue
            if texts[lo] == "Sie" and lo > 0 and not ctx.boundary[lo - 1]:
                continue  # polite address ("können Sie … melden"): the reader is no speaker
            if lo > 0 and texts[lo - 1] == "Als":
                continue  # "Als Begründung sagte ein Wissenschaftler": a predicate noun, not the subject
            if ctx.has_lemma and (
                ctx.doc[lo].pos_ == "ADP" or any(ctx.doc[k].pos_ in ("VERB", "AUX") for k in range(lo, hi))
            ):
                # "Mittels der „in-Ovo-Selektion“ sortieren …", "OpenStreetMap war den meisten ein
                # Begriff": a parse that spans a preposition or a verb found no mention
                continue
            if hi - lo == 1 and (ctx.lower[lo] in _OBJECT_LIKE_SUBJECTS or _adverb_like(ctx.lower[lo])):
                # "erinnerte sich Alfons Domma", "„…“ Das sagte der Präsident …": the parse took the
                # reflexive or the fronted object for the subject; the name after the verb speaks
                continue
            if hi > lo and hi - lo <= 12 and all(ctx.inside[k] < 0 for k in range(lo, hi)):
                return _named_apposition(ctx, lo, hi, child.right_edge.i + 1) or (lo, hi)
    return None


def _office_then_person(ctx: _Ctx, rng: tuple[int, int], hi: int) -> tuple[int, int] | None:
    """A post-posed office subject whose holder is named further on in the same noun group: "sagte der
    Präsident der 27. UN-Klimakonferenz (COP27) und ägyptische Außenminister Sameh Shoukry" -> the name;
    "sagt Bezirksstadtrat für Ordnung, Umwelt und Grünflächen, Malte Musterhaus" -> "Malte Musterhaus"."""
    if _person_in(ctx, rng[0], rng[1]) is not None or not any(
        _looks_like_office(ctx.texts[k]) for k in range(rng[0], rng[1])
    ):
        return None
    end = rng[1]
    while end < min(hi, rng[1] + 15):
        t = ctx.texts[end]
        if ctx.inside[end] >= 0 or t in (":", ";") or ctx.boundary[end] or ctx.verb_like[end]:
            break
        if ctx.has_lemma and ctx.doc[end].pos_ in ("VERB", "AUX"):
            break
        # "sagt Bezirksstadtrat für Ordnung, Umwelt- und Naturschutz, Straßen und Grünflächen, Malte Musterhaus":
        # the portfolio list goes on over commas; other lowercase words end the noun group
        if (
            t != ","
            and t[:1].islower()
            and ctx.lower[end] not in CONNECTORS
            and not t.endswith("-")
            and not (t.isalpha() and ctx.lower[end].endswith(_ADJ_END))  # "und ägyptische Außenminister"
        ):
            break
        end += 1
    return _person_in(ctx, rng[1], end)


def _named_apposition(ctx: _Ctx, lo: int, hi: int, edge: int) -> tuple[int, int] | None:
    """The person named in the apposition of an office subject: "Der Senator für Kultur, Dr. Klaus
    Lederer, erklärt" -> "Dr. Klaus Lederer" (when the office mention itself names nobody)."""
    if hi >= edge or ctx.texts[hi] != "," or _person_in(ctx, lo, hi) is not None:
        return None
    if not any(_looks_like_office(ctx.texts[k]) for k in range(lo, hi)):
        return None
    end = next((k for k in range(hi + 1, edge) if ctx.texts[k] in (",", "(")), edge)
    rng = _person_in(ctx, hi + 1, end)
    if rng is None:
        return None
    # the honorific before the name belongs to it: "Dr. Klaus Lederer"
    a = rng[0]
    while a > hi + 1 and ctx.texts[a - 1].rstrip(".") in _HONORIFIC_WORDS:
        a -= 1
    return a, rng[1]


def doc_text_in(tok: Token, texts: tuple[str, ...]) -> bool:
    return tok.text in texts


def _person_in(ctx: _Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    """The first person mention (people-stage span or PER entity) in tokens lo..hi outside quotation marks.

    Example: "Die praktische Anwendung … stellte der SPD-Vorsitzende Franz Müntefering in Frage:" ->
    "Franz Müntefering" (the fronted object is no speaker).
    """
    doc = ctx.doc
    if hi <= lo:
        return None
    a, b = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    spans = [(s, e) for s, e in ctx.people if a <= s and e <= b]
    spans += [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ == "PER" and a <= e.start_char and e.end_char <= b
    ]
    for s, e in sorted(spans):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and all(ctx.inside[k] < 0 for k in range(span.start, span.end)):
            return span.start, span.end
    return None


def _prefer_person(ctx: _Ctx, rng: tuple[int, int] | None, lo: int, hi: int) -> tuple[int, int] | None:
    """`rng` when it names a person, pronoun or office; else the clause's person mention, else `rng`."""
    if rng is not None and _person_like(ctx, rng):
        return rng
    return _person_in(ctx, lo, hi) or rng


def _speaker_around_verb(ctx: _Ctx, v: int, lo: int, hi: int) -> tuple[int, int] | None:
    """Speaker of a speech verb: the subject dependency, else V2 word order on token shapes.

    "Die Staatsministerin bilanzierte:" (subject first) / "Dazu sagte Senatorin Kalayci:" (inverted).
    """
    dep = _speaker_from_dep(ctx, ctx.doc[v])
    if dep:
        return (_office_then_person(ctx, dep, hi) if dep[0] > v else None) or dep
    before = _np_before(ctx, v, lo)
    if before and not _time_mention(ctx, before):
        return before
    j = v + 1
    while j < min(hi, v + 7):
        t = ctx.doc[j]
        if ctx.inside[j] >= 0 or t.text in (",", ":", ".", ";") or _is_boundary(t):
            break
        if t.lower_ in PRONOUNS or t.lower_ in DETERMINERS or _is_cap(t):
            rng = _np_after(ctx, j, hi)
            # "sagte am Montag Wegner", "sagte bei der Gelegenheit": the noun after a preposition is not
            # the speaker; "teilte dem Sender mit": a dative or accusative article never starts the subject.
            # "teilte diese Ende Februar mit": a time is no speaker either
            if rng and (
                _after_preposition(ctx, j) or ctx.lower[j] in _OBJECT_ARTICLES or _time_mention(ctx, rng)
            ):
                j = rng[1]
                continue
            if rng:
                return _office_then_person(ctx, rng, hi) or rng
        j += 1
    # Subject first, but more than a mention before the verb ("Der Sender hatte im Juli berichtet").
    start = _clause_start(ctx, v, stop_at_comma=True)
    if start >= lo and start < v:
        rng = _np_after(ctx, start, v)
        if rng:
            return rng
        # "Zuvor hatte die Polizistin festgestellt": the subject after the finite verb, in the middle field
        for j in range(start + 1, v):
            if ctx.inside[j] >= 0:
                break
            t = ctx.doc[j]
            if _after_preposition(ctx, j) or ctx.lower[j] in _OBJECT_ARTICLES:
                continue
            if ctx.lower[j] in DETERMINERS or _is_cap(t):
                rng = _np_after(ctx, j, v)
                if rng:
                    return rng
    if v - 1 >= 0 and ctx.texts[v - 1] == ",":
        # "Tegaye Mununhe, der Polizeichef der Region, sagte": the subject and its apposition
        return _apposition_before(ctx, v, _clause_start(ctx, v))
    return None


_OBJECT_ARTICLES = word_set("quotes", "object_articles")
_TIME_NOUNS = word_set("quotes", "time_nouns")
_PP_DETERMINERS = word_set("quotes", "possessives") | word_set("quotes", "pp_determiners")


def _after_preposition(ctx: _Ctx, j: int) -> bool:
    """Token j is the noun of a prepositional phrase: "am Montag", "nach unserem Schreiben"."""
    if j > 0 and ctx.lower[j - 1] in _PREPOSITIONS:
        return True
    return j > 1 and ctx.lower[j - 2] in _PREPOSITIONS and ctx.lower[j - 1] in _PP_DETERMINERS


def _time_mention(ctx: _Ctx, rng: tuple[int, int]) -> bool:
    """ "Ende Februar", "Dieser Tage", "die Mittagszeit": a time noun in the mention names nobody."""
    return any(ctx.lower[k] in _TIME_NOUNS for k in range(rng[0], rng[1]))


_OBJECT_LIKE_SUBJECTS = word_set("quotes", "object_like_subjects")
_HONORIFIC_WORDS = word_set("quotes", "honorifics")
_SPEAKER_CUT_WORDS = word_set("quotes", "speaker_cut_words")


_ORG_HEADS = word_set("quotes", "org_heads")
_SPEAKER_DETS = word_set("quotes", "determiners") | word_set("quotes", "possessives")


def _org_word(word: str) -> bool:
    """An organization noun: "Polizei", "Senatsverwaltung", "Bezirksamt" (compounds by their last part)."""
    w = word.casefold().strip(".,:;()")
    if w in _ORG_HEADS:
        return True
    return any(len(h) >= 5 and w.endswith(h) and len(w) > len(h) for h in _ORG_HEADS)


def speaker_organization(doc, start: int | None, end: int | None, *, text: str | None = None) -> str | None:
    """The speaker mention when it names an organization, not a person: its head noun is an organization
    word or an ORG entity covers it; None for people, offices and unnamed spokespeople.

    Example: "Die Polizei Berlin" -> "Die Polizei Berlin"; "Ein Sprecher der Polizei" -> None;
    "Senatorin Kalayci" -> None.
    """
    if start is None or end is None or end <= start:
        return None
    text = doc.text if text is None else text  # Doc.text is rebuilt at each access: pass it in loops
    mention = text[start:end]
    words = [w for w in mention.split() if w.casefold() not in _SPEAKER_DETS]
    if not words:
        return None
    # the head: the first capitalized word after articles and adjectives ("die zuständige Senatsverwaltung")
    head = next((w for w in words if w[:1].isupper()), None)
    if head is None or head.casefold() in PRONOUNS:
        return None
    if _org_before(text, start):
        return mention  # "der Umweltorganisation Power Shift Africa", even where NER says PER
    if any(e.label_ == "PER" and e.start_char < end and start < e.end_char for e in doc.ents):
        return None
    if _org_word(head):
        return mention
    for e in doc.ents:
        if e.label_ == "ORG" and e.start_char <= start + mention.find(head) and end <= e.end_char + 1:
            return mention
    return None


def _org_before(text: str, start: int) -> bool:
    """An organization noun right before the mention names what it is: "der Umweltorganisation Power
    Shift Africa", "des Vereins Kiezküche"."""
    before = text[max(0, start - 40) : start]
    words = before.split()
    if not words or "\n" in before[before.rfind(words[-1]) :] or words[-1][-1] in '.:;!?“"':
        return False  # "… Stadtgesellschaft.\n\nKlaus Lederer": the noun ends the sentence before
    return words[-1][:1].isupper() and _org_word(words[-1])


def plural_pronoun(doc, q) -> bool:
    """Whether the speaker is "sie" of a plural verb ("sagen sie nur: „…“"): several people, no one person.

    Reads a plural ending of the cue verb right next to "sie", else the parse's number of the verb or the
    pronoun.
    """
    if not q.speaker or q.speaker.casefold() != "sie" or q.speaker_start is None:
        return False
    cue = doc.text[q.cue_start : q.cue_end] if q.cue_start is not None and q.cue_end is not None else ""
    adjacent = q.cue_end is not None and (
        q.cue_end + 1 == q.speaker_start or q.speaker_end + 1 == q.cue_start
    )
    if adjacent and cue.islower() and cue.endswith("en"):
        return True  # "sagen sie", "sagten sie": the verb right next to "sie" has a plural ending
    if not doc.has_annotation("MORPH"):
        return False
    for start, end in ((q.cue_start, q.cue_end), (q.speaker_start, q.speaker_end)):
        if start is None or end is None:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span[0].morph.get("Number") == ["Plur"]:
            return True
    return False


_COURT_BODIES = word_set("quotes", "court_bodies")


def _court_body(word: str) -> bool:
    """A court or its panel: "Kammer", "Senat", "Landgericht", "Bundesgerichtshof", "Richter"."""
    w = word.casefold()
    return w in _COURT_BODIES or any(w.endswith(h) and len(h) >= 6 for h in _COURT_BODIES)


def court_body_subject(doc, start: int, stop: int, *, text: str, inside=None) -> tuple[int, int, str] | None:
    """The last court body between chars start and stop that stands as a subject: the sentence opens with
    it ("Die Kammer folgte …") or a verb stands right before it ("… hielt die Kammer für …"); not after a
    preposition or a noun ("vor der Kammer", "Auffassung der Kammer"), not inside quotation marks.

    Example: "Diese Angaben hielt die Kammer für nicht glaubhaft." -> (chars of "die Kammer", "die Kammer").
    """
    if "gericht" not in text.casefold():
        return (
            None  # no court matter: in Berlin "der Senat" is the government, whose sentences are no reasoning
        )
    found = None
    for t in doc:
        if t.idx < start or t.idx >= stop or t.i < 1 or not _court_body(t.text):
            continue
        if inside is not None and inside[t.i] >= 0:
            continue
        det = doc[t.i - 1]
        if det.lower_ not in ("die", "der", "das"):
            continue  # "des Senats", "dem Gericht": not the subject
        before = doc[det.i - 1] if det.i > 0 else None
        opens = before is None or before.text in (".", "!", "?", ":") or "\n" in before.text
        after_verb = (
            before is not None
            and before.text.isalpha()
            and before.text.islower()
            and before.lower_ not in _PREPOSITIONS
            and before.lower_ not in CONNECTORS
        )
        if opens or after_verb:
            found = (det.idx, t.idx + len(t), text[det.idx : t.idx + len(t)])
    return found


_SUBJECT_DEPS = frozenset({"sb", "nsubj", "nsubj:pass"})
_PRONOUN_FORMS = {"er": ("Masc", "Sing"), "sie": ("Fem", "Sing")}
_ANTECEDENT_WINDOW = 400  # characters before the pronoun where its antecedent may stand


def _gender_number(tok) -> tuple[str | None, str | None]:
    """Gender and number of a noun: its own morphology, else its article's ("Die EKD", "der BUND")."""
    gender = next(iter(tok.morph.get("Gender")), None)
    number = next(iter(tok.morph.get("Number")), None)
    for child in tok.children:
        if child.dep_ in ("det", "nk") and child.i < tok.i and child.pos_ == "DET":
            gender = gender or next(iter(child.morph.get("Gender")), None)
            number = number or next(iter(child.morph.get("Number")), None)
    return gender, number


def pronoun_organization(
    doc, start: int, end: int, *, plural: bool = False, people: Iterable[tuple[int, int]] = ()
) -> tuple[int, int, str] | None:
    """The organization a speaker pronoun "er"/"sie" stands for: the last subject before it (at most 400
    characters back, over at most one paragraph break) that agrees with it in gender and number is an
    organization ("Die EKD hat eine Schrift veröffentlicht. Darin fordert sie, …" -> "Die EKD"; "Der
    Sicherheitsrat verurteilte die Anschläge. Er forderte …" -> "Der Sicherheitsrat"). None when that
    subject is a person or a thing, or nothing agrees: the person resolution decides then. `plural`: the
    pronoun is "sie" of a plural verb ("Die Stadtwerke … Sie teilten mit").

    Example: "Die Polizei sperrte die Straße. Sie bittet um Hinweise." -> (0, 11, "Die Polizei").
    """
    if not doc.has_annotation("DEP") or not doc.has_annotation("MORPH"):
        return None
    text = doc.text
    pron = text[start:end].casefold()
    if pron not in _PRONOUN_FORMS:
        return None
    want_gender, want_number = (None, "Plur") if plural else _PRONOUN_FORMS[pron]
    lo = max(0, start - _ANTECEDENT_WINDOW)
    breaks = text.rfind("\n\n", lo, start)
    if breaks >= 0:
        earlier = text.rfind("\n\n", lo, breaks)
        lo = earlier + 2 if earlier >= 0 else lo  # the pronoun's paragraph and the one before it
    span = doc.char_span(lo, start, alignment_mode="contract")
    if span is None:
        return None
    for tok in reversed(span):
        if tok.dep_ not in _SUBJECT_DEPS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        gender, number = _gender_number(tok)
        if number is not None and number != want_number:
            continue
        if want_gender is not None and gender is not None and gender != want_gender:
            continue
        if (
            tok.ent_type_ == "PER"
            or (gender is None and number is None)
            or any(a <= tok.idx < b for a, b in people)
        ):
            return None  # a person (or an unknown) is the nearer antecedent
        if not _org_word(tok.text) and not any(
            ch.dep_ in ("det", "nk") and ch.pos_ == "DET" and ch.i < tok.i for ch in tok.children
        ):
            return None  # "Thorwirth hakte …": a bare name shows no gender; an organization needs its article
        left = tok.left_edge.i
        right = next((k for k in range(tok.i + 1, tok.right_edge.i + 1) if doc[k].text in (",", "(")), None)
        right = right if right is not None else tok.right_edge.i + 1
        a, b = doc[left].idx, doc[right - 1].idx + len(doc[right - 1])
        if any(ch in text[a:b] for ch in '„“"»«'):
            return None
        org = speaker_organization(doc, a, b, text=text)
        if not org:
            return None
        # "Senatorin Anna Berger besuchte die Polizei. Sie sagte …": a person named in that sentence or
        # since is the likelier antecedent (the parse may take an object for the subject)
        since = tok.sent.start_char
        if any(e.label_ == "PER" and since <= e.start_char < start for e in doc.ents) or any(
            _person_noun(t) for t in doc[tok.sent.start : span.end]
        ):
            return None
        return a, b, org
    return None


_AGE = re.compile(r"^\d{1,3}-[Jj]ährige[rn]?$")


def _person_noun(tok) -> bool:
    """A noun that names a person: an office ("Senatorin"), a person noun of the people lexicon ("Frau",
    "Fahrerin", compounds ending in one: "Busfahrerin"), "die 45-Jährige"."""
    word = tok.text
    if _AGE.match(word) or word in ("Jährige", "Jähriger", "Jährigen"):
        return True
    if not word[:1].isupper() or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if _looks_like_office(word) and not _org_word(word):
        return True
    return is_person_noun(word)


_APPOSITION_TO_ORG = re.compile(
    r"^(?:\s*\([^()]{1,40}\))?,\s*(?:[^,.;:!?„“\"»«\n]{1,80}?\s)?(?:der|des|dem|beim|bei\s+der|bei\s+dem|vom|von|im)\s+$"
)


def spokesperson(
    doc, start: int, end: int, *, people: Iterable[tuple[int, int]], text: str | None = None
) -> tuple[int, int] | None:
    """The person whose apposition names the organization mention start..end: "sagt Dr. Sven Baszio,
    Geschäftsführender Vorstand der Stiftung Jugend forscht e. V." -> the span of "Dr. Sven Baszio"; the
    organization is whom the person speaks for, the person is who speaks. None when no person mention
    ends right before the apposition.

    Example: "…, sagte Anna Muster, Sprecherin der Polizei Berlin. „…“" with the person "Anna Muster" and
    the speaker "der Polizei Berlin" -> the chars of "Anna Muster".
    """
    text = doc.text if text is None else text
    best = None
    for a, b in people:
        near = b <= start and start - b <= 120 and _APPOSITION_TO_ORG.match(text[b:start])
        if near and (best is None or a > best[0]):
            best = (a, b)
    return best
