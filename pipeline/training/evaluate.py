"""Held-out evaluation: NER on GermEval 2014 dev, UPOS/morph/lemma/sentences/deps on GSD test."""

from __future__ import annotations

import json
import time
from pathlib import Path

from spacy.training import Corpus


def _examples(nlp, path: Path):
    return list(Corpus(str(path))(nlp))


def evaluate_ner(nlp, path: Path) -> dict:
    examples = _examples(nlp, path)
    disable = [p for p in nlp.pipe_names if p not in ("ner",) and nlp.get_pipe_meta(p).factory != "tok2vec"]
    with nlp.select_pipes(disable=[d for d in disable if d in nlp.pipe_names]):
        scores = nlp.evaluate(examples)
    out = {k: scores[k] for k in ("ents_p", "ents_r", "ents_f")}
    out["ents_per_type"] = scores.get("ents_per_type")
    return out


def evaluate_ud(nlp, path: Path) -> dict:
    examples = _examples(nlp, path)
    with nlp.select_pipes(disable=[p for p in ("ner",) if p in nlp.pipe_names]):
        scores = nlp.evaluate(examples)
    keys = (
        "pos_acc",
        "morph_acc",
        "lemma_acc",
        "tag_acc",
        "sents_p",
        "sents_r",
        "sents_f",
        "dep_uas",
        "dep_las",
    )
    out = {k: scores.get(k) for k in keys if scores.get(k) is not None}
    # Mood accuracy (Mood=Sub matters for reported speech)
    feats = scores.get("morph_per_feat") or {}
    if "Mood" in feats:
        out["morph_Mood_f"] = feats["Mood"]["f"]
    return out


def words_per_second(nlp, texts: list[str], batch_size: int = 64) -> dict:
    """Single-process throughput of ``nlp.pipe`` (call with one BLAS thread)."""
    list(nlp.pipe(texts[:20]))  # warm up
    t0 = time.perf_counter()
    n_words = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        n_words += sum(1 for t in doc if not t.is_space and not t.is_punct)
    dt = time.perf_counter() - t0
    return {"words": n_words, "seconds": round(dt, 2), "words_per_second": round(n_words / dt)}


def dir_size_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6, 1)


def evaluate_all(model: Path | str, corpus: Path, out: Path | None = None) -> dict:
    import spacy

    nlp = spacy.load(model)
    res: dict = {"model": str(model)}
    if "ner" in nlp.pipe_names:
        res["ner_germeval_dev"] = evaluate_ner(nlp, corpus / "ner_germeval_heldout.spacy")
    if any(
        p in nlp.pipe_names
        for p in ("morphologizer", "parser", "senter", "trainable_lemmatizer", "lemmatizer")
    ):
        res["ud_gsd_test"] = evaluate_ud(nlp, corpus / "ud_heldout.spacy")
    res["size_mb"] = dir_size_mb(Path(model))
    if out:
        out.write_text(json.dumps(res, indent=1))
    return res


if __name__ == "__main__":
    import sys

    r = evaluate_all(sys.argv[1], Path(sys.argv[2]))
    print(json.dumps(r, indent=1))
