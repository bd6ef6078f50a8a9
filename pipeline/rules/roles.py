"""Office titles and person–office statements in German press releases. Pure functions on text.

Example: "Stefan Grüttner, Hessischer Minister für Soziales und Integration" -> one statement
(Minister, portfolio "Soziales und Integration", jurisdiction Hessen, level land).

The lexicons live in pipeline/resources/lexicons (offices.tsv, states.tsv, roles_districts.tsv,
levels.tsv, roles_public_bodies.tsv, roles_not_offices.txt) and are validated when loaded.
Public API for other stages: `match_office(text)` (an office mention such as "Die Staatsministerin"
-> OfficeMatch) and `resolve_office_holder(text, roles)` (which person of the release holds it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipeline.contract import PersonRef
from pipeline.rules.common import LexiconError, Tok, is_institution_word, tokenize

LEVELS = ("bund", "land", "kommune", "eu", "international", "other")
KINDS = ("gov", "org", "parl")
TYPES = ("noun", "adj", "abbr", "neut")

# --- lexicons -------------------------------------------------------------------------------------


def _rows(name: str, n_cols: int) -> Iterable[tuple[int, list[str]]]:
    text = resources.files("pipeline.resources").joinpath("lexicons", name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < n_cols:
            cols += [""] * (n_cols - len(cols))
        if len(cols) != n_cols or not cols[0].strip():
            raise LexiconError(f"{name}:{lineno}: expected {n_cols} tab-separated columns, got {len(cols)}")
        yield lineno, [c.strip() for c in cols]


def _regex(name: str, lineno: int, pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise LexiconError(f"{name}:{lineno}: bad regex {pattern!r}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Office:
    """One row of offices.tsv."""

    office_id: str
    masc: str
    fem: str
    role_norm: str
    level: str | None
    jurisdiction: str | None
    kind: str
    compound: bool
    type: str


@dataclass(frozen=True, slots=True)
class Place:
    """One row of states.tsv / roles_districts.tsv."""

    place_id: str
    jurisdiction: str
    level: str


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of levels.tsv."""

    cue_id: str
    level: str | None
    jurisdiction: str | None
    pattern: re.Pattern


@dataclass(frozen=True, slots=True)
class Lexicon:
    offices: tuple[Office, ...]
    forms: dict[str, tuple[Office, str | None]]  # lowercased single-word form -> office, gender
    suffixes: tuple[tuple[str, Office, str | None], ...]  # compound endings, longest first
    # the same endings indexed for _head_at: ending -> its first row above, and the ending lengths,
    # longest first (one dict look-up per length instead of an endswith per ending)
    suffix_index: dict[str, tuple[str, Office, str | None]]
    suffix_lengths: tuple[int, ...]
    multiword: dict[str, tuple[tuple[str, Office, str | None], ...]]  # last word -> (first-word stem, …)
    abbrevs: dict[str, Office]
    not_offices: frozenset[str]
    places: dict[str, Place]  # word form -> place
    cues: tuple[Cue, ...]
    bodies: tuple[tuple[str, re.Pattern], ...]


def _office_forms(o: Office) -> list[tuple[str, str | None]]:
    """Inflected singular forms with the gender they show. Example: Präsident -> Präsidenten (m)."""
    if o.type == "abbr":
        return [(o.masc, None)]
    if o.type == "neut":  # das Mitglied: the title shows no gender
        return [(o.masc, None), (o.masc + "s", None), (o.masc + "es", None)]
    if o.type == "adj":  # Beauftragter (m), Beauftragte (die: f, der: m gen/dat f), Beauftragten (any)
        stem = o.fem
        return [(stem + "r", "m"), (stem, None), (stem + "n", None)]
    forms = [(o.masc, "m"), (o.masc + "s", "m"), (o.fem, "f")]
    if re.search(r"(?:ent|ant|at|af|oph|ot|ist)$", o.masc):  # weak nouns: des Präsidenten
        forms.append((o.masc + "en", "m"))
    else:
        forms.append((o.masc + "es", "m"))
    return forms


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and validate the role lexicons once per process."""
    offices, forms, suffixes, multi, abbrevs = [], {}, [], {}, {}
    for lineno, (oid, masc, fem, norm, level, jur, kind, comp, typ) in _rows("offices.tsv", 9):
        if level and level not in LEVELS:
            raise LexiconError(f"offices.tsv:{lineno}: unknown level {level!r}")
        if kind not in KINDS or typ not in TYPES or comp not in ("0", "1"):
            raise LexiconError(f"offices.tsv:{lineno}: bad kind/compound/type {kind!r}/{comp!r}/{typ!r}")
        o = Office(oid, masc, fem, norm, level or None, jur or None, kind, comp == "1", typ)
        offices.append(o)
        if typ == "abbr":
            abbrevs[masc] = o
            continue
        for form, gender in _office_forms(o):
            words = form.split()
            if len(words) == 2:
                stem = re.sub(r"(?:er|e|en|es)$", "", words[0])
                multi.setdefault(words[1].lower(), []).append((stem.lower(), o, gender))
                continue
            forms.setdefault(form.lower(), (o, gender))
            if o.compound:
                suffixes.append((form.lower(), o, gender))
    suffixes.sort(key=lambda s: -len(s[0]))
    not_offices = frozenset(
        line.strip().lower()
        for line in resources.files("pipeline.resources")
        .joinpath("lexicons", "roles_not_offices.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip() and not line.startswith("#")
    )
    places: dict[str, Place] = {}
    for fname in ("roles_districts.tsv", "states.tsv"):
        for lineno, (pid, jur, level, forms_col) in _rows(fname, 4):
            if level not in LEVELS:
                raise LexiconError(f"{fname}:{lineno}: unknown level {level!r}")
            for form in forms_col.split(","):
                if form.strip():
                    places.setdefault(form.strip(), Place(pid, jur, level))
    cues = []
    for lineno, (cid, level, jur, pattern) in _rows("levels.tsv", 4):
        if level and level not in LEVELS:
            raise LexiconError(f"levels.tsv:{lineno}: unknown level {level!r}")
        rx = _regex("levels.tsv", lineno, pattern)
        if not jur and "j" not in rx.groupindex and level not in ("international",):
            raise LexiconError(f"levels.tsv:{lineno}: needs a jurisdiction or a (?P<j>…) group")
        cues.append(Cue(cid, level or None, jur or None, rx))
    bodies = tuple(
        (bid, _regex("roles_public_bodies.tsv", ln, pat))
        for ln, (bid, pat) in _rows("roles_public_bodies.tsv", 2)
    )
    suffix_index: dict[str, tuple[str, Office, str | None]] = {}
    for row in suffixes:
        suffix_index.setdefault(row[0], row)
    return Lexicon(
        tuple(offices),
        forms,
        tuple(suffixes),
        suffix_index,
        tuple(sorted({len(k) for k in suffix_index}, reverse=True)),
        {k: tuple(v) for k, v in multi.items()},
        abbrevs,
        not_offices,
        places,
        tuple(cues),
        bodies,
    )


# --- office heads ---------------------------------------------------------------------------------

# Adjectives that belong to the office as written ("stellvertretender Bezirksbürgermeister").
_PREMOD = re.compile(
    r"^(?:stellvertretend|[Ss]tellv\.|kommissarisch|amtierend|ehemalig|Parlamentarisch|"
    r"[Ee]rst|[Gg]eschäftsführend|[Ll]eitend|[Ss]tändig)(?:e|er|en|es)?$"
)


@dataclass(frozen=True, slots=True)
class OfficeMatch:
    """An office title found in text. Example: "Die Staatsministerin" -> head "Staatsministerin",
    role_norm "Staatsminister", gender "f"; token indices [start, end) cover premodifiers and head."""

    office_id: str
    head: str
    role_norm: str
    gender: str | None
    level: str | None
    jurisdiction: str | None
    kind: str
    start: int
    end: int
    head_index: int
    prefix: str = ""  # compound prefix as written: "Integrations" in "Integrationsbeauftragte"


def _head_at(toks: Sequence[Tok], i: int, lex: Lexicon) -> OfficeMatch | None:
    t = toks[i]
    if not t.is_word:
        return None
    word = t.norm
    low = word.lower()
    if low in lex.not_offices:
        return None
    if word in lex.abbrevs:
        o = lex.abbrevs[word]
        return OfficeMatch(o.office_id, word, o.role_norm, None, o.level, o.jurisdiction, o.kind, i, i + 1, i)
    if not t.is_cap:
        return None  # titles other than abbreviations are capitalised nouns
    start, office, gender, prefix = i, None, None, ""
    if low in lex.multiword and i > 0 and toks[i - 1].is_word:
        prev = toks[i - 1].norm.lower()
        for stem, o, g in lex.multiword[low]:
            if prev.startswith(stem) and len(prev) - len(stem) <= 2:
                office, gender, start = o, g, i - 1
                break
    mw_start = start
    if office is None and low in lex.forms:
        office, gender = lex.forms[low]
    if office is None:
        # the longest compound ending that leaves at least two letters before it
        for size in lex.suffix_lengths:
            if size > len(low) - 2:
                continue
            hit = lex.suffix_index.get(low[-size:])
            if hit is not None:
                suffix, o, g = hit
                pre = word[: len(word) - len(suffix)]
                if pre[-1:] in "-" or (pre.isalpha() and len(pre) >= 2):
                    office, gender, prefix = o, g, pre
                break
    if office is None:
        return None
    role_norm = office.role_norm
    if prefix:
        canonical = office.role_norm if prefix.endswith("-") else office.role_norm.lower()
        role_norm = prefix + canonical
    while (
        start > 0
        and toks[start - 1].is_word
        and (_PREMOD.match(toks[start - 1].norm) or _place_adj(toks[start - 1].norm, lex))
    ):
        start -= 1
    head = " ".join(tok.norm for tok in toks[mw_start : i + 1])
    return OfficeMatch(
        office.office_id,
        head,
        role_norm,
        gender,
        office.level,
        office.jurisdiction,
        office.kind,
        start,
        i + 1,
        i,
        prefix,
    )


def _place_adj(word: str, lex: Lexicon) -> bool:
    """ "Hessischer", "Berliner", "Neuköllns": a place word that can stand before an office title."""
    place = lex.places.get(word)
    return place is not None and word != place.jurisdiction and word[:1].isupper()


def find_office_heads(toks: Sequence[Tok]) -> list[OfficeMatch]:
    """Every office title in a token list. Example: "Staatsministerin und Beauftragte" -> two heads."""
    lex = lexicon()
    out = []
    for i in range(len(toks)):
        m = _head_at(toks, i, lex)
        if m is not None:
            out.append(m)
    return out


def match_office(text: str) -> OfficeMatch | None:
    """The office a short mention names, for resolving "Die Staatsministerin" to its holder.

    Example: match_office("Die Staatsministerin") -> OfficeMatch(head="Staatsministerin",
    role_norm="Staatsminister", gender="f", level=None, …); match_office("Der Senat") -> None.
    The last office title in the text wins ("Der Regierende Bürgermeister" -> Regierender Bürgermeister).
    Gender from the article where the title does not show it ("der Beauftragte" -> m).
    """
    toks = tokenize(text)
    heads = find_office_heads(toks)
    if not heads:
        return None
    m = heads[-1]
    if m.gender is None and m.start > 0 and toks[m.start - 1].norm.lower() in ("die", "eine"):
        m = _replace(m, gender="f")
    elif m.gender is None and m.start > 0 and toks[m.start - 1].norm.lower() in ("der", "ein"):
        m = _replace(m, gender="m")
    return m


def _replace(m: OfficeMatch, **kw) -> OfficeMatch:
    from dataclasses import replace

    return replace(m, **kw)


def resolve_office_holder(text: str, roles: Iterable[dict]) -> str | None:
    """person_id of the one person in `roles` (span._.role dicts of the release) holding the office
    `text` names; None when no one or several do.

    Example: "Die Staatsministerin" with roles [{person_id: "p-1", role_norm: "Staatsminister", …}] -> "p-1".
    """
    m = match_office(text)
    if m is None:
        return None
    roles = list(roles)
    holders = {r.get("person_id") for r in roles if r.get("person_id") and r.get("role_norm") == m.role_norm}
    if (
        not holders
    ):  # "Der Senator" for "Senator für Finanzen"; "Die Beauftragte" for "Integrationsbeauftragte"
        norm = m.role_norm.lower()
        holders = {
            r.get("person_id")
            for r in roles
            if r.get("person_id") and (r.get("role_norm") or "").lower().endswith(norm)
        }
    return holders.pop() if len(holders) == 1 else None


# --- office phrases -------------------------------------------------------------------------------

# Articles and prepositions that may stand inside an office phrase ("Senatorin für Bildung, Jugend und Familie").
_ARTICLE_PREP = frozenset(
    [
        "des",
        "der",
        "den",
        "dem",
        "die",
        "im",
        "in",
        "ins",
        "am",
        "an",
        "beim",
        "bei",
        "vom",
        "von",
        "zum",
        "zur",
        "aus",
        "auf",
        "über",
    ]
)
# Words that continue an office phrase: the articles/prepositions above (but not "auf", "über"),
# conjunctions, and the abbreviations of "a. D.", "i. R.", "e. V.".
_FUNCTION = (_ARTICLE_PREP - {"auf", "über"}) | frozenset(
    ["für", "und", "sowie", "a.", "D.", "i.", "R.", "a.D.", "i.R.", "e.", "V.", "e.V.", "&"]
)
_GEN_ART = frozenset({"des", "der"})
# a genitive after a public title that names a body or place, not a remit ("Frauenbeauftragte des Bezirks")
_NOT_REMIT = re.compile(
    r"^(?:Bezirk|Bezirks|Bezirkes|Landes|Bundes|Stadt|Gemeinde|Senats|Kreises|Vereins|BVV|"
    r"Hauses|Amtes|Verwaltung)\b"
)
_LOC_PREP = frozenset(
    ["im", "in", "ins", "am", "an", "beim", "bei", "vom", "von", "zum", "zur", "aus", "auf"]
)
_ADJ_END = re.compile(r"(?:e|en|er|es|em)$")


@dataclass(slots=True)
class OfficePhrase:
    """An office as written: premodifiers + head + complements, token indices [start, end)."""

    head: OfficeMatch
    start: int
    end: int
    text: str = ""
    char_start: int = 0
    char_end: int = 0
    portfolio: str | None = None
    organization: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    cue_id: str | None = None
    coordinated_with: list[int] = field(default_factory=list)


def phrase_extent(
    toks: Sequence[Tok],
    head: OfficeMatch,
    *,
    name_starts: frozenset[int],
    head_starts: frozenset[int],
    max_tokens: int = 30,
) -> int:
    """End (exclusive token index) of the office phrase that starts with `head`.

    Example: "Senatorin für Bildung, Jugend und Familie, Katrin Lompscher" -> ends after "Familie".
    """
    n = len(toks)
    j = head.end
    enum_open = enum_closed = False
    item_caps = 0
    last = j
    while j < n and j - head.start < max_tokens:
        t = toks[j]
        if j in name_starts:
            break
        if j == head.end and _name_after_head(toks, j):
            break  # "Bezirksstadtrat Ephraim Gothe, Tel.": a name, not a complement
        if t.is_word and t.is_lower:
            w = t.norm
            if w in ("und", "sowie", "bzw.", "oder"):
                if j + 1 >= n or (j + 1) in name_starts or _starts_head(j + 1, toks, head_starts):
                    break
                if not enum_open and toks[j + 1].is_lower:
                    break  # "Vorstand der BVG und in Anwesenheit von …": the phrase is over
                if enum_open:
                    enum_closed = True
                    item_caps = 0
                j += 1
                continue
            if w == "für":
                enum_open, enum_closed, item_caps = True, False, 0
                j += 1
                continue
            if w in _FUNCTION:
                if enum_open and w in _ARTICLE_PREP:
                    enum_open = enum_closed = False
                j += 1
                continue
            # a lowercase adjective inside a complement: "der kommunalen Galerien"
            if (
                _ADJ_END.search(w)
                and j > head.end
                and toks[j - 1].norm in _ARTICLE_PREP | {"für"}
                and j + 1 < n
                and toks[j + 1].is_cap
            ):
                j += 1
                continue
            break
        if t.is_word or t.norm[:1].isdigit():
            if (
                t.is_word
                and j > head.end
                and _starts_head(j, toks, head_starts)
                and toks[j - 1].norm not in _ARTICLE_PREP
            ):
                break  # a second office without "und": a new phrase
            if enum_closed and item_caps >= 1 and t.is_cap and _cap_run(toks, j) >= 2:
                break  # "… und Verkehr Martin Schaefer": the name after the last portfolio
            item_caps += 1
            j += 1
            last = j
            continue
        if (
            t.norm == ","
            and enum_open
            and not enum_closed
            and j + 1 < n
            and toks[j + 1].is_cap
            and (j + 1) not in name_starts
            and not _starts_head(j + 1, toks, head_starts)
        ):
            item_caps = 0
            j += 1
            continue
        break
    # drop dangling function words ("Staatssekretär für" at a line end)
    end = max(last, head.end)
    while end > head.end and toks[end - 1].is_lower and not toks[end - 1].norm.endswith("."):
        end -= 1
    return end


def _name_after_head(toks: Sequence[Tok], j: int) -> bool:
    """1–3 capitalised words right after a title, then a break: a name ("Senatorin Kalayci:"), unless
    they name a place ("Bezirksstadtrat Charlottenburg-Wilmersdorf") or go on into a complement
    ("Koordinatorin Kulturelle Bildung im Bezirksamt")."""
    places = lexicon().places
    k = j
    while k < len(toks) and toks[k].is_word and toks[k].is_cap and not toks[k].norm.isupper():
        w = toks[k].norm
        if w in places or any(p in places for p in w.split("-")) or w.endswith("-") or is_institution_word(w):
            return False
        k += 1
    if not 1 <= k - j <= 3:
        return False
    if k < len(toks) and (
        toks[k].norm in _ARTICLE_PREP
        or toks[k].norm in ("für", "und", "sowie", "-")
        or toks[k].norm[:1].isdigit()
        or toks[k].norm.isupper()
    ):
        return False
    return bool(lexicon().forms) and _head_at(toks, j, lexicon()) is None


def _starts_head(j: int, toks: Sequence[Tok], head_starts: frozenset[int]) -> bool:
    return j in head_starts


def _cap_run(toks: Sequence[Tok], j: int) -> int:
    k = j
    while k < len(toks) and toks[k].is_word and toks[k].is_cap:
        k += 1
    return k - j


def _span_text(text: str, toks: Sequence[Tok], start: int, end: int, offset: int) -> str:
    return text[toks[start].start - offset : toks[end - 1].end - offset]


def analyse_phrase(text: str, toks: Sequence[Tok], ph: OfficePhrase, *, offset: int = 0) -> OfficePhrase:
    """Fill text, portfolio, organization, jurisdiction and level of a phrase from its words.

    Example: "Oberbürgermeister der Stadt Kassel" -> jurisdiction Kassel, level kommune.
    """
    lex = lexicon()
    ph.text = _span_text(text, toks, ph.start, ph.end, offset)
    ph.char_start, ph.char_end = toks[ph.start].start, toks[ph.end - 1].end
    words = toks[ph.start : ph.end]
    after = toks[ph.head.end : ph.end]
    # portfolio: the first "für" enumeration, or a genitive remit ("Ministerin der Justiz")
    for k, t in enumerate(after):
        if t.norm == "für" and (ph.head.kind == "gov" or k == 0):
            stop = k + 1
            while stop < len(after) and not (after[stop].norm in _ARTICLE_PREP and stop > k + 1):
                stop += 1
            if stop > k + 1:
                ph.portfolio = _clean(text, after, k + 1, stop, offset)
            break
    public = any(rx.search(ph.text) for _, rx in lex.bodies)
    gen = None
    if after and after[0].norm in _GEN_ART and len(after) > 1:
        stop = 1
        # a remit ends at "für" ("Ministerin der Justiz für …"); a body keeps it ("des Zentrums für …")
        while (
            stop < len(after)
            and not (after[stop].norm == "für" and ph.head.kind == "gov")
            and not (stop > 1 and after[stop].norm in _LOC_PREP)
        ):
            stop += 1
        gen = _clean(text, after, 1, stop, offset)
    # jurisdiction and level
    jur = level = cue_id = None
    for cue in lex.cues:
        m = cue.pattern.search(ph.text)
        if m:
            j = m.groupdict().get("j") or cue.jurisdiction
            if j in lex.places and lex.places[j].jurisdiction != j:
                j = lex.places[j].jurisdiction
            jur, level, cue_id = j, cue.level, cue.cue_id
            break
    if jur is None and (ph.head.kind in ("gov", "parl") or public):
        for t in words:
            place = lex.places.get(t.norm)
            if place is not None and t is not words[ph.head.head_index - ph.start]:
                jur, level, cue_id = place.jurisdiction, place.level, place.place_id
                break
    if jur is None and ph.head.prefix:
        pre = ph.head.prefix.lower()
        if pre.startswith("bundes"):
            jur, level, cue_id = "Bund", "bund", "prefix.bundes"
        elif pre.startswith(("eu-", "europa")):
            jur, level, cue_id = "EU", "eu", "prefix.eu"
        elif pre.startswith("senats"):
            jur, level, cue_id = "Berlin", "land", "prefix.senats"
    if jur is None and ph.head.jurisdiction:
        jur = ph.head.jurisdiction
    if (
        gen
        and ph.head.kind == "gov"
        and not public
        and ph.portfolio is None
        and gen != jur
        and not any(cue.pattern.search("der " + gen) for cue in lex.cues)
        and gen not in lex.places
        and not _NOT_REMIT.match(gen)
    ):
        ph.portfolio = gen
    elif gen and ph.head.kind != "gov" and not public and cue_id is None:
        ph.organization = gen
    if ph.head.level:
        level = ph.head.level
    elif (
        ph.head.kind == "org"
        and not public
        and (level is None or cue_id is None or ph.organization)
        and (level not in ("bund", "eu", "international") or ph.organization)
    ):
        level = "other"
    if level == "other":
        jur = None
    ph.jurisdiction, ph.level, ph.cue_id = jur, level, cue_id
    return ph


def _clean(text: str, toks: Sequence[Tok], a: int, b: int, offset: int) -> str | None:
    while b > a and (toks[b - 1].is_lower or toks[b - 1].norm in ",;"):
        b -= 1
    if b <= a:
        return None
    return _span_text(text, toks, a, b, offset).replace("\u00ad", "")


def level_from_publisher(publisher: str | None) -> str | None:
    """The jurisdiction a release's publisher names, for offices without a place in the text.

    Example: "Bezirksamt Neukölln" -> "Neukölln"; "Senatsverwaltung für Finanzen" -> "Berlin";
    "Polizei Berlin" -> None.
    """
    if not publisher:
        return None
    m = re.search(r"Bezirksamt\s+([A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)?)", publisher)
    if m:
        place = lexicon().places.get(m.group(1))
        return place.jurisdiction if place else m.group(1)
    if re.search(r"\bSenat(?:sverwaltung|skanzlei)\b|Regierende", publisher):
        return "Berlin"
    return None


# --- person–office statements -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _honorific_forms() -> frozenset[str]:
    forms = set()
    for _, (_hid, form, _kind, _gender) in _rows("honorifics.tsv", 4):
        forms.update({form, form.rstrip(".")})
    return frozenset(forms)


_PARTY_TOK = re.compile(
    r"^(?:SPD|CDU|CSU|FDP|AfD|Grüne|Grünen|Linke|LINKE|Die|B90|Bündnis|90|BSW|parteilos|"
    r"Piraten|/|-|Freie|Wähler)$"
)


@dataclass(frozen=True, slots=True)
class Statement:
    """One person–office statement: the office phrase and what it says."""

    person: PersonRef
    char_start: int
    char_end: int
    role_text: str
    role: str
    role_norm: str
    portfolio: str | None
    organization: str | None
    jurisdiction: str | None
    level: str | None
    gender: str | None
    rule_id: str


def find_statements(
    text: str, persons: Sequence[PersonRef], *, offset: int = 0, district: str | None = None
) -> list[Statement]:
    """Person–office statements in one block: office before the name ("Senatorin Sandra Scheeres",
    "Der Bezirksstadtrat für Bauen, Ephraim Gothe,"), after it ("Stefan Grüttner, Hessischer Minister
    …", "Oliver Schruoffeneger (Bezirksstadtrat …)", "Roman Simon MdA"), and coordinated offices
    ("Staatsministerin und Beauftragte der Bundesregierung …" -> two statements).

    `district`: what level_from_publisher gives (a district or "Berlin"), for offices that name no place.
    Example: "Christian Geselle, Oberbürgermeister der Stadt Kassel" -> Oberbürgermeister, Kassel, kommune.
    """
    if not persons:
        return []  # statements need a named holder: most blocks name none
    toks = tokenize(text, offset)
    if not toks:
        return []
    hons = _honorific_forms()
    by_start = {t.start: i for i, t in enumerate(toks)}
    by_end = {t.end: i for i, t in enumerate(toks)}
    refs = []  # (person, first token incl. honorifics, first name token, end token exclusive)
    for p in persons:
        if p.start in by_start and p.end in by_end:
            a = by_start[p.start]
            h = a
            while h > 0 and toks[h - 1].norm in hons:
                h -= 1
            refs.append((p, h, a, by_end[p.end] + 1))
    name_starts = frozenset(x for _, h, a, _ in refs for x in (h, a))
    heads = find_office_heads(toks)
    head_starts = frozenset(h.start for h in heads)
    phrases: dict[int, OfficePhrase] = {}
    for h in heads:
        end = phrase_extent(toks, h, name_starts=name_starts, head_starts=head_starts)
        phrases[h.start] = OfficePhrase(h, h.start, end)
    # coordination: "Staatsministerin und Beauftragte …", "Bezirksbürgermeister und Bezirksstadtrat"
    chains: dict[int, list[int]] = {}
    for s in sorted(phrases):
        ph = phrases[s]
        chain = [s]
        e = ph.end
        while e + 1 < len(toks) and toks[e].norm in ("und", "sowie") and (e + 1) in phrases:
            chain.append(e + 1)
            e = phrases[e + 1].end
        chains[s] = chain
    inner = {x for c in chains.values() for x in c[1:]}
    out: list[Statement] = []
    used_phrases: set[int] = set()

    def emit(p: PersonRef, start: int, rule: str) -> None:
        chain = chains.get(start, [start])
        analysed = [analyse_phrase(text, toks, phrases[s], offset=offset) for s in chain]
        for ph in analysed:  # "Staatsministerin und Beauftragte der Bundesregierung": shared cues
            if ph.jurisdiction is None and ph.level is None:
                donor = next(
                    (o for o in analysed if o.jurisdiction or (o.level and o.level != "other")), None
                )
                if donor is not None and ph.head.kind == donor.head.kind:
                    ph.jurisdiction, ph.level = donor.jurisdiction, donor.level
            if district and ph.jurisdiction is None:
                # the publisher's district or Berlin: "Bezirksamt Mitte" for "Bezirksstadtrat Carsten
                # Spallek"; a Senatsverwaltung for "Staatssekretär für Umwelt und Klimaschutz"
                berlin = district == "Berlin"
                if (berlin and ph.head.office_id in ("office.staatssekretaer", "office.senator")) or (
                    not berlin
                    and ph.level == "kommune"
                    and ph.head.office_id not in ("office.oberbuergermeister", "office.landrat")
                ):
                    ph.jurisdiction = district
                    ph.level = ph.level or "land"
            out.append(
                Statement(
                    p,
                    ph.char_start,
                    ph.char_end,
                    ph.text,
                    ph.head.head,
                    ph.head.role_norm,
                    ph.portfolio,
                    ph.organization,
                    ph.jurisdiction,
                    ph.level,
                    ph.head.gender,
                    f"{rule}:{ph.head.office_id}" + (f":{ph.cue_id}" if ph.cue_id else ""),
                )
            )
            used_phrases.add(ph.start)

    # name first: "Name, Office", "Name (Office)", "Name (SPD), Office", "Name MdA", "Name, Org, Office"
    for p, h, a, e in refs:
        k = e
        if k < len(toks) and toks[k].norm == "(":
            m = k + 1
            while m < len(toks) and m - k <= 5 and _PARTY_TOK.match(toks[m].norm):
                m += 1
            if m < len(toks) and toks[m].norm == ")" and m > k + 1:
                k = m + 1
        if k < len(toks) and k in phrases and toks[k].norm in lexicon().abbrevs:
            emit(p, k, "role.name_abbr")
            continue
        if (
            k + 1 < len(toks)
            and toks[k].norm in (",", "(")
            and (k + 1) in phrases
            and (k + 1) not in inner
            and phrases[chains[k + 1][-1]].end not in name_starts  # "Frau X, Bezirksbürgermeister Herrn Lemm"
        ):
            emit(p, k + 1, "role.name_office")
            if toks[k].norm == ",":
                _trailing_org(text, toks, out, chains[k + 1], phrases, offset)
            continue
        if k < len(toks) and toks[k].norm == ",":
            m = k + 1
            while (
                m < len(toks)
                and m - k <= 6
                and (toks[m].is_cap or toks[m].norm in ("-", "und"))
                and m not in phrases
                and m not in name_starts
            ):
                m += 1
            if m + 1 < len(toks) and toks[m].norm == "," and m > k + 1 and (m + 1) in phrases:
                n_before = len(out)
                emit(p, m + 1, "role.name_org_office")
                seg = text[toks[k + 1].start - offset : toks[m - 1].end - offset]
                for i in range(n_before, len(out)):
                    if out[i].level == "other" and out[i].organization is None:
                        out[i] = replace_statement(out[i], organization=seg)
    # office first: "Staatsministerin Annette Widmann-Mauz", "Der Bezirksstadtrat für …, Carsten Spallek,"
    for p, h, a, e in refs:
        for s, ph in phrases.items():
            if s in inner or s in used_phrases:
                continue
            last = phrases[chains[s][-1]]
            if last.end == h:
                emit(p, s, "role.office_name")
            elif (
                last.end + 1 == h
                and toks[last.end].norm == ","
                and not _name_before(s, toks, refs)
                and (e >= len(toks) or toks[e].norm in (",", ":", ")", "(", ".") or toks[e].is_lower)
            ):
                emit(p, s, "role.office_comma_name")
    # "der Beauftragten der Bundesregierung …, Staatsministerin Annette Widmann-Mauz": an office in
    # apposition to an office that names its holder
    holders = {st.char_start: st.person for st in out if st.rule_id.startswith("role.office_name")}
    for s, ph in phrases.items():
        if s in inner or s in used_phrases:
            continue
        last = phrases[chains[s][-1]]
        nxt = last.end + 1
        if (
            last.end < len(toks)
            and toks[last.end].norm == ","
            and nxt in phrases
            and toks[nxt].start in holders
            and not _name_before(s, toks, refs)
        ):
            emit(holders[toks[nxt].start], s, "role.office_apposition")
    out.sort(key=lambda st: (st.char_start, st.person.start))
    seen, unique = set(), []
    for st in out:
        key = (st.char_start, st.char_end, st.person.person_id)
        if key not in seen:
            seen.add(key)
            unique.append(st)
    return unique


def replace_statement(st: Statement, **kw) -> Statement:
    from dataclasses import replace

    return replace(st, **kw)


def _name_before(s: int, toks: Sequence[Tok], refs) -> bool:
    """True when the phrase at token s directly follows "Name," (it then belongs to that name)."""
    return s >= 1 and toks[s - 1].norm in (",", "(") and any(e == s - 1 for _, _, _, e in refs)


def _trailing_org(
    text: str,
    toks: Sequence[Tok],
    out: list[Statement],
    chain: list[int],
    phrases: dict[int, OfficePhrase],
    offset: int,
) -> None:
    """ "Mariam Lau, Korrespondentin in der Hauptstadtredaktion, DIE ZEIT": the organisation after the
    office in a list line, kept where the office names none."""
    end = phrases[chain[-1]].end
    if end + 1 >= len(toks) or toks[end].norm != ",":
        return
    m = end + 1
    while (
        m < len(toks)
        and m - end <= 7
        and (toks[m].is_cap or toks[m].norm in ("-", "&", "und") or toks[m].norm[:1].isdigit())
    ):
        m += 1
    if m != len(toks) or m == end + 1:
        return  # only at the end of the block: elsewhere the next words may be another person
    seg = text[toks[end + 1].start - offset : toks[m - 1].end - offset]
    for i in range(len(out)):
        st = out[i]
        if st.char_start >= toks[chain[0]].start and st.organization is None and st.level == "other":
            out[i] = replace_statement(st, organization=seg, level="other", jurisdiction=None)


def fill_from_document(statements: Sequence[Statement]) -> list[Statement]:
    """A bare title ("Staatsministerin Annette Widmann-Mauz") takes what the same person's same office
    says elsewhere in the release ("Staatsministerin und Beauftragte der Bundesregierung …" -> Bund,
    bund): jurisdiction and level together, portfolio and organization each where missing."""
    keys = ("jurisdiction", "level", "portfolio", "organization")
    known: dict[tuple[str, str], dict] = {}
    for st in statements:
        got = known.setdefault((st.person.person_id, st.role_norm), {})
        if st.jurisdiction or st.level:
            got.setdefault("place", (st.jurisdiction, st.level))
        for k in keys[2:]:
            if getattr(st, k):
                got.setdefault(k, getattr(st, k))
    out = []
    for st in statements:
        got = known.get((st.person.person_id, st.role_norm), {})
        kw = {k: got[k] for k in keys[2:] if not getattr(st, k) and k in got}
        if not st.jurisdiction and not st.level and "place" in got:
            kw["jurisdiction"], kw["level"] = got["place"]
        out.append(replace_statement(st, **kw) if kw else st)
    return out
