"""Name tokens: particles, determiners, honorifics before a name, runs of capitalised words, the typed result.

Example: "Frau Dr. Sandra Scheeres" -> honorifics "Frau", "Dr."; name run "Sandra Scheeres".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pressextract.records.ids import person_id
from pressextract.resources import LEXICON_DIR
from pressextract.resources.loader import read_words, word_set
from pressextract.rules.common import (
    PARTY_TOKEN,
    PeopleLexicon,
    Tok,
    people_lexicon,
)

PARTICLES = word_set("people", "particles")


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """Known family names (people_family_names.tsv). Example: "Evans" in family_names()."""
    return frozenset(word for _, word in read_words(LEXICON_DIR / "people_family_names.tsv"))


@lru_cache(maxsize=1)
def more_given_names() -> frozenset[str]:
    """Given names that only confirm a PER entity (people_given_names_berlin.tsv). Example: "Ferhat"."""
    return frozenset(word for _, word in read_words(LEXICON_DIR / "people_given_names_berlin.tsv"))


# Particles that may open a family name ("von Weber"); articles and "und" only inside one.
_FIRST_PARTICLES = PARTICLES - {"der", "den", "und"}


_PARTICLES_BEFORE_NAME = _FIRST_PARTICLES | {"der", "den"}


# "die Frau", "seiner Frau Emilie": Frau/Herr as a noun, not a form of address
_NOUN_DETERMINERS = word_set("people", "noun_determiners")


_PLACE_PREFIX = word_set("people", "place_prefix")


_PARTY = PARTY_TOKEN


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """A person mention; `start`/`end` are character offsets of the name as written (titles excluded)."""

    start: int
    end: int
    name: str
    honorific: str | None
    given_name: str | None
    family_name: str
    gender: str | None
    rule_id: str
    person_id: str = ""


_INITIAL = re.compile(r"(?:^|\s)[A-ZÄÖÜ]\.(?=\s|$)")


@lru_cache(maxsize=4096)  # the same names come back in every mention and release; ids are pure strings
def make_person_id(given: str | None, family: str) -> str:
    """Example: make_person_id("Annette", "Widmann-Mauz") == person_id("Annette Widmann-Mauz");
    a middle initial does not count: make_person_id("Günter M.", "Ziegler") == person_id("Günter Ziegler")."""
    given = _INITIAL.sub("", given).strip() if given else given
    return person_id(f"{given} {family}" if given else family)


_CAMEL = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{3,}[A-ZÄÖÜ]")


# norm -> _is_name_word for the lexicon in _NAME_LEX: the same words come back in every block
_NAME_WORDS: dict[str, bool] = {}
_NAME_LEX: list[PeopleLexicon | None] = [None]


def _name_words(plex: PeopleLexicon) -> dict[str, bool]:
    if _NAME_LEX[0] is not plex or len(_NAME_WORDS) >= 200_000:
        _NAME_WORDS.clear()
        _NAME_LEX[0] = plex
    return _NAME_WORDS


def _is_name_word(t: Tok, plex: PeopleLexicon) -> bool:
    """A capitalised word that can be part of a name (it reads t.norm only: is_word/is_cap come from it)."""
    w = t.norm
    if not t.is_word or not t.is_cap or len(w) < 2:
        return False
    # isalpha() first: letters are never digits, and most names are letters only
    if w.isupper() or (not w.isalpha() and any(c.isdigit() for c in w)):
        return False
    if w in plex.not_names or w in plex.honorifics:
        return False
    if w.endswith(("-", ".")) or _CAMEL.match(w):
        return False  # "BuildingMinds", "MotionLab": a company's name ("McAllister", "DeLuca" stay names)
    parts = w.split("-")
    if len(parts) > 1 and (parts[-1] in plex.heads or any(not p[:1].isupper() for p in parts)):
        return False  # "Karl-Marx-Straße", "Kita-Leitung"
    return not any(p in plex.heads for p in parts) and not w.lower().endswith(plex.suffixes)


def _honorifics_before(toks: Sequence[Tok], i: int, plex: PeopleLexicon) -> int:
    """Index of the first honorific right before token i (i when none)."""
    k = i
    while k > 0 and toks[k - 1].norm in plex.honorifics:
        k -= 1
    return k


def _address_is_noun(toks: Sequence[Tok], k: int) -> bool:
    return k > 0 and toks[k - 1].norm.lower() in _NOUN_DETERMINERS and toks[k - 1].is_lower


@dataclass(slots=True)
class _Run:
    start: int
    end: int  # exclusive token index


def name_runs(toks: Sequence[Tok], *, office_idx: set[int]) -> list[_Run]:
    """Maximal sequences of name-like tokens with particles inside ("Elke von der Lieth")."""
    plex = people_lexicon()
    # each token is tested once, not again for every run that looks at it; each word once per lexicon
    words = _name_words(plex)
    is_name = []
    for i, t in enumerate(toks):
        hit = words.get(t.norm)
        if hit is None:
            hit = words[t.norm] = _is_name_word(t, plex)
        is_name.append(hit and i not in office_idx)
    runs, i, n = [], 0, len(toks)
    while i < n:
        if not is_name[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if is_name[j]:
                j += 1
                continue
            if (
                j + 2 < n
                and len(toks[j].norm) == 1
                and toks[j].norm.isupper()
                and toks[j + 1].norm == "."
                and is_name[j + 2]
                and _given_hit(toks[j - 1], plex)
            ):
                j += 3  # a middle initial: "Günter M. Ziegler"
                continue
            k = j
            while k < n and toks[k].norm in PARTICLES and toks[k].norm != "und" and k - j < 3:
                k += 1
            if (
                k > j
                and k < n
                and toks[k - 1].norm in _PARTICLES_BEFORE_NAME
                and toks[j].norm in _FIRST_PARTICLES
                and is_name[k]
                # "Elke von der Lieth", "Carl Maria von Weber": particles after a given name and before
                # the run's last name ("Bilder von Susanne Runge" is none)
                and (
                    _given_hit(toks[j - 1], plex)
                    # "Ludwig Mies van der Rohe": "van" also after a given and a family name
                    or (toks[j].norm == "van" and j - 2 >= i and _given_hit(toks[j - 2], plex))
                )
                and not (k + 1 < n and is_name[k + 1])
            ):
                j = k + 1
                continue
            break
        runs.append(_Run(i, j))
        i = j
    return runs


def _given_hit(t: Tok, plex: PeopleLexicon) -> bool:
    return t.norm in plex.given or (("-" in t.norm) and all(p in plex.given for p in t.norm.split("-")))


# Near endings count only for long endings of compounds: "Kolleg"/"Kollege" or "Galerie"/"Valerie" stay apart.
_NEAR_MIN_ENDING = 7
_NEAR_MIN_STEM = 3


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter replaced, inserted, deleted, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=8192)
def near_institution_word(word: str) -> bool:
    """A compound whose ending is one edit away from an institution ending of people_not_names.tsv: an
    inflected form or a misspelling. Example: "Mittelpunktbiblitothek", "Bildungszentrums" -> True;
    "Valerie", "Kollege", "Mikrogramm" -> False."""
    low = word.lower()
    if not word[:1].isupper() or not low.isalpha():
        return False
    plex = people_lexicon()
    # the "suffix" rows only: heads such as "Ausstellung", "Medaille", "Ensemble" also stand before an artist
    # or a winner ("Plakatausstellung Marina Naprushkina", "Bürgermedaille Wilfried Jacobi")
    for end in (s for s in plex.suffixes if len(s) >= _NEAR_MIN_ENDING):
        for n in (len(end) - 1, len(end), len(end) + 1):
            if len(low) - len(end) >= _NEAR_MIN_STEM and _one_edit(low[-n:], end):
                return True
    return False
