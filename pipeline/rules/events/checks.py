"""Checks events_of applies to event mentions: days held or only named, occasions inside another event,
references back, venue lines, programme steps, runs of days (split from find.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span

from pressextract.contract import TimexRef
from pressextract.resources.loader import word_set
from pressextract.rules.events.attributes import (
    dates_of,
)
from pressextract.rules.events.mentions import (
    EventMatch,
    Mention,
    match_noun,
)
from pressextract.rules.events.rules import EventLexicon

_DATELINE = re.compile(
    r"\s*[A-ZÄÖÜ][\w./-]*(?:\s+[A-ZÄÖÜ][\w./-]*)?,\s*(?:den\s+)?\d{1,2}\.\s*\S+\s+\d{4}\s*[–—-]\s"
)
_REFERS_BACK = re.compile(
    r"\s*(?:Sie|Er|Es|Diese[rs]?|Die(?:se)?\s+Veranstaltung|Das\s+Treffen|Der\s+Termin)\s+"
    r"(?:(?:findet|beginnt|startet)\b|(?:wird|ist)\s+(?:am|vom)\b)"
)
_LABELLED_PLACE = re.compile(
    r"[ \t]*:[ \t]*[^\n]*?\d{1,2}(?:[:.]\d{2})?[ \t]*Uhr[ \t]*,[ \t]*(?P<place>[^\n,;]{2,80}?)[ \t.]*$",
    re.MULTILINE,
)
_OBSERVANCE = word_set("events", "observance_rules")


def _day_key(text: str, m: Mention) -> str:
    """The word that tells days apart: the last of the name ("Internationalen Vätertag" -> "vätertag",
    "Tag der Pressefreiheit" -> "pressefreiheit")."""
    words = text[m.name_start : m.name_end].lower().split()
    return words[-1].strip('„“”"().,') if words else ""


def _other_event_in(sent: Span, m: Mention, mentions: Sequence[Mention]) -> bool:
    """Another event noun in the mention's sentence, outside its name: "Anlässlich der Eröffnung … ein
    kleines Sommerfest"."""
    return any(
        o is not m
        and sent.start <= o.start < sent.end
        and not (m.name_start <= sent.doc[o.start].idx < m.name_end)
        and not o.plural
        for o in mentions
    )


_NAME_LINK = re.compile(r"\s+(?:zu[mr]?|anlässlich)\s+", re.IGNORECASE)


def _inside_name(m: Mention, mentions: Sequence[Mention], doc: Doc, text: str) -> bool:
    """The mention is the occasion inside another event's name, linked by "zum/zur/anlässlich": "Sommerfest
    zur Einweihung", "Fachtag zum Tag der Pflege" -> one event, the first."""
    for o in mentions:
        if o is m or o.start >= m.start or not (o.name_start <= m.name_start < o.name_end):
            continue
        noun_end = doc[o.end - 1].idx + len(doc[o.end - 1].text)
        link = _NAME_LINK.match(text, noun_end)
        # at most an article or adjective between: "zur feierlichen Einweihung"
        if link and link.end() <= m.name_start and len(text[link.end() : m.name_start].split()) <= 2:
            return True
    return False


_ZUM_ANLASS = re.compile(r"^[^.;:]{0,200}?\bzum\s+Anlass\b")
# "der Berlin-Tag, die größte Berufs- und Informationsmesse …": adjectives and a truncated compound between
_APPOSITION = re.compile(
    r"\s*,\s*(?:der|die|das|dem|den|des)\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}(?:[A-ZÄÖÜ][\wäöüß]*-\s+und\s+)?"
)
_DAY_LABEL_AFTER = re.compile(r"\s*,\s*(?:dem|den|der)\s+")
_DAY_LABEL_BEFORE = re.compile(r",\s*(?:dem|den|der)\s+$")


def _is_date_label(text: str, m: Mention, tx_starts: set[int], tx_ends: set[int]) -> bool:
    """A day's name in apposition to a date: "am Kindertag, dem 1. Juni", "am 8. März, dem Weltfrauentag"."""
    after = _DAY_LABEL_AFTER.match(text, m.name_end)
    if after and after.end() in tx_starts:
        return True
    before = text[max(0, m.name_start - 12) : m.name_start]
    hit = _DAY_LABEL_BEFORE.search(before)
    return bool(hit) and (m.name_start - len(before) + hit.start()) in tx_ends


_TITLED = re.compile(r"\b(?:mit|unter)\s+dem\s+(?:Titel|Motto|Namen)$|\bnamens$")
_GENERIC = re.compile(r"(?i)(?:die\s+|diese\s+)?veranstaltung")


_FACTS = ("location", "organizer", "motto", "recurrence", "start", "end")


def _absorb(keep: EventMatch, r: EventMatch, keys: tuple[str, ...]) -> None:
    """Row r names the event of row keep: keep takes r's facts it lacks (of keys) and r's mentions."""
    ke, ev = keep.event, r.event
    for key in keys:
        if not ke.get(key) and ev.get(key):
            ke[key] = ev[key]
    keep.mentions = sorted(set(keep.mentions) | set(r.mentions))


def _merge_references(results: list[EventMatch]) -> list[EventMatch]:
    """A bare "Veranstaltung" after an event refers back to it ("Das Konzert … Die Veranstaltung bietet …
    Termin: …"): one event, the referring mention giving what the first lacks (a clock time on the same
    day, a place).

    Example: [Konzert (2024-11-13), Veranstaltung (2024-11-13T18:30, Bibliothek)] -> [Konzert
    (2024-11-13T18:30, Bibliothek)].
    """
    out: list[EventMatch] = []
    for r in results:
        ev = r.event
        prev = out[-1] if out else None
        if (
            prev is not None
            and ev.get("rule_id") == "ev.veranstaltung"
            and _GENERIC.fullmatch(ev["name"])
            and (
                not ev.get("start")
                or not prev.event.get("start")
                or ev["start"][:10] == prev.event["start"][:10]
            )
        ):
            pe = prev.event
            if ev.get("start") and (not pe.get("start") or ("T" in ev["start"] and "T" not in pe["start"])):
                pe["start"], pe["end"] = ev["start"], ev.get("end") or pe.get("end")
            loc, ploc = ev.get("location"), pe.get("location")
            if loc and ploc and len(loc) > len(ploc) and ploc in loc:
                pe["location"] = loc  # "Bibliothek" -> "Bibliothek, Grunewaldstr. 3"
            _absorb(prev, r, ("location", "organizer", "motto", "recurrence"))
            continue
        out.append(r)
    return out


def _same_head(a: str, b: str) -> bool:
    """Two names of one event: one holds the other, or the first word of one opens a word of the other.
    Example: "Konzert des Jugendorchesters", "Konzerterlebnis" -> True; "Gespräch mit …", "Ausstellung" -> False."""
    a, b = a.lower().replace("„", "").replace("“", ""), b.lower().replace("„", "").replace("“", "")
    if a in b or b in a:
        return True
    fa, fb = a.split()[0], b.split()[0]
    return any(len(f) >= 5 and any(w.startswith(f) for w in o.split()) for f, o in ((fa, b), (fb, a)))


# classes whose nouns name one occasion in many words: "Feierstunde", "Gedenkveranstaltung", "Gedenkstunde"
_ONE_OCCASION = word_set("events", "one_occasion")


def _merge_one_occasion(results: list[EventMatch], *, lexicon: EventLexicon) -> list[EventMatch]:
    """One event named by different nouns is one row: rows that start at the same clock time merge when both
    are of a class in one_occasion (words_events.tsv) or one is named generically; an undated row of those
    classes joins the only dated one (the headline's "Gedenkstunde am Mahnmal", the body's dated
    "Gedenkveranstaltung").

    Example: "… richtet eine Feierstunde aus. Diese Gedenkveranstaltung findet am Freitag, 6. November, um
    10 Uhr statt." -> [Feierstunde (…T10:00), Gedenkveranstaltung (…T10:00)] -> [Feierstunde (…T10:00)].
    """
    cls_of = {n.rule_id: n.cls for n in lexicon.nouns}

    def occasion(r: EventMatch) -> bool:
        return cls_of.get(r.event.get("rule_id") or "") in _ONE_OCCASION

    def one_time(p: EventMatch, r: EventMatch) -> bool:
        """Same clock time, same place or none, and either both ceremonies or one named generically ("Konzert"
        … "Konzerterlebnis", a "Führung … (Veranstaltung mit der Volkshochschule)"); a press appointment at
        the time of another event is an appointment of its own."""
        start = r.event.get("start") or ""
        if "T" not in start or p.event.get("start") != start:
            return False
        classes = (cls_of.get(p.event.get("rule_id") or ""), cls_of.get(r.event.get("rule_id") or ""))
        if "press" in classes:
            return False
        pl, rl = (p.event.get("location") or "").lower(), (r.event.get("location") or "").lower()
        if pl and rl and pl not in rl and rl not in pl:
            return False
        if (occasion(p) and occasion(r)) or "other" in classes:
            return True
        # a row of a verb frame names another event at that time ("Gespräch mit der Künstlerin" at an
        # exhibition's opening) unless the two names share their head: "Konzert …" / "Konzerterlebnis"
        return None in classes and _same_head(p.event["name"], r.event["name"])

    out: list[EventMatch] = []
    for r in results:
        same = next((p for p in out if one_time(p, r)), None)
        if same is None:
            out.append(r)
        else:
            _absorb(same, r, _FACTS)
    dated = [r for r in out if occasion(r) and (r.event.get("start") or r.event.get("end"))]
    if len(dated) != 1:
        return out
    keep = dated[0]
    kept: list[EventMatch] = []
    for r in out:
        if r is not keep and occasion(r) and not (r.event.get("start") or r.event.get("end")):
            _absorb(keep, r, _FACTS)
        else:
            kept.append(r)
    kept.sort(key=lambda r: min(r.mentions, default=r.start))
    return kept


_VENUE_HEADS = ("café", "cafe")
_QUANTIFIERS = word_set("events", "quantifiers")
_ONE_OF = re.compile(
    r"(?i)\b(?:ersten?|zweiten?|dritten?|vierten?|letzten?|einer?|eines)\s+(?:von|der|aus)\s+(?:den\s+)?(?:\w+\s+)?$"
)
_ADDRESS_LINE = re.compile(
    r"^\s*(?:(?:Wo|Ort|Adresse|Treffpunkt)\s*[:?]|[A-ZÄÖÜ][\w.-]*(?:straße|str\.|platz|allee|damm|weg|ufer|ring|chaussee|Alt-[\wäöü]+)\s+\d)"
)
_DATE_OR_TIME_LINE = re.compile(
    r"^\s*(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?,?\s|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\b"
    r"|\d{1,2}\.\s*\d{1,2}\.|\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember)|(?:jeden|montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags)\b)"
)


def _is_venue_line(text: str, m: Mention, *, venues: Sequence[str]) -> bool:
    """A café named as the place of something: its own line between a date line and an address ("Lesecafé
    der Bibliothek", "Eiscafé Venezia" over "Wo: …"), or followed by the venue it belongs to ("im Lesecafé
    der Stadtbibliothek"). An "Erzählcafé am 3. Mai" in a sentence stays an event."""
    word = text[m.name_start : m.name_end].split(" ")[0].lower()
    if not word.endswith(_VENUE_HEADS):
        return False
    ls = text.rfind("\n", 0, m.name_start) + 1
    le = text.find("\n", m.name_start)
    le = len(text) if le < 0 else le
    own_line = len(text[ls:le].strip()) <= 80 and not re.search(r"[.!?]\s*$", text[ls:le])
    if own_line and text[ls : m.name_start].strip() == "":
        nxt_end = text.find("\n", le + 1)
        nxt = text[le + 1 : nxt_end if nxt_end >= 0 else len(text)]
        prev = text[text.rfind("\n", 0, max(ls - 1, 0)) + 1 : max(ls - 1, 0)]
        if _ADDRESS_LINE.match(nxt) or _DATE_OR_TIME_LINE.match(prev):
            return True
    after = re.match(
        r"\s+(?:der|des)\s+([A-ZÄÖÜ][\w-]+)", text[m.name_start + len(word) : m.name_start + len(word) + 60]
    )
    return bool(after) and any(
        after.group(1).lower().endswith(v) or after.group(1).lower().startswith(v) for v in venues
    )


def _drop_steps_and_kinds(
    results: list[EventMatch], *, doc: Doc, text: str, lexicon: EventLexicon
) -> list[EventMatch]:
    """No row for a bare plural ("Workshops", "Veranstaltungen", "Gottesdiensten": a kind of event, not one)
    nor for an undated step inside a dated event's sentences ("Den Abschluss des Kunstmarktes bietet die Band
    … mit einem kleinen Konzert": the concert is part of the market)."""
    out: list[EventMatch] = []
    for r in results:
        ev = r.event
        name = ev["name"]
        one_of = _ONE_OF.search(text[max(0, r.start - 40) : r.start])  # "der erste von zwei Workshops"
        words = name.split(" ")
        bare = all(w.lower() in _QUANTIFIERS for w in words[:-1])  # "Diverse Veranstaltungen"
        hit = match_noun(words[-1], lexicon=lexicon) if bare else None
        plural = (hit is not None and hit[1]) or (len(words) == 1 and _plural_word(doc, r.start, name))
        if (
            bare
            and not one_of
            and plural
            and not (
                ev.get("start") and ev.get("end") and ev["type"] in _SERIES and _SERIES_WORD.search(name)
            )
        ):
            continue  # "Die Kulturtage finden vom 3. bis 5. Mai statt": days of one event, not a kind
        out.append(r)
    dated = [r for r in out if r.event.get("start")]
    keep: list[EventMatch] = []
    for r in out:
        if r.event.get("start") or not dated:
            keep.append(r)
            continue
        sents = {
            doc.char_span(p, p + 1, alignment_mode="expand").sent.start_char
            for p in r.mentions
            if p < len(text)
        }
        inside = all(
            any(
                o is not r
                and any(
                    doc.char_span(q, q + 1, alignment_mode="expand").sent.start_char == st for q in o.mentions
                )
                for o in dated
            )
            for st in sents
        )
        # "Im Anschluss gibt es … einen Rundgang", "Den musikalischen Abschluss bietet …", "Der Tag begann
        # mit einer Pressekonferenz": the next step of the dated event's programme
        follows = all(_STEP_OPENER.match(text, st) for st in sents)
        if not (sents and (inside or follows)):
            keep.append(r)
    return keep


_STEP_NOUNS = word_set("events", "step_nouns")
_WORD_AT = re.compile(r"[\wäöüÄÖÜß-]+")


def _drop_programme_steps(
    results: list[EventMatch], *, text: str, head_end: int, lexicon: EventLexicon
) -> list[EventMatch]:
    """No row for a step of an earlier event's programme: a row whose noun is a step noun (step_nouns in
    words_events.tsv: "Führung", "Pressegespräch", "Abschlusspräsentation", "Abendveranstaltung") dated on
    the day of an event named before it, or inside that event's run of days, is that event's step, not an
    event of its own; a press appointment only when it sits in that event's paragraph. A step named in the
    headline is the release's subject and stays. A longer event noun
    that ends like a step noun is none: "Voraufführung" is an "Aufführung", no "Führung".

    Example: "Diskussion … am 11. Oktober ab 18 Uhr … Lernen Sie vorab um 18 Uhr die Ausstellung durch eine
    kleine Ausstellungsführung kennen." -> [Diskussion, Ausstellungsführung] -> [Diskussion]; "Camp vom 3. bis
    7. Februar … Am letzten Tag findet eine Abschlusspräsentation statt" -> [Camp]."""

    nouns = [w for n in lexicon.nouns for w in n.words if " " not in w]

    def step(r: EventMatch) -> bool:
        word = _WORD_AT.match(text, min(r.mentions, default=r.start))
        low = word.group().lower() if word else ""
        hit = next((s for s in _STEP_NOUNS if low.endswith(s)), None)
        return hit is not None and not any(
            len(n) > len(hit) and n.endswith(hit) and low.endswith(n) and n not in _STEP_NOUNS for n in nouns
        )

    def inside(r: EventMatch, p: EventMatch) -> bool:
        day, first, last = (
            (r.event.get("start") or "")[:10],
            (p.event.get("start") or "")[:10],
            (p.event.get("end") or p.event.get("start") or "")[:10],
        )
        return bool(day and first) and first <= day <= last

    press = {n.rule_id for n in lexicon.nouns if n.cls == "press"}

    def paragraph(pos: int) -> int:
        return text.rfind("\n\n", 0, pos)

    def part_of(r: EventMatch, p: EventMatch, mine: int) -> bool:
        """A press appointment is a step only in the paragraph of the event it follows ("eine Voraufführung
        und anschließendes Pressegespräch"); in a paragraph of its own ("Um 13 Uhr findet die
        Pressekonferenz zu den Ergebnissen der Senatssitzung statt") it is an appointment of its own."""
        if r.event.get("rule_id") not in press:
            return True
        # not the event's name inside the press appointment's: "Pressekonferenz zu … der Senatssitzung"
        return any(paragraph(q) == paragraph(mine) for q in p.mentions if not r.start <= q < r.end)

    out: list[EventMatch] = []
    for r in results:
        mine = min(r.mentions, default=r.start)
        if (
            mine >= head_end
            and step(r)
            and any(
                p is not r
                and not step(p)
                and min(p.mentions, default=p.start) < mine
                and inside(r, p)
                and part_of(r, p, mine)
                for p in results
            )
        ):
            continue
        out.append(r)
    return out


_SERIES = ("Aktionstag", "Aktionswoche")
_SERIES_WORD = re.compile(r"(?i)(?:tage|tagen|wochen)$")  # a plural, not the genitive "Frauentags"


def _days_run(days: Sequence[date], m: Mention, word: str) -> bool:
    """A plural of days or weeks dated by a run of days is one event: "Die Kulturtage finden vom 3. bis
    5. Mai statt", "Internationale Wochen gegen Rassismus vom 15. bis 28. März"; "Workshops" are never, nor
    a genitive "des Frauentags" (its "-s" is no plural)."""
    if m.noun.type not in _SERIES or len(set(days)) < 2 or not word.endswith(("tage", "tagen", "wochen")):
        return False
    return 0 < (max(days) - min(days)).days <= 31


_CLOCK_IN = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*Uhr\b")
_STEP_OPENER = re.compile(
    r"(?:Im\s+Anschluss|Anschließend|Danach|Daraufhin|Zum\s+(?:Abschluss|Ausklang|Auftakt)"
    r"|(?:Den|Der|Einen)\s+(?:[\w-]+\s+)?(?:Abschluss|Ausklang|Auftakt|Höhepunkt)"
    # "Der Tag begann mit einer Pressekonferenz": the first step of the day's event
    r"|Der\s+(?:Tag|Abend|Vormittag|Nachmittag)\s+(?:begann|beginnt|startete|startet)\s+mit)\b"
)


def _plural_word(doc: Doc, start: int, name: str) -> bool:
    """A one-word name in the plural ("Workshops"); a singular article before it overrides the tagger, which
    takes nominalised verbs for plurals: "zum gemeinsamen Weihnachtssingen" is one event."""
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    if span is None or len(span) != 1 or "Plur" not in span[0].morph.get("Number"):
        return False
    k = span.start - 1
    while k >= 0 and doc[k].is_alpha and doc[k].text[:1].islower() and doc[k].lower_ not in _SINGULAR_DETS:
        k -= 1  # adjectives between: "zum gemeinsamen"
        if span.start - k > 3:
            break
    return not (k >= 0 and doc[k].lower_ in _SINGULAR_DETS)


_SINGULAR_DETS = frozenset(
    {"zum", "beim", "vom", "das", "dem", "des", "ein", "einem", "eines", "dieses", "diesem"}
)


_RUNNING = word_set("events", "running_types")
_UNTIL_LINE = re.compile(
    r"(?im)^\s*(?:Ausstellungsdauer|Laufzeit|Dauer|Zeitraum|Ausstellungszeitraum)\s*:[^\n]*$"
)
_UNTIL_SENT = re.compile(
    r"(?i)\bbis\s+(?:zum\s+|einschließlich\s+)?[^.;]{0,40}?\b(?:zu\s+sehen|zu\s+besichtigen|läuft|laufen"
    r"|geöffnet|gezeigt|andauern|dauert)\b|\b(?:ist|sind|läuft|laufen)\s+(?:noch\s+)?bis\s+(?:zum\s+)?\d"
)


def _run_until(r: EventMatch, *, doc: Doc, text: str, timexes: Sequence[TimexRef]) -> None:
    """The end of a running event (an exhibition, a festival week) from "Ausstellungsdauer: bis zum 22. Mai"
    or "Die Ausstellung ist bis zum 22. Mai zu sehen", when its own sentence gives none."""
    ev = r.event
    if ev.get("end") or ev["type"].lower() not in _RUNNING:
        return
    spans = [(m.start(), m.end()) for m in _UNTIL_LINE.finditer(text)]
    for p in r.mentions:
        tok = doc.char_span(p, p + 1, alignment_mode="expand")
        if tok is not None and _UNTIL_SENT.search(tok.sent.text):
            spans.append((tok.sent.start_char, tok.sent.end_char))
    for s, e in spans:
        days = dates_of(timexes, s, e)[0]
        if not days:
            continue
        last = max(days)
        if ev.get("start") is None or last.isoformat() > ev["start"][:10]:
            ev["end"] = last.isoformat()
            return
