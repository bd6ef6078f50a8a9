"""The people stage: person mentions as doc.spans["press_people"], one span per mention.

span._.person = {person_id, name, honorific, given_name, family_name, gender, rule_id}.
Rules on any pipeline (office titles, honorifics, given names); PER entities are used when the model
has NER, and LOC/ORG/MISC entities count against a person reading.
Example: "Staatsministerin Annette Widmann-Mauz" -> span "Annette Widmann-Mauz", gender f.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pressextract.contract import PEOPLE_KEY, Refs, char_span
from pressextract.rules.people import PeopleOptions, PersonMatch, find_person_mentions, load_rules
from pressextract.stages.settings import defaults

SPANS_KEY = PEOPLE_KEY


class PressPeople:
    """Writes doc.spans["press_people"]."""

    def __init__(self, nlp: Language, name: str, *, options: PeopleOptions) -> None:
        self.name = name
        self.options = options
        self.rules = load_rules()  # validate the data files at start-up, not mid-batch

    def __call__(self, doc: Doc) -> Doc:
        refs = Refs.from_doc(doc, "blocks", "entities", "text")
        matches = find_person_mentions(doc, rules=self.rules, options=self.options, refs=refs)
        doc.spans[PEOPLE_KEY] = [span for m in matches if (span := _span(doc, m)) is not None]
        return doc


def _span(doc: Doc, m: PersonMatch) -> Span | None:
    span = char_span(doc, m.start, m.end)
    if span is not None:
        span._.person = {
            "person_id": m.person_id,
            "name": f"{m.given_name} {m.family_name}" if m.given_name else m.family_name,
            "honorific": m.honorific,
            "given_name": m.given_name,
            "family_name": m.family_name,
            "gender": m.gender,
            "rule_id": m.rule_id,
        }
    return span


@Language.factory("press_people", assigns=["doc.spans"], default_config=defaults(PeopleOptions))
def make_people(nlp: Language, name: str, use_entities: bool, later_mentions: bool) -> PressPeople:
    return PressPeople(
        nlp, name, options=PeopleOptions(use_entities=use_entities, later_mentions=later_mentions)
    )
