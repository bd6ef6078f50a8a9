"""Loading and validating the timex grammar: patterns/timex.jsonl (regexes with ids) and the word lexicons.

Example: default_grammar().patterns[0].id -> "date.d_month_y"; a bad regex raises GrammarError with file:line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from re import _constants as _sre
from re import _parser as _sre_parse

from pressextract.resources import RESOURCES_DIR
from pressextract.resources.loader import ResourceError, data_lines, read_words, word_set

RESOURCES = RESOURCES_DIR


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


_BOUND_WORDS = word_set("timexes", "bound_words")


_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


GrammarError = ResourceError  # one error class for every resource file


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


def _rows(path: Path, ncols: int) -> Iterable[tuple[int, list[str]]]:
    """(line, columns after the row id) of a timex lexicon; every row starts with its id."""
    for no, line in data_lines(path):
        rid, *cols = line.rstrip("\n").split("\t")
        if len(cols) < ncols or not rid.strip():
            raise GrammarError(f"{path}:{no}: expected an id and {ncols} tab-separated columns, got {line!r}")
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
    for _, word in read_words(lexicon_dir / "day_headers.tsv"):
        headers.append(word)
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
    forms["HEADER"] = [h for _, h in read_words(lexicon_dir / "day_headers.tsv")]
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
    for no, line in data_lines(patterns_file):
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
