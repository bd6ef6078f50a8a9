"""German temporal expressions: recognition by our own grammar, normalization to TIMEX3-style values.

Pure functions on text (no spaCy). The grammar lives in ``resources/patterns/timex.jsonl`` (regexes with
ids), the words in ``resources/lexicons/{months,weekdays,day_headers,timex_*}``. dateparser is not used:
it reads "die"/"mit" as dates and swaps day and month in search mode.

Example: find_timexes("Am 27. und 28. August 2018 tagte die Konferenz.") ->
[TimexMatch("27.", DATE, "2018-08-27", range="2018-08-27/2018-08-28"), TimexMatch("28. August 2018", …)]

API for other stages (agenda, events):
  find_timexes(text, *, anchor=None, domain="news", sent_bounds=None, excluded=()) -> list[TimexMatch]
  find_published(text) -> date | None                      document date from the release text
  resolve_day_header(text, *, date_range) -> date | None   "Zweiter Konferenztag" -> second day of range
  find_day_headers(text, *, date_range) -> list[(start, end, date)]
  day_context_at(timexes, offset) -> date | None           the programme day in effect at a text offset
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from re import _constants as _sre
from re import _parser as _sre_parse

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PATTERNS_FILE = RESOURCES / "patterns" / "timex.jsonl"
LEXICON_DIR = RESOURCES / "lexicons"

LABELS = frozenset({"DATE", "TIME", "DURATION", "SET"})
KINDS = frozenset(
    {
        "date",
        "century",
        "decade",
        "season",
        "halfyear",
        "deictic",
        "rel_unit",
        "weekday",
        "sameref",
        "refday",
        "offset",
        "ago",
        "ref",
        "relnoun",
        "day_header",
        "time",
        "duration",
        "set",
    }
)
GUARDS = frozenset({"before", "after"})
DOMAINS = frozenset({"news", "narrative"})

_MACRO = re.compile(r"<<([A-Z_]+)>>")
_NAMED = re.compile(r"\(\?<([A-Za-z_]\w*)>")  # PCRE-style (?<name>…) in the data files -> Python (?P<name>…)
_RANGE_CONN = re.compile(r"\s*(?:[-–—]|bis(?:\s+(?:zum|einschließlich))?)\s*")
_LIST_CONN = re.compile(r"\s*(?:und|oder|sowie|/|&|,)\s*")
_SENT_END = re.compile(r"(?<![0-9])(?<!\b[A-Za-z])[.!?]['\"“”»)]*\s+(?=[A-ZÄÖÜ„\"»])|\n")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_WORD_AFTER = re.compile(r"^\s*(\S+?)[,;:)]?(?:\s|$)")
_BOUND_WORDS = frozenset({"bis", "Bis", "seit", "Seit", "ab", "Ab", "nach", "vor", "zwischen", "Zwischen"})
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


class GrammarError(ValueError):
    """A bad line in a timex resource file; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class TimexPattern:
    id: str
    label: str
    kind: str
    regex: re.Pattern
    guard: tuple[str, ...] = ()
    params: dict = field(default_factory=dict)
    needs: tuple[str, ...] = ()  # lower-cased strings of which one must occur for the pattern to run
    # derived from the regex itself (_requirements): each is a search for strings of which one is in every
    # match, so a text without one cannot match and the pattern need not scan it
    requires: tuple[re.Pattern, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicons:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float | str]
    ordinals: dict[str, int]
    units: dict[str, str]
    words: dict[str, dict[str, str]]  # kind -> form(casefolded) -> value
    headers: frozenset[str]
    block_before: frozenset[str]
    block_after: frozenset[str]


@dataclass(frozen=True, slots=True)
class Grammar:
    patterns: tuple[TimexPattern, ...]
    lex: Lexicons


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """One temporal expression with its TIMEX3-style value.

    Example: "12:00 Uhr" under "Erster Konferenztag" -> TimexMatch(label="TIME", value="2018-08-27T12:00").
    ``range`` holds "start/end" when the expression is one end of a range ("27. und 28. August 2018");
    ``day_context`` is True for dates that set the programme day for later clock times (headers, line starts).
    """

    start: int
    end: int
    text: str
    label: str
    value: str | None
    mod: str | None
    rule_id: str
    range: str | None = None
    day_context: bool = False


# ---------------------------------------------------------------------------------------------- loading


def _rows(path: Path, ncols: int) -> Iterable[tuple[int, list[str]]]:
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < ncols:
            raise GrammarError(f"{path}:{no}: expected {ncols} tab-separated columns, got {len(cols)}")
        yield no, cols


def _num(path: Path, no: int, text: str) -> float | str:
    if text == "X":
        return "X"
    try:
        return float(text)
    except ValueError:
        raise GrammarError(f"{path}:{no}: not a number: {text!r}") from None


def load_lexicons(lexicon_dir: Path = LEXICON_DIR) -> Lexicons:
    """Read and check the timex lexicons. Example: months.tsv "Jänner\\t1\\tfull" -> months["jänner"] = 1."""
    months: dict[str, int] = {}
    months_full: list[str] = []
    months_all: list[str] = []
    p = lexicon_dir / "months.tsv"
    for no, (form, num, kind, *_) in _rows(p, 3):
        if not num.isdigit() or not 1 <= int(num) <= 12 or kind not in {"full", "abbr"}:
            raise GrammarError(f"{p}:{no}: bad month row {form!r} {num!r} {kind!r}")
        months[form.casefold()] = int(num)
        months_all.append(form)
        if kind == "full":
            months_full.append(form)
    weekdays: dict[str, int] = {}
    wd_all: list[str] = []
    wd_names: list[str] = []
    wd_set: list[str] = []
    p = lexicon_dir / "weekdays.tsv"
    for no, (form, num, kind, *_) in _rows(p, 3):
        if not num.isdigit() or not 1 <= int(num) <= 7 or kind not in {"name", "abbr", "set"}:
            raise GrammarError(f"{p}:{no}: bad weekday row {form!r} {num!r} {kind!r}")
        weekdays[form.casefold()] = int(num)
        if kind == "set":
            wd_set.append(form)
        else:
            wd_all.append(form)
            if kind == "name":
                wd_names.append(form)
    numbers: dict[str, float | str] = {}
    ordinals: dict[str, int] = {}
    cardinals: list[str] = []
    p = lexicon_dir / "timex_numbers.tsv"
    for no, (form, value, kind, *_) in _rows(p, 3):
        if kind in {"cardinal", "quantifier"}:
            numbers[form.casefold()] = _num(p, no, value)
            cardinals.append(form)
        elif kind == "ordinal":
            ordinals[form.casefold()] = int(_num(p, no, value))
        else:
            raise GrammarError(f"{p}:{no}: unknown kind {kind!r}")
    units: dict[str, str] = {}
    p = lexicon_dir / "timex_units.tsv"
    for no, (form, unit, *_) in _rows(p, 2):
        if unit not in {"Y", "M", "W", "D", "TH", "TM", "TS", "DE", "CE", "Q", "H"}:
            raise GrammarError(f"{p}:{no}: unknown unit {unit!r}")
        units[form.casefold()] = unit
    words: dict[str, dict[str, str]] = {}
    word_forms: dict[str, list[str]] = {}
    p = lexicon_dir / "timex_words.tsv"
    known = {
        "deictic",
        "direction",
        "sameref",
        "ref",
        "mod",
        "durmod",
        "timemod",
        "season",
        "daypart",
        "freq",
        "after",
        "pastcue",
        "relnoun",
    }
    for no, cols in _rows(p, 2):
        form, kind = cols[0], cols[1]
        value = cols[2] if len(cols) > 2 else ""
        if kind not in known:
            raise GrammarError(f"{p}:{no}: unknown kind {kind!r}")
        words.setdefault(kind, {})[form.casefold()] = value
        word_forms.setdefault(kind, []).append(form)
    headers: list[str] = []
    p = lexicon_dir / "day_headers.txt"
    for line in p.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            headers.append(line.strip())
    before: set[str] = set()
    after: set[str] = set()
    p = lexicon_dir / "timex_blockers.tsv"
    for no, (form, side, *_) in _rows(p, 2):
        if side not in GUARDS:
            raise GrammarError(f"{p}:{no}: side must be before or after, got {side!r}")
        (before if side == "before" else after).add(form.casefold())
    lex = Lexicons(
        months=months,
        weekdays=weekdays,
        numbers=numbers,
        ordinals=ordinals,
        units=units,
        words=words,
        headers=frozenset(h.casefold() for h in headers),
        block_before=frozenset(before),
        block_after=frozenset(after),
    )
    return lex


def units_forms(lexicon_dir: Path) -> list[str]:
    return [cols[0] for _, cols in _rows(lexicon_dir / "timex_units.tsv", 2)]


def _alternation(forms: Iterable[str]) -> str:
    """Longest first, with sentence-initial capitals for lower-case words ("Heute", "Jährlich")."""
    variants: set[str] = set()
    for f in forms:
        variants.add(f)
        if f[:1].islower():
            variants.add(f[:1].upper() + f[1:])
    alts = sorted(variants, key=lambda s: (-len(s), s))
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    # A form ending in "." may be followed by anything; a word form must end at a word boundary.
    return f"(?:{body})(?<=\\.|\\w)(?:(?<=\\.)|(?!\\w))"


def _lexicon_forms(lexicon_dir: Path) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for _, (form, _num, kind, *_) in _rows(lexicon_dir / "months.tsv", 3):
        forms.setdefault("MONTH", []).append(form)
        if kind == "full":
            forms.setdefault("MONTHFULL", []).append(form)
    for _, (form, _num, kind, *_) in _rows(lexicon_dir / "weekdays.tsv", 3):
        if kind == "set":
            forms.setdefault("WDSET", []).append(form)
        else:
            forms.setdefault("WD", []).append(form)
            if kind == "name":
                forms.setdefault("WDNAME", []).append(form)
    for _, (form, _v, kind, *_) in _rows(lexicon_dir / "timex_numbers.tsv", 3):
        if kind in {"cardinal", "quantifier"}:
            forms.setdefault("NUMW", []).append(form)
        else:
            forms.setdefault("ORD", []).extend(f"{form}{e}" for e in ("e", "er", "en", "es", "em"))
    forms["UNIT"] = units_forms(lexicon_dir)
    for _, cols in _rows(lexicon_dir / "timex_words.tsv", 2):
        name = {"direction": "DIR", "mod": "MODW"}.get(cols[1], cols[1].upper())
        forms.setdefault(name, []).append(cols[0])
    forms["HEADER"] = [
        h
        for h in (lexicon_dir / "day_headers.txt").read_text(encoding="utf-8").splitlines()
        if h.strip() and not h.startswith("#")
    ]
    return forms


def _expand(regex: str, macros: dict[str, str], where: str) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in macros:
            raise GrammarError(f"{where}: unknown macro <<{name}>>")
        return macros[name]

    for _ in range(5):  # macros may use macros
        if "<<" not in regex:
            break
        regex = _MACRO.sub(sub, regex)
    return regex


def _required(seq: _sre_parse.SubPattern) -> list[tuple[str, ...]]:
    """Literal strings every match of a parsed regex contains: a list of alternatives (one of each occurs).

    Example: r"\\b(?:[Aa]m|[Bb]is)\\s+(?:Montag|Dienstag)" -> [("Montag", "Dienstag")].
    Only what is certain counts: optional parts, character classes and lookarounds give nothing.
    """
    out: list[tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2:
            out.append(("".join(run),))
        run.clear()

    for op, av in seq:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is _sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & _sre.SRE_FLAG_IGNORECASE:
                out.extend(_required(sub))
        elif op is _sre.ATOMIC_GROUP:
            out.extend(_required(av))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, item = av
            if low >= 1:
                out.extend(_required(item))
        elif op is _sre.BRANCH:
            alts: list[str] = []
            for branch in av[1]:
                reqs = _required(branch)
                if not reqs:
                    alts = []
                    break
                alts.extend(max(reqs, key=lambda r: min(map(len, r))))
            if alts:
                out.append(tuple(dict.fromkeys(alts)))
    flush()
    return out


def _requirements(rx: re.Pattern) -> tuple[re.Pattern, ...]:
    """Searches for the strings that every match of `rx` contains (_required), most specific first.

    Example: the pattern for "im vergangenen Mai" -> (re"Darauffolgenden|…|vergangenen|…", re"September|…").
    """
    if rx.flags & re.IGNORECASE:
        return ()
    reqs = _required(_sre_parse.parse(rx.pattern, rx.flags).data)
    reqs.sort(key=lambda r: -min(map(len, r)))
    return tuple(re.compile("|".join(re.escape(x) for x in sorted(r, key=len, reverse=True))) for r in reqs)


def load_grammar(patterns_file: Path = PATTERNS_FILE, lexicon_dir: Path = LEXICON_DIR) -> Grammar:
    """Load and validate the timex grammar; a bad line raises GrammarError naming file and line.

    Example: {"id": "time.h_uhr", "label": "TIME", "kind": "time", "regex": "…"} -> TimexPattern.
    """
    lex = load_lexicons(lexicon_dir)
    forms = _lexicon_forms(lexicon_dir)
    macros = {name: _alternation(f) for name, f in forms.items()}
    patterns: list[TimexPattern] = []
    ids: set[str] = set()
    for no, line in enumerate(patterns_file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{patterns_file}:{no}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GrammarError(f"{where}: invalid JSON: {exc}") from None
        if "macro" in row:
            macros[row["macro"]] = _expand(row["regex"], macros, where)
            continue
        for key in ("id", "label", "kind", "regex"):
            if key not in row:
                raise GrammarError(f"{where}: missing {key!r}")
        if row["label"] not in LABELS:
            raise GrammarError(f"{where}: unknown label {row['label']!r}")
        if row["kind"] not in KINDS:
            raise GrammarError(f"{where}: unknown kind {row['kind']!r}")
        if row["id"] in ids:
            raise GrammarError(f"{where}: duplicate id {row['id']!r}")
        guard = tuple(row.get("guard", ()))
        if not set(guard) <= GUARDS:
            raise GrammarError(f"{where}: unknown guard in {guard}")
        ids.add(row["id"])
        try:
            rx = re.compile(_NAMED.sub(r"(?P<\1>", _expand(row["regex"], macros, where)))
        except re.error as exc:
            raise GrammarError(f"{where}: bad regex for {row['id']}: {exc}") from None
        needs: set[str] = set()
        for n in row.get("needs", ()):
            needs.update(f.casefold().rstrip(".") or f for f in forms[n]) if n in forms else needs.add(
                n.casefold()
            )
        patterns.append(
            TimexPattern(
                row["id"],
                row["label"],
                row["kind"],
                rx,
                guard,
                dict(row.get("params", {})),
                tuple(sorted(needs)),
                _requirements(rx),
            )
        )
    return Grammar(tuple(patterns), lex)


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    return load_grammar()


# ---------------------------------------------------------------------------------------------- matching


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


# ---------------------------------------------------------------------------------------------- fields


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
        f["ord"] = int(o) if o.isdigit() else {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4}[o]
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


# ---------------------------------------------------------------------------------------------- context


@dataclass(slots=True)
class _Ctx:
    anchor: date | None
    domain: str
    ref_day: date | None = None  # last resolved calendar day (narrative reference time)
    ref_year: int | None = None
    ref_month: int | None = None
    last_range: tuple[date, date] | None = None
    header_day: date | None = None  # day set by a day header or a line-initial date


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
    """Ranges and lists: "27. und 28. August 2018", "vom 3. bis 5. Mai", "Mai/Juni 1940", "10 bis 12 Uhr"."""
    for a, b in pairwise(items):
        gap = text[a.end : b.start]
        if len(gap) > 25:
            continue
        is_range = bool(_RANGE_CONN.fullmatch(gap))
        if not is_range and not _LIST_CONN.fullmatch(gap):
            continue
        la, lb = a.pattern.label, b.pattern.label
        if la == lb == "DATE" and a.pattern.kind == b.pattern.kind == "date":
            fa, fb = a.f, b.f
            if fa.get("m") is None and fb.get("m") is not None and fa.get("d") is not None:
                fa["m"] = fb["m"]
            if (
                fa.get("y") is None
                and fa.get("yy") is None
                and fb.get("m") is not None
                and fa.get("m") is not None
            ):
                yb = fb.get("y") if fb.get("y") is not None else None
                if yb is not None:
                    later = (fa["m"], fa.get("d") or 0) > (fb["m"], fb.get("d") or 0)
                    fa["y_from_link"] = yb - 1 if later else yb
                    if fb.get("bc"):
                        fa["bc"] = True
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


def _past_context(text: str, s: int, bounds: list[int], lex: Lexicons) -> bool:
    i = _sent_index(bounds, s)
    start = bounds[i - 1] if i > 0 else 0
    end = bounds[i] if i < len(bounds) else len(text)
    cues = lex.words.get("pastcue", {})
    return any(w.casefold() in cues for w in re.findall(r"\w+", text[start:end]))


def find_timexes(
    text: str,
    *,
    anchor: date | None = None,
    domain: str = "news",
    grammar: Grammar | None = None,
    sent_bounds: Sequence[int] | None = None,
    excluded: Sequence[tuple[int, int]] = (),
    day_headers: bool = True,
) -> list[TimexMatch]:
    """All temporal expressions of a text with TIMEX3-style values.

    Example: find_timexes("Am 13.01. ab 18 Uhr", anchor=date(2019, 12, 20)) ->
    [("13.01.", DATE, "2020-01-13"), ("18 Uhr", TIME, "2020-01-13T18:00", mod="ON_OR_AFTER")].
    ``anchor`` is the document date; ``domain="narrative"`` anchors relative expressions and missing years
    on the last mentioned date instead (history texts). ``sent_bounds`` are sentence end offsets (defaults
    to a cheap splitter); ``excluded`` character ranges (captions) give no timexes; ``day_headers=False``
    leaves day headers ("Zweiter Konferenztag") unresolved and out of the result.
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
    ctx = _Ctx(anchor=anchor, domain=domain)
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


def _consecutive(a: _Item, b: _Item) -> bool:
    if a.day and b.day:
        return (b.day - a.day).days == 1
    return False


def _resolve(text: str, items: list[_Item], i: int, ctx: _Ctx, bounds: list[int], lex: Lexicons) -> None:
    it = items[i]
    f, kind = it.f, it.pattern.kind
    if kind == "date":
        _resolve_date(it, ctx)
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
        if base is None:
            it.value = f"XXXX-WXX-{wd}"
            return
        direction = f.get("dir")
        if direction is None:
            direction = -1 if (ctx.domain == "news" and _past_context(text, it.start, bounds, lex)) else 1
            if ctx.domain == "narrative":
                direction = 0
        it.day = _weekday_date(base, wd, direction)
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
        _resolve_time(it, ctx, day)
    elif kind == "duration":
        it.mod = f.get("mod")
        it.value = _duration(f.get("num"), f.get("unit"))
    elif kind == "set":
        it.value = _set_value(f)
        if f.get("times"):
            it.mod = None


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


# ---------------------------------------------------------------------------------------------- day headers


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


def find_day_headers(
    text: str, *, date_range: tuple[date, date | None] | None, grammar: Grammar | None = None
) -> list[tuple[int, int, date]]:
    """Day headers of a programme with their dates: lines opening with "Erster Konferenztag", "Tag 2", a weekday.

    Example: "Erster Konferenztag: …\\n12:00 Uhr …\\nZweiter Konferenztag" with range 27.–28.08.2018 ->
    [(0, 19, 2018-08-27), (…, …, 2018-08-28)].
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= 120:
            d = resolve_day_header(stripped[:60], date_range=date_range, grammar=grammar)
            lead = len(line) - len(line.lstrip())
            if d is not None and (
                _header_regex(grammar or default_grammar()).match(stripped)
                or re.match(r"(?:[Aa]m\s+)?[A-ZÄÖÜ]\w+(?:,|:|\s*$)", stripped)
            ):
                out.append((pos + lead, pos + lead + len(stripped), d))
        pos += len(line) + 1
    return out


def day_context_at(timexes: Sequence[TimexMatch], offset: int) -> date | None:
    """The programme day in effect at a character offset: the last day header or line-initial date before it.

    Example: for the offset of "08:30 Uhr" after "Zweiter Konferenztag" -> date(2018, 8, 28).
    """
    best = None
    for t in timexes:
        if t.start >= offset:
            break
        if t.day_context and t.value:
            best = t.value
    return date.fromisoformat(best[:10]) if best else None


# ---------------------------------------------------------------------------------------------- document date

_PUBLISHED = [
    # "Pressemitteilung Nr. 107/2023 vom 10.05.2023", "Presseinformation vom 12. Juni 2019"
    re.compile(
        r"(?:Presse(?:mitteilung|information|meldung|erklärung)|Pressemitteilungen|PM)\b[^\n]{0,40}?\b"
        r"vom\s+(?P<date>[0-9]{1,2}\.\s*(?:[0-9]{1,2}\.\s*[0-9]{4}|[A-ZÄÖÜ][a-zäöü]+\.?\s+[0-9]{4}))"
    ),
    # dateline at the start of a line: "Berlin, 12. Juni 2019" / "Berlin, den 12.06.2019"
    re.compile(
        r"(?m)^[ \t]*[A-ZÄÖÜ][\w.-]+(?:[ -][A-ZÄÖÜ(][\w.)-]+){0,2},\s+(?:(?:den|dem)\s+)?"
        r"(?P<date>[0-9]{1,2}\.\s*(?:[0-9]{1,2}\.\s*[0-9]{4}|[A-ZÄÖÜ][a-zäöü]+\.?\s+[0-9]{4}))\s*(?:[-–—:]|$)"
    ),
]


def find_published(text: str, *, grammar: Grammar | None = None, head_chars: int = 1500) -> date | None:
    """The release date printed in the text, from clear patterns only (never the first date of the body).

    Example: "Pressemitteilung Nr. 107/2023 vom 10.05.2023" -> date(2023, 5, 10);
    "Berlin, 12. Juni 2019 – Die Senatorin …" -> date(2019, 6, 12).
    """
    head = text[:head_chars]
    for rx in _PUBLISHED:
        m = rx.search(head)
        if not m:
            continue
        for t in find_timexes(m.group("date"), grammar=grammar):
            if t.label == "DATE" and t.value and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
                return date.fromisoformat(t.value)
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


__all__ = [
    "Grammar",
    "GrammarError",
    "TimexMatch",
    "day_context_at",
    "default_grammar",
    "find_day_headers",
    "find_published",
    "find_timexes",
    "load_grammar",
    "replace",
    "resolve_day_header",
    "timex_dict",
]
