"""find_timexes: recognition, linking of ranges and lists, TIMEX3 values; day headers resolved in a range
(find_timexes and resolve_day_header call each other: "Montag, 4. März" in a header is a timex).

Example: "Am 27. und 28. August 2018" -> 27. (2018-08-27) and 28. August 2018 (2018-08-28), one range.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from pressextract.rules.timexes.grammar import (
    _BOUND_WORDS,
    _WORD_BEFORE,
    DOMAINS,
    Grammar,
    Lexicons,
    TimexMatch,
    default_grammar,
)
from pressextract.rules.timexes.recognize import _candidates, _Item, _parse, _select
from pressextract.rules.timexes.values import (
    _after_midnight,
    _base,
    _Ctx,
    _duration,
    _gran,
    _hours_sentence,
    _is_line_start,
    _link,
    _past_context,
    _recent_day,
    _remember,
    _resolve_date,
    _resolve_time,
    _same_sentence_day,
    _sent_index,
    _sentence_bounds,
    _shift,
    _weekday_date,
)


def find_timexes(
    text: str,
    *,
    anchor: date | None = None,
    domain: str = "news",
    grammar: Grammar | None = None,
    sent_bounds: Sequence[int] | None = None,
    excluded: Sequence[tuple[int, int]] = (),
    day_headers: bool = True,
    past_sentences: frozenset[int] | None = None,
) -> list[TimexMatch]:
    """All temporal expressions of a text with TIMEX3-style values.

    Example: find_timexes("Am 13.01. ab 18 Uhr", anchor=date(2019, 12, 20)) ->
    [("13.01.", DATE, "2020-01-13"), ("18 Uhr", TIME, "2020-01-13T18:00", mod="ON_OR_AFTER")].
    ``anchor`` is the document date; ``domain="narrative"`` anchors relative expressions and missing years
    on the last mentioned date instead (history texts). ``sent_bounds`` are sentence end offsets (defaults
    to a cheap splitter); ``excluded`` character ranges (captions) give no timexes; ``day_headers=False``
    leaves day headers ("Zweiter Konferenztag") unresolved and out of the result. ``past_sentences``: indices
    (in ``sent_bounds``) of sentences with a finite past-tense verb, from the tagger: a bare weekday there is the
    last one, also where the verb is on no cue list ("von Sonntag auf Montag reparierten zwei Teams …").
    """
    if domain not in DOMAINS:
        raise ValueError(f"domain must be one of {sorted(DOMAINS)}, got {domain!r}")
    g = grammar or default_grammar()
    lex = g.lex
    items = _select(_candidates(text, g))
    if excluded:
        items = [it for it in items if not any(s <= it.start and it.end <= e for s, e in excluded)]
    if not day_headers:
        items = [it for it in items if it.pattern.kind != "day_header"]
    for it in items:
        _parse(it, lex)
        w = _WORD_BEFORE.search(text, max(0, it.start - 12), it.start)
        if w and w.group(1) in _BOUND_WORDS:
            it.f["_bound"] = True
    _link(text, items)
    bounds = list(sent_bounds) if sent_bounds is not None else _sentence_bounds(text)
    ctx = _Ctx(anchor=anchor, domain=domain, past_sentences=past_sentences or frozenset())
    if anchor is None and domain == "news":
        # No document date: years come from the last explicit date (set as we go, see _remember).
        pass
    out_items: list[_Item] = []
    for i, it in enumerate(items):
        _resolve(text, items, i, ctx, bounds, lex)
        if it.value is None and it.pattern.kind == "day_header":
            continue
        out_items.append(it)
        if it.pattern.label == "DATE":
            _remember(ctx, it)
            if it.day is not None and (it.pattern.kind == "day_header" or _is_line_start(text, it.start)):
                ctx.header_day = it.day
                it.f["_day_context"] = True
    if domain == "news":
        _only_day_for_clock_times(text, out_items, bounds, anchor, lex)
    for it in out_items:
        rt = it.f.get("_range_to")
        if (
            rt is not None
            and it.value
            and rt.value
            and (it.f.get("_range_kind") == "range" or _consecutive(it, rt))
        ):
            it.range = rt.range = f"{it.value}/{rt.value}"
    return [
        TimexMatch(
            it.start,
            it.end,
            text[it.start : it.end],
            it.pattern.label,
            it.value,
            it.mod or None,
            it.pattern.id,
            it.range,
            bool(it.f.get("_day_context")),
        )
        for it in out_items
    ]


def _only_day_for_clock_times(
    text: str, items: list[_Item], bounds: list[int], anchor: date | None, lex: Lexicons
) -> None:
    """Clock times still without a day take the one day the release names, when it names exactly one.

    Example: "Das Fest steigt am Samstag, 21. Juni. … (three paragraphs) … 16.00 Uhr Schülerchor" -> 21 June;
    not with two days named, nor among opening hours. A deadline ("bis 24. Juni"), a day of a list or
    range, and the release's own date do not count as the day.
    """
    days = {
        it.day
        for it in items
        if it.pattern.label == "DATE"
        and it.day is not None
        and it.day != anchor
        and not it.f.get("_bound")
        and not it.linked
    }
    if len(days) != 1:
        return
    (day,) = days
    for it in items:
        if (
            it.pattern.kind == "time"
            and "H" in it.f
            and it.value
            and it.value.startswith("XXXX-XX-XX")
            and not _hours_sentence(text, it.start, bounds, items, lex)
        ):
            it.day = day
            it.value = day.isoformat() + it.value[len("XXXX-XX-XX") :]


def _consecutive(a: _Item, b: _Item) -> bool:
    if a.day and b.day:
        return (b.day - a.day).days == 1
    return False


def _resolve(text: str, items: list[_Item], i: int, ctx: _Ctx, bounds: list[int], lex: Lexicons) -> None:
    it = items[i]
    f, kind = it.f, it.pattern.kind
    if kind == "date":
        _resolve_date(it, ctx)
        if it.day is not None and f.get("_range_to") is not None:
            _keep_order(it, f["_range_to"], ctx)
        if it.day is not None and f.get("_range_to") is not None and f.get("_range_kind") == "range":
            other = f["_range_to"]
            _resolve_date(other, ctx)
            if other.day is not None and other.day >= it.day:
                ctx.last_range = (it.day, other.day)
        elif it.day is not None and f.get("_range_to") is not None:
            other = f["_range_to"]
            _resolve_date(other, ctx)
            if other.day is not None and 0 < (other.day - it.day).days <= 14:
                ctx.last_range = (it.day, other.day)
    elif kind == "century":
        c = f["c"] - 1
        it.value = f"BC{c:02d}" if f.get("bc") else f"{c:02d}"
        it.mod = f.get("mod")
    elif kind == "decade":
        it.mod = f.get("mod")
        if f.get("dec"):
            it.value = f["dec"]
        elif f.get("dec2") is not None:
            base = ctx.ref_year if ctx.ref_year else (ctx.anchor.year if ctx.anchor else 1900)
            cent = base // 100
            if ctx.domain == "news" and cent * 100 + f["dec2"] * 10 > base:
                cent -= 1
            it.value = f"{cent:02d}{f['dec2']}"
    elif kind == "season":
        it.mod = f.get("mod")
        y = f.get("y")
        if y is None:
            base = _base(ctx)
            if f.get("dir") is not None and base is not None:
                y = base.year + f["dir"]
            else:
                y = (
                    ctx.ref_year
                    if ctx.domain == "narrative" and ctx.ref_year
                    else (ctx.anchor.year if ctx.anchor else ctx.ref_year)
                )
        it.value = f"{y:04d}-{f['season']}" if y is not None else f"XXXX-{f['season']}"
    elif kind == "halfyear":
        y = (
            f.get("y")
            or (ctx.ref_year if ctx.domain == "narrative" else None)
            or (ctx.anchor.year if ctx.anchor else ctx.ref_year)
        )
        it.value = f"{y:04d}-{f['hq']}{f['ord']}" if y else f"XXXX-{f['hq']}{f['ord']}"
    elif kind == "deictic":
        if ctx.anchor is not None and ctx.domain == "news":
            it.day = ctx.anchor + timedelta(days=f["deic"])
            it.value = it.day.isoformat()
        else:
            it.value = "PRESENT_REF" if f["deic"] == 0 else "XXXX-XX-XX"
    elif kind == "rel_unit":
        base = _base(ctx, narrative_ref=True)
        it.mod = f.get("mod")
        unit = f.get("unit")
        if base is None or unit is None:
            it.value = {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX"}.get(unit or "", "XXXX")
            return
        step = {"WE": "W"}.get(unit, unit)
        it.value = _gran(_shift(base, step, f.get("dir", 0)), unit)
    elif kind == "weekday":
        wd = f.get("wd")
        base = _base(ctx)
        if wd is None:
            return
        inside = _weekday_in_range(items, i, bounds, wd) if f.get("dir") is None else None
        if inside is not None:
            it.day = inside
            it.value = inside.isoformat()
            return
        if base is None:
            it.value = f"XXXX-WXX-{wd}"
            return
        direction = f.get("dir")
        same_day_past = False
        if direction is None:
            direction = (
                -1
                if (ctx.domain == "news" and _past_context(text, it.start, bounds, lex, ctx.past_sentences))
                else 1
            )
            # "teilte ... am Montag mit" in a Monday release: reported today, not a week ago
            same_day_past = direction == -1 and wd == base.isoweekday()
            if ctx.domain == "narrative":
                direction = 0
        it.day = base if same_day_past else _weekday_date(base, wd, direction)
        it.value = it.day.isoformat()
    elif kind == "sameref":
        unit = f.get("unit")
        this = f.get("same", "").startswith("dies")
        base = ctx.anchor if (this and ctx.domain == "news" and ctx.anchor) else (ctx.ref_day or ctx.anchor)
        if unit == "D" and ctx.domain == "narrative" or (unit == "D" and not this):
            base = ctx.ref_day
        if base is None:
            it.value = "XXXX-XX-XX" if unit == "D" else "XXXX"
            return
        if unit == "D":
            it.day = base
        it.value = _gran(base, unit or "D")
    elif kind == "refday":
        base = ctx.ref_day if ctx.ref_day else (ctx.anchor if ctx.domain == "news" else None)
        if base is None:
            it.value = "XXXX-XX-XX"
            return
        it.day = base + timedelta(days=f.get("offset", 1))
        it.value = it.day.isoformat()
    elif kind in {"offset", "ago"}:
        num, unit = f.get("num"), f.get("unit")
        base = _base(ctx, narrative_ref=True) if kind == "ago" else (ctx.ref_day or _base(ctx))
        if kind == "ago" and ctx.domain == "news":
            base = ctx.anchor or ctx.ref_day
        if (
            base is None
            or not isinstance(num, float)
            or not num.is_integer()
            or unit not in {"D", "W", "M", "Y", "DE"}
        ):
            it.value = None
            if isinstance(num, str) or num is None:
                it.value = "PAST_REF" if kind == "ago" or f.get("offset_sign", 1) < 0 else "FUTURE_REF"
            return
        sign = -1 if kind == "ago" else f.get("offset_sign", 1)
        d = _shift(base, unit, sign * int(num))
        gran = {"D": "D", "W": "D", "M": "M", "Y": "Y", "DE": "Y"}[unit]
        if gran == "D":
            it.day = d
        it.value = _gran(d, gran)
    elif kind == "ref":
        it.value = f.get("ref")
    elif kind == "day_header":
        rng = ctx.last_range or ((ctx.ref_day, None) if ctx.ref_day else None)
        d = resolve_day_header(text[it.start : it.end], date_range=rng)
        if d is not None:
            it.day = d
            it.value = d.isoformat()
    elif kind == "relnoun":
        base = _base(ctx)
        it.mod = f.get("mod")
        unit = f["unit"]
        if base is None:
            it.value = {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX"}.get(unit, "XXXX")
            return
        it.value = _gran(_shift(base, {"WE": "W"}.get(unit, unit), f.get("dir", 0)), unit)
    elif kind == "time":
        day = None
        if f.get("d") is not None:  # "Morgen des 22. Juni 1941", "Nacht zum 17."
            _resolve_date(it, ctx)
            day = it.day - timedelta(days=1) if it.day and f.get("zum") else it.day
            if it.day is not None:
                _remember(ctx, it)
        elif f.get("same"):  # "am selben Abend", "Nachmittag desselben Tages"
            day = (
                ctx.ref_day
                if f["same"] not in {"folgenden", "nächsten"}
                else (ctx.ref_day + timedelta(days=1) if ctx.ref_day else None)
            )
        elif f.get("deic") is None:
            day = _same_sentence_day(items, i, bounds, ctx)
            if day is None:
                day = ctx.header_day
            if day is None and ctx.domain == "narrative":
                day = ctx.ref_day
            if (
                day is None
                and ctx.domain == "news"
                and "H" in f  # clock times only, not "am Abend"
                and not _hours_sentence(text, it.start, bounds, items, lex)
            ):
                day = _recent_day(text, it.start, ctx)
                if day is not None:
                    day = _after_midnight(day, f["H"], ctx)
        _resolve_time(it, ctx, day)
        if f.get("deic") is not None and ctx.anchor is not None and ctx.domain == "news":
            # "gestern Abend", "in der vergangenen Nacht": a later "Gegen 22.45 Uhr" happens on that day
            it.day = ctx.anchor + timedelta(days=f["deic"])
            _remember(ctx, it)
    elif kind == "duration":
        it.mod = f.get("mod")
        it.value = _duration(f.get("num"), f.get("unit"))
    elif kind == "set":
        it.value = _set_value(f)
        if f.get("times"):
            it.mod = None


def _keep_order(a: _Item, b: _Item, ctx: _Ctx) -> None:
    """The later date of a list or range without a year of its own does not fall before the earlier one.

    Example: in an April release "14.7., 18.8., 22.9., 20.10, 9.11" -> all in the same year, though 20.10 and
    9.11 alone are nearer to the last October and November.
    """
    fb = b.f
    if fb.get("y") is not None or fb.get("yy") is not None or fb.get("y_from_link") is not None:
        return
    _resolve_date(b, ctx)
    if b.day is None or a.day is None or b.day >= a.day:
        return
    later_in_year = (b.day.month, b.day.day) >= (a.day.month, a.day.day)
    fb["y_from_link"] = a.day.year if later_in_year else a.day.year + 1
    _resolve_date(b, ctx)


def _weekday_in_range(items: list[_Item], i: int, bounds: list[int], wd: int) -> date | None:
    """A bare weekday after a date range in its sentence is that weekday inside the range.

    Example: "Wann? 26.09-28.09.2025, Anreise Freitag ab 19 Uhr, Ende Sonntag" -> Friday 26 and Sunday 28
    September, not the Friday after the release date.
    """
    sid = _sent_index(bounds, items[i].start)
    for j in range(i - 1, -1, -1):
        o = items[j]
        if _sent_index(bounds, o.start) != sid:
            return None
        rt = o.f.get("_range_to")
        if o.pattern.kind != "date" or o.f.get("_range_kind") != "range" or rt is None:
            continue
        if o.day is None or rt.day is None or not 0 < (rt.day - o.day).days <= 14:
            return None
        d = o.day
        while d <= rt.day:
            if d.isoweekday() == wd:
                return d
            d += timedelta(days=1)
        return None
    return None


def _set_value(f: dict) -> str | None:
    if f.get("freq"):
        return f["freq"]
    if f.get("wd"):
        return f"XXXX-WXX-{f['wd']}"
    if f.get("dp"):
        return f"XXXX-XX-XXT{f['dp']}" if not f["dp"].startswith("T") else f"XXXX-XX-XX{f['dp']}"
    if f.get("m"):
        return f"XXXX-{f['m']:02d}"
    unit = f.get("unit")
    if unit:
        num = f.get("num")
        return _duration(num if isinstance(num, float) else 1.0, unit)
    return None


_HEADER_RX: dict[int, re.Pattern] = {}


def _header_regex(grammar: Grammar) -> re.Pattern:
    key = id(grammar)
    if key not in _HEADER_RX:
        lex = grammar.lex
        ords = "|".join(sorted((re.escape(s) for s in lex.ordinals), key=len, reverse=True))
        heads = "|".join(sorted((re.escape(h) for h in lex.headers), key=len, reverse=True))
        _HEADER_RX[key] = re.compile(
            rf"(?i)(?<!\w)(?:(?P<ordw>{ords})(?:e|er|en|es|em)|(?P<ordn>[1-9])\.)\s+(?:{heads})(?!\w)"
            rf"|(?<!\w)(?:{heads})\s+(?P<n>[1-9])(?![0-9.,:/])"
        )
    return _HEADER_RX[key]


def resolve_day_header(
    text: str, *, date_range: tuple[date, date | None] | None, grammar: Grammar | None = None
) -> date | None:
    """Resolve a programme day header to a date within the event's date range.

    Example: "Zweiter Konferenztag: „Zusammenhalt stärken“" with range (2018-08-27, 2018-08-28) -> 2018-08-28.
    Also "Tag 2", "Am letzten Veranstaltungstag", "Dienstag:" (the Tuesday in the range) and
    "Montag, 4. März" (an explicit date, its year taken from the range). ``date_range`` is (start, end) or
    (start, None) when only the first day is known; None when no date is known (then only explicit dates
    with a year resolve). Returns None when the header does not fit the range.
    """
    g = grammar or default_grammar()
    lex = g.lex
    start, end = date_range if date_range else (None, None)
    # An explicit date in the header wins ("Montag, 4. März 2019").
    for t in find_timexes(text, anchor=start, grammar=g, domain="news", day_headers=False):
        if (
            t.label == "DATE"
            and t.rule_id != "date.day_header"
            and t.value
            and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)
            and t.rule_id not in {"date.weekday_line", "date.weekday_ctx", "date.weekday_dir"}
        ):
            return date.fromisoformat(t.value)
    if start is None:
        return None
    m = _header_regex(g).search(text)
    if m:
        if m.group("ordw"):
            n = lex.ordinals[m.group("ordw").casefold()]
        else:
            n = int(m.group("ordn") or m.group("n"))
        if n == -1:  # "letzter Tag"
            return end
        d = start + timedelta(days=n - 1)
        if end is not None and d > end:
            return None
        return d
    wd = re.match(r"\s*(?:[Aa]m\s+)?(\w+)", text)
    if wd and wd.group(1).casefold() in lex.weekdays:
        target = lex.weekdays[wd.group(1).casefold()]
        last = end or start + timedelta(days=6)
        d = start
        while d <= last:
            if d.isoweekday() == target:
                return d
            d += timedelta(days=1)
    return None


def timex_dict(t: TimexMatch) -> dict:
    """The span._.timex payload (records/build.py contract). Example: {"value": "P2D", "mod": None, …}."""
    return {
        "value": t.value,
        "mod": t.mod,
        "rule_id": t.rule_id,
        "range": t.range,
        "day_context": t.day_context,
    }
