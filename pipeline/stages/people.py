"""The people stage: person mentions as doc.spans["press_people"], one span per mention.

span._.person = {person_id, name, honorific, given_name, family_name, gender, rule_id}.
Rules on any pipeline (office titles, honorifics, given names); PER entities are used when the model
has NER, and LOC/ORG/MISC entities count against a person reading.
Example: "Staatsministerin Annette Widmann-Mauz" -> span "Annette Widmann-Mauz", gender f.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.contract import PEOPLE_KEY, char_span, text_units
from pipeline.rules.people import (
    PersonMatch,
    find_family_mentions,
    find_people,
    people_lexicon,
    resolve_document,
)
from pipeline.rules.roles import lexicon

SPANS_KEY = PEOPLE_KEY


class PressPeople:
    """Writes doc.spans["press_people"]."""

    def __init__(self, nlp: Language, name: str, *, use_entities: bool, later_mentions: bool) -> None:
        self.name = name
        self.use_entities = use_entities
        self.later_mentions = later_mentions
        people_lexicon()  # validate the data files at start-up, not mid-batch
        lexicon()

    def __call__(self, doc: Doc) -> Doc:
        per, other = [], []
        if self.use_entities:
            for ent in doc.ents:
                (per if ent.label_ in ("PER", "PERSON") else other).append((ent.start_char, ent.end_char))
        matches: list[PersonMatch] = []
        units = text_units(doc)
        text = doc.text  # built from the tokens on every access: once per document
        for s, e in units:
            matches += find_people(
                text[s:e],
                offset=s,
                per_spans=[x for x in per if s <= x[0] and x[1] <= e],
                other_spans=[x for x in other if s <= x[0] and x[1] <= e],
            )
        if self.later_mentions and matches:
            givens: dict[str, set[str]] = {}
            for m in matches:
                if " " not in m.family_name:
                    givens.setdefault(m.family_name, set()).update([m.given_name] if m.given_name else [])
            families = {f: (next(iter(g)) if len(g) == 1 else None) for f, g in givens.items()}
            taken = [(m.start, m.end) for m in matches]
            for s, e in units:
                for start, end, family, given, gender in find_family_mentions(
                    text[s:e], families, offset=s, taken=taken
                ):
                    name = f"{given} {family}" if given else family
                    matches.append(
                        PersonMatch(start, end, name, None, given, family, gender, "person.family_later")
                    )
        matches.sort(key=lambda m: m.start)
        spans = []
        for m in resolve_document(matches):
            span = char_span(doc, m.start, m.end)
            if span is None:
                continue
            full = f"{m.given_name} {m.family_name}" if m.given_name else m.family_name
            span._.person = {
                "person_id": m.person_id,
                "name": full,
                "honorific": m.honorific,
                "given_name": m.given_name,
                "family_name": m.family_name,
                "gender": m.gender,
                "rule_id": m.rule_id,
            }
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory(
    "press_people", assigns=["doc.spans"], default_config={"use_entities": True, "later_mentions": True}
)
def make_people(nlp: Language, name: str, use_entities: bool, later_mentions: bool) -> PressPeople:
    return PressPeople(nlp, name, use_entities=use_entities, later_mentions=later_mentions)
