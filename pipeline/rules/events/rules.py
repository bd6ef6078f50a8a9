"""Loading and validating the event rules: event nouns with types and classes, non-events, cues, places.

Example: load_lexicon().nouns["konferenz"] -> EventNoun("ev.konferenz", …, type "Konferenz", class "meeting").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pressextract.resources.loader import ResourceError, compile_regex, data_lines, read_table, word_set
from pressextract.rules.programme import RESOURCES, load_grammar

CLASSES = frozenset(
    {
        "meeting",
        "press",
        "culture",
        "ceremony",
        "civic",
        "commemoration",
        "assembly",
        "election",
        "sport",
        "market",
        "visit",
        "hearing",
        "other",
    }
)


CUE_KINDS = frozenset(
    {
        "motto",
        "organizer",
        "occurs",
        "side",
        "title",
        "invite",
        "invite_open",
        "deadline",
        "occasion",
        "cancelled",
        "office",
        "online",
        "decision",
        "meet",
        "incident",
        "part",
    }
)


@dataclass(frozen=True, slots=True)
class EventNoun:
    rule_id: str
    words: tuple[str, ...]  # lower case; one word, or several for "tag der offenen tür"
    suffix: bool
    type: str
    cls: str
    anchor: str  # any | dated


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Event rules compiled from resources (event_*.tsv, location_*.tsv, patterns/event_cues.jsonl)."""

    nouns: tuple[EventNoun, ...]
    non_words: frozenset[str]
    non_after: tuple[tuple[str, str, re.Pattern], ...]  # (id, noun, regex on the text after the mention)
    recurrence: tuple[tuple[str, re.Pattern, str], ...]
    cues: tuple[tuple[str, str, re.Pattern], ...]  # (id, kind, regex)
    preps: tuple[tuple[str, tuple[str, ...], bool], ...]  # (id, words, needs a venue)
    not_place: tuple[re.Pattern, ...]
    venues: tuple[str, ...]
    place_labels: frozenset[str] = field(default_factory=frozenset)
    genders: tuple[tuple[str, str], ...] = ()  # (noun suffix, m|f|n), longest first
    # event frames of the parse (event_arguments.tsv): (id, lemma, particle, deps, cases)
    frames: tuple[tuple[str, str, str, tuple[str, ...], frozenset[str]], ...] = ()
    arg_stop: frozenset[str] = field(default_factory=frozenset)  # nouns in a frame slot that name no event
    arg_allow: frozenset[str] = field(default_factory=frozenset)  # generic nouns a frame slot makes events
    hosts: frozenset[str] = field(default_factory=frozenset)  # verbs whose subject hosts their event
    # indexes derived from the fields above, so that matching a word is a few dict look-ups
    single: dict[str, tuple[EventNoun, ...]] = field(init=False, compare=False, repr=False)  # word -> nouns
    frame_words: frozenset[str] = field(init=False, compare=False, repr=False)  # lemmas and fused forms
    multi: dict[str, tuple[EventNoun, ...]] = field(init=False, compare=False, repr=False)  # first word
    preps_by_first: dict[str, tuple[tuple[str, tuple[str, ...], bool], ...]] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        single: dict[str, list[EventNoun]] = {}
        multi: dict[str, list[EventNoun]] = {}
        for noun in self.nouns:  # lexicon order is kept: the first noun of a word wins
            if len(noun.words) == 1:
                single.setdefault(noun.words[0], []).append(noun)
            elif noun.words:
                multi.setdefault(noun.words[0], []).append(noun)
        preps: dict[str, list[tuple[str, tuple[str, ...], bool]]] = {}
        for prep in self.preps:  # longest first, as in self.preps
            if prep[1]:
                preps.setdefault(prep[1][0], []).append(prep)
        object.__setattr__(self, "single", {w: tuple(v) for w, v in single.items()})
        object.__setattr__(self, "multi", {w: tuple(v) for w, v in multi.items()})
        object.__setattr__(self, "preps_by_first", {w: tuple(v) for w, v in preps.items()})
        object.__setattr__(self, "frame_words", frozenset(f[1] for f in self.frames))

    def cues_of(self, kind: str) -> list[tuple[str, re.Pattern]]:
        return [(cid, rx) for cid, k, rx in self.cues if k == kind]


def _compile(pattern: str, where: str, flags: int = 0) -> re.Pattern:
    return compile_regex(pattern, where=where, flags=flags)


@lru_cache(maxsize=4)
def load_lexicon(resources: Path = RESOURCES) -> EventLexicon:
    """Load and validate the event rules; a bad regex or class raises ResourceError naming file and line."""
    lex = resources / "lexicons"
    nouns = []
    for no, (rid, noun, match, etype, cls, anchor) in read_table(lex / "event_types.tsv", columns=6):
        if match not in ("suffix", "exact"):
            raise ResourceError(f"event_types.tsv:{no}: match must be suffix or exact, got {match!r}")
        if cls not in CLASSES:
            raise ResourceError(f"event_types.tsv:{no}: unknown class {cls!r}")
        if anchor not in ("any", "dated"):
            raise ResourceError(f"event_types.tsv:{no}: anchor must be any or dated, got {anchor!r}")
        nouns.append(EventNoun(rid, tuple(noun.lower().split()), match == "suffix", etype, cls, anchor))
    non_words, non_after = set(), []
    for no, (rid, word, kind, pattern) in read_table(lex / "event_nonevents.tsv", columns=4, min_columns=3):
        if kind == "word":
            non_words.add(word.lower())
        elif kind == "after":
            non_after.append(
                (rid, word.lower(), _compile(pattern, f"event_nonevents.tsv:{no}", re.IGNORECASE))
            )
        else:
            raise ResourceError(f"event_nonevents.tsv:{no}: kind must be word or after, got {kind!r}")
    recurrence = []
    for no, (rid, pattern, value) in read_table(lex / "event_recurrence.tsv", columns=3):
        if value not in ("yearly", "monthly", "weekly", "daily"):
            raise ResourceError(f"event_recurrence.tsv:{no}: unknown value {value!r}")
        recurrence.append((rid, _compile(pattern, f"event_recurrence.tsv:{no}", re.IGNORECASE), value))
    cues = []
    path = resources / "patterns" / "event_cues.jsonl"
    for no, raw in data_lines(path):
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ResourceError(f"event_cues.jsonl:{no}: {exc}") from exc
        if row.get("kind") not in CUE_KINDS or not row.get("id"):
            raise ResourceError(f"event_cues.jsonl:{no}: needs an id and a kind in {sorted(CUE_KINDS)}")
        rx = _compile(row["pattern"], f"event_cues.jsonl:{no}")
        group = {"motto": "motto", "organizer": "org", "title": "title", "meet": "place"}.get(row["kind"])
        if group and group not in rx.groupindex:
            raise ResourceError(
                f"event_cues.jsonl:{no}: a {row['kind']} pattern needs a group named {group!r}"
            )
        cues.append((row["id"], row["kind"], rx))
    preps, not_place = [], []
    for no, (rid, kind, text, venue) in read_table(lex / "location_cues.tsv", columns=4, min_columns=3):
        if kind == "prep":
            preps.append((rid, tuple(text.lower().split()), venue == "1"))
        elif kind == "not_place":
            not_place.append(_compile(text, f"location_cues.tsv:{no}", re.IGNORECASE))
        else:
            raise ResourceError(f"location_cues.tsv:{no}: kind must be prep or not_place, got {kind!r}")
    preps.sort(key=lambda p: -len(p[1]))
    venues = tuple(
        sorted(
            (c[1].lower() for _, c in read_table(lex / "location_venues.tsv", columns=2)),
            key=len,
            reverse=True,
        )
    )
    genders = []
    for no, (_, suffix, gender) in read_table(lex / "location_genders.tsv", columns=3):
        if gender not in ("m", "f", "n"):
            raise ResourceError(f"location_genders.tsv:{no}: gender must be m, f or n, got {gender!r}")
        genders.append((suffix.lower(), gender))
    genders.sort(key=lambda g: -len(g[0]))
    frames, arg_stop, arg_allow, hosts = [], set(), set(), set()
    for no, (rid, kind, word, particle, deps, cases) in read_table(
        lex / "event_arguments.tsv", columns=6, min_columns=3
    ):
        if kind == "stop":
            arg_stop.add(word.lower())
        elif kind == "allow":
            arg_allow.add(word.lower())
        elif kind == "host":
            hosts.add(word.lower())
        elif kind == "frame":
            rels = tuple(d.strip() for d in deps.split(",") if d.strip())
            if not rels:
                raise ResourceError(f"event_arguments.tsv:{no}: a frame needs at least one dependency label")
            case_words = frozenset(c.strip().lower() for c in cases.split(",") if c.strip())
            frames.append((rid, word.lower(), particle.lower(), rels, case_words))
        else:
            raise ResourceError(
                f"event_arguments.tsv:{no}: kind must be frame, stop, allow or host, got {kind!r}"
            )
    grammar = load_grammar(resources)
    place_labels = frozenset(k for k, (_, f) in grammar.labels.items() if f == "place")
    return EventLexicon(
        tuple(nouns),
        frozenset(non_words),
        tuple(non_after),
        tuple(recurrence),
        tuple(cues),
        tuple(preps),
        tuple(not_place),
        venues,
        place_labels,
        tuple(genders),
        tuple(frames),
        frozenset(arg_stop),
        frozenset(arg_allow),
        frozenset(hosts),
    )


_DETS = word_set("events", "dets")
