"""Office titles and person–office statements in German press releases. Pure functions on text.

Example: "Stefan Grüttner, Hessischer Minister für Soziales und Integration" -> one statement
(Minister, portfolio "Soziales und Integration", jurisdiction Hessen, level land).

The lexicons live in pipeline/resources/lexicons (offices.tsv, states.tsv, roles_districts.tsv,
levels.tsv, roles_public_bodies.tsv, roles_not_offices.tsv) and are validated when loaded.
Public API for other stages: `match_office(text)` (an office mention such as "Die Staatsministerin"
-> OfficeMatch) and `resolve_office_holder(text, roles)` (which person of the release holds it).
"""

from pressextract.contract import PersonRef
from pressextract.rules.roles.document import RoleOptions, RoleRules, find_roles, load_rules
from pressextract.rules.roles.offices import (
    OfficeMatch,
    find_office_heads,
    match_office,
    resolve_office_holder,
)
from pressextract.rules.roles.phrases import (
    OfficePhrase,
    analyse_phrase,
    level_from_publisher,
    phrase_extent,
    state_from_publisher,
)
from pressextract.rules.roles.records import (
    Statement,
    fill_from_document,
    merge_statements,
    replace_statement,
)
from pressextract.rules.roles.rules import KINDS, LEVELS, TYPES, Lexicon, Office, lexicon
from pressextract.rules.roles.statements import find_statements

__all__ = [
    "KINDS",
    "LEVELS",
    "TYPES",
    "Lexicon",
    "Office",
    "OfficeMatch",
    "OfficePhrase",
    "PersonRef",
    "RoleOptions",
    "RoleRules",
    "Statement",
    "analyse_phrase",
    "fill_from_document",
    "find_office_heads",
    "find_roles",
    "find_statements",
    "level_from_publisher",
    "lexicon",
    "load_rules",
    "match_office",
    "merge_statements",
    "phrase_extent",
    "replace_statement",
    "resolve_office_holder",
    "state_from_publisher",
]
