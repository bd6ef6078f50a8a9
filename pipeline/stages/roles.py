"""The roles stage: person–office statements as doc.spans["press_roles"], one span per statement,
the span being the office as written (role_text).

span._.role = {person_id, name, role, role_norm, portfolio, organization, jurisdiction, level, rule_id}.
Reads doc.spans["press_people"] (runs after press_people). Offices with no named holder ("Die
Staatsministerin bilanzierte …") are no statements; pipeline.rules.roles.resolve_office_holder
resolves them for other stages.
Example: "Stefan Grüttner, Hessischer Minister für Soziales und Integration" -> Minister, Hessen, land.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.contract import ROLES_KEY, PersonRef, char_span, doc_meta, text_units
from pipeline.rules.roles import fill_from_document, find_statements, level_from_publisher, lexicon

SPANS_KEY = ROLES_KEY


class PressRoles:
    """Writes doc.spans["press_roles"]."""

    def __init__(self, nlp: Language, name: str, *, publisher_district: bool) -> None:
        self.name = name
        self.publisher_district = publisher_district
        lexicon()  # validate the data files at start-up

    def __call__(self, doc: Doc) -> Doc:
        people = PersonRef.from_doc(doc)
        if not people:  # statements need a named holder
            doc.spans[SPANS_KEY] = []
            return doc
        district = level_from_publisher(doc_meta(doc).get("publisher")) if self.publisher_district else None
        spans = []
        statements = []
        text = doc.text  # built from the tokens on every access: once per document
        for s, e in text_units(doc):
            refs = [p for p in people if s <= p.start and p.end <= e]
            if not refs:
                continue
            statements += find_statements(text[s:e], refs, offset=s, district=district)
        statements = fill_from_document(statements)
        for st in statements:
            span = char_span(doc, st.char_start, st.char_end)
            if span is None:
                continue
            span._.role = {
                "person_id": st.person.person_id,
                "name": st.person.name,
                "role": st.role,
                "role_norm": st.role_norm,
                "portfolio": st.portfolio,
                "organization": st.organization,
                "jurisdiction": st.jurisdiction,
                "level": st.level,
                "gender": st.gender,
                "rule_id": st.rule_id,
            }
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory("press_roles", assigns=["doc.spans"], default_config={"publisher_district": True})
def make_roles(nlp: Language, name: str, publisher_district: bool) -> PressRoles:
    return PressRoles(nlp, name, publisher_district=publisher_district)
