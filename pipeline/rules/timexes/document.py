"""The timex rules on one Doc: options, the validated rules, the release date and the timexes.

Example: find_timex_matches(doc, rules=load_rules(), options=TimexOptions(), refs=Refs(meta={"published":
"2019-06-12"})) on "am nächsten Dienstag" -> [TimexMatch("nächsten Dienstag", DATE, "2019-06-18")].
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from pressextract.contract import Refs
from pressextract.rules.timexes.find import find_timexes
from pressextract.rules.timexes.grammar import Grammar, TimexMatch, default_grammar
from pressextract.rules.timexes.headers import find_published


@dataclass(frozen=True, slots=True)
class TimexOptions:
    """Settings of the timex rules (the component's factory arguments)."""

    domain: str = "news"  # "news" resolves relative dates against the release date
    find_published_date: bool = True  # read the release date printed in the text when metadata has none


@dataclass(frozen=True, slots=True)
class TimexRules:
    """The grammar (patterns/timex.jsonl + lexicons) and the rule ids it can emit (its pattern ids)."""

    grammar: Grammar
    rule_ids: frozenset[str]


def load_rules() -> TimexRules:
    """Load and validate the timex grammar once. Example: load_rules().rule_ids contains "date.d_month_y"."""
    grammar = default_grammar()
    return TimexRules(grammar, frozenset(p.id for p in grammar.patterns))


def document_anchor(meta: Mapping, published: str | None) -> date | None:
    """The anchor for relative expressions: metadata "published", else the date printed in the text.

    Example: meta {"published": "2019-06-12"} -> date(2019, 6, 12).
    """
    for iso in (meta.get("published"), published):
        if iso:
            try:
                return date.fromisoformat(str(iso)[:10])
            except ValueError:
                continue
    return None


def find_document_date(doc: Doc, *, rules: TimexRules, options: TimexOptions, refs: Refs) -> str | None:
    """The release date printed in the text (ISO), unless already known or not wanted.

    Example: "Pressemitteilung vom 12.06.2019 …" -> "2019-06-12".
    """
    if not options.find_published_date or refs.published is not None:
        return refs.published
    found = find_published(doc.text, grammar=rules.grammar)
    return found.isoformat() if found else None


def find_timex_matches(doc: Doc, *, rules: TimexRules, options: TimexOptions, refs: Refs) -> list[TimexMatch]:
    """Timexes of a Doc outside captions, relative ones resolved against the document's anchor.

    Reads refs.blocks (captions and credits are skipped), refs.meta and refs.published (the anchor).
    """
    bounds = [s.end_char for s in doc.sents] if doc.has_annotation("SENT_START") else None
    return find_timexes(
        doc.text,
        anchor=document_anchor(refs.meta, refs.published),
        domain=options.domain,
        grammar=rules.grammar,
        sent_bounds=bounds,
        excluded=refs.excluded(),
        past_sentences=past_sentences(doc) if bounds is not None and doc.has_annotation("MORPH") else None,
    )


def past_sentences(doc: Doc) -> frozenset[int]:
    """Indices of the sentences with a finite past-tense verb (the morphologizer's Tense=Past, Mood=Ind).

    Example: "In der Nacht von Sonntag auf Montag reparierten zwei Teams …" -> {0}: the Sunday is the last one.
    Participles ("Die am Montag geplante …", "wird am Samstag eröffnet") carry no Mood and do not count.
    """
    morphs = doc.to_array("MORPH")
    strings = doc.vocab.strings
    past = {
        h
        for h in set(morphs.tolist())
        if h and "Tense=Past" in (m := strings[h]) and "Mood=Ind" in m  # reads each distinct analysis once
    }
    if not past:
        return frozenset()
    hits = [i for i, h in enumerate(morphs.tolist()) if h in past]
    return frozenset(i for i, sent in enumerate(doc.sents) if any(sent.start <= t < sent.end for t in hits))
