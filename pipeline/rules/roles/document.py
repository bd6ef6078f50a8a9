"""The roles rules on one Doc: options, the validated rules, and the person–office statements.

Example: find_roles(doc, rules=load_rules(), options=RoleOptions(), refs=Refs.from_doc(doc, "blocks",
"people")) on "Stefan Grüttner, Hessischer Minister für Soziales und Integration" -> [Statement(Grüttner,
Minister, jurisdiction Hessen, level land)].
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pressextract.contract import Refs
from pressextract.resources.loader import read_rule_ids
from pressextract.rules.roles.phrases import level_from_publisher, state_from_publisher
from pressextract.rules.roles.rules import Lexicon, lexicon
from pressextract.rules.roles.statements import Statement, fill_from_document, find_statements


@dataclass(frozen=True, slots=True)
class RoleOptions:
    """Settings of the roles rules (the component's factory arguments)."""

    publisher_district: bool = True  # a district office's publisher ("Bezirksamt Mitte") gives the district


@dataclass(frozen=True, slots=True)
class RoleRules:
    """The office lexicons and the rule ids the roles rules can emit (resources/rules/roles.tsv)."""

    lexicon: Lexicon
    rule_ids: frozenset[str]


def load_rules() -> RoleRules:
    """Load and validate the office lexicons at start-up. Example: "role.name_office" in rule_ids."""
    return RoleRules(lexicon(), read_rule_ids("roles"))


def find_roles(doc: Doc, *, rules: RoleRules, options: RoleOptions, refs: Refs) -> list[Statement]:
    """Person–office statements of a Doc; a statement needs a named holder from refs.people.

    Reads refs.blocks (text units), refs.people and refs.meta (the publisher).
    """
    if not refs.people:  # statements need a named holder
        return []
    publisher = refs.meta.get("publisher")
    district = level_from_publisher(publisher) if options.publisher_district else None
    state = state_from_publisher(publisher) if options.publisher_district else None
    statements: list[Statement] = []
    text = doc.text  # built from the tokens on every access: once per document
    for s, e in refs.units(len(text)):
        people = [p for p in refs.people if s <= p.start and p.end <= e]
        if people:
            statements += find_statements(text[s:e], people, offset=s, district=district, state=state)
    return fill_from_document(statements)
