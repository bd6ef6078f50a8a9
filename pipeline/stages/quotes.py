"""The quotes stage: direct and reported speech with cue, speaker mention and resolved person.

Example: "Die Staatsministerin bilanzierte: „Es war ein lebhafter Erfahrungsaustausch …“" ->
doc.spans["press_quotes"] = [Span("Es war …")] with span._.quote = {kind: "direct", cue: "bilanzieren",
speaker: "Die Staatsministerin", person_id: <Widmann-Mauz>, …}.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pressextract.backbone import LabelScheme
from pressextract.contract import QUOTES_KEY, Refs
from pressextract.rules.quotes import QuoteMatch, QuoteOptions, find_quotes, load_rules
from pressextract.rules.quotes.clauses import load_clause_model
from pressextract.rules.quotes.learned import load_speaker_model
from pressextract.rules.quotes.rules import LEXICON_DIR, LEXICON_FILES, office_matcher
from pressextract.rules.quotes.speakers import speaker_organization
from pressextract.stages.settings import defaults

SETTINGS = (
    "max_quote_paragraphs",
    "min_sentence_words",
    "max_embedded_words",
    "indirect",
    "free_indirect",
    "free_konjunktiv",
    "min_fragment_words",
    "context_fragments",
    "fragment_free_blocks",
    "learned_speakers",
)


# The run setting behind --no-learned-quotes: quote speakers by the rules alone.
QUOTES_RULES_ONLY = (("press_quotes", "learned_speakers", False),)


class PressQuotes:
    """Writes doc.spans["press_quotes"]: the statement without its marks, span._.quote per the contract."""

    def __init__(self, nlp: Language, name: str, *, options: QuoteOptions, lexicon_dir: str | None) -> None:
        self.name = name
        self.lexicon_dir = lexicon_dir
        self.options = replace(options, scheme=LabelScheme.detect(nlp))
        # Load (and validate) the lexicons at start-up, not in the middle of a batch.
        self.rules = load_rules(Path(lexicon_dir) if lexicon_dir else None, office_of=office_matcher())
        self.speaker_model = load_speaker_model() if options.learned_speakers else None
        # the learned indirect rows: same switch (weights trained on WIKINEWS, see quote_clause.md)
        self.clause_model = load_clause_model() if options.learned_speakers else None

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicons this component reads, so a saved pipeline keeps its quote rules."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        source = Path(self.lexicon_dir) if self.lexicon_dir else LEXICON_DIR
        for name in LEXICON_FILES:
            shutil.copyfile(source / name, path / name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PressQuotes:
        """Load (and validate) the lexicons saved by to_disk."""
        self.lexicon_dir = str(path)
        self.rules = load_rules(Path(path), office_of=self.rules.office_of)
        return self

    def __call__(self, doc: Doc) -> Doc:
        refs = Refs.from_doc(doc, "blocks", "people", "offices", "text")
        matches = find_quotes(
            doc,
            rules=self.rules,
            options=self.options,
            refs=refs,
            speaker_model=self.speaker_model,
            clause_model=self.clause_model,
        )
        text = refs.text
        doc.spans[QUOTES_KEY] = [span for m in matches if (span := _span(doc, m, text)) is not None]
        return doc


def _span(doc: Doc, m: QuoteMatch, text: str) -> Span | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    # an organization speaks ("teilte die Polizei mit"): its own column, never a person_id
    # … or the pronoun that stands for one ("Darin fordert sie": the EKD), found by find_quotes
    org = m.speaker_org or (
        speaker_organization(doc, m.speaker_start, m.speaker_end, text=text) if m.speaker else None
    )
    if span is not None:
        span._.quote = {
            "kind": m.kind,
            "cue": m.cue,
            "speaker": m.speaker,
            "speaker_start": m.speaker_start,
            "speaker_end": m.speaker_end,
            "person_id": None if org else m.person_id,
            "speaker_org": org,
            "rule_id": m.full_rule_id,
            "cue_start": m.cue_start,
            "cue_end": m.cue_end,
        }
    return span


@Language.factory(
    "press_quotes",
    assigns=["doc.spans"],
    default_config={**defaults(QuoteOptions, *SETTINGS), "lexicon_dir": None},
)
def make_quotes(
    nlp: Language,
    name: str,
    max_quote_paragraphs: int,
    min_sentence_words: int,
    max_embedded_words: int,
    indirect: bool,
    free_indirect: bool,
    free_konjunktiv: bool,
    min_fragment_words: int,
    context_fragments: bool,
    fragment_free_blocks: list[str],
    learned_speakers: bool,
    lexicon_dir: str | None,
) -> PressQuotes:
    options = QuoteOptions(
        max_quote_paragraphs=max_quote_paragraphs,
        min_sentence_words=min_sentence_words,
        max_embedded_words=max_embedded_words,
        indirect=indirect,
        free_indirect=free_indirect,
        free_konjunktiv=free_konjunktiv,
        min_fragment_words=min_fragment_words,
        context_fragments=context_fragments,
        fragment_free_blocks=tuple(fragment_free_blocks),
        learned_speakers=learned_speakers,
    )
    return PressQuotes(nlp, name, options=options, lexicon_dir=lexicon_dir)
