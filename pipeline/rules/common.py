"""Plumbing the rules of several stages share: tokens with offsets, the error of a bad data file, and the
lexicon of words around person names (honorifics, given names, words that are never names).

Example: tokenize("Prof. Dr. Hacı-Halil Uslucan,") -> Prof. | Dr. | Hacı-Halil | Uslucan | ,
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pressextract.resources import LEXICON_DIR
from pressextract.resources.loader import ResourceError, data_lines, read_words

LexiconError = ResourceError  # one error class for every resource file


# A token of a party name in brackets after a person: "Michael Grunst (Die Linke)", "(B90/Grüne)".
PARTY_TOKEN = re.compile(
    r"^(?:SPD|CDU|CSU|FDP|AfD|Grüne|Grünen|Linke|LINKE|Die|B90|Bündnis|90|BSW|parteilos|"
    r"Piraten|/|-|Freie|Wähler|"
    # the capitalised spellings of party names: "(PIRATEN)", "(BÜNDNIS 90/DIE GRÜNEN)"
    r"PIRATEN|BÜNDNIS|DIE|GRÜNE|GRÜNEN|ÖDP|Volt)$"
)


# --- tokens ---------------------------------------------------------------------------------------

# Words keep inner hyphens ("Widmann-Mauz", "Karl-Marx-Straße") and soft hyphens; a word that ends in
# a hyphen before "und"/"oder" ("Industrie- und Handelskammer") keeps it; a few abbreviations keep
# their dot so that "Prof. Dr." is not read as two sentence ends.
_ABBREV = r"(?:Prof|Dr|Dres|med|phil|rer|nat|jur|Dipl\.-Ing|h\.\s?c|St|a\.\s?D|i\.\s?R|e\.\s?V|jun|sen)\."
_WORD = r"[^\W\d_](?:[\w'’\u00ad]|[-‐‑](?=[\w]))*(?:-(?=\s+(?:und|oder|bzw\.?|sowie)\b))?"
_TOKEN_RE = re.compile(rf"(?<![\w.]){_ABBREV}|{_WORD}|\d+(?:[.,:]\d+)*|\S")


class Tok:
    """A token with character offsets; `norm` drops soft hyphens and unifies hyphens.

    The rules read is_word/is_cap/is_lower of every token several times: they are set once here.
    Read-only by convention: a plain slotted class is built ~2.5x faster than a frozen dataclass,
    which pays for object.__setattr__ on each field, and tokens are built for every block twice.
    """

    __slots__ = ("end", "is_cap", "is_lower", "is_word", "norm", "start", "text")

    def __init__(self, text: str, start: int, end: int, norm: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.norm = norm
        first = norm[:1]
        self.is_word = first.isalpha()
        self.is_cap = first.isupper()
        self.is_lower = first.islower()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tok):
            return NotImplemented
        return (self.text, self.start, self.end, self.norm) == (
            other.text,
            other.start,
            other.end,
            other.norm,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end, self.norm))

    def __repr__(self) -> str:
        return f"Tok(text={self.text!r}, start={self.start}, end={self.end}, norm={self.norm!r})"


def normalize(text: str) -> str:
    """What Tok.norm does to a token, on any text: a token's norm is a substring of its text's normal
    form. Example: "Widmann‐Mauz" (U+2010) -> "Widmann-Mauz"; "Bezirks\u00adbürgermeister" ->
    "Bezirksbürgermeister"."""
    return text.replace("\u00ad", "").replace("‐", "-").replace("‑", "-")


@lru_cache(maxsize=2048)
def tokenize(text: str, offset: int = 0) -> tuple[Tok, ...]:
    """Tokens of a block of text. Example: "Prof. Dr. Hacı-Halil Uslucan," -> Prof. | Dr. | Hacı-Halil | Uslucan | ,

    Cached: the people rules read each block three times (names, later mentions, genders) and the roles
    rules once more, with the same offsets; the tuple and its tokens are shared, so read-only."""
    out = []
    # most blocks have no soft or special hyphens: then every token is its own norm
    plain = "\u00ad" not in text and "‐" not in text and "‑" not in text
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        out.append(Tok(word, m.start() + offset, m.end() + offset, word if plain else normalize(word)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Honorific:
    form: str
    kind: str  # "title" (kept: "Prof. Dr.") or "address" (Frau/Herr: gender only)
    gender: str | None


@dataclass(frozen=True, slots=True)
class PeopleLexicon:
    given: frozenset[str]
    honorifics: dict[str, Honorific]
    heads: frozenset[str]  # "Straße", "Platz": the name is a street or building
    suffixes: tuple[str, ...]  # "schule", "kirche": "Ballettschule", "Gedächtniskirche"
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def people_lexicon() -> PeopleLexicon:
    """Load and validate people_given_names.tsv, honorifics.tsv and people_not_names.tsv once."""
    given = frozenset(word for _, word in read_words(LEXICON_DIR / "people_given_names.tsv"))
    hons: dict[str, Honorific] = {}
    for lineno, line in data_lines(LEXICON_DIR / "honorifics.tsv"):
        cols = (line.split("\t") + [""])[:4]
        _hid, form, kind, gender = (c.strip() for c in cols)
        if kind not in ("title", "address") or gender not in ("", "f", "m") or not form:
            raise LexiconError(f"honorifics.tsv:{lineno}: bad row {line!r}")
        hons[form] = Honorific(form, kind, gender or None)
        hons.setdefault(form.rstrip("."), Honorific(form, kind, gender or None))
    heads, words, suffixes = set(), set(), set()
    for lineno, line in data_lines(LEXICON_DIR / "people_not_names.tsv"):
        cols = line.split("\t")
        if (
            len(cols) != 3
            or not cols[0].strip()
            or cols[1] not in ("head", "word", "suffix")
            or not cols[2].strip()
        ):
            raise LexiconError(
                f"people_not_names.tsv:{lineno}: expected 'id<TAB>head|word|suffix<TAB>word', got {line!r}"
            )
        {"head": heads, "word": words, "suffix": suffixes}[cols[1]].add(cols[2].strip())
    return PeopleLexicon(given, hons, frozenset(heads), tuple(sorted(suffixes)), frozenset(words))


def is_institution_word(word: str) -> bool:
    """A word that names a street or building, never a person: "Karl-Marx-Straße", "Ballettschule"."""
    plex = people_lexicon()
    low = word.lower()
    return word in plex.heads or word.split("-")[-1] in plex.heads or low.endswith(plex.suffixes)
