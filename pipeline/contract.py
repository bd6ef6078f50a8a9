"""What two stages share: span keys, extension registration and typed references to earlier results.

A stage reads what earlier stages wrote to the Doc only through the ``from_doc()`` readers here and
writes only its own key; no stage imports another stage or ``pressextract.records``.

  press_blocks   layout block, label kicker|title|lead|heading|paragraph|line|list_item|caption
  press_timexes  span.label_ = DATE|TIME|DURATION|SET, span._.timex  = {value, mod, rule_id, …}
  press_people   name span,                            span._.person = {person_id, name, honorific,
                                                        given_name, family_name, gender, rule_id}
  press_roles    office span (role_text),              span._.role   = {person_id, name, role, role_norm,
                                                        portfolio, organization, jurisdiction, level, rule_id}
  press_quotes   quote text without marks,             span._.quote  = {kind, cue, speaker, speaker_start,
                                                        speaker_end, person_id, speaker_org, rule_id}
  press_events   evidence span,                        span._.event  = {name, type, motto, start, end,
                                                        location, organizer, recurrence, rule_id, mentions}
  press_agenda   the programme entry,                  span._.agenda = {date, time, end_time, title,
                                                        day_label, participants, participant_names,
                                                        event_index, rule_id}
  doc._.press_meta: the document's metadata (published, publisher, has_title, …) or None.
  doc._.press_published: the document date found in the text (ISO) or None.

Example: ``TimexRef.from_doc(doc)`` after press_timexes -> [TimexRef(213, 226, "TIME", "2018-08-27T12:00")].
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pressextract.rules.layout import EXCLUDED

BLOCKS_KEY = "press_blocks"
TIMEXES_KEY = "press_timexes"
PEOPLE_KEY = "press_people"
ROLES_KEY = "press_roles"
QUOTES_KEY = "press_quotes"
EVENTS_KEY = "press_events"
AGENDA_KEY = "press_agenda"

# span extension of each stage's key: span._.<name> holds the stage's payload dict
EXTENSIONS = {
    TIMEXES_KEY: "timex",
    PEOPLE_KEY: "person",
    ROLES_KEY: "role",
    QUOTES_KEY: "quote",
    EVENTS_KEY: "event",
    AGENDA_KEY: "agenda",
}
DOC_EXTENSIONS = ("press_meta", "press_published")


def register_extensions() -> None:
    """Register every Doc/Span extension of the contract (idempotent; runs when this module loads)."""
    for name in EXTENSIONS.values():
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The token span of a character range: exact when the offsets fall on token edges, else widened."""
    return doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="expand")


def block_ranges(doc: Doc, *labels: str) -> list[tuple[int, int]]:
    """Character ranges of the layout blocks of the given labels (all when none given).

    Example: block_ranges(doc, "caption") -> [(812, 901)] for "Foto: Senatskanzlei".
    """
    return [
        (s.start_char, s.end_char) for s in doc.spans.get(BLOCKS_KEY, []) if not labels or s.label_ in labels
    ]


def excluded_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the blocks kept out of the body (captions, credits)."""
    return [(s.start_char, s.end_char) for s in doc.spans.get(BLOCKS_KEY, []) if s.label_ in EXCLUDED]


def text_units(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges the rules read: layout blocks outside captions, else the whole text."""
    # one pass over the blocks: each access to doc.spans builds new Span objects
    spans = [(b.start_char, b.end_char, b.label_) for b in doc.spans.get(BLOCKS_KEY, [])]
    if not spans:
        return [(0, len(doc.text))]
    excluded = [(s, e) for s, e, label in spans if label in EXCLUDED]
    return [(s, e) for s, e, _ in spans if not any(xs <= s and e <= xe for xs, xe in excluded)]


# where doc_text keeps the text in doc.user_data (the Doc's own dict: it lives and dies with the Doc)
_TEXT_KEY = ("pressextract", "doc_text")


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc: spaCy joins the tokens again on every access of doc.text (~0.2 ms a
    release), and several stages read the whole text. A Doc's text never changes (retokenizing keeps it).
    The memo in doc.user_data is a cache, not a result: stages ask for it (Refs.from_doc(doc, "text")),
    rules read refs.text and never write to a Doc.

    Example: doc_text(nlp.make_doc("Senatorin Anna Muster sagte")) == "Senatorin Anna Muster sagte"."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None or len(text) != _text_length(doc):
        # (a text of another Doc, copied with its user_data by Span.as_doc(copy_user_data=True), is not kept)
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _text_length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def doc_meta(doc: Doc) -> dict:
    """The document's metadata dict (empty when none was given)."""
    return doc._.press_meta or {}


@dataclass(frozen=True, slots=True)
class TimexRef:
    """A timex from press_timexes as plain values. Example: (213, 226, "TIME", "2018-08-27T12:00")."""

    start: int
    end: int
    label: str
    value: str | None

    @classmethod
    def from_doc(cls, doc: Doc) -> list[TimexRef]:
        return [
            cls(s.start_char, s.end_char, s.label_, (s._.timex or {}).get("value"))
            for s in doc.spans.get(TIMEXES_KEY, [])
        ]


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person mention from press_people. Example: (0, 20, "p-…", "Annette Widmann-Mauz", "f", "Widmann-Mauz")."""

    start: int
    end: int
    person_id: str | None
    name: str | None
    gender: str | None = None
    family_name: str | None = None

    @classmethod
    def from_doc(cls, doc: Doc) -> list[PersonRef]:
        """Every press_people span that carries a person payload, in text order."""
        out = []
        for s in doc.spans.get(PEOPLE_KEY, []):
            p = s._.person
            if p:
                out.append(
                    cls(
                        s.start_char,
                        s.end_char,
                        p.get("person_id"),
                        p.get("name"),
                        p.get("gender"),
                        p.get("family_name"),
                    )
                )
        return out


@dataclass(frozen=True, slots=True)
class OfficeRef:
    """An office the roles stage bound to a person. Example: ("Regierender Bürgermeister", "p-…", "Kai Wegner")."""

    role_norm: str | None
    person_id: str | None
    name: str | None
    start: int = -1
    end: int = -1
    role: str | None = None

    @classmethod
    def from_doc(cls, doc: Doc) -> list[OfficeRef]:
        """Every press_roles span that carries a role payload, in text order, and the further mentions of its
        office ("mentions"); not an office a relative clause states ("…, der das Beispiel Lab leitet"), which
        is no mention of a title."""
        out = []
        for s in doc.spans.get(ROLES_KEY, []):
            r = s._.role
            if r is not None:
                if str(r.get("rule_id", "")).startswith("role.name_relative_leads"):
                    continue
                for h in (r, *r.get("also", ())):  # "also": further holders of the same title span
                    out.append(
                        cls(
                            h.get("role_norm"),
                            h.get("person_id"),
                            h.get("name"),
                            s.start_char,
                            s.end_char,
                            h.get("role"),
                        )
                    )
                for a, b in r.get("mentions", ()):
                    out.append(
                        cls(r.get("role_norm"), r.get("person_id"), r.get("name"), a, b, r.get("role"))
                    )
        out.sort(key=lambda o: o.start)
        return out


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event from press_events: its index, where it is mentioned, and its date range."""

    index: int
    mentions: tuple[int, ...]
    start: str | None
    end: str | None

    @classmethod
    def from_doc(cls, doc: Doc) -> list[EventRef]:
        out = []
        for i, s in enumerate(doc.spans.get(EVENTS_KEY, [])):
            e = s._.event or {}
            out.append(cls(i, tuple(e.get("mentions") or (s.start_char,)), e.get("start"), e.get("end")))
        return out


@dataclass(frozen=True, slots=True)
class BlockRef:
    """A layout block from press_blocks. Example: (0, 42, "title")."""

    start: int
    end: int
    label: str

    @classmethod
    def from_doc(cls, doc: Doc) -> list[BlockRef]:
        return [cls(s.start_char, s.end_char, s.label_) for s in doc.spans.get(BLOCKS_KEY, [])]


@dataclass(frozen=True, slots=True)
class Refs:
    """What earlier stages (and the model) found in one Doc, as plain values: the one door a rules function
    reads them through. A stage reads only the parts it needs (``Refs.from_doc(doc, "people", "offices")``).

    Example: Refs(people=(PersonRef(0, 20, "p-…", "Annette Widmann-Mauz"),), meta={"publisher": "…"}).
    """

    blocks: tuple[BlockRef, ...] = ()
    timexes: tuple[TimexRef, ...] = ()
    people: tuple[PersonRef, ...] = ()
    offices: tuple[OfficeRef, ...] = ()
    events: tuple[EventRef, ...] = ()
    entities: tuple[tuple[int, int, str], ...] = ()  # the model's named entities: (start, end, label)
    meta: Mapping = field(default_factory=dict)  # doc._.press_meta
    published: str | None = None  # doc._.press_published (the date printed in the text)
    text: str | None = None  # doc.text, when the part "text" is asked for (doc_text: built once per Doc)

    @classmethod
    def from_doc(cls, doc: Doc, *parts: str) -> Refs:
        """The named parts of a Doc (blocks, timexes, people, offices, events, entities, text); meta always."""
        readers = {
            "blocks": BlockRef.from_doc,
            "timexes": TimexRef.from_doc,
            "people": PersonRef.from_doc,
            "offices": OfficeRef.from_doc,
            "events": EventRef.from_doc,
            "entities": lambda d: [(e.start_char, e.end_char, e.label_) for e in d.ents],
        }
        unknown = set(parts) - set(readers) - {"text"}
        if unknown:
            raise ValueError(f"unknown parts {sorted(unknown)}; known: {sorted([*readers, 'text'])}")
        got: dict = {p: tuple(readers[p](doc)) for p in parts if p != "text"}
        if "text" in parts:
            got["text"] = doc_text(doc)
        return cls(**got, meta=doc_meta(doc), published=doc._.press_published)

    def ranges(self, *labels: str) -> list[tuple[int, int]]:
        """Character ranges of the blocks of the given labels (all when none given)."""
        return [(b.start, b.end) for b in self.blocks if not labels or b.label in labels]

    def excluded(self) -> list[tuple[int, int]]:
        """Character ranges of the blocks kept out of the body (captions, credits)."""
        return [(b.start, b.end) for b in self.blocks if b.label in EXCLUDED]

    def units(self, text_length: int) -> list[tuple[int, int]]:
        """Character ranges the rules read: layout blocks outside captions, else the whole text."""
        if not self.blocks:
            return [(0, text_length)]
        excluded = self.excluded()
        return [
            (b.start, b.end)
            for b in self.blocks
            if not any(xs <= b.start and b.end <= xe for xs, xe in excluded)
        ]
