"""Output tables as frozen dataclasses: one class per table, export column order = field order.

The column names are the contract of SPEC.md; columns after the SPEC ones are additions.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    source: str
    title: str | None
    kicker: str | None
    lead: str | None
    published: str | None
    publisher: str | None
    text: str
    n_words: int
    sha256: str
    url: str | None = None
    published_source: str | None = None  # "metadata", "text" or None: where `published` came from


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    name: str | None
    type: str | None
    motto: str | None
    start: str | None
    end: str | None
    location: str | None
    organizer: str | None
    recurrence: str | None
    char_start: int
    char_end: int
    rule_id: str | None = None


@dataclass(frozen=True, slots=True)
class AgendaItem:
    item_id: str
    doc_id: str
    event_id: str | None
    date: str | None
    time: str | None
    end_time: str | None
    title: str | None
    day_label: str | None
    participants: tuple[str, ...]
    char_start: int
    char_end: int
    participant_names: tuple[str, ...] = ()
    rule_id: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    person_id: str
    name: str
    honorific: str | None
    given_name: str | None
    family_name: str | None
    gender: str | None
    n_mentions: int
    n_documents: int
    rule_id: str | None = None  # the rule of the person's fullest mentions (most frequent over the run)


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One person named in one document (internal part `person_docs`); aggregated into `people` across the run."""

    person_id: str
    doc_id: str
    name: str
    honorific: str | None
    given_name: str | None
    family_name: str | None
    gender: str | None
    n_mentions: int
    char_start: int
    char_end: int
    rule_id: str | None = None  # the rule that found the fullest mention in the document


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a document names or refers to a person: the person–document link.

    Example: "die Staatsministerin" (quote speaker bound to Annette Widmann-Mauz) -> resolved_by "office".
    """

    mention_id: str
    doc_id: str
    person_id: str
    text: str
    resolved_by: str  # name, family_name, office, pronoun
    rule_id: str | None
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Role:
    doc_id: str
    person_id: str | None
    name: str | None
    role_text: str
    role: str | None
    role_norm: str | None
    portfolio: str | None
    organization: str | None
    jurisdiction: str | None
    level: str | None
    char_start: int
    char_end: int
    rule_id: str | None = None
    # the text marks the office as past ("ehemalige", "frühere", "damalige", "Ex-", "a. D.")
    former: bool = False


@dataclass(frozen=True, slots=True)
class Office:
    """Who held which office when: roles aggregated over the run by holder and office.

    Example: Annette Widmann-Mauz, Staatsminister, Integration, bund; first_seen 2018-03-14, 12 documents.
    """

    person_id: str | None
    name: str | None
    role_norm: str | None
    portfolio: str | None
    organization: str | None
    jurisdiction: str | None
    level: str | None
    first_seen: str | None
    last_seen: str | None
    n_documents: int
    doc_id: str  # an example document: the earliest one


@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str
    doc_id: str
    person_id: str | None
    speaker: str | None
    cue: str | None
    kind: str
    text: str
    char_start: int
    char_end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    rule_id: str | None = None
    speaker_org: str | None = None  # the speaker is an organization ("Die Polizei Berlin"), not a person


@dataclass(frozen=True, slots=True)
class Timex:
    doc_id: str
    text: str
    type: str
    value: str | None
    char_start: int
    char_end: int
    timex_id: str | None = None
    mod: str | None = None
    rule_id: str | None = None


@dataclass(frozen=True, slots=True)
class Error:
    source: str
    stage: str
    error: str
    doc_id: str | None = None


TABLES: dict[str, type] = {
    "documents": Document,
    "events": Event,
    "agenda": AgendaItem,
    "people": Person,
    "mentions": Mention,
    "roles": Role,
    "offices": Office,
    "quotes": Quote,
    "timexes": Timex,
    "errors": Error,
}

# Tables produced per document (people and offices are aggregated at the end of a run, people from the
# internal per-document part `person_docs`, offices from roles and the documents' dates).
DOC_TABLES = ("documents", "events", "agenda", "mentions", "roles", "quotes", "timexes")
PERSON_DOCS = "person_docs"


def columns(table: str) -> list[str]:
    """Column order of a table, taken from its dataclass."""
    return [f.name for f in fields(TABLES[table])]
