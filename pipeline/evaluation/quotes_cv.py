"""5-fold cross-validation by document over WIKINEWS train+dev: the quote rules alone and with the
learned speaker ranking (pressextract.rules.quotes.learned).

The pipeline runs once per article with the learned step off; each fold scores its documents with the
rules' speakers and with the speakers a model trained on the other four folds picks. The folds are a
seeded shuffle of the document names (seed printed). `--save` trains on WIKINEWS train (all of it) and
writes the shipped weights. The data (CC BY-NC-SA 4.0) is read by path, never copied.

Example: python -m pressextract.evaluation.quotes_cv --folds 5 --seed 18
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
from dataclasses import replace
from pathlib import Path

from pressextract.evaluation.quotes_wikinews import (
    DATA_DIR,
    _match,
    _overlap,
    count_document,
    gold_items,
    iter_documents,
    new_counts,
    predicted_items,
    quote_nlp,
    summarize,
)
from pressextract.rules.quotes.clauses import CLAUSE_MODEL_PATH, ClauseModel, clause_candidates
from pressextract.rules.quotes.learned import (
    _NOBODY_RULES,
    MODEL_PATH,
    SpeakerModel,
    choose_speaker,
    continued_span,
    speaker_candidates,
)

KINDS = ("direct", "indirect")  # the quote kinds whose speakers the shipped model chooses
METRICS = (
    ("direct", "f"),
    ("direct", "speaker"),
    ("indirect", "f"),
    ("indirect", "speaker"),
)


CACHE_VERSION = 2  # the cache holds parsed Docs (DocBin) before press_quotes, so rule changes rerun fast


def parse(
    data: Path | str = DATA_DIR, *, model: str | None = None, limit: int | None = None
) -> list[tuple[str, str, list, object]]:
    """(name, split, gold items, Doc) per article of train and dev, run through the pipeline up to (not
    including) press_quotes: the parse is the slow part and does not change when the quote rules do."""
    nlp = quote_nlp(model, quote_config={"learned_speakers": False})
    out = []
    with nlp.select_pipes(disable=["press_quotes"]):
        for split in ("train", "dev"):
            for n, record in enumerate(iter_documents(data, split=split)):
                if limit is not None and n >= limit:
                    break
                name = record.get("documentName", f"{split}-{n}")
                out.append((name, split, gold_items(record), nlp(record["originalText"])))
    return out


def _load_parsed(cache: Path | None, data, *, model: str | None, limit: int | None):
    """The parsed articles from `cache` when it holds them for these settings, else parsed now (and saved)."""
    from spacy.tokens import DocBin

    key = {"version": CACHE_VERSION, "model": model, "limit": limit, "data": str(data)}
    nlp = quote_nlp(model, quote_config={"learned_speakers": False})
    if cache and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if isinstance(stored, dict) and stored.get("key") == key:
            docs = list(DocBin().from_bytes(stored["docbin"]).get_docs(nlp.vocab))
            return nlp, [(*meta, doc) for meta, doc in zip(stored["meta"], docs, strict=True)]
    parsed = parse(data, model=model, limit=limit)
    if cache:
        bin_ = DocBin(store_user_data=True)
        for *_, doc in parsed:
            bin_.add(doc)
        meta = [(name, split, golds) for name, split, golds, _ in parsed]
        cache.write_bytes(pickle.dumps({"key": key, "docbin": bin_.to_bytes(), "meta": meta}))
    return nlp, parsed


def collect(
    data: Path | str = DATA_DIR,
    *,
    model: str | None = None,
    limit: int | None = None,
    cache: Path | None = None,
    keep_docs: bool = False,
) -> list[dict]:
    """Per article of train and dev: name, split, gold items, predicted items, speaker candidates (the
    quote rules run now on the parsed Docs; `cache` keeps the parse). `keep_docs` keeps the Doc too."""
    from pressextract.contract import Refs
    from pressextract.rules.quotes.context import QuoteMatch

    nlp, parsed = _load_parsed(cache, data, model=model, limit=limit)
    quotes_pipe = nlp.get_pipe("press_quotes")
    docs = []
    for name, split, golds, doc in parsed:
        doc = quotes_pipe(doc)
        preds = predicted_items(doc)
        quotes = []
        for span in doc.spans.get("press_quotes", []):
            q = span._.quote or {}
            quotes.append(
                QuoteMatch(
                    span.start_char,
                    span.end_char,
                    q.get("kind") or "direct",
                    (q.get("rule_id") or "").split(":")[0],
                    cue=q.get("cue"),
                    cue_start=q.get("cue_start"),
                    cue_end=q.get("cue_end"),
                    speaker=q.get("speaker"),
                    speaker_start=q.get("speaker_start"),
                    speaker_end=q.get("speaker_end"),
                )
            )
        refs = Refs.from_doc(doc, "people", "offices")
        cands = speaker_candidates(doc, quotes, refs=refs)
        clauses = clause_candidates(
            doc,
            quotes,
            lexicon=quotes_pipe.rules.lexicon,
            options=quotes_pipe.options,
            excluded=Refs.from_doc(doc, "blocks").excluded(),
        )
        row = {
            "name": name,
            "split": split,
            "text": doc.text,
            "golds": golds,
            "preds": preds,
            "cands": [[(c.start, c.end, c.features) for c in cs] for cs in cands],
            "clauses": clauses,
        }
        if keep_docs:
            row["doc"] = doc
        docs.append(row)
    return docs


def _rows(doc: dict, kinds: tuple[str, ...] = ("direct", "indirect")) -> list[tuple[int, dict, int]]:
    """(quote index, features, label) for the candidates of the predicted direct quotes matched to a gold
    direct quote with a speaker; label 1 when the candidate overlaps the gold speaker."""
    out = []
    for kind in kinds:
        preds, golds = doc["preds"], [g for g in doc["golds"] if g.kind == kind]
        same = [i for i, p in enumerate(preds) if p.kind == kind]
        for i, j in _match([preds[k] for k in same], golds):
            g = golds[j]
            if not g.speaker:
                continue
            q = same[i]
            for s, e, feats in doc["cands"][q]:
                out.append((q, feats, int(_overlap([(s, e)], g.speaker) > 0)))
    return out


def train(
    docs: list[dict],
    *,
    c: float = 1.0,
    kinds: tuple[str, ...] = KINDS,
    threshold: float = 0.3,
    margin: float = 0.2,
) -> SpeakerModel:
    """A logistic regression on the candidates of `docs` (scikit-learn; liblinear, L2), for the quotes of
    `kinds`; `threshold` and `margin` go into the model as they are (see choose_speaker).

    (A conditional logit, softmax over each quote's candidates, was tried on the same CV: direct speaker
    0.805 vs 0.814, indirect the same; the per-candidate regression stays.)
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [r for d in docs for r in _rows(d, kinds)]
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([f for _, f, _ in rows])
    y = [label for _, _, label in rows]
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) > 1e-6}
    return SpeakerModel(weights, round(float(clf.intercept_[0]), 4), threshold, margin, tuple(kinds))


def _clause_rows(doc: dict) -> list[tuple[dict, int]]:
    """(features, label) for the clause candidates of `doc` that have a speaker: label 1 when the candidate
    overlaps a gold indirect quote no rule row matched and its speaker overlaps the gold speaker (or the
    gold names none); candidates on "Reported" speech acts only are left out (neither right nor wrong)."""
    golds = [g for g in doc["golds"] if g.kind == "indirect"]
    reported = [g for g in doc["golds"] if g.kind == "reported"]
    hit = {j for _, j in _match([p for p in doc["preds"] if p.kind == "indirect"], golds)}
    out = []
    for c in doc["clauses"]:
        if c.speaker is None:
            continue
        span = [(c.start, c.end)]
        over = [g for j, g in enumerate(golds) if j not in hit and _overlap(span, g.spans)]
        if not over and any(_overlap(span, g.spans) for g in reported):
            continue
        ok = bool(over) and (not over[0].speaker or _overlap([c.speaker[1:]], over[0].speaker) > 0)
        out.append((c.features, int(ok)))
    return out


def train_clauses(docs: list[dict], *, c: float = 1.0, threshold: float = 0.4) -> ClauseModel:
    """A logistic regression (scikit-learn, liblinear, L2) on the clause candidates of `docs`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [r for d in docs for r in _clause_rows(d)]
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([f for f, _ in rows])
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(x, [label for _, label in rows])
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) > 1e-6}
    return ClauseModel(weights, round(float(clf.intercept_[0]), 4), threshold)


def apply(doc: dict, model: SpeakerModel | None, clause_model: ClauseModel | None = None) -> list:
    """The predicted items of `doc` with the model's speakers for direct quotes (the rules' without model)
    and the indirect rows `clause_model` adds."""
    from pressextract.evaluation.quotes_wikinews import Item
    from pressextract.rules.quotes.clauses import keep

    added = [
        Item(
            "indirect",
            [(c.start, c.end)],
            doc["text"][c.start : c.end],
            [c.speaker[1:]],
            [],
            c.match().rule_id,
        )
        for c in (keep(doc["clauses"], clause_model) if clause_model is not None else [])
    ]
    if model is None:
        return doc["preds"] + added
    from pressextract.rules.quotes.learned import Candidate

    out = []
    prev: tuple | None = None  # (rules' span, chosen span) of the last direct quote
    for p, cands in zip(doc["preds"], doc["cands"], strict=True):
        if p.kind not in model.kinds:
            out.append(p)
            continue
        rules_span = p.speaker[0] if p.speaker else None
        cs = [Candidate(s, e, set(), f) for s, e, f in cands]
        span = choose_speaker(cs, rules_span, model, require_person=p.rule.startswith(_NOBODY_RULES))
        if p.kind == "direct":
            span = continued_span(p.rule, rules_span, span, prev)
            prev = (rules_span, span)
        out.append(replace(p, speaker=[span] if span else []))
    return out + added


def score(docs: list[dict], model: SpeakerModel | None, clause_model: ClauseModel | None = None) -> dict:
    counts = new_counts()
    for d in docs:
        count_document(counts, d["golds"], apply(d, model, clause_model))
    r = summarize(counts)
    return {f"{k}_{m}": (r[k]["overlap"]["f"] if m == "f" else r[k]["speaker_acc"]) for k, m in METRICS}


def cross_validate(
    docs: list[dict], *, folds: int = 5, seed: int = 18, clauses: dict | None = None, **params
) -> dict:
    """Mean and standard deviation over `folds` folds by document, rules alone and with the model (trained
    per fold on the other folds with `params`: c, kinds, threshold, margin; and with the clause model
    trained there with `clauses`: c, threshold, unless None); and the dev split (models trained on train)."""
    fold_of = _folds(docs, folds, seed)
    per: dict[str, list[dict]] = {"rules": [], "learned": []}
    for k in range(folds):
        test = [d for d in docs if fold_of[d["name"]] == k]
        rest = [d for d in docs if fold_of[d["name"]] != k]
        per["rules"].append(score(test, None))
        clause_model = train_clauses(rest, **clauses) if clauses is not None else None
        per["learned"].append(score(test, train(rest, **params), clause_model))
    result: dict = {"folds": folds, "seed": seed, "documents": len(docs), "C": params.get("c", 1.0)}
    result["params"] = {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}
    result["clauses"] = clauses
    for variant, scores in per.items():
        result[variant] = {
            key: {
                "mean": round(statistics.mean(s[key] for s in scores), 3),
                "sd": round(statistics.stdev(s[key] for s in scores), 3),
                "folds": [s[key] for s in scores],
            }
            for key in scores[0]
        }
    dev = [d for d in docs if d["split"] == "dev"]
    train_docs = [d for d in docs if d["split"] == "train"]
    result["dev"] = {
        "rules": score(dev, None),
        "learned": score(
            dev,
            train(train_docs, **params),
            train_clauses(train_docs, **clauses) if clauses is not None else None,
        ),
    }
    return result


def _folds(docs: list[dict], folds: int, seed: int) -> dict[str, int]:
    names = sorted(d["name"] for d in docs)
    random.Random(seed).shuffle(names)
    return {n: i % folds for i, n in enumerate(names)}


def speaker_errors(docs: list[dict], *, folds: int = 5, seed: int = 18, **params) -> list[dict]:
    """Under the same CV folds: every matched quote with a gold speaker that the model gets wrong, with
    the gold and picked speaker, the rules' speaker and each candidate's probability, sources and features
    (for error analysis; the rows hold corpus text, so they are written outside the repository)."""
    from pressextract.rules.quotes.learned import Candidate

    fold_of = _folds(docs, folds, seed)
    out = []
    for k in range(folds):
        model = train([d for d in docs if fold_of[d["name"]] != k], **params)
        for d in (d for d in docs if fold_of[d["name"]] == k):
            text = d["text"]
            chosen = apply(d, model)
            for kind in model.kinds:
                same = [i for i, p in enumerate(d["preds"]) if p.kind == kind]
                golds = [g for g in d["golds"] if g.kind == kind]
                for i, j in _match([d["preds"][q] for q in same], golds):
                    g, q = golds[j], same[i]
                    if not g.speaker:
                        continue
                    p = d["preds"][q]
                    cs = [Candidate(s, e, set(), f) for s, e, f in d["cands"][q]]
                    rules_span = p.speaker[0] if p.speaker else None
                    span = chosen[q].speaker[0] if chosen[q].speaker else None
                    if span and _overlap([span], g.speaker) > 0:
                        continue
                    qs, qe = p.spans[0]
                    out.append(
                        {
                            "doc": d["name"],
                            "kind": kind,
                            "rule": p.rule,
                            "quote": text[qs:qe][:160],
                            "context": text[max(0, qs - 250) : qs] + " [[Q]] " + text[qe : qe + 200],
                            "gold": [text[a:b] for a, b in g.speaker],
                            "gold_span": g.speaker,
                            "quote_span": [qs, qe],
                            "picked": text[span[0] : span[1]] if span else None,
                            "rules": text[rules_span[0] : rules_span[1]] if rules_span else None,
                            "gold_in_cands": any(_overlap([(c.start, c.end)], g.speaker) > 0 for c in cs),
                            "cands": sorted(
                                (
                                    {
                                        "text": text[c.start : c.end],
                                        "p": round(model.score(c.features), 3),
                                        "gold": _overlap([(c.start, c.end)], g.speaker) > 0,
                                        "src": sorted(
                                            f[4:] for f in c.features if f.startswith("src=") and "&" not in f
                                        ),
                                        "f": {
                                            f: v
                                            for f, v in c.features.items()
                                            if not f.startswith(("src=", "ind:"))
                                        },
                                    }
                                    for c in cs
                                ),
                                key=lambda r: -r["p"],
                            ),
                        }
                    )
    return out


def format_cv(result: dict) -> str:
    lines = [
        (
            f"WIKINEWS quotes, {result['folds']}-fold CV by document (seed {result['seed']}, "
            f"{result['documents']} documents; C={result['C']})"
        )
    ]
    lines.append(
        f"{'metric':<18} {'rules mean±sd':>16} {'learned mean±sd':>16} {'dev rules':>10} {'dev learned':>12}"
    )
    for key in result["rules"]:
        r, m = result["rules"][key], result["learned"][key]
        lines.append(
            f"{key:<18} {r['mean']:>9.3f}±{r['sd']:.3f} {m['mean']:>9.3f}±{m['sd']:.3f} "
            f"{result['dev']['rules'][key]:>10.3f} {result['dev']['learned'][key]:>12.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DATA_DIR))
    parser.add_argument("--model", default=None, help="spaCy model (default: bundled/installed)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--C", type=float, default=1.0, dest="c", help="inverse L2 strength")
    parser.add_argument("--threshold", type=float, default=0.3, help="least probability of a speaker")
    parser.add_argument(
        "--margin", type=float, default=0.2, help="lead over the rules' speaker to replace it"
    )
    parser.add_argument(
        "--kinds", default=",".join(KINDS), help="quote kinds the model decides: direct,indirect"
    )
    parser.add_argument(
        "--cache",
        default=None,
        help="pickle of the parsed articles (before press_quotes), reused when present",
    )
    parser.add_argument("--limit", type=int, default=None, help="first N articles per split")
    parser.add_argument(
        "--save",
        nargs="?",
        const=str(MODEL_PATH),
        default=None,
        help="train on WIKINEWS train and write the weights (default: the shipped file)",
    )
    parser.add_argument("--clause-C", type=float, default=1.0, dest="clause_c", help="clause model L2")
    parser.add_argument(
        "--clause-threshold", type=float, default=0.4, help="least probability of a learned indirect row"
    )
    parser.add_argument("--no-clauses", action="store_true", help="the learned indirect rows off")
    parser.add_argument(
        "--save-clauses",
        nargs="?",
        const=str(CLAUSE_MODEL_PATH),
        default=None,
        help="train the clause model on WIKINEWS train and write it (default: the shipped file)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--errors", default=None, help="write the CV speaker errors as JSONL here (outside the repository)"
    )
    args = parser.parse_args(argv)
    cache = Path(args.cache) if args.cache else None
    docs = collect(args.data, model=args.model, limit=args.limit, cache=cache)
    params = {
        "c": args.c,
        "threshold": args.threshold,
        "margin": args.margin,
        "kinds": tuple(k for k in args.kinds.split(",") if k),
    }
    if args.errors:
        rows = speaker_errors(docs, folds=args.folds, seed=args.seed, **params)
        with open(args.errors, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        print(f"wrote {len(rows)} speaker errors to {args.errors}")
    clauses = None if args.no_clauses else {"c": args.clause_c, "threshold": args.clause_threshold}
    result = cross_validate(docs, folds=args.folds, seed=args.seed, clauses=clauses, **params)
    print(json.dumps(result, indent=2) if args.json else format_cv(result))
    if args.save_clauses:
        cm = train_clauses([d for d in docs if d["split"] == "train"], **(clauses or {}))
        _write_clauses(cm, Path(args.save_clauses), c=args.clause_c)
    if args.save:
        m = train([d for d in docs if d["split"] == "train"], **params)
        payload = {
            "model": "quote_speaker",
            "kind": "logistic regression over speaker candidates (scikit-learn, liblinear, L2)",
            "trained_on": "WIKINEWS German quotation attribution, train split (CC BY-NC-SA 4.0)",
            "C": args.c,
            "bias": m.bias,
            "threshold": m.threshold,
            "margin": m.margin,
            "kinds": list(m.kinds),
            "weights": dict(sorted(m.weights.items())),
        }
        Path(args.save).parent.mkdir(parents=True, exist_ok=True)
        Path(args.save).write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.save}")
    return 0


def _write_clauses(model: ClauseModel, path: Path, *, c: float) -> None:
    payload = {
        "model": "quote_clause",
        "kind": "logistic regression over candidate clauses of indirect speech (scikit-learn, liblinear, L2)",
        "trained_on": "WIKINEWS German quotation attribution, train split (CC BY-NC-SA 4.0)",
        "C": c,
        "bias": model.bias,
        "threshold": model.threshold,
        "weights": dict(sorted(model.weights.items())),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    raise SystemExit(main())
