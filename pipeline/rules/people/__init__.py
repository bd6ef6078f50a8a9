"""Person mentions in German press releases: names next to office titles, honorifics, given names,
the model's PER entities, and later mentions of the family name alone. Pure functions on text.

Example: "Staatsministerin Annette Widmann-Mauz unterstrich" -> Annette | Widmann-Mauz, gender f
(shown by the feminine title); a later "Widmann-Mauz" links to the same person_id.
Gender is taken only from the text (Frau/Herr, feminine/masculine office titles), never from the
given name.
"""

from pressextract.rules.common import is_institution_word, people_lexicon
from pressextract.rules.people.document import PeopleOptions, PeopleRules, find_person_mentions, load_rules
from pressextract.rules.people.find import find_people
from pressextract.rules.people.names import PARTICLES, PersonMatch, make_person_id, name_runs
from pressextract.rules.people.resolve import find_family_mentions, resolve_document

__all__ = [
    "PARTICLES",
    "PeopleOptions",
    "PeopleRules",
    "PersonMatch",
    "find_family_mentions",
    "find_people",
    "find_person_mentions",
    "is_institution_word",
    "load_rules",
    "make_person_id",
    "name_runs",
    "people_lexicon",
    "resolve_document",
]
