"""Temporal-expression benchmark on WikiWarsDE (Strötgen & Gertz 2011), TIMEX2 gold, 22 history articles.

Reads the inline gold (`keyinline/*.key.xml`), rebuilds each document's TEXT with the gold character
offsets, runs our timex rules in narrative mode (anchor = the document's DATETIME, missing years from the
last mentioned date) and reports extraction P/R/F, strict (same extent) and lenient (overlap), and value
accuracy on lenient matches, beside HeidelTime's published figures. The data (CC BY-SA 3.0) is read by
path, never copied.

Value comparison maps TIMEX2 to our TIMEX3-style values: both write centuries as "19", decades as "196",
BC years as "BC0490", seasons as "1940-SU", durations as "P3D"; the TIMEX2 `mod` is compared apart (not
part of the value); seconds ":00" are dropped; gold without a value is left out of the value score.

Example: python -m pressextract.evaluation.wikiwars            (table)
         python -m pressextract.evaluation.wikiwars --errors 40 (also list misses and false alarms)
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree
from spacy.language import Language

from pressextract.paths import shared_data_dir
from pressextract.rules.timexes import find_timexes

DATA_DIR = shared_data_dir() / "wikiwarsde"
# HeidelTime on WikiWarsDE (microth/heideltime EvaluationResults.md, see data/SOURCES.md section 7).
HEIDELTIME = {
    "strict_p": 93.0,
    "strict_r": 83.0,
    "strict_f": 87.7,
    "lenient_p": 98.9,
    "lenient_r": 88.3,
    "lenient_f": 93.3,
    "value_acc": 88.5,
}
_BARE_AMP = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None
    mod: str | None


@dataclass(frozen=True, slots=True)
class WikiWarsDoc:
    doc_id: str
    text: str
    dct: date | None
    gold: tuple[GoldTimex, ...]


def _parser() -> etree.XMLParser:
    # No entity resolution, no DTD, no network: the corpus is data, never code.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=False,
    )


def corpus_dir(data_dir: Path) -> Path:
    """The folder holding keyinline/: data_dir itself or its WikiWarsDE_* subfolder."""
    data_dir = Path(data_dir)
    if (data_dir / "keyinline").is_dir():
        return data_dir
    for sub in sorted(data_dir.glob("WikiWarsDE*")):
        if (sub / "keyinline").is_dir():
            return sub
    raise FileNotFoundError(f"no keyinline/ folder under {data_dir}")


def load_documents(data_dir: Path = DATA_DIR) -> list[WikiWarsDoc]:
    """Gold documents with offsets into their TEXT. Example: 01_WW2 -> "20. Jahrhunderts" val "19"."""
    docs = []
    for path in sorted((corpus_dir(data_dir) / "keyinline").glob("*.key.xml")):
        raw = _BARE_AMP.sub("&amp;", path.read_text(encoding="utf-8"))  # a few bare "&" in the corpus
        root = etree.fromstring(raw.encode("utf-8"), _parser())
        dct_el = root.find("DATETIME")
        dct_text = "".join(dct_el.itertext()).strip() if dct_el is not None else ""
        dct = date.fromisoformat(dct_text[:10]) if re.match(r"\d{4}-\d\d-\d\d", dct_text) else None
        text_el = root.find("TEXT")
        parts: list[str] = [text_el.text or ""]
        gold: list[GoldTimex] = []
        pos = len(parts[0])
        for child in text_el:
            inner = "".join(child.itertext())
            if child.tag == "TIMEX2":
                gold.append(GoldTimex(pos, pos + len(inner), inner, child.get("val"), child.get("mod")))
            parts.append(inner)
            pos += len(inner)
            tail = child.tail or ""
            parts.append(tail)
            pos += len(tail)
        doc_id = (root.findtext("DOCID") or path.stem).strip()
        docs.append(WikiWarsDoc(doc_id, "".join(parts), dct, tuple(gold)))
    return docs


def _norm_value(v: str | None) -> str | None:
    if not v:
        return None
    v = v.strip().upper()
    v = re.sub(r"(T\d\d:\d\d):00$", r"\1", v)
    return v


def _predict(doc: WikiWarsDoc, nlp: Language | None) -> list[tuple[int, int, str | None]]:
    if nlp is None:
        return [(t.start, t.end, t.value) for t in find_timexes(doc.text, anchor=doc.dct, domain="narrative")]
    d = nlp.make_doc(doc.text)
    if d.has_extension("press_meta"):
        d._.press_meta = {"published": doc.dct.isoformat() if doc.dct else None}
    for _name, proc in nlp.pipeline:
        saved = getattr(proc, "domain", None)
        if saved is not None:
            proc.domain = "narrative"  # history articles: years and "am selben Tag" from the last date
        try:
            d = proc(d)
        finally:
            if saved is not None:
                proc.domain = saved
    return [
        (s.start_char, s.end_char, (s._.timex or {}).get("value")) for s in d.spans.get("press_timexes", [])
    ]


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def evaluate_wikiwars(
    data_dir: Path | str = DATA_DIR, *, nlp: Language | None = None, errors: list | None = None
) -> dict:
    """Extraction P/R/F (strict and lenient) and value accuracy on WikiWarsDE, beside HeidelTime.

    Example: evaluate_wikiwars("/work/shared/data/wikiwarsde") -> {"lenient_f": 9x.x, "value_acc": 8x.x, …}.
    Without ``nlp`` the rules run directly (no spaCy); with it, the pipeline's press_timexes output is
    scored. ``errors``, when a list, receives (kind, doc_id, text, gold value, system value) rows.
    """
    docs = load_documents(Path(data_dir))
    n_gold = n_sys = 0
    strict_p = strict_r = len_p = len_r = 0
    val_ok = val_n = 0
    for doc in docs:
        sys = _predict(doc, nlp)
        gold = [g for g in doc.gold]
        n_gold += len(gold)
        n_sys += len(sys)
        gold_spans = {(g.start, g.end) for g in gold}
        sys_spans = {(s, e) for s, e, _ in sys}
        strict_p += sum((s, e) in gold_spans for s, e, _ in sys)
        strict_r += sum((g.start, g.end) in sys_spans for g in gold)
        for s, e, v in sys:
            if any(s < g.end and g.start < e for g in gold):
                len_p += 1
            elif errors is not None:
                errors.append(("false_alarm", doc.doc_id, doc.text[s:e], None, v))
        for g in gold:
            over = [
                (min(e, g.end) - max(s, g.start), s, e, v) for s, e, v in sys if s < g.end and g.start < e
            ]
            if not over:
                if errors is not None:
                    errors.append(("missed", doc.doc_id, g.text, g.value, None))
                continue
            len_r += 1
            _, s, e, v = max(over)
            if g.value:
                val_n += 1
                ok = _norm_value(v) == _norm_value(g.value)
                val_ok += ok
                if not ok and errors is not None:
                    errors.append(("value", doc.doc_id, f"{g.text} | {doc.text[s:e]}", g.value, v))
            if (s, e) != (g.start, g.end) and errors is not None:
                errors.append(("extent", doc.doc_id, f"{g.text} | {doc.text[s:e]}", g.value, v))
    sp, sr, sf = _prf(strict_p, n_sys, strict_r, n_gold)
    lp, lr, lf = _prf(len_p, n_sys, len_r, n_gold)
    return {
        "documents": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "strict_p": round(sp, 1),
        "strict_r": round(sr, 1),
        "strict_f": round(sf, 1),
        "lenient_p": round(lp, 1),
        "lenient_r": round(lr, 1),
        "lenient_f": round(lf, 1),
        "value_acc": round(100 * val_ok / val_n, 1) if val_n else 0.0,
        "value_n": val_n,
        "heideltime": dict(HEIDELTIME),
    }


def format_table(result: dict) -> str:
    """A plain-text table: ours beside HeidelTime. Example: "lenient F   93.4   93.3"."""
    rows = [
        ("strict P", "strict_p"),
        ("strict R", "strict_r"),
        ("strict F", "strict_f"),
        ("lenient P", "lenient_p"),
        ("lenient R", "lenient_r"),
        ("lenient F", "lenient_f"),
        ("value acc (lenient matches)", "value_acc"),
    ]
    lines = [
        (
            f"WikiWarsDE: {result['documents']} documents, {result['gold']} gold TIMEX2, "
            f"{result['system']} system timexes"
        ),
        f"{'metric':<30}{'pressextract':>14}{'HeidelTime':>12}",
    ]
    for label, key in rows:
        lines.append(f"{label:<30}{result[key]:>14.1f}{result['heideltime'][key]:>12.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA_DIR, help="WikiWarsDE folder (read in place)")
    ap.add_argument(
        "--model", default=None, help="run the spaCy pipeline with this model (default: rules only)"
    )
    ap.add_argument("--errors", type=int, default=0, help="list this many errors of each kind")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    nlp = None
    if args.model:
        from pressextract.engine import build_nlp

        nlp = build_nlp(args.model, stages=["press_timexes"])
    errs: list | None = [] if args.errors else None
    result = evaluate_wikiwars(args.data, nlp=nlp, errors=errs)
    print(json.dumps(result, indent=1) if args.json else format_table(result))
    if errs:
        by_kind = Counter(e[0] for e in errs)
        for kind in ("missed", "false_alarm", "value", "extent"):
            print(f"\n== {kind} ({by_kind[kind]})")
            for e in [e for e in errs if e[0] == kind][: args.errors]:
                print(f"  {e[1]:<16} {e[2]!r:<60} gold={e[3]} sys={e[4]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
