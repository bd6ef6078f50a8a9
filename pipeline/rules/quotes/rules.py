"""Loading and validating the quote lexicons (speech verbs, cue phrases, context words, utterances).

Example: load_lexicon() -> QuoteLexicon with verbs["betonen"] = SpeechVerb("betonen", scopes={"direct", "report"}).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pressextract.resources import LEXICON_DIR
from pressextract.resources.loader import ResourceError, data_lines, read_rule_ids, read_words
from pressextract.rules.roles import match_office  # the office lexicon belongs to the roles rules

LexiconError = ResourceError  # one error class for every resource file


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


def _tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    rows = data_lines(path)
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


# The files load_lexicon reads from its directory (a stage's to_disk/from_disk carries them).
LEXICON_FILES = (
    "speech_verbs.tsv",
    "quote_cues.tsv",
    "quote_context.tsv",
    "quote_subjunctive.tsv",
    "quote_utterances.tsv",
    "quote_foreign_words.tsv",
)


@lru_cache(maxsize=4)
def load_lexicon(directory: Path = LEXICON_DIR) -> QuoteLexicon:
    """Read and validate speech_verbs.tsv, quote_cues.tsv, quote_context.tsv, quote_subjunctive.tsv, …"""
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
    path = directory / "quote_subjunctive.tsv"
    for n, line in read_words(path):
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
    path = directory / "quote_foreign_words.tsv"
    for n, line in read_words(path):
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


@dataclass(frozen=True, slots=True)
class QuoteRules:
    """Everything the quote rules read: the lexicons, the rule ids they can emit, an office matcher."""

    lexicon: QuoteLexicon
    rule_ids: frozenset[str]
    office_of: Callable[[str], str | None] | None = None


def load_rules(
    lexicon_dir: Path | None = None, *, office_of: Callable[[str], str | None] | None = None
) -> QuoteRules:
    """Load and validate the quote lexicons and the declared rule ids (resources/rules/quotes.tsv).

    Example: load_rules().rule_ids contains "direct.after.verb"; a bad speech_verbs.tsv row raises
    ResourceError "speech_verbs.tsv:12: …" at start-up.
    """
    return QuoteRules(load_lexicon(lexicon_dir or LEXICON_DIR), read_rule_ids("quotes"), office_of)


def office_matcher() -> Callable[[str], str | None] | None:
    """The canonical office of a mention, from the roles lexicon: "Die Staatsministerin" -> "Staatsminister".

    None (with a warning) when the office lexicon fails to load: that is the roles stage's error, and
    quotes still run without office resolution.
    """
    try:
        match_office("Die Senatorin")  # loads and validates the office lexicon now, not mid-batch
    except ValueError as exc:
        logging.getLogger(__name__).warning(
            "press_quotes: office matching disabled, pressextract.rules.roles failed to load: %s", exc
        )
        return None

    def office_of(text: str) -> str | None:
        found = match_office(text)
        if found is None:
            return None
        if isinstance(found, str):
            return found
        if isinstance(found, dict):
            return found.get("role_norm")
        return getattr(found, "role_norm", None)

    return office_of
