"""Quote benchmark on the German WIKINEWS quotation-attribution dataset (Petersen-Frey & Biemann 2024).

Runs our pipeline on each article's `originalText` and compares doc.spans["press_quotes"] with the
annotations: P/R/F for direct and for indirect quotes (any character overlap, and exact text after
stripping quotation marks and edge punctuation), speaker accuracy (predicted speaker mention overlaps the
gold speaker, among matched quotes with a gold speaker) and cue accuracy (same for the cue).

Gold kinds: Direct -> direct; Indirect, FreeIndirect, IndirectFreeIndirect -> indirect. "Reported"
(speech acts without content: "Müntefering sprach von einem Riesenerfolg") is not a quote in our
contract: it is not gold, and a prediction that overlaps only Reported gold counts as neither hit nor
error (reported as `ignored_reported`). The data (CC BY-NC-SA 4.0) is read by path, never copied.

Example: python -m pressextract.evaluation.quotes_wikinews --split dev
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from pressextract.paths import shared_data_dir

DATA_DIR = shared_data_dir() / "quotes-wikinews"
KIND_OF_TYPE = {
    "Direct": "direct",
    "Indirect": "indirect",
    "FreeIndirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "Reported": "reported",
}
KINDS = ("direct", "indirect")
_EDGE = re.compile(r"^[\s„“”\"»«‚‘’',.:;!?–-]+|[\s„“”\"»«‚‘’',.:;!?–-]+$")


@dataclass(slots=True)
class Item:
    """One quote, gold or predicted: char spans of the statement, speaker and cue."""

    kind: str
    spans: list[tuple[int, int]]
    text: str
    speaker: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    rule: str = ""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", _EDGE.sub("", text)).casefold()


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def iter_documents(path: Path | str = DATA_DIR, *, split: str = "dev") -> Iterator[dict]:
    """The articles of one split (`train` or `dev`) as dicts with originalText and annotations."""
    path = Path(path)
    file = path / f"{split}.jsonl.xz" if path.is_dir() else path
    with lzma.open(file, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _ranges(annotation: dict, key: str) -> list[tuple[int, int]]:
    return [(s["charBegin"], s["charEnd"]) for s in (annotation.get(key) or {}).get("spans", [])]


def gold_items(record: dict, *, dedupe: bool = True) -> list[Item]:
    """The annotated quotes of one article.

    The corpus annotates a quote once per source it is attributed to: "„…“, zitiert ndr.de Polizeisprecher
    Ralf Meyer" is two annotations with the same quote span, speakers "Polizeisprecher Ralf Meyer" and
    "ndr.de" (16 of 740 direct annotations in train+dev). With `dedupe` such annotations are one quote whose
    speaker (and cue) may be any of the annotated ones; without it every annotation is a gold item.
    """
    text = record["originalText"]
    out: list[Item] = []
    by_span: dict[tuple, Item] = {}
    for a in record["annotations"]:
        kind = KIND_OF_TYPE.get(a.get("type"), "reported")
        spans = [(s["charBegin"], s["charEnd"]) for s in a["quote"]["spans"]]
        if not spans:
            continue
        key = (kind, tuple(spans))
        if dedupe and key in by_span:
            seen = by_span[key]
            seen.speaker += [r for r in _ranges(a, "speaker") if r not in seen.speaker]
            seen.cue += [r for r in _ranges(a, "cue") if r not in seen.cue]
            continue
        item = Item(
            kind, spans, " ".join(text[s:e] for s, e in spans), _ranges(a, "speaker"), _ranges(a, "cue")
        )
        by_span[key] = item
        out.append(item)
    return out


def predicted_items(doc) -> list[Item]:
    out = []
    for span in doc.spans.get("press_quotes", []):
        q = span._.quote or {}
        speaker = [(q["speaker_start"], q["speaker_end"])] if q.get("speaker_start") is not None else []
        cue = [(q["cue_start"], q["cue_end"])] if q.get("cue_start") is not None else []
        out.append(
            Item(
                q.get("kind") or "direct",
                [(span.start_char, span.end_char)],
                span.text,
                speaker,
                cue,
                q.get("rule_id") or "",
            )
        )
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f": round(f, 3), "tp": tp, "pred": n_pred, "gold": n_gold}


def _match(preds: list[Item], golds: list[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) by largest overlap first."""
    cands = sorted(
        ((_overlap(p.spans, g.spans), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)),
        reverse=True,
    )
    used_p, used_g, pairs = set(), set(), []
    for ov, i, j in cands:
        if ov <= 0:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def quote_nlp(model: str | None = None, *, quote_config: dict | None = None) -> Language:
    """Our pipeline with the stages quotes depend on (people, roles) and the quotes stage itself.

    `quote_config` overrides press_quotes settings, e.g. {"min_fragment_words": 3}.
    """
    import pressextract.stages  # noqa: F401  (registers the stage factories)
    from pressextract.api import load

    wanted = [s for s in ("press_people", "press_roles", "press_quotes") if Language.has_factory(s)]
    nlp = load(model, stages=wanted)
    if quote_config:
        nlp.replace_pipe("press_quotes", "press_quotes", config=quote_config)
    return nlp


def evaluate_quotes(
    path: Path | str = DATA_DIR,
    *,
    nlp: Language | None = None,
    split: str = "dev",
    model: str | None = None,
    limit: int | None = None,
    errors: list | None = None,
    dedupe: bool = True,
) -> dict:
    """P/R/F per kind (overlap and exact), speaker and cue accuracy on one split of the WIKINEWS data.

    Example: evaluate_quotes(split="dev")["direct"]["overlap"]["f"] -> 0.9…
    `errors`: a list that receives (doc name, "fp"|"fn", kind, text) for error analysis.
    """
    if nlp is None:
        nlp = quote_nlp(model)
    counts = new_counts()
    n_docs = 0
    for record in iter_documents(path, split=split):
        if limit is not None and n_docs >= limit:
            break
        n_docs += 1
        golds = gold_items(record, dedupe=dedupe)
        preds = predicted_items(nlp(record["originalText"]))
        count_document(counts, golds, preds, errors=errors, name=record.get("documentName", ""))
    result: dict = {
        "split": split,
        "documents": n_docs,
        "gold_deduplicated": dedupe,
        "model": nlp.meta.get("name"),
        "pipes": list(nlp.pipe_names),
    }
    result.update(summarize(counts))
    return result


def new_counts() -> dict:
    """Empty tallies per kind (direct, indirect, any) plus the ignored predictions on Reported acts."""
    counts: dict = {
        k: {"tp": 0, "tp_exact": 0, "pred": 0, "gold": 0, "spk_n": 0, "spk_ok": 0, "cue_n": 0, "cue_ok": 0}
        for k in (*KINDS, "any")
    }
    counts["ignored_reported"] = 0
    return counts


def count_document(
    counts: dict, golds: list[Item], preds: list[Item], *, errors: list | None = None, name: str = ""
) -> None:
    """Add one article's matches to `counts` (see new_counts); `errors` receives its fp/fn rows."""
    reported = [g for g in golds if g.kind == "reported"]
    for scope in (*KINDS, "any"):
        g_k = [g for g in golds if (g.kind == scope or (scope == "any" and g.kind != "reported"))]
        p_k = [p for p in preds if p.kind == scope or scope == "any"]
        pairs = _match(p_k, g_k)
        matched = {i for i, _ in pairs}
        # A prediction on a Reported speech act is neither right nor wrong for our contract.
        unmatched_reported = [
            i
            for i, p in enumerate(p_k)
            if i not in matched and any(_overlap(p.spans, r.spans) for r in reported)
        ]
        if scope == "any":
            counts["ignored_reported"] += len(unmatched_reported)
        c = counts[scope]
        c["pred"] += len(p_k) - len(unmatched_reported)
        c["gold"] += len(g_k)
        c["tp"] += len(pairs)
        for i, j in pairs:
            p, g = p_k[i], g_k[j]
            c["tp_exact"] += _norm(p.text) == _norm(g.text)
            if g.speaker:
                c["spk_n"] += 1
                c["spk_ok"] += bool(p.speaker) and _overlap(p.speaker, g.speaker) > 0
            if g.cue:
                c["cue_n"] += 1
                c["cue_ok"] += bool(p.cue) and _overlap(p.cue, g.cue) > 0
        if errors is not None and scope in KINDS:
            gold_hit = {j for _, j in pairs}
            errors += [
                (name, "fp", scope, p_k[i].text, p_k[i].rule)
                for i in range(len(p_k))
                if i not in matched and i not in unmatched_reported
            ]
            errors += [(name, "fn", scope, g.text) for j, g in enumerate(g_k) if j not in gold_hit]


def summarize(counts: dict) -> dict:
    """P/R/F (overlap, exact), speaker and cue accuracy per kind from the tallies of count_document."""
    result: dict = {"ignored_reported": counts["ignored_reported"]}
    for k in (*KINDS, "any"):
        c = counts[k]
        result[k] = {
            "overlap": _prf(c["tp"], c["pred"], c["gold"]),
            "exact": _prf(c["tp_exact"], c["pred"], c["gold"]),
            "speaker_acc": round(c["spk_ok"] / c["spk_n"], 3) if c["spk_n"] else None,
            "speaker_n": c["spk_n"],
            "cue_acc": round(c["cue_ok"] / c["cue_n"], 3) if c["cue_n"] else None,
            "cue_n": c["cue_n"],
        }
    return result


def format_table(result: dict) -> str:
    title = f"WIKINEWS quotes, split={result['split']} ({result['documents']} documents, pipes: "
    header = f"{'kind':<9} {'match':<8} {'P':>6} {'R':>6} {'F':>6} {'tp':>5} {'pred':>5} {'gold':>5}  "
    rows = [title + ", ".join(result["pipes"]) + ")", header + f"{'speaker acc':>11} {'cue acc':>8}"]
    for k in (*KINDS, "any"):
        for mode in ("overlap", "exact"):
            m = result[k][mode]
            extra = ""
            if mode == "overlap":
                spk, cue = result[k]["speaker_acc"], result[k]["cue_acc"]
                extra = f"  {spk if spk is not None else '-':>11} {cue if cue is not None else '-':>8}"
            rows.append(
                f"{k:<9} {mode:<8} {m['p']:>6.3f} {m['r']:>6.3f} {m['f']:>6.3f} {m['tp']:>5} {m['pred']:>5} "
                f"{m['gold']:>5}{extra}"
            )
    rows.append(f"predictions on 'Reported' speech acts, not counted: {result['ignored_reported']}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--data", default=str(DATA_DIR), help="folder with train/dev .jsonl.xz")
    parser.add_argument("--model", default=None, help="spaCy model (default: bundled/installed; 'blank')")
    parser.add_argument(
        "--fragments",
        type=int,
        default=None,
        help="press_quotes min_fragment_words (quoted phrases without a cue; 0 = off)",
    )
    parser.add_argument(
        "--no-dedupe",
        action="store_true",
        help="count every annotation as a gold quote (the corpus repeats a quote once per attributed source)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--errors", type=int, default=0, help="print N false positives/negatives")
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        parser.error(f"{args.data} not found: the WIKINEWS quotes data lives in shared/data/quotes-wikinews")
    errors: list | None = [] if args.errors else None
    cfg = {"min_fragment_words": args.fragments} if args.fragments is not None else None
    nlp = quote_nlp(args.model, quote_config=cfg)
    result = evaluate_quotes(
        args.data, nlp=nlp, split=args.split, limit=args.limit, errors=errors, dedupe=not args.no_dedupe
    )
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    for err in (errors or [])[: args.errors]:
        print(" | ".join(str(x)[:200].replace("\n", " ") for x in err))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
