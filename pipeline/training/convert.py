"""Corpus converters: the corpora in ``shared/data`` -> spaCy ``DocBin`` files.

Every reader is a pure function over text lines / strings so that it can be tested on tiny inline
samples; the ``build_*`` functions do the file I/O.

NER scheme (de_core_news_lg style): PER, LOC, ORG, MISC.

* GermEval 2014: outer level (column 3) only; OTH -> MISC; ``*deriv`` / ``*part`` -> O.
* LER (legal): PER/RR/AN -> PER; LD/ST/STR/LDS -> LOC; ORG/UN/INN/GRT/MRK -> ORG; the legal
  types (GS, VO, EUN, VS, VT, RS, LIT) are marked *missing* (unknown), not O, because GermEval would
  sometimes call a law name OTH/MISC and we do not want to teach either answer.
* SmartData v1: person -> PER; location* -> LOC; organization* -> ORG; the rest is O.
* Europarl NER (Faruqui & Padó 2010): IOB1 -> IOB2 (an ``I-`` after ``O`` or after another type
  starts an entity); PER/LOC/ORG kept; MISC spans are marked *missing*: Europarl follows CoNLL
  conventions, where MISC includes derived adjectives and nationalities (``europäischen``,
  ``Europäer``), which GermEval (``LOCderiv`` -> O in our scheme) does not call entities.
* WikiANN German (silver, PER/LOC/ORG, no MISC): its O is only "not a linked PER/LOC/ORG". O
  tokens that could be an entity the silver data does not mark -- a capitalised word (German
  nouns included) or a word with a digit or an upper-case letter inside -- are marked *missing*
  instead of O, so WikiANN neither teaches O for MISC (``Olympischen Spiele``) nor for the
  unlinked names that silver data misses. Lower-case words and punctuation stay O (``deutschen``
  is O in GermEval's scheme too). The sentence's first token is treated like any other.

Evaluation sets (never training): GermEval 2014 dev, CoNLL-2003 German testa (IOB1, ``-DOCSTART-``,
MISC kept: CoNLL's MISC convention differs from ours, see the model card), UNER German-PUD (IOB2,
PER/LOC/ORG only).

UD (GSD, PUD): CoNLL-U with multiword tokens merged (``zum``/``im`` stay one token, as spaCy's
tokenizer keeps them); the merged lemma ``"zu dem"`` is reduced to the preposition (``"zu"``).
"""

from __future__ import annotations

import json
import lzma
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

NER_LABELS = ("PER", "LOC", "ORG", "MISC")

GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}

LER_MAP = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": "ORG",
}
#: LER types whose spans are marked as unknown (missing) rather than O
LER_MISSING = {"GS", "VO", "EUN", "VS", "VT", "RS", "LIT"}

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "''"}
_NO_SPACE_AFTER = {"(", "[", "``"}


# --------------------------------------------------------------------------------------------
# label mapping helpers


def map_germeval_label(label: str) -> str | None:
    """Map a GermEval type (without B-/I-) to our scheme; ``None`` means O."""
    if label.endswith(("deriv", "part")):
        return None
    return GERMEVAL_MAP.get(label)


def map_ler_label(label: str) -> str | None:
    """Map a fine LER type; ``None`` = O, ``"-"`` = missing (unknown)."""
    if label in LER_MAP:
        return LER_MAP[label]
    if label in LER_MISSING:
        return "-"
    return None


def map_smartdata_type(typ: str) -> str | None:
    if typ == "person":
        return "PER"
    if typ.startswith("location"):
        return "LOC"
    if typ.startswith("organization"):
        return "ORG"
    return None  # date, time, number, org-position, trigger, ...


def bio_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2/BIO tags (already mapped types, ``O`` for outside) -> [(start, end, label)].

    A stray ``I-X`` after ``O`` or after another type starts a new span (lenient, as conlleval).
    """
    spans: list[tuple[int, int, str]] = []
    start, cur = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != cur):
            if cur is not None:
                spans.append((start, i, cur))
                start, cur = None, None
            if tag != "O":
                start, cur = i, tag[2:]
    return spans


def iob1_to_iob2(tags: list[str]) -> list[str]:
    """IOB1 -> IOB2: an ``I-X`` that follows ``O`` or an entity of another type begins an entity.

    Example: ``["I-PER", "I-PER", "B-PER", "O", "I-LOC"]`` -> ``["B-PER", "I-PER", "B-PER", "O", "B-LOC"]``.
    """
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def guess_spaces(words: list[str]) -> list[bool]:
    """Whitespace after each token for corpora that give tokens only."""
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(not (nxt is None or nxt in _NO_SPACE_BEFORE or w in _NO_SPACE_AFTER))
    return spaces


def make_ner_doc(vocab: Vocab, words: list[str], spans, missing=(), spaces: list[bool] | None = None) -> Doc:
    doc = Doc(vocab, words=words, spaces=spaces if spaces is not None else guess_spaces(words))
    ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    miss = [Span(doc, s, e) for s, e in missing]
    doc.set_ents(ents, missing=miss, default="outside")
    return doc


# --------------------------------------------------------------------------------------------
# GermEval 2014


def read_germeval(lines: Iterable[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (words, mapped BIO outer tags) per sentence.

    Lines are ``idx<TAB>token<TAB>outer<TAB>inner``; comment lines start with ``#<TAB>``; a known
    quirk has a trailing empty 5th field, so only the first 4 fields are used.
    """
    words: list[str] = []
    tags: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.startswith("#\t") or line == "#":
            continue
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        fields = line.split("\t")[:4]
        if len(fields) < 3:
            raise ValueError(f"bad GermEval line: {raw!r}")
        word, outer = fields[1], fields[2]
        if outer == "O":
            tags.append("O")
        else:
            prefix, typ = outer.split("-", 1)
            mapped = map_germeval_label(typ)
            tags.append("O" if mapped is None else f"{prefix}-{mapped}")
        words.append(word)
    if words:
        yield words, tags


# --------------------------------------------------------------------------------------------
# LER


def read_ler(
    lines: Iterable[str],
) -> Iterator[tuple[list[str], list[tuple[int, int, str]], list[tuple[int, int]]]]:
    """Yield (words, entity spans, missing spans) per sentence (``token SPACE tag``, CRLF)."""
    words: list[str] = []
    tags: list[str] = []

    def flush():
        raw_spans = bio_to_spans(tags)
        ents, missing = [], []
        for s, e, typ in raw_spans:
            mapped = map_ler_label(typ)
            if mapped == "-":
                missing.append((s, e))
            elif mapped:
                ents.append((s, e, mapped))
        return words, ents, missing

    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if words:
                yield flush()
            words, tags = [], []
            continue
        word, _, tag = line.rpartition(" ")
        if not word:
            raise ValueError(f"bad LER line: {raw!r}")
        words.append(word)
        tags.append(tag)
    if words:
        yield flush()


# --------------------------------------------------------------------------------------------
# WikiANN (silver), Europarl (gold, IOB1), CoNLL-2003 testa and UNER PUD (evaluation)


def read_wikiann(lines: Iterable[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (words, IOB2 tags) per sentence of ``idx<TAB>token<TAB>tag`` lines."""
    words: list[str] = []
    tags: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[2] not in _WIKIANN_TAGS:
            raise ValueError(f"bad WikiANN line: {raw!r}")
        words.append(fields[1])
        tags.append(fields[2])
    if words:
        yield words, tags


_WIKIANN_TAGS = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}


def maybe_unmarked_entity(word: str) -> bool:
    """Whether a silver-O word could be an entity WikiANN does not mark (MISC or an unlinked name).

    Example: "Olympischen" -> True, "Teil" -> True (German nouns are capitalised), "deutschen" -> False.
    """
    if not any(c.isalnum() for c in word):
        return False
    return word[0].isupper() or any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])


def wikiann_missing(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Outside-entity tokens to mark missing in a WikiANN sentence (see the module docstring)."""
    inside = {i for s, e, _ in spans for i in range(s, e)}
    return [(i, i + 1) for i, w in enumerate(words) if i not in inside and maybe_unmarked_entity(w)]


def read_europarl(
    lines: Iterable[str],
) -> Iterator[tuple[list[str], list[tuple[int, int, str]], list[tuple[int, int]]]]:
    """Yield (words, PER/LOC/ORG spans, missing MISC spans) per sentence.

    Lines are ``token<TAB>lemma<TAB>STTS<TAB>chunk<TAB>NE`` with NE in IOB1.
    """
    words: list[str] = []
    tags: list[str] = []

    def flush():
        ents, missing = [], []
        for s, e, typ in bio_to_spans(iob1_to_iob2(tags)):
            if typ == "MISC":
                missing.append((s, e))
            elif typ in ("PER", "LOC", "ORG"):
                ents.append((s, e, typ))
            else:
                raise ValueError(f"unknown Europarl type {typ!r}")
        return words, ents, missing

    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if words:
                yield flush()
            words, tags = [], []
            continue
        fields = line.split("\t")
        if len(fields) < 5:
            raise ValueError(f"bad Europarl line: {raw!r}")
        words.append(fields[0])
        tags.append(fields[4])
    if words:
        yield flush()


def read_conll2003(lines: Iterable[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (words, IOB2 tags) per sentence of CoNLL-2003 German (``word lemma STTS chunk NE``, IOB1).

    ``-DOCSTART-`` lines separate documents and are skipped.
    """
    words: list[str] = []
    tags: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.startswith("-DOCSTART-") or not line.strip():
            if words:
                yield words, iob1_to_iob2(tags)
            words, tags = [], []
            continue
        fields = line.split(" ")
        if len(fields) != 5:
            raise ValueError(f"bad CoNLL-2003 line: {raw!r}")
        words.append(fields[0])
        tags.append(fields[4])
    if words:
        yield words, iob1_to_iob2(tags)


def read_uner(lines: Iterable[str]) -> Iterator[tuple[list[str], list[str], str | None]]:
    """Yield (words, IOB2 tags, sentence text) per sentence of a UNER ``.iob2`` file.

    Lines are ``id<TAB>token<TAB>tag<TAB>-<TAB>annotator``; ``# text = ...`` gives the spacing.
    """
    words: list[str] = []
    tags: list[str] = []
    text: str | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.startswith("#"):
            if line.startswith("# text = "):
                text = line[len("# text = ") :]
            continue
        if not line.strip():
            if words:
                yield words, tags, text
            words, tags, text = [], [], None
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise ValueError(f"bad UNER line: {raw!r}")
        words.append(fields[1])
        tags.append(fields[2])
    if words:
        yield words, tags, text


def spaces_from_text(words: list[str], text: str | None) -> list[bool]:
    """Token spacing recovered from the sentence text; falls back to ``guess_spaces``."""
    if not text:
        return guess_spaces(words)
    spaces, pos = [], 0
    for w in words:
        i = text.find(w, pos)
        if i < 0:
            return guess_spaces(words)
        pos = i + len(w)
        spaces.append(text[pos : pos + 1] == " ")
    return spaces


# --------------------------------------------------------------------------------------------
# SmartData


def iter_concatenated_json(text: str) -> Iterator[dict]:
    dec = json.JSONDecoder()
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


def _unwrap(v):
    if isinstance(v, dict) and len(v) == 1:
        ((k, inner),) = v.items()
        if k in ("string", "array", "map", "float", "int", "long"):
            return inner
    return v


def smartdata_doc(nlp, obj: dict) -> Doc | None:
    text = _unwrap(obj.get("text")) or ""
    if not text.strip():
        return None
    doc = nlp.make_doc(text)
    ents = []
    for cm in _unwrap(obj.get("conceptMentions")) or []:
        label = map_smartdata_type(cm.get("type", ""))
        if not label:
            continue
        span = doc.char_span(cm["span"]["start"], cm["span"]["end"], label=label, alignment_mode="expand")
        if span is None:
            continue
        start, end = span.start, span.end
        while start < end and (doc[start].is_space or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
            end -= 1
        if end > start and not any(t.is_space for t in doc[start:end]):
            ents.append(Span(doc, start, end, label=label))
    # drop overlaps: keep the longest
    from spacy.util import filter_spans

    doc.set_ents(filter_spans(ents), default="outside")
    return doc


# --------------------------------------------------------------------------------------------
# UD


def fix_merged_lemmas(doc: Doc) -> Doc:
    """``im`` -> lemma ``in`` instead of the merged ``in der``."""
    for tok in doc:
        if " " in tok.lemma_ and tok.pos_ == "ADP":
            tok.lemma_ = tok.lemma_.split(" ")[0]
    return doc


def read_conllu_docs(path: Path, vocab: Vocab, n_sents: int = 10) -> list[Doc]:
    from spacy.training.converters import conllu_to_docs

    text = Path(path).read_text(encoding="utf-8")
    docs = list(conllu_to_docs(text, n_sents=n_sents, merge_subtokens=True, no_print=True))
    out = []
    for d in docs:
        # re-home onto our vocab
        d2 = Doc(vocab).from_bytes(d.to_bytes())
        out.append(fix_merged_lemmas(d2))
    return out


# --------------------------------------------------------------------------------------------
# builders


def _open_text(path: Path):
    if str(path).endswith(".xz"):
        return lzma.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8", newline="")


def wikiann_docs(folder: Path, vocab: Vocab, *, seed: int = 0, mask: bool = True) -> list[Doc]:
    """All WikiANN sentences (train, val, test) in a seeded random order; ``mask``: possible MISC missing."""
    docs = []
    for split in ("train.conllu.xz", "val.conllu.xz", "test.conllu.xz"):
        with _open_text(folder / split) as f:
            for words, tags in read_wikiann(f):
                spans = bio_to_spans(tags)
                docs.append(make_ner_doc(vocab, words, spans, wikiann_missing(words, spans) if mask else ()))
    random.Random(seed + 1).shuffle(docs)
    return docs


def build_all(
    data: Path, out: Path, seed: int = 0, ler_keep_empty: float = 0.1, wikiann_sample: int = 8000
) -> dict:
    """Write every corpus DocBin under ``out``; return counts.

    ``wikiann_sample``: sentences drawn at random from all three WikiANN splits for
    ``ner_wikiann_sample`` (the silver data is down-weighted against the gold by sampling).
    """
    import spacy

    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")
    vocab = nlp.vocab
    rng = random.Random(seed)
    stats: dict[str, int] = {}

    def save(name, docs):
        DocBin(docs=docs, store_user_data=False).to_disk(out / f"{name}.spacy")
        stats[name] = len(docs)

    # GermEval: test -> train (+ small internal dev), dev -> held-out eval
    with _open_text(data / "germeval2014" / "NER-de-test.tsv") as f:
        ge_test = [make_ner_doc(vocab, w, bio_to_spans(t)) for w, t in read_germeval(f)]
    with _open_text(data / "germeval2014" / "NER-de-dev.tsv") as f:
        ge_dev = [make_ner_doc(vocab, w, bio_to_spans(t)) for w, t in read_germeval(f)]
    rng.shuffle(ge_test)
    save("ner_germeval_inner_dev", ge_test[:500])
    save("ner_germeval_train", ge_test[500:])
    save("ner_germeval_heldout", ge_dev)

    # LER: both splits -> train; keep all sentences with PER/LOC/ORG, a fraction of the others
    ler = []
    for split in ("ler_dev.conll", "ler_test.conll"):
        with _open_text(data / "legal-ner-ler" / split) as f:
            for words, ents, missing in read_ler(f):
                if ents or rng.random() < ler_keep_empty:
                    ler.append(make_ner_doc(vocab, words, ents, missing))
    save("ner_ler", ler)

    # SmartData v1 train + test (deduplicated by id and text prefix)
    sd, seen = [], set()
    for split in ("train.json.xz", "test.json.xz"):
        with _open_text(data / "smartdata" / "v1_20180119" / split) as f:
            for obj in iter_concatenated_json(f.read()):
                key1 = obj.get("id")
                key2 = (_unwrap(obj.get("text")) or "")[:200]
                if key1 in seen or key2 in seen:
                    continue
                seen.update((key1, key2))
                d = smartdata_doc(nlp, obj)
                if d is not None:
                    sd.append(d)
    save("ner_smartdata", sd)

    extra = data / "ner-extra"
    # Europarl NER: all three splits -> train (gold, MISC missing)
    ep = []
    for split in ("train.tsv.xz", "dev.tsv.xz", "test.tsv.xz"):
        with _open_text(extra / "europarl-ner" / split) as f:
            for words, ents, missing in read_europarl(f):
                ep.append(make_ner_doc(vocab, words, ents, missing))
    save("ner_europarl", ep)

    # WikiANN: all three splits -> silver train pool; a seeded sample is what the recipe uses
    wa = wikiann_docs(extra / "wikiann-de", vocab, seed=seed)
    save("ner_wikiann", wa)
    save("ner_wikiann_sample", wa[:wikiann_sample])
    # the same sample with every O kept (variant "ep-wa8k-o": measures what the masking does)
    save(
        "ner_wikiann_sample_o",
        wikiann_docs(extra / "wikiann-de", vocab, seed=seed, mask=False)[:wikiann_sample],
    )

    # evaluation only: CoNLL-2003 German testa (never train on it), UNER German-PUD
    with _open_text(extra / "conll2003-de" / "deu.testa.utf8.xz") as f:
        save("ner_conll_testa", [make_ner_doc(vocab, w, bio_to_spans(t)) for w, t in read_conll2003(f)])
    with _open_text(extra / "uner-de-pud" / "de_pud-ud-test.iob2.xz") as f:
        save(
            "ner_uner_pud",
            [
                make_ner_doc(vocab, w, bio_to_spans(t), spaces=spaces_from_text(w, text))
                for w, t, text in read_uner(f)
            ],
        )

    # UD: GSD dev + PUD -> train (+ internal dev), GSD test -> held-out eval
    ud = read_conllu_docs(data / "ud-german-gsd" / "de_gsd-ud-dev.conllu", vocab)
    ud += read_conllu_docs(data / "ud-german-pud" / "de_pud-ud-test.conllu", vocab)
    rng.shuffle(ud)
    n_dev = max(1, len(ud) // 12)
    save("ud_inner_dev", ud[:n_dev])
    save("ud_train", ud[n_dev:])
    save("ud_heldout", read_conllu_docs(data / "ud-german-gsd" / "de_gsd-ud-test.conllu", vocab))
    (out / "stats.json").write_text(json.dumps(stats, indent=1))
    return stats


def iter_release_texts(path: Path, limit: int | None = None) -> Iterator[str]:
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            text = json.loads(line).get("text") or ""
            text = re.sub(r"[ \t]+", " ", text).strip()
            if text:
                yield text
