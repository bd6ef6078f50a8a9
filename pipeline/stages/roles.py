"""The roles stage: person–office statements as doc.spans["press_roles"], one span per statement,
the span being the office as written (role_text).

span._.role = {person_id, name, role, role_norm, portfolio, organization, jurisdiction, level, rule_id,
former, char_start, char_end, also}: char_start/char_end are the office's own offsets, which the
span widens where a spaCy token runs past them: `also` (optional) lists the payloads of further holders of the same span ("Die Bezirksverordneten
Anna Muster und Tom Probe").
Reads the people of press_people (runs after press_people). Offices with no named holder ("Die
Staatsministerin bilanzierte …") are no statements; pressextract.rules.roles.resolve_office_holder
resolves them for other stages.
Example: "Stefan Grüttner, Hessischer Minister für Soziales und Integration" -> Minister, Hessen, land.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pressextract.contract import ROLES_KEY, Refs, char_span
from pressextract.rules.roles import RoleOptions, Statement, find_roles, load_rules
from pressextract.stages.settings import defaults

SPANS_KEY = ROLES_KEY


class PressRoles:
    """Writes doc.spans["press_roles"]."""

    def __init__(self, nlp: Language, name: str, *, options: RoleOptions) -> None:
        self.name = name
        self.options = options
        self.rules = load_rules()  # validate the data files at start-up

    def __call__(self, doc: Doc) -> Doc:
        refs = Refs.from_doc(doc, "blocks", "people", "text")
        statements = find_roles(doc, rules=self.rules, options=self.options, refs=refs)
        spans: dict[tuple[int, int], Span] = {}
        for st in statements:
            span = char_span(doc, st.char_start, st.char_end)
            if span is None:
                continue
            key = (span.start_char, span.end_char)
            if key in spans:
                # one title for two holders ("Die Bezirksverordneten Anna Muster und Tom Probe"): spaCy keys
                # span extensions by offsets, so the second holder rides along in the first span's "also"
                first = spans[key]._.role
                first["also"] = [*first.get("also", []), _payload(st)]
                spans[key]._.role = first
                continue
            span._.role = _payload(st)
            spans[key] = span
        doc.spans[ROLES_KEY] = list(spans.values())
        return doc


def _payload(st: Statement) -> dict:
    return {
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
        "former": st.former,
        # further mentions of this office (merged though written otherwise): office mentions for other stages
        "mentions": [list(m) for m in st.mentions],
        # the office's own offsets: a spaCy token may run past it ("(SPD),Jugendstadträtin" is one token)
        "char_start": st.char_start,
        "char_end": st.char_end,
    }


@Language.factory("press_roles", assigns=["doc.spans"], default_config=defaults(RoleOptions))
def make_roles(nlp: Language, name: str, publisher_district: bool) -> PressRoles:
    return PressRoles(nlp, name, options=RoleOptions(publisher_district=publisher_district))
