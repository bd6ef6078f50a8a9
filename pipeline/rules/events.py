"""Events a press release reports or announces: event-noun mentions, merged into events with attributes.

Example: "Auf Einladung der Beauftragten …, Staatsministerin Annette Widmann-Mauz, tagte am 27. und
28. August 2018 in Kassel die Bundeskonferenz der Integrationsbeauftragten …"
-> Event(name="Bundeskonferenz der Integrationsbeauftragten von Bund, Ländern und Kommunen", type="Konferenz",
   start="2018-08-27", end="2018-08-28", location="Kassel", organizer="Beauftragten der Bundesregierung …").

Which things count as events (resources/lexicons/event_types.tsv, column class): gatherings that happen at
a time and place and that people attend — meetings and conferences (meeting), press appointments (press),
cultural events (culture), ceremonies (ceremony), citizens' meetings and consultation hours (civic),
commemorations (commemoration), rallies and vigils (assembly), elections (election), sports events (sport),
markets and fairs (market), official visits (visit), public court hearings (hearing). Incidents that police
releases report (Verkehrsunfall, Brand, Einbruch, Festnahme) are not events in this sense and are not in the
lexicon. A noun alone is not an event row: the mention must be anchored — in the title or lead, in a
sentence with an event verb ("findet … statt", "tagte", "lädt … ein") or, for nouns that are often used
generically (anchor=dated: "Sitzung", "Wahl", "Diskussion"), in a sentence with a date or clock time.
Nouns on a programme line ("12:00 Uhr - Pressekonferenz") are agenda items, not events of their own.
Mentions of the same type are one event ("Bundeskonferenz", "Konferenz", "die zweitägige Konferenz"),
unless they carry different dates ("Pressekonferenz am 29. Januar" vs "… am 7. Februar").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from pipeline.contract import TimexRef
from pipeline.rules.agenda import RESOURCES, ResourceError, load_grammar, read_table, split_lines

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
CUE_KINDS = frozenset({"motto", "organizer", "occurs", "side", "title"})


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
    # indexes derived from the fields above, so that matching a word is a few dict look-ups
    single: dict[str, tuple[EventNoun, ...]] = field(init=False, compare=False, repr=False)  # word -> nouns
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

    def cues_of(self, kind: str) -> list[tuple[str, re.Pattern]]:
        return [(cid, rx) for cid, k, rx in self.cues if k == kind]


def _compile(pattern: str, where: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ResourceError(f"{where}: bad regex: {exc}") from exc


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
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ResourceError(f"event_cues.jsonl:{no}: {exc}") from exc
        if row.get("kind") not in CUE_KINDS or not row.get("id"):
            raise ResourceError(f"event_cues.jsonl:{no}: needs an id and a kind in {sorted(CUE_KINDS)}")
        rx = _compile(row["pattern"], f"event_cues.jsonl:{no}")
        group = {"motto": "motto", "organizer": "org", "title": "title"}.get(row["kind"])
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
    )


# ------------------------------------------------------------------------------------------- mentions

_INFLECTIONS = ("", "s", "n", "e", "en", "es", "er", "ern")


@dataclass(slots=True)
class Mention:
    """One event-noun mention. Example: "Bundeskonferenz" (tokens 40–41) -> type Konferenz."""

    start: int  # token index of the noun
    end: int
    noun: EventNoun
    name_start: int  # character offsets of the name phrase
    name_end: int
    plural: bool = False


def match_noun(word: str, *, lexicon: EventLexicon) -> tuple[EventNoun, bool] | None:
    """The event noun a single word is, or ends with (longest noun wins); (noun, plural?) or None.

    Example: "Bundeskonferenz" -> (Konferenz, False); "Pressekonferenzen" -> (Pressekonferenz, True);
    "Ablauf" -> None.
    """
    low = word.lower()
    if low in lexicon.non_words:
        return None
    single = lexicon.single
    for ending in _INFLECTIONS:
        if ending and not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending)] if ending else low
        if stem in lexicon.non_words:
            return None
        # the longest noun first: the whole stem, then ever shorter endings of it; a noun that is only
        # the end of the stem must be a suffix noun after at least 3 letters or a hyphen ("Bürger-Dialog")
        for k in range(len(stem)):
            for noun in single.get(stem[k:], ()):
                if k == 0 or (noun.suffix and (k >= 3 or stem[k - 1] == "-")):
                    return noun, ending in ("en", "n", "e", "er", "ern", "s") and stem != low
    return None


_DETS = frozenset(
    ["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"]
)
_CONNECT = frozenset({"von", "für", "zum", "zur", "zu", "über", "gegen", "mit", "und", "sowie", "des", "der"})
_QUOTE_OPEN = '„“»"‚'
_QUOTE_CLOSE = '“”«"‘'


def _name_extent(doc: Doc, i: int, j: int, *, max_tokens: int, text: str | None = None) -> tuple[int, int]:
    """Token range of the event name around the noun doc[i:j]: city adjective before it, then a quoted
    title, a genitive ("der Integrationsbeauftragten") and "von/für/zum …" complements.

    Example: "die Bundeskonferenz der Integrationsbeauftragten von Bund, Ländern und Kommunen tagte"
    -> "Bundeskonferenz der Integrationsbeauftragten von Bund, Ländern und Kommunen".
    """
    start = i
    if i > 0:
        prev = doc[i - 1]
        line_start = prev.idx == 0 or (doc.text if text is None else text)[prev.idx - 1] == "\n"
        if (
            (
                prev.text[:1].isupper()
                and prev.lower_ not in _DETS
                and prev.lower_.endswith("er")
                and not prev.is_sent_start
            )
            or re.fullmatch(r"\d{1,3}\.", prev.text)
            or (
                # a title line "Offizielle Eröffnung „…“": the adjective is part of the name
                line_start
                and prev.is_alpha
                and len(prev.text) > 4
                and prev.text[:1].isupper()
                and prev.lower_ not in _DETS
                and re.search(r"(?:e|er|es|en)$", prev.lower_)
                and (not prev.pos_ or prev.pos_ == "ADJ")
            )
        ):
            start = i - 1
    end = j
    sent_end = doc[i].sent.end
    limit = min(sent_end, j + max_tokens)
    k = j
    if k < limit and doc[k].text in _QUOTE_OPEN:
        m = k + 1
        while m < limit and doc[m].text not in _QUOTE_CLOSE:
            m += 1
        if m < limit:
            return start, m + 1
    last_ok = end
    state = "after_noun"
    while k < limit:
        t = doc[k]
        low = t.lower_
        if state in ("after_noun", "after_np") and low in _CONNECT and k + 1 < limit:
            # "der/des" only as genitive right after a noun; "und/sowie" only inside a complement list
            if low in ("und", "sowie") and state == "after_noun":
                break
            state = "need_np"
            k += 1
            continue
        if (
            state == "after_np"
            and t.text == ","
            and k + 1 < limit
            and doc[k + 1].text[:1].isupper()
            and doc[k + 1].lower_ not in _DETS
        ):
            state = "need_np"
            k += 1
            continue
        if state == "need_np":
            if low in _DETS or re.fullmatch(r"\d{1,4}\.?", t.text):
                k += 1
                continue
            if (
                t.is_alpha
                and t.text[:1].islower()
                and re.search(r"(?:e|en|er|es|em)$", low)
                and k + 1 < limit
                and doc[k + 1].text[:1].isupper()
            ):
                k += 1  # attributive adjective before the noun: "der jeweiligen Länder"
                continue
            if t.text[:1].isupper() and (t.is_alpha or "-" in t.text):
                k += 1
                while (
                    k < limit
                    and doc[k].text[:1].isupper()
                    and (doc[k].is_alpha or "-" in doc[k].text)
                    and doc[k].lower_ not in _DETS
                ):
                    k += 1
                last_ok = k
                state = "after_np"
                continue
            break
        break
    return start, max(end, last_ok)


def find_mentions(
    doc: Doc,
    *,
    lexicon: EventLexicon,
    skip: Sequence[tuple[int, int]] = (),
    max_name_tokens: int = 14,
    text: str | None = None,
) -> list[Mention]:
    """Event-noun mentions outside the skipped character ranges (captions, programme lines).

    Example: "In Kassel tagte die Bundeskonferenz." -> [Mention(noun=Konferenz, name="Bundeskonferenz")].
    """
    out: list[Mention] = []
    text = doc.text if text is None else text  # spaCy rebuilds doc.text from the tokens on every access
    toks = list(doc)  # doc[i] builds a new Token object on every access
    lowers = [t.lower_ for t in toks]
    n_toks = len(toks)
    multi = lexicon.multi
    nouns: dict[str, tuple[EventNoun, bool] | None] = {}  # match_noun per word, once per document
    i = 0
    while i < n_toks:
        tok = toks[i]
        if skip and any(s <= tok.idx < e for s, e in skip):
            i += 1
            continue
        hit: tuple[EventNoun, bool] | None = None
        j = i + 1
        for noun in multi.get(lowers[i], ()):
            n = len(noun.words)
            if i + n <= n_toks and tuple(lowers[i : i + n]) == noun.words:
                hit, j = (noun, False), i + n
                break
        word = tok.text
        if hit is None and word[:1].isupper() and (tok.is_alpha or "-" in word):
            hit = nouns[word] if word in nouns else nouns.setdefault(word, match_noun(word, lexicon=lexicon))
        elif hit is None and tok.is_alpha and word[:1].islower() and any(c.isupper() for c in word[1:]):
            hit = match_noun(word, lexicon=lexicon)  # camel: "das Berliner jugendFORUM"
        if hit is not None and i > 0 and lowers[i - 1] in ("im", "ins") and _is_venue(word, lexicon.venues):
            hit = None  # "im Kulturforum": the place of an event, not the event
        if hit is None:
            i += 1
            continue
        noun, plural = hit
        if (
            plural
            and lowers[i].endswith("s")
            and i > 0
            and lowers[i - 1] in ("des", "eines", "jedes", "dieses")
        ):
            plural = False  # genitive singular: "des Sommerfests"
        last = toks[j - 1]
        after = text[last.idx + len(last.text) : last.idx + len(last.text) + 80]
        if any(w == noun.words[-1] and rx.search(after) for _, w, rx in lexicon.non_after):
            i = j
            continue
        s, e = _name_extent(doc, i, j, max_tokens=max_name_tokens, text=text)
        name_start, name_end = toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text)
        out.append(Mention(i, j, noun, name_start, name_end, plural))
        i = j
    return out


_QUOTED = re.compile(r"[„\"»]([A-ZÄÖÜ][^“”\"«„\n]{2,80})[“”\"«]")
TITLE_NOUN = EventNoun("ev.title", (), False, "Veranstaltung", "other", "any")


def title_mentions(
    doc: Doc, *, lexicon: EventLexicon, skip: Sequence[tuple[int, int]] = (), known: Sequence[Mention] = ()
) -> list[Mention]:
    """Quoted titles that name an event of their own (patterns/event_cues.jsonl, kind title): the title is
    the subject of "findet … statt", not the title of an event noun in front of it.

    Example: "Die „Fête de la Musique“ findet am Donnerstag statt." -> Mention(name="Fête de la Musique");
    "Die Ausstellung „Godori“ findet …" -> [] (the noun "Ausstellung" is the mention).
    """
    out: list[Mention] = []
    taken = [(doc[m.start].idx, m.name_end) for m in known]
    for sent in doc.sents:
        for cid, rx in lexicon.cues_of("title"):
            for m in rx.finditer(sent.text):
                s, e = sent.start_char + m.start("title"), sent.start_char + m.end("title")
                if any(a <= s < b for a, b in skip) or any(a <= s <= b for a, b in taken):
                    continue
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                noun = EventNoun(cid, (), False, TITLE_NOUN.type, TITLE_NOUN.cls, TITLE_NOUN.anchor)
                out.append(Mention(span.start, span.end, noun, s, e))
    return out


# ------------------------------------------------------------------------------------------ attributes

_DATEISH = re.compile(
    r"\b(?:\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
    r"|\d{1,2}\.\d{1,2}\.|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\w*"
    r"|\d{1,2}(?:[:.]\d{2})?\s*Uhr)\b"
)


def _iso(value: str | None) -> date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _clock(value: str | None) -> str | None:
    m = re.search(r"T(\d{2}:\d{2})", value or "")
    return m.group(1) if m else None


def dates_of(timexes: Sequence[TimexRef], start: int, end: int) -> tuple[list[date], list[str]]:
    """Calendar dates and clock times ("HH:MM") of the timexes inside [start, end).

    Example: "am 27. und 28. August 2018" (value 2018-08-27/2018-08-28) -> ([27.08., 28.08.], []).
    """
    days: list[date] = []
    clocks: list[str] = []
    for t in timexes:
        if not (start <= t.start and t.end <= end) or not t.value or t.label not in ("DATE", "TIME"):
            continue
        for part in t.value.split("/"):
            d = _iso(part)
            if d is not None and d not in days:
                days.append(d)
            c = _clock(part)
            if c is not None and c not in clocks:
                clocks.append(c)
    return days, clocks


def event_dates(timexes: Sequence[TimexRef], start: int, end: int) -> tuple[str | None, str | None]:
    """ISO start and end of an event from the timexes of its sentence.

    Example: "am 27. und 28. August 2018" -> ("2018-08-27", "2018-08-28");
    "am 20. Juni um 18 Uhr" -> ("2018-06-20T18:00", None).
    """
    days, clocks = dates_of(timexes, start, end)
    if not days:
        return None, None
    first, last = min(days), max(days)
    if first == last:
        s = f"{first.isoformat()}T{clocks[0]}" if clocks else first.isoformat()
        e = f"{first.isoformat()}T{clocks[1]}" if len(clocks) > 1 and clocks[1] > clocks[0] else None
        return s, e
    return first.isoformat(), last.isoformat()


def _cut_phrase(text: str, *, max_chars: int) -> str | None:
    """The organizer phrase up to the clause end. Example: "… Annette Widmann-Mauz, tagte am …" -> "… Widmann-Mauz"."""
    m = re.search(
        r",\s+(?=[a-zäöüß])|[.;:!?](?:\s|$)|\s+(?:am|vom|ab|um|im|in|findet|fand|tagte|tagt|lädt|wird|werden"
        r"|wurde|hat|haben|ist|sind|war|statt|zu|zum|zur|ein)\s",
        text,
    )
    phrase = text[: m.start()] if m else text
    phrase = phrase.strip(" ,;–-\u00a0")
    if not phrase or len(phrase) > max_chars:
        return None
    return phrase


def find_organizer(text: str, *, lexicon: EventLexicon, max_chars: int = 200) -> tuple[str, str] | None:
    """Organizer phrase and cue id in one sentence. Example: "Auf Einladung der Senatorin Kalayci findet …"
    -> ("Senatorin Kalayci", "org.auf_einladung")."""
    for cid, rx in lexicon.cues_of("organizer"):
        m = rx.search(text)
        if m:
            phrase = _cut_phrase(m.group("org"), max_chars=max_chars)
            if phrase:
                return phrase, cid
    return None


def find_motto(text: str, *, lexicon: EventLexicon) -> tuple[str, str] | None:
    """Motto without its quotation marks. Example: "… unter dem Titel „Vor Ort gestalten“ statt." -> "Vor Ort gestalten"."""
    for cid, rx in lexicon.cues_of("motto"):
        m = rx.search(text)
        if m:
            return m.group("motto").strip(), cid
    return None


def find_recurrence(text: str, *, lexicon: EventLexicon) -> tuple[str, str] | None:
    """Recurrence value of a sentence. Example: "Einmal jährlich lädt …" -> ("yearly", "rec.yearly.adj")."""
    for rid, rx, value in lexicon.recurrence:
        if rx.search(text):
            return value, rid
    return None


_STRONG_ENDING = {"m": "er", "f": "e", "n": "es"}


def place_base_form(place: str, *, lexicon: EventLexicon) -> str:
    """The name of a place as it stands alone: an adjective inflected after a preposition takes the
    nominative ending of its venue noun's gender (resources/lexicons/location_genders.tsv).

    Example: "Roten Rathaus" (from "vor dem Roten Rathaus") -> "Rotes Rathaus"; "Neuen Nationalgalerie" ->
    "Neue Nationalgalerie"; "Großen Saal der Urania" -> "Großer Saal der Urania"; "Rathaus Schöneberg" unchanged.
    """
    words = place.split(" ")
    if len(words) < 2:
        return place
    adj, noun = words[0], words[1]
    if not (
        adj[:1].isupper() and adj.isalpha() and adj.endswith("en") and len(adj) > 4 and noun[:1].isupper()
    ):
        return place
    if _is_venue(adj, lexicon.venues) or not _is_venue(noun, lexicon.venues):
        return place  # "Gärten Berlins", "Deutschen" before a non-venue: not adjective + venue
    low = noun.lower().rstrip(".")
    gender = next((g for suffix, g in lexicon.genders if low.endswith(suffix)), None)
    if gender is None:
        return place
    return " ".join([adj[:-2] + _STRONG_ENDING[gender], *words[1:]])


def _is_venue(word: str, venues: Sequence[str]) -> bool:
    low = word.lower()
    return any(low == v or low.endswith(v) or low.startswith(v) for v in venues)


def find_location(
    span: Span,
    *,
    lexicon: EventLexicon,
    entities: Sequence[tuple[int, int, str]] = (),
    max_tokens: int = 8,
    near: int | None = None,
    text: str | None = None,
) -> str | None:
    """The first place named with a location cue in a sentence ("in Kassel", "im Rathaus Schöneberg").

    Example: "Am 27. August tagte in Kassel die Konferenz." -> "Kassel"; "in Bildung und Arbeit" -> None.
    """
    doc = span.doc
    text = doc.text if text is None else text  # spaCy rebuilds doc.text from the tokens on every access
    loc_ents = [(s, e) for s, e, lab in entities if lab in ("LOC", "GPE", "FAC")]
    other_ents = [(s, e) for s, e, lab in entities if lab in ("PER", "ORG", "MISC")]
    loc_names = {text[s:e] for s, e in loc_ents}
    found: list[tuple[int, int, str]] = []
    lowers = [t.lower_ for t in span]  # lowers[i - span.start] is doc[i].lower_
    preps = lexicon.preps_by_first
    i = span.start
    while i < span.end:
        hit = None
        for rid, words, needs_venue in preps.get(lowers[i - span.start], ()):
            n = len(words)
            if i + n < span.end and tuple(lowers[i - span.start : i - span.start + n]) == words:
                hit = (n, needs_venue)
                break
        if hit is None:
            i += 1
            continue
        n, needs_venue = hit
        k = i + n
        first = doc[k] if k < span.end else None
        if (
            first is None
            or not first.text[:1].isupper()
            or first.lower_ in _DETS
            or not (first.is_alpha or "-" in first.text)
        ):
            i += 1
            continue
        m = k
        while m < span.end and m - k < max_tokens:
            t = doc[m]
            if (
                t.text[:1].isupper()
                and (t.is_alpha or "-" in t.text or "." in t.text)
                and t.lower_ not in _DETS
            ):
                m += 1
                continue
            if (
                t.lower_ in ("an", "am", "auf")
                and m + 2 < span.end
                and doc[m + 1].lower_ in ("der", "dem")
                and doc[m + 2].text[:1].isupper()
            ):
                m += 2
                continue
            if t.lower_ == "am" and m + 1 < span.end and doc[m + 1].text[:1].isupper():
                m += 1
                continue
            if (
                t.like_num
                and m > k
                and _is_venue(
                    doc[m - 1].text,
                    ("straße", "str.", "platz", "allee", "damm", "weg", "ufer", "parkaue", "ring"),
                )
            ):
                m += 1
                continue
            break
        words = [t.text for t in doc[k:m]]
        start_c, end_c = doc[k].idx, doc[m - 1].idx + len(doc[m - 1].text)
        surface = text[start_c:end_c].rstrip(".,")
        # A place tagged LOC anywhere in the document counts here too: NER often tags one of two "Kassel".
        is_ent = any(s <= start_c < e for s, e in loc_ents) or surface in loc_names
        other_ent = any(s <= start_c < e for s, e in other_ents)
        venue = any(_is_venue(w, lexicon.venues) for w in words)
        abstract = any(rx.search(words[0]) for rx in lexicon.not_place)
        if is_ent or venue or (not needs_venue and not abstract and not other_ent):
            found.append((2 if is_ent or venue else 1, k, text[start_c:end_c].rstrip(".,")))
        i = m if m > i else i + 1
    if not found:
        return None
    # a venue or a LOC entity beats a bare "in X"; then the place nearest to the event noun
    ref = near if near is not None else span.start
    return place_base_form(max(found, key=lambda f: (f[0], -abs(f[1] - ref)))[2], lexicon=lexicon)


# ------------------------------------------------------------------------------------------------ events


@dataclass(slots=True)
class EventMatch:
    """One event of a document: the evidence sentence, the event dict, and where it is mentioned."""

    start: int
    end: int
    event: dict
    mentions: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    type: str
    mentions: list[Mention]
    days: frozenset[date]


def find_events(
    doc: Doc,
    *,
    lexicon: EventLexicon,
    timexes: Sequence[TimexRef] = (),
    skip: Sequence[tuple[int, int]] = (),
    programme: Sequence[tuple[int, int]] = (),
    lead: Sequence[tuple[int, int]] = (),
    headings: Sequence[tuple[int, int]] = (),
    entities: Sequence[tuple[int, int, str]] = (),
    max_name_tokens: int = 14,
    max_organizer_chars: int = 200,
    text: str | None = None,
) -> list[EventMatch]:
    """Events of one document, merged by type and date, in order of first anchored mention.

    `skip`: captions; `programme`: programme lines ("12:00 Uhr - Pressekonferenz") — their nouns are items
    of the event announced before them, and events of their own only when no event comes first
    ("13.00 Uhr gibt es eine Mahnwache am Marheinekeplatz 1" under a lead-in). `text`: doc.text, when the
    caller has read it already (spaCy rebuilds it on every access).
    Example: seed release -> one event "Bundeskonferenz der Integrationsbeauftragten …" (Konferenz,
    2018-08-27–2018-08-28, Kassel, yearly); the "12:00 Uhr - Pressekonferenz" line is no event.
    """
    grammar = load_grammar()
    if text is None:  # once: spaCy rebuilds doc.text from the tokens on every access
        text = doc.text
    mentions = find_mentions(doc, lexicon=lexicon, skip=skip, max_name_tokens=max_name_tokens, text=text)
    mentions += title_mentions(doc, lexicon=lexicon, skip=[*skip, *programme], known=mentions)
    mentions.sort(key=lambda m: m.start)
    occurs = lexicon.cues_of("occurs")
    side = lexicon.cues_of("side")
    blocks = _label_blocks(doc, grammar=grammar, timexes=timexes, text=text)
    blocks += _date_paragraphs(doc, grammar=grammar, timexes=timexes, known=blocks, text=text)
    blocks.sort(key=lambda b: b.start)

    def sent_of(m: Mention) -> Span:
        return doc[m.start].sent

    def in_ranges(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
        return any(s <= pos < e for s, e in ranges)

    def sent_dates(sent: Span) -> tuple[list[date], list[str]]:
        if grammar.is_deadline(sent.text):
            return [], []  # "Anmeldung bis Freitag, 22. November, 17 Uhr" dates no event
        return dates_of(timexes, sent.start_char, sent.end_char)

    def dated(sent: Span) -> bool:
        days, clocks = sent_dates(sent)
        return bool(days or clocks) or (
            bool(_DATEISH.search(sent.text)) and not grammar.is_deadline(sent.text)
        )

    def block_below(m: Mention) -> _Block | None:
        """The label block right under a mention ("Termin 1:\nPresserundgang …\n\nDatum: …")."""
        pos = doc[m.start].idx
        for b in blocks:
            if 0 <= b.start - pos <= 300 and text[pos : b.start].count("\n") <= 3:
                return b
        return None

    anchored: list[tuple[Mention, str]] = []
    loose: list[Mention] = []
    in_prog: list[Mention] = []
    for m in mentions:
        sent = sent_of(m)
        pos = doc[m.start].idx
        if in_ranges(pos, programme):
            in_prog.append(m)
            continue
        how = None
        line_start = text.rfind("\n", 0, pos) + 1
        if any(rx.search(text[line_start:pos]) for _, rx in side):
            loose.append(
                m
            )  # "Noch ein Hinweis: Die Ergebnisse werden auf einer Pressekonferenz … vorgestellt"
            continue
        if dated(sent):
            how = "dated"
        elif block_below(m) is not None:
            how = "block"
        elif m.noun.anchor == "any" and not m.plural:
            if in_ranges(pos, lead):
                how = "lead"
            elif any(rx.search(sent.text) for _, rx in occurs):
                how = "verb"
        ok = how in ("dated", "block") or (how is not None and m.noun.anchor == "any")
        # a plural ("Workshops", "Gedenkveranstaltungen") names a kind of event, not one event: it only joins
        # an event found elsewhere, unless it is the headline's subject
        if ok and not (m.plural and not in_ranges(pos, lead[:1])):
            anchored.append((m, how))
        else:
            loose.append(m)
    first_event = min((doc[m.start].idx for m, _ in anchored), default=len(text))
    for m in in_prog:
        if doc[m.start].idx < first_event and not m.plural:
            anchored.append((m, "programme"))  # a programme of events with no event above it
    anchored.sort(key=lambda x: x[0].start)

    def mention_days(m: Mention) -> list[date]:
        days = sent_dates(sent_of(m))[0]
        if not days:
            b = block_below(m)
            days = list(b.days) if b else []
        if not days and in_ranges(doc[m.start].idx, programme):
            days = _lead_in_days(doc, m, grammar=grammar, timexes=timexes)
        return days

    groups: list[_Group] = []
    for m, _how in anchored:
        days = frozenset(mention_days(m))
        target = None
        for g in groups:
            if g.type == m.noun.type and (not days or not g.days or days & g.days or days <= g.days):
                target = g
                break
        if target is None:
            groups.append(_Group(m.noun.type, [m], days))
        else:
            target.mentions.append(m)
            target.days = target.days | days
    for m in loose:
        for g in groups:
            if g.type == m.noun.type:
                g.mentions.append(m)
                break

    heading_paras = _heading_scopes(doc, headings, text=text)
    results: list[EventMatch] = []
    for g in groups:
        g.mentions.sort(key=lambda m: m.start)
        sents: list[Span] = []
        for m in g.mentions:
            s = sent_of(m)
            if s not in sents:
                sents.append(s)
            for hs, he, scope in heading_paras:
                if hs <= doc[m.start].idx < he:
                    sents.extend(x for x in scope if x not in sents)

        # evidence: the mention whose sentence (or label block) carries the most date facts, then the first
        def score(m: Mention) -> tuple[int, int, int]:
            days, clocks = sent_dates(sent_of(m))
            b = block_below(m)
            facts = len(days) * 2 + len(clocks) + (3 if b and b.days else 0)
            return (facts, -int(in_ranges(doc[m.start].idx, headings)), -m.start)

        best = max(g.mentions, key=score)
        best_sent = sent_of(best)
        block = block_below(best)
        if block is not None and block.days:
            start, end = block.start_value, block.end_value
        elif not grammar.is_deadline(best_sent.text):
            start, end = event_dates(timexes, best_sent.start_char, best_sent.end_char)
            if start is None or start.startswith("T"):
                days = mention_days(best)
                clocks = sent_dates(best_sent)[1]
                if len(days) == 1:
                    start = f"{days[0].isoformat()}T{clocks[0]}" if clocks else days[0].isoformat()
        else:
            start, end = None, None
        name_m = best
        if best.name_end - best.name_start <= len(doc[best.start].text) + 1:
            same = [m for m in g.mentions if doc[m.start].lower_ == doc[best.start].lower_ and not m.plural]
            name_m = max(same or [best], key=lambda m: (m.name_end - m.name_start, -m.start))
        if name_m.name_end - name_m.name_start <= len(doc[name_m.start].text) + 1:
            # still a bare noun: the headline's mention of the same event names it
            # ("Verleihung der Berliner Tierschutzpreise 2023" for "Preisverleihung")
            head = [m for m in g.mentions if lead and in_ranges(doc[m.start].idx, lead[:1]) and not m.plural]
            if head:
                name_m = max(head, key=lambda m: m.name_end - m.name_start)
        name = re.sub(r"\s+", " ", text[name_m.name_start : name_m.name_end]).strip()
        if best.noun.cls == "other" and name.lower() == doc[best.start].lower_ and lead:
            # a bare "Veranstaltung": the headline's quoted title names it
            # ("Presseeinladung: „Gleichstellung gewinnt“ – …" + "Die Veranstaltung findet statt am: …")
            head = _QUOTED.search(text[lead[0][0] : lead[0][1]])
            if head:
                name = f"{name} „{head.group(1).strip()}“"
        ev = {
            "name": name,
            "type": g.type,
            "motto": None,
            "start": start,
            "end": end,
            "location": block.place if block is not None and block.place else None,
            "organizer": None,
            "recurrence": None,
            "rule_id": best.noun.rule_id,
        }
        ordered = [best_sent] + [s for s in sents if s != best_sent]
        for s in ordered:
            if ev["location"] is None:
                ev["location"] = find_location(
                    s,
                    lexicon=lexicon,
                    entities=entities,
                    near=best.start if s == best_sent else None,
                    text=text,
                )
            if ev["motto"] is None:
                hit = find_motto(s.text, lexicon=lexicon)
                if hit:
                    ev["motto"] = hit[0]
            if ev["organizer"] is None:
                hit = find_organizer(s.text, lexicon=lexicon, max_chars=max_organizer_chars)
                if hit:
                    ev["organizer"] = hit[0]
            if ev["recurrence"] is None:
                hit = find_recurrence(s.text, lexicon=lexicon)
                if hit:
                    ev["recurrence"] = hit[0]
        # the evidence span is the name of the best mention: unique per event (span extensions are keyed
        # by offsets, so two events must never share one span)
        results.append(
            EventMatch(best.name_start, best.name_end, ev, sorted({doc[m.start].idx for m in g.mentions}))
        )
    if results:
        _apply_blocks(results, blocks)
    results.sort(key=lambda r: min(r.mentions))
    return results


@dataclass(slots=True)
class _Block:
    """A "Wann:/Wo:" or "Datum:/Uhrzeit:/Ort:" block: its dates, place and ISO start/end."""

    start: int
    end: int
    days: tuple[date, ...]
    place: str | None
    start_value: str | None
    end_value: str | None


def _label_blocks(doc: Doc, *, grammar, timexes: Sequence[TimexRef], text: str | None = None) -> list[_Block]:
    """Label blocks of the document. Example: "Wann: Mittwoch, 29. Januar 2020, 18.30 Uhr\n\nWo: Zentrum am
    Zoo" -> _Block(days=(2020-01-29,), place="Zentrum am Zoo", start_value="2020-01-29T18:30")."""
    out: list[_Block] = []
    cur: list = []
    lines = split_lines(doc.text if text is None else text)

    def flush() -> None:
        if not cur:
            return
        start, end = cur[0][0].start, cur[-1][0].end
        days: list[date] = []
        clock: list[str] = []
        place = None
        for ln, m in cur:
            fld = grammar.labels[m.group("label").lower()][1]
            if fld == "place" and place is None:
                place = m.group("value").strip().rstrip(".") or None
            if fld in ("when", "date", "time"):
                d, _c = dates_of(timexes, ln.start, ln.end)
                days.extend(x for x in d if x not in days)
                for t in re.finditer(
                    r"(?<![\d.])(2[0-4]|[01]?\d)(?:[:.]([0-5]\d))?\s*Uhr\b|(?<![\d.])(2[0-4]|[01]?\d)[:.]([0-5]\d)(?![\d.])",
                    m.group("value"),
                ):
                    h, mi = (t.group(1), t.group(2)) if t.group(1) else (t.group(3), t.group(4))
                    clock.append(f"{int(h):02d}:{int(mi or 0):02d}")
        sv = ev = None
        if days:
            first, last = min(days), max(days)
            sv = f"{first.isoformat()}T{clock[0]}" if clock and first == last else first.isoformat()
            ev = last.isoformat() if last != first else None
        out.append(_Block(start, end, tuple(days), place, sv, ev))
        cur.clear()

    prev_para = None
    for ln in lines:
        m = grammar.label_line.match(ln.text)
        if m is None or not m.group("value").strip():
            if m is None and cur and ln.para == prev_para and len(ln.text) <= 120:
                continue  # an address line under "Treffpunkt:"
            flush()
            continue
        if cur and prev_para is not None and ln.para - prev_para > 1:
            flush()
        cur.append((ln, m))
        prev_para = ln.para
    flush()
    return out


_DATE_LINE = re.compile(
    r"^(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s+(?:den\s+)?)?"
    r"\d{1,2}\.\s*(?:\d{1,2}\.|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
)
_CLOCK = re.compile(
    r"(?<![\d.])(2[0-4]|[01]?\d)(?:[:.]([0-5]\d))?\s*(?:–|-|bis)?\s*(?:(?:2[0-4]|[01]?\d)(?:[:.][0-5]\d)?\s*)?Uhr\b"
    r"|(?<![\d.])(2[0-4]|[01]?\d)[:.]([0-5]\d)(?![\d.])"
)


def _date_paragraphs(
    doc: Doc,
    *,
    grammar,
    timexes: Sequence[TimexRef],
    known: Sequence[_Block],
    max_line_chars: int = 100,
    text: str | None = None,
) -> list[_Block]:
    """Unlabelled when/where paragraphs right under an unfinished sentence: a date line, then the place.

    Example: "Das jugendFORUM findet statt am\n\nMontag, 30. September 2019\nim JugendKulturZentrum PUMPE,\n
    10 – 16 Uhr, Lützowstraße 42" -> _Block(days=(2019-09-30,), place="JugendKulturZentrum PUMPE").
    A date line after a finished sentence ("… statt.\n\nMontag, 30. September") is not such a block.
    """
    out: list[_Block] = []
    lines = split_lines(doc.text if text is None else text)
    for n, ln in enumerate(lines):
        if n == 0 or len(ln.text) > max_line_chars or not _DATE_LINE.match(ln.text):
            continue
        if any(b.start <= ln.start < b.end for b in known) or grammar.is_deadline(ln.text):
            continue
        prev = lines[n - 1].text.rstrip()
        if re.search(r"[.!?“”\"]$", prev) or ln.para - lines[n - 1].para > 1:
            continue  # the sentence above is finished: the date line is not its complement
        days, _ = dates_of(timexes, ln.start, ln.end)
        if not days:
            continue
        group = [ln] + [
            x for x in lines[n + 1 : n + 4] if x.para == ln.para and len(x.text) <= max_line_chars
        ]
        clock: list[str] = []
        place = None
        for x in group:
            for t in _CLOCK.finditer(x.text):
                h, mi = (t.group(1), t.group(2)) if t.group(1) else (t.group(3), t.group(4))
                clock.append(f"{int(h):02d}:{int(mi or 0):02d}")
            if x is not ln and place is None and not _CLOCK.match(x.text) and not _DATE_LINE.match(x.text):
                cand = re.sub(r"^(?i:im|in\s+der|in\s+dem|auf\s+dem|am|an\s+der)\s+", "", x.text)
                if re.match(
                    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\b", cand
                ):
                    continue  # a second date line ("Freitag, 15. Juni, 10 Uhr")
                cand = cand.split(",")[0].strip(" .,;")
                if cand[:1].isupper():
                    place = cand
        first, last = min(days), max(days)
        sv = f"{first.isoformat()}T{clock[0]}" if clock and first == last else first.isoformat()
        ev = last.isoformat() if last != first else None
        out.append(_Block(ln.start, group[-1].end, tuple(days), place, sv, ev))
    return out


def _apply_blocks(results: list[EventMatch], blocks: Sequence[_Block]) -> None:
    """A label block gives its place (and its date, where the event has none) to the nearest event
    mentioned above it."""
    for b in blocks:
        before = [r for r in results if min(r.mentions) <= b.start]
        if not before:
            continue
        target = max(before, key=lambda r: max(p for p in r.mentions if p <= b.start))
        ev = target.event
        if b.place:
            ev["location"] = b.place
        if b.start_value and (
            ev.get("start") is None or (ev["start"][:10] == b.start_value[:10] and "T" not in ev["start"])
        ):
            ev["start"] = b.start_value
            if b.end_value:
                ev["end"] = b.end_value


def _lead_in_days(doc: Doc, m: Mention, *, grammar, timexes: Sequence[TimexRef]) -> list[date]:
    """The day of a programme line from the lead-in above it ("Für Sonntag, 19.02.23, organisieren …:")."""
    pos = doc[m.start].idx
    for sent in reversed([s for s in doc.sents if s.end_char <= pos][-6:]):
        if grammar.is_deadline(sent.text):
            continue
        days = dates_of(timexes, sent.start_char, sent.end_char)[0]
        if len(days) == 1:
            return days
        if len(sent.text) > 250:
            break
    return []


def _heading_scopes(
    doc: Doc, headings: Sequence[tuple[int, int]], *, text: str | None = None
) -> list[tuple[int, int, list[Span]]]:
    """For each heading, the sentences of the text below it up to the next heading (a heading "Jährliche
    Konferenz" speaks about the paragraph under it)."""
    out = []
    hs = sorted(headings)
    for n, (s, e) in enumerate(hs):
        stop = hs[n + 1][0] if n + 1 < len(hs) else len(doc.text if text is None else text)
        scope = [sent for sent in doc.sents if e <= sent.start_char < stop]
        out.append((s, e, scope[:8]))
    return out
