"""Silver PER spans from Berlin press releases, found with the name lists (training data only).

A person is marked where an office or form of address is followed by a given name from the Berlin
given-name list (seen at least ``min_given_count`` times) and a family name from the GermaNER list:
"Bezirksbürgermeisterin Clara Herrmann" -> PER "Clara Herrmann". Only what the pattern knows is
annotated: the PER span, the office/address words (O, as GermEval leaves them out of PER), lower-case
words and punctuation (O); every other capitalised word is *missing*, so the silver sentences teach
neither O nor a type for the names and organisations the pattern does not see.
"""

from __future__ import annotations

import lzma
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span

from .convert import iter_release_texts, maybe_unmarked_entity

#: office and address words after which a name follows (lower-cased token text)
CUE_WORDS = frozenset(
    [
        "bezirksbürgermeister",
        "bezirksbürgermeisterin",
        "bürgermeister",
        "bürgermeisterin",
        "senator",
        "senatorin",
        "staatssekretär",
        "staatssekretärin",
        "bezirksstadtrat",
        "bezirksstadträtin",
        "stadtrat",
        "stadträtin",
        "polizeipräsident",
        "polizeipräsidentin",
        "präsident",
        "präsidentin",
        "vizepräsident",
        "vizepräsidentin",
        "abgeordnete",
        "abgeordneter",
        "minister",
        "ministerin",
        "bundesminister",
        "bundesministerin",
        "landesbeauftragte",
        "landesbeauftragter",
        "beauftragte",
        "beauftragter",
        "direktor",
        "direktorin",
        "geschäftsführer",
        "geschäftsführerin",
        "vorsitzende",
        "vorsitzender",
        "vorstandsvorsitzende",
        "vorstandsvorsitzender",
        "sprecher",
        "sprecherin",
        "leiter",
        "leiterin",
        "schulleiter",
        "schulleiterin",
        "intendant",
        "intendantin",
        "kurator",
        "kuratorin",
        "herr",
        "frau",
    ]
)
#: academic titles between the cue and the name; they stay outside the PER span
TITLE_WORDS = frozenset({"dr.", "prof.", "dr", "prof"})
_CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_NAME_RE = re.compile(r"^[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ]+)?$")


def load_name_lists(gazetteers: Path, *, min_given_count: int = 5) -> tuple[frozenset[str], frozenset[str]]:
    """(given names, family names) from ``shared/data/ner-extra/gazetteers``."""
    given = set()
    with lzma.open(gazetteers / "given_names_berlin_2012_2023.tsv.xz", "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            name, count, _ = line.rstrip("\n").split("\t")
            if int(count) >= min_given_count and _NAME_RE.match(name):
                given.add(name)
    with lzma.open(gazetteers / "family_names_germaner.list.xz", "rt", encoding="utf-8") as f:
        family = {x.strip() for x in f if _NAME_RE.match(x.strip())}
    return frozenset(given), frozenset(family)


def find_cued_people(
    words: list[str], *, given: frozenset[str], family: frozenset[str]
) -> list[tuple[int, int]]:
    """Token spans of names after an office or address word.

    Example: ["Senatorin", "Dr.", "Ina", "Czyborra", "sagte"] -> [(2, 4)].
    """
    spans = []
    i = 0
    while i < len(words):
        if words[i].lower() not in CUE_WORDS:
            i += 1
            continue
        j = i + 1
        while j < len(words) and words[j].lower() in TITLE_WORDS:
            j += 1
        k = j
        while k < len(words) and words[k] in given and k - j < 2:
            k += 1
        fam = k < len(words) and _NAME_RE.match(words[k]) and all(p in family for p in words[k].split("-"))
        # a third capitalised word after the family name makes the span uncertain: skip
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if k > j and fam and not (nxt[:1].isupper() and _NAME_RE.match(nxt)):
            spans.append((j, k + 1))
            i = k + 1
        else:
            i += 1
    return spans


def silver_person_doc(vocab, words: list[str], spaces: list[bool], spans: list[tuple[int, int]]) -> Doc:
    """A partially annotated doc: PER spans, O for cues/titles/lower-case words, the rest missing."""
    doc = Doc(vocab, words=words, spaces=spaces)
    inside = {t for s, e in spans for t in range(s, e)}
    missing = [
        Span(doc, t, t + 1)
        for t, w in enumerate(words)
        if t not in inside and w.lower() not in CUE_WORDS | TITLE_WORDS and maybe_unmarked_entity(w)
    ]
    doc.set_ents([Span(doc, s, e, label="PER") for s, e in spans], missing=missing, default="outside")
    return doc


def iter_silver_person_docs(
    texts: Iterable[str],
    *,
    given: frozenset[str],
    family: frozenset[str],
    max_sents: int,
    max_per_name: int = 3,
) -> Iterator[Doc]:
    """Silver sentences in text order; a name already seen ``max_per_name`` times adds no sentence
    (a few district mayors would otherwise fill the set)."""
    from collections import Counter

    import spacy

    seen: Counter[str] = Counter()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    n = 0
    for text in texts:
        for para in text.split("\n"):
            if not _CUE_RE.search(para):
                continue
            for sent in nlp(para.strip()).sents:
                toks = [t for t in sent if not t.is_space]
                words = [t.text for t in toks]
                if not 4 <= len(words) <= 60:
                    continue
                spans = find_cued_people(words, given=given, family=family)
                names = [" ".join(words[s:e]) for s, e in spans]
                if not spans or all(seen[x] >= max_per_name for x in names):
                    continue
                seen.update(names)
                spaces = [bool(t.whitespace_) for t in toks]
                yield silver_person_doc(nlp.vocab, words, spaces, spans)
                n += 1
                if n >= max_sents:
                    return


def build_silver_people(releases: Path, gazetteers: Path, out: Path, *, max_sents: int = 3000) -> int:
    """Write ``max_sents`` silver PER sentences from the releases to ``out`` (a DocBin)."""
    given, family = load_name_lists(gazetteers)
    docs = list(
        iter_silver_person_docs(iter_release_texts(releases), given=given, family=family, max_sents=max_sents)
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    return len(docs)
