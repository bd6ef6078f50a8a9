"""Quotations in German press text: direct quotes in quotation marks and reported (indirect) speech,
with their cue (lemma of the speech verb or phrase) and speaker mention. Pure functions on a Doc.

Example: "„Wir handeln“, sagte Senatorin Kalayci." -> direct quote "Wir handeln", cue "sagen",
speaker "Senatorin Kalayci".

Works on spacy.blank("de") (token shapes + lexicons); with a statistical model the cue can come from
the lemma, the speaker from the subject dependency and Konjunktiv from the morphology.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

LEXICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "lexicons"

# Opening mark -> the marks that may close it. „…“ is German; “…” English (common on berlin.de);
# „…” and „…" are frequent typos of the German pair; »…« German book style, «…» Swiss style.
PAIRS: dict[str, tuple[str, ...]] = {
    "„": ("“", "”", '"'),
    "“": ("”", "“"),
    "»": ("«",),
    "«": ("»",),
    "‚": ("‘",),
    '"': ('"',),
}
OPENERS = frozenset(PAIRS)
ALL_MARKS = frozenset('„“”»«‚‘"')
_PARA_BREAK = re.compile(r"\n[ \t]*\n")
_SENT_FINAL = frozenset(".!?")
_CLAUSE_END = _SENT_FINAL | {";"}

DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "unser",
        "unsere",
        "seine",
        "ihre",
    ]
)
PRONOUNS = {"er": "m", "sie": "f"}
# Words that join parts of a speaker mention ("Senatorin für Bildung", "Ursula von der Leyen").
CONNECTORS = frozenset(["von", "van", "de", "der", "des", "für", "im", "vom", "zu", "zur", "und"])
# Words that may sit between a speech verb and its post-posed subject ("sagte am Montag Wegner").
_SKIPPABLE = frozenset(
    [
        "am",
        "im",
        "in",
        "bei",
        "beim",
        "auf",
        "an",
        "nach",
        "vor",
        "zum",
        "zur",
        "mit",
        "gegenüber",
        "während",
        "anlässlich",
        "vom",
        "dazu",
        "dabei",
        "heute",
        "gestern",
        "außerdem",
        "zudem",
        "auch",
        "weiter",
        "ebenfalls",
        "jetzt",
        "nun",
        "abschließend",
        "bereits",
        "dann",
        "damals",
        "einst",
        "erneut",
        "nochmals",
        "zuletzt",
        "deshalb",
        "daher",
        "darüber",
        "hierzu",
        "dort",
        "hier",
        "stolz",
        "sichtlich",
        "vorab",
    ]
)
_ADJ_END = ("e", "en", "er", "es", "em")
# Capitalized at a sentence start, but never the start of a speaker mention ("Dazu sagt …").
_FUNCTION_WORDS = _SKIPPABLE | frozenset(
    [
        "so",
        "doch",
        "aber",
        "und",
        "oder",
        "damit",
        "denn",
        "wir",
        "ich",
        "es",
        "man",
        "dies",
        "diese",
        "dieser",
        "dieses",
        "was",
        "wer",
        "wie",
        "als",
        "wenn",
        "weil",
        "da",
        "dass",
        "mit",
        "ohne",
        "für",
        "gegen",
        "über",
        "unter",
        "durch",
        "um",
        "seit",
        "bis",
        "alle",
        "viele",
        "einige",
        "insgesamt",
        "gemeinsam",
        "besonders",
        "ganz",
        "sehr",
        "gerade",
        "deutlich",
        "klar",
        "letztlich",
        "schließlich",
        "insbesondere",
        "erst",
        "noch",
        "immer",
        "wieder",
        "darauf",
        "davon",
        "damit",
        "hierbei",
        "hiermit",
        "zugleich",
        "gleichzeitig",
        "vielmehr",
        "trotzdem",
        "dennoch",
        "allerdings",
    ]
)
# Adverbs that open a German sentence before the verb and never start a speaker mention ("Zuvor sagte …").
_ADVERBS = frozenset(
    [
        "dagegen",
        "zuvor",
        "weiterhin",
        "anschließend",
        "danach",
        "daraufhin",
        "zunächst",
        "ebenso",
        "bisher",
        "bislang",
        "inzwischen",
        "mittlerweile",
        "später",
        "vorher",
        "ferner",
        "hingegen",
        "jedoch",
        "demnach",
        "folglich",
        "offenbar",
        "offensichtlich",
        "angeblich",
        "vermutlich",
        "wahrscheinlich",
        "derzeit",
        "aktuell",
        "zurzeit",
        "künftig",
        "ursprünglich",
        "eigentlich",
        "tatsächlich",
        "andererseits",
        "einerseits",
        "zusätzlich",
        "übrigens",
        "unterdessen",
        "indes",
        "seinerseits",
        "ihrerseits",
        "kürzlich",
        "gleichwohl",
        "nämlich",
        "sogar",
        "lediglich",
        "morgen",
        "vorgestern",
        "übermorgen",
        "zugleich",
        "ebenfalls",
        "selbst",
        "gegenüber",
        "bereits",
        "zuerst",
        "zumindest",
        "wiederum",
        "nunmehr",
        "jetzt",
    ]
)


def _adverb_like(low: str) -> bool:
    """ "zuvor", "glücklicherweise", "abschließend", "relativierend", "zweitens": no speaker starts so."""
    return (
        low in _ADVERBS
        or low.endswith("weise")
        or (low.endswith("end") and len(low) > 7)
        or low in ("erstens", "zweitens", "drittens", "letztens")
    )


_PREPOSITIONS = frozenset(
    [
        "am",
        "im",
        "in",
        "bei",
        "beim",
        "vom",
        "zum",
        "zur",
        "auf",
        "an",
        "nach",
        "vor",
        "mit",
        "gegenüber",
        "aus",
        "über",
        "unter",
        "für",
        "durch",
        "seit",
    ]
)
_NOMINAL_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM"})


# --- lexicons ---------------------------------------------------------------------------------


class LexiconError(ValueError):
    """A data file in resources/lexicons is malformed; the message names file and line."""


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    id: str
    lemma: str
    particle: str  # separable particle the clause must contain, "" if none
    scope: str  # any | embedded | after | report | directive | label


@dataclass(frozen=True, slots=True)
class CuePhrase:
    id: str
    tokens: tuple[str, ...]
    position: str  # after_quote | prep | postp | source | impersonal
    cue: str


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """The German data the quote rules read: speech verbs, cue phrases, title words, Konjunktiv forms."""

    verbs_by_form: dict[str, tuple[SpeechVerb, ...]]
    verbs_by_lemma: dict[str, SpeechVerb]
    phrases: tuple[CuePhrase, ...]
    phrases_by_first: dict[str, tuple[CuePhrase, ...]]  # first token -> phrases, in file order
    sources: tuple[CuePhrase, ...]  # noun endings of information sources, longest first
    context_words: dict[str, str]  # word -> id
    title_suffixes: tuple[str, ...]
    subjunctive_i: frozenset[str]
    subjunctive_ii: frozenset[str]
    utterances: dict[str, str] = field(default_factory=dict)  # "parolen" -> noun, "riefen" -> verb
    foreign: frozenset[str] = frozenset()  # "the", "of", "da": function words of titles in other languages


def _data_lines(path: Path) -> Iterator[tuple[int, str]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, line


def _tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    rows = _data_lines(path)
    try:
        n, header = next(rows)
    except StopIteration:
        raise LexiconError(f"{path}: empty file") from None
    if tuple(header.split("\t")) != columns:
        want = "<TAB>".join(columns)
        raise LexiconError(f"{path}:{n}: header must be {want!r}, got {header!r}")
    for n, line in rows:
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise LexiconError(f"{path}:{n}: expected {len(columns)} tab-separated columns, got {len(cells)}")
        yield n, dict(zip(columns, cells))


_SCOPES = ("any", "embedded", "after", "report", "directive", "label")
_POSITIONS = ("after_quote", "prep", "postp", "source", "impersonal")


@lru_cache(maxsize=4)
def load_lexicon(directory: Path = LEXICON_DIR) -> QuoteLexicon:
    """Read and validate speech_verbs.tsv, quote_cues.tsv, quote_context.tsv, quote_subjunctive.txt."""
    by_form: dict[str, list[SpeechVerb]] = {}
    by_lemma: dict[str, SpeechVerb] = {}
    path = directory / "speech_verbs.tsv"
    seen: set[str] = set()
    for n, row in _tsv(path, ("id", "lemma", "forms", "particle", "scope")):
        if row["scope"] not in _SCOPES:
            raise LexiconError(f"{path}:{n}: scope must be {'|'.join(_SCOPES)}, got {row['scope']!r}")
        if not row["id"].startswith("sv.") or row["id"] in seen:
            raise LexiconError(f"{path}:{n}: id must start with 'sv.' and be unique: {row['id']!r}")
        seen.add(row["id"])
        verb = SpeechVerb(row["id"], row["lemma"], row["particle"].strip(), row["scope"])
        by_lemma.setdefault(verb.lemma, verb)
        for form in filter(None, (f.strip() for f in row["forms"].split(","))):
            if not form.isalpha() or form != form.lower():
                raise LexiconError(f"{path}:{n}: form must be a lowercase word: {form!r}")
            # A form that already holds the particle ("mitgeteilt") needs no particle later on.
            v = (
                verb
                if not verb.particle or not form.startswith(verb.particle)
                else SpeechVerb(verb.id, verb.lemma, "", verb.scope)
            )
            by_form.setdefault(form, []).append(v)
    phrases = []
    path = directory / "quote_cues.tsv"
    for n, row in _tsv(path, ("id", "pattern", "position", "cue")):
        if row["position"] not in _POSITIONS:
            raise LexiconError(
                f"{path}:{n}: position must be {'|'.join(_POSITIONS)}, got {row['position']!r}"
            )
        if row["position"] == "source" and (" " in row["pattern"] or not row["pattern"].isalpha()):
            raise LexiconError(f"{path}:{n}: a source pattern is one word ending, got {row['pattern']!r}")
        phrases.append(CuePhrase(row["id"], tuple(row["pattern"].split()), row["position"], row["cue"]))
    context: dict[str, str] = {}
    suffixes = []
    path = directory / "quote_context.tsv"
    for n, row in _tsv(path, ("id", "word", "kind")):
        if row["kind"] not in ("title", "naming"):
            raise LexiconError(f"{path}:{n}: kind must be title|naming, got {row['kind']!r}")
        context[row["word"]] = row["id"]
        # Compounds end in the head noun ("Modellprojekt", "Kunstausstellung"); naming words do not.
        if row["kind"] == "title" and len(row["word"]) >= 5:
            suffixes.append(row["word"])
    subj_i, subj_ii = set(), set()
    path = directory / "quote_subjunctive.txt"
    for n, line in _data_lines(path):
        parts = line.split()
        if not parts or not parts[0].isalpha() or len(parts) > 2 or (len(parts) == 2 and parts[1] != "II"):
            raise LexiconError(f"{path}:{n}: expected 'form' or 'form II', got {line!r}")
        (subj_ii if len(parts) == 2 else subj_i).add(parts[0])
    utterances: dict[str, str] = {}
    path = directory / "quote_utterances.tsv"
    for n, row in _tsv(path, ("id", "word", "kind")):
        if row["kind"] not in ("noun", "verb") or row["word"] != row["word"].lower():
            raise LexiconError(f"{path}:{n}: expected a lowercase word and kind noun|verb, got {row}")
        utterances[row["word"]] = row["kind"]
    foreign = set()
    path = directory / "quote_foreign_words.txt"
    for n, line in _data_lines(path):
        word = line.strip()
        if not word.isalpha() or word != word.lower():
            raise LexiconError(f"{path}:{n}: expected one lowercase word, got {line!r}")
        foreign.add(word)
    return QuoteLexicon(
        verbs_by_form={k: tuple(v) for k, v in by_form.items()},
        verbs_by_lemma=by_lemma,
        phrases=tuple(p for p in phrases if p.position != "source"),
        sources=tuple(
            sorted((p for p in phrases if p.position == "source"), key=lambda p: -len(p.tokens[0]))
        ),
        phrases_by_first={
            first: tuple(p for p in phrases if p.tokens[0] == first and p.position != "source")
            for first in {p.tokens[0] for p in phrases}
        },
        context_words=context,
        title_suffixes=tuple(suffixes),
        subjunctive_i=frozenset(subj_i),
        subjunctive_ii=frozenset(subj_ii),
        utterances=utterances,
        foreign=frozenset(foreign),
    )


# --- quotation marks on the raw text -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Marked:
    """Text between a pair of quotation marks; start/end exclude the marks and outer whitespace."""

    open_start: int
    start: int
    end: int
    close_end: int
    mark: str
    paragraphs: int = 1


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in OPENERS:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        return False
    if ch in ('"', "“", "«", "‚"):
        # Symmetric or two-way marks open only at a word start: '(„x")', ' "x"', not 'x"'.
        prev = text[i - 1] if i > 0 else " "
        return prev.isspace() or prev in "([/–—-:"
    return True


def _find_close(text: str, start: int, end: int, closers: tuple[str, ...], mark: str) -> int | None:
    """Index of the closing mark in text[start:end], skipping nested pairs of another kind."""
    i = start
    while i < end:
        ch = text[i]
        if ch in closers and (ch != mark or not _is_opener(text, i)):
            return i
        if mark == "„" and text[i : i + 2] == "‘‘":
            return i  # a German quote closed with two single marks (a common typing slip)
        if ch == mark and mark not in ('"', "“") and _is_opener(text, i):
            # The same opener again before a close: this one is unbalanced, unless the quote ends in
            # ‘‘ and the inner pair closes properly ("„… der Straße „Unter den Eichen“ … .‘‘").
            inner = next((k for k in range(i + 1, end) if text[k] in closers), None)
            if mark == "„" and inner is not None and "‘‘" in text[inner:end]:
                i = inner + 1
                continue
            return None
        i += 1
    return None


def find_marked(text: str, *, max_paragraphs: int = 6) -> list[Marked]:
    """Balanced quotation-mark pairs, including one quote over several paragraphs.

    Example: "Sie sagte: „Erstens.\\n\\nZweitens.“" -> one Marked over both paragraphs. An opening „
    that never closes ("Erster Konferenztag: „Integration vor Ort gestalten") yields nothing.
    """
    out: list[Marked] = []
    paras = _paragraph_bounds(text)
    p = 0
    while p < len(paras):
        p_start, p_end = paras[p]
        i = p_start
        next_p = p + 1
        while i < p_end:
            if not _is_opener(text, i):
                i += 1
                continue
            mark = text[i]
            closers = PAIRS[mark]
            j = _find_close(text, i + 1, p_end, closers, mark)
            n_par = 1
            if j is None:
                j, n_par = _continue_paragraphs(text, paras, p, i, mark, closers, max_paragraphs)
            if j is None:
                i += 1
                continue
            s, e = i + 1, j
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Marked(i, s, e, j + 1, mark, n_par))
            if n_par > 1:
                next_p = p + n_par
                break
            i = j + 1
        p = max(next_p, p + 1)
    return out


def _continue_paragraphs(
    text: str,
    paras: list[tuple[int, int]],
    p: int,
    open_i: int,
    mark: str,
    closers: tuple[str, ...],
    max_paragraphs: int,
) -> tuple[int | None, int]:
    """Close of a quote that runs on into the next paragraphs (German convention), else (None, 0).

    Each paragraph left open must read as finished prose (ends with . ! ? …), and a following
    paragraph may reopen with the same mark only at its very start.
    """
    seg_end = paras[p][1]
    for k in range(p + 1, min(len(paras), p + max_paragraphs)):
        if not re.search(r"[.!?…:]\s*$", text[open_i:seg_end]):
            return None, 0
        q_start, q_end = paras[k]
        body = q_start
        if text[body : body + 1] == mark:
            body += 1  # reopened paragraph: „Erstens …\n\n„Zweitens …“
        j = _find_close(text, body, q_end, closers, mark)
        if j is not None:
            return j, k - p + 1
        if any(_is_opener(text, x) for x in range(body, q_end) if text[x] == mark):
            return None, 0
        open_i, seg_end = body, q_end
    return None, 0


# --- results -------------------------------------------------------------------------------------


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
    max_embedded_words: int = 25
    indicative_clauses: bool = True
    # Quoted phrases in running text with no speech cue: WIKINEWS annotates them as quotes, but in press
    # releases they are mostly event titles and mottos, so 0 (off) by default; 3 = phrases of 3+ words.
    min_fragment_words: int = 0
    # Quoted phrases without a cue, decided per phrase from the context: not a name or title shape, not
    # in a title/heading/line block, and a speaker in reach (sentence subject, reported speech, last quote).
    context_fragments: bool = True


# --- token helpers ----------------------------------------------------------------------------


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


# Speech verbs that may introduce a direct quote, and those that may introduce reported speech (embedded
# and report verbs only with a dass/ob or Konjunktiv clause: "kritisierte, dass …", not "beschloss, … zu …").
_DIRECT_SCOPES = ("any", "after", "embedded", "report", "directive")
_REPORT_SCOPES = ("any", "embedded", "report", "directive")


def _verb_at(ctx: _Ctx, tok: Token, *, scopes: tuple[str, ...]) -> SpeechVerb | None:
    """The speech verb this token is, if any; separable verbs need their particle in the clause."""
    if not ctx.verb_like[tok.i] or ctx.inside[tok.i] >= 0 or not tok.text.isalpha():
        return None
    cands: tuple[SpeechVerb, ...] = ()
    if tok.text[0].islower() or tok.i == 0 or _is_boundary(ctx.doc[tok.i - 1]):
        cands = ctx.lex.verbs_by_form.get(tok.lower_, ())
    if not cands and ctx.has_lemma and tok.pos_ in ("VERB", "AUX"):
        v = ctx.lex.verbs_by_lemma.get(tok.lemma_.lower())
        cands = (v,) if v else ()
    best = None
    for v in cands:
        if v.scope not in scopes:
            continue
        if v.particle:
            if _particle_after(ctx, tok, v.particle):
                return v
            continue
        best = best or v
    return best


def _particle_after(ctx: _Ctx, tok: Token, particle: str) -> bool:
    doc = ctx.doc
    for t in doc[tok.i + 1 : min(len(doc), tok.i + 15)]:
        if t.text in (",", ":", "„", "“", "»") or _is_boundary(t):
            return False
        if t.lower_ == particle:
            return True
    return False


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
                if doc_text_in(ctx.doc[k], (",", "(")):
                    hi = k
                    break
            while lo < hi and texts[lo].isspace():
                lo += 1
            while hi > lo and texts[hi - 1].isspace():
                hi -= 1
            # A parse error: the subject inside a parenthesis ("Michael Grunst (Die Linke) hofft")
            if ")" in texts[lo:hi] and "(" not in texts[lo:hi]:
                continue
            if texts[lo] == "Sie" and lo > 0 and not ctx.boundary[lo - 1]:
                continue  # polite address ("können Sie … melden"): the reader is no speaker
            if lo > 0 and texts[lo - 1] == "Als":
                continue  # "Als Begründung sagte ein Wissenschaftler": a predicate noun, not the subject
            if hi > lo and hi - lo <= 12 and all(ctx.inside[k] < 0 for k in range(lo, hi)):
                return lo, hi
    return None


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
        return dep
    before = _np_before(ctx, v, lo)
    if before:
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
            if rng and (ctx.lower[j - 1] in _PREPOSITIONS or ctx.lower[j] in _OBJECT_ARTICLES):
                j = rng[1]
                continue
            if rng:
                return rng
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
            if ctx.lower[j - 1] in _PREPOSITIONS or ctx.lower[j] in _OBJECT_ARTICLES:
                continue
            if ctx.lower[j] in DETERMINERS or _is_cap(t):
                rng = _np_after(ctx, j, v)
                if rng:
                    return rng
    if v - 1 >= 0 and ctx.texts[v - 1] == ",":
        # "Tegaye Mununhe, der Polizeichef der Region, sagte": the subject and its apposition
        return _apposition_before(ctx, v, _clause_start(ctx, v))
    return None


_OBJECT_ARTICLES = frozenset(["dem", "den", "einem", "einen"])


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


# --- direct quotes --------------------------------------------------------------------------------


def _sentence_like(text: str, *, min_words: int) -> bool:
    words = re.findall(r"\w+", text)
    return len(words) >= min_words and (text.rstrip()[-1:] in ".!?…:" or len(words) >= 2 * min_words)


def _title_context(ctx: _Ctx, open_tok: int) -> str | None:
    """Id of the title/naming word right before the opening mark ("unter dem Titel „…“"), else None."""
    doc = ctx.doc
    k, seen = open_tok - 1, 0
    while k >= 0 and seen < 3:
        t = doc[k]
        if _is_boundary(t) or t.text in (",", "(", ")") or ctx.inside[k] >= 0 or t.text in ALL_MARKS:
            break
        if t.text in (":", "-", "–"):
            k -= 1
            continue
        low = t.lower_
        if low in ctx.lex.context_words:
            return ctx.lex.context_words[low]
        for suf in ctx.lex.title_suffixes:
            if low.endswith(suf) and t.is_alpha:
                return ctx.lex.context_words[suf]
        seen += 1
        k -= 1
    return None


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
    if not comma and _name_like(ctx.text[m.start : m.end]):
        return None  # "zur „Nacht der Solidarität“ begrüßen": a name followed by a verb, not a statement
    if _named_thing(ctx, m, close_tok):
        return None  # "Die „Kampagne für ein Freies Tibet“ berichtete": the subject is a name
    for ph in ctx.lex.phrases:
        if ph.position == "after_quote" and tok.lower_ == ph.tokens[0] and len(ph.tokens) == 1:
            rng = _np_after(ctx, j + 1, hi)
            if rng:
                s = _span_text(doc, rng)
                return _cued(m.start, m.end, "direct", "direct.after.phrase", ph.cue, tok, s, ph.id)
    verb = _verb_at(ctx, tok, scopes=_DIRECT_SCOPES)
    if verb is None:
        return None
    rng = _speaker_from_dep(ctx, tok) or _speaker_around_verb(ctx, j, j, hi)
    if rng and rng[0] < j:
        rng = None
    s = _span_text(doc, rng) if rng else (None, None, None)
    return _cued(m.start, m.end, "direct", "direct.after.verb", verb.lemma, tok, s, verb.id)


_NAMING_WORDS = frozenset(["wie", "laut", "von", "vom"])
_SPEECH_PRONOUNS = re.compile(
    r"\b(?:ich|wir|mir|mich|uns|unser\w*|mein\w*|du|ihr|euch|euer\w*)\b", re.IGNORECASE
)


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
        rng = _prefer_person(ctx, _speaker_around_verb(ctx, v, lo, end), lo, end)
        s = _span_text(doc, rng) if rng else (None, None, None)
        t = doc[v]
        return _cued(m.start, m.end, "direct", rule, verb.lemma, t, s, verb.id)
    return None


def _colon_name(
    ctx: _Ctx, m: Marked, lo: int, open_tok: int, people: list[tuple[int, int]]
) -> QuoteMatch | None:
    """Sandra Scheeres: „…“ — a bare name (or office + name) introduces the quote."""
    doc = ctx.doc
    if open_tok - 1 < lo or doc[open_tok - 1].text != ":":
        return None
    rng = _name_with_office(ctx, lo, open_tok - 1)
    if rng is None:
        rng = _np_before(ctx, open_tok - 1, lo)
        if rng is None or rng[0] != lo:
            return None
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
    while s < colon and ctx.lower[s] in ("dazu", "hierzu", "zitat", "so", "und"):
        s += 1
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
    if k < 0 or doc[k].text != ":":
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


def _direct_quotes(ctx: _Ctx, marked: list[Marked], people: list[tuple[int, int]]) -> list[QuoteMatch]:
    doc = ctx.doc
    out: list[QuoteMatch] = []
    prev: QuoteMatch | None = None
    prev_par_end = -1
    for idx, m in enumerate(marked):
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
        title = _title_context(ctx, o)
        words = len(re.findall(r"\w+", content))
        colon_intro = o - 1 >= lo and doc[o - 1].text == ":"
        match = None
        if colon_intro:
            match = _attribution_before(ctx, m, lo, o, "direct.before.colon")
            if match and title and not _sentence_like(content, min_words=ctx.opts.min_sentence_words):
                match = None
        if (
            title in _STATEMENT_TITLES
            and match is None
            and colon_intro
            and _statement_shaped(content, min_words=8)
        ):
            match = _colon_statement(ctx, m, lo, o)
        if title and match is None:
            continue
        if match is None and not title:
            match = _utterance(ctx, m, lo, o, prev)
        if match is None and ctx.lower[o - 1] == "als" and words <= ctx.opts.max_embedded_words:
            # "… Georgien als „junge Demokratie“ bezeichnet hat": a label, its speaker before the quote
            match = _als_label(ctx, m, o, c)
        if match is None:
            match = _attribution_after(ctx, m, c)
        if match is None and lo < o and doc[o - 1].text == "," and lo > 0 and ctx.inside[lo - 1] >= 0:
            # „…“, sagt X, „…“: the second part takes the intro between the parts.
            match = _attribution_before(ctx, m, lo, o, "direct.interrupted")
            if match and match.speaker is None and prev is not None:
                match = _with_speaker(match, prev)
        if match is None and colon_intro:
            match = _colon_name(ctx, m, lo, o, people)
        if match is None and colon_intro and not title and _statement_shaped(content):
            # "Seine Zuversicht gründet sich auf …: „Entscheidungen, die … getroffen worden.“" — a finished
            # sentence after a colon in running text is a statement even without a speech verb.
            match = _colon_statement(ctx, m, lo, o)
        if match is None and lo == o:
            rng = _prev_line_tokens(ctx, o)
            if rng:
                match = _attribution_before(ctx, m, rng[0], rng[1], "direct.prev_line")
                if match is None:
                    match = _prev_line_name(ctx, m, rng)
        if match is None and words <= ctx.opts.max_embedded_words:
            match = _embedded(ctx, m, o, c)
            if match is None and ctx.lower[o - 1] == "als":
                match = _als_label(ctx, m, o, c)
        if (
            match is None
            and ctx.opts.min_fragment_words
            and words >= ctx.opts.min_fragment_words
            and not _name_like(content)
            and lo < o
            # "Zweiter Konferenztag: „Zusammenhalt stärken“" is a heading with a motto, not a statement
            and (
                doc[o - 1].text not in (":", "-", "–")
                or _sentence_like(content, min_words=ctx.opts.min_sentence_words)
            )
        ):
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
        if (
            match is None
            and ctx.opts.context_fragments
            and not ctx.opts.min_fragment_words
            and lo < o
            and (words <= ctx.opts.max_embedded_words or _wording(content))
        ):
            match = _context_fragment(ctx, m, lo, o, c, content)
        if (
            match is None
            and lo == o
            and content[:1].isupper()
            and _sentence_like(content, min_words=ctx.opts.min_sentence_words)
        ):
            # A quoted sentence of its own. Right after another quote (same or next paragraph) it keeps
            # that speaker: press releases run a statement over paragraphs with fresh marks each.
            par_start = _paragraph_start(ctx.text, m.open_start)
            near = prev_par_end >= 0 and (
                m.open_start <= prev_par_end or ctx.text[prev_par_end:par_start].strip() == ""
            )
            if prev is not None and prev.speaker and near:
                match = _with_speaker(QuoteMatch(m.start, m.end, "direct", "direct.continued"), prev)
            elif not _in_naming_block(ctx, m):
                # a quoted sentence as a title or heading is the event's name, not a statement
                match = QuoteMatch(m.start, m.end, "direct", "direct.unattributed")
        if match is not None:
            out.append(match)
            prev = match
            prev_par_end = _paragraph_end(ctx.text, m.close_end)
    return out


# "Der Text lautete: „Wir, die Demonstranten, sehen keine andere Lösung …“": after these naming words a
# long finished sentence is a statement, a short phrase a motto ("Das Motto lautet: „Berlin hilft!“").
_STATEMENT_TITLES = frozenset(["ctx.lautet", "ctx.lautete"])
_LEADING_ELLIPSIS = re.compile(r"^\s*(?:[(\[]\s*(?:\.\.\.|…)\s*[)\]]|\.\.\.|…)\s*")


def _statement_shaped(content: str, *, min_words: int = 5) -> bool:
    """A finished sentence: capitalized start, at least `min_words` words, sentence-final punctuation.

    Example: "Es gilt, ein starkes Signal zu setzen." -> True; "Gemeinsam für Berlin" -> False (a motto).
    """
    body = _LEADING_ELLIPSIS.sub("", content).strip()
    return (
        body[:1].isupper()
        and len(re.findall(r"\w+", body)) >= min_words
        and body.rstrip("\"'“”«»’ ")[-1:] in (".!?…")
    )


def _in_naming_block(ctx: _Ctx, m: Marked) -> bool:
    """The quotation marks lie in a title, heading or one-line block, where quoted words name things."""
    return any(a <= m.open_start and m.close_end <= b for a, b in ctx.no_fragments)


def _colon_statement(ctx: _Ctx, m: Marked, lo: int, o: int) -> QuoteMatch | None:
    """A statement after a colon whose intro has no speech verb: the speaker is the intro's subject."""
    if _in_naming_block(ctx, m):
        return None
    # "Termine, Orte und Preise: „…“" — an intro without a verb is a heading, no speaker in it
    clause = any(_has_finite_verb(ctx, k, o) for k in range(lo, o, 10))
    subj = _prefer_person(ctx, _sentence_subject(ctx, lo, o), lo, o) if clause else _person_in(ctx, lo, o)
    if subj is not None and ctx.lower[subj[0]] not in ("es", "man", "das", "dies"):
        # the subject also when it is a text or a source: "Der Text lautete: „…“", "Das Fazit war: „…“"
        return QuoteMatch(
            m.start, m.end, "direct", "direct.colon.statement", None, None, None, *_span_text(ctx.doc, subj)
        )
    return QuoteMatch(m.start, m.end, "direct", "direct.colon.statement")


_NON_STATEMENT = re.compile(r"^[\W\d_]+$|\.(?:de|com|net|org|eu)\b|^www\.|@")


def _context_fragment(ctx: _Ctx, m: Marked, lo: int, o: int, c: int, content: str) -> QuoteMatch | None:
    """A quoted phrase of 2+ words in running text with no cue of its own, unless it reads as a name.

    Example: "Lothar Nicht sprach von einer „Gefahr für Leib und Leben“." -> fragment, speaker from the
    sentence subject; "Die Organisation „Reporter ohne Grenzen“ warnt …" -> None (a name after its noun).
    The speaker is settled later (reported speech around it, the sentence subject, the last speaker).
    """
    doc = ctx.doc
    # "Allerdings sei das System „kaputt“": predicative words in reported speech are the source's words
    said = _predicative(ctx, o, c, content) and _reported_mood(ctx, lo, o, c)
    n_words = len(re.findall(r"\w+", content))
    if (n_words < 2 and not said) or _name_like(content) or _NON_STATEMENT.search(content):
        return None
    if _foreign(ctx, content) or (_inside_noun_group(ctx, o, c, content) and not said):
        return None  # "stellte die CD „Have a nice day“ vor": a title
    if _in_naming_block(ctx, m):
        return None  # titles, headings and one-line blocks name things, they do not quote anyone
    if _title_context(ctx, o):
        return None
    prev = doc[o - 1]
    # "die Organisation „Reporter ohne Grenzen“", "Laut „tagesschau.de“": a noun right before names it.
    # Except a person's name: "hält Spector „unter bestimmten Umständen“ für …" is wording about him.
    # After a noun a lowercase phrase is wording in reported speech ("Für Küng sei der Rücktritt „aus
    # vielen Gründen verständlich“") or when long; otherwise it names the noun: "Die Firma „con energy
    # ag“", "der Verein „kein Abseits! e.V.“", "die Strategie „global denken, lokal handeln“".
    if (
        _is_cap(prev)
        and prev.is_alpha
        and prev.lower_ not in _FUNCTION_WORDS
        and not (
            said
            or _wording(content, min_words=8)
            or (_wording(content, min_words=4) and _reported_mood(ctx, lo, o, c))
            or (_wording(content) and _person_in(ctx, o - 1, o))
        )
    ):
        return None
    # Enumerations and translations of names: "„E1“ und „E2“", "„Cast Lead“ („gegossenes Blei“)".
    before = doc[o - 2] if o >= 2 else None
    if prev.text == "(" or (
        prev.lower_ in (",", "und", "oder", "bzw") and before is not None and before.text in ALL_MARKS
    ):
        return None
    nxt = doc[c + 1] if c + 1 < len(doc) else None
    if nxt is not None and (
        nxt.text == "(" or (nxt.lower_ in ("und", "oder") and c + 2 < len(doc) and doc[c + 2].text in OPENERS)
    ):
        return None
    if nxt is not None and nxt.text == "," and c + 2 < len(doc) and doc[c + 2].text in OPENERS:
        return None
    subj = _sentence_subject(ctx, lo, o)
    if prev.text in (":", "-", "–") and (subj is None or not _person_like(ctx, subj)):
        return None  # "Termine und Orte: „…“" — a heading-like intro with no speaker
    if (subj is None or not _person_like(ctx, subj)) and content.lstrip()[:1].islower():
        # "Für den Theologen Hans Küng sei der Rücktritt „aus vielen Gründen verständlich“": a person
        # named in the clause before the quote owns the wording more often than an earlier speaker (not
        # for capitalized phrases: "Schauspielerin Eva Lind liest aus „Literarisches Frühstück“" names).
        pers = _person_in(ctx, lo, o)
        if pers is not None and ctx.lower[pers[1]] != "als":  # "ehrte Malwine Schindler als „…“": a label
            subj = pers
    if subj is not None and _person_like(ctx, subj):
        return QuoteMatch(
            m.start, m.end, "direct", "direct.fragment.subject", None, None, None, *_span_text(doc, subj)
        )
    if said:
        return QuoteMatch(m.start, m.end, "direct", "direct.fragment.reported")
    if subj is not None:
        return QuoteMatch(
            m.start, m.end, "direct", "direct.fragment.np", None, None, None, *_span_text(doc, subj)
        )
    return QuoteMatch(m.start, m.end, "direct", "direct.fragment.context")


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


def _wording(content: str, *, min_words: int = 3) -> bool:
    """A quoted phrase of several words that starts lowercase is somebody's wording, never a name.

    Example: "in 95 Prozent der Fälle nicht wirklich schadet" -> True; "Reporter ohne Grenzen" -> False.
    """
    body = _LEADING_ELLIPSIS.sub("", content).lstrip()
    return body[:1].islower() and len(re.findall(r"\w+", body)) >= min_words


def _sentence_subject(ctx: _Ctx, lo: int, o: int) -> tuple[int, int] | None:
    """The subject of the sentence a quote opens in: the parse's subject, else the mention it starts with."""
    doc = ctx.doc
    if ctx.has_dep and ctx.scheme is not None:
        root = doc[o].sent.root
        rng = _speaker_from_dep(ctx, root)
        if rng is not None:
            return rng
    if doc[lo].lower_ in PRONOUNS:
        return lo, lo + 1
    return _np_after(ctx, lo, o)


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


_NAME_JOINERS = frozenset(
    [
        "for",
        "against",
        "to",
        "with",
        "on",
        "at",
        "by",
        "von",
        "der",
        "die",
        "das",
        "des",
        "und",
        "für",
        "ohne",
        "de",
        "la",
        "le",
        "di",
        "del",
        "dello",
        "of",
        "the",
        "and",
        "am",
        "im",
        "in",
    ]
)
# prepositions in names and titles: "Gesetz zur Änderung des Passgesetzes", "Allianz zur Europäischen
# Integration", "Gesetz über den Verfassungsschutz" (a statement has a verb or adjective in lowercase);
# never a name's first word ("„zur Kenntnis“ nehmen" is wording)
_NAME_PREPOSITIONS = frozenset(
    [
        "zur",
        "zum",
        "über",
        "vom",
        "beim",
        "auf",
        "an",
        "mit",
        "aus",
        "gegen",
        "nach",
        "bei",
        "unter",
        "vor",
        "zu",
    ]
)


def _name_like(content: str) -> bool:
    """Only capitalized words, no sentence end: a name or title ("Berliner Zeitung", "Reporter ohne Grenzen")."""
    # a possessive "s" belongs to its name: "Heinz Rühmann´s Biographie in Bild und Ton"
    words = re.findall(r"[^\W\d_][\w-]*", re.sub(r"(?<=\w)[´'’`]s\b", "", content))
    return (
        bool(words)
        and content.rstrip()[-1:] not in ".!?"
        and all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words[:1])
        and all(w[0].isupper() or w.lower() in _NAME_JOINERS or w in _NAME_PREPOSITIONS for w in words[1:])
    )


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


_LABEL_WORDS = frozenset(["als", "ein", "eine", "einen", "einem", "einer", "eines"])


_DEFINITE = frozenset(["der", "des", "dem", "den", "das", "die", "vom", "beim", "zum", "zur"])


def _inside_noun_group(ctx: _Ctx, o: int, c: int, content: str) -> bool:
    """The quoted words are part of a noun group, not wording: an adjective before its noun
    ("aufgrund der „drastischen“ Mehrwertsteuererhöhung") or a capitalized name after a definite article
    ("Teile des „Gesetzes über den Verfassungsschutz“", "Träger des „Sacharow-Preises“")."""
    doc = ctx.doc
    nxt = doc[c + 1] if c + 1 < len(doc) else None
    last = doc[c - 1] if c - 1 > o else None
    if (
        ctx.has_lemma
        and last is not None
        and last.pos_ == "ADJ"
        and nxt is not None
        and nxt.pos_ in ("NOUN", "PROPN")
        and _is_cap(nxt)
    ):
        return True
    body = content.strip()
    return (
        o > 0
        and ctx.lower[o - 1] in _DEFINITE
        and body[:1].isupper()
        and not _statement_shaped(body, min_words=4)
        and not _SPEECH_PRONOUNS.search(body)
    )


_GERMAN_FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ein",
        "eine",
        "einer",
        "einem",
        "einen",
        "eines",
        "wir",
        "ich",
        "es",
        "mit",
        "zu",
        "von",
        "für",
        "auf",
        "sie",
        "er",
        "den",
        "dem",
        "des",
        "sich",
        "im",
        "auch",
        "sind",
        "wird",
        "war",
        "hat",
        "haben",
        "an",
        "in",
        "nur",
        "noch",
        "nie",
        "wie",
        "als",
        "so",
        "aber",
        "oder",
        "wenn",
        "dass",
        "bei",
        "nach",
        "aus",
        "um",
        "über",
        "vor",
        "unser",
        "ihr",
        "sein",
        "kein",
        "keine",
        "gegen",
    ]
)


def _foreign(ctx: _Ctx, content: str) -> bool:
    """Quoted text with at least as many foreign as German function words: a title or name, not wording.

    Example: "Let it be" -> True; "Le Monde" -> True; "in dubio pro reo" -> True; "Wir bleiben" -> False.
    """
    words = re.findall(r"[^\W\d_]+", content.lower())
    n_foreign = sum(w in ctx.lex.foreign for w in words)
    return n_foreign > 0 and n_foreign >= sum(w in _GERMAN_FUNCTION_WORDS for w in words)


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
    lo = _clause_start(ctx, o)
    hi = _sentence_end(ctx, c + 1)
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
        rng = _speaker_around_verb(ctx, v, _clause_start(ctx, v, stop_at_comma=True), hi)
        if rng is None:
            continue
        if label and (not _person_like(ctx, rng) or ctx.lower[rng[0]] in ("man", "es")):
            continue  # "der als „Sonnenwind“ bezeichnet wird", "nennt man einen „Aktiensplit“": a term
        s = _span_text(doc, rng)
        t = doc[v]
        return _cued(m.start, m.end, "direct", "direct.embedded", verb.lemma, t, s, verb.id)
    return None


_UTTERANCE_SKIP = frozenset(
    [
        "wie",
        "zum",
        "beispiel",
        "etwa",
        "unter",
        "anderem",
        "mehrfach",
        "mehrmals",
        "laut",
        "lautstark",
        "immer",
        "wieder",
        "dabei",
        "auch",
        "noch",
        "dann",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "z.",
        "b.",
    ]
)


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


_RELATIVE_PRONOUNS = frozenset(["der", "die", "das", "welcher", "welche", "welches"])


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


# --- indirect speech ------------------------------------------------------------------------------


def _is_subjunctive(ctx: _Ctx, tok: Token, *, allow_ii: bool) -> bool:
    if ctx.inside[tok.i] >= 0 or not tok.is_alpha:
        return False  # inside quotes, or a number the tagger took for a verb ("Urbanstraße 44.")
    if (
        ctx.has_morph
        and ctx.scheme is not None
        and tok.pos_ in ("VERB", "AUX")
        and ctx.scheme.is_subjunctive(tok)
    ):
        return allow_ii or tok.lower_ not in ctx.lex.subjunctive_ii
    low = tok.lower_
    return low in ctx.lex.subjunctive_i or (allow_ii and low in ctx.lex.subjunctive_ii)


def _trim_end(doc: Doc, lo: int, hi: int) -> int:
    while hi > lo and (doc[hi - 1].text in _CLAUSE_END or doc[hi - 1].is_space or doc[hi - 1].text == ","):
        hi -= 1
    return hi


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
                found = _free_indirect(ctx, lo, hi, last)
            if not found:
                found = _hearsay(ctx, lo, hi, last)
        out.extend(found)
        prev_sent = (lo, hi)
    return out


def _last_attributed(
    text: str, start: int, direct: list[QuoteMatch], indirect: list[QuoteMatch]
) -> QuoteMatch | None:
    """The latest quote with a speaker shortly before `start` (same or previous paragraph)."""
    best = None
    for q in (*direct, *indirect):
        if q.speaker and q.end <= start and (best is None or q.end > best.end):
            best = q
    if best is None or start - best.end > 400 or len(_PARA_BREAK.findall(text, best.end, start)) > 1:
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


def _free_indirect(ctx: _Ctx, lo: int, hi: int, last: QuoteMatch) -> list[QuoteMatch]:
    """A Konjunktiv-I sentence right after a quote continues it: "… sagte X. Man müsse handeln."."""
    doc = ctx.doc
    if any(ctx.inside[k] >= 0 for k in range(lo, hi)):
        return []
    for k in range(lo, min(hi, lo + 10)):
        t = doc[k]
        if t.text == ",":
            break  # Konjunktiv in a subordinate clause does not make the sentence reported
        if (
            _is_subjunctive(ctx, t, allow_ii=False)
            and not (k > 0 and doc[k - 1].lower_ in ("ich", "wie"))
            and not (k + 1 < len(doc) and doc[k + 1].lower_ == "denn")
        ):
            end = _trim_end(doc, lo, hi)
            q = QuoteMatch(doc[lo].idx, doc[end - 1].idx + len(doc[end - 1]), "indirect", "indirect.free")
            return [_with_speaker(q, last)]
    return []


_HEARSAY = frozenset(["soll", "sollen"])


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
        return [_with_speaker(q, last) if last is not None else q]
    return []


def _indirect_in_sentence(ctx: _Ctx, lo: int, hi: int) -> list[QuoteMatch]:
    doc = ctx.doc
    end = _trim_end(doc, lo, hi)
    if end <= lo:
        return []
    out: list[QuoteMatch] = []
    # Prepositional attribution: "Laut Polizei …", "Nach Angaben der Feuerwehr …", "X zufolge …".
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
            if ph.position == "prep":
                # "nach Angaben von VroniPlag Wiki", "laut dem Sprecher"
                at = k + n + (k + n < end and doc[k + n].lower_ in ("von", "vom"))
                rng = _np_after(ctx, at, end)
                if rng is None:
                    continue
                q_lo = rng[1] if k == lo else lo
                while q_lo < end and doc[q_lo].text in (",", "(") or (q_lo < end and doc[q_lo].text == ")"):
                    q_lo += 1
                q_hi = end
            else:  # postp: "Der Senatorin zufolge sei …"
                rng = _np_before(ctx, k, lo)
                if rng is None:
                    continue
                q_lo = k + n if rng[0] == lo else lo
                q_hi = end
            if q_hi - q_lo < 3:
                continue
            s = _span_text(doc, rng)
            cue_tok = doc[k : k + n]
            out.append(
                QuoteMatch(
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
            )
            return out
    q = _source_attribution(ctx, lo, end) or _impersonal(ctx, lo, end)
    if q is not None:
        return [q]
    for v in range(lo, end):
        verb = _verb_at(ctx, doc[v], scopes=_REPORT_SCOPES)
        if verb is None:
            continue
        q = _reported_after(ctx, v, verb, lo, end) or _reported_before(ctx, v, verb, lo, end)
        if q:
            out.append(q)
            break
    if not out:
        q = _so_attribution(ctx, lo, end)
        if q is not None:
            out.append(q)
    return out


_POSSESSIVES = frozenset(
    [
        "seiner",
        "ihrer",
        "seinen",
        "ihren",
        "dessen",
        "deren",
        "unserer",
        "unseren",
        "meiner",
        "meinen",
        "eigenen",
        "eigener",
    ]
)


def _source_noun(ctx: _Ctx, k: int) -> CuePhrase | None:
    """The source cue whose ending the capitalized noun at k has: "Polizeiangaben" -> cue.src.angaben."""
    text = ctx.texts[k]
    if not text[:1].isupper() or not text.isalpha():
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


_SOURCE_PREPS = frozenset(["in", "im", "aus", "von", "vom", "bei", "beim", "seitens"])


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


_SO_TAIL = frozenset(
    ["weiter", "auch", "zudem", "ebenfalls", "abschließend", "außerdem", "damals", "jetzt", "nun"]
)


def _so_attribution(ctx: _Ctx, lo: int, end: int) -> QuoteMatch | None:
    """ "Die Lage sei ernst, so die Polizei." / "Der Plan, so Wegner weiter, werde …" (", so X" attributes)."""
    doc, lower, texts = ctx.doc, ctx.lower, ctx.texts
    for k in range(lo + 3, end - 1):
        if lower[k] != "so" or texts[k - 1] != "," or ctx.inside[k] >= 0:
            continue
        j = k + 1
        verb = None
        if texts[j].islower() and (verb := _verb_at(ctx, doc[j], scopes=_REPORT_SCOPES)) is not None:
            j += 1  # "…, so betont auch die Polizei, …"
            while j < end and lower[j] in _SO_TAIL:
                j += 1
        if not (lower[j] in DETERMINERS or lower[j] in PRONOUNS or _is_cap(doc[j])):
            continue  # "…, so definieren sie …": a consecutive clause
        rng = _np_after(ctx, j, end)
        if rng is None or rng[0] != j:
            continue
        t = rng[1]
        while t < end and lower[t] in _SO_TAIL:
            t += 1
        if t < end and texts[t] != ",":
            continue
        if sum(ctx.inside[x] < 0 for x in range(lo, k - 1)) < 3:
            continue  # „…“, so X: a direct quote, attributed there (not "Der Iran müsse „…“ beenden, so X")
        q_hi = end if t < end else _trim_end(doc, lo, k - 1)
        if q_hi - lo < 3:
            continue
        c = doc[j - 1] if verb is not None else doc[k]
        return QuoteMatch(
            doc[lo].idx,
            doc[q_hi - 1].idx + len(doc[q_hi - 1]),
            "indirect",
            "indirect.so",
            verb.lemma if verb is not None else "so",
            doc[k].idx,
            c.idx + len(c),
            *_span_text(doc, rng),
            cue_id=verb.id if verb is not None else "cue.so",
        )
    return None


def _reported_after(ctx: _Ctx, v: int, verb: SpeechVerb, lo: int, end: int) -> QuoteMatch | None:
    """X betonte, dass … / X betonte, man müsse … / Wie X mitteilte, … ."""
    doc = ctx.doc
    comma = None
    for k in range(v + 1, min(end, v + 14)):
        if ctx.inside[k] >= 0 and ctx.inside[k] not in ctx.name_marks:
            return None  # a quote between verb and clause is that quote's cue ("sagte der „Zeitung“" is fine)
        if doc[k].text == ",":
            comma = k
            break
    if comma is None or comma + 2 >= end:
        return None
    first = doc[comma + 1]
    clause_start = _clause_start(ctx, v, stop_at_comma=True)
    wie = _wie_start(ctx, v, lo, clause_start)
    strict = verb.scope in ("embedded", "report")  # only a dass/ob or Konjunktiv clause reports
    opener = ctx.lower[clause_start]
    if opener in ("auch", "selbst", "nur", "gerade", "sogar") and clause_start + 1 < v:
        opener = ctx.lower[clause_start + 1]  # "Auch wenn … beschrieben worden ist, so …"
    if wie is None and (opener in _SUBORDINATORS or ctx.lower[clause_start] in _V1_CONDITIONS):
        return None  # "Da ein großer Andrang erwartet wird, öffnen …": the main clause reports nothing
    if any(
        ctx.lower[k] == "bitte" or (ctx.texts[k] == "Sie" and k > lo and not ctx.boundary[k - 1])
        for k in range(clause_start, comma)
    ):
        return None  # "Bitte teilen Sie uns mit, ob …": a request to the reader, nobody is quoted
    if first.lower_ in ("dass", "daß") and (
        ctx.lower[comma - 1] in _DEGREE
        or ctx.lower[comma - 1] == "so"
        or (comma - 2 > v and ctx.lower[comma - 2] == "so")
    ):
        return None  # "schätzen die Bibliotheken so sehr, dass …": a consequence, not a report
    if verb.lemma == "bitten" and v + 1 < comma and ctx.lower[v + 1] == "um":
        return None  # "Wir bitten um Verständnis, dass …": a request, not a statement
    if strict and first.lower_ in _SUBORDINATORS and first.lower_ not in ("dass", "daß", "ob"):
        return None  # "hatte sich dagegen entschieden, weil … gewesen wären": a reason, not a report
    passive = _passive(ctx, v, verb, lo)
    if wie is not None:
        if verb.scope == "report":
            return None
        rule = "indirect.wie"
        rng = _speaker_from_dep(ctx, doc[v]) or _wie_speaker(ctx, wie, v)
    elif first.lower_ in ("dass", "daß") or (first.lower_ == "ob" and verb.scope != "report"):
        rule = "indirect.dass"
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    elif any(_is_subjunctive(ctx, doc[k], allow_ii=True) for k in range(comma + 1, min(end, comma + 9))):
        rule = "indirect.konj"
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    elif strict:
        return None
    elif first.lower_ in _WH_WORDS:
        rule = "indirect.question"  # "Sie erklärte, warum …"
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    elif _zu_infinitive(ctx, comma + 1, end):
        if passive and _agent(ctx, lo, v) is None:
            return None  # "Die Anwohner werden aufgefordert, …": the subject is addressed, nobody speaks
        rule = "indirect.infinitive"  # "Er kündigte an, das Gesetz zu ändern."
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    elif (
        ctx.opts.indicative_clauses
        and _main_clause_start(ctx, comma + 1, end)
        and not _relative_clause(ctx, clause_start)
        and _colon_at(ctx, comma + 1, end) is None
        and _has_finite_verb(ctx, comma + 1, end)
    ):
        rule = "indirect.clause"  # "Der Sprecher teilte mit, Blair steht bereit …"
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    else:
        return None
    if (
        rng is not None
        and verb.scope == "directive"
        and rng[0] > v
        and ctx.lower[v - 1] in ("und", "oder", ",")
    ):
        rng = None  # "… schlossen ihre Lokale und forderten die Fans auf, …": the subject came before
    if rng is not None and verb.scope == "directive" and rng[0] > v and not _subject_shaped(ctx, rng):
        rng = None  # "Der Bezirk ruft Initiativen auf, …": after a directive verb, the addressee
    if rule == "indirect.clause" and rng is not None and rng[0] > v and rng[1] == comma:
        return None  # "sagt Christoph Schmidt, Geschäftsführer der …": the comma opens an apposition
    if passive:
        # "Es wird befürchtet, dass …": the subject is no speaker; "von der Polizei aufgefordert": the agent is
        rng = _agent(ctx, lo, v)
        if rng is None and rule not in ("indirect.dass", "indirect.konj", "indirect.question"):
            return None
    elif rng is None and not (
        rule in ("indirect.dass", "indirect.konj") and verb.scope in ("any", "directive")
    ):
        return None
    elif rng is not None and rng[1] - rng[0] == 1 and doc[rng[0]].lower_ in _RELATIVE_PRONOUNS:
        # "die Polizei, die mitteilte, dass …": the relative pronoun stands for the noun before it
        rng = _np_before(ctx, clause_start - 1, lo) if clause_start - 1 > lo else None
        if rng is None:
            return None
    # A colon in the reported clause introduces a direct quote: the reported speech ends there.
    q_hi = _trim_end(doc, comma + 1, _colon_at(ctx, comma + 1, end) or end)
    if q_hi - (comma + 1) < 2:
        return None
    s = _span_text(doc, rng) if rng else (None, None, None)
    t = doc[v]
    return _cued(
        first.idx, doc[q_hi - 1].idx + len(doc[q_hi - 1]), "indirect", rule, verb.lemma, t, s, verb.id
    )


_SUBORDINATORS = frozenset(
    [
        "da",
        "weil",
        "wenn",
        "falls",
        "als",
        "nachdem",
        "bevor",
        "obwohl",
        "obgleich",
        "während",
        "sobald",
        "solange",
        "seit",
        "seitdem",
        "indem",
        "damit",
        "sodass",
        "zumal",
        "dass",
        "daß",
        "ob",
        "sofern",
        "soweit",
        "bis",
        "ehe",
    ]
)
# A finite verb first: a condition ("Sollten Sie Hinweise äußern wollen, können Sie …"), not a report.
_V1_CONDITIONS = frozenset(
    [
        "sollten",
        "sollte",
        "möchten",
        "möchte",
        "wollen",
        "wollten",
        "haben",
        "hat",
        "ist",
        "sind",
        "wird",
        "werden",
    ]
)


def _subject_shaped(ctx: _Ctx, rng: tuple[int, int]) -> bool:
    """A noun group after a directive verb is its subject only with an article or as a person/office."""
    first = ctx.lower[rng[0]]
    if first in ("der", "die", "das", "ein", "eine") or first in PRONOUNS:
        return True
    return _person_like(ctx, rng) and first not in _OBJECT_ARTICLES


_DEGREE = frozenset(["sehr", "stark", "viel", "groß", "weit", "lange", "oft", "schnell", "gut", "hoch"])
_RELATIVE_PRONOUNS = frozenset(["der", "die", "das", "welcher", "welche", "welches"])
_WERDEN_SEIN = frozenset(["ist", "sind", "war", "waren"])
_WERDEN = frozenset(["wird", "werden", "wurde", "wurden", "worden", "würde", "würden", "werde"])


def _wie_start(ctx: _Ctx, v: int, lo: int, clause_start: int) -> int | None:
    """Token of "wie" that opens the clause of the verb: "Wie X, Sprecher von Y, mitteilte, …"."""
    doc = ctx.doc
    if clause_start < v and ctx.lower[clause_start] == "wie":
        return clause_start
    # "Wie Steve Marshall, Sprecher des UN-Büros, in Bangkok mitteilte": an apposition inside the clause
    if ctx.lower[lo] == "wie" and v - lo <= 20:
        commas = [k for k in range(lo, v) if doc[k].text == ","]
        if len(commas) == 2 and not any(ctx.verb_like[k] for k in range(lo, v)):
            return lo
    return None


def _wie_speaker(ctx: _Ctx, wie: int, v: int) -> tuple[int, int] | None:
    doc = ctx.doc
    stop = next((k for k in range(wie + 1, v) if doc[k].text == ","), v)
    return _np_after(ctx, wie + 1, stop)


def _passive(ctx: _Ctx, v: int, verb: SpeechVerb, lo: int) -> bool:
    """The speech verb is a participle under "werden"/"sein": "Es wird befürchtet", "Den Haltern wird
    empfohlen", "Auch Initiativen sind aufgerufen" (the subject, if any, is addressed, not speaking)."""
    low = ctx.lower[v]
    weak = low.endswith("t") and not low.endswith("te")
    strong = low.endswith("en") and not low.endswith("ten") and low != verb.lemma.replace(" ", "")
    if not (weak or strong):
        return False
    # "Alle Vereine sind aufgerufen, …": a state passive of a request (sein + participle)
    aux = _WERDEN | _WERDEN_SEIN if ("ge" in low[:5] or strong) else _WERDEN
    return any(ctx.lower[k] in aux for k in range(lo, v))


def _agent(ctx: _Ctx, lo: int, v: int) -> tuple[int, int] | None:
    """The agent of a passive speech verb: "wurde von dem Sprecher mitgeteilt" -> "dem Sprecher"."""
    for k in range(lo, v - 1):
        if ctx.lower[k] in ("von", "vom") and ctx.inside[k] < 0:
            rng = _np_after(ctx, k + 1, v)
            # between the auxiliary and the participle: "wurde von einer Polizistin aufgefordert", not
            # "Den Haltern von Tieren wird empfohlen"
            aux = _WERDEN | _WERDEN_SEIN
            if rng is not None and rng[1] >= v - 1 and not any(ctx.lower[x] in aux for x in range(rng[1], v)):
                return rng
    return None


def _colon_at(ctx: _Ctx, lo: int, end: int) -> int | None:
    """The first colon outside quotation marks in tokens lo..end."""
    for k in range(lo, end):
        if ctx.texts[k] == ":" and ctx.inside[k] < 0:
            return k
    return None


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


_NO_VERB_WORDS = (
    DETERMINERS
    | _PREPOSITIONS
    | CONNECTORS
    | frozenset(
        [
            "und",
            "oder",
            "sowie",
            "bzw",
            "mit",
            "ohne",
            "dem",
            "den",
            "des",
            "einem",
            "einen",
            "einer",
            "eines",
        ]
    )
)


_WH_WORDS = frozenset(
    [
        "warum",
        "weshalb",
        "wieso",
        "wie",
        "wer",
        "wen",
        "wem",
        "was",
        "wo",
        "wann",
        "woher",
        "wohin",
        "welche",
        "welcher",
        "welches",
        "inwieweit",
    ]
)
_NOT_REPORT_START = frozenset(
    [
        "und",
        "oder",
        "aber",
        "sondern",
        "denn",
        "doch",
        "bevor",
        "nachdem",
        "als",
        "weil",
        "um",
        "wenn",
        "während",
        "sowie",
        "sodass",
        "so",
        "da",
        "damit",
        "obwohl",
        "indem",
        "seit",
        "seitdem",
        "bis",
        "falls",
        "zumal",
        "der",
        "die",
        "das",
        "dem",
        "den",
        "deren",
        "dessen",
        "welche",
        "welcher",
        "welches",
        "wobei",
        "worauf",
        "womit",
        "wonach",
        "wozu",
    ]
)
_ZU_PARTICLES = (
    "an",
    "auf",
    "aus",
    "ein",
    "mit",
    "vor",
    "zurück",
    "statt",
    "fest",
    "dar",
    "her",
    "hin",
    "ab",
    "bei",
    "nach",
    "weiter",
    "zusammen",
    "fort",
    "teil",
    "durch",
    "um",
    "frei",
    "offen",
    "bereit",
    "heran",
    "heraus",
    "herein",
    "hinaus",
    "hinein",
    "zu",
    "weg",
    "los",
)


def _zu_infinitive(ctx: _Ctx, lo: int, end: int) -> bool:
    """The clause is an infinitive with zu: "…, das Gesetz zu ändern" / "…, die Seite zu sperren"."""
    doc = ctx.doc
    hi = lo
    while hi < end and doc[hi].text not in (",", ":") and ctx.inside[hi] < 0:
        hi += 1  # "fordert … auf, zügig eine Regelung zu treffen: „…“" ends at the colon
    last = doc[hi - 1] if hi > lo else None
    if last is None or not last.text.islower() or not last.text.endswith(("en", "ern", "eln")):
        return False
    if hi - 2 >= lo and doc[hi - 2].lower_ == "zu":
        return True
    return any(last.lower_.startswith(p + "zu") and len(last.text) > len(p) + 5 for p in _ZU_PARTICLES)


def _main_clause_start(ctx: _Ctx, lo: int, end: int) -> bool:
    """A reported main clause after the speech verb's comma: not "und", a relative pronoun or a conjunction."""
    t = ctx.doc[lo]
    if ctx.inside[lo] >= 0 or t.lower_ in _NOT_REPORT_START or end - lo < 4:
        return False
    if ctx.verb_like[lo] and t.text.islower():
        return False  # "Sie informieren über X, berichten über Y": a list of verbs, not a reported clause
    if t.lower_ in _WERDEN or t.lower_ in _WERDEN_SEIN or t.lower_ in ("hat", "hatte", "haben", "hatten"):
        return False  # "…beschuldigt, wurde dann festgenommen": a second verb of the same subject
    return t.is_alpha


def _relative_clause(ctx: _Ctx, clause_start: int) -> bool:
    """The verb stands in a relative or adverbial clause ("…, die das Projekt lobte, …")."""
    doc = ctx.doc
    return (
        clause_start > 0
        and doc[clause_start - 1].text == ","
        and doc[clause_start].lower_ in _NOT_REPORT_START
    )


def _reported_before(ctx: _Ctx, v: int, verb: SpeechVerb, lo: int, end: int) -> QuoteMatch | None:
    """Man müsse jetzt handeln, sagte X. / Die Arbeiten beginnen im Mai, teilte das Bezirksamt mit.

    The clause before ", verb speaker" is reported: in Konjunktiv always, in the indicative when the
    inverted attribution closes the sentence (verb, speaker, at most a particle or adverbs).
    Also "…, wie die Polizei mitteilte." (the wie-clause closes the sentence).
    """
    doc = ctx.doc
    if v - 1 > lo and ctx.lower[v - 1] == "wie" and v - 2 > lo and doc[v - 2].text == ",":
        return None  # "…, wie sagte X" is no German word order
    wie = _wie_after(ctx, v, lo, end)
    if wie is not None:
        comma = wie - 1
        rng = _speaker_from_dep(ctx, doc[v]) or _np_after(ctx, wie + 1, v)
        rule = "indirect.wie_after"
    else:
        if v - 1 <= lo or doc[v - 1].text != "," or verb.scope == "report":
            return None
        comma = v - 1
        if any(_is_subjunctive(ctx, doc[k], allow_ii=False) for k in range(lo, comma)):
            rule = "indirect.konj_before"
        elif (
            verb.scope in ("any", "directive")
            and _closes_sentence(ctx, v, end)
            and _main_clause_before(ctx, lo, comma)
        ):
            rule = "indirect.before"
        else:
            return None
        rng = _speaker_from_dep(ctx, doc[v]) or _np_after(ctx, v + 1, end)
        if rule == "indirect.before" and (rng is None or rng[0] != v + 1 or end - rng[1] > 4):
            return None  # "…, forderte die Einrichtung einer Kommission": an object, not the speaker
    if rng is None:
        return None
    q_hi = _trim_end(doc, lo, comma)
    if q_hi - lo < 3 or any(ctx.inside[k] >= 0 for k in (lo, q_hi - 1)):
        return None  # a quoted sentence before the verb is a direct quote, handled there
    s = _span_text(doc, rng)
    t = doc[v]
    return _cued(
        doc[lo].idx, doc[q_hi - 1].idx + len(doc[q_hi - 1]), "indirect", rule, verb.lemma, t, s, verb.id
    )


def _wie_after(ctx: _Ctx, v: int, lo: int, end: int) -> int | None:
    """ "…, wie die Nachrichtenagentur gestern berichtete." -> index of "wie" (the clause ends the sentence)."""
    k = v - 1
    while k > lo + 2 and v - k < 12:
        t = ctx.texts[k]
        if t == "," or ctx.inside[k] >= 0:
            return None
        if ctx.lower[k] == "wie" and ctx.texts[k - 1] == ",":
            break
        k -= 1
    else:
        return None
    # the verb (and its particle) end the clause: "wie X mitteilte." / "wie X am Montag mitteilte, …"
    nxt = v + 1
    if nxt < end and ctx.lower[nxt] in ("hatte", "hat", "habe", "hätte", "wurde", "worden"):
        nxt += 1
    if nxt < end and ctx.texts[nxt] != ",":
        return None
    return k


def _main_clause_before(ctx: _Ctx, lo: int, comma: int) -> bool:
    """The words before ", verb speaker" are one main clause, not "Nachdem …," or "X, der …,"."""
    first = ctx.lower[lo]
    if first in _SUBORDINATORS or first in _WH_WORDS or first in ("und", "aber", "auch", "so"):
        return False
    return not any(ctx.texts[k] in (",", ":", ";") for k in range(lo, comma))


def _closes_sentence(ctx: _Ctx, v: int, end: int) -> bool:
    """After ", verb" only the speaker and short adverbs or a particle follow, up to the sentence end."""
    if end - v > 14:
        return False
    return not any(ctx.texts[k] in (",", ":", "(") or ctx.inside[k] >= 0 for k in range(v + 1, end))


# --- entry point ----------------------------------------------------------------------------------


def find_quotes(
    doc: Doc,
    *,
    lexicon: QuoteLexicon | None = None,
    options: QuoteOptions | None = None,
    scheme: object | None = None,
    people: Iterable[Span] = (),
    excluded: Iterable[tuple[int, int]] = (),
    no_fragments: Iterable[tuple[int, int]] = (),
) -> list[QuoteMatch]:
    """Direct and indirect quotes of a Doc, in text order.

    Example: "Staatsministerin Annette Widmann-Mauz unterstrich in Kassel: „Es ist gut, …“" -> direct,
    cue "unterstreichen", speaker "Staatsministerin Annette Widmann-Mauz".
    `people`: person-name spans of an earlier stage (help with "Sandra Scheeres: „…“");
    `excluded`: char ranges to ignore (captions); `no_fragments`: char ranges (titles, headings, lines)
    where a quoted phrase without a cue is a name, never a quote.
    """
    lex = lexicon or load_lexicon()
    opts = options or QuoteOptions()
    excluded = list(excluded)
    text = doc.text
    marked = [
        m
        for m in find_marked(text, max_paragraphs=opts.max_quote_paragraphs)
        if not any(a <= m.open_start and m.close_end <= b for a, b in excluded)
    ]
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
    ctx.name_marks = frozenset(n for n, m in enumerate(marked) if _name_like(text[m.start : m.end]))
    for n, m in enumerate(marked):
        span = doc.char_span(m.open_start, m.close_end, alignment_mode="expand")
        if span is not None:
            for k in range(span.start, span.end):
                ctx.inside[k] = n
    person_ranges = [(s.start_char, s.end_char) for s in people]
    ctx.people = person_ranges
    ctx.no_fragments = list(no_fragments)
    direct = _direct_quotes(ctx, marked, person_ranges)
    indirect = _indirect_quotes(ctx, direct, excluded) if opts.indirect else []
    direct += _quoted_in_reported(ctx, marked, direct, indirect)
    direct = [
        r
        for q in direct
        if (
            r := _fragment_speaker(q, direct, indirect, ctx.text)
            if q.speaker is None or q.rule_id.startswith("direct.fragment.")
            else q
        )
        is not None
    ]
    direct = [_cue_subject(ctx, q) if q.cue_start is not None else q for q in direct]
    indirect = [_cue_subject(ctx, q) if q.cue_start is not None else q for q in indirect]
    # shouted or written words nobody is named for stay without speaker ("die Parole „…“ war zu lesen")
    direct = [q if q.speaker or q.rule_id == "direct.utterance" else _nearby_person(ctx, q) for q in direct]
    return sorted(direct + indirect, key=lambda q: (q.start, q.end))


_SOURCE_PREPOSITIONS = frozenset(["in", "im", "auf", "von", "vom", "aus", "laut"])


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
        return _with_speaker(q, host)
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


# --- speaker resolution ---------------------------------------------------------------------------

_FEMININE_ROLE = re.compile(r"(?:in|frau)$")
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜ][\w'’.-]*$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A person or office mention an earlier stage found: char offsets and its dict (person/role)."""

    start: int
    end: int
    person_id: str | None
    gender: str | None = None
    family_name: str | None = None
    name: str | None = None
    role: str | None = None
    role_norm: str | None = None


def _norm(word: str) -> str:
    return word.casefold().strip(".,")


def _role_keys(word: str) -> set[str]:
    """Forms of an office noun to compare: "Staatsministerin" -> {staatsministerin, staatsminister}."""
    w = _norm(word)
    keys = {w}
    if w.endswith("in") and len(w) > 5:
        keys.add(w[:-2])
    return keys


def resolve_speaker(
    speaker: str,
    start: int,
    *,
    people: list[Mention],
    roles: list[Mention],
    office_of=None,
    previous: Iterable[tuple[int, str, str | None, str]] = (),
) -> str | None:
    """person_id of a speaker mention, through names, offices and pronouns of the same release.

    Example: "Die Staatsministerin" after "Staatsministerin Annette Widmann-Mauz" -> her person_id;
    "sie" -> the last female (or gender-unknown) person mentioned before the quote.
    `office_of(text)` (optional) maps an office mention to its normalized title (roles.match_office);
    `previous`: (start, person_id, gender, mention) of speakers already resolved, for pronouns and for
    an office repeated from an earlier speaker mention ("Staatsministerin A. W.-M. …" -> "Die Staatsministerin").
    """
    from pipeline.records.ids import person_id as make_id

    previous = list(previous)
    end = start + len(speaker)
    for p in people:  # a name span inside the mention decides
        if p.person_id and p.start < end and start < p.end:
            return p.person_id
    words = speaker.split()
    if len(words) == 1 and _norm(words[0]) in PRONOUNS:
        gender = PRONOUNS[_norm(words[0])]
        cands = [(p.start, p.person_id, p.gender) for p in people if p.end <= start and p.person_id]
        cands += [c[:3] for c in previous if c[0] < start and c[1]]
        for _, pid, g in sorted(cands, reverse=True):
            if g in (gender, None):
                return pid
        return None
    content = [w for w in words if _norm(w) not in DETERMINERS]
    if not content:
        return None
    # Family name alone or with an office: "Senatorin Kalayci", "Wegner".
    for p in sorted(people, key=lambda p: -p.start):
        if p.person_id and p.family_name and _norm(content[-1]) == _norm(p.family_name):
            return p.person_id
    # Office mention: "Die Staatsministerin", "der Regierende Bürgermeister".
    head_keys: set[str] = set()
    for w in content:
        if w[:1].isupper():
            head_keys |= _role_keys(w)
    norm_title = None
    if office_of is not None:
        norm_title = office_of(" ".join(content))
    best = None
    for r in roles:
        if not r.person_id:
            continue
        keys = set()
        for val in (r.role, r.role_norm):
            if val:
                keys |= _role_keys(val.split()[-1])
        hit = (norm_title and r.role_norm and _norm(norm_title) == _norm(r.role_norm)) or bool(
            head_keys & keys
        )
        if not hit:
            continue
        # Prefer the latest office holder mentioned before the quote, else the first one after it.
        rank = (0, -r.start) if r.start <= start else (1, r.start)
        if best is None or rank < best[0]:
            best = (rank, r.person_id)
    if best:
        return best[1]
    for p_start, pid, _, mention in sorted(previous, reverse=True):
        if p_start < start and pid and head_keys & {k for w in mention.split() for k in _role_keys(w)}:
            return pid
    # A full name no earlier stage found: "Staatssekretär Max Mustermann" -> id of "Max Mustermann".
    tail: list[str] = []
    for w in reversed(content):
        if not _NAME_TOKEN.match(w) or w.rstrip(".") in _HONORIFICS or _looks_like_office(w):
            break
        tail.insert(0, w)
    if len(tail) >= 2:
        return make_id(" ".join(tail[-3:]))
    return None


_HONORIFICS = frozenset({"Dr", "Prof", "Herr", "Frau", "Dipl", "Ing"})
_OFFICE_SUFFIX = re.compile(
    r"(?:minister|senator|bürgermeister|sekretär|präsident|direktor|beauftragte|sprecher|leiter|chef|"
    r"vorsitzende|vorsitzender|rat|leiterin|beauftragter)(?:in)?$|rätin$",
    re.IGNORECASE,
)


def _looks_like_office(word: str) -> bool:
    return bool(_OFFICE_SUFFIX.search(word)) and len(word) > 6
