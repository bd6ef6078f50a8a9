"""Held-out evaluation: NER on GermEval 2014 dev, CoNLL-2003 German testa and UNER German-PUD;
UPOS/morph/lemma/sentences/deps on GSD test."""

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


#: the NER evaluation sets: corpus file (under models/build/corpus), labels scored, description
NER_EVAL_SETS = {
    "germeval_dev": ("ner_germeval_heldout", ("PER", "LOC", "ORG", "MISC"), "GermEval 2014 dev, outer level"),
    "conll_testa": ("ner_conll_testa", ("PER", "LOC", "ORG", "MISC"), "CoNLL-2003 German testa (news 1992)"),
    "uner_pud": ("ner_uner_pud", ("PER", "LOC", "ORG"), "UNER German-PUD (no MISC: predicted MISC dropped)"),
}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def score_ner_docs(nlp, docs, *, labels=("PER", "LOC", "ORG", "MISC"), batch_size: int = 128) -> dict:
    """Exact-span NER scores of ``nlp`` on gold ``docs`` (re-tokenised from their text).

    Spans are compared by character offsets and label; entities of labels outside ``labels`` are
    ignored on both sides (UNER has no MISC, so a predicted MISC is neither right nor wrong there).
    Also returns the scores over PER/LOC/ORG only (``plo_*``), comparable across label schemes.
    """
    docs = list(docs)
    keep = [p for p in nlp.pipe_names if p == "ner" or nlp.get_pipe_meta(p).factory == "tok2vec"]
    gold_sets, pred_sets = [], []
    with nlp.select_pipes(enable=keep):
        for ref, pred in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
            gold_sets.append({(e.start_char, e.end_char, e.label_) for e in ref.ents if e.label_ in labels})
            pred_sets.append({(e.start_char, e.end_char, e.label_) for e in pred.ents if e.label_ in labels})
    counts = {lab: [0, 0, 0] for lab in labels}  # tp, pred, gold
    for g, p in zip(gold_sets, pred_sets):
        for lab in labels:
            gl = {x for x in g if x[2] == lab}
            pl = {x for x in p if x[2] == lab}
            counts[lab][0] += len(gl & pl)
            counts[lab][1] += len(pl)
            counts[lab][2] += len(gl)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    plo = [sum(counts[lab][i] for lab in labels if lab != "MISC") for i in range(3)]
    allp = _prf(*total)
    plop = _prf(*plo)
    return {
        "ents_p": allp["p"],
        "ents_r": allp["r"],
        "ents_f": allp["f"],
        "plo_p": plop["p"],
        "plo_r": plop["r"],
        "plo_f": plop["f"],
        "ents_per_type": {lab: {**_prf(*c), "gold": c[2]} for lab, c in counts.items()},
        "sentences": len(docs),
    }


def evaluate_ner_sets(nlp, corpus: Path, sets=tuple(NER_EVAL_SETS)) -> dict:
    """Every NER evaluation set found under ``corpus`` -> scores (see ``NER_EVAL_SETS``)."""
    from spacy.tokens import DocBin

    out = {}
    for key in sets:
        fname, labels, _ = NER_EVAL_SETS[key]
        path = Path(corpus) / f"{fname}.spacy"
        if not path.exists():
            out[key] = {"skipped": f"{path} not built"}
            continue
        docs = DocBin().from_disk(path).get_docs(nlp.vocab)
        out[key] = score_ner_docs(nlp, docs, labels=labels)
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
        res["ner_sets"] = evaluate_ner_sets(nlp, corpus)
    if any(
        p in nlp.pipe_names
        for p in ("morphologizer", "parser", "senter", "trainable_lemmatizer", "lemmatizer")
    ):
        res["ud_gsd_test"] = evaluate_ud(nlp, corpus / "ud_heldout.spacy")
    res["size_mb"] = dir_size_mb(Path(model))
    if out:
        out.write_text(json.dumps(res, indent=1))
    return res


def ner_table_row(name: str, res: dict) -> str:
    """One markdown row of the model card's NER table: GermEval dev, CoNLL testa, UNER PUD."""
    cells = [name]
    for key in NER_EVAL_SETS:
        r = res.get(key) or {}
        t = r.get("ents_per_type") or {}
        f = lambda v: f"{v:.3f}" if isinstance(v, float) else "–"
        cells.append(
            f"{f(r.get('ents_f'))} (P {f(r.get('ents_p'))} R {f(r.get('ents_r'))}; "
            f"PER {f(t.get('PER', {}).get('f'))} LOC {f(t.get('LOC', {}).get('f'))} "
            f"ORG {f(t.get('ORG', {}).get('f'))}"
            + (f" MISC {f(t['MISC']['f'])}" if "MISC" in t else "")
            + ")"
        )
    return "| " + " | ".join(cells) + " |"


if __name__ == "__main__":
    import sys

    import spacy

    # python -m pressextract.training.evaluate MODEL CORPUS [--ner]: all scores, or the NER sets only
    if "--ner" in sys.argv:
        nlp = spacy.load(sys.argv[1])
        r = evaluate_ner_sets(nlp, Path(sys.argv[2]))
        print(json.dumps(r, indent=1))
        print(ner_table_row(sys.argv[1], r))
    else:
        r = evaluate_all(sys.argv[1], Path(sys.argv[2]))
        print(json.dumps(r, indent=1))
