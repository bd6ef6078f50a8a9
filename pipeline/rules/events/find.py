"""events_of: anchored event mentions merged into events with attributes, in text order.

Example: "tagte am 27. und 28. August 2018 in Kassel die Bundeskonferenz …" -> one event, 2018-08-27 to 2018-08-28.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from pressextract.contract import TimexRef
from pressextract.resources.loader import word_set
from pressextract.rules.events.arguments import argument_mentions, host_of
from pressextract.rules.events.attributes import (
    _DATEISH,
    dates_of,
    event_dates,
    find_location,
    find_motto,
    find_organizer,
    find_recurrence,
)
from pressextract.rules.events.blocks import (
    _apply_blocks,
    _Block,
    _date_lines,
    _date_paragraphs,
    _day_clock,
    _heading_scopes,
    _label_blocks,
    _lead_in_days,
)
from pressextract.rules.events.checks import (
    _APPOSITION,
    _CLOCK_IN,
    _DATELINE,
    _LABELLED_PLACE,
    _OBSERVANCE,
    _REFERS_BACK,
    _STEP_OPENER,
    _TITLED,
    _ZUM_ANLASS,
    _day_key,
    _days_run,
    _drop_programme_steps,
    _drop_steps_and_kinds,
    _inside_name,
    _is_date_label,
    _is_venue_line,
    _merge_one_occasion,
    _merge_references,
    _other_event_in,
    _run_until,
)
from pressextract.rules.events.headline import _event_of_block, _no_appointment, _until_only
from pressextract.rules.events.mentions import (
    _QUOTED,
    EventMatch,
    Mention,
    find_mentions,
    title_mentions,
)
from pressextract.rules.events.rules import EventLexicon
from pressextract.rules.events.sentences import mended_sentence
from pressextract.rules.programme import load_grammar


@dataclass(slots=True)
class _Group:
    type: str
    mentions: list[Mention]
    days: frozenset[date]
    cls: str = "other"


_REF_DETS = word_set("events", "refdets")
_OFFICE_TYPES = word_set("events", "office_types")
_INCIDENT_KEPT = word_set("events", "incident_kept")  # an exercise reports an alarm and stays an event


def events_of(
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
    published: str | None = None,
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
    mentions += argument_mentions(
        doc,
        lexicon=lexicon,
        known=mentions,
        skip=[*skip, *programme],
        timexes=[(t.start, t.end) for t in timexes],
        entities=entities,
        max_name_tokens=max_name_tokens,
        text=text,
    )
    mentions.sort(key=lambda m: m.start)
    occurs = lexicon.cues_of("occurs")
    deadlines = [rx for _, rx in lexicon.cues_of("deadline")]
    occasions = [rx for _, rx in lexicon.cues_of("occasion")]
    cancelled = [rx for _, rx in lexicon.cues_of("cancelled")]
    decisions = [rx for _, rx in lexicon.cues_of("decision")]
    incidents = [rx for _, rx in lexicon.cues_of("incident")]
    meet = lexicon.cues_of("meet")

    def is_deadline(sentence: str) -> bool:
        """A deadline or side note dates no event: the agenda grammar's blockers and the event deadlines."""
        return grammar.is_deadline(sentence) or any(rx.search(sentence) for rx in deadlines)

    side = lexicon.cues_of("side")
    blocks = _label_blocks(doc, grammar=grammar, timexes=timexes, text=text)
    blocks += _date_paragraphs(
        doc, grammar=grammar, timexes=timexes, known=blocks, text=text, occurs=[rx for _, rx in occurs]
    )
    blocks.sort(key=lambda b: b.start)

    office = [rx for _, rx in lexicon.cues_of("office")]
    online = [rx for _, rx in lexicon.cues_of("online")]
    people = [(s, e) for s, e, lab in entities if lab == "PER"]

    def _office_hours(m: Mention, sent: Span, pos: int) -> bool:
        """Consultation hours of an authority, not an event: a standing or weekly time on the mention's line
        or in its sentence, or no named person holding it ("Sprechstunde in der Unterhaltsvorschussstelle");
        a dated "Bürgersprechstunde mit Bezirksstadtrat …" is an event."""
        end = text.find("\n", pos)
        line = text[text.rfind("\n", 0, pos) + 1 : end if end >= 0 else len(text)]
        if any(rx.search(line) or rx.search(sent.text) for rx in office):
            return True
        return not any(sent.start_char <= s < sent.end_char for s, _ in people)

    def sent_of(m: Mention) -> Span:
        return mended_sentence(doc, m.start, text=text)

    def in_ranges(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
        return any(s <= pos < e for s, e in ranges)

    def sent_dates(sent: Span) -> tuple[list[date], list[str]]:
        if is_deadline(sent.text):
            return [], []  # "Anmeldung bis Freitag, 22. November, 17 Uhr" dates no event
        return dates_of(timexes, sent.start_char, sent.end_char)

    def dated(sent: Span) -> bool:
        days, clocks = sent_dates(sent)
        return bool(days or clocks) or (bool(_DATEISH.search(sent.text)) and not is_deadline(sent.text))

    def block_below(m: Mention) -> _Block | None:
        """The label block right under a mention ("Termin 1:\nPresserundgang …\n\nDatum: …")."""
        pos = doc[m.start].idx
        for b in blocks:
            if 0 <= b.start - pos <= 300 and text[pos : b.start].count("\n") <= 3:
                return b
        return None

    head_end = lead[0][1] if lead else (text.find("\n") if "\n" in text else len(text))
    # a report of a crime, an accident or an operation: "Gäste einer Party angegriffen und verletzt"
    head_incident = any(rx.search(text[:head_end]) for rx in incidents)

    def incident_setting(m: Mention, sent: Span) -> bool:
        """The event noun names the setting of an incident the release reports (event_cues.jsonl, kind
        incident), not an event: "Unbekannte haben Gäste einer Party angegriffen"; under such a headline
        also "… befand sich auf dem Weg zum Volksfest". A court hearing or press conference, and a sentence
        that announces ("findet am … statt", "lädt … ein"), stay events."""
        kept = m.noun.cls in ("hearing", "press") or doc[m.start].lower_.endswith(tuple(_INCIDENT_KEPT))
        if kept or _ANNOUNCES.search(sent.text):
            return False
        if any(rx.search(sent.text) for rx in incidents):
            return True
        # under an incident headline, a sentence dated after the release announces ("… bevor sie bei der
        # Eröffnungsfeier am 17. Juni eintrifft"); one dated before it or undated tells the story
        days = sent_dates(sent)[0]
        return head_incident and not (published and days and max(days).isoformat() > published[:10])

    def body_dating() -> Span | None:
        """The sentence under the headline that dates the event the headline names: the first of the body's
        first three sentences with a calendar day, an event verb, a clock time or a day not before the
        release ("Lesung mit Elisabeth W." over "Die Autorin liest am 14. März 2024 in der Bibliothek.").
        Example: "Bezirksbürgermeisterin lädt zur Eröffnung des Stammtisches ein\n\nAm 7. Juli 2025 um 14 Uhr
        wird … eröffnet." -> the second sentence."""
        seen = 0
        for sent in doc.sents:
            if sent.start_char < head_end or not sent.text.strip():
                continue
            seen += 1
            if seen > 3:
                return None
            cut = not re.search(r"[.!?:“”\"]\s*$", sent.text) or re.search(r"\s[„“\"»]\s*$", sent.text)
            if cut and sent.end < len(doc) and "\n" not in sent.text:
                # the parser cut a sentence inside its date ("Am Dienstag" | ", dem 29. November um 17 Uhr …") or
                # at a title's opening quote ("… um 18 Uhr wird der Dokumentarfilm “" | "Wer Wir Waren” … gezeigt.")
                sent = doc[sent.start : doc[sent.end].sent.end]
            if (
                is_deadline(sent.text)
                or any(rx.search(sent.text) for rx in cancelled)
                or _DATELINE.match(sent.text)
            ):
                continue  # "Berlin, 10. Februar 2023 – Der Beauftragte …": the day of the release, no event's
            days, clocks = dates_of(timexes, sent.start_char, sent.end_char)
            if not days:
                continue
            later = bool(published) and min(days).isoformat() >= (published or "")[:10]
            if clocks or later or any(rx.search(sent.text) for _, rx in occurs):
                return sent
        return None

    dating = body_dating() if lead or text else None
    # the body sentence names an event of its own ("Das jugendFORUM, das Festival …, findet am … statt"): the
    # headline's noun is that event's other name, and the sentence dates that event, not a second one
    title_dating = (
        dating
        if dating is not None
        and not any(dating.start_char <= doc[m.start].idx < dating.end_char for m in mentions)
        else None
    )

    def in_head(m: Mention) -> bool:
        return doc[m.start].idx < head_end and not m.plural

    def organized(m: Mention, sent: Span) -> bool:
        """Someone holds the event named in the sentence: an event verb ("findet … statt", "lädt … ein"),
        a place ("in der Staatsoper"), or a label block under the mention ("Wann: …")."""
        if any(rx.search(sent.text) for _, rx in occurs) or block_below(m) is not None:
            return True
        return find_location(sent, lexicon=lexicon, entities=entities, text=text) is not None

    # days named for a cause that some sentence holds ("Einladung zum Internationalen Vätertag in Mitte"):
    # every mention of such a day may be the event
    held_days = {
        _day_key(text, m)
        for m in mentions
        if m.noun.rule_id in _OBSERVANCE
        and (organized(m, sent_of(m)) or (in_head(m) and dating is not None and organized(m, dating)))
    }
    anchored: list[tuple[Mention, str]] = []
    loose: list[Mention] = []
    in_prog: list[Mention] = []
    unnamed: set[int] = set()  # ids of occasions and days that join an event but never name it
    tx_ends = {t.end for t in timexes}
    tx_starts = {t.start for t in timexes}
    for m in mentions:
        sent = sent_of(m)
        pos = doc[m.start].idx
        if m.noun.anchor == "dated" and _is_date_label(text, m, tx_starts, tx_ends):
            continue  # "am Kindertag, dem 1. Juni": the name of a day, not an event
        if in_ranges(pos, programme):
            in_prog.append(m)
            continue
        how = None
        occasion = any(rx.search(text[max(sent.start_char, pos - 60) : pos]) for rx in occasions)
        if (
            m.noun.anchor == "dated" and (occasion or _ZUM_ANLASS.search(text[m.name_end : sent.end_char]))
        ) or (occasion and _other_event_in(sent, m, mentions)):
            # "anlässlich des Weltfrauentags", "Den Weltfrauentag nehmen … zum Anlass"; "Anlässlich der
            # Eröffnung … feiern wir ein Sommerfest": the occasion of the event its sentence names
            loose.append(m)
            unnamed.add(id(m))
            continue
        if m.noun.cls == "press" and text[max(0, m.name_start - 3) : m.name_start].rstrip().endswith("("):
            # "… übergeben (Wort-Bild-Termin; Zugang ab 11.30 Uhr)": the kind of the step before it
            loose.append(m)
            unnamed.add(id(m))
            continue
        if _inside_name(m, mentions, doc, text):
            loose.append(m)  # "Sommerfest zur Einweihung unseres Altbaus": the occasion in the event's name
            unnamed.add(id(m))
            continue
        if (
            m.noun.rule_id in _OBSERVANCE
            and not m.plural
            and _day_key(text, m) not in held_days
            and not text.lstrip().lower().startswith(text[m.name_start : m.name_end].lower())
        ):
            # a day named for a cause, only mentioned: "Am 25. September ist der Tag der Zahngesundheit",
            # "Bundesweite Kunstaktion zum Internationalen Tag der Pressefreiheit"; held when a sentence
            # says it takes place, invites to it, or places it ("Tag der Musikschulen … in der Staatsoper"), or
            # when the release is about it: its headline opens with the day ("Tag der Zahngesundheit: …")
            loose.append(m)
            unnamed.add(id(m))
            continue
        if _is_venue_line(text, m, venues=lexicon.venues):
            continue  # "Do, 14.03., 19 Uhr\nLesecafé der Bibliothek\nCarl-Schurz-Straße 13": the place, no event
        if m.noun.type.lower() in _OFFICE_TYPES and _office_hours(m, sent, pos):
            loose.append(m)  # "donnerstags 11 bis 13 Uhr – Bürgersprechstunde": office hours, no event
            continue
        if any(rx.search(sent.text) for rx in cancelled):
            loose.append(m)  # "Am 5. März findet keine Sprechstunde statt": no event takes place
            continue
        if any(rx.search(sent.text) for rx in decisions):
            loose.append(
                m
            )  # "Der Senat hat in seiner Sitzung am 16. Juli … beschlossen": a decision's setting
            continue
        if incident_setting(m, sent):
            loose.append(
                m
            )  # "Darin befanden sich Holzdielen für das Seenachtsfest, die Täter entzündet hatten"
            unnamed.add(id(m))
            continue
        line_start = text.rfind("\n", 0, pos) + 1
        if any(rx.search(text[line_start:pos]) for _, rx in side):
            loose.append(
                m
            )  # "Noch ein Hinweis: Die Ergebnisse werden auf einer Pressekonferenz … vorgestellt"
            continue
        if anchored and _STEP_OPENER.match(text, sent.start_char) and _CLOCK_IN.search(sent.text):
            # "Im Anschluss gibt es gegen 11.30 Uhr einen Rundgang …": the next step of the event above
            loose.append(m)
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
        if how in (None, "lead") and title_dating is not None and in_head(m):
            how = "dated"  # the headline names it, the body's first dated sentence dates it
        ok = how in ("dated", "block") or (how is not None and m.noun.anchor == "any")
        # a plural ("Workshops", "Gedenkveranstaltungen") names a kind of event, not one event: it only joins
        # an event found elsewhere, unless it is the headline's subject
        if ok and not (
            m.plural
            and not in_ranges(pos, lead[:1])
            and not _days_run(sent_dates(sent)[0], m, doc[m.start].lower_)
        ):
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

    def meeting_place(sent: Span) -> str | None:
        """The place of the next two sentences when they say where to meet (event_cues.jsonl, kind meet):
        "… findet am 20. November um 19:30 Uhr statt. Wir treffen uns im Gemeindesaal, Uhlandstraße 3."
        -> "Gemeindesaal"; "Treffpunkt ist das Teehäuschen." -> "Teehäuschen"."""
        nxt = sent
        for _ in range(2):
            if nxt.end >= len(doc):
                return None
            nxt = doc[nxt.end].sent
            for _, rx in meet:
                hit = rx.match(nxt.text)
                if hit:
                    place = find_location(nxt, lexicon=lexicon, entities=entities, text=text)
                    return place or (hit.group("place").strip() if hit.group("place") else None)
        return None

    def refers_back(m: Mention) -> _Group | None:
        """A bare definite noun ("dieser Konferenz", "der Tagung") names the event of its type (or, for
        meetings, of its class) mentioned before it: one event, whatever date its own sentence has."""
        tok = doc[m.start]
        if m.noun.rule_id.startswith("ev.arg.") and not m.plural and groups and m.start > 0:
            # a frame's bare definite noun after an event is that event: "Der Kurs findet am … statt"
            if doc[m.start - 1].lower_ in _REF_DETS and m.name_end - m.name_start <= len(tok.text) + 1:
                days = mention_days(m)
                g = groups[-1]
                if not days or not g.days or set(days) & g.days:
                    return g
            return None
        if m.noun.words and not m.plural and not tok.lower_.startswith(m.noun.words[0]):
            # the same compound again is the same event: "Online-Pressekonferenz" … "der Online-Pressekonferenz"
            days = set(mention_days(m))
            for g in reversed(groups):
                if g.days and any(doc[x.start].lower_ == tok.lower_ for x in g.mentions if id(x) not in refs):
                    # only a second date makes it a mere reference; the same date merges by type as before
                    return g if days and not (days & g.days) else None
            return None
        if m.plural or not m.noun.words or not tok.lower_.startswith(m.noun.words[0]):
            return None
        if m.name_end - m.name_start > len(tok.text) + 1:
            return None
        k = m.start - 1
        while (
            k >= 0
            and m.start - k <= 2
            and doc[k].is_alpha
            and doc[k].text[:1].islower()
            and doc[k].lower_ not in _REF_DETS
        ):
            k -= 1  # an adjective in between: "zur wissenschaftlichen Tagung"
        if k < 0 or doc[k].lower_ not in _REF_DETS:
            return None
        days = mention_days(m)
        for g in reversed(groups):
            if (
                g.type == m.noun.type
                or (g.cls == m.noun.cls == "meeting")
                or (len(g.type) >= 4 and tok.lower_.endswith(g.type.lower()))
            ):  # "die „Woche der Generationen“ … Die Aktionswoche": its head names the event before
                if days and not g.days:
                    return None  # the first date of an event is its own
                if days and not (set(days) & g.days) and m.start - doc[m.start].sent.start <= 2:
                    # the sentence is about it: "Die Führung am 14. Oktober findet um 18 Uhr … statt"
                    redated.add(id(m))
                return g
        return None

    def apposition_of(m: Mention) -> _Group | None:
        """An event noun in apposition to an event names the same event: "Das jugendFORUM, das Festival
        für junge Politik, findet … statt" -> one event."""
        for g in reversed(groups):
            last = max(g.mentions, key=lambda x: x.name_end)
            gap = text[last.name_end : m.name_start]
            if last.name_end <= m.name_start and _APPOSITION.fullmatch(gap):
                return g
        return None

    groups: list[_Group] = []
    refs: set[int] = set()  # ids of mentions that only refer back to an event
    redated: set[int] = set()  # references whose sentence gives the event its date
    for m, _how in anchored:
        ref = refers_back(m) or apposition_of(m)
        if ref is not None and id(m) in redated:
            ref.mentions.append(m)
            ref.days = frozenset(mention_days(m))
            continue
        if ref is not None:
            ref.mentions.append(m)
            refs.add(id(m))
            continue
        days = frozenset(mention_days(m))
        target = None
        for g in groups:
            if g.type == m.noun.type and (not days or not g.days or days & g.days or days <= g.days):
                target = g
                break
        if target is None:
            groups.append(_Group(m.noun.type, [m], days, m.noun.cls))
        else:
            target.mentions.append(m)
            target.days = target.days | days
    for m in loose:
        for g in groups:
            if g.type == m.noun.type:
                g.mentions.append(m)
                break

    def follow_up(g: _Group) -> Span | None:
        """The sentence after an undated event's sentence that dates it by referring back to it: "… lädt zu
        einer Informationsveranstaltung ein. Sie findet am 25. April um 17:30 Uhr … statt." A sentence that
        names an event of its own ("Es findet am 5. Mai ein Konzert statt") dates that one, not this."""
        other = {sent_of(m).start for o in groups if o is not g for m in o.mentions}
        for m in g.mentions:
            if id(m) in refs:
                continue
            nxt = sent_of(m)
            for _ in range(3):  # "\n\n" between two paragraphs is a sentence of its own
                nxt = doc[nxt.end].sent if nxt.end < len(doc) else None
                if nxt is None or nxt.text.strip():
                    break
            if nxt is None or nxt.start in other or not _REFERS_BACK.match(nxt.text) or is_deadline(nxt.text):
                continue
            if any(rx.search(nxt.text) for rx in cancelled):
                continue
            start = event_dates(timexes, nxt.start_char, nxt.end_char)[0]
            if start is not None and not start.startswith("T"):
                return nxt
        if title_dating is not None and any(in_head(m) for m in g.mentions):
            return title_dating
        return None

    def next_sent(sent: Span) -> Span | None:
        nxt: Span | None = sent
        for _ in range(3):  # "\n\n" between two paragraphs is a sentence of its own
            nxt = doc[nxt.end].sent if nxt.end < len(doc) else None
            if nxt is None or nxt.text.strip():
                break
        return nxt

    def opening_hours(sentence: str) -> bool:
        """Opening or office hours, no event's time: "Die Ausstellung ist dienstags bis sonntags von 10 bis 18 Uhr
        geöffnet", "Öffnungszeiten: …"."""
        return bool(_OPEN_HOURS.search(sentence)) or any(rx.search(sentence) for rx in office)

    lines_memo: list[list[tuple[int, int]]] = []

    def date_lines() -> list[tuple[int, int]]:
        if not lines_memo:
            lines_memo.append([r for r in _date_lines(text) if not is_deadline(text[r[0] : r[1]])])
        return lines_memo[0]

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

        # a loose mention (an occasion, a day that dates another) joins the event but never names it:
        # "Tag des Einbruchschutzes, der jedes Jahr am Tag der Zeitumstellung begangen wird"
        held = [m for m in g.mentions if id(m) not in unnamed] or g.mentions
        pool = [m for m in held if id(m) in redated] or [m for m in held if id(m) not in refs]
        best = max(pool or g.mentions, key=score)
        best_sent = sent_of(best)
        block = block_below(best)
        if block is not None and block.days:
            start, end = block.start_value, block.end_value
        elif not is_deadline(best_sent.text):
            start, end = event_dates(
                timexes, best_sent.start_char, best_sent.end_char, text=text, near=best.name_start
            )
            until = (
                bool(start)
                and end is None
                and _until_only(text, timexes, best_sent.start_char, best_sent.end_char)
            )
            if until:
                start, end = (
                    None,
                    (start or "")[:10],
                )  # "Die Ausstellung ist bis zum 14. April zu sehen": its end
            later = follow_up(g) if start is None or start.startswith("T") else None
            if later is not None:
                start, later_end = event_dates(timexes, later.start_char, later.end_char)
                end = later_end or end
                if start and not later_end and _until_only(text, timexes, later.start_char, later.end_char):
                    start, end = None, start[:10]  # "… ist noch bis zum 31.03.2019 zu sehen": an end
                sents.insert(sents.index(best_sent) + 1, later)  # its place and host count too
            elif (start is None or start.startswith("T")) and not until:
                days = mention_days(best)
                clocks = sent_dates(best_sent)[1]
                if len(days) == 1:
                    start = f"{days[0].isoformat()}T{clocks[0]}" if clocks else days[0].isoformat()
        else:
            start, end = None, None
        if start is None and end is None:
            # the day that dates it was only a loose mention: "Tag des Einbruchschutzes, der am Tag der
            # Zeitumstellung begangen wird, … in diesem Jahr am 31. Oktober"
            for m in g.mentions:
                if id(m) in unnamed and not is_deadline(sent_of(m).text):
                    start, end = event_dates(timexes, sent_of(m).start_char, sent_of(m).end_char)
                    if start:
                        break
        if start and len(start) == 10 and end is None:
            # a bare day: its first clock time in the event's sentences, the sentence after the best one, the
            # body's dating sentence under a headline event or a date line gives the event its time, and that
            # sentence its place ("Lesung … am 28. April" + "Am Donnerstag, dem 28. April 2022 um 19.30 Uhr
            # präsentiert … in der Bibliothek"; "Tag der offenen Tür" + "Sonntag, 14. Mai 2023 von 10:30 bis …")
            other = {sent_of(m).start for o in groups if o is not g for m in o.mentions}
            near = [best_sent, *sents, next_sent(best_sent)]
            if title_dating is not None and any(in_head(m) for m in g.mentions):
                near.append(title_dating)
            ranges = [
                (s.start_char, s.end_char)
                for s in near
                if s is not None
                and (s in sents or s.start not in other)
                and not is_deadline(s.text)
                and not opening_hours(s.text)
            ]
            hit = _day_clock(start, timexes=timexes, ranges=ranges + date_lines(), skip=programme, text=text)
            if hit is not None:
                start = f"{start}T{hit[0]}"
                clock_sent = doc[doc.char_span(hit[1], hit[1] + 1, alignment_mode="expand").start].sent
                if clock_sent not in sents:
                    sents.insert(sents.index(best_sent) + 1 if best_sent in sents else 0, clock_sent)
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
        if lead and "„" not in name and len(g.type) >= 4:
            # the headline names it with its title: "Erste Obdachlosenzählung „Nacht der Solidarität“ am …"
            hs, he = lead[0]
            titled = re.search(r"(?i)\b[\w-]*" + re.escape(g.type) + r"\s*„[^“”\n]{3,80}“", text[hs:he])
            if titled:
                name = titled.group(0)
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
        if ev["location"] is None:
            # an event-labelled line: "Preisverleihung: 11. Juni 2020, 18 Uhr, Kunstverein (n.b.k.)"
            for m in [best, *g.mentions]:
                line = _LABELLED_PLACE.match(text, m.name_end)
                if line and text.rfind("\n", 0, m.name_start) + 1 == m.name_start:
                    ev["location"] = line.group("place").strip()
                    break
        if ev["location"] is None and any(rx.search(best_sent.text) for rx in online):
            ev["location"] = _online_at(best_sent.text)  # "laden … zur Podiumsdiskussion via Zoom ein"
        if ev["location"] is None:
            ev["location"] = find_location(
                best_sent, lexicon=lexicon, entities=entities, near=best.start, text=text
            )
        if ev["location"] is None:
            said = next((s for s in ordered if any(rx.search(s.text) for rx in online)), None)
            if said is not None:
                ev["location"] = _online_at(said.text)  # a place in the event's own sentence comes first
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
        if ev["location"] is None:
            ev["location"] = meeting_place(best_sent)
        if ev["organizer"] is None:
            # the subject of the verb that hosts the event: "Die Kita feiert am 1. Juni ein Sommerfest"
            for m in g.mentions:
                host = host_of(doc, m.start, lexicon=lexicon, max_chars=max_organizer_chars)
                if host:
                    ev["organizer"] = host
                    break
        # the evidence span is the name of the best mention: unique per event (span extensions are keyed
        # by offsets, so two events must never share one span)
        results.append(
            EventMatch(best.name_start, best.name_end, ev, sorted({doc[m.start].idx for m in g.mentions}))
        )
    if results:
        _apply_blocks(results, blocks)
    elif blocks and not any(
        rx.search(text[: text.find("\n") if "\n" in text else len(text)]) for rx in cancelled
    ):
        # the headline (unless it cancels: "Ausfall von Markttagen"): the layout's title block, else the first line
        heads = sorted([*lead, (0, text.find("\n") if "\n" in text else len(text))])
        block_event = _event_of_block(text, blocks, heads)
        if block_event is not None:
            results.append(block_event)
    if (
        not results
        and dating is not None
        and published
        and dates_of(timexes, dating.start_char, dating.end_char)[1]
        and (event_dates(timexes, dating.start_char, dating.end_char)[0] or "")[:10] >= published[:10]
        and not any("Past" in t.morph.get("Tense") and "Ind" in t.morph.get("Mood") for t in dating)
        and not _no_appointment(text[:head_end] + "\n" + dating.text)
        and not any(rx.search(text[:head_end] + "\n" + dating.text) for rx in incidents)
    ):
        # no event noun, no label block: the headline names the appointment its first sentence dates with
        # a day and a clock time, on or after the release ("Fête de la musique – Musikmeile …\n\nAm
        # 21.06.2025 von 13:00 – 20:00 Uhr …"); a report in the past tense ("Am Montag gegen 13 Uhr kam es
        # zu …", "wurde die Feuerwehr alarmiert") tells what happened, no appointment
        start, end = event_dates(timexes, dating.start_char, dating.end_char)
        heads = sorted([*lead, (0, text.find("\n") if "\n" in text else len(text))])
        when = _Block(dating.start_char, dating.end_char, (), None, start, end)
        head_event = _event_of_block(text, [when], heads, rule_id="ev.headline", need_days=False)
        if head_event is not None:
            loc = find_location(dating, lexicon=lexicon, entities=entities, text=text)
            head_event.event["location"] = loc
            results.append(head_event)
    for r in results:
        ev = r.event
        if ev["motto"] and _TITLED.search(ev["name"]):
            # "Konzert mit dem Titel" + motto "Moments Musicaux" -> "Konzert mit dem Titel „Moments Musicaux“"
            ev["name"] = f"{ev['name']} „{ev['motto']}“"
    for r in results:
        _run_until(r, doc=doc, text=text, timexes=timexes)
    results.sort(key=lambda r: min(r.mentions))
    merged = _merge_one_occasion(_merge_references(results), lexicon=lexicon)
    kept = _drop_steps_and_kinds(merged, doc=doc, text=text, lexicon=lexicon)
    out = _drop_programme_steps(kept, text=text, head_end=head_end, lexicon=lexicon)
    named_in_head = any(min(r.mentions) < head_end for r in merged)
    if (
        named_in_head
        and not out
        and blocks
        and not any(rx.search(text[:head_end]) for rx in cancelled)
        and not _no_appointment(text[:head_end])  # "Baumfällungen in der 30. Kalenderwoche": works, no event
    ):
        # only a kind of event was named ("Woodbadge Modulkurse 2025" over "Wann? 25.04.-27.04.2025"): the
        # headline names the invitation the first dated label block dates
        heads = sorted([*lead, (0, text.find("\n") if "\n" in text else len(text))])
        block_event = _event_of_block(text, blocks, heads)
        if block_event is not None:
            out = [block_event]
    return out


# a sentence that announces an event: present-tense event verbs ("findet am … statt", "lädt … ein")
_ANNOUNCES = re.compile(r"\b(?:findet|finden|stattfindet|stattfinden|lädt|laden|beginnt|beginnen)\b")

# the subject of a sentence that dates the event before it: "Sie findet am …", "Die Veranstaltung beginnt um …"


_OPEN_HOURS = re.compile(r"(?i)\b(?:geöffnet|Öffnungszeit\w*|Sprechzeit\w*|Besuchszeit\w*)\b")


_WEBSITE = re.compile(
    r"\b(?:https?://)?(?:www\.)?(?P<site>[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:de|com|org|net|eu|info|berlin))\b"
)


def _online_at(sentence: str) -> str:
    """The place of an online event: "online", with the website its sentence names.
    Example: "die digitale Andacht … um 18 Uhr auf www.trauernetz.de" -> "online (trauernetz.de)"."""
    for site in _WEBSITE.finditer(sentence):
        if sentence[max(0, site.start() - 1) : site.start()] not in ("@", ".", "/"):  # no e-mail address
            return f"online ({site.group('site')})"
    return "online"
