"""Attributes of an event: dates from timexes, organizer, motto, recurrence, location.

Example: "tagte … in Kassel" -> location "Kassel"; "unter dem Motto „Zusammenhalt“" -> motto "Zusammenhalt".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span

from pressextract.contract import TimexRef
from pressextract.rules.events.nouns import match_noun
from pressextract.rules.events.rules import _DETS, EventLexicon

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


def event_dates(
    timexes: Sequence[TimexRef], start: int, end: int, *, text: str | None = None, near: int | None = None
) -> tuple[str | None, str | None]:
    """ISO start and end of an event from the timexes of its sentence.

    Example: "am 27. und 28. August 2018" -> ("2018-08-27", "2018-08-28");
    "am 20. Juni um 18 Uhr" -> ("2018-06-20T18:00", None).
    With `text` and `near` (the event noun's offset), a sentence that dates two things gives the event only
    the dates next to its noun: days make a range only when a connector joins them ("vom 3. bis 5. Mai",
    "27. und 28. August", "11.–13.10."): "an der Auftaktveranstaltung am 18.03. und am Pre-Kickoff am 11.03."
    -> the Auftaktveranstaltung on 18.03. only.
    """
    if text is not None and near is not None:
        runs = _date_runs(timexes, start, end, text=text)
        if len(runs) > 1:
            # the run nearest to the noun; at equal distance the one after it ("Konzert am 3. Mai")
            run = min(runs, key=lambda r: (_distance(r, near), r[0] < near))
            start, end = run[0], run[1]
    days, clocks = dates_of(timexes, start, end)
    if not days:
        return None, None
    first, last = min(days), max(days)
    if first == last:
        s = f"{first.isoformat()}T{clocks[0]}" if clocks else first.isoformat()
        e = f"{first.isoformat()}T{clocks[1]}" if len(clocks) > 1 and clocks[1] > clocks[0] else None
        return s, e
    return first.isoformat(), last.isoformat()


# what joins two dates into one range: "bis", "und", "&", a dash, a comma; "vom 3. bis zum 5. Mai", "am 3. und am 4.",
# with a weekday before the second date that is not a timex of its own: "von Sa, 23.03. bis Fr, 29.03.2024"
_RANGE_GAP = re.compile(
    r"\s*(?:,\s*)?(?:bis(?:\s+(?:zum|einschließlich))?|und|sowie|oder|auf|–|-|—|/|&|,)?\s*(?:(?:am|zum|dem|den|vom)\s+)?"
    r"(?:(?:Mo|Di|Mi|Do|Fr|Sa|So|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\.?,?\s*)?"
)


def _date_runs(timexes: Sequence[TimexRef], start: int, end: int, *, text: str) -> list[tuple[int, int]]:
    """Character spans of the runs of calendar dates in [start, end) that connectors join, each with the clock
    times after it up to the next run. Example: "am 18.03. und, wenn möglich, bereits am 11.03." -> two runs."""
    dated = sorted(
        (
            t
            for t in timexes
            if start <= t.start
            and t.end <= end
            and t.label == "DATE"
            and t.value
            and _iso(t.value.split("/")[0])
        ),
        key=lambda t: t.start,
    )
    runs: list[list[int]] = []
    for t in dated:
        if runs and _RANGE_GAP.fullmatch(text[runs[-1][1] : t.start]):
            runs[-1][1] = max(runs[-1][1], t.end)
        else:
            runs.append([t.start, t.end])
    out = []
    for i, (s, e) in enumerate(runs):
        limit = runs[i + 1][0] if i + 1 < len(runs) else end
        # the clock times after the run up to the next run belong to it: "am 3. Mai, 18 Uhr"
        clocks = [t.end for t in timexes if e <= t.start and t.end <= limit and t.label == "TIME"]
        out.append((s, max([e, *clocks])))
    return out


def _distance(run: tuple[int, int], pos: int) -> int:
    return 0 if run[0] <= pos < run[1] else min(abs(run[0] - pos), abs(run[1] - pos))


def _cut_phrase(text: str, *, max_chars: int) -> str | None:
    """The organizer phrase up to the clause end. Example: "… Annette Widmann-Mauz, tagte am …" -> "… Widmann-Mauz"."""
    m = re.search(
        r",\s+(?=[a-zäöüß])|[.;:!?](?:\s|$)|\s+(?:am|vom|ab|um|im|in|findet|fand|tagte|tagt|lädt|wird|werden"
        r"|wurde|hat|haben|ist|sind|war|statt|zu|zum|zur|ein|mit)\s",
        text,
    )
    phrase = text[: m.start()] if m else text
    phrase = phrase.split("\n")[0].strip(" ,;–-\u00a0")  # a phrase ends with its line
    if not phrase or len(phrase) > max_chars or _PRONOUN.search(phrase):
        return None  # "Das zeigen wir": a pronoun names no organizer
    return phrase


_QUOTED_TITLE = re.compile(r"„[^“”\n]{3,120}[“”]|»[^«\n]{3,120}«")
_PRONOUN = re.compile(r"(?i)\b(?:wir|uns|ich|euch)\b")
_WEEKDAY = re.compile(r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\w*$")
_NP_ORGANIZER = frozenset({"org.attributive"})  # the organizer of the noun phrase it stands in


def find_organizer(
    text: str, *, lexicon: EventLexicon, max_chars: int = 200, release_wide: bool = False
) -> tuple[str, str] | None:
    """Organizer phrase and cue id in one sentence. Example: "Auf Einladung der Senatorin Kalayci findet …"
    -> ("Senatorin Kalayci", "org.auf_einladung").

    `release_wide`: the phrase is to host every event of the release, so a cue that names the organizer of
    one noun phrase only ("des vom Jugendclub veranstalteten Kinderfests", org.attributive) does not count."""
    for cid, rx in lexicon.cues_of("organizer"):
        if release_wide and cid in _NP_ORGANIZER:
            continue
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


def _names_event(words: Sequence[str], *, lexicon: EventLexicon) -> bool:
    """A place phrase that is an event noun ("Vorträgen", "Bezirksversammlung"): its last word is one."""
    word = words[-1]
    if any(c.isupper() for c in word[1:]):
        return False  # a name in capitals, no compound to split: "GalerieETAGE"
    if match_noun(word, lexicon=lexicon) is not None:
        return True
    # an umlaut plural: "Vorträgen" -> "Vortrag", "Umzügen" -> "Umzug"
    k = max(word.rfind(c) for c in "äöü")
    return k > 0 and match_noun(word[:k] + _PLAIN[word[k]] + word[k + 1 :], lexicon=lexicon) is not None


_PLAIN = {"ä": "a", "ö": "o", "ü": "u"}


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
    # a quoted title holds no place of the event: "Ausstellung „Splitter – … jüdischen Lebens in Charlottenburg“"
    quoted = [(q.start(), q.end()) for q in _QUOTED_TITLE.finditer(text, span.start_char, span.end_char)]
    preps = lexicon.preps_by_first
    i = span.start
    while i < span.end:
        hit = None
        for rid, words, needs_venue in preps.get(lowers[i - span.start], ()):
            n = len(words)
            if i + n < span.end and tuple(lowers[i - span.start : i - span.start + n]) == words:
                hit = (n, needs_venue)
                break
        if hit is None or (quoted and any(a < doc[i].idx < b for a, b in quoted)):
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
            if (
                t.lower_ == "am"
                and m + 1 < span.end
                and doc[m + 1].text[:1].isupper()
                and not _WEEKDAY.match(doc[m + 1].text)  # "im Rathausfoyer am Dienstag": a day, no place
            ):
                m += 1
                continue
            if (
                t.lower_ in ("des", "der")
                and m > k
                and m + 1 < span.end
                and doc[m + 1].text[:1].isupper()
                and (doc[m + 1].is_alpha or "-" in doc[m + 1].text)  # "Friedrich-Ebert-Realschule"
                and _is_venue(doc[m - 1].text, lexicon.venues)
                and _is_venue(doc[m + 1].text, lexicon.venues)
            ):
                # a venue inside a venue: "im Garten des Nachbarschaftshauses Kiezspinne", "im Foyer des Rathauses Schöneberg"
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
        ends_venue = any(w.lower().rstrip(".").endswith(v) for w in words for v in lexicon.venues)
        if not ends_venue and _names_event(words, lexicon=lexicon):
            i = m if m > i else i + 1
            continue  # "in Vorträgen", "vor der Bundestagswahl": an event, not its place
        if is_ent or venue or (not needs_venue and not abstract and not other_ent):
            found.append((2 if is_ent or venue else 1, k, text[start_c:end_c].rstrip(".,")))
        i = m if m > i else i + 1
    if not found:
        return None
    # a venue or a LOC entity beats a bare "in X"; then the place nearest to the event noun
    ref = near if near is not None else span.start
    return place_base_form(max(found, key=lambda f: (f[0], -abs(f[1] - ref)))[2], lexicon=lexicon)
