"""The event rules on one Doc: options, the validated rules, and the events.

Example: find_events(doc, rules=load_rules(), options=EventOptions(), refs=Refs.from_doc(doc, "blocks",
"timexes", "entities")) on "tagte am 27. und 28. August 2018 in Kassel die Bundeskonferenz …" -> one event
(Konferenz, 2018-08-27 to 2018-08-28, Kassel).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pressextract.contract import Refs
from pressextract.resources.loader import read_rule_ids, word_set
from pressextract.rules.events.attributes import find_organizer
from pressextract.rules.events.find import events_of
from pressextract.rules.events.mentions import EventMatch
from pressextract.rules.events.rules import EventLexicon, load_lexicon
from pressextract.rules.programme import AgendaGrammar, load_grammar, programme_line_ranges


@dataclass(frozen=True, slots=True)
class EventOptions:
    """Settings of the event rules (the component's factory arguments)."""

    max_name_tokens: int = 14  # the longest event name, in tokens
    max_organizer_chars: int = 200  # the longest organizer phrase
    publisher_organizer: bool = True  # an announced event with no organizer in the text is the publisher's
    max_years_back: int = 2  # an event that started more years before the release is history


@dataclass(frozen=True, slots=True)
class EventRules:
    """The event lexicon, the programme grammar (shared with agenda) and the rule ids events can emit:
    the event nouns' ids (event_types.tsv), the title cues' ids (event_cues.jsonl) and resources/rules/events.tsv."""

    lexicon: EventLexicon
    grammar: AgendaGrammar
    rule_ids: frozenset[str]


def load_rules() -> EventRules:
    """Load and validate the event rules at start-up. Example: "ev.konferenz" in load_rules().rule_ids."""
    lexicon = load_lexicon()
    titles = {cid for cid, kind, _ in lexicon.cues if kind == "title"}  # "„Lange Nacht“ findet statt"
    frames = {f[0] for f in lexicon.frames}  # "Am Montag findet ein Gespräch statt": ev.arg.stattfinden
    ids = frozenset(n.rule_id for n in lexicon.nouns) | titles | frames | read_rule_ids("events")
    return EventRules(lexicon, load_grammar(), ids)


def find_events(doc: Doc, *, rules: EventRules, options: EventOptions, refs: Refs) -> list[EventMatch]:
    """Events of a Doc, merged by type and date, in order of first anchored mention.

    Reads refs.blocks (captions skipped; kicker, title and lead anchor mentions; headings scope dates),
    refs.timexes (dates) and refs.entities (places and organisations). Nouns on programme lines
    ("12:00 Uhr - Pressekonferenz") are agenda items, not events.
    """
    text = doc.text  # once: spaCy rebuilds it from the tokens on every access
    matches = events_of(
        doc,
        lexicon=rules.lexicon,
        timexes=refs.timexes,
        skip=refs.ranges("caption"),
        programme=programme_line_ranges(text, grammar=rules.grammar),
        lead=refs.ranges("kicker", "title", "lead"),
        headings=refs.ranges("heading"),
        entities=refs.entities,
        max_name_tokens=options.max_name_tokens,
        max_organizer_chars=options.max_organizer_chars,
        text=text,
        published=refs.published or refs.meta.get("published"),
    )
    day = (refs.published or refs.meta.get("published") or "")[:4]
    if day.isdigit():
        # history, not an event the release reports: "Vom 1. Mai bis 15. Oktober 1896 fand … statt"
        old = str(int(day) - options.max_years_back)
        matches = [m for m in matches if not (m.event.get("start") or "9999")[:4] < old]
    if matches:
        _host_places(matches, lexicon=rules.lexicon)
    if matches and options.publisher_organizer:
        fill_organizers(
            matches,
            text,
            lexicon=rules.lexicon,
            publisher=refs.meta.get("publisher"),
            published=refs.published or refs.meta.get("published"),
            max_chars=options.max_organizer_chars,
        )
    return matches


def fill_organizers(
    matches: list[EventMatch],
    text: str,
    *,
    lexicon: EventLexicon,
    publisher: str | None,
    published: str | None,
    max_chars: int = 200,
) -> None:
    """Organizers of events whose own sentences name none: the host of the release's invitation
    ("Die Stadtbibliothek lädt … ein", "Veranstalter: …") anywhere in the text, else the publisher when the
    release invites in its own name (event_cues.jsonl, kind invite: "Presseeinladung", "Wir laden …"), or
    when it speaks in its publisher's name (first person plural, the publisher's head word: _own_voice) and
    has an open invitation (kind invite_open: "Wann:", "… lädt herzlich ein") or announces the event (its
    start on or after the publication day). A release that only reports on somebody else's event — a
    gallery's talk, a school's flea market in a district office's release that names neither — gives it
    no organizer.

    Example: publisher "Bezirksamt Mitte", "Presseeinladung\n\nDas Kiezfest findet am 3. Mai statt."
    -> organizer "Bezirksamt Mitte"; "Flohmarkt\n\nAm 3. Mai findet in der Jugendfreizeiteinrichtung ein
    Flohmarkt statt." -> no organizer.
    """
    todo = [m for m in matches if not m.event.get("organizer")]
    if not todo:
        return
    host = None
    for para in re.split(r"\n\s*\n|(?<=[.!?])\s+(?=[A-ZÄÖÜ])", text):
        hit = find_organizer(para.strip(), lexicon=lexicon, max_chars=max_chars, release_wide=True)
        if hit and not _BARE.fullmatch(hit[0]):  # "wir", "Die Stiftung": no name of a host
            host = hit[0]
            break
    owner = _publisher_name(publisher)
    own = _own_voice(text, owner)
    invites = any(rx.search(text) for _, rx in lexicon.cues_of("invite")) or (
        own and any(rx.search(text) for _, rx in lexicon.cues_of("invite_open"))
    )
    day = (published or "")[:10]
    part = [rx for _, rx in lexicon.cues_of("part")]
    for m in todo:
        if host:
            m.event["organizer"] = host
            continue
        head = text.split("\n", 1)[0]
        said = _mention_sentences(text, m.mentions) + ([head] if _names_in(head, m.event.get("name")) else [])
        if any(rx.search(s) for s in said for rx in part):
            continue  # "eine Demonstration …, die wir unterstützen": the publisher takes part, it does not host
        start = (m.event.get("start") or "")[:10]
        announced = own and bool(start and day and len(start) == 10 and start >= day)
        if owner and (invites or announced):
            m.event["organizer"] = owner


def _mention_sentences(text: str, offsets: list[int]) -> list[str]:
    """The sentence (up to a full stop or a line break) around each offset where an event is mentioned.
    Example: "Hinweise der Polizei zum Volksfest\n\nDas Fest …", offset of "Volksfest" -> ["Hinweise der Polizei
    zum Volksfest"]."""
    out = []
    for pos in offsets:
        start = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)
        ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e >= 0]
        out.append(text[start : min(ends) if ends else len(text)])
    return out


def _names_in(line: str, name: str | None) -> bool:
    """The line names the event by its head word. Example: "Hinweise der Polizei zum Volksfest", "Volksfest" -> True."""
    words = re.findall(r"[\wäöüÄÖÜß-]{4,}", name or "")
    return bool(words) and words[-1].lower() in line.lower()


def _host_places(matches: list[EventMatch], *, lexicon: EventLexicon) -> None:
    """An event with no place that a venue hosts takes place there: "Die Stadtteilbibliothek Am Park lädt … zum
    Vorlesen ein" -> location "Stadtteilbibliothek Am Park". Only a host named in the text, whose head noun is
    a place (location_venues.tsv) and no institution or street (words_events.tsv, set host_not_place):
    "Das Bezirksamt lädt … ein" gives no place.

    Example: organizer "Die Caspar-David-Friedrich-Schule" -> location "Caspar-David-Friedrich-Schule";
    organizer "Krankenhauskirche im Wuhlgarten", location "Wuhlgarten" -> "Krankenhauskirche im Wuhlgarten"."""
    for m in matches:
        host = m.event.get("organizer")
        place = m.event.get("location")
        if not host or (place and place not in host):
            continue  # a place inside the host's name is the host's: "die Krankenhauskirche im Wuhlgarten"
        words = re.sub(r"^(?:[Dd](?:er|ie|as|en|em|es))\s+", "", host).split()
        if not words or not words[0][:1].isupper() or len(words) > 6 or " und " in f" {host} ":
            continue  # "Die Stadtbibliothek und der Verein …": two hosts, no one place
        head = words[0].lower().rstrip(",")
        venue = next((v for v in lexicon.venues if head == v or head.endswith(v)), None)
        if venue is None or venue in _HOST_NOT_PLACE or head in _HOST_NOT_PLACE:
            continue
        m.event["location"] = " ".join(words).rstrip(",")


_HOST_NOT_PLACE = word_set("events", "host_not_place")  # an institution or a street hosts, but is no venue

_BARE = re.compile(r"(?i:wir|sie|er|es|man)|(?:[Dd](?:er|ie|as|en|em)\s+)?[A-ZÄÖÜ][\wäöüß-]*")


def _publisher_name(publisher: str | None) -> str | None:
    """The publisher as an organizer: without archive notes. Example: "Senatsverwaltung für X (Archiv
    2016–2021)" -> "Senatsverwaltung für X"."""
    if not publisher:
        return None
    name = re.sub(r"\s*\((?:Archiv|archive)[^)]*\)", "", publisher).strip()
    return name or None


_FIRST_PERSON = re.compile(r"\b(?:[Ww]ir|[Uu]ns(?:er(?:e[mnrs]?)?)?)\b")
_NAME_SKIP = frozenset(
    {"der", "die", "das", "des", "für", "und", "von", "in", "im", "e.v.", "gmbh", "berlin"}
)


def _own_voice(text: str, owner: str | None) -> bool:
    """The release speaks in its publisher's name: first person plural ("Wir laden …", "unsere Demo") or the
    publisher's head word in the text ("Bezirksamt" in "… des Bezirksamtes Mitte", "FOSSGIS" in "vom FOSSGIS e.V.").

    Example: publisher "Bezirksamt Mitte", "Die Galerie zeigt am 3. Mai …" -> False."""
    if _FIRST_PERSON.search(text):
        return True
    words = [w for w in re.findall(r"[\wäöüÄÖÜß.-]+", owner or "") if w.lower() not in _NAME_SKIP]
    if not words:
        return False
    head = words[0].rstrip(".-")
    return len(head) >= 3 and re.search(r"\b" + re.escape(head), text) is not None
