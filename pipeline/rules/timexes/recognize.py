"""Recognition: candidate matches of the grammar's patterns, blocked words, overlap selection, parsing.

Example: "am 27. August 2018" -> candidate "27. August 2018" (date.d_month_y) with day 27, month 8, year 2018.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pressextract.rules.timexes.grammar import _WORD_AFTER, _WORD_BEFORE, Grammar, Lexicons, TimexPattern


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    pattern: TimexPattern
    groups: dict
    f: dict = field(default_factory=dict)  # parsed fields: y m d H M …
    value: str | None = None
    mod: str | None = None
    range: str | None = None
    day: date | None = None  # resolved calendar day, for later context
    linked: bool = False


def _blocked(text: str, s: int, e: int, guard: tuple[str, ...], lex: Lexicons) -> bool:
    if "before" in guard:
        m = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if m and m.group(1).casefold() in lex.block_before:
            return True
    if "after" in guard:
        m = _WORD_AFTER.match(text[e : e + 30])
        if m and m.group(1).casefold() in lex.block_after:
            return True
    return False


def _candidates(text: str, grammar: Grammar) -> list[_Item]:
    out: list[_Item] = []
    low = text.casefold()
    present: dict[re.Pattern, bool] = {}  # requirement searches shared by patterns, once per text
    for prio, p in enumerate(grammar.patterns):
        if p.needs and not any(n in low for n in p.needs):
            continue
        skip = False
        for req in p.requires:
            found = present.get(req)
            if found is None:
                found = present[req] = req.search(text) is not None
            if not found:
                skip = True
                break
        if skip:
            continue
        has_core = "core" in p.regex.groupindex
        for m in p.regex.finditer(text):
            if has_core and m.start("core") >= 0:
                s, e = m.span("core")
            else:
                s, e = m.span()
            while e > s and text[e - 1] in " \t\n,":
                e -= 1
            if e <= s:
                continue
            if p.guard and _blocked(text, s, e, p.guard, grammar.lex):
                continue
            out.append(_Item(s, e, p, m.groupdict(), {"prio": prio}))
    return out


def _select(items: list[_Item]) -> list[_Item]:
    """Longest match wins; on equal length the earlier pattern in the grammar file."""
    items.sort(key=lambda it: (-(it.end - it.start), it.f["prio"], it.start))
    taken: list[_Item] = []
    occupied: list[tuple[int, int]] = []
    for it in items:
        if any(it.start < e and s < it.end for s, e in occupied):
            continue
        taken.append(it)
        occupied.append((it.start, it.end))
    taken.sort(key=lambda it: it.start)
    return taken


def _word(lex: Lexicons, kind: str, text: str | None) -> str | None:
    if not text:
        return None
    return lex.words.get(kind, {}).get(re.sub(r"\s+", " ", text).casefold())


def _number(lex: Lexicons, text: str | None) -> float | str | None:
    if not text:
        return None
    t = re.sub(r"\s+", " ", text).casefold()
    if t in lex.numbers:
        return lex.numbers[t]
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


def _parse(it: _Item, lex: Lexicons) -> None:
    g, f, p = it.groups, it.f, it.pattern
    f.update(p.params)
    if g.get("y"):
        f["y"] = int(g["y"])
    if g.get("y3"):
        f["y"] = int(g["y3"])
    if g.get("yy"):
        f["yy"] = int(g["yy"])
    if g.get("yy2"):  # "1870/71": the century of the first year
        f["y"] = int(g["cent"]) * 100 + int(g["yy2"])
    if g.get("relnoun"):
        unit, off, mod = (_word(lex, "relnoun", g["relnoun"]) or "Y:0:").split(":")
        f.update(unit=unit, dir=int(off), mod=mod or None)
    if g.get("zum"):
        f["zum"] = True
    if g.get("bc"):
        f["bc"] = True
    if g.get("m"):
        f["m"] = int(g["m"])
    if g.get("mn"):
        f["m"] = lex.months.get(g["mn"].casefold())
    if g.get("d"):
        f["d"] = int(g["d"])
    if g.get("wd"):
        f["wd"] = lex.weekdays.get(g["wd"].casefold())
    if g.get("modw"):
        f["mod"] = _word(lex, "mod", g["modw"]) or None
    if g.get("approx"):
        f["mod"] = "APPROX"
    if g.get("tmod"):
        f["mod"] = _word(lex, "timemod", g["tmod"])
    if g.get("durmod"):
        f["mod"] = _word(lex, "durmod", g["durmod"])
    if g.get("dir"):
        f["dir"] = int(_word(lex, "direction", g["dir"]) or 0)
    if g.get("H"):
        f["H"] = int(g["H"])
        f["M"] = int(g["M"]) if g.get("M") else 0
    if g.get("dp"):
        f["dp"] = _word(lex, "daypart", g["dp"])
    if g.get("early"):
        f["dp"] = "MO"
    if g.get("deic"):
        f["deic"] = int(_word(lex, "deictic", g["deic"]) or 0)
    if g.get("unit"):
        f["unit"] = lex.units.get(g["unit"].casefold()) or {"wochenende": "WE", "jahreshälfte": "H"}.get(
            g["unit"].casefold()
        )
    if g.get("unitw"):
        f["unit"] = lex.units.get(g["unitw"].casefold())
    if g.get("unitadj"):
        f["unit"] = {"tägig": "D", "wöchig": "W", "monatig": "M", "stündig": "TH"}[g["unitadj"]]
        f["num"] = "X" if g["numadj"] in {"mehr", "viel"} else _number(lex, g["numadj"])
    if g.get("num"):
        f["num"] = _number(lex, g["num"])
    if g.get("after"):
        f["offset_sign"] = int(_word(lex, "after", g["after"]) or 1)
    if g.get("season"):
        f["season"] = _word(lex, "season", g["season"])
    if g.get("y2"):
        f["y2"] = g["y2"]
    if g.get("c"):
        f["c"] = int(g["c"])
    if g.get("dec"):
        f["dec"] = g["dec"]
    if g.get("dec2"):
        f["dec2"] = int(g["dec2"]) // 10
    if g.get("decw"):
        n = _number(lex, g["decw"][:-2])
        f["dec2"] = int(n) // 10 if isinstance(n, float) else None
    if g.get("ord"):
        o = g["ord"].rstrip(".")
        f["ord"] = (
            int(o)
            if o.isdigit()
            else {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4}[o.removesuffix("n") + "n"]
        )
        f["hq"] = "Q" if g["hq"].startswith("Quartal") else "H"
    if g.get("ref"):
        f["ref"] = _word(lex, "ref", g["ref"])
    if g.get("same"):
        f["same"] = g["same"].casefold()
    if g.get("freq"):
        f["freq"] = _word(lex, "freq", g["freq"])
    if g.get("times"):
        f["times"] = g["times"]
    if g.get("wds"):
        f["wd"] = lex.weekdays.get(g["wds"].casefold())
