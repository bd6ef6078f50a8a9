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
from spacy.tokens import Doc, Span

from pipeline.rules.roles import PersonRef, fill_from_document, find_statements, level_from_publisher, lexicon
from pipeline.stages.people import SPANS_KEY as PEOPLE_KEY
from pipeline.stages.people import _char_span, text_units

SPANS_KEY = "press_roles"

if not Span.has_extension("role"):
    Span.set_extension("role", default=None)


class PressRoles:
    """Writes doc.spans["press_roles"]."""

    def __init__(self, nlp: Language, name: str, *, publisher_district: bool) -> None:
        self.name = name
        self.publisher_district = publisher_district
        lexicon()  # validate the data files at start-up

    def __call__(self, doc: Doc) -> Doc:
        people = [s for s in doc.spans.get(PEOPLE_KEY, []) if s._.person]
        if not people:  # statements need a named holder
            doc.spans[SPANS_KEY] = []
            return doc
        meta = doc._.press_meta if doc.has_extension("press_meta") else None
        district = level_from_publisher((meta or {}).get("publisher")) if self.publisher_district else None
        spans = []
        statements = []
        text = doc.text  # built from the tokens on every access: once per document
        for s, e in text_units(doc):
            refs = [
                PersonRef(p.start_char, p.end_char, p._.person["person_id"], p._.person["name"])
                for p in people
                if s <= p.start_char and p.end_char <= e
            ]
            if not refs:
                continue
            statements += find_statements(text[s:e], refs, offset=s, district=district)
        statements = fill_from_document(statements)
        for st in statements:
            span = _char_span(doc, st.char_start, st.char_end)
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
