"""Normalization helpers: anchors, year inference, shifts, durations, weekdays, TIMEX3 value strings.

Example: "nächsten Dienstag" with anchor 2019-06-12 (a Wednesday) -> 2019-06-18.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from pressextract.resources.loader import word_set
from pressextract.rules.timexes.grammar import _LIST_CONN, _RANGE_CONN, _SENT_END, Lexicons
from pressextract.rules.timexes.recognize import _Item


@dataclass(slots=True)
class _Ctx:
    anchor: date | None
    domain: str
    ref_day: date | None = None  # last resolved calendar day (narrative reference time)
    ref_year: int | None = None
    ref_month: int | None = None
    last_range: tuple[date, date] | None = None
    header_day: date | None = None  # day set by a day header or a line-initial date
    ref_day_end: int | None = None  # where the expression that set ref_day ends
    past_sentences: frozenset[int] = frozenset()  # sentences with a finite past-tense verb (from the tagger)
    ref_day_night: bool = False  # ref_day was set by a night ("in der vergangenen Nacht")


def _infer_year(m: int, d: int | None, ctx: _Ctx) -> int | None:
    """Year for a date written without one: the anchor's year, moved to the nearest occurrence in news."""
    if ctx.domain == "news" and ctx.anchor is not None:
        a = ctx.anchor
        best = None
        for y in (a.year - 1, a.year, a.year + 1):
            try:
                cand = date(y, m, min(d or 15, calendar.monthrange(y, m)[1]))
            except ValueError:
                continue
            dist = abs((cand - a).days)
            if best is None or dist < best[0]:
                best = (dist, y)
        return best[1] if best else a.year
    if ctx.ref_year is not None:
        return ctx.ref_year
    return ctx.anchor.year if ctx.anchor else None


def _century_for(yy: int, ctx: _Ctx) -> int:
    base = (
        ctx.ref_year
        if ctx.domain == "narrative" and ctx.ref_year
        else (ctx.anchor.year if ctx.anchor else None)
    )
    if base is None:
        return 2000 + yy if yy <= 40 else 1900 + yy
    if ctx.domain == "narrative":
        return base // 100 * 100 + yy
    return 2000 + yy if 2000 + yy <= base + 10 else 1900 + yy


def _ref_date(ctx: _Ctx) -> date | None:
    """The reference time as a day: the last day if it is still in the last mentioned month/year."""
    d, y, m = ctx.ref_day, ctx.ref_year, ctx.ref_month
    if d is not None and (y is None or (d.year == y and (m is None or d.month == m))):
        return d
    if y is not None and y > 0:
        return date(y, m or 1, 1)
    return d


def _base(ctx: _Ctx, *, narrative_ref: bool = True) -> date | None:
    """The day relative expressions count from: the document date in news, the reference time in narratives."""
    if ctx.domain == "narrative" and narrative_ref:
        return _ref_date(ctx) or ctx.anchor
    return ctx.anchor or _ref_date(ctx)


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit in {"M", "Y", "Q", "H", "DE"}:
        months = n * {"M": 1, "Y": 12, "Q": 3, "H": 6, "DE": 120}[unit]
        y, m = divmod(d.month - 1 + months, 12)
        year = d.year + y
        return date(year, m + 1, min(d.day, calendar.monthrange(year, m + 1)[1]))
    return d


def _iso_day(d: date) -> str:
    return d.isoformat()


def _gran(d: date, unit: str) -> str:
    if unit in {"D"}:
        return d.isoformat()
    if unit == "W":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "WE":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}-WE"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    return f"{d.year:04d}"


def _year_str(y: int, bc: bool) -> str:
    return f"BC{y:04d}" if bc else f"{y:04d}"


def _fmt_num(n: float | str | None) -> str:
    if n is None or n == "X":
        return "X"
    return str(int(n)) if float(n).is_integer() else str(n)


def _duration(num: float | str | None, unit: str | None) -> str | None:
    if unit is None:
        return None
    if isinstance(num, float) and not num.is_integer():
        # "eineinhalb Jahre" -> P18M; "ein halbes Jahr" -> P6M; "eine halbe Stunde" -> PT30M
        if unit == "Y":
            return f"P{round(num * 12)}M"
        if unit == "D":
            return f"PT{round(num * 24)}H"
        if unit == "TH":
            return f"PT{round(num * 60)}M"
        if unit == "M":
            return f"P{round(num * 30)}D"
        if unit == "W":
            return f"P{round(num * 7)}D"
    n = _fmt_num(num)
    if unit in {"TH", "TM", "TS"}:
        return f"PT{n}{unit[1]}"
    if unit == "CE":
        return f"P{n}CE"
    if unit == "DE":
        return f"P{n}DE"
    if unit == "Q":
        return f"P{n}Q"
    if unit == "H":
        return f"P{int(num) * 6}M" if isinstance(num, float) else "PXM"
    return f"P{n}{unit}"


def _weekday_date(base: date, wd: int, direction: int) -> date:
    delta = (wd - base.isoweekday()) % 7
    if direction < 0:
        back = (base.isoweekday() - wd) % 7 or 7
        return base - timedelta(days=back)
    return base + timedelta(days=delta or 7) if direction > 0 else base + timedelta(days=delta)


def _remember(ctx: _Ctx, it: _Item) -> None:
    """Move the narrative reference time; a bare year that only bounds ("bis 1881", "seit 1772") does not."""
    d = it.day
    if d is not None:
        ctx.ref_day, ctx.ref_year, ctx.ref_month = d, d.year, d.month
        # a bounding day ("Anmeldung bis 24. Juni") or one of several ("am 27. und 28. August") is no day a
        # later clock time happens on
        ctx.ref_day_end = None if (it.f.get("_bound") or it.linked) else it.end
        ctx.ref_day_night = it.f.get("dp") == "NI"
    elif it.f.get("_year") is not None and not it.f.get("_bound"):
        ctx.ref_year = it.f["_year"]
        ctx.ref_month = it.f.get("_month")


def _resolve_date(it: _Item, ctx: _Ctx) -> None:
    f = it.f
    y, m, d = f.get("y"), f.get("m"), f.get("d")
    bc = f.get("bc", False)
    if y is None and f.get("yy") is not None:
        y = _century_for(f["yy"], ctx)
    explicit_year = y is not None
    if m is None and d is not None:  # "Nacht vom 16." / a day of the month last mentioned
        ref = _base(ctx)
        m = ref.month if ref else None
        if ref is not None and y is None:
            y = ref.year
    if y is None and m is not None:
        y = f.get("y_from_link") or _infer_year(m, d, ctx)
    it.mod = f.get("mod")
    if m is None:
        if y is None:
            return
        it.value = _year_str(y, bc)
        f["_year"] = y if not bc else None
        return
    if d is not None:
        if y is None:
            it.value = f"XXXX-{m:02d}-{d:02d}"
            return
        try:
            it.day = date(y, m, d)
        except ValueError:
            it.value = None
            return
        it.value = it.day.isoformat()
    else:
        it.value = f"{y:04d}-{m:02d}" if y is not None else f"XXXX-{m:02d}"
        if y is not None:
            f["_year"], f["_month"] = y, m
    if not explicit_year and it.value is None:
        return


def _resolve_time(it: _Item, ctx: _Ctx, day: date | None) -> None:
    f = it.f
    it.mod = f.get("mod")
    if f.get("deic") is not None and ctx.anchor is not None:
        day = ctx.anchor + timedelta(days=f["deic"])
    elif f.get("deic") is not None:
        day = None
    if "H" in f:
        h, mi = f["H"], f["M"]
        if h > 24 or (h == 24 and mi):
            it.value = None
            return
        t = f"T{h:02d}:{mi:02d}"
    elif f.get("dp"):
        dp = f["dp"]
        t = dp if dp.startswith("T") else f"T{dp}"
    else:
        return
    it.value = (day.isoformat() if day else "XXXX-XX-XX") + t


def _same_sentence_day(items: list[_Item], i: int, bounds: list[int], ctx: _Ctx) -> date | None:
    """The day a clock time belongs to from its own sentence: the nearest day before, else the next one."""
    it = items[i]
    sid = _sent_index(bounds, it.start)
    for j in range(i - 1, -1, -1):
        o = items[j]
        if _sent_index(bounds, o.start) != sid:
            break
        if o.day is not None:
            return o.day
    for j in range(i + 1, len(items)):
        o = items[j]
        if _sent_index(bounds, o.start) != sid:
            break
        if o.pattern.kind == "date" and o.f.get("d") is not None:
            _resolve_date(o, ctx)  # resolved again in order later; same inputs, same result
            return o.day
    return None


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


_HOURS_WORDS = word_set("timexes", "hours_words")


@lru_cache(maxsize=4)
def _weekday_run(forms: frozenset[str]) -> re.Pattern:
    """Two weekdays joined by a dash, comma, "bis" or "und" ("Di bis So", "Mo-Fr.", "Mo, Di"): days of a week.

    Built from the weekday lexicon (names and abbreviations, resources/lexicons/weekdays.tsv).
    """
    # capitalised as written ("Mo", "Dienstag"): lower-case "so"/"do" are words
    caps = {f.rstrip(".").capitalize() for f in forms}
    alts = "|".join(re.escape(f) for f in sorted(caps, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\.?\s*(?:[-–—,]|bis|und)\s*(?:{alts})\b")


def _hours_sentence(text: str, pos: int, bounds: list[int], items: list[_Item], lex: Lexicons) -> bool:
    """Whether a clock time stands among opening or office hours: a weekday run, a weekly set or an hours word.

    Example: "Geöffnet ist Dienstag-Freitag 11.00-18.00 Uhr" -> True; "Gegen 18:15 Uhr teilte ein Kind mit" -> False.
    """
    sid = _sent_index(bounds, pos)
    start = bounds[sid - 1] if sid > 0 else 0
    end = bounds[sid] if sid < len(bounds) else len(text)
    if any(o.pattern.label == "SET" and start <= o.start < end for o in items):
        return True
    sent = text[start:end]
    if any(w.casefold() in _HOURS_WORDS for w in re.findall(r"\w+", sent)):
        return True
    return bool(_weekday_run(frozenset(lex.weekdays)).search(sent))


def _recent_day(text: str, pos: int, ctx: _Ctx) -> date | None:
    """The last mentioned day for a clock time in a later sentence, if it is in the same or the previous paragraph.

    Example: "Am Donnerstag gab ein Unbekannter … Drogen heraus.\n\nGegen 18:15 Uhr teilte ein Kind mit, …"
    -> the Thursday; two paragraphs further on, or after "Anmeldung bis 24. Juni", a bare "19 Uhr" stays
    without a date.
    """
    if ctx.ref_day is None or ctx.ref_day_end is None or ctx.ref_day_end > pos:
        return None
    if len(_PARAGRAPH_BREAK.findall(text, ctx.ref_day_end, pos)) > 1:
        return None
    return ctx.ref_day


def _after_midnight(day: date, hour: int, ctx: _Ctx) -> date:
    """A small-hours clock time after a night ("in der vergangenen Nacht") belongs to the next day.

    Example: "In der vergangenen Nacht (29./30.) … gegen 2 Uhr" -> the 30th; "gegen 22.45 Uhr" -> the 29th.
    """
    return day + timedelta(days=1) if ctx.ref_day_night and hour < 12 else day


def _sent_index(bounds: list[int], pos: int) -> int:
    lo, hi = 0, len(bounds)
    while lo < hi:
        mid = (lo + hi) // 2
        if bounds[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _sentence_bounds(text: str) -> list[int]:
    return [m.end() for m in _SENT_END.finditer(text)]


def _is_line_start(text: str, s: int) -> bool:
    """A date that opens a short line sets the programme day: "Montag, 4. März" / "Zweiter Konferenztag: …"."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    le = len(text) if le < 0 else le
    prefix = text[ls:s]
    return len(prefix.strip(" \t•·-–*>")) <= 4 and le - ls <= 120


def _link(text: str, items: list[_Item]) -> None:
    """Ranges and lists: "27. und 28. August 2018", "vom 3. bis 5. Mai", "Mai/Juni 1940", "10 bis 12 Uhr".

    Month and year pass from the last date of a list to all before it, right to left: "jeweils am 3., 10. und
    17. Mai" -> 3 May, 10 May, 17 May; "2.2, 1.3 und 5.4.2020" -> all in 2020.
    """
    pairs: list[tuple[_Item, _Item, bool]] = []
    for a, b in pairwise(items):
        gap = text[a.end : b.start]
        if len(gap) > 25:
            continue
        is_range = bool(_RANGE_CONN.fullmatch(gap))
        if is_range or _LIST_CONN.fullmatch(gap):
            pairs.append((a, b, is_range))
    for a, b, _ in reversed(pairs):
        if not (a.pattern.label == b.pattern.label == "DATE" and a.pattern.kind == b.pattern.kind == "date"):
            continue
        fa, fb = a.f, b.f
        if fa.get("m") is None and fb.get("m") is not None and fa.get("d") is not None:
            fa["m"] = fb["m"]
        if (
            fa.get("y") is None
            and fa.get("yy") is None
            and fb.get("m") is not None
            and fa.get("m") is not None
        ):
            yb = fb.get("y") if fb.get("y") is not None else fb.get("y_from_link")
            if yb is not None:
                later = (fa["m"], fa.get("d") or 0) > (fb["m"], fb.get("d") or 0)
                fa["y_from_link"] = yb - 1 if later else yb
                if fb.get("bc"):
                    fa["bc"] = True
    for a, b, is_range in pairs:
        la, lb = a.pattern.label, b.pattern.label
        if la == lb == "DATE" and a.pattern.kind == b.pattern.kind == "date":
            a.linked = b.linked = is_range or "list"
            a.f["_range_to"] = b
            a.f["_range_kind"] = "range" if is_range else "list"
            b.f["_bound"] = is_range
        elif la == lb == "TIME" and is_range:
            a.linked = b.linked = True
            a.f["_range_to"] = b
            a.f["_range_kind"] = "range"
            a.f.pop("mod", None)
            b.f.pop("mod", None)


def _past_context(
    text: str, s: int, bounds: list[int], lex: Lexicons, past: frozenset[int] = frozenset()
) -> bool:
    i = _sent_index(bounds, s)
    if i in past:
        return True
    start = bounds[i - 1] if i > 0 else 0
    end = bounds[i] if i < len(bounds) else len(text)
    cues = lex.words.get("pastcue", {})
    return any(w.casefold() in cues for w in re.findall(r"\w+", text[start:end]))
