"""The quotes stage: direct and reported speech with cue, speaker mention and resolved person.

Example: "Die Staatsministerin bilanzierte: „Es war ein lebhafter Erfahrungsaustausch …“" ->
doc.spans["press_quotes"] = [Span("Es war …")] with span._.quote = {kind: "direct", cue: "bilanzieren",
speaker: "Die Staatsministerin", person_id: <Widmann-Mauz>, …}.
"""

from __future__ import annotations

import logging
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.backbone import LabelScheme
from pipeline.contract import PEOPLE_KEY, QUOTES_KEY, OfficeRef, PersonRef, block_ranges, excluded_ranges
from pipeline.rules.quotes import (
    LEXICON_DIR,
    Mention,
    QuoteOptions,
    find_quotes,
    load_lexicon,
    resolve_speaker,
)
from pipeline.rules.roles import match_office

log = logging.getLogger(__name__)


def _office_matcher():
    """roles.match_office when the roles rules are installed: "Die Staatsministerin" -> "Staatsminister"."""
    try:
        match_office("Die Senatorin")  # loads and validates the office lexicon now, not mid-batch
    except ValueError as exc:  # a broken office lexicon is the roles stage's error; quotes still run
        log.warning("press_quotes: office matching disabled, pipeline.rules.roles failed to load: %s", exc)
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


def _mentions(doc: Doc) -> tuple[list[Mention], list[Mention]]:
    """Person and office mentions of the earlier stages, as the speaker resolution reads them."""
    people = [
        Mention(p.start, p.end, p.person_id, p.gender, p.family_name, p.name) for p in PersonRef.from_doc(doc)
    ]
    roles = [
        Mention(o.start, o.end, o.person_id, None, None, o.name, o.role, o.role_norm)
        for o in OfficeRef.from_doc(doc)
    ]
    return people, roles


class PressQuotes:
    """Writes doc.spans["press_quotes"]: the statement without its marks, span._.quote per the contract."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        max_quote_paragraphs: int,
        min_sentence_words: int,
        max_embedded_words: int,
        indirect: bool,
        free_indirect: bool,
        min_fragment_words: int,
        context_fragments: bool,
        fragment_free_blocks: list[str],
        lexicon_dir: str | None,
    ) -> None:
        self.name = name
        self.options = QuoteOptions(
            max_quote_paragraphs=max_quote_paragraphs,
            min_sentence_words=min_sentence_words,
            indirect=indirect,
            free_indirect=free_indirect,
            min_fragment_words=min_fragment_words,
            context_fragments=context_fragments,
            max_embedded_words=max_embedded_words,
        )
        self.fragment_free_blocks = frozenset(fragment_free_blocks)
        # Load (and validate) the lexicons at start-up, not in the middle of a batch.
        self.lexicon = load_lexicon(Path(lexicon_dir) if lexicon_dir else LEXICON_DIR)
        self.scheme = LabelScheme.detect(nlp)
        self.office_of = _office_matcher()

    def __call__(self, doc: Doc) -> Doc:
        excluded = excluded_ranges(doc)
        no_fragments = block_ranges(doc, *self.fragment_free_blocks)
        people, roles = _mentions(doc)
        matches = find_quotes(
            doc,
            lexicon=self.lexicon,
            options=self.options,
            scheme=self.scheme,
            people=doc.spans.get(PEOPLE_KEY, []),
            excluded=excluded,
            no_fragments=no_fragments,
        )
        spans: list[Span] = []
        resolved: list[tuple[int, str, str | None, str]] = []
        genders = {p.person_id: p.gender for p in people if p.person_id}
        for m in matches:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            pid = None
            if m.speaker:
                pid = resolve_speaker(
                    m.speaker,
                    m.speaker_start,
                    people=people,
                    roles=roles,
                    office_of=self.office_of,
                    previous=resolved,
                )
                if pid:
                    resolved.append((m.speaker_start, pid, genders.get(pid), m.speaker))
            span._.quote = {
                "kind": m.kind,
                "cue": m.cue,
                "speaker": m.speaker,
                "speaker_start": m.speaker_start,
                "speaker_end": m.speaker_end,
                "person_id": pid,
                "rule_id": m.rule_id if not m.cue_id else f"{m.rule_id}:{m.cue_id}",
                "cue_start": m.cue_start,
                "cue_end": m.cue_end,
            }
            spans.append(span)
        doc.spans[QUOTES_KEY] = spans
        return doc


@Language.factory(
    "press_quotes",
    assigns=["doc.spans"],
    default_config={
        "max_quote_paragraphs": 6,
        "min_sentence_words": 4,
        "max_embedded_words": 25,
        "indirect": True,
        "free_indirect": True,
        "min_fragment_words": 0,
        "context_fragments": True,
        "fragment_free_blocks": ["kicker", "title", "heading", "line", "list_item"],
        "lexicon_dir": None,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    max_quote_paragraphs: int,
    min_sentence_words: int,
    max_embedded_words: int,
    indirect: bool,
    free_indirect: bool,
    min_fragment_words: int,
    context_fragments: bool,
    fragment_free_blocks: list[str],
    lexicon_dir: str | None,
) -> PressQuotes:
    return PressQuotes(
        nlp,
        name,
        max_quote_paragraphs=max_quote_paragraphs,
        min_sentence_words=min_sentence_words,
        max_embedded_words=max_embedded_words,
        indirect=indirect,
        free_indirect=free_indirect,
        min_fragment_words=min_fragment_words,
        context_fragments=context_fragments,
        fragment_free_blocks=fragment_free_blocks,
        lexicon_dir=lexicon_dir,
    )
