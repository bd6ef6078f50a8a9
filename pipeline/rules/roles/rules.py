"""Loading and validating the office lexicons: offices, states, districts, levels, public bodies.

Example: lexicon().offices["senatorin"] -> Office(norm "Senator", gender f, kind gov).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pressextract.resources import LEXICON_DIR
from pressextract.resources.loader import compile_regex, data_lines, read_words
from pressextract.rules.common import LexiconError

LEVELS = ("bund", "land", "kommune", "eu", "international", "other")


KINDS = ("gov", "org", "parl")


TYPES = ("noun", "adj", "abbr", "neut", "en")


def _rows(name: str, n_cols: int) -> Iterable[tuple[int, list[str]]]:
    for lineno, line in data_lines(LEXICON_DIR / name):
        cols = line.split("\t")
        if len(cols) < n_cols:
            cols += [""] * (n_cols - len(cols))
        if len(cols) != n_cols or not cols[0].strip():
            raise LexiconError(f"{name}:{lineno}: expected {n_cols} tab-separated columns, got {len(cols)}")
        yield lineno, [c.strip() for c in cols]


def _regex(name: str, lineno: int, pattern: str) -> re.Pattern:
    return compile_regex(pattern, where=f"{name}:{lineno}")


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
    # remit prefixes of government titles: "bildungs" -> ("pf.bildung", "Bildung")
    portfolio_prefixes: dict[str, tuple[str, str]] = field(default_factory=dict)
    # the last three letters of every compound ending: a word that ends otherwise ends no compound title
    # (most capitalised words), so _head_at skips its look-ups by length
    suffix_tails: frozenset[str] = frozenset()


def _office_forms(o: Office) -> list[tuple[str, str | None]]:
    """Inflected singular forms with the gender they show. Example: Präsident -> Präsidenten (m)."""
    if o.type == "abbr":
        return [(o.masc, None)]
    if o.type == "en":  # an English title: one form ("Officer"), the words before it read by _title_at
        return [(o.masc, None)]
    if o.type == "neut":  # das Mitglied: the title shows no gender
        # and the plural "Vorstandsmitglieder" of an apposition to two names ("A und B, Vorstandsmitglieder")
        return [(o.masc, None), (o.masc + "s", None), (o.masc + "es", None), (o.masc + "er", None)]
    if o.type == "adj":  # Beauftragter (m), Beauftragte (die: f, der: m gen/dat f), Beauftragten (any)
        stem = o.fem
        return [(stem + "r", "m"), (stem, None), (stem + "n", None)]
    forms = [(o.masc, "m"), (o.masc + "s", "m"), (o.fem, "f")]
    if o.fem.endswith("in"):  # the plural of two women: "A und B, Geschäftsführerinnen der X"
        forms.append((o.fem + "nen", "f"))
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
    not_offices = frozenset(word.lower() for _, word in read_words(LEXICON_DIR / "roles_not_offices.tsv"))
    places: dict[str, Place] = {}
    for fname in ("roles_districts.tsv", "states.tsv", "roles_countries.tsv"):
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
    portfolio_prefixes = {
        prefix.lower(): (pid, portfolio)
        for _, (pid, prefix, portfolio) in _rows("roles_portfolio_prefixes.tsv", 3)
    }
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
        portfolio_prefixes,
        frozenset(k[-3:] for k in suffix_index),
    )
