"""The per-document context of the quote rules and the typed results (QuoteMatch, QuoteOptions).

Example: _Ctx(doc, lexicon, options) holds token tables built once: lowercase forms, lemmas, sentence ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from pressextract.rules.quotes.marks import _CLAUSE_END
from pressextract.rules.quotes.resolve import _looks_like_office
from pressextract.rules.quotes.rules import QuoteLexicon
from pressextract.rules.quotes.words import PRONOUNS


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """One attributed statement: char offsets of the text and of speaker and cue."""

    start: int
    end: int
    kind: str  # direct | indirect
    rule_id: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_id: str | None = None
    person_id: str | None = None  # the speaker resolved to a person of the release (find_quotes)
    # the organization a pronoun speaker stands for ("Die EKD … Darin fordert sie"), set by find_quotes
    speaker_org: str | None = None

    @property
    def full_rule_id(self) -> str:
        """The rule and the cue that took part: "direct.after.verb:sv.sagen"."""
        return self.rule_id if not self.cue_id else f"{self.rule_id}:{self.cue_id}"


def _cued(
    start: int,
    end: int,
    kind: str,
    rule: str,
    cue: str | None,
    tok: Token,
    speaker: tuple[str | None, int | None, int | None],
    cue_id: str | None,
) -> QuoteMatch:
    """A quote whose cue is the token `tok`; `speaker` is (text, start, end) or three Nones."""
    return QuoteMatch(start, end, kind, rule, cue, tok.idx, tok.idx + len(tok), *speaker, cue_id=cue_id)


@dataclass(frozen=True, slots=True)
class QuoteOptions:
    """Settings of the quote rules (the component passes its factory arguments here)."""

    max_quote_paragraphs: int = 6
    min_sentence_words: int = 4
    indirect: bool = True
    free_indirect: bool = True
    # Konjunktiv-I main clauses with no speaker named before them (indirect.free_konj): WIKINEWS dev indirect F
    # 0.685 -> 0.700 but speaker accuracy 0.882 -> 0.869 (the speaker is mostly sentences away), so off by default.
    free_konjunktiv: bool = False
    max_embedded_words: int = 25
    indicative_clauses: bool = True
    # Quoted phrases in running text with no speech cue: WIKINEWS annotates them as quotes, but in press
    # releases they are mostly event titles and mottos, so 0 (off) by default; 3 = phrases of 3+ words.
    min_fragment_words: int = 0
    # Quoted phrases without a cue, decided per phrase from the context: not a name or title shape, not
    # in a title/heading/line block, and a speaker in reach (sentence subject, reported speech, last quote).
    context_fragments: bool = True
    # Blocks where a quoted phrase without a cue is a name, never a quote.
    fragment_free_blocks: tuple[str, ...] = ("kicker", "title", "heading", "line", "list_item")
    # Direct quotes' speakers chosen by the learned ranking (rules.quotes.learned; weights trained on
    # WIKINEWS, CC BY-NC-SA 4.0); False runs the rules alone.
    learned_speakers: bool = True
    # The model's label scheme (pressextract.backbone.LabelScheme), set by the component from its pipeline.
    scheme: object | None = None


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _is_boundary(tok: Token) -> bool:
    return tok.text in _CLAUSE_END or (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_


@dataclass(slots=True)
class _Ctx:
    doc: Doc
    lex: QuoteLexicon
    opts: QuoteOptions
    has_lemma: bool
    has_dep: bool
    has_morph: bool
    scheme: object | None
    inside: list[int] = field(default_factory=list)  # token -> index of marked span or -1
    people: list[tuple[int, int]] = field(default_factory=list)  # person-name char ranges
    no_fragments: list[tuple[int, int]] = field(default_factory=list)  # title/heading/line blocks
    # Read once per Doc: spaCy rebuilds doc.text from the tokens on every access, and doc[i] makes a
    # new Token object each time; the rules look at both thousands of times per release.
    text: str = ""
    name_marks: frozenset[int] = frozenset()  # marked spans that read as names ("der „Berliner Zeitung“")
    texts: list[str] = field(default_factory=list)  # token -> text
    lower: list[str] = field(default_factory=list)  # token -> lowercased text
    boundary: list[bool] = field(default_factory=list)  # token -> _is_boundary
    verb_like: list[bool] = field(default_factory=list)  # token form or lemma is in the verb lexicon
    asked: list[tuple[int, int]] = field(default_factory=list)  # an interviewer's turns: nobody's statements


# Speech verbs that may introduce a direct quote, and those that may introduce reported speech (embedded
# and report verbs only with a dass/ob or Konjunktiv clause: "kritisierte, dass …", not "beschloss, … zu …").
_DIRECT_SCOPES = ("any", "after", "embedded", "report", "directive")


_REPORT_SCOPES = ("any", "embedded", "report", "directive")


def _span_text(doc: Doc, rng: tuple[int, int]) -> tuple[str, int, int]:
    span = doc[rng[0] : rng[1]]
    return span.text, span.start_char, span.end_char


def _clause_start(ctx: _Ctx, i: int, *, stop_at_comma: bool = False) -> int:
    doc = ctx.doc
    k = i
    while k > 0:
        t = doc[k - 1]
        if _is_boundary(t) or (stop_at_comma and t.text == ","):
            break
        k -= 1
    return k


def _sentence_end(ctx: _Ctx, i: int) -> int:
    doc = ctx.doc
    k = i
    while k < len(doc):
        t = doc[k]
        if ctx.inside[k] < 0 and (_is_boundary(t)):
            break
        k += 1
    return k


def _sentence_like(text: str, *, min_words: int) -> bool:
    words = re.findall(r"\w+", text)
    return len(words) >= min_words and (text.rstrip()[-1:] in ".!?…:" or len(words) >= 2 * min_words)


def _person_like(ctx: _Ctx, rng: tuple[int, int]) -> bool:
    """A person, pronoun or office holder ("Er", "Senatorin Kalayci", "Der Sprecher der Polizei")."""
    doc = ctx.doc
    span = doc[rng[0] : rng[1]]
    if span[0].lower_ in PRONOUNS and len(span) == 1:
        return True
    a, b = span.start_char, span.end_char
    if any(s < b and a < e for s, e in ctx.people):
        return True
    if any(e.label_ == "PER" and e.start_char < b and a < e.end_char for e in doc.ents):
        return True
    return any(_looks_like_office(t.text) for t in span)


def _paragraph_start(text: str, i: int) -> int:
    k = text.rfind("\n", 0, i)
    return 0 if k < 0 else k + 1


def _paragraph_end(text: str, i: int) -> int:
    k = text.find("\n", i)
    return len(text) if k < 0 else k


def _with_speaker(match: QuoteMatch, prev: QuoteMatch) -> QuoteMatch:
    return QuoteMatch(
        match.start,
        match.end,
        match.kind,
        match.rule_id,
        match.cue or prev.cue,
        match.cue_start,
        match.cue_end,
        prev.speaker,
        prev.speaker_start,
        prev.speaker_end,
        match.cue_id or prev.cue_id,
    )


def new_context(doc: Doc, lex: QuoteLexicon, opts, *, scheme, text: str, marked) -> _Ctx:
    """The token tables the quote rules read, and for each token the index of the quotation-mark span of
    `marked` it stands in (-1 outside); one builder for find_quotes and the learned clause candidates.

    Example: new_context(doc, lex, opts, scheme=None, text=doc.text, marked=find_marked(doc.text)).inside
    """
    ctx = _Ctx(
        doc,
        lex,
        opts,
        has_lemma=doc.has_annotation("LEMMA") and doc.has_annotation("POS"),
        has_dep=doc.has_annotation("DEP"),
        has_morph=doc.has_annotation("MORPH"),
        scheme=scheme,
    )
    ctx.text = text
    _token_tables(ctx)
    ctx.inside = [-1] * len(doc)
    for n, m in enumerate(marked):
        span = doc.char_span(m.open_start, m.close_end, alignment_mode="expand")
        if span is not None:
            for k in range(span.start, span.end):
                ctx.inside[k] = n
    return ctx


def _token_tables(ctx: _Ctx) -> None:
    """Token texts, boundaries and speech-verb candidates of the Doc, read in one pass over its arrays."""
    doc, lex = ctx.doc, ctx.lex
    strings = doc.vocab.strings
    if not len(doc):
        return
    cols = [ORTH, LOWER, POS, LEMMA] if ctx.has_lemma else [ORTH, LOWER]
    rows = doc.to_array(cols).reshape(len(doc), len(cols)).tolist()
    ctx.texts = [strings[r[0]] for r in rows]
    ctx.lower = [strings[r[1]] for r in rows]
    # spaCy keeps at most one trailing space per token, so a line break is always a whitespace token.
    ctx.boundary = [t in _CLAUSE_END or ("\n" in t and t.isspace()) for t in ctx.texts]
    forms = lex.verbs_by_form
    if ctx.has_lemma:
        lemmas = lex.verbs_by_lemma
        verb_pos = (VERB, AUX)
        ctx.verb_like = [
            low in forms or (r[2] in verb_pos and strings[r[3]].lower() in lemmas)
            for low, r in zip(ctx.lower, rows)
        ]
    else:
        ctx.verb_like = [low in forms for low in ctx.lower]
