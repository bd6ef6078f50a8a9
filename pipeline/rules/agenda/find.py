"""agenda_of: timed programme entries of one release, with date, time, title, participants and event.

Example: "Erster Konferenztag: …\n12:00 Uhr - Pressekonferenz" -> AgendaEntry(date="2018-08-27", time="12:00", …).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from pressextract.contract import EventRef, OfficeRef, PersonRef, TimexRef
from pressextract.rules.agenda.acts import (
    _STARTS_NAMED,
    _STARTS_NAMED_UPPER,
    _act_entries,
    _is_place,
    _label_places,
    _split_acts,
)
from pressextract.rules.agenda.entries import (
    _PANEL_CUE,
    AgendaEntry,
    DayResolver,
    _clean_title,
    _dates_in,
    _entry_paragraph,
    _event_range,
    _iso_date,
    _office_participants,
)
from pressextract.rules.agenda.prose import PAST_FINITE, clause_steps, prose_steps
from pressextract.rules.agenda.trailing import trailing_steps
from pressextract.rules.programme import (
    _SENT_END,
    _TIME,
    _VENUE_TIME,
    AgendaGrammar,
    DayHeader,
    TimeLine,
    _hhmm,
    parse_day_header,
    parse_time_line,
    resolve_day,
    split_lines,
)

_DAY = (
    r"(?:Mo(?:ntag)?|Di(?:enstag)?|Mi(?:ttwoch)?|Do(?:nnerstag)?|Fr(?:eitag)?|Sa(?:mstag)?|Sonnabend|So(?:nntag)?"
    r"|werktags|täglich|montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonnabends|sonntags)\.?"
)
_WEEKDAY_LABEL = re.compile(rf"(?i){_DAY}(?:\s*(?:[-–—,/&+]|und|bis)\s*{_DAY})*")


# a step title that begins with a finite verb in past tense: a report, not a programme
_PAST_START = re.compile(rf"(?:{PAST_FINITE})\b")

_PROSE_SENT_END = re.compile(r"(?<![\d\s])[.!?](?=\s+[A-ZÄÖÜ„])")
_CLOCK_IN_PROSE = re.compile(r"\b(?:2[0-3]|[01]?\d)(?:[:.][0-5]\d)?\s*Uhr\b")
# a day of its own in a block's "Zeit:/Termin:" value ("Freitag, 25. Juni", "25.06.")
_OWN_DAY = re.compile(
    r"\b\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)|(?i:montag|dienstag|mittwoch|donnerstag|freitag|samstag"
    r"|sonnabend|sonntag)"
)

_SIDE_NOTE = re.compile(
    r"(?i)(?:[\wäöü]+\s+){0,2}(?:hinweis|hinweise|bitte beachten|achtung|p\.?\s?s\.?|zur info|übrigens)\s*:"
)
_QUOTED = re.compile(r"„[^„“”\n]*[“”]|»[^»«\n]*«|\"[^\"\n]*\"")


def _quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of the quotations between start and end. Example: 'sagte: „am 3. Mai“' -> [(7, 18)]."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text, start, end)]


def agenda_of(
    text: str,
    *,
    grammar: AgendaGrammar,
    timexes: Sequence[TimexRef] = (),
    people: Sequence[PersonRef] = (),
    events: Sequence[EventRef] = (),
    excluded: Sequence[tuple[int, int]] = (),
    bullets: Sequence[tuple[int, int]] = (),
    offices: Sequence[OfficeRef] = (),
    max_title_chars: int = 300,
    context_lines: int = 3,
    day_resolver: DayResolver | None = None,
    block_entries: bool = False,
    max_entry_paragraphs: int = 4,
    max_entry_paragraph_chars: int = 600,
    prose: bool = True,
    verb_at: Callable[[int], bool | None] | None = None,
) -> list[AgendaEntry]:
    """Programme entries of one document, in text order, with dates, day labels and participants.

    Example: "Zweiter Konferenztag\\n\\n08:30 Uhr - Beginn und Markt der Möglichkeiten" with the event on
    27.–28.08.2018 -> [AgendaEntry(date="2018-08-28", time="08:30", title="Beginn und Markt der Möglichkeiten")].

    `block_entries`: a "Wann:/Wo:" or "Datum:/Uhrzeit:" block is the announced event's date and place, not a
    programme entry (corpus/gold/README.md); True makes one entry per block as well. `offices`: offices the
    roles stage bound to one named person ("Der Regierende Bürgermeister" after "Kai Wegner"): an entry that
    names the office has that person as a participant.
    """
    lines = [ln for ln in split_lines(text) if not any(s <= ln.start and ln.end <= e for s, e in excluded)]
    bullet_starts = {s for s, _ in bullets}
    kinds: list[str] = []  # time | label_time | dated | day | label | bullet | header | other
    parsed: list[object] = []
    for ln in lines:
        tl = parse_time_line(ln.text, grammar=grammar)
        bm = grammar.bullet.match(ln.text) if tl is None else None
        if bm is not None and (tl := parse_time_line(ln.text[bm.end() :], grammar=grammar)) is not None:
            # "• 16 Uhr: Konzert …", "— 18 Uhr: Band": a programme line in a bulleted list
            tl = replace(tl, title_offset=tl.title_offset + bm.end())
        if tl is not None:
            kinds.append("time")
            parsed.append(tl)
            continue
        lab = grammar.label_line.match(ln.text)
        if lab is not None:
            kinds.append("label")
            parsed.append(lab)
            continue
        lt = grammar.label_time_line.match(ln.text)
        if (
            lt is not None
            and re.search(r"\d$", lt.group("label"))
            and re.match(r"\d\d", ln.text[lt.end("label") + 1 :])
        ):
            lt = None  # "Mo, Di, Fr von 11:00 Uhr bis 19:00 Uhr": the colon is the clock time's
        if lt is not None and not _SENT_END.search(ln.text) and (lt.group("m") or lt.group("uhr1")):
            # "Einlass: 15.30 Uhr", not "Karten: 10 € im Vorverkauf" (a number is no time)
            kinds.append("label_time")
            parsed.append(lt)
            continue
        dl = grammar.dated_line.match(ln.text)
        if dl is not None and len(ln.text) <= 160:
            kinds.append("dated")
            parsed.append(dl)
            continue
        vt = _VENUE_TIME.match(ln.text)
        if vt is not None and not _SENT_END.search(ln.text):
            kinds.append("venue_time")
            parsed.append(vt)
            continue
        dh = parse_day_header(ln.text, grammar=grammar)
        if dh is not None:
            kinds.append("day")
            parsed.append(dh)
            continue
        if ln.start in bullet_starts or grammar.bullet.match(ln.text):
            kinds.append("bullet")
            parsed.append(None)
            continue
        kinds.append("header" if grammar.programme_header_id(ln.text) else "other")
        parsed.append(None)

    places = _label_places(lines, kinds, parsed, grammar)

    def near_time(i: int) -> bool:
        for j in (i - 1, i + 1, i - 2, i + 2):
            if (
                0 <= j < len(lines)
                and kinds[j] in ("time", "label_time", "venue_time")
                and abs(lines[j].para - lines[i].para) <= 1
            ):
                return True
        return False

    def in_programme(i: int) -> bool:
        prev = i - 1
        if prev >= 0 and kinds[prev] == "other" and lines[prev].text.rstrip().endswith(":"):
            return True  # a lead-in: "… organisieren Bündnisse Gedenkveranstaltungen in Kreuzberg:"
        if (
            accepted
            and lines[accepted[-1]].para >= lines[i].para - 1
            and i - accepted[-1] <= context_lines + 1
        ):
            return True  # the programme goes on after a venue line ("B.L.O. Bühne\n18 Uhr The Allers")
        for j in range(i - 1, max(-1, i - 1 - context_lines * 4), -1):
            if kinds[j] == "header":
                return True
            if kinds[j] == "other" and len(lines[j].text) > 250:
                return False
        return False

    entries: list[AgendaEntry] = []
    accepted: list[int] = []  # line index of each entry
    schedule: list[tuple[AgendaEntry, int, str]] = []  # label blocks without a day: a schedule when 2+
    for i, ln in enumerate(lines):
        kind = kinds[i]
        if kind == "time":
            tl = parsed[i]
            assert isinstance(tl, TimeLine)
            ok = tl.strong and tl.prefix not in ("gegen", "um", "etwa", "von")
            if not ok and tl.prefix not in ("gegen", "um", "etwa"):
                ok = near_time(i) or in_programme(i)
            if not ok and tl.strong and tl.prefix in ("gegen", "um", "etwa", "von"):
                ok = near_time(i) or in_programme(i)
            if ok and _PAST_START.match(tl.title):
                ok = False  # "Ab 18 Uhr kam es am Osttor zu Festnahmen": a report of what happened
            if ok and not (near_time(i) or in_programme(i)) and _is_place(tl.title, places):
                ok = False  # "11.00-13.30 Uhr - Gartenarbeitsschule Borkzeile" alone: the event's time and place
            if ok and tl.rule_id == "agenda.line.bare" and not _STARTS_NAMED_UPPER.match(tl.title):
                ok = False  # "14.00 ist der Eiskeller geöffnet": the rest of a sentence, not a programme line
            if not ok:
                continue
            title, title_end, rule = tl.title, ln.end, tl.rule_id
            if not title and i + 1 < len(lines) and kinds[i + 1] in ("other", "bullet"):
                title, title_end = lines[i + 1].text, lines[i + 1].end
            # several acts on one line: "16:00 Band A (pop), 17:00 Band B (rock), 18:00 Band C"
            acts = (
                _split_acts(text, ln.start, ln.start + tl.title_offset, ln.end, tl.time, tl.end_time)
                if title
                else []
            )
            if len(acts) > 1:
                acts[-1] = (*acts[-1][:1], title_end, *acts[-1][2:])
            else:
                acts = [(ln.start, title_end, tl.time, tl.end_time, title)]
            entries.extend(_act_entries(acts, rule, max_title_chars))
            accepted.extend([i] * len(acts))
        elif kind == "label_time":
            lt = parsed[i]
            assert isinstance(lt, re.Match)
            label = lt.group("label").strip()
            if label.lower() in grammar.labels:
                continue
            if _WEEKDAY_LABEL.fullmatch(label) and not lt.group("rest"):
                continue  # opening hours: "Montag – Freitag: 10.00 – 12.00 Uhr", "Fr: 08:30 – 12:00 Uhr"
            if not (near_time(i) or in_programme(i) or re.search(r"(?i)termin|station|programm", label)):
                continue
            t = _hhmm(lt.group("h"), lt.group("m"))
            if t is None or not (lt.group("m") or lt.group("uhr1")):
                continue
            end_t = _hhmm(lt.group("h2"), lt.group("m2")) if lt.group("h2") else None
            title, title_end = label, ln.end
            acts = [(ln.start, ln.end, t, end_t, title)]
            if lt.group("rest"):
                title = lt.group("rest")
                # "MARKTPLATZ: 16:15 Chor (pop), 17:15 Band GÜTERSTATION: 18:00 Orgel": one entry per act
                acts = _split_acts(text, ln.start, ln.start + lt.start("rest"), ln.end, t, end_t)
                if len(acts) == 1:
                    acts = [(ln.start, ln.end, t, end_t, title)]
            elif i + 1 < len(lines) and kinds[i + 1] == "other" and lines[i + 1].para == ln.para:
                title, title_end = lines[i + 1].text, lines[i + 1].end
                first = re.split(r"(?<=[.;])\s", title, maxsplit=1)[0]
                acts = [(ln.start, title_end, t, end_t, first)]
            entries.extend(_act_entries(acts, "agenda.line.label_time", max_title_chars))
            accepted.extend([i] * len(acts))
        elif kind == "venue_time":
            # "360 Grad – Raum für Kreativität, 20 Uhr, Brown Sugar": venue, time, act — only inside a programme
            if not (near_time(i) or in_programme(i)):
                continue
            vt = parsed[i]
            assert isinstance(vt, re.Match)
            entries.append(
                AgendaEntry(
                    ln.start,
                    ln.end,
                    _hhmm(vt.group("h"), vt.group("m")),
                    None,
                    _clean_title(vt.group("rest"))[:max_title_chars] or None,
                    rule_id="agenda.line.venue_time",
                )
            )
            accepted.append(i)
        elif kind == "dated":
            dl = parsed[i]
            assert isinstance(dl, re.Match)
            rest = dl.group("rest").strip(" ,;:–-")
            if not rest or not _STARTS_NAMED.match(rest):
                continue  # "Montag, 23. April 2018 um 12:00 Uhr (Einlass 11.30 Uhr)": the event's date, a day context
            if not (near_time(i) or in_programme(i)) and _is_place(rest, places):
                continue  # "Mittwoch, 17.04.2019, 19 Uhr – Campus Kiezspindel, Rudower Straße 37": date and place
            tm = re.match(r"(\d{1,2})(?:[:.](\d{2}))?", dl.group("time"))
            t = _hhmm(tm.group(1), tm.group(2)) if tm else None
            entries.append(
                AgendaEntry(
                    ln.start,
                    ln.end,
                    t,
                    None,
                    _clean_title(rest)[:max_title_chars] or None,
                    rule_id="agenda.line.dated",
                )
            )
            accepted.append(i)
        elif kind == "label":
            # A Wann:/Datum:/Uhrzeit: block: one entry for the block, placed at its first label line.
            if i > 0 and kinds[i - 1] == "label" and lines[i - 1].para >= ln.para - 1:
                continue
            block = [i]
            j = i + 1
            while (
                j < len(lines)
                and lines[j].para - lines[block[-1]].para <= 1
                and kinds[j] in ("label", "other")
            ):
                # an address line continues the label above ("(Rathausstr. 15, Berlin)")
                if kinds[j] == "other" and (
                    lines[j].para != lines[block[-1]].para or len(lines[j].text) > 120
                ):
                    break
                block.append(j)
                j += 1
            fields: dict[str, str] = {}
            for k in block:
                if kinds[k] != "label":
                    continue
                lab = parsed[k]
                assert isinstance(lab, re.Match)
                fld = grammar.labels[lab.group("label").lower()][1]
                fields.setdefault(fld, lab.group("value").strip())
            when = " ".join(v for f, v in fields.items() if f in ("when", "date", "time"))
            times = [
                t
                for t in re.finditer(
                    rf"(?<![\d.])({_TIME})\s*Uhr\b|(?<![\d.])(\d{{1,2}}[:.][0-5]\d)(?![\d.])", when
                )
            ]
            if not times:
                continue
            first_t = times[0].group(1) or times[0].group(2)
            parts = re.split(r"[:.]", first_t)
            t = _hhmm(parts[0], parts[1] if len(parts) > 1 else None)
            end_t = None
            if len(times) > 1 and re.search(r"bis|–|-", when[times[0].end() : times[1].start()] or ""):
                p2 = re.split(r"[:.]", times[1].group(1) or times[1].group(2))
                end_t = _hhmm(p2[0], p2[1] if len(p2) > 1 else None)
            title = fields.get("title")
            if not title:
                # the title is the short line right above the block ("Termin 1:\nPresserundgang durch …")
                k = i - 1
                while k >= 0 and kinds[k] in ("other", "header") and len(lines[k].text) <= 200:
                    if not lines[k].text.rstrip().endswith(":") or len(lines[k].text) > 40:
                        title = lines[k].text
                        break
                    k -= 1
            end_line = lines[block[-1]]
            label_id = grammar.labels[parsed[i].group("label").lower()][0]
            entry = AgendaEntry(
                ln.start,
                end_line.end,
                t,
                end_t,
                _clean_title(title)[:max_title_chars] if title else None,
                rule_id=f"agenda.block.{label_id}",
            )
            if block_entries:
                entries.append(entry)
                accepted.append(i)
            elif not _OWN_DAY.search(when) and not _dates_in(
                timexes, ln.start, end_line.end, labels=("DATE",), text=text
            ):
                schedule.append((entry, i, label_id))

    # Programme lines with the time at their end or inside, blocks that end in their day and time
    trailing = trailing_steps(lines, kinds, skip=set(accepted) | {i for _, i, _ in schedule})
    for st in trailing:
        ln = lines[st.line]
        entries.append(
            AgendaEntry(
                lines[st.first].start,  # a block's step: its people are named in the block
                ln.end,
                st.time,
                st.end_time,
                _clean_title(st.title)[:max_title_chars],
                rule_id="agenda.line.trailing",
            )
        )
        accepted.append(st.line)
    if trailing:
        order = sorted(range(len(entries)), key=lambda n: entries[n].start)
        entries = [entries[n] for n in order]
        accepted = [accepted[n] for n in order]

    # Two or more "Ort:/Zeit:" blocks with a time but no day of their own are one day's schedule ("Uhrzeit: 14 Uhr
    # … Uhrzeit: ca. 15:45 Uhr"): each block is a step (one block alone is the event's own time and place).
    if len({e.time for e, _, _ in schedule}) >= 2:
        for entry, i, label_id in schedule:
            entry.rule_id = f"agenda.schedule.{label_id}"
            entries.append(entry)
            accepted.append(i)
        order = sorted(range(len(entries)), key=lambda n: entries[n].start)
        entries = [entries[n] for n in order]
        accepted = [accepted[n] for n in order]

    # Programme steps in prose ("Um 11 Uhr folgt eine Podiumsdiskussion"): only where the document has an event
    # and at least two steps in all, so that the one timed sentence of an announcement stays the event's start.
    if prose and events:  # the steps of an event's programme: no event, no programme
        steps: list[tuple[int, object]] = []
        clauses: list[tuple[int, object]] = []  # steps that only their clock time shows (clause_steps)
        for i, ln in enumerate(lines):
            if (
                kinds[i] not in ("other", "bullet", "time")
                or i in accepted
                or any(e.start <= ln.start < e.end for e in entries)
            ):
                continue
            if _SIDE_NOTE.match(ln.text):
                continue  # "Hinweis: Die Senats-Pressekonferenz findet um 13 Uhr statt." is no programme step
            found = prose_steps(text, ln.start, ln.end, max_title_chars=max_title_chars, verb_at=verb_at)
            for st in found:
                if not grammar.is_deadline(text[st.start : st.end]):
                    steps.append((i, st))
            for st in clause_steps(text, ln.start, ln.end, max_title_chars=max_title_chars, verb_at=verb_at):
                if any(f.start <= st.start < f.end or st.start <= f.start < st.end for f in found):
                    continue  # the sentence is a step of a fixed phrasing already
                if not grammar.is_deadline(text[st.start : st.end]):
                    clauses.append((i, st))
        # a sentence that repeats a programme line's time ("Los geht es um 14:30 Uhr mit …" above
        # "14:30 Uhr – Warm Up") is the same step told twice; so is a second clause at one time
        line_times = {e.time for e in entries}
        steps = [(i, st) for i, st in steps if st.time not in line_times]
        taken_times = line_times | {st.time for _, st in steps}
        for i, st in clauses:
            if st.time not in taken_times:
                taken_times.add(st.time)
                steps.append((i, st))
        # one step after the event's announced start is a programme too: the start and the step are two
        # times ("Das Fest beginnt um 14 Uhr … Um 15 Uhr eröffnet die Bürgermeisterin …")
        starts = {ev.start[11:16] for ev in events if ev.start and len(ev.start) >= 16}
        # ... but not a sentence with a day of its own ("Sie wird am Donnerstag, 31. März, um 18 Uhr eröffnet"):
        # that is an event's own start
        after_start = (
            len(steps) == 1
            and not entries
            and any(s < steps[0][1].time for s in starts if steps[0][1].time)
            and not _OWN_DAY.search(text[steps[0][1].start : steps[0][1].end])
        )
        if steps and (len(steps) + len(entries) >= 2 or after_start):
            for i, st in steps:
                entries.append(
                    AgendaEntry(st.start, st.end, st.time, st.end_time, st.title, rule_id=st.rule_id)
                )
                accepted.append(i)
            order = sorted(range(len(entries)), key=lambda n: entries[n].start)
            entries = [entries[n] for n in order]
            accepted = [accepted[n] for n in order]

    # Item extents: continuation lines in the same paragraph, then a bullet list that directly follows.
    people_end: dict[int, int] = {}  # entry number -> where its participants may still be named
    for n, (entry, i) in enumerate(zip(entries, accepted)):
        nxt = accepted[n + 1] if n + 1 < len(accepted) else len(lines)
        if entry.rule_id.startswith("agenda.prose."):
            # a prose step is its sentence; who takes part may follow in the same paragraph, up to the next step
            # ("Erste Station ist um 14.15 Uhr ein Rundgang … Dort stellt Vorstand Ronald Pofalla … vor.")
            stop = min(lines[i].end, entries[n + 1].start if n + 1 < len(entries) else len(text))
            timed = _CLOCK_IN_PROSE.search(
                text, entry.end, stop
            )  # another step, found or not: its own people
            if timed is not None:
                # up to the end of the last sentence before it ("26. August" is no sentence end)
                ends = [m.end() for m in _PROSE_SENT_END.finditer(text, entry.end, timed.start())]
                stop = ends[-1] if ends else entry.end
            people_end[n] = max(entry.end, stop)
            continue
        j = i + 1
        end = entry.end
        extra_paras = 0
        while j < nxt and j < len(lines):
            ln = lines[j]
            if kinds[j] in ("time", "label_time", "venue_time", "day", "dated", "header"):
                break
            if kinds[j] == "bullet":
                end = ln.end
            elif ln.para == lines[j - 1].para and (kinds[j - 1] != "bullet" or kinds[j] == "bullet"):
                if kinds[j] == "label" and not entry.rule_id.startswith("agenda.block"):
                    break
                end = max(end, ln.end)
            elif (
                kinds[j] == "other"
                and not entry.rule_id.startswith("agenda.block")
                and _entry_paragraph(ln.text, max_chars=max_entry_paragraph_chars)
                and (
                    # a paragraph between two entries belongs to the one above it (speaker lists under
                    # "13.00 Uhr IMPULS: …"); after the last entry only the paragraph right below it
                    (
                        n + 1 < len(accepted)
                        and extra_paras < max_entry_paragraphs
                        and ln.para != lines[nxt].para  # the venue line above the next entry is the next's
                    )
                    or (
                        n > 0
                        and n + 1 == len(accepted)
                        and extra_paras == 0
                        and ln.para == lines[j - 1].para + 1
                        and _PANEL_CUE.search(ln.text) is not None
                    )
                )
            ):
                extra_paras += 1
                end = max(end, ln.end)
            else:
                break
            j += 1
        entry.end = end
        first_line = lines[i]
        if (
            entry.title
            and entry.rule_id.startswith("agenda.line.")
            and (
                first_line.text.endswith(",")
                and i + 1 < len(lines)
                and kinds[i + 1] == "other"
                and i + 1 not in accepted
                and lines[i + 1].para == first_line.para
            )
        ):
            entry.title = _clean_title(f"{entry.title} {lines[i + 1].text}")[:max_title_chars]

    # Event links, then dates: explicit date on the line > day context (header or dated line) > the
    # time timex's own date > the event's single day.
    for entry in entries:
        before = [ev for ev in events if any(m <= entry.start for m in ev.mentions)]
        if before:
            entry.event_index = max(
                before, key=lambda ev: max(m for m in ev.mentions if m <= entry.start)
            ).index
        elif events:
            entry.event_index = events[0].index
    by_index = {ev.index: ev for ev in events}
    context_date: date | None = None
    context_label: str | None = None
    entry_at: dict[int, list[AgendaEntry]] = {}
    for entry, i in zip(entries, accepted):
        entry_at.setdefault(i, []).append(entry)
    for i, ln in enumerate(lines):
        kind = kinds[i]
        if kind == "day":
            dh = parsed[i]
            assert isinstance(dh, DayHeader)
            explicit = _dates_in(timexes, ln.start, ln.end)
            nxt_entry = next((entry_at[k][0] for k in range(i + 1, len(lines)) if k in entry_at), None)
            ev = (
                by_index.get(nxt_entry.event_index)
                if nxt_entry and nxt_entry.event_index is not None
                else None
            )
            rng = _event_range(ev)
            resolved = None
            if explicit:
                resolved = explicit[0]
            elif day_resolver is not None:
                resolved = day_resolver(dh.label, rng)
            if resolved is None:
                resolved = resolve_day(dh, date_range=rng)
            context_date, context_label = resolved, dh.label
            continue
        inside = any(e.start <= ln.start < e.end for e in entries)
        if (
            kind in ("dated", "label", "header", "other")
            and not (inside and kind == "other")
            and not (grammar.is_deadline(ln.text))
        ):
            # a dated lead-in ("Presseöffentliche Termine … am 11. Juni 2025", "Datum: Freitag, 25. Juni 2021")
            # dates what follows; a prose paragraph only when it names exactly one day
            found = _dates_in(timexes, ln.start, ln.end)
            if kind == "other" and found:
                # a date inside a quotation is what the speaker talks about ("… am 23. Februar wählen“,
                # erklärt …), not the day of the programme below
                # a bare clock time in prose ("Um 15 Uhr spielt …") carries the date the timex stage anchored it
                # to, not one the text names: prose dates a programme by its DATE expressions only
                found = _dates_in(
                    timexes,
                    ln.start,
                    ln.end,
                    skip=_quoted(text, ln.start, ln.end),
                    labels=("DATE",),
                    text=text,
                )
            if found and (kind != "other" or len(found) == 1) and found[0] != context_date:
                context_date, context_label = found[0], None  # same day: the day header's label stays
        for entry in entry_at.get(i, ()):
            entry.day_label = context_label
            own = _dates_in(timexes, ln.start, ln.end) if kind in ("dated", "label") else []
            if kind == "label":
                own = _dates_in(timexes, entry.start, entry.end)
            if entry.rule_id == "agenda.line.trailing":
                own = _dates_in(timexes, ln.start, ln.end, labels=("DATE",), text=text)
            if entry.rule_id.startswith("agenda.prose."):
                own = _dates_in(
                    timexes, entry.start, entry.end, labels=("DATE",), text=text
                )  # "am Samstag um 11 Uhr …"
            if own:
                d = own[0]
            elif context_date is not None:
                d = context_date
            else:
                d = None
                tx = [t for t in timexes if t.start >= ln.start and t.end <= ln.end and t.label == "TIME"]
                if tx:
                    d = _iso_date(tx[0].value)
                if d is None and entry.event_index is not None:
                    rng = _event_range(by_index.get(entry.event_index))
                    if rng and rng[0] == rng[1]:
                        d = rng[0]
            entry.date = d.isoformat() if d else None

    # Participants: people named inside the entry's extent (its line, continuation lines, bullet list),
    # then people named there only by an office bound to them ("Der Regierende Bürgermeister begrüßt …").
    for n, entry in enumerate(entries):
        seen: set[str] = set()
        p_end = people_end.get(n, entry.end)
        for p in people:
            if entry.start <= p.start and p.end <= p_end and p.person_id not in seen:
                seen.add(p.person_id)
                entry.participants.append(p.person_id)
                entry.participant_names.append(p.name)
        for pid, name in _office_participants(text, entry.start, p_end, offices):
            if pid not in seen:
                seen.add(pid)
                entry.participants.append(pid)
                entry.participant_names.append(name)
    return entries
